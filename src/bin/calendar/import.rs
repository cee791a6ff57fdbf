//! `calendar import FILE.csv --into EVENTS.json`: merges a spreadsheet's
//! rows (UTF-8 or Shift_JIS, told apart by [`iguren_calendar::csv`]) into
//! the events file, names the rows with problems and leaves them out;
//! `--dry-run` only shows, `--update` replaces events with the same id.

use crate::tool::{build_now, read_doc, wrong_arguments};
use iguren_calendar::jp::tokyo;
use std::process::ExitCode;

/// A CSV file's bytes as text: UTF-8 or Shift_JIS, told apart, never
/// guessed.
fn read_csv(path: &str, file: &str) -> Result<String, ExitCode> {
    let bytes = std::fs::read(path).map_err(|e| {
        eprintln!("{file}: 読めません / cannot read: {e}");
        ExitCode::from(2)
    })?;
    match iguren_calendar::csv::decode_kind(&bytes) {
        Ok(iguren_calendar::csv::Encoding::Utf8) => {
            Ok(String::from_utf8_lossy(&bytes).into_owned())
        }
        Ok(iguren_calendar::csv::Encoding::ShiftJis) => {
            Ok(encoding_rs::SHIFT_JIS.decode(&bytes).0.into_owned())
        }
        Err(m) => {
            eprintln!(
                "{file}: {} / {}",
                m.ja,
                m.get(iguren_calendar::model::text::Lang::En)
            );
            Err(ExitCode::from(2))
        }
    }
}

/// `calendar import FILE.csv --into EVENTS.json [--dry-run] [--update]
/// [--project ID] [--year YYYY]`.
pub fn run(args: &[String]) -> ExitCode {
    let mut csv = None;
    let mut into = None;
    let mut options = iguren_calendar::csv::Options::default();
    let mut dry_run = false;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--into" => into = it.next(),
            "--dry-run" => dry_run = true,
            "--update" => options.update = true,
            "--project" => options.default_project = it.next().cloned(),
            "--year" => match it.next().and_then(|y| y.parse().ok()) {
                Some(y) => options.default_year = Some(y),
                None => return wrong_arguments("import"),
            },
            _ if csv.is_none() && !a.starts_with("--") => csv = Some(a),
            _ => return wrong_arguments("import"),
        }
    }
    let (Some(csv), Some(into)) = (csv, into) else {
        return wrong_arguments("import");
    };
    // A date without a year is in this year in Tokyo, by the build's
    // clock (SOURCE_DATE_EPOCH when set).
    if options.default_year.is_none() {
        match build_now() {
            Ok(now) => options.default_year = Some(chrono::Datelike::year(&tokyo::today(now))),
            Err(code) => return code,
        }
    }
    let csv_file = &iguren_calendar::load::escape_controls(csv);
    let into_file = &iguren_calendar::load::escape_controls(into);
    let text = match read_csv(csv, csv_file) {
        Ok(text) => text,
        Err(code) => return code,
    };
    let Some(target) = read_doc(into, into_file) else {
        return ExitCode::from(2);
    };
    let result = iguren_calendar::csv::import(&text, &target, &options);
    for p in &result.problems {
        println!("{csv_file}: {p}");
    }
    let summary = |id: &str| {
        let events = result.doc.get("/events");
        let event = match events {
            Some(iguren_calendar::doc::Value::Array { items, .. }) => items
                .iter()
                .find(|e| e.get("id").and_then(|v| v.as_str()) == Some(id)),
            _ => None,
        };
        let text = |k: &str| {
            event
                .and_then(|e| e.get(k))
                .and_then(|v| v.as_str())
                .unwrap_or("")
        };
        let end = match text("end") {
            "" => String::new(),
            end => format!("〜{end}"),
        };
        iguren_calendar::load::escape_controls(&format!("{}{end} {}", text("start"), text("title")))
    };
    for (row, id) in &result.added {
        println!("+ {row}行目 / row {row}: 追加 / add {id}: {}", summary(id));
    }
    for (row, id) in &result.updated {
        println!(
            "~ {row}行目 / row {row}: 更新 / update {id}: {}",
            summary(id)
        );
    }
    for (row, id) in &result.duplicates {
        println!("= {row}行目 / row {row}: {id} と同じなので飛ばしました / same as {id}, skipped");
    }
    for (row, id) in &result.needs_confirmation {
        println!("? {row}行目 / row {row}: {id} はすでにあります。上書きするには --update / {id} exists; --update to replace it");
    }
    let changes = result.added.len() + result.updated.len();
    if dry_run {
        println!("{into_file}: 書き込みませんでした（--dry-run） / not written (--dry-run)");
    } else if changes > 0 {
        let out = iguren_calendar::doc::write::to_text(&result.doc);
        if let Err(e) = std::fs::write(into, out) {
            eprintln!("{into_file}: 書き込めません / cannot write: {e}");
            return ExitCode::from(2);
        }
    }
    eprintln!(
        "{csv_file}: 追加 {} 件、更新 {} 件、重複 {} 件、問題 {} 件 / {} added, {} updated, {} duplicates, {} problems",
        result.added.len(),
        result.updated.len(),
        result.duplicates.len(),
        result.problems.len(),
        result.added.len(),
        result.updated.len(),
        result.duplicates.len(),
        result.problems.len()
    );
    if result.problems.is_empty() && result.needs_confirmation.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
