// The served page's texts: `texts-<code>.txt` beside it (written by `cargo xtask
// build`; the service worker keeps them for offline use). The download of the
// link's language starts here, beside the wasm's; should the page settle on
// another language (a `lang` it does not know), it asks for that one.
function loadTexts(code) {
  return fetch(`./texts-${code}.txt`)
    .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`${r.status} ${r.statusText}`))));
}
{
  const codes = __TEXTS_CODES__; // the languages with a texts file, the default first
  const asked = new URLSearchParams(location.search).get('lang');
  window.wlzTexts(codes.includes(asked) ? asked : codes[0]).catch(() => {});
}
