// Shared set-up of the end-to-end tests: a static server for dist/ on a free
// loopback port (optionally under a sub-path), and Debian's Chromium driven
// by playwright-core. No test tool downloads a browser.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const DIST = process.env.DIST_DIR || path.resolve(import.meta.dirname, '../../dist');

const MIME = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.webmanifest': 'application/manifest+json', '.txt': 'text/plain; charset=utf-8',
};

/** Serves DIST (or the folder `root()` names at each request) under `base` (e.g. '/' or '/a/b/') on 127.0.0.1 with a free port. */
export async function serveDist(base = '/', root = () => DIST) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    if (!url.pathname.startsWith(base)) { res.writeHead(404); return res.end('not found'); }
    const dir = root();
    let file = path.join(dir, decodeURIComponent(url.pathname.slice(base.length)));
    if (!file.startsWith(dir)) { res.writeHead(403); return res.end(); }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) { res.writeHead(404); return res.end('not found'); }
    res.writeHead(200, { 'Content-Type': MIME[path.extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-cache' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(r); }),
  };
}

/** Debian's Chromium, headless. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
}

/**
 * A fresh page that fails the test on any page error or console error. With
 * `{ clock: true }` Playwright's clock is installed first: time still flows,
 * and `page.clock.fastForward(ms)` jumps over the page's timers instead of a sleep.
 * `context` is Playwright's context options; `beforeGoto(page)` runs before the page loads.
 */
export async function openPage(browser, url, errors = [], { clock = false, context: options = {}, beforeGoto } = {}) {
  const context = await browser.newContext(options);
  if (clock) await context.clock.install();
  const page = await context.newPage();
  await beforeGoto?.(page);
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`${m.text()} (${m.location().url})`); });
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
  page.on('response', (r) => { if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`); });
  await page.goto(url);
  return { context, page, errors };
}

/** Opens the toolbar's scenario menu (title, note, presets, compare, link, exports) when it is closed. */
export async function openMenu(page) {
  const button = page.locator('#menu-button');
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
}

/** Opens the tab below the chart whose name matches `name`. */
export async function openTab(page, name) {
  await page.getByRole('tab', { name }).click();
}

/** Waits until the full result (not the quick partial one) is shown. */
export async function fullResult(page) {
  const status = page.getByTestId('status');
  await status.waitFor();
  await page.waitForFunction(() => {
    const s = document.querySelector('[data-testid=status]');
    return s && !/deel van de runs|part of the runs/.test(s.textContent)
      && document.querySelector('.results')?.getAttribute('aria-busy') === 'false';
  });
  return (await status.textContent()).trim();
}

/**
 * A percentage or number shown in the page as a number: Dutch ("1.234,5%",
 * "36,5%") or English ("1,234.5%", "36.5%"), told apart by `lang` ('nl' or 'en').
 */
export function percentValue(text, lang = 'nl') {
  const [group, decimal] = lang === 'en' ? [',', '.'] : ['.', ','];
  const plain = text.replace('%', '').replace('\u2212', '-').trim().split(group).join('').replace(decimal, '.');
  return Number(plain);
}

/** The mean over the months of the median line in the chart (clients/month; larger = more intake). */
export async function medianLevel(page) {
  return Number(await page.getByTestId('median').getAttribute('data-level'));
}

/** Waits until the service worker is active and controls `page` (reloading once if the first visit is not yet controlled). */
export async function controlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) await page.reload();
  await page.waitForFunction(() => !!navigator.serviceWorker.controller);
}
