//! The maintainer tool: checks `events.json` and tells where and what.
//!
//! `calendar check FILE` prints each problem as
//! `FILE:LINE:COL: /json/path: 日本語 / English` and exits 0 when the file
//! is valid, 1 when it has problems, 2 when it cannot be read or the
//! arguments are wrong. `calendar publish FILE DIR` checks the same way and,
//! when the file is valid, writes the calendar files and share pages of
//! [`iguren_calendar::publish`] into DIR (the build calls it).

// A native tool: it reads and writes files, and reaches the build-only
// modules (`csp`, `generate`) that the wasm32 build of the library leaves
// out. For wasm32 it is an empty stub, as `src/main.rs` is natively.
#![cfg_attr(target_arch = "wasm32", allow(dead_code))]

#[cfg(not(target_arch = "wasm32"))]
use iguren_calendar::model::Catalog;
#[cfg(not(target_arch = "wasm32"))]
use std::path::Path;
#[cfg(not(target_arch = "wasm32"))]
use std::process::ExitCode;

#[cfg(target_arch = "wasm32")]
fn main() {}

const HELP: &str = "\
calendar — かながわ異グ連カレンダーの保守ツール / maintainer tool

使い方 / usage:
  calendar check FILE    データファイルを検査します / check an events file
  calendar publish FILE DIR
                         検査して、問題がなければ DIR にカレンダーファイル
                         (ics/all.ics, ics/project/ID.ics, ics/event/ID.ics)
                         と共有ページ (e/ID.html) を書き出します / check, then
                         write the calendar files and share pages
  calendar generate N [SEED]
                         ベンチマーク用に N 件のイベントの有効なデータを
                         標準出力に書きます / print a valid file of N events
                         (deterministic, for benchmarks)
  calendar --help        この説明 / this help

check は問題を一つずつ次の形で表示します / check prints each problem as:
  FILE:LINE:COL: /json/path: 日本語のメッセージ / English message

終了コード / exit status:
  0  問題なし / the file is valid
  1  問題あり / the file has problems
  2  読めない、または引数の誤り / unreadable file or wrong arguments
";

#[cfg(not(target_arch = "wasm32"))]
fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["--help" | "-h" | "help"] => {
            print!("{HELP}");
            ExitCode::SUCCESS
        }
        ["check", file] => match read_and_check(file) {
            Ok(_) => ExitCode::SUCCESS,
            Err(code) => code,
        },
        ["generate", n] => generate(n, "1"),
        ["generate", n, seed] => generate(n, seed),
        ["publish", file, dir] => match read_and_check(file) {
            Ok(catalog) => publish(&catalog, dir),
            Err(code) => code,
        },
        _ => {
            eprint!("引数が正しくありません / wrong arguments\n\n{HELP}");
            ExitCode::from(2)
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn generate(count: &str, seed: &str) -> ExitCode {
    match (count.parse(), seed.parse()) {
        (Ok(count), Ok(seed)) => {
            print!("{}", iguren_calendar::generate::events_json(count, seed));
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("N と SEED は整数で / N and SEED must be whole numbers");
            ExitCode::from(2)
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn publish(catalog: &Catalog, dir: &str) -> ExitCode {
    let files = iguren_calendar::publish::files(catalog);
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
    // The page Trunk made gets its Content-Security-Policy (when present:
    // `publish` also works on an empty folder).
    let index = Path::new(dir).join("index.html");
    if let Ok(html) = std::fs::read_to_string(&index) {
        let written = iguren_calendar::csp::with_policy(&html)
            .map_err(|e| e.to_string())
            .and_then(|page| std::fs::write(&index, page).map_err(|e| e.to_string()));
        if let Err(e) = written {
            eprintln!(
                "{}: CSP を書き込めません / cannot add the CSP: {e}",
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

/// Reads and checks the file, printing every problem; the catalogue when
/// it is valid, else the exit code.
#[cfg(not(target_arch = "wasm32"))]
fn read_and_check(file: &str) -> Result<Catalog, ExitCode> {
    let text = match std::fs::read(file) {
        Ok(bytes) => match iguren_calendar::load::utf8(bytes) {
            Ok(text) => text,
            Err(message) => {
                eprintln!("{file}: {message}");
                return Err(ExitCode::from(2));
            }
        },
        Err(e) => {
            eprintln!("{file}: 読めません / cannot read: {e}");
            return Err(ExitCode::from(2));
        }
    };
    let loaded = iguren_calendar::load::load(&text);
    for d in &loaded.diagnostics {
        println!("{file}:{d}");
    }
    if loaded.is_valid() {
        println!(
            "{file}: 問題ありません（プロジェクト {} 件、イベント {} 件） / OK ({} projects, {} events)",
            loaded.catalog.projects.len(),
            loaded.catalog.events.len(),
            loaded.catalog.projects.len(),
            loaded.catalog.events.len()
        );
        Ok(loaded.catalog)
    } else {
        eprintln!(
            "{file}: 問題 {} 件。有効なイベント {} 件は読み込めます / {} problems; {} valid events still load",
            loaded.diagnostics.len(),
            loaded.catalog.events.len(),
            loaded.diagnostics.len(),
            loaded.catalog.events.len()
        );
        Err(ExitCode::from(1))
    }
}
