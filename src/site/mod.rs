//! What the build writes into the site, beside the page Trunk makes:
//! [`publish`] (where every calendar file and share page lives, and the
//! `.ics` files; compiled for the page too, which links to them), and for
//! the build only: `reach` (feeds, FAX sheets, the sitemap, QR codes,
//! `embed.json`), `prerender` (the opening view in `index.html`), `months` (the
//! events by month for the member page), `feeds`
//! (Atom, JSON Feed), `jsonld` (schema.org data), `fax` (the FAX sign-up
//! sheet), `qr` (QR codes as SVG), `brand` (the page's names from `site`)
//! and `csp` (the Content-Security-Policy). [`files`] composes them all:
//! every output of one build, and `index.html` rewritten once.

#[cfg(not(target_arch = "wasm32"))]
pub mod brand;
#[cfg(not(target_arch = "wasm32"))]
pub mod csp;
#[cfg(not(target_arch = "wasm32"))]
pub mod fax;
#[cfg(not(target_arch = "wasm32"))]
pub mod feeds;
#[cfg(not(target_arch = "wasm32"))]
pub mod jsonld;
#[cfg(not(target_arch = "wasm32"))]
pub mod markup;
#[cfg(not(target_arch = "wasm32"))]
pub mod months;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod publish;
#[cfg(not(target_arch = "wasm32"))]
pub mod qr;
#[cfg(not(target_arch = "wasm32"))]
pub mod reach;
#[cfg(not(target_arch = "wasm32"))]
pub mod share;

#[cfg(not(target_arch = "wasm32"))]
pub use build::{files, Build, Others};

#[cfg(not(target_arch = "wasm32"))]
mod build;
