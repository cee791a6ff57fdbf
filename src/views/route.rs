//! The view state and its URL query string, both ways.
//!
//! The whole state of the view lives in `location.search`
//! (`?view=list&month=2004-02&p=hojokin,kannai&q=…&e=ID`), so deep links and
//! the back button work on any static host. [`parse`] never fails: a value
//! it cannot read is dropped and its default used. [`to_query`] leaves
//! defaults out and percent-encodes UTF-8, and `parse(&to_query(s)) == s`
//! for every valid state. [`same_origin_src`] guards the `src=` preview
//! path, which may only name a file of the same site.
//!
//! The interface language is not part of this state (it is a preference,
//! stored elsewhere).

use crate::model::month::Month;
use crate::model::text::Text;
use crate::views::filter::{Filter, ProjectSelection};
use crate::views::percent::{decode, encode};

/// Which view is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Month,
    List,
}

/// Everything the URL says about the view. `Default` is the plain page.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ViewState {
    /// `view=list`; the month view is the default.
    pub view: View,
    /// `month=2004-02` (a year 0..=9999, a month 1..=12); `None` lets the
    /// app pick (see [`crate::views::months::initial_month`]).
    pub month: Option<Month>,
    /// `p=a,b`: the ticked projects; no `p` is all of them, `p=` none.
    pub projects: ProjectSelection,
    /// `q=`: the search text.
    pub query: String,
    /// `e=ID`: the event whose detail is open.
    pub event: Option<String>,
    /// `past=1`: the list shows past events instead of upcoming ones.
    pub past: bool,
    /// `src=PATH`: another events file to load, for previews. Not checked
    /// here: pass it through [`same_origin_src`] before use.
    pub src: Option<String>,
}

/// An id as the model allows it: `[a-z0-9][a-z0-9-]*`.
fn is_id(s: &str) -> bool {
    let mut bytes = s.bytes();
    bytes
        .next()
        .is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        && bytes.all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Reads a query string (`location.search`, with or without its `?`).
///
/// Unknown keys are ignored, a repeated key counts the first time (as
/// `URLSearchParams.get` does), and a bad value (an unknown view, a month
/// like `2004-13`, an id with capitals, invalid UTF-8) falls back to the
/// default. `+` reads as a space. Never panics.
///
/// # Example
/// ```
/// use iguren_calendar::views::route::{parse, View};
/// let s = parse("?view=list&month=2004-02&p=hojokin,kannai&q=%E3%82%BB");
/// assert_eq!(s.view, View::List);
/// # use iguren_calendar::{views::filter::ProjectSelection, model::month::Month};
/// assert_eq!(s.month, Month::new(2004, 2));
/// assert_eq!(s.projects, ProjectSelection::Only(vec!["hojokin".into(), "kannai".into()]));
/// assert_eq!(s.query, "セ");
/// ```
pub fn parse(query: &str) -> ViewState {
    let query = query.strip_prefix('?').unwrap_or(query);
    let mut state = ViewState::default();
    let mut seen: Vec<String> = Vec::new();
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let Some(key) = decode(key) else { continue };
        if seen.contains(&key) {
            continue;
        }
        let value = decode(value);
        match key.as_str() {
            "view" => {
                state.view = match value.as_deref() {
                    Some("list") => View::List,
                    _ => View::Month,
                }
            }
            "month" => state.month = value.as_deref().and_then(Month::parse),
            "p" => {
                state.projects = value.map_or(ProjectSelection::All, |v| {
                    let mut ids: Vec<String> = Vec::new();
                    for id in v.split(',').filter(|id| is_id(id)) {
                        if !ids.iter().any(|seen| seen == id) {
                            ids.push(id.to_owned());
                        }
                    }
                    ProjectSelection::Only(ids)
                })
            }
            "q" => state.query = value.unwrap_or_default(),
            "e" => state.event = value.filter(|id| is_id(id)),
            "past" => state.past = matches!(value.as_deref(), Some("1" | "true")),
            "src" => state.src = value.filter(|s| !s.is_empty()),
            _ => continue,
        }
        seen.push(key);
    }
    state
}

