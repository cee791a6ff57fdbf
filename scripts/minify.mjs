// Minifies what Trunk staged for one page, before `calendar publish` (or
// `calendar csp --editor`) reads it: the wasm-bindgen JS glue that the page
// preloads as a module, and its style sheets (inlined in index.html or
// linked). Trunk's own `--minify` cannot be used: its JS minifier fails on
// the glue's `export default`, and its HTML minifier drops the `<head>` tag
// that the pre-render and the CSP are written into. Usage (a Trunk
// post_build hook):
//   node scripts/minify.mjs "$TRUNK_STAGING_DIR"
// The Subresource Integrity hashes in index.html are written again for the
// minified files. esbuild comes from npm (scripts/package.json, installed by
// scripts/setup.sh). Deterministic: the same input gives the same bytes.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const esbuild = require('esbuild');

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node scripts/minify.mjs STAGING_DIR');
  process.exit(2);
}
const htmlPath = path.join(dir, 'index.html');
let html = fs.readFileSync(htmlPath, 'utf8');
const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

// The glue (every module the page preloads) and the linked style sheets:
// the files that index.html names with an integrity hash.
const linked = /<link rel="(modulepreload|stylesheet)" href="\.\/([^"/]+\.(?:js|css))"[^>]*?integrity="(sha384-[^"]+)"/g;
const files = [...html.matchAll(linked)];
if (!files.some(([, rel]) => rel === 'modulepreload')) {
  console.error(`${htmlPath}: no <link rel="modulepreload" … integrity> (has Trunk's output changed?)`);
  process.exit(1);
}
for (const [, , name, old] of files) {
  const file = path.join(dir, name);
  const before = fs.readFileSync(file);
  if (sri(before) !== old) {
    console.error(`${file}: does not match its integrity hash in index.html`);
    process.exit(1);
  }
  const loader = name.endsWith('.css') ? 'css' : 'js';
  const { code } = esbuild.transformSync(before.toString('utf8'), {
    loader, format: loader === 'js' ? 'esm' : undefined, minify: true, legalComments: 'none', charset: 'utf8',
  });
  fs.writeFileSync(file, code);
  html = html.split(`integrity="${old}"`).join(`integrity="${sri(code)}"`);
  console.log(`minify: ${name} ${before.length} -> ${Buffer.byteLength(code)} bytes`);
}

// The inlined style sheets.
html = html.replace(/<style>([\s\S]*?)<\/style>/g, (_, css) => {
  const { code } = esbuild.transformSync(css, { loader: 'css', minify: true, legalComments: 'none', charset: 'utf8' });
  console.log(`minify: inline style ${Buffer.byteLength(css)} -> ${Buffer.byteLength(code)} bytes`);
  return `<style>${code.trimEnd()}</style>`;
});
fs.writeFileSync(htmlPath, html);
