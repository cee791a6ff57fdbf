//! The month view: a Sunday-first grid of the month's weeks following the
//! WAI-ARIA grid pattern, events as bars in their project's colour (one
//! continuous bar for a multi-day event, continued across week rows), at
//! most [`LANES`] bars a day and "+N件" for the rest, and below it the
//! list of the picked day ([`super::day::DayPanel`]).
//!
//! The rows come from [`crate::grid::month_rows`] over the day index, in a
//! memo of the month and the filter: opening an event or moving the
//! keyboard focus does not redraw the grid. On a phone the same bars are
//! drawn by CSS as thin coloured markers and a tap picks the day.
//!
//! Keys: arrows move between days, Home/End to the start/end of the week,
//! PageUp/PageDown by a month, Enter or Space picks the day and moves to
//! its list. One cell is in the tab order (roving tabindex).

use super::browser;
use super::ctx::{use_ctx, Ctx};
use super::day::DayPanel;
use super::print::PrintList;
use crate::grid::{default_day, grid_key, month_rows, GridKey, Segment, WeekRow};
use crate::jp::{self, day_kind, holiday};
use crate::label::{cell_label, more_label};
use crate::model::{Status, When};
use crate::month::Month;
use crate::text::Lang;
use chrono::{Datelike, NaiveDate};
use leptos::ev::{KeyboardEvent, MouseEvent};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Bars shown per day before "+N件".
pub const LANES: usize = 3;

#[component]
pub fn MonthView() -> impl IntoView {
    let ctx = use_ctx();
    let rows = Memo::new(move |_| {
        let month = ctx.month.get();
        ctx.selection.with(|sel| {
            ctx.catalog.with_value(|c| {
                ctx.index
                    .with_value(|ix| month_rows(month, &c.events, ix, |i| sel.keep[i], LANES))
            })
        })
    });
    let shown_day = Memo::new(move |_| {
        let month = ctx.month.get();
        ctx.picked_day
            .get()
            .filter(|&d| month.contains(d))
            .unwrap_or_else(|| {
                ctx.selection.with(|sel| {
                    ctx.index
                        .with_value(|ix| default_day(month, ctx.today, ix, |i| sel.keep[i]))
                })
            })
    });
    let focus_day = RwSignal::new(None::<NaiveDate>);
    // Whether a day is drawn in the grid (the month and the days around it).
    let visible = move |d: NaiveDate| {
        rows.with(|r| match (r.first(), r.last()) {
            (Some(a), Some(b)) => a.days[0] <= d && d <= b.days[6],
            _ => false,
        })
    };
    let focus_target = Memo::new(move |_| {
        focus_day
            .get()
            .filter(|&d| visible(d))
            .unwrap_or_else(|| shown_day.get())
    });
    let pick = move |date: NaiveDate| {
        focus_day.set(Some(date));
        ctx.picked_day.set(Some(date));
        if !ctx.in_month(date) {
            ctx.show_month(Month::of(date));
        }
    };
    let on_key = move |ev: KeyboardEvent| {
        // The day of the focused cell (focus may have got there by a click
        // or a script, not only by these keys).
        let cur = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| cell_date(&e))
            .unwrap_or_else(|| focus_target.get_untracked());
        let (next, other_month) = match grid_key(cur, &ev.key()) {
            None => return,
            Some(GridKey::Pick) => {
                ev.prevent_default();
                pick(cur);
                browser::reveal(".day-panel");
                browser::focus(".day-panel h3");
                return;
            }
            Some(GridKey::Move { to, other_month }) => (to, other_month),
        };
        ev.prevent_default();
        focus_day.set(Some(next));
        let cell = format!("[data-testid=month-grid] [data-date=\"{next}\"]");
        if visible(next) && !other_month {
            browser::focus(&cell);
        } else {
            ctx.show_month(Month::of(next));
            request_animation_frame(move || {
                browser::focus(&cell);
            });
        }
    };
    // One click listener for every cell and "+N件" button of the grid.
    let on_click = move |ev: MouseEvent| {
        let Some(target) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let Some(date) = target
            .closest("[role=gridcell]")
            .ok()
            .flatten()
            .and_then(|c| cell_date(&c))
        else {
            return;
        };
        pick(date);
        if target.closest(".more").ok().flatten().is_some() {
            browser::reveal(".day-panel");
        }
    };
    // The picked day and the focusable cell are marked by this one effect
    // (class `picked`, `aria-selected`, roving `tabindex`) instead of three
    // reactive bindings in each of 42 cells remade on every redraw. The
    // view leaves those attributes alone: a redraw reuses cell elements for
    // other dates, and the marks are set again after every redraw (a
    // microtask queued here runs after the redraw this change started).
    let grid = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        let (picked, focus) = (shown_day.get(), focus_target.get());
        rows.track();
        ctx.lang.track();
        queue_microtask(move || {
            if let Some(grid) = grid.get_untracked() {
                browser::mark_cells(&grid, picked, focus);
            }
        });
    });
    let heads = move || {
        let lang = ctx.lang();
        (0..7)
            .map(|i| {
                let name = jp::weekday_name(i, lang);
                let class = match i {
                    0 => "wd sun",
                    6 => "wd sat",
                    _ => "wd",
                };
                view! { <div role="columnheader" class=class>{name}</div> }
            })
            .collect_view()
    };
    let weeks = move || {
        let lang = ctx.lang();
        rows.with(|rows| {
            rows.iter()
                .map(|row| week(ctx, row, lang, ctx.month.get_untracked()))
                .collect_view()
        })
    };
    let label = move || jp::format_month_heading(ctx.month.get(), ctx.lang());
    view! {
        <div class="month-view">
            <div
                role="grid"
                class="month-grid"
                data-testid="month-grid"
                aria-label=label
                node_ref=grid
                on:keydown=on_key
                on:click=on_click
            >
                <div role="row" class="week-head">{heads}</div>
                {weeks}
            </div>
            <DayPanel day=shown_day />
            <PrintList />
        </div>
    }
}

