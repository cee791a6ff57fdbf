//! `calendar check FILE`: the events file, then `sources.json` beside it
//! (when there is one), every problem of both. The reading and checking
//! of the events file itself is `read_and_check` in `calendar.rs`, which
//! `publish` shares; the sources' part is in `sources.rs`.

use crate::sources;
use crate::tool::read_and_check;
use std::process::ExitCode;

/// `calendar check`: the events file, then `sources.json` beside it
/// (when there is one), every problem of both.
pub fn run(file: &str) -> ExitCode {
    let checked = read_and_check(file);
    let catalog = match &checked {
        Ok(catalog) => catalog.clone(),
        Err(_) => std::fs::read(file)
            .ok()
            .and_then(|b| iguren_calendar::load::utf8(b).ok())
            .map(|t| iguren_calendar::load::load(&t).catalog)
            .unwrap_or_default(),
    };
    let sources = sources::check(file, &catalog);
    match (checked, sources) {
        (Err(code), _) | (_, Err(code)) => code,
        (Ok(_), Ok(Some((_, false)))) => ExitCode::from(1),
        (Ok(_), Ok(_)) => ExitCode::SUCCESS,
    }
}
