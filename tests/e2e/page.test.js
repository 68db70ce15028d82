// The page in Chromium: default render, keyboard, URL, language, sub-path, bad links, axe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { serveDist, launch, openPage, fullResult, percentValue } from './support.js';

let server; let browser;
before(async () => { server = await serveDist('/'); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('default scenario renders with its defaults and a full result', async () => {
  const { page, context, errors } = await openPage(browser, server.url);
  await page.getByRole('heading', { level: 1, name: /Instroom Wlz ggz-wonen/ }).waitFor();
  assert.equal(await page.getByRole('slider', { name: /hulpmiddel/ }).inputValue(), '0');
  assert.equal(await page.getByRole('slider', { name: /Langere Wmo-beschikkingen/ }).inputValue(), '25');
  assert.equal(await page.getByRole('slider', { name: /Aandeel jongeren/ }).inputValue(), '10');
  const status = await fullResult(page);
  assert.match(status, /^10\.000 runs in \d{1,3}(\.\d{3})* ms$/);
  const p1 = percentValue(await page.getByTestId('p-t1').textContent());
  assert.ok(p1 >= 30 && p1 <= 42, `P(target 1) ${p1}% outside 30..42`);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'nl');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a lever moved with the keyboard changes the result and the URL', async () => {
  const { page, context, errors } = await openPage(browser, server.url);
  await fullResult(page);
  const before = { median: await page.getByTestId('median').getAttribute('d'), p1: await page.getByTestId('p-t1').textContent() };
  const aid = page.getByRole('slider', { name: /hulpmiddel/ });
  await aid.focus();
  for (let i = 0; i < 5; i++) await aid.press('PageUp');
  const aidValue = Number(await aid.inputValue());
  assert.ok(aidValue > 0, `aid after PageUp: ${aidValue}`);
  await page.waitForURL(new RegExp(`aid=${aidValue}(&|$)`));
  await page.waitForFunction((old) => document.querySelector('[data-testid=median]')?.getAttribute('d') !== old, before.median);
  await fullResult(page);
  const after = percentValue(await page.getByTestId('p-t1').textContent());
  assert.ok(after > percentValue(before.p1), `P(target 1) should rise with the aid: ${before.p1} -> ${after}`);
  assert.equal(await page.getByRole('textbox', { name: /Gebruik van het hulpmiddel/ }).inputValue(), String(aidValue));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a shared link restores the scenario and the language switch keeps it', async () => {
  const { page, context } = await openPage(browser, `${server.url}?v=1&region=20&seed=7`);
  assert.equal(await page.getByRole('slider', { name: /Regioaanpak/ }).inputValue(), '20');
  await fullResult(page);
  const dutch = percentValue(await page.getByTestId('p-t1').textContent(), 'nl');
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await page.getByRole('heading', { level: 1, name: /intake: explorer/ }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.equal(await page.title(), 'Wlz ggz-wonen intake: explorer');
  await page.waitForURL(/\?v=1&seed=7&region=20&lang=en$/);
  assert.match(await fullResult(page), /^10,000 runs in \d{1,3}(,\d{3})* ms$/);
  const english = percentValue(await page.getByTestId('p-t1').textContent(), 'en');
  assert.ok(dutch > 1 && dutch < 100, `a percentage: ${dutch}`);
  assert.equal(english, dutch, 'the same probability read from either language');
  await context.close();
});

test('a bad link opens with defaults and says what was wrong', async () => {
  const { page, context, errors } = await openPage(browser, `${server.url}?aid=500&zzz=1&longer=abc`);
  const notice = page.getByRole('status').filter({ hasText: /standaardwaarde/ });
  await notice.waitFor();
  const text = await notice.textContent();
  assert.match(text, /aid=500/);
  assert.match(text, /zzz/);
  assert.match(text, /longer=abc/);
  assert.equal(await page.getByRole('slider', { name: /hulpmiddel/ }).inputValue(), '0');
  await fullResult(page);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the page works from a nested sub-path of a static host', async () => {
  const nested = await serveDist('/intranet/tools/wlz/');
  try {
    const { page, context, errors } = await openPage(browser, `${nested.url}?v=1&aid=40`);
    assert.match(await fullResult(page), /runs in/);
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    await nested.close();
  }
});

test('axe-core finds no accessibility violations in either language', async () => {
  const { page, context } = await openPage(browser, server.url);
  await fullResult(page);
  for (const lang of ['nl', 'en']) {
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), [], `language ${lang}`);
    if (lang === 'nl') {
      await page.getByRole('button', { name: 'Switch to English' }).click();
      await page.getByRole('heading', { level: 1, name: /intake: explorer/ }).waitFor();
    }
  }
  await context.close();
});

test('on a phone-sized screen the page fits its width and stays accessible', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto(`${server.url}?v=1&aid=30&pin=1`);
  await fullResult(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  assert.deepEqual(result.violations.map((v) => v.id), []);
  await context.close();
});

test('nothing leaves the origin, and the Content-Security-Policy holds without violations', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const requests = [];
  const problems = [];
  context.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => { if (/Content.Security.Policy|Refused to/i.test(m.text())) problems.push(m.text()); });
  await page.goto(`${server.url}?v=1&aid=20`);
  await fullResult(page);
  const aid = page.getByRole('slider', { name: /hulpmiddel/ });
  await aid.focus();
  await aid.press('End');
  await page.waitForURL(/aid=100/);
  await fullResult(page);
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await fullResult(page);
  const csp = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content);
  assert.match(csp || '', /default-src 'self'/);
  assert.equal(await page.locator('script:not([src])').count(), 0, 'no inline script');
  const origin = new URL(server.url).origin;
  const foreign = requests.filter((u) => !u.startsWith(origin) && !u.startsWith('blob:') && !u.startsWith('data:'));
  assert.deepEqual(foreign, [], 'requests to other hosts');
  assert.ok(requests.some((u) => u.endsWith('worker_bg.wasm')), 'the worker request is recorded too');
  assert.deepEqual(problems, []);
  await context.close();
});
