// The editor page (edit/) as a maintainer uses it, in headless Chromium
// against the release build in dist/: adding an event at phone width,
// problems at their fields and fixed, the preview, the download checked by
// the real `calendar check` and shown by the member page, the draft after a
// reload, the rules that protect subscribers (id, delete -> cancel), 「次回を
// 作る」, and the commit with a token against a mock of GitHub's contents API
// (Playwright routing: nothing leaves the machine). Run with the other
// browser tests: DIST=dist node --test tests/browser/.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { serve, launch, open, ready, axe, editorPage, checkData } from './harness.mjs';

const dist = process.env.DIST ?? 'dist';
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'editor-test-'));
const data = JSON.parse(fs.readFileSync(path.join(dist, 'events.json'), 'utf8'));
let server;
let browser;

// Fixtures made from the shipped data: one with a problem, one naming its
// GitHub repository, and the file a test downloads (for the member page).
const withProblem = structuredClone(data);
withProblem.events.find((e) => e.id === 'nikkan-2004-02-25').start = '2004-02-30T18:30';
const withRepo = structuredClone(data);
withRepo.site.repository = 'iguren/calendar';
fs.writeFileSync(path.join(tmp, 'problem.json'), JSON.stringify(withProblem, null, 2) + '\n');
fs.writeFileSync(path.join(tmp, 'repo.json'), JSON.stringify(withRepo, null, 2) + '\n');
const downloaded = path.join(tmp, 'downloaded.json');

before(async () => {
  server = await serve(dist, {
    extra: {
      '/fixtures/problem.json': path.join(tmp, 'problem.json'),
      '/fixtures/repo.json': path.join(tmp, 'repo.json'),
      '/fixtures/downloaded.json': downloaded,
    },
  });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const editor = () => `${server.url}edit/`;
const { row, form, fieldError, phone } = editorPage;

test('adds an event at phone width: a problem at its field, fixed, previewed, downloaded, checked, shown to members', async () => {
  const page = await open(browser, editor(), phone);
  assert.ok(await page.$(row('nikkan-2004-02-25')), 'the list shows the site data');
  assert.deepEqual(await axe(page), [], 'axe on the list');
  await page.click('[data-testid="new-event"]');
  await page.waitForSelector(form);
  // A new event has no title yet: the checker's problem, in the form's words, at the field.
  const message = await page.textContent(fieldError('title'));
  assert.equal(message, 'タイトルを入力してください');
  assert.deepEqual(await axe(page), [], 'axe on a form with problems');
  await page.selectOption(`${form} [name="project"]`, 'nikkan');
  await page.fill(`${form} [name="start"]`, '2004/3/24');
  await page.press(`${form} [name="start"]`, 'Tab');
  await page.fill(`${form} [name="startTime"]`, '18時30分');
  await page.press(`${form} [name="startTime"]`, 'Tab');
  assert.equal(await page.inputValue(`${form} [name="start"]`), '2004-03-24');
  assert.equal(await page.inputValue(`${form} [name="startTime"]`), '18:30');
  // The proposed id follows project and date while unpublished.
  assert.equal(await page.inputValue(`${form} [name="id"]`), 'nikkan-2004-03-24');
  await page.fill(`${form} [name="title"]`, '第40回日韓ビジネス協議会');
  await page.fill(`${form} [name="venue.name"]`, '神奈川県産業振興センター');
  await page.waitForSelector(fieldError('title'), { state: 'detached' });
  assert.equal(await page.$$eval('[data-testid="field-error"]', (els) => els.length), 0);
  // A bad link (under その他, folded): the checker's message; then fixed.
  await page.click('[data-testid="more-fields"] > summary');
  await page.fill(`${form} [name="url"]`, 'javascript:alert(1)');
  assert.match(await page.textContent(fieldError('url')), /http:\/\/ か https:\/\/ で始めてください/);
  await page.fill(`${form} [name="url"]`, '');
  await page.waitForSelector(fieldError('url'), { state: 'detached' });
  // The preview: the member page's detail and month, marked 未公開.
  await page.click('[data-testid="preview-button"]');
  const preview = await page.waitForSelector('[data-testid="preview"]');
  const shown = await preview.textContent();
  assert.match(shown, /未公開/);
  assert.match(shown, /第40回日韓ビジネス協議会/);
  assert.match(shown, /3月24日\(水\)/);
  assert.ok(await page.$('[data-testid="preview"] [data-testid="month-grid"] [data-date="2004-03-24"]'));
  assert.deepEqual(await axe(page), [], 'axe on the preview');
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 375), 'no sideways scrolling');
  await page.click('[data-testid="back"]');
  // Downloading goes through the change review (変更点) first.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click('[data-testid="save-download"]').then(() => page.click('[data-testid="review-confirm"]')),
  ]);
  assert.equal(download.suggestedFilename(), 'events.json');
  await download.saveAs(downloaded);
  const result = checkData(downloaded);
  assert.equal(result.status, 0, result.stdout + result.stderr);
  const saved = JSON.parse(fs.readFileSync(downloaded, 'utf8'));
  const added = saved.events.find((e) => e.id === 'nikkan-2004-03-24');
  assert.equal(added.start, '2004-03-24T18:30');
  assert.match(added.updated, /\+09:00$/);
  assert.deepEqual(page.errors, []);
  // The member page shows it.
  const member = await open(browser, `${server.url}?src=/fixtures/downloaded.json&month=2004-03`);
  assert.ok(await member.$('[data-testid="month-grid"] [data-event-id="nikkan-2004-03-24"]'));
});

