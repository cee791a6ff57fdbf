//! The search index file (`months/search.txt`): what a search looks in
//! for every event of the merged catalogue, written by the build beside
//! the month files and read by the member page at its first search, so
//! that the filter panel's counts cover the whole data without loading
//! every month.
//!
//! Each event is one line: its project (an index into the projects at the
//! top) and its [`searchable_text`] without the project's name, the
//! folding of [`crate::views::filter`] applied and every run of
//! whitespace made one space. A query's terms hold no whitespace, so a
//! term occurs in the searchable text exactly when it occurs in the
//! event's line or in its project's name (one line per project at the
//! top): the counts are those of [`Filter::project_counts`], with no
//! checker and no JSON to read.
//!
//! ```text
//! iguren-search 1 2 3
//! nikkan→日韓交流 korea
//! seminar→せみなー seminar
//! 0→日韓交流会 横浜市中区 ...
//! 1→補助金せみなー ...
//! 1→...
//! ```
//!
//! (→ is a tab.)
//!
//! [`searchable_text`]: crate::views::filter::searchable_text
//! [`Filter::project_counts`]: crate::views::filter::Filter::project_counts

use crate::model::text::Text;
use crate::model::Catalog;
use crate::views::filter::{event_fields, fold, Query};

/// Where the index lives, relative to the site.
pub const SEARCH_PATH: &str = "months/search.txt";

/// The first word of the file and its format's version.
const MAGIC: &str = "iguren-search 1";

/// The search index as the page reads it: the whole text and, per event,
/// its project and where its line is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchFile {
    text: String,
    /// Each project's id and folded name, in the catalogue's order.
    projects: Vec<(Span, Span)>,
    /// Each event's project (index into `projects`) and folded text.
    events: Vec<(usize, Span)>,
}

type Span = (usize, usize);

/// What the page has of the search index: fetched once, at the first
/// search while not every month is in.
#[derive(Debug, Default, PartialEq, Eq)]
pub enum SearchIndexState {
    /// Not needed yet.
    #[default]
    NotAsked,
    /// On its way.
    Asked,
    In(SearchFile),
    /// It could not be fetched or read: the page loads every month.
    Failed,
}

/// `text` folded for the file: every run of whitespace one space.
fn squeeze(out: &mut String, text: &str) {
    for word in fold(text).split_whitespace() {
        if !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
        out.push_str(word);
    }
}

/// The index of `catalog`'s events, as the build writes it. An event whose
/// project is not in the catalogue is left out (no count shows it).
pub fn write(catalog: &Catalog) -> String {
    let mut lines: Vec<String> = Vec::with_capacity(catalog.events.len());
    for e in &catalog.events {
        let Some(p) = catalog.projects.iter().position(|p| p.id == e.project) else {
            continue;
        };
        let mut line = String::new();
        for field in event_fields(e) {
            squeeze(&mut line, field);
        }
        lines.push(format!("{p}\t{line}"));
    }
    let mut out = format!("{MAGIC} {} {}\n", catalog.projects.len(), lines.len());
    for p in &catalog.projects {
        let mut name = String::new();
        squeeze(&mut name, &p.name.ja);
        squeeze(&mut name, p.name.en.as_deref().unwrap_or(""));
        // Ids hold no whitespace (the checker's id rule); be safe anyway.
        let id: String = p.id.split_whitespace().collect();
        out.push_str(&format!("{id}\t{name}\n"));
    }
    for line in lines {
        out.push_str(&line);
        out.push('\n');
    }
    out
}

