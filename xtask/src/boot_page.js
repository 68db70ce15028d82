// Starting the page's wasm, for the served page (start.js) and the standalone
// file alike. When the browser cannot instantiate it (after many loads in one
// tab: "Out of memory", the address space still held by earlier pages' wasm
// memories; or a failed download), `startOnceMore` waits until there is
// room (`whenRoom`) and tries once more. A failure that remains is shown in the
// page in both languages (the catalogue is inside the wasm that did not
// start, or in the texts it could not load), never a blank page. The engine's workers retry the same way
// (src/worker_slot.rs awaits `window.wlzWhenRoom`).

/** The most memories `makeRoom` reserves (Chromium fits about 120). */
const ROOM_PROBES = 512;
/** Enough free memories after `makeRoom` for the page and its workers. */
const ROOM_ENOUGH = 8;
/** The waits (ms) of `whenRoom`: before its first `makeRoom`, and between the next ones. */
const ROOM_WAITS = [300, 700, 1500, 3000];
/** After a round of `whenRoom`, another does not start for this long (ms). */
const ROOM_QUIET_MS = 2000;

/**
 * Frees the wasm address space that earlier pages' dead memories still hold
 * in this renderer, and says how many memories then fit. Each wasm memory
 * reserves about 10 GiB, V8 caps a process at about 1 TiB, and a dead memory
 * is given back only when the garbage collector of the thread that made it
 * runs; a reservation that fails makes V8 collect the failing thread's
 * garbage first. One small reservation is not enough: when one slot is free
 * it takes that slot and collects nothing. So: reserve small memories, all
 * kept alive, until one fails (V8 has then collected this thread's garbage,
 * and the space is full of these); let them go; and reserve one more, which
 * finds the space full, so that V8 collects them all.
 */
function makeRoom() {
  let held = [];
  try {
    while (held.length < ROOM_PROBES) held.push(new WebAssembly.Memory({ initial: 1 }));
  } catch { /* full, after V8 collected this thread's garbage */ }
  const fitted = held.length;
  held = null;
  try { new WebAssembly.Memory({ initial: 1 }); } catch { /* what remains shows at the retry */ }
  return fitted;
}

let roomRound = null;
let roomMadeAt = -Infinity;

/**
 * Resolves (with the memories that fit, or undefined) when a retry may
 * start: after a short wait and `makeRoom`, and while `makeRoom` finds
 * no room, after longer waits and again (an earlier page's memories can be
 * collected only some time after the page was left), until `ROOM_WAITS`
 * are spent. Callers at the same time share one round; a round that ended
 * less than `ROOM_QUIET_MS` ago is not repeated (filling the space again
 * would fail the workers its callers are starting).
 */
function whenRoom() {
  if (roomRound) return roomRound;
  if (performance.now() - roomMadeAt < ROOM_QUIET_MS) return Promise.resolve(undefined);
  roomRound = (async () => {
    let fitted = 0;
    for (const wait of ROOM_WAITS) {
      await new Promise((resolve) => setTimeout(resolve, wait));
      fitted = makeRoom();
      if (fitted >= ROOM_ENOUGH) break;
    }
    roomMadeAt = performance.now();
    roomRound = null;
    return fitted;
  })();
  return roomRound;
}
window.wlzMakeRoom = makeRoom;
window.wlzWhenRoom = whenRoom;

const textsOf = new Map();
/**
 * `window.wlzTexts(code)`: a promise of the catalogue's texts of one language,
 * which the release page's wasm awaits before it shows that language
 * (src/i18n/load.rs). Each is loaded once (`loadTexts`: the served page's
 * fetch, or the standalone file's inlined part); a failed load may be tried again.
 */
window.wlzTexts = (code) => {
  if (!textsOf.has(code)) {
    textsOf.set(code, loadTexts(code).catch((error) => { textsOf.delete(code); throw error; }));
  }
  return textsOf.get(code);
};

/** Shows that the page could not start, with the browser's reason. */
function showBootFailure(error) {
  const message = document.createElement('p');
  message.setAttribute('role', 'alert');
  message.className = 'boot-failure';
  message.textContent = `__BOOT_FAILED__ (${error})`;
  document.body.append(message);
}

window.wlzBootFailed = showBootFailure;

/** `start()`, and once more after `whenRoom()` when it fails. */
async function startOnceMore(start) {
  try {
    return await start();
  } catch (first) {
    console.warn(`The page's wasm did not start (${first}); trying once more.`);
    await whenRoom();
    return start();
  }
}

/** `startOnceMore(start)`; a second failure is shown before it is passed on. */
async function startPage(start) {
  try {
    return await startOnceMore(start);
  } catch (error) {
    showBootFailure(error);
    throw error;
  }
}
