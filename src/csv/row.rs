//! One spreadsheet row read into an event's fields: each cell by its
//! column (dates and times as people type them, projects by id or name,
//! statuses in Japanese or English), each problem named by row and column.
//! [`super::merge`] puts the rows into the document.

use super::columns::Column;
use super::read::Row;
use crate::doc::input::{normalize, parse_clock, parse_clock_range, parse_day, parse_day_range};
use crate::doc::{Doc, Value};
use crate::load::Problem;
use crate::model::text::{Lang, Text};
use std::fmt;

/// A problem with a row (or the header), in Japanese and English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowProblem {
    /// The 1-based line of the file the row starts on.
    pub row: usize,
    /// The column's header as the file writes it, when one column is meant.
    pub column: Option<String>,
    /// What is wrong, in Japanese and English.
    pub message: Text,
}

impl fmt::Display for RowProblem {
    /// `3行目 「日付」: 日本語 / row 3, 日付: English`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ja_col = self
            .column
            .as_ref()
            .map_or(String::new(), |c| format!(" 「{c}」"));
        let en_col = self
            .column
            .as_ref()
            .map_or(String::new(), |c| format!(", {c}"));
        write!(
            f,
            "{}行目{ja_col}: {} / row {}{en_col}: {}",
            self.row,
            self.message.ja,
            self.row,
            self.message.get(Lang::En)
        )
    }
}

/// How to import.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Rows whose id is already in the file replace that event's fields
    /// (those the spreadsheet has); without it they wait for confirmation.
    pub update: bool,
    /// The year for dates written without one (`2月25日`).
    pub default_year: Option<i32>,
    /// The project of rows without a project column or cell.
    pub default_project: Option<String>,
    /// Columns the maintainer mapped by hand: header as written → column.
    pub mapping: Vec<(String, Column)>,
}

pub(super) fn p(row: usize, column: Option<&str>, message: Problem) -> RowProblem {
    RowProblem {
        row,
        column: column.map(str::to_string),
        message,
    }
}

/// A project named by id, Japanese or English name.
pub(super) struct Projects {
    /// (id, ja, en)
    list: Vec<(String, String, String)>,
}

impl Projects {
    pub(super) fn of(doc: &Doc) -> Projects {
        let mut list = Vec::new();
        if let Some(Value::Array { items, .. }) = doc.get("/projects") {
            for p in items {
                let id = p
                    .get("id")
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .to_string();
                let (ja, en) = match p.get("name") {
                    Some(Value::String { value, .. }) => (value.clone(), String::new()),
                    Some(n) => (
                        n.get("ja")
                            .and_then(Value::as_str)
                            .unwrap_or("")
                            .to_string(),
                        n.get("en")
                            .and_then(Value::as_str)
                            .unwrap_or("")
                            .to_string(),
                    ),
                    None => Default::default(),
                };
                list.push((id, ja, en));
            }
        }
        Projects { list }
    }

    fn find(&self, name: &str) -> Result<String, Problem> {
        let k = |s: &str| normalize(s).to_lowercase().replace(' ', "");
        let want = k(name);
        if let Some((id, ..)) = self.list.iter().find(|(id, _, _)| *id == name) {
            return Ok(id.clone());
        }
        if let Some((id, ..)) = self.list.iter().find(|(id, ja, en)| {
            k(id) == want || k(ja) == want || (!en.is_empty() && k(en) == want)
        }) {
            return Ok(id.clone());
        }
        let near = self
            .list
            .iter()
            .flat_map(|(id, ja, en)| [id, ja, en])
            .filter(|n| !n.is_empty())
            .map(|n| (crate::load::edit_distance(&want, &k(n)), n))
            .filter(|&(d, _)| d <= 2)
            .min()
            .map(|(_, n)| n.clone());
        let shown = crate::load::escape_controls(name);
        Err(match near {
            Some(n) => Text::both(
                format!("プロジェクト「{shown}」がありません。「{n}」のことですか"),
                format!("no project \"{shown}\"; did you mean \"{n}\"?"),
            ),
            None => Text::both(
                format!("プロジェクト「{shown}」がありません（名前か id で書いてください）"),
                format!("no project \"{shown}\" (write its name or id)"),
            ),
        })
    }
}

fn status(cell: &str) -> Result<&'static str, Problem> {
    match normalize(cell).to_lowercase().as_str() {
        "" | "予定" | "開催" | "scheduled" => Ok("scheduled"),
        "仮" | "未定" | "仮予定" | "tentative" => Ok("tentative"),
        "中止" | "取消" | "取り消し" | "cancelled" | "canceled" => Ok("cancelled"),
        _ => Err(Text::both(
            format!(
                "状態「{}」は 予定・仮・中止 のどれかにしてください",
                crate::load::escape_controls(cell)
            ),
            format!(
                "status \"{}\" must be 予定 (scheduled), 仮 (tentative) or 中止 (cancelled)",
                crate::load::escape_controls(cell)
            ),
        )),
    }
}

