// Browser benchmark of the built site (issues 6, 13 and 23). A benchmark,
// not a test: it prints Markdown tables of medians and never fails on slow
// figures.
//
//   node bench/browser.mjs [--dist DIR] [--runs N] [--sites DIR] [--mobile-runs N]
//                          [--profile] [--out DIR] [--block-sw]
//
// DIR is a release build (`trunk build --release`) holding
// events-1000.json and events-10000.json beside index.html (bench/run.sh
// makes both). Each run is a fresh browser context (no cache, no code
// cache) loading `?src=events-N.json&month=2004-06` (one whole file); every
// interaction (next month twice, filter toggle, search: first and next
// input, list view) is timed inside the page with performance.now(), from
// just before the element's click() (or input event) to the moment a
// MutationObserver sees the expected DOM (next month: the month's grid
// with some of its own events drawn, however the page gets them), and
// again after forcing style and layout; Playwright round-trips do not
// count. Nothing leaves 127.0.0.1: the server binds it, and Chromium's
// background networking is off. The server sends gzip (-9, compressed once
// per file) to every request that accepts it.
//
// --sites DIR adds the published sites (issues 13 and 23). The same
// interactions on ours-N at its root URL, as members get it (desktop,
// unthrottled and 4x CPU, 1,000 and 10,000 events). And first loads: for
// each case of COMPARE (a profile and a data size), our site's root URL and
// the FullCalendar 6 reference page (bench/fullcalendar/) with the same
// data, alternating, each from a fresh context, RUNS times each
// (--mobile-runs for the mobile profile: 4x CPU, 150 ms round trip,
// 1.6/0.75 Mbps, a 390x844 phone). Per page: FCP, LCP, CLS and ready, where
// ready's time goes (HTML, wasm, app start, data), and the bytes before
// ready (HTML, wasm + JS + CSS, data: every JSON, other; requests), also
// as the server saw them (the service worker's fetches included). Last, a
// line of issue 23's targets, met or missed. On ours-N the page's clock
// reads the day the site was published (its pre-render's date), so that
// the app opens on the month the build pre-rendered.
//
// --profile additionally records, for 10,000 events, a CPU profile and a
// Chrome trace of a few month navigations, prints where the main thread's
// time goes, and writes the raw files to --out (default: the dist folder).

import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';

// ---- arguments ------------------------------------------------------------

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const DIST = path.resolve(opt('--dist', process.env.DIST ?? 'dist'));
const RUNS = Math.max(1, Math.min(50, Number(opt('--runs', process.env.RUNS ?? 7)) || 7));
const PROFILE = args.includes('--profile');
// --block-sw: load without the service worker (what it costs a first visit).
const BLOCK_SW = args.includes('--block-sw');
const OUT = path.resolve(opt('--out', DIST));
// --sites DIR: the first-load comparison. DIR holds, per data size N, a
// site as members get it (ours-N/: the release build with the generated
// data as events.json, published again) and the FullCalendar 6 reference
// page with the same data (fc-N/); bench/run.sh makes them.
const SITES = opt('--sites', process.env.SITES) ? path.resolve(opt('--sites', process.env.SITES)) : null;
// Fresh loads per page in the mobile profile (4x CPU, slow 4G), alternating.
const MOBILE_RUNS = Math.max(1, Math.min(50, Number(opt('--mobile-runs', process.env.MOBILE_RUNS ?? 5)) || 5));
// BENCH_ONLY=site-N-T: only the interactions on the published site ours-N
// at T× CPU (e.g. site-10000-4), to measure one change quickly; no
// whole-file runs and no first loads (SITES must still hold ours-N).
const ONLY = process.env.BENCH_ONLY;
// Which cases the comparison runs: profile and data size.
const COMPARE = [
  { profile: 'mobile', events: 1000 },
  { profile: 'mobile', events: 10000 },
  { profile: 'desktop', events: 1000 },
  { profile: 'desktop', events: 10000 },
];
const MONTH = '2004-06';
const NEXT = '2004-07';
const SEARCH = 'セミナー'; // one of the generator's eight kinds of event
const SEARCH2 = 'セミナー 川崎'; // and a city that some of them are in
const STEP_TIMEOUT_MS = 15_000; // one interaction
const LOAD_TIMEOUT_MS = 60_000; // one page load (4x throttled 10,000 would be slow)
const DATA = [1000, 10000];

// ---- static server on 127.0.0.1 (as tests/browser/harness.mjs) -------------

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

// Served with `content-encoding: gzip` when the request accepts it, as
// every real host does: compressed once per file at level 9 and kept
// (keyed by path, size and mtime), so no request pays for compressing.
const GZIP_TYPES = new Set(['.html', '.js', '.wasm', '.css', '.json']);
const gzipCache = new Map();
function gzipped(file, stat) {
  const c = gzipCache.get(file);
  if (c && c.size === stat.size && c.mtimeMs === stat.mtimeMs) return c.gz;
  const gz = zlib.gzipSync(fs.readFileSync(file), { level: 9 });
  gzipCache.set(file, { size: stat.size, mtimeMs: stat.mtimeMs, gz });
  return gz;
}

// Compresses the folder's top-level files, and the JSON files of its
// sub-folders (data split per month, the sources' copies), before any
// measurement: 10,000 events take a while at level 9.
function warmGzip(root, top = true) {
  for (const name of fs.readdirSync(root)) {
    const file = path.join(root, name);
    const stat = fs.statSync(file);
    if (stat.isDirectory()) warmGzip(file, false);
    else if (stat.isFile() && (top ? GZIP_TYPES.has(path.extname(name)) : name.endsWith('.json'))) gzipped(file, stat);
  }
}

// `requests`: the path of every file served, in order. `log`: the same
// requests with their arrival (Date.now(), comparable with a page's
// performance.timeOrigin + performance.now()) and the body bytes sent (gzip
// when sent so): what the server saw, the service worker's fetches included.
function serve(root) {
  const requests = [];
  const log = [];
  warmGzip(root);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    let rel = decodeURIComponent(url.pathname.slice(1));
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = path.join(root, path.normalize(rel));
    const t = Date.now();
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      log.push({ rel, t, bytes: 9, status: 404 });
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    requests.push(rel);
    const stat = fs.statSync(file);
    const headers = {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      // As GitHub Pages answers; every run is a fresh context, so a fresh cache.
      'cache-control': 'max-age=600',
    };
    if (GZIP_TYPES.has(path.extname(file)) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      const gz = gzipped(file, stat);
      log.push({ rel, t, bytes: gz.length, status: 200 });
      res.writeHead(200, { ...headers, 'content-encoding': 'gzip', 'content-length': gz.length, vary: 'accept-encoding' });
      res.end(gz);
      return;
    }
    log.push({ rel, t, bytes: stat.size, status: 200 });
    res.writeHead(200, { ...headers, 'content-length': stat.size });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => {
    ok({ url: `http://127.0.0.1:${server.address().port}/`, root, requests, log, close: () => new Promise((done) => server.close(done)) });
  }));
}

// ---- in-page instrumentation ------------------------------------------------

