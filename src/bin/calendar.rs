//! The maintainer tool: checks `events.json` and tells where and what.
//!
//! `calendar check FILE` prints each problem as
//! `FILE:LINE:COL: /json/path: 日本語 / English` and exits 0 when the file
//! is valid, 1 when it has problems, 2 when it cannot be read or the
//! arguments are wrong. `calendar publish FILE DIR` checks the same way and,
//! when the file is valid, writes the calendar files and share pages of
//! [`iguren_calendar::site::publish`] into DIR (the build calls it). `calendar
//! fmt FILE` writes the file as the editor page would ([`iguren_calendar::doc::write`]).
//
// A native tool: it reads and writes files, and reaches the build-only
// modules (`csp`, `generate`) that the wasm32 build of the library leaves
// out. For wasm32 it is an empty stub (the wasm32 lint builds every
// target), as `src/main.rs` is natively.
//
// This file holds the usage, the dispatch and what several commands
// share; each command is a file under `src/bin/calendar/`.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    tool::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
#[path = "calendar/check.rs"]
mod check;

#[cfg(not(target_arch = "wasm32"))]
#[path = "calendar/publish.rs"]
mod publish;

#[cfg(not(target_arch = "wasm32"))]
#[path = "calendar/fmt.rs"]
mod fmt;

#[cfg(not(target_arch = "wasm32"))]
#[path = "calendar/import.rs"]
mod import;

#[cfg(not(target_arch = "wasm32"))]
#[path = "calendar/export.rs"]
mod export;

#[cfg(not(target_arch = "wasm32"))]
#[path = "calendar/csp.rs"]
mod csp;

#[cfg(not(target_arch = "wasm32"))]
#[path = "calendar/generate.rs"]
mod generate;

#[cfg(not(target_arch = "wasm32"))]
#[path = "calendar/fetch.rs"]
mod fetch;

#[cfg(not(target_arch = "wasm32"))]
#[path = "calendar/sources.rs"]
mod sources;

#[cfg(not(target_arch = "wasm32"))]
mod tool {
    use crate::{check, csp, export, fetch, fmt, generate, import, publish};
    use iguren_calendar::jp::tokyo;
    use iguren_calendar::model::text::Lang;
    use iguren_calendar::model::Catalog;
    use std::io::Write;
    use std::process::ExitCode;

