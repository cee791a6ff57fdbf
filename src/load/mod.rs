//! Loading `events.json`: JSON text in, a [`Catalog`] and every problem out.
//!
//! [`load`] never stops at the first problem and never panics. A syntax
//! error ends parsing (nothing after it can be trusted); otherwise every
//! project and event is checked on its own, the valid ones are kept, and
//! each problem becomes a [`Diagnostic`] with line, column, JSON path and a
//! message in Japanese and English. The editor page and the maintainer
//! tool call this one function; the member page reads the build's
//! output with [`lean::decode`], which keeps the same entries and only
//! counts the others.
//!
//! # Example
//! ```
//! let text = r##"{"site": {"name": "例", "domain": "example.jp"},
//!   "projects": [{"id": "p", "name": "P", "color": "#123456"}],
//!   "events": [{"id": "e", "project": "p", "title": "会", "start": "2004-02-30"}]}"##;
//! let loaded = iguren_calendar::load::load(text);
//! assert_eq!(loaded.catalog.events.len(), 0);
//! assert_eq!(loaded.diagnostics[0].path, "/events/0/start");
//! assert_eq!(loaded.diagnostics[0].message.get(iguren_calendar::model::text::Lang::En), "2004-02-30 is not a real date");
//! ```

/// A problem's message, `says!(ja, en)`: both languages, as
/// [`Text::both`]. Without the `messages` feature (the member page's
/// build, see `index.html`) the words are not compiled in at all: the
/// message is empty and [`diagnostics`] shows the text at the problem's
/// place instead, and the checks that [`lean`] shares carry none of the
/// checker's catalogue into the page. Arguments are not evaluated
/// then, so a variable used only in a message is unused there.
#[cfg(feature = "messages")]
macro_rules! says {
    ($ja:expr, $en:expr $(,)?) => {
        $crate::model::text::Text::both($ja, $en)
    };
}
#[cfg(not(feature = "messages"))]
macro_rules! says {
    ($ja:expr, $en:expr $(,)?) => {
        $crate::model::text::Text::default()
    };
}

pub(crate) use says;

#[cfg_attr(not(feature = "messages"), allow(unused_variables, unused_imports))]
mod catalog;
mod escape;
#[cfg(not(target_arch = "wasm32"))]
pub mod generate;
pub mod json;
pub mod lean;
#[cfg_attr(not(feature = "messages"), allow(unused_variables, unused_imports))]
mod scalar;
#[cfg_attr(not(feature = "messages"), allow(unused_variables, unused_imports))]
mod sources;
#[cfg_attr(not(feature = "messages"), allow(unused_variables, unused_imports))]
mod walk;

pub use catalog::FIELDS;
pub use escape::escape_json;
use scalar::escape_controls_owned;
pub use scalar::{
    check_color, check_domain, check_id, check_repository, check_url, edit_distance,
    escape_controls, parse_date, parse_instant, Problem,
};
pub use sources::{LoadedSources, SOURCE_FIELDS};

use crate::model::text::{Lang, Text};
use crate::model::Catalog;
use std::fmt;

/// One problem in the data file: where and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
    /// JSON Pointer to the value, e.g. `/events/3/end` (`""` is the root).
    pub path: String,
    /// What is wrong, in Japanese and English (both always there).
    pub message: Text,
}

impl Diagnostic {
    /// Where the problem is: `LINE:COL: /path` (`/` for the root).
    pub fn place(&self) -> String {
        let path = if self.path.is_empty() {
            "/"
        } else {
            &self.path
        };
        format!("{}:{}: {path}", self.line, self.column)
    }
}

impl fmt::Display for Diagnostic {
    /// `LINE:COL: /path: 日本語 / English`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} / {}",
            self.place(),
            self.message.ja,
            self.message.get(Lang::En)
        )
    }
}

/// What [`load`] found: the valid part of the data, and every problem.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Loaded {
    pub catalog: Catalog,
    pub diagnostics: Vec<Diagnostic>,
}

impl Loaded {
    pub fn is_valid(&self) -> bool {
        self.diagnostics.is_empty()
    }
}

/// The bytes of an events file as text, or where they stop being UTF-8,
/// as `"ja / en"`. The maintainer tool and the page both say it this way.
///
/// # Errors
/// The message naming the first byte that is not UTF-8.
pub fn utf8(bytes: Vec<u8>) -> Result<String, String> {
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        format!(
            "バイト {at} からが UTF-8 ではありません。UTF-8 で保存してください / not UTF-8 from byte {at}: save the file as UTF-8"
        )
    })
}

/// Reads the text of an events file.
///
/// Events and projects with problems are left out of the catalogue and
/// reported; everything valid is kept. Diagnostics come in file order,
/// each on one line: control characters and line breaks from the file are
/// shown escaped (`\n`, `\u001b`) in the path and the messages.
pub fn load(text: &str) -> Loaded {
    match json::parse(text) {
        Err(e) => Loaded {
            catalog: Catalog::default(),
            diagnostics: vec![syntax_error(text, &e)],
        },
        Ok(root) => {
            let (catalog, problems) = catalog::catalog(&root);
            Loaded {
                catalog,
                diagnostics: diagnostics(text, problems),
            }
        }
    }
}

/// Problems found in `text`, located and made one line each.
fn diagnostics(text: &str, mut problems: Vec<walk::Found>) -> Vec<Diagnostic> {
    // In file order, so that columns are counted in one pass over
    // each line: a one-line file with thousands of problems costs
    // its length once, not once per problem.
    crate::model::order::sort_by_key(&mut problems, |p| p.at);
    let mut lines = LineIndex::new(text);
    problems
        .into_iter()
        .map(|p| {
            let (line, column) = lines.locate(text, p.at);
            Diagnostic {
                line,
                column,
                path: escape_controls_owned(p.path),
                #[cfg(feature = "messages")]
                message: one_line(p.message),
                #[cfg(not(feature = "messages"))]
                message: at_place(text, p.at),
            }
        })
        .collect()
}

