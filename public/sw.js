// The service worker of the calendar: keeps the app and the latest data,
// so that a reload without network still shows the calendar.
//
// - install: fetch the page (./), cache it with every file it names
//   (Trunk's hashed .js/.wasm/.css, read from the HTML rather than
//   hard-coded; not the feeds it announces for feed readers), the data
//   (the month index, months/index.json, and this month's file when
//   there is one), the manifest and the icons.
// - the page and the data: network first, falling back to the cache
//   when the network fails or is slower than TIMEOUT_MS; every fresh copy
//   replaces the cached one, so newer data shows as soon as the network
//   answers, with nothing for the member to clear. A fresh page also
//   caches the files of a new build and drops those of older ones.
// - the month files (months/*.json), the search index (months/search.txt,
//   fetched at the first search) and the other calendars' copies
//   (sources/*.json): network first, like the data, and every month
//   visited is kept, so the page offline still shows it.
// - hashed files (a new build has new names): cache first.
// - activate: delete this site's caches of older worker versions and take
//   over the open pages at once.
//
// Only same-origin GET requests under this worker's folder are handled,
// and every address is relative to that folder, so the site may live in a
// sub-folder of its host (https://example.org/calendar/).

const VERSION = 3;
const TIMEOUT_MS = 3000;
const BASE = new URL('./', self.location).href;
const PAGE = BASE;
// The data file, beside the page unless the registration names another
// (the editor page in edit/ registers `sw.js?data=../events.json`).
const DATA = new URL(new URL(self.location).searchParams.get('data') ?? 'months/index.json', BASE).href;
const SOURCES = new URL('sources/', BASE).href;
const MONTHS = new URL('months/', BASE).href;
// The search index (crate::views::search_index::SEARCH_PATH).
const SEARCH = new URL('months/search.txt', BASE).href;
// The member page's manifest and icons, beside it; the editor's worker
// (told its data with ?data=) has none beside it in edit/.
const PAGE_FILES = new URL(self.location).searchParams.has('data') ? []
  : ['manifest.webmanifest', 'icons/icon-192.png', 'icons/icon-512.png', 'icons/icon.svg'];
const EXTRAS = [DATA, ...PAGE_FILES.map((path) => new URL(path, BASE).href)];
// One cache per site folder, so two calendars on one host keep apart.
const PREFIX = `iguren-calendar:${BASE}:`;
const CACHE = PREFIX + VERSION;
// Trunk's output names: iguren-calendar-<16 hex>.js, ..._bg.wasm, style-<16 hex>.css.
const HASHED = /-[0-9a-f]{16}(?:_bg)?\.(?:js|wasm|css)$/;
const MATCH = { ignoreVary: true };

self.addEventListener('install', (event) => {
  self.skipWaiting();
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    const page = await fetchOk(PAGE);
    await cache.put(PAGE, page.clone());
    const html = await page.text();
    await keep(html, true);
    await keepOpeningMonths(cache, html);
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  const path = url.origin + url.pathname;
  if (url.origin !== self.location.origin || !(url.href.startsWith(BASE) || path === DATA)) return;
  if (request.mode === 'navigate' && (path === PAGE || path === `${PAGE}index.html`)) {
    // Any view of the calendar (?month=…, ?e=…) is the one page.
    event.respondWith(networkFirst(event, fresh(request.url), PAGE, true));
  } else if (path === DATA) {
    event.respondWith(networkFirst(event, fresh(request.url), DATA, true));
  } else if (((path.startsWith(SOURCES) || path.startsWith(MONTHS)) && path.endsWith('.json')) || path === SEARCH) {
    event.respondWith(networkFirst(event, fresh(request.url), path, true));
  } else if (HASHED.test(url.pathname)) {
    event.respondWith(cacheFirst(event, request));
  } else {
    // The manifest, icons, and anything else: cached copies are refreshed,
    // other files (.ics, share pages) are not kept.
    event.respondWith(networkFirst(event, request, request.url, false));
  }
});

/**
 * The month the page opens on (pre-rendered into it by the build) and its
 * two neighbours, as the page fetches them: those the month index lists
 * (a month without events has no file).
 */
