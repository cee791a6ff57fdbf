//! 「事務局に送る」: the proposer's screen (no account needed). Everything
//! typed in this browser that differs from the published file becomes one
//! proposal ([`proposal::items_of`]: new events, changes, cancellations);
//! the proposer writes who they are (名前, 連絡先, ひとこと), sees what will
//! be sent as the secretariat will ([`proposal::review`]), then the share
//! step: how it travels ([`proposal::delivery`] and its note), the
//! phone's share sheet when the browser has one, 「リンクをコピー」 (which
//! says when copying failed, the link stays selectable below), a
//! `mailto:` to the secretariat ([`proposal::contact_email`]), and beyond
//! the link limit the proposal's file to attach instead.

use super::state::{use_ed, Ed};
use crate::doc::proposal::{self, Delivery, Proposal, Sender};
use crate::doc::Doc;
use crate::model::text::Text;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// This page's address without its fragment or query: the link's base.
fn base_address() -> String {
    web_sys::window()
        .map(|w| {
            let l = w.location();
            format!(
                "{}{}",
                l.origin().unwrap_or_default(),
                l.pathname().unwrap_or_default()
            )
        })
        .unwrap_or_default()
}

/// The proposal the draft makes.
fn current(ed: Ed, from: Sender, message: String) -> Proposal {
    let base = ed
        .base
        .with(|b| Doc::parse(b).ok())
        .unwrap_or_else(super::empty_doc);
    let items = ed.doc.with(|d| proposal::items_of(&base, d));
    Proposal {
        from,
        message,
        items,
    }
}

/// The proposer's screen; `open` is set to false to go back to the form.
#[component]
pub fn ProposeScreen(open: RwSignal<bool>) -> impl IntoView {
    let ed = use_ed();
    let name = RwSignal::new(String::new());
    let contact = RwSignal::new(String::new());
    let message = RwSignal::new(String::new());
    let sharing = RwSignal::new(false);
    focus("#ed-propose-title");
    let made = Memo::new(move |_| {
        let from = Sender {
            name: name.get(),
            contact: contact.get(),
        };
        current(ed, from, message.get())
    });
    let text_input = |id: &'static str,
                      label: (&'static str, &'static str),
                      hint: (&'static str, &'static str),
                      value: RwSignal<String>,
                      long: bool| {
        let input = if long {
            view! { <textarea id=id name=id rows="3" maxlength="2000" aria-describedby=format!("{id}-hint") prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))></textarea> }.into_any()
        } else {
            view! { <input id=id name=id type="text" maxlength="200" aria-describedby=format!("{id}-hint") prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev)) /> }.into_any()
        };
        view! {
            <div class="ed-field">
                <label for=id>{ed.tr(label)}</label>
                {input}
                <p class="ed-hint" id=format!("{id}-hint")>{ed.tr(hint)}</p>
            </div>
        }
    };
    let who = view! {
        <fieldset class="ed-group">
            <legend>{ed.tr(("送る人", "Who is sending"))}</legend>
            {text_input("ed-from-name", ("お名前", "Your name"), ("事務局が誰からの提案か分かるように。", "So the secretariat knows who sent it."), name, false)}
            {text_input("ed-from-contact", ("連絡先", "Contact"), ("電話・メール・LINE名など。確認の連絡に使います。", "Phone, e-mail or LINE name, for questions."), contact, false)}
            {text_input("ed-from-message", ("ひとこと", "Message"), ("事務局への伝言（なくてもかまいません）。", "A note to the secretariat (optional)."), message, true)}
        </fieldset>
    };
    let preview = move || {
        let p = made.get();
        let base = ed
            .base
            .with_untracked(|b| Doc::parse(b).ok())
            .unwrap_or_else(super::empty_doc);
        let reviews = proposal::review(&base, &p);
        if reviews.is_empty() {
            return view! {
                <p class="ed-note" role="status" data-testid="propose-empty">{ed.tr((
                    "送る予定がまだありません。先に予定を入力してください。",
                    "There is nothing to send yet: fill in an event first.",
                ))}</p>
            }
            .into_any();
        }
        let rows = reviews.into_iter().map(|r| {
            let kind = super::inbox::kind_label(r.kind);
            let title = r.title.clone();
            let problems = r.problems.len();
            let fields = r.fields.into_iter().map(|c| super::inbox::field_row(ed, c)).collect_view();
            view! {
                <li class="ed-item" data-testid="propose-item">
                    <p>
                        <span class="ed-badge">{move || kind.get(ed.lang.get()).to_owned()}</span>" "
                        <strong>{move || title.get(ed.lang.get()).to_owned()}</strong>
                    </p>
                    {(problems > 0).then(|| view! {
                        <p class="ed-error">{move || ed.lang.get().pick(
                            format!("確かめたい点が{problems}件あります（事務局が直せます）", ),
                            format!("{problems} point(s) to check (the secretariat can fix them)"),
                        )}</p>
                    })}
                    <dl class="ed-diff">{fields}</dl>
                </li>
            }
        }).collect_view();
        view! { <ul class="ed-rows" data-testid="propose-preview">{rows}</ul> }.into_any()
    };
    view! {
        <section class="ed-panel" data-testid="propose" aria-labelledby="ed-propose-title">
            <h2 id="ed-propose-title" class="ed-h2" tabindex="-1">{ed.tr(("事務局に送る", "Send to the secretariat"))}</h2>
            <div hidden=move || sharing.get()>
                <p class="ed-hint">{ed.tr((
                    "この端末で入力・変更した予定を、事務局に提案として送ります。アカウントは要りません。事務局が確かめてから公開します。",
                    "The events you typed or changed here go to the secretariat as a proposal; no account needed. The secretariat checks them before publishing.",
                ))}</p>
                {who}
                <h3>{ed.tr(("送る内容", "What will be sent"))}</h3>
                {preview}
                <div class="ed-tool-row">
                    <button type="button" class="ed-button ed-primary" data-testid="propose-next"
                        disabled=move || made.with(|p| p.items.is_empty())
                        on:click=move |_| { sharing.set(true); focus("#ed-share-title"); }>
                        {ed.tr(("送り方を選ぶ", "Choose how to send"))}
                    </button>
                    <button type="button" class="ed-button" data-testid="propose-back" on:click=move |_| open.set(false)>
                        {ed.tr(("入力に戻る", "Back to the form"))}
                    </button>
                </div>
            </div>
            {move || sharing.get().then(|| view! { <Share made=made sharing=sharing /> })}
        </section>
    }
}

