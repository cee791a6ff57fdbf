//! The editor's form and list, as data and plain functions: which fields
//! an event has and what they are called, how what the maintainer typed
//! goes into the document, which of the checker's problems belong to which
//! field, and the list of events by month.
//!
//! The editor page (`src/edit/`) only draws these. A field is named by its
//! path below the event with dots (`venue.name`, `program.0.time`): the
//! name of its input, and the `data-field` of its problem.

use crate::doc::input::{parse_clock, parse_day};
use crate::doc::{Doc, Value};
use crate::load::Diagnostic;
use chrono::{Datelike, NaiveDate};

/// What kind of input a field takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// One line of text.
    Line,
    /// Several lines (a description).
    Lines,
    /// A day: `2004/2/25`, `2月25日`, … stored as `2004-02-25`.
    Day,
    /// A time: `18:30`, `18時30分`, … stored as `18:30`.
    Time,
    Url,
    Email,
    Phone,
    /// One of the file's projects.
    Project,
    /// scheduled, tentative or cancelled.
    Status,
    /// The event's id.
    Id,
}

/// One field of the event form.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    /// The path below the event, with dots: the input's `name`.
    pub name: &'static str,
    pub label: (&'static str, &'static str),
    pub hint: (&'static str, &'static str),
    pub kind: Kind,
}

const fn f(
    name: &'static str,
    label: (&'static str, &'static str),
    hint: (&'static str, &'static str),
    kind: Kind,
) -> Field {
    Field {
        name,
        label,
        hint,
        kind,
    }
}

/// The form's fields in order. `startTime` and `endTime` are the time
/// parts of `start` and `end` (empty for an all-day event); the
/// programme's and speakers' rows have fields of their own
/// ([`PROGRAM_FIELDS`], [`SPEAKER_FIELDS`]).
pub const FIELDS: &[Field] = &[
    f(
        "project",
        ("プロジェクト", "Project"),
        ("主催するグループ", "The group that runs it"),
        Kind::Project,
    ),
    f(
        "title",
        ("タイトル", "Title"),
        (
            "例: 第41回日韓ビジネス協議会",
            "e.g. 41st Japan–Korea Business Council",
        ),
        Kind::Line,
    ),
    f(
        "titleEn",
        ("英語のタイトル", "Title in English"),
        ("任意", "Optional"),
        Kind::Line,
    ),
    f(
        "start",
        ("開始日", "Start date"),
        ("例: 2004/2/25、2月25日", "e.g. 2004/2/25"),
        Kind::Day,
    ),
    f(
        "startTime",
        ("開始時刻", "Start time"),
        (
            "空なら終日。例: 18:30、18時30分",
            "Empty for all day; e.g. 18:30",
        ),
        Kind::Time,
    ),
    f(
        "end",
        ("終了日", "End date"),
        ("複数日にわたるときだけ", "Only when it spans days"),
        Kind::Day,
    ),
    f(
        "endTime",
        ("終了時刻", "End time"),
        ("例: 20:30。未定なら空", "e.g. 20:30; empty if not known"),
        Kind::Time,
    ),
    f(
        "venue.name",
        ("会場", "Venue"),
        ("例: 神奈川中小企業センター", "e.g. Kanagawa SME Center"),
        Kind::Line,
    ),
    f(
        "venue.room",
        ("部屋", "Room"),
        ("例: 6階 第1会議室", "e.g. 6F Room 1"),
        Kind::Line,
    ),
    f(
        "venue.address",
        ("住所", "Address"),
        (
            "例: 横浜市中区尾上町5-80",
            "e.g. 5-80 Onoe-cho, Naka-ku, Yokohama",
        ),
        Kind::Line,
    ),
    f(
        "venue.phone",
        ("会場の電話", "Venue phone"),
        ("例: 045-633-5192", "e.g. 045-633-5192"),
        Kind::Phone,
    ),
    f(
        "venue.url",
        ("会場の地図・案内", "Venue map or page"),
        ("https:// で始まるアドレス", "An https:// address"),
        Kind::Url,
    ),
    f(
        "fee",
        ("参加費", "Fee"),
        ("例: 1,000円 当日支払い", "e.g. ¥1,000 at the door"),
        Kind::Line,
    ),
    f(
        "capacity",
        ("定員", "Capacity"),
        ("例: 40名", "e.g. 40 people"),
        Kind::Line,
    ),
    f(
        "contact.name",
        ("申込先・問い合わせ", "Contact"),
        ("例: 事務局 田中", "e.g. Secretariat, Tanaka"),
        Kind::Line,
    ),
    f(
        "contact.phone",
        ("電話", "Phone"),
        ("例: 045-633-5192", "e.g. 045-633-5192"),
        Kind::Phone,
    ),
    f(
        "contact.fax",
        ("FAX", "Fax"),
        ("例: 045-633-5194", "e.g. 045-633-5194"),
        Kind::Phone,
    ),
    f(
        "contact.email",
        ("メール", "E-mail"),
        ("例: info@example.jp", "e.g. info@example.jp"),
        Kind::Email,
    ),
    f(
        "contact.url",
        ("申込ページ", "Sign-up page"),
        ("https:// で始まるアドレス", "An https:// address"),
        Kind::Url,
    ),
    f(
        "contact.note",
        ("申込方法など", "How to apply"),
        ("例: FAXかメールで", "e.g. by fax or e-mail"),
        Kind::Line,
    ),
    f(
        "description",
        ("説明", "Description"),
        ("会報に書いたこと", "What the newsletter said"),
        Kind::Lines,
    ),
    f(
        "url",
        ("詳しい情報のリンク", "Link for details"),
        ("https:// で始まるアドレス", "An https:// address"),
        Kind::Url,
    ),
    f(
        "status",
        ("状態", "Status"),
        (
            "中止も消さずに「中止」に",
            "Keep a cancelled event as cancelled",
        ),
        Kind::Status,
    ),
    f(
        "id",
        ("ID", "Id"),
        ("公開後は変えられません", "Cannot change once published"),
        Kind::Id,
    ),
];

