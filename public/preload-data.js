// Starts fetching the data while the WebAssembly is still loading, so the
// downloads overlap. The app (src/ui/fetch.rs) takes each response by its
// path from window.__igurenData, and fetches by itself what is not there
// (or when this guessed wrong).
//
// - `?src=FILE`: that one whole file (a preview).
// - otherwise the month files the build writes (src/views/months.rs): the
//   index, then the month the page will most likely open on: the URL's
//   `month=`, else the month the build pre-rendered into the page. The app
//   checks the index and asks for another month when the data opens
//   elsewhere (a page built before a new month began). Both are small and
//   arrive long before the WebAssembly.
// Which origins are allowed is the app's decision: this only starts plain
// relative paths, as the app accepts.
(function () {
  var query = new URLSearchParams(location.search);
  var src = query.get('src');
  var slots = (window.__igurenData = {});
  function start(path) {
    slots[path] = fetch(path).then(
      function (r) {
        return r.arrayBuffer().then(function (bytes) {
          return { ok: r.ok, status: r.status, bytes: bytes };
        });
      },
      function () { return null; }
    );
  }
  if (src !== null) {
    if (!src || /^[a-z][a-z0-9+.-]*:|^\/\/|\\|\s/i.test(src)) return;
    start(src);
    return;
  }
  // Then the month, once the index says it has a file (no request that
  // would only answer 404): the URL's, else the one the build
  // pre-rendered into the page.
  start('months/index.json');
  var month = query.get('month');
  slots['months/index.json'].then(function (answer) {
    var listed = [];
    try {
      listed = JSON.parse(new TextDecoder().decode(answer.bytes)).months.map(function (m) { return m[0]; });
    } catch (e) {
      return;
    }
    var view = document.querySelector('[data-prerendered][data-month]');
    var wanted = listed.indexOf(month) >= 0 ? month : view && view.getAttribute('data-month');
    if (listed.indexOf(wanted) >= 0) start('months/' + wanted + '.json');
  });
})();
