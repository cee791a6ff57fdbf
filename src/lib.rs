//! The event calendar of かながわ異グ連, as one crate with two rings.
//!
//! **The core** is plain Rust with no browser, no framework and no clock:
//! [`text`] (the one vocabulary of the two languages: [`text::Lang`] and
//! the bilingual [`text::Text`]), [`month`] (a calendar month),
//! [`model`] (what an event is), [`load`] (JSON text to a catalogue, or
//! every problem with line, column and JSON path). Time is always a
//! parameter, so all of it is tested natively with `cargo test`. Also
//! [`ics`] (RFC 5545 files, byte for byte), [`links`] (the links that are
//! not iCalendar: Google and Outlook, `webcal://`, `tel:`, map search, and
//! in-app browsers), [`percent`] (percent-encoding, once), [`publish`] (which files the
//! build writes, and where), `csp` (the page's Content-Security-Policy), `prerender` (the opening
//! view as HTML in `index.html`, for first paint and for browsers without
//! JavaScript),
//! and what the calendar views compute:
//! [`jp`] (holidays, 和暦, Japanese dates), [`grid`] (month rows,
//! multi-day bars, keyboard moves, the day listed by default), [`label`]
//! (the words the views build from data: time columns, cell names), [`agenda`] (the list view), [`filter`] (projects and
//! search) and [`route`] (view state in the URL query). `generate` makes
//! deterministic event files of any size for benchmarks, and [`order`]
//! is the crate's one sort (small WebAssembly). `csp`, `prerender` and `generate`
//! serve the build, the tool and the benchmarks only, so they are not
//! compiled for wasm32 (the page's WebAssembly never holds them).
//!
//! Reaching members where they are: [`signup`] (the deadline and the
//! prefilled sign-up e-mail, also in the page), and, for the build only,
//! `reach` (what is written beside the calendar files), `feeds` (Atom and
//! JSON Feed), `jsonld` (schema.org data for search engines), `fax` (the
//! FAX sign-up sheet) and `qr` (QR codes as SVG).
//!
//! **The edges** are thin and call the same core: the Leptos web app
//! (`src/ui/`, compiled to WebAssembly by Trunk, entry `src/main.rs`) and
//! the maintainer tool (`src/bin/calendar.rs`) that checks the data and
//! writes the calendar files, and the editor page (`src/edit/`, entry
//! `src/bin/edit.rs`, its own WebAssembly) on [`doc`], [`form`], [`draft`],
//! [`save`] and [`github`].

pub mod agenda;
#[cfg(not(target_arch = "wasm32"))]
pub mod brand;
#[cfg(not(target_arch = "wasm32"))]
pub mod csp;
pub mod csv;
pub mod doc;
pub mod draft;
#[cfg(not(target_arch = "wasm32"))]
pub mod fax;
#[cfg(not(target_arch = "wasm32"))]
pub mod feeds;
pub mod filter;
pub mod form;
#[cfg(not(target_arch = "wasm32"))]
pub mod generate;
pub mod github;
pub mod grid;
pub mod ics;
pub mod input;
pub mod jp;
#[cfg(not(target_arch = "wasm32"))]
pub mod jsonld;
pub mod label;
pub mod links;
pub mod load;
pub mod model;
pub mod month;
pub mod order;
pub mod percent;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod publish;
#[cfg(not(target_arch = "wasm32"))]
pub mod qr;
#[cfg(not(target_arch = "wasm32"))]
pub mod reach;
pub mod route;
pub mod save;
pub mod signup;
pub mod sources;
pub mod text;

#[cfg(all(target_arch = "wasm32", feature = "web"))]
pub mod edit;
#[cfg(all(target_arch = "wasm32", feature = "web"))]
pub mod ui;