// Runs before the page's own scripts: records when the app started (Trunk's
// event, whose detail is the wasm exports, memory included) and when
// dataset.ready became "true"; keeps the wasm instance as a fallback.
const INIT = () => {
  const b = (window.__bench = { started: null, ready: null, memory: null, instantiated: null, lcp: [], shifts: [] });
  let readyNow;
  // Resolves with b.ready: waiting on it needs no polling inside a
  // throttled page.
  b.readyPromise = new Promise((ok) => { readyNow = ok; });
  // Largest contentful paint candidates and layout shifts, from navigation
  // on (buffered); the bench reads them about a second after ready.
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const el = e.element;
        const what = el ? `${el.tagName.toLowerCase()}${el.dataset?.testid ? `[data-testid=${el.dataset.testid}]` : el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''}` : '(removed)';
        b.lcp.push({ t: e.startTime, size: e.size, what });
      }
    }).observe({ type: 'largest-contentful-paint', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.shifts.push({ t: e.startTime, value: e.value, input: e.hadRecentInput });
    }).observe({ type: 'layout-shift', buffered: true });
  } catch { /* an old browser: no LCP or CLS */ }
  addEventListener('TrunkApplicationStarted', (e) => {
    b.started = performance.now();
    b.memory = e.detail?.wasm?.memory ?? b.memory;
  });
  for (const name of ['instantiateStreaming', 'instantiate']) {
    const orig = WebAssembly[name];
    WebAssembly[name] = async function (...a) {
      const r = await orig.apply(this, a);
      b.instantiated ??= performance.now();
      const inst = r instanceof WebAssembly.Instance ? r : r.instance;
      for (const v of Object.values(inst?.exports ?? {})) {
        if (v instanceof WebAssembly.Memory) b.memory ??= v;
      }
      return r;
    };
  }
  const mark = () => {
    if (b.ready === null && document.documentElement.dataset.ready === 'true') {
      b.ready = performance.now();
      // The view at ready (the steps below change it).
      b.atReady = {
        nodes: document.querySelectorAll('*').length,
        bars: document.querySelectorAll('[data-testid="month-grid"] [data-event-id]').length,
        wasm: b.memory?.buffer.byteLength ?? null,
      };
      readyNow(b.ready);
    }
  };
  // The init script may run before <html> exists: watch the document.
  new MutationObserver(mark).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-ready'] });

  // What "done" means after a click (no eval: the site's CSP forbids it).
  const GRID = '[data-testid="month-grid"]';
  const ids = () => [...(document.querySelector(GRID)?.querySelectorAll('[data-event-id]') ?? [])]
    .map((e) => e.dataset.eventId).join();
  b.ids = ids;
  const DONE = {
    // The grid shows the 15th of month `arg.show` and not that of `arg.not`,
    // and, when `arg.ids` names some (events that start from the 15th of
    // that month on, so no other month's grid shows them), at least one of
    // them: the month's data has arrived and is drawn, however the page
    // loads it.
    month: (arg) => {
      const g = document.querySelector(GRID);
      if (!g || !g.querySelector(`[data-date="${arg.show}-15"]`) || (arg.not && g.querySelector(`[data-date="${arg.not}-15"]`))) return false;
      if (!arg.ids?.length) return true;
      arg.idSet ??= new Set(arg.ids);
      for (const e of g.querySelectorAll('[data-event-id]')) if (arg.idSet.has(e.dataset.eventId)) return true;
      return false;
    },
    // The grid's events differ from `arg.before` (and, with `arg.nonempty`,
    // the grid shows some: a page that empties the grid while it loads an
    // index has not answered yet).
    changed: (arg) => !!document.querySelector(GRID) && ids() !== arg.before && (!arg.nonempty || ids() !== ''),
    exists: (arg) => !!document.querySelector(arg.selector),
  };

  // Clicks `selector` (or types `arg.text` into it) and resolves with the time until DONE[kind](arg)
  // holds (checked after every DOM mutation) and after a forced style +
  // layout.
  // measure(), as soon as the page is ready (one task later), or an error
  // after `loadMs`.
  b.measureAtReady = (selector, kind, arg, timeoutMs, loadMs) => Promise.race([
    b.readyPromise.then(() => new Promise((ok) => setTimeout(ok, 0))).then(() => b.measure(selector, kind, arg, timeoutMs)),
    new Promise((ok) => setTimeout(() => ok({ error: `not ready after ${loadMs} ms`, notReady: true }), loadMs)),
  ]);
  b.measure = (selector, kind, arg, timeoutMs) => new Promise((resolve) => {
    const done = () => DONE[kind](arg);
    const el = document.querySelector(selector);
    if (!el) return resolve({ error: `no ${selector}` });
    let over = false;
    let t0 = 0;
    const finish = () => {
      if (over) return;
      over = true;
      const dom = performance.now() - t0;
      document.body.getBoundingClientRect();
      void document.body.offsetHeight;
      const layout = performance.now() - t0;
      mo.disconnect();
      clearTimeout(timer);
      // Requests the page started meanwhile (a month file, an index, …).
      const fetches = performance.getEntriesByType('resource').filter((e) => e.startTime >= t0).length;
      resolve({ dom, layout, at: t0, fetches });
    };
    const mo = new MutationObserver(() => { if (!over && done()) finish(); });
    mo.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
    const timer = setTimeout(() => { over = true; mo.disconnect(); resolve({ error: `timeout after ${selector}` }); }, timeoutMs);
    t0 = performance.now();
    if (arg && typeof arg.text === 'string') {
      // Typing: the box gets the text and one input event, as a keystroke
      // or a paste gives it.
      el.value = arg.text;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    } else {
      el.click();
    }
    if (!over && done()) finish();
  });
};

// Runs before the page's scripts of a published site: the page's clock
// reads the day the site was published (`now`, ms since 1970), advancing
// from there, so that the opening month the app computes is the one the
// build pre-rendered (bench/run.sh publishes with a "today" inside the
// generated data, so that months with events follow the opening one).
// Only Date is shifted: performance.now(), timers and resource timing stay
// the browser's own (Playwright's clock would replace them all).
const SHIFT_DATE = (now) => {
  const Real = Date;
  const shift = now - Real.now();
  function Shifted(...a) {
    if (!new.target) return new Real(Real.now() + shift).toString();
    return a.length ? new Real(...a) : new Real(Real.now() + shift);
  }
  Shifted.prototype = Real.prototype;
  Shifted.now = () => Real.now() + shift;
  Shifted.parse = Real.parse;
  Shifted.UTC = Real.UTC;
  globalThis.Date = Shifted;
};

// ---- data -------------------------------------------------------------------

// A data file's events, read once.
const dataCache = new Map();
function eventsOf(file) {
  if (!dataCache.has(file)) dataCache.set(file, JSON.parse(fs.readFileSync(file, 'utf8')).events ?? []);
  return dataCache.get(file);
}

// "YYYY-MM" `n` months after `month`.
function addMonths(month, n) {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + n, 15));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

