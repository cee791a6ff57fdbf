// Registers the service worker (sw.js, beside this file) that keeps the
// calendar and its latest data for use without network. A file of its own,
// not inline, so that a Content-Security-Policy of script-src 'self' holds.
// The worker's address and scope are this file's folder, so the site may
// live in a sub-folder. Browsers without service workers (or pages not on
// https / localhost) simply go without.
if ('serviceWorker' in navigator) {
  const worker = new URL('sw.js', document.currentScript.src);
  addEventListener('load', () => {
    navigator.serviceWorker.register(worker).catch(() => {});
  });
}
