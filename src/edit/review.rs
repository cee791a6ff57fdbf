//! What the publishing part shows above its buttons ([`StepPanel`]): the
//! change review (変更点) before anything leaves the phone, each event
//! added, changed, cancelled or removed and each field old → new
//! ([`crate::doc::changes`]), confirmed or cancelled; the real conflicts
//! of a commit, each with both values to choose (こちら / GitHub); and,
//! when the clipboard failed, the text selected to copy by hand.
//! Every value is shown as text.

use super::commit::{self, focus_later};
use super::state::{now_utc, use_ed, Asked, Ed, Out, Step};
use super::web;
use crate::doc::changes::{changes, Change, Kind};
use crate::doc::merge::{Conflict, Side};
use crate::doc::publish::publish_text;
use crate::doc::{Doc, Value};
use crate::model::text::{Lang, Text};
use leptos::prelude::*;

#[component]
pub fn StepPanel() -> impl IntoView {
    let ed = use_ed();
    move || match ed.step.get() {
        Step::None => ().into_any(),
        Step::Review(out) => view! { <Review out=out /> }.into_any(),
        Step::Conflicts(asked) => view! { <Conflicts asked=*asked /> }.into_any(),
        Step::CopyByHand(text) => view! { <CopyByHand text=text /> }.into_any(),
    }
}

/// The draft as it would be published after what was last sent: revisions
/// counted once, stamps ([`crate::doc::publish`]).
fn publishable(ed: Ed) -> String {
    let (saved, draft) = (ed.saved.get_untracked(), ed.text.get_untracked());
    publish_text(&saved, &draft, now_utc()).map_or(draft, |(text, _)| text)
}

/// Back to the buttons, focusing the one that opened the review.
fn close(ed: Ed, out: Out) {
    ed.step.set(Step::None);
    focus_later(match out {
        Out::Download => "[data-testid=\"save-download\"]",
        Out::Copy => "[data-testid=\"github-copy\"]",
        Out::Commit => "[data-testid=\"github-commit\"]",
    });
}

fn confirm(ed: Ed, out: Out) {
    match out {
        Out::Download => {
            let text = publishable(ed);
            web::download(&text);
            ed.keep(ed.kept().sent(&text));
            close(ed, out);
            ed.say(
                "events.json を保存しました。公開するには、下の「GitHubで公開」の手順で置き換えてください。サイトに反映されるまで、この端末の内容で編集を続けられます。",
                "events.json was saved. To publish it, follow 「GitHubで公開」 below. Until the site shows it, you keep editing this device's copy.",
                false,
            );
        }
        Out::Copy => {
            let text = publishable(ed);
            ed.keep(ed.kept().sent(&text));
            leptos::task::spawn_local(async move {
                if web::copy(&text).await {
                    close(ed, out);
                    ed.say(
                        "新しい events.json の中身をコピーしました。GitHubの編集ページに貼り付けてください。",
                        "The new events.json was copied; paste it into GitHub's edit page.",
                        false,
                    );
                } else {
                    ed.step.set(Step::CopyByHand(text));
                    ed.say(
                        "コピーできませんでした（このブラウザでは自動でコピーできません）。下の欄で全部選んであるので、手でコピーしてください。",
                        "Could not copy (this browser does not allow it). The text below is selected: copy it by hand.",
                        true,
                    );
                    request_animation_frame(|| web::select_all("#ed-copy-text"));
                }
            });
        }
        Out::Commit => match commit::repository(ed) {
            Some((repo, _)) => {
                ed.step.set(Step::None);
                commit::start(ed, repo);
            }
            None => close(ed, out),
        },
    }
}

/// The change review.
#[component]
fn Review(out: Out) -> impl IntoView {
    let ed = use_ed();
    let list = {
        let published = Doc::parse(&ed.saved.get_untracked()).unwrap_or(Doc {
            root: Value::object(),
        });
        ed.doc.with_untracked(|draft| changes(&published, draft))
    };
    let empty = list.is_empty();
    let (go_ja, go_en) = match out {
        Out::Download => ("確認してダウンロード", "Confirm and download"),
        Out::Copy => ("確認してコピー", "Confirm and copy"),
        Out::Commit => ("確認して公開", "Confirm and publish"),
    };
    view! {
        <section class="ed-panel ed-review" data-testid="review" aria-labelledby="ed-review-title">
            <h3 id="ed-review-title" class="ed-h3" tabindex="-1">{ed.tr(("変更点の確認", "Review the changes"))}</h3>
            <p>{ed.tr(if empty {
                ("前回の保存から変わったところはありません。", "Nothing changed since the last save.")
            } else {
                ("公開する前に、変わるところを確かめてください。", "Check what changes before it is published.")
            })}</p>
            <ul class="ed-changes">
                {list.into_iter().map(|c| view! { <ChangeItem change=c /> }).collect_view()}
            </ul>
            <div class="ed-tool-row">
                <button type="button" class="ed-button ed-primary" data-testid="review-confirm"
                    on:click=move |_| confirm(ed, out)>
                    {ed.tr((go_ja, go_en))}
                </button>
                <button type="button" class="ed-button" data-testid="review-cancel"
                    on:click=move |_| close(ed, out)>
                    {ed.tr(("キャンセル", "Cancel"))}
                </button>
            </div>
        </section>
    }
}