// The project with the most events on days of `month` (so that unticking
// it visibly changes that month's grid).
function busiestProject(file, month) {
  const counts = new Map();
  for (const e of eventsOf(file)) {
    if (String(e.start).startsWith(month)) counts.set(e.project, (counts.get(e.project) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
}

// Ids of the events that start on the 15th to the 28th of `month`: no
// other month's grid shows them, so one of them drawn means that month's
// events are there.
function lateInMonth(file, month) {
  return eventsOf(file).filter((e) => {
    const s = String(e.start);
    return s.startsWith(month) && s.slice(8, 10) >= '15' && s.slice(8, 10) <= '28';
  }).map((e) => e.id);
}

// Whether some event of `month` outside `project` has `word` in its title:
// then a search for it must leave events in that month's grid.
function titleMatch(file, month, word, project) {
  return eventsOf(file).some((e) => String(e.start).startsWith(month) && e.project !== project && String(e.title ?? '').includes(word));
}

// The month our app opens on without ?month=: the one the build computed
// with src/views/grid.rs (initial_month) and wrote into the pre-rendered view of
// the site's index.html (`data-month`, src/prerender.rs). "YYYY-MM".
function openingMonth(root) {
  const html = fs.readFileSync(path.join(root, 'index.html'), 'utf8');
  const month = /id="prerender"[^>]*data-month="(\d{4}-\d{2})"/.exec(html)?.[1];
  if (!month) throw new Error(`${root}/index.html has no pre-rendered month (run calendar publish)`);
  return month;
}

// The instant the page's clock reads on a published site: noon in Tokyo
// of the day the build pre-rendered (`data-prerendered`), the build's
// "now" (SOURCE_DATE_EPOCH); without that attribute, BENCH_EPOCH (as
// bench/run.sh publishes, seconds; default 2005-06-15 noon in Tokyo).
function publishedNow(root) {
  const html = fs.readFileSync(path.join(root, 'index.html'), 'utf8');
  const day = /id="prerender"[^>]*data-prerendered="(\d{4}-\d{2}-\d{2})"/.exec(html)?.[1]
    ?? /data-prerendered="(\d{4}-\d{2}-\d{2})"/.exec(html)?.[1];
  if (day) return Date.parse(`${day}T12:00:00+09:00`);
  const epoch = Number(process.env.BENCH_EPOCH ?? 1118804400);
  return Number.isFinite(epoch) ? epoch * 1000 : null;
}

// ---- one fresh load ---------------------------------------------------------

// `site`: load the published site `server` serves at its root URL, as a
// member does (its events.json read here for what to expect, the page's
// clock at the day it was published); otherwise `?src=events-N.json&month=`
// on the release build.
async function oneRun(browser, server, { events, throttle, site }) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 }, locale: 'ja-JP', ...(site ? { timezoneId: 'Asia/Tokyo' } : {}),
    serviceWorkers: BLOCK_SW ? 'block' : 'allow',
  });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.addInitScript(INIT);
    const file = site ? path.join(server.root, 'events.json') : path.join(DIST, `events-${events}.json`);
    const month = site ? openingMonth(server.root) : MONTH;
    const now = site ? publishedNow(server.root) : null;
    if (now !== null) await page.addInitScript(SHIFT_DATE, now);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    if (throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    // Navigation returns once the document is committed; the first step
    // (next month) is clicked one task after ready, before anything a page
    // fetches once ready (a neighbour month) has had time to arrive: the
    // worst case. The second follows after the heap is measured.
    await page.goto(site ? server.url : `${server.url}?src=events-${events}.json&month=${MONTH}`, { timeout: LOAD_TIMEOUT_MS, waitUntil: 'commit' });
    const m1 = addMonths(month, 1);
    const m2 = addMonths(month, 2);
    for (const m of [m1, m2]) {
      if (!lateInMonth(file, m).length) errors.push(`next month: no event starts on the 15th to 28th of ${m}; timed until the grid shows the month only`);
    }
    const nav = await page.evaluate(async ([s, a, t, l]) => {
      while (!window.__bench) await new Promise((ok) => setTimeout(ok, 5));
      return window.__bench.measureAtReady(s, 'month', a, t, l);
    }, ['[data-testid="next-month"]', { show: m1, not: month, ids: lateInMonth(file, m1) }, STEP_TIMEOUT_MS, LOAD_TIMEOUT_MS]);
    if (nav.notReady) throw new Error(nav.error);
    if (nav.error) errors.push(`nav: ${nav.error}`);
    const r = { navDom: nav.dom, navLayout: nav.layout, navFetches: nav.fetches };
    Object.assign(r, await page.evaluate(() => {
      const b = window.__bench;
      const json = performance.getEntriesByType('resource').filter((e) => e.startTime < b.ready && /\.json$/.test(new URL(e.name).pathname));
      return {
        ready: b.ready,
        started: b.started,
        // The last data file (any JSON) asked for before ready.
        dataEnd: json.length ? Math.max(...json.map((e) => e.responseEnd)) : null,
        wasmReady: b.atReady.wasm,
        nodesMonth: b.atReady.nodes,
        barsMonth: b.atReady.bars,
      };
    }));
    r.navAt = nav.at == null ? null : nav.at - r.ready;
    // JS heap after the first step, after a full GC (precise, unlike
    // performance.memory).
    await cdp.send('HeapProfiler.collectGarbage');
    const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    r.heapReady = metrics.JSHeapUsedSize;

    const measure = (selector, kind, arg) => page.evaluate(
      ([s, k, a, t]) => window.__bench.measure(s, k, a, t), [selector, kind, arg, STEP_TIMEOUT_MS]);
    // One step: its two times go into r[`${name}Dom`] and r[`${name}Layout`]
    // (none when name is null), a failure into errors.
    const step = async (name, selector, kind, arg) => {
      const t = await measure(selector, kind, arg);
      if (t.error) errors.push(`${name ?? 'step'}: ${t.error}`);
      if (name) { r[`${name}Dom`] = t.dom; r[`${name}Layout`] = t.layout; r[`${name}Fetches`] = t.fetches; r[`${name}At`] = t.at; }
    };
    // "The grid's events changed" after typing `text` into the search box.
    const ids = () => page.evaluate(() => window.__bench.ids());
    const type = async (name, text, nonempty) => step(name, '[data-testid="search"]', 'changed', { before: await ids(), text, nonempty });
    // Month navigation again, to the month after (which a page may have
    // fetched ahead meanwhile), until its events are drawn.
    await step('nav2', '[data-testid="next-month"]', 'month', { show: m2, not: m1, ids: lateInMonth(file, m2) });
    r.nav2After = r.nav2At == null || nav.at == null ? null : r.nav2At - (nav.at + nav.layout);
    // Filter toggle: untick the busiest project of the month shown.
    const project = busiestProject(file, m2);
    await step('filter', `input[data-project-id="${project}"]`, 'changed', { before: await ids() });
    // Search: a word that about one event in eight has (the first input
    // event: a page may load a search index then), then the next input, a
    // second word; then empty the box again, so the list below shows what
    // it showed before. A word typed through a Japanese IME arrives as one
    // input event, as here.
    await type('search', SEARCH, titleMatch(file, m2, SEARCH, project));
    await type('search2', SEARCH2, false);
    await type(null, '', false);
    // List view, until it shows events (a page may fetch them first).
    await step('list', '[data-testid="view-list"]', 'exists', { selector: '[data-testid="list-view"] [data-event-id]' });
    Object.assign(r, await page.evaluate(() => {
      const after = performance.getEntriesByType('resource').filter((e) => e.startTime >= window.__bench.ready);
      return {
        nodesList: document.querySelectorAll('*').length,
        nodesInList: document.querySelectorAll('[data-testid="list-view"] *').length,
        wasmEnd: window.__bench.memory?.buffer.byteLength ?? null,
        // What the page fetched after ready, during the steps above (and
        // the service worker's registration); gzip bytes as received.
        afterRequests: after.length,
        afterBytes: after.reduce((a, e) => a + e.encodedBodySize, 0),
      };
    }));
    r.month = month;
    r.errors = errors;
    return r;
  } finally {
    await context.close();
  }
}

// ---- first loads as a member makes them: ours against FullCalendar 6 -------------

// The mobile profile: a mid-range phone on a slow 4G network (the figures
// Lighthouse calls "Slow 4G": 150 ms round trip, 1.6 Mbps down, 750 kbps up;
// here applied per request by DevTools, not simulated), 4x slower CPU.
const MOBILE = {
  cpu: 4,
  network: { offline: false, latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 },
  context: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true },
};
const DESKTOP = { context: { viewport: { width: 1280, height: 900 } } };
const SETTLE_MS = 1000; // LCP and CLS: entries until this long after ready

