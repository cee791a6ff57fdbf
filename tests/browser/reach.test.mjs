// Reaching members where they are (issue #15), in headless Chromium:
// signing up from the detail (the form, the prefilled e-mail, a call, the
// FAX sheet; the deadline), the FAX sheet printed to PDF, QR codes decoded
// with jsQR from what Chromium drew, the schema.org JSON-LD of every share
// page, the sitemap, and the embeddable list at 320 px with axe-core.
//
// The shipped data has no site.url, so the build makes no QR codes; a copy
// of the site is published here with an address (target/dist-url), as a
// maintainer who sets `site.url` would get. Run with the other browser
// tests: DIST=dist node --test tests/browser/.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { serve, launch, open, ready, axe, NOW } from './harness.mjs';

const dist = process.env.DIST ?? 'dist';
const calendarTool = process.env.CALENDAR ?? 'target/release/calendar';
const ADDRESS = 'https://calendar.example.org/iguren/';
const data = JSON.parse(fs.readFileSync(path.join(dist, 'events.json'), 'utf8'));
const SALON = 'kawasaki-salon-2004-02-25';
const jsqr = fs.readFileSync(new URL('./node_modules/jsqr/dist/jsQR.js', import.meta.url), 'utf8');

let server; // the shipped build
let withUrl; // the same site published with site.url
let browser;
const urlDist = 'target/dist-url';

before(async () => {
  // A sign-up on the salon: a form, a deadline, a note (the shipped data
  // has none: the newsletter gave no form).
  const signup = structuredClone(data);
  const salon = signup.events.find((e) => e.id === SALON);
  salon.registration = { url: 'https://forms.example.jp/salon', deadline: '2004-02-20', note: '先着40名' };
  fs.mkdirSync('target', { recursive: true });
  fs.writeFileSync('target/signup.json', JSON.stringify(signup));
  server = await serve(dist, { extra: { '/signup.json': 'target/signup.json' } });

  fs.rmSync(urlDist, { recursive: true, force: true });
  fs.cpSync(dist, urlDist, { recursive: true });
  const addressed = structuredClone(data);
  addressed.site.url = ADDRESS;
  fs.writeFileSync(path.join(urlDist, 'events.json'), JSON.stringify(addressed, null, 2));
  execFileSync(calendarTool, ['publish', path.join(urlDist, 'events.json'), urlDist], { stdio: 'pipe' });
  withUrl = await serve(urlDist);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
  await withUrl?.close();
});

/** A page whose clock reads `time` (Tokyo; NOW when null), at a phone's
 * size unless told; the test waits for what it needs. */
const at = (url, time, { width = 390, height = 844, scale = 1 } = {}) =>
  open(browser, url, { width, height, scale, now: time ?? NOW, ready: false });

/** Decodes the QR code in a PNG (what Chromium drew) with jsQR. */
async function decode(png) {
  const page = await open(browser);
  await page.evaluate(jsqr);
  const text = await page.evaluate(async (b64) => {
    const blob = await (await fetch(`data:image/png;base64,${b64}`)).blob();
    const bitmap = await createImageBitmap(blob);
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(bitmap, 0, 0);
    const img = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
    return window.jsQR(img.data, img.width, img.height)?.data ?? null;
  }, png.toString('base64'));
  await page.context().close();
  return text;
}

const mailParts = (href) => {
  const url = new URL(href);
  return { to: decodeURIComponent(url.pathname), subject: url.searchParams.get('subject'), body: url.searchParams.get('body') };
};

