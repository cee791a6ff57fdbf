// Offline: the web manifest, and the service worker that keeps the app and
// the latest data. The build is served from a sub-folder (/calendar/), as
// on a real host; the site is a copy that the test publishes again with
// newer data (`calendar publish`, as the build does), to check that newer
// data reaches the page as soon as the network is back. Chromium
// allows service workers on http://127.0.0.1 (a secure context).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, open, ready, eventIds, siteCopy } from './harness.mjs';

const dist = process.env.DIST ?? 'dist';
const original = fs.readFileSync(path.join(dist, 'events.json'), 'utf8');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'offline-test-'));
// A copy of the built site, published again when the test changes its data.
const site = siteCopy(dist, path.join(tmp, 'site'));
let server;
let browser;

before(async () => {
  await site.publish(original);
  server = await serve(path.join(tmp, 'site'), { prefix: '/calendar/' });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const grid = '[data-testid="month-grid"]';
const updated = '[data-testid="updated"]';
const latest = 'boshoku-seminar-2004-03-03';

/** Opens the page and waits until the service worker controls it. */
async function controlled() {
  const page = await open(browser, server.url);
  const scope = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((ok) => navigator.serviceWorker.addEventListener('controllerchange', ok, { once: true }));
    }
    return registration.scope;
  });
  assert.equal(scope, server.url, 'the worker covers the sub-folder only');
  return page;
}

/** Reloads and waits for the calendar; returns how many requests reached the server. */
async function reload(page) {
  const before = server.requests.length;
  await page.reload();
  await ready(page);
  return server.requests.length - before;
}

test('the manifest names the app in Japanese, with icons that exist', async () => {
  const page = await open(browser, server.url);
  const href = await page.$eval('link[rel="manifest"]', (l) => l.href);
  assert.equal(href, `${server.url}manifest.webmanifest`);
  const manifest = await (await page.request.get(href)).json();
  assert.equal(manifest.name, 'かながわ異グ連 イベントカレンダー');
  assert.equal(manifest.short_name, '異グ連カレンダー');
  assert.equal(manifest.lang, 'ja');
  assert.equal(manifest.start_url, './');
  assert.equal(manifest.scope, './');
  assert.equal(manifest.display, 'standalone');
  const sizes = manifest.icons.map((i) => i.sizes);
  assert.ok(sizes.includes('192x192') && sizes.includes('512x512') && sizes.includes('any'), sizes.join());
  for (const icon of manifest.icons) {
    const response = await page.request.get(new URL(icon.src, href).href);
    assert.equal(response.status(), 200, icon.src);
    assert.equal(response.headers()['content-type'], icon.type, icon.src);
  }
  const theme = await page.$eval('meta[name="theme-color"]', (m) => m.content);
  assert.equal(theme, manifest.theme_color);
  await page.context().close();
});

test('the data update time is shown, in Tokyo time, in both languages', async () => {
  const page = await open(browser, server.url, { width: 390, height: 844 });
  assert.equal((await page.textContent(updated)).trim(), 'データ最終更新: 2026年11月29日 21:00');
  assert.ok(await page.isVisible(updated));
  await page.click('[data-testid="lang"]');
  await page.waitForFunction((sel) => document.querySelector(sel).textContent.includes('Data updated'), updated);
  assert.equal((await page.textContent(updated)).trim(), 'Data updated: Nov 29, 2026, 21:00');
  await page.context().close();
});

test('without network a reload still shows the calendar; newer data shows once back online', async () => {
  await site.publish(original);
  const page = await controlled();
  const context = page.context();

  // Offline: the page, the app and the data come from the worker's cache.
  await context.setOffline(true);
  assert.equal(await reload(page), 0, 'nothing reached the server');
  assert.ok(await page.$(grid), 'month grid');
  assert.deepEqual(await eventIds(page, grid), [latest]);
  assert.ok(await page.isVisible(updated));
  assert.match(await page.textContent(updated), /データ最終更新: 2026年11月29日 21:00/);
  // Another view of the calendar (a deep link) works offline too.
  await page.goto(`${server.url}?month=2004-02`);
  await ready(page);
  assert.ok((await eventIds(page, grid)).includes('hosou-technical-show-2004'));

  // The maintainer publishes newer data while the member is offline.
  const data = JSON.parse(original);
  data.site.updated = '2026-12-01T09:30:00+09:00';
  data.events.find((e) => e.id === latest).title = '防食技術活用セミナー（会場変更）';
  await site.publish(JSON.stringify(data, null, 2));
  await page.goto(`${server.url}?month=2004-03`);
  await ready(page);
  assert.match(await page.textContent(updated), /2026年11月29日 21:00/, 'still the kept data');

  // Back online: a plain reload shows the new data, nothing to clear.
  await context.setOffline(false);
  assert.ok(await reload(page) > 0, 'the page asked the server');
  assert.match(await page.textContent(updated), /データ最終更新: 2026年12月1日 9:30/);
  assert.match(await page.textContent(grid), /防食技術活用セミナー（会場変更）/);

  // And the new data is what is kept for the next time without network.
  await context.setOffline(true);
  assert.equal(await reload(page), 0, 'nothing reached the server');
  assert.match(await page.textContent(updated), /2026年12月1日 9:30/);
  assert.match(await page.textContent(grid), /防食技術活用セミナー（会場変更）/);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the worker is registered once the calendar is ready, and keeps no feed', async () => {
  // What <html>'s ready flag said when the page asked for its worker.
  const init = () => {
    const register = ServiceWorkerContainer.prototype.register;
    ServiceWorkerContainer.prototype.register = function (...args) {
      window.__readyAtRegister = document.documentElement.dataset.ready ?? 'unset';
      return register.apply(this, args);
    };
  };
  const page = await open(browser, server.url, { init });
  await page.waitForFunction(() => window.__readyAtRegister !== undefined);
  assert.equal(await page.evaluate(() => window.__readyAtRegister), 'true');
  const kept = await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    const names = await caches.keys();
    const urls = [];
    for (const name of names) urls.push(...(await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname));
    return urls;
  });
  assert.ok(kept.includes('/calendar/months/index.json'), kept.join(' '));
  // The month the page opens on, which the worker finds in the
  // pre-rendered markup (sw.js, keepOpeningMonths): were that markup to
  // change, the worker would quietly stop keeping it.
  const html = fs.readFileSync(path.join(tmp, 'site/index.html'), 'utf8');
  const opening = /data-month="(\d{4}-\d{2})"/.exec(html)?.[1];
  assert.ok(opening, 'the pre-rendered view names its month');
  assert.ok(kept.includes(`/calendar/months/${opening}.json`), `${opening}: ${kept.join(' ')}`);
  assert.ok(!kept.some((p) => /\/feed\.(json|atom)$/.test(p)), kept.join(' '));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the search index, once fetched, is kept for offline like the months', async () => {
  await site.publish(original);
  const page = await controlled();
  const read = () => page.evaluate(async () => {
    try {
      const response = await fetch('months/search.txt');
      return response.ok ? (await response.text()).split('\n')[0] : `status ${response.status}`;
    } catch (e) {
      return String(e);
    }
  });
  // As the page asks for it at a search, through the worker.
  assert.match(await read(), /^iguren-search 2 \d+ \d+ \d+$/);
  await page.context().setOffline(true);
  assert.match(await read(), /^iguren-search 2 \d+ \d+ \d+$/, 'kept');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
