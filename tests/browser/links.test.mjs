// Every link the build publishes resolves (issue 24): the checker of
// links.mjs run on the release build (dist/) and on a site published with
// two other calendars (fetched from a local server, one of them an
// iCalendar feed) and a public address (site.url, so the sitemap, QR
// codes and absolute addresses are written too), both as if served from
// a sub-folder. First the checker itself, on a small site with known dead
// links. No browser: a few seconds.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { checkSite } from './links.mjs';
import { calendar } from './harness.mjs';

const dist = path.resolve(process.env.DIST ?? 'dist');
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const ADDRESS = 'https://calendar.example.org/iguren/';
let origin; // the other calendars' server
let withSources; // the site published with them


before(async () => {
  origin = http.createServer((req, res) => {
    const file = { '/tokyo.json': 'good.json', '/osaka.ics': 'good.ics' }[req.url];
    if (file) {
      res.writeHead(200);
      res.end(fs.readFileSync(path.join(root, 'tests/fixtures/sources', file)));
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise((ok) => origin.listen(0, '127.0.0.1', ok));
  const at = `https://127.0.0.1:${origin.address().port}`;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'iguren-links-'));
  fs.mkdirSync(path.join(tmp, 'data'));
  const data = JSON.parse(fs.readFileSync(path.join(root, 'public/events.json'), 'utf8'));
  data.site.url = ADDRESS;
  const events = path.join(tmp, 'data/events.json');
  fs.writeFileSync(events, JSON.stringify(data, null, 2));
  fs.writeFileSync(path.join(tmp, 'data/sources.json'), JSON.stringify({
    sources: [
      { id: 'tokyo', name: '東京都異業種交流グループ連絡会', url: `${at}/tokyo.json`, format: 'events-json', color: '#00695c' },
      { id: 'osaka', name: '大阪異業種交流会', url: `${at}/osaka.ics`, format: 'ics', color: '#ad1457', project: 'kawasaki-salon' },
      { id: 'gone', name: '取得できない会', url: `${at}/gone.ics`, format: 'ics', color: '#37474f' },
    ],
  }));
  await calendar(['fetch', events, '--now', '2026-11-28T21:00:00Z', '--allow-insecure-localhost']);
  withSources = path.join(tmp, 'site');
  fs.cpSync(dist, withSources, { recursive: true });
  await calendar(['publish', events, withSources]);
});
after(async () => {
  await new Promise((ok) => origin?.close(ok));
});

/** Writes a small site of `files` (path → text) into a fresh folder. */
function small(files) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iguren-links-small-'));
  for (const [p, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
    fs.writeFileSync(path.join(dir, p), text);
  }
  return dir;
}

test('the checker finds every kind of dead link, and only those', async () => {
  const dir = small({
    'index.html': `<!doctype html><link rel="manifest" href="manifest.webmanifest">
<script src="sw-register.js" defer></script>
<a href="e/a.html">ok</a> <a href='e/missing.html'>dead</a> <img src="/logo.png" alt="">
<a href="https://elsewhere.example/x.html">other site</a> <a href="mailto:a@example.org">mail</a>
<a href="#top">anchor</a> <a href="./?e=a&amp;view=list">the app</a>
<!-- <a href="commented.html"> --><script>location.replace("nowhere.html")</script>`,
    'e/a.html': '<a href="../?e=a">back</a><link rel="alternate" type="application/atom+xml" href="../feeds/a.atom">',
    'feed.json': JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', items: [{ id: 'tag:x', url: 'e/a.html' }, { id: 'tag:y', url: 'e/gone.html' }] }),
    'feed.atom': '<feed><link rel="alternate" href="./"/><entry><link href="e/b.html"/></entry></feed>',
    'sitemap.xml': '<urlset><url><loc>https://example.org/cal/e/a.html</loc></url><url><loc>https://example.org/cal/e/c.html</loc></url></urlset>',
    'manifest.webmanifest': JSON.stringify({ start_url: './', icons: [{ src: 'icons/192.png' }] }),
    'sw-register.js': "navigator.serviceWorker.register(new URL('sw.js', document.currentScript.src));",
    'sw.js': `self.addEventListener('install', (event) => event.waitUntil(
  caches.open('x').then(async (cache) => { for (const p of ['./', 'months/2026-12.json']) await cache.put(p, await fetch(new URL(p, self.location))); })));`,
    'embed.json': '{"url": "not/a/feed.html"}',
    'style.css': 'a { background: url("icons/bg.svg") } b { background: url(data:image/png;base64,AAAA) }',
  });
  const { dead, checked } = await checkSite(dir, { siteUrl: 'https://example.org/cal' });
  assert.equal(checked, 19);
  assert.deepEqual(dead.sort(), [
    'e/a.html: ../feeds/a.atom → no file feeds/a.atom',
    'feed.atom: e/b.html → no file e/b.html',
    'feed.json: e/gone.html → no file e/gone.html',
    'index.html (service worker sw.js): http://127.0.0.1:8080/calendar/months/2026-12.json → no file months/2026-12.json',
    'index.html: /logo.png → outside the sub-folder (/logo.png)',
    'index.html: e/missing.html → no file e/missing.html',
    'manifest.webmanifest: icons/192.png → no file icons/192.png',
    'sitemap.xml: https://example.org/cal/e/c.html → no file e/c.html',
    'style.css: icons/bg.svg → no file icons/bg.svg',
  ].sort());
});

/** The number of pages of `dir` whose name matches `pattern`. */
const count = (dir, pattern) => fs.readdirSync(dir, { recursive: true }).filter((f) => pattern.test(f)).length;

test('every link of the release build resolves, served from a sub-folder', async () => {
  const { dead, checked } = await checkSite(dist);
  // Not vacuous: at least the two feed links and the .ics of every share page.
  assert.ok(checked > 3 * count(dist, /^e\/.*\.html$/), `${checked} links checked`);
  assert.deepEqual(dead, [], `${dead.length} dead links:\n${dead.slice(0, 40).join('\n')}`);
});

test('every link of a site with other calendars and a public address resolves', async () => {
  // The imported events' pages are there to be checked.
  const pages = fs.readdirSync(path.join(withSources, 'e'));
  assert.ok(pages.some((p) => p.startsWith('tokyo-')) && pages.some((p) => p.startsWith('osaka-')), pages.join(' '));
  assert.ok(fs.existsSync(path.join(withSources, 'sitemap.xml')));
  const { dead, checked } = await checkSite(withSources, { siteUrl: ADDRESS });
  assert.ok(checked > 3 * count(withSources, /^e\/.*\.html$/), `${checked} links checked`);
  assert.deepEqual(dead, [], `${dead.length} dead links:\n${dead.slice(0, 40).join('\n')}`);
});
