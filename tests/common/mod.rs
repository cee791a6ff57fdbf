//! What the integration tests that run the maintainer tool share.

use std::process::Command;

/// The tests' "now" (2026-12-01 12:00 in Tokyo), as the build takes it:
/// seconds since the Unix epoch, for `SOURCE_DATE_EPOCH`. The Makefile's
/// TEST_EPOCH and the browser tests' harness use the same.
#[allow(dead_code)] // not every test binary uses every helper
pub const TEST_EPOCH: &str = "1796094000";

/// Runs `calendar ARGS` with the build's clock at [`TEST_EPOCH`]: exit
/// code, standard output, standard error.
#[allow(dead_code)]
pub fn run(args: &[&str]) -> (i32, String, String) {
    run_at(TEST_EPOCH, args)
}

/// Runs `calendar ARGS` with `SOURCE_DATE_EPOCH` set to `epoch`.
pub fn run_at(epoch: &str, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_calendar"))
        .args(args)
        .env("SOURCE_DATE_EPOCH", epoch)
        .output()
        .expect("run calendar");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}
