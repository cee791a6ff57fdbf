//! One week row of the month grid: seven day cells, each with its day
//! number, its holiday, the bars that start there and "+N件".

use super::bar::bar;
use crate::jp::holiday;
use crate::model::month::Month;
use crate::model::text::Lang;
use crate::ui::ctx::Ctx;
use crate::views::grid::{Segment, WeekRow};
use crate::views::label::{cell_label, more_label};
use crate::views::looks;
use chrono::Datelike;
use leptos::prelude::*;

/// One week row: seven day cells, each holding the bars that start there.
pub fn week(ctx: Ctx, row: &WeekRow, lang: Lang, month: Month) -> impl IntoView {
    let cells = (0..7)
        .map(|col| {
            let date = row.days[col];
            let bars: Vec<&Segment> = row.segments.iter().filter(|s| s.start_col == col).collect();
            let more = row.more[col];
            let count = ctx.screen.selection.with_untracked(|sel| {
                ctx.data
                    .index
                    .with_value(|ix| ix.on(date).iter().filter(|&&i| sel.keep[i]).count())
            });
            let hol = holiday(date);
            let class = looks::day_class(date, month);
            let label = cell_label(date, count, lang);
            let more_label = more_label(more, lang);
            view! {
                <div
                    role="gridcell"
                    class=class
                    data-date=date.to_string()
                    aria-current=(date == ctx.data.today).then_some("date")
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