/// One week row: seven day cells, each holding the bars that start there.
fn week(ctx: Ctx, row: &WeekRow, lang: Lang, month: Month) -> impl IntoView {
    let cells = (0..7)
        .map(|col| {
            let date = row.days[col];
            let bars: Vec<&Segment> = row.segments.iter().filter(|s| s.start_col == col).collect();
            let more = row.more[col];
            let count = ctx.selection.with_untracked(|sel| {
                ctx.index
                    .with_value(|ix| ix.on(date).iter().filter(|&&i| sel.keep[i]).count())
            });
            let hol = holiday(date);
            let kind = day_kind(date);
            let class = if kind.is_red() {
                "day sun"
            } else if kind.is_blue() {
                "day sat"
            } else {
                "day"
            };
            let label = cell_label(date, count, lang);
            let more_label = more_label(more, lang);
            view! {
                <div
                    role="gridcell"
                    class=class
                    class:other=!month.contains(date)
                    data-date=date.to_string()
                    aria-current=(date == ctx.today).then_some("date")
                >
                    // The cell's name comes from its content: this full date
                    // first (an aria-label would hide the bars' titles).
                    <span class="sr-only">{label}</span>
                    <div class="day-head" aria-hidden="true">
                        <span class="num">{date.day()}</span>
                        {hol.map(|h| view! { <span class="hol">{h.get(lang)}</span> })}
                    </div>
                    {bars.into_iter().map(|s| bar(ctx, s, lang)).collect_view()}
                    {(more > 0)
                        .then(|| {
                            view! {
                                <button type="button" class="more" tabindex="-1">
                                    {more_label}
                                </button>
                            }
                        })}
                </div>
            }
        })
        .collect_view();
    view! { <div role="row" class="week">{cells}</div> }
}

/// The date of a grid cell, from its `data-date`.
fn cell_date(cell: &web_sys::Element) -> Option<NaiveDate> {
    crate::load::parse_date(&cell.get_attribute("data-date")?).ok()
}

/// One event's bar within a week row; `--span` columns wide, in `--lane`.
fn bar(ctx: Ctx, s: &Segment, lang: Lang) -> Option<AnyView> {
    ctx.catalog.with_value(|c| {
        let event = c.events.get(s.event)?;
        let color = c.project_color(&event.project);
        let time = match event.when {
            When::Timed { start, .. } if s.is_start => {
                format!("{} ", jp::format_time(start.time()))
            }
            _ => String::new(),
        };
        let cancelled = event.status == Status::Cancelled;
        let prefix = event.status.title_prefix(lang);
        let text = format!("{prefix}{time}{}", event.title.get(lang));
        let tip = text.clone();
        let id = event.id.clone();
        let href = ctx.href(|st| st.event = Some(id.clone()));
        Some(
            view! {
                <a
                    class="bar"
                    class:cont-l=!s.is_start
                    class:cont-r=!s.is_end
                    class:cancelled=cancelled
                    href=href
                    tabindex="-1"
                    title=tip
                    data-event-id=id
                    style=format!("--span:{};--lane:{};background:{color}", s.span, s.lane)
                >
                    {text}
                </a>
            }
            .into_any(),
        )
    })
}
