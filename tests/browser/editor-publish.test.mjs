// The editor's last mile (issue 21), in headless Chromium against the
// release build in dist/: nothing a maintainer saved is lost (download or
// commit, reload, edit, save again), 「公開待ち」 until the site shows
// it, a commit counts as published (revision once per published change,
// ids locked), the repository known without JSON, the change review
// before anything leaves the phone, two maintainers committing in turn
// against one mock of GitHub's contents API (Playwright routing: nothing
// leaves the machine), and an honest copy. Run with the other browser
// tests: DIST=dist node --test tests/browser/.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, open, ready, axe, editorPage } from './harness.mjs';

const dist = process.env.DIST ?? 'dist';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'editor-publish-'));
const data = JSON.parse(fs.readFileSync(path.join(dist, 'events.json'), 'utf8'));
let server;
let browser;

// The site's events.json as a test serves it (rewritten to "rebuild" the
// site), and the same data naming its repository, or a Pages address.
const withRepo = structuredClone(data);
withRepo.site.repository = 'iguren/calendar';
const repoText = JSON.stringify(withRepo, null, 2) + '\n';
const withPages = structuredClone(data);
withPages.site.url = 'https://iguren.github.io/calendar/';
const files = {
  '/fixtures/site.json': path.join(tmp, 'site.json'),
  '/fixtures/repo.json': path.join(tmp, 'repo.json'),
  '/fixtures/pages.json': path.join(tmp, 'pages.json'),
};
fs.writeFileSync(files['/fixtures/repo.json'], repoText);
fs.writeFileSync(files['/fixtures/pages.json'], JSON.stringify(withPages, null, 2) + '\n');

