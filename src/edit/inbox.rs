//! A proposal that arrived (予定の提案): opened from `edit/#proposal=…`
//! (read when the page opens and when its fragment changes) or from a
//! proposal's file picked or dropped on the page. The maintainer sees
//! who sent it, each proposed event with the checker's problems and, for
//! a change, the field-by-field difference against the draft
//! ([`proposal::review`]); they tick the ones to accept and press one
//! button: only then do the accepted items go into the draft
//! ([`proposal::apply`], stamped as any edit, [`draft::touch`]). A
//! damaged, truncated, oversized or hostile link shows its
//! [`DecodeError`] message and changes nothing. Every text from the
//! proposal is shown as text.

use super::state::{now_utc, use_ed, Ed};
use crate::doc::changes::{FieldChange, Kind};
use crate::doc::draft;
use crate::doc::proposal::{self, DecodeError, Proposal, Review, KEY};
use crate::model::text::{Lang, Text};
use leptos::prelude::*;
use std::cell::Cell;
use wasm_bindgen::JsCast;

type Arrived = Result<Proposal, DecodeError>;

thread_local! {
    /// The inbox's signal, for a file opened elsewhere on the page.
    static SHOWN: Cell<Option<RwSignal<Option<Arrived>>>> = const { Cell::new(None) };
}

/// The proposal in the page's address, if its fragment carries one.
fn from_address() -> Option<Arrived> {
    let hash = web_sys::window()?.location().hash().ok()?;
    // A link that passed through a mail body may come back with its line
    // breaks percent-encoded (%0D%0A): decoded, they are whitespace, which
    // the payload's reader skips. Base64url itself never needs encoding.
    let hash = crate::views::percent::decode(&hash).unwrap_or(hash);
    hash.contains(KEY).then(|| proposal::decode(&hash))
}

/// Leaves the proposal out of the address (a reload does not bring it back).
fn clear_address() {
    let Some(w) = web_sys::window() else { return };
    let location = w.location();
    let url = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    if let Ok(history) = w.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// Reads a proposal's file (`proposal-….json`) into the inbox.
pub fn open_file(file: web_sys::File) {
    let Some(shown) = SHOWN.with(Cell::get) else {
        return;
    };
    leptos::task::spawn_local(async move {
        let text = wasm_bindgen_futures::JsFuture::from(file.text())
            .await
            .ok()
            .and_then(|t| t.as_string());
        shown.set(Some(match text {
            Some(text) => proposal::from_file(&text),
            None => Err(DecodeError::NotText),
        }));
        focus_heading();
    });
}

fn focus_heading() {
    request_animation_frame(|| {
        crate::ui::browser::focus("#ed-inbox-title");
    });
}

#[component]
pub fn Inbox() -> impl IntoView {
    let ed = use_ed();
    let shown = RwSignal::new(from_address());
    SHOWN.with(|s| s.set(Some(shown)));
    if shown.get_untracked().is_some() {
        ed.selected.set(None);
        focus_heading();
    }
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        if let Some(arrived) = from_address() {
            ed.selected.set(None);
            shown.set(Some(arrived));
            focus_heading();
        }
    });
    on_cleanup(move || handle.remove());
    move || {
        shown.get().map(|arrived| match arrived {
            Ok(p) => view! { <Received proposal=p shown=shown /> }.into_any(),
            Err(e) => view! { <Refused error=e shown=shown /> }.into_any(),
        })
    }
}

/// A link or file that is not a proposal we can read: why, and nothing changed.
#[component]
fn Refused(error: DecodeError, shown: RwSignal<Option<Arrived>>) -> impl IntoView {
    let ed = use_ed();
    let message = error.message();
    view! {
        <section class="ed-panel ed-panel-danger" data-testid="inbox-error" aria-labelledby="ed-inbox-title">
            <h2 id="ed-inbox-title" class="ed-h2" tabindex="-1">{ed.tr(("提案を開けませんでした", "The proposal cannot be opened"))}</h2>
            <p role="alert">{move || message.get(ed.lang.get()).to_owned()}</p>
            <p class="ed-hint">{ed.tr((
                "下書きは何も変わっていません。送った人に、リンクをもう一度そのまま送ってもらうか、提案ファイルを送ってもらってください。",
                "Nothing in your draft has changed. Ask the sender to send the link again as it is, or the proposal's file.",
            ))}</p>
            <button type="button" class="ed-button" on:click=move |_| { clear_address(); shown.set(None); }>
                {ed.tr(("閉じる", "Close"))}
            </button>
        </section>
    }
}

