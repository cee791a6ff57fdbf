//! The list view: the filtered events grouped by day (`2月25日(水)`),
//! upcoming by default or past on a toggle, one page at a time
//! ([`crate::views::agenda::agenda`]) with a "もっと見る" button, so the page never
//! holds thousands of rows.
//!
//! When nothing is upcoming but past events match (the 2004 newsletter
//! today), the list says so and shows the past events, newest first: a
//! member who opens the list expects to see something, and an explicit
//! notice keeps it from looking like the future.

use super::ctx::{use_ctx, Ctx, Nav};
use super::rows::row_for;
use crate::jp::{day_kind, format_day};
use crate::model::text::Lang;
use crate::views::agenda::{agenda, DayGroup, Scope};
use crate::views::filter::ProjectSelection;
use crate::views::label::{more_rows_label, year_heading};
use chrono::Datelike;
use leptos::prelude::*;

/// The day groups as views: a year heading where the year changes (from
/// `year`), then each day's heading and rows.
pub fn day_groups(ctx: Ctx, groups: &[DayGroup], lang: Lang, mut year: i32) -> Vec<AnyView> {
    let mut out = Vec::with_capacity(groups.len());
    for g in groups {
        if g.date.year() != year {
            year = g.date.year();
            let text = year_heading(year, lang);
            out.push(view! { <h3 class="year">{text}</h3> }.into_any());
        }
        let day = format_day(g.date, lang);
        let kind = day_kind(g.date);
        let (sunday, saturday) = (kind.is_red(), kind.is_blue());
        let rows = g
            .items
            .iter()
            .map(|it| row_for(ctx, it.event, it.continued, lang))
            .collect_view();
        out.push(
            view! {
                <section class="day-group">
                    <h4 class:sun=sunday class:sat=saturday>{day}</h4>
                    <ul class="rows">{rows}</ul>
                </section>
            }
            .into_any(),
        );
    }
    out
}

/// Events per page.
const PAGE: usize = 50;

#[component]
pub fn ListView() -> impl IntoView {
    let ctx = use_ctx();
    let today = ctx.data.today;
    let past = Memo::new(move |_| ctx.screen.state.with(|s| s.past));
    // A new filter or scope starts again at the first page: the presses
    // of "もっと見る" count only for the filter and scope they were made
    // in (a memo, not an effect resetting a signal).
    let scope = Memo::new(move |previous: Option<&u32>| {
        ctx.screen.selection.track();
        past.track();
        previous.map_or(0, |n| n.wrapping_add(1))
    });
    let pressed = RwSignal::new((0u32, 0usize));
    let limit = Memo::new(move |_| {
        let (at, presses) = pressed.get();
        PAGE * (1 + if at == scope.get() { presses } else { 0 })
    });
    let upcoming = Memo::new(move |_| {
        ctx.screen.selection.with(|sel| {
            ctx.data
                .catalog
                .with_value(|c| agenda(&c.events, &sel.ids, Scope::Upcoming { today }, 0, 0).total)
        })
    });
    let showing_past = Memo::new(move |_| past.get() || upcoming.get() == 0);
    let page = Memo::new(move |_| {
        let scope = if showing_past.get() {
            Scope::Past { today }
        } else {
            Scope::Upcoming { today }
        };
        let limit = limit.get();
        ctx.screen.selection.with(|sel| {
            ctx.data
                .catalog
                .with_value(|c| agenda(&c.events, &sel.ids, scope, 0, limit))
        })
    });
    let set_past = move |value: bool| move |_| ctx.go(Nav::Push, |s| s.past = value);
    // Until every month is in (month files), the list says so instead of
    // "nothing matches" or "no upcoming events".
    let loading = move || {
        ctx.data.version.track();
        !super::months::is_whole(ctx)
    };
    let notice = move || {
        (!past.get() && upcoming.get() == 0 && page.with(|p| p.total > 0) && !loading()).then(
            || {
                view! {
                    <p class="notice" role="status">
                        {ctx.tr((
                            "今後の予定はありません。過去の予定を新しい順に表示しています。",
                            "No upcoming events. Showing past events, newest first.",
                        ))}
                    </p>
                }
            },
        )
    };
    let groups = move || {
        let lang = ctx.lang();
        page.with(|p| day_groups(ctx, &p.groups, lang, today.year()))
    };
    let loading_line = move || {
        loading().then(|| {
            view! {
                <p class="loading" role="status" data-testid="list-loading">
                    {ctx.tr(("予定を読み込み中…", "Loading the events…"))}
                </p>
            }
        })
    };
    let empty = move || {
        (page.with(|p| p.total == 0) && !loading()).then(|| {
            view! {
                <div class="empty">
                    <p>{ctx.tr(("条件に合う予定はありません。", "No events match."))}</p>
                    <button
                        type="button"
                        on:click=move |_| {
                            ctx.go(Nav::Push, |s| {
                                s.projects = ProjectSelection::All;
                                s.query.clear();
                            })
                        }
                    >
                        {ctx.tr(("絞り込みを解除", "Clear the filters"))}
                    </button>
                </div>
            }
        })
    };
    let more = move || {
        page.with(|p| p.next.map(|_| p.total - p.len()))
            .map(|rest| {
                view! {
                    <button
                        type="button"
                        class="more-list"
                        on:click=move |_| {
                            pressed.set((scope.get_untracked(), limit.get_untracked() / PAGE))
                        }
                    >
                        {move || more_rows_label(rest, ctx.lang())}
                    </button>
                }
            })
    };
    view! {
        <section class="list-view" data-testid="list-view" aria-labelledby="list-title">
            <h2 id="list-title" class="list-title">
                {move || {
                    let lang = ctx.lang();
                    if showing_past.get() {
                        lang.pick("過去の予定", "Past events")
                    } else {
                        lang.pick("今後の予定", "Upcoming events")
                    }
                }}
            </h2>
            <div class="switch" role="group" aria-label=ctx.tr(("期間", "Period"))>
                <button
                    type="button"
                    aria-pressed=move || (!showing_past.get()).to_string()
                    on:click=set_past(false)
                >
                    {ctx.tr(("今後の予定", "Upcoming"))}
                </button>
                <button
                    type="button"
                    aria-pressed=move || showing_past.get().to_string()
                    on:click=set_past(true)
                >
                    {ctx.tr(("過去の予定", "Past"))}
                </button>
            </div>
            {loading_line}
            {notice}
            {empty}
            {groups}
            {more}
        </section>
    }
}