/// What a diagnostic says without the `messages` feature: the text of
/// the file from the problem's place to the end of its line, quoted,
/// escaped and cut as a message quotes a value ([`scalar::shown`]).
#[cfg(not(feature = "messages"))]
fn at_place(text: &str, at: usize) -> Text {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    // Only what can be shown is looked at: a one-line file of 10 MB
    // with thousands of problems must not be scanned once per problem.
    let rest = &text[at..];
    let end = rest
        .char_indices()
        .take(scalar::SHOWN_CHARS + 1)
        .find(|&(_, c)| c == '\n' || c == '\r')
        .map_or(rest.len(), |(i, _)| i);
    Text::new(format!("「{}」", scalar::shown(&rest[..end])))
}

/// A syntax error as the one diagnostic of a file.
fn syntax_error(text: &str, e: &json::SyntaxError) -> Diagnostic {
    let (line, column) = LineIndex::new(text).locate(text, e.at);
    Diagnostic {
        line,
        column,
        path: String::new(),
        #[cfg(feature = "messages")]
        message: Text::both(
            format!("JSONの書き方の誤り: {}", e.ja),
            format!("JSON syntax error: {}", e.en),
        ),
        #[cfg(not(feature = "messages"))]
        message: Text::new(format!(
            "JSONの書き方の誤り / JSON syntax error: {}",
            at_place(text, e.at).ja
        )),
    }
}

/// Reads `sources.json`, the other calendars to merge into ours (see
/// [`crate::sources`]), checking each against `catalog` (a source's
/// `project` must be one of its projects, and its id none of them).
/// As [`load`]: every problem, the valid sources kept.
pub fn load_sources(text: &str, catalog: &Catalog) -> LoadedSources {
    match json::parse(text) {
        Err(e) => LoadedSources {
            sources: Vec::new(),
            diagnostics: vec![syntax_error(text, &e)],
        },
        Ok(root) => {
            let (sources, problems) = sources::sources(&root, catalog);
            LoadedSources {
                sources,
                diagnostics: diagnostics(text, problems),
            }
        }
    }
}

/// A message with anything that could break its line escaped.
#[cfg(feature = "messages")]
fn one_line(message: Text) -> Text {
    let escape = |part: std::borrow::Cow<'static, str>| match part {
        // The program's own words need no escaping.
        std::borrow::Cow::Borrowed(s) => std::borrow::Cow::Borrowed(s),
        std::borrow::Cow::Owned(s) => std::borrow::Cow::Owned(escape_controls_owned(s)),
    };
    Text {
        ja: escape(message.ja),
        en: message.en.map(escape),
    }
}

/// Byte offsets of line starts, to turn an offset into line and column.
/// It remembers the last place it counted to, so offsets asked in
/// increasing order are counted from there rather than from the line start.
struct LineIndex {
    starts: Vec<usize>,
    /// The last offset located, its line (0-based) and column (0-based).
    last: (usize, usize, usize),
}

impl LineIndex {
    fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineIndex {
            starts,
            last: (0, 0, 0),
        }
    }

    /// 1-based line and column (in characters, a byte order mark not
    /// counted) of the byte offset `at`.
    fn locate(&mut self, text: &str, at: usize) -> (usize, usize) {
        let mut at = at.min(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= at) - 1;
        let (from, base) = match self.last {
            (last_at, last_line, column) if last_line == line && last_at <= at => (last_at, column),
            _ => (self.starts[line], 0),
        };
        let column = base + text[from..at].chars().filter(|&c| c != '\u{feff}').count();
        self.last = (at, line, column);
        (line + 1, column + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_lines_and_character_columns() {
        let text = "{\n  \"名前\": x}";
        let mut idx = LineIndex::new(text);
        let at = text.find('x').unwrap();
        assert_eq!(idx.locate(text, at), (2, 9));
        assert_eq!(idx.locate(text, 0), (1, 1));
        // In order along one line, each counted from the one before.
        let one = "\u{feff}{\"日本\": [1, 2, \"語\"]}";
        let mut idx = LineIndex::new(one);
        let last_quote = one.rfind('"').unwrap();
        for (want, at) in [(2, one.find('"')), (8, one.find('[')), (12, one.find('2'))] {
            assert_eq!(idx.locate(one, at.unwrap()), (1, want));
        }
        assert_eq!(idx.locate(one, last_quote), (1, 17));
        // Asked out of order, it counts from the line start again.
        assert_eq!(idx.locate(one, one.find('1').unwrap()), (1, 9));
    }

    #[test]
    fn names_the_first_byte_that_is_not_utf8() {
        assert_eq!(utf8(b"ok".to_vec()).unwrap(), "ok");
        assert!(utf8(b"{\"a\": \"\xe9\"}".to_vec())
            .unwrap_err()
            .ends_with("not UTF-8 from byte 7: save the file as UTF-8"));
    }

    #[test]
    fn syntax_error_is_one_diagnostic_at_its_place() {
        let d = &load("{\n  \"site\": ,\n}").diagnostics;
        assert_eq!(d.len(), 1);
        assert_eq!((d[0].line, d[0].column), (2, 11));
        assert_eq!(
            d[0].message.get(Lang::En),
            "JSON syntax error: expected a JSON value"
        );
    }
}