before(async () => {
  server = await serve(dist, { extra: files });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const editor = (src) => `${server.url}edit/?src=${src}`;
const { row, form, phone } = editorPage;
const NIKKAN = 'nikkan-2004-02-25';
const SALON = 'kawasaki-salon-2004-02-25';

/** Changes a field of an event and goes back to the list. */
async function change(page, id, name, value) {
  await page.click(row(id));
  await page.fill(`${form} [name="${name}"]`, value);
  await page.press(`${form} [name="${name}"]`, 'Tab');
  await page.click('[data-testid="back"]');
}

/** Adds the 日韓ビジネス協議会 of 24 March 2004 (id nikkan-2004-03-24). */
async function newEvent(page) {
  await page.click('[data-testid="new-event"]');
  await page.selectOption(`${form} [name="project"]`, 'nikkan');
  await page.fill(`${form} [name="start"]`, '2004/3/24');
  await page.press(`${form} [name="start"]`, 'Tab');
  await page.fill(`${form} [name="title"]`, '第40回日韓ビジネス協議会');
  await page.click('[data-testid="back"]');
}

/** The value of a field of an event, as its form shows it. */
async function shown(page, id, name) {
  await page.click(row(id));
  const value = await page.inputValue(`${form} [name="${name}"]`);
  await page.click('[data-testid="back"]');
  return value;
}

/** Confirms the change review when one opens (today's main has none). */
async function confirmReview(page) {
  const review = await page.waitForSelector('[data-testid="review"]', { timeout: 3000 }).catch(() => null);
  if (review) await page.click('[data-testid="review-confirm"]');
  return review;
}

/** Downloads events.json through the review; its text. */
async function download(page) {
  const waiting = page.waitForEvent('download');
  await page.click('[data-testid="save-download"]');
  await confirmReview(page);
  const file = path.join(tmp, `download-${Date.now()}-${Math.random()}.json`);
  await (await waiting).saveAs(file);
  return fs.readFileSync(file, 'utf8');
}

const notice = (page) => page.textContent('[data-testid="notice"]').catch(() => '');

/** Opens 「GitHubで公開」 once. */
async function githubSteps(page) {
  const open = await page.$eval('[data-testid="github-steps"]', (d) => d.open);
  if (!open) await page.click('[data-testid="github-steps"] summary');
}

/**
 * Commits with a token through the review; waits until the editor says
 * it committed, or shows conflicts. Returns 'committed' or 'conflicts'.
 */
async function commit(page) {
  await githubSteps(page);
  if (!(await page.inputValue('[data-testid="github-token"]'))) {
    await page.fill('[data-testid="github-token"]', 'github_pat_TEST');
  }
  // A notice of an earlier commit must not count.
  const dismiss = await page.$('[data-testid="notice"] button');
  if (dismiss) await dismiss.click();
  await page.click('[data-testid="github-commit"]');
  await confirmReview(page);
  const said = await page.waitForFunction(() => {
    if (document.querySelector('[data-testid="conflicts"]')) return 'conflicts';
    const text = document.querySelector('[data-testid="notice"]')?.textContent ?? '';
    if (/保存しました/.test(text)) return 'committed';
    if (/できませんでした|問題/.test(text)) return text;
    return false;
  }, null, { timeout: 10000 });
  return said.jsonValue();
}

/**
 * A mock of GitHub's contents API for public/events.json, shared by every
 * page routed to it: GET gives the file (base64, wrapped as GitHub wraps
 * it) and its sha; PUT commits only over the current sha (else 409, as
 * GitHub answers), giving a new one. `commits` keeps each committed text.
 */
function mockGitHub(text) {
  const gh = { sha: 's0', text, n: 0, calls: [], commits: [] };
  const cors = {
    'access-control-allow-origin': '*',
    'access-control-allow-headers': 'authorization, accept, content-type, x-github-api-version',
    'access-control-allow-methods': 'GET, PUT',
  };
  const json = (route, status, body) => route.fulfill({ status, headers: cors, contentType: 'application/json', body: JSON.stringify(body) });
  gh.handler = async (route) => {
    const r = route.request();
    if (r.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: cors });
    const call = { method: r.method(), url: r.url() };
    gh.calls.push(call);
    if (r.method() === 'GET') {
      const content = Buffer.from(gh.text).toString('base64').replace(/.{60}/g, '$&\n');
      return json(route, 200, { sha: gh.sha, path: 'public/events.json', encoding: 'base64', content });
    }
    const body = JSON.parse(r.postData());
    call.sha = body.sha;
    if (body.sha !== gh.sha) {
      call.status = 409;
      return json(route, 409, { message: `public/events.json does not match ${body.sha}` });
    }
    gh.text = Buffer.from(body.content, 'base64').toString('utf8');
    gh.sha = `s${++gh.n}`;
    gh.commits.push(gh.text);
    call.status = 200;
    return json(route, 200, { content: { sha: gh.sha, path: 'public/events.json' }, commit: { sha: `c${gh.n}` } });
  };
  gh.event = (id) => JSON.parse(gh.text).events.find((e) => e.id === id);
  return gh;
}

/** A page of the editor routed to the mock. */
async function editorWith(gh, options = {}) {
  const page = await open(browser, undefined, options);
  await page.context().route('https://api.github.com/**', gh.handler);
  await page.goto(editor('/fixtures/repo.json'));
  await ready(page);
  return page;
}

test('download → reload → edit → download keeps every edit; 公開待ち until the site shows it, then live', async () => {
  fs.writeFileSync(files['/fixtures/site.json'], JSON.stringify(data, null, 2) + '\n');
  const page = await open(browser, editor('/fixtures/site.json'), phone);
  await change(page, NIKKAN, 'fee', '会費 2,000円');
  const first = JSON.parse(await download(page));
  assert.equal(first.events.find((e) => e.id === NIKKAN).fee, '会費 2,000円');
  // The site has not been rebuilt: a reload shows what was saved, not the site's old file.
  await page.reload();
  await ready(page);
  await change(page, SALON, 'title', 'かわさき経済人ネットワークサロン 第1回会合（発足会・会場変更）');
  const second = JSON.parse(await download(page));
  assert.equal(second.events.find((e) => e.id === NIKKAN).fee, '会費 2,000円', 'the first edit is kept');
  assert.equal(second.events.find((e) => e.id === SALON).title, 'かわさき経済人ネットワークサロン 第1回会合（発足会・会場変更）');
  await page.reload();
  await ready(page);
  assert.match(await page.textContent('[data-testid="site-state"]'), /公開待ち：サイトの更新を待っています/);
  assert.equal(await shown(page, NIKKAN, 'fee'), '会費 2,000円');
  // The site catches up (someone uploaded the second file): live, once.
  fs.writeFileSync(files['/fixtures/site.json'], JSON.stringify(second, null, 2) + '\n');
  await page.reload();
  await ready(page);
  await page.waitForFunction(() => /公開されました/.test(document.querySelector('[data-testid="site-state"]')?.textContent ?? ''));
  await page.reload();
  await ready(page);
  assert.equal(await page.$('[data-testid="site-state"]'), null, 'nothing waits any more');
  assert.equal(await shown(page, SALON, 'title'), 'かわさき経済人ネットワークサロン 第1回会合（発足会・会場変更）');
  assert.deepEqual(page.errors, []);
});

test('a reload at any moment restores exactly what was last typed, even right after a download', async () => {
  fs.writeFileSync(files['/fixtures/site.json'], JSON.stringify(data, null, 2) + '\n');
  const page = await open(browser, editor('/fixtures/site.json'), phone);
  await change(page, NIKKAN, 'fee', '会費 2,000円');
  await download(page);
  await page.click(row(NIKKAN));
  await page.fill(`${form} [name="title"]`, '第40回 日韓ビジネス協議会');
  page.on('dialog', (d) => d.accept());
  await page.reload();
  await ready(page);
  assert.equal(await shown(page, NIKKAN, 'title'), '第40回 日韓ビジネス協議会');
  assert.equal(await shown(page, NIKKAN, 'fee'), '会費 2,000円');
});

test('commit → reload → edit → commit keeps every edit: the fee stays 2,000円', async () => {
  const gh = mockGitHub(repoText);
  const page = await editorWith(gh, phone);
  await change(page, NIKKAN, 'fee', '会費 2,000円');
  assert.equal(await commit(page), 'committed');
  assert.equal(gh.event(NIKKAN).fee, '会費 2,000円');
  // The site still serves the old file (Pages has not rebuilt).
  await page.reload();
  await ready(page);
  await change(page, SALON, 'title', 'かわさき経済人ネットワークサロン 第1回会合（会場変更）');
  assert.equal(await commit(page), 'committed');
  assert.equal(gh.event(NIKKAN).fee, '会費 2,000円', 'the fee stays 2,000円');
  assert.equal(gh.event(SALON).title, 'かわさき経済人ネットワークサロン 第1回会合（会場変更）');
  assert.deepEqual(gh.calls.filter((c) => c.method === 'PUT').map((c) => c.status), [200, 200]);
  await page.reload();
  await ready(page);
  assert.match(await page.textContent('[data-testid="site-state"]'), /公開待ち/);
  assert.deepEqual(page.errors, []);
});

test('a commit counts as published: revision once per published change, not again for the same file', async () => {
  const gh = mockGitHub(repoText);
  const page = await editorWith(gh, phone);
  await change(page, NIKKAN, 'fee', '会費 2,000円');
  await change(page, NIKKAN, 'fee', '会費 1,500円');
  assert.equal(await commit(page), 'committed');
  assert.equal(gh.event(NIKKAN).revision, 1, 'two edits, one published change');
  // The next change of the same event is its second published one.
  await change(page, NIKKAN, 'fee', '会費 3,000円');
  assert.equal(await commit(page), 'committed');
  assert.equal(gh.event(NIKKAN).fee, '会費 3,000円');
  assert.equal(gh.event(NIKKAN).revision, 2, 'counted once more, not left at 1');
  const stamp = gh.event(NIKKAN).updated;
  assert.match(stamp, /\+09:00$/);
  // The same file again: the review says nothing changed; nothing counts.
  await githubSteps(page);
  await page.click('[data-testid="github-commit"]');
  await page.waitForSelector('[data-testid="review"]');
  assert.match(await page.textContent('[data-testid="review"]'), /変わったところはありません/);
  await page.click('[data-testid="review-cancel"]');
  assert.equal(await commit(page), 'committed');
  assert.equal(gh.event(NIKKAN).revision, 2, 'not counted twice');
  assert.equal(gh.event(NIKKAN).updated, stamp);
  assert.deepEqual(page.errors, []);
});

test('an event committed a minute ago cannot be renamed', async () => {
  const gh = mockGitHub(repoText);
  const page = await editorWith(gh, phone);
  await newEvent(page);
  assert.equal(await commit(page), 'committed');
  assert.ok(gh.event('nikkan-2004-03-24'), 'committed');
  await page.click(row('nikkan-2004-03-24'));
  await page.click('[data-testid="more-fields"] > summary');
  await page.fill(`${form} [name="id"]`, 'nikkan-40');
  await page.press(`${form} [name="id"]`, 'Tab');
  const refused = await page.waitForSelector('[data-testid="id-refused"]', { timeout: 3000 }).catch(() => null);
  assert.ok(refused, 'the rename is refused');
  assert.match(await refused.textContent(), /公開済みの予定のID「nikkan-2004-03-24」は変えられません/);
  assert.equal(await page.inputValue(`${form} [name="id"]`), 'nikkan-2004-03-24');
  // After a reload too.
  await page.reload();
  await ready(page);
  await page.click(row('nikkan-2004-03-24'));
  assert.equal(await page.$('[data-testid="event-form"] .ed-badge'), null, 'no 未公開 badge');
});

test('two maintainers at once: edits that do not overlap both land; an overlapping one is asked, both values shown, the choice committed', async () => {
  const gh = mockGitHub(repoText);
  const a = await editorWith(gh, phone);
  const b = await editorWith(gh, phone);
  // A commits first; B, who opened the same file, commits another event.
  await change(a, NIKKAN, 'fee', '会費 2,000円');
  assert.equal(await commit(a), 'committed');
  await change(b, SALON, 'title', 'かわさき経済人ネットワークサロン 発足会');
  assert.equal(await commit(b), 'committed');
  assert.equal(gh.event(NIKKAN).fee, '会費 2,000円', "A's fee is not overwritten");
  assert.equal(gh.event(SALON).title, 'かわさき経済人ネットワークサロン 発足会');
  assert.match(await notice(b), /新しい変更と合わせて保存しました/);
  // A commits again over the sha it knows: GitHub answers 409; merged, committed.
  await change(a, NIKKAN, 'venue.room', '第2会議室');
  assert.equal(await commit(a), 'committed');
  assert.deepEqual(gh.calls.filter((c) => c.method === 'PUT').map((c) => c.status), [200, 200, 409, 200]);
  assert.equal(gh.event(NIKKAN).venue.room, '第2会議室');
  assert.equal(gh.event(SALON).title, 'かわさき経済人ネットワークサロン 発足会', "B's title is not overwritten");
  // Both change the fee: B is asked, with both values.
  await change(a, NIKKAN, 'fee', '会費 2,500円');
  assert.equal(await commit(a), 'committed');
  await change(b, NIKKAN, 'fee', '会費 3,000円');
  const before = gh.commits.length;
  assert.equal(await commit(b), 'conflicts');
  assert.equal(gh.commits.length, before, 'nothing overwritten');
  const conflict = await b.textContent('[data-testid="conflict"]');
  assert.match(conflict, /「日韓ビジネス協議会」の参加費/);
  assert.match(conflict, /こちら（この端末）\s*会費 3,000円/);
  assert.match(conflict, /GitHub（ほかの人の変更）\s*会費 2,500円/);
  assert.match(conflict, /元の値: 会費 2,000円/);
  assert.equal(await b.$$eval('[data-testid="conflict"]', (e) => e.length), 1);
  assert.deepEqual(await axe(b), [], 'axe on the conflicts at 375 px');
  assert.equal(await b.isVisible('[data-testid="save-download"]'), false, 'only the screen\'s own buttons while it asks');
  await b.setViewportSize({ width: 390, height: 844 });
  await b.$eval('[data-testid="conflicts"]', (e) => e.scrollIntoView({ block: 'start' }));
  await b.screenshot({ path: '/tmp/conflict.png' });
  // Not chosen yet: said, nothing sent.
  await b.click('[data-testid="conflicts-confirm"]');
  await b.waitForSelector('#ed-conflicts-missing');
  // The message takes the focus (a frame later): it is what is read out.
  await b.waitForFunction(() => document.activeElement?.id === 'ed-conflicts-missing');
  assert.equal(gh.commits.length, before);
  // The keyboard reaches every control of the screen, in order, and the
  // other side by the arrow keys.
  await b.focus('#ed-conflicts-title');
  const reached = [];
  for (let i = 0; i < 3; i++) {
    await b.keyboard.press('Tab');
    reached.push(await b.evaluate(() => document.activeElement.dataset.testid ?? document.activeElement.id));
  }
  assert.deepEqual(reached, ['choose-ours', 'conflicts-confirm', 'conflicts-cancel']);
  await b.focus('[data-testid="choose-ours"]');
  await b.keyboard.press('ArrowDown');
  assert.equal(await b.evaluate(() => document.activeElement.dataset.testid), 'choose-theirs');
  assert.ok(await b.isChecked('[data-testid="choose-theirs"]'));
  await b.keyboard.press('ArrowUp');
  assert.ok(await b.isChecked('[data-testid="choose-ours"]'));
  await b.click('[data-testid="conflicts-confirm"]');
  await b.waitForFunction(() => /保存しました/.test(document.querySelector('[data-testid="notice"]')?.textContent ?? ''));
  const event = gh.event(NIKKAN);
  assert.equal(event.fee, '会費 3,000円', 'the chosen value');
  assert.equal(event.venue.room, '第2会議室', "A's other change stays");
  assert.equal(event.revision, 1 + 3, 'three published changes by A and one by B, each counted once against GitHub');
  assert.equal(gh.event(SALON).title, 'かわさき経済人ネットワークサロン 発足会');
  assert.equal(await b.$('[data-testid="conflicts"]'), null);
  // The browser logs GitHub's 409 answers; nothing else.
  assert.deepEqual([...a.errors, ...b.errors].filter((e) => !/status of 409 \(Conflict\)/.test(e)), []);
});

test('the change review: each change with its labels, old → new; cancel sends nothing; axe at 375 px; the keyboard reaches every control', async () => {
  const page = await open(browser, editor('/fixtures/repo.json'), phone);
  await change(page, NIKKAN, 'fee', '会費 2,000円');
  await change(page, NIKKAN, 'venue.room', '第2会議室');
  await page.click(row('miura-2004-01-24'));
  await page.click('[data-testid="delete-event"]');
  await page.click('[data-testid="cancel-event"]');
  await page.click('[data-testid="back"]');
  await newEvent(page);
  const downloads = [];
  page.on('download', (d) => downloads.push(d));
  await page.click('[data-testid="save-download"]');
  await page.waitForSelector('[data-testid="review"]');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'ed-review-title', 'focus moves to the review');
  const items = await page.$$eval('[data-testid="review-item"]', (els) => els.map((e) => ({
    kind: e.dataset.kind,
    id: e.dataset.changeId,
    head: e.querySelector('.ed-change-head').textContent,
    fields: [...e.querySelectorAll('.ed-field-change')].map((f) => `${f.querySelector('.ed-field-label').textContent}: ${f.querySelector('.ed-field-values').textContent}`),
  })));
  const nikkan = items.find((i) => i.id === NIKKAN);
  assert.equal(nikkan.kind, 'changed');
  assert.match(nikkan.head, /変更\s*日韓ビジネス協議会/);
  assert.ok(nikkan.fields.includes('参加費: 会費 1,000円 → から会費 2,000円'), nikkan.fields.join('\n'));
  assert.ok(nikkan.fields.some((f) => /^部屋: .*第2会議室$/.test(f)), nikkan.fields.join('\n'));
  assert.ok(!nikkan.fields.some((f) => /revision|updated|版|更新/.test(f)), 'bookkeeping is not a change');
  const miura = items.find((i) => i.id === 'miura-2004-01-24');
  assert.equal(miura.kind, 'cancelled');
  assert.match(miura.head, /^中止/);
  const added = items.find((i) => i.id === 'nikkan-2004-03-24');
  assert.equal(added.kind, 'added');
  assert.ok(added.fields.includes('タイトル: 第40回日韓ビジネス協議会'), added.fields.join('\n'));
  assert.ok(added.fields.some((f) => /^開始日時?: 2004年3月24日\(水\)/.test(f)), added.fields.join('\n'));
  assert.deepEqual(items.map((i) => i.kind).sort(), ['added', 'cancelled', 'changed']);
  assert.deepEqual(await axe(page), [], 'axe on the review at 375 px');
  const reached = [];
  for (let i = 0; i < 2; i++) {
    await page.keyboard.press('Tab');
    reached.push(await page.evaluate(() => document.activeElement.dataset.testid));
  }
  assert.deepEqual(reached, ['review-confirm', 'review-cancel']);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.$eval('[data-testid="review"]', (e) => e.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: '/tmp/review.png' });
  // Cancel: nothing leaves the phone, the draft is still unsaved, focus goes back.
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid="review"]', { state: 'detached' });
  await page.waitForFunction(() => document.activeElement?.dataset.testid === 'save-download', null, { timeout: 2000 });
  assert.equal(downloads.length, 0);
  assert.match(await page.textContent('[data-testid="save-state"]'), /保存していない変更があります/);
  assert.deepEqual(page.errors, []);
});