/// The fields of one programme row, below `program.<n>.`.
pub const PROGRAM_FIELDS: &[Field] = &[
    f(
        "time",
        ("時刻", "Time"),
        ("例: 18:10", "e.g. 18:10"),
        Kind::Time,
    ),
    f(
        "title",
        ("内容", "Item"),
        ("例: 開会挨拶", "e.g. Opening"),
        Kind::Line,
    ),
    f(
        "speakers",
        ("講師", "Speakers"),
        ("名前（所属）、名前", "Name (affiliation), name"),
        Kind::Line,
    ),
];

/// The fields of one speaker row, below `speakers.<n>.`.
pub const SPEAKER_FIELDS: &[Field] = &[
    f(
        "name",
        ("講師名", "Speaker"),
        ("例: 芝 忠", "e.g. Tadashi Shiba"),
        Kind::Line,
    ),
    f(
        "affiliation",
        ("所属・役職", "Affiliation"),
        ("例: かながわ異グ連 事務局長", "e.g. Secretary-general"),
        Kind::Line,
    ),
];

/// The status values with their labels.
pub const STATUSES: &[(&str, (&str, &str))] = &[
    ("scheduled", ("予定どおり", "Scheduled")),
    ("tentative", ("仮（未確定）", "Tentative")),
    ("cancelled", ("中止", "Cancelled")),
];

/// The JSON Pointer of a field of the event at `index`.
pub fn pointer(index: usize, name: &str) -> String {
    format!("/events/{index}/{}", name.replace('.', "/"))
}

/// The value a field shows: the document's text (a `startTime` is the
/// time part of `start`).
pub fn value(doc: &Doc, index: usize, name: &str) -> String {
    let moment = |key: &str| doc.text(&pointer(index, key)).unwrap_or("").to_string();
    match name {
        "start" | "end" => {
            let m = moment(name);
            m.split_once(['T', ' '])
                .map_or(m.clone(), |(d, _)| d.to_string())
        }
        "startTime" | "endTime" => {
            let m = moment(&name[..name.len() - 4]);
            m.split_once(['T', ' '])
                .map_or(String::new(), |(_, t)| t.to_string())
        }
        _ => match doc.get(&pointer(index, name)) {
            Some(Value::String { value, .. }) => value.clone(),
            Some(Value::Number(n)) => n.clone(),
            Some(Value::Array { .. }) if name.ends_with("speakers") => {
                speakers_cell(doc.get(&pointer(index, name)))
            }
            _ => String::new(),
        },
    }
}

