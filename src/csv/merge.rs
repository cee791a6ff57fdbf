//! A spreadsheet's rows merged into the document: new events added, rows
//! with a known id updated (with [`Options::update`]) or held for
//! confirmation, exact copies skipped, only the columns the sheet has
//! written, then the merged file checked by the same rules as `calendar
//! check`, each problem named by row and column.

use super::columns::{column, Column};
use super::read::rows;
use super::row::{p, read_row, Fields, Options, Projects, RowProblem};
use crate::doc::{Doc, Value};
use crate::model::text::Text;
use std::collections::{HashMap, HashSet};

/// What an import would do, and the document after it.
#[derive(Debug, Clone, PartialEq)]
pub struct Import {
    pub doc: Doc,
    /// New events: the row and the event's id.
    pub added: Vec<(usize, String)>,
    /// Events replaced by rows with their id (with [`Options::update`]).
    pub updated: Vec<(usize, String)>,
    /// Rows whose id is in the file, left alone without [`Options::update`].
    pub needs_confirmation: Vec<(usize, String)>,
    /// Rows skipped as exact copies (same project, title and start) of an
    /// event: the row and that event's id.
    pub duplicates: Vec<(usize, String)>,
    /// Every problem; a row with one is left out.
    pub problems: Vec<RowProblem>,
    /// Headers of columns that are not understood (also in `problems`).
    pub unknown_columns: Vec<String>,
}

/// The fields of an event that a spreadsheet can hold, as paths below it.
const SHEET_FIELDS: &[&str] = &[
    "project",
    "title",
    "titleEn",
    "start",
    "end",
    "venue/name",
    "venue/room",
    "venue/address",
    "fee",
    "capacity",
    "speakers",
    "contact/name",
    "contact/phone",
    "contact/fax",
    "contact/email",
    "url",
    "description",
    "status",
];

/// Whether two speaker lists say the same (strings or objects alike).
fn same_speakers(a: Option<&Value>, b: &Value) -> bool {
    super::speakers_cell(a) == super::speakers_cell(Some(b))
}

/// Writes `fields` into the event at `pointer`: what the sheet holds is
/// set, what it leaves empty is removed, anything else is kept. Unchanged
/// values are left exactly as written.
fn apply(doc: &mut Doc, pointer: &str, fields: &Fields, columns: &HashSet<&'static str>) {
    for key in SHEET_FIELDS {
        if !columns.contains(key) {
            continue;
        }
        let path = format!("{pointer}/{key}");
        match fields.values.iter().find(|(k, _)| k == key) {
            Some((_, Value::String { value, .. })) => {
                let _ = doc.set_text(&path, value);
            }
            Some((_, v)) => {
                if !(*key == "speakers" && same_speakers(doc.get(&path), v)) {
                    let _ = doc.set(&path, v.clone());
                }
            }
            None => {
                // Scheduled is the default: an empty status cell keeps a
                // file's explicit "scheduled".
                if *key == "status" && doc.text(&path) == Some("scheduled") {
                    continue;
                }
                let _ = doc.set_text(&path, "");
            }
        }
    }
}

/// The event fields each column fills.
fn fields_of(c: Column) -> &'static [&'static str] {
    match c {
        Column::Id => &[],
        Column::Project => &["project"],
        Column::Title => &["title"],
        Column::TitleEn => &["titleEn"],
        Column::Date | Column::EndDate | Column::Start | Column::End => &["start", "end"],
        Column::Venue => &["venue/name"],
        Column::Room => &["venue/room"],
        Column::Address => &["venue/address"],
        Column::Fee => &["fee"],
        Column::Capacity => &["capacity"],
        Column::Speakers => &["speakers"],
        Column::Contact => &["contact/name"],
        Column::Phone => &["contact/phone"],
        Column::Fax => &["contact/fax"],
        Column::Email => &["contact/email"],
        Column::Url => &["url"],
        Column::Description => &["description"],
        Column::Status => &["status"],
    }
}

