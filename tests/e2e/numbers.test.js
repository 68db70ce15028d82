// Dutch number entry: every kind of numeric field takes a decimal comma (and a
// point), shows values with a decimal comma on a Dutch page, writes the value
// to the link, and says so when a value cannot be read. The observed-data
// import reads a spreadsheet's 250,0 as 250 and refuses 250,5.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openPage, fullResult } from './support.js';

let browser;
let server;
before(async () => { browser = await launch(); server = await serveDist('/'); });
after(async () => { await browser?.close(); await server?.close(); });

/** Opens the tab below the chart that holds `locator`, when it is in one. */
async function reveal(locator) {
  const panel = locator.locator('xpath=ancestor::div[@role="tabpanel"]');
  if ((await panel.count()) > 0 && !(await locator.isVisible())) {
    const tab = await panel.getAttribute('aria-labelledby');
    await locator.page().locator(`#${tab}`).click();
  }
}

/** Types `text` into the field `locator` (opening its tab) and leaves it (a change event). */
async function type(locator, text) {
  await reveal(locator);
  await locator.fill(text);
  await locator.press('Tab');
}

test('every kind of numeric field takes a decimal comma and the link gets the number', async () => {
  const { context, page, errors } = await openPage(browser, `${server.url}?v=1&runs=1000`);
  await fullResult(page);
  const fields = [
    // [field, typed, link]: a lever's value, a lever's ramp, an assumption, a spread, a target, a setting.
    [page.locator('#lever-longer-entry'), '37,5', 'longer=37.5'],
    [page.locator('#lever-aid-ramp'), '9,0', 'aid_ramp=9'],
    [page.locator('#param-outflow'), '0,3', 'outflow=0.3'],
    [page.locator('#param-level_sd'), '12,25', 'level_sd=12.25'],
    [page.locator('#param-phi'), '−0,5', 'phi=-0.5'],
    [page.locator('#param-t2'), '95,5', 't2=95.5'],
    [page.locator('#param-seed'), '7,0', 'seed=7'],
  ];
  await page.locator('#lever-aid-ramp').locator('xpath=ancestor::details/summary').click();
  for (const [field, typed, link] of fields) {
    assert.equal(await field.getAttribute('type'), 'text');
    assert.equal(await field.getAttribute('inputmode'), 'decimal');
    await type(field, typed);
    await page.waitForURL((url) => url.search.includes(link), { timeout: 5000 });
  }
  await reveal(page.locator('#param-outflow'));
  assert.equal(await page.locator('#param-outflow').inputValue(), '0,3', 'shown with a decimal comma');
  assert.equal(await page.locator('#param-phi').inputValue(), '-0,5');
  assert.equal(await page.locator('#lever-longer-entry').inputValue(), '37,5');
  // A point works too, and the default of L's spread (12,5) is not 125.
  await type(page.locator('#param-outflow'), '0.4');
  await page.waitForURL((url) => url.search.includes('outflow=0.4'));
  await type(page.locator('#param-level_sd'), '12,5');
  await page.waitForURL((url) => !url.search.includes('level_sd'));
  await fullResult(page);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a value that cannot be read is named, and the link keeps the old value', async () => {
  const { context, page } = await openPage(browser, `${server.url}?v=1&runs=1000`);
  await fullResult(page);
  const stock = page.locator('#param-stock');
  await type(stock, '30.000');
  const message = page.locator('#param-stock-error');
  assert.match(await message.textContent(), /stock=30\.000: onduidelijk/);
  assert.equal(await stock.getAttribute('aria-invalid'), 'true');
  await type(page.locator('#param-outflow'), 'drie');
  assert.match(await page.locator('#param-outflow-error').textContent(), /outflow=drie: geen getal; toegestaan is 0 tot en met 10/);
  assert.ok(!page.url().includes('stock=') && !page.url().includes('outflow='), page.url());
  await type(page.locator('#param-outflow'), '0,25');
  await page.waitForURL((url) => url.search.includes('outflow=0.25'));
  assert.equal(await page.locator('#param-outflow-error').count(), 0, 'the message goes once the value is read');
  await context.close();
});

test('the observed-data import reads 250,0 as 250 and refuses 250,5', async () => {
  const { context, page } = await openPage(browser, `${server.url}?v=1&runs=1000`);
  await fullResult(page);
  await reveal(page.getByTestId('obs-text'));
  await page.getByTestId('obs-text').fill('maand;aantal\n2024-01;250,0\n2024-02;262,00');
  await page.getByRole('button', { name: 'Inlezen' }).click();
  await page.waitForURL((url) => url.search.includes('obs=2024-01~250.262'));
  await page.getByTestId('obs-text').fill('maand;aantal\n2024-01;250,5');
  await page.getByRole('button', { name: 'Inlezen' }).click();
  const errors = page.getByTestId('obs-errors');
  await errors.waitFor();
  assert.match(await errors.textContent(), /Regel 2.*geen heel getal/s);
  assert.ok(page.url().includes('obs=2024-01~250.262'), 'the earlier series stays');
  await context.close();
});
