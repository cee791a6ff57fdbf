#!/usr/bin/env bash
# Proves that no test and no build step reads this machine's clock: with
# the clock moved ten years ahead and ten years behind (libfaketime, for
# this process and every one it starts: node, cargo, calendar),
#   1. `calendar publish` writes the same site, byte for byte, as the build
#      did (its "now" is SOURCE_DATE_EPOCH), and
#   2. the browser tests pass: a test that reads the clock (Date.now(),
#      new Date()) or runs the tool without SOURCE_DATE_EPOCH fails here.
# Chromium is the one process left on the real clock (it stalls under
# libfaketime; the harness starts it without), so every page's clock must
# be the harness's NOW: the check below refuses a test that starts
# Chromium any other way than harness.mjs's launch(), which fixes the
# clock of every context it makes.
# Usage: SOURCE_DATE_EPOCH=... DIST=dist scripts/timeshift.sh [SHIFT...]
#   (default +3650d -3650d); TESTS=FILES limits the browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${SOURCE_DATE_EPOCH:?set SOURCE_DATE_EPOCH (make test does)}"
dist=${DIST:-dist}
tool=target/release/calendar # built by the build's hook
[ -x "$tool" ] && [ -f "$dist/index.html" ] || { echo "timeshift: run make build first" >&2; exit 2; }
command -v faketime >/dev/null || { echo "timeshift: faketime is missing (scripts/setup.sh test installs it)" >&2; exit 2; }
# Only the wall clock moves: timeouts and timers keep real time.
export FAKETIME_DONT_FAKE_MONOTONIC=1
others=$(grep -l "playwright-core\|chromium\.launch\|connectOverCDP" tests/browser/*.mjs | grep -v '/harness\.mjs$' || true)
if [ -n "$others" ]; then
  echo "timeshift: only tests/browser/harness.mjs may start Chromium (its launch() fixes every page's clock): $others" >&2
  exit 1
fi
shifts=("$@")
[ ${#shifts[@]} -gt 0 ] || shifts=(+3650d -3650d)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for shift in "${shifts[@]}"; do
  echo "timeshift: the clock reads $(faketime -f "$shift" date -u +%Y-%m-%dT%H:%MZ) (real $(date -u +%Y-%m-%d), $shift)"
  rm -rf "$tmp/site" && cp -r "$dist" "$tmp/site"
  faketime -f "$shift" "$tool" publish public/events.json "$tmp/site" >/dev/null
  if ! diff -r -q "$dist" "$tmp/site"; then
    echo "timeshift: calendar publish with the clock at $shift wrote another site (above)" >&2
    exit 1
  fi
  echo "timeshift: calendar publish wrote the same site"
  # shellcheck disable=SC2086 # TESTS is a list of files
  DIST=$dist faketime -f "$shift" node --test --test-concurrency=1 ${TESTS:-tests/browser/}
done
