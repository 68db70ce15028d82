// Starts the standalone file (written by `cargo xtask build`): every part of the
// explorer is inside this one page, gzip-compressed and base64-encoded in the
// <script type="application/octet-stream"> elements of <head>. Nothing is
// fetched: the page's wasm-bindgen glue and its snippets become blob: modules,
// the engine's worker a blob: script with its wasm inside. The page's own
// source is kept so that it can offer itself for download with another
// scenario embedded (the <meta name="wlz-scenario"> element). The build puts
// xtask/src/boot_page.js (startOnceMore, showBootFailure) before this script.
const part = (id) => document.getElementById(id);

function fromBase64(text) {
  if (Uint8Array.fromBase64) return Uint8Array.fromBase64(text);
  const raw = atob(text);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i += 1) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

async function gunzip(element) {
  const stream = new Blob([fromBase64(element.textContent.trim())]).stream()
    .pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

const text = async (element) => new TextDecoder().decode(await gunzip(element));
const scriptUrl = (code) => URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));

// The catalogue's texts of a language (see boot_page.js's `wlzTexts`): inlined too.
function loadTexts(code) {
  const packed = part(`wlz-texts-${code}`);
  return packed ? text(packed) : Promise.reject(new Error(`no texts for ${code} in this file`));
}

// Runs inside the worker, after the wasm-bindgen glue and `fromBase64`: starts the engine.
function startEngine(packed) {
  new Response(new Blob([fromBase64(packed)]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer()
    .then((wasm) => wasm_bindgen({ module_or_path: wasm }))
    .catch((error) => {
      postMessage(`wlz-engine-load-failed: ${error}`);
    });
}

try {
  window.wlzStandalone = { source: `<!doctype html>\n${document.documentElement.outerHTML}` };
  const workerPacked = part('wlz-worker-wasm').textContent.trim();
  const workerGlue = await text(part('wlz-worker-js'));
  window.wlzWorkerUrl = scriptUrl(`${workerGlue}\n${fromBase64}\n;(${startEngine})(${JSON.stringify(workerPacked)});\n`);
  let glue = await text(part('wlz-page-js'));
  for (const snippet of document.querySelectorAll('script[data-snippet]')) {
    const url = scriptUrl(await text(snippet));
    // Only the import statements: the same path is also a key of the wasm imports.
    for (const quote of ["'", '"']) {
      const path = `${quote}${snippet.dataset.snippet}${quote}`;
      glue = glue.split(`from ${path}`).join(`from '${url}'`);
    }
  }
  const [page, wasm] = await Promise.all([import(scriptUrl(glue)), gunzip(part('wlz-page-wasm'))]);
  // As the served page does: one more try after a short wait and a small memory.
  await startOnceMore(() => page.default({ module_or_path: wasm }));
} catch (error) {
  showBootFailure(error);
}
