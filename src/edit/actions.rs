//! What a maintainer does to a whole event: make a new one (blank: its
//! project chosen and its day typed, its id proposed from them),
//! 「次回を作る」 (the next meeting of its
//! group, on the date its rule gives, a holiday skipped and said), and
//! delete it, which for a published event offers 中止 first and needs a
//! second, explicit confirmation.

use super::state::{now_utc, Ed};
use crate::doc::draft;
use crate::doc::form;
use crate::doc::input::parse_day;
use crate::doc::Value;
use crate::jp::{format_day, holiday};
use crate::model::text::Lang;
use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;

/// The panel open under the form's buttons.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Panel {
    None,
    Preview,
    Next,
    Repeat,
    Delete,
}

/// Adds a new, blank event ([`form::blank_event`]) and opens it at its
/// project: the maintainer chooses the project and types the day (a
/// newsletter's day, rarely today), and its id is made from the two.
pub fn new_event(ed: Ed) {
    push_event(ed, form::blank_event(), "project");
}

/// Appends an event with a proposed id and opens its form.
fn add_event(ed: Ed, mut event: Value, project: &str, day: NaiveDate) {
    let taken = ed.doc.with_untracked(|d| draft::taken_ids(d, usize::MAX));
    let id = draft::propose_id(
        if project.is_empty() { "event" } else { project },
        day,
        |c| taken.iter().any(|t| t == c),
    );
    if let Value::Object { members, .. } = &mut event {
        match members.iter_mut().find(|(k, _)| k == "id") {
            Some(m) => m.1 = Value::string(id),
            None => members.insert(0, ("id".into(), Value::string(id))),
        }
    }
    push_event(ed, event, "title");
}

/// Appends an event and opens its form at `field`.
fn push_event(ed: Ed, event: Value, field: &str) {
    let mut at = 0;
    let now = now_utc();
    ed.doc.update(|d| {
        if let Ok(items) = d.array_or_new("/events") {
            items.push(event);
            at = items.len() - 1;
        }
        draft::touch(d, at, None, now);
    });
    ed.open(at, Some(field.into()));
}

#[component]
pub fn ActionPanels(index: usize, panel: RwSignal<Panel>) -> impl IntoView {
    move || match panel.get() {
        Panel::Next => view! { <NextMeeting index=index panel=panel /> }.into_any(),
        Panel::Delete => view! { <Delete index=index panel=panel /> }.into_any(),
        _ => ().into_any(),
    }
}

/// The first day of the event at `index`, and its project.
fn day_and_project(ed: Ed, index: usize) -> (Option<NaiveDate>, String) {
    ed.doc.with_untracked(|d| {
        let day = form::value(d, index, "start");
        (
            NaiveDate::parse_from_str(&day, "%Y-%m-%d").ok(),
            form::value(d, index, "project"),
        )
    })
}

#[component]
fn NextMeeting(index: usize, panel: RwSignal<Panel>) -> impl IntoView {
    let ed = super::state::use_ed();
    let (last, project) = day_and_project(ed, index);
    let Some(last) = last else {
        return view! {
            <div class="ed-panel" role="alert">
                <p>{ed.tr(("この予定の日付が読めないため、次回を作れません。先に日付を直してください。", "This event's date cannot be read; fix it first."))}</p>
            </div>
        }
        .into_any();
    };
    // The group's meeting before this one.
    let previous = ed.doc.with_untracked(|d| {
        form::rows(d, &[], "", Some(project.as_str()))
            .into_iter()
            .filter_map(|r| r.day)
            .filter(|&day| day < last)
            .max()
    });
    let proposal = draft::next_date(previous, last, |d| holiday(d).is_some());
    let rule = proposal.rule.describe();
    let (rule_ja, rule_en) = (rule.ja.to_string(), rule.get(Lang::En).to_string());
    let skipped = proposal.skipped.map(|s| {
        let name = holiday(s).map(|h| (h.get(Lang::Ja).to_owned(), h.get(Lang::En).to_owned()));
        let (hja, hen) = name.unwrap_or_default();
        (
            format!(
                "{}は祝日（{hja}）のため、1週間後にしました。",
                format_day(s, Lang::Ja)
            ),
            format!(
                "{} is a holiday ({hen}), so it moved a week later.",
                format_day(s, Lang::En)
            ),
        )
    });
    let typed = RwSignal::new(proposal.date.format("%Y-%m-%d").to_string());
    let chosen = Memo::new(move |_| parse_day(&typed.get(), Some(last.year())).ok());
    let create = move |_| {
        let Some(date) = chosen.get_untracked() else {
            return;
        };
        let event = ed
            .doc
            .with_untracked(|d| d.get(&format!("/events/{index}")).cloned());
        let Some(event) = event else { return };
        let next = draft::next_event(&event, date);
        panel.set(Panel::None);
        add_event(ed, next, &project, date);
        ed.say(
            format!(
                "次回（{}）の下書きを作りました。内容を確かめてください。",
                format_day(date, Lang::Ja)
            ),
            format!(
                "A draft of the next meeting ({}) was made; check it.",
                format_day(date, Lang::En)
            ),
            false,
        );
    };
    let previous_text = move || {
        let lang = ed.lang.get();
        match previous {
            Some(p) => lang.pick(
                format!(
                    "前々回 {}・前回 {}",
                    format_day(p, lang),
                    format_day(last, lang)
                ),
                format!(
                    "Meetings on {} and {}",
                    format_day(p, lang),
                    format_day(last, lang)
                ),
            ),
            None => lang.pick(
                format!(
                    "前回 {}（それより前の回はありません）",
                    format_day(last, lang)
                ),
                format!("Last meeting {} (none before it)", format_day(last, lang)),
            ),
        }
    };
    view! {
        <section class="ed-panel" data-testid="next-panel" aria-labelledby="ed-next-title">
            <h3 id="ed-next-title">{ed.tr(("次回を作る", "Next meeting"))}</h3>
            <p>{previous_text}</p>
            <p data-testid="next-rule">{move || ed.lang.get().pick(rule_ja.clone(), rule_en.clone())}</p>
            {skipped.map(|(ja, en)| view! {
                <p class="ed-note" data-testid="next-holiday">{move || ed.lang.get().pick(ja.clone(), en.clone())}</p>
            })}
            <p class="ed-proposal" data-testid="next-date">
                {move || {
                    let lang = ed.lang.get();
                    match chosen.get() {
                        Some(d) => format!("{}{}", lang.pick("次回: ", "Next: "), format_day(d, lang)),
                        None => lang.pick("日付が読めません", "The date cannot be read").to_string(),
                    }
                }}
            </p>
            <div class="ed-field">
                <label for="ed-next-day">{ed.tr(("日付（変えられます）", "Date (you can change it)"))}</label>
                <input
                    id="ed-next-day"
                    type="text"
                    inputmode="text"
                    data-testid="next-day"
                    prop:value=move || typed.get()
                    on:change=move |ev| typed.set(event_target_value(&ev))
                />
            </div>
            <div class="ed-tool-row">
                <button type="button" class="ed-button ed-primary" data-testid="next-confirm" on:click=create
                    disabled=move || chosen.get().is_none()>
                    {ed.tr(("この日で作る", "Create on this date"))}
                </button>
                <button type="button" class="ed-button ed-quiet" on:click=move |_| panel.set(Panel::None)>
                    {ed.tr(("やめる", "Cancel"))}
                </button>
            </div>
        </section>
    }
    .into_any()
}