/// The share step: the note, then the ways to send.
#[component]
fn Share(made: Memo<Proposal>, sharing: RwSignal<bool>) -> impl IntoView {
    let ed = use_ed();
    let p = made.get_untracked();
    let delivery = proposal::delivery(&base_address(), &p);
    let note = delivery.note();
    let email = ed.doc.with_untracked(proposal::contact_email);
    let said = RwSignal::new(None::<Text>);
    let ways = match delivery {
        Delivery::Link(link) => {
            let mail = email.clone().map(|to| proposal::mailto(&to, &p, &link));
            let can_share = has_share();
            let (l1, l2) = (link.clone(), link.clone());
            view! {
                {can_share.then(|| view! {
                    <button type="button" class="ed-button ed-primary" data-testid="share" on:click=move |_| share(l1.clone(), said)>
                        {ed.tr(("共有する（LINE・メールなど）", "Share (LINE, mail, …)"))}
                    </button>
                })}
                <button type="button" class="ed-button" class:ed-primary=!can_share data-testid="copy-link" on:click=move |_| copy(l2.clone(), said)>
                    {ed.tr(("リンクをコピー", "Copy the link"))}
                </button>
                {mail.map(|href| view! {
                    <a class="ed-button" data-testid="mail-link" href=href>{ed.tr(("メールで送る", "Send by e-mail"))}</a>
                })}
                <div class="ed-field">
                    <label for="ed-proposal-link">{ed.tr(("リンク（長押しで選んでコピーもできます）", "The link (you can also select and copy it)"))}</label>
                    <textarea id="ed-proposal-link" data-testid="proposal-link" readonly rows="4"
                        on:focus=move |ev| select(&ev)>{link}</textarea>
                </div>
            }.into_any()
        }
        Delivery::File { name, text, .. } => {
            let mail = email.clone().map(|to| {
                proposal::mailto(&to, &p, &format!("（添付ファイル / attached: {name}）"))
            });
            view! {
                <button type="button" class="ed-button ed-primary" data-testid="save-proposal"
                    on:click=move |_| crate::ui::browser::download(&name, "application/json", &text)>
                    {ed.tr(("提案ファイルを保存", "Save the proposal's file"))}
                </button>
                {mail.map(|href| view! {
                    <a class="ed-button" data-testid="mail-link" href=href>{ed.tr(("メールを書く（ファイルを添付）", "Write an e-mail (attach the file)"))}</a>
                })}
            }.into_any()
        }
    };
    view! {
        <h3 tabindex="-1" id="ed-share-title">{ed.tr(("送り方", "How to send"))}</h3>
        <p class="ed-note" data-testid="propose-note">{move || note.get(ed.lang.get()).to_owned()}</p>
        {email.map(|e| view! { <p class="ed-hint">{ed.tr(("事務局のメール: ", "The secretariat's e-mail: "))}{e}</p> })}
        <div class="ed-tool-row">{ways}</div>
        <p role="status" data-testid="share-status">{move || said.get().map(|t| t.get(ed.lang.get()).to_owned())}</p>
        <button type="button" class="ed-button ed-quiet" on:click=move |_| { sharing.set(false); focus("#ed-propose-title"); }>
            {ed.tr(("← 内容に戻る", "← Back"))}
        </button>
    }
}

