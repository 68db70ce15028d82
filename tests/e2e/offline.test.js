// Offline: after the first visit the app loads and computes with the server gone.
import { test, before, after } from 'node:test';
import fs from 'node:fs';
import assert from 'node:assert/strict';
import { serveDist, launch, fullResult, medianLevel, controlled, openMenu } from './support.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

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

test('the standalone file is not fetched on a first visit; once downloaded it is also there offline', async () => {
  const server = await serveDist('/');
  const context = await browser.newContext({ acceptDownloads: true });
  try {
    const page = await context.newPage();
    const fetched = [];
    context.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    await page.goto(`${server.url}?v=1&runs=2000`);
    await fullResult(page);
    await controlled(page);
    const cached = () => page.evaluate(async () => {
      const cache = await caches.open((await caches.keys())[0]);
      return (await cache.keys()).some((r) => r.url.endsWith('/wlz-ggz-wonen-verkenner.html'));
    });
    assert.deepEqual(fetched.filter((p) => p.endsWith('/wlz-ggz-wonen-verkenner.html')), [], 'not fetched on a visit');
    assert.equal(await cached(), false);
    const download = async () => {
      await openMenu(page);
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('standalone').click()]);
      return fs.readFileSync(await file.path(), 'utf8');
    };
    assert.match(await download(), /<meta name="wlz-scenario" content="v=1&amp;runs=2000">/);
    assert.equal(await cached(), true, 'cached when first downloaded');
    await server.close();
    await page.getByRole('slider', { name: /hulpmiddel/ }).focus();
    await page.keyboard.press('End');
    await page.waitForURL(/aid=100/);
    assert.match(await download(), /<meta name="wlz-scenario" content="v=1&amp;runs=2000&amp;aid=100">/, 'offline too');
  } finally {
    await context.close();
    await server.close();
  }
});
