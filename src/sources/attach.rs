//! Other calendars attached to ours where the calendar is shown: from
//! what was read of the sources (the status file and each source's
//! normalised copy), our catalogue with their events merged in, their
//! statuses, and every problem met on the way, saying where and what in
//! both languages.
//!
//! The page reads these files from its own site and the maintainer tool
//! from its store beside the events file; both hand the texts here, so
//! both merge the same events and report the same problems. Which copies
//! are read is decided here too ([`with_copy`]). A source that fails
//! never stops the others, nor our own events.

use super::merge::merge;
use super::status::{self, SourceStatus};
use crate::load::{load, Diagnostic};
use crate::model::text::{Lang, Text};
use crate::model::Catalog;
use std::fmt;

/// At most this many problems of one source's copy are listed; the rest
/// are counted.
pub const MAX_LISTED: usize = 5;

/// What was read of the sources, as the reader found it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fetched {
    /// The text of [`status::PATH`], or why it could not be read (saying
    /// which file); `None` when the sources were not asked for (the page
    /// previewing another events file).
    pub status: Option<Result<String, Text>>,
    /// The copy of each source of [`with_copy`], by source id: its text,
    /// or why it could not be read (saying which file).
    pub files: Vec<(String, Result<String, Text>)>,
}

/// What the page shows of the sources once attached.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Attached {
    /// Every source of the status file (its filter, provenance line and
    /// stale notice), whether or not it has events.
    pub statuses: Vec<SourceStatus>,
    /// Every problem, the status file's first, then each source's in the
    /// order of the statuses.
    pub problems: Vec<Problem>,
    /// How many of the sources' events were added to ours.
    pub added: usize,
    /// How many were left out as already there (ours, or an earlier
    /// source's, under the same `UID`).
    pub duplicates: usize,
}

/// One problem met attaching the sources.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The source it concerns; `None` for the status file.
    pub source: Option<String>,
    /// Where: `sources/tokyo.json:3:5: /events/0/start`; `None` when
    /// [`Problem::what`] says it itself (a reader's message).
    pub at: Option<String>,
    /// What, in both languages.
    pub what: Text,
}

impl Problem {
    /// Where and what in both languages, as the page shows it:
    /// `sources/tokyo.json:3:5: /events/0/start: 2004-02-30 is not a real date`.
    pub fn text(&self) -> Text {
        match &self.at {
            None => self.what.clone(),
            Some(at) => Text::both(
                format!("{at}: {}", self.what.ja),
                format!("{at}: {}", self.what.get(Lang::En)),
            ),
        }
    }
}

impl fmt::Display for Problem {
    /// One line, `where: 日本語 / English`, as the maintainer tool prints
    /// its warnings.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(at) = &self.at {
            write!(f, "{at}: ")?;
        }
        match &self.what.en {
            Some(en) => write!(f, "{} / {en}", self.what.ja),
            None => write!(f, "{}", self.what.ja),
        }
    }
}

/// The path of source `id`'s normalised copy, relative to the events
/// file's folder and to the site: `sources/<id>.json`.
pub fn copy_path(id: &str) -> String {
    format!("sources/{id}.json")
}

/// The sources whose copy is read: those fetched successfully at least
/// once (a source never fetched has no copy yet).
pub fn with_copy(statuses: &[SourceStatus]) -> impl Iterator<Item = &SourceStatus> {
    statuses.iter().filter(|s| s.last_success.is_some())
}

/// The ids of the sources whose copy is read, from the status file's
/// text (none when it cannot be read): what the page fetches after it.
pub fn copies_to_read(status_text: &str) -> Vec<String> {
    let list = status::parse(status_text).map_or(Vec::new(), |(list, _)| list);
    with_copy(&list).map(|s| s.source.id.clone()).collect()
}

