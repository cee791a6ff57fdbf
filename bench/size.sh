#!/usr/bin/env bash
# Where the member page's first-load bytes go:  bench/size.sh
#
# 1. Builds the release site as `make build` does (trunk build --release
#    --offline) into a temporary folder and prints the first load, wasm +
#    JS glue + CSS, raw and gzip -9: the figure of record, the one
#    scripts/size-guard.sh checks in `make test`.
# 2. Runs wasm-bindgen and wasm-opt on the same cargo output as Trunk does,
#    keeping the function names (`wasm-opt -g`; the code is the same as
#    the shipped one, only the name section differs), and prints, with
#    twiggy, the bytes of the optimised wasm by crate (our own code by
#    module) and the largest items. twiggy is installed from crates.io
#    when missing.
#
# A measure, not a test: it fails only when something cannot be built.
# TOP=40 bench/size.sh for longer tables; KEEP=1 keeps the folder.

set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/scripts/node_modules/.bin:$HOME/.cargo/bin:$PATH"
scripts/setup.sh build
command -v twiggy >/dev/null || cargo install twiggy --locked || cargo install twiggy

target="${CARGO_TARGET_DIR:-target}"
out="$(mktemp -d "${TMPDIR:-/tmp}/iguren-size.XXXXXX")"
if [ -z "${KEEP:-}" ]; then trap 'rm -rf "$out"' EXIT; else echo "size: keeping $out" >&2; fi

trunk build --release --offline --dist "$out/dist" >"$out/trunk.log" 2>&1 ||
  { cat "$out/trunk.log" >&2; exit 1; }
# The figure of record (prints the table; over its limit is not an error here).
scripts/size-guard.sh "$out/dist" || [ $? -eq 1 ]
echo

# The same wasm with names: index.html's wasm-opt level and parameters.
# (The tag may span lines: read the page as one line.)
link=$(tr '\n' ' ' <index.html | grep -o '<link data-trunk rel="rust"[^>]*>')
level=$(sed -n 's/.*data-wasm-opt="\([^"]*\)".*/\1/p' <<<"$link")
params=$(sed -n 's/.*data-wasm-opt-params="\([^"]*\)".*/\1/p' <<<"$link")
wasm-bindgen --target web --keep-debug --no-typescript --out-dir "$out/named" \
  "$target/wasm32-unknown-unknown/web/iguren-calendar.wasm"
# shellcheck disable=SC2086 # the parameters are words
wasm-opt "-O${level:-z}" $params -g "$out/named/iguren-calendar_bg.wasm" -o "$out/named.wasm"
twiggy top -n 1000000 --format json "$out/named.wasm" >"$out/top.json"

node - "$out/top.json" "${TOP:-15}" <<'JS'
const fs = require('node:fs');
const [file, top] = [process.argv[2], Number(process.argv[3])];
const items = JSON.parse(fs.readFileSync(file, 'utf8'))
  .filter((i) => !/^"function names" subsection|^custom section/.test(i.name));
const total = items.reduce((n, i) => n + i.shallow_size, 0);

// The crate an item belongs to: the first path of its name, as
// `<Type as Trait>::f` and `impl` blocks name it (the type's crate); our
// own crate by module, with the views (ui::x) apart from the core.
function group(name) {
  // Closures that Leptos calls with our code inlined in them: the
  // reactive parts of our views (`{move || …}`), memos and effects.
  if (/Render for F>::(re)?build::\{\{closure\}\}/.test(name)) return 'our view closures (in tachys Render for F)';
  if (/ArcMemo<T>::new_with_compare::\{\{closure|RenderEffect<T>::new_with_value_erased::\{\{closure|effect::Effect<[^>]*>::new::\{\{closure/.test(name)) {
    return 'our memo and effect closures (in reactive_graph)';
  }
  if (/^code\[\d+\]$/.test(name)) return 'unnamed (wasm-bindgen shims)';
  if (name.startsWith('data segment') || name.startsWith('data[')) return 'data segments (strings, tables)';
  if (/^(elem|type|import|export|table|memory|global|func)\b/.test(name)) return 'wasm: imports, exports, types, tables';
  const m = /^(?:<|_<)?\s*(?:impl\s+)?&?(?:mut\s+)?(?:dyn\s+)?([A-Za-z_][A-Za-z0-9_]*)(?:\[[0-9a-f]+\])?(::[A-Za-z_][A-Za-z0-9_]*)?(::[A-Za-z_][A-Za-z0-9_]*)?/.exec(name);
  if (!m) return /^<(char|str|u8|\[)/.test(name) ? 'core' : '(unnamed)';
  const crate = m[1];
  if (crate === 'iguren_calendar') {
    if (m[2] === '::ui') return `ours: ui${m[3] ?? ''}`;
    if (/^::__component_|^::main$/.test(m[2] ?? '')) return 'ours: ui';
    return `ours: core${m[2] ?? ''}`;
  }
  if (['char', 'str', 'u8', 'u16', 'u32', 'u64', 'usize', 'i32', 'i64', 'f64', 'bool', 'T', 'F', 'E', 'V'].includes(crate)) {
    // `<T as tachys::view::Render>::build`: the trait's crate.
    const t = / as (?:&?(?:mut )?)([A-Za-z_][A-Za-z0-9_]*)/.exec(name);
    return t ? t[1] : 'core';
  }
  return crate;
}
const groups = new Map();
for (const i of items) {
  const g = group(i.name);
  const e = groups.get(g) ?? { bytes: 0, items: 0 };
  e.bytes += i.shallow_size;
  e.items += 1;
  groups.set(g, e);
}
const pct = (n) => `${((100 * n) / total).toFixed(1)} %`;
console.log(`| where the wasm's bytes go (optimised, raw; by crate, ours by module) | bytes | share | items |`);
console.log('|---|---:|---:|---:|');
const sorted = [...groups].sort((a, b) => b[1].bytes - a[1].bytes);
for (const [g, e] of sorted.slice(0, top)) console.log(`| ${g} | ${e.bytes} | ${pct(e.bytes)} | ${e.items} |`);
const rest = sorted.slice(top).reduce((n, [, e]) => n + e.bytes, 0);
if (rest) console.log(`| ${sorted.length - top} more groups | ${rest} | ${pct(rest)} | |`);
console.log(`| **all** (names excluded) | **${total}** | | **${items.length}** |`);
console.log();
console.log(`| largest items | bytes | share |`);
console.log('|---|---:|---:|');
for (const i of items.slice(0, top)) {
  const name = i.name.replace(/::h[0-9a-f]{16}$/, '').replace(/\|/g, '\\|');
  console.log(`| \`${name.length > 110 ? name.slice(0, 107) + '…' : name}\` | ${i.shallow_size} | ${pct(i.shallow_size)} |`);
}
JS
