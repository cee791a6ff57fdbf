// Reads the published news feeds with feedsmith (a feed parser from npm
// that throws on what is not Atom or JSON Feed) and fast-xml-parser's XML
// validator, and checks what a feed reader would see against events.json
// itself: one entry per event of the feed, stable tag: ids, links that
// reach the event's share page, `updated` from the data, titles marked
// when cancelled. The feeds are announced in index.html and share pages.
//
// Run: DIST=dist node --test tests/clients/   (make test does this)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parseAtomFeed, parseJsonFeed } from 'feedsmith';
import { XMLValidator } from 'fast-xml-parser';

const dist = process.env.DIST ?? 'dist';
const data = JSON.parse(fs.readFileSync(path.join(dist, 'events.json'), 'utf8'));
const domain = data.site.domain;
const read = (rel) => fs.readFileSync(path.join(dist, rel), 'utf8');
const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$/;

/** When an event last changed, as the feeds must say it: its `updated`, else the site's. */
function changed(e) {
  return Date.parse(e.updated ?? data.site.updated);
}

/** The events a feed of `project` (or all) holds: the 20 last changed and the upcoming ones. */
function expected(project) {
  const mine = data.events.filter((e) => !project || e.project === project);
  // The shipped data has no more than 20 events per feed: all of them.
  assert.ok(mine.length <= 20, 'the expectation below assumes at most 20 events');
  return mine;
}

const feeds = [{ project: null, atom: 'feed.atom', json: 'feed.json', root: '' }].concat(
  data.projects.map((p) => ({ project: p.id, atom: `feeds/${p.id}.atom`, json: `feeds/${p.id}.json`, root: '../' })),
);

test('every Atom feed is well-formed XML and parses as Atom with one entry per event', () => {
  for (const f of feeds) {
    const text = read(f.atom);
    assert.equal(XMLValidator.validate(text), true, `${f.atom} is well-formed XML`);
    const feed = parseAtomFeed(text);
    feed.entries ??= []; // a project with no events: an empty, valid feed
    assert.equal(feed.id, `tag:${domain},2004:feed/${f.project ?? 'all'}`);
    assert.ok(feed.title.value.includes(data.site.name.ja), f.atom);
    assert.match(feed.updated, RFC3339);
    assert.ok(feed.authors?.[0]?.name, `${f.atom} has an author (RFC 4287 §4.1.1)`);
    const events = expected(f.project);
    assert.equal(feed.entries.length, events.length, f.atom);
    for (const entry of feed.entries) {
      const id = entry.id.replace(`tag:${domain},2004:event/`, '');
      const event = data.events.find((e) => e.id === id);
      assert.ok(event, `${f.atom}: ${entry.id} is an event of the data`);
      if (f.project) assert.equal(event.project, f.project);
      assert.match(entry.updated, RFC3339);
      assert.equal(Date.parse(entry.updated), changed(event), `${id}: updated`);
      const title = (event.status === 'cancelled' ? '【中止】' : '') + event.title;
      assert.equal(entry.title.value, title);
      const link = entry.links.find((l) => l.rel === 'alternate');
      assert.equal(link.href, `${f.root}e/${id}.html`);
      // The link, resolved against the feed's own address, is the share page.
      const target = path.join(path.dirname(path.join(dist, f.atom)), link.href);
      assert.ok(fs.existsSync(target), `${f.atom}: ${link.href} exists`);
      assert.equal(entry.categories[0].term, event.project);
    }
    // Newest change first.
    const times = feed.entries.map((e) => Date.parse(e.updated));
    assert.deepEqual(times, [...times].sort((a, b) => b - a));
  }
});

test('every JSON Feed parses as JSON Feed 1.1 with the same entries', () => {
  for (const f of feeds) {
    const text = read(f.json);
    const raw = JSON.parse(text);
    assert.equal(raw.version, 'https://jsonfeed.org/version/1.1');
    const feed = parseJsonFeed(text);
    feed.items ??= [];
    const events = expected(f.project);
    assert.equal(feed.items.length, events.length, f.json);
    const atom = parseAtomFeed(read(f.atom));
    assert.deepEqual(feed.items.map((i) => i.id), (atom.entries ?? []).map((e) => e.id), `${f.json} and ${f.atom} agree`);
    for (const item of feed.items) {
      const id = item.id.replace(`tag:${domain},2004:event/`, '');
      const event = data.events.find((e) => e.id === id);
      assert.ok(event, item.id);
      assert.equal(item.url, `${f.root}e/${id}.html`);
      assert.ok(fs.existsSync(path.join(path.dirname(path.join(dist, f.json)), item.url)));
      assert.match(item.date_modified, RFC3339);
      assert.equal(Date.parse(item.date_modified), changed(event));
      assert.ok(item.content_text.length > 0);
    }
  }
});

test('the page and the share pages announce the feeds', () => {
  const index = read('index.html');
  assert.match(index, /<link rel="alternate" type="application\/atom\+xml" href="feed.atom"/);
  assert.match(index, /<link rel="alternate" type="application\/feed\+json" href="feed.json"/);
  for (const e of data.events) {
    const page = read(`e/${e.id}.html`);
    assert.ok(page.includes(`<link rel="alternate" type="application/atom+xml" href="../feeds/${e.project}.atom">`), e.id);
    assert.ok(page.includes(`<link rel="alternate" type="application/feed+json" href="../feeds/${e.project}.json">`), e.id);
  }
});
