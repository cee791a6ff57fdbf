//! The editor's form and list, as data and plain functions: which fields
//! an event has and what they are called, how what the maintainer typed
//! goes into the document (with the id of an unpublished event kept in
//! step with its project and date, [`follow_id`]), which of the checker's
//! problems belong to which field and how the editor says them
//! ([`words`]: labels, not keys; the day's own reason, at the time field
//! when it is the time), a new event's blank form, and the list of
//! events by month.
//!
//! The editor page (`src/edit/`) only draws these. A field is named by its
//! path below the event with dots (`venue.name`, `program.0.time`): the
//! name of its input, and the `data-field` of its problem.

use crate::doc::draft;
use crate::doc::input::{parse_clock, parse_day};
use crate::doc::{Doc, Value};
use crate::load::Diagnostic;
use chrono::{Datelike, NaiveDate};

mod words;

pub use crate::doc::fields::{
    field, group_of, Field, Group, Kind, FIELDS, GROUPS, PROGRAM_FIELDS, SPEAKER_FIELDS, STATUSES,
};
pub use words::{field_problems, say, Said};

/// The JSON Pointer of a field of the event at `index`.
pub fn pointer(index: usize, name: &str) -> String {
    format!("/events/{index}/{}", name.replace('.', "/"))
}

/// The value a field shows: the document's text (a `startTime` is the
/// time part of `start`).
pub fn value(doc: &Doc, index: usize, name: &str) -> String {
    let moment = |key: &str| doc.text(&pointer(index, key)).unwrap_or("").to_string();
    match name {
        "start" | "end" => split_moment(&moment(name)).0.to_string(),
        "startTime" | "endTime" => split_moment(&moment(&name[..name.len() - 4])).1.to_string(),
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

/// The day and the time of a stored `start` or `end`:
/// `2004-02-25T18:30` is (`2004-02-25`, `18:30`), `2004-02-25` has no
/// time. A day that could not be read is stored as typed and joined to
/// its time by `T` ([`set`]); it may hold a space or a `T` of its own
/// (`2004/2/30 (Thu)`), so then the time is what follows the last `T`,
/// unless that ends in a bracket (a weekday).
///
/// # Example
/// ```
/// use iguren_calendar::doc::form::split_moment;
/// assert_eq!(split_moment("2004-02-25T18:30"), ("2004-02-25", "18:30"));
/// assert_eq!(split_moment("2004/2/30 (Thu)T18:00"), ("2004/2/30 (Thu)", "18:00"));
/// assert_eq!(split_moment("2004/2/30 (Thu)"), ("2004/2/30 (Thu)", ""));
/// ```
pub fn split_moment(m: &str) -> (&str, &str) {
    if let Some((day, time)) = m.split_once(['T', ' ']) {
        if crate::load::parse_date(day).is_ok() {
            return (day, time);
        }
    }
    match m.rsplit_once('T') {
        Some((day, time)) if !time.ends_with([')', '）']) => (day, time),
        _ => (m, ""),
    }
}

/// A new event as the editor adds it: blank, with its members in the
/// file's usual order. Nothing is guessed: the maintainer chooses the
/// project (「選んでください」) and types the day, and the form says so
/// until they have; its id is made from the two ([`follow_id`]).
pub fn blank_event() -> Value {
    let members = ["id", "project", "title", "start"]
        .into_iter()
        .map(|k| (k.to_string(), Value::string("")))
        .collect();
    Value::Object {
        members,
        layout: crate::doc::Layout::Auto,
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

/// What the id of the event at `index` is proposed from, as the draft
/// has it now: its project and first day (`None` while `start` is not a
/// date). Taken before an edit for [`follow_id`].
pub fn id_basis(doc: &Doc, index: usize) -> Option<(String, NaiveDate)> {
    let date = crate::load::parse_date(&value(doc, index, "start")).ok()?;
    Some((value(doc, index, "project"), date))
}

/// Keeps the id of the event at `index` in step with its project and
/// first day after an edit, by [`draft::follow_id`]: `before` is its
/// [`id_basis`] before the edit, `published` whether its id is published.
/// An unpublished event without an id (a [`blank_event`]) gets one as
/// soon as it has a project and a day. Returns whether the id changed.
pub fn follow_id(
    doc: &mut Doc,
    index: usize,
    published: bool,
    before: Option<&(String, NaiveDate)>,
) -> bool {
    let after = id_basis(doc, index);
    let taken = draft::taken_ids(doc, index);
    let id = value(doc, index, "id");
    if id.is_empty() && !published {
        let new = after
            .filter(|(project, _)| !project.is_empty())
            .map(|(project, day)| {
                draft::propose_id(&project, day, |c| taken.iter().any(|t| t == c))
            });
        return new.is_some_and(|id| doc.set_text(&pointer(index, "id"), &id).is_ok());
    }
    fn basis(b: Option<&(String, NaiveDate)>) -> Option<(&str, NaiveDate)> {
        b.map(|(project, date)| (project.as_str(), *date))
    }
    let new = draft::follow_id(&id, published, basis(before), basis(after.as_ref()), |id| {
        taken.iter().any(|t| t == id)
    });
    new.is_some_and(|id| doc.set_text(&pointer(index, "id"), &id).is_ok())
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

/// Whether the form has an input for `field` of the event at `index`:
/// one of [`FIELDS`], or a field of one of its programme or speaker rows
/// (`program.2.time`). The problems of any other field (an unknown key, a
/// row past the end) are listed apart, at the top of the form.
pub fn has_input(doc: &Doc, index: usize, field: &str) -> bool {
    FIELDS.iter().any(|f| f.name == field)
        || ["program", "speakers"]
            .into_iter()
            .any(|list| row_field(field, list, list_len(doc, index, list)))
}

/// Whether `field` is one of the inputs of a rows list (`program.2.time`)
/// of `len` rows.
fn row_field(field: &str, list: &str, len: usize) -> bool {
    let Some(rest) = field.strip_prefix(list).and_then(|r| r.strip_prefix('.')) else {
        return false;
    };
    let mut parts = rest.splitn(2, '.');
    let n: Option<usize> = parts.next().and_then(|n| n.parse().ok());
    let key = parts.next().unwrap_or("");
    n.is_some_and(|n| n < len) && row_fields(list).iter().any(|f| f.name == key)
}

/// The fields of one row of a rows list: [`PROGRAM_FIELDS`] for
/// `program`, [`SPEAKER_FIELDS`] for `speakers`, none for another name.
pub fn row_fields(list: &str) -> &'static [Field] {
    match list {
        "program" => PROGRAM_FIELDS,
        "speakers" => SPEAKER_FIELDS,
        _ => &[],
    }
}

/// How many rows the event's `program` or `speakers` has (0 when it has
/// none, or they are not a list).
pub fn list_len(doc: &Doc, index: usize, list: &str) -> usize {
    match doc.get(&pointer(index, list)) {
        Some(Value::Array { items, .. }) => items.len(),
        _ => 0,
    }
}

/// Adds an empty row at the end of the event's `list`, making the list
/// when there is none; returns the new row's place, `None` when `list` is
/// something else than a list.
pub fn add_row(doc: &mut Doc, index: usize, list: &str) -> Option<usize> {
    let items = doc.array_or_new(&pointer(index, list)).ok()?;
    items.push(Value::object());
    Some(items.len() - 1)
}

/// Swaps rows `a` and `b` of the event's `list` (nothing when one of them
/// does not exist).
pub fn swap_rows(doc: &mut Doc, index: usize, list: &str, a: usize, b: usize) {
    if let Some(items) = doc.array_mut(&pointer(index, list)) {
        if a < items.len() && b < items.len() {
            items.swap(a, b);
        }
    }
}

/// Removes row `at` of the event's `list`, and the list with its last row
/// (the file holds no empty `"program": []`).
pub fn remove_row(doc: &mut Doc, index: usize, list: &str, at: usize) {
    let p = pointer(index, list);
    let empty = match doc.array_mut(&p) {
        Some(items) if at < items.len() => {
            items.remove(at);
            items.is_empty()
        }
        _ => false,
    };
    if empty {
        doc.remove(&p);
    }
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
    fn the_id_follows_the_day_typed_while_unpublished() {
        let mut doc = Doc::parse(
            r#"{"events": [{"id": "p-2004-02-25", "project": "p", "start": "2004-02-25T18:00"},
              {"id": "p-2004-03-24", "project": "p", "start": "2004-03-24"}]}"#,
        )
        .unwrap();
        let edit = |doc: &mut Doc, name: &str, typed: &str, published: bool| {
            let before = id_basis(doc, 0);
            set(doc, 0, name, typed, 2004);
            follow_id(doc, 0, published, before.as_ref())
        };
        assert!(!edit(&mut doc, "startTime", "19:00", false));
        assert!(edit(&mut doc, "start", "3/24", false));
        assert_eq!(value(&doc, 0, "id"), "p-2004-03-24-2");
        assert!(edit(&mut doc, "start", "3/31", false));
        assert_eq!(value(&doc, 0, "id"), "p-2004-03-31");
        assert!(!edit(&mut doc, "start", "4/7", true));
        assert_eq!(value(&doc, 0, "id"), "p-2004-03-31");
    }

    #[test]
    fn a_new_event_guesses_nothing_and_gets_its_id_once_it_can() {
        let mut doc = Doc::parse(FILE).unwrap();
        doc.array_or_new("/events").unwrap().push(blank_event());
        let at = 3;
        assert_eq!(value(&doc, at, "project"), "");
        assert_eq!(value(&doc, at, "start"), "");
        let said: Vec<(String, String)> = field_problems(&doc, &check(&doc), at, 2026)
            .into_iter()
            .map(|s| (s.field, s.message.ja.to_string()))
            .collect();
        assert_eq!(
            said,
            [
                (
                    "id".into(),
                    "IDは、プロジェクトと開始日を入れると自動で付きます".into()
                ),
                ("project".into(), "プロジェクトを選んでください".into()),
                ("title".into(), "タイトルを入力してください".into()),
                ("start".into(), "開始日を入力してください".into()),
            ]
        );
        let edit = |doc: &mut Doc, name: &str, typed: &str| {
            let before = id_basis(doc, at);
            set(doc, at, name, typed, 2004);
            follow_id(doc, at, false, before.as_ref())
        };
        assert!(!edit(&mut doc, "start", "2/25"), "no project yet");
        assert_eq!(value(&doc, at, "id"), "");
        assert!(edit(&mut doc, "project", "p"));
        assert_eq!(value(&doc, at, "id"), "p-2004-02-25");
        assert!(edit(&mut doc, "start", "3/24"), "then it follows the day");
        assert_eq!(value(&doc, at, "id"), "p-2004-03-24");
        // Published: never made or changed here.
        doc.array_or_new("/events").unwrap().push(blank_event());
        set(&mut doc, 4, "project", "p", 2004);
        set(&mut doc, 4, "start", "3/31", 2004);
        assert!(!follow_id(&mut doc, 4, true, None));
    }

    #[test]
    fn a_typed_day_keeps_its_time_apart() {
        let mut doc = Doc::parse(FILE).unwrap();
        set(&mut doc, 0, "start", "2004/2/30 (Thu)", 2004);
        assert_eq!(value(&doc, 0, "start"), "2004/2/30 (Thu)");
        assert_eq!(value(&doc, 0, "startTime"), "18:00");
        set(&mut doc, 0, "startTime", "", 2004);
        assert_eq!(value(&doc, 0, "start"), "2004/2/30 (Thu)");
        assert_eq!(value(&doc, 0, "startTime"), "");
        set(&mut doc, 0, "start", "2004/2/25", 2004);
        assert_eq!(doc.text("/events/0/start"), Some("2004-02-25"));
    }

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
    fn problems_without_an_input_are_known() {
        let mut doc = Doc::parse(FILE).unwrap();
        assert!(has_input(&doc, 1, "venue.name"));
        assert!(has_input(&doc, 1, "startTime"));
        assert!(!has_input(&doc, 1, ""), "the event itself");
        assert!(!has_input(&doc, 1, "colour"), "an unknown field");
        assert!(!has_input(&doc, 1, "program.0.time"), "no row 0 yet");
        assert_eq!(add_row(&mut doc, 1, "program"), Some(0));
        assert!(has_input(&doc, 1, "program.0.time"));
        assert!(has_input(&doc, 1, "program.0.speakers"));
        assert!(!has_input(&doc, 1, "program.0.name"), "a speaker's field");
        assert!(!has_input(&doc, 1, "program.1.time"), "past the end");
        assert!(!has_input(&doc, 1, "program.x.time"));
        assert!(!has_input(&doc, 1, "program.0"), "the row itself");
        assert!(!has_input(&doc, 1, "programme.0.time"));
        assert!(
            !has_input(&doc, 0, "program.0.time"),
            "another event's rows"
        );
        assert_eq!(add_row(&mut doc, 1, "speakers"), Some(0));
        assert!(has_input(&doc, 1, "speakers.0.affiliation"));
        assert!(!has_input(&doc, 1, "speakers.0.time"));
    }

    #[test]
    fn rows_are_added_moved_and_removed() {
        let mut doc = Doc::parse(FILE).unwrap();
        let titles = |doc: &Doc| {
            (0..list_len(doc, 1, "program"))
                .map(|i| value(doc, 1, &format!("program.{i}.title")))
                .collect::<Vec<_>>()
        };
        assert_eq!(list_len(&doc, 1, "program"), 0);
        for title in ["開会", "講演", "閉会"] {
            let at = add_row(&mut doc, 1, "program").unwrap();
            set(&mut doc, 1, &format!("program.{at}.title"), title, 2026);
        }
        assert_eq!(titles(&doc), ["開会", "講演", "閉会"]);
        swap_rows(&mut doc, 1, "program", 2, 1);
        assert_eq!(titles(&doc), ["開会", "閉会", "講演"]);
        swap_rows(&mut doc, 1, "program", 2, 3);
        swap_rows(&mut doc, 1, "speakers", 0, 1);
        assert_eq!(
            titles(&doc),
            ["開会", "閉会", "講演"],
            "no row 3: nothing moved"
        );
        remove_row(&mut doc, 1, "program", 0);
        remove_row(&mut doc, 1, "program", 5);
        assert_eq!(titles(&doc), ["閉会", "講演"]);
        remove_row(&mut doc, 1, "program", 1);
        remove_row(&mut doc, 1, "program", 0);
        assert_eq!(doc.get("/events/1/program"), None, "no empty list left");
        // A field that is not a list gets no rows.
        set(&mut doc, 1, "speakers", "芝 忠", 2026);
        assert_eq!(add_row(&mut doc, 1, "speakers"), None);
        assert_eq!(list_len(&doc, 1, "speakers"), 0);
        assert_eq!(row_fields("speakers")[0].name, "name");
        assert!(row_fields("venue").is_empty());
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
