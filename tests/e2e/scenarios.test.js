// Scenarios: the URL follows the state with history, links restore everything,
// copy link, title and note, presets, exports and print.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { serveDist, launch, openPage, fullResult, openMenu } from './support.js';

let server; let browser;
before(async () => { server = await serveDist('/'); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const ROOT = path.resolve(import.meta.dirname, '../..');
const query = (page) => new URL(page.url()).search.slice(1);

test('back and forward step through settled scenarios; dragging adds no history entries', async () => {
  const { page, context } = await openPage(browser, server.url, [], { clock: true });
  await fullResult(page);
  const length0 = await page.evaluate(() => history.length);
  // The page's clock stands still while the slider is dragged, so no timer of
  // the URL sync fires mid-drag, however slow the machine; then time is run on.
  await page.clock.pauseAt(Date.parse('2030-01-01T00:00:00Z')); // ahead of the page's clock, whatever the load
  const aid = page.getByRole('slider', { name: /hulpmiddel/ });
  await aid.focus();
  for (let i = 0; i < 12; i++) await aid.press('ArrowRight');
  await page.clock.runFor(600); // the trailing rewrite (at most twice a second), not the 1-second settle
  await page.waitForURL(/aid=12(&|$)/);
  assert.ok(await page.evaluate(() => history.length) <= length0 + 1, 'a drag is one entry at most');
  await page.clock.runFor(1300); // past the settle: the scenario keeps its own entry
  const region = page.getByRole('slider', { name: /Regioaanpak/ });
  await region.focus();
  await region.press('End');
  await page.waitForURL(/region=50/);
  await page.clock.runFor(1300);
  await page.goBack();
  await page.waitForURL((url) => !url.search.includes('region='));
  assert.equal(query(page), 'v=2&aid=12');
  assert.equal(await region.inputValue(), '0');
  assert.equal(await aid.inputValue(), '12');
  await fullResult(page);
  await page.goForward();
  await page.waitForURL(/region=50/);
  assert.equal(await region.inputValue(), '50');
  await context.close();
});

test('a link restores everything, seed and run count included, and shows the same numbers', async () => {
  const link = 'v=1&seed=42&runs=2000&longer=60&longer_from=2024-06&longer_ramp=18&eps=40&t2=120&title=Noord&note=met%20%3Cb%3Evet%3C%2Fb%3E';
  const a = await openPage(browser, `${server.url}?${link}`);
  const first = await fullResult(a.page);
  assert.match(first, /^2\.000 runs/);
  const p1 = await a.page.getByTestId('p-t1').textContent();
  const p2 = await a.page.getByTestId('p-t2').textContent();
  assert.equal(query(a.page), link);
  assert.equal(await a.page.getByTestId('scenario-heading').textContent(), 'Noord');
  assert.equal(await a.page.getByLabel(/Notitie/).inputValue(), 'met <b>vet</b>', 'the note is text, not markup');
  assert.equal(await a.page.locator('b').count(), 0);
  const b = await openPage(browser, `${server.url}?${link}`);
  await fullResult(b.page);
  assert.equal(await b.page.getByTestId('p-t1').textContent(), p1);
  assert.equal(await b.page.getByTestId('p-t2').textContent(), p2);
  await a.context.close();
  await b.context.close();
});

test('title and note go into the link, escaped and length-limited', async () => {
  const { page, context, errors } = await openPage(browser, server.url);
  await fullResult(page);
  await openMenu(page);
  await page.getByLabel(/Titel van dit scenario/).fill('Plan & <i>x</i>');
  await page.waitForURL(/title=Plan%20%26%20%3Ci%3Ex%3C%2Fi%3E/);
  const long = await openPage(browser, `${server.url}?note=${'y'.repeat(700)}`);
  assert.equal((await long.page.getByLabel(/Notitie/).inputValue()).length, 500);
  assert.match(await long.page.getByRole('status').filter({ hasText: /standaardwaarde/ }).textContent(), /note: langer dan 500 tekens/);
  assert.deepEqual(errors, []);
  await long.context.close();
  await context.close();
});

test('copy link puts the page address on the clipboard and says so', async () => {
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  await page.goto(`${server.url}?v=1&aid=30`);
  await fullResult(page);
  await openMenu(page);
  await page.getByRole('button', { name: 'Kopieer link' }).click();
  await page.getByTestId('bar-notice').filter({ hasText: 'Link gekopieerd' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), page.url());
  await context.close();
});

test('presets set the levers, say when they are illustrative, and leave the rest', async () => {
  const { page, context } = await openPage(browser, `${server.url}?v=1&seed=5`);
  await fullResult(page);
  await openMenu(page);
  const agreements = page.getByRole('button', { name: /Afspraken 2023/ });
  assert.match(await agreements.textContent(), /ter illustratie/);
  await agreements.click();
  await page.waitForURL(/longer=40/);
  await openMenu(page);
  assert.equal(await agreements.getAttribute('aria-pressed'), 'true');
  assert.match(query(page), /^v=1&seed=5&longer=40/);
  await openMenu(page);
  await page.getByRole('button', { name: /Geen beleid/ }).click();
  await page.waitForURL((url) => url.search === '?v=1&seed=5');
  await context.close();
});

async function download(page, name) {
  await openMenu(page);
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name, exact: true }).click()]);
  return fs.readFileSync(await file.path());
}

