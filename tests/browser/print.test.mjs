// Printing the month view: Chromium's print to PDF gives an A4 landscape
// page with the month and no controls, then every event of the month as
// a list with project names (which survive black-and-white printing).
// The PDF is kept in target/print-month.pdf to look at.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { serve, launch, open } from './harness.mjs';

const dist = process.env.DIST ?? 'dist';
let server;
let browser;

before(async () => {
  server = await serve(dist);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('the month prints on A4 landscape with every event and its project as text', async () => {
  const page = await open(browser, `${server.url}?month=2004-02`);
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  fs.mkdirSync('target', { recursive: true });
  fs.writeFileSync('target/print-month.pdf', pdf);
  // A4 landscape is 842 x 595 points.
  const box = pdf.toString('latin1').match(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/);
  assert.ok(box, 'a MediaBox');
  assert.ok(Math.abs(Number(box[1]) - 842) < 2 && Math.abs(Number(box[2]) - 595) < 2, `page ${box[1]} x ${box[2]}`);
  // pdftotext breaks Japanese lines at odd places: compare without spaces.
  const raw = execFileSync('pdftotext', ['-layout', 'target/print-month.pdf', '-'], { encoding: 'utf8' });
  const pages = raw.split('\f').map((p) => p.replace(/\s+/g, '')).filter((p) => p);
  const text = pages.join('');
  assert.equal(pages.length, 2, 'the month on page 1, the list on page 2');
  assert.match(pages[0], /2004年（平成16年）2月/);
  assert.match(pages[0], /建国記念の日/);
  for (const control of ['今日', '絞り込み', 'English', '一覧']) {
    assert.ok(!text.includes(control), `no "${control}" on paper`);
  }
  // Every event of February is listed with its project's name.
  for (const [title, project] of [
    ['テクニカルショウヨコハマ 出展', '高機能・環境舗装等プロジェクト'],
    ['かわさき経済人ネットワークサロン 第1回会合（発足会）', 'かわさき経済人ネットワークサロン'],
    ['日韓ビジネス協議会', '日韓ビジネス協議会'],
    ['第2回「公的補助金活用・普及セミナー」', '公的補助金プロジェクト'],
    ['横浜金沢地区・公的補助金活用・普及セミナー', '公的補助金プロジェクト'],
  ]) {
    assert.ok(pages[1].includes(title.replace(/\s+/g, '')), `lists ${title}`);
    assert.ok(pages[1].includes(project), `names ${project}`);
  }
  assert.match(pages[1], /^2004年（平成16年）2月の予定（7件）/);
  // After printing, the screen is as before.
  assert.equal(await page.$('.print-list'), null);
  await page.context().close();
});
