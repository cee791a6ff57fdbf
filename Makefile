# The two commands a newcomer needs: `make serve` and `make test`.
# Each installs what it lacks first (scripts/setup.sh) and is quick when all is there.

SHELL := /bin/bash
export PATH := $(CURDIR)/scripts/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

.PHONY: serve test build size check fetch lint unit clients browser timeshift setup-build setup-test

# The tests' "now": 2026-12-01 12:00 in Tokyo. `make test` builds with it
# (SOURCE_DATE_EPOCH, the reproducible-builds convention: the pre-rendered
# opening month, the sitemap's dates, ...) and every browser test fixes its
# pages' clock to it (tests/browser/harness.mjs has the same default).
# Outside the tests the build takes the clock, or a SOURCE_DATE_EPOCH of
# your own.
TEST_EPOCH := 1796094000

## Serve the site at http://127.0.0.1:8080/ and rebuild on changes; the
## editor page (edit/) is served by a second Trunk on 8081 and reached
## through 8080/edit/ (Trunk.toml [[proxy]]).
serve: setup-build
	trunk serve --offline --config edit/Trunk.toml --public-url /edit/ --dist target/edit-serve & \
	trap 'kill $$!' EXIT; trunk serve --offline

## Run every test: format, lints (native and wasm32), native tests,
## the data check, the release build of the site, and the published
## calendar files read by Mozilla's ical.js, and the site in headless
## Chromium (tests/browser: views, filters, URL state, detail, axe-core),
## then the same with this machine's clock ten years ahead and behind.
test: setup-test lint unit check build size clients browser timeshift
test clients browser timeshift: export SOURCE_DATE_EPOCH = $(TEST_EPOCH)

## Build the release site into dist/: the member page, then the editor
## page into dist/edit/ (its own WebAssembly; the first build empties dist/).
build: setup-build
	trunk build --release --offline
	trunk build --release --offline --config edit/Trunk.toml

## The member page's first load (wasm + JS + CSS, gzip) under its limit
## (needs `make build`; bench/size.sh shows where the bytes go).
size:
	scripts/size-guard.sh dist

## Fetch the other calendars of public/sources.json into public/sources/
## (network; a failing source only warns). The build then publishes them.
fetch:
	cargo run --quiet --release --bin calendar -- fetch public/events.json

## Check the data file as a maintainer would.
check:
	cargo run --quiet --bin calendar -- check public/events.json

lint:
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown -- -D warnings
	# The member page's build: without the checker's messages (index.html).
	cargo clippy --target wasm32-unknown-unknown --no-default-features --features web -- -D warnings

unit:
	cargo test

## The published .ics files as calendar apps read them (needs `make build`).
clients:
	DIST=dist node --test tests/clients/

## The built site as members use it, in Debian's headless Chromium (needs `make build`).
browser:
	DIST=dist node --test --test-concurrency=1 tests/browser/

## No test and no build step reads this machine's clock: with it ten
## years ahead and ten behind (faketime), `calendar publish` writes the
## same site byte for byte and the browser tests pass (needs `make build`).
timeshift:
	DIST=dist scripts/timeshift.sh

setup-build:
	@scripts/setup.sh build

setup-test:
	@scripts/setup.sh test
