//! The event detail: a modal `<dialog>` with everything the data says
//! about one event (date and time with the weekday, venue, room, address
//! with a map-search link, phone, fee, capacity, speakers, the programme
//! as a timed list, contact, description, link, status) and the ways to
//! put it into a calendar: the published `ics/event/<id>.ics`, Google
//! Calendar and Outlook.
//!
//! It opens when `e=` names an event. Focus moves into it, Escape or a
//! click outside closes it, and focus returns to the element that opened
//! it. What it says of the event is [`crate::views::facts`] (the share
//! page and the FAX sheet say the same); this file only places them. All
//! data is shown as text; links are only the loader-checked http(s) ones,
//! a map search, `tel:` (digits only) and `mailto:`.

use super::browser;
use super::ctx::use_ctx;
use super::rows::status_badge;
use super::subscribe::InAppNotice;
use crate::model::text::Lang;
use crate::model::Event;
use crate::site::publish::{event_path, fax_path};
use crate::views::facts::{facts, Key, Link, LinkKind, Part, Value};
use crate::views::links::{event_page, google, outlook};
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

/// A link of a fact: the web's (and the map's) open in a new tab.
fn link(l: Link) -> AnyView {
    match l.kind {
        LinkKind::Web | LinkKind::Map => {
            let map = l.kind == LinkKind::Map;
            view! { <a href=l.href target="_blank" rel="noopener" class:map=map>{l.text}</a> }
                .into_any()
        }
        LinkKind::Tel | LinkKind::Mail => view! { <a href=l.href>{l.text}</a> }.into_any(),
    }
}

/// The parts of a line, a space between them.
fn parts(list: Vec<Part>) -> AnyView {
    let mut views = Vec::new();
    for p in list {
        if !views.is_empty() {
            views.push(" ".into_any());
        }
        views.push(match p {
            Part::Text(t) => t.into_any(),
            Part::Link(l) => link(l),
        });
    }
    views.into_any()
}

fn people(names: Vec<String>) -> AnyView {
    names
        .into_iter()
        .map(|n| view! { <span class="speaker">{n}</span> })
        .collect_view()
        .into_any()
}

/// A fact's value: a line as it is, people a line each, the programme as
/// a timed list, the contact's lines as a list (the app lists no other).
fn value(value: Value) -> AnyView {
    match value {
        Value::Line(list) => parts(list),
        Value::People(names) => people(names),
        Value::Items(items) => {
            let items = items
                .into_iter()
                .map(|i| {
                    let who = (!i.speakers.is_empty())
                        .then(|| view! { <span class="pspeakers">{people(i.speakers)}</span> });
                    view! {
                        <li>
                            <span class="ptime">{i.time.unwrap_or_default()}</span>
                            <span class="ptitle">{i.title}{who}</span>
                        </li>
                    }
                })
                .collect_view();
            view! { <ol class="program">{items}</ol> }.into_any()
        }
        Value::Lines(lines) => {
            let lines = lines
                .into_iter()
                .map(|l| {
                    let label = l.label.map(|k| view! { <span class="k">{k}</span>" " });
                    view! { <li class:note=l.note>{label}{parts(l.parts)}</li> }
                })
                .collect_view();
            view! { <ul class="contact">{lines}</ul> }.into_any()
        }
    }
}

/// The ways to sign up, as [`signup::plan`] decides them: the
/// registration form (the main button; after the deadline it says so
/// instead), a prefilled e-mail, a call, the FAX sheet. Addresses and
/// numbers are also shown as text, for phones without a mail app.
fn signup(event: &Event, lang: Lang) -> Option<AnyView> {
    let plan = signup::plan(event, browser::now_tokyo())?;
    let deadline = plan.deadline.map(|d| {
        let label = Key::Deadline.label();
        view! { <p class="deadline">{label.get(lang).to_owned()}{lang.pick("：", ": ")}{d.text(lang)}</p> }
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

/// The detail of `event`: its [`facts`], the organiser and the date in
/// the head, the sign-up box (its own words, by the day), the rest as the
/// `<dl>`, then the description and the ways into a calendar.
pub(crate) fn content(event: &Event, lang: Lang) -> impl IntoView {
    let ctx = use_ctx();
    let facts = ctx.data.catalog.with_value(|c| facts(event, c, lang));
    let color = ctx.project_look(&event.project, lang).0;
    let project_ja = ctx.project_look(&event.project, Lang::Ja).1;
    let mut project = None;
    let mut when = None;
    let mut list = Vec::new();
    for f in facts {
        match f.key {
            Key::Organiser => project = Some(value(f.value)),
            Key::When => when = Some(value(f.value)),
            // The sign-up box says these, with the day's buttons.
            Key::Deadline | Key::Signup => {}
            _ => list.push(view! {
                <dt>{f.label.get(lang).to_owned()}</dt>
                <dd>{value(f.value)}</dd>
            }),
        }
    }
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
            <p class="when">{when}</p>
            {signup(event, lang)}
            <super::sources::Provenance project=event.project.clone() lang=lang />
            <dl class="facts">{list}</dl>
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