impl SearchFile {
    /// Reads the index.
    ///
    /// # Errors
    /// In both languages, when `text` is not such an index (a wrong
    /// header, a count that does not match, a project out of range).
    pub fn parse(text: String) -> Result<SearchFile, Text> {
        let bad = || {
            Text::both(
                "months/search.txt を読めません",
                "months/search.txt cannot be read",
            )
        };
        let mut file = SearchFile::default();
        let mut lines = Vec::new();
        let mut start = 0;
        for (i, b) in text.bytes().enumerate() {
            if b == b'\n' {
                lines.push((start, i));
                start = i + 1;
            }
        }
        if start != text.len() {
            return Err(bad());
        }
        let (&(a, b), rest) = lines.split_first().ok_or_else(bad)?;
        let head = text[a..b].strip_prefix(MAGIC).ok_or_else(bad)?;
        let counts: Vec<usize> = head
            .split(' ')
            .skip(1)
            .map(str::parse)
            .collect::<Result<_, _>>()
            .map_err(|_| bad())?;
        let [projects, events] = counts[..] else {
            return Err(bad());
        };
        if !head.starts_with(' ') || rest.len() != projects.checked_add(events).ok_or_else(bad)? {
            return Err(bad());
        }
        let tab = |(a, b): Span| -> Option<(Span, Span)> {
            let t = a + text[a..b].find('\t')?;
            Some(((a, t), (t + 1, b)))
        };
        for &line in &rest[..projects] {
            file.projects.push(tab(line).ok_or_else(bad)?);
        }
        for &line in &rest[projects..] {
            let (p, words) = tab(line).ok_or_else(bad)?;
            let p: usize = text[p.0..p.1].parse().map_err(|_| bad())?;
            if p >= projects {
                return Err(bad());
            }
            file.events.push((p, words));
        }
        file.text = text;
        Ok(file)
    }

    /// How many events the index holds.
    pub fn len(&self) -> usize {
        self.events.len()
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
    }

    fn at(&self, (a, b): Span) -> &str {
        self.text.get(a..b).unwrap_or("")
    }

