// The served page's texts: `texts-<code>.txt` beside it (written by `cargo xtask
// build`; the service worker keeps them for offline use). The download of the
// link's language starts here, beside the wasm's; should the page settle on
// another language (a `lang` it does not know), it asks for that one. A
// download that fails (a dropped connection, a busy server) is tried once more
// after `TEXTS_RETRY_MS`, as the wasm is; a second failure is the page's to show.

/** The wait (ms) before a failed texts download is tried once more. */
const TEXTS_RETRY_MS = 500;

function fetchTexts(code) {
  return fetch(`./texts-${code}.txt`)
    .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`${r.status} ${r.statusText}`))));
}

function loadTexts(code) {
  return fetchTexts(code).catch((first) => {
    console.warn(`texts-${code}.txt did not load (${first}); trying once more.`);
    return new Promise((resolve) => setTimeout(resolve, TEXTS_RETRY_MS)).then(() => fetchTexts(code));
  });
}
{
  const codes = __TEXTS_CODES__; // the languages with a texts file, the default first
  const asked = new URLSearchParams(location.search).get('lang');
  window.wlzTexts(codes.includes(asked) ? asked : codes[0]).catch(() => {});
}
