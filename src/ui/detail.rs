//! The event detail: a modal `<dialog>` with everything the data says
//! about one event (date and time with the weekday, venue, room, address
//! with a map-search link, phone, fee, capacity, speakers, the programme
//! as a timed list, contact, description, link, status) and the ways to
//! put it into a calendar: the published `ics/event/<id>.ics`, Google
//! Calendar and Outlook.
//!
//! It opens when `e=` names an event. Focus moves into it, Escape or a
//! click outside closes it, and focus returns to the element that opened
//! it. All data is shown as text; links are only the loader-checked
//! http(s) ones, `tel:` (digits only) and `mailto:`.

use super::browser;
use super::ctx::use_ctx;
use super::rows::status_badge;
use super::subscribe::InAppNotice;
use crate::jp::{format_time, format_when};
use crate::model::text::Lang;
use crate::model::{Contact, Event, Speaker};
use crate::site::publish::{event_path, fax_path};
use crate::views::links::{event_page, google, map_search, outlook, tel};
use crate::views::signup::{self, Way};
use leptos::ev::KeyboardEvent;
use leptos::html;
use leptos::prelude::*;

#[component]
pub fn Detail() -> impl IntoView {
    let ctx = use_ctx();
    move || {
        ctx.screen
            .open_event
            .get()
            .map(|id| view! { <EventDialog id=id /> })
    }
}

#[component]
fn EventDialog(id: String) -> impl IntoView {
    let ctx = use_ctx();
    let dialog = NodeRef::<html::Dialog>::new();
    Effect::new(move |_| {
        if let Some(d) = dialog.get() {
            if !d.open() {
                let _ = d.show_modal();
            }
        }
    });
    let focus_back = id.clone();
    on_cleanup(move || {
        let opener = ctx.screen.opener.try_update_value(Option::take).flatten();
        request_animation_frame(move || {
            let back = opener.is_some_and(|o| browser::focus_element(&o));
            if !back {
                browser::focus(&format!("main [data-event-id=\"{focus_back}\"]"));
            }
        });
    });
    let on_key = move |ev: KeyboardEvent| {
        if ev.key() == "Escape" {
            ev.prevent_default();
            ctx.close();
        }
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        // A click on the backdrop (the dialog itself, not its content).
        if ev.target() == ev.current_target() {
            ctx.close();
        }
    };
    let body = move || {
        let lang = ctx.lang();
        ctx.data
            .catalog
            .with_value(|c| c.event(&id).cloned())
            .map(|event| content(&event, lang))
    };
    view! {
        <dialog
            node_ref=dialog
            class="detail"
            data-testid="event-detail"
            role="dialog"
            aria-modal="true"
            aria-labelledby="detail-title"
            on:keydown=on_key
            on:click=on_click
        >
            {body}
        </dialog>
    }
}

/// A `<dt>`/`<dd>` pair when the value is there.
fn fact(label: &'static str, value: Option<AnyView>) -> Option<impl IntoView> {
    value.map(|v| {
        view! {
            <dt>{label}</dt>
            <dd>{v}</dd>
        }
    })
}

fn text(value: &Option<String>) -> Option<AnyView> {
    value.clone().map(|v| v.into_any())
}

fn external(url: &str) -> AnyView {
    view! { <a href=url.to_string() target="_blank" rel="noopener">{url.to_string()}</a> }
        .into_any()
}

fn phone(number: &str) -> AnyView {
    match tel(number) {
        Some(href) => view! { <a href=href>{number.to_string()}</a> }.into_any(),
        None => number.to_string().into_any(),
    }
}

fn speakers(list: &[Speaker]) -> Option<AnyView> {
    (!list.is_empty()).then(|| {
        list.iter()
            .map(|s| {
                let text = match &s.affiliation {
                    Some(a) => format!("{}（{a}）", s.name),
                    None => s.name.clone(),
                };
                view! { <span class="speaker">{text}</span> }
            })
            .collect_view()
            .into_any()
    })
}

fn contact(c: &Contact, lang: Lang) -> AnyView {
    let line = |label: &'static str, v: Option<AnyView>| {
        v.map(|v| view! { <li><span class="k">{label}</span>" "{v}</li> })
    };
    view! {
        <ul class="contact">
            {c.name.clone().map(|n| view! { <li>{n}</li> })}
            {line("TEL", c.phone.as_deref().map(phone))}
            {line("FAX", text(&c.fax))}
            {line(
                "E-mail",
                c.email.clone().map(|m| {
                    let href = format!("mailto:{m}");
                    view! { <a href=href>{m}</a> }.into_any()
                }),
            )}
            {line("URL", c.url.as_deref().map(external))}
            {line(lang.pick("住所", "Address"), text(&c.address))}
            {c.note.clone().map(|n| view! { <li class="note">{n}</li> })}
        </ul>
    }
    .into_any()
}

/// The ways to sign up, as [`signup::plan`] decides them: the
/// registration form (the main button; after the deadline it says so
/// instead), a prefilled e-mail, a call, the FAX sheet. Addresses and
/// numbers are also shown as text, for phones without a mail app.
fn signup(event: &Event, lang: Lang) -> Option<AnyView> {
    let plan = signup::plan(event, browser::now_tokyo())?;
    let deadline = plan.deadline.map(|d| {
        view! { <p class="deadline">{lang.pick("申込締切：", "Deadline: ")}{d.text(lang)}</p> }
    });
    let note = plan
        .note
        .clone()
        .map(|n| view! { <p class="signup-note">{n}</p> });
    let actions = plan.is_open().then(|| {
        let ways = plan
            .ways
            .iter()
            .map(|w| way(event, w, plan.main.as_ref() == Some(w), lang))
            .collect_view();
        view! { <div class="signup-links">{ways}</div> }
    });
    let closed = plan.closed.map(|c| {
        view! { <p class="button passed" data-testid="signup-closed">{c.text(lang)}</p> }
    });
    Some(
        view! {
            <section class="signup" data-testid="signup" aria-labelledby="signup-title">
                <h3 id="signup-title">{lang.pick("申し込み", "Sign up")}</h3>
                {deadline}
                {closed}
                {actions}
                {note}
            </section>
        }
        .into_any(),
    )
}

