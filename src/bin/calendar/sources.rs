//! `sources.json` and the stored copies of the other calendars, what
//! `check`, `publish` and `fetch` share about them: `calendar check`
//! checks `sources.json`; `calendar publish` reads the stored copies
//! ([`stored`]) for the core to publish. The network is in `fetch.rs`.
//!
//! Where things live, beside the events file (`public/`):
//! `sources.json` (declared by the maintainer), `sources/<id>.json` (the
//! last good copy of each source, normalised) and `sources/status.json`
//! (per source: last attempt, last success, problems). The Pages workflow
//! commits `public/sources/` after fetching, so the next build, also on a
//! fresh machine, finds the last good copies in the repository.

use iguren_calendar::load::{self, escape_controls};
use iguren_calendar::model::text::Text;
use iguren_calendar::model::Catalog;
use iguren_calendar::site::Others;
use iguren_calendar::sources::status::{self, SourceStatus};
use iguren_calendar::sources::{attach, Source};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The declarations beside an events file.
pub fn declared_path(events: &str) -> PathBuf {
    Path::new(events).with_file_name("sources.json")
}

/// The folder of the last good copies and the status, beside the events file.
pub fn store_path(events: &str) -> PathBuf {
    Path::new(events).with_file_name("sources")
}

/// Reads and checks `sources.json`, printing each problem as `check`
/// does. `None` when there is no such file; `Some((sources, valid))`.
pub fn check(events: &str, catalog: &Catalog) -> Result<Option<(Vec<Source>, bool)>, ExitCode> {
    let path = declared_path(events);
    let shown = escape_controls(&path.to_string_lossy());
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            eprintln!("{shown}: 読めません / cannot read: {e}");
            return Err(ExitCode::from(2));
        }
    };
    let text = load::utf8(bytes).map_err(|m| {
        eprintln!("{shown}: {m}");
        ExitCode::from(2)
    })?;
    let loaded = load::load_sources(&text, catalog);
    for d in &loaded.diagnostics {
        println!("{shown}:{d}");
    }
    if loaded.is_valid() {
        println!(
            "{shown}: 問題ありません（情報源 {} 件） / OK ({} sources)",
            loaded.sources.len(),
            loaded.sources.len()
        );
    } else {
        eprintln!(
            "{shown}: 問題 {} 件 / {} problems",
            loaded.diagnostics.len(),
            loaded.diagnostics.len()
        );
    }
    let valid = loaded.is_valid();
    Ok(Some((loaded.sources, valid)))
}

/// The status file in the store, or an empty one.
pub fn read_status(store: &Path) -> Vec<SourceStatus> {
    let path = store.join("status.json");
    let Ok(text) = std::fs::read_to_string(&path) else {
        return Vec::new();
    };
    match status::read(&text) {
        Ok((list, problems)) => {
            for p in problems {
                eprintln!("警告 / warning: {p}");
            }
            list
        }
        Err(p) => {
            eprintln!("警告 / warning: {p}");
            Vec::new()
        }
    }
}

/// The statuses of the declared sources: what the status file knows,
/// with the declaration's current name and colour.
pub fn statuses(sources: &[Source], known: &[SourceStatus]) -> Vec<SourceStatus> {
    sources
        .iter()
        .map(|s| match known.iter().find(|k| k.source.id == s.id) {
            Some(k) => SourceStatus {
                source: s.clone(),
                ..k.clone()
            },
            None => SourceStatus::new(s.clone()),
        })
        .collect()
}

/// The other calendars for `calendar publish`: every declared source with
/// its status, and the last good copies found in the store, read as they
/// are (the core attaches them and says what is wrong: it only warns).
pub fn stored(events: &str, ours: &Catalog) -> Others {
    let declared = match check(events, ours) {
        Ok(Some((sources, _))) => sources,
        _ => Vec::new(),
    };
    let store = store_path(events);
    let statuses = statuses(&declared, &read_status(&store));
    let copies = attach::with_copy(&statuses)
        .map(|s| {
            let id = s.source.id.clone();
            let path = Path::new(events).with_file_name(attach::copy_path(&id));
            let text = std::fs::read_to_string(&path).map_err(|e| {
                let shown = escape_controls(&path.to_string_lossy());
                Text::both(
                    format!("{shown}: 読めません: {e}"),
                    format!("{shown}: cannot read: {e}"),
                )
            });
            (id, text)
        })
        .collect();
    Others { statuses, copies }
}