/// The column (as headed in the file) that a checker path below an event
/// comes from.
fn column_for(path: &str, columns: &[(usize, Column, String)]) -> Option<String> {
    let field = path.splitn(4, '/').nth(3).unwrap_or("");
    // An end comes from the end time's column, or the start's range, or
    // the last day's; a start from the date's.
    let order: &[Column] = match field {
        "end" => &[Column::End, Column::Start, Column::EndDate, Column::Date],
        "start" => &[Column::Date, Column::Start],
        _ => &[],
    };
    if let Some((_, _, h)) = order
        .iter()
        .find_map(|want| columns.iter().find(|(_, c, _)| c == want))
    {
        return Some(h.clone());
    }
    columns
        .iter()
        .find(|(_, c, _)| {
            fields_of(*c)
                .iter()
                .any(|f| field == *f || field.starts_with(&format!("{f}/")))
                || (*c == Column::Id && field == "id")
        })
        .map(|(_, _, h)| h.clone())
}

fn event_key(v: &Value) -> (String, String, String) {
    let t = |k: &str| v.get(k).and_then(Value::as_str).unwrap_or("").to_string();
    (t("project"), t("title"), t("start"))
}

/// Reads a spreadsheet's text and merges its rows into `target`.
///
/// Nothing is merged from a row with a problem; the returned document is
/// the target with every valid row merged, ready to preview and save.
pub fn import(text: &str, target: &Doc, options: &Options) -> Import {
    let mut out = Import {
        doc: target.clone(),
        added: Vec::new(),
        updated: Vec::new(),
        needs_confirmation: Vec::new(),
        duplicates: Vec::new(),
        problems: Vec::new(),
        unknown_columns: Vec::new(),
    };
    let all = match rows(text) {
        Ok(rows) => rows,
        Err(e) => {
            out.problems.push(p(
                e.line,
                None,
                Text::both(
                    "引用符 \" で始まったセルが閉じられていません",
                    "a quoted cell is never closed",
                ),
            ));
            return out;
        }
    };
    let Some((head, body)) = all.split_first() else {
        out.problems.push(p(
            1,
            None,
            Text::both("ファイルが空です", "the file is empty"),
        ));
        return out;
    };
    // Columns by header, hand mappings first.
    let mut columns: Vec<(usize, Column, String)> = Vec::new();
    for (i, h) in head.cells.iter().enumerate() {
        let h = h.trim();
        if h.is_empty() {
            continue;
        }
        let mapped = options
            .mapping
            .iter()
            .find(|(m, _)| m == h)
            .map(|(_, c)| *c)
            .or_else(|| column(h));
        match mapped {
            Some(c) if columns.iter().any(|(_, known, _)| *known == c) => {
                out.problems.push(p(
                    head.line,
                    Some(h),
                    Text::both(
                        "同じ内容の列が2つあります（後の列は使いません）",
                        "a second column for the same field (it is not used)",
                    ),
                ));
            }
            Some(c) => columns.push((i, c, h.to_string())),
            None => {
                out.unknown_columns.push(h.to_string());
                out.problems.push(p(
                    head.line,
                    Some(h),
                    Text::both(
                        "知らない列です。この列の内容は取り込まれません（エディターで列の意味を選べます）",
                        "unknown column: its cells are not imported (the editor lets you map it)",
                    ),
                ));
            }
        }
    }
    let sheet: HashSet<&'static str> = columns
        .iter()
        .flat_map(|(_, c, _)| fields_of(*c).iter().copied())
        .collect();
    let projects = Projects::of(target);
    // What the file already holds: ids and (project, title, start).
    let mut ids: HashMap<String, usize> = HashMap::new();
    let mut keys: HashMap<(String, String, String), String> = HashMap::new();
    if let Some(Value::Array { items, .. }) = target.get("/events") {
        for (i, e) in items.iter().enumerate() {
            if let Some(id) = e.get("id").and_then(Value::as_str) {
                ids.insert(id.to_string(), i);
                keys.insert(event_key(e), id.to_string());
            }
        }
    }
    // Rows into the document; remember which event each row became.
    let mut owned: Vec<(usize, usize)> = Vec::new(); // (row line, event index)
    for row in body {
        let fields = match read_row(row, &columns, &projects, options) {
            Ok(f) => f,
            Err(problems) => {
                out.problems.extend(problems);
                continue;
            }
        };
        if let Some(&index) = fields.id.as_ref().and_then(|id| ids.get(id)) {
            let id = fields.id.clone().unwrap_or_default();
            if !options.update {
                out.needs_confirmation.push((row.line, id));
                continue;
            }
            let pointer = format!("/events/{index}");
            let before = out.doc.get(&pointer).cloned();
            apply(&mut out.doc, &pointer, &fields, &sheet);
            if out.doc.get(&pointer) != before.as_ref() {
                out.updated.push((row.line, id));
                owned.push((row.line, index));
            }
            continue;
        }
        let mut event = Value::object();
        for (k, v) in &fields.values {
            if let Value::Object { members, .. } = &mut event {
                match k.split_once('/') {
                    Some((outer, inner)) => {
                        if !members.iter().any(|(m, _)| m == outer) {
                            members.push((outer.to_string(), Value::object()));
                        }
                        if let Some((
                            _,
                            Value::Object {
                                members: inside, ..
                            },
                        )) = members.iter_mut().find(|(m, _)| m == outer)
                        {
                            inside.push((inner.to_string(), v.clone()));
                        }
                    }
                    None => members.push((k.to_string(), v.clone())),
                }
            }
        }
        let key = event_key(&event);
        if let Some(existing) = keys.get(&key) {
            out.duplicates.push((row.line, existing.clone()));
            continue;
        }
        let id = fields.id.clone().unwrap_or_else(|| {
            let date = key
                .2
                .get(..10)
                .and_then(|d| crate::load::parse_date(d).ok())
                .unwrap_or_default();
            crate::doc::draft::propose_id(&key.0, date, |id| ids.contains_key(id))
        });
        if let Value::Object { members, .. } = &mut event {
            members.insert(0, ("id".to_string(), Value::string(id.clone())));
        }
        let Ok(list) = out.doc.array_or_new("/events") else {
            continue;
        };
        list.push(event);
        let index = list.len() - 1;
        ids.insert(id.clone(), index);
        keys.insert(key, id.clone());
        out.added.push((row.line, id));
        owned.push((row.line, index));
    }
    check_merged(&mut out, target, &owned, &columns);
    out
}

