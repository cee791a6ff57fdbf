//! The app's state, shared by every component through one `Copy` handle
//! split by concern:
//!
//! - [`Data`]: the plain catalogue, its [`DayIndex`] and search index, and
//!   today's date. A whole file is stored once; month files add their
//!   events as they come ([`super::months`]), bumping [`Data::version`].
//! - [`Screen`]: what is on screen. Everything the member can change lives
//!   in one signal, the [`ViewState`] that is also the URL query:
//!   [`Ctx::go`] updates it and writes the address bar (a new history
//!   entry, or a replaced one while typing), and `popstate` reads it back.
//!   Derived values are memos, so a view recomputes only when what it
//!   reads changes: the month grid on month or filter, the list on filter
//!   or paging, the detail on `e=`.
//! - [`Prefs`]: the language, a preference outside the URL remembered by
//!   the browser ([`Ctx::tr`] is the one translate helper).

use super::browser;
use crate::model::month::Month;
use crate::model::text::Lang;
use crate::model::{Catalog, Text};
use crate::views::filter::{Filter, LazySearch, Selection};
use crate::views::grid::DayIndex;
use crate::views::months::MonthStore;
use crate::views::route::{parse, to_query, ViewState};
use crate::views::search_index::SearchIndexState;
use chrono::NaiveDate;
use leptos::prelude::*;

/// How a state change reaches the address bar.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Nav {
    /// A new history entry (back returns here).
    Push,
    /// Replace the current entry (typing in the search box).
    Replace,
}

/// The loaded data: stored once, never changed.
#[derive(Clone, Copy)]
pub struct Data {
    pub catalog: StoredValue<Catalog>,
    pub index: StoredValue<DayIndex>,
    /// Every event's folded search text, made at the first search.
    pub search: StoredValue<LazySearch, LocalStorage>,
    /// Today in Tokyo, read once at start.
    pub today: NaiveDate,
    /// Bumped each time months are added to the catalogue or the search
    /// index comes (what reads them tracks it; see [`super::months`]).
    pub version: RwSignal<u32>,
    /// The month files, when the page reads them (`None`: one whole file).
    pub months: StoredValue<Option<MonthStore>>,
    /// Months that could not be loaded, as messages.
    pub month_errors: RwSignal<Vec<String>>,
    /// The search index file, for whole-data counts of a search before
    /// every month is in ([`super::months`]); a change bumps `version`.
    pub search_file: StoredValue<SearchIndexState>,
    /// Entries of the data files read that had a problem, and the path
    /// of the first such file (the banner links the editor to it).
    pub unreadable: RwSignal<(usize, Option<String>)>,
}

/// What is on screen: the URL's view state and what derives from it.
#[derive(Clone, Copy)]
pub struct Screen {
    pub state: RwSignal<ViewState>,
    /// The month shown: the URL's, else [`crate::views::months::initial_month`].
    pub month: Memo<Month>,
    pub filter: Memo<Filter>,
    pub selection: Memo<Selection>,
    /// The open event's id (`e=`), when it names an event of the data.
    pub open_event: Memo<Option<String>>,
    /// The day picked in the month view (its events are listed below).
    pub picked_day: RwSignal<Option<NaiveDate>>,
    /// Where focus was when the detail opened, to give it back.
    pub opener: StoredValue<Option<web_sys::Element>, LocalStorage>,
    /// The detail was opened by a history push of this page, so closing it
    /// can go back instead of pushing another entry.
    pub detail_pushed: StoredValue<bool>,
}

/// The member's preferences (outside the URL).
#[derive(Clone, Copy)]
pub struct Prefs {
    pub lang: RwSignal<Lang>,
}

#[derive(Clone, Copy)]
pub struct Ctx {
    pub data: Data,
    pub screen: Screen,
    pub prefs: Prefs,
}

