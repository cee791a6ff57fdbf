//! The data by month, as the page loads it (the member page at its own
//! address; `?src=` previews read one whole file). The page starts with
//! the index and the month it opens on ([`crate::views::months`]); then
//! the month shown and its two neighbours are fetched before they are
//! asked for, and the list view, a download of the selection or an event
//! the loaded months do not hold load every month at once. A search in
//! the month view filters the loaded months and fetches the search index
//! (`months/search.txt`, once, silently) for the filter panel's
//! whole-data counts; when that index cannot be had, it loads every
//! month instead, as before the index.
//! Each batch of months is added to the catalogue in one step: new
//! events appended (each id once), the day index and the search index
//! made again, [`crate::ui::ctx::Data::version`] bumped so that what
//! reads the catalogue draws again.
//! A step to another month (previous, next, today) whose file is on its
//! way keeps the month shown until it is in, for at most [`HOLD_MS`]: the
//! grid then changes once, with the month's events, instead of being drawn
//! without them first and again when they come (on a slow phone, twice
//! the work right after a tap).

use super::ctx::{use_ctx, Ctx};
use super::fetch;
use crate::load::lean::{decode, Decoded};
use crate::model::month::Month;
use crate::views::filter::LazySearch;
use crate::views::grid::DayIndex;
use crate::views::months::{month_path, MonthStore};
use crate::views::route::View;
use crate::views::search_index::{SearchFile, SearchIndexState, SEARCH_PATH};
use chrono::NaiveDate;
use leptos::prelude::*;
use std::cell::RefCell;
use std::collections::HashSet;
use std::rc::Rc;

/// Whether every event is in the catalogue (a whole file, or every month).
pub fn is_whole(ctx: Ctx) -> bool {
    ctx.data
        .months
        .with_value(|m| m.as_ref().is_none_or(MonthStore::whole))
}

/// Starts what keeps the months in: the month shown and its neighbours;
/// everything for the list view, a search, or an event not yet loaded.
pub fn watch(ctx: Ctx) {
    if is_whole(ctx) {
        return;
    }
    let screen = ctx.screen;
    Effect::new(move |_| {
        let m = screen.month.get();
        ask(ctx, vec![m], true);
        // Before they are asked for; not offline, where they would only
        // fail (a month kept by the service worker comes when shown).
        // Each its own batch, the next month first: it is drawn as soon as
        // it is in, without waiting for the other.
        if super::browser::online() {
            ask(ctx, vec![m.add_months(1)], false);
            ask(ctx, vec![m.add_months(-1)], false);
        }
    });
    Effect::new(move |_| {
        let (needs_all, searching) = screen.state.with(|s| {
            let far = s
                .event
                .as_ref()
                .is_some_and(|id| ctx.data.catalog.with_value(|c| c.event(id).is_none()));
            (s.view == View::List || far, !s.query.trim().is_empty())
        });
        if needs_all {
            ask_all(ctx);
        } else if searching {
            let state = ctx.data.search_file.with_value(|s| match s {
                SearchIndexState::NotAsked => Some(false),
                SearchIndexState::Failed => Some(true),
                _ => None,
            });
            match state {
                Some(false) => fetch_search_index(ctx),
                // Without the index, a search loads every month.
                Some(true) => ask_all(ctx),
                None => {}
            }
        }
    });
}

/// How long a step waits for its month's file on its way, in ms.
pub const HOLD_MS: i32 = 150;

/// A step waiting for its month: the month, the day to pick in it, and
/// the month shown when it was asked for.
type Step = (Month, Option<NaiveDate>, Month);

thread_local! {
    /// The step waiting for its month's file, if any.
    static HELD: std::cell::Cell<Option<Step>> = const { std::cell::Cell::new(None) };
}

