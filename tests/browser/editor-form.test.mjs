// The editor's form speaking the maintainer's language, in headless
// Chromium against the release build in dist/: a day that is not one said
// precisely at 開始日 (no such day, the wrong weekday), a time's problem at
// 開始時刻, each problem tied to its input (aria-describedby, aria-invalid)
// and announced once in a live region; the file's problems named by the
// event's title and the field's label, not keys and paths; a new event
// that asks for its project and its day; the fields in groups, その他
// folded; axe-core and the keyboard at 375 px. Run with the other browser
// tests: DIST=dist node --test --test-concurrency=1 tests/browser/.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, open, axe, editorPage } from './harness.mjs';

const dist = process.env.DIST ?? 'dist';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'editor-form-test-'));
const data = JSON.parse(fs.readFileSync(path.join(dist, 'events.json'), 'utf8'));
let server;
let browser;

// A file whose 日韓ビジネス協議会 of 2月25日 lost its title.
const untitled = structuredClone(data);
delete untitled.events.find((e) => e.id === 'nikkan-2004-02-25').title;
fs.writeFileSync(path.join(tmp, 'untitled.json'), JSON.stringify(untitled, null, 2) + '\n');

before(async () => {
  server = await serve(dist, { extra: { '/fixtures/untitled.json': path.join(tmp, 'untitled.json') } });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const editor = () => `${server.url}edit/`;
const { row, form, fieldError, phone } = editorPage;
const input = (name) => `${form} [name="${name}"]`;
const announcer = '[data-testid="form-announcer"]';

/** Types `text` into a field and leaves it, as a maintainer does. */
async function type(page, name, text) {
  await page.fill(input(name), text);
  await page.press(input(name), 'Tab');
}

/** The texts an input is described by (aria-describedby), in order. */
function description(page, name) {
  return page.$eval(input(name), (el) => (el.getAttribute('aria-describedby') ?? '')
    .split(/\s+/).filter(Boolean).map((id) => document.getElementById(id)?.textContent ?? `(no #${id})`));
}

test('a day that is not one is said precisely at 開始日, tied to its input, and announced once', async () => {
  const page = await open(browser, editor(), phone);
  await page.click(row('nikkan-2004-02-25'));
  await page.waitForSelector(form);
  // Count what the live region says from here on.
  await page.evaluate((sel) => {
    window.announced = [];
    const region = document.querySelector(sel);
    new MutationObserver(() => window.announced.push(region.textContent))
      .observe(region, { childList: true, characterData: true, subtree: true });
  }, announcer);
  assert.equal(await page.getAttribute(input('start'), 'aria-invalid'), null);
  await type(page, 'start', '2004/2/30');
  assert.equal(await page.textContent(fieldError('start')), '2004年2月30日 は存在しない日付です');
  assert.equal(await page.getAttribute(input('start'), 'aria-invalid'), 'true');
  assert.deepEqual(await description(page, 'start'), ['2004年2月30日 は存在しない日付です', '例: 2004/2/25、2月25日']);
  assert.ok(!/YYYY-MM-DD/.test(await page.textContent(form)), 'not the file format');
  await page.waitForFunction(() => window.announced.length > 0);
  assert.equal(await page.textContent(announcer), '開始日: 2004年2月30日 は存在しない日付です');
  // Typing elsewhere, and leaving the day again unchanged, says nothing more.
  await page.fill(input('title'), '日韓ビジネス協議会（会場変更）');
  await page.press(input('title'), 'Tab');
  await page.focus(input('start'));
  await page.press(input('start'), 'Tab');
  await page.fill(input('venue.name'), '神奈川中小企業センター');
  assert.equal(await page.$eval(announcer, (el) => el.getAttribute('aria-live')), 'polite');
  assert.deepEqual(await page.evaluate(() => window.announced), ['開始日: 2004年2月30日 は存在しない日付です']);
  // 平成 and a weekday that does not agree.
  await type(page, 'start', '平成16年2月30日');
  assert.equal(await page.textContent(fieldError('start')), '2004年2月30日 は存在しない日付です');
  await type(page, 'start', '2004/3/10(木)');
  assert.equal(await page.textContent(fieldError('start')), '3月10日は水曜日です（木曜日と書かれています）');
  assert.equal(await page.textContent(announcer), '開始日: 3月10日は水曜日です（木曜日と書かれています）');
  // Fixed: nothing left at the field, and the input no longer invalid.
  await type(page, 'start', '2004/3/10(水)');
  await page.waitForSelector(fieldError('start'), { state: 'detached' });
  assert.equal(await page.getAttribute(input('start'), 'aria-invalid'), null);
  assert.deepEqual(await description(page, 'start'), ['例: 2004/2/25、2月25日']);
  // English on the same switch.
  await type(page, 'start', '2004/2/30');
  await page.click('[data-testid="lang"]');
  assert.equal(await page.textContent(fieldError('start')), '2004-02-30 is not a real date');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a time that is not one is said at 開始時刻, not at 開始日', async () => {
  const page = await open(browser, editor(), phone);
  await page.click(row('nikkan-2004-02-25'));
  await type(page, 'startTime', '25:00');
  assert.equal(await page.textContent(fieldError('startTime')), '25時0分 は存在しない時刻です（0:00〜23:59）');
  assert.equal(await page.$(fieldError('start')), null, 'the day is fine');
  assert.equal(await page.getAttribute(input('startTime'), 'aria-invalid'), 'true');
  assert.equal(await page.getAttribute(input('start'), 'aria-invalid'), null);
  assert.equal((await description(page, 'startTime'))[0], '25時0分 は存在しない時刻です（0:00〜23:59）');
  // An end before the start on the same day: at 終了時刻.
  await type(page, 'startTime', '18:30');
  await type(page, 'endTime', '17:00');
  assert.equal(await page.textContent(fieldError('endTime')), '終了時刻が開始時刻より前です');
  assert.equal(await page.$(fieldError('end')), null);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the file\'s problems name the event by its title and the field by its label', async () => {
  const page = await open(browser, `${editor()}?src=/fixtures/untitled.json`, phone);
  const problems = page.locator('[data-testid="file-problems"]');
  const text = await problems.textContent();
  assert.match(text, /「nikkan-2004-02-25」（2月25日\(水\)）のタイトル/);
  assert.match(text, /タイトルを入力してください/);
  assert.ok(!text.includes('/events/'), text);
  assert.ok(!text.includes('「title」'), text);
  await problems.locator('button').first().click();
  await page.waitForSelector(form);
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('name')), 'title');
  assert.equal(await page.textContent(fieldError('title')), 'タイトルを入力してください');
  // A date problem in the list: the day's own words, and the event's title.
  await page.fill(input('title'), '第39回日韓ビジネス協議会');
  await type(page, 'start', '2004/3/10(木)');
  await page.click('[data-testid="back"]');
  const after = await problems.textContent();
  assert.match(after, /「第39回日韓ビジネス協議会」の開始日/);
  assert.match(after, /3月10日は水曜日です（木曜日と書かれています）/);
  await page.click('[data-testid="lang"]');
  assert.match(await problems.textContent(), /Start date of “第39回日韓ビジネス協議会”/);
  await page.context().close();
});

test('a new event asks for its project and its day instead of guessing them', async () => {
  const page = await open(browser, editor(), phone);
  await page.click('[data-testid="new-event"]');
  await page.waitForSelector(form);
  await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'project');
  assert.equal(await page.inputValue(input('project')), '', 'no project chosen for them');
  assert.equal(await page.$eval(input('project'), (el) => el.options[0].textContent), '選んでください');
  assert.equal(await page.textContent(fieldError('project')), 'プロジェクトを選んでください');
  assert.equal(await page.getAttribute(input('project'), 'aria-invalid'), 'true');
  assert.equal(await page.inputValue(input('start')), '', 'not today');
  assert.equal(await page.textContent(fieldError('start')), '開始日を入力してください');
  // The id waits for the two, and その他 stays folded for it.
  assert.equal(await page.inputValue(input('id')), '');
  assert.equal(await page.$eval('[data-testid="more-fields"]', (d) => d.open), false);
  assert.match(await page.textContent('[data-testid="autosave-note"]'), /入力は自動でこの端末に保存されます/);
  await page.selectOption(input('project'), 'nikkan');
  await page.waitForSelector(fieldError('project'), { state: 'detached' });
  await type(page, 'start', '2004/3/24');
  assert.equal(await page.inputValue(input('id')), 'nikkan-2004-03-24');
  assert.equal(await page.$(fieldError('id')), null);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the form in groups, その他 folded; axe finds nothing at 375 px and the keyboard reaches every control', async () => {
  const page = await open(browser, editor(), phone);
  await page.click('[data-testid="new-event"]');
  await page.waitForSelector(form);
  const groups = await page.$$eval(`${form} .ed-group > legend, ${form} .ed-group > summary`, (els) => els.map((e) => e.textContent));
  assert.deepEqual(groups, ['基本', '会場', '申込・問い合わせ', '講師・プログラム', 'その他（英語のタイトル・詳しい情報のリンク・状態・ID）']);
  assert.equal(await page.$$eval(`${form} .ed-group input, ${form} .ed-group select, ${form} .ed-group textarea`, (els) => els.length), 24);
  assert.deepEqual(await axe(page), [], 'axe on a new event, with its problems');
  await page.click('[data-testid="more-fields"] > summary');
  assert.deepEqual(await axe(page), [], 'axe with その他 open');
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 375), 'no sideways scrolling');
  // Folded again, then the keyboard alone: Tab from the back button walks
  // every control of the page, opening その他 with Enter on its summary.
  await page.click('[data-testid="more-fields"] > summary');
  const controls = await page.$$eval('.ed-form-page :is(input, select, textarea, button, summary)', (els) => els
    .filter((e) => !e.disabled)
    .map((e, i) => { e.dataset.k = String(i); return String(i); }));
  await page.focus('[data-testid="back"]');
  const reached = new Set();
  for (let i = 0; i < 120 && reached.size < controls.length; i++) {
    const [k, folded] = await page.evaluate(() => {
      const el = document.activeElement;
      return [el?.dataset?.k ?? null, el?.tagName === 'SUMMARY' && !el.parentElement.open];
    });
    if (k != null) reached.add(k);
    if (folded) await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
  }
  const missed = await page.$$eval('[data-k]', (els, got) => els
    .filter((e) => !got.includes(e.dataset.k)).map((e) => e.getAttribute('name') ?? e.dataset.testid ?? e.textContent), [...reached]);
  assert.deepEqual(missed, []);
  await page.context().close();
});
