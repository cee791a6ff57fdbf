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

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    tool::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}

// `calendar fetch`, and the sources' part of `check` and `publish`.
#[cfg(not(target_arch = "wasm32"))]
#[path = "calendar/sources.rs"]
mod sources;

#[cfg(not(target_arch = "wasm32"))]
mod tool {
    use super::sources;
    use iguren_calendar::jp::tokyo;
    use iguren_calendar::model::text::Lang;
    use iguren_calendar::model::Catalog;
    use std::io::Write;
    use std::path::Path;
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
            ["check", file] => check(file),
            ["fetch", ..] => sources::fetch(&args[1..]),
            ["fmt", file] => fmt(file, false),
            ["fmt", file, "--check"] | ["fmt", "--check", file] => fmt(file, true),
            ["export", "--csv", file] => export_csv(file),
            ["import", ..] => import(&args[1..]),
            ["generate", n] => generate(n, "1"),
            ["generate", n, seed] => generate(n, seed),
            ["csp", "--editor", page] => editor_csp(page),
            ["publish", file, dir] => match (read_and_check(file), build_now()) {
                (Ok(catalog), Ok(now)) => match publish(&catalog, dir, now) {
                    code if code != ExitCode::SUCCESS => code,
                    _ => publish_sources(file, &catalog, dir, now),
                },
                (Err(code), _) | (_, Err(code)) => code,
            },
            [command, ..] => wrong_arguments(command),
        }
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

    /// `calendar csp --editor PAGE`: the editor page's policy, in place.
    fn editor_csp(page: &str) -> ExitCode {
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

    /// `calendar check`: the events file, then `sources.json` beside it
    /// (when there is one), every problem of both.
    fn check(file: &str) -> ExitCode {
        let checked = read_and_check(file);
        let catalog = match &checked {
            Ok(catalog) => catalog.clone(),
            Err(_) => std::fs::read(file)
                .ok()
                .and_then(|b| iguren_calendar::load::utf8(b).ok())
                .map(|t| iguren_calendar::load::load(&t).catalog)
                .unwrap_or_default(),
        };
        let sources = sources::check(file, &catalog);
        match (checked, sources) {
            (Err(code), _) | (_, Err(code)) => code,
            (Ok(_), Ok(Some((_, false)))) => ExitCode::from(1),
            (Ok(_), Ok(_)) => ExitCode::SUCCESS,
        }
    }

    /// The sources' part of `publish`: never fails our site, only warns.
    /// Also names the page and the manifest after `site` (a fork that
    /// changes only the data gets its own name).
    fn publish_sources(file: &str, catalog: &Catalog, dir: &str, now: i64) -> ExitCode {
        for (name, rewrite) in [
            (
                "index.html",
                iguren_calendar::site::brand::page as fn(&str, &_) -> String,
            ),
            (
                "manifest.webmanifest",
                iguren_calendar::site::brand::manifest,
            ),
        ] {
            let path = Path::new(dir).join(name);
            if let Ok(text) = std::fs::read_to_string(&path) {
                if let Err(e) = std::fs::write(&path, rewrite(&text, &catalog.site)) {
                    eprintln!("{}: 書き込めません / cannot write: {e}", path.display());
                    return ExitCode::from(2);
                }
            }
        }
        match sources::publish(file, catalog, dir, tokyo::today(now)) {
            Ok(n) => {
                println!("{dir}: 他地域・他団体の予定 {n} 件と ics/federation.ics を書き出しました / wrote {n} imported events and ics/federation.ics");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("{e}");
                ExitCode::from(2)
            }
        }
    }

    /// `calendar fmt`: the file as the editor would write it.
    fn fmt(path: &str, check: bool) -> ExitCode {
        let file = &iguren_calendar::load::escape_controls(path);
        let text = match read_text(path, file) {
            Ok(text) => text,
            Err(code) => return code,
        };
        let doc = match iguren_calendar::doc::Doc::parse(&text) {
            Ok(doc) => doc,
            Err(_) => {
                // The checker says where the syntax error is.
                for d in iguren_calendar::load::load(&text).diagnostics {
                    eprintln!("{file}:{d}");
                }
                return ExitCode::from(1);
            }
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

    /// The file's text, or the exit code after saying why it cannot be read.
    fn read_text(path: &str, file: &str) -> Result<String, ExitCode> {
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

    /// `calendar export --csv FILE`: the events as CSV on standard output.
    fn export_csv(path: &str) -> ExitCode {
        let file = &iguren_calendar::load::escape_controls(path);
        let Some(doc) = read_doc(path, file) else {
            return ExitCode::from(2);
        };
        print!("{}", iguren_calendar::csv::export(&doc));
        ExitCode::SUCCESS
    }

    /// The events file as a document, or `None` after saying why not.
    fn read_doc(path: &str, file: &str) -> Option<iguren_calendar::doc::Doc> {
        let text = read_text(path, file).ok()?;
        match iguren_calendar::doc::Doc::parse(&text) {
            Ok(doc) => Some(doc),
            Err(_) => {
                for d in iguren_calendar::load::load(&text).diagnostics {
                    eprintln!("{file}:{d}");
                }
                None
            }
        }
    }

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
    fn import(args: &[String]) -> ExitCode {
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
            iguren_calendar::load::escape_controls(&format!(
                "{}{end} {}",
                text("start"),
                text("title")
            ))
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
            println!(
                "= {row}行目 / row {row}: {id} と同じなので飛ばしました / same as {id}, skipped"
            );
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

    /// Exit 2 with the usage of `command` (the whole help for an unknown
    /// command).
    pub(crate) fn wrong_arguments(command: &str) -> ExitCode {
        let usage = usage_of(command).unwrap_or_else(help);
        eprint!("引数が正しくありません / wrong arguments\n\n{usage}");
        ExitCode::from(2)
    }

    fn generate(count: &str, seed: &str) -> ExitCode {
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

    fn publish(catalog: &Catalog, dir: &str, now: i64) -> ExitCode {
        let mut files = iguren_calendar::site::publish::files(catalog);
        // Feeds, FAX sheets, the sitemap, QR codes and the embed's list.
        files.extend(iguren_calendar::site::reach::files(
            catalog,
            tokyo::today(now),
        ));
        // The spreadsheet template the editor links to (UTF-8 with a BOM).
        files.push((
            iguren_calendar::csv::TEMPLATE_PATH.to_string(),
            iguren_calendar::csv::template(),
        ));
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
        // The page Trunk made gets the opening view pre-rendered (the same
        // core as the app, for first paint and browsers without JavaScript)
        // and its Content-Security-Policy (when present: `publish` also
        // works on an empty folder).
        let index = Path::new(dir).join("index.html");
        if let Ok(html) = std::fs::read_to_string(&index) {
            let view =
                iguren_calendar::site::prerender::opening_view(catalog, tokyo::today(now), &[]);
            let written = iguren_calendar::site::prerender::into_page(&html, &view)
                .and_then(|page| iguren_calendar::site::csp::with_policy(&page))
                .map_err(|e| e.to_string())
                .and_then(|page| std::fs::write(&index, page).map_err(|e| e.to_string()));
            if let Err(e) = written {
                eprintln!(
                    "{}: 先読み表示と CSP を書き込めません / cannot add the pre-rendered view and the CSP: {e}",
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
    fn read_and_check(path: &str) -> Result<Catalog, ExitCode> {
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
                println!(
                    "{file}: 注意 / note: {} / {}",
                    note.ja,
                    note.get(iguren_calendar::model::text::Lang::En)
                );
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
