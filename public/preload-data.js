// Starts fetching the events file while the WebAssembly is still loading,
// so the two downloads overlap. The app (src/ui/fetch.rs) takes this
// response when it is for the same path, and fetches by itself otherwise.
// Which origins are allowed is the app's decision: this only starts
// plain relative paths, as the app accepts.
(function () {
  var src = new URLSearchParams(location.search).get('src') || 'events.json';
  if (/^[a-z][a-z0-9+.-]*:|^\/\/|\\|\s/i.test(src)) return;
  window.__igurenData = {
    src: src,
    response: fetch(src).then(
      function (r) {
        return r.arrayBuffer().then(function (bytes) {
          return { ok: r.ok, status: r.status, bytes: bytes };
        });
      },
      function () { return null; }
    ),
  };
})();
