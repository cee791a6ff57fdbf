// The link check of a built site: every address the site publishes that
// points into the site itself must reach a published file, also when the
// site is served from a sub-folder (GitHub Pages serves /<repo>/).
//
// What is read, all of it found in the folder rather than listed here:
// - every HTML page (the member page with its pre-rendered view, share
//   pages, FAX sheets, the embed, the editor page, whatever else there
//   is): every href, src, srcset, action, poster and data attribute;
// - Atom and XML files (feeds, the sitemap): href and src attributes,
//   and the text of <loc>, <icon>, <logo> and <uri>;
// - JSON feeds and the web manifest: their address fields (url, src,
//   start_url, scope, …); style sheets: their url(…);
// - every text file: absolute addresses under the site's own address
//   (`site.url`, when given), as in JSON-LD, og:url, robots.txt and the
//   calendar files;
// - each service worker a page registers: its registration script and
//   the worker's install step are run in a sandbox whose `fetch` reads
//   the folder, and every file the worker asks for must be there;
// - the month index (months/index.json): every month file it lists, as
//   the member page fetches them, and the search index beside it
//   (months/search.txt), which the page fetches at its first search.
// Addresses of other sites, mailto:, tel:, webcal: and in-page #anchors
// are not followed. Used by links.test.mjs; by hand:
// `node tests/browser/links.mjs dist [https://example.org/calendar/]`.

import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

/** Where the site is pretended to be served: a sub-folder of a host. */
export const SERVED = 'http://127.0.0.1:8080/calendar/';

const TEXT = /\.(html|xml|atom|json|webmanifest|txt|svg|ics|js|css)$/;

/** Every file of `root`, by path relative to it (with '/'). */
function filesOf(root) {
  const out = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(path.relative(root, full).split(path.sep).join('/'));
    }
  };
  walk(root);
  return out.sort();
}

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function unescape(text) {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (all, name) => {
    if (name[0] === '#') {
      const n = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return String.fromCodePoint(n);
    }
    return ENTITIES[name.toLowerCase()] ?? all;
  });
}

/** The tags of an HTML or XML text with their attributes (comments, and
 * the contents of scripts and styles, left out). */
function tags(text) {
  const bare = text
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/(<(script|style)\b[^>]*>)[\s\S]*?<\/\2\s*>/gi, '$1');
  const out = [];
  for (const [, name, rest] of bare.matchAll(/<([a-zA-Z][\w:-]*)((?:"[^"]*"|'[^']*'|[^'">])*)>/g)) {
    const attrs = {};
    for (const [, key, , dq, sq, plain] of rest.matchAll(/([^\s=/>]+)(\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
      attrs[key.toLowerCase()] = unescape(dq ?? sq ?? plain ?? '');
    }
    out.push({ name: name.toLowerCase(), attrs });
  }
  return out;
}

const LINK_ATTRS = ['href', 'src', 'action', 'poster', 'data'];
const ADDRESS_KEYS = new Set(['url', 'src', 'href', 'start_url', 'scope', 'home_page_url', 'feed_url', 'icon', 'favicon', 'image', 'banner_image', 'avatar']);

/** The addresses one file names, as written. */
function addressesIn(rel, text) {
  const out = [];
  if (/\.(html|xml|atom|svg)$/.test(rel)) {
    for (const { name, attrs } of tags(text)) {
      for (const a of LINK_ATTRS) if (attrs[a] !== undefined && !(name === 'html' && a === 'data')) out.push(attrs[a]);
      if (attrs.srcset) for (const part of attrs.srcset.split(',')) out.push(part.trim().split(/\s+/)[0]);
      if (name === 'meta' && /^refresh$/i.test(attrs['http-equiv'] ?? '')) {
        const m = /url\s*=\s*(.+)$/i.exec(attrs.content ?? '');
        if (m) out.push(m[1].trim());
      }
    }
    if (!rel.endsWith('.html')) {
      for (const [, , value] of text.matchAll(/<(loc|icon|logo|uri)>([^<]*)<\/\1>/g)) out.push(unescape(value.trim()));
    }
  }
  if (rel.endsWith('.css')) {
    for (const [, , value] of text.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)) out.push(value.trim());
  }
  const isFeed = rel.endsWith('.json') && /"version"\s*:\s*"https:\/\/jsonfeed\.org\//.test(text);
  if (rel.endsWith('.webmanifest') || isFeed) {
    const walk = (value, key) => {
      if (Array.isArray(value)) value.forEach((v) => walk(v, key));
      else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k);
      else if (typeof value === 'string' && (ADDRESS_KEYS.has(key) || (key === 'id' && !isFeed))) out.push(value);
    };
    walk(JSON.parse(text), '');
  }
  return out.filter((a) => a !== '');
}