#[component]
fn Delete(index: usize, panel: RwSignal<Panel>) -> impl IntoView {
    let ed = super::state::use_ed();
    let published = ed.is_published(index);
    let second = RwSignal::new(!published);
    let cancel = move |_| {
        ed.change(index, |d| draft::cancel(d, index));
        panel.set(Panel::None);
        ed.epoch.update(|n| *n += 1);
        ed.say(
            "中止にしました。登録している人のカレンダーにも「中止」と伝わります。",
            "Marked as cancelled; subscribers' calendars will show it.",
            false,
        );
    };
    let delete = move |_| {
        let stamp = draft::tokyo_stamp(now_utc());
        ed.doc.update(|d| {
            if let Some(items) = d.array_mut("/events") {
                if index < items.len() {
                    items.remove(index);
                }
            }
            if d.get("/site").is_some() {
                let _ = d.set("/site/updated", Value::string(stamp));
            }
        });
        ed.selected.set(None);
        ed.say("予定を削除しました。", "The event was deleted.", false);
        request_animation_frame(|| {
            crate::ui::browser::focus("[data-testid=\"new-event\"]");
        });
    };
    view! {
        <section class="ed-panel ed-panel-danger" data-testid="delete-panel" aria-labelledby="ed-delete-title">
            <h3 id="ed-delete-title">{ed.tr(("削除・中止", "Delete or cancel"))}</h3>
            {published.then(|| view! {
                <p>{ed.tr((
                    "この予定は公開済みです。削除すると、カレンダーに登録した人には消えたことが伝わりません。代わりに「中止」にしてください。",
                    "This event is published. Deleting it would not reach people who added it to their calendars; cancel it instead.",
                ))}</p>
                <div class="ed-tool-row">
                    <button type="button" class="ed-button ed-primary" data-testid="cancel-event" on:click=cancel>
                        {ed.tr(("中止にする", "Mark as cancelled"))}
                    </button>
                    <button type="button" class="ed-button ed-danger" data-testid="delete-anyway"
                        on:click=move |_| second.set(true) aria-expanded=move || second.get().to_string()>
                        {ed.tr(("それでも削除する…", "Delete anyway…"))}
                    </button>
                </div>
            })}
            {move || second.get().then(|| view! {
                <p class="ed-note" role="alert">{ed.tr((
                    "本当に削除しますか？ この操作は元に戻せません（下書きを保存する前ならファイルを開き直せます）。",
                    "Really delete it? This cannot be undone (before saving, you can reopen the file).",
                ))}</p>
                <div class="ed-tool-row">
                    <button type="button" class="ed-button ed-danger" data-testid="delete-confirm" on:click=delete>
                        {ed.tr(("削除する", "Delete"))}
                    </button>
                    <button type="button" class="ed-button ed-quiet" on:click=move |_| panel.set(Panel::None)>
                        {ed.tr(("やめる", "Keep it"))}
                    </button>
                </div>
            })}
        </section>
    }
}