/// Moves the focus to `selector` once the screen is drawn (the button
/// pressed goes away with the step it was on).
fn focus(selector: &'static str) {
    request_animation_frame(move || {
        crate::ui::browser::focus(selector);
    });
}

fn navigator() -> Option<web_sys::Navigator> {
    web_sys::window().map(|w| w.navigator())
}

/// Whether the browser has a share sheet (`navigator.share`).
fn has_share() -> bool {
    navigator()
        .and_then(|n| js_sys::Reflect::get(&n, &JsValue::from_str("share")).ok())
        .is_some_and(|f| f.is_function())
}

fn share(link: String, said: RwSignal<Option<Text>>) {
    let Some(n) = navigator() else { return };
    let data = js_sys::Object::new();
    let _ = js_sys::Reflect::set(
        &data,
        &"title".into(),
        &"予定の提案 / Event proposal".into(),
    );
    let _ = js_sys::Reflect::set(&data, &"url".into(), &link.into());
    let Some(f) = js_sys::Reflect::get(&n, &"share".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    else {
        return;
    };
    let Ok(promise) = f
        .call1(&n, &data)
        .and_then(|p| p.dyn_into::<js_sys::Promise>())
    else {
        said.set(Some(
            (
                "共有できませんでした。リンクをコピーしてください。",
                "Sharing failed; copy the link instead.",
            )
                .into(),
        ));
        return;
    };
    leptos::task::spawn_local(async move {
        if JsFuture::from(promise).await.is_err() {
            said.set(Some(
                (
                    "共有しませんでした。ほかの方法でも送れます。",
                    "Not shared; you can use another way.",
                )
                    .into(),
            ));
        }
    });
}

fn copy(link: String, said: RwSignal<Option<Text>>) {
    let failed: Text = (
        "コピーできませんでした。下のリンクを長押しして選び、コピーしてください。",
        "Copying failed: select the link below and copy it.",
    )
        .into();
    let Some(n) = navigator() else {
        said.set(Some(failed));
        return;
    };
    let promise = n.clipboard().write_text(&link);
    leptos::task::spawn_local(async move {
        match JsFuture::from(promise).await {
            Ok(_) => said.set(Some(
                (
                    "リンクをコピーしました。LINEやメールに貼り付けて事務局に送ってください。",
                    "Link copied: paste it into LINE or an e-mail to the secretariat.",
                )
                    .into(),
            )),
            Err(_) => {
                said.set(Some(failed));
                crate::ui::browser::focus("#ed-proposal-link");
            }
        }
    });
}

fn select(ev: &web_sys::FocusEvent) {
    if let Some(area) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
    {
        area.select();
    }
}