/// Puts what was typed into a field into the document. Days and times
/// are read as people write them and stored as the file wants them
/// (`2004-02-25`, `18:30`); what cannot be read is stored as typed, so
/// the checker says what is wrong with it, in its own words. Empty clears
/// the field.
///
/// Returns the fields whose shown value may have changed (a day typed as
/// `2/25` shows as `2004-02-25`).
pub fn set(
    doc: &mut Doc,
    index: usize,
    name: &str,
    typed: &str,
    default_year: i32,
) -> Vec<&'static str> {
    let typed = typed.trim();
    match name {
        "start" | "startTime" | "end" | "endTime" => {
            let key = if name.starts_with("start") {
                "start"
            } else {
                "end"
            };
            let (day, time) = if name.ends_with("Time") {
                (value(doc, index, key), typed.to_string())
            } else {
                (typed.to_string(), value(doc, index, &format!("{key}Time")))
            };
            set_moment(doc, index, key, &day, &time, default_year);
            if key == "start" {
                vec!["start", "startTime"]
            } else {
                vec!["end", "endTime"]
            }
        }
        _ if name.ends_with("speakers") && name.starts_with("program.") => {
            let p = pointer(index, name);
            if typed.is_empty() {
                let _ = doc.set_text(&p, "");
            } else if speakers_cell(doc.get(&p)) != typed {
                let _ = doc.set(&p, speakers_value(typed));
            }
            Vec::new()
        }
        _ if name.ends_with(".time") => {
            let stored =
                parse_clock(typed).map_or(typed.to_string(), |t| t.format("%H:%M").to_string());
            let _ = doc.set_text(&pointer(index, name), &stored);
            Vec::new()
        }
        _ => {
            let _ = doc.set_text(&pointer(index, name), typed);
            Vec::new()
        }
    }
}

/// Stores `start` or `end` from its day and time parts as typed.
fn set_moment(doc: &mut Doc, index: usize, key: &str, day: &str, time: &str, default_year: i32) {
    let p = pointer(index, key);
    let day = day.trim();
    let time = time.trim();
    if day.is_empty() && time.is_empty() {
        let _ = doc.set_text(&p, "");
        return;
    }
    // An end without a day of its own is on the start's day.
    let start_day = value(doc, index, "start");
    let day = if day.is_empty() && key == "end" {
        start_day.as_str()
    } else {
        day
    };
    let year = NaiveDate::parse_from_str(&start_day, "%Y-%m-%d").map_or(default_year, |d| d.year());
    let day =
        parse_day(day, Some(year)).map_or(day.to_string(), |d| d.format("%Y-%m-%d").to_string());
    let stored = if time.is_empty() {
        // An all-day event of one day needs no end.
        if key == "end" && day == start_day {
            let _ = doc.set_text(&p, "");
            return;
        }
        day
    } else {
        let time = parse_clock(time).map_or(time.to_string(), |t| t.format("%H:%M").to_string());
        format!("{day}T{time}")
    };
    let _ = doc.set_text(&p, &stored);
}

/// The checker's problems with the event at `index`, by the field they
/// belong to (`venue.name`; `start` for its time too), in file order.
pub fn problems(diagnostics: &[Diagnostic], index: usize) -> Vec<(String, &Diagnostic)> {
    let prefix = format!("/events/{index}");
    diagnostics
        .iter()
        .filter_map(|d| {
            let rest = d.path.strip_prefix(&prefix)?;
            if !(rest.is_empty() || rest.starts_with('/')) {
                return None;
            }
            let field = rest.trim_start_matches('/').replace('/', ".");
            Some((field, d))
        })
        .collect()
}

/// The checker's problems with a draft, exactly as `calendar check`
/// gives them for the file the editor would save: the editor checks the
/// text [`crate::doc::write::to_text`] writes, with [`crate::load::load`].
pub fn check(doc: &Doc) -> Vec<Diagnostic> {
    crate::load::load(&crate::doc::write::to_text(doc)).diagnostics
}

