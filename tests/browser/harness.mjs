// Shared harness of the browser tests: a static server for the built site
// (optionally under a sub-path, recording every request), the maintainer
// tool run at the tests' "now", and Debian's headless Chromium driven by
// playwright-core. Nothing here reaches the
// network: the server binds 127.0.0.1 and Chromium's background fetching
// is switched off.
//
// Time is a parameter: every page of every test runs with a fixed clock,
// NOW, which is also the build's "now" (SOURCE_DATE_EPOCH, set by `make
// test` for the build and inherited by the `calendar` runs of the tests).
// `launch()` gives a browser whose every context, however a test makes it,
// has that clock; a test opens its pages with `open()` and, when it needs
// another "now", says which (`open(browser, url, { now })` or
// `page.clock.setFixedTime`). No test reads the machine's clock: `make
// test` runs the suite again with it years ahead and behind (faketime).

import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';

/** The tests' "now" when SOURCE_DATE_EPOCH is not set: 2026-12-01 12:00
 * in Tokyo. The Makefile's TEST_EPOCH is the same. */
const DEFAULT_EPOCH = '1796094000';
if (!/^\d+$/.test(process.env.SOURCE_DATE_EPOCH ?? '')) process.env.SOURCE_DATE_EPOCH = DEFAULT_EPOCH;

/** The fixed "now" of every page, and of the build (SOURCE_DATE_EPOCH). */
export const NOW = new Date(Number(process.env.SOURCE_DATE_EPOCH) * 1000);

/** The day in Tokyo (UTC+9) of `date` (NOW by default), as YYYY-MM-DD. */
export function tokyoDay(date = NOW) {
  return new Date(date.getTime() + 9 * 3600_000).toISOString().slice(0, 10);
}

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

/**
 * Runs the maintainer tool (`cargo run --release --bin calendar -- ARGS`
 * from the repository's root) with the build's clock at `now` (NOW
 * unless told), never the machine's. Resolves to { stdout, stderr };
 * rejects when it fails. Asynchronous, so that a local server of the same
 * process can answer its fetches.
 */
export function calendar(args, { now = NOW } = {}) {
  return promisify(execFile)('cargo', ['run', '--quiet', '--release', '--bin', 'calendar', '--', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    env: { ...process.env, SOURCE_DATE_EPOCH: String(new Date(now).getTime() / 1000) },
  });
}

/**
 * A copy of the built site `dist` in the folder `site`, whose data can be
 * changed as a maintainer changes it: `publish(text)` writes `text` as its
 * `events.json` and runs `calendar publish` on it, as the build does
 * (month files, calendar files, the pre-rendered page …).
 */
export function siteCopy(dist, site) {
  fs.cpSync(dist, site, { recursive: true });
  const events = path.join(site, 'events.json');
  return {
    events,
    async publish(text) {
      fs.writeFileSync(events, text);
      await calendar(['publish', events, site]);
    },
  };
}

/**
 * `calendar check FILE`, synchronously: the maintainer tool as `make build`
 * built it (else through cargo). Returns spawnSync's result (status,
 * stdout, stderr).
 */
export function checkData(file) {
  const built = path.join(ROOT, 'target/release/calendar');
  const [cmd, args] = fs.existsSync(built)
    ? [built, ['check', file]]
    : ['cargo', ['run', '--quiet', '--bin', 'calendar', '--', 'check', file]];
  return spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8' });
}

/** The editor page's DOM contract (DESIGN.md), shared by its tests. */
export const editorPage = {
  /** An event's row in the editor's list. */
  row: (id) => `[data-testid="editor-list"] [data-event-id="${id}"]`,
  form: '[data-testid="event-form"]',
  /** The message at one field of the form. */
  fieldError: (field) => `[data-testid="field-error"][data-field="${field}"]`,
  /** The phone the editor tests use. */
  phone: { width: 375, height: 812 },
};

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/**
 * Serves `root` under `prefix` (e.g. '/' or '/calendar/'), and
 * `extra` (a map of URL path -> file) for fixtures. Returns
 * { url, requests, close }.
 */