/// One way to sign up: a button, then its address or number as text. The
/// form and the FAX sheet open in a new tab.
fn way(event: &Event, way: &Way, main: bool, lang: Lang) -> AnyView {
    let (href, new_tab) = match way {
        Way::Form { url } => (url.clone(), true),
        Way::Mail { href, .. } | Way::Phone { href, .. } => (href.clone(), false),
        Way::Fax { .. } => (fax_path(&event.id), true),
    };
    let target = new_tab.then_some("_blank");
    let rel = new_tab.then_some("noopener");
    let testid = format!("signup-{}", way.kind());
    let shown = way
        .shown()
        .map(|s| view! { <span class="signup-addr">{s}</span> });
    view! {
        <a class="button" class:primary=main data-testid=testid href=href target=target rel=rel>
            {way.label(lang)}
        </a>
        {shown}
    }
    .into_any()
}

pub(crate) fn content(event: &Event, lang: Lang) -> impl IntoView {
    let ctx = use_ctx();
    let (color, project) = ctx.project_look(&event.project, lang);
    let project_ja = ctx.project_look(&event.project, Lang::Ja).1;
    let venue = event.venue.clone().unwrap_or_default();
    let place = venue.place();
    let address = venue.address.clone().map(|a| {
        let map = map_search(&a);
        view! {
            {a}
            " "
            <a href=map target="_blank" rel="noopener" class="map">
                {lang.pick("地図で見る", "Map")}
            </a>
        }
        .into_any()
    });
    let program = (!event.program.is_empty()).then(|| {
        event
            .program
            .iter()
            .map(|p| {
                let time = p.time.map(format_time).unwrap_or_default();
                view! {
                    <li>
                        <span class="ptime">{time}</span>
                        <span class="ptitle">
                            {p.title.clone()}
                            {speakers(&p.speakers).map(|s| view! { <span class="pspeakers">{s}</span> })}
                        </span>
                    </li>
                }
            })
            .collect_view()
    });
    let page = event_page(&browser::href(), &event.id);
    let google_url = google(event, &project_ja, Some(&page));
    let outlook_url = outlook(event, &project_ja, Some(&page));
    let ics_path = event_path(&event.id);
    let cancelled = event.status == crate::model::Status::Cancelled;
    view! {
        <div class="detail-body" data-event-id=event.id.clone()>
            <header class="detail-head">
                <p class="detail-project">
                    <span class="chip" style=format!("background:{color}") aria-hidden="true"></span>
                    {project}
                </p>
                <button
                    type="button"
                    class="close"
                    autofocus
                    aria-label=lang.pick("閉じる", "Close")
                    on:click=move |_| ctx.close()
                >
                    "×"
                </button>
            </header>
            <h2 id="detail-title" class:cancelled=cancelled>
                {status_badge(event.status, lang)}
                {event.title.get(lang).to_owned()}
            </h2>
            <p class="when">{format_when(&event.when, lang, true)}</p>
            {signup(event, lang)}
            <super::sources::Provenance project=event.project.clone() lang=lang />
            <dl class="facts">
                {fact(lang.pick("会場", "Venue"), (!place.is_empty()).then(|| place.into_any()))}
                {fact(lang.pick("住所", "Address"), address)}
                {fact(lang.pick("会場の電話", "Venue phone"), venue.phone.as_deref().map(phone))}
                {fact(lang.pick("会場案内", "Venue info"), venue.url.as_deref().map(external))}
                {fact(lang.pick("参加費", "Fee"), text(&event.fee))}
                {fact(lang.pick("定員", "Capacity"), text(&event.capacity))}
                {fact(lang.pick("講師", "Speakers"), speakers(&event.speakers))}
                {fact(
                    lang.pick("プログラム", "Programme"),
                    program.map(|p| view! { <ol class="program">{p}</ol> }.into_any()),
                )}
                {fact(lang.pick("問い合わせ・申込", "Contact"), event.contact.as_ref().map(|c| contact(c, lang)))}
                {fact(lang.pick("詳細", "Details"), event.url.as_deref().map(external))}
            </dl>
            {event.description.clone().map(|d| view! { <p class="description">{d}</p> })}
            <section class="add-cal" aria-labelledby="add-cal-title">
                <h3 id="add-cal-title">{lang.pick("カレンダーに追加", "Add to calendar")}</h3>
                <InAppNotice />
                <div class="add-links">
                    <a class="button" href=ics_path>
                        {lang.pick("カレンダーに追加 (.ics)", "Add to calendar (.ics)")}
                    </a>
                    <a class="button" href=google_url target="_blank" rel="noopener">
                        {lang.pick("Google カレンダーに追加", "Add to Google Calendar")}
                    </a>
                    <a class="button" href=outlook_url target="_blank" rel="noopener">
                        "Outlook"
                    </a>
                </div>
            </section>
        </div>
    }
}