/**
 * Checks the site in `root`. `siteUrl` is the site's own public address
 * (`site.url`), when it has one: absolute addresses under it are checked
 * as the site's. Returns the dead links, one line each
 * (`from: address → what is wrong`), and how many of the site's own
 * addresses were checked.
 */
export async function checkSite(root, { siteUrl } = {}) {
  root = path.resolve(root);
  const files = filesOf(root);
  const present = new Set(files);
  const dead = [];
  const checked = new Set(); // `from address`, each once
  const own = siteUrl && (siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`);

  /** The published file an address resolved against `base` names, or
   * why there is none; `null` for an address that is not the site's. */
  const target = (address, base) => {
    let url;
    try {
      url = new URL(address, base);
    } catch {
      return { missing: 'not an address' };
    }
    if (own && url.href.startsWith(own)) url = new URL(url.href.slice(own.length), SERVED);
    // Other sites, mailto:, tel:, webcal:, data: …
    if (url.origin !== new URL(SERVED).origin) return null;
    if (!url.pathname.startsWith(new URL(SERVED).pathname)) return { missing: `outside the sub-folder (${url.pathname})` };
    let file = decodeURIComponent(url.pathname.slice(new URL(SERVED).pathname.length));
    if (file === '' || file.endsWith('/')) file += 'index.html';
    return present.has(file) ? { file } : { missing: `no file ${file}` };
  };
  const check = (from, address, base) => {
    if (address.startsWith('#')) return;
    const found = target(address, base);
    if (found) checked.add(`${from} ${address}`);
    if (found?.missing) dead.push(`${from}: ${address} → ${found.missing}`);
  };

  for (const rel of files.filter((f) => TEXT.test(f))) {
    let text = fs.readFileSync(path.join(root, rel), 'utf8');
    const base = new URL(rel, SERVED).href;
    for (const a of addressesIn(rel, text)) check(rel, a, base);
    if (own) {
      if (rel.endsWith('.ics')) text = text.replace(/\r\n[ \t]/g, '');
      const escaped = own.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      for (const [a] of text.matchAll(new RegExp(`${escaped}[^\\s"'<>\\\\)]*`, 'g'))) check(rel, unescape(a), base);
    }
  }

  // The month index names the month files the page fetches (months/*.json).
  if (present.has('months/index.json')) {
    const index = JSON.parse(fs.readFileSync(path.join(root, 'months/index.json'), 'utf8'));
    for (const [month] of index.months) check('months/index.json', `${month}.json`, new URL('months/index.json', SERVED).href);
    check('months/index.json', 'search.txt', new URL('months/index.json', SERVED).href);
  }

  for (const rel of files.filter((f) => f.endsWith('.html'))) {
    for (const worker of await registeredWorkers(root, rel, present)) {
      const from = `${rel} (service worker ${worker.replace(SERVED, '')})`;
      const { asked, failed } = await installFetches(root, worker);
      for (const url of asked) check(from, url, worker);
      for (const why of failed) dead.push(`${from}: install failed: ${why}`);
    }
  }
  return { dead: [...new Set(dead)], checked: checked.size };
}

