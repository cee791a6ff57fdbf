//! The checker's problems in the maintainer's words, for the editor: each
//! [`Diagnostic`] said at the form field it belongs to, and named as the
//! form names things. The checker (and `calendar check`, which keeps its
//! words) speaks of JSON keys and paths (必須の項目「title」,
//! `/events/11/start`); the editor says タイトル, and the event by its
//! title and day.
//!
//! What the maintainer typed into a day or time field and could not be
//! read is stored as typed ([`super::set`]), so its problem is said again
//! by [`crate::doc::input`], which knows why (no such day, the wrong
//! weekday, a time past 23:59); a time's problem goes to its time field
//! (開始時刻), not to the day's. A problem between start and end is said
//! at the field to change. Which events and fields have problems stays
//! the checker's, one for one: only the words and the field change.

use super::{event_of, id_basis, pointer, row_fields, split_moment, value, Kind};
use crate::doc::fields::{self, list_label};
use crate::doc::input::{parse_clock, parse_day};
use crate::doc::{Doc, Value};
use crate::load::{parse_date, Diagnostic};
use crate::model::text::{Lang, Text};
use chrono::Datelike;

/// A problem as the editor says it.
#[derive(Debug, Clone, PartialEq)]
pub struct Said {
    /// The event it is about (its place in `events`), when it is one of
    /// the draft's.
    pub event: Option<usize>,
    /// The form field it belongs to, named as the inputs are (`title`,
    /// `startTime`, `venue.url`, `program.0.time`); empty for the event
    /// itself, or a problem outside the events.
    pub field: String,
    /// The field's label, with its row when it is in one (プログラム2行目の
    /// 時刻); the key itself for a field the form has no input for.
    pub label: Text,
    /// Where, in words: 「第40回日韓ビジネス協議会」（3月24日(水)）の開始日.
    pub place: Text,
    /// What is wrong, in words.
    pub message: Text,
    /// Whether it goes away by itself once other fields are filled in
    /// (the id of a new event, made from its project and start date).
    pub waits: bool,
}

/// One problem of the checker's, as the editor says it. `default_year`
/// is the year a day typed without one is read in (this year, as when it
/// was typed).
///
/// # Example
/// ```
/// use iguren_calendar::doc::{form, Doc};
/// let doc = Doc::parse(r#"{"events": [{"id": "a", "project": "p", "title": "例会", "start": "2004/3/10(木)"}]}"#).unwrap();
/// let problems = form::check(&doc);
/// let start = problems.iter().find(|d| d.path == "/events/0/start").unwrap();
/// let said = form::say(&doc, start, 2004);
/// assert_eq!(said.field, "start");
/// assert_eq!(said.message.ja, "3月10日は水曜日です（木曜日と書かれています）");
/// assert_eq!(said.place.ja, "「例会」の開始日");
/// ```
pub fn say(doc: &Doc, d: &Diagnostic, default_year: i32) -> Said {
    let Some(index) = event_of(&d.path).filter(|&i| i < events_len(doc)) else {
        return Said {
            event: None,
            field: String::new(),
            label: Text::new(""),
            place: elsewhere(doc, d),
            message: paths_named(doc, &d.message),
            waits: false,
        };
    };
    let field = d
        .path
        .strip_prefix(&format!("/events/{index}"))
        .unwrap_or("")
        .trim_start_matches('/')
        .replace('/', ".");
    let (field, message, waits) = at_field(doc, index, field, &d.message, default_year);
    let (ja, en) = long_label(&field);
    Said {
        event: Some(index),
        label: Text::both(ja, en),
        place: place(doc, index, &field),
        field,
        message,
        waits,
    }
}

/// The problems of the event at `index`, as the editor says them, in
/// file order.
pub fn field_problems(doc: &Doc, diagnostics: &[Diagnostic], index: usize, year: i32) -> Vec<Said> {
    diagnostics
        .iter()
        .filter(|d| event_of(&d.path) == Some(index))
        .map(|d| say(doc, d, year))
        .collect()
}

fn events_len(doc: &Doc) -> usize {
    match doc.get("/events") {
        Some(Value::Array { items, .. }) => items.len(),
        _ => 0,
    }
}

