//! The events of one day, under the month grid: what a tap on a phone's
//! compact grid, a click on "+N件" or Enter on a day shows.

use super::ctx::use_ctx;
use super::rows::row_for;
use crate::views::agenda::{agenda, Scope};
use crate::views::label::day_heading;
use chrono::NaiveDate;
use leptos::prelude::*;

#[component]
pub fn DayPanel(day: Memo<NaiveDate>) -> impl IntoView {
    let ctx = use_ctx();
    let heading = move || day_heading(day.get(), ctx.lang());
    let items = move || {
        let (d, lang) = (day.get(), ctx.lang());
        let page = ctx.screen.selection.with(|sel| {
            let on_day: Vec<usize> = ctx
                .data
                .index
                .with_value(|ix| ix.on(d).iter().copied().filter(|&i| sel.keep[i]).collect());
            let end = d.succ_opt().unwrap_or(d);
            ctx.data.catalog.with_value(|c| {
                agenda(
                    &c.events,
                    &on_day,
                    Scope::Range { start: d, end },
                    0,
                    usize::MAX,
                )
            })
        });
        if page.is_empty() {
            let empty = lang.pick("この日の予定はありません。", "No events on this day.");
            return view! { <p class="empty">{empty}</p> }.into_any();
        }
        let rows = page
            .groups
            .iter()
            .flat_map(|g| g.items.iter())
            .map(|it| row_for(ctx, it.event, it.continued, lang))
            .collect_view();
        view! { <ul class="rows">{rows}</ul> }.into_any()
    };
    view! {
        <section class="day-panel" aria-live="polite">
            <h3 tabindex="-1">{heading}</h3>
            {items}
        </section>
    }
}
