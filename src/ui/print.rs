//! The month on paper. When the member prints (the browser's
//! `beforeprint`), every event of the month shown is listed under the
//! grid, by day, with its project's name as text, so nothing hidden
//! behind "+N件" is lost and colours need not survive black-and-white
//! printing. The list exists only while printing: on screen, a month of
//! a large file costs nothing extra. The layout is in `style.css`
//! (`@media print`, A4 landscape). [`PrintQr`] puts the QR code of the
//! calendar's address (`qr/calendar.svg`, made by the build when
//! `site.url` is known) in the corner of the printed month.

use super::ctx::use_ctx;
use super::list::day_groups;
use crate::site::publish::calendar_qr_path;
use crate::views::agenda::{agenda, Scope};
use crate::views::label::print_heading;
use leptos::prelude::*;

#[component]
pub fn PrintList() -> impl IntoView {
    let ctx = use_ctx();
    let printing = RwSignal::new(false);
    let on = window_event_listener(leptos::ev::beforeprint, move |_| printing.set(true));
    let off = window_event_listener(leptos::ev::afterprint, move |_| printing.set(false));
    on_cleanup(move || {
        on.remove();
        off.remove();
    });
    move || {
        printing.get().then(|| {
            let month = ctx.screen.month.get_untracked();
            let lang = ctx.prefs.lang.get_untracked();
            let start = month.first_day().unwrap_or(ctx.data.today);
            let end = month.add_months(1).first_day().unwrap_or(start);
            let page = ctx.screen.selection.with_untracked(|sel| {
                ctx.data.catalog.with_value(|c| {
                    agenda(
                        &c.events,
                        &sel.ids,
                        Scope::Range { start, end },
                        0,
                        usize::MAX,
                    )
                })
            });
            let heading = print_heading(month, page.total, lang);
            view! {
                <section class="print-list">
                    <h2>{heading}</h2>
                    {day_groups(ctx, &page.groups, lang, month.year())}
                </section>
            }
        })
    }
}

/// The QR code of the calendar's address, shown only on paper; nothing
/// when the data has no `site.url` (the build then makes no code).
#[component]
pub fn PrintQr() -> impl IntoView {
    let ctx = use_ctx();
    let url = ctx.data.catalog.with_value(|c| c.site.url.clone());
    url.map(|url| {
        let alt = format!("QRコード / QR code: {url}");
        view! {
            <figure class="print-qr" data-testid="print-qr">
                <img src=calendar_qr_path() alt=alt width="96" height="96" />
                <figcaption>{url}</figcaption>
            </figure>
        }
    })
}