/// The sources' statuses of `fetched` and the status file's problems,
/// without their events: what the page needs beside month files, which
/// the build wrote with the sources' events merged in.
pub fn statuses(fetched: &Fetched) -> (Vec<SourceStatus>, Vec<Problem>) {
    match &fetched.status {
        None => (Vec::new(), Vec::new()),
        Some(Err(why)) => (Vec::new(), vec![problem(None, None, why.clone())]),
        Some(Ok(text)) => match status::parse(text) {
            Ok((list, found)) => {
                let found = found
                    .into_iter()
                    .map(|(at, what)| problem(None, Some(at), what));
                (list, found.collect())
            }
            Err((at, what)) => (Vec::new(), vec![problem(None, Some(at), what)]),
        },
    }
}

/// Merges the sources of `fetched` into `ours` ([`merge`]: one project per
/// source, their events after ours, each event once) and says what went
/// wrong: the status file unreadable (then nothing is attached) or an
/// entry of it left out; a source's copy missing or unreadable (its
/// events are missing); problems in a copy (its valid events are kept;
/// at most [`MAX_LISTED`] are listed, the rest counted). Copies of
/// sources that [`with_copy`] leaves out are not read.
///
/// # Example
/// ```
/// use iguren_calendar::model::Catalog;
/// use iguren_calendar::sources::attach::{attach, Fetched};
/// let mut ours = Catalog::default();
/// let fetched = Fetched { status: Some(Ok("{".into())), files: Vec::new() };
/// let attached = attach(&mut ours, &fetched);
/// assert!(attached.statuses.is_empty());
/// let problem = &attached.problems[0];
/// assert_eq!(problem.at.as_deref(), Some("sources/status.json"));
/// assert!(problem.text().ja.starts_with("sources/status.json: JSONの書き方の誤り"));
/// ```
pub fn attach(ours: &mut Catalog, fetched: &Fetched) -> Attached {
    if fetched.status.is_none() {
        return Attached::default();
    }
    let (statuses, mut problems) = statuses(fetched);
    let mut imported = Vec::new();
    for s in with_copy(&statuses) {
        let id = &s.source.id;
        let path = copy_path(id);
        match fetched.files.iter().find(|(f, _)| f == id) {
            None => problems.push(problem(
                Some(id),
                Some(path),
                Text::fixed("ファイルがありません", "the file is missing"),
            )),
            Some((_, Err(why))) => problems.push(problem(Some(id), None, why.clone())),
            Some((_, Ok(text))) => {
                let loaded = load(text);
                let found = listed(&path, &loaded.diagnostics);
                problems.extend(found.map(|(at, what)| problem(Some(id), Some(at), what)));
                imported.push((id.clone(), loaded.catalog));
            }
        }
    }
    let own = ours.events.len();
    let merged = merge(ours, &statuses, imported);
    Attached {
        added: ours.events.len() - own,
        duplicates: merged.duplicates,
        statuses,
        problems,
    }
}

fn problem(source: Option<&String>, at: Option<String>, what: Text) -> Problem {
    Problem {
        source: source.cloned(),
        at,
        what,
    }
}

