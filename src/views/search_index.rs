//! The search index file (`months/search.txt`): what a search looks in
//! for every event of the merged catalogue, written by the build beside
//! the month files and read by the member page at its first search, so
//! that the filter panel's counts cover the whole data without loading
//! every month.
//!
//! A search matches an event when each term occurs in one of its fields
//! ([`event_fields`], and its project's name): a term holds no
//! whitespace, so it never spans two fields. The file therefore lists
//! each distinct field once, folded as [`crate::views::filter`] folds
//! (every run of whitespace one space), and each event as its project
//! (an index into the projects at the top) and the indices of its
//! fields: venues, speakers and descriptions shared by many events are
//! written and searched once. The counts are those of
//! [`Filter::project_counts`], with no checker and no JSON to read.
//!
//! ```text
//! iguren-search 2 2 4 3        (projects, fields, events)
//! nikkan→日韓交流 korea         (a project: id, folded name)
//! seminar→せみなー seminar
//! 日韓交流会                    (a field)
//! 横浜市中区
//! 補助金せみなー
//! 川崎市
//! 0→0 1                        (an event: project, its fields)
//! 1→2 1
//! 1→2 3
//! ```
//!
//! (→ is a tab.)
//!
//! [`Filter::project_counts`]: crate::views::filter::Filter::project_counts

use crate::model::text::Text;
use crate::model::Catalog;
use crate::views::filter::{event_fields, fold, Query};

/// Where the index lives, relative to the site.
pub const SEARCH_PATH: &str = "months/search.txt";

/// The first word of the file and its format's version.
const MAGIC: &str = "iguren-search 2";

/// The search index as the page reads it: the whole text, and where
/// each part of it is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchFile {
    text: String,
    /// Each project's id and folded name, in the catalogue's order.
    projects: Vec<(Span, Span)>,
    /// Each distinct field, folded.
    fields: Vec<Span>,
    /// Each event's project (index into `projects`) and its fields
    /// (`refs[a..b]`, indices into `fields`).
    events: Vec<(usize, Span)>,
    refs: Vec<usize>,
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

/// The index of `catalog`'s events, as the build writes it: the fields
/// most used first (the shortest indices), else in the order they first
/// occur, so the same catalogue gives the same bytes. An event whose
/// project is not in the catalogue is left out (no count shows it).
pub fn write(catalog: &Catalog) -> String {
    let mut known: std::collections::HashMap<String, usize> = Default::default();
    // Each distinct field and how many events use it.
    let mut fields: Vec<(String, usize)> = Vec::new();
    let mut events: Vec<(usize, Vec<usize>)> = Vec::with_capacity(catalog.events.len());
    for e in &catalog.events {
        let Some(p) = catalog.projects.iter().position(|p| p.id == e.project) else {
            continue;
        };
        let mut refs: Vec<usize> = Vec::new();
        for field in event_fields(e) {
            let mut folded = String::new();
            squeeze(&mut folded, field);
            if folded.is_empty() {
                continue;
            }
            let i = *known.entry(folded.clone()).or_insert_with(|| {
                fields.push((folded, 0));
                fields.len() - 1
            });
            if !refs.contains(&i) {
                fields[i].1 += 1;
                refs.push(i);
            }
        }
        events.push((p, refs));
    }
    let mut order: Vec<usize> = (0..fields.len()).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(fields[i].1), i));
    let mut rank = vec![0; fields.len()];
    for (r, &i) in order.iter().enumerate() {
        rank[i] = r;
    }
    let mut out = format!(
        "{MAGIC} {} {} {}\n",
        catalog.projects.len(),
        fields.len(),
        events.len()
    );
    for p in &catalog.projects {
        let mut name = String::new();
        squeeze(&mut name, &p.name.ja);
        squeeze(&mut name, p.name.en.as_deref().unwrap_or(""));
        // Ids hold no whitespace (the checker's id rule); be safe anyway.
        let id: String = p.id.split_whitespace().collect();
        out.push_str(&format!("{id}\t{name}\n"));
    }
    for &i in &order {
        out.push_str(&fields[i].0);
        out.push('\n');
    }
    for (p, refs) in events {
        let refs: Vec<String> = refs.iter().map(|&i| rank[i].to_string()).collect();
        out.push_str(&format!("{p}\t{}\n", refs.join(" ")));
    }
    out
}

