// A panic inside the worker reaches the page as a message, and the page can
// be reset: "Opnieuw berekenen" or any change starts a fresh worker.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openPage, fullResult } from './support.js';

let browser;
let server;
before(async () => { browser = await launch(); server = await serveDist('/'); });
after(async () => { await browser?.close(); await server?.close(); });

/** Makes the engine's worker panic, as a bug in the engine would. */
async function panicInWorker(page) {
  const [worker] = page.workers();
  assert.ok(worker, 'the page runs its engine in a worker');
  await worker.evaluate(() => { setTimeout(() => wasm_bindgen.panic_for_test(), 0); });
  const alert = page.getByRole('alert');
  await alert.waitFor();
  return alert;
}

test('a panic in the worker is shown with its message, and "compute again" recovers', async () => {
  const { context, page } = await openPage(browser, `${server.url}?v=1&runs=2000`);
  await fullResult(page);
  const alert = await panicInWorker(page);
  assert.match(await alert.textContent(), /De berekening is mislukt.*deliberate panic/s);
  assert.equal(await page.getByRole('slider', { name: /hulpmiddel/ }).inputValue(), '0', 'settings are kept');
  await alert.getByRole('button', { name: 'Opnieuw berekenen' }).click();
  assert.match(await fullResult(page), /2\.000 runs/);
  assert.equal(await page.getByRole('alert').count(), 0);
  await context.close();
});

test('after a panic, moving a lever computes again in a fresh worker', async () => {
  const { context, page } = await openPage(browser, `${server.url}?v=1&runs=2000`);
  await fullResult(page);
  await panicInWorker(page);
  const aid = page.getByRole('slider', { name: /hulpmiddel/ });
  await aid.focus();
  await aid.press('End');
  assert.match(await fullResult(page), /2\.000 runs/);
  assert.equal(await page.getByRole('alert').count(), 0);
  await page.waitForURL(/aid=100/);
  await context.close();
});