/// The field a problem of `field` is shown at, and its words.
fn at_field(
    doc: &Doc,
    index: usize,
    field: String,
    message: &Text,
    year: i32,
) -> (String, Text, bool) {
    if field == "start" || field == "end" {
        let (field, message) = moment(doc, index, &field, message, year);
        return (field, message, false);
    }
    let stored = value(doc, index, &field);
    if kind_of(&field) == Some(Kind::Time) && !stored.is_empty() && !is_stored_time(&stored) {
        if let Err(precise) = parse_clock(&stored) {
            return (field, precise, false);
        }
    }
    if field == "id" && stored.is_empty() {
        let project = value(doc, index, "project");
        if project.is_empty() || id_basis(doc, index).is_none() {
            let waits = Text::fixed(
                "IDは、プロジェクトと開始日を入れると自動で付きます",
                "The id is made by itself once the project and the start date are in",
            );
            return (field, waits, true);
        }
    }
    let message = in_words(doc, &field, message);
    (field, message, false)
}

/// A problem of `start` or `end` (`key`): at the day when the day is not
/// one, at the time field when the time is not one, else (a problem
/// between start and end) at the field to change.
fn moment(doc: &Doc, index: usize, key: &str, message: &Text, year: i32) -> (String, Text) {
    let text = |k: &str| doc.text(&pointer(index, k)).unwrap_or("").trim();
    let stored = text(key);
    if stored.is_empty() {
        return (key.to_string(), in_words(doc, key, message));
    }
    let (day, time) = split_moment(stored);
    if parse_date(day).is_err() {
        // The year a day without one was read in: the start's, as `set`
        // does (for the start itself, that is gone: this year).
        let (start_day, _) = split_moment(text("start"));
        let year = parse_date(start_day).map_or(year, |d| d.year());
        let said = parse_day(day, Some(year))
            .err()
            .unwrap_or_else(|| in_words(doc, key, message));
        return (key.to_string(), said);
    }
    if !time.is_empty() && !is_stored_time(time) {
        let said = parse_clock(time)
            .err()
            .unwrap_or_else(|| in_words(doc, key, message));
        return (format!("{key}Time"), said);
    }
    match (key, between(text("start"), stored)) {
        ("end", Some((field, said))) => (field.to_string(), said),
        _ => (key.to_string(), in_words(doc, key, message)),
    }
}

/// What is wrong between a start and an end that are each readable: the
/// field to change and why.
fn between(start: &str, end: &str) -> Option<(&'static str, Text)> {
    let read = |m: &str| {
        let (d, t) = split_moment(m);
        let day = parse_date(d).ok()?;
        let time = if t.is_empty() {
            None
        } else {
            Some(parse_clock(t).ok()?)
        };
        Some((day, time))
    };
    let ((start_day, start_time), (end_day, end_time)) = (read(start)?, read(end)?);
    if end_day < start_day {
        return Some((
            "end",
            Text::fixed(
                "終了日が開始日より前です",
                "The end date is before the start date",
            ),
        ));
    }
    let said = match (start_time, end_time) {
        (Some(_), None) => (
            "endTime",
            Text::fixed(
                "開始時刻があるので、終了時刻も入れてください（終日の予定なら開始時刻を空に）",
                "The start has a time, so give the end one too (or clear the start time for an all-day event)",
            ),
        ),
        (None, Some(_)) => (
            "startTime",
            Text::fixed(
                "終了時刻があるので、開始時刻も入れてください",
                "The end has a time, so give the start one too",
            ),
        ),
        (Some(s), Some(e)) if e == s && end_day == start_day => (
            "endTime",
            Text::fixed(
                "終了時刻が開始時刻と同じです。後の時刻にするか、未定なら空にしてください",
                "The end time is the start time: make it later, or leave it empty when not known",
            ),
        ),
        (Some(s), Some(e)) if e < s && end_day == start_day => (
            "endTime",
            Text::fixed(
                "終了時刻が開始時刻より前です",
                "The end time is before the start time",
            ),
        ),
        _ => return None,
    };
    Some(said)
}

