// Each lever moves the projection in its policy direction, operated by keyboard only;
// a worker that cannot start shows a message and a way to try again.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openPage, fullResult, medianLevel } from './support.js';

let server; let browser;
before(async () => { server = await serveDist('/'); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const LEVERS = [
  { name: /Langere Wmo-beschikkingen/, key: 'longer', press: 'End', expect: '100' },
  { name: /Gebruik van het hulpmiddel/, key: 'aid', press: 'End', expect: '100' },
  { name: /Aandeel jongeren/, key: 'youth', press: 'Home', expect: '0' },
  { name: /Regioaanpak/, key: 'region', press: 'End', expect: '50' },
];

for (const lever of LEVERS) {
  test(`lever ${lever.key} in its policy direction lowers the projected intake`, async () => {
    const { page, context, errors } = await openPage(browser, server.url);
    await fullResult(page);
    const before = await medianLevel(page);
    const beforePath = await page.getByTestId('median').getAttribute('d');
    const slider = page.getByRole('slider', { name: lever.name });
    await slider.focus();
    await slider.press(lever.press);
    await page.waitForURL(new RegExp(`[?&]${lever.key}=${lever.expect}(&|$)`));
    await page.waitForFunction((old) => document.querySelector('[data-testid=median]')?.getAttribute('d') !== old,
      beforePath);
    await fullResult(page);
    const after = await medianLevel(page);
    assert.ok(after < before - 1, `${lever.key}: median level ${before.toFixed(1)} -> ${after.toFixed(1)}`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('raising the youth share above today raises the intake', async () => {
  const { page, context } = await openPage(browser, server.url);
  await fullResult(page);
  const before = await medianLevel(page);
  const entry = page.getByRole('textbox', { name: /Aandeel jongeren/ });
  await entry.fill('40');
  await entry.press('Enter');
  await page.waitForURL(/youth=40/);
  await fullResult(page);
  assert.ok((await medianLevel(page)) > before + 1);
  await context.close();
});

test('the page can be operated with the keyboard alone', async () => {
  const { page, context } = await openPage(browser, server.url);
  await fullResult(page);
  const focusedName = () => page.evaluate(() => {
    const el = document.activeElement;
    return `${el?.tagName} ${el?.getAttribute('aria-label') || el?.id || el?.textContent}`;
  });
  let reached = false;
  for (let i = 0; i < 40 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = (await focusedName()).includes('lever-aid');
  }
  assert.ok(reached, 'Tab reaches the hulpmiddel slider');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.waitForURL(/aid=2(&|$)/);
  for (let i = 0; i < 40 && !(await focusedName()).startsWith('svg'); i++) await page.keyboard.press('Shift+Tab');
  assert.match(await focusedName(), /^svg/, 'Shift+Tab reaches the chart (before the levers, as shown)');
  await page.keyboard.press('End');
  assert.match(await page.getByTestId('readout').textContent(), /december 2030/);
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await page.getByRole('table').waitFor();
  const focusedOutline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(focusedOutline, 'none', 'focus is visible');
  await context.close();
});

test('a worker that cannot load shows a message and recovers on retry', async () => {
  // No service worker here: requests it answers bypass page.route.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.route('**/worker_bg.wasm', (route) => route.fulfill({ status: 500, body: 'down' }));
  await page.goto(server.url);
  const alert = page.getByRole('alert');
  await alert.waitFor();
  const said = await alert.textContent();
  assert.match(said, /De rekenmodule kon niet worden geladen/, 'the failure in the page\'s language');
  assert.doesNotMatch(said, /could not|wlz-engine-load-failed/, 'no English sentence and no marker on the Dutch page');
  await page.unroute('**/worker_bg.wasm');
  await page.getByRole('button', { name: 'Opnieuw berekenen' }).click();
  assert.match(await fullResult(page), /runs in/);
  await context.close();
});
