//! Other calendars merged into ours at build time ("sources"), each
//! failing alone.
//!
//! The maintainer declares them in `public/sources.json` (read and checked
//! by [`crate::load::load_sources`]): an id, a name, an `https://` address,
//! a format (`events-json`, a file like ours, or `ics`, any iCalendar
//! feed), a colour and optionally one of our projects it belongs under.
//!
//! `calendar fetch` (the maintainer tool; the network lives only there)
//! reads each address at build time and hands the bytes to this module,
//! which turns them into our own format: [`json`] through our loader,
//! [`ics`] through the `icalendar` crate's parser with repeating events
//! expanded by the `rrule` crate over [`HORIZON_PAST_DAYS`] and
//! [`HORIZON_FUTURE_DAYS`] around the fetch. Both bound what they keep
//! ([`limit`]) and write `sources/<id>.json` with [`normal::to_json`].
//! [`status`] is the file that says, per source, when it was last tried,
//! when it last succeeded and what went wrong; the page reads it and the
//! normalised files, never another origin. [`report`] is what `calendar
//! fetch` says of each source, one line each, and the problems it keeps.
//! [`merge`] puts the sources' events beside ours, once each; [`attach`] does it from what was read
//! of the status file and the copies, with every problem said where and
//! what, for the page and the tool alike.
//!
//! Every imported event keeps its origin's `UID`
//! ([`crate::model::Origin`]); events the origin itself imported, and our
//! own events coming back, are not imported again.

pub mod attach;
#[cfg(not(target_arch = "wasm32"))]
pub mod ics;
#[cfg(not(target_arch = "wasm32"))]
pub mod json;
pub mod merge;
#[cfg(not(target_arch = "wasm32"))]
pub mod normal;
#[cfg(not(target_arch = "wasm32"))]
pub mod report;
pub mod status;

/// The largest answer a source may give: 10 MB.
pub const MAX_BYTES: u64 = 10 * 1024 * 1024;
/// At most this many events are kept from one source.
pub const MAX_EVENTS: usize = 5_000;
/// Repeating events are expanded from this many days before the fetch …
pub const HORIZON_PAST_DAYS: i64 = 365;
/// … to this many days after it.
pub const HORIZON_FUTURE_DAYS: i64 = 730;
/// At most this many occurrences of one repeating event.
pub const MAX_OCCURRENCES: u16 = 1_000;

pub use crate::model::source::{Format, Source, MAX_ID_CHARS};

/// The id of an imported event: `<source id>-<16 hex digits>`, a hash of
/// its origin's `UID` and (for one occurrence of a repeating event) its
/// recurrence id, so it stays the same from one fetch to the next.
pub fn event_id(source: &str, uid: &str, recurrence: Option<&str>) -> String {
    // FNV-1a, 64 bits: stable across builds and platforms, no dependency.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for &b in bytes {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    };
    eat(uid.as_bytes());
    eat(&[0]);
    eat(recurrence.unwrap_or("").as_bytes());
    format!("{source}-{hash:016x}")
}

/// Text cut to at most `max` characters (with `…`), and whether it was cut.
pub fn limit(text: &str, max: usize) -> (String, bool) {
    match text.char_indices().nth(max) {
        None => (text.to_string(), false),
        Some((at, _)) => {
            let mut cut = text[..at].to_string();
            cut.pop();
            cut.push('…');
            (cut, true)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_ids_are_stable_and_differ_by_occurrence() {
        let a = event_id("tokyo", "x@example.org", None);
        assert_eq!(a, event_id("tokyo", "x@example.org", None));
        assert!(a.starts_with("tokyo-") && a.len() == "tokyo-".len() + 16);
        assert_ne!(a, event_id("tokyo", "x@example.org", Some("2026-12-01")));
        assert!(crate::load::check_id(&a).is_ok());
    }

    #[test]
    fn limit_cuts_on_characters() {
        assert_eq!(limit("あいう", 3), ("あいう".to_string(), false));
        assert_eq!(limit("あいうえ", 3), ("あい…".to_string(), true));
    }
}
