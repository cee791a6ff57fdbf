// The data by month (issue 23): a site of 1,000 generated events published
// as the build publishes it, whose page reads the month index and the
// opening month only, and the other months as they are needed. Each view
// is checked against the same page reading the whole file (`?src=`),
// which holds every event from the start: the same events, the same
// counts, whatever order the months arrive in.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, open, eventIds, calendar, siteCopy } from './harness.mjs';

const dist = process.env.DIST ?? 'dist';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'months-test-'));
let server;
let browser;
let data;

before(async () => {
  const site = siteCopy(dist, path.join(tmp, 'site'));
  await site.publish((await calendar(['generate', '1000'])).stdout);
  data = JSON.parse(fs.readFileSync(site.events, 'utf8'));
  server = await serve(path.join(tmp, 'site'));
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const grid = '[data-testid="month-grid"]';
const list = '[data-testid="list-view"]';
const whole = (query) => `?src=events.json${query ? `&${query}` : ''}`;
const paths = (page) => page.requests.map((u) => new URL(u).pathname);
/** The filter panel's counts, by project. */
const counts = (page) => page.$$eval('.filters .project', (labels) => labels.map((l) =>
  `${l.querySelector('input').dataset.projectId}=${l.querySelector('.count').textContent}`));

test('the first visit reads the index and one month, not the whole file', async () => {
  const page = await open(browser, server.url);
  const asked = paths(page);
  assert.ok(asked.includes('/months/index.json'), asked.join(' '));
  assert.ok(!asked.includes('/events.json'), 'events.json is not read');
  // The opening month, then at most its two neighbours, fetched ahead (the
  // service worker, once installed, asks for the same to keep them).
  const months = [...new Set(asked.filter((p) => p.startsWith('/months/2')))];
  assert.ok(months.length >= 1 && months.length <= 3, months.join(' '));
  const index = JSON.parse(fs.readFileSync(path.join(tmp, 'site/months/index.json'), 'utf8'));
  assert.equal(index.events, data.events.length);
  assert.ok(index.months.length > 12, `${index.months.length} month files`);
  // The opening month shows what the whole file shows, and so do the counts.
  const reference = await open(browser, `${server.url}${whole()}`);
  assert.equal(await page.textContent('.month-heading'), await reference.textContent('.month-heading'));
  assert.deepEqual(await eventIds(page, grid), await eventIds(reference, grid));
  assert.ok((await eventIds(page, grid)).length > 10);
  assert.deepEqual(await counts(page), await counts(reference));
  assert.deepEqual(page.errors, []);
  await page.context().close();
  await reference.context().close();
});

test('stepping through months shows each month as the whole file does', async () => {
  const page = await open(browser, `${server.url}?month=2004-06`);
  const reference = await open(browser, `${server.url}${whole('month=2004-06')}`);
  for (let step = 0; step < 4; step += 1) {
    const heading = await reference.textContent('.month-heading');
    await page.waitForFunction((h) => document.querySelector('.month-heading')?.textContent === h, heading);
    const expected = await eventIds(reference, grid);
    await page.waitForFunction(([sel, n]) => new Set([...document.querySelectorAll(`${sel} [data-event-id]`)]
      .map((e) => e.dataset.eventId)).size === n, [grid, expected.length]);
    assert.deepEqual(await eventIds(page, grid), expected, heading);
    // Backwards twice, then forwards: months already loaded and new ones.
    const button = step < 2 ? 'prev-month' : 'next-month';
    await page.click(`[data-testid="${button}"]`);
    await reference.click(`[data-testid="${button}"]`);
  }
  assert.deepEqual(page.errors, []);
  await page.context().close();
  await reference.context().close();
});

test('the list, a search and an event far from the opening month hold every event', async () => {
  const far = data.events.find((e) => e.start.startsWith('2004-02'));
  for (const query of ['view=list&past=1', `q=${encodeURIComponent(far.title)}&view=list&past=1`, `e=${far.id}`]) {
    const page = await open(browser, `${server.url}?${query}`);
    const reference = await open(browser, `${server.url}${whole(query)}`);
    if (query.startsWith('e=')) {
      await page.waitForSelector('[data-testid="event-detail"][open]');
      assert.equal(await page.textContent('#detail-title'), await reference.textContent('#detail-title'));
    } else {
      await page.waitForSelector(`${list} [data-event-id]`);
      await page.waitForFunction(() => !document.querySelector('[data-testid="list-loading"]'));
      assert.deepEqual(await eventIds(page, list), await eventIds(reference, list), query);
      assert.deepEqual(await counts(page), await counts(reference), query);
    }
    assert.ok(!paths(page).includes('/events.json'), 'the month files, not the whole file');
    assert.deepEqual(page.errors, [], query);
    await page.context().close();
    await reference.context().close();
  }
});

/** The download button's label. */
const downloadLabel = (page) => page.textContent('button.download');
/** Types `text` into the search box and waits until the counts are in. */
async function search(page, text) {
  await page.fill('[data-testid="search"]', text);
  await page.waitForFunction(() => {
    const counts = [...document.querySelectorAll('.filters .project .count')];
    return counts.length > 0 && counts.every((c) => /^\d+$/.test(c.textContent));
  });
}

test('a search in the month view reads the search index, not every month, and counts the whole data', async () => {
  const page = await open(browser, `${server.url}?month=2004-06`);
  // The month shown and its neighbours, fetched ahead (and the service
  // worker's opening month and its neighbours, kept at install).
  await page.waitForLoadState('networkidle');
  const monthFiles = () => new Set(paths(page).filter((p) => /^\/months\/\d{4}-\d{2}\.json$/.test(p)));
  const before = monthFiles();
  assert.ok(before.size >= 3 && before.size <= 6, [...before].join(' '));
  // A title's word, a project's name in full-width Latin, and in
  // half-width katakana with a word of another field.
  const indexAsked = () => paths(page).filter((p) => p === '/months/search.txt').length;
  let asked;
  for (const text of ['報告', 'ＰＲＯＪＥＣＴ 3', 'ﾌﾟﾛｼﾞｪｸﾄ 海洋', '存在しない語']) {
    await search(page, text);
    asked ??= indexAsked();
    const reference = await open(browser, `${server.url}${whole(`month=2004-06&q=${encodeURIComponent(text)}`)}`);
    assert.deepEqual(await counts(page), await counts(reference), text);
    assert.equal(await downloadLabel(page), await downloadLabel(reference), text);
    // The grid filters the month shown, which is in.
    assert.deepEqual(await eventIds(page, grid), await eventIds(reference, grid), text);
    await reference.context().close();
  }
  assert.ok((await counts(page)).every((c) => c.endsWith('=0')), 'nothing matches the last');
  await search(page, '報告');
  assert.ok((await counts(page)).some((c) => !c.endsWith('=0')), 'some match the first');
  await page.waitForLoadState('networkidle');
  // Asked at the first search (by the page, and by the service worker
  // on its behalf once it is installed), not again.
  assert.ok(asked >= 1, 'the search index is read');
  assert.equal(indexAsked(), asked, 'the search index, once');
  assert.deepEqual(monthFiles(), before, 'no month beyond those already asked');
  assert.ok(!paths(page).includes('/events.json'));
  // The list view of the same search loads every month and shows what
  // the whole file shows.
  await page.click('[data-testid="view-list"]');
  await page.waitForSelector(`${list} [data-event-id]`);
  await page.waitForFunction(() => !document.querySelector('[data-testid="list-loading"]'));
  const reference = await open(browser, `${server.url}${whole(`q=${encodeURIComponent('報告')}&view=list`)}`);
  assert.deepEqual(await eventIds(page, list), await eventIds(reference, list));
  assert.deepEqual(await counts(page), await counts(reference));
  assert.ok(monthFiles().size > 12, 'every month for the list');
  assert.deepEqual(page.errors, []);
  await page.context().close();
  await reference.context().close();
});

test('when the search index cannot be read, a search loads every month and counts them', async () => {
  const text = 'ﾌﾟﾛｼﾞｪｸﾄ 報告';
  const reference = await open(browser, `${server.url}${whole(`month=2004-06&q=${encodeURIComponent(text)}`)}`);
  const expected = await counts(reference);
  assert.ok(expected.some((c) => !c.endsWith('=0')), expected.join(' '));
  const label = await downloadLabel(reference);
  await reference.context().close();
  for (const answer of ['404', 'garbage']) {
    const page = await open(browser, `${server.url}?month=2004-06`, {
      init: `(() => {
        const original = window.fetch;
        window.fetch = (input, ...rest) => (String(input).endsWith('months/search.txt')
          ? Promise.resolve('${answer}' === '404' ? new Response('not found', { status: 404 })
            : new Response('<!doctype html><p>moved</p>', { status: 200 }))
          : original(input, ...rest));
      })();`,
    });
    await search(page, text);
    assert.deepEqual(await counts(page), expected, answer);
    assert.equal(await downloadLabel(page), label, answer);
    assert.ok(paths(page).filter((p) => /^\/months\/\d{4}-\d{2}\.json$/.test(p)).length > 12, 'every month instead');
    assert.equal(await page.$('[data-testid="month-error"], [data-testid="data-error"]'), null);
    assert.deepEqual(page.errors, [], answer);
    await page.context().close();
  }
});

test('a month that cannot be loaded is said, and the others are still shown', async () => {
  const page = await open(browser, `${server.url}?month=2004-06`, {
    init: () => {
      const original = window.fetch;
      window.fetch = (input, ...rest) => (String(input).endsWith('months/2004-08.json')
        ? Promise.reject(new TypeError('offline')) : original(input, ...rest));
    },
  });
  await page.click('[data-testid="next-month"]');
  await page.click('[data-testid="next-month"]');
  const error = await page.waitForSelector('[data-testid="month-error"]');
  assert.match(await error.textContent(), /一部の月の予定を読み込めませんでした.*months\/2004-08\.json/s);
  // The month before is still there.
  await page.click('[data-testid="prev-month"]');
  assert.ok((await eventIds(page, grid)).length > 0);
  await page.context().close();

  // A month fetched ahead that fails after it has become the one shown
  // is said too.
  const late = await open(browser, `${server.url}?month=2004-06`, {
    init: () => {
      const original = window.fetch;
      window.fetch = (input, ...rest) => (String(input).endsWith('months/2004-05.json')
        ? new Promise((_, no) => setTimeout(() => no(new TypeError('offline')), 500))
        : original(input, ...rest));
    },
  });
  await late.click('[data-testid="prev-month"]');
  const said = await late.waitForSelector('[data-testid="month-error"]');
  assert.match(await said.textContent(), /months\/2004-05\.json/);
  await late.context().close();
});

test('a month file changed by hand: its valid events show, a short banner counts the rest and opens that file in the editor', async () => {
  const page = await open(browser, `${server.url}?month=2004-06`, {
    init: () => {
      const original = window.fetch;
      window.fetch = async (input, ...rest) => {
        const answer = await original(input, ...rest);
        if (!String(input).endsWith('months/2004-07.json')) return answer;
        // One event's start made a day that does not exist.
        const text = (await answer.text()).replace(/"start": "2004-07-(1[1-9]|2\d)/, '"start": "2004-07-32');
        return new Response(text, { status: 200, headers: { 'content-type': 'application/json' } });
      };
    },
  });
  await page.click('[data-testid="next-month"]');
  const banner = await page.waitForSelector('[data-testid="data-error"]');
  assert.match(await banner.textContent(), /データに読み込めない項目が 1 件あります/);
  assert.equal(await page.getAttribute('[data-testid="data-error"] a', 'href'), 'edit/?src=../months/2004-07.json');
  assert.ok((await eventIds(page, grid)).length > 0);
  assert.equal(await page.$('[data-testid="month-error"]'), null);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the download of the selection, asked for while months are arriving, holds every event', async () => {
  // The busiest project; a search makes the page load every month, and
  // the download is asked for before they are in.
  const tally = new Map();
  for (const e of data.events) tally.set(e.project, (tally.get(e.project) ?? 0) + 1);
  const busiest = [...tally].sort((a, b) => b[1] - a[1])[0][0];
  const query = `q=${encodeURIComponent('報告')}&p=${busiest}`;
  // Every month file takes a while, so the months are still arriving at
  // the click.
  const page = await open(browser, `${server.url}?${query}`, {
    init: () => {
      const original = window.fetch;
      window.fetch = (input, ...rest) => (/months\/2[^/]*\.json$/.test(String(input))
        ? new Promise((ok) => setTimeout(ok, 700)).then(() => original(input, ...rest))
        : original(input, ...rest));
    },
  });
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('button.download')]);
  const got = fs.readFileSync(await download.path(), 'utf8');
  const reference = await open(browser, `${server.url}${whole(query)}`);
  const [wanted] = await Promise.all([reference.waitForEvent('download'), reference.click('button.download')]);
  const expected = fs.readFileSync(await wanted.path(), 'utf8');
  const count = (t) => t.split('BEGIN:VEVENT').length - 1;
  assert.ok(count(expected) > 10, `${count(expected)} events`);
  assert.equal(count(got), count(expected));
  assert.deepEqual(page.errors, []);
  await page.context().close();
  await reference.context().close();
});

test('when the opening month cannot be read, the page reads the whole file and shows everything', async () => {
  const index = JSON.parse(fs.readFileSync(path.join(tmp, 'site/months/index.json'), 'utf8'));
  // Every event is past: the month where the latest one starts.
  const opening = index.months.filter(([, , starting]) => starting > 0).at(-1)[0];
  const page = await open(browser, server.url, {
    init: `(() => {
      const original = window.fetch;
      window.fetch = (input, ...rest) => (String(input).endsWith('months/${opening}.json')
        ? Promise.reject(new TypeError('offline')) : original(input, ...rest));
    })();`,
  });
  const reference = await open(browser, `${server.url}${whole()}`);
  assert.equal(await page.textContent('.month-heading'), await reference.textContent('.month-heading'));
  assert.match(await page.textContent('.month-heading'), new RegExp(`${opening.slice(0, 4)}年.*${Number(opening.slice(5))}月`));
  assert.deepEqual(await eventIds(page, grid), await eventIds(reference, grid));
  assert.ok(paths(page).includes('/events.json'), 'the whole file instead');
  assert.equal(await page.$('[data-testid="month-error"], [data-testid="data-error"]'), null);
  assert.deepEqual(page.errors, []);
  await page.context().close();
  await reference.context().close();
});

test('a step to a month on its way waits for it (a moment at most) and draws it once, with its events', async () => {
  // July is held back by the test until released; June is shown.
  const init = () => {
    const original = window.fetch;
    let release;
    const released = new Promise((ok) => { release = ok; });
    window.__release = release;
    window.fetch = (input, ...rest) => {
      if (!String(input).endsWith('months/2004-07.json')) return original(input, ...rest);
      window.__asked = true;
      return released.then(() => original(input, ...rest));
    };
    // Every heading the page showed, with the July events in the grid then.
    window.__seen = [];
    new MutationObserver(() => {
      const heading = document.querySelector('.month-heading')?.textContent;
      const grid = document.querySelector('[data-testid="month-grid"]');
      const july = grid ? [...grid.querySelectorAll('[role=gridcell][data-date^="2004-07"] [data-event-id]')].length : 0;
      const last = window.__seen.at(-1);
      if (heading && (!last || last.heading !== heading || last.july !== july)) window.__seen.push({ heading, july });
    }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  };
  const reference = await open(browser, `${server.url}${whole('month=2004-07')}`);
  const julyHeading = await reference.textContent('.month-heading');
  const julyEvents = await eventIds(reference, grid);
  assert.ok(julyEvents.length > 0, 'July has events');
  await reference.context().close();

  // Released within the wait: July appears with its events at once.
  const page = await open(browser, `${server.url}?month=2004-06`, { init });
  const june = await page.textContent('.month-heading');
  await page.waitForFunction(() => window.__asked);
  await page.click('[data-testid="next-month"]');
  assert.equal(await page.textContent('.month-heading'), june, 'June stays while July is on its way');
  await page.evaluate(() => window.__release());
  await page.waitForFunction((h) => document.querySelector('.month-heading')?.textContent === h, julyHeading);
  await page.waitForFunction(([sel, n]) => new Set([...document.querySelectorAll(`${sel} [data-event-id]`)]
    .map((e) => e.dataset.eventId)).size === n, [grid, julyEvents.length]);
  assert.deepEqual(await eventIds(page, grid), julyEvents);
  const seen = await page.evaluate(() => window.__seen);
  const first = seen.find((s) => s.heading === julyHeading);
  assert.ok(first && first.july > 0, `July first shown with its events: ${JSON.stringify(seen)}`);
  assert.deepEqual(page.errors, []);
  await page.context().close();

  /** June with July asked for and held back, after a tap on next. */
  const nextWhileHeld = async () => {
    const held = await open(browser, `${server.url}?month=2004-06`, { init });
    await held.waitForFunction(() => window.__asked);
    await held.click('[data-testid="next-month"]');
    return held;
  };

  // Not released: July is shown anyway after the wait, and its events come
  // when the file does.
  const slow = await nextWhileHeld();
  await slow.waitForFunction((h) => document.querySelector('.month-heading')?.textContent === h, julyHeading);
  // (what June's file holds of July's weeks is there already)
  assert.ok((await eventIds(slow, grid)).length < julyEvents.length, 'July without its own events yet');
  await slow.evaluate(() => window.__release());
  await slow.waitForFunction(([sel, n]) => new Set([...document.querySelectorAll(`${sel} [data-event-id]`)]
    .map((e) => e.dataset.eventId)).size === n, [grid, julyEvents.length]);
  assert.deepEqual(slow.errors, []);
  await slow.context().close();

  // Two taps while July is on its way: August, stepped from July.
  const quick = await nextWhileHeld();
  await quick.click('[data-testid="next-month"]');
  await quick.waitForFunction(() => /8月/.test(document.querySelector('.month-heading')?.textContent ?? ''));
  assert.match(await quick.textContent('.month-heading'), /2004年.*8月/);
  assert.match(new URL(quick.url()).search, /month=2004-08/);
  await quick.evaluate(() => window.__release());
  assert.deepEqual(quick.errors, []);
  await quick.context().close();

  // The list view asked for while July waits: July is not pushed after.
  const away = await nextWhileHeld();
  await away.click('[data-testid="view-list"]');
  await away.waitForSelector('[data-testid="list-view"]');
  await away.evaluate(() => window.__release());
  await away.waitForTimeout(400);
  assert.ok(await away.isVisible('[data-testid="list-view"]'), 'the list view stays');
  assert.doesNotMatch(new URL(away.url()).search, /month=2004-07/);
  assert.deepEqual(away.errors, []);
  await away.context().close();
});

test('on a phone, a day\'s "+N件" is not crossed by its bars', async () => {
  const page = await open(browser, `${server.url}?month=2004-06`, { width: 390, height: 844, scale: 2 });
  let checked = 0;
  for (let step = 0; step < 6; step += 1) {
    const clashes = await page.$$eval(`${grid} .more`, (labels) => labels.flatMap((more) => {
      const m = more.getBoundingClientRect();
      const x = (m.left + m.right) / 2;
      // Bars start in one day and span to the right: every bar of the
      // grid over the label's middle.
      const over = [...document.querySelectorAll('[data-testid="month-grid"] .bar')]
        .map((b) => b.getBoundingClientRect())
        .filter((b) => b.left <= x && x <= b.right && b.bottom > m.top + 0.5 && b.top < m.bottom);
      return over.length ? [`${more.closest('[role=gridcell]')?.dataset.date}: ${more.textContent}`] : [];
    }));
    assert.deepEqual(clashes, [], `${await page.textContent('.month-heading')}`);
    checked += await page.$$eval(`${grid} .more`, (l) => l.length);
    const heading = await page.textContent('.month-heading');
    await page.click('[data-testid="next-month"]');
    await page.waitForFunction((h) => document.querySelector('.month-heading')?.textContent !== h, heading);
  }
  assert.ok(checked > 0, 'some days had more events than lanes');
  await page.context().close();
});
