// Starts the engine's Web Worker: loads the wasm-bindgen glue (worker.js) and
// the engine (worker_bg.wasm), both relative to this file so any sub-path works.
// A failure to load is reported to the page (as a text; results come as bytes)
// instead of leaving it waiting.
importScripts('./worker.js');
wasm_bindgen('./worker_bg.wasm').catch((error) => {
  postMessage(`the computation engine could not be loaded: ${error}`);
});