/// A file the editor opens: the document when the text is JSON (else
/// `None`: it cannot be edited, only its problems shown), and its problems.
pub fn open(text: &str) -> (Option<Doc>, Vec<Diagnostic>) {
    match Doc::parse(text) {
        Ok(doc) => {
            let problems = check(&doc);
            (Some(doc), problems)
        }
        Err(_) => (None, crate::load::load(text).diagnostics),
    }
}

/// The event a problem's path is about, if any: `/events/3/venue` is 3.
pub fn event_of(path: &str) -> Option<usize> {
    path.strip_prefix("/events/")?
        .split('/')
        .next()?
        .parse()
        .ok()
}

/// One row of the editor's list of events.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Where the event stands in `events`.
    pub index: usize,
    pub id: String,
    /// The first day, when it can be read.
    pub day: Option<NaiveDate>,
    pub title: String,
    pub project: String,
    pub status: String,
    /// How many problems the checker has with it.
    pub problems: usize,
}

/// The events as the editor lists them: by month, newest month first and
/// in each month by day; those without a readable date first of all.
/// `query` matches title, id and venue (case and width folded); `project`
/// keeps one project's.
pub fn rows(doc: &Doc, diagnostics: &[Diagnostic], query: &str, project: Option<&str>) -> Vec<Row> {
    let Some(Value::Array { items, .. }) = doc.get("/events") else {
        return Vec::new();
    };
    let fold = |s: &str| crate::doc::input::normalize(s).to_lowercase();
    let query = fold(query);
    let mut counts = vec![0usize; items.len()];
    for d in diagnostics {
        if let Some(i) = event_of(&d.path).filter(|&i| i < counts.len()) {
            counts[i] += 1;
        }
    }
    let mut out: Vec<Row> = items
        .iter()
        .enumerate()
        .map(|(index, e)| {
            let text = |k: &str| e.get(k).and_then(Value::as_str).unwrap_or("").to_string();
            let start = text("start");
            Row {
                index,
                id: text("id"),
                day: start
                    .get(..10)
                    .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()),
                title: text("title"),
                project: text("project"),
                status: text("status"),
                problems: counts[index],
            }
        })
        .filter(|r| project.is_none_or(|p| r.project == p))
        .filter(|r| {
            if query.is_empty() {
                return true;
            }
            let venue = items[r.index]
                .get("venue")
                .and_then(|v| v.get("name"))
                .and_then(Value::as_str)
                .unwrap_or("");
            [&r.title, &r.id, venue]
                .iter()
                .any(|s| fold(s).contains(&query))
        })
        .collect();
    // Newest month first; within a month, by day; unreadable dates on top.
    crate::model::order::sort_by_key(&mut out, |r| match r.day {
        None => (0, 0, 0, r.index),
        Some(d) => (
            1,
            -(d.year() * 12 + d.month0() as i32),
            d.day() as i32,
            r.index,
        ),
    });
    out
}

