//! `sources/status.json`: per source, what the last fetch did.
//!
//! `calendar fetch` writes it beside the normalised files, the build
//! publishes it, and the page reads it to name the sources (filters in
//! their colours, the provenance line) and to say which one is stale:
//! 「取得できませんでした（最終成功: 11月29日 6:00）」. It is written and read
//! here only, with the crate's own JSON parser (no serde in the page).
//!
//! ```json
//! {"sources": [{"id": "tokyo", "name": {"ja": "…", "en": "…"}, "color": "#00695c",
//!   "url": "https://…", "format": "ics", "project": "salon",
//!   "lastAttempt": "2026-11-30T06:00:00Z", "lastSuccess": "2026-11-29T21:00:00Z",
//!   "ok": false, "events": 12, "problems": ["HTTP 404 …"]}]}
//! ```

use super::{Format, Source};
use crate::load::escape_json;
use crate::load::json::{self, Node, Value};
use crate::model::text::{Lang, Text};
use chrono::{Datelike, NaiveDateTime};

/// What is known of one source after the last fetch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceStatus {
    pub source: Source,
    /// When it was last tried (UTC).
    pub last_attempt: Option<NaiveDateTime>,
    /// When it last gave a usable file (UTC); `None`: never.
    pub last_success: Option<NaiveDateTime>,
    /// Whether the last attempt succeeded.
    pub ok: bool,
    /// Events in the copy in use (`sources/<id>.json`).
    pub events: usize,
    /// What went wrong at the last attempt, one line each (`ja / en`).
    /// A success may have problems too (events left out).
    pub problems: Vec<String>,
}

impl SourceStatus {
    /// A source never fetched yet.
    pub fn new(source: Source) -> Self {
        SourceStatus {
            source,
            last_attempt: None,
            last_success: None,
            ok: false,
            events: 0,
            problems: Vec::new(),
        }
    }

    /// The notice the page shows for a source whose last fetch failed:
    /// 「取得できませんでした（最終成功: 11月29日 6:00）」; `None` when it
    /// succeeded.
    pub fn stale_notice(&self, lang: Lang) -> Option<String> {
        if self.ok {
            return None;
        }
        Some(match (self.last_success, lang) {
            (Some(t), Lang::Ja) => format!("取得できませんでした（最終成功: {}）", short(t, lang)),
            (Some(t), Lang::En) => {
                format!("Could not be fetched (last success: {})", short(t, lang))
            }
            (None, Lang::Ja) => "取得できませんでした（まだ一度も取得できていません）".into(),
            (None, Lang::En) => "Could not be fetched (never fetched yet)".into(),
        })
    }
}

/// A UTC instant as a short Tokyo time: `11月29日 6:00`, `Nov 29, 6:00`.
pub fn short(utc: NaiveDateTime, lang: Lang) -> String {
    let t = crate::jp::tokyo::from_utc(utc);
    let time = crate::jp::format_time(t.time());
    match lang {
        Lang::Ja => format!("{}月{}日 {time}", t.month(), t.day()),
        Lang::En => {
            format!(
                "{} {}, {time}",
                crate::jp::english_month_abbr(t.month()),
                t.day()
            )
        }
    }
}

/// A UTC instant as `2026-11-29T21:00:00Z`.
pub fn instant(t: NaiveDateTime) -> String {
    format!("{}Z", t.format("%Y-%m-%dT%H:%M:%S"))
}

fn text_json(t: &Text) -> String {
    match &t.en {
        Some(en) => format!(
            "{{\"ja\": \"{}\", \"en\": \"{}\"}}",
            escape_json(&t.ja),
            escape_json(en)
        ),
        None => format!("\"{}\"", escape_json(&t.ja)),
    }
}

/// The text of `sources/status.json`, one source a line.
pub fn write(list: &[SourceStatus]) -> String {
    let mut out = String::from("{\"sources\": [");
    for (i, s) in list.iter().enumerate() {
        let opt =
            |t: Option<NaiveDateTime>| t.map_or("null".into(), |t| format!("\"{}\"", instant(t)));
        let problems: Vec<String> = s
            .problems
            .iter()
            .map(|p| format!("\"{}\"", escape_json(p)))
            .collect();
        out.push_str(if i == 0 { "\n  " } else { ",\n  " });
        out.push_str(&format!(
            "{{\"id\": \"{}\", \"name\": {}, \"color\": \"{}\", \"url\": \"{}\", \"format\": \"{}\", \"project\": {}, \"lastAttempt\": {}, \"lastSuccess\": {}, \"ok\": {}, \"events\": {}, \"problems\": [{}]}}",
            escape_json(&s.source.id),
            text_json(&s.source.name),
            escape_json(&s.source.color),
            escape_json(&s.source.url),
            s.source.format.as_str(),
            s.source.project.as_ref().map_or("null".into(), |p| format!("\"{}\"", escape_json(p))),
            opt(s.last_attempt),
            opt(s.last_success),
            s.ok,
            s.events,
            problems.join(", "),
        ));
    }
    out.push_str(if list.is_empty() { "]}\n" } else { "\n]}\n" });
    out
}

/// Where the status file is, relative to the events file's folder and to
/// the site.
pub const PATH: &str = "sources/status.json";

/// A problem of the status file: where (`sources/status.json /sources/2`)
/// and what.
pub type Found = (String, Text);

