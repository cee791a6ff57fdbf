// The calendar as members use it, in headless Chromium against the
// release build in dist/: loading, month and list views, navigation,
// filters, search, detail, URL state, the error banner, the phone layout
// and axe-core. Run: DIST=dist node --test tests/browser/ (make test).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, open, ready, eventIds, axe, NOW, tokyoDay } from './harness.mjs';

const dist = process.env.DIST ?? 'dist';
const here = path.dirname(new URL(import.meta.url).pathname);
const data = JSON.parse(fs.readFileSync(path.join(dist, 'events.json'), 'utf8'));
let server;
let browser;

before(async () => {
  server = await serve(dist, {
    extra: {
      '/broken.json': path.join(here, 'fixtures/broken.json'),
      '/busy.json': path.join(here, 'fixtures/busy.json'),
      '/latin1.json': path.join(here, 'fixtures/latin1.json'),
    },
  });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const grid = '[data-testid="month-grid"]';
const list = '[data-testid="list-view"]';
const detail = '[data-testid="event-detail"]';
// The address bar follows the view a moment later (the app writes history
// after redrawing): wait for `location.search` to match, then return it.
const query = async (page, re) => {
  await page.waitForFunction((src) => new RegExp(src).test(location.search), re.source, { timeout: 5000 })
    .catch(() => {});
  return new URL(page.url()).search;
};

test('opens ready on the month of the latest event, with no errors', async () => {
  const page = await open(browser, server.url);
  assert.ok(await page.$(grid), 'month grid');
  // Every event is past (2004), so the month of the latest one: March 2004.
  assert.ok(await page.$(`${grid} [data-date="2004-03-03"]`));
  assert.match(await page.textContent('body'), /2004年（平成16年）3月/);
  assert.deepEqual(await eventIds(page, grid), ['boshoku-seminar-2004-03-03']);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('prev / next / today navigate months, and the URL follows', async () => {
  const page = await open(browser, `${server.url}?month=2004-02`);
  assert.ok(await page.$(`${grid} [data-date="2004-02-25"]`));
  await page.click('[data-testid="next-month"]');
  await page.waitForSelector(`${grid} [data-date="2004-03-31"]`);
  assert.match(await query(page, /month=2004-03/), /month=2004-03/);
  await page.click('[data-testid="prev-month"]');
  await page.click('[data-testid="prev-month"]');
  await page.waitForSelector(`${grid} [data-date="2004-01-22"]`);
  const ids = await eventIds(page, grid);
  assert.ok(ids.includes('yugoka-kenkyukai-2004-01-22'), ids.join());
  // 今日 goes to the month of the page's clock, the harness's NOW.
  await page.click('[data-testid="today"]');
  const ym = tokyoDay(NOW).slice(0, 7);
  await page.waitForSelector(`${grid} [data-date="${ym}-15"]`);
  await page.context().close();
});

test('February 2004: holidays, weekend colours, the three-day show as one bar', async () => {
  const page = await open(browser, `${server.url}?month=2004-02`);
  const text = await page.textContent(grid);
  assert.match(text, /建国記念の日/);
  // Sunday first: the first cell of the grid is Sunday 2004-02-01.
  const first = await page.$eval(`${grid} [data-date]`, (el) => el.dataset.date);
  assert.equal(first, '2004-02-01');
  // The trade show 2/4-2/6 (Wed-Fri) is one element spanning three days.
  const bars = await page.$$(`${grid} [data-event-id="hosou-technical-show-2004"]`);
  assert.equal(bars.length, 1, 'one continuous bar');
  const bar = await bars[0].boundingBox();
  const wed = await (await page.$(`${grid} [data-date="2004-02-04"]`)).boundingBox();
  const fri = await (await page.$(`${grid} [data-date="2004-02-06"]`)).boundingBox();
  assert.ok(bar.x <= wed.x + 8 && bar.x + bar.width >= fri.x + fri.width - 8, 'spans Wed to Fri');
  // Both events of 2/25 are shown on that day.
  const ids = await eventIds(page, `${grid} [data-date="2004-02-25"]`);
  const all = await eventIds(page, grid);
  assert.ok(all.includes('kawasaki-salon-2004-02-25') && all.includes('nikkan-2004-02-25'), all.join());
  assert.ok(ids.length <= 2);
  await page.context().close();
});

test('a day with more events than fit shows +N件, which lists that day', async () => {
  const page = await open(browser, `${server.url}?src=busy.json&month=2004-02`);
  const cell = `${grid} [data-date="2004-02-18"]`;
  const shown = (await eventIds(page, cell)).length;
  assert.ok(shown >= 1 && shown < 6, `${shown} bars`);
  const more = await page.textContent(`${cell} .more`);
  assert.equal(more.trim(), `+${6 - shown}件`);
  await page.click(`${cell} .more`);
  await page.waitForFunction(() => {
    const ids = [...document.querySelectorAll('[data-event-id^="busy-"]')]
      .filter((e) => !e.closest('[data-testid="month-grid"]'))
      .map((e) => e.dataset.eventId);
    return new Set(ids).size === 6;
  });
  await page.context().close();
});

test('project filters hide and show events in every view', async () => {
  const page = await open(browser, `${server.url}?month=2004-02`);
  const projects = await page.$$eval('input[data-project-id]', (els) => els.map((e) => e.dataset.projectId));
  assert.deepEqual(projects.sort(), data.projects.map((p) => p.id).sort());
  await page.uncheck('input[data-project-id="kawasaki-salon"]');
  await page.waitForFunction(() => !document.querySelector('[data-testid="month-grid"] [data-event-id="kawasaki-salon-2004-02-25"]'));
  assert.ok((await eventIds(page, grid)).includes('nikkan-2004-02-25'));
  assert.match(await query(page, /p=/), /p=/);
  await page.click('[data-testid="view-list"]');
  await page.waitForSelector(list);
  const shown = await eventIds(page, list);
  assert.ok(!shown.includes('kawasaki-salon-2004-02-25'), shown.join());
  await page.check('input[data-project-id="kawasaki-salon"]');
  await page.waitForSelector(`${list} [data-event-id="kawasaki-salon-2004-02-25"]`);
  await page.context().close();
});

test('search narrows to matching events, over venue and speakers too', async () => {
  const page = await open(browser, `${server.url}?view=list&past=1`);
  await page.fill('[data-testid="search"]', 'ケイエスピー');
  await page.waitForFunction(
    () => [...document.querySelectorAll('[data-testid="list-view"] [data-event-id]')].every((e) => e.dataset.eventId === 'kawasaki-salon-2004-02-25'),
  );
  assert.deepEqual(await eventIds(page, list), ['kawasaki-salon-2004-02-25']);
  await page.fill('[data-testid="search"]', '芝 忠');
  await page.waitForSelector(`${list} [data-event-id="hojokin-seminar-kanazawa-2004-02-17"]`);
  const ids = await eventIds(page, list);
  assert.ok(ids.includes('yugoka-kenkyukai-2004-01-22'), ids.join());
  assert.ok(!ids.includes('miura-2004-01-24'), ids.join());
  await page.fill('[data-testid="search"]', 'そのような予定はない');
  await page.waitForFunction(() => !document.querySelector('[data-testid="list-view"] [data-event-id]'));
  assert.match(await page.textContent(list), /見つかりません|ありません/);
  await page.context().close();
});

test('a copied link restores the same screen, and back steps through states', async () => {
  const deep = `${server.url}?view=list&past=1&p=hojokin,kannai&q=%E3%82%BB%E3%83%9F%E3%83%8A%E3%83%BC`;
  const page = await open(browser, deep);
  assert.ok(await page.$(list));
  assert.equal(await page.inputValue('[data-testid="search"]'), 'セミナー');
  assert.equal(await page.isChecked('input[data-project-id="hojokin"]'), true);
  assert.equal(await page.isChecked('input[data-project-id="nikkan"]'), false);
  const ids = await eventIds(page, list);
  assert.ok(ids.length >= 1 && ids.every((id) => id.startsWith('hojokin')), ids.join());

  await page.click('[data-testid="view-month"]');
  await page.waitForSelector(grid);
  await query(page, /^(?!.*view=list)/); // the address bar has followed
  await page.goBack();
  await page.waitForSelector(list);
  assert.equal(await page.inputValue('[data-testid="search"]'), 'セミナー');
  await page.goForward();
  await page.waitForSelector(grid);
  await page.context().close();
});

test('bad URL values fall back to defaults without an error page', async () => {
  const page = await open(browser, `${server.url}?view=zzz&month=2004-13&p=&e=no-such-event&q=%ZZ`);
  assert.ok((await page.$(grid)) || (await page.$(list)));
  assert.equal(await page.$('[data-testid="data-error"]'), null);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the detail of an event shows everything the newsletter said', async () => {
  const page = await open(browser, `${server.url}?month=2004-02`);
  const opener = `${grid} [data-event-id="kawasaki-salon-2004-02-25"]`;
  await page.focus(opener).catch(() => {});
  await page.click(opener);
  await page.waitForSelector(detail);
  const text = await page.textContent(detail);
  for (const want of [
    'かわさき経済人ネットワークサロン 第1回会合（発足会）', '2月25日', '(水)', '18:00', '20:30',
    'かながわサイエンスパーク', '3階 310会議室', '川崎市高津区坂戸3-2-1', '1,000円', '参加者40名を想定',
    '志茂 武氏', '(株)ケイエスピー 取締役', '18:10', '報告1', '19:15', '懇親会',
    '045-633-5192', '045-633-5194', 'shigeo.tanaka@m2.people.or.jp', '見学会参加者は17:30集合',
  ]) {
    assert.ok(text.includes(want), `detail shows ${want}`);
  }
  const hrefs = await page.$$eval(`${detail} a[href]`, (as) => as.map((a) => a.getAttribute('href')));
  assert.ok(hrefs.some((h) => h === 'tel:0456335192'), hrefs.join(' '));
  assert.ok(hrefs.some((h) => h === 'mailto:shigeo.tanaka@m2.people.or.jp'), hrefs.join(' '));
  assert.ok(hrefs.some((h) => h.endsWith('ics/event/kawasaki-salon-2004-02-25.ics')), hrefs.join(' '));
  assert.ok(hrefs.some((h) => h.startsWith('https://calendar.google.com/calendar/render?action=TEMPLATE') && /ctz=Asia(%2F|\/)Tokyo/.test(h)), hrefs.join(' '));
  assert.ok(hrefs.some((h) => h.startsWith('https://outlook.live.com/calendar/') && h.includes('startdt=2004-02-25T18%3A00%3A00%2B09%3A00')), hrefs.join(' '));
  assert.ok(hrefs.some((h) => h === 'http://www.ksp.or.jp/geninfo/chizu.html'), hrefs.join(' '));
  for (const h of hrefs) assert.match(h, /^(https?:|tel:|mailto:|webcal:|ics\/|\.\/|\?)/, h);
  assert.match(await query(page, /e=kawasaki-salon-2004-02-25/), /e=kawasaki-salon-2004-02-25/);
  // Focus is inside the dialog; Escape closes it and returns focus.
  assert.ok(await page.evaluate(() => document.querySelector('[data-testid="event-detail"]').contains(document.activeElement)));
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('[data-testid="event-detail"]'));
  // Focus comes back on the next animation frame after the dialog goes.
  await page.waitForFunction(() => document.activeElement?.dataset?.eventId === 'kawasaki-salon-2004-02-25', null, { timeout: 2000 })
    .catch(() => {});
  assert.equal(await page.evaluate(() => document.activeElement?.dataset?.eventId), 'kawasaki-salon-2004-02-25');
  await page.context().close();
});

test('the static .ics link of the detail serves a calendar file', async () => {
  const page = await open(browser, `${server.url}?e=hosou-technical-show-2004`);
  await page.waitForSelector(detail);
  const href = await page.$eval(`${detail} a[href$=".ics"]`, (a) => a.href);
  const res = await page.request.get(href);
  assert.equal(res.status(), 200);
  const body = await res.text();
  assert.match(body, /DTSTART;VALUE=DATE:20040204\r\nDTEND;VALUE=DATE:20040207\r\n/);
  await page.context().close();
});

test('downloading the shown events gives the bytes of the published feed', async () => {
  for (const [url, file] of [['?p=hojokin', 'ics/project/hojokin.ics'], ['', 'ics/all.ics']]) {
    const page = await open(browser, `${server.url}${url}`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button.download')]);
    const got = fs.readFileSync(await download.path(), 'utf8');
    const published = await (await page.request.get(server.url + file)).text();
    assert.ok(got.length > 500, file);
    assert.equal(got, published, `the download of ${url || 'everything'} equals ${file}`);
    await page.context().close();
  }
});

test('in the LINE in-app browser the detail says how to add the event', async () => {
  const line = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Safari Line/13.1.0';
  const page = await open(browser, `${server.url}?e=kawasaki-salon-2004-02-25`, { width: 390, height: 844, userAgent: line });
  await page.waitForSelector(detail);
  const text = await page.textContent(detail);
  assert.match(text, /アプリ内のブラウザ/);
  assert.match(text, /ブラウザで開く/);
  assert.ok(await page.$(`${detail} a[href^="https://calendar.google.com/"]`));
  await page.context().close();
  const plain = await open(browser, `${server.url}?e=kawasaki-salon-2004-02-25`);
  await plain.waitForSelector(detail);
  assert.doesNotMatch(await plain.textContent(detail), /アプリ内のブラウザ/);
  await plain.context().close();
});

test('a file with problems: a short banner counts them and opens the same file in the editor, the valid events still show', async () => {
  const page = await open(browser, `${server.url}?src=broken.json&view=list&past=1`);
  const banner = await page.textContent('[data-testid="data-error"]');
  assert.match(banner, /データに読み込めない項目が 2 件あります/);
  // The member page carries no checker: the editor lists each problem at its place.
  assert.doesNotMatch(banner, /\/events\/1\/start|2004-01-32/);
  const link = '[data-testid="data-error"] a[data-testid="data-error-edit"]';
  assert.equal(await page.getAttribute(link, 'href'), 'edit/?src=../broken.json');
  const ids = await eventIds(page, list);
  assert.equal(ids.length, data.events.length - 2, ids.join());
  assert.ok(!ids.includes(data.events[1].id));
  await page.click('[data-testid="lang"]');
  assert.match(await page.textContent('[data-testid="data-error"]'), /2 entries of the data could not be read.*The editor page lists them/);
  await page.click(link);
  const problems = await page.waitForSelector('[data-testid="file-problems"]');
  assert.match(await problems.textContent(), /2004-01-32/);
  assert.match(await problems.textContent(), /nosuch/);
  await page.context().close();
});

test('a 10 MB one-line file full of problems: the banner is one short line, the page stays usable', async () => {
  // Thousands of events on one line (as a minifier writes it), every
  // other one with a misspelt title, one key holding a forged line and a
  // terminal escape, and one valid event per hundred.
  const events = [];
  for (let i = 0, size = 0; size < 10_100_000; i++) {
    const e = { ...data.events[i % data.events.length], id: `gen-${i}` };
    if (i % 2 === 0) { e.titel = e.title; delete e.title; }
    events.push(e);
    size += JSON.stringify(e).length + 1;
  }
  events[0]['x\n9:9: /events/1/title: forged\u001b[2J'] = 1;
  const big = path.join(fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'big-')), 'big.json');
  fs.writeFileSync(big, JSON.stringify({ ...data, events }));
  assert.ok(fs.statSync(big).size >= 10_000_000);
  const local = await serve(dist, { extra: { '/big.json': big } });
  try {
    const page = await open(browser, `${local.url}?src=big.json&view=list&past=1`);
    // One short line: how many entries (every other event), nothing of the file's text.
    const banner = await page.textContent('[data-testid="data-error"]');
    const faulty = Math.ceil(events.length / 2);
    assert.match(banner, new RegExp(`読み込めない項目が ${faulty} 件`));
    assert.doesNotMatch(banner, /[\u0000-\u001f\u007f]|forged/, JSON.stringify(banner));
    assert.equal(await page.getAttribute('[data-testid="data-error"] a', 'href'), 'edit/?src=../big.json');
    // The valid half still shows, and the page answers.
    assert.ok((await eventIds(page, list)).length > 0);
    await page.click('[data-testid="view-month"]');
    await page.waitForSelector(grid);
    const before = await page.getAttribute(`${grid} [data-date]`, 'data-date');
    await page.click('[data-testid="next-month"]');
    await page.waitForFunction(([sel, b]) => document.querySelector(sel)?.getAttribute('data-date') !== b,
      [`${grid} [data-date]`, before], { timeout: 5000 });
    assert.deepEqual(page.errors, []);
    await page.context().close();
  } finally {
    await local.close();
    fs.rmSync(path.dirname(big), { recursive: true });
  }
});

test('another origin in ?src is refused with a visible message', async () => {
  const page = await open(browser, `${server.url}?src=https://evil.example/events.json`);
  const text = await page.textContent('body');
  assert.match(text, /読み込めません|できません/);
  // Only the page's own address names the other origin: nothing was
  // fetched from it, nor under its name here.
  assert.ok(!server.requests.some((r) => r.includes('evil') && !r.startsWith('/?')), server.requests.join(' '));
  await page.context().close();
});

test('a file that is not UTF-8 says where, in both languages', async () => {
  const page = await open(browser, `${server.url}?src=latin1.json`);
  const text = await page.textContent('[data-testid="data-error"]');
  assert.match(text, /バイト 19 からが UTF-8 ではありません/);
  assert.match(text, /not UTF-8 from byte 19/);
  await page.context().close();
});

test('a missing data file says so and offers to retry', async () => {
  const page = await open(browser, `${server.url}?src=missing.json`);
  assert.ok(await page.$('[data-testid="data-error"] button'));
  await page.context().close();
});

test('on a phone the month fits the screen and a tapped day lists its events', async () => {
  const page = await open(browser, `${server.url}?month=2004-02`, { width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(overflow <= 390, `page is ${overflow}px wide`);
  await page.click(`${grid} [data-date="2004-02-25"]`);
  await page.waitForFunction(() => {
    const ids = [...document.querySelectorAll('[data-event-id]')]
      .filter((e) => !e.closest('[data-testid="month-grid"]') && e.offsetParent !== null)
      .map((e) => e.dataset.eventId);
    return ids.includes('kawasaki-salon-2004-02-25') && ids.includes('nikkan-2004-02-25');
  });
  await page.context().close();
});

test('on a phone every control is a touch target of at least 44 px', async () => {
  const page = await open(browser, `${server.url}?month=2004-02`, { width: 390, height: 844 });
  const small = await page.$$eval('button, [role="gridcell"], label.project, a.event-link, input[type="search"]', (els) =>
    els
      .filter((e) => e.offsetParent !== null)
      .map((e) => [e.outerHTML.slice(0, 60), e.getBoundingClientRect().height])
      .filter(([, h]) => h < 44));
  assert.deepEqual(small, []);
  await page.context().close();
});

test('text follows the browser font size', async () => {
  const page = await open(browser, `${server.url}?month=2004-02`);
  const before = await page.$eval('h1, .site-title', (e) => parseFloat(getComputedStyle(e).fontSize));
  await page.evaluate(() => { document.documentElement.style.fontSize = '24px'; });
  const after = await page.$eval('h1, .site-title', (e) => parseFloat(getComputedStyle(e).fontSize));
  assert.ok(after > before * 1.3, `${before}px -> ${after}px`);
  await page.context().close();
});

test('keyboard: arrows move between days in the grid', async () => {
  const page = await open(browser, `${server.url}?month=2004-02`);
  await page.focus(`${grid} [data-date="2004-02-25"]`);
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.date), '2004-02-26');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.date), '2004-03-04');
  await page.context().close();
});