test('the file\'s problems are listed and each opens its field', async () => {
  const page = await open(browser, `${editor()}?src=/fixtures/problem.json`, phone);
  const problems = await page.textContent('[data-testid="file-problems"]');
  assert.match(problems, /2004年2月30日 は存在しない日付です/);
  assert.match(await page.textContent(`${row('nikkan-2004-02-25')} [data-testid="problem-count"]`), /1/);
  await page.click('[data-testid="file-problems"] button');
  await page.waitForSelector(form);
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('name')), 'start');
  assert.match(await page.textContent(fieldError('start')), /存在しない日付/);
  // Download is refused while the draft has problems.
  await page.click('[data-testid="back"]');
  await page.click('[data-testid="save-download"]');
  assert.match(await page.textContent('[data-testid="notice"]'), /問題が \d+ 件ある/);
  // English on the same switch as the member page.
  await page.click('[data-testid="lang"]');
  assert.match(await page.textContent('[data-testid="file-problems"]'), /2004-02-30 is not a real date/);
});

test('a reload mid-edit restores the draft and says so; leaving asks first', async () => {
  const page = await open(browser, editor());
  await page.click(row('nikkan-2004-02-25'));
  await page.fill(`${form} [name="title"]`, '日韓ビジネス協議会（会場変更）');
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.type()); d.accept(); });
  await page.reload();
  await ready(page);
  assert.match(await page.textContent('[data-testid="notice"]'), /前回の下書きを復元しました/);
  await page.click(row('nikkan-2004-02-25'));
  assert.equal(await page.inputValue(`${form} [name="title"]`), '日韓ビジネス協議会（会場変更）');
  assert.ok(dialogs.every((t) => t === 'beforeunload'), dialogs.join());
});

test('the id of a published event cannot change; deleting it offers 中止 first', async () => {
  const page = await open(browser, editor(), phone);
  await page.click(row('nikkan-2004-02-25'));
  await page.click('[data-testid="more-fields"] > summary');
  await page.fill(`${form} [name="id"]`, 'nikkan-renamed');
  await page.press(`${form} [name="id"]`, 'Tab');
  assert.match(await page.textContent('[data-testid="id-refused"]'), /公開済みの予定のID「nikkan-2004-02-25」は変えられません/);
  assert.equal(await page.inputValue(`${form} [name="id"]`), 'nikkan-2004-02-25');
  await page.click('[data-testid="delete-event"]');
  await page.waitForSelector('[data-testid="cancel-event"]');
  assert.equal(await page.$('[data-testid="delete-confirm"]'), null, 'a real delete needs a second step');
  await page.click('[data-testid="delete-anyway"]');
  await page.waitForSelector('[data-testid="delete-confirm"]');
  await page.click('[data-testid="cancel-event"]');
  assert.equal(await page.inputValue(`${form} [name="status"]`), 'cancelled');
  await page.click('[data-testid="back"]');
  assert.match(await page.textContent(row('nikkan-2004-02-25')), /中止/);
  const text = await page.evaluate(() => Object.entries(localStorage).find(([k]) => k.endsWith(':draft'))[1]);
  const event = JSON.parse(text).events.find((e) => e.id === 'nikkan-2004-02-25');
  assert.equal(event.status, 'cancelled');
  assert.equal(event.revision, (data.events.find((e) => e.id === 'nikkan-2004-02-25').revision ?? 0) + 1);
});

