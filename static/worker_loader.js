// Starts the engine's Web Worker: loads the wasm-bindgen glue (worker.js) and
// the engine (worker_bg.wasm), both relative to this file so any sub-path works.
// A failure to load is reported to the page (as a text, the browser's reason
// after the prefix src/worker_slot.rs's LOAD_FAILED reads; results come as
// bytes) instead of leaving it waiting; the page words it in its language.
importScripts('./worker.js');
wasm_bindgen({ module_or_path: './worker_bg.wasm' }).catch((error) => {
  postMessage(`wlz-engine-load-failed: ${error}`);
});
