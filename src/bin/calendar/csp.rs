//! `calendar csp --editor PAGE`: writes the editor page's
//! Content-Security-Policy ([`iguren_calendar::site::csp`], which also allows
//! the GitHub API) into the page, in place; the build runs it.

use std::process::ExitCode;

/// `calendar csp --editor PAGE`: the editor page's policy, in place.
pub fn run(page: &str) -> ExitCode {
    let written = std::fs::read_to_string(page)
        .map_err(|e| e.to_string())
        .and_then(|html| iguren_calendar::site::csp::with_editor_policy(&html))
        .and_then(|html| std::fs::write(page, html).map_err(|e| e.to_string()));
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{page}: CSP を書き込めません / cannot add the CSP: {e}");
            ExitCode::from(2)
        }
    }
}