    /// For each of `projects` (ids, in the page's order), how many events
    /// of the whole data match the search text `query`: the answer of
    /// [`crate::views::filter::Filter::project_counts`] over every event
    /// (0 for a project the index does not know).
    pub fn project_counts(&self, query: &str, projects: &[&str]) -> Vec<usize> {
        let query = Query::new(query);
        let terms = query.terms();
        // Which terms each project's name holds: those need not be in the
        // event's own text.
        let named: Vec<Vec<bool>> = self
            .projects
            .iter()
            .map(|&(_, name)| {
                terms
                    .iter()
                    .map(|t| self.at(name).contains(t.as_str()))
                    .collect()
            })
            .collect();
        let mut found = vec![0usize; self.projects.len()];
        for &(p, words) in &self.events {
            let text = self.at(words);
            if terms
                .iter()
                .zip(&named[p])
                .all(|(t, &in_name)| in_name || text.contains(t.as_str()))
            {
                found[p] += 1;
            }
        }
        projects
            .iter()
            .map(|id| {
                self.projects
                    .iter()
                    .position(|&(p, _)| self.at(p) == *id)
                    .map_or(0, |i| found[i])
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load;
    use crate::views::filter::{Filter, ProjectSelection};

    const QUERIES: [&str; 14] = [
        "",
        " 　",
        "セミナー",
        "せみなー",
        "ｾﾐﾅｰ 川崎",
        "ksp",
        "ＫＳＰ 3階",
        "Korea",
        "韓国 交流",
        "報告",
        "例会 korea",
        "2階",
        "存在しない語",
        "\n",
    ];

    /// The counts read from the written index are those of the whole
    /// catalogue, for every query.
    fn agrees(catalog: &Catalog, queries: &[&str]) {
        let file = SearchFile::parse(write(catalog)).unwrap();
        let ids: Vec<&str> = catalog.projects.iter().map(|p| p.id.as_str()).collect();
        for q in queries {
            let filter = Filter {
                projects: ProjectSelection::All,
                query: q.to_string(),
            };
            let want: Vec<usize> = filter
                .project_counts(catalog)
                .into_iter()
                .map(|(_, n)| n)
                .collect();
            assert_eq!(file.project_counts(q, &ids), want, "{q:?}");
        }
    }

    #[test]
    fn the_shipped_data_counts_as_the_whole_catalogue() {
        let c = load(include_str!("../../public/events.json")).catalog;
        agrees(&c, &QUERIES);
        // Some query finds something, some find nothing.
        let file = SearchFile::parse(write(&c)).unwrap();
        let ids: Vec<&str> = c.projects.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(file.len(), c.events.len());
        assert_eq!(file.project_counts("ｾﾐﾅｰ", &ids).iter().sum::<usize>(), 4);
        assert_eq!(
            file.project_counts("存在しない語", &ids)
                .iter()
                .sum::<usize>(),
            0
        );
        // In another order, and with a project the index does not know.
        let mut other = ids.clone();
        other.reverse();
        other.push("gone");
        let mut counts = file.project_counts("", &ids);
        counts.reverse();
        counts.push(0);
        assert_eq!(file.project_counts("", &other), counts);
    }

    #[test]
    fn generated_data_counts_as_the_whole_catalogue() {
        let c = load(&crate::load::generate::events_json(1000, 7)).catalog;
        assert_eq!(c.events.len(), 1000);
        let file = SearchFile::parse(write(&c)).unwrap();
        assert_eq!(file.len(), 1000);
        // A word of a title, of a venue, of a project's name, from the data.
        let e = &c.events[123];
        let title = e.title.ja.split_whitespace().next().unwrap_or("");
        let venue = e
            .venue
            .as_ref()
            .and_then(|v| v.name.clone())
            .unwrap_or_default();
        let project = c.project(&e.project).unwrap().name.ja.to_string();
        let mixed = format!("{title} {project}");
        let mut queries = QUERIES.to_vec();
        queries.extend([title, venue.as_str(), project.as_str(), mixed.as_str()]);
        agrees(&c, &queries);
        let ids: Vec<&str> = c.projects.iter().map(|p| p.id.as_str()).collect();
        assert!(file.project_counts(&mixed, &ids).iter().sum::<usize>() > 0);
    }

    #[test]
    fn writing_twice_gives_the_same_bytes_and_one_line_per_event() {
        let c = load(include_str!("../../public/events.json")).catalog;
        let text = write(&c);
        assert_eq!(write(&c), text);
        assert_eq!(text.lines().count(), 1 + c.projects.len() + c.events.len());
        assert!(text.starts_with("iguren-search 1 "), "{text}");
        // No term spans two fields: they are apart.
        let ids: Vec<&str> = c.projects.iter().map(|p| p.id.as_str()).collect();
        let file = SearchFile::parse(text).unwrap();
        assert_eq!(
            file.project_counts("センター2階", &ids)
                .iter()
                .sum::<usize>(),
            0
        );
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        let good = write(&load(include_str!("../../public/events.json")).catalog);
        let mut cut = good.clone();
        cut.pop();
        let lines: Vec<&str> = good.lines().collect();
        let without_one = lines[..lines.len() - 1].join("\n") + "\n";
        let head = lines[0];
        let far_project = format!("{head}\n{}\n99\tx\n", lines[1..lines.len() - 1].join("\n"));
        for text in [
            String::new(),
            "\n".into(),
            "<!doctype html><p>not found</p>\n".into(),
            "iguren-search 1\n".into(),
            "iguren-search 1 1\n".into(),
            "iguren-search 1 0 1\n0\tx\n".into(),
            "iguren-search 1 1 1\np\tname\n-1\tx\n".into(),
            "iguren-search 1 1 1\np\tname\n0 x\n".into(),
            "iguren-search 10 0 0\n".into(),
            "iguren-search 1 99999999999999999999 0\n".into(),
            "iguren-search 1 18446744073709551615 1\n".into(),
            cut,
            without_one,
            far_project,
        ] {
            assert!(SearchFile::parse(text.clone()).is_err(), "{text:?}");
        }
        let empty = SearchFile::parse("iguren-search 1 0 0\n".into()).unwrap();
        assert!(empty.is_empty());
        assert_eq!(empty.project_counts("x", &["p"]), [0]);
    }
}
