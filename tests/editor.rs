//! The editor's problems are the checker's: for every fixture of
//! `tests/fixtures/load`, what the editor shows after opening the file
//! ([`iguren_calendar::doc::form::open`], which checks the text the editor would
//! save) equals what `calendar check` prints, path, Japanese and English,
//! problem for problem. The CLI is run as a separate process.

use iguren_calendar::doc::form;
use iguren_calendar::model::text::Lang;
use std::process::Command;

/// `/path: 日本語 / English` of each problem the CLI prints for `file`.
fn cli(file: &str) -> Vec<String> {
    let out = Command::new(env!("CARGO_BIN_EXE_calendar"))
        .args(["check", file])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    stdout
        .lines()
        // FILE:LINE:COL: rest (not the closing summary, `FILE: 問題ありません…`).
        .filter_map(|l| l.strip_prefix(file)?.strip_prefix(':'))
        .filter(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
        .map(|rest| {
            let mut parts = rest.splitn(3, ':');
            let (_line, _col) = (parts.next(), parts.next());
            parts.next().unwrap().trim_start().to_string()
        })
        .collect()
}

#[test]
fn the_editor_shows_the_checkers_problems_for_every_fixture() {
    let mut files: Vec<_> = std::fs::read_dir("tests/fixtures/load")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert!(files.len() > 20, "fixtures found: {}", files.len());
    let mut with_problems = 0;
    for path in files {
        let file = path.to_str().unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        let (_, problems) = form::open(&text);
        let editor: Vec<String> = problems
            .iter()
            .map(|d| {
                let p = if d.path.is_empty() { "/" } else { &d.path };
                format!(
                    "{p}: {} / {}",
                    d.message.get(Lang::Ja),
                    d.message.get(Lang::En)
                )
            })
            .collect();
        assert_eq!(editor, cli(file), "{file}");
        with_problems += usize::from(!editor.is_empty());
    }
    assert!(
        with_problems > 20,
        "fixtures with problems: {with_problems}"
    );
}
