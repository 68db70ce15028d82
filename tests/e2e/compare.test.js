// Compare: pin A, change B; both in the URL; CRN difference fan, P(B lower), target differences.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openPage, fullResult, percentValue, openMenu } from './support.js';

let server; let browser;
before(async () => { server = await serveDist('/'); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('pin A, change B: both fans, the difference on common random numbers, and both scenarios in the URL', async () => {
  const { page, context, errors } = await openPage(browser, `${server.url}?v=1&runs=2000`);
  await fullResult(page);
  await openMenu(page);
  await page.getByRole('button', { name: /Vergelijk: zet dit scenario vast als A/ }).click();
  await page.waitForURL(/pin=1/);
  await page.getByRole('heading', { name: /Vergelijking/ }).waitFor();
  assert.equal(percentValue(await page.getByTestId('b-lower').textContent()), 0, 'B equal to A: never lower');
  const aid = page.getByRole('slider', { name: /hulpmiddel/ });
  await aid.focus();
  await aid.press('End');
  await page.waitForURL(/\?v=1&runs=2000&aid=100&pin=1&a\.runs=2000$/);
  await page.waitForFunction(() => !/^0[,.]0%$/.test(document.querySelector('[data-testid=b-lower]')?.textContent || ''));
  await fullResult(page);
  assert.ok(percentValue(await page.getByTestId('b-lower').textContent()) > 90);
  assert.match(await page.getByTestId('diff-t1').textContent(), /^\+\d/);
  assert.ok(await page.getByTestId('diff-fan').isVisible());
  const link = page.url();
  const again = await openPage(browser, link);
  await fullResult(again.page);
  assert.equal(await again.page.getByTestId('b-lower').textContent(), await page.getByTestId('b-lower').textContent());
  await openMenu(again.page);
  await again.page.getByRole('button', { name: 'Stop met vergelijken' }).click();
  await again.page.waitForURL((url) => !url.search.includes('pin='));
  assert.equal(await again.page.getByRole('heading', { name: /Vergelijking/ }).count(), 0);
  assert.deepEqual(errors, []);
  await again.context.close();
  await context.close();
});

test('A and B with different seeds cannot be compared and the page says why', async () => {
  const { page, context } = await openPage(browser, `${server.url}?v=1&seed=3&runs=500&pin=1&a.seed=4&a.runs=500`);
  await fullResult(page);
  const alert = page.getByRole('alert').filter({ hasText: /niet te vergelijken/ });
  await alert.waitFor();
  assert.match(await alert.textContent(), /seed: A 4, B 3/);
  await context.close();
});