/// Reads `sources/status.json`. Entries that make no sense (no id, a bad
/// colour or id) are left out and said in the returned problems, so one
/// broken entry never hides the others.
///
/// # Errors
/// Where and what, when the text is not JSON of the right shape.
pub fn parse(text: &str) -> Result<(Vec<SourceStatus>, Vec<Found>), Found> {
    let root = json::parse(text).map_err(|e| {
        // Without the `messages` feature `says!` does not look at `e`.
        let _ = &e;
        let what = crate::load::says!(
            format!("JSONの書き方の誤り: {}", e.ja),
            format!("JSON syntax error: {}", e.en),
        );
        (PATH.to_string(), what)
    })?;
    let list = match get(&root, "sources").map(|n| &n.value) {
        Some(Value::Array(items)) => items,
        _ => {
            let what = Text::fixed("sources の一覧がありません", "no sources list");
            return Err((PATH.to_string(), what));
        }
    };
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for (i, node) in list.iter().enumerate() {
        match entry(node) {
            Some(s) => out.push(s),
            None => problems.push((
                format!("{PATH} /sources/{i}"),
                Text::fixed("読めない項目です", "unreadable entry"),
            )),
        }
    }
    Ok((out, problems))
}

/// [`parse`] with each problem as one line, `where: ja / en` (the
/// maintainer tool's warnings).
///
/// # Errors
/// As [`parse`].
pub fn read(text: &str) -> Result<(Vec<SourceStatus>, Vec<String>), String> {
    let line = |(at, what): Found| format!("{at}: {} / {}", what.ja, what.get(Lang::En));
    let (list, problems) = parse(text).map_err(line)?;
    Ok((list, problems.into_iter().map(line).collect()))
}

fn get<'a>(node: &'a Node<'a>, key: &str) -> Option<&'a Node<'a>> {
    match &node.value {
        Value::Object(m) => m.iter().find(|m| m.key == key).map(|m| &m.node),
        _ => None,
    }
}

fn string(node: &Node, key: &str) -> Option<String> {
    match get(node, key).map(|n| &n.value) {
        Some(Value::String(s)) => Some(s.to_string()),
        _ => None,
    }
}

fn time(node: &Node, key: &str) -> Option<NaiveDateTime> {
    let s = string(node, key)?;
    crate::load::parse_instant(&s).ok()
}

fn entry(node: &Node) -> Option<SourceStatus> {
    let id = string(node, "id")?;
    crate::load::check_id(&id).ok()?;
    let color = string(node, "color")?;
    crate::load::check_color(&color).ok()?;
    let name = match get(node, "name").map(|n| &n.value) {
        Some(Value::String(s)) => Text::new(s.to_string()),
        Some(Value::Object(_)) => {
            let n = get(node, "name")?;
            let ja = string(n, "ja")?;
            match string(n, "en") {
                Some(en) => Text::both(ja, en),
                None => Text::new(ja),
            }
        }
        _ => Text::new(id.clone()),
    };
    let url = string(node, "url").filter(|u| crate::load::check_url(u).is_ok())?;
    let format = string(node, "format").and_then(|f| Format::parse(&f))?;
    let problems = match get(node, "problems").map(|n| &n.value) {
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|n| match &n.value {
                Value::String(s) => Some(crate::load::escape_controls(s)),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    };
    let events = match get(node, "events").map(|n| &n.value) {
        Some(Value::Number(n)) => n.parse().unwrap_or(0),
        _ => 0,
    };
    Some(SourceStatus {
        source: Source {
            id,
            name,
            url,
            format,
            color,
            project: string(node, "project"),
        },
        last_attempt: time(node, "lastAttempt"),
        last_success: time(node, "lastSuccess"),
        ok: matches!(get(node, "ok").map(|n| &n.value), Some(Value::Bool(true))),
        events,
        problems,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(y: i32, m: u32, d: u32, h: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .unwrap()
            .and_hms_opt(h, 0, 0)
            .unwrap()
    }

    fn sample() -> SourceStatus {
        SourceStatus {
            source: Source {
                id: "tokyo".into(),
                name: Text::both("東京都異業種交流グループ連絡会", "Tokyo \"groups\""),
                url: "https://example.org/cal.ics".into(),
                format: Format::Ics,
                color: "#00695c".into(),
                project: Some("salon".into()),
            },
            last_attempt: Some(at(2026, 11, 30, 21)),
            last_success: Some(at(2026, 11, 28, 21)),
            ok: false,
            events: 12,
            problems: vec!["HTTP 404 / HTTP 404\nforged".into()],
        }
    }

    #[test]
    fn writes_and_reads_back() {
        let list = vec![sample()];
        let text = write(&list);
        let (back, problems) = read(&text).unwrap();
        assert!(problems.is_empty());
        let mut want = sample();
        want.problems = vec!["HTTP 404 / HTTP 404\\nforged".into()];
        assert_eq!(back, vec![want]);
        assert_eq!(read(&write(&[])).unwrap().0, vec![]);
    }

    #[test]
    fn the_stale_notice_names_the_last_success_in_tokyo_time() {
        let s = sample();
        assert_eq!(
            s.stale_notice(Lang::Ja).unwrap(),
            "取得できませんでした（最終成功: 11月29日 6:00）"
        );
        assert_eq!(
            s.stale_notice(Lang::En).unwrap(),
            "Could not be fetched (last success: Nov 29, 6:00)"
        );
        let fine = SourceStatus {
            ok: true,
            ..sample()
        };
        assert_eq!(fine.stale_notice(Lang::Ja), None);
    }

    #[test]
    fn a_broken_entry_leaves_the_others() {
        let text = write(&[sample()]).replace("{\"sources\": [", "{\"sources\": [{\"id\": 3},");
        let (list, problems) = read(&text).unwrap();
        assert_eq!(list.len(), 1);
        assert_eq!(
            problems,
            ["sources/status.json /sources/0: 読めない項目です / unreadable entry"]
        );
        assert!(read("{").is_err());
        assert!(read("{\"x\": 1}").is_err());
    }
}