/// Whether a stored time is as the file wants it (`18:30`, `18:30:00`).
fn is_stored_time(t: &str) -> bool {
    parse_clock(t)
        .is_ok_and(|c| t == c.format("%H:%M").to_string() || t == c.format("%H:%M:%S").to_string())
}

/// The kind of input of a field (a row's field too).
fn kind_of(field: &str) -> Option<Kind> {
    if let Some(f) = fields::field(field) {
        return Some(f.kind);
    }
    let (list, key) = row_key(field)?;
    row_fields(list)
        .iter()
        .find(|f| f.name == key)
        .map(|f| f.kind)
}

/// `program.2.time` as (`program`, `time`).
fn row_key(field: &str) -> Option<(&str, &str)> {
    let mut parts = field.splitn(3, '.');
    let (list, n, key) = (parts.next()?, parts.next()?, parts.next()?);
    n.parse::<usize>().ok()?;
    Some((list, key))
}

/// The label of a field as its input shows it (a row's field by its own
/// label: 内容, 講師名), or of a group of fields (会場, プログラム).
fn label(field: &str) -> Option<(&'static str, &'static str)> {
    if let Some(f) = fields::field(field) {
        return Some(f.label);
    }
    if let Some((list, key)) = row_key(field) {
        return row_fields(list)
            .iter()
            .find(|f| f.name == key)
            .map(|f| f.label);
    }
    match field {
        "venue" => Some(("会場", "Venue")),
        "contact" => Some(("申込先・問い合わせ", "Contact")),
        list => list_label(list),
    }
}

/// A message with the field's key said as its label: 必須の項目「title」
/// becomes タイトルを入力してください; the checker's other key words
/// (「end を省いて」, 「projects にありません」) and paths likewise.
fn in_words(doc: &Doc, field: &str, message: &Text) -> Text {
    let key = field.rsplit('.').next().unwrap_or(field);
    let en = message.get(Lang::En);
    if let Some((ja_label, en_label)) = label(field) {
        let missing = message.ja == format!("必須の項目「{key}」がありません")
            || message.ja == format!("「{key}」が空です");
        if missing {
            let choose = matches!(kind_of(field), Some(Kind::Project | Kind::Status));
            return if choose {
                Text::both(
                    format!("{ja_label}を選んでください"),
                    format!("{en_label} is required: choose one"),
                )
            } else {
                Text::both(
                    format!("{ja_label}を入力してください"),
                    format!("{en_label} is required"),
                )
            };
        }
        if message.ja == format!("項目「{key}」が2回書かれています") {
            return Text::both(
                format!("{ja_label}がファイルに2回書かれています"),
                format!("{en_label} is written twice in the file"),
            );
        }
        if let (Some(ja), Some(en)) = (
            message.ja.strip_prefix(&format!("{key}「")),
            en.strip_prefix(&format!("{key} \"")),
        ) {
            let said = Text::both(format!("{ja_label}「{ja}"), format!("{en_label} \"{en}"));
            return paths_named(doc, &said);
        }
    }
    let said = Text::both(
        message.ja.replace(
            "は projects にありません",
            "はプロジェクトの一覧にありません",
        ),
        en.replace(
            "is not listed in projects",
            "is not one of the file's projects",
        ),
    );
    paths_named(doc, &said)
}

