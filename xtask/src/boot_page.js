// Starting the page's wasm, for the served page (start.js) and the standalone
// file alike. When the browser cannot instantiate it (after many loads in one
// tab: "Out of memory", the address space still held by earlier pages' wasm
// memories; or a failed download), `startOnceMore` waits, reserves one small
// memory (so that V8 collects this thread's dead memories) and tries once more.
// A failure that remains is shown in the page in both languages (the catalogue
// is inside the wasm that did not start), never a blank page.

/** Shows that the page could not start, with the browser's reason. */
function showBootFailure(error) {
  const message = document.createElement('p');
  message.setAttribute('role', 'alert');
  message.className = 'boot-failure';
  message.textContent = `__BOOT_FAILED__ (${error})`;
  document.body.append(message);
}

/** `start()`, and once more after a short wait and a small memory when it fails. */
async function startOnceMore(start) {
  try {
    return await start();
  } catch (first) {
    console.warn(`The page's wasm did not start (${first}); trying once more.`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    try { new WebAssembly.Memory({ initial: 1 }); } catch { /* the retry shows what remains */ }
    return start();
  }
}

/** `startOnceMore(start)`; a second failure is shown before it is passed on. */
async function startPage(start) {
  try {
    return await startOnceMore(start);
  } catch (error) {
    showBootFailure(error);
    throw error;
  }
}