/// The fields of one event read from a row: pointer-like paths below the
/// event (`venue/name`) and their values. `Err` holds the row's problems.
pub(super) struct Fields {
    pub(super) id: Option<String>,
    pub(super) values: Vec<(&'static str, Value)>,
}

pub(super) fn read_row(
    row: &Row,
    columns: &[(usize, Column, String)],
    projects: &Projects,
    options: &Options,
) -> Result<Fields, Vec<RowProblem>> {
    let mut problems = Vec::new();
    let cell = |c: Column| -> Option<(&str, &str)> {
        columns
            .iter()
            .find(|(_, col, _)| *col == c)
            .and_then(|(i, _, h)| {
                let v = row.cells.get(*i).map_or("", |s| s.trim());
                (!v.is_empty()).then_some((v, h.as_str()))
            })
    };
    let header_of = |c: Column| {
        columns
            .iter()
            .find(|(_, col, _)| *col == c)
            .map(|(_, _, h)| h.clone())
    };
    let mut values: Vec<(&'static str, Value)> = Vec::new();
    // Project.
    match cell(Column::Project) {
        Some((name, h)) => match projects.find(name) {
            Ok(id) => values.push(("project", Value::string(id))),
            Err(e) => problems.push(p(row.line, Some(h), e)),
        },
        None => match &options.default_project {
            Some(id) => values.push(("project", Value::string(id.clone()))),
            None => problems.push(p(
                row.line,
                header_of(Column::Project).as_deref(),
                Text::both("プロジェクトがありません", "the project is missing"),
            )),
        },
    }
    // Title.
    match cell(Column::Title) {
        Some((t, _)) => values.push(("title", Value::string(t))),
        None => problems.push(p(
            row.line,
            header_of(Column::Title).as_deref(),
            Text::both("タイトルがありません", "the title is missing"),
        )),
    }
    if let Some((t, _)) = cell(Column::TitleEn) {
        values.push(("titleEn", Value::string(t)));
    }
    // When: the day (or span), the times (or a range).
    let mut day = None;
    let mut last_day = None;
    match cell(Column::Date) {
        Some((d, h)) => match parse_day_range(d, options.default_year) {
            Ok((start, end)) => {
                day = Some(start);
                last_day = end;
            }
            Err(e) => problems.push(p(row.line, Some(h), e)),
        },
        None => problems.push(p(
            row.line,
            header_of(Column::Date).as_deref(),
            Text::both("日付がありません", "the date is missing"),
        )),
    }
    if let Some((d, h)) = cell(Column::EndDate) {
        match parse_day(
            d,
            day.map(|d| chrono::Datelike::year(&d))
                .or(options.default_year),
        ) {
            Ok(end) => last_day = Some(end),
            Err(e) => problems.push(p(row.line, Some(h), e)),
        }
    }
    let mut times = (None, None);
    if let Some((t, h)) = cell(Column::Start) {
        match parse_clock_range(t) {
            Ok((a, b)) => times = (Some(a), b),
            Err(e) => problems.push(p(row.line, Some(h), e)),
        }
    }
    if let Some((t, h)) = cell(Column::End) {
        match parse_clock(t) {
            Ok(b) => times.1 = Some(b),
            Err(e) => problems.push(p(row.line, Some(h), e)),
        }
    }
    if let Some(day) = day {
        let date = |d: chrono::NaiveDate| d.format("%Y-%m-%d").to_string();
        let time = |t: chrono::NaiveTime| t.format("%H:%M").to_string();
        match times {
            (Some(a), b) => {
                values.push(("start", Value::string(format!("{}T{}", date(day), time(a)))));
                if let Some(b) = b {
                    let end_day = last_day.unwrap_or(day);
                    values.push((
                        "end",
                        Value::string(format!("{}T{}", date(end_day), time(b))),
                    ));
                }
            }
            (None, Some(_)) => problems.push(p(
                row.line,
                header_of(Column::Start).as_deref(),
                Text::both(
                    "終了時刻だけで開始時刻がありません",
                    "an end time without a start time",
                ),
            )),
            (None, None) => {
                values.push(("start", Value::string(date(day))));
                if let Some(end) = last_day.filter(|&e| e != day) {
                    values.push(("end", Value::string(date(end))));
                }
            }
        }
    }
    for (col, key) in [
        (Column::Venue, "venue/name"),
        (Column::Room, "venue/room"),
        (Column::Address, "venue/address"),
        (Column::Fee, "fee"),
        (Column::Capacity, "capacity"),
        (Column::Contact, "contact/name"),
        (Column::Phone, "contact/phone"),
        (Column::Fax, "contact/fax"),
        (Column::Email, "contact/email"),
        (Column::Url, "url"),
        (Column::Description, "description"),
    ] {
        if let Some((v, _)) = cell(col) {
            values.push((key, Value::string(v)));
        }
    }
    if let Some((s, _)) = cell(Column::Speakers) {
        values.push(("speakers", super::speakers_value(s)));
    }
    if let Some((s, h)) = cell(Column::Status) {
        match status(s) {
            Ok("scheduled") => {}
            Ok(st) => values.push(("status", Value::string(st))),
            Err(e) => problems.push(p(row.line, Some(h), e)),
        }
    }
    if problems.is_empty() {
        Ok(Fields {
            id: cell(Column::Id).map(|(id, _)| id.to_string()),
            values,
        })
    } else {
        Err(problems)
    }
}