/// A message with each `/events/N…` and `/projects/N…` in it said as that
/// event's title or that project's name.
fn paths_named(doc: &Doc, message: &Text) -> Text {
    let name = |lang: Lang, list: &str, n: usize| -> String {
        let (ja, en) = match list {
            "events" => event_name(doc, n),
            _ => project_name(doc, n),
        };
        let name = lang.pick(ja, en);
        lang.pick(format!("「{name}」"), format!("“{name}”"))
    };
    let rewrite = |text: &str, lang: Lang| -> String {
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        loop {
            let first = ["/events/", "/projects/"]
                .iter()
                .filter_map(|p| rest.find(p).map(|i| (i, *p)))
                .min();
            let Some((at, prefix)) = first else {
                break;
            };
            let after = &rest[at + prefix.len()..];
            let digits = after.bytes().take_while(u8::is_ascii_digit).count();
            let Some(n) = after[..digits].parse::<usize>().ok() else {
                out.push_str(&rest[..at + prefix.len()]);
                rest = after;
                continue;
            };
            // The rest of the path (`/start`) goes with it.
            let tail = after[digits..]
                .find(|c: char| !(c.is_ascii_alphanumeric() || "/_.~-".contains(c)))
                .unwrap_or(after.len() - digits);
            let mut before = &rest[..at];
            let mut next = &after[digits + tail..];
            if lang == Lang::Ja {
                before = before.strip_suffix(' ').unwrap_or(before);
                next = next.strip_prefix(' ').unwrap_or(next);
            }
            out.push_str(before);
            out.push_str(&name(lang, prefix.trim_matches('/'), n));
            rest = next;
        }
        out.push_str(rest);
        out
    };
    let en = message.en.as_deref().map(|en| rewrite(en, Lang::En));
    let ja = rewrite(&message.ja, Lang::Ja);
    match en {
        Some(en) => Text::both(ja, en),
        None => Text::new(ja),
    }
}

/// An event as the maintainer knows it: its title, else its id, else its
/// place in the list.
fn event_name(doc: &Doc, n: usize) -> (String, String) {
    let text = |k: &str| {
        doc.text(&format!("/events/{n}/{k}"))
            .unwrap_or("")
            .trim()
            .to_string()
    };
    let (title, id) = (text("title"), text("id"));
    if !title.is_empty() {
        (title.clone(), title)
    } else if !id.is_empty() {
        (id.clone(), id)
    } else {
        (format!("{}番目の予定", n + 1), format!("event {}", n + 1))
    }
}

/// A project by its name (or id, or place).
fn project_name(doc: &Doc, n: usize) -> (String, String) {
    let p = format!("/projects/{n}");
    let text = |k: &str| {
        doc.text(&format!("{p}/{k}"))
            .unwrap_or("")
            .trim()
            .to_string()
    };
    let ja = [text("name"), text("name/ja"), text("id")]
        .into_iter()
        .find(|s| !s.is_empty());
    let en = [text("name/en"), text("name"), text("name/ja"), text("id")]
        .into_iter()
        .find(|s| !s.is_empty());
    match (ja, en) {
        (Some(ja), Some(en)) => (ja, en),
        _ => (
            format!("{}番目のプロジェクト", n + 1),
            format!("project {}", n + 1),
        ),
    }
}

/// Where a problem of the event at `index` is: 「第40回日韓ビジネス協議会」
/// （3月24日(水)）の開始日; the event alone when `field` is empty.
fn place(doc: &Doc, index: usize, field: &str) -> Text {
    let (ja_name, en_name) = event_name(doc, index);
    let day = parse_date(&value(doc, index, "start")).ok();
    let when = |lang: Lang| {
        day.map_or(String::new(), |d| {
            let d = crate::jp::format_day(d, lang);
            lang.pick(format!("（{d}）"), format!(" ({d})"))
        })
    };
    let event_ja = format!("「{ja_name}」{}", when(Lang::Ja));
    let event_en = format!("“{en_name}”{}", when(Lang::En));
    if field.is_empty() {
        return Text::both(event_ja, event_en);
    }
    let (ja, en) = long_label(field);
    Text::both(format!("{event_ja}の{ja}"), format!("{en} of {event_en}"))
}

/// A field's label with its row when it is in one: プログラム2行目の内容.
fn long_label(field: &str) -> (String, String) {
    let own = |f: &str| {
        label(f).map_or((f.to_string(), f.to_string()), |(j, e)| {
            (j.into(), e.into())
        })
    };
    let mut parts = field.splitn(3, '.');
    let (list, n) = (parts.next().unwrap_or(""), parts.next());
    let row = n.and_then(|n| n.parse::<usize>().ok()).map(|n| n + 1);
    match (list_label(list), row, parts.next()) {
        (Some((lja, len)), Some(n), rest) => {
            let (ja_row, en_row) = if list == "speakers" {
                (format!("{lja}{n}人目"), format!("speaker {n}"))
            } else {
                (format!("{lja}{n}行目"), format!("{len} row {n}"))
            };
            match rest {
                Some(_) => {
                    let (ja, en) = own(field);
                    (format!("{ja_row}の{ja}"), format!("{en_row}: {en}"))
                }
                None => (ja_row, en_row),
            }
        }
        _ => own(field),
    }
}

