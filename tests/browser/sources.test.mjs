// Other calendars in the page (issue #14): the build fetches two sources
// from a local server (one then fails), publishes into a copy of dist/,
// and the page shows the 「他地域・他団体」 filters, imported events in
// the month and list views and in search, the provenance line in the
// detail, and the stale-source notice. Nothing leaves 127.0.0.1; the page
// itself only asks its own origin.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { serve, launch, open, eventIds, calendar } from './harness.mjs';

const dist = path.resolve(process.env.DIST ?? 'dist');
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
let origin; // the sources' server
let failing = false;
let originHits = 0;
let site;
let server;
let browser;

// This test's "now", for the build and every page: 1 December 2026 at noon
// in Tokyo, two days after the last good fetch of osaka, before the
// fixtures' December events (so the list's "upcoming" holds them).
const AT = new Date('2026-12-01T12:00:00+09:00');
const at = (url, options = {}) => open(browser, url, { now: AT, ...options });


before(async () => {
  origin = http.createServer((req, res) => {
    originHits += 1;
    if (req.url === '/tokyo.json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(fs.readFileSync(path.join(root, 'tests/fixtures/sources/good.json')));
    } else if (req.url === '/osaka.ics' && !failing) {
      res.writeHead(200, { 'content-type': 'text/calendar' });
      res.end(fs.readFileSync(path.join(root, 'tests/fixtures/sources/good.ics')));
    } else {
      res.writeHead(500);
      res.end();
    }
  });
  await new Promise((ok) => origin.listen(0, '127.0.0.1', ok));
  const port = origin.address().port;

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'iguren-sources-'));
  fs.mkdirSync(path.join(tmp, 'data'));
  fs.copyFileSync(path.join(root, 'public/events.json'), path.join(tmp, 'data/events.json'));
  fs.writeFileSync(path.join(tmp, 'data/sources.json'), JSON.stringify({
    sources: [
      { id: 'tokyo', name: { ja: '東京都異業種交流グループ連絡会', en: 'Tokyo inter-industry groups' }, url: `https://127.0.0.1:${port}/tokyo.json`, format: 'events-json', color: '#00695c' },
      { id: 'osaka', name: { ja: '大阪異業種交流会', en: 'Osaka groups' }, url: `https://127.0.0.1:${port}/osaka.ics`, format: 'ics', color: '#ad1457' },
    ],
  }));
  const events = path.join(tmp, 'data/events.json');
  // 11月29日 6:00 in Tokyo: both fetched. A day later osaka fails.
  await calendar(['fetch', events, '--now', '2026-11-28T21:00:00Z', '--allow-insecure-localhost'], { now: AT });
  failing = true;
  await calendar(['fetch', events, '--now', '2026-11-29T21:00:00Z', '--allow-insecure-localhost'], { now: AT });
  site = path.join(tmp, 'site');
  fs.cpSync(dist, site, { recursive: true });
  await calendar(['publish', events, site], { now: AT });
  server = await serve(site);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
  await new Promise((ok) => origin?.close(ok));
});