/// The first [`MAX_LISTED`] problems of the copy at `path`, each placed
/// as `path:line:column: /pointer`, then how many more there are.
fn listed<'a>(
    path: &'a str,
    diagnostics: &'a [Diagnostic],
) -> impl Iterator<Item = (String, Text)> + 'a {
    let more = diagnostics.len().saturating_sub(MAX_LISTED);
    let each = diagnostics
        .iter()
        .take(MAX_LISTED)
        .map(move |d| (format!("{path}:{}", d.place()), d.message.clone()));
    let rest = (more > 0).then(|| {
        let what = Text::both(
            format!("ほか {more} 件の問題"),
            format!("{more} more problems"),
        );
        (path.to_string(), what)
    });
    each.chain(rest)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Event, When};
    use crate::sources::{Format, Source};
    use chrono::NaiveDate;

    fn source(id: &str, fetched: bool) -> SourceStatus {
        let at = NaiveDate::from_ymd_opt(2026, 11, 29)
            .unwrap()
            .and_hms_opt(21, 0, 0)
            .unwrap();
        SourceStatus {
            last_attempt: Some(at),
            last_success: fetched.then_some(at),
            ok: fetched,
            ..SourceStatus::new(Source {
                id: id.into(),
                name: Text::new(id.to_string()),
                url: format!("https://{id}.example/cal.json"),
                format: Format::EventsJson,
                color: "#00695c".into(),
                project: None,
            })
        }
    }

    /// A normalised copy of source `id` with these events (JSON objects).
    fn copy(id: &str, events: &[String]) -> String {
        format!(
            r##"{{"site": {{"name": "{id}", "timeZone": "Asia/Tokyo", "domain": "{id}.example"}},
  "projects": [{{"id": "{id}", "name": "{id}", "color": "#00695c"}}],
  "events": [
    {}
  ]}}"##,
            events.join(",\n    ")
        )
    }

    fn event(id: &str, start: &str) -> String {
        format!(
            r#"{{"id": "{id}", "project": "{}", "title": "例会", "start": "{start}"}}"#,
            id.split('-').next().unwrap()
        )
    }

    fn ours() -> Catalog {
        let mut c = Catalog::default();
        c.site.domain = "kanagawa.example".into();
        let day = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        c.events.push(Event::new(
            "salon",
            "p",
            "サロン",
            When::AllDay {
                start: day,
                end: day,
            },
        ));
        c
    }

    fn fetched(statuses: &[SourceStatus], files: Vec<(&str, Result<String, Text>)>) -> Fetched {
        Fetched {
            status: Some(Ok(status::write(statuses))),
            files: files
                .into_iter()
                .map(|(id, f)| (id.to_string(), f))
                .collect(),
        }
    }

    /// Each problem's source and text in `lang`.
    fn texts(attached: &Attached, lang: Lang) -> Vec<(Option<&str>, String)> {
        attached
            .problems
            .iter()
            .map(|p| (p.source.as_deref(), p.text().get(lang).to_string()))
            .collect()
    }

    fn said<'a>(source: Option<&'a str>, text: &str) -> (Option<&'a str>, String) {
        (source, text.to_string())
    }

    #[test]
    fn the_valid_events_of_each_source_join_ours_and_the_others_are_said_where() {
        let mut catalog = ours();
        let list = [source("tokyo", true), source("osaka", true)];
        let osaka = copy(
            "osaka",
            &[
                event("osaka-1", "2026-12-05"),
                event("osaka-2", "2026-02-30"),
            ],
        );
        let attached = attach(
            &mut catalog,
            &fetched(
                &list,
                vec![
                    (
                        "tokyo",
                        Ok(copy("tokyo", &[event("tokyo-1", "2026-12-03")])),
                    ),
                    ("osaka", Ok(osaka)),
                ],
            ),
        );
        let ids: Vec<_> = catalog.events.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["salon", "tokyo-1", "osaka-1"]);
        assert_eq!(catalog.events[2].project, "osaka");
        assert_eq!((attached.added, attached.duplicates), (2, 0));
        assert_eq!(attached.statuses, list);
        let place = "sources/osaka.json:5:67: /events/1/start";
        let what = "2026-02-30 is not a real date";
        assert_eq!(
            texts(&attached, Lang::En),
            [said(Some("osaka"), &format!("{place}: {what}"))]
        );
        let problem = &attached.problems[0];
        assert_eq!(problem.at.as_deref(), Some(place));
        assert!(problem.text().ja.starts_with(&format!("{place}: ")));
        // The tool's line: where, then both languages.
        let line = problem.to_string();
        assert!(line.starts_with(&format!("{place}: ")) && line.ends_with(&format!(" / {what}")));
    }

    #[test]
    fn a_missing_or_unreadable_copy_is_its_source_s_problem_alone() {
        let mut catalog = ours();
        let list = [
            source("tokyo", true),
            source("osaka", true),
            source("nagoya", false),
        ];
        let why = Text::both(
            "sources/tokyo.json: 読めません",
            "sources/tokyo.json: cannot read",
        );
        // nagoya was never fetched: its copy is not read, even when given.
        let attached = attach(
            &mut catalog,
            &fetched(
                &list,
                vec![
                    ("tokyo", Err(why.clone())),
                    (
                        "nagoya",
                        Ok(copy("nagoya", &[event("nagoya-1", "2026-12-03")])),
                    ),
                ],
            ),
        );
        assert_eq!(catalog.events.len(), 1);
        assert_eq!(attached.statuses.len(), 3);
        // Every source is still a project of the merged catalogue (its filter).
        assert!(["tokyo", "osaka", "nagoya"]
            .iter()
            .all(|id| catalog.project(id).is_some()));
        assert_eq!(
            texts(&attached, Lang::Ja),
            [
                said(Some("tokyo"), "sources/tokyo.json: 読めません"),
                said(Some("osaka"), "sources/osaka.json: ファイルがありません")
            ]
        );
        assert_eq!(
            texts(&attached, Lang::En)[1],
            said(Some("osaka"), "sources/osaka.json: the file is missing")
        );
        let ids: Vec<_> = with_copy(&list).map(|s| s.source.id.as_str()).collect();
        assert_eq!(ids, ["tokyo", "osaka"]);
        assert_eq!(copies_to_read(&status::write(&list)), ["tokyo", "osaka"]);
        assert!(copies_to_read("{").is_empty());
    }

    #[test]
    fn without_a_status_file_nothing_is_attached_and_that_is_said() {
        let mut catalog = ours();
        let none = attach(&mut catalog, &Fetched::default());
        assert_eq!(none, Attached::default());
        let why = Text::new("sources/status.json: サーバーの応答 404 / server answered 404");
        let failed = Fetched {
            status: Some(Err(why.clone())),
            files: Vec::new(),
        };
        let attached = attach(&mut catalog, &failed);
        assert_eq!(
            attached.problems,
            [Problem {
                source: None,
                at: None,
                what: why
            }]
        );
        assert!(attached.statuses.is_empty());
        let broken = Fetched {
            status: Some(Ok("{\"sources\": 3}".into())),
            files: Vec::new(),
        };
        let attached = attach(&mut catalog, &broken);
        assert_eq!(
            texts(&attached, Lang::En),
            [said(None, "sources/status.json: no sources list")]
        );
        // One unreadable entry: said; the others attached.
        let text = status::write(&[source("tokyo", true)])
            .replace("{\"sources\": [", "{\"sources\": [{\"id\": 3},");
        let one = Fetched {
            status: Some(Ok(text)),
            files: vec![(
                "tokyo".into(),
                Ok(copy("tokyo", &[event("tokyo-1", "2026-12-03")])),
            )],
        };
        let attached = attach(&mut catalog, &one);
        assert_eq!(
            texts(&attached, Lang::Ja),
            [said(
                None,
                "sources/status.json /sources/0: 読めない項目です"
            )]
        );
        assert_eq!(attached.added, 1);
        assert_eq!(catalog.events.len(), 2);
    }

    #[test]
    fn many_problems_of_one_copy_are_counted_beyond_the_first_five() {
        let mut catalog = ours();
        let list = [source("tokyo", true)];
        let bad: Vec<String> = (1..=8)
            .map(|n| event(&format!("tokyo-{n}"), "2026-13-01"))
            .collect();
        let attached = attach(
            &mut catalog,
            &fetched(&list, vec![("tokyo", Ok(copy("tokyo", &bad)))]),
        );
        assert_eq!(attached.problems.len(), MAX_LISTED + 1);
        assert_eq!(
            texts(&attached, Lang::Ja)[MAX_LISTED],
            said(Some("tokyo"), "sources/tokyo.json: ほか 3 件の問題")
        );
        assert_eq!(
            attached.problems[MAX_LISTED].to_string(),
            "sources/tokyo.json: ほか 3 件の問題 / 3 more problems"
        );
    }

    #[test]
    fn an_event_already_there_is_counted_not_added() {
        let mut catalog = ours();
        let list = [source("tokyo", true)];
        let back = r#"{"id": "tokyo-1", "project": "tokyo", "title": "うちの予定", "start": "2026-12-01", "origin": {"uid": "salon@kanagawa.example"}}"#;
        let attached = attach(
            &mut catalog,
            &fetched(
                &list,
                vec![("tokyo", Ok(copy("tokyo", &[back.to_string()])))],
            ),
        );
        assert_eq!((attached.added, attached.duplicates), (0, 1));
        assert!(attached.problems.is_empty());
    }
}
