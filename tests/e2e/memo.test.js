// Memo-ready: the lever table ("Welke maatregel telt het zwaarst?"), the list of
// what a link changes, exports a director can use (a picture with title,
// legend, both chances, version, date, sources and the link; a Dutch CSV that
// Dutch Excel opens), and no English on the Dutch page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openPage, fullResult, percentValue } from './support.js';

let browser;
let server;
before(async () => { browser = await launch(); server = await serveDist('/'); });
after(async () => { await browser?.close(); await server?.close(); });

test('the lever table ranks the four measures, marks the regional one, and the tornado is about assumptions', async () => {
  const { page, context, errors } = await openPage(browser, `${server.url}?v=1&runs=2000&aid=30`);
  await fullResult(page);
  assert.ok(await page.getByRole('heading', { name: 'Welke maatregel telt het zwaarst?' }).isVisible());
  assert.ok(await page.getByRole('heading', { name: 'Welke aanname telt het zwaarst?' }).isVisible());
  await page.getByRole('button', { name: 'Bereken de tabel' }).click();
  const table = page.getByTestId('rank-table');
  await table.waitFor();
  const rows = table.locator('tbody tr');
  assert.equal(await rows.count(), 4);
  const averted = [];
  for (let i = 0; i < 4; i++) {
    const cells = rows.nth(i).locator('td');
    assert.equal(await cells.count(), 9, 'today, then value, two chances and averted for each setting');
    for (const j of [2, 3, 6, 7]) assert.match(await cells.nth(j).textContent(), /^\d+(,\d)?%$/);
    averted.push(percentValue(await cells.nth(4).textContent()));
  }
  assert.deepEqual([...averted].sort((a, b) => b - a), averted, 'sorted by clients averted at the strongest setting');
  const region = page.getByTestId('rank-region');
  assert.equal(await region.getAttribute('data-assumed-cut'), 'true');
  assert.match(await region.locator('th').textContent(), /aangenomen directe vermindering/);
  assert.match(await page.getByTestId('rank-without').textContent(), /^Zonder maatregelen is de kans op doel 1 \d+(,\d)?%, doel 2 \d+(,\d)?%\.$/);
  assert.equal(await page.getByTestId('rank-longer').locator('td').first().textContent(), '25%');
  assert.deepEqual(errors, []);
  await context.close();
});
