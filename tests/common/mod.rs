//! What the integration tests that run the maintainer tool share.

use std::process::Command;

/// Runs `calendar ARGS`: exit code, standard output, standard error.
pub fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_calendar"))
        .args(args)
        .output()
        .expect("run calendar");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}
