//! Which events to show: the project checkboxes and the search box.
//!
//! A [`Filter`] keeps an event when its project is selected and every
//! whitespace-separated term of the query occurs somewhere in its text:
//! title (both languages), venue name, room and address, speakers and their
//! affiliations, programme titles and speakers, description, and the
//! project's name. Text is compared after [`fold`]ing, a small NFKC-like
//! normalisation that makes the search blind to ASCII case, to full-width
//! versus half-width forms (`ＫＳＰ` = `ksp`, `ｾﾐﾅｰ` = `セミナー`) and to
//! katakana versus hiragana (`せみなー` = `セミナー`). No Unicode tables are
//! pulled in: the folding is a few ranges and one 63-character table.

use crate::model::{Catalog, Event};

/// Which projects are ticked: the view state's `p=` and the filter's
/// first half.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum ProjectSelection {
    /// Every project (no `p=` in the URL), including any added later.
    #[default]
    All,
    /// Exactly these project ids, in the order given (`p=a,b`); none when
    /// empty (`p=`).
    Only(Vec<String>),
}

impl ProjectSelection {
    /// Whether project `id` is ticked.
    pub fn contains(&self, id: &str) -> bool {
        match self {
            ProjectSelection::All => true,
            ProjectSelection::Only(ids) => ids.iter().any(|p| p == id),
        }
    }

    /// The project, when exactly one is ticked.
    pub fn single(&self) -> Option<&str> {
        match self {
            ProjectSelection::Only(ids) if ids.len() == 1 => Some(&ids[0]),
            _ => None,
        }
    }

    /// The selection after ticking (`on`) or unticking project `id` of
    /// `catalog`: ticked ids in catalogue order, and [`All`] when every
    /// project of the catalogue ends up ticked.
    ///
    /// [`All`]: ProjectSelection::All
    pub fn toggled(&self, catalog: &Catalog, id: &str, on: bool) -> ProjectSelection {
        let picked: Vec<String> = catalog
            .projects
            .iter()
            .filter(|p| if p.id == id { on } else { self.contains(&p.id) })
            .map(|p| p.id.clone())
            .collect();
        if picked.len() == catalog.projects.len() {
            ProjectSelection::All
        } else {
            ProjectSelection::Only(picked)
        }
    }
}

/// The project selection and search text of the view.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filter {
    /// The projects to show.
    pub projects: ProjectSelection,
    /// What the user typed in the search box.
    pub query: String,
}

impl Filter {
    /// Whether `event` passes the filter. Folds the query on each call: to
    /// test many events, use [`Filter::select`] or a [`Query`].
    pub fn matches(&self, event: &Event, catalog: &Catalog) -> bool {
        self.project_selected(&event.project) && Query::new(&self.query).matches(event, catalog)
    }

    /// Whether events of project `id` are shown.
    pub fn project_selected(&self, id: &str) -> bool {
        self.projects.contains(id)
    }

    /// Indices of the catalogue's events that pass, in catalogue order.
    /// Folds every event's text: for repeated searches over the same
    /// catalogue, [`Filter::select_indexed`] compares prepared texts.
    pub fn select(&self, catalog: &Catalog) -> Vec<usize> {
        let query = Query::new(&self.query);
        self.select_by(catalog, |_, e| query.matches(e, catalog))
    }

    /// [`Filter::select`] with the texts of `index` (made from `catalog`).
    pub fn select_indexed(&self, catalog: &Catalog, index: &SearchIndex) -> Vec<usize> {
        let query = Query::new(&self.query);
        self.select_by(catalog, |i, _| query.matches_text(index.text(i)))
    }

    fn select_by(&self, catalog: &Catalog, found: impl Fn(usize, &Event) -> bool) -> Vec<usize> {
        catalog
            .events
            .iter()
            .enumerate()
            .filter(|&(i, e)| self.project_selected(&e.project) && found(i, e))
            .map(|(i, _)| i)
            .collect()
    }

