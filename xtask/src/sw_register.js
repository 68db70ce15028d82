
// Offline (added by `cargo xtask build`, so the development server never registers it):
// register the service worker; when a new release has installed next to the
// running one, tell the page (event `wlz-update`, registration in
// `window.wlzUpdate`), which offers to switch. Once a new release takes over,
// every open page of the old one reloads, so none mixes old and new files.
if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  const hadController = !!navigator.serviceWorker.controller;
  navigator.serviceWorker.addEventListener('controllerchange', () => { if (hadController) location.reload(); });
  const announce = (registration) => {
    window.wlzUpdate = registration;
    dispatchEvent(new Event('wlz-update'));
  };
  navigator.serviceWorker.register('./sw.js').then((registration) => {
    if (registration.waiting && hadController) announce(registration);
    registration.addEventListener('updatefound', () => {
      const next = registration.installing;
      next?.addEventListener('statechange', () => {
        if (next.state === 'installed' && hadController) announce(registration);
      });
    });
  }).catch(() => {});
}