async function keepOpeningMonths(cache, html) {
  const opening = /data-prerendered="[^"]*" data-month="(\d{4})-(\d{2})"/.exec(html);
  const index = await cache.match(new URL('months/index.json', BASE).href, MATCH);
  if (!opening || !index) return;
  let listed;
  try {
    listed = new Set((await index.json()).months.map((m) => m[0]));
  } catch {
    return;
  }
  const [year, month] = [Number(opening[1]), Number(opening[2])];
  for (const delta of [0, -1, 1]) {
    const d = new Date(Date.UTC(year, month - 1 + delta, 1));
    const name = d.toISOString().slice(0, 7);
    if (!listed.has(name)) continue;
    const file = new URL(`months/${name}.json`, BASE).href;
    await fetch(fresh(file)).then((r) => r.ok && cache.put(file, r)).catch(() => {});
  }
}

/** A GET that revalidates with the server instead of trusting the HTTP cache. */
function fresh(url) {
  return new Request(url, { cache: 'no-cache', credentials: 'same-origin' });
}

async function fetchOk(url, immutable = false) {
  const response = await fetch(immutable ? new Request(url, { credentials: 'same-origin' }) : fresh(url));
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response;
}

/**
 * The network's answer, or the cached copy when the network fails or takes
 * longer than TIMEOUT_MS (then the network's answer still refreshes the
 * cache for next time). With `always`, every good answer is cached; else
 * only a file already cached is refreshed.
 */
async function networkFirst(event, request, key, always) {
  const network = fetch(request).then((response) => {
    // A redirected response may not answer a navigation: re-wrap it.
    return response.redirected ? new Response(response.body, response) : response;
  });
  // Registered before anyone reads the body, so the clone is taken first.
  const saved = network.then((response) => response.ok && save(key, response.clone(), always));
  event.waitUntil(saved.catch(() => {}));
  const cached = () => caches.match(key, MATCH);
  let timer;
  const late = new Promise((resolve) => { timer = setTimeout(resolve, TIMEOUT_MS); })
    .then(async () => (await cached()) ?? network);
  try {
    return await Promise.race([network, late]);
  } catch {
    return (await cached()) ?? Response.error();
  } finally {
    clearTimeout(timer);
  }
}

async function save(key, response, always) {
  const cache = await caches.open(CACHE);
  if (key === PAGE) {
    await cache.put(PAGE, response.clone());
    await keep(await response.text(), false);
  } else if (always || (await cache.match(key, MATCH))) {
    await cache.put(key, response);
  }
}

async function cacheFirst(event, request) {
  const hit = await caches.match(request.url, MATCH);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) {
    const copy = response.clone();
    event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request.url, copy)));
  }
  return response;
}

/**
 * Makes the cache hold what the page `html` needs and nothing else: adds
 * the missing files (at install every file the page names must arrive),
 * deletes the files of older builds.
 */
async function keep(html, required) {
  const cache = await caches.open(CACHE);
  const named = new Set(namedIn(html));
  const wanted = new Set([PAGE, ...EXTRAS, ...named]);
  const have = new Set((await cache.keys()).map((r) => r.url));
  await Promise.all([...wanted].filter((url) => !have.has(url)).map(async (url) => {
    try {
      // A hashed file never changes under its name: the copy the page has
      // just downloaded (the HTTP cache) serves, not a second download.
      await cache.put(url, await fetchOk(url, HASHED.test(new URL(url).pathname)));
    } catch (e) {
      if (required && (named.has(url) || url === DATA)) throw e;
    }
  }));
  // The data stays: months and other calendars' copies kept from earlier
  // visits are refreshed when asked for again, not dropped with a build.
  for (const request of await cache.keys()) {
    const data = request.url.startsWith(MONTHS) || request.url.startsWith(SOURCES);
    if (!wanted.has(request.url) && !data) await cache.delete(request);
  }
}

/** The same-origin files under BASE that the page names (href, src, imports). */
function namedIn(html) {
  const urls = [];
  // Not the feeds a page announces (<link rel="alternate">): feed readers
  // fetch them, the page offline never does.
  const page = html.replace(/<link\b[^>]*\brel=["']?alternate\b[^>]*>/gi, '');
  for (const [, ref] of page.matchAll(/["']([^"'\s<>]+\.(?:js|wasm|css|json|webmanifest|png|svg|ico))["']/g)) {
    const url = new URL(ref, BASE);
    url.hash = '';
    if (url.href.startsWith(BASE) && url.search === '') urls.push(url.href);
  }
  return urls;
}