impl ViewState {
    /// The filter this state asks for: its projects and search text. The
    /// page and `examples/core_size.rs` both take it from here.
    pub fn filter(&self) -> Filter {
        Filter {
            projects: self.projects.clone(),
            query: self.query.clone(),
        }
    }
}

/// Writes the state as a query string, `?view=list&month=2004-02&…`, keys
/// in a fixed order, defaults left out; `""` for the default state.
///
/// # Example
/// ```
/// use iguren_calendar::views::route::{to_query, View, ViewState};
/// let s = ViewState {
///     view: View::List,
///     month: iguren_calendar::model::month::Month::new(2004, 2),
///     event: Some("kawasaki-salon-2004-02-25".into()),
///     query: "セ".into(),
///     ..ViewState::default()
/// };
/// assert_eq!(
///     to_query(&s),
///     "?view=list&month=2004-02&q=%E3%82%BB&e=kawasaki-salon-2004-02-25"
/// );
/// ```
pub fn to_query(state: &ViewState) -> String {
    let mut out = String::new();
    let mut put = |key: &str, encoded: &str| {
        out.push(if out.is_empty() { '?' } else { '&' });
        out.push_str(key);
        out.push('=');
        out.push_str(encoded);
    };
    if state.view == View::List {
        put("view", "list");
    }
    if let Some(month) = state.month {
        put("month", &month.to_string());
    }
    if let ProjectSelection::Only(ids) = &state.projects {
        // Ids never hold a comma, so the separator stays literal.
        let encoded: Vec<String> = ids.iter().map(|id| encode(id)).collect();
        put("p", &encoded.join(","));
    }
    if !state.query.is_empty() {
        put("q", &encode(&state.query));
    }
    if let Some(e) = &state.event {
        put("e", &encode(e));
    }
    if state.past {
        put("past", "1");
    }
    if let Some(src) = &state.src {
        put("src", &encode(src));
    }
    out
}

/// Checks a `src=` path: only a path on the same site is accepted, such as
/// `data/events-2005.json`, `./preview.json` or `/calendar/events.json`.
/// Returns the path to fetch.
///
/// # Errors
/// A message in Japanese and English when `src` is empty, names a scheme
/// (`https:`, `data:`, `javascript:`), starts with `//` (another host),
/// holds a backslash (which browsers read as `/`), or holds a control
/// character or a space (which browsers may strip to reveal one of these).
pub fn same_origin_src(src: &str) -> Result<String, Text> {
    const EMPTY: Text = Text::fixed(
        "読み込むデータのパスが空です。",
        "The path of the data to load is empty.",
    );
    const OTHER_SITE: Text = Text::fixed(
        "ほかのサイトのデータは読み込めません。このサイト内の相対パスを指定してください。",
        "Data from another site cannot be loaded; give a path on this site.",
    );
    if src.is_empty() {
        return Err(EMPTY);
    }
    let path_part = src.split(['?', '#']).next().unwrap_or("");
    let before_slash = path_part.split('/').next().unwrap_or("");
    if src.starts_with("//")
        || src.contains('\\')
        || src.chars().any(|c| c.is_control() || c.is_whitespace())
        || before_slash.contains(':')
    {
        return Err(OTHER_SITE);
    }
    Ok(src.to_owned())
}