test('before the deadline: the form is the main button, then mail, call and FAX, with the addresses as text', async () => {
  const page = await at(`${server.url}?src=signup.json&e=${SALON}`, '2004-02-10T12:00:00+09:00');
  await ready(page);
  const box = page.locator('[data-testid="signup"]');
  await box.waitFor();
  const form = box.locator('[data-testid="signup-form"]');
  assert.equal(await form.getAttribute('href'), 'https://forms.example.jp/salon');
  assert.match(await form.getAttribute('class'), /primary/);
  assert.equal(await form.textContent(), '申込フォームを開く');
  const text = (await box.textContent()).replace(/\s+/g, '');
  assert.ok(text.includes('申込締切：2004年2月20日(金)まで'), text);
  assert.ok(text.includes('先着40名'));
  // The address and numbers are there as text too.
  for (const shown of ['shigeo.tanaka@m2.people.or.jp', 'TEL045-633-5192', 'FAX045-633-5194']) {
    assert.ok(text.includes(shown), `${shown} in ${text}`);
  }
  const mail = mailParts(await box.locator('[data-testid="signup-mail"]').getAttribute('href'));
  assert.equal(mail.to, 'shigeo.tanaka@m2.people.or.jp');
  assert.equal(mail.subject, '参加申込：かわさき経済人ネットワークサロン 第1回会合（発足会）（2004年2月25日(水)）');
  const lines = mail.body.split('\r\n');
  assert.equal(lines[2], 'イベント：かわさき経済人ネットワークサロン 第1回会合（発足会）');
  assert.equal(lines[3], '日時：2004年2月25日(水) 18:00〜20:30');
  for (const field of ['氏名：', '会社名：', '電話：', '参加人数：']) assert.ok(lines.includes(field), `${field} in ${lines}`);
  assert.equal(await box.locator('[data-testid="signup-tel"]').getAttribute('href'), 'tel:0456335192');
  const fax = box.locator('[data-testid="signup-fax"]');
  assert.equal(await fax.getAttribute('href'), `fax/${SALON}.html`);
  assert.equal(await fax.textContent(), 'FAX申込書を印刷');
  // The link reaches the sheet.
  assert.equal((await page.request.get(new URL(`fax/${SALON}.html`, server.url).href)).status(), 200);
  assert.deepEqual(await axe(page), []);
  // In English, the same buttons in English; the mail stays Japanese.
  await page.keyboard.press('Escape');
  await page.click('[data-testid="lang"]');
  await page.goto(`${server.url}?src=signup.json&e=${SALON}`);
  await ready(page);
  await page.waitForFunction(() => document.querySelector('[data-testid="signup-form"]')?.textContent === 'Open the sign-up form');
  assert.match(await box.textContent(), /Deadline: until Fri, Feb 20, 2004/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('after the deadline the button says so and the sign-up links are gone', async () => {
  const page = await at(`${server.url}?src=signup.json&e=${SALON}`, '2004-02-21T00:01:00+09:00');
  await ready(page);
  const box = page.locator('[data-testid="signup"]');
  assert.equal(await box.locator('[data-testid="signup-closed"]').textContent(), '申込締切を過ぎました');
  assert.equal(await box.locator('a').count(), 0);
  assert.match(await box.textContent(), /2004年2月20日\(金\)まで/);
  await page.context().close();
});

test('an event without a form: mail is the main button; a phone-only contact gets a call button', async () => {
  const page = await at(`${server.url}?e=${SALON}`, '2004-02-10T12:00:00+09:00');
  await ready(page);
  const mail = page.locator('[data-testid="signup-mail"]');
  assert.match(await mail.getAttribute('class'), /primary/);
  assert.equal(await page.locator('[data-testid="signup-form"]').count(), 0);
  await page.goto(`${server.url}?e=boshoku-seminar-2004-03-03`);
  await ready(page);
  const box = page.locator('[data-testid="signup"]');
  assert.equal(await box.locator('a').count(), 1);
  assert.match(await box.locator('[data-testid="signup-tel"]').getAttribute('href'), /^tel:\d+$/);
  // A past event offers no sign-up (the shipped site today: all is 2004).
  await page.clock.setFixedTime(new Date('2026-12-01T12:00:00+09:00'));
  await page.reload();
  await ready(page);
  assert.equal(await page.locator('[data-testid="signup"]').count(), 0);
  await page.context().close();
});

test('the FAX sheet prints on one A4 page with the event, lines to fill, the FAX number and the contact', async () => {
  const page = await at(`${withUrl.url}fax/${SALON}.html`, null, { width: 1280, height: 900 });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  fs.writeFileSync('target/fax-sheet.pdf', pdf);
  const box = pdf.toString('latin1').match(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/);
  assert.ok(Math.abs(Number(box[1]) - 595) < 2 && Math.abs(Number(box[2]) - 842) < 2, `A4 portrait, not ${box[1]} x ${box[2]}`);
  const raw = execFileSync('pdftotext', ['-layout', 'target/fax-sheet.pdf', '-'], { encoding: 'utf8' });
  const pages = raw.split('\f').map((p) => p.replace(/\s+/g, '')).filter((p) => p);
  assert.equal(pages.length, 1, 'one page');
  const text = pages[0];
  for (const part of ['FAX申込書', 'FAX045-633-5194', '宛先：', 'かわさき経済人ネットワークサロン第1回会合（発足会）',
    '2004年2月25日(水)18:00〜20:30', 'かながわサイエンスパーク', '1,000円', '氏名', '会社名', '電話', '参加人数', '通信欄',
    'shigeo.tanaka@m2.people.or.jp', 'TEL045-633-5192', '詳しくはこちら']) {
    assert.ok(text.includes(part), `"${part}" on the sheet: ${text}`);
  }
  assert.ok(!text.includes('印刷する'), 'the print button is not printed');
  // The FAX number is the largest text on the sheet.
  const sizes = await page.$$eval('main *', (els) => els.filter((e) => e.textContent.trim()).map((e) => [e.className, parseFloat(getComputedStyle(e).fontSize)]));
  const fax = sizes.find(([c]) => c === 'fax')[1];
  assert.ok(sizes.every(([, s]) => s <= fax), 'the FAX number is the largest');
  await page.context().close();
});

test('QR codes on the share page, the FAX sheet and the printed month decode to their addresses', async () => {
  // The share page moves on into the app at once: read it without scripts.
  const share = await open(browser, `${withUrl.url}e/${SALON}.html`, { javaScriptEnabled: false, scale: 2 });
  const sharePage = `${ADDRESS}e/${SALON}.html`;
  assert.equal(await decode(await share.locator('figure.qr svg').screenshot()), sharePage);
  await share.context().close();

  const sheet = await at(`${withUrl.url}fax/${SALON}.html`, null, { scale: 2, width: 900 });
  assert.equal(await decode(await sheet.locator('figure svg').screenshot()), sharePage);
  await sheet.context().close();

  const month = await at(`${withUrl.url}?month=2004-02`, null, { scale: 3, width: 1280, height: 900 });
  await ready(month);
  await month.emulateMedia({ media: 'print' });
  const img = month.locator('[data-testid="print-qr"] img');
  await img.waitFor();
  await month.waitForFunction(() => document.querySelector('[data-testid="print-qr"] img').complete);
  assert.equal(await decode(await img.screenshot()), ADDRESS);
  // On paper, beside the month; on screen, nowhere.
  const pdf = await month.pdf({ preferCSSPageSize: true, printBackground: true });
  fs.writeFileSync('target/print-month-url.pdf', pdf);
  const raw = execFileSync('pdftotext', ['-layout', 'target/print-month-url.pdf', '-'], { encoding: 'utf8' });
  assert.ok(raw.split('\f')[0].includes(ADDRESS), 'the address under the code on page 1');
  assert.equal(raw.split('\f').filter((p) => p.trim()).length, 2, 'still the month and its list on two pages');
  await month.emulateMedia({ media: 'screen' });
  assert.equal(await img.isVisible(), false);
  await month.context().close();

  // Without site.url (the shipped build) there are no codes at all.
  assert.ok(!fs.readFileSync(path.join(dist, `e/${SALON}.html`), 'utf8').includes('<svg'));
  assert.ok(!fs.existsSync(path.join(dist, 'qr/calendar.svg')));
});

/** The JSON-LD of a share page, as Chromium's HTML parser hands it over. */
async function jsonld(page, id) {
  await page.goto(`${withUrl.url}e/${id}.html`, { waitUntil: 'domcontentloaded' });
  return page.$eval('script[type="application/ld+json"]', (s) => JSON.parse(s.textContent));
}

test('every share page carries schema.org Event data with what Google requires and recommends', async () => {
  const page = await open(browser, null, { javaScriptEnabled: false });
  const projects = new Map(data.projects.map((p) => [p.id, p]));
  const noAddress = [];
  for (const e of data.events) {
    const ld = await jsonld(page, e.id);
    assert.equal(ld['@context'], 'https://schema.org');
    assert.equal(ld['@type'], 'Event');
    // Required: name, startDate, location with its address (when the data knows it).
    assert.equal(ld.name, (e.status === 'cancelled' ? '【中止】' : '') + e.title, e.id);
    const timed = e.start.includes('T');
    assert.equal(ld.startDate, timed ? `${e.start}:00+09:00` : e.start, e.id);
    if (e.venue?.address) {
      assert.equal(ld.location['@type'], 'Place');
      assert.equal(ld.location.address['@type'], 'PostalAddress');
      assert.equal(ld.location.address.streetAddress, e.venue.address);
      assert.ok(ld.location.name, `${e.id}: the place's name`);
    } else {
      noAddress.push(e.id);
    }
    // Recommended: endDate, eventStatus, eventAttendanceMode, description,
    // organizer (name, url), performer, image.
    if (e.end) assert.equal(ld.endDate, timed ? `${e.end}:00+09:00` : e.end, e.id);
    else if (!timed) assert.equal(ld.endDate, e.start, e.id);
    else assert.equal(ld.endDate, undefined, `${e.id}: no end is made up`);
    assert.equal(ld.eventStatus, e.status === 'cancelled' ? 'https://schema.org/EventCancelled' : 'https://schema.org/EventScheduled');
    assert.equal(ld.eventAttendanceMode, 'https://schema.org/OfflineEventAttendanceMode');
    assert.ok(ld.description?.length > 0, e.id);
    assert.equal(ld.organizer.name, projects.get(e.project).name.ja ?? projects.get(e.project).name);
    assert.ok(ld.organizer.url?.startsWith('http'), e.id);
    assert.equal(ld.url, `${ADDRESS}e/${e.id}.html`);
    assert.deepEqual(ld.image, [`${ADDRESS}icons/icon-512.png`]);
    assert.equal(Boolean(ld.performer), (e.speakers ?? []).length > 0, e.id);
  }
  // Only events whose venue has no address in the data lack the address.
  assert.deepEqual(noAddress, data.events.filter((e) => !e.venue?.address).map((e) => e.id));
  await page.context().close();
  // The image it names is there.
  assert.ok(fs.existsSync(path.join(urlDist, 'icons/icon-512.png')));
});

test('sitemap.xml lists the calendar and every share page; robots.txt names it', () => {
  const sitemap = fs.readFileSync(path.join(urlDist, 'sitemap.xml'), 'utf8');
  const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
  assert.deepEqual(locs, [ADDRESS, ...data.events.map((e) => `${ADDRESS}e/${e.id}.html`)]);
  const robots = fs.readFileSync(path.join(urlDist, 'robots.txt'), 'utf8');
  assert.match(robots, new RegExp(`^Sitemap: ${ADDRESS}sitemap.xml$`, 'm'));
});

test('the embed at 320 px: the next events of the chosen projects, opening the calendar in a new tab, no axe violations', async () => {
  const requests = [];
  const page = await at(`${server.url}embed.html?p=hojokin,kawasaki-salon&n=3`, '2004-02-01T09:00:00+09:00', { width: 320, height: 480 });
  page.on('request', (r) => requests.push(r.url()));
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
  const ids = await page.$$eval('[data-testid="embed"] li', (lis) => lis.map((l) => l.dataset.eventId));
  assert.deepEqual(ids, ['hojokin-seminar-kanazawa-2004-02-17', SALON, 'hojokin-seminar-2004-02-26']);
  const links = await page.$$eval('[data-testid="embed"] a', (as) => as.map((a) => [a.getAttribute('href'), a.target, a.rel]));
  assert.ok(links.every(([, target, rel]) => target === '_blank' && rel === 'noopener'), JSON.stringify(links));
  assert.ok(links.some(([href]) => href === `./?e=${SALON}`));
  assert.equal(links.at(-1)[0], './?p=hojokin,kawasaki-salon');
  const text = await page.textContent('[data-testid="embed"]');
  assert.match(text, /2004年2月17日\(火\) 14:00〜17:00/);
  assert.match(text, /公的補助金プロジェクト/);
  // No horizontal scrolling at 320 px.
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 320));
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(page.errors, []);
  // Light: no WebAssembly, nothing from elsewhere.
  await page.reload();
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
  assert.ok(requests.every((r) => r.startsWith(server.origin)), requests.join(' '));
  assert.ok(!requests.some((r) => r.endsWith('.wasm')), requests.join(' '));
  await page.context().close();
});

test('the embed in English, in an iframe, and with a project that does not exist', async () => {
  const page = await at(`${server.url}embed.html?lang=en&n=2&p=nope,hojokin`, '2004-02-01T09:00:00+09:00', { width: 320, height: 480 });
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  const text = await page.textContent('[data-testid="embed"]');
  assert.match(text, /p=: no project "nope" in the calendar/);
  assert.match(text, /Tue, Feb 17, 2004, 14:00–17:00/);
  assert.equal(await page.locator('li').count(), 2);
  assert.deepEqual(await axe(page), []);
  // As a member group's page embeds it: a page of another origin (the
  // second server's port).
  fs.writeFileSync(path.join(urlDist, 'host.html'),
    `<!doctype html><html lang="ja"><title>会員のページ</title><iframe title="予定" src="${server.url}embed.html?p=kawasaki-salon" width="320" height="300"></iframe></html>`);
  await page.goto(`${withUrl.url}host.html`);
  const frame = page.frameLocator('iframe');
  await frame.locator('h1 a').waitFor();
  assert.equal(await frame.locator('h1 a').getAttribute('target'), '_blank');
  // After the last event: says so, and still links to the calendar.
  await page.clock.setFixedTime(new Date('2026-12-01T12:00:00+09:00'));
  await page.goto(`${server.url}embed.html`);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
  assert.match(await page.textContent('[data-testid="embed"]'), /これからの予定はありません/);
  await page.context().close();
});