test('「次回を作る」 on the 日韓ビジネス協議会 of 2月25日 proposes 3月24日(水)', async () => {
  const page = await open(browser, editor(), phone);
  await page.click(row('nikkan-2004-02-25'));
  await page.click('[data-testid="next-meeting"]');
  assert.match(await page.textContent('[data-testid="next-date"]'), /3月24日\(水\)/);
  assert.match(await page.textContent('[data-testid="next-rule"]'), /第4水曜日/);
  await page.click('[data-testid="next-confirm"]');
  await page.waitForFunction(() => document.querySelector('[name="start"]')?.value === '2004-03-24');
  assert.equal(await page.inputValue(`${form} [name="id"]`), 'nikkan-2004-03-24');
  assert.equal(await page.inputValue(`${form} [name="project"]`), 'nikkan');
});

test('commits with a token through a mock of GitHub\'s contents API; the token stays in sessionStorage', async () => {
  const page = await open(browser, `${editor()}?src=/fixtures/repo.json`);
  const calls = [];
  const cors = {
    'access-control-allow-origin': '*',
    'access-control-allow-headers': 'authorization, accept, content-type, x-github-api-version',
    'access-control-allow-methods': 'GET, PUT',
  };
  await page.route('https://api.github.com/**', async (route) => {
    const r = route.request();
    if (r.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: cors });
    calls.push({ method: r.method(), url: r.url(), auth: r.headers().authorization, body: r.postData() });
    if (r.method() === 'GET') {
      const content = fs.readFileSync(path.join(tmp, 'repo.json')).toString('base64');
      return route.fulfill({ status: 200, headers: cors, contentType: 'application/json', body: JSON.stringify({ sha: 'abc123', path: 'public/events.json', content }) });
    }
    return route.fulfill({ status: 200, headers: cors, contentType: 'application/json', body: '{"content":{}}' });
  });
  await page.click(row('nikkan-2004-02-25'));
  await page.fill(`${form} [name="fee"]`, '2,000円');
  await page.click('[data-testid="back"]');
  await page.click('[data-testid="github-steps"] summary');
  assert.equal(
    await page.getAttribute('[data-testid="github-open"]', 'data-href'),
    'https://github.com/iguren/calendar/edit/main/public/events.json',
  );
  await page.fill('[data-testid="github-token"]', 'github_pat_TEST');
  await page.click('[data-testid="github-commit"]');
  await page.click('[data-testid="review-confirm"]');
  await page.waitForFunction(() => /GitHubに保存しました/.test(document.querySelector('[data-testid="notice"]')?.textContent ?? ''));
  assert.equal(calls.length, 2, JSON.stringify(calls));
  assert.equal(calls[0].method, 'GET');
  assert.equal(calls[0].url, 'https://api.github.com/repos/iguren/calendar/contents/public/events.json?ref=main');
  assert.equal(calls[0].auth, 'Bearer github_pat_TEST');
  assert.equal(calls[1].method, 'PUT');
  const body = JSON.parse(calls[1].body);
  assert.equal(body.sha, 'abc123');
  assert.equal(body.branch, 'main');
  const committed = Buffer.from(body.content, 'base64').toString('utf8');
  assert.equal(JSON.parse(committed).events.find((e) => e.id === 'nikkan-2004-02-25').fee, '2,000円');
  fs.writeFileSync(path.join(tmp, 'committed.json'), committed);
  assert.equal(checkData(path.join(tmp, 'committed.json')).status, 0);
  const stored = await page.evaluate(() => ({
    local: JSON.stringify(Object.entries(localStorage)),
    session: sessionStorage.getItem('iguren-editor.token'),
    url: location.href,
  }));
  assert.equal(stored.session, 'github_pat_TEST');
  assert.ok(!stored.local.includes('github_pat_TEST'), 'not in localStorage');
  assert.ok(!stored.url.includes('github_pat_TEST'), 'not in the URL');
  assert.match(await page.textContent('[data-testid="save-state"]'), /保存済み/);
});

