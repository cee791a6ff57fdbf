// Browser benchmark of the built site (issue 6). A benchmark, not a test:
// it prints Markdown tables of medians and never fails on slow figures.
//
//   node bench/browser.mjs [--dist DIR] [--runs N] [--profile] [--out DIR] [--block-sw]
//
// DIR is a release build (`trunk build --release`) holding
// events-1000.json and events-10000.json beside index.html (bench/run.sh
// makes both). Each run is a fresh browser context (no cache, no code
// cache) loading `?src=events-N.json&month=2004-06`; every interaction is
// timed inside the page with performance.now(), from just before the
// element's click() to the moment a MutationObserver sees the expected
// DOM, and again after forcing style and layout; Playwright round-trips
// do not count. Nothing leaves 127.0.0.1: the server binds it, and
// Chromium's background networking is off. The server sends gzip (-9,
// compressed once per file) to every request that accepts it.
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

// Compresses the folder's top-level files before any measurement (a page's
// files and data are all there; 10,000 events take a while at level 9).
function warmGzip(root) {
  for (const name of fs.readdirSync(root)) {
    const file = path.join(root, name);
    const stat = fs.statSync(file);
    if (stat.isFile() && GZIP_TYPES.has(path.extname(name))) gzipped(file, stat);
  }
}

function serve(root) {
  const requests = [];
  warmGzip(root);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    let rel = decodeURIComponent(url.pathname.slice(1));
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = path.join(root, path.normalize(rel));
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
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
      res.writeHead(200, { ...headers, 'content-encoding': 'gzip', 'content-length': gz.length, vary: 'accept-encoding' });
      res.end(gz);
      return;
    }
    res.writeHead(200, { ...headers, 'content-length': stat.size });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => {
    ok({ url: `http://127.0.0.1:${server.address().port}/`, root, requests, close: () => new Promise((done) => server.close(done)) });
  }));
}

// ---- in-page instrumentation ------------------------------------------------

