// Shared harness of the browser tests: a static server for the built site
// (optionally under a sub-path, recording every request) and Debian's
// headless Chromium driven by playwright-core. Nothing here reaches the
// network: the server binds 127.0.0.1 and Chromium's background fetching
// is switched off.

import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

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

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}

/** A new page at a phone or desktop size, with errors collected. */
export async function open(browser, url, { width = 1280, height = 900, locale = 'ja-JP', userAgent } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, locale, userAgent, acceptDownloads: true });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
  await page.goto(url);
  await ready(page);
  return page;
}

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
