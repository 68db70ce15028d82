// Starts the page's wasm (`start` is wasm-bindgen's init). When the browser
// cannot instantiate it (after many loads in one tab: "Out of memory", the
// address space still held by earlier pages' wasm memories; or a failed
// download), it waits, reserves one small memory (so that V8 collects this
// thread's dead memories) and tries once more. A second failure is shown in
// the page in both languages (the catalogue is inside the wasm that did not
// start), never a blank page.
async function startPage(start) {
  try {
    return await start();
  } catch (first) {
    console.warn(`The page's wasm did not start (${first}); trying once more.`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    try { new WebAssembly.Memory({ initial: 1 }); } catch { /* the retry shows what remains */ }
    try {
      return await start();
    } catch (second) {
      const message = document.createElement('p');
      message.setAttribute('role', 'alert');
      message.className = 'boot-failure';
      message.textContent = `__BOOT_FAILED__ (${second})`;
      document.body.append(message);
      throw second;
    }
  }
}
