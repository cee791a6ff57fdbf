//! `calendar export --csv FILE`: the events as CSV for Excel (UTF-8 with
//! a BOM, [`iguren_calendar::csv::export`]) on standard output.

use crate::tool::read_doc;
use std::process::ExitCode;

/// `calendar export --csv FILE`: the events as CSV on standard output.
pub fn run(path: &str) -> ExitCode {
    let file = &iguren_calendar::load::escape_controls(path);
    let Some(doc) = read_doc(path, file) else {
        return ExitCode::from(2);
    };
    print!("{}", iguren_calendar::csv::export(&doc));
    ExitCode::SUCCESS
}
