// The opening view that the build pre-renders into index.html
// (src/prerender.rs, written by `calendar publish`): what a browser without
// JavaScript shows, and how the app takes its place. Run: DIST=dist node
// --test tests/browser/ (make test).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, eventIds } from './harness.mjs';

const dist = process.env.DIST ?? 'dist';
let server;
let browser;

before(async () => {
  server = await serve(dist);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const grid = '[data-testid="month-grid"]';
const pre = '#prerender';

// Runs before the page's scripts: at every animation frame (each one is
// followed by a paint), notes whether the pre-rendered view, the app's
// grid, both or neither are in the page; and sums the layout shifts.
const WATCH = () => {
  const w = (window.__watch = { frames: [], cls: 0 });
  const look = () => {
    const p = !!document.getElementById('prerender');
    const g = !!document.querySelector('[data-testid="month-grid"]');
    const state = p && g ? 'both' : p ? 'pre' : g ? 'app' : 'none';
    if (w.frames[w.frames.length - 1] !== state) w.frames.push(state);
    requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) w.cls += e.value;
  }).observe({ type: 'layout-shift', buffered: true });
};

test('without JavaScript: the opening month, its events, the past or upcoming list, each with its page and .ics', async () => {
  const page = await open(browser, server.url, { javaScriptEnabled: false });
  // Every event of the 2004 newsletter is past: the month of the latest one.
  assert.match(await page.textContent(`${pre} .month-heading`), /2004年（平成16年）3月/);
  assert.ok(await page.$(`${pre} [role="grid"] [data-date="2004-03-03"]`));
  assert.deepEqual(await eventIds(page, `${pre} [role="grid"]`), ['boshoku-seminar-2004-03-03']);
  assert.match(await page.textContent(`${pre} .day-panel`), /2004年3月3日\(水\)/);
  // The list: past events, newest first, each a link to its share page
  // and its .ics file.
  const listed = await eventIds(page, `${pre} .prerendered-list`);
  assert.ok(listed.length >= 10, `${listed.length} listed`);
  assert.equal(listed[0], 'boshoku-seminar-2004-03-03');
  const first = await page.$(`${pre} .prerendered-list a[data-event-id="${listed[0]}"]`);
  assert.equal(await first.getAttribute('href'), `e/${listed[0]}.html`);
  assert.ok(await page.$(`${pre} .prerendered-list a[href="ics/event/${listed[0]}.ics"]`));
  assert.match(await page.textContent(`${pre} .prerendered-list`), /JavaScript を有効にすると/);
  // Every project with its feed.
  assert.ok(await page.$(`${pre} .subscribe a[href="ics/project/hojokin.ics"]`));
  // The event's page, still without JavaScript: its title and when.
  await first.click();
  await page.waitForURL(/\/e\/boshoku-seminar-2004-03-03\.html$/);
  assert.match(await page.textContent('h1'), /防食/);
  assert.match(await page.textContent('body'), /2004年3月3日\(水\)/);
  // And its calendar file is a real one.
  const ics = await (await fetch(`${server.url}ics/event/${listed[0]}.ics`)).text();
  assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
  await page.context().close();
});

for (const [label, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 390, height: 844 }]]) {
  test(`with JavaScript (${label}): the app takes over in one frame, same events, no layout shift`, async () => {
    const before = await open(browser, server.url, { ...viewport, javaScriptEnabled: false });
    const preGrid = await eventIds(before, `${pre} [role="grid"]`);
    const preHeading = await before.textContent(`${pre} .month-heading`);
    await before.context().close();

    const page = await open(browser, server.url, { ...viewport, init: WATCH });
    // Two more frames, so the watch sees the state after ready.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    assert.equal(await page.$(pre), null, 'the pre-rendered view is gone');
    assert.deepEqual(await eventIds(page, grid), preGrid, 'the same events in the grid');
    assert.equal(await page.textContent('.month-heading'), preHeading);
    const { frames, cls } = await page.evaluate(() => window.__watch);
    // Painted frames, after the document's first ones (before its body
    // arrives): the pre-rendered view, then the app; never both, never a
    // blank page between.
    const shown = frames.slice(frames.findIndex((f) => f !== 'none'));
    assert.deepEqual(shown, ['pre', 'app'], frames.join(' → '));
    assert.ok(cls <= 0.05, `layout shift ${cls}`);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}

test('a URL that asks for another month: the app draws it in place of the pre-rendered one', async () => {
  const page = await open(browser, `${server.url}?month=2004-02`);
  assert.equal(await page.$(pre), null);
  assert.match(await page.textContent('.month-heading'), /2004年（平成16年）2月/);
  assert.equal(await page.$$eval('.month-grid', (g) => g.length), 1);
  await page.context().close();
});
