//! `calendar fmt FILE [--check]`: rewrites the events file exactly as the
//! editor page writes it ([`iguren_calendar::doc::write`]), or with `--check`
//! only tells whether that would change it.

use crate::tool::{parse_doc, read_text};
use std::process::ExitCode;

/// `calendar fmt`: the file as the editor would write it.
pub fn run(path: &str, check: bool) -> ExitCode {
    let file = &iguren_calendar::load::escape_controls(path);
    let text = match read_text(path, file) {
        Ok(text) => text,
        Err(code) => return code,
    };
    // The checker says where the syntax error is.
    let Some(doc) = parse_doc(&text, file) else {
        return ExitCode::from(1);
    };
    let formatted = iguren_calendar::doc::write::to_text(&doc);
    if formatted == text {
        println!("{file}: 整っています / already formatted");
        return ExitCode::SUCCESS;
    }
    if check {
        println!("{file}: 整形が必要です（calendar fmt {file}） / needs formatting");
        return ExitCode::from(1);
    }
    match std::fs::write(path, formatted) {
        Ok(()) => {
            println!("{file}: 整形しました / formatted");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{file}: 書き込めません / cannot write: {e}");
            ExitCode::from(2)
        }
    }
}
