import { serveDist, launch } from './support.js';
const server = await serveDist('/');
const browser = await launch();
const rows = [];
for (let i = 0; i < 8; i++) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  await context.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector('[data-testid=median]')) { window.__firstChart = performance.now(); observer.disconnect(); }
    }).observe(document, { childList: true, subtree: true });
  });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForFunction(() => window.__firstChart !== undefined);
  rows.push(await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const res = performance.getEntriesByType('resource').map((r) => `${r.name.split('/').pop().slice(0, 28)} ${r.startTime.toFixed(0)}-${r.responseEnd.toFixed(0)}`);
    return { chart: window.__firstChart.toFixed(0), dcl: nav.domContentLoadedEventEnd.toFixed(0), res };
  }));
  await context.close();
}
for (const r of rows) console.log(r.chart, 'dcl', r.dcl, '|', r.res.join(' | '));
await browser.close(); process.exit(0);
