// Resilience (issue 13): a worker that fails to start is started once more
// before the failure is shown; the workers stop on `pagehide` (and come back
// when the page is shown again from the back-forward cache); the page loaded
// 300 times in one tab shows a chart every time.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, fullResult, medianLevel } from './support.js';

let server; let browser;
before(async () => { server = await serveDist('/'); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/**
 * A page of `context` with its first full result (median level `before`),
 * then left (pagehide): its workers have ended.
 */
async function pageWithWorkersStopped(context) {
  const page = await context.newPage();
  await page.goto(`${server.url}?v=1&runs=2000`);
  await fullResult(page);
  const before = await medianLevel(page);
  const closed = page.workers().map((w) => new Promise((resolve) => w.on('close', resolve)));
  await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true })));
  await Promise.all(closed);
  return { page, before };
}

/**
 * Reserves wasm memories on the page's thread until none more fits. Then it
 * drops them all (dead, not yet collected, they fill the address space), or
 * with `keep` leaves them alive in `window.kept` (let go by `window.kept = null`).
 */
async function fillWithMemories(page, { keep = false } = {}) {
  const filled = await page.evaluate((keep) => {
    const held = [];
    if (keep) window.kept = held;
    try {
      for (let i = 0; i < 1000; i++) held.push(new WebAssembly.Memory({ initial: 1 }));
    } catch {
      return held.length;
    }
    return -1;
  }, keep);
  assert.ok(filled > 20, `the address space was filled (${filled} memories${keep ? ', kept' : ''})`);
}

/** The text of the failure the page shows once its full result or a failure is out ('' for none). */
async function failureShown(page) {
  await Promise.race([fullResult(page), page.getByRole('alert').waitFor()]);
  const alerts = page.getByRole('alert');
  return (await alerts.count()) ? alerts.first().textContent() : '';
}

/** What a fresh engine worker says: 'started', or why it could not start. (The page's CSP allows only its own worker scripts.) */
function engineStarts(page) {
  return page.evaluate(() => new Promise((resolve) => {
    const worker = new Worker('./worker_loader.js');
    const done = (what) => { clearTimeout(deadline); worker.terminate(); resolve(what); };
    const deadline = setTimeout(() => done('no answer in 20 s'), 20000);
    worker.onmessage = (event) => done(typeof event.data === 'string' ? event.data : 'started');
    worker.onerror = (event) => done(`error: ${event.message}`);
  }));
}

test('a worker whose wasm fails to load once is started again, and the page shows no failure', async () => {
  // No service worker here: requests it answers bypass page.route.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  let requests = 0;
  let retried;
  const third = new Promise((resolve) => { retried = resolve; });
  await page.route('**/worker_bg.wasm', (route) => {
    requests += 1;
    if (requests >= 3) retried();
    return requests === 1 ? route.fulfill({ status: 500, body: 'down' }) : route.continue();
  });
  await page.goto(`${server.url}?v=1&runs=2000`);
  assert.match(await fullResult(page), /2\.000 runs/);
  // The other worker may bring the result before the failed one's retry (after 300 ms) has
  // loaded the engine: wait for that load (a deadline, not a sleep), then check again.
  let deadline;
  const late = new Promise((resolve) => { deadline = setTimeout(resolve, 15000); });
  await Promise.race([third, late]);
  clearTimeout(deadline);
  assert.ok(requests >= 3, `the failed worker was started again (${requests} loads of the engine)`);
  await fullResult(page);
  assert.equal(await page.getByRole('alert').count(), 0, 'no failure shown');
  await context.close();
});