// One fresh load of a site's root URL (no ?src=, no ?month=: the opening
// month members see; FullCalendar gets ?date= for that month). Figures in
// ms from navigation start.
async function firstLoad(browser, server, { app, profile, month }) {
  const conditions = profile === 'mobile' ? MOBILE : DESKTOP;
  const context = await browser.newContext({
    ...conditions.context, locale: 'ja-JP', timezoneId: 'Asia/Tokyo', serviceWorkers: BLOCK_SW ? 'block' : 'allow',
  });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.addInitScript(INIT);
    const now = app === 'ours' ? publishedNow(server.root) : null;
    if (now !== null) await page.addInitScript(SHIFT_DATE, now);
    const mark = server.log.length;
    const cdp = await context.newCDPSession(page);
    if (conditions.cpu) await cdp.send('Emulation.setCPUThrottlingRate', { rate: conditions.cpu });
    if (conditions.network) {
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', conditions.network);
    }
    await page.goto(app === 'fc' ? `${server.url}?date=${month}-01` : server.url, { timeout: LOAD_TIMEOUT_MS });
    const ready = await page.evaluate((t) => Promise.race([window.__bench.readyPromise,
      new Promise((ok) => setTimeout(() => ok(null), t))]), LOAD_TIMEOUT_MS);
    if (ready === null) throw new Error(`not ready after ${LOAD_TIMEOUT_MS} ms`);
    await page.waitForTimeout(SETTLE_MS);
    const r = await page.evaluate(([app, month, settle]) => {
      const b = window.__bench;
      const until = b.ready + settle;
      const res = performance.getEntriesByType('resource');
      const nav = performance.getEntriesByType('navigation')[0];
      // Every request the page made before ready (the navigation too), by
      // kind, with its body as transferred (gzip as served).
      const kind = (e) => {
        const p = new URL(e.name).pathname;
        if (e.entryType === 'navigation' || /\.html?$/.test(p) || p.endsWith('/')) return 'html';
        if (/\.(wasm|js|mjs|css)$/.test(p)) return 'code';
        if (/\.json$/.test(p)) return 'data';
        return 'other';
      };
      const before = [nav, ...res].filter((e) => e && e.startTime < b.ready);
      const sum = (xs) => xs.reduce((a, e) => a + e.encodedBodySize, 0);
      const of = (k) => before.filter((e) => kind(e) === k);
      const code = of('code');
      const wasm = code.find((e) => /\.wasm$/.test(new URL(e.name).pathname));
      const json = of('data');
      const lcp = b.lcp.filter((e) => e.t <= until).at(-1);
      const grid = app === 'ours' ? document.querySelector('[data-testid="month-grid"]') : document.querySelector('.fc-daygrid');
      return {
        ready: b.ready,
        readyAt: performance.timeOrigin + b.ready,
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
        lcp: lcp?.t ?? null,
        lcpWhat: lcp?.what ?? null,
        cls: b.shifts.filter((e) => !e.input && e.t <= until).reduce((a, e) => a + e.value, 0),
        htmlEnd: nav?.responseEnd ?? null,
        codeEnd: Math.max(0, ...code.map((e) => e.responseEnd)),
        wasmStart: wasm?.startTime ?? null,
        wasmEnd: wasm?.responseEnd ?? null,
        instantiated: b.instantiated,
        started: b.started,
        dataEnd: json.length ? Math.max(...json.map((e) => e.responseEnd)) : null,
        htmlBytes: sum(of('html')),
        codeBytes: sum(code),
        dataBytes: sum(json),
        otherBytes: sum(of('other')),
        totalBytes: sum(before),
        requests: before.length,
        paths: before.map((e) => new URL(e.name).pathname),
        dataFiles: json.map((e) => `${new URL(e.name).pathname.slice(1)} ${e.encodedBodySize}`),
        otherFiles: of('other').map((e) => `${new URL(e.name).pathname.slice(1)} ${e.encodedBodySize}`),
        codeFiles: code.map((e) => `${new URL(e.name).pathname.slice(1)} ${e.encodedBodySize}`),
        dataFetches: res.filter((e) => /\/events\.json$/.test(new URL(e.name).pathname)).length,
        shown: !!grid && (app === 'ours'
          ? !!grid.querySelector(`[data-date="${month}-15"]`)
          : !!grid.querySelector(`.fc-daygrid-day[data-date="${month}-15"]`)),
        // Visible ones only: FullCalendar also draws the events behind
        // "+N" (hidden, to measure them).
        bars: [...document.querySelectorAll(app === 'ours' ? '[data-testid="month-grid"] [data-event-id]' : '.fc-daygrid .fc-daygrid-event')]
          .filter((e) => e.checkVisibility({ visibilityProperty: true })).length,
        nodes: document.querySelectorAll('*').length,
        readyHow: document.documentElement.dataset.readyHow ?? null,
      };
    }, [app, month, SETTLE_MS]);
    // The server's view: requests that arrived before ready and the bytes
    // it sent for them, the service worker's own fetches included (those
    // the page's resource timing does not list; DevTools' throttling does
    // not apply to them).
    const seen = server.log.slice(mark).filter((q) => q.t < r.readyAt);
    const left = new Map();
    for (const p of r.paths) {
      const rel = decodeURIComponent(p.slice(1));
      const k = rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel;
      left.set(k, (left.get(k) ?? 0) + 1);
    }
    const extra = seen.filter((q) => {
      const n = left.get(q.rel) ?? 0;
      if (n > 0) { left.set(q.rel, n - 1); return false; }
      return true;
    });
    r.serverRequests = seen.length;
    r.serverBytes = seen.reduce((a, q) => a + q.bytes, 0);
    r.extraRequests = extra.length;
    r.extraBytes = extra.reduce((a, q) => a + q.bytes, 0);
    r.extraFiles = extra.map((q) => `${q.rel} ${q.bytes}`);
    delete r.paths;
    if (!r.shown) errors.push(`${app}: the grid does not show ${month}`);
    if (r.dataFetches > 1) errors.push(`${app}: events.json fetched ${r.dataFetches} times`);
    r.errors = errors;
    return r;
  } finally {
    await context.close();
  }
}

// ---- figures -----------------------------------------------------------------

const median = (xs) => {
  const v = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};
const kB = (n) => (n / 1000).toFixed(1) + ' kB';
const MB = (n) => (n == null ? 'n/a' : (n / 1048576).toFixed(1) + ' MiB');
const ms = (n) => (n == null ? 'n/a' : n.toFixed(1) + ' ms');
const count = (n) => (n == null ? 'n/a' : Math.round(n).toLocaleString('en-US'));

