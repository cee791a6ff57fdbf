#!/usr/bin/env bash
# The member page's first-load weight, as a test:  scripts/size-guard.sh [DIST]
#
# Reads DIST/index.html (default: dist, after `make build`), finds the
# WebAssembly, the JS glue and the CSS it loads or inlines, prints their
# sizes raw and gzip -9 (node's zlib, as bench/browser.mjs), and fails
# when the gzip sum passes LIMIT, or when index.html itself (with the
# pre-rendered opening view) passes HTML_LIMIT: the page's first flight
# (issue 23). The data is not counted (one month of it comes first, see
# README "Publish").
#
# LIMIT is the figure reached (issue 23: 206,061 with the lean decoder,
# the search index, the renderer fix, the subscribe rows drawn when
# opened and the glue and CSS minified, see README "First-load size")
# plus under 1 % headroom: lower it as it shrinks, and raise it only
# knowingly.

set -euo pipefail
cd "$(dirname "$0")/.."
dist="${1:-dist}"

LIMIT=207800
HTML_LIMIT=14000

[ -f "$dist/index.html" ] || { echo "size-guard: $dist/index.html is missing; run make build" >&2; exit 2; }

node - "$dist" "$LIMIT" "$HTML_LIMIT" <<'JS'
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const [dist, limit, htmlLimit] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
// What the page loads: Trunk's hashed outputs that index.html names (the
// module import and preloads of the wasm and its JS glue, a stylesheet
// link), and the CSS inlined in it (<style>). The small scripts copied as
// they are (preload-data.js, sw-register.js) and the rest of the HTML are
// not counted.
const files = [...new Set(Array.from(
  html.matchAll(/["'](?:\.\/)?([\w.-]+-[0-9a-f]{1,16}(?:_bg)?\.(?:wasm|js|css))["']/g), (m) => m[1]))]
  .sort((a, b) => path.extname(b).localeCompare(path.extname(a)));
const parts = files.map((f) => [f, fs.readFileSync(path.join(dist, f))]);
const inline = Array.from(html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g), (m) => m[1]).join('');
if (inline) parts.push(['CSS inlined in index.html', Buffer.from(inline)]);
for (const [kind, found] of [
  ['wasm', files.some((f) => f.endsWith('.wasm'))],
  ['js', files.some((f) => f.endsWith('.js'))],
  ['css', inline !== '' || files.some((f) => f.endsWith('.css'))],
]) {
  if (!found) {
    console.error(`size-guard: found no ${kind} loaded by ${dist}/index.html`);
    process.exit(2);
  }
}
let raw = 0;
let gz = 0;
console.log('| first load (wasm + JS + CSS) | raw | gzip -9 |');
console.log('|---|---:|---:|');
for (const [name, bytes] of parts) {
  const g = zlib.gzipSync(bytes, { level: 9 }).length;
  raw += bytes.length;
  gz += g;
  console.log(`| ${name} | ${bytes.length} | ${g} |`);
}
console.log(`| **sum** | **${raw}** | **${gz}** |`);
if (gz > limit) {
  console.error(`size-guard: the first load is ${gz} bytes gzip, over the limit of ${limit} ` +
    `(scripts/size-guard.sh). Find what grew with bench/size.sh; raise LIMIT only knowingly.`);
  process.exit(1);
}
const page = zlib.gzipSync(Buffer.from(html), { level: 9 }).length;
if (page > htmlLimit) {
  console.error(`size-guard: index.html is ${page} bytes gzip, over the limit of ${htmlLimit} ` +
    '(scripts/size-guard.sh): the pre-rendered view no longer fits the first flight.');
  process.exit(1);
}
console.log(`size-guard: ${gz} of ${limit} bytes gzip (${(100 * gz / limit).toFixed(1)} %); ` +
  `index.html ${page} of ${htmlLimit}`);
JS