/// A value as read, or 「（なし）」.
fn shown(value: Option<&Text>, lang: Lang) -> String {
    value.map_or_else(
        || lang.pick("（なし）", "(none)").to_string(),
        |t| t.get(lang).to_string(),
    )
}

#[component]
fn ChangeItem(change: Change) -> impl IntoView {
    let ed = use_ed();
    let kind = match change.kind {
        Kind::Added => "added",
        Kind::Changed => "changed",
        Kind::Cancelled => "cancelled",
        Kind::Removed => "removed",
    };
    let label = change.kind.label();
    let title = change.title.clone();
    let fields = change.fields;
    view! {
        <li class="ed-change" data-testid="review-item" data-kind=kind data-change-id=change.id>
            <p class="ed-change-head">
                <span class=format!("ed-kind ed-kind-{kind}")>{ed.tr(label)}</span>
                " "
                <strong>{move || title.get(ed.lang.get()).to_string()}</strong>
            </p>
            <ul class="ed-fields">
                {fields.into_iter().map(|f| {
                    let label = f.label.clone();
                    view! {
                        <li class="ed-field-change" data-field=f.field.clone()>
                            <span class="ed-field-label">{move || label.get(ed.lang.get()).to_string()}</span>
                            <span class="ed-field-values">
                                {f.old.as_ref().map(|_| {
                                    let old = f.old.clone();
                                    view! {
                                        <del>{move || shown(old.as_ref(), ed.lang.get())}</del>
                                        <span aria-hidden="true">" → "</span>
                                        <span class="sr-only">{ed.tr(("から", " to "))}</span>
                                    }
                                })}
                                <ins>{move || shown(f.new.as_ref(), ed.lang.get())}</ins>
                            </span>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </li>
    }
}

/// The real conflicts of a commit, each to choose.
#[component]
fn Conflicts(asked: Asked) -> impl IntoView {
    let ed = use_ed();
    let count = asked.choice.merge.conflicts.len();
    let chosen = RwSignal::new(vec![None::<Side>; count]);
    let missing = RwSignal::new(false);
    let items = asked
        .choice
        .merge
        .conflicts
        .iter()
        .enumerate()
        .map(|(i, c)| view! { <ConflictItem conflict=c.clone() index=i chosen=chosen /> })
        .collect_view();
    let go = move |_| {
        let picks: Option<Vec<Side>> = chosen.get_untracked().into_iter().collect();
        match picks {
            Some(picks) => commit::resume(ed, asked.clone(), picks),
            None => {
                missing.set(true);
                focus_later("#ed-conflicts-missing");
            }
        }
    };
    view! {
        <section class="ed-panel ed-conflicts" data-testid="conflicts" aria-labelledby="ed-conflicts-title">
            <h3 id="ed-conflicts-title" class="ed-h3" tabindex="-1">
                {ed.tr(("ほかの人の変更と重なっています", "Someone else changed the same fields"))}
            </h3>
            <p>{ed.tr(Text::both(
                format!("GitHubのファイルが、開いたときより新しくなっています。重ならない変更は両方とも残しました。次の {count} か所は両方で変えられているので、残す方を選んでください。まだ何も上書きしていません。"),
                format!("The file on GitHub is newer than the one you opened. Changes that do not overlap were both kept. These {count} were changed on both sides: choose which to keep. Nothing was overwritten."),
            ))}</p>
            {items}
            {move || missing.get().then(|| view! {
                <p id="ed-conflicts-missing" class="ed-error" role="alert" tabindex="-1">
                    {ed.tr(("すべての項目で、どちらを残すか選んでください。", "Choose a side for each of them."))}
                </p>
            })}
            <div class="ed-tool-row">
                <button type="button" class="ed-button ed-primary" data-testid="conflicts-confirm"
                    on:click=go disabled=move || ed.busy.get()>
                    {ed.tr(("選んだ内容で公開", "Publish with these choices"))}
                </button>
                <button type="button" class="ed-button" data-testid="conflicts-cancel"
                    on:click=move |_| close(ed, Out::Commit)>
                    {ed.tr(("キャンセル", "Cancel"))}
                </button>
            </div>
        </section>
    }
}

#[component]
fn ConflictItem(
    conflict: Conflict,
    index: usize,
    chosen: RwSignal<Vec<Option<Side>>>,
) -> impl IntoView {
    let ed = use_ed();
    let whole = conflict.field.is_empty();
    let head = {
        let (t, l) = (conflict.title.clone(), conflict.label.clone());
        move || {
            let lang = ed.lang.get();
            if whole {
                format!("「{}」", t.get(lang))
            } else {
                lang.pick(
                    format!("「{}」の{}", t.get(lang), l.get(lang)),
                    format!("{} of “{}”", l.get(lang), t.get(lang)),
                )
            }
        }
    };
    let value = move |v: &crate::doc::merge::Version, lang: Lang| {
        if whole {
            match v.value {
                None => lang.pick("削除する", "remove it").to_string(),
                Some(_) => lang.pick("この版を残す", "keep this version").to_string(),
            }
        } else {
            shown(v.shown.as_ref(), lang)
        }
    };
    let option = move |side: Side, v: crate::doc::merge::Version| {
        let name = format!("ed-conflict-{index}");
        let (testid, who) = match side {
            Side::Ours => (
                "choose-ours",
                Text::fixed("こちら（この端末）", "Yours (this device)"),
            ),
            Side::Theirs => (
                "choose-theirs",
                Text::fixed("GitHub（ほかの人の変更）", "GitHub (the other change)"),
            ),
        };
        view! {
            <label class="ed-choice">
                <input type="radio" name=name data-testid=testid
                    prop:checked=move || chosen.with(|c| c[index] == Some(side))
                    on:input=move |_| chosen.update(|c| c[index] = Some(side)) />
                <span>
                    <span class="ed-choice-who">{move || who.get(ed.lang.get()).to_string()}</span>
                    <span class="ed-choice-value">{move || value(&v, ed.lang.get())}</span>
                </span>
            </label>
        }
    };
    let base = conflict.base.clone();
    view! {
        <fieldset class="ed-group ed-conflict" data-testid="conflict" data-field=conflict.field.clone()>
            <legend>{head}</legend>
            <p class="ed-hint">{move || {
                let lang = ed.lang.get();
                format!("{}{}", lang.pick("元の値: ", "Was: "), shown(base.shown.as_ref(), lang))
            }}</p>
            {option(Side::Ours, conflict.ours.clone())}
            {option(Side::Theirs, conflict.theirs.clone())}
        </fieldset>
    }
}

/// The text to copy by hand, selected.
#[component]
fn CopyByHand(text: String) -> impl IntoView {
    let ed = use_ed();
    let again = text.clone();
    view! {
        <section class="ed-panel" data-testid="copy-fallback" aria-labelledby="ed-copy-title">
            <h3 id="ed-copy-title" class="ed-h3">{ed.tr(("手でコピーしてください", "Copy it by hand"))}</h3>
            <p id="ed-copy-hint" class="ed-hint">{ed.tr((
                "下の欄の中身を全部選んであります。長押しして「コピー」を選んでください（パソコンは Ctrl+C）。うまくいかないときは、ダウンロードしたファイルをGitHubの「Add file → Upload files」から置き換えられます。",
                "Everything in the box below is selected: long-press and choose Copy (Ctrl+C on a PC). If that fails, download the file and replace it on GitHub with 「Add file → Upload files」.",
            ))}</p>
            <label for="ed-copy-text">{ed.tr(("新しい events.json の中身", "The new events.json"))}</label>
            <textarea id="ed-copy-text" class="ed-copy-text" rows="8"
                aria-describedby="ed-copy-hint" data-testid="copy-text" prop:value=text></textarea>
            <div class="ed-tool-row">
                <button type="button" class="ed-button" on:click=move |_| web::select_all("#ed-copy-text")>
                    {ed.tr(("全部選ぶ", "Select all"))}
                </button>
                <button type="button" class="ed-button" data-testid="copy-download"
                    on:click=move |_| web::download(&again)>
                    {ed.tr(("ダウンロードする", "Download it"))}
                </button>
                <button type="button" class="ed-button ed-quiet" on:click=move |_| close(ed, Out::Copy)>
                    {ed.tr(("閉じる", "Close"))}
                </button>
            </div>
        </section>
    }
}
