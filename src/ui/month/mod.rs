//! The month view: a Sunday-first grid of the month's weeks following the
//! WAI-ARIA grid pattern, events as bars in their project's colour (one
//! continuous bar for a multi-day event, continued across week rows), at
//! most [`crate::views::looks::LANES`] bars a day and "+N件" for the rest, and below it the
//! list of the picked day ([`super::day::DayPanel`]).
//!
//! Three parts: `grid` (the grid itself: its rows, keys, clicks and the
//! marks of the picked and focusable cells), `week` (one row of seven day
//! cells) and `bar` (one event's bar in a row). This file holds the view
//! around them and the day whose events are listed below.

mod bar;
mod grid;
mod week;

use super::ctx::use_ctx;
use super::day::DayPanel;
use super::print::PrintList;
use crate::views::grid::default_day;
use leptos::prelude::*;

#[component]
pub fn MonthView() -> impl IntoView {
    let ctx = use_ctx();
    let shown_day = Memo::new(move |_| {
        let month = ctx.screen.month.get();
        ctx.screen
            .picked_day
            .get()
            .filter(|&d| month.contains(d))
            .unwrap_or_else(|| {
                ctx.screen.selection.with(|sel| {
                    ctx.data
                        .index
                        .with_value(|ix| default_day(month, ctx.data.today, ix, |i| sel.keep[i]))
                })
            })
    });
    view! {
        <div class="month-view">
            {grid::month_grid(ctx, shown_day)}
            <DayPanel day=shown_day />
            <PrintList />
        </div>
    }
}