impl SearchFile {
    /// Reads the index.
    ///
    /// # Errors
    /// In both languages, when `text` is not such an index (a wrong
    /// header, a count that does not match, an index out of range).
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
        let mut counts = [0usize; 3];
        let mut words = head.split(' ');
        if words.next() != Some("") {
            return Err(bad());
        }
        for n in &mut counts {
            *n = words.next().and_then(|w| w.parse().ok()).ok_or_else(bad)?;
        }
        let [projects, fields, events] = counts;
        let total = projects
            .checked_add(fields)
            .and_then(|n| n.checked_add(events));
        if words.next().is_some() || total != Some(rest.len()) {
            return Err(bad());
        }
        let tab = |(a, b): Span| -> Option<(Span, Span)> {
            let t = a + text[a..b].find('\t')?;
            Some(((a, t), (t + 1, b)))
        };
        let (named, rest) = rest.split_at(projects);
        let (distinct, rest) = rest.split_at(fields);
        for &line in named {
            file.projects.push(tab(line).ok_or_else(bad)?);
        }
        file.fields = distinct.to_vec();
        let index = |s: &str, below: usize| s.parse().ok().filter(|&i| i < below);
        for &line in rest {
            let (p, (a, b)) = tab(line).ok_or_else(bad)?;
            let p = index(&text[p.0..p.1], projects).ok_or_else(bad)?;
            let from = file.refs.len();
            if a < b {
                for f in text[a..b].split(' ') {
                    file.refs.push(index(f, fields).ok_or_else(bad)?);
                }
            }
            file.events.push((p, (from, file.refs.len())));
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
        let mut pass = vec![true; self.events.len()];
        // 64 terms at a time, one bit each: which terms each distinct
        // field and each project's name holds, then each event's union.
        for terms in query.terms().chunks(64) {
            let all = u64::MAX >> (64 - terms.len());
            let holds = |s: &str| {
                terms.iter().enumerate().fold(0u64, |m, (i, t)| {
                    m | (u64::from(s.contains(t.as_str())) << i)
                })
            };
            let fields: Vec<u64> = self.fields.iter().map(|&f| holds(self.at(f))).collect();
            let names: Vec<u64> = self
                .projects
                .iter()
                .map(|&(_, n)| holds(self.at(n)))
                .collect();
            for (ok, &(p, (a, b))) in pass.iter_mut().zip(&self.events) {
                let refs = self.refs.get(a..b).unwrap_or(&[]);
                let found = refs.iter().fold(names[p], |m, &f| m | fields[f]);
                *ok &= found == all;
            }
        }
        let mut found = vec![0usize; self.projects.len()];
        for (&ok, &(p, _)) in pass.iter().zip(&self.events) {
            found[p] += usize::from(ok);
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
        let head: Vec<usize> = text.lines().next().unwrap()["iguren-search 2 ".len()..]
            .split(' ')
            .map(|n| n.parse().unwrap())
            .collect();
        assert_eq!(head[0], c.projects.len());
        assert_eq!(head[2], c.events.len());
        assert_eq!(text.lines().count(), 1 + head[0] + head[1] + head[2]);
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
    fn a_field_shared_by_many_events_is_written_once() {
        let c = load(&crate::load::generate::events_json(1000, 7)).catalog;
        let text = write(&c);
        let venue = c.events[0].venue.as_ref().unwrap().name.clone().unwrap();
        let lines = text.lines().filter(|l| *l == fold(&venue)).count();
        assert_eq!(lines, 1, "{venue}");
        // More than 64 terms are counted as well (64 to a word of bits).
        let ids: Vec<&str> = c.projects.iter().map(|p| p.id.as_str()).collect();
        let many = vec![c.events[0].title.ja.to_string(); 70].join(" ");
        let mut more = many.clone();
        more.push_str(" 存在しない語");
        agrees(&c, &[many.as_str(), more.as_str()]);
        let file = SearchFile::parse(text).unwrap();
        assert!(file.project_counts(&many, &ids).iter().sum::<usize>() > 0);
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        let good = write(&load(include_str!("../../public/events.json")).catalog);
        let mut cut = good.clone();
        cut.pop();
        let lines: Vec<&str> = good.lines().collect();
        let without_one = lines[..lines.len() - 1].join("\n") + "\n";
        let head = lines[0];
        let body = lines[1..lines.len() - 1].join("\n");
        let far_project = format!("{head}\n{body}\n99\t0\n");
        let far_field = format!("{head}\n{body}\n0\t0 99999\n");
        for text in [
            String::new(),
            "\n".into(),
            "<!doctype html><p>not found</p>\n".into(),
            "iguren-search 1 0 0\n".into(),
            "iguren-search 2\n".into(),
            "iguren-search 2 1 0\n".into(),
            "iguren-search 2 0 0 0 0\n".into(),
            "iguren-search 2  0 0 0\n".into(),
            "iguren-search 2 0 0 1\n0\t\n".into(),
            "iguren-search 2 1 1 1\np\tname\nx\n-1\t0\n".into(),
            "iguren-search 2 1 1 1\np\tname\nx\n0 0\n".into(),
            "iguren-search 2 1 1 1\np\tname\nx\n0\t0  0\n".into(),
            "iguren-search 2 1 1 1\np\tname\nx\n0\t1\n".into(),
            "iguren-search 20 0 0 0\n".into(),
            "iguren-search 2 99999999999999999999 0 0\n".into(),
            "iguren-search 2 18446744073709551615 1 1\n".into(),
            cut,
            without_one,
            far_project,
            far_field,
        ] {
            assert!(SearchFile::parse(text.clone()).is_err(), "{text:?}");
        }
        let empty = SearchFile::parse("iguren-search 2 0 0 0\n".into()).unwrap();
        assert!(empty.is_empty());
        assert_eq!(empty.project_counts("x", &["p"]), [0]);
        let bare = SearchFile::parse("iguren-search 2 1 0 1\np\tname\n0\t\n".into()).unwrap();
        assert_eq!(bare.project_counts("name", &["p"]), [1]);
        assert_eq!(bare.project_counts("x", &["p"]), [0]);
    }
}
