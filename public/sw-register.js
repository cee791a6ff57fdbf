// Registers the service worker (sw.js, beside this file) that keeps the
// calendar and its latest data for use without network. A file of its own,
// not inline, so that a Content-Security-Policy of script-src 'self' holds.
// The worker's address and scope are this file's folder, so the site may
// live in a sub-folder. Browsers without service workers (or pages not on
// https / localhost) simply go without.
//
// Registered once the calendar is ready (the app sets data-ready on
// <html>), not at the page's load: on a first visit the worker's install
// downloads the page, icons and months again, and on a slow phone that
// must not compete with the app's own start. A page that never says ready
// (an error page) still gets its worker, ten seconds after load.
if ('serviceWorker' in navigator) {
  const worker = new URL('sw.js', document.currentScript.src);
  const register = () => navigator.serviceWorker.register(worker).catch(() => {});
  addEventListener('load', () => {
    const root = document.documentElement;
    if (!root || root.dataset.ready === 'true' || typeof MutationObserver !== 'function') {
      register();
      return;
    }
    const done = () => {
      observer.disconnect();
      clearTimeout(timer);
      register();
    };
    const observer = new MutationObserver(() => {
      if (root.dataset.ready === 'true') done();
    });
    observer.observe(root, { attributes: true, attributeFilter: ['data-ready'] });
    const timer = setTimeout(done, 10000);
  });
}
