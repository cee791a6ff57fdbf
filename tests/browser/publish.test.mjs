// Publishing anywhere static: the release build served from a sub-folder,
// asking nothing of any other origin, under its Content-Security-Policy,
// with share pages that lead into the app. Run with the other browser
// tests: DIST=dist node --test tests/browser/.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, eventIds } from './harness.mjs';

const dist = process.env.DIST ?? 'dist';
let server;
let browser;

before(async () => {
  server = await serve(dist, { prefix: '/calendar/' });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens a page that records every CSP violation (its requests are
 * `page.requests`). */
const watched = (url) => open(browser, url, {
  init: () => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  },
});

test('served from a sub-folder, every asset, data and .ics link works', async () => {
  const page = await watched(`${server.url}?month=2004-02&e=kawasaki-salon-2004-02-25`);
  assert.ok((await eventIds(page, '[data-testid="month-grid"]')).includes('kawasaki-salon-2004-02-25'));
  for (const r of page.requests) {
    const u = new URL(r);
    if (u.protocol === 'http:') assert.ok(u.pathname.startsWith('/calendar/'), `${r} is outside the sub-folder`);
  }
  const ics = await page.$eval('[data-testid="event-detail"] a[href$=".ics"]', (a) => a.href);
  assert.ok(ics.startsWith(`${server.url}ics/event/`), ics);
  assert.equal((await page.request.get(ics)).status(), 200);
  // Subscription links are built from the page's own address, drawn
  // once the panel is opened (here by the keyboard).
  assert.equal(await page.$('.subscribe a[href^="webcal:"]'), null, 'no feed rows while closed');
  await page.keyboard.press('Escape');
  await page.waitForSelector('[data-testid="event-detail"]', { state: 'hidden' });
  await page.focus('.subscribe summary');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.subscribe a[href^="webcal:"]');
  const webcal = await page.$$eval('a[href^="webcal:"]', (as) => as.map((a) => a.getAttribute('href')));
  assert.ok(webcal.length > 0 && webcal.every((h) => h.startsWith(`webcal://127.0.0.1:${new URL(server.url).port}/calendar/ics/`)), webcal.join(' '));
  await page.context().close();
});

test('the page asks no other origin for anything', async () => {
  for (const url of [`${server.url}?month=2004-02`, `${server.url}?view=list&past=1`, `${server.url}?e=boshoku-seminar-2004-03-03`]) {
    const page = await watched(url);
    await page.waitForTimeout(300);
    const foreign = page.requests.filter((r) => !r.startsWith(server.origin) && !r.startsWith('data:') && !r.startsWith('blob:'));
    assert.deepEqual(foreign, [], url);
    await page.context().close();
  }
});

test('a Content-Security-Policy is in force and nothing breaks it', async () => {
  const page = await watched(`${server.url}?month=2004-02&e=kawasaki-salon-2004-02-25`);
  const csp = await page.$eval('meta[http-equiv="Content-Security-Policy"]', (m) => m.content);
  assert.match(csp, /default-src 'self'/);
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
  assert.doesNotMatch(csp, /script-src[^;]*'unsafe-inline'/);
  // The policy really applies: an injected inline script does not run.
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__injected = true';
    document.head.append(s);
  });
  assert.equal(await page.evaluate(() => window.__injected ?? false), false);
  const violations = (await page.evaluate(() => window.__violations)).filter((v) => !v.startsWith('script-src-elem inline') && !v.startsWith('script-src inline'));
  assert.deepEqual(violations, [], 'only the injected script was blocked');
  // The console says so too; nothing else went wrong.
  assert.deepEqual(page.errors.filter((e) => !/inline script/.test(e)), []);
  await page.context().close();
});

test('a share page carries the event for chat previews and leads into the app', async () => {
  const res = await fetch(`${server.url}e/kawasaki-salon-2004-02-25.html`);
  const html = await res.text();
  assert.match(html, /<meta property="og:title" content="かわさき経済人ネットワークサロン 第1回会合（発足会）">/);
  assert.match(html, /og:description" content="2004年2月25日\(水\) 18:00〜20:30/);
  const page = await watched(`${server.url}e/kawasaki-salon-2004-02-25.html`);
  await page.waitForSelector('[data-testid="event-detail"]');
  assert.ok(page.url().startsWith(`${server.url}?e=kawasaki-salon-2004-02-25`), page.url());
  await page.context().close();
});