function compressed(file) {
  const bytes = fs.readFileSync(file);
  return {
    raw: bytes.length,
    gzip: zlib.gzipSync(bytes, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(bytes, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length,
  };
}

// Sizes of the files a first load asked for (the first run's requests),
// per page: `groups` is [{ name, root, files, total, data }].
function sizeTable(groups) {
  const out = ['| first load, apart from the data | raw | gzip -9 | brotli 11 |', '|---|---:|---:|---:|'];
  for (const g of groups) {
    const total = { raw: 0, gzip: 0, brotli: 0 };
    for (const f of [...new Set(g.files)].filter((f) => !f.endsWith('.json')).sort()) {
      const c = compressed(path.join(g.root, f));
      const kind = path.extname(f).slice(1);
      const counted = ['wasm', 'js', 'css'].includes(kind);
      if (counted) { total.raw += c.raw; total.gzip += c.gzip; total.brotli += c.brotli; }
      out.push(`| ${g.name}: ${kind}${counted ? '' : ' (not counted)'} \`${f}\` | ${kB(c.raw)} | ${kB(c.gzip)} | ${kB(c.brotli)} |`);
    }
    out.push(`| **${g.name}: ${g.total}** | **${kB(total.raw)}** | **${kB(total.gzip)}** | **${kB(total.brotli)}** |`);
  }
  for (const n of DATA) {
    const f = path.join(DIST, `events-${n}.json`);
    if (fs.existsSync(f)) {
      const c = compressed(f);
      out.push(`| (data, for scale) \`events-${n}.json\` | ${kB(c.raw)} | ${kB(c.gzip)} | ${kB(c.brotli)} |`);
    }
  }
  return out.join('\n');
}

// ---- profile of month navigation at 10,000 events ---------------------------------

function crateOf(name) {
  const m = /^(?:<|_<)?\s*(?:impl\s+)?&?(?:mut\s+)?([A-Za-z_][A-Za-z0-9_]*)::/.exec(name);
  return m ? m[1] : name.startsWith('wasm-function') ? '(unnamed wasm)' : '(other wasm)';
}

const FORCED_LAYOUT = new Set(['getBoundingClientRect', 'offsetHeight']);

function summariseCpu(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const dt = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i++) {
    const node = byId.get(profile.samples[i]);
    const d = (dt[i + 1] ?? 0) / 1000;
    self.set(node, (self.get(node) ?? 0) + d);
  }
  const fn = new Map();
  const group = new Map();
  let total = 0;
  for (const [node, t] of self) {
    const { functionName, url } = node.callFrame;
    const name = functionName || '(anonymous)';
    let g;
    if (name === '(idle)') continue;
    if (functionName.startsWith('(')) g = name; // (program), (garbage collector)
    else if (FORCED_LAYOUT.has(name) && url === '') g = 'style + layout forced by the benchmark (getBoundingClientRect)';
    else if (url.startsWith('wasm://') || url.endsWith('.wasm')) g = `wasm: ${crateOf(name)}`;
    else if (url.includes('iguren-calendar')) g = 'JS glue (wasm-bindgen)';
    else if (url === '') g = 'browser built-ins (DOM API called from JS)';
    else g = 'other JS';
    total += t;
    fn.set(`${name}  [${g}]`, (fn.get(`${name}  [${g}]`) ?? 0) + t);
    group.set(g, (group.get(g) ?? 0) + t);
  }
  const top = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
  return { total, groups: top(group, 20), functions: top(fn, 25) };
}

// Self time per trace event name on the renderer main thread, within the window.
function summariseTrace(trace, fromTs) {
  const events = (trace.traceEvents ?? trace).filter((e) => e.ph === 'X' && e.dur !== undefined && e.ts >= fromTs);
  const main = new Set(events.filter((e) => e.name === 'Layout' || e.name === 'UpdateLayoutTree').map((e) => `${e.pid}:${e.tid}`));
  const byThread = new Map();
  for (const e of events) {
    const k = `${e.pid}:${e.tid}`;
    if (!main.has(k)) continue;
    if (!byThread.has(k)) byThread.set(k, []);
    byThread.get(k).push(e);
  }
  const self = new Map();
  for (const list of byThread.values()) {
    list.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
    const stack = [];
    for (const e of list) {
      while (stack.length && stack[stack.length - 1].ts + stack[stack.length - 1].dur <= e.ts) stack.pop();
      const parent = stack[stack.length - 1];
      if (parent) parent.child = (parent.child ?? 0) + e.dur;
      stack.push(e);
    }
    for (const e of list) self.set(e.name, (self.get(e.name) ?? 0) + (e.dur - (e.child ?? 0)) / 1000);
  }
  return [...self].filter(([, t]) => t > 0.05).sort((a, b) => b[1] - a[1]).slice(0, 15);
}

// Where a first load's main-thread time goes, from navigation to ready.
async function profileLoad(browser, server, events) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ja-JP', serviceWorkers: BLOCK_SW ? 'block' : 'allow' });
  const lines = [];
  try {
    const page = await context.newPage();
    await page.addInitScript(INIT);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink', 'loading'] });
    await cdp.send('Profiler.start');
    await page.goto(`${server.url}?src=events-${events}.json&month=${MONTH}`, { timeout: LOAD_TIMEOUT_MS });
    await page.waitForFunction(() => window.__bench?.ready !== null, null, { timeout: LOAD_TIMEOUT_MS, polling: 50 });
    const at = await page.evaluate(() => ({ ready: window.__bench.ready, started: window.__bench.started,
      data: performance.getEntriesByType('resource').find((e) => e.name.includes('events-'))?.responseEnd }));
    const { profile: cpu } = await cdp.send('Profiler.stop');
    const trace = JSON.parse((await browser.stopTracing()).toString());
    fs.writeFileSync(path.join(OUT, `load-${events}.cpuprofile`), JSON.stringify(cpu));
    fs.writeFileSync(path.join(OUT, `load-${events}.trace.json`), JSON.stringify(trace));
    lines.push(`### Profile: one first load at ${events.toLocaleString('en-US')} events`, '');
    lines.push(`app started ${at.started?.toFixed(0)} ms, data received ${at.data?.toFixed(0)} ms, ready ${at.ready?.toFixed(0)} ms after navigation start`, '');
    if (cpu.samples?.length) {
      const c = summariseCpu(cpu);
      lines.push(`CPU profile (sampled every 100 µs), ${c.total.toFixed(1)} ms of non-idle main-thread time:`, '');
      lines.push('| where | self ms |', '|---|---:|');
      for (const [g, t] of c.groups.slice(0, 10)) lines.push(`| ${g} | ${t.toFixed(1)} |`);
      lines.push('', '| top functions by self time | ms |', '|---|---:|');
      for (const [f, t] of c.functions.slice(0, 12)) lines.push(`| \`${f.replace(/\|/g, '\\|').slice(0, 140)}\` | ${t.toFixed(1)} |`);
    }
    lines.push('', 'Trace, renderer main thread, self time by event:', '', '| event | self ms |', '|---|---:|');
    for (const [n, t] of summariseTrace(trace, 0).slice(0, 12)) lines.push(`| ${n} | ${t.toFixed(1)} |`);
    lines.push('');
  } finally {
    await context.close();
  }
  return lines.join('\n');
}

