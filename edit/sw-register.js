// Registers the service worker for the editor page: the calendar's own
// worker (sw.js, copied beside this file) told where the data file is, so
// that once loaded the editor opens without network too. Its scope is this
// folder (edit/), and its cache is its own: the calendar's worker keeps
// the calendar's files, this one the editor's.
if ('serviceWorker' in navigator) {
  const worker = new URL('sw.js?data=../events.json', document.currentScript.src);
  addEventListener('load', () => {
    navigator.serviceWorker.register(worker).catch(() => {});
  });
}
