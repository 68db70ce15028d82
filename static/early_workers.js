// Starts the engine's workers as soon as the page is parsed, in parallel with
// the page's own wasm, and keeps what they say until the page takes them over
// (src/worker_slot.rs adopts them from window.wlzEarlyWorkers). The pool size
// is src/bridge.rs's rule: navigator.hardwareConcurrency, 2 to 4, or the
// tests' window.wlzPoolSize.
(() => {
  const forced = Number(window.wlzPoolSize);
  const size = forced >= 1 ? Math.min(4, Math.floor(forced)) : Math.min(4, Math.max(2, navigator.hardwareConcurrency || 2));
  try {
    window.wlzEarlyWorkers = Array.from({ length: size }, () => {
      const early = { worker: new Worker('./worker_loader.js'), messages: [], errors: [] };
      early.worker.onmessage = (event) => early.messages.push(event.data);
      early.worker.onerror = (event) => { event.preventDefault(); early.errors.push(event.message || 'worker error'); };
      return early;
    });
  } catch (error) {
    window.wlzEarlyWorkers = undefined; // the page starts its own workers
  }
})();
