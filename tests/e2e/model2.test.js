// Model 2 in the page: observations calibrate the projection, the fan starts
// after them, the page says what the data say, the link reproduces it; a
// model 1 link keeps model 1 and offers model 2.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openPage, fullResult, openTab } from './support.js';

let server; let browser;
before(async () => { server = await serveDist('/'); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** 36 months, 2024-01 to 2026-12, slowly falling from about 260 to 215 (a spreadsheet export). */
const SERIES = ['maand;aantal', ...[262, 251, 270, 244, 239, 266, 248, 231, 259, 247, 252, 238, 240, 236, 255, 229, 246, 233,
  241, 224, 230, 238, 219, 231, 228, 236, 222, 215, 231, 226, 219, 212, 227, 208, 221, 214]
  .map((count, i) => `${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')};${count}`)].join('\n');

test('a pasted series calibrates the projection, which starts after it; the link reproduces it', async () => {
  const { page, context, errors } = await openPage(browser, `${server.url}?runs=4000`);
  await fullResult(page);
  assert.equal(await page.getByTestId('fan').getAttribute('data-start'), '2024-01');
  await openTab(page, 'Waarnemingen');
  await page.getByTestId('obs-text').fill(SERIES);
  await page.getByRole('button', { name: 'Inlezen' }).click();
  await page.getByTestId('obs-says').waitFor();
  await fullResult(page);
  assert.equal(await page.getByTestId('fan').getAttribute('data-start'), '2027-01', 'the fan starts after the last observation');
  const level = await page.getByTestId('obs-level').textContent();
  assert.match(level, /december 2026: ongeveer \d+ per maand \(90%-interval \d+ tot \d+\)/);
  assert.match(await page.getByTestId('obs-trend').textContent(), /trend: −?\d+,\d% per jaar/);
  assert.ok(Number(await page.getByTestId('obs-says').getAttribute('data-ess')) > 1000, 'a healthy effective sample size');
  assert.match(await page.getByTestId('freshness').textContent(), /Model 2\.0\.0 · waarnemingen tot en met december 2026 · bronnen tot en met 17 maart 2026/);
  // Target 1 (January to March 2024) is observed: a fact, not a probability.
  assert.equal(await page.getByTestId('observed-t1').getAttribute('data-reached'), 'false');
  await page.waitForURL(/obs=2024-01~262\.251\.270/);
  const url = page.url();
  assert.doesNotMatch(url, /start=/, 'the start follows the observations');
  const p2 = await page.getByTestId('p-t2').textContent();
  const again = await openPage(browser, url);
  await fullResult(again.page);
  assert.equal(await again.page.getByTestId('p-t2').textContent(), p2, 'the link reproduces the numbers');
  assert.equal(await again.page.getByTestId('obs-level').textContent(), level);
  // The switch: observations shown only.
  await page.getByTestId('obs-fit').uncheck();
  await page.waitForURL(/fit=0/);
  await fullResult(page);
  assert.equal(await page.getByTestId('obs-says').count(), 0);
  assert.deepEqual(errors, []);
  await again.context.close();
  await context.close();
});

test('a model 1 link keeps model 1 and offers model 2', async () => {
  const { page, context } = await openPage(browser, `${server.url}?v=1&runs=2000&aid=40`);
  await fullResult(page);
  assert.equal((await page.getByTestId('model-version').textContent()).trim(), '1.1.0');
  await page.getByTestId('model-notice').waitFor();
  await page.getByTestId('upgrade').click();
  await page.waitForURL(/\?v=2&runs=2000&aid=40&trend_sd=3$/);
  await fullResult(page);
  assert.equal((await page.getByTestId('model-version').textContent()).trim(), '2.0.0');
  assert.equal(await page.getByTestId('model-notice').count(), 0);
  await context.close();
});
