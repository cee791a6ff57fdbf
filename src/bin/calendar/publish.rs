//! `calendar publish FILE DIR`: checks the events file as `check` does
//! and, when it is valid, writes into DIR every file of
//! [`iguren_calendar::site::files`]: the calendar files, share pages,
//! feeds, FAX sheets, sitemap, QR codes, embed.json, the spreadsheet
//! template, the other calendars merged in (`sources.rs` reads their last
//! good copies; a missing one only warns), and `index.html` and the
//! manifest rewritten once (the pre-rendered opening view, the site's
//! names, the CSP).

use crate::sources;
use crate::tool::{build_now, read_and_check};
use iguren_calendar::jp::tokyo;
use std::path::Path;
use std::process::ExitCode;

pub fn run(file: &str, dir: &str) -> ExitCode {
    let (catalog, now) = match (read_and_check(file), build_now()) {
        (Ok(catalog), Ok(now)) => (catalog, now),
        (Err(code), _) | (_, Err(code)) => return code,
    };
    let others = sources::stored(file, &catalog);
    let read = |name: &str| std::fs::read_to_string(Path::new(dir).join(name)).ok();
    let (index, manifest) = (read("index.html"), read("manifest.webmanifest"));
    let build = match iguren_calendar::site::files(
        &catalog,
        tokyo::today(now),
        others,
        index.as_deref(),
        manifest.as_deref(),
    ) {
        Ok(build) => build,
        Err(e) => {
            eprintln!("{}: {e}", Path::new(dir).display());
            return ExitCode::from(2);
        }
    };
    for (path, contents) in &build.files {
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
    for p in &build.problems {
        eprintln!("警告 / warning: {p}");
    }
    let (n, m) = (build.ours, build.imported);
    println!("{dir}: カレンダーと共有ページのファイル {n} 件を書き出しました / wrote {n} calendar and share-page files");
    println!("{dir}: 他地域・他団体の予定 {m} 件と ics/federation.ics を書き出しました / wrote {m} imported events and ics/federation.ics");
    ExitCode::SUCCESS
}