    /// For each project of the catalogue, in catalogue order, how many
    /// events match the search text, whether or not the project is ticked
    /// (the number shown beside each checkbox).
    pub fn project_counts<'a>(&self, catalog: &'a Catalog) -> Vec<(&'a str, usize)> {
        let query = Query::new(&self.query);
        count_by(catalog, |_, e| query.matches(e, catalog))
    }

    /// [`Filter::project_counts`] with the texts of `index`.
    pub fn project_counts_indexed<'a>(
        &self,
        catalog: &'a Catalog,
        index: &SearchIndex,
    ) -> Vec<(&'a str, usize)> {
        let query = Query::new(&self.query);
        count_by(catalog, |i, _| query.matches_text(index.text(i)))
    }
}

fn count_by(catalog: &Catalog, found: impl Fn(usize, &Event) -> bool) -> Vec<(&str, usize)> {
    let mut counts: Vec<(&str, usize)> = catalog
        .projects
        .iter()
        .map(|p| (p.id.as_str(), 0))
        .collect();
    for (i, event) in catalog.events.iter().enumerate() {
        if let Some(slot) = counts.iter_mut().find(|(id, _)| *id == event.project) {
            if found(i, event) {
                slot.1 += 1;
            }
        }
    }
    counts
}

/// The events a filter keeps: their indices in catalogue order (for the
/// list and the `.ics` download) and a mask by index (for the grid's
/// `keep(i)`, which asks once per event of a week).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Selection {
    pub ids: Vec<usize>,
    pub keep: Vec<bool>,
}

impl Selection {
    /// The selection of `ids` (ascending, as [`Filter::select`] gives
    /// them) among `len` events; ids past `len` are left out of the mask.
    pub fn new(ids: Vec<usize>, len: usize) -> Self {
        let mut keep = vec![false; len];
        for &i in &ids {
            if let Some(k) = keep.get_mut(i) {
                *k = true;
            }
        }
        Selection { ids, keep }
    }
}

/// Every event's [`searchable_text`], folded once: a search then only
/// compares. At 10,000 events folding is most of a keystroke's work.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchIndex {
    texts: Vec<String>,
}

impl SearchIndex {
    pub fn new(catalog: &Catalog) -> Self {
        SearchIndex {
            texts: catalog
                .events
                .iter()
                .map(|e| searchable_text(e, catalog))
                .collect(),
        }
    }

    /// The folded text of event `index` (empty for an index it lacks).
    pub fn text(&self, index: usize) -> &str {
        self.texts.get(index).map_or("", String::as_str)
    }
}

/// A [`SearchIndex`] made at the first search, not before: a page that is
/// never searched never folds the catalogue, and a blank query needs no
/// index. Its answers are those of [`Filter::select`] and
/// [`Filter::project_counts`].
#[derive(Debug, Default)]
pub struct LazySearch {
    index: std::cell::OnceCell<SearchIndex>,
}

impl LazySearch {
    /// [`Filter::select`] over `catalog` (always the same catalogue).
    pub fn select(&self, filter: &Filter, catalog: &Catalog) -> Vec<usize> {
        match self.index_for(filter, catalog) {
            Some(index) => filter.select_indexed(catalog, index),
            None => filter.select(catalog),
        }
    }

    /// [`Filter::project_counts`] over `catalog` (always the same one).
    pub fn project_counts<'a>(
        &self,
        filter: &Filter,
        catalog: &'a Catalog,
    ) -> Vec<(&'a str, usize)> {
        match self.index_for(filter, catalog) {
            Some(index) => filter.project_counts_indexed(catalog, index),
            None => filter.project_counts(catalog),
        }
    }

    /// Whether the index has been made.
    pub fn is_built(&self) -> bool {
        self.index.get().is_some()
    }

    /// The index, made now if need be, when `filter` searches for text.
    fn index_for(&self, filter: &Filter, catalog: &Catalog) -> Option<&SearchIndex> {
        (!filter.query.trim().is_empty())
            .then(|| self.index.get_or_init(|| SearchIndex::new(catalog)))
    }
}

/// A search text, folded and split into terms once.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    terms: Vec<String>,
}

