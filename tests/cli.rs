//! The maintainer tool as a maintainer runs it: output lines and exit codes.

mod common;
use common::{run, run_at};

#[test]
fn check_of_a_valid_file_exits_0() {
    let (code, out, _) = run(&["check", "public/events.json"]);
    assert_eq!(code, 0);
    assert!(out.contains("OK (11 projects, 14 events)"), "{out}");
}

/// A missing `site.url` is a note, not a problem: exit 0, and the build
/// writes everything but what needs the address. With the address, no
/// note, and the sitemap, robots.txt and QR codes are written.
#[test]
fn a_note_does_not_fail_the_check_and_publish_follows_the_address() {
    let (code, out, _) = run(&["check", "public/events.json"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("public/events.json: 注意 / note: site.url（公開するアドレス）がないため"),
        "{out}"
    );
    let dir = std::env::temp_dir().join(format!("calendar-cli-note-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let out_dir = dir.join("site");
    let (code, _, err) = run(&["publish", "public/events.json", out_dir.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    for f in [
        "feed.atom",
        "feed.json",
        "feeds/hojokin.atom",
        "embed.json",
        "fax/kawasaki-salon-2004-02-25.html",
    ] {
        assert!(out_dir.join(f).is_file(), "{f}");
    }
    for f in ["sitemap.xml", "robots.txt", "qr/calendar.svg"] {
        assert!(!out_dir.join(f).exists(), "{f}");
    }
    let with_url = std::fs::read_to_string("public/events.json")
        .unwrap()
        .replacen(
            "\"domain\": \"kanagawa-iguren.com\",",
            "\"domain\": \"kanagawa-iguren.com\", \"url\": \"https://example.org/calendar/\",",
            1,
        );
    assert!(with_url.contains("example.org"));
    let file = dir.join("events.json");
    std::fs::write(&file, with_url).unwrap();
    let (code, out, _) = run(&["check", file.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
    assert!(!out.contains("注意"), "{out}");
    let (code, _, err) = run(&["publish", file.to_str().unwrap(), out_dir.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let robots = std::fs::read_to_string(out_dir.join("robots.txt")).unwrap();
    assert!(
        robots.contains("Sitemap: https://example.org/calendar/sitemap.xml"),
        "{robots}"
    );
    assert!(out_dir.join("qr/calendar.svg").is_file());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn check_prints_file_line_col_path_and_both_languages_then_exits_1() {
    let file = "tests/fixtures/load/unknown-field.json";
    let (code, out, err) = run(&["check", file]);
    assert_eq!(code, 1);
    assert_eq!(
        out.lines().nth(1).unwrap(),
        format!("{file}:5:34: /events/0/titel: 知らない項目「titel」です。「title」の書き間違いではありませんか / unknown field \"titel\"; did you mean \"title\"?")
    );
    assert!(
        err.contains("2 problems; 1 valid events still load"),
        "{err}"
    );
}

/// A crafted key or value cannot add a line, forge a `FILE:LINE:COL:`
/// line, or send an escape sequence to the maintainer's terminal: each
/// problem is one line that starts with the file's name.
#[test]
fn each_problem_is_one_line_whatever_the_file_holds() {
    let file = "tests/fixtures/load/control-characters.json";
    let (code, out, _) = run(&["check", file]);
    assert_eq!(code, 1);
    assert_eq!(out.lines().count(), 2, "{out}");
    for line in out.lines() {
        assert!(line.starts_with(&format!("{file}:")), "{line}");
        assert!(!line.chars().any(char::is_control), "{line:?}");
    }
    // The same holds for the file's own name.
    let dir = std::env::temp_dir().join(format!("calendar-cli-name-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let odd = dir.join("a\nb\u{1b}[2J.json");
    std::fs::copy(file, &odd).unwrap();
    let (_, out, err) = run(&["check", odd.to_str().unwrap()]);
    assert_eq!(out.lines().count(), 2, "{out}");
    assert!(
        out.lines().all(|l| l.contains("a\\nb\\u001b[2J.json:")),
        "{out}"
    );
    assert!(
        !err.trim_end().contains('\n') && !err.contains('\u{1b}'),
        "{err:?}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn unreadable_file_or_wrong_arguments_exit_2() {
    assert_eq!(
        run(&["check", "tests/fixtures/load/no-such-file.json"]).0,
        2
    );
    assert_eq!(run(&["check"]).0, 2);
    assert_eq!(run(&["frobnicate", "x"]).0, 2);
    let dir = std::env::temp_dir().join(format!("calendar-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let latin1 = dir.join("latin1.json");
    std::fs::write(&latin1, b"{\"site\": \"\xe9\"}").unwrap();
    let (code, _, err) = run(&["check", latin1.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("not UTF-8 from byte 10"), "{err}");
}

#[test]
fn help_explains_the_commands_and_exit_codes() {
    let (code, out, _) = run(&["--help"]);
    assert_eq!(code, 0);
    for word in ["check FILE", "publish FILE DIR", "0  ", "1  ", "2  "] {
        assert!(out.contains(word), "{word} in {out}");
    }
}

/// `calendar COMMAND --help` (or `-h`, or `calendar help COMMAND`) prints
/// that command's usage and exits 0; an unknown option exits 2 with it.
#[test]
fn each_command_has_its_help_and_wrong_options_show_it() {
    for (command, usage) in [
        ("check", "calendar check FILE"),
        ("publish", "calendar publish FILE DIR"),
        ("fmt", "calendar fmt FILE [--check]"),
        ("import", "calendar import FILE.csv --into EVENTS.json"),
        ("export", "calendar export --csv EVENTS.json"),
        ("csp", "calendar csp --editor FILE.html"),
        ("fetch", "calendar fetch [EVENTS.json] [--strict]"),
        ("generate", "calendar generate N [SEED]"),
    ] {
        for args in [
            vec![command, "--help"],
            vec![command, "-h"],
            vec!["help", command],
            vec![command, "public/events.json", "--help"],
        ] {
            let (code, out, err) = run(&args);
            assert_eq!(code, 0, "{args:?}: {err}");
            assert!(out.contains(usage), "{args:?}: {out}");
            assert!(out.contains("calendar --help"), "{args:?}: {out}");
            // Only that command: not the others' usage.
            let others = ["calendar check FILE", "calendar generate N"];
            for other in others.iter().filter(|o| !usage.starts_with(**o)) {
                assert!(!out.contains(other), "{args:?}: {out}");
            }
        }
    }
    for args in [
        vec!["fetch", "--frobnicate"],
        vec!["fetch", "--timeout", "soon"],
        vec!["import", "x.csv", "--into"],
        vec!["import", "x.csv", "--into", "e.json", "--year", "平成16"],
        vec!["check"],
        vec!["check", "a.json", "b.json"],
        vec!["publish", "public/events.json"],
    ] {
        let (code, out, err) = run(&args);
        assert_eq!(code, 2, "{args:?}: {out}");
        assert!(
            err.starts_with("引数が正しくありません / wrong arguments"),
            "{args:?}: {err}"
        );
        let usage = format!("calendar {}", args[0]);
        assert!(err.contains(&usage), "{args:?}: {err}");
    }
    // An unknown command: the whole help.
    let (code, _, err) = run(&["frobnicate", "--help"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("calendar check FILE") && err.contains("calendar fetch"),
        "{err}"
    );
}

/// The build's "now" is `SOURCE_DATE_EPOCH`: the opening month of the
/// pre-rendered page follows it, not the machine's clock; a malformed
/// value stops the build with a message that names it.
#[test]
fn publish_takes_today_from_source_date_epoch() {
    let dir = std::env::temp_dir().join(format!("calendar-epoch-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let page = "<!DOCTYPE html><html><head><title>t</title></head><body></body></html>";
    let heading = |epoch: &str| {
        let site = dir.join(epoch);
        std::fs::create_dir_all(&site).unwrap();
        std::fs::write(site.join("index.html"), page).unwrap();
        let (code, _, err) = run_at(
            epoch,
            &["publish", "public/events.json", site.to_str().unwrap()],
        );
        assert_eq!(code, 0, "{err}");
        let html = std::fs::read_to_string(site.join("index.html")).unwrap();
        let at = html.find("data-month=\"").expect("pre-rendered month");
        html[at + 12..at + 19].to_string()
    };
    // The newsletter's events are from 2004/1 to 2004/3: on 2004-02-10 in
    // Tokyo the page opens on February; after the last event, on March
    // (the month of the latest); before the first, on January.
    assert_eq!(heading("1076371200"), "2004-02"); // 2004-02-10 00:00 UTC
    assert_eq!(heading("1796094000"), "2004-03"); // 2026-12-01
    assert_eq!(heading("946684800"), "2004-01"); // 2000-01-01
    let site = dir.join("bad");
    for bad in ["yesterday", "-1", "1.5"] {
        let (code, out, err) = run_at(
            bad,
            &["publish", "public/events.json", site.to_str().unwrap()],
        );
        assert_eq!(code, 2, "{bad}: {out}");
        assert!(
            err.contains(&format!("SOURCE_DATE_EPOCH「{bad}」")),
            "{err}"
        );
        assert!(err.contains("is not a whole number of seconds"), "{err}");
    }
    assert!(
        !site.exists(),
        "nothing written with a malformed SOURCE_DATE_EPOCH"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn publish_writes_the_calendar_files_of_a_valid_file_only() {
    let dir = std::env::temp_dir().join(format!("calendar-publish-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let (code, _, _) = run(&["publish", "public/events.json", dir.to_str().unwrap()]);
    assert_eq!(code, 0);
    let one = std::fs::read_to_string(dir.join("ics/event/kawasaki-salon-2004-02-25.ics")).unwrap();
    assert!(one.contains("UID:kawasaki-salon-2004-02-25@kanagawa-iguren.com\r\n"));
    assert!(dir.join("ics/all.ics").exists());
    assert!(dir.join("ics/project/manten.ics").exists());

    let bad = dir.join("bad");
    let (code, _, _) = run(&[
        "publish",
        "tests/fixtures/load/bad-email.json",
        bad.to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    assert!(!bad.exists());
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `calendar fmt` writes a file as the editor does: the shipped file is
/// already in that form; a file with odd spacing is rewritten, after which
/// `--check` is content.
#[test]
fn fmt_writes_as_the_editor_and_check_tells() {
    let (code, out, _) = run(&["fmt", "public/events.json", "--check"]);
    assert_eq!(code, 0, "{out}");
    let dir = std::env::temp_dir().join(format!("calendar-cli-fmt-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("odd.json");
    let path = file.to_str().unwrap();
    std::fs::write(&file, "{\"site\" :{ \"x-unknown\":1 } ,\"events\":[ ]}").unwrap();
    assert_eq!(run(&["fmt", path, "--check"]).0, 1);
    assert_eq!(run(&["fmt", path]).0, 0);
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        "{\"site\": { \"x-unknown\": 1 }, \"events\": []}\n"
    );
    assert_eq!(run(&["fmt", "--check", path]).0, 0);
    std::fs::write(&file, "{\"site\": ").unwrap();
    let (code, _, err) = run(&["fmt", path]);
    assert_eq!(code, 1);
    assert!(err.contains("JSON syntax error"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}