export async function serve(root, { prefix = '/', extra = {} } = {}) {
  root = path.resolve(root);
  const requests = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    requests.push(url.pathname + url.search);
    let file = extra[url.pathname];
    if (!file && url.pathname.startsWith(prefix)) {
      let rel = decodeURIComponent(url.pathname.slice(prefix.length));
      if (rel === '' || rel.endsWith('/')) rel += 'index.html';
      file = path.join(root, path.normalize(rel));
      if (!file.startsWith(root + path.sep)) file = null;
    }
    if (!file || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((ok) => server.close(ok)),
  };
}

/**
 * Debian's headless Chromium. Every context it makes (`newContext`, and
 * `newPage`'s own) has its clock fixed at `options.now` (a Date or an ISO
 * string), NOW unless told: Date.now() and new Date() in the page read it,
 * timers run as usual.
 */
export async function launch() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    // Chromium itself never runs under libfaketime (scripts/timeshift.sh
    // runs node so): it stalls there for minutes. Its pages read NOW anyway.
    env: Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(LD_PRELOAD$|FAKETIME)/.test(k))),
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async ({ now = NOW, ...options } = {}) => {
    const context = await newContext(options);
    await context.clock.setFixedTime(new Date(now));
    return context;
  };
  browser.newPage = async (options = {}) => {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    page.on('close', () => context.close().catch(() => {}));
    return page;
  };
  return browser;
}

/**
 * The one way the tests open a page: a new page in a context of its own,
 * made by `launch()`'s newContext (so its clock is fixed), at `url` (none:
 * a blank page). Options, each defaulting to what most tests want:
 * - `width`, `height` (1280 × 900; a phone is 390 × 844), `scale` (the
 *   deviceScaleFactor, 1), `locale` ('ja-JP'), `userAgent`,
 *   `javaScriptEnabled` (true), `acceptDownloads` (true);
 * - `now`: what the page's clock reads (a Date or an ISO string), NOW
 *   unless told;
 * - `init`: a function the page runs before its own scripts;
 * - `ready`: whether to wait for the app's ready flag (`<html
 *   data-ready="true">`); by default, when scripts run.
 * The page collects `page.errors` (uncaught errors, and console errors
 * but the browser's own /favicon.ico) and `page.requests` (the address of
 * every request its context makes, from the first). Close it with
 * `page.context().close()`.
 */
export async function open(browser, url, {
  width = 1280, height = 900, scale = 1, locale = 'ja-JP', userAgent, javaScriptEnabled = true,
  acceptDownloads = true, now = NOW, init, ready: waitReady = javaScriptEnabled,
} = {}) {
  const context = await browser.newContext({
    viewport: { width, height }, deviceScaleFactor: scale, locale, userAgent, javaScriptEnabled, acceptDownloads, now,
  });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  page.errors = [];
  page.requests = [];
  context.on('request', (r) => page.requests.push(r.url()));
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('console', (m) => {
    // Not the page's: the browser asks a page without an icon link (the
    // embed, opened on its own) for /favicon.ico.
    if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) page.errors.push(m.text());
  });
  if (url) await page.goto(url);
  if (url && waitReady) await ready(page);
  return page;
}

/** Waits for the app's ready flag. */
export async function ready(page) {
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 20000 });
}

/** The ids of the events shown in `selector` (deduplicated, in order). */
export async function eventIds(page, selector = 'body') {
  return page.$$eval(`${selector} [data-event-id]`, (els) => [...new Set(els.map((e) => e.dataset.eventId))]);
}

/** Runs axe-core in the page; returns violations as short strings. */
export async function axe(page) {
  const source = fs.readFileSync(new URL('./node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
  // Evaluated through the DevTools protocol: the page's CSP rightly
  // refuses an injected <script>.
  await page.evaluate(source);
  const result = await page.evaluate(async () => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
}