test('one day is picked and one cell is in the tab order, also after the month changes', async () => {
  const page = await open(browser, `${server.url}?month=2004-02`);
  const marks = () => page.evaluate((g) => {
    const cells = [...document.querySelectorAll(`${g} [role=gridcell]`)];
    return {
      picked: cells.filter((c) => c.classList.contains('picked')).map((c) => c.dataset.date),
      selected: cells.filter((c) => c.getAttribute('aria-selected') === 'true').map((c) => c.dataset.date),
      tabbable: cells.filter((c) => c.getAttribute('tabindex') === '0').map((c) => c.dataset.date),
      unmarked: cells.filter((c) => !['0', '-1'].includes(c.getAttribute('tabindex')) || !c.hasAttribute('aria-selected')).length,
    };
  }, grid);
  // A greyed day of the next month: the grid turns to March with that day picked.
  await page.click(`${grid} [data-date="2004-03-03"]`);
  await page.waitForSelector(`${grid} [data-date="2004-03-31"]`);
  await page.waitForFunction((g) => document.querySelector(`${g} .picked`)?.dataset.date === '2004-03-03', grid, { timeout: 2000 }).catch(() => {});
  assert.deepEqual(await marks(), { picked: ['2004-03-03'], selected: ['2004-03-03'], tabbable: ['2004-03-03'], unmarked: 0 });
  // PageDown moves focus a month on; still one tab stop, and it has focus.
  await page.focus(`${grid} [data-date="2004-03-10"]`);
  await page.keyboard.press('PageDown');
  await page.waitForFunction(() => document.activeElement?.dataset?.date === '2004-04-10', null, { timeout: 2000 }).catch(() => {});
  const after = await marks();
  assert.deepEqual(after.tabbable, ['2004-04-10']);
  assert.equal(after.picked.length, 1);
  assert.deepEqual(after.selected, after.picked);
  assert.equal(after.unmarked, 0);
  assert.equal(await page.evaluate(() => document.activeElement?.dataset?.date), '2004-04-10');
  await page.context().close();
});

test('English on a switch, remembered, and <html lang> follows', async () => {
  const page = await open(browser, `${server.url}?month=2004-02`);
  assert.equal(await page.getAttribute('html', 'lang'), 'ja');
  await page.click('[data-testid="lang"]');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.match(await page.textContent('body'), /February 2004/);
  await page.reload();
  await ready(page);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await page.context().close();
});

for (const [name, url] of [
  ['month', '?month=2004-02'],
  ['list', '?view=list&past=1'],
  ['detail', '?month=2004-02&e=kawasaki-salon-2004-02-25'],
]) {
  test(`axe-core finds no violations: ${name}`, async () => {
    for (const size of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
      const page = await open(browser, server.url + url, size);
      if (name === 'detail') await page.waitForSelector(detail);
      assert.deepEqual(await axe(page), [], `${name} at ${size.width}px`);
      await page.context().close();
    }
  });
}