impl Query {
    pub fn new(text: &str) -> Self {
        let folded = fold(text);
        Query {
            terms: folded.split_whitespace().map(str::to_owned).collect(),
        }
    }

    /// The folded terms, each without whitespace.
    pub fn terms(&self) -> &[String] {
        &self.terms
    }

    /// No terms: everything matches.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Whether every term occurs in the event's searchable text.
    pub fn matches(&self, event: &Event, catalog: &Catalog) -> bool {
        self.terms.is_empty() || self.matches_text(&searchable_text(event, catalog))
    }

    /// Whether every term occurs in `text`, a [`searchable_text`].
    pub fn matches_text(&self, text: &str) -> bool {
        self.terms.iter().all(|t| text.contains(t.as_str()))
    }
}

/// The folded text a search looks in, fields separated by newlines (so a
/// term never matches across two fields).
pub fn searchable_text(event: &Event, catalog: &Catalog) -> String {
    let mut fields = event_fields(event);
    if let Some(p) = catalog.project(&event.project) {
        fields.push(&p.name.ja);
        fields.extend(p.name.en.as_deref());
    }
    let mut out = String::with_capacity(fields.iter().map(|f| f.len() + 1).sum());
    for field in fields {
        fold_into(&mut out, field);
        out.push('\n');
    }
    out
}

/// The event's own fields that a search looks in, unfolded (its
/// project's name, the last field of [`searchable_text`], left out).
pub fn event_fields(event: &Event) -> Vec<&str> {
    let mut fields: Vec<&str> = vec![&event.title.ja];
    fields.extend(event.title.en.as_deref());
    if let Some(v) = &event.venue {
        fields.extend(
            [&v.name, &v.room, &v.address]
                .into_iter()
                .flatten()
                .map(String::as_str),
        );
    }
    let programme = event.program.iter();
    let speakers = event
        .speakers
        .iter()
        .chain(programme.clone().flat_map(|p| &p.speakers));
    for s in speakers {
        fields.push(&s.name);
        fields.extend(s.affiliation.as_deref());
    }
    fields.extend(programme.map(|p| p.title.as_str()));
    fields.extend(event.description.as_deref());
    fields
}

/// Half-width katakana and punctuation U+FF61..=U+FF9F, in full width.
const HALF_KANA: [char; 63] = [
    '。', '「', '」', '、', '・', 'ヲ', 'ァ', 'ィ', 'ゥ', 'ェ', 'ォ', 'ャ', 'ュ', 'ョ', 'ッ', 'ー',
    'ア', 'イ', 'ウ', 'エ', 'オ', 'カ', 'キ', 'ク', 'ケ', 'コ', 'サ', 'シ', 'ス', 'セ', 'ソ', 'タ',
    'チ', 'ツ', 'テ', 'ト', 'ナ', 'ニ', 'ヌ', 'ネ', 'ノ', 'ハ', 'ヒ', 'フ', 'ヘ', 'ホ', 'マ', 'ミ',
    'ム', 'メ', 'モ', 'ヤ', 'ユ', 'ヨ', 'ラ', 'リ', 'ル', 'レ', 'ロ', 'ワ', 'ン', '゛', '゜',
];

/// The voiced (゛) form of a katakana, if it has one.
fn voiced(c: char) -> Option<char> {
    match c {
        'ウ' => Some('ヴ'),
        _ if "カキクケコサシスセソタチツテトハヒフヘホ".contains(c) => {
            char::from_u32(c as u32 + 1)
        }
        _ => None,
    }
}

/// The semi-voiced (゜) form of a katakana, if it has one.
fn semi_voiced(c: char) -> Option<char> {
    match c {
        'ハ' | 'ヒ' | 'フ' | 'ヘ' | 'ホ' => char::from_u32(c as u32 + 2),
        _ => None,
    }
}

