// Offline: after the first visit the app loads and computes with the server gone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, fullResult, medianLevel } from './support.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function controlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) await page.reload();
  await page.waitForFunction(() => !!navigator.serviceWorker.controller);
}

test('after the first visit the page loads and computes with the server gone', async () => {
  const server = await serveDist('/');
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${server.url}?v=1&runs=2000`);
  await fullResult(page);
  await controlled(page);
  await server.close();
  await page.goto(`${server.url}?v=1&runs=2000&region=10`);
  assert.match(await fullResult(page), /2\.000 runs/);
  const before = await medianLevel(page);
  const beforePath = await page.getByTestId('median').getAttribute('d');
  const aid = page.getByRole('slider', { name: /hulpmiddel/ });
  await aid.focus();
  await aid.press('End');
  await page.waitForFunction((old) => document.querySelector('[data-testid=median]')?.getAttribute('d') !== old,
    beforePath);
  await fullResult(page);
  assert.ok((await medianLevel(page)) < before, 'the result changed offline');
  assert.deepEqual(errors, []);
  await context.close();
});
