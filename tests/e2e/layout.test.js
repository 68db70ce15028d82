// The answer first (issue 13): both targets' probabilities and the fan chart in
// the first viewport on a laptop and a phone, in both languages; the summary
// stays in view on phones while a lever moves; reading order follows the visual
// order; tabs with the open one in the link; the comparison where the chart
// was; phones: legible chart text, tables in their own scroll box, touch
// targets of 24 x 24 px, a touch hint; axe-core finds nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { serveDist, launch, fullResult, openMenu, openTab, percentValue } from './support.js';

let server; let browser;
before(async () => { server = await serveDist('/'); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const LAPTOP = { viewport: { width: 1280, height: 800 } };
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

async function open(options, query, errors = []) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(`${server.url}?${query}`);
  await fullResult(page);
  return { context, page };
}

/** The box of `locator` in CSS px of the viewport. */
const box = (locator) => locator.evaluate((e) => {
  const r = e.getBoundingClientRect();
  return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width, height: r.height };
});

function inViewport(b, { width, height }, what) {
  assert.ok(b.top >= 0 && b.left >= 0 && b.bottom <= height && b.right <= width,
    `${what} outside the first ${width} x ${height} viewport: ${JSON.stringify(b)}`);
}

/**
 * Pairs of texts in one chart whose boxes share more than half a pixel each
 * way (labels drawn over each other), named by their texts.
 */
const textOverlaps = (page) => page.evaluate(() => {
  const hits = [];
  for (const svg of document.querySelectorAll('svg')) {
    const boxes = [...svg.querySelectorAll('text')].filter((t) => t.getClientRects().length > 0 && t.textContent.trim())
      .map((t) => ({ text: t.textContent.trim(), r: t.getBoundingClientRect() }));
    boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => {
      const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
      const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
      if (w > 0.5 && h > 0.5) hits.push(`"${a.text}" and "${b.text}"`);
    }));
  }
  return hits;
});

