//! `calendar publish FILE DIR`: checks the events file as `check` does
//! and, when it is valid, writes the site's files into DIR: the calendar
//! files and share pages of [`iguren_calendar::site::publish`], what
//! [`iguren_calendar::site::reach`] adds (feeds, FAX sheets, sitemap, QR codes,
//! embed.json), the spreadsheet template, the pre-rendered opening view
//! and the CSP of `index.html`, the page's and manifest's names from
//! `site`; then the sources' part (`sources.rs`), which only warns.

use crate::sources;
use crate::tool::{build_now, read_and_check};
use iguren_calendar::jp::tokyo;
use iguren_calendar::model::Catalog;
use std::path::Path;
use std::process::ExitCode;

/// `calendar publish FILE DIR`: our files first; the sources' part only
/// when they were all written.
pub fn run(file: &str, dir: &str) -> ExitCode {
    match (read_and_check(file), build_now()) {
        (Ok(catalog), Ok(now)) => match write_ours(&catalog, dir, now) {
            code if code != ExitCode::SUCCESS => code,
            _ => publish_sources(file, &catalog, dir, now),
        },
        (Err(code), _) | (_, Err(code)) => code,
    }
}

/// Our own files: the calendar files, share pages, what reach adds, the
/// template, and the opening view and CSP of `index.html`.
fn write_ours(catalog: &Catalog, dir: &str, now: i64) -> ExitCode {
    let mut files = iguren_calendar::site::publish::files(catalog);
    // Feeds, FAX sheets, the sitemap, QR codes and the embed's list.
    files.extend(iguren_calendar::site::reach::files(
        catalog,
        tokyo::today(now),
    ));
    // The spreadsheet template the editor links to (UTF-8 with a BOM).
    files.push((
        iguren_calendar::csv::TEMPLATE_PATH.to_string(),
        iguren_calendar::csv::template(),
    ));
    for (path, contents) in &files {
        let path = Path::new(dir).join(path);
        let written = path
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(&path, contents));
        if let Err(e) = written {
            eprintln!("{}: 書き込めません / cannot write: {e}", path.display());
            return ExitCode::from(2);
        }
    }
    // The page Trunk made gets the opening view pre-rendered (the same
    // core as the app, for first paint and browsers without JavaScript)
    // and its Content-Security-Policy (when present: `publish` also
    // works on an empty folder).
    let index = Path::new(dir).join("index.html");
    if let Ok(html) = std::fs::read_to_string(&index) {
        let view = iguren_calendar::site::prerender::opening_view(catalog, tokyo::today(now), &[]);
        let written = iguren_calendar::site::prerender::into_page(&html, &view)
            .and_then(|page| iguren_calendar::site::csp::with_policy(&page))
            .map_err(|e| e.to_string())
            .and_then(|page| std::fs::write(&index, page).map_err(|e| e.to_string()));
        if let Err(e) = written {
            eprintln!(
                "{}: 先読み表示と CSP を書き込めません / cannot add the pre-rendered view and the CSP: {e}",
                index.display()
            );
            return ExitCode::from(2);
        }
    }
    println!(
        "{dir}: カレンダーと共有ページのファイル {} 件を書き出しました / wrote {} calendar and share-page files",
        files.len(),
        files.len()
    );
    ExitCode::SUCCESS
}

/// The sources' part of `publish`: never fails our site, only warns.
/// Also names the page and the manifest after `site` (a fork that
/// changes only the data gets its own name).
fn publish_sources(file: &str, catalog: &Catalog, dir: &str, now: i64) -> ExitCode {
    for (name, rewrite) in [
        (
            "index.html",
            iguren_calendar::site::brand::page as fn(&str, &_) -> String,
        ),
        (
            "manifest.webmanifest",
            iguren_calendar::site::brand::manifest,
        ),
    ] {
        let path = Path::new(dir).join(name);
        if let Ok(text) = std::fs::read_to_string(&path) {
            if let Err(e) = std::fs::write(&path, rewrite(&text, &catalog.site)) {
                eprintln!("{}: 書き込めません / cannot write: {e}", path.display());
                return ExitCode::from(2);
            }
        }
    }
    match sources::publish(file, catalog, dir, tokyo::today(now)) {
        Ok(n) => {
            println!("{dir}: 他地域・他団体の予定 {n} 件と ics/federation.ics を書き出しました / wrote {n} imported events and ics/federation.ics");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(2)
        }
    }
}