// CPU profile and trace of STEPS repetitions of one interaction at 10,000
// events, on one page after ready. `kind`: 'month' (next month) or
// 'filter' (untick, then tick again, the busiest project of the month).
async function profile(browser, server, kind) {
  fs.mkdirSync(OUT, { recursive: true });
  const STEPS = 6;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ja-JP', serviceWorkers: BLOCK_SW ? 'block' : 'allow' });
  const lines = [];
  const name = `${kind}-10000`;
  try {
    const page = await context.newPage();
    await page.addInitScript(INIT);
    await page.goto(`${server.url}?src=events-10000.json&month=${MONTH}`, { timeout: LOAD_TIMEOUT_MS });
    await page.waitForFunction(() => window.__bench?.ready !== null, null, { timeout: LOAD_TIMEOUT_MS, polling: 50 });
    const project = busiestProject(path.join(DIST, 'events-10000.json'), MONTH);
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
    await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink'] });
    await cdp.send('Profiler.start');
    const times = [];
    for (let i = 0; i < STEPS; i++) {
      let r;
      if (kind === 'month') {
        // June -> July -> ... : each step waits for the 15th of the next month.
        const [y, m] = MONTH.split('-').map(Number);
        const d = new Date(Date.UTC(y, m - 1 + i + 1, 15));
        const want = `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
        r = await page.evaluate(([s, a, t]) => window.__bench.measure(s, 'month', a, t),
          ['[data-testid="next-month"]', { show: want }, STEP_TIMEOUT_MS]);
      } else {
        const before = await page.evaluate(() => window.__bench.ids());
        r = await page.evaluate(([s, a, t]) => window.__bench.measure(s, 'changed', a, t),
          [`input[data-project-id="${project}"]`, { before }, STEP_TIMEOUT_MS]);
      }
      times.push(r);
    }
    const { profile: cpu } = await cdp.send('Profiler.stop');
    const trace = JSON.parse((await browser.stopTracing()).toString());
    fs.writeFileSync(path.join(OUT, `${name}.cpuprofile`), JSON.stringify(cpu));
    fs.writeFileSync(path.join(OUT, `${name}.trace.json`), JSON.stringify(trace));
    const c = summariseCpu(cpu);
    const what = kind === 'month' ? 'month navigations' : `filter toggles (project ${project})`;
    lines.push(`### Profile: ${STEPS} ${what} at 10,000 events (one page, after ready)`, '');
    lines.push(`per step (DOM / +layout): ${times.map((t) => t.error ?? `${t.dom.toFixed(1)}/${t.layout.toFixed(1)}`).join(', ')} ms`, '');
    lines.push(`CPU profile (sampled every 50 µs), ${c.total.toFixed(1)} ms of non-idle main-thread time in all:`, '');
    lines.push('| where | self ms | share |', '|---|---:|---:|');
    for (const [g, t] of c.groups) lines.push(`| ${g} | ${t.toFixed(1)} | ${(100 * t / c.total).toFixed(0)}% |`);
    lines.push('', '| top functions by self time | ms |', '|---|---:|');
    for (const [f, t] of c.functions) lines.push(`| \`${f.replace(/\|/g, '\\|').slice(0, 140)}\` | ${t.toFixed(1)} |`);
    lines.push('', 'Trace, renderer main thread, self time by event:', '', '| event | self ms |', '|---|---:|');
    for (const [n, t] of summariseTrace(trace, 0)) lines.push(`| ${n} | ${t.toFixed(1)} |`);
    lines.push('', `raw files: ${path.join(OUT, `${name}.cpuprofile`)} (open in Chrome DevTools), ${path.join(OUT, `${name}.trace.json`)}`);
  } finally {
    await context.close();
  }
  return lines.join('\n');
}

// ---- main --------------------------------------------------------------------------

// The medians of the alternating first loads, ours against FullCalendar.
function compareTable({ profile, events, month }, ours, fc) {
  const med = (runs, key) => median(runs.map((r) => r[key]));
  const ratio = (a, b) => (a == null || b == null || b === 0 ? 'n/a' : `${(a / b).toFixed(2)}×`);
  const cls = (n) => (n == null ? 'n/a' : n.toFixed(3));
  const bytes = (n) => (n == null ? 'n/a' : kB(n));
  const rows = [
    ['first contentful paint (FCP)', 'fcp', ms],
    [`largest contentful paint (LCP; last candidate until ${SETTLE_MS / 1000} s after ready)`, 'lcp', ms],
    [`cumulative layout shift (CLS; all shifts without recent input until ${SETTLE_MS / 1000} s after ready)`, 'cls', cls],
    ['ready (`dataset.ready`: the data drawn)', 'ready', ms],
    ['… HTML received', 'htmlEnd', ms],
    ['… all wasm/JS/CSS asked for before ready received', 'codeEnd', ms],
    ['… wasm requested (ours)', 'wasmStart', ms],
    ['… wasm received (ours)', 'wasmEnd', ms],
    ['… wasm compiled and instantiated (ours; streaming, overlaps the download)', 'instantiated', ms],
    ['… app started (ours: `main` ran, `TrunkApplicationStarted`)', 'started', ms],
    ['… data received (the last JSON asked for before ready: `responseEnd`)', 'dataEnd', ms],
    ['bytes before ready (gzip as served, bodies): HTML', 'htmlBytes', bytes],
    ['… wasm + JS + CSS', 'codeBytes', bytes],
    ['… data (every JSON: events.json, months/…, sources/…)', 'dataBytes', bytes],
    ['… other (icons, manifest, …)', 'otherBytes', bytes],
    ['**… total**', 'totalBytes', bytes],
    ['requests before ready (the page\'s, the navigation included)', 'requests', count],
    ['server: requests arriving before ready (the service worker\'s too)', 'serverRequests', count],
    ['server: bytes sent for them', 'serverBytes', bytes],
    ['event bars drawn in the month', 'bars', count],
    ['DOM nodes (document)', 'nodes', count],
  ];
  const where = profile === 'mobile'
    ? `mobile: 390×844 @3x touch, CPU 4× slower, ${MOBILE.network.latency} ms round trip, 1.6 Mbps down, 750 kbps up (DevTools throttling)`
    : 'desktop: 1280×900, no throttling';
  const out = [`### First load, ${events.toLocaleString('en-US')} events, ${where}; opening month ${month}`, '',
    `medians of ${ours.length} (ours) and ${fc.length} (FullCalendar) alternating fresh loads, gzip served, ms from navigation start`, '',
    `| metric | ours (median) | FullCalendar ${FC_VERSION} (median) | ratio ours/FC |`, '|---|---:|---:|---:|'];
  for (const [label, key, fmt] of rows) {
    const a = med(ours, key);
    const b = med(fc, key);
    if (a == null && b == null) continue;
    out.push(`| ${label} | ${fmt(a)} | ${fmt(b)} | ${['bars', 'nodes', 'otherBytes', 'serverRequests', 'serverBytes'].includes(key) ? '' : ratio(a, b)} |`);
  }
  const whats = (runs) => [...new Set(runs.map((r) => r.lcpWhat).filter(Boolean))].join(', ') || 'n/a';
  out.push('', `LCP element: ours ${whats(ours)}; FullCalendar ${whats(fc)}. FullCalendar ready: ${[...new Set(fc.map((r) => r.readyHow))].join(', ')}.`);
  // What the first load of each fetched besides HTML and code.
  const files = (runs, key) => runs.find(Boolean)?.[key]?.join(', ') || 'none';
  out.push(`Data before ready (first load, gzip bytes): ours ${files(ours, 'dataFiles')}; FullCalendar ${files(fc, 'dataFiles')}. ` +
    `Other: ours ${files(ours, 'otherFiles')}; FullCalendar ${files(fc, 'otherFiles')}. ` +
    `The server saw besides the page's own before ready: ours ${files(ours, 'extraFiles')}; FullCalendar ${files(fc, 'extraFiles')}.`);
  return out.join('\n');
}

// Bytes before ready per data size, and the 10,000 ÷ 1,000 ratio (issue
// 23: within 10 %), per profile.
function bytesTable(compared) {
  const profiles = [...new Set(compared.map((c) => c.profile))];
  const find = (profile, events) => compared.find((c) => c.profile === profile && c.events === events);
  const name = (p) => (p === 'mobile' ? 'phone' : p);
  const head = ['| bytes before ready, gzip (medians) |'];
  const line = ['|---|'];
  for (const p of profiles) {
    head.push(` ${name(p)}: 1,000 | ${name(p)}: 10,000 | 10,000 ÷ 1,000 |`);
    line.push('---:|---:|---:|');
  }
  const rows = [
    ['ours: **total**', 'ours', 'totalBytes'],
    ['ours: HTML', 'ours', 'htmlBytes'],
    ['ours: wasm + JS + CSS', 'ours', 'codeBytes'],
    ['ours: data (JSON)', 'ours', 'dataBytes'],
    ['ours: other', 'ours', 'otherBytes'],
    ['ours: requests', 'ours', 'requests'],
    ['ours: server, bytes sent before ready (the service worker\'s too)', 'ours', 'serverBytes'],
    [`FullCalendar ${FC_VERSION}: total`, 'fc', 'totalBytes'],
    [`FullCalendar ${FC_VERSION}: data (JSON)`, 'fc', 'dataBytes'],
    [`FullCalendar ${FC_VERSION}: requests`, 'fc', 'requests'],
  ];
  const out = [head.join(''), line.join('')];
  for (const [label, app, key] of rows) {
    const cells = [`| ${label} |`];
    for (const p of profiles) {
      const one = find(p, 1000);
      const ten = find(p, 10000);
      const a = one ? median(one[app].map((r) => r[key])) : null;
      const b = ten ? median(ten[app].map((r) => r[key])) : null;
      const fmt = key === 'requests' ? count : (n) => (n == null ? 'n/a' : kB(n));
      cells.push(` ${fmt(a)} | ${fmt(b)} | ${a && b != null ? `${(b / a).toFixed(2)}×` : 'n/a'} |`);
    }
    out.push(cells.join(''));
  }
  return out.join('\n');
}

// Issue 23's targets, one line: met or missed, with the figures (medians of
// this run; the interactions' times include style and layout).
function targets(compared, siteResults) {
  const find = (profile, events) => compared.find((c) => c.profile === profile && c.events === events);
  const med = (runs, key) => median((runs ?? []).map((r) => r[key]));
  const verdict = (ok) => (ok == null ? 'n/a' : ok ? 'met' : '**missed**');
  const fmtMs = (n) => (n == null ? 'n/a' : `${n.toFixed(n < 100 ? 1 : 0)} ms`);
  const parts = [];
  for (const [events, goal] of [[1000, 1.0], [10000, 0.5]]) {
    const c = find('mobile', events);
    const a = c && med(c.ours, 'ready');
    const b = c && med(c.fc, 'ready');
    const r = a != null && b ? a / b : null;
    parts.push(`phone ready ≤ ${goal.toFixed(1)}× FC at ${events.toLocaleString('en-US')}: ${verdict(r == null ? null : r <= goal)}` +
      (r == null ? '' : ` (${r.toFixed(2)}×: ${fmtMs(a)} vs ${fmtMs(b)})`));
  }
  for (const profile of ['mobile', 'desktop']) {
    const one = find(profile, 1000);
    const ten = find(profile, 10000);
    const a = one && med(one.ours, 'totalBytes');
    const b = ten && med(ten.ours, 'totalBytes');
    const r = a && b != null ? b / a : null;
    parts.push(`bytes before ready at 10,000 within 10 % of 1,000 (${profile === 'mobile' ? 'phone' : profile}): ${verdict(r == null ? null : r <= 1.1)}` +
      (r == null ? '' : ` (${r.toFixed(2)}×: ${kB(b)} vs ${kB(a)})`));
  }
  const steps = [['next month', 'navLayout'], ['again', 'nav2Layout'], ['filter', 'filterLayout'], ['search', 'searchLayout'], ['next input', 'search2Layout']];
  for (const [throttle, limit, where] of [[4, 200, 'at 4× CPU'], [1, 16, 'on the desktop']]) {
    const res = siteResults.find((r) => r.cfg.events === 10000 && r.cfg.throttle === throttle);
    const got = steps.map(([n, key]) => [n, res ? med(res.runs, key) : null]);
    const known = got.filter(([, v]) => v != null);
    const ok = res && known.length === steps.length ? known.every(([, v]) => v <= limit) : null;
    parts.push(`interactions at 10,000 ≤ ${limit} ms ${where}: ${verdict(ok)}` +
      (res ? ` (${got.map(([n, v]) => `${n} ${fmtMs(v)}`).join(', ')})` : ''));
  }
  const cls = compared.flatMap((c) => c.ours.map((r) => r.cls)).filter((v) => typeof v === 'number');
  const worst = cls.length ? Math.max(...cls) : null;
  parts.push(`CLS 0: ${verdict(worst == null ? null : worst === 0)}${worst == null ? '' : ` (largest of ${cls.length} loads of ours: ${worst.toFixed(4)})`}`);
  return `**Targets (issue 23)**: ${parts.join('; ')}.`;
}

const FC_VERSION = (() => {
  try {
    return JSON.parse(fs.readFileSync(new URL('node_modules/fullcalendar/package.json', import.meta.url), 'utf8')).version;
  } catch { return '6'; }
})();

async function main() {
  for (const n of DATA) {
    if (!fs.existsSync(path.join(DIST, `events-${n}.json`))) {
      console.error(`missing ${path.join(DIST, `events-${n}.json`)}: run bench/run.sh (or calendar generate ${n} > it)`);
      process.exit(2);
    }
  }
  const server = await serve(DIST);
  // One server (one origin) per first-load site, each at its root.
  const sites = new Map();
  if (SITES) {
    for (const n of new Set(COMPARE.map((c) => c.events))) {
      for (const app of ONLY ? ['ours'] : ['ours', 'fc']) {
        if (ONLY && !ONLY.startsWith(`site-${n}-`)) continue;
        const dir = path.join(SITES, `${app}-${n}`);
        if (!fs.existsSync(path.join(dir, 'index.html'))) {
          console.error(`missing ${dir}/index.html: run bench/run.sh`);
          process.exit(2);
        }
        sites.set(`${app}-${n}`, await serve(dir));
      }
    }
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-quic', '--no-first-run', '--disable-sync'],
  });
  const deadline = Date.now() + 45 * 60_000; // the whole benchmark, at most
  try {
    // Interactions on the release build with one whole file
    // (`?src=events-N.json&month=`), and, with --sites, on the published
    // sites at their root URL (what members get: the page loads its data
    // as the build published it).
    const configs = [
      { label: '1,000 events', events: 1000, throttle: 1 },
      { label: '10,000 events', events: 10000, throttle: 1 },
      { label: '1,000 events, 4× CPU throttle', events: 1000, throttle: 4 },
    ];
    const siteConfigs = SITES ? [
      { label: '1,000 events', events: 1000, throttle: 1, site: true },
      { label: '10,000 events', events: 10000, throttle: 1, site: true },
      { label: '1,000 events, 4× CPU', events: 1000, throttle: 4, site: true },
      { label: '10,000 events, 4× CPU', events: 10000, throttle: 4, site: true },
    ] : [];
    const results = [];
    const siteResults = [];
    let firstLoadFiles = null;
    const problems = new Set();
    const chosen = [...configs, ...siteConfigs]
      .filter((c) => !ONLY || (c.site && `site-${c.events}-${c.throttle}` === ONLY));
    for (const cfg of chosen) {
      const runs = [];
      const srv = cfg.site ? sites.get(`ours-${cfg.events}`) : server;
      const label = cfg.site ? `site ours-${cfg.events}, ${cfg.label}` : `?src=, ${cfg.label}`;
      for (let i = 0; i < RUNS && Date.now() < deadline; i++) {
        const mark = srv.requests.length;
        try {
          const r = await oneRun(browser, srv, cfg);
          r.errors.forEach((e) => problems.add(`${label}: ${e}`));
          runs.push(r);
        } catch (e) {
          problems.add(`${label}: ${String(e).split('\n')[0]}`);
        }
        if (!cfg.site) firstLoadFiles ??= srv.requests.slice(mark);
        process.stderr.write(cfg.site ? 's' : '.');
      }
      (cfg.site ? siteResults : results).push({ cfg, runs });
    }
    process.stderr.write('\n');

    // First loads as members make them, ours and FullCalendar alternating
    // (ours, FC, ours, FC, ...), each a fresh context: whatever the machine
    // is doing meanwhile falls on both alike.
    const compared = [];
    const fcFiles = new Map();
    for (const c of SITES && !ONLY ? COMPARE : []) {
      const month = openingMonth(sites.get(`ours-${c.events}`).root);
      const runs = c.profile === 'mobile' ? MOBILE_RUNS : RUNS;
      const got = { ours: [], fc: [] };
      const label = `${c.profile} ${c.events.toLocaleString('en-US')}`;
      for (let i = 0; i < runs && Date.now() < deadline; i++) {
        for (const app of ['ours', 'fc']) {
          const site = sites.get(`${app}-${c.events}`);
          const mark = site.requests.length;
          try {
            const r = await firstLoad(browser, site, { app, profile: c.profile, month });
            r.errors.forEach((e) => problems.add(`${label}, ${app}: ${e}`));
            got[app].push(r);
          } catch (e) {
            problems.add(`${label}, ${app}: ${String(e).split('\n')[0]}`);
          }
          if (app === 'fc' && !fcFiles.has(c.events)) fcFiles.set(c.events, site.requests.slice(mark));
          process.stderr.write(app === 'ours' ? 'o' : 'f');
        }
      }
      compared.push({ ...c, month, ...got });
    }
    process.stderr.write('\n');

    const med = (res, key) => median(res.runs.map((r) => r[key]));
    const rows = [
      ['time to ready (`dataset.ready`, from navigation start)', 'ready', ms],
      ['… of which until the app started (wasm fetched, compiled, `main` ran)', 'started', ms],
      ['… of which until the last data file asked for before ready was received (`responseEnd`)', 'dataEnd', ms],
      ['next month: clicked, ms after ready (one task later: until then the main thread was busy)', 'navAt', ms],
      ['next month: until the grid shows it with its events', 'navDom', ms],
      ['next month: + style and layout', 'navLayout', ms],
      ['next month: requests the page made meanwhile (resource timing)', 'navFetches', count],
      ['next month again: clicked, ms after the first was drawn (the heap measured meanwhile)', 'nav2After', ms],
      ['next month again: until the grid shows it with its events', 'nav2Dom', ms],
      ['next month again: + style and layout', 'nav2Layout', ms],
      ['next month again: requests the page made meanwhile (resource timing)', 'nav2Fetches', count],
      ['filter toggle: until the grid changed', 'filterDom', ms],
      ['filter toggle: + style and layout', 'filterLayout', ms],
      [`search, first input (「${SEARCH}」; may fold the texts or load an index): until the grid changed`, 'searchDom', ms],
      ['search, first input: + style and layout', 'searchLayout', ms],
      ['search, first input: requests the page made meanwhile (resource timing)', 'searchFetches', count],
      [`search, next input (「${SEARCH2}」): until the grid changed`, 'search2Dom', ms],
      ['search, next input: + style and layout', 'search2Layout', ms],
      ['list view: until `list-view` shows events', 'listDom', ms],
      ['list view: + style and layout', 'listLayout', ms],
      ['list view: requests the page made meanwhile (resource timing)', 'listFetches', count],
      ['requests after ready (these steps; the service worker\'s registration)', 'afterRequests', count],
      ['bytes after ready (gzip as served)', 'afterBytes', (n) => (n == null ? 'n/a' : kB(n))],
      ['DOM nodes at ready, month view (document)', 'nodesMonth', count],
      ['event bars in the month grid at ready', 'barsMonth', count],
      ['DOM nodes, list view (document)', 'nodesList', count],
      ['DOM nodes inside `list-view`', 'nodesInList', count],
      ['JS heap used after the first next month (after GC)', 'heapReady', MB],
      ['wasm memory at ready', 'wasmReady', MB],
      ['wasm memory after navigation, filter, list', 'wasmEnd', MB],
    ];
    const table = (res) => [
      `| measure | ${res.map((r) => r.cfg.label).join(' | ')} |`,
      `|---|${res.map(() => '---:').join('|')}|`,
      ...rows.map(([label, key, fmt]) => `| ${label} | ${res.map((r) => fmt(med(r, key))).join(' | ')} |`),
      '', `runs completed: ${res.map((r) => `${r.cfg.label}: ${r.runs.length}`).join(', ')}`,
    ].join('\n');
    const out = [];
    out.push(`## Browser benchmark: medians of ${RUNS} fresh loads each`, '');
    out.push(`Chromium ${browser.version()}, 1280×900, gzip served, service worker ${BLOCK_SW ? 'blocked' : 'allowed'}. ` +
      'Each interaction: from just before the click (or the input event) until a MutationObserver sees the expected DOM, in the page.', '');
    const groups = [{ name: 'ours', root: DIST, files: firstLoadFiles ?? [], total: 'wasm + JS + CSS (issue 13: ≤ 120 kB gzip)' }];
    const fcSome = [...fcFiles][0];
    if (fcSome) {
      groups.push({ name: `FullCalendar ${FC_VERSION}`, root: sites.get(`fc-${fcSome[0]}`).root, files: fcSome[1],
        total: 'JS + CSS (its CSS is inside its JS)' });
    }
    out.push(sizeTable(groups), '');
    if (siteResults.length) {
      const months = [...new Set(siteResults.flatMap((r) => r.runs.map((x) => x.month)))].join(', ');
      out.push('### Interactions on the published sites (ours-N at the root URL, as members get them)', '',
        `Opening month ${months || 'n/a'} (the build's pre-rendered month; the page's clock reads the day it was published); ` +
        'next month twice, then filter (the busiest project of that month), search, list view, on one page per load.', '',
        table(siteResults), '');
    }
    out.push(`### Interactions with one whole file (\`?src=events-N.json&month=${MONTH}\`, the release build)`, '', table(results));
    if (compared.length) {
      out.push('', `## First load as a member makes it: ours against FullCalendar ${FC_VERSION}`, '',
        'Ours: the site\'s root URL (no `?src=`, no `?month=`), the release build with the generated data as `events.json`, ' +
        'published again (`calendar publish`), the page\'s clock at the day it was published. FullCalendar: `bench/fullcalendar/` (standard bundle + `ja` locale, `dayGridMonth`, ' +
        'at most 3 events a day, the same `events.json`, preloaded), opened with `initialDate` on our opening month. ' +
        `Same server (gzip -9), Asia/Tokyo, fresh context each load, service worker ${BLOCK_SW ? 'blocked' : 'allowed'}. ` +
        'Bytes before ready: the bodies of the requests the page started before ready (resource timing, `encodedBodySize`); ' +
        'the server\'s rows count every request that reached it before ready, the service worker\'s too.');
      for (const c of compared) out.push('', compareTable(c, c.ours, c.fc));
      const first = (app) => compared.map((c) => c[app][0]).find(Boolean)?.codeFiles.join(', ') ?? 'n/a';
      out.push('', `wasm/JS/CSS before ready (first load, gzip bytes): ours ${first('ours')}; FullCalendar ${first('fc')}`);
      out.push('', bytesTable(compared));
    }
    out.push('', targets(compared, siteResults));
    if (problems.size) out.push('', 'problems seen (the figures above omit them):', ...[...problems].map((p) => `- ${p}`));
    console.log(out.join('\n'));
    if (PROFILE) {
      for (const kind of ['month', 'filter']) console.log('\n' + await profile(browser, server, kind));
      for (const n of DATA) console.log('\n' + await profileLoad(browser, server, n));
    }
    console.log(`\nChromium ${browser.version()}; command: node bench/browser.mjs --dist ${DIST}${SITES ? ` --sites ${SITES}` : ''} --runs ${RUNS}${SITES ? ` --mobile-runs ${MOBILE_RUNS}` : ''}${PROFILE ? ' --profile' : ''}${BLOCK_SW ? ' --block-sw' : ''}  (all of it: bench/run.sh)`);
  } finally {
    await browser.close();
    await server.close();
    for (const s of sites.values()) await s.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