/** The service workers a page registers: each of its scripts that calls
 * `serviceWorker.register` run in a sandbox, the page loaded. */
async function registeredWorkers(root, rel, present) {
  const html = fs.readFileSync(path.join(root, rel), 'utf8');
  const page = new URL(rel, SERVED);
  const workers = [];
  for (const { name, attrs } of tags(html)) {
    if (name !== 'script' || !attrs.src) continue;
    const src = new URL(attrs.src, page);
    const file = decodeURIComponent(src.pathname.slice(new URL(SERVED).pathname.length));
    if (!present.has(file)) continue; // a dead src is said by the HTML check
    const code = fs.readFileSync(path.join(root, file), 'utf8');
    if (!/serviceWorker\s*\.\s*register/.test(code)) continue;
    const sandbox = {
      URL,
      document: { currentScript: { src: src.href } },
      navigator: { serviceWorker: { register: async (url) => { workers.push(new URL(url, page).href); } } },
      addEventListener: (type, fn) => fn(),
    };
    vm.runInNewContext(code, sandbox, { filename: file });
  }
  return workers;
}

/** Every address the service worker at `worker` (served from `root`)
 * fetches while it installs. */
async function installFetches(root, worker) {
  const asked = [];
  const served = (url) => {
    const u = new URL(url);
    const inside = u.origin === new URL(SERVED).origin && u.pathname.startsWith(new URL(SERVED).pathname);
    let file = inside ? decodeURIComponent(u.pathname.slice(new URL(SERVED).pathname.length)) : null;
    if (file !== null && (file === '' || file.endsWith('/'))) file += 'index.html';
    const full = file !== null && path.join(root, file);
    return full && fs.existsSync(full) && fs.statSync(full).isFile() ? fs.readFileSync(full) : null;
  };
  const store = new Map();
  const cache = {
    put: async (key, response) => { store.set(typeof key === 'string' ? key : key.url, response); },
    match: async (key) => store.get(typeof key === 'string' ? key : key.url),
    keys: async () => [...store.keys()].map((url) => ({ url })),
    delete: async (key) => store.delete(typeof key === 'string' ? key : key.url),
  };
  const handlers = {};
  const sandbox = {
    URL, Request, Response, Headers, Promise, setTimeout, clearTimeout, console,
    location: new URL(worker),
    addEventListener: (type, fn) => { handlers[type] = fn; },
    skipWaiting: () => Promise.resolve(),
    clients: { claim: async () => {} },
    caches: { open: async () => cache, keys: async () => [], match: (key) => cache.match(key), delete: async () => true },
    fetch: async (request) => {
      const url = request instanceof Request ? request.url : String(request);
      asked.push(url);
      const body = served(url);
      return body ? new Response(body, { status: 200 }) : new Response('not found', { status: 404 });
    },
  };
  sandbox.self = sandbox;
  const file = decodeURIComponent(new URL(worker).pathname.slice(new URL(SERVED).pathname.length));
  vm.runInNewContext(fs.readFileSync(path.join(root, file), 'utf8'), sandbox, { filename: file });
  const waits = [];
  handlers.install?.({ waitUntil: (p) => waits.push(p) });
  const failed = (await Promise.allSettled(waits)).filter((r) => r.status === 'rejected').map((r) => String(r.reason));
  return { asked, failed };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const [dir = 'dist', siteUrl] = process.argv.slice(2);
  const { dead, checked } = await checkSite(dir, { siteUrl });
  for (const line of dead) console.log(line);
  console.log(dead.length === 0
    ? `${dir}: ${checked} 件のリンクはすべて有効です / all ${checked} links resolve`
    : `${dir}: ${checked} 件のうち切れたリンク ${dead.length} 件 / ${dead.length} dead links of ${checked}`);
  process.exitCode = dead.length === 0 ? 0 : 1;
}