/// Shows `month` with the day `picked` (previous, next, today): at once
/// when its events are in, have no file or are not asked for; when they
/// are on their way, once they are in or after [`HOLD_MS`], whichever
/// comes first, unless the member has left the month shown meanwhile
/// (the list view, the browser's back button).
pub fn step_to(ctx: Ctx, month: Month, picked: Option<NaiveDate>) {
    let step = (month, picked, ctx.screen.month.get_untracked());
    let on_its_way = ctx
        .data
        .months
        .with_value(|m| m.as_ref().is_some_and(|store| store.on_its_way(month)));
    if !on_its_way {
        HELD.set(None);
        return show(ctx, step);
    }
    HELD.set(Some(step));
    super::browser::later(HOLD_MS, move || {
        if HELD.get() == Some(step) {
            HELD.set(None);
            show_held(ctx, step);
        }
    });
}

/// The month a step starts from: the one waiting, else the one shown.
pub fn stepping_from(ctx: Ctx) -> Month {
    HELD.get()
        .map_or_else(|| ctx.screen.month.get_untracked(), |(m, _, _)| m)
}

fn show(ctx: Ctx, (month, picked, _): Step) {
    ctx.screen.picked_day.set(picked);
    ctx.show_month(month);
}

/// Shows a step that waited, if the month view still shows the month it
/// was asked from.
fn show_held(ctx: Ctx, step: Step) {
    let view = ctx.screen.state.with_untracked(|s| s.view);
    if view == View::Month && ctx.screen.month.get_untracked() == step.2 {
        show(ctx, step);
    }
}

/// Fetches the search index once; says nothing when it fails (every
/// month is loaded instead, and a month that fails is named).
fn fetch_search_index(ctx: Ctx) {
    ctx.data.search_file.set_value(SearchIndexState::Asked);
    leptos::task::spawn_local(async move {
        let read = fetch::text(SEARCH_PATH, false)
            .await
            .ok()
            .and_then(|t| SearchFile::parse(t).ok());
        if read.is_none() {
            // Asked before the counts are told: they then wait for the
            // months instead of counting the loaded ones.
            ask_all(ctx);
        }
        ctx.data
            .search_file
            .set_value(read.map_or(SearchIndexState::Failed, SearchIndexState::In));
        ctx.data.version.update(|v| *v = v.wrapping_add(1));
    });
}

thread_local! {
    /// What waits for every month (a download of the selection).
    static WAITING: RefCell<Vec<Then>> = const { RefCell::new(Vec::new()) };
}

/// Loads every month not yet asked for; `then` runs once nothing asked
/// for is on its way any more (every month in, or said to have failed).
pub fn ask_all_then(ctx: Ctx, then: impl FnOnce() + 'static) {
    ask_all(ctx);
    let settled = ctx
        .data
        .months
        .with_value(|m| m.as_ref().is_none_or(MonthStore::settled));
    if settled {
        then();
    } else {
        WAITING.with(|w| w.borrow_mut().push(Box::new(then)));
    }
}

fn ask_all(ctx: Ctx) {
    let missing = ctx
        .data
        .months
        .with_value(|m| m.as_ref().map(|m| m.missing()).unwrap_or_default());
    fetch_months(ctx, missing, true);
}

/// Loads those of `months` that have a file and were not asked for;
/// with `report`, a month that cannot be loaded is said on the page.
fn ask(ctx: Ctx, months: Vec<Month>, report: bool) {
    let wanted = ctx
        .data
        .months
        .with_value(|m| m.as_ref().map_or(Vec::new(), |store| store.wanted(&months)));
    fetch_months(ctx, wanted, report);
}

type Then = Box<dyn FnOnce()>;

/// Fetches `months` at once and adds them together when the last is in.
fn fetch_months(ctx: Ctx, months: Vec<Month>, report: bool) {
    if months.is_empty() {
        return;
    }
    ctx.data.months.update_value(|m| {
        if let Some(store) = m {
            store.asking(&months);
        }
    });
    let batch = Rc::new(RefCell::new(Batch {
        left: months.len(),
        read: Vec::new(),
        failed: Vec::new(),
        report,
    }));
    for month in months {
        let batch = Rc::clone(&batch);
        leptos::task::spawn_local(async move {
            // Read as soon as it arrives: the months of a batch are read
            // in as many tasks, not in one long one at the end.
            let read = fetch::text(&month_path(month), false)
                .await
                .map(|t| decode(&t));
            let done = {
                let mut b = batch.borrow_mut();
                match read {
                    Ok(loaded) => b.read.push((month, loaded)),
                    Err(why) => b.failed.push((month, why)),
                }
                b.left -= 1;
                b.left == 0
            };
            if done {
                let b = std::mem::take(&mut *batch.borrow_mut());
                finish(ctx, b);
            }
        });
    }
}

