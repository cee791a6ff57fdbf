// Redrawing the month grid in place (vendor/README.md): a step to another
// month reuses the grid's elements and changes only the attributes whose
// values changed, instead of removing every attribute and setting it
// again. The grid drawn by steps must be exactly the grid a fresh page
// draws for that month, and a step must remove (almost) no attributes.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, open, calendar } from './harness.mjs';

const dist = process.env.DIST ?? 'dist';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'redraw-test-'));
let server;
let browser;

before(async () => {
  // One whole file of 1,000 generated events (some 40 a month), read
  // with `?src=`: every month is in from the start.
  fs.cpSync(dist, tmp, { recursive: true });
  fs.writeFileSync(path.join(tmp, 'events-1000.json'), (await calendar(['generate', '1000'])).stdout);
  server = await serve(tmp);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

// Counts the page's attribute calls (the wasm's DOM calls go through these).
const COUNT = () => {
  window.__attrs = { set: 0, remove: 0 };
  for (const [name, key] of [['setAttribute', 'set'], ['removeAttribute', 'remove']]) {
    const original = Element.prototype[name];
    Element.prototype[name] = function (...args) {
      window.__attrs[key] += 1;
      return original.apply(this, args);
    };
  }
};
const url = (month) => `${server.url}?src=events-1000.json&month=${month}`;
/** The grid as markup, with the marks of the picked and focusable day left out. */
const gridHtml = (page) => page.$eval('[data-testid="month-grid"]', (g) => {
  const copy = g.cloneNode(true);
  for (const cell of copy.querySelectorAll('[role="gridcell"]')) {
    cell.classList.remove('picked');
    cell.removeAttribute('aria-selected');
    cell.removeAttribute('tabindex');
  }
  return copy.outerHTML;
});

test('stepping through months draws each grid as a fresh page draws it, removing almost no attribute', async () => {
  const page = await open(browser, url('2004-06'), { init: COUNT });
  const months = ['2004-07', '2004-08', '2004-09', '2004-08'];
  for (const month of months) {
    const before = await page.evaluate(() => ({ ...window.__attrs }));
    const back = month < (await page.$eval('[data-testid="month-grid"] [data-date$="-15"]', (c) => c.dataset.date));
    await page.click(`[data-testid="${back ? 'prev-month' : 'next-month'}"]`);
    await page.waitForSelector(`[data-testid="month-grid"] [data-date="${month}-15"]`);
    const calls = await page.evaluate((b) => ({ set: window.__attrs.set - b.set, remove: window.__attrs.remove - b.remove }), before);
    // Some 40 events and 42 cells: removing and setting everything again
    // made hundreds of removals; redrawn in place, a removal is only an
    // attribute that goes (a cancelled mark, today's aria-current).
    assert.ok(calls.remove < 20, `${month}: ${calls.remove} attributes removed (${calls.set} set)`);
    assert.ok(calls.set > 0, `${month}: nothing set`);
    const fresh = await open(browser, url(month));
    assert.equal(await gridHtml(page), await gridHtml(fresh), `${month}: the stepped grid differs from a fresh one`);
    await fresh.context().close();
  }
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