/// Speakers as one cell: `名前（所属）、名前`.
pub fn speakers_cell(list: Option<&Value>) -> String {
    let Some(Value::Array { items, .. }) = list else {
        return String::new();
    };
    items
        .iter()
        .filter_map(|s| match s {
            Value::String { value, .. } => Some(value.clone()),
            Value::Object { .. } => {
                let name = s.get("name").and_then(Value::as_str)?;
                let affiliation = s.get("affiliation").and_then(Value::as_str);
                Some(crate::model::credit(name, affiliation))
            }
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("、")
}

/// Speakers from one cell or typed line, `芝 忠（事務局長）、中島博士`: the
/// reverse of [`speakers_cell`] (the CSV import uses it too).
pub fn speakers_value(cell: &str) -> Value {
    let items = cell
        .split(['、', ';', '；', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| {
            let split = s
                .strip_suffix('）')
                .and_then(|r| r.rsplit_once('（'))
                .or_else(|| s.strip_suffix(')').and_then(|r| r.rsplit_once('(')));
            let mut members = Vec::new();
            match split {
                Some((name, affiliation)) if !name.trim().is_empty() => {
                    members.push(("name".to_string(), Value::string(name.trim())));
                    members.push(("affiliation".to_string(), Value::string(affiliation.trim())));
                }
                _ => members.push(("name".to_string(), Value::string(s))),
            }
            Value::Object {
                members,
                layout: crate::doc::Layout::Auto,
            }
        })
        .collect();
    Value::Array {
        items,
        layout: crate::doc::Layout::Auto,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::write::to_text;
    use crate::load::load;

    const FILE: &str = r##"{
  "site": { "name": "例", "domain": "example.jp" },
  "projects": [{ "id": "p", "name": "P", "color": "#123456" }],
  "events": [
    { "id": "a", "project": "p", "title": "一月の会", "start": "2004-01-28T18:00" },
    { "id": "b", "project": "p", "title": "二月の会", "start": "2004-02-25T18:00", "end": "2004-02-25T20:00", "venue": { "name": "センター" } },
    { "id": "c", "project": "p", "title": "二月の前の会", "start": "2004-02-04" }
  ]
}
"##;

    #[test]
    fn days_and_times_typed_as_people_write_them() {
        let mut doc = Doc::parse(FILE).unwrap();
        set(&mut doc, 0, "start", "2/26", 2026);
        assert_eq!(doc.text("/events/0/start"), Some("2004-02-26T18:00"));
        set(&mut doc, 0, "startTime", "午後6時半", 2026);
        assert_eq!(doc.text("/events/0/start"), Some("2004-02-26T18:30"));
        set(&mut doc, 0, "endTime", "20時", 2026);
        assert_eq!(doc.text("/events/0/end"), Some("2004-02-26T20:00"));
        assert_eq!(value(&doc, 0, "endTime"), "20:00");
        // All day: the times cleared.
        set(&mut doc, 0, "startTime", "", 2026);
        set(&mut doc, 0, "endTime", "", 2026);
        assert_eq!(doc.text("/events/0/start"), Some("2004-02-26"));
        assert_eq!(doc.get("/events/0/end"), None);
        // What cannot be read stays as typed, for the checker to name.
        set(&mut doc, 0, "start", "来週", 2026);
        let text = to_text(&doc);
        let loaded = load(&text);
        let mine = problems(&loaded.diagnostics, 0);
        assert_eq!(mine.len(), 1);
        assert_eq!(mine[0].0, "start");
        let en = mine[0].1.message.get(crate::model::text::Lang::En);
        assert!(en.contains("\"来週\""), "{en}");
    }

    #[test]
    fn problems_go_to_their_fields() {
        let mut doc = Doc::parse(FILE).unwrap();
        set(&mut doc, 1, "venue.url", "javascript:alert(1)", 2026);
        set(&mut doc, 1, "program.0.time", "18時10分", 2026);
        assert_eq!(doc.text("/events/1/program/0/time"), None, "no row 0 yet");
        doc.array_or_new("/events/1/program")
            .unwrap()
            .push(Value::object());
        set(&mut doc, 1, "program.0.time", "18時10分", 2026);
        set(
            &mut doc,
            1,
            "program.0.speakers",
            "芝 忠（事務局長）、中島博士",
            2026,
        );
        assert_eq!(doc.text("/events/1/program/0/time"), Some("18:10"));
        assert_eq!(
            value(&doc, 1, "program.0.speakers"),
            "芝 忠（事務局長）、中島博士"
        );
        let loaded = load(&to_text(&doc));
        let fields: Vec<String> = problems(&loaded.diagnostics, 1)
            .into_iter()
            .map(|(f, _)| f)
            .collect();
        assert_eq!(fields, ["venue.url", "program.0.title"]);
        assert!(problems(&loaded.diagnostics, 0).is_empty());
    }

    #[test]
    fn the_list_by_month_newest_first() {
        let doc = Doc::parse(FILE).unwrap();
        let ids = |rows: Vec<Row>| rows.into_iter().map(|r| r.id).collect::<Vec<_>>();
        assert_eq!(ids(rows(&doc, &[], "", None)), ["c", "b", "a"]);
        assert_eq!(ids(rows(&doc, &[], "二月", None)), ["c", "b"]);
        assert_eq!(ids(rows(&doc, &[], "センター", None)), ["b"]);
        assert_eq!(ids(rows(&doc, &[], "", Some("q"))), Vec::<String>::new());
    }
}
