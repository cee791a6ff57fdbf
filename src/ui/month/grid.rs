//! The month grid (WAI-ARIA grid pattern): the week rows of
//! [`crate::views::grid::month_rows`] over the day index, in a memo of the month
//! and the filter, so opening an event or moving the keyboard focus does
//! not redraw it. On a phone the same bars are drawn by CSS as thin
//! coloured markers and a tap picks the day.
//!
//! Keys ([`crate::views::grid::grid_key`]): arrows move between days, Home/End to
//! the start/end of the week, PageUp/PageDown by a month, Enter or Space
//! picks the day and moves to its list. One cell is in the tab order
//! (roving tabindex).

use super::week::week;
use crate::jp;
use crate::model::month::Month;
use crate::ui::browser;
use crate::ui::ctx::Ctx;
use crate::views::grid::{grid_key, month_rows, GridKey};
use crate::views::looks::{self, LANES};
use chrono::NaiveDate;
use leptos::ev::{KeyboardEvent, MouseEvent};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The grid of the month shown, with `shown_day` picked.
pub fn month_grid(ctx: Ctx, shown_day: Memo<NaiveDate>) -> impl IntoView {
    let rows = Memo::new(move |_| {
        let month = ctx.screen.month.get();
        ctx.screen.selection.with(|sel| {
            ctx.data.catalog.with_value(|c| {
                ctx.data
                    .index
                    .with_value(|ix| month_rows(month, &c.events, ix, |i| sel.keep[i], LANES))
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
        ctx.screen.picked_day.set(Some(date));
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
        ctx.prefs.lang.track();
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
                let class = looks::weekday_head_class(i);
                view! { <div role="columnheader" class=class>{name}</div> }
            })
            .collect_view()
    };
    let weeks = move || {
        let lang = ctx.lang();
        rows.with(|rows| {
            rows.iter()
                .map(|row| week(ctx, row, lang, ctx.screen.month.get_untracked()))
                .collect_view()
        })
    };
    let label = move || jp::format_month_heading(ctx.screen.month.get(), ctx.lang());
    view! {
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
    }
}

/// The date of a grid cell, from its `data-date`.
fn cell_date(cell: &web_sys::Element) -> Option<NaiveDate> {
    crate::load::parse_date(&cell.get_attribute("data-date")?).ok()
}
