// Browser-side export helpers (files and pictures); the content comes from Rust.

/** Offers `text` as a download named `name`. */
export function download_text(name, mime, text) {
  download_blob(name, new Blob([text], { type: mime }));
}

function download_blob(name, blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

const STYLE_PROPS = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity', 'opacity',
  'font-size', 'font-family', 'font-weight', 'text-anchor', 'visibility'];

/** The SVG matched by `selector` as a standalone document, its computed styles written inline. */
export function svg_markup(selector) {
  const svg = document.querySelector(selector);
  if (!svg) return '';
  const clone = svg.cloneNode(true);
  const from = [svg, ...svg.querySelectorAll('*')];
  const to = [clone, ...clone.querySelectorAll('*')];
  from.forEach((el, i) => {
    const style = getComputedStyle(el);
    // Through the CSSOM: the Content-Security-Policy blocks setting a style attribute as text.
    STYLE_PROPS.forEach((p) => to[i].style.setProperty(p, style.getPropertyValue(p)));
  });
  const box = svg.viewBox.baseVal;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(box.width));
  clone.setAttribute('height', String(box.height));
  clone.removeAttribute('tabindex');
  clone.querySelectorAll('.guide').forEach((g) => g.remove());
  const bg = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', '#ffffff');
  clone.insertBefore(bg, clone.firstChild);
  return new XMLSerializer().serializeToString(clone);
}

/** Renders SVG markup to a PNG at `scale` times its size and offers it as a download. */
export async function svg_to_png(markup, name, scale) {
  const url = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(img.naturalWidth * scale);
    canvas.height = Math.round(img.naturalHeight * scale);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('the picture could not be made');
    download_blob(name, blob);
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Copies `text` to the clipboard; resolves to true when it worked. */
export async function copy_text(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch (_) {
    return false;
  }
}

/** The HTML-escaped form of `text`, for an attribute value. */
function escapeAttribute(text) {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Offers the standalone file (one HTML page that works offline from disk) as a
 * download named `name`, with `query` as its embedded scenario. Its source is
 * the standalone file itself when this page is one, otherwise `standalone`
 * fetched next to the page (cached by the service worker). Resolves to true
 * when the download was offered.
 */
export async function download_standalone(name, standalone, query) {
  let source = window.wlzStandalone?.source;
  if (!source) {
    const response = await fetch(standalone).catch(() => null);
    if (!response?.ok) return false;
    source = await response.text();
  }
  const meta = /<meta name="wlz-scenario" content="[^"]*">/;
  if (!meta.test(source)) return false;
  const html = source.replace(meta, () => `<meta name="wlz-scenario" content="${escapeAttribute(query)}">`);
  download_blob(name, new Blob([html], { type: 'text/html' }));
  return true;
}
