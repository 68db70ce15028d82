// Observed data: paste or load a monthly series, see it on the fan chart,
// read the back-test (checked against the CLI's percentiles), keep it in the
// link when short, and get line-numbered messages for bad lines without
// losing what was entered.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { serveDist, launch, openPage, fullResult, openTab } from './support.js';

let browser;
let server;
before(async () => { browser = await launch(); server = await serveDist('/'); });
after(async () => { await browser?.close(); await server?.close(); });

const SERIES = ['maand;aantal', '2023-10;262', '2023-11;249', '2023-12;231', '2024-01;251', '2024-02;238',
  '2024-03;270', '2024-04;199', '2024-05;244', '2024-06;300'].join('\n');

/** The back-test the page should show, from the CLI's percentiles for the same scenario. */
function expectedBacktest(query, lines) {
  const report = JSON.parse(execFileSync(process.env.WLZ_SIM, [query], { encoding: 'utf8' }));
  const byMonth = new Map(report.months.map((m) => [m.month, m]));
  let projected = 0; let within50 = 0; let within90 = 0;
  for (const line of lines) {
    const [month, count] = line.split(';');
    const m = byMonth.get(month);
    if (!m) continue;
    projected += 1;
    const c = Number(count);
    if (c >= m.p25 && c <= m.p75) within50 += 1;
    if (c >= m.p5 && c <= m.p95) within90 += 1;
  }
  return { projected, within50, within90 };
}

test('a pasted series is drawn, back-tested like the CLI, kept in the link and restored from it', async () => {
  const query = 'v=1&runs=2000';
  const { context, page, errors } = await openPage(browser, `${server.url}?${query}`);
  await fullResult(page);
  await openTab(page, /Waarnemingen/);
  await page.getByTestId('obs-text').fill(SERIES);
  await page.getByRole('button', { name: 'Inlezen' }).click();
  await page.getByTestId('backtest').waitFor();
  assert.equal(await page.getByTestId('obs-point').count(), 9, 'three months before the start and six inside');
  const want = expectedBacktest(query, SERIES.split('\n').slice(1));
  const backtest = page.getByTestId('backtest');
  assert.equal(Number(await backtest.getAttribute('data-projected')), want.projected);
  assert.equal(want.projected, 6);
  assert.equal(Number(await backtest.getAttribute('data-within50')), want.within50);
  assert.equal(Number(await backtest.getAttribute('data-within90')), want.within90);
  assert.match(await backtest.textContent(), /6 van de 9 punten/);

  // The readout and the table say the observed count too.
  await page.getByTestId('fan').focus();
  await page.keyboard.press('Home');
  assert.match(await page.getByTestId('readout').textContent(), /januari 2024: .*Waargenomen 251$/);
  await page.getByRole('button', { name: 'Toon als tabel' }).click();
  const row = page.locator('.fan-table tbody tr').filter({ has: page.locator('th', { hasText: '2024-03' }) });
  assert.equal(await row.locator('td').last().textContent(), '270');
  await page.getByRole('button', { name: 'Toon als tabel' }).click();

  await page.waitForURL(/obs=2023-10~262\.249\.231\.251\.238\.270\.199\.244\.300/);
  const again = await context.newPage();
  await again.goto(page.url());
  await fullResult(again);
  await again.getByTestId('backtest').waitFor();
  assert.equal(Number(await again.getByTestId('backtest').getAttribute('data-within90')), want.within90);
  assert.match(await again.getByTestId('obs-text').inputValue(), /^2023-10[,;]262\n/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('bad lines are named with their line numbers; the text and the earlier series stay', async () => {
  const { context, page } = await openPage(browser, `${server.url}?v=1&runs=2000&obs=2024-01~250.240`);
  await fullResult(page);
  assert.equal(await page.getByTestId('obs-point').count(), 2);
  await openTab(page, /Waarnemingen/);
  const bad = 'maand;aantal\n2024-01;251\n2024-13;240\n2024-03;1.250\n2024-01;20\n2024-05;-3';
  await page.getByTestId('obs-text').fill(bad);
  await page.getByRole('button', { name: 'Inlezen' }).click();
  const list = page.getByTestId('obs-errors');
  await list.waitFor();
  const items = await list.locator('li').allTextContents();
  assert.equal(items.length, 4, items.join('\n'));
  assert.match(items[0], /^Regel 3 .*geen maand in de vorm JJJJ-MM; toegestaan 2000-01 tot en met 2100-12/);
  assert.match(items[1], /^Regel 4 .*geen heel getal.*0 tot en met 100\.000/);
  assert.match(items[2], /^Regel 5 .*staat er al, op regel 2/);
  assert.match(items[3], /^Regel 6 /);
  assert.equal(await page.getByTestId('obs-text').inputValue(), bad, 'nothing the user entered is lost');
  assert.equal(await page.getByTestId('obs-point').count(), 2, 'the earlier series stays');
  await context.close();
});

test('a file is read into the box; a long series stays out of the link', async () => {
  const { context, page } = await openPage(browser, `${server.url}?v=1&runs=2000`, [], { clock: true });
  await fullResult(page);
  await openTab(page, /Waarnemingen/);
  const lines = ['month,count'];
  for (let i = 0; i < 40; i += 1) {
    const y = 2022 + Math.floor(i / 12);
    lines.push(`${y}-${String((i % 12) + 1).padStart(2, '0')},${240 + (i % 7)}`);
  }
  const text = `${lines.join('\r\n')}\r\n`;
  await page.getByTestId('obs-file').setInputFiles({ name: 'reeks.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
  await page.getByTestId('backtest').waitFor();
  assert.equal(await page.getByTestId('obs-text').inputValue(), text.replace(/\r\n/g, '\n'));
  assert.match(await page.getByTestId('obs-status').textContent(), /40 maanden ingelezen.*gaat daarom niet mee in de link/s);
  await page.clock.fastForward(1200); // past every timer of the URL sync: the link is as it will stay
  assert.doesNotMatch(page.url(), /obs=/);
  await page.getByTestId('obs-file').setInputFiles({ name: 'fout.csv', mimeType: 'text/csv', buffer: Buffer.from('2024-01,250\n2024-02,x\n') });
  await page.getByTestId('obs-errors').waitFor();
  assert.match(await page.getByTestId('obs-errors').textContent(), /Regel 2/);
  assert.equal(await page.getByTestId('obs-text').inputValue(), '2024-01,250\n2024-02,x\n');
  await context.close();
});
