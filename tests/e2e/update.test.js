// A new release replaces the cache cleanly: the open page keeps running the old
// release whole, is offered the new one, and after "Nu bijwerken" runs the new
// release whole from a single versioned cache (query strings ignored).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DIST, serveDist, launch, fullResult, controlled } from './support.js';

let browser;
let dir;
before(async () => {
  browser = await launch();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wlz-release-'));
});
after(async () => {
  await browser?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A copy of dist/ as release `name`: its page and its service worker carry the name. */
function release(name) {
  const out = path.join(dir, name);
  fs.cpSync(DIST, out, { recursive: true });
  const index = path.join(out, 'index.html');
  fs.writeFileSync(index, fs.readFileSync(index, 'utf8').replace('<head>', `<head>\n<meta name="release" content="${name}">`));
  const sw = path.join(out, 'sw.js');
  fs.writeFileSync(sw, fs.readFileSync(sw, 'utf8').replace(/const VERSION = '[^']*'/, `const VERSION = '${name}'`));
  return out;
}

const shown = (page) => page.evaluate(() => document.querySelector('meta[name=release]')?.content);
const cacheNames = (page) => page.evaluate(() => caches.keys());

test('a new release waits, is offered, and then replaces the old one whole', async () => {
  let root = release('one');
  const server = await serveDist('/', () => root);
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${server.url}?v=1&runs=2000`);
  await fullResult(page);
  await controlled(page);
  await fullResult(page);
  assert.equal(await shown(page), 'one');
  assert.deepEqual(await cacheNames(page), ['wlz-one']);
  assert.equal(await page.getByTestId('update').count(), 0, 'no offer without a new release');

  root = release('two');
  await page.goto(`${server.url}?v=1&runs=2000&aid=40`);
  await page.getByTestId('update').waitFor();
  assert.equal(await shown(page), 'one', 'until the switch the old release runs whole');
  assert.match(await fullResult(page), /2\.000 runs/);
  assert.deepEqual((await cacheNames(page)).sort(), ['wlz-one', 'wlz-two']);

  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Nu bijwerken' }).click()]);
  await page.waitForFunction(() => document.querySelector('meta[name=release]')?.content === 'two');
  assert.match(await fullResult(page), /2\.000 runs/);
  assert.match(page.url(), /aid=40/, 'the scenario is kept');
  assert.equal(await page.getByRole('slider', { name: /hulpmiddel/ }).inputValue(), '40');
  await page.waitForFunction(async () => (await caches.keys()).join() === 'wlz-two');
  assert.equal(await page.getByTestId('update').count(), 0);

  await server.close();
  await page.reload();
  assert.equal(await shown(page), 'two', 'offline, the new release is served');
  assert.match(await fullResult(page), /2\.000 runs/);
  assert.deepEqual(errors, []);
  await context.close();
});
