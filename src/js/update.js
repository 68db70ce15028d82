// The page's side of a new release: the start-up script (start.js) announces a
// waiting service worker with the event `wlz-update` and `window.wlzUpdate`.

/** True when a new release is installed and waiting. */
export function update_waiting() {
  return !!window.wlzUpdate?.waiting;
}

/** Lets the waiting release take over; every open page then reloads (start.js). */
export function apply_update() {
  const waiting = window.wlzUpdate?.waiting;
  if (waiting) waiting.postMessage('skipWaiting');
  else location.reload();
}
