// An event's facts read alike in the app's detail and on its share page,
// in headless Chromium: for every shipped event, the detail's <dt>/<dd>
// pairs (and the organiser and date in its head) against the share page
// e/<id>.html read without JavaScript, as a browser without it or a
// search engine reads it. Both are written from views::facts (the native
// tests pin the share page and the FAX sheet to it); this checks what a
// reader sees: the labels (the share page's Japanese part) and the
// values, as rendered text with the whitespace collapsed.
// Run with the other browser tests: DIST=dist node --test tests/browser/.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, open } from './harness.mjs';

const dist = process.env.DIST ?? 'dist';
const data = JSON.parse(fs.readFileSync(path.join(dist, 'events.json'), 'utf8'));
const detail = '[data-testid="event-detail"]';

const squeeze = (text) => text.replace(/\s+/g, ' ').trim();

/** What a <dl> says, read in the page: `[label, value]` of every <dt> and
 * the <dd> after it as rendered text, and the links of its values. */
async function readList(handle) {
  const { pairs, links } = await handle.evaluate((dl) => ({
    pairs: [...dl.querySelectorAll(':scope > dt')].map((dt) => [dt.innerText, dt.nextElementSibling.innerText]),
    links: [...dl.querySelectorAll(':scope > dd a')].map((a) => a.getAttribute('href')),
  }));
  return { pairs: pairs.map(([k, v]) => [squeeze(k), squeeze(v)]), links };
}

/** What the app's detail says of event `id`: its list, and the organiser
 * and the date in its head. The app moves to `?e=<id>` as on the back
 * button (popstate), without loading again. */
async function app(page, id) {
  await page.evaluate((e) => {
    history.pushState(null, '', `?e=${e}`);
    dispatchEvent(new PopStateEvent('popstate'));
  }, id);
  const body = await page.waitForSelector(`${detail} .detail-body[data-event-id="${id}"]`);
  const head = await body.evaluate((b) => [b.querySelector('.detail-project').innerText, b.querySelector('.when').innerText]);
  return { ...(await readList(await body.$('dl.facts'))), 主催: squeeze(head[0]), 日時: squeeze(head[1]) };
}

/** What every share page says, read without JavaScript: event id -> list. */
async function sharePages(browser, url) {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const lists = new Map();
  for (const e of data.events) {
    await page.goto(`${url}e/${e.id}.html`, { waitUntil: 'domcontentloaded' });
    lists.set(e.id, await readList(await page.$('dl')));
  }
  await context.close();
  return lists;
}

test('every event: the share page says what the app detail says, in its words and order', async (t) => {
  assert.ok(data.events.length > 10);
  const server = await serve(dist);
  const browser = await launch();
  t.after(() => Promise.all([browser.close(), server.close()]));
  // The share pages are read while the app loads.
  const [page, shares] = await Promise.all([open(browser, server.url), sharePages(browser, server.url)]);
  for (const e of data.events) {
    const shown = await app(page, e.id);
    const share = shares.get(e.id);
    const list = [];
    for (const [label, value] of share.pairs) {
      const [ja, en] = label.split(' / ');
      assert.ok(en, `${e.id}: "${label}" is Japanese / English`);
      if (ja === '主催' || ja === '日時') {
        // The app writes these in the detail's head.
        assert.equal(value, shown[ja], `${e.id}: ${ja}`);
      } else if (ja !== '申込締切' && ja !== '申し込み') {
        // (The deadline and the form are the app's sign-up box, whose
        // buttons depend on the day; the shipped data has none.)
        list.push([ja, value]);
      }
    }
    assert.deepEqual(list, shown.pairs, e.id);
    // The same links, in the same order (the share page's sign-up form aside).
    assert.deepEqual(share.links.filter((h) => shown.links.includes(h)), shown.links, e.id);
  }
  // The drifted words are gone from the share page, and the app's are there.
  const salon = fs.readFileSync(path.join(dist, 'e/kawasaki-salon-2004-02-25.html'), 'utf8');
  assert.ok(salon.includes('<dt>問い合わせ・申込 / Contact</dt>'));
  assert.ok(!salon.includes('問合せ'));
  const boshoku = fs.readFileSync(path.join(dist, 'e/boshoku-seminar-2004-03-03.html'), 'utf8');
  assert.ok(boshoku.includes('<dt>詳細 / Details</dt>') && !boshoku.includes('詳しく'));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