test('the repository without JSON: from a GitHub Pages address, else asked once, checked, remembered on this device', async () => {
  // site.url on GitHub Pages names it.
  const pages = await open(browser, editor('/fixtures/pages.json'), phone);
  await githubSteps(pages);
  assert.equal(await pages.textContent('[data-testid="repo"] .ed-repo-name'), 'iguren/calendar');
  assert.equal(await pages.$('[data-testid="repo-other"]'), null, 'found, not typed');
  // The shipped data names none and this host is not GitHub Pages: asked.
  const page = await open(browser, `${server.url}edit/`, phone);
  await githubSteps(page);
  assert.doesNotMatch(await page.textContent('[data-testid="github-steps"]'), /JSON|repository"|担当者に頼んで/);
  await page.fill('[data-testid="repo-input"]', 'いぐれん calendar');
  await page.click('[data-testid="repo-save"]');
  assert.match(await page.textContent('[data-testid="repo-error"]'), /持ち主\/名前/);
  assert.equal(await page.getAttribute('[data-testid="repo-input"]', 'aria-invalid'), 'true');
  assert.match(await page.getAttribute('[data-testid="repo-input"]', 'aria-describedby'), /ed-repo-error/);
  assert.deepEqual(await axe(page), [], 'axe on the question at 375 px');
  await page.fill('[data-testid="repo-input"]', 'https://github.com/iguren/calendar');
  await page.press('[data-testid="repo-input"]', 'Enter');
  await page.waitForSelector('[data-testid="repo"]');
  assert.equal(await page.getAttribute('[data-testid="github-open"]', 'data-href'), 'https://github.com/iguren/calendar/edit/main/public/events.json');
  await page.reload();
  await ready(page);
  await githubSteps(page);
  assert.equal(await page.textContent('[data-testid="repo"] .ed-repo-name'), 'iguren/calendar', 'remembered');
  await page.click('[data-testid="repo-other"]');
  await page.waitForSelector('[data-testid="repo-input"]');
});

test('the editor on GitHub Pages knows its repository from its own address', async () => {
  // https://iguren.github.io/calendar/ served from dist/ by routing.
  const page = await open(browser, undefined, phone);
  await page.context().route('https://iguren.github.io/calendar/**', async (route) => {
    const url = new URL(route.request().url());
    const answer = await fetch(`${server.url}${url.pathname.slice('/calendar/'.length)}${url.search}`);
    route.fulfill({ status: answer.status, headers: Object.fromEntries(answer.headers), body: Buffer.from(await answer.arrayBuffer()) });
  });
  await page.goto('https://iguren.github.io/calendar/edit/');
  await ready(page);
  await githubSteps(page);
  assert.equal(await page.textContent('[data-testid="repo"] .ed-repo-name'), 'iguren/calendar');
});

test('「中身をコピー」 without a clipboard (plain http) says so, selects the text to copy by hand, and throws nothing', async () => {
  const page = await open(browser, editor('/fixtures/repo.json'), {
    ...phone,
    init: () => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined, configurable: true }),
  });
  await change(page, NIKKAN, 'fee', '会費 2,000円');
  await githubSteps(page);
  await page.click('[data-testid="github-copy"]');
  await confirmReview(page);
  await page.waitForSelector('[data-testid="copy-fallback"]');
  assert.match(await notice(page), /コピーできませんでした/);
  assert.doesNotMatch(await notice(page), /コピーしました/);
  await page.waitForFunction(() => document.activeElement?.id === 'ed-copy-text');
  const { value, start, end } = await page.$eval('#ed-copy-text', (t) => ({ value: t.value, start: t.selectionStart, end: t.selectionEnd }));
  assert.equal(JSON.parse(value).events.find((e) => e.id === NIKKAN).fee, '会費 2,000円');
  assert.deepEqual([start, end], [0, value.length], 'all selected');
  assert.deepEqual(await axe(page), [], 'axe on the copy by hand');
  assert.deepEqual(page.errors, []);
});

test('「中身をコピー」 with a clipboard copies the reviewed text and says so', async () => {
  const page = await open(browser, editor('/fixtures/repo.json'), phone);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  await change(page, NIKKAN, 'fee', '会費 2,000円');
  await githubSteps(page);
  await page.click('[data-testid="github-copy"]');
  await confirmReview(page);
  await page.waitForFunction(() => /コピーしました/.test(document.querySelector('[data-testid="notice"]')?.textContent ?? ''));
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(JSON.parse(copied).events.find((e) => e.id === NIKKAN).fee, '会費 2,000円');
  assert.equal(await page.$('[data-testid="copy-fallback"]'), null);
});
