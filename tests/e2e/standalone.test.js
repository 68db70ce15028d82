// The standalone file: one HTML page that opens from disk (file://), works
// with no network at all, and can be downloaded with the scenario embedded.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST, serveDist, launch, fullResult, medianLevel, openMenu } from './support.js';

const STANDALONE = 'wlz-ggz-wonen-verkenner.html';

let browser;
let dir;
before(async () => {
  browser = await launch();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wlz-standalone-'));
});
after(async () => {
  await browser?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A fresh context that records every request and every error of its pages. */
async function recordingContext() {
  const context = await browser.newContext({ acceptDownloads: true, permissions: ['clipboard-read', 'clipboard-write'] });
  const requests = [];
  const errors = [];
  context.on('request', (r) => requests.push(r.url()));
  context.on('page', (page) => {
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  });
  return { context, requests, errors };
}

/** Only the file itself and what it makes in memory (blob:, data:) may be requested. */
function assertNoNetwork(requests) {
  const other = requests.filter((u) => !/^(file|blob|data):/.test(u));
  assert.deepEqual(other, [], 'requests outside the file');
}

async function moveAidToEnd(page) {
  const old = await page.getByTestId('median').getAttribute('d');
  const aid = page.getByRole('slider', { name: /hulpmiddel/ });
  await aid.focus();
  await aid.press('End');
  await page.waitForFunction((d) => document.querySelector('[data-testid=median]')?.getAttribute('d') !== d, old);
  await fullResult(page);
}

test('the standalone file opens from disk alone and computes with no network', async () => {
  const alone = path.join(dir, 'alone');
  fs.mkdirSync(alone);
  fs.copyFileSync(path.join(DIST, STANDALONE), path.join(alone, STANDALONE));
  const { context, requests, errors } = await recordingContext();
  const page = await context.newPage();
  await page.goto(pathToFileURL(path.join(alone, STANDALONE)).href);
  assert.match(await fullResult(page), /10\.000 runs/);
  const before = await medianLevel(page);
  await moveAidToEnd(page);
  assert.ok((await medianLevel(page)) < before, 'moving a lever changed the result');
  await page.waitForFunction(() => /aid=100/.test(location.search)); // the address follows the scenario
  for (const name of ['CSV per maand', 'Grafiek (SVG)', 'Grafiek (PNG)']) {
    await openMenu(page);
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name, exact: true }).click()]);
    assert.ok(fs.statSync(await file.path()).size > 1000, `${name} export works from the file`);
  }
  assertNoNetwork(requests);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the page offers the standalone file with the current scenario, which opens with it', async () => {
  const server = await serveDist('/');
  const { context, requests, errors } = await recordingContext();
  const page = await context.newPage();
  await page.goto(`${server.url}?v=1&runs=2000&aid=50&title=Mijn%20scenario`);
  await fullResult(page);
  await openMenu(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('standalone').click()]);
  assert.equal(download.suggestedFilename(), 'mijn-scenario.html', 'named after the title');
  const saved = path.join(dir, 'from-server.html');
  await download.saveAs(saved);
  await server.close();
  const html = fs.readFileSync(saved, 'utf8');
  assert.match(html, /<meta name="wlz-scenario" content="v=1&amp;runs=2000&amp;aid=50&amp;title=Mijn(%20|\+)scenario[^"]*">/);

  requests.length = 0;
  const opened = await context.newPage();
  await opened.goto(pathToFileURL(saved).href);
  assert.match(await fullResult(opened), /2\.000 runs/);
  assert.equal(await opened.getByRole('slider', { name: /hulpmiddel/ }).inputValue(), '50');
  assert.equal(await opened.getByTestId('scenario-heading').textContent(), 'Mijn scenario');

  // The standalone file offers itself again, with the scenario as it is now.
  await moveAidToEnd(opened);
  await openMenu(opened);
  const [again] = await Promise.all([opened.waitForEvent('download'), opened.getByTestId('standalone').click()]);
  assert.equal(again.suggestedFilename(), 'mijn-scenario.html', 're-downloaded under its title');
  const resaved = path.join(dir, 'from-file.html');
  await again.saveAs(resaved);
  const second = fs.readFileSync(resaved, 'utf8');
  assert.match(second, /<meta name="wlz-scenario" content="v=1&amp;runs=2000&amp;aid=100&amp;[^"]*">/);
  assert.ok(Math.abs(second.length - html.length) < 200, 'the same file, another scenario');
  const third = await context.newPage();
  await third.goto(pathToFileURL(resaved).href);
  assert.match(await fullResult(third), /2\.000 runs/);
  assert.equal(await third.getByRole('slider', { name: /hulpmiddel/ }).inputValue(), '100');
  assertNoNetwork(requests);
  assert.deepEqual(errors, []);
  await context.close();
});

test('from disk, "Kopieer link" never copies a file: path: the public address given at build time, or the query and a word to send the file', async () => {
  const bare = path.join(dir, 'bare');
  fs.mkdirSync(bare);
  const source = fs.readFileSync(path.join(DIST, STANDALONE), 'utf8');
  assert.match(source, /<meta name="wlz-public-url" content="">/, 'built without WLZ_PUBLIC_URL');
  fs.writeFileSync(path.join(bare, STANDALONE), source);
  // The same file as `WLZ_PUBLIC_URL=https://example.org/wlz/ cargo xtask build` writes it.
  const withAddress = path.join(dir, 'public.html');
  fs.writeFileSync(withAddress, source.replace('<meta name="wlz-public-url" content="">',
    '<meta name="wlz-public-url" content="https://example.org/wlz/">'));

  const { context, requests, errors } = await recordingContext();
  const page = await context.newPage();
  await page.goto(`${pathToFileURL(path.join(bare, STANDALONE)).href}?v=1&runs=1000&aid=30`);
  await fullResult(page);
  await openMenu(page);
  await page.getByRole('button', { name: 'Kopieer link' }).click();
  await page.getByTestId('bar-notice').filter({ hasText: 'stuur het bestand zelf mee' }).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, 'v=1&runs=1000&aid=30', 'the query only');
  assert.doesNotMatch(copied, /file:|\/tmp|wlz-standalone/);

  const opened = await context.newPage();
  await opened.goto(`${pathToFileURL(withAddress).href}?v=1&runs=1000&aid=30`);
  await fullResult(opened);
  await openMenu(opened);
  await opened.getByRole('button', { name: 'Kopieer link' }).click();
  await opened.getByTestId('bar-notice').filter({ hasText: 'Link gekopieerd' }).waitFor();
  assert.equal(await opened.evaluate(() => navigator.clipboard.readText()), 'https://example.org/wlz/?v=1&runs=1000&aid=30');

  // The exports carry the public address too, never the file's path.
  await openMenu(opened);
  const [csv] = await Promise.all([opened.waitForEvent('download'), opened.getByRole('button', { name: 'CSV per maand', exact: true }).click()]);
  const text = fs.readFileSync(await csv.path(), 'utf8');
  assert.match(text, /^\uFEFF# scenario: https:\/\/example\.org\/wlz\/\?v=1&runs=1000&aid=30; /);
  assert.doesNotMatch(text, /file:/);
  assertNoNetwork(requests);
  assert.deepEqual(errors, []);
  await context.close();
});