impl Ctx {
    pub fn new(catalog: Catalog, state: ViewState, months: Option<MonthStore>) -> Self {
        let today = browser::today_tokyo();
        let initial = match &months {
            Some(store) => store.index.initial(today),
            None => crate::views::months::initial_month(&catalog.events, today),
        };
        let data = Data {
            index: StoredValue::new(DayIndex::new(&catalog.events)),
            catalog: StoredValue::new(catalog),
            search: StoredValue::new_local(LazySearch::default()),
            today,
            version: RwSignal::new(0),
            months: StoredValue::new(months),
            month_errors: RwSignal::new(Vec::new()),
            search_file: StoredValue::new(SearchIndexState::NotAsked),
            unreadable: RwSignal::new((0, None)),
        };
        let catalog = data.catalog;
        let state = RwSignal::new(state);
        let month = Memo::new(move |_| state.with(|s| s.month).unwrap_or(initial));
        let filter = Memo::new(move |_| state.with(ViewState::filter));
        let version = data.version;
        let selection = Memo::new(move |_| {
            version.track();
            filter.with(|f| {
                catalog.with_value(|c| {
                    let ids = data.search.with_value(|s| s.select(f, c));
                    Selection::new(ids, c.events.len())
                })
            })
        });
        let open_event = Memo::new(move |_| {
            version.track();
            state
                .with(|s| s.event.clone())
                .filter(|id| catalog.with_value(|c| c.event(id).is_some()))
        });
        let lang = RwSignal::new(browser::stored_lang());
        Effect::new(move |_| browser::apply_language(lang.get()));
        window_event_listener(leptos::ev::popstate, move |_| {
            browser::drop_pending_history();
            state.set(parse(&browser::search()));
        });
        Ctx {
            data,
            screen: Screen {
                state,
                month,
                filter,
                selection,
                open_event,
                picked_day: RwSignal::new(None),
                opener: StoredValue::new_local(None),
                detail_pushed: StoredValue::new(false),
            },
            prefs: Prefs { lang },
        }
    }

    /// The interface language (tracked).
    pub fn lang(&self) -> Lang {
        self.prefs.lang.get()
    }

    /// A text in the interface language, as a reactive text: the app's
    /// one translate helper, for its own words (`ctx.tr(("月", "Month"))`)
    /// and the data's ([`crate::model::Text`], Japanese when it has no
    /// English). Every call returns the same closure type, so the many
    /// labels of the app share one compiled view.
    pub fn tr(&self, text: impl Into<Text>) -> impl Fn() -> String + Clone + Send + Sync + 'static {
        translated(self.prefs.lang, text.into())
    }

    /// Changes the view state and records it in the address bar.
    pub fn go(&self, nav: Nav, change: impl FnOnce(&mut ViewState)) {
        let screen = self.screen;
        screen.state.update(change);
        if nav == Nav::Push {
            screen.detail_pushed.set_value(false);
        }
        browser::set_query(&screen.state.with_untracked(to_query), nav == Nav::Push);
    }

    /// The link to this state with `change` applied (for real `href`s).
    pub fn href(&self, change: impl FnOnce(&mut ViewState)) -> String {
        let mut s = self.screen.state.get_untracked();
        change(&mut s);
        let q = to_query(&s);
        if q.is_empty() {
            "./".into()
        } else {
            q
        }
    }

    /// Opens an event's detail, remembering where focus was.
    pub fn open(&self, id: &str, opener: Option<web_sys::Element>) {
        self.screen
            .opener
            .set_value(opener.or_else(browser::active_element));
        let id = id.to_string();
        self.go(Nav::Push, |s| s.event = Some(id));
        self.screen.detail_pushed.set_value(true);
    }

    /// Closes the detail: back in history when opening it pushed an entry.
    pub fn close(&self) {
        if self.screen.detail_pushed.get_value() {
            self.screen.detail_pushed.set_value(false);
            browser::back();
        } else {
            self.go(Nav::Push, |s| s.event = None);
        }
    }

    /// Shows another month (prev/next/today, PageUp/PageDown).
    pub fn show_month(&self, month: Month) {
        self.go(Nav::Push, |s| s.month = Some(month));
    }

    /// Whether `day` is in the month shown.
    pub fn in_month(&self, day: NaiveDate) -> bool {
        self.screen.month.get().contains(day)
    }

    /// A project's colour and name in `lang`.
    pub fn project_look(&self, project_id: &str, lang: Lang) -> (String, String) {
        self.data.catalog.with_value(|c| {
            (
                c.project_color(project_id).to_string(),
                c.project_name(project_id, lang).to_string(),
            )
        })
    }
}

/// The handle, from context.
pub fn use_ctx() -> Ctx {
    expect_context::<Ctx>()
}

/// The closure of [`Ctx::tr`] (not generic, so one type for every call).
fn translated(
    lang: RwSignal<Lang>,
    text: Text,
) -> impl Fn() -> String + Clone + Send + Sync + 'static {
    move || text.get(lang.get()).to_owned()
}
