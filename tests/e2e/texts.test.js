// The page's texts per language: the release page carries no texts in its
// wasm and loads `texts-<code>.txt` for the language it shows (src/i18n/load.rs):
// one language per reader, the other on a switch, and a file of another build refused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openPage, fullResult } from './support.js';

let server; let browser;
before(async () => { server = await serveDist('/'); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Records the texts files the page asks for, by name, in order. */
function textsAsked(page) {
  const asked = [];
  page.on('request', (r) => { const m = /texts-(\w+)\.txt$/.exec(r.url()); if (m) asked.push(m[1]); });
  return asked;
}

/** `openPage` in a context with Playwright's `options`, recording the texts asked for from the start. */
async function openRecorded(url, options = {}) {
  let asked;
  const opened = await openPage(browser, url, [], { context: options, beforeGoto: (page) => { asked = textsAsked(page); } });
  return { ...opened, asked };
}

const dutchTitle = /Instroom Wlz ggz-wonen/;
const englishTitle = /Wlz ggz-wonen intake: explorer/;

test('a Dutch reader downloads the Dutch texts only; switching to English fetches the English ones once', async () => {
  const { context, page, asked, errors } = await openRecorded(server.url);
  await page.getByRole('heading', { level: 1, name: dutchTitle }).waitFor();
  await fullResult(page);
  assert.deepEqual(asked, ['nl']);
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await page.getByRole('heading', { level: 1, name: englishTitle }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await page.getByRole('button', { name: 'Schakel naar Nederlands' }).click();
  await page.getByRole('heading', { level: 1, name: dutchTitle }).waitFor();
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await page.getByRole('heading', { level: 1, name: englishTitle }).waitFor();
  assert.deepEqual(asked, ['nl', 'en'], 'each language once');
  assert.deepEqual(errors, []);
  await context.close();
});

test('an English link starts in English and never downloads the Dutch texts', async () => {
  const { context, page, asked, errors } = await openRecorded(`${server.url}?lang=en`);
  await page.getByRole('heading', { level: 1, name: englishTitle }).waitFor();
  await fullResult(page);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.deepEqual(asked, ['en']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a language reached through the history (not a click) is loaded, then shown', async () => {
  const { context, page } = await openPage(browser, server.url);
  await fullResult(page);
  const asked = textsAsked(page);
  await page.evaluate(() => {
    history.pushState(null, '', '?lang=en');
    window.dispatchEvent(new PopStateEvent('popstate'));
  });
  await page.getByRole('heading', { level: 1, name: englishTitle }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.deepEqual(asked, ['en']);
  await context.close();
});

test('texts of another build are refused, with a message in both languages instead of a blank page', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const original = await (await fetch(`${server.url}texts-nl.txt`)).text();
  // One letter changed, the length kept: only the fingerprint tells.
  const changed = original.replace('e', 'a');
  assert.notEqual(changed, original);
  await page.route('**/texts-nl.txt', (route) => route.fulfill({ body: changed, contentType: 'text/plain; charset=utf-8' }));
  await page.goto(server.url);
  const alert = page.getByRole('alert');
  await alert.waitFor();
  const text = await alert.textContent();
  assert.match(text, /Deze verkenner kon niet starten.*This explorer could not start/);
  assert.match(text, /texts-nl\.txt does not belong to this version of the page/);
  assert.equal(await page.getByRole('heading', { level: 1 }).count(), 0);
  // The control: the file as built starts the page.
  await page.unroute('**/texts-nl.txt');
  await page.reload();
  await page.getByRole('heading', { level: 1, name: dutchTitle }).waitFor();
  assert.equal(await page.getByRole('alert').count(), 0);
  await context.close();
});

test('with an older start-up script that cannot show the failure, the page still says why instead of going blank', async () => {
  // No service worker: it would answer the retry of the texts from its cache, out of the route's sight.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const start = await (await fetch(`${server.url}start.js`)).text();
  const older = start.replace('window.wlzBootFailed = showBootFailure;', '');
  assert.notEqual(older, start, 'start.js defines wlzBootFailed');
  await page.route('**/start.js', (route) => route.fulfill({ body: older, contentType: 'text/javascript; charset=utf-8' }));
  await page.route('**/texts-nl.txt', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto(server.url);
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /texts-nl\.txt: 404/);
  await context.close();
});

test('a texts download that fails once is tried again and the page starts; failing every time, it says why', async () => {
  let served = 0;
  let failing = 1;
  // No service worker: requests it answers bypass page.route.
  const { context, page, errors } = await openPage(browser, server.url, [], {
    context: { serviceWorkers: 'block' },
    beforeGoto: (page) => page.route('**/texts-nl.txt', (route) => {
      served += 1;
      return served <= failing ? route.fulfill({ status: 503, body: 'busy' }) : route.continue();
    }),
  });
  await page.getByRole('heading', { level: 1, name: dutchTitle }).waitFor();
  await fullResult(page);
  assert.equal(served, 2, 'asked once more after the failure');
  assert.equal(await page.getByRole('alert').count(), 0, 'no failure shown');
  assert.deepEqual(errors.filter((e) => !/503/.test(e)), []);
  // The control: failing every time, the page says so with the reason, after the one retry.
  served = 0;
  failing = Infinity;
  await page.reload();
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /Deze verkenner kon niet starten\. Laad de pagina opnieuw.*This explorer could not start\..*texts-nl\.txt: 503/);
  assert.equal(served, 2, 'tried twice, not more');
  await context.close();
});

test('a language whose texts cannot be loaded is said in the page, which stays in its language; a later switch works', async () => {
  // Without the service worker, which keeps both languages once installed (and whose fetches a route does not see).
  const { context, page, errors } = await openRecorded(server.url, { serviceWorkers: 'block' });
  await fullResult(page);
  await page.route('**/texts-en.txt', (route) => route.fulfill({ status: 503, body: 'busy' }));
  await page.getByRole('button', { name: 'Switch to English' }).click();
  const alert = page.getByTestId('lang-failure');
  await alert.waitFor();
  assert.match(await alert.textContent(), /^English kon niet worden geladen \(texts-en\.txt: 503.*\); de pagina blijft in deze taal/);
  assert.equal(await alert.getAttribute('role'), 'alert');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'nl');
  await page.getByRole('heading', { level: 1, name: dutchTitle }).waitFor();
  // The link may have followed the switch while the texts were tried (twice); it drops `lang=en` again.
  await page.waitForURL((url) => !url.search.includes('lang=en'));
  // The control: the file reachable again, the same button switches and the message goes.
  await page.unroute('**/texts-en.txt');
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await page.getByRole('heading', { level: 1, name: englishTitle }).waitFor();
  assert.equal(await page.getByTestId('lang-failure').count(), 0);
  assert.deepEqual(errors.filter((e) => !/503/.test(e)), []);
  await context.close();
});
