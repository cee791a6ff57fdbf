//! Saving and publishing: download `events.json`, 「GitHubで公開」 step by
//! step through GitHub's own edit page, and an optional direct commit with
//! a token the maintainer pastes (kept in `sessionStorage` only). Each
//! send is refused while the draft has problems and goes through the
//! change review first ([`super::review`]). The repository is found
//! without JSON ([`crate::doc::github::find_repository`]) or asked once
//! and remembered on this device.

use super::commit::{focus_later, repository};
use super::review::StepPanel;
use super::state::{use_ed, Ed, Out, Step};
use super::web;
use crate::doc::github::{self, Found};
use crate::model::text::Text;
use leptos::prelude::*;

/// Whether the draft may be saved for publication; says why not.
fn clean_or_say(ed: Ed) -> bool {
    let n = ed.problems.with_untracked(Vec::len);
    if n == 0 && ed.broken.with_untracked(Vec::is_empty) {
        return true;
    }
    ed.say(
        format!("問題が {n} 件あるため、公開用には保存できません。一覧の上の「データの問題」から直してください（下書きはこのブラウザに残っています）。"),
        format!("The draft has {n} problems, so it cannot be saved for publication yet. Fix them from the list of problems (the draft stays in this browser)."),
        true,
    );
    false
}

/// Opens the change review before a send.
fn review(ed: Ed, out: Out) {
    if clean_or_say(ed) {
        ed.step.set(Step::Review(out));
        focus_later("#ed-review-title");
    }
}

#[component]
pub fn PublishPanel() -> impl IntoView {
    let ed = use_ed();
    let repo = Memo::new(move |_| {
        ed.repo_typed.track();
        ed.doc.track();
        repository(ed).map(|(repo, _)| repo)
    });
    let asking = move || {
        ed.step
            .with(|s| matches!(s, Step::Review(_) | Step::Conflicts(..)))
    };
    view! {
        <section class="ed-save" aria-labelledby="ed-save-title">
            <h2 id="ed-save-title" class="ed-h2">{ed.tr(("保存と公開", "Save and publish"))}</h2>
            <p class="ed-state" data-testid="save-state">
                {move || if ed.dirty.get() {
                    ed.lang.get().pick("保存していない変更があります（下書きはこのブラウザに残ります）", "Unsaved changes (the draft stays in this browser)")
                } else {
                    ed.lang.get().pick("変更はすべて保存済みです", "Everything is saved")
                }}
            </p>
            <StepPanel />
            // While the review or the conflicts are open, their own buttons
            // are the only way on (the panel stays in the page, folded or not).
            <div class="ed-tool-row" hidden=asking>
                <button type="button" class="ed-button ed-primary" data-testid="save-download"
                    on:click=move |_| review(ed, Out::Download)>
                    {ed.tr(("events.json を保存（ダウンロード）", "Save events.json (download)"))}
                </button>
            </div>
            <details class="ed-github" data-testid="github-steps" hidden=asking>
                <summary>{ed.tr(("GitHubで公開", "Publish on GitHub"))}</summary>
                {move || match repo.get() {
                    Some(r) => {
                        let typed = repository(ed).is_some_and(|(_, f)| f == Found::Device);
                        view! { <GitHubSteps repo=r typed=typed /> }.into_any()
                    }
                    None => view! { <AskRepository /> }.into_any(),
                }}
            </details>
        </section>
    }
}

/// Asks once which repository holds the data (`owner/name`, or GitHub's
/// address of it), and remembers it on this device.
#[component]
fn AskRepository() -> impl IntoView {
    let ed = use_ed();
    let typed = RwSignal::new(String::new());
    let error = RwSignal::new(None::<Text>);
    let save = move || match github::parse_repository(&typed.get_untracked()) {
        Ok(repo) => {
            web::remember_repository(Some(&repo));
            ed.repo_typed.set(repo);
            focus_later("[data-testid=\"github-copy\"]");
        }
        Err(said) => {
            error.set(Some(said));
            focus_later("#ed-repo");
        }
    };
    view! {
        <form class="ed-ask-repo" on:submit=move |ev| { ev.prevent_default(); save(); }>
            <p>{ed.tr((
                "公開先（データを置いているGitHubのリポジトリ）がまだわかりません。一度入れると、この端末で覚えておきます。",
                "The repository that holds the data is not known yet. Type it once; this device remembers it.",
            ))}</p>
            <div class="ed-field" class:ed-has-error=move || error.with(Option::is_some)>
                <label for="ed-repo">{ed.tr(("リポジトリ（持ち主/名前）", "Repository (owner/name)"))}</label>
                <span id="ed-repo-hint" class="ed-hint">{ed.tr((
                    "例: kanagawa-iguren/calendar（GitHubのアドレス https://github.com/… を貼り付けても構いません）",
                    "e.g. kanagawa-iguren/calendar (or paste its address https://github.com/…)",
                ))}</span>
                <input id="ed-repo" type="text" autocomplete="off" autocapitalize="off" spellcheck="false"
                    inputmode="url" data-testid="repo-input"
                    aria-invalid=move || error.with(Option::is_some).to_string()
                    aria-describedby=move || if error.with(Option::is_some) { "ed-repo-error ed-repo-hint" } else { "ed-repo-hint" }
                    prop:value=move || typed.get()
                    on:input=move |ev| typed.set(event_target_value(&ev)) />
                {move || error.get().map(|t| view! {
                    <p id="ed-repo-error" class="ed-error" data-testid="repo-error">
                        {move || t.get(ed.lang.get()).to_string()}
                    </p>
                })}
            </div>
            <button type="submit" class="ed-button" data-testid="repo-save">
                {ed.tr(("このリポジトリにする", "Use this repository"))}
            </button>
        </form>
    }
}

