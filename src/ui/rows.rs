//! One event as a row of the day list and the list view: time, title,
//! project (in its colour) and venue, as a real link to the event's detail
//! (`?e=ID`), so it can be opened in a new tab or copied.

use super::ctx::Ctx;
use crate::model::text::Lang;
use crate::model::{Event, Status};
use crate::views::label::time_label;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A status badge: 中止 for cancelled, 仮 for tentative.
pub fn status_badge(status: Status, lang: Lang) -> Option<AnyView> {
    let text = status.badge(lang)?;
    let class = match status {
        Status::Cancelled => "badge cancelled",
        _ => "badge tentative",
    };
    Some(view! { <span class=class>{text}</span> }.into_any())
}

/// The app's one click handler for event links (`a[data-event-id]`, in
/// the grid, the day list and the list view): opens the detail in place.
/// A modified click still opens a new tab. One listener on the app
/// instead of one per link: a month of 10,000 events redraws a hundred
/// links, and each listener costs a JS closure made and dropped.
pub fn open_event_link(ctx: Ctx, ev: &leptos::ev::MouseEvent) {
    if ev.default_prevented()
        || ev.ctrl_key()
        || ev.meta_key()
        || ev.shift_key()
        || ev.alt_key()
        || ev.button() != 0
    {
        return;
    }
    let Some(link) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| e.closest("a[data-event-id]").ok().flatten())
    else {
        return;
    };
    let Some(id) = link.get_attribute("data-event-id") else {
        return;
    };
    ev.prevent_default();
    ctx.open(&id, Some(link));
}

/// One `<li>` for `event`.
pub fn event_row(ctx: Ctx, event: &Event, continued: bool, lang: Lang) -> impl IntoView {
    let (color, project) = ctx.project_look(&event.project, lang);
    let id = event.id.clone();
    let href = ctx.href(|s| s.event = Some(id.clone()));
    let venue = event
        .venue
        .as_ref()
        .and_then(|v| v.name.clone().or_else(|| v.room.clone()));
    let cancelled = event.status == Status::Cancelled;
    view! {
        <li class="ev-row">
            <a
                class="ev"
                class:cancelled=cancelled
                href=href
                data-event-id=id
            >
                <span class="time">{time_label(&event.when, continued, lang)}</span>
                <span class="title">
                    {status_badge(event.status, lang)}
                    {event.title.get(lang).to_owned()}
                </span>
                <span class="meta">
                    <span class="chip" style=format!("background:{color}") aria-hidden="true"></span>
                    {project}
                    {venue.map(|v| view! { <span class="venue">{v}</span> })}
                </span>
            </a>
        </li>
    }
}

/// The row of event `index` of the catalogue (nothing for a bad index).
pub fn row_for(ctx: Ctx, index: usize, continued: bool, lang: Lang) -> Option<AnyView> {
    ctx.data.catalog.with_value(|c| {
        c.events
            .get(index)
            .map(|e| event_row(ctx, e, continued, lang).into_any())
    })
}