test('exports: CSV and JSON carry the link and model version; JSON equals the CLI to the bit', async () => {
  const link = 'v=1&runs=1000&aid=40&lang=en';
  const { page, context } = await openPage(browser, `${server.url}?${link}`);
  await fullResult(page);
  const csv = (await download(page, 'CSV by month')).toString();
  const lines = csv.trim().split('\n');
  const version = (await page.getByTestId('model-version').textContent()).trim();
  assert.match(version, /^\d+\.\d+\.\d+$/);
  assert.equal(lines[0], `# scenario: ${page.url()}; model_version: ${version}`, 'the international form on an English page');
  const fresh = (await page.getByTestId('freshness').textContent()).trim();
  assert.match(fresh, /^Model \d+\.\d+\.\d+ · no observations after 2023/);
  assert.equal(lines[1], `# ${fresh}`, 'the freshness line as on the page');
  assert.equal(lines[2], 'month,mean,p5,p10,p25,p50,p75,p90,p95');
  assert.equal(lines.length, 3 + 84);
  assert.match(lines[3], /^2024-01,\d+\.\d,\d+,\d+,\d+,\d+,\d+,\d+,\d+$/, 'rounded: no float tails');
  const json = JSON.parse((await download(page, 'JSON')).toString());
  assert.equal(json.scenario, 'v=1&runs=1000&aid=40');
  assert.equal(json.model_version, version);
  assert.equal(json.elapsed_ms, undefined, 'the page leaves the timing to the CLI');
  const cli = path.join(ROOT, 'target/debug/wlz-sim');
  const fromCli = JSON.parse(fs.existsSync(cli)
    ? execFileSync(cli, ['v=1&runs=1000&aid=40']).toString()
    : execFileSync('cargo', ['run', '-q', '-p', 'wlz-sim', '--', 'v=1&runs=1000&aid=40'], { cwd: ROOT }).toString());
  delete fromCli.elapsed_ms;
  assert.deepEqual(json, fromCli, 'the page and the CLI give the same numbers for the same link');
  await context.close();
});

test('exports: the chart as SVG and PNG', async () => {
  const { page, context, errors } = await openPage(browser, `${server.url}?v=1&runs=1000`);
  await fullResult(page);
  const svg = (await download(page, 'Grafiek (SVG)')).toString();
  assert.match(svg, /^<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.match(svg, /data-testid="median"[^>]*style="[^"]*stroke:/);
  const png = await download(page, 'Grafiek (PNG)');
  assert.deepEqual([...png.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], 'a PNG file');
  assert.ok(png.length > 10000, `PNG of ${png.length} bytes`);
  assert.deepEqual(errors, [], 'no Content-Security-Policy violation');
  await context.close();
});

test('print puts levers, chart and scorecard on one A4 page', async () => {
  const { page, context } = await openPage(browser, `${server.url}?v=1&runs=1000&aid=40&title=Print`);
  await fullResult(page);
  await page.emulateMedia({ media: 'print' });
  for (const name of [/Maatregelen/, /Maandelijkse instroom/, /Doelen$/]) {
    assert.ok(await page.getByRole('heading', { name }).first().isVisible(), `${name} printed`);
  }
  assert.equal(await page.getByRole('heading', { name: /Aannames en onzekerheden/ }).isVisible(), false);
  const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || [];
  assert.equal(pages.length, 1, `printed on ${pages.length} pages`);
  await context.close();
});