/// The editor page's address (relative to the member page) that opens
/// the data file the member page read from `path` (`events.json`, a
/// month file, a `src=` preview): `edit/` for the site's own file, which
/// the editor opens by default, else `edit/?src=` with the path as seen
/// from the editor's folder.
pub fn editor_link(path: &str) -> String {
    match path {
        "events.json" | "./events.json" => "edit/".to_string(),
        absolute if absolute.starts_with('/') => format!("edit/?src={}", encode(absolute)),
        relative => format!("edit/?src=../{}", encode(relative)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::text::Lang;
    use proptest::prelude::*;

    #[test]
    fn the_design_example() {
        let s = parse(
            "?view=list&month=2004-02&p=hojokin,kannai&q=%E3%82%BB&e=kawasaki-salon-2004-02-25",
        );
        assert_eq!(
            s,
            ViewState {
                view: View::List,
                month: Month::new(2004, 2),
                projects: ProjectSelection::Only(vec!["hojokin".into(), "kannai".into()]),
                query: "セ".into(),
                event: Some("kawasaki-salon-2004-02-25".into()),
                past: false,
                src: None,
            }
        );
        assert_eq!(
            to_query(&s),
            "?view=list&month=2004-02&p=hojokin,kannai&q=%E3%82%BB&e=kawasaki-salon-2004-02-25"
        );
    }

    #[test]
    fn defaults_are_left_out() {
        assert_eq!(to_query(&ViewState::default()), "");
        assert_eq!(parse(""), ViewState::default());
        assert_eq!(parse("?"), ViewState::default());
        let past = ViewState {
            past: true,
            ..ViewState::default()
        };
        assert_eq!(to_query(&past), "?past=1");
        let none = ViewState {
            projects: ProjectSelection::Only(vec![]),
            ..ViewState::default()
        };
        assert_eq!(to_query(&none), "?p=");
        assert_eq!(parse("?p="), none);
        assert_eq!(parse("p").projects, ProjectSelection::Only(vec![]));
    }

    #[test]
    fn bad_values_fall_back_silently() {
        let s = parse("?view=week&month=2004-13&e=Bad_Id&past=maybe&zzz=1&src=");
        assert_eq!(s, ViewState::default());
        for month in [
            "2004",
            "04-02",
            "2004-002",
            "2004-0",
            "２００４-02",
            "2004-+2",
            "-200-02",
        ] {
            assert_eq!(parse(&format!("month={month}")).month, None, "{month}");
        }
        assert_eq!(parse("month=2004-2").month, Month::new(2004, 2));
        assert_eq!(parse("month=0099-12").month, Month::new(99, 12));
        // Bad ids in a project list are dropped, repeats kept once; the
        // value is decoded before it is split, so `%2C` separates too.
        assert_eq!(
            parse("p=hojokin,,Kannai,a%2Cb,hojokin,-x,kannai,%E3%82%BB").projects,
            ProjectSelection::Only(vec![
                "hojokin".into(),
                "a".into(),
                "b".into(),
                "kannai".into()
            ])
        );
        // Invalid UTF-8 and lone percents.
        assert_eq!(parse("q=%FF%FE").query, "");
        assert_eq!(parse("q=100%").query, "100%");
        assert_eq!(parse("q=%E3%82").query, "");
        assert_eq!(parse("q=%zz%4").query, "%zz%4");
        // The first of repeated keys wins, even when its value is bad.
        assert_eq!(parse("view=list&view=month").view, View::List);
        assert_eq!(parse("month=x&month=2004-02").month, None);
        assert!(parse("past=true").past);
        assert!(!parse("past=0").past);
    }

    #[test]
    fn plus_and_spaces() {
        assert_eq!(parse("q=a+b").query, "a b");
        assert_eq!(parse("q=a%2Bb").query, "a+b");
        let s = ViewState {
            query: "a+b c　ｄ".into(),
            ..ViewState::default()
        };
        let q = to_query(&s);
        assert_eq!(q, "?q=a%2Bb%20c%E3%80%80%EF%BD%84");
        assert_eq!(parse(&q), s);
    }

    #[test]
    fn src_round_trips_and_is_checked_apart() {
        assert_eq!(editor_link("events.json"), "edit/");
        assert_eq!(
            editor_link("months/2004-05.json"),
            "edit/?src=../months/2004-05.json"
        );
        assert_eq!(editor_link("/cal/a b.json"), "edit/?src=/cal/a%20b.json");
        let s = parse("?src=data/big%20file.json");
        assert_eq!(s.src.as_deref(), Some("data/big file.json"));
        assert_eq!(to_query(&s), "?src=data/big%20file.json");
        // Parsing keeps a foreign src so the app can say why it refuses it.
        assert_eq!(
            parse("src=https%3A%2F%2Fevil.example%2Fx.json")
                .src
                .as_deref(),
            Some("https://evil.example/x.json")
        );
    }

    #[test]
    fn same_origin_paths() {
        for ok in [
            "events.json",
            "data/events-2005.json",
            "./preview.json",
            "../events.json",
            "/calendar/events.json",
            "bench/10k.json?v=2",
            "data/a:b.json",
        ] {
            assert_eq!(same_origin_src(ok), Ok(ok.to_owned()), "{ok}");
        }
        for bad in [
            "https://evil.example/x.json",
            "http:x.json",
            "HTTPS://evil.example",
            "//evil.example/x.json",
            "/\\evil.example/x.json",
            "\\\\evil.example\\x",
            "javascript:alert(1)",
            "data:application/json,{}",
            "/\t/evil.example",
            " //evil.example",
            "blob:https://x/y",
        ] {
            let err = same_origin_src(bad).unwrap_err();
            assert!(err.get(Lang::Ja).contains("ほかのサイト"), "{bad}");
            assert!(err.get(Lang::En).contains("another site"), "{bad}");
        }
        assert_eq!(
            same_origin_src(""),
            Err(Text::fixed(
                "読み込むデータのパスが空です。",
                "The path of the data to load is empty."
            ))
        );
    }

    #[test]
    fn the_filter_of_a_state() {
        let s = parse("?p=hojokin&q=%E3%82%BB&view=list");
        assert_eq!(
            s.filter(),
            Filter {
                projects: ProjectSelection::Only(vec!["hojokin".into()]),
                query: "セ".into(),
            }
        );
        assert_eq!(ViewState::default().filter(), Filter::default());
    }

    fn id() -> impl Strategy<Value = String> {
        "[a-z0-9][a-z0-9-]{0,12}"
    }

    fn state() -> impl Strategy<Value = ViewState> {
        (
            any::<bool>(),
            proptest::option::of((0i32..=9999, 1u32..=12)),
            proptest::option::of(proptest::collection::btree_set(id(), 0..4)),
            any::<String>(),
            proptest::option::of(id()),
            any::<bool>(),
            proptest::option::of(any::<String>().prop_filter("non-empty", |s| !s.is_empty())),
        )
            .prop_map(
                |(list, month, projects, query, event, past, src)| ViewState {
                    view: if list { View::List } else { View::Month },
                    month: month.and_then(|(y, m)| Month::new(y, m)),
                    projects: projects.map_or(ProjectSelection::All, |set| {
                        ProjectSelection::Only(set.into_iter().collect())
                    }),
                    query,
                    event,
                    past,
                    src,
                },
            )
    }

    proptest! {
        #[test]
        fn round_trip(s in state()) {
            prop_assert_eq!(parse(&to_query(&s)), s);
        }

        #[test]
        fn parse_never_panics(q in any::<String>()) {
            let _ = parse(&q);
        }

        #[test]
        fn parse_never_panics_on_query_like_text(q in "[?&=%+a-z0-9,.\\-]{0,40}") {
            let s = parse(&q);
            // Whatever it read, writing it back reads the same again.
            prop_assert_eq!(parse(&to_query(&s)), s);
        }

        #[test]
        fn encoded_values_hold_only_safe_bytes(v in any::<String>()) {
            let e = encode(&v);
            prop_assert!(e.bytes().all(|b| b.is_ascii_alphanumeric() || b"-._~/%".contains(&b)));
            prop_assert_eq!(decode(&e), Some(v));
        }
    }
}
