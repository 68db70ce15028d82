// The pool of workers (issue 13): one, two or three workers give the same
// numbers to the bit (the JSON export, the comparison), for a model 2
// projection split by run index over the workers as for a model 1 link and a
// comparison computed whole, and the quick first result still comes before
// the full one, split or not.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { serveDist, launch, fullResult, openMenu } from './support.js';

let server; let browser;
before(async () => { server = await serveDist('/'); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** The page with a pool of `size` workers (window.wlzPoolSize, read by static/early_workers.js and src/bridge.rs). */
async function withPool(size, query) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  await context.addInitScript((n) => { window.wlzPoolSize = n; }, size);
  const page = await context.newPage();
  await page.goto(`${server.url}?${query}`);
  await fullResult(page);
  return { context, page };
}

async function exported(page) {
  await openMenu(page);
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'JSON', exact: true }).click()]);
  const json = JSON.parse(fs.readFileSync(await file.path(), 'utf8'));
  assert.equal(json.elapsed_ms, undefined, 'the JSON export has no wall-clock time');
  return json;
}

/** 24 observed months (2024-01 to 2025-12) in the link's form. */
const OBS = '2024-01~262.251.270.244.239.266.248.231.259.247.252.238.240.236.255.229.246.233.241.224.230.238.219.231';

for (const [what, query] of [
  ['model 2 with observations, calibrated (its runs split over the pool)', `v=2&runs=3000&aid=30&fit=1&obs=${OBS}`],
  ['a model 1 link (one worker per projection)', 'v=1&runs=3000&aid=30&region=10'],
  ['a comparison (paired runs in one worker)', 'v=1&runs=3000&aid=30&region=10&pin=1&a.aid=10'],
]) {
  test(`1, 2 and 3 workers give every number identical to the bit: ${what}`, async () => {
    const seen = [];
    for (const size of [1, 2, 3]) {
      const { context, page } = await withPool(size, query);
      assert.equal(page.workers().length, size, `${size} workers running`);
      const compared = query.includes('pin=1') ? await page.getByTestId('b-lower').textContent() : null;
      seen.push({ size, json: await exported(page), compared, p2: await page.getByTestId('p-t2').textContent() });
      await context.close();
    }
    assert.equal(seen[0].json.runs, 3000);
    if (query.includes('fit=1')) {
      assert.ok(seen[0].json.calibration, 'the observations calibrate the runs');
      assert.equal(seen[0].json.model_version.split('.')[0], '2');
    }
    for (const other of seen.slice(1)) {
      assert.deepEqual(other.json, seen[0].json, `${other.size} workers against 1`);
      assert.equal(other.compared, seen[0].compared);
      assert.equal(other.p2, seen[0].p2);
    }
  });
}

for (const query of ['v=1&runs=20000', 'v=2&runs=20000']) {
  test(`with a pool the quick first result still comes before the full one: ${query}`, async () => {
    const { context, page } = await withPool(2, query);
    await page.evaluate(() => {
      window.__statuses = [document.querySelector('[data-testid=status]').textContent];
      new MutationObserver(() => {
        const s = document.querySelector('[data-testid=status]')?.textContent;
        if (s && s !== window.__statuses.at(-1)) window.__statuses.push(s);
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    const aid = page.getByRole('slider', { name: /hulpmiddel/ });
    await aid.focus();
    await aid.press('End');
    await page.waitForURL(/aid=100/);
    await fullResult(page);
    const statuses = (await page.evaluate(() => window.__statuses)).slice(1);
    assert.match(statuses[0], /^500 runs .*deel van de runs/, `first the quick result: ${statuses}`);
    assert.match(statuses.at(-1), /^20\.000 runs in \d{1,3}(\.\d{3})* ms$/);
    await context.close();
  });
}