    /// Each command's usage, in the order `calendar --help` lists them:
    /// `calendar COMMAND --help` prints one, wrong arguments print theirs.
    const USAGE: &[(&str, &str)] = &[
        (
            "check",
            "  calendar check FILE    データファイルを検査します / check an events file

  問題を一つずつ次の形で表示します / prints each problem as:
    FILE:LINE:COL: /json/path: 日本語のメッセージ / English message
  注意 (note) は問題ではなく、終了コードを変えません / a note is not a
  problem and does not change the exit status.
  終了コード / exit status: 0 問題なし / valid; 1 問題あり / problems;
  2 読めない、または引数の誤り / unreadable file or wrong arguments
",
        ),
        (
            "publish",
            "  calendar publish FILE DIR
                         検査して、問題がなければ DIR にカレンダーファイル
                         (ics/all.ics, ics/project/ID.ics, ics/event/ID.ics)、
                         共有ページ (e/ID.html)、フィード (feed.atom,
                         feed.json, feeds/)、FAX申込書 (fax/ID.html)、
                         embed.json、site.url があれば sitemap.xml,
                         robots.txt, QRコードを書き出します / check, then
                         write the calendar files, share pages, feeds, FAX
                         sheets, embed.json, and with site.url the sitemap,
                         robots.txt and QR codes.
                         「今日」（最初に開く月など）は環境変数
                         SOURCE_DATE_EPOCH（1970年からの秒数）があればその
                         時刻、なければこの機械の時計 / \"today\" (the
                         opening month, ...) is SOURCE_DATE_EPOCH when set,
                         else this machine's clock
",
        ),
        (
            "fmt",
            "  calendar fmt FILE [--check]
                         エディターと同じ形に整えて書き戻します（項目の順と
                         未知の項目はそのまま）。--check は書き換えず、整って
                         いなければ 1 で終わります / rewrite the file exactly as
                         the editor writes it (order and unknown fields kept);
                         --check only tells, exit 1 when it would change
",
        ),
        (
            "import",
            "  calendar import FILE.csv --into EVENTS.json [--dry-run] [--update]
                         [--project ID] [--year YYYY]
                         表計算の CSV（UTF-8 か Shift_JIS）の行を予定として
                         取り込みます。問題のある行は行と列を示して取り込みま
                         せん。--dry-run は書き込まずに結果だけ、--update は
                         同じ id の予定を上書き。年のない日付は --year の年、
                         なければ今年（東京の日付） / merge a spreadsheet's
                         rows (UTF-8 or Shift_JIS); rows with problems are
                         named and left out; --dry-run only shows, --update
                         replaces events with the same id; a date without a
                         year is in --year, else this year in Tokyo
",
        ),
        (
            "export",
            "  calendar export --csv EVENTS.json
                         予定を Excel で開ける CSV（UTF-8、BOM つき）で標準
                         出力に書きます / print the events as CSV for Excel
",
        ),
        (
            "csp",
            "  calendar csp --editor FILE.html
                         編集ページに、その CSP（GitHub API への接続だけを
                         追加で許可）を書き込みます（ビルドが使います） /
                         add the editor page's Content-Security-Policy (also
                         allows api.github.com); the build runs it
",
        ),
        (
            "fetch",
            "  calendar fetch [EVENTS.json] [--strict] [--timeout SECONDS]
                         EVENTS.json（既定 public/events.json）の隣の
                         sources.json に書いた他のカレンダーを取得し、
                         sources/ID.json と sources/status.json に保存します。
                         失敗した情報源は前回の取得分を使い、警告だけで 0 で
                         終わります（--strict では 1）/ fetch the calendars
                         declared in sources.json beside EVENTS.json into
                         sources/; a failing source keeps its last good copy
                         and only warns (exit 1 with --strict).
                         取得時刻は SOURCE_DATE_EPOCH があればその時刻 / the
                         time of fetching is SOURCE_DATE_EPOCH when set.
                         テスト用 / for tests only: --now INSTANT,
                         --allow-insecure-localhost (http to 127.0.0.1)
",
        ),
        (
            "generate",
            "  calendar generate N [SEED]
                         ベンチマーク用に N 件のイベントの有効なデータを
                         標準出力に書きます / print a valid file of N events
                         (deterministic, for benchmarks)
",
        ),
    ];

    const HEAD: &str =
        "calendar — かながわ異グ連カレンダーの保守ツール / maintainer tool\n\n使い方 / usage:\n";

    /// `calendar --help`: every command, then the exit statuses.
    fn help() -> String {
        let mut out = HEAD.to_string();
        for (_, usage) in USAGE {
            out.push_str(usage);
        }
        out.push_str(
            "  calendar COMMAND --help
                         そのコマンドの説明 / that command's usage
  calendar --help        この説明 / this help

終了コード / exit status:
  0  成功、問題なし / done, the file is valid
  1  問題あり / the file has problems
  2  読めない、書けない、または引数の誤り / unreadable or unwritable
     file, or wrong arguments
",
        );
        out
    }

    /// One command's usage, with the way to the whole help.
    fn usage_of(command: &str) -> Option<String> {
        USAGE
            .iter()
            .find(|(name, _)| *name == command)
            .map(|(_, usage)| {
                format!("{HEAD}{usage}\n全体の説明 / all commands: calendar --help\n")
            })
    }

    pub fn main() -> ExitCode {
        let args: Vec<String> = std::env::args().skip(1).collect();
        let words: Vec<&str> = args.iter().map(String::as_str).collect();
        // `calendar COMMAND --help` (anywhere after the command) and
        // `calendar help COMMAND`: that command's usage, exit 0.
        match words[..] {
            ["help", command] | [command, ..]
                if (words.len() == 2 && words[0] == "help")
                    || words[1..].iter().any(|w| matches!(*w, "--help" | "-h")) =>
            {
                if let Some(usage) = usage_of(command) {
                    print!("{usage}");
                    return ExitCode::SUCCESS;
                }
            }
            _ => {}
        }
        match words[..] {
            [] => wrong_arguments(""),
            ["--help" | "-h" | "help"] => {
                print!("{}", help());
                ExitCode::SUCCESS
            }
            ["check", file] => check::run(file),
            ["fetch", ..] => fetch::run(&args[1..]),
            ["fmt", file] => fmt::run(file, false),
            ["fmt", file, "--check"] | ["fmt", "--check", file] => fmt::run(file, true),
            ["export", "--csv", file] => export::run(file),
            ["import", ..] => import::run(&args[1..]),
            ["generate", n] => generate::run(n, "1"),
            ["generate", n, seed] => generate::run(n, seed),
            ["csp", "--editor", page] => csp::run(page),
            ["publish", file, dir] => publish::run(file, dir),
            [command, ..] => wrong_arguments(command),
        }
    }

    /// Exit 2 with the usage of `command` (the whole help for an unknown
    /// command).
    pub(crate) fn wrong_arguments(command: &str) -> ExitCode {
        let usage = usage_of(command).unwrap_or_else(help);
        eprint!("引数が正しくありません / wrong arguments\n\n{usage}");
        ExitCode::from(2)
    }

    /// The build's "now", in seconds since the Unix epoch:
    /// `SOURCE_DATE_EPOCH` when it is set (the reproducible-builds
    /// convention; the tests set it), else this machine's clock. A
    /// malformed value stops the command with exit 2.
    pub(crate) fn build_now() -> Result<i64, ExitCode> {
        match std::env::var("SOURCE_DATE_EPOCH") {
            Ok(value) => tokyo::source_date_epoch(&value).map_err(|m| {
                eprintln!("{} / {}", m.ja, m.get(Lang::En));
                ExitCode::from(2)
            }),
            Err(std::env::VarError::NotUnicode(_)) => {
                eprintln!("SOURCE_DATE_EPOCH が読めません / SOURCE_DATE_EPOCH is not readable");
                Err(ExitCode::from(2))
            }
            Err(std::env::VarError::NotPresent) => Ok(std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0))),
        }
    }

    /// The file's text, or the exit code after saying why it cannot be read.
    pub(crate) fn read_text(path: &str, file: &str) -> Result<String, ExitCode> {
        match std::fs::read(path) {
            Ok(bytes) => iguren_calendar::load::utf8(bytes).map_err(|message| {
                eprintln!("{file}: {message}");
                ExitCode::from(2)
            }),
            Err(e) => {
                eprintln!("{file}: 読めません / cannot read: {e}");
                Err(ExitCode::from(2))
            }
        }
    }

    /// The events file as a document, or `None` after saying why not.
    pub(crate) fn read_doc(path: &str, file: &str) -> Option<iguren_calendar::doc::Doc> {
        parse_doc(&read_text(path, file).ok()?, file)
    }

    /// The text as a document, or `None` after printing where the checker
    /// finds the syntax error.
    pub(crate) fn parse_doc(text: &str, file: &str) -> Option<iguren_calendar::doc::Doc> {
        match iguren_calendar::doc::Doc::parse(text) {
            Ok(doc) => Some(doc),
            Err(_) => {
                for d in iguren_calendar::load::load(text).diagnostics {
                    eprintln!("{file}:{d}");
                }
                None
            }
        }
    }

    /// Reads and checks the file, printing every problem; the catalogue when
    /// it is valid, else the exit code.
    pub(crate) fn read_and_check(path: &str) -> Result<Catalog, ExitCode> {
        // The name as printed: one line, whatever characters the path holds.
        let file = &iguren_calendar::load::escape_controls(path);
        let text = read_text(path, file)?;
        let loaded = iguren_calendar::load::load(&text);
        // One buffered write for all problems: a file can have 100,000.
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        for d in &loaded.diagnostics {
            let _ = writeln!(out, "{file}:{d}");
        }
        let _ = out.flush();
        drop(out);
        if loaded.is_valid() {
            println!(
                "{file}: 問題ありません（プロジェクト {} 件、イベント {} 件） / OK ({} projects, {} events)",
                loaded.catalog.projects.len(),
                loaded.catalog.events.len(),
                loaded.catalog.projects.len(),
                loaded.catalog.events.len()
            );
            // Notes are not problems: the file is valid and stays so (exit
            // 0, the build goes on); they say what the site goes without.
            for note in iguren_calendar::site::reach::notes(&loaded.catalog) {
                println!("{file}: 注意 / note: {} / {}", note.ja, note.get(Lang::En));
            }
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
}