test('the sources have their own filter group, each in its colour, the stale one said', async () => {
  const page = await at(`${server.url}?month=2026-12`);
  const group = page.locator('[data-testid="source-filters"]');
  assert.match(await group.locator('legend').innerText(), /他地域・他団体/);
  const ids = await group.locator('input[data-source-id]').evaluateAll((els) => els.map((e) => e.dataset.sourceId));
  assert.deepEqual(ids, ['tokyo', 'osaka']);
  // Not project checkboxes (the DOM contract keeps those for projects).
  assert.equal(await page.locator('input[data-project-id="tokyo"]').count(), 0);
  assert.match(await group.locator('input[data-source-id="osaka"]').getAttribute('style'), /#ad1457/);
  const stale = page.locator('[data-testid="source-filters"] [data-testid="source-stale"][data-source-id="osaka"]');
  assert.equal(await stale.innerText(), '取得できませんでした（最終成功: 11月29日 6:00）');
  assert.equal(await page.locator('[data-testid="source-filters"] [data-testid="source-stale"][data-source-id="tokyo"]').count(), 0);

  // Imported events in the month grid; unticking a source hides its events.
  const shown = await eventIds(page, '[data-testid="month-grid"]');
  assert.ok(shown.some((id) => id.startsWith('tokyo-')), shown.join(' '));
  assert.ok(shown.some((id) => id.startsWith('osaka-')), shown.join(' '));
  await group.locator('input[data-source-id="tokyo"]').uncheck();
  await page.waitForFunction(() => !document.querySelector('[data-testid="month-grid"] [data-event-id^="tokyo-"]'));
  assert.ok((await eventIds(page, '[data-testid="month-grid"]')).some((id) => id.startsWith('osaka-')));
  assert.deepEqual(page.errors, []);
});

test('imported events are in the list and in search, and the detail says where they come from', async () => {
  const page = await at(`${server.url}?view=list&q=${encodeURIComponent('フォーラム')}`);
  const ids = (await eventIds(page, '[data-testid="list-view"]')).filter((id) => /^(tokyo|osaka)-/.test(id));
  assert.equal(ids.length, 1, ids.join(' '));
  assert.ok(ids[0].startsWith('tokyo-'));
  await page.locator(`[data-testid="list-view"] [data-event-id="${ids[0]}"]`).first().click();
  const detail = page.locator('[data-testid="event-detail"]');
  await detail.waitFor();
  const line = await detail.locator('[data-testid="provenance"]').innerText();
  assert.match(line, /^提供: 東京都異業種交流グループ連絡会 ・ 最終取得 2026年11月30日 6:00 元のカレンダー/);
  assert.match(await detail.locator('[data-testid="provenance"] a').getAttribute('href'), /^https:\/\/127\.0\.0\.1:\d+\/tokyo\.json$/);
  // Its .ics is published and keeps the origin's UID.
  const href = await detail.locator('a[href$=".ics"]').first().getAttribute('href');
  const ics = await (await fetch(new URL(href, page.url()))).text();
  assert.match(ics, /\r\nUID:forum-2026-12-03@tokyo-igyoshu\.example\r\n/);
  assert.deepEqual(page.errors, []);
});

test('an event of the stale source says so in its detail', async () => {
  const page = await at(`${server.url}?view=list&q=${encodeURIComponent('東京ビジネス展示会')}`);
  const ids = (await eventIds(page, '[data-testid="list-view"]')).filter((id) => /^(tokyo|osaka)-/.test(id));
  assert.ok(ids.length === 1 && ids[0].startsWith('osaka-'), ids.join(' '));
  await page.locator(`[data-testid="list-view"] [data-event-id="${ids[0]}"]`).first().click();
  const line = await page.locator('[data-testid="event-detail"] [data-testid="provenance"]').innerText();
  assert.match(line, /提供: 大阪異業種交流会 ・ 最終取得 2026年11月29日 6:00/);
  assert.match(line, /取得できませんでした（最終成功: 11月29日 6:00）/);
});

test('the pre-rendered opening view has the sources too, so the app takes over with the same events', async () => {
  const still = await at(server.url, { javaScriptEnabled: false });
  const heading = await still.textContent('#prerender .month-heading');
  const preIds = await eventIds(still, '#prerender [role="grid"]');
  assert.ok(preIds.some((id) => /^(tokyo|osaka)-/.test(id)), preIds.join(' '));
  assert.match(await still.textContent('#prerender fieldset.sources legend'), /他地域・他団体/);
  assert.match(await still.textContent('#prerender fieldset.sources'), /取得できませんでした/);
  assert.ok(await still.$('#prerender a[href="ics/federation.ics"]'));
  // An imported event has its own page, readable without JavaScript.
  const imported = preIds.find((id) => /^(tokyo|osaka)-/.test(id));
  const res = await fetch(`${server.url}e/${imported}.html`);
  assert.equal(res.status, 200);
  await still.context().close();

  const page = await at(server.url);
  assert.equal(await page.$('#prerender'), null);
  assert.equal(await page.textContent('.month-heading'), heading);
  assert.deepEqual(await eventIds(page, '[data-testid="month-grid"]'), preIds);
  assert.deepEqual(page.errors, []);
});

test('the page asks only its own origin', async () => {
  const before = server.requests.length;
  const hits = originHits;
  const page = await at(`${server.url}?month=2026-12`);
  await page.waitForTimeout(300);
  const asked = server.requests.slice(before);
  // The sources' events come merged in the month files; the status says
  // where each comes from.
  assert.ok(asked.includes('/sources/status.json') && asked.includes('/months/2026-12.json'), asked.join(' '));
  assert.equal(originHits, hits, 'the page never asks the sources themselves');
  assert.deepEqual(page.errors, []);
});