#[component]
fn GitHubSteps(repo: String, typed: bool) -> impl IntoView {
    let ed = use_ed();
    let edit_page = github::edit_page(&repo);
    let open = {
        let edit_page = edit_page.clone();
        move |_| {
            if clean_or_say(ed) {
                web::open_tab(&edit_page);
            }
        }
    };
    let forget = move |_| {
        web::remember_repository(None);
        ed.repo_typed.set(String::new());
        focus_later("#ed-repo");
    };
    view! {
        <p class="ed-repo" data-testid="repo">
            {ed.tr(("公開先: ", "Repository: "))}<span class="ed-repo-name">{repo.clone()}</span>
            {typed.then(|| view! {
                " "
                <button type="button" class="ed-button ed-quiet" data-testid="repo-other" on:click=forget>
                    {ed.tr(("変える", "Change"))}
                </button>
            })}
        </p>
        <ol class="ed-steps">
            <li>{ed.tr(("下の「中身をコピー」を押し、変更点を確かめてコピーします。", "Press 「中身をコピー」 (copy) below, check the changes and copy."))}
                <div><button type="button" class="ed-button" data-testid="github-copy" on:click=move |_| review(ed, Out::Copy)>
                    {ed.tr(("中身をコピー", "Copy the contents"))}
                </button></div>
            </li>
            <li>{ed.tr(("「GitHubの編集ページを開く」を押し、GitHubにログインします。", "Press 「GitHubの編集ページを開く」 and sign in to GitHub."))}
                <div><button type="button" class="ed-button" data-testid="github-open" data-href=edit_page on:click=open>
                    {ed.tr(("GitHubの編集ページを開く", "Open GitHub's edit page"))}
                </button></div>
            </li>
            <li>{ed.tr((
                "編集欄の中を長押し（パソコンは Ctrl+A）で全部選び、貼り付けて置き換えます。",
                "Select everything in the editor (Ctrl+A on a PC) and paste over it.",
            ))}</li>
            <li>{ed.tr((
                "緑の「Commit changes…」を押し、もう一度「Commit changes」を押します。",
                "Press the green 「Commit changes…」 and then 「Commit changes」 again.",
            ))}</li>
            <li>{ed.tr((
                "数分でカレンダーに反映されます（GitHub Pages が自動で公開します）。それまでは「公開待ち」と表示し、この端末の内容で編集を続けられます。",
                "The calendar updates within minutes (GitHub Pages publishes it). Until then the editor says so, and you keep editing this device's copy.",
            ))}</li>
        </ol>
        <TokenCommit />
    }
}

/// The optional direct commit with a pasted token.
#[component]
fn TokenCommit() -> impl IntoView {
    let ed = use_ed();
    let token = RwSignal::new(web::token());
    let commit = move |_| {
        if ed.busy.get_untracked() {
            return;
        }
        if token.get_untracked().trim().is_empty() {
            ed.say("トークンを入力してください。", "Paste a token first.", true);
            focus_later("#ed-token");
            return;
        }
        review(ed, Out::Commit);
    };
    view! {
        <div class="ed-token">
            <h3>{ed.tr(("（上級）トークンで直接保存", "(Advanced) commit with a token"))}</h3>
            <p class="ed-hint">{ed.tr((
                "GitHubの「fine-grained token」（このリポジトリの Contents: Read and write のみ）を貼り付けます。トークンはこのタブを閉じると消え、ほかには保存されません。ほかの人が先に保存していても上書きせず、変更を合わせます。",
                "Paste a GitHub fine-grained token (Contents: read and write, this repository only). It is forgotten when this tab closes and stored nowhere else. If someone else committed first, nothing is overwritten: the changes are merged.",
            ))}</p>
            <div class="ed-field">
                <label for="ed-token">{ed.tr(("トークン", "Token"))}</label>
                <input
                    id="ed-token"
                    type="password"
                    autocomplete="off"
                    data-testid="github-token"
                    prop:value=move || token.get()
                    on:input=move |ev| {
                        let t = event_target_value(&ev);
                        web::set_token(t.trim());
                        token.set(t);
                    }
                />
            </div>
            <button type="button" class="ed-button ed-primary" data-testid="github-commit" on:click=commit
                disabled=move || ed.busy.get()>
                {move || if ed.busy.get() {
                    ed.lang.get().pick("保存中…", "Committing…")
                } else {
                    ed.lang.get().pick("GitHubに直接保存", "Commit to GitHub")
                }}
            </button>
        </div>
    }
}