// Runs before the page's own scripts: records when the app started (Trunk's
// event, whose detail is the wasm exports, memory included) and when
// dataset.ready became "true"; keeps the wasm instance as a fallback.
const INIT = () => {
  const b = (window.__bench = { started: null, ready: null, memory: null });
  addEventListener('TrunkApplicationStarted', (e) => {
    b.started = performance.now();
    b.memory = e.detail?.wasm?.memory ?? b.memory;
  });
  for (const name of ['instantiateStreaming', 'instantiate']) {
    const orig = WebAssembly[name];
    WebAssembly[name] = async function (...a) {
      const r = await orig.apply(this, a);
      const inst = r instanceof WebAssembly.Instance ? r : r.instance;
      for (const v of Object.values(inst?.exports ?? {})) {
        if (v instanceof WebAssembly.Memory) b.memory ??= v;
      }
      return r;
    };
  }
  const mark = () => {
    if (b.ready === null && document.documentElement.dataset.ready === 'true') b.ready = performance.now();
  };
  // The init script may run before <html> exists: watch the document.
  new MutationObserver(mark).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-ready'] });

  // What "done" means after a click (no eval: the site's CSP forbids it).
  const GRID = '[data-testid="month-grid"]';
  const ids = () => [...(document.querySelector(GRID)?.querySelectorAll('[data-event-id]') ?? [])]
    .map((e) => e.dataset.eventId).join();
  b.ids = ids;
  const DONE = {
    // The grid shows the 15th of month `arg.show` and not that of `arg.not`.
    month: (arg) => {
      const g = document.querySelector(GRID);
      return !!g && !!g.querySelector(`[data-date="${arg.show}-15"]`) && (!arg.not || !g.querySelector(`[data-date="${arg.not}-15"]`));
    },
    // The grid's events differ from `arg.before`.
    changed: (arg) => !!document.querySelector(GRID) && ids() !== arg.before,
    exists: (arg) => !!document.querySelector(arg.selector),
  };

  // Clicks `selector` (or types `arg.text` into it) and resolves with the time until DONE[kind](arg)
  // holds (checked after every DOM mutation) and after a forced style +
  // layout.
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
      resolve({ dom, layout });
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

// ---- data -------------------------------------------------------------------

// The project with the most events on days of `month` (so that unticking
// it visibly changes that month's grid).
function busiestProject(file, month) {
  const data = JSON.parse(fs.readFileSync(file, 'utf8'));
  const counts = new Map();
  for (const e of data.events) {
    if (String(e.start).startsWith(month)) counts.set(e.project, (counts.get(e.project) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
}

// ---- one fresh load ---------------------------------------------------------

async function oneRun(browser, server, { events, throttle }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ja-JP', serviceWorkers: BLOCK_SW ? 'block' : 'allow' });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.addInitScript(INIT);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    if (throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    const src = `events-${events}.json`;
    await page.goto(`${server.url}?src=${src}&month=${MONTH}`, { timeout: LOAD_TIMEOUT_MS });
    await page.waitForFunction(() => window.__bench?.ready !== null, null, { timeout: LOAD_TIMEOUT_MS, polling: 50 });
    const r = {};
    Object.assign(r, await page.evaluate(() => ({
      ready: window.__bench.ready,
      started: window.__bench.started,
      dataEnd: performance.getEntriesByType('resource').find((e) => e.name.includes('events-'))?.responseEnd ?? null,
      wasmReady: window.__bench.memory?.buffer.byteLength ?? null,
      nodesMonth: document.querySelectorAll('*').length,
      barsMonth: document.querySelectorAll(`[data-testid="month-grid"] [data-event-id]`).length,
    })));
    // JS heap at ready, after a full GC (precise, unlike performance.memory).
    await cdp.send('HeapProfiler.collectGarbage');
    const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    r.heapReady = metrics.JSHeapUsedSize;

    const measure = (selector, kind, arg) => page.evaluate(
      ([s, k, a, t]) => window.__bench.measure(s, k, a, t), [selector, kind, arg, STEP_TIMEOUT_MS]);
    // One step: its two times go into r[`${name}Dom`] and r[`${name}Layout`]
    // (none when name is null), a failure into errors.
    const step = async (name, selector, kind, arg) => {
      const t = await measure(selector, kind, arg);
      if (t.error) errors.push(t.error);
      if (name) { r[`${name}Dom`] = t.dom; r[`${name}Layout`] = t.layout; }
    };
    // "The grid's events changed" after typing `text` into the search box.
    const ids = () => page.evaluate(() => window.__bench.ids());
    const type = async (name, text) => step(name, '[data-testid="search"]', 'changed', { before: await ids(), text });
    // Month navigation: June -> July.
    await step('nav', '[data-testid="next-month"]', 'month', { show: NEXT, not: MONTH });
    // Filter toggle: untick the busiest project of July.
    const project = busiestProject(path.join(DIST, src), NEXT);
    await step('filter', `input[data-project-id="${project}"]`, 'changed', { before: await ids() });
    // Search: a word that about one event in eight has, then the next
    // keystroke, a second word (the texts are folded by now); then empty
    // the box again, so the list below shows what it showed before.
    await type('search', SEARCH);
    await type('search2', SEARCH2);
    await type(null, '');
    // List view.
    await step('list', '[data-testid="view-list"]', 'exists', { selector: '[data-testid="list-view"]' });
    Object.assign(r, await page.evaluate(() => ({
      nodesList: document.querySelectorAll('*').length,
      nodesInList: document.querySelectorAll('[data-testid="list-view"] *').length,
      wasmEnd: window.__bench.memory?.buffer.byteLength ?? null,
    })));
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

function sizeTable(requested) {
  const rows = [];
  const total = { raw: 0, gzip: 0, brotli: 0 };
  const files = [...new Set(requested)].filter((f) => !f.endsWith('.json'));
  for (const f of files.sort()) {
    const c = compressed(path.join(DIST, f));
    const kind = path.extname(f).slice(1);
    const counted = ['wasm', 'js', 'css'].includes(kind);
    if (counted) { total.raw += c.raw; total.gzip += c.gzip; total.brotli += c.brotli; }
    rows.push(`| ${kind}${counted ? '' : ' (not counted)'} \`${f}\` | ${kB(c.raw)} | ${kB(c.gzip)} | ${kB(c.brotli)} |`);
  }
  const out = ['| first load, apart from the data | raw | gzip -9 | brotli 11 |', '|---|---:|---:|---:|', ...rows,
    `| **wasm + JS + CSS** (target ≤ 60 kB gzip) | **${kB(total.raw)}** | **${kB(total.gzip)}** | **${kB(total.brotli)}** |`];
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

async function main() {
  for (const n of DATA) {
    if (!fs.existsSync(path.join(DIST, `events-${n}.json`))) {
      console.error(`missing ${path.join(DIST, `events-${n}.json`)}: run bench/run.sh (or calendar generate ${n} > it)`);
      process.exit(2);
    }
  }
  const server = await serve(DIST);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-quic', '--no-first-run', '--disable-sync'],
  });
  const deadline = Date.now() + 20 * 60_000; // the whole benchmark, at most
  try {
    const configs = [
      { label: '1,000 events', events: 1000, throttle: 1 },
      { label: '10,000 events', events: 10000, throttle: 1 },
      { label: '1,000 events, 4× CPU throttle', events: 1000, throttle: 4 },
    ];
    const results = [];
    let firstLoadFiles = null;
    const problems = new Set();
    for (const cfg of configs) {
      const runs = [];
      for (let i = 0; i < RUNS && Date.now() < deadline; i++) {
        const mark = server.requests.length;
        try {
          const r = await oneRun(browser, server, cfg);
          r.errors.forEach((e) => problems.add(`${cfg.label}: ${e}`));
          runs.push(r);
        } catch (e) {
          problems.add(`${cfg.label}: ${String(e).split('\n')[0]}`);
        }
        firstLoadFiles ??= server.requests.slice(mark);
        process.stderr.write('.');
      }
      results.push({ cfg, runs });
    }
    process.stderr.write('\n');
    const med = (res, key) => median(res.runs.map((r) => r[key]));
    const rows = [
      ['time to ready (`dataset.ready`, from navigation start)', 'ready', ms],
      ['… of which until the app started (wasm fetched, compiled, `main` ran)', 'started', ms],
      ['… of which until the data file was received (`responseEnd`)', 'dataEnd', ms],
      ['next month: until the grid shows it', 'navDom', ms],
      ['next month: + style and layout', 'navLayout', ms],
      ['filter toggle: until the grid changed', 'filterDom', ms],
      ['filter toggle: + style and layout', 'filterLayout', ms],
      [`search, first word (type 「${SEARCH}」; folds every event's text once): until the grid changed`, 'searchDom', ms],
      ['search, first word: + style and layout', 'searchLayout', ms],
      [`search, next word (「${SEARCH2}」): until the grid changed`, 'search2Dom', ms],
      ['search, next word: + style and layout', 'search2Layout', ms],
      ['list view: until `list-view` exists', 'listDom', ms],
      ['list view: + style and layout', 'listLayout', ms],
      ['DOM nodes, month view (document)', 'nodesMonth', count],
      ['event bars in the month grid', 'barsMonth', count],
      ['DOM nodes, list view (document)', 'nodesList', count],
      ['DOM nodes inside `list-view`', 'nodesInList', count],
      ['JS heap used at ready (after GC)', 'heapReady', MB],
      ['wasm memory at ready', 'wasmReady', MB],
      ['wasm memory after navigation, filter, list', 'wasmEnd', MB],
    ];
    const out = [];
    out.push(`## Browser benchmark: medians of ${RUNS} fresh loads each`, '');
    out.push(`Chromium ${browser.version()}, ${DIST}, \`?src=events-N.json&month=${MONTH}\`, 1280×900, gzip served, service worker ${BLOCK_SW ? 'blocked' : 'allowed'}`, '');
    out.push(sizeTable(firstLoadFiles ?? []), '');
    out.push(`| measure | ${results.map((r) => r.cfg.label).join(' | ')} |`);
    out.push(`|---|${results.map(() => '---:').join('|')}|`);
    for (const [label, key, fmt] of rows) out.push(`| ${label} | ${results.map((r) => fmt(med(r, key))).join(' | ')} |`);
    out.push('', `runs completed: ${results.map((r) => `${r.cfg.label}: ${r.runs.length}`).join(', ')}`);
    if (problems.size) out.push('', 'problems seen (the figures above omit them):', ...[...problems].map((p) => `- ${p}`));
    console.log(out.join('\n'));
    if (PROFILE) {
      for (const kind of ['month', 'filter']) console.log('\n' + await profile(browser, server, kind));
      for (const n of DATA) console.log('\n' + await profileLoad(browser, server, n));
    }
    console.log(`\ncommand: node bench/browser.mjs --dist ${DIST} --runs ${RUNS}${PROFILE ? ' --profile' : ''}${BLOCK_SW ? ' --block-sw' : ''}  (all of it: bench/run.sh)`);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