test('the page\'s own wasm that fails to load once is started again; failing twice, the page says so', async () => {
  // No service worker here: requests it answers bypass page.route.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  let requests = 0;
  let failing = 1;
  await page.route('**/wlz-app_bg.wasm', (route) => {
    requests += 1;
    return requests <= failing ? route.fulfill({ status: 500, body: 'down' }) : route.continue();
  });
  await page.goto(`${server.url}?v=1&runs=2000`);
  assert.match(await fullResult(page), /2\.000 runs/);
  assert.ok(requests >= 2, `the page's wasm was loaded again (${requests} loads)`);
  assert.equal(await page.getByRole('alert').count(), 0, 'no failure shown');
  assert.deepEqual(errors, []);
  // Failing every time: a message in both languages with the browser's reason, not a blank page.
  requests = 0;
  failing = Infinity;
  await page.goto(`${server.url}?v=1&runs=2000`);
  const alert = page.getByRole('alert');
  await alert.waitFor();
  const said = await alert.textContent();
  assert.match(said, /Deze verkenner kon niet starten\. Laad de pagina opnieuw; lukt het dan nog niet, probeer een andere browser\. \/ This explorer could not start\. Reload the page; if it still fails, try another browser\. \(.*500/);
  assert.ok(requests >= 2, `tried twice (${requests} loads)`);
  await context.close();
});

test('the workers stop on pagehide and start again when the page is shown again', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}?v=1&runs=2000`);
  await fullResult(page);
  const workers = page.workers();
  assert.ok(workers.length >= 2, `a pool of at least two workers (${workers.length})`);
  const closed = workers.map((w) => new Promise((resolve) => w.on('close', resolve)));
  await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true })));
  await Promise.all(closed);
  await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true })));
  assert.match(await fullResult(page), /2\.000 runs/);
  const aid = page.getByRole('slider', { name: /hulpmiddel/ });
  await aid.focus();
  await aid.press('End');
  await page.waitForURL(/aid=100/);
  assert.match(await fullResult(page), /2\.000 runs/);
  assert.equal(await page.getByRole('alert').count(), 0);
  await context.close();
});

test('the pool starts again even when dead wasm memories of the page fill the address space', async () => {
  // Every wasm memory reserves ~10 GiB of address space and V8 caps a process at ~1 TiB; a dead
  // memory is given back only when the garbage collector of the thread that made it runs. After
  // many reloads the page's thread holds such memories and a fresh worker finds no room: this
  // test builds that state on purpose and checks that the page gets its workers going again.
  const context = await browser.newContext();
  const { page, before } = await pageWithWorkersStopped(context);
  // Reserve wasm memories on the page's thread until none more fits, then drop them all: dead, not yet collected.
  await fillWithMemories(page);
  // The state is real: the engine's worker, started afresh, cannot get its memory now, nor a second
  // later (waiting does not help).
  assert.match(await engineStarts(page), /Out of memory/, 'a worker finds no room');
  // A real second, not the test clock: the claim is that time alone frees nothing.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  assert.match(await engineStarts(page), /Out of memory/, 'a second later a worker still finds no room');
  // The page is shown again: its new workers fail once, the page frees its dead memories, the retry finds room.
  await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true })));
  const aid = page.getByRole('slider', { name: /hulpmiddel/ });
  await aid.focus();
  await aid.press('End');
  await page.waitForURL(/aid=100/);
  assert.equal(await failureShown(page), '', 'no failure shown');
  assert.notEqual(await medianLevel(page), before, 'a new result, computed by the new workers');
  await context.close();
});

test('making room frees the dead memories even when one slot is free, which one small memory does not', async () => {
  // The state after some reloads: the page's thread holds dead wasm memories and exactly one slot
  // of the address space is free (a worker of the page before has just ended). One small memory
  // (the retry's old way) takes that slot without a collection, so the worker started next finds
  // no room; makeRoom (the start-up script's, used by every retry) collects the dead memories.
  const context = await browser.newContext();
  const { page } = await pageWithWorkersStopped(context);
  /** A worker holds one slot, dead memories of the page fill the rest, the worker ends: one slot free. */
  const oneSlotFree = async () => {
    const started = page.waitForEvent('worker');
    const ready = page.evaluate(() => new Promise((resolve) => {
      window.holder = new Worker('./worker_loader.js');
      window.holder.onmessage = (event) => resolve(typeof event.data === 'string' ? event.data : 'started');
    }));
    const holder = await started;
    assert.equal(await ready, 'started', 'the holding worker got its memory');
    await fillWithMemories(page);
    const ended = new Promise((resolve) => holder.on('close', resolve));
    await page.evaluate(() => window.holder.terminate());
    await ended;
    // Its memory is given back when its thread is torn down, shortly after it is reported closed:
    // a real wait (not the test clock), or the small memory below would find the space still full.
    await new Promise((resolve) => setTimeout(resolve, 300));
  };
  await oneSlotFree();
  await page.evaluate(() => { new WebAssembly.Memory({ initial: 1 }); });
  assert.match(await engineStarts(page), /Out of memory/, 'after one small memory a worker finds no room');
  // That left the space full, so one small memory now does collect: room for the holder again.
  await page.evaluate(() => { new WebAssembly.Memory({ initial: 1 }); });
  await oneSlotFree();
  const fitted = await page.evaluate(() => window.wlzMakeRoom());
  assert.ok(fitted > 20, `makeRoom collected the dead memories (${fitted} fitted after)`);
  assert.equal(await engineStarts(page), 'started', 'after makeRoom a worker finds room');
  await context.close();
});

test('while the page\'s thread holds memories it cannot collect yet, the retry waits and tries again', async () => {
  // An earlier page's memories can be collected only some time after it was left. Here the page
  // itself keeps memories alive that fill the space, so the first making of room finds none; they
  // are let go while the retry waits, and its next try finds room: the workers start, no failure.
  const context = await browser.newContext();
  await context.clock.install();
  const { page, before } = await pageWithWorkersStopped(context);
  await fillWithMemories(page, { keep: true });
  // The page's timers stand still from here; its new workers fail (and are ended) in real time.
  await page.clock.pauseAt(Date.now() + 60000);
  const failedWorkers = [];
  page.on('worker', (w) => failedWorkers.push(new Promise((resolve) => w.on('close', resolve))));
  await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true })));
  while (failedWorkers.length < 2) await page.waitForEvent('worker');
  await Promise.all(failedWorkers);
  await page.clock.runFor(300); // the retry's short wait: room is made, and none is found
  assert.equal(await page.evaluate(() => window.wlzMakeRoom()), 0, 'no room while the page keeps its memories');
  await page.evaluate(() => { window.kept = null; });
  await page.clock.runFor(700); // the next wait: room is made again, and now found
  await page.clock.resume();
  assert.equal(await failureShown(page), '', 'no failure shown');
  const aid = page.getByRole('slider', { name: /hulpmiddel/ });
  await aid.focus();
  await aid.press('End');
  await page.waitForURL(/aid=100/);
  await fullResult(page);
  assert.notEqual(await medianLevel(page), before, 'a new result, computed by the restarted workers');
  assert.equal(await page.getByRole('alert').count(), 0, 'no failure shown after the change');
  await context.close();
});

test('300 loads in one tab: a chart every time', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const failures = [];
  page.on('pageerror', (e) => failures.push(String(e)));
  for (let i = 0; i < 300; i++) {
    await page.goto(`${server.url}?v=1&runs=2000&seed=${i + 1}`);
    // A chart or the failure message, whichever comes first (a failure is named with its load).
    await page.getByTestId('median').or(page.getByRole('alert')).first().waitFor({ timeout: 20000 })
      .catch((e) => failures.push(`load ${i}: neither a chart nor a message (${e.message.split('\n')[0]})`));
    if (await page.getByRole('alert').count()) failures.push(`load ${i}: ${await page.getByRole('alert').textContent()}`);
  }
  assert.deepEqual(failures, []);
  await context.close();
});