test('the editor page has its own CSP: same origin and api.github.com only', async () => {
  const html = fs.readFileSync(path.join(dist, 'edit/index.html'), 'utf8');
  const csp = html.match(/Content-Security-Policy" content="([^"]+)"/)[1];
  assert.match(csp, /connect-src 'self' https:\/\/api\.github\.com;/);
  assert.deepEqual(csp.match(/https?:\/\/[^\s;]+/g), ['https://api.github.com']);
  const member = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  assert.ok(!member.includes('api.github.com'), 'the member page stays same-origin');
  assert.ok(execFileSync('ls', [path.join(dist, 'edit')], { encoding: 'utf8' }).includes('.wasm'));
});

test('a Shift_JIS spreadsheet dropped on the editor: row problems shown, valid rows previewed, merged, saved, checked', async () => {
  // Real Shift_JIS bytes, written by tests/csv.rs with encoding_rs.
  const csv = fs.readFileSync(path.join(root, 'tests/fixtures/csv/problem-mixed-rows.csv'));
  assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(csv), 'the fixture is not UTF-8');
  const page = await open(browser, editor(), phone);
  await page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const dt = new DataTransfer();
    dt.items.add(new File([bytes], '予定.csv', { type: 'text/csv' }));
    document.querySelector('.ed-app').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, csv.toString('base64'));
  const preview = await page.waitForSelector('[data-testid="csv-preview"]');
  const problems = await page.$$eval('[data-testid="csv-problem"]', (els) => els.map((e) => e.textContent));
  assert.deepEqual(problems, ['3行目 「日付」: 2004年2月30日 は存在しない日付です / row 3, 日付: 2004-02-30 is not a real date']);
  assert.match(await preview.textContent(), /\+ 2行目 \/ row 2: nikkan-2004-03-24/);
  assert.match(await preview.textContent(), /まだ何も変わっていません/);
  assert.equal(await page.$(row('nikkan-2004-03-24')), null, 'nothing merged before confirming');
  assert.deepEqual(await axe(page), [], 'axe on the import preview');
  await page.click('[data-testid="csv-apply"]');
  await page.waitForSelector(row('nikkan-2004-03-24'));
  // Downloading goes through the change review (変更点) first.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click('[data-testid="save-download"]').then(() => page.click('[data-testid="review-confirm"]')),
  ]);
  const saved = path.join(tmp, 'from-csv.json');
  await download.saveAs(saved);
  const result = checkData(saved);
  assert.equal(result.status, 0, result.stdout + result.stderr);
  const merged = JSON.parse(fs.readFileSync(saved, 'utf8')).events.find((e) => e.id === 'nikkan-2004-03-24');
  assert.equal(merged.start, '2004-03-24T18:00');
  assert.equal(merged.end, '2004-03-24T20:00');
  assert.equal(merged.venue.name, '神奈川中小企業センター');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('once loaded, the editor opens without network (its own service worker, its own cache)', async () => {
  const page = await open(browser, editor(), phone);
  const scope = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((ok) => navigator.serviceWorker.addEventListener('controllerchange', ok, { once: true }));
    }
    return registration.scope;
  });
  assert.equal(scope, editor(), 'the worker covers edit/ only');
  await page.context().setOffline(true);
  await page.reload();
  await ready(page);
  assert.ok(await page.$(row('nikkan-2004-02-25')), 'the site data, from the cache');
  assert.deepEqual(page.errors.filter((e) => !/net::ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(e)), []);
  await page.context().close();
});

test('with the keyboard alone: open a new event, fill it field by field, go back to its row', async () => {
  const page = await open(browser, editor(), phone);
  const active = () => page.evaluate(() => {
    const el = document.activeElement;
    return el?.dataset?.testid ?? el?.getAttribute('name') ?? el?.id ?? el?.tagName;
  });
  // Tab from the top of the page reaches 「新しい予定」.
  let reached = false;
  for (let i = 0; i < 20 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = (await active()) === 'new-event';
  }
  assert.ok(reached, 'Tab reaches the new-event button');
  await page.keyboard.press('Enter');
  await page.waitForSelector(form);
  // Tab walks the form's fields; each named one can be typed into.
  const typed = { title: 'キーボードの会', start: '2004/3/31', startTime: '18時' };
  const seen = new Set();
  for (let i = 0; i < 40 && seen.size < Object.keys(typed).length; i++) {
    await page.keyboard.press('Tab');
    const name = await active();
    if (typed[name] && !seen.has(name)) {
      await page.keyboard.type(typed[name]);
      seen.add(name);
    }
  }
  assert.deepEqual([...seen].sort(), Object.keys(typed).sort());
  await page.keyboard.press('Tab');
  assert.equal(await page.inputValue(`${form} [name="start"]`), '2004-03-31');
  assert.equal(await page.inputValue(`${form} [name="startTime"]`), '18:00');
  assert.equal(await page.inputValue(`${form} [name="title"]`), 'キーボードの会');
  // Back to the list with the keyboard: focus lands on the event's row.
  let back = false;
  for (let i = 0; i < 60 && !back; i++) {
    await page.keyboard.press('Shift+Tab');
    back = (await active()) === 'back';
  }
  assert.ok(back, 'Shift+Tab reaches the back button');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid="editor-list"]');
  await page.waitForFunction(() => document.activeElement?.closest('[data-event-id]') != null, null, { timeout: 5000 });
  assert.match(await page.evaluate(() => document.activeElement.closest('[data-event-id]').textContent), /キーボードの会/);
  await page.context().close();
});