/// Where a problem outside the events is: the site's settings, a project,
/// or the line of the file.
fn elsewhere(doc: &Doc, d: &Diagnostic) -> Text {
    let line = (format!("{}行目", d.line), format!("line {}", d.line));
    let steps: Vec<&str> = d.path.split('/').skip(1).collect();
    let rest = |from: usize| steps.get(from..).map_or(String::new(), |s| s.join("."));
    let (ja, en) = match steps.as_slice() {
        ["site", ..] => (
            format!("サイトの設定 {}", rest(1)),
            format!("site settings {}", rest(1)),
        ),
        ["projects", n, ..] if n.parse::<usize>().is_ok() => {
            let (ja, en) = project_name(doc, n.parse().unwrap_or(0));
            (
                format!("プロジェクト「{ja}」 {}", rest(2)),
                format!("project “{en}” {}", rest(2)),
            )
        }
        _ => return Text::both(line.0, line.1),
    };
    Text::both(
        format!("{}（{}）", ja.trim_end(), line.0),
        format!("{} ({})", en.trim_end(), line.1),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::form::{check, set};
    use crate::model::text::Lang;

    const FILE: &str = r##"{
  "site": { "name": "例", "domain": "example.jp" },
  "projects": [{ "id": "nikkan", "name": "日韓ビジネス協議会", "color": "#123456" }],
  "events": [
    { "id": "nikkan-2004-02-25", "project": "nikkan", "title": "第39回日韓ビジネス協議会", "start": "2004-02-25T18:30" },
    { "id": "b", "project": "nikkan", "title": "二月の会", "start": "2004-02-04" }
  ]
}
"##;

    /// What the editor says about event 0 after `typed` went into `name`.
    fn after(name: &str, typed: &str) -> Vec<(String, String, String)> {
        let mut doc = Doc::parse(FILE).unwrap();
        set(&mut doc, 0, name, typed, 2026);
        let ds = check(&doc);
        field_problems(&doc, &ds, 0, 2026)
            .into_iter()
            .map(|s| {
                (
                    s.field,
                    s.message.ja.to_string(),
                    s.message.get(Lang::En).to_string(),
                )
            })
            .collect()
    }

    fn one(name: &str, typed: &str) -> (String, String) {
        let said = after(name, typed);
        assert_eq!(said.len(), 1, "{said:?}");
        (said[0].0.clone(), said[0].1.clone())
    }

    #[test]
    fn a_day_that_cannot_be_read_is_said_precisely_at_the_day() {
        assert_eq!(
            one("start", "2004/2/30"),
            ("start".into(), "2004年2月30日 は存在しない日付です".into())
        );
        assert_eq!(
            one("start", "平成16年2月30日"),
            ("start".into(), "2004年2月30日 は存在しない日付です".into())
        );
        assert_eq!(
            one("start", "2004/3/10(木)"),
            (
                "start".into(),
                "3月10日は水曜日です（木曜日と書かれています）".into()
            )
        );
        // Without a year: this year (the start's own year is gone with it).
        assert_eq!(
            one("start", "2月30日"),
            ("start".into(), "2026年2月30日 は存在しない日付です".into())
        );
        assert_eq!(
            one("start", "来週").1,
            "「来週」を日付として読めません（例: 2004/2/25、2月25日、平成16年2月25日）"
        );
        // An end day, English.
        let said = after("end", "2004/2/31");
        assert_eq!(said[0].0, "end");
        assert_eq!(said[0].2, "2004-02-31 is not a real date");
    }

    #[test]
    fn a_time_that_cannot_be_read_is_said_at_the_time_field() {
        assert_eq!(
            one("startTime", "25:00"),
            (
                "startTime".into(),
                "25時0分 は存在しない時刻です（0:00〜23:59）".into()
            )
        );
        assert_eq!(one("startTime", "夕方").0, "startTime");
        assert_eq!(one("endTime", "夕方").0, "endTime");
        // A day and a time both wrong: the day first (the checker stops there).
        let mut doc = Doc::parse(FILE).unwrap();
        set(&mut doc, 0, "start", "2004/2/30", 2026);
        set(&mut doc, 0, "startTime", "夕方", 2026);
        let said = field_problems(&doc, &check(&doc), 0, 2026);
        assert_eq!(said[0].field, "start");
        // A programme row's time.
        let mut doc = Doc::parse(FILE).unwrap();
        crate::doc::form::add_row(&mut doc, 0, "program");
        set(&mut doc, 0, "program.0.title", "開会", 2026);
        set(&mut doc, 0, "program.0.time", "24時半", 2026);
        let said = field_problems(&doc, &check(&doc), 0, 2026);
        assert_eq!(said[0].field, "program.0.time");
        assert_eq!(
            said[0].message.ja,
            "24時30分 は存在しない時刻です（0:00〜23:59）"
        );
        assert_eq!(
            said[0].place.ja,
            "「第39回日韓ビジネス協議会」（2月25日(水)）のプログラム1行目の時刻"
        );
    }

    #[test]
    fn start_and_end_at_odds_are_said_at_the_field_to_change() {
        assert_eq!(
            one("endTime", "18:00"),
            ("endTime".into(), "終了時刻が開始時刻より前です".into())
        );
        assert_eq!(one("endTime", "18:30").0, "endTime");
        assert!(one("endTime", "18:30").1.contains("同じです"));
        assert_eq!(
            one("end", "2004/2/20"),
            ("end".into(), "終了日が開始日より前です".into())
        );
        // A later end day without a time, for a start with one.
        assert_eq!(
            one("end", "2004/2/26"),
            (
                "endTime".into(),
                "開始時刻があるので、終了時刻も入れてください（終日の予定なら開始時刻を空に）"
                    .into()
            )
        );
    }

    #[test]
    fn keys_become_labels() {
        let mut doc = Doc::parse(FILE).unwrap();
        set(&mut doc, 0, "title", "", 2026);
        set(&mut doc, 0, "project", "", 2026);
        let said = field_problems(&doc, &check(&doc), 0, 2026);
        let words: Vec<(&str, &str, &str)> = said
            .iter()
            .map(|s| (s.field.as_str(), &*s.message.ja, s.message.get(Lang::En)))
            .collect();
        assert_eq!(
            words,
            [
                (
                    "project",
                    "プロジェクトを選んでください",
                    "Project is required: choose one"
                ),
                ("title", "タイトルを入力してください", "Title is required"),
            ]
        );
        assert_eq!(
            said[1].place.ja,
            "「nikkan-2004-02-25」（2月25日(水)）のタイトル"
        );
        assert_eq!(
            said[1].place.get(Lang::En),
            "Title of “nikkan-2004-02-25” (Wed, Feb 25)"
        );
    }

    #[test]
    fn paths_become_titles() {
        let mut doc = Doc::parse(FILE).unwrap();
        set(&mut doc, 1, "id", "nikkan-2004-02-25", 2026);
        let ds = check(&doc);
        let said = field_problems(&doc, &ds, 1, 2026);
        assert_eq!(said[0].field, "id");
        assert_eq!(
            said[0].message.ja,
            "ID「nikkan-2004-02-25」は「第39回日韓ビジネス協議会」と重複しています（IDは一つずつ違うものに）"
        );
        assert!(!said[0].message.get(Lang::En).contains("/events"));
        // Problems outside the events: the site's settings, with the line.
        let doc = Doc::parse(r#"{"site": {"name": "例"}, "projects": [], "events": []}"#).unwrap();
        let ds = check(&doc);
        let said = say(&doc, &ds[0], 2026);
        assert_eq!(said.event, None);
        assert_eq!(said.place.ja, "サイトの設定 domain（1行目）");
    }
}
