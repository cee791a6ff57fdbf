# The two commands a newcomer needs: `make serve` and `make test`.
# Each installs what it lacks first (scripts/setup.sh) and is quick when all is there.

SHELL := /bin/bash
export PATH := $(CURDIR)/scripts/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

.PHONY: serve test build size check fetch lint unit clients browser setup-build setup-test

## Serve the site at http://127.0.0.1:8080/ and rebuild on changes; the
## editor page (edit/) is served by a second Trunk on 8081 and reached
## through 8080/edit/ (Trunk.toml [[proxy]]).
serve: setup-build
	trunk serve --offline --config edit/Trunk.toml --public-url /edit/ --dist target/edit-serve & \
	trap 'kill $$!' EXIT; trunk serve --offline

## Run every test: format, lints (native and wasm32), native tests,
## the data check, the release build of the site, and the published
## calendar files read by Mozilla's ical.js, and the site in headless
## Chromium (tests/browser: views, filters, URL state, detail, axe-core).
test: setup-test lint unit check build size clients browser

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

unit:
	cargo test

## The published .ics files as calendar apps read them (needs `make build`).
clients:
	DIST=dist node --test tests/clients/

## The built site as members use it, in Debian's headless Chromium (needs `make build`).
browser:
	DIST=dist node --test --test-concurrency=1 tests/browser/

setup-build:
	@scripts/setup.sh build

setup-test:
	@scripts/setup.sh test
