//! The event calendar of かながわ異グ連, as one crate with two rings.
//!
//! **The core** is plain Rust with no browser, no framework and no clock
//! (time is always a parameter), tested natively with `cargo test`. Its
//! folders are listed bottom-up: each imports only from the folders above
//! it in this list, never from one below (`tests/layers.rs` checks it).
//!
//! - [`model`]: the nouns: [`model::Event`], [`model::Catalog`], the
//!   site and its projects, other calendars' [`model::source::Source`];
//!   [`model::text`] (the two languages: `Lang`, the bilingual `Text`),
//!   [`model::month`] and [`model::order`] (the crate's one sort).
//! - [`load`]: JSON text to a catalogue, or every problem with line,
//!   column and JSON path; `lean`, the member page's decoder of the
//!   build's output (the same catalogue, problems only counted); the one
//!   JSON escaper; `generate` (benchmark data).
//! - [`jp`]: holidays, 和暦, Japanese dates; `tokyo`: UTC+9 and "today in
//!   Tokyo", once.
//! - [`ics`]: RFC 5545 files, byte for byte.
//! - [`views`]: what the member page shows, computed without HTML: the
//!   month grid, the list, filters and search, the URL query, labels, an
//!   event's facts (for the detail, the share page and the FAX sheet),
//!   links, sign-up.
//! - [`doc`]: the events file as an editable document (the editor's core):
//!   the document, its byte-stable writer, form fields, drafts and ids,
//!   dates as people type them, GitHub.
//!   - [`doc::changes`]: the change review (変更点): each event added,
//!     changed, cancelled or removed, field by field old → new, in words.
//!   - [`doc::merge`]: two maintainers at once: a three-way merge by event
//!     and field, and the real conflicts to choose.
//!   - [`doc::publish`]: what a commit publishes: `revision` counted once
//!     per published change, `updated` stamped, the ids locked.
//!   - [`doc::proposal`]: events proposed without an account, as a link
//!     (`edit/#proposal=…`) or a file; checked, reviewed and accepted.
//!   - [`doc::recur`]: 「くり返し作る」: a group's rhythm read from its
//!     meetings, its next ones to March, holidays left out and said.
//!   - [`doc::sync`]: the working copy on the maintainer's device against
//!     the site: nothing sent is lost, 「公開待ち」 until the site shows it.
//!   - [`doc::commit`]: a commit's steps: over which `sha`, merging
//!     GitHub's newer file, the conflicts to ask.
//! - [`csv`]: spreadsheet rows to and from events. [`sources`]: other
//!   calendars, normalised, merged and attached (fetched by the tool only).
//! - [`site`]: what the build writes (native only, except the paths and
//!   share files the page links to): calendar files, share pages, the
//!   pre-rendered view, feeds, JSON-LD, FAX sheets, QR codes, the CSP.
//!
//! **The edges** are thin and call the same core: the member page
//! (`src/ui/`, entry `src/main.rs`, compiled to WebAssembly by Trunk), the
//! editor page (`src/edit/`, entry `src/bin/edit.rs`, its own WebAssembly)
//! and the maintainer tool (`src/bin/calendar.rs`).

pub mod csv;
pub mod doc;
pub mod ics;
pub mod jp;
pub mod load;
pub mod model;
pub mod site;
pub mod sources;
pub mod views;

#[cfg(all(target_arch = "wasm32", feature = "web"))]
pub mod edit;
#[cfg(all(target_arch = "wasm32", feature = "web"))]
pub mod ui;