/// Folds `text` for searching: ASCII to lower case; full-width ASCII and
/// the ideographic space to ASCII; half-width katakana to full width
/// (joining a following ﾞ or ﾟ, or a combining U+3099/U+309A); katakana to
/// hiragana; ㈱ and ㈲ to `(株)` and `(有)`.
///
/// # Example
/// ```
/// use iguren_calendar::views::filter::fold;
/// assert_eq!(fold("ＫＳＰ セミナー"), "ksp せみなー");
/// assert_eq!(fold("ｶﾞｽ ﾎﾟﾝﾌﾟ"), "がす ぽんぷ");
/// ```
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(&mut out, text);
    out
}

fn fold_into(out: &mut String, text: &str) {
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let mut c = match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            '\u{FF61}'..='\u{FF9F}' => HALF_KANA[(c as u32 - 0xFF61) as usize],
            '㈱' => {
                out.push_str("(株)");
                continue;
            }
            '㈲' => {
                out.push_str("(有)");
                continue;
            }
            _ => c,
        };
        c.make_ascii_lowercase();
        // A following voiced sound mark, half-width or combining.
        let joined = match chars.peek() {
            Some('\u{FF9E}' | '\u{3099}') => voiced(c),
            Some('\u{FF9F}' | '\u{309A}') => semi_voiced(c),
            _ => None,
        };
        if let Some(j) = joined {
            chars.next();
            c = j;
        }
        // Katakana (ァ..ヶ, ヽ, ヾ) to hiragana.
        if matches!(c, 'ァ'..='ヶ' | 'ヽ' | 'ヾ') {
            c = char::from_u32(c as u32 - 0x60).unwrap_or(c);
        }
        out.push(c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog() -> Catalog {
        crate::load::load(include_str!("../../public/events.json")).catalog
    }

    fn ids(catalog: &Catalog, filter: &Filter) -> Vec<String> {
        filter
            .select(catalog)
            .into_iter()
            .map(|i| catalog.events[i].id.clone())
            .collect()
    }

    fn search(q: &str) -> Filter {
        Filter {
            projects: ProjectSelection::All,
            query: q.into(),
        }
    }

    #[test]
    fn folding() {
        assert_eq!(fold("ＡＢＣ１２３ｘｙｚ"), "abc123xyz");
        assert_eq!(fold("KSP Ksp"), "ksp ksp");
        assert_eq!(fold("全角　空白"), "全角 空白");
        assert_eq!(fold("（株）"), "(株)");
        assert_eq!(fold("㈱ケイエスピー"), "(株)けいえすぴー");
        assert_eq!(fold("ｶﾜｻｷ"), "かわさき");
        assert_eq!(fold("ｶﾞｷﾞｸﾞｹﾞｺﾞｻﾞｼﾞｽﾞｾﾞｿﾞ"), "がぎぐげござじずぜぞ");
        assert_eq!(fold("ﾀﾞﾁﾞﾂﾞﾃﾞﾄﾞ"), "だぢづでど");
        assert_eq!(fold("ﾊﾞﾋﾞﾌﾞﾍﾞﾎﾞﾊﾟﾋﾟﾌﾟﾍﾟﾎﾟ"), "ばびぶべぼぱぴぷぺぽ");
        assert_eq!(fold("ｳﾞ ヴ"), "ゔ ゔ");
        assert_eq!(fold("ｾﾐﾅｰ｡"), "せみなー。");
        // Marks that cannot join stay as they are.
        assert_eq!(fold("ｱﾞ"), "あ゛");
        assert_eq!(fold("ﾏﾟ"), "ま゜");
        // Combining marks (as in decomposed text) join too.
        assert_eq!(fold("カ\u{3099}"), "が");
        assert_eq!(fold("ハ\u{309A}"), "ぱ");
        assert_eq!(fold("ヵヶヽヾ"), "ゕゖゝゞ");
        assert_eq!(fold("漢字ー"), "漢字ー");
        assert_eq!(fold(""), "");
    }

    #[test]
    fn voiced_table_is_right() {
        let plain = "カキクケコサシスセソタチツテトハヒフヘホ";
        let voiced_forms = "ガギグゲゴザジズゼゾダヂヅデドバビブベボ";
        for (p, v) in plain.chars().zip(voiced_forms.chars()) {
            assert_eq!(voiced(p), Some(v), "{p}");
        }
        for c in "アイエオナマヤラワンッャ".chars() {
            assert_eq!(voiced(c), None, "{c}");
        }
        // Every voiced katakana is the image of exactly one plain one.
        let count = ('ァ'..='ヺ').filter(|&c| voiced(c).is_some()).count();
        assert_eq!(count, 21);
    }

    #[test]
    fn search_in_every_field() {
        let c = catalog();
        // Title, in katakana, hiragana, and half-width.
        let seminars = ids(&c, &search("セミナー"));
        assert_eq!(seminars.len(), 4);
        assert_eq!(ids(&c, &search("せみなー")), seminars);
        assert_eq!(ids(&c, &search("ｾﾐﾅｰ")), seminars);
        // All terms are required.
        assert_eq!(
            ids(&c, &search("セミナー　金沢")),
            ["hojokin-seminar-kanazawa-2004-02-17"]
        );
        // Venue name (and a description), room and address.
        assert_eq!(
            ids(&c, &search("馬車道Ｓビル")),
            ["kannai-reikai-2004-01-14", "kannai-reikai-2004-02-12"]
        );
        assert_eq!(
            ids(&c, &search("視察しました")),
            ["kannai-reikai-2004-01-14"]
        );
        assert_eq!(ids(&c, &search("310会議室")), ["kawasaki-salon-2004-02-25"]);
        assert_eq!(ids(&c, &search("高津区")), ["kawasaki-salon-2004-02-25"]);
        // Speaker name and affiliation, full-width letters.
        assert_eq!(ids(&c, &search("猿渡")), ["kawasaki-salon-2004-02-25"]);
        assert_eq!(
            ids(&c, &search("プラネットワークス")),
            ["kawasaki-salon-2004-02-25"]
        );
        assert_eq!(ids(&c, &search("ｋｓｐ")), ["kawasaki-salon-2004-02-25"]);
        // Programme title and programme speaker.
        assert_eq!(ids(&c, &search("soho")), ["nikkan-39-2004-01-28"]);
        assert_eq!(ids(&c, &search("韓国貿易協会")), ["nikkan-39-2004-01-28"]);
        // Project name, in English too.
        assert_eq!(ids(&c, &search("korea")).len(), 2);
        // Nothing matches.
        assert!(ids(&c, &search("存在しない語")).is_empty());
        // Blank queries match everything.
        assert_eq!(ids(&c, &search(" 　")).len(), c.events.len());
        assert!(Query::new(" \u{3000}\t").is_empty());
    }

    #[test]
    fn a_term_does_not_span_two_fields() {
        let c = catalog();
        let e = c.event("hojokin-seminar-kanazawa-2004-02-17").unwrap();
        let text = searchable_text(e, &c);
        assert!(text.contains("\n2階 会議室\n"), "{text}");
        assert!(!search("センター2階").matches(e, &c));
        assert!(search("センター 2階").matches(e, &c));
    }

    #[test]
    fn project_selection() {
        let c = catalog();
        let only = |ids: &[&str]| Filter {
            projects: ProjectSelection::Only(ids.iter().map(|s| s.to_string()).collect()),
            query: String::new(),
        };
        assert_eq!(only(&["hojokin"]).select(&c).len(), 3);
        assert_eq!(only(&["hojokin", "kannai"]).select(&c).len(), 5);
        assert!(only(&[]).select(&c).is_empty());
        assert_eq!(Filter::default().select(&c).len(), c.events.len());
        let mut both = only(&["hojokin", "kannai"]);
        both.query = "セミナー".into();
        assert_eq!(both.select(&c).len(), 3);
        let e = c.event("kannai-reikai-2004-01-14").unwrap();
        assert!(!both.matches(e, &c));
        assert!(only(&["kannai"]).matches(e, &c));
    }

    #[test]
    fn the_lazy_index_is_made_at_the_first_search() {
        let c = catalog();
        let lazy = LazySearch::default();
        let blank = search(" ");
        assert_eq!(lazy.select(&blank, &c), blank.select(&c));
        assert_eq!(lazy.project_counts(&blank, &c), blank.project_counts(&c));
        assert!(!lazy.is_built());
        let seminar = search("ｾﾐﾅｰ");
        assert_eq!(lazy.select(&seminar, &c), seminar.select(&c));
        assert!(lazy.is_built());
        assert_eq!(
            lazy.project_counts(&seminar, &c),
            seminar.project_counts(&c)
        );
    }

    #[test]
    fn a_selection_masks_what_it_lists() {
        let sel = Selection::new(vec![0, 2, 9], 4);
        assert_eq!(sel.ids, [0, 2, 9]);
        assert_eq!(sel.keep, [true, false, true, false]);
        assert_eq!(Selection::new(Vec::new(), 0), Selection::default());
    }

    #[test]
    fn ticking_and_unticking_projects() {
        let c = catalog();
        let ids: Vec<String> = c.projects.iter().map(|p| p.id.clone()).collect();
        let all = ProjectSelection::All;
        assert!(all.contains("anything"));
        assert_eq!(all.single(), None);
        // Unticking one of all leaves the others, in catalogue order.
        let one_off = all.toggled(&c, &ids[1], false);
        let mut rest = ids.clone();
        rest.remove(1);
        assert_eq!(one_off, ProjectSelection::Only(rest));
        assert!(!one_off.contains(&ids[1]));
        // Ticking it again is all of them again.
        assert_eq!(one_off.toggled(&c, &ids[1], true), ProjectSelection::All);
        // From none, one tick is that project alone.
        let none = ProjectSelection::Only(Vec::new());
        assert!(!none.contains(&ids[0]));
        let only = none.toggled(&c, &ids[2], true);
        assert_eq!(only, ProjectSelection::Only(vec![ids[2].clone()]));
        assert_eq!(only.single(), Some(ids[2].as_str()));
        assert_eq!(only.toggled(&c, &ids[2], false), none);
        // An id that is not in the catalogue is dropped.
        let stale = ProjectSelection::Only(vec!["gone".into(), ids[0].clone()]);
        assert_eq!(
            stale.toggled(&c, &ids[1], true),
            ProjectSelection::Only(vec![ids[0].clone(), ids[1].clone()])
        );
    }

    #[test]
    fn counts_per_project_ignore_the_ticks() {
        let c = catalog();
        let counts = Filter::default().project_counts(&c);
        assert_eq!(counts.len(), c.projects.len());
        assert_eq!(counts.iter().map(|(_, n)| n).sum::<usize>(), c.events.len());
        assert!(counts.contains(&("hojokin", 3)));
        let f = Filter {
            projects: ProjectSelection::Only(Vec::new()),
            query: "セミナー".into(),
        };
        let counts = f.project_counts(&c);
        assert!(counts.contains(&("hojokin", 3)));
        assert!(counts.contains(&("kannai", 0)));
        assert_eq!(counts.iter().map(|(_, n)| n).sum::<usize>(), 4);
    }

    #[test]
    fn the_index_answers_as_folding_each_time() {
        let c = catalog();
        let index = SearchIndex::new(&c);
        assert_eq!(index.text(usize::MAX), "");
        let ids: Vec<String> = c.projects.iter().map(|p| p.id.clone()).collect();
        for q in [
            "",
            "セミナー",
            "ｾﾐﾅｰ 川崎",
            "ksp",
            "KSP 3階",
            "志茂",
            "no such thing",
            "\n",
        ] {
            for projects in [
                ProjectSelection::All,
                ProjectSelection::Only(Vec::new()),
                ProjectSelection::Only(ids[..3].to_vec()),
            ] {
                let f = Filter {
                    projects,
                    query: q.into(),
                };
                assert_eq!(f.select_indexed(&c, &index), f.select(&c), "{q}");
                assert_eq!(
                    f.project_counts_indexed(&c, &index),
                    f.project_counts(&c),
                    "{q}"
                );
            }
        }
    }
}
