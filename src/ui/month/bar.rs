//! One event's bar in a week row of the month grid: its project's
//! colour, the start time where it starts, the title (marked when
//! cancelled), as a real link to the event's detail.

use crate::model::text::Lang;
use crate::model::Status;
use crate::ui::ctx::Ctx;
use crate::views::grid::Segment;
use crate::views::label::bar_text;
use crate::views::looks;
use leptos::prelude::*;

/// One event's bar within a week row; `--span` columns wide, in `--lane`.
pub fn bar(ctx: Ctx, s: &Segment, lang: Lang) -> Option<AnyView> {
    ctx.data.catalog.with_value(|c| {
        let event = c.events.get(s.event)?;
        let color = c.project_color(&event.project);
        let class = looks::bar_class(s, event.status == Status::Cancelled);
        let style = looks::bar_style(s, color);
        let text = bar_text(event, s.is_start, lang);
        let tip = text.clone();
        let id = event.id.clone();
        let href = ctx.href(|st| st.event = Some(id.clone()));
        Some(
            view! {
                <a
                    class=class
                    href=href
                    tabindex="-1"
                    title=tip
                    data-event-id=id
                    style=style
                >
                    {text}
                </a>
            }
            .into_any(),
        )
    })
}