#[derive(Default)]
struct Batch {
    left: usize,
    read: Vec<(Month, Decoded)>,
    failed: Vec<(Month, String)>,
    report: bool,
}

fn finish(ctx: Ctx, batch: Batch) {
    let arrived: Vec<Month> = batch.read.iter().map(|(m, _)| *m).collect();
    // A step waiting for one of these months is shown now, drawn once
    // with its events (or with the notice of its failure).
    if let Some(step) = HELD.get() {
        if arrived.contains(&step.0) || batch.failed.iter().any(|(m, _)| *m == step.0) {
            HELD.set(None);
            show_held(ctx, step);
        }
    }
    add(ctx, batch.read);
    ctx.data.months.update_value(|m| {
        if let Some(store) = m {
            store.arrived(&arrived);
        }
    });
    if !batch.failed.is_empty() {
        let failed: Vec<Month> = batch.failed.iter().map(|(m, _)| *m).collect();
        ctx.data.months.update_value(|m| {
            if let Some(store) = m {
                store.failed(&failed);
            }
        });
        // Said when asked for by the member, or when a month fetched
        // ahead has become the one shown meanwhile.
        let shown = ctx.screen.month.get_untracked();
        let mut why: Vec<String> = batch
            .failed
            .into_iter()
            .filter(|(m, _)| batch.report || *m == shown)
            .map(|(_, w)| w)
            .collect();
        if !why.is_empty() {
            ctx.data.month_errors.update(|e| e.append(&mut why));
        }
    }
    ctx.data.version.update(|v| *v = v.wrapping_add(1));
    let settled = ctx
        .data
        .months
        .with_value(|m| m.as_ref().is_none_or(MonthStore::settled));
    if settled {
        for then in WAITING.with(|w| std::mem::take(&mut *w.borrow_mut())) {
            then();
        }
    }
}

/// Appends the events of the months `read` that are not in yet, and makes the
/// indices again. A month file with problems (the build writes checked
/// ones: a file changed by hand) keeps its valid events, and its faulty
/// entries are counted in [`crate::ui::ctx::Data::unreadable`].
fn add(ctx: Ctx, read: Vec<(Month, Decoded)>) {
    let mut unreadable = (0, None);
    ctx.data.catalog.update_value(|catalog| {
        let mut known: HashSet<String> = catalog.events.iter().map(|e| e.id.clone()).collect();
        for (month, decoded) in read {
            if decoded.unreadable > 0 {
                unreadable.0 += decoded.unreadable;
                unreadable.1.get_or_insert_with(|| month_path(month));
            }
            for e in decoded.catalog.events {
                if known.insert(e.id.clone()) {
                    catalog.events.push(e);
                }
            }
        }
        ctx.data.index.set_value(DayIndex::new(&catalog.events));
    });
    ctx.data.search.set_value(LazySearch::default());
    if let (n @ 1.., Some(path)) = unreadable {
        ctx.data.unreadable.update(|(count, first)| {
            *count += n;
            first.get_or_insert(path);
        });
    }
}

/// The notice of months that could not be loaded (the loaded ones are
/// shown; moving to the month again retries).
#[component]
pub fn MonthErrors() -> impl IntoView {
    let ctx = use_ctx();
    move || {
        ctx.data.month_errors.with(|errors| {
            (!errors.is_empty()).then(|| {
                let items = errors
                    .iter()
                    .map(|e| view! { <li>{e.clone()}</li> })
                    .collect_view();
                view! {
                    <section class="data-error" role="alert" data-testid="month-error">
                        <h2>
                            {ctx.tr((
                                "一部の月の予定を読み込めませんでした（読み込めた分は表示しています）",
                                "Some months could not be loaded (what could be is shown)",
                            ))}
                        </h2>
                        <ul>{items}</ul>
                    </section>
                }
            })
        })
    }
}
