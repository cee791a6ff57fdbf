//! `calendar generate N [SEED]`: a valid events file of N events on
//! standard output ([`iguren_calendar::load::generate`], deterministic), for
//! the benchmarks.

use std::process::ExitCode;

/// `calendar generate N SEED` (the dispatch gives SEED 1 when it is left
/// out).
pub fn run(count: &str, seed: &str) -> ExitCode {
    match (count.parse(), seed.parse()) {
        (Ok(count), Ok(seed)) => {
            print!(
                "{}",
                iguren_calendar::load::generate::events_json(count, seed)
            );
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("N と SEED は整数で / N and SEED must be whole numbers");
            ExitCode::from(2)
        }
    }
}