#[component]
fn Received(proposal: Proposal, shown: RwSignal<Option<Arrived>>) -> impl IntoView {
    let ed = use_ed();
    let reviews = ed.doc.with_untracked(|d| proposal::review(d, &proposal));
    let accepted = RwSignal::new(Vec::<usize>::new());
    let from = proposal.from.clone();
    let message = proposal.message.clone();
    let items = reviews
        .into_iter()
        .map(|r| view! { <ReviewItem review=r accepted=accepted /> })
        .collect_view();
    let accept = move |_| {
        let chosen = accepted.get_untracked();
        put_in_draft(ed, &proposal, &chosen);
        clear_address();
        shown.set(None);
    };
    let reject = move |_| {
        clear_address();
        shown.set(None);
        ed.say(
            "提案を見送りました。下書きは変わっていません。",
            "The proposal was declined; your draft is unchanged.",
            false,
        );
    };
    let line = |ja: &'static str, en: &'static str, value: String| {
        (!value.trim().is_empty()).then(|| {
            view! {
                <p><strong>{ed.tr((ja, en))}</strong>" "{value}</p>
            }
        })
    };
    view! {
        <section class="ed-panel" data-testid="inbox" aria-labelledby="ed-inbox-title">
            <h2 id="ed-inbox-title" class="ed-h2" tabindex="-1">{ed.tr(("届いた予定の提案", "A proposal of events"))}</h2>
            <div data-testid="inbox-from">
                {line("送った人:", "From:", from.name)}
                {line("連絡先:", "Contact:", from.contact)}
                {line("ひとこと:", "Message:", message)}
            </div>
            <p class="ed-hint">{ed.tr((
                "内容と問題を確かめ、受け入れる予定に印を付けて「下書きに入れる」を押してください。押すまで下書きは変わりません。",
                "Check each event and its problems, tick the ones to accept and press \"Add to the draft\". Your draft does not change before that.",
            ))}</p>
            <ul class="ed-rows" data-testid="inbox-items">{items}</ul>
            <div class="ed-tool-row">
                <button
                    type="button"
                    class="ed-button ed-primary"
                    data-testid="inbox-accept"
                    disabled=move || accepted.with(Vec::is_empty)
                    on:click=accept
                >
                    {move || {
                        let n = accepted.with(Vec::len);
                        ed.lang.get().pick(format!("選んだ{n}件を下書きに入れる"), format!("Add {n} to the draft"))
                    }}
                </button>
                <button type="button" class="ed-button" data-testid="inbox-reject" on:click=reject>
                    {ed.tr(("すべて見送る", "Decline all"))}
                </button>
            </div>
        </section>
    }
}

/// Applies the accepted items and says what happened.
fn put_in_draft(ed: Ed, proposal: &Proposal, chosen: &[usize]) {
    let now = now_utc();
    let mut results = Vec::new();
    ed.doc.update(|d| {
        results = proposal::apply(d, proposal, chosen);
        for applied in results.iter().flatten() {
            let published = ed.published_revision(&applied.id);
            draft::touch(d, applied.index, published, now);
        }
    });
    ed.epoch.update(|n| *n += 1);
    let done = results.iter().filter(|r| r.is_ok()).count();
    let failed: Vec<Text> = results.into_iter().filter_map(Result::err).collect();
    let join = |lang: Lang| {
        failed
            .iter()
            .map(|t| t.get(lang).to_owned())
            .collect::<Vec<_>>()
            .join("、")
    };
    ed.say(
        format!(
            "提案の{done}件を下書きに入れました。確かめてから保存・公開してください。{}",
            join(Lang::Ja)
        ),
        format!(
            "{done} proposed event(s) added to the draft; check them, then save or publish. {}",
            join(Lang::En)
        ),
        !failed.is_empty(),
    );
}

/// What an item does, in words (also the proposer's preview).
pub(super) fn kind_label(kind: Kind) -> Text {
    match kind {
        Kind::Added => ("新しい予定", "New event").into(),
        Kind::Changed => ("変更", "Change").into(),
        Kind::Cancelled => ("中止", "Cancellation").into(),
        Kind::Removed => ("削除", "Removal").into(),
    }
}

#[component]
fn ReviewItem(review: Review, accepted: RwSignal<Vec<usize>>) -> impl IntoView {
    let ed = use_ed();
    let item = review.item;
    let kind = kind_label(review.kind);
    let title = review.title.clone();
    let tr = move |t: Text| move || t.get(ed.lang.get()).to_owned();
    let has_problems = !review.problems.is_empty();
    let problems = review
        .problems
        .into_iter()
        .map(|f| {
            let label = crate::doc::form::field(&f.field).map(|d| Text::from(d.label));
            let field = f.field.clone();
            view! {
                <li class="ed-error">
                    {label.map(|l| view! { <strong>{tr(l)}": "</strong> }.into_any()).unwrap_or_else(|| {
                        (!field.is_empty()).then(|| view! { <strong>{field.clone()}": "</strong> }).into_any()
                    })}
                    {tr(f.message)}
                </li>
            }
        })
        .collect_view();
    let fields = review
        .fields
        .into_iter()
        .map(|c| field_row(ed, c))
        .collect_view();
    let id = format!("ed-inbox-item-{item}");
    view! {
        <li class="ed-item" data-testid="inbox-item" data-kind=format!("{:?}", review.kind)>
            <p><span class="ed-badge">{tr(kind)}</span>" "<strong>{tr(title)}</strong></p>
            {has_problems.then(|| view! { <ul class="ed-problems" data-testid="inbox-problems">{problems}</ul> })}
            <dl class="ed-diff">{fields}</dl>
            <div class="ed-take">
                <input
                    type="checkbox"
                    id=id.clone()
                    data-testid="inbox-take"
                    on:change=move |ev| {
                        let on = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()).is_some_and(|i| i.checked());
                        accepted.update(|a| {
                            a.retain(|&i| i != item);
                            if on { a.push(item); a.sort_unstable(); }
                        });
                    }
                />
                <label for=id>{ed.tr(("受け入れる", "Accept"))}</label>
            </div>
        </li>
    }
}

/// One field's difference: its label, then old → new (also the
/// proposer's preview).
pub(super) fn field_row(ed: Ed, change: FieldChange) -> impl IntoView {
    let FieldChange {
        label, old, new, ..
    } = change;
    let value = move || {
        let lang = ed.lang.get();
        let text = |t: &Option<Text>| t.as_ref().map(|t| t.get(lang).to_owned());
        match (text(&old), text(&new)) {
            (Some(o), Some(n)) => format!("{o} → {n}"),
            (None, Some(n)) => n,
            (Some(o), None) => format!("{o} → {}", lang.pick("（なし）", "(none)")),
            (None, None) => String::new(),
        }
    };
    view! {
        <dt>{move || label.get(ed.lang.get()).to_owned()}</dt>
        <dd>{value}</dd>
    }
}
