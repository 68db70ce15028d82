// Decision support in the page: what would it take (checked against the
// command-line tool, which runs the same engine natively: the numbers must be
// identical), what matters most, and bad input.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { serveDist, launch, openPage, fullResult, openTab } from './support.js';

const CLI = process.env.WLZ_SIM;

let browser;
let server;
before(async () => { browser = await launch(); server = await serveDist('/'); });
after(async () => { await browser?.close(); await server?.close(); });

function cli(...args) {
  assert.ok(CLI, 'WLZ_SIM names the command-line tool (set by cargo xtask test)');
  return JSON.parse(execFileSync(CLI, args, { encoding: 'utf8' }));
}

/** A share as the Dutch page shows it: 36,5%. */
const nlPercent = (share) => `${(share * 100).toFixed(1).replace('.', ',')}%`;

test('what would it take: the page finds the same level as the CLI, and can apply it', async () => {
  const { context, page, errors } = await openPage(browser, `${server.url}?v=1`);
  await fullResult(page);
  await openTab(page, /Wat is ervoor nodig|What would it take/);
  await page.locator('#solve-target').selectOption('t1');
  await page.locator('#solve-lever').selectOption('all');
  await page.getByLabel('Gewenste zekerheid (%)').fill('80');
  await page.getByRole('button', { name: 'Zoek de benodigde stand' }).click();
  const result = page.getByTestId('solve-result');
  await result.waitFor();
  const expected = cli('v=1', '--solve', 'all', '--target', 't1', '--confidence', '80');
  assert.equal(expected.lever, 'all');
  assert.ok(expected.level > 0 && expected.probability >= 0.8);
  assert.equal(Number(await result.getAttribute('data-level')), expected.level);
  assert.equal(Number(await result.getAttribute('data-probability')), expected.probability);

  await page.getByRole('button', { name: 'Zet deze stand in het scenario' }).click();
  await fullResult(page);
  const { longer, aid, youth, region } = expected.levers;
  await page.waitForURL((url) => ['longer', 'aid', 'youth', 'region']
    .every((k, i) => url.searchParams.get(k) === String([longer, aid, youth, region][i])));
  assert.equal(await page.getByTestId('p-t1').textContent(), nlPercent(expected.probability),
    'the projection at that setting gives the probability the search found');
  assert.match(await page.getByTestId('solve-answer').textContent(), /scenario is na deze vraag veranderd/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('what would it take for one lever, in English', async () => {
  const { context, page } = await openPage(browser, `${server.url}?v=1&runs=2000&lang=en`);
  await fullResult(page);
  await openTab(page, /Wat is ervoor nodig|What would it take/);
  await page.locator('#solve-target').selectOption('t1');
  await page.locator('#solve-lever').selectOption('region');
  await page.getByLabel('Required confidence (%)').fill('60');
  await page.getByRole('button', { name: 'Find the setting needed' }).click();
  const result = page.getByTestId('solve-result');
  await result.waitFor();
  const expected = cli('v=1&runs=2000', '--solve', 'region', '--target', 't1', '--confidence', '60');
  assert.equal(Number(await result.getAttribute('data-level')), expected.level);
  assert.match(await result.textContent(), new RegExp(`Setting needed: at least ${expected.level}%`));
  await context.close();
});

test('what would it take: an unreachable target says so, with the best probability', async () => {
  const { context, page } = await openPage(browser, `${server.url}?v=1&runs=2000`);
  await fullResult(page);
  await openTab(page, /Wat is ervoor nodig|What would it take/);
  await page.locator('#solve-target').selectOption('t2');
  await page.locator('#solve-lever').selectOption('longer');
  await page.getByRole('button', { name: 'Zoek de benodigde stand' }).click();
  const result = page.getByTestId('solve-result');
  await result.waitFor();
  const expected = cli('v=1&runs=2000', '--solve', 'longer', '--target', 't2');
  assert.equal(expected.level, null);
  assert.equal(await result.getAttribute('data-level'), 'none');
  assert.match(await result.textContent(), /Niet te halen/);
  await context.close();
});

test('a confidence out of range is refused with its range, and nothing is asked', async () => {
  const { context, page } = await openPage(browser, `${server.url}?v=1&runs=2000`);
  await fullResult(page);
  await openTab(page, /Wat is ervoor nodig/);
  const input = page.getByLabel('Gewenste zekerheid (%)');
  await input.fill('120');
  assert.equal(await input.getAttribute('aria-invalid'), 'true');
  assert.ok(await page.getByRole('button', { name: 'Zoek de benodigde stand' }).isDisabled());
  assert.match(await page.locator('#solve-confidence-help').textContent(), /50 tot en met 99,9/);
  await input.fill('95,5');
  assert.equal(await input.getAttribute('aria-invalid'), 'false');
  await context.close();
});

test('what matters most: the tornado and the rank correlations match the CLI', async () => {
  const { context, page, errors } = await openPage(browser, `${server.url}?v=1&runs=2000`);
  await fullResult(page);
  await openTab(page, /Welke aanname telt het zwaarst/);
  await page.locator('#sens-target').selectOption('t1');
  await page.getByRole('button', { name: 'Bereken de gevoeligheid' }).click();
  await page.getByTestId('tornado').waitFor();
  const expected = cli('v=1&runs=2000', '--sensitivity', '--target', 't1');
  const rows = page.getByTestId('tornado-table').locator('tbody tr');
  assert.equal(await rows.count(), expected.tornado.length);
  for (const [i, bar] of expected.tornado.entries()) {
    const cells = await rows.nth(i).locator('td').allTextContents();
    assert.equal(cells[1], nlPercent(bar.low.p), `${bar.key} at its 10th percentile`);
    assert.equal(cells[3], nlPercent(bar.high.p), `${bar.key} at its 90th percentile`);
  }
  assert.equal(await page.getByTestId('tornado').locator('.tornado-row').count(), expected.tornado.length);
  const level = expected.correlations.find((c) => c.driver === 'level');
  assert.ok(level.rho > 0.3, 'a higher level goes with more intake');
  const shown = await page.getByTestId('rho-sens.level').locator('td').first().textContent();
  assert.equal(shown, level.rho.toFixed(2).replace('.', ','));
  assert.equal(await page.getByTestId('tornado-flat').count(), 0);

  // Target 2 is out of reach by default: every bar has no width, and the page says what to read instead.
  await page.locator('#sens-target').selectOption('t2');
  await page.getByRole('button', { name: 'Bereken de gevoeligheid' }).click();
  await page.getByTestId('tornado-flat').waitFor();
  assert.ok(cli('v=1&runs=2000', '--sensitivity', '--target', 't2').tornado.every((b) => b.swing === 0));
  assert.deepEqual(errors, []);
  await context.close();
});

test('axe-core finds no violations with every decision-support answer and an import error shown', async () => {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  // With the lever table, the list of changed keys, a link problem and the sources' notes too.
  const { context, page } = await openPage(browser, `${server.url}?v=1&runs=2000&obs=2024-01~250.240&level=260&region=90`);
  await fullResult(page);
  await openTab(page, /Welke maatregel|Which measure/);
  await page.getByRole('button', { name: 'Bereken de tabel' }).click();
  await page.getByTestId('rank-table').waitFor();
  await openTab(page, /Wat is ervoor nodig|What would it take/);
  await page.locator('#solve-lever').selectOption('all');
  await page.getByRole('button', { name: 'Zoek de benodigde stand' }).click();
  await page.getByTestId('solve-result').waitFor();
  await openTab(page, /Welke aanname telt het zwaarst/);
  await page.getByRole('button', { name: 'Bereken de gevoeligheid' }).click();
  await page.getByTestId('tornado').waitFor();
  await openTab(page, /Waarnemingen/);
  await page.getByTestId('obs-text').fill('2024-01;250\n2024-13;1');
  await page.getByRole('button', { name: 'Inlezen' }).click();
  await page.getByTestId('obs-errors').waitFor();
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), []);
  await context.close();
});
