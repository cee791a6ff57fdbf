//! The bar above the views: month / list switch, and in the month view the
//! month heading (`2004年（平成16年）2月`) with previous, next and today.

use super::ctx::{use_ctx, Nav};
use super::months;
use crate::jp::format_month_heading;
use crate::model::month::Month;
use crate::views::route::View;
use leptos::prelude::*;

#[component]
pub fn Toolbar() -> impl IntoView {
    let ctx = use_ctx();
    let view_kind = Memo::new(move |_| ctx.screen.state.with(|s| s.view));
    let switch = move |v: View| {
        move |_| {
            if view_kind.get_untracked() != v {
                ctx.go(Nav::Push, |s| s.view = v);
            }
        }
    };
    let step = move |delta: i32| {
        move |_| {
            let month = months::stepping_from(ctx).add_months(delta);
            months::step_to(ctx, month, None);
        }
    };
    let to_today = move |_| {
        let today = ctx.data.today;
        months::step_to(ctx, Month::of(today), Some(today));
    };
    let heading = move || format_month_heading(ctx.screen.month.get(), ctx.lang());
    let is_month = move || view_kind.get() == View::Month;
    view! {
        <nav class="toolbar" aria-label=ctx.tr(("表示の切り替え", "View"))>
            <div class="switch" role="group" aria-label=ctx.tr(("表示", "View"))>
                <button
                    type="button"
                    data-testid="view-month"
                    aria-pressed=move || is_month().to_string()
                    on:click=switch(View::Month)
                >
                    {ctx.tr(("月", "Month"))}
                </button>
                <button
                    type="button"
                    data-testid="view-list"
                    aria-pressed=move || (!is_month()).to_string()
                    on:click=switch(View::List)
                >
                    {ctx.tr(("一覧", "List"))}
                </button>
            </div>
            <Show when=is_month>
                <div class="month-nav">
                    <button
                        type="button"
                        class="step"
                        data-testid="prev-month"
                        aria-label=ctx.tr(("前の月", "Previous month"))
                        on:click=step(-1)
                    >
                        "‹"
                    </button>
                    <h2 class="month-heading" aria-live="polite">{heading}</h2>
                    <button
                        type="button"
                        class="step"
                        data-testid="next-month"
                        aria-label=ctx.tr(("次の月", "Next month"))
                        on:click=step(1)
                    >
                        "›"
                    </button>
                    <button type="button" class="today" data-testid="today" on:click=to_today>
                        {ctx.tr(("今日", "Today"))}
                    </button>
                </div>
            </Show>
        </nav>
    }
}