/// Runs the checker on the merged document; rows whose event it faults
/// are reported by row and column and taken out again.
fn check_merged(
    out: &mut Import,
    target: &Doc,
    owned: &[(usize, usize)],
    columns: &[(usize, Column, String)],
) {
    let text = crate::doc::write::to_text(&out.doc);
    let loaded = crate::load::load(&text);
    let mut bad: Vec<(usize, usize)> = Vec::new();
    for d in &loaded.diagnostics {
        let index = d
            .path
            .strip_prefix("/events/")
            .and_then(|r| r.split('/').next())
            .and_then(|n| n.parse::<usize>().ok());
        let Some(&(row, index)) = index.and_then(|i| owned.iter().find(|(_, e)| *e == i)) else {
            continue;
        };
        out.problems.push(RowProblem {
            row,
            column: column_for(&d.path, columns),
            message: d.message.clone(),
        });
        if !bad.contains(&(row, index)) {
            bad.push((row, index));
        }
    }
    if bad.is_empty() {
        return;
    }
    // Take the faulty rows out: updated events back to the target's
    // version, added ones removed (highest index first).
    crate::model::order::sort_by_key(&mut bad, |b| std::cmp::Reverse(b.1));
    for (row, index) in bad {
        let pointer = format!("/events/{index}");
        if let Some(original) = target.get(&pointer) {
            if out.updated.iter().any(|(r, _)| *r == row) {
                let _ = out.doc.set(&pointer, original.clone());
                out.updated.retain(|(r, _)| *r != row);
                continue;
            }
        }
        out.doc.remove(&pointer);
        out.added.retain(|(r, _)| *r != row);
    }
    crate::model::order::sort_by_key(&mut out.problems, |p| p.row);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::text::Lang;

    const TARGET: &str = r##"{
  "site": { "name": "テスト", "domain": "example.jp" },
  "projects": [{ "id": "nikkan", "name": { "ja": "日韓ビジネス協議会", "en": "Japan–Korea Business Council" }, "color": "#c62828" }],
  "events": [
    { "id": "nikkan-2004-02-25", "project": "nikkan", "title": "第40回日韓ビジネス協議会", "start": "2004-02-25T18:00" }
  ]
}
"##;

    fn run(csv: &str, options: &Options) -> Import {
        import(csv, &Doc::parse(TARGET).unwrap(), options)
    }

    #[test]
    fn valid_rows_are_merged_and_named_problems_left_out() {
        let csv = "日付,開始,件名,グループ,会場\r\n\
                   2004年3月24日(水),18:00〜20:00,第41回日韓ビジネス協議会,日韓ビジネス協議会,センター\r\n\
                   2004/2/30,18:00,壊れた行,nikkan,\r\n\
                   H16.4.28,午後6時,第42回,Japan–Korea Business Council,\r\n";
        let out = run(csv, &Options::default());
        assert_eq!(
            out.added,
            [
                (2, "nikkan-2004-03-24".to_string()),
                (4, "nikkan-2004-04-28".to_string())
            ]
        );
        assert_eq!(out.problems.len(), 1);
        assert_eq!(
            out.problems[0].to_string(),
            "3行目 「日付」: 2004年2月30日 は存在しない日付です / row 3, 日付: 2004-02-30 is not a real date"
        );
        let text = crate::doc::write::to_text(&out.doc);
        assert!(crate::load::load(&text).is_valid(), "{text}");
        assert!(text.contains("\"start\": \"2004-03-24T18:00\""));
        assert!(text.contains("\"end\": \"2004-03-24T20:00\""));
        assert!(text.contains("\"venue\": { \"name\": \"センター\" }"));
    }

    #[test]
    fn unknown_columns_and_projects_are_named() {
        let csv = "日付,件名,グループ,好きな色\n2004/3/24,会合,日韓ビジネス協議,青\n";
        let out = run(csv, &Options::default());
        assert_eq!(out.unknown_columns, ["好きな色"]);
        let lines: Vec<String> = out.problems.iter().map(ToString::to_string).collect();
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!(lines[0].starts_with("1行目 「好きな色」: 知らない列です"));
        assert!(lines[1].contains("row 2, グループ: no project \"日韓ビジネス協議\"; did you mean \"日韓ビジネス協議会\"?"), "{}", lines[1]);
        // Mapped by hand, the column is read.
        let mapped = Options {
            mapping: vec![("好きな色".into(), Column::Description)],
            default_project: Some("nikkan".into()),
            ..Options::default()
        };
        let out = run("日付,件名,好きな色\n2004/3/24,会合,青\n", &mapped);
        assert!(out.problems.is_empty(), "{:?}", out.problems);
        assert!(crate::doc::write::to_text(&out.doc).contains("\"description\": \"青\""));
    }

    #[test]
    fn duplicates_are_skipped_and_known_ids_wait_for_confirmation() {
        let csv = "id,日付,開始,件名,プロジェクト\n\
                   ,2004-02-25,18:00,第40回日韓ビジネス協議会,nikkan\n\
                   nikkan-2004-02-25,2004-02-25,18:30,第40回日韓ビジネス協議会,nikkan\n";
        let out = run(csv, &Options::default());
        assert_eq!(out.duplicates, [(2, "nikkan-2004-02-25".to_string())]);
        assert_eq!(
            out.needs_confirmation,
            [(3, "nikkan-2004-02-25".to_string())]
        );
        assert!(out.added.is_empty() && out.updated.is_empty());
        let out = run(
            csv,
            &Options {
                update: true,
                ..Options::default()
            },
        );
        assert_eq!(out.updated, [(3, "nikkan-2004-02-25".to_string())]);
        assert_eq!(out.doc.text("/events/0/start"), Some("2004-02-25T18:30"));
    }

    #[test]
    fn the_checker_rules_apply_after_conversion() {
        // A timed event that ends when it starts: the checker's message, at
        // the row and the column it came from.
        let csv = "日付,開始,終了,件名,プロジェクト\n2004/3/24,18:00,18:00,会合,nikkan\n";
        let out = run(csv, &Options::default());
        assert!(out.added.is_empty());
        assert_eq!(out.problems.len(), 1);
        assert_eq!(out.problems[0].column.as_deref(), Some("終了"));
        assert!(out.problems[0]
            .message
            .get(Lang::En)
            .starts_with("end is the same as start"));
        assert_eq!(out.doc, Doc::parse(TARGET).unwrap());
    }

    #[test]
    fn spans_speakers_and_status() {
        let csv = "日付,件名,プロジェクト,講師,状態\n2004年2月4日〜6日,展示会,nikkan,芝 忠（事務局長）、中島博士,中止\n";
        let out = run(csv, &Options::default());
        assert!(out.problems.is_empty(), "{:?}", out.problems);
        let text = crate::doc::write::to_text(&out.doc);
        assert!(
            text.contains("\"start\": \"2004-02-04\", \"end\": \"2004-02-06\""),
            "{text}"
        );
        assert!(text.contains("\"speakers\": [{ \"name\": \"芝 忠\", \"affiliation\": \"事務局長\" }, { \"name\": \"中島博士\" }]"), "{text}");
        assert!(text.contains("\"status\": \"cancelled\""));
    }
}
