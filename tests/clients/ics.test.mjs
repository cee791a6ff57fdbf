// Reads every .ics file that the build published with Mozilla's ical.js
// (the parser behind Thunderbird) and checks what a calendar app would
// see against events.json itself: count, UIDs, start and end instants,
// summaries. The expectations are computed here from the data, not from
// our writer, so a mistake in the writer cannot hide in both places.
//
// Run: DIST=dist node --test tests/clients/   (make test does this)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';

const dist = process.env.DIST ?? 'dist';
const data = JSON.parse(fs.readFileSync(path.join(dist, 'events.json'), 'utf8'));
const domain = data.site.domain;

function read(rel) {
  return fs.readFileSync(path.join(dist, rel), 'utf8');
}

/** Parses a file, registers its time zones, returns its VEVENTs. */
function parse(text) {
  const cal = new ICAL.Component(ICAL.parse(text));
  for (const tz of cal.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(tz);
  }
  return { cal, events: cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)) };
}

const tokyo = (local) => new Date(`${local.length === 16 ? local + ':00' : local}+09:00`).getTime();
const nextDay = (date) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

/** What a calendar app must show for an event of the data. */
function expected(e) {
  const summary = e.status === 'cancelled' ? `【中止】${e.title}` : e.title;
  if (!e.start.includes('T')) {
    return { summary, allDay: true, start: e.start, end: nextDay(e.end ?? e.start) };
  }
  const start = tokyo(e.start);
  let end;
  if (e.end) {
    end = tokyo(e.end);
  } else {
    // Two hours, but not past the midnight that ends the day (README).
    end = Math.min(start + 2 * 3600 * 1000, tokyo(`${nextDay(e.start.slice(0, 10))}T00:00`));
  }
  return { summary, allDay: false, start, end };
}

function checkEvent(ev, e) {
  const want = expected(e);
  assert.equal(ev.uid, `${e.id}@${domain}`);
  assert.equal(ev.summary, want.summary, e.id);
  assert.equal(ev.startDate.isDate, want.allDay, `${e.id}: all-day`);
  if (want.allDay) {
    assert.equal(ev.startDate.toString(), want.start, `${e.id}: start`);
    assert.equal(ev.endDate.toString(), want.end, `${e.id}: exclusive end`);
  } else {
    assert.equal(ev.startDate.zone.tzid, 'Asia/Tokyo', `${e.id}: zone`);
    assert.equal(ev.startDate.toJSDate().getTime(), want.start, `${e.id}: start`);
    assert.equal(ev.endDate.toJSDate().getTime(), want.end, `${e.id}: end`);
  }
}

/** Octet-level rules that a parser may forgive but a phone may not. */
function checkOctets(rel, text) {
  const bytes = Buffer.from(text, 'utf8');
  assert.ok(text.endsWith('\r\n'), `${rel}: ends with CRLF`);
  assert.ok(!/[^\r]\n/.test(text), `${rel}: a bare LF`);
  let start = 0;
  for (let i = 0; i < bytes.length - 1; i++) {
    if (bytes[i] === 0x0d && bytes[i + 1] === 0x0a) {
      assert.ok(i - start <= 75, `${rel}: a line of ${i - start} octets`);
      start = i + 2;
    }
  }
}

test('every event has its own .ics, read by ical.js as the data says', () => {
  assert.ok(data.events.length > 0);
  for (const e of data.events) {
    const rel = `ics/event/${e.id}.ics`;
    const text = read(rel);
    checkOctets(rel, text);
    const { events } = parse(text);
    assert.equal(events.length, 1, rel);
    checkEvent(events[0], e);
  }
});

test('the feed of all events holds each event once', () => {
  const text = read('ics/all.ics');
  checkOctets('ics/all.ics', text);
  const { cal, events } = parse(text);
  assert.equal(cal.getFirstPropertyValue('x-wr-calname'), data.site.name.ja ?? data.site.name);
  assert.deepEqual(events.map((ev) => ev.uid).sort(), data.events.map((e) => `${e.id}@${domain}`).sort());
  const byUid = new Map(data.events.map((e) => [`${e.id}@${domain}`, e]));
  for (const ev of events) checkEvent(ev, byUid.get(ev.uid));
});

test('each project feed holds exactly its events', () => {
  for (const p of data.projects) {
    const rel = `ics/project/${p.id}.ics`;
    const text = read(rel);
    checkOctets(rel, text);
    const { cal, events } = parse(text);
    const mine = data.events.filter((e) => e.project === p.id);
    assert.equal(events.length, mine.length, rel);
    assert.deepEqual(events.map((ev) => ev.uid).sort(), mine.map((e) => `${e.id}@${domain}`).sort());
    const name = typeof p.name === 'string' ? p.name : p.name.ja;
    assert.ok(cal.getFirstPropertyValue('x-wr-calname').includes(name), rel);
  }
});

test('Japanese text survives folding: the description round-trips', () => {
  const e = data.events.find((e) => (e.description ?? '').length > 60);
  assert.ok(e, 'an event with a long description');
  const { events } = parse(read(`ics/event/${e.id}.ics`));
  assert.ok(events[0].description.includes(e.description), e.id);
});