const axe = async (page) => (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze())
  .violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`);

for (const [name, options] of [['1280 x 800', LAPTOP], ['390 x 844', PHONE]]) {
  for (const lang of ['nl', 'en']) {
    test(`${name}, ${lang}: both probabilities in numbers and words and the fan chart in the first viewport, its labels apart; axe finds nothing`, async () => {
      const errors = [];
      // A new link (model 2) in Dutch; an old model 1 link, with its notice, in English.
      const { context, page } = await open(options, `${lang === 'nl' ? 'v=2' : 'v=1'}&lang=${lang}`, errors);
      if (lang === 'en') await page.getByTestId('model-notice').waitFor();
      for (const id of ['t1', 't2']) {
        const p = page.getByTestId(`p-${id}`);
        assert.ok(Number.isFinite(percentValue(await p.textContent(), lang)), `p-${id} is a number`);
        inViewport(await box(p), options.viewport, `p-${id}`);
        const word = page.getByTestId(`summary-${id}`).locator('.word');
        assert.match(await word.textContent(), /waarschijnlijk|likely|unlikely/);
        inViewport(await box(word), options.viewport, `the word for ${id}`);
      }
      inViewport(await box(page.getByTestId('fan')), options.viewport, 'the fan chart');
      // The axis title above the top tick label; on a phone the target's label under the observed 2023 figure.
      assert.deepEqual(await textOverlaps(page), [], 'chart texts drawn over each other');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
      assert.deepEqual(await axe(page), []);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}

test('reading order follows the visual order: summary, chart, levers, then the tabs', async () => {
  for (const options of [LAPTOP, PHONE]) {
    const { context, page } = await open(options, 'v=1&runs=1000');
    const order = await page.evaluate(() => {
      const all = [...document.querySelectorAll('.summary, [data-testid=fan], .levers, .tabs')];
      return all.map((e) => e.className.baseVal ?? e.className);
    });
    assert.deepEqual(order.map((c) => c.split(' ')[0]), ['summary', 'fan-svg', 'levers', 'tabs'], 'document order');
    const [summary, fan, levers, tabs] = await Promise.all(
      ['.summary', '[data-testid=fan]', '.levers', '.tabs'].map((s) => box(page.locator(s))));
    assert.ok(summary.bottom <= fan.top, 'the summary above the chart');
    if (options === LAPTOP) {
      assert.ok(levers.left >= fan.right, 'the levers beside the chart, on its right');
      assert.ok(levers.top < fan.bottom, 'the levers start beside the chart');
    } else {
      assert.ok(levers.top >= fan.bottom, 'the levers below the chart');
    }
    assert.ok(tabs.top >= Math.max(fan.bottom, levers.bottom), 'the tabs below both');
    await context.close();
  }
});

test('on a phone the summary stays in view while a lever is moved, and follows it', async () => {
  const { context, page } = await open(PHONE, 'v=1');
  const region = page.getByRole('slider', { name: /Regioaanpak/ });
  await region.scrollIntoViewIfNeeded();
  const before = await page.getByTestId('p-t1').textContent();
  await region.focus();
  await region.press('End');
  await fullResult(page);
  assert.notEqual(await page.getByTestId('p-t1').textContent(), before, 'the probability followed the lever');
  const slider = await box(region);
  const summary = await box(page.getByTestId('summary'));
  inViewport(slider, PHONE.viewport, 'the slider');
  inViewport(summary, PHONE.viewport, 'the summary');
  assert.ok(summary.bottom <= slider.top, 'the summary does not cover the slider');
  await context.close();
});

test('on a phone: chart text at least 12 px, tables scroll in their own box, touch targets at least 24 x 24 px, a touch hint', async () => {
  const { context, page } = await open(PHONE, 'v=1&runs=1000&pin=1&a.aid=20');
  const hint = page.getByTestId('readout');
  assert.match(await hint.innerText(), /^Tik op de grafiek/);
  const smallest = () => page.evaluate(() => Math.min(...[...document.querySelectorAll('svg text')]
    .filter((t) => t.getClientRects().length > 0)
    .map((t) => parseFloat(getComputedStyle(t).fontSize) * t.ownerSVGElement.getScreenCTM().a)));
  assert.ok(await smallest() >= 12, `chart text at ${await smallest()} px`);
  const tiny = () => page.evaluate(() => [...document.querySelectorAll('button, input, select, textarea, summary, [role=tab], label.file-button')]
    .filter((e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden' && getComputedStyle(e).opacity !== '0')
    .map((e) => ({ e, r: e.getBoundingClientRect() }))
    .filter(({ r }) => r.width < 24 || r.height < 24)
    .map(({ e, r }) => `${e.tagName} ${e.id || e.textContent.trim().slice(0, 30)} ${r.width.toFixed(0)}x${r.height.toFixed(0)}`));
  assert.deepEqual(await tiny(), [], 'touch targets');
  for (const tab of [/Wat is ervoor nodig/, /Waarnemingen/, /Aannames/, /Simulatie/]) {
    await openTab(page, tab);
    assert.deepEqual(await tiny(), [], `touch targets in ${tab}`);
  }
  await openTab(page, /Effect/);
  assert.ok(await smallest() >= 12, `chart text with the effect tab at ${await smallest()} px`);
  assert.deepEqual(await textOverlaps(page), [], 'chart texts drawn over each other (comparison, effect)');
  await openMenu(page);
  assert.deepEqual(await tiny(), [], 'touch targets in the menu');
  await page.keyboard.press('Escape');
  // A tap on the chart shows that month's values.
  const fan = page.getByTestId('fan');
  await fan.scrollIntoViewIfNeeded();
  const f = await box(fan);
  await page.touchscreen.tap(f.left + f.width * 0.9, f.top + f.height / 2);
  await page.waitForFunction(() => /mediaan \d/.test(document.querySelector('[data-testid=readout]').textContent));
  // The table view scrolls in its own box; the page keeps its width.
  await page.getByRole('button', { name: 'Toon als tabel' }).click();
  const scroller = page.locator('.fan .table-scroll');
  const { scrollWidth, clientWidth } = await scroller.evaluate((e) => ({ scrollWidth: e.scrollWidth, clientWidth: e.clientWidth }));
  assert.ok(scrollWidth > clientWidth, 'the table is wider than its box and scrolls there');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
  assert.deepEqual(await axe(page), []);
  await context.close();
});

test('with a mouse the chart says how to use it with a pointer or the keyboard', async () => {
  const { context, page } = await open(LAPTOP, 'v=1&runs=1000');
  assert.match(await page.getByTestId('readout').innerText(), /^Beweeg over de grafiek/);
  await context.close();
});

test('tabs: one panel at a time, arrow keys move between tabs, the open tab is in the link', async () => {
  const { context, page } = await open(LAPTOP, 'v=1&runs=1000');
  assert.equal(await page.getByRole('tab', { selected: true }).textContent(), 'Effect');
  assert.ok(await page.getByRole('heading', { name: /Effect van de maatregelen/ }).isVisible());
  await openTab(page, /Uitleg/);
  await page.waitForURL(/tab=explanation/);
  assert.equal(await page.getByRole('heading', { name: /Effect van de maatregelen/ }).isVisible(), false);
  await page.keyboard.press('ArrowLeft');
  await page.waitForURL(/tab=simulation/);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-simulation');
  const again = await open(LAPTOP, new URL(page.url()).search.slice(1));
  assert.equal(await again.page.getByRole('tab', { selected: true }).textContent(), 'Simulatie');
  assert.ok(await again.page.getByRole('heading', { name: /^Simulatie/ }).isVisible());
  await again.context.close();
  await context.close();
});

test('a hidden tab is not rendered while levers move, and is up to date when it opens', async () => {
  const { context, page } = await open(LAPTOP, 'v=1&runs=1000&aid=20');
  const equation = page.getByTestId('eq-aid');
  const before = await equation.textContent();
  assert.match(before, /20/);
  const slider = page.getByRole('slider', { name: /hulpmiddel/ });
  await slider.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await page.waitForURL(/aid=25/);
  await fullResult(page);
  // Hidden (the explanation is not the open tab): left as it was, not rendered again.
  assert.equal(await equation.isVisible(), false);
  assert.equal(await equation.textContent(), before);
  await openTab(page, /Uitleg/);
  assert.ok(await equation.isVisible());
  const after = await equation.textContent();
  assert.notEqual(after, before, 'opened: rendered with the scenario of now');
  assert.match(after, /25/);
  await context.close();
});

test('the first chart is drawn before the hidden tabs and the closed menu; they follow the first result', async () => {
  const context = await browser.newContext(LAPTOP);
  // When the first median line appears: how much is inside the hidden panels and the closed menu.
  await context.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (!document.querySelector('[data-testid=median]')) return;
      observer.disconnect();
      const hidden = [...document.querySelectorAll('.tab-panel[hidden], #scenario-menu[hidden]')];
      window.__atFirstChart = { hidden: hidden.length, filled: hidden.filter((e) => e.childElementCount > 0).length };
    }).observe(document, { childList: true, subtree: true });
  });
  const page = await context.newPage();
  await page.goto(`${server.url}?v=1&runs=1000&aid=20`);
  await fullResult(page);
  const atFirstChart = await page.evaluate(() => window.__atFirstChart);
  assert.ok(atFirstChart.hidden >= 8, `the hidden panels and the menu exist (${atFirstChart.hidden})`);
  assert.equal(atFirstChart.filled, 0, 'nothing rendered inside them yet');
  // Mounted after the first result: a hidden panel's field and the closed menu's title field are there.
  await page.waitForFunction(() => [...document.querySelectorAll('.tab-panel[hidden], #scenario-menu[hidden]')]
    .every((e) => e.childElementCount > 0));
  assert.equal(await page.getByTestId('eq-aid').count(), 1, 'the hidden explanation is mounted');
  assert.equal(await page.getByTestId('eq-aid').isVisible(), false);
  await context.close();
});

test('after pinning, the comparison is where the chart was, and A is named by its title or preset', async () => {
  const { context, page } = await open(LAPTOP, 'v=1&runs=1000&title=Noord');
  await openMenu(page);
  await page.getByRole('button', { name: /Vergelijk: zet dit scenario vast als A/ }).click();
  await page.waitForURL(/pin=1/);
  const heading = page.getByRole('heading', { name: /Vergelijking/ });
  await heading.waitFor();
  inViewport(await box(heading), LAPTOP.viewport, 'the comparison heading');
  inViewport(await box(page.locator('.compare svg').first()), LAPTOP.viewport, 'the chart of A and B');
  assert.equal(await page.getByTestId('pinned-name').innerText(), 'Scenario A: Noord');
  assert.deepEqual(await textOverlaps(page), [], 'chart texts drawn over each other');
  await openMenu(page);
  await page.getByRole('button', { name: 'Stop met vergelijken' }).click();
  await openMenu(page);
  await page.getByRole('button', { name: /Afspraken 2023/ }).click();
  await page.waitForURL(/longer=40/);
  await openMenu(page);
  await page.getByLabel(/Titel van dit scenario/).fill('');
  await page.getByRole('button', { name: /Vergelijk: zet dit scenario vast als A/ }).click();
  await page.getByTestId('pinned-name').waitFor();
  assert.equal(await page.getByTestId('pinned-name').innerText(), 'Scenario A: Afspraken 2023');
  await context.close();
});

test('targets in runs: a count of runs, a simulation margin, no median date when fewer than half reach it', async () => {
  const { context, page } = await open(LAPTOP, 'v=1&longer=75&longer_ramp=24&aid=90&aid_ramp=6&youth=8&youth_ramp=24&region=25&region_ramp=12');
  const p2 = percentValue(await page.getByTestId('p-t2').textContent());
  const runs = (await page.getByTestId('runs-t2').textContent()).match(/^in ([\d.]+) van de 10\.000 runs$/);
  assert.ok(runs, 'a count of runs');
  assert.equal(Math.round(Number(runs[1].replace('.', '')) / 10) / 10, p2, 'the count is the probability in runs');
  assert.match(await page.getByTestId('margin-t2').textContent(), /^simulatiemarge ± \d+,\d procentpunt$/);
  const t2 = await page.getByTestId('target-t2').locator('.reach').textContent();
  const reached = Number(t2.match(/in ([\d.]+) van de 10\.000 runs/)[1].replace('.', ''));
  if (reached < 5000) assert.doesNotMatch(t2, /mediaan/, 'no median date when fewer than half reach it');
  else assert.match(t2, /mediaan/);
  assert.match(await page.getByTestId('target-t1').locator('.reach').textContent(), /mediaan: .* in [\d.]+ van de 10\.000 runs/);
  await context.close();
});

test('the paste box shows its example on lines; contribution labels stay clear of the zero axis when the bars are 0', async () => {
  const { context, page } = await open(LAPTOP, 'v=1&runs=1000');
  const overlaps = await page.evaluate(() => {
    const hits = [];
    const lines = [...document.querySelectorAll('.contrib line.zero')].map((l) => l.getBBox());
    for (const t of document.querySelectorAll('.contrib text')) {
      const b = t.getBBox();
      for (const l of lines) {
        if (l.x >= b.x && l.x <= b.x + b.width && l.y < b.y + b.height && l.y + l.height > b.y) hits.push(t.textContent);
      }
    }
    return hits;
  });
  assert.ok(await page.locator('.contrib line.zero').count() > 0);
  assert.deepEqual(overlaps, [], 'labels crossed by the zero axis');
  await openTab(page, /Waarnemingen/);
  assert.equal(await page.getByTestId('obs-text').getAttribute('placeholder'), 'maand;aantal\n2024-01;251\n2024-02;238');
  await context.close();
});
