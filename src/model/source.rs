//! Another calendar merged into ours, as `sources.json` declares it (the
//! loader reads it, [`crate::sources`] fetches, normalises and merges it).

use crate::model::text::Text;

/// The longest source id (imported event ids are `<source id>-<16 hex>`,
/// within the 64 characters of an id).
pub const MAX_ID_CHARS: usize = 40;

/// What a source file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A file like our `events.json`.
    EventsJson,
    /// An iCalendar feed (RFC 5545), e.g. a Google Calendar public address.
    Ics,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::EventsJson => "events-json",
            Format::Ics => "ics",
        }
    }

    pub fn parse(s: &str) -> Option<Format> {
        match s {
            "events-json" => Some(Format::EventsJson),
            "ics" => Some(Format::Ics),
            _ => None,
        }
    }
}

/// One declared source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// Stable id (`a-z0-9-`, at most [`MAX_ID_CHARS`]); names
    /// `sources/<id>.json` and prefixes its events' ids.
    pub id: String,
    pub name: Text,
    /// Where it is fetched from (`https://` only).
    pub url: String,
    pub format: Format,
    /// `#rrggbb`, its colour in the calendar.
    pub color: String,
    /// One of our projects it belongs under, if any.
    pub project: Option<String>,
}
