//! Saving and publishing: download `events.json` (refused while the draft
//! has problems), 「GitHubで公開」 step by step through GitHub's own edit
//! page, and an optional direct commit through the REST contents API with
//! a token the maintainer pastes (kept in `sessionStorage` only).

use super::state::{use_ed, Ed};
use super::web;
use crate::doc::github;
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

#[component]
pub fn PublishPanel() -> impl IntoView {
    let ed = use_ed();
    let download = move |_| {
        if clean_or_say(ed) {
            let text = ed.text.get_untracked();
            web::download(&text);
            ed.saved.set(text);
            ed.say(
                "events.json を保存しました。公開するには、下の「GitHubで公開」の手順で置き換えてください。",
                "events.json was saved. To publish it, follow 「GitHubで公開」 below.",
                false,
            );
        }
    };
    let repo = Memo::new(move |_| ed.doc.with(github::repository));
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
            <div class="ed-tool-row">
                <button type="button" class="ed-button ed-primary" data-testid="save-download" on:click=download>
                    {ed.tr(("events.json を保存（ダウンロード）", "Save events.json (download)"))}
                </button>
            </div>
            <details class="ed-github" data-testid="github-steps">
                <summary>{ed.tr(("GitHubで公開", "Publish on GitHub"))}</summary>
                {move || match repo.get() {
                    Some(r) => view! { <GitHubSteps repo=r /> }.into_any(),
                    None => view! {
                        <p>{ed.tr((
                            "公開先のリポジトリがわかりません。events.json の site に \"repository\": \"持ち主/名前\" を書き足すよう、担当者に頼んでください。",
                            "The repository is not known: ask the person in charge to add \"repository\": \"owner/name\" to site in events.json.",
                        ))}</p>
                    }.into_any(),
                }}
            </details>
        </section>
    }
}

#[component]
fn GitHubSteps(repo: String) -> impl IntoView {
    let ed = use_ed();
    let edit_page = github::edit_page(&repo);
    let copy = move |_| {
        if clean_or_say(ed) {
            web::copy(&ed.text.get_untracked());
            ed.say(
                "新しい events.json の中身をコピーしました。GitHubの編集ページに貼り付けてください。",
                "The new events.json was copied; paste it into GitHub's edit page.",
                false,
            );
        }
    };
    let open = {
        let edit_page = edit_page.clone();
        move |_| {
            if clean_or_say(ed) {
                web::open_tab(&edit_page);
            }
        }
    };
    view! {
        <ol class="ed-steps">
            <li>{ed.tr(("下の「中身をコピー」を押します。", "Press 「中身をコピー」 (copy) below."))}
                <div><button type="button" class="ed-button" data-testid="github-copy" on:click=copy>
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
                "数分でカレンダーに反映されます（GitHub Pages が自動で公開します）。",
                "The calendar updates within minutes (GitHub Pages publishes it).",
            ))}</li>
        </ol>
        <TokenCommit repo=repo />
    }
}

/// The optional direct commit with a pasted token.
#[component]
fn TokenCommit(repo: String) -> impl IntoView {
    let ed = use_ed();
    let token = RwSignal::new(web::token());
    let busy = RwSignal::new(false);
    let commit = move |_| {
        if busy.get_untracked() || !clean_or_say(ed) {
            return;
        }
        let token = token.get_untracked();
        if token.trim().is_empty() {
            ed.say("トークンを入力してください。", "Paste a token first.", true);
            return;
        }
        let text = ed.text.get_untracked();
        let repo = repo.clone();
        busy.set(true);
        leptos::task::spawn_local(async move {
            let result = commit_file(&repo, token.trim(), &text).await;
            busy.set(false);
            match result {
                Ok(()) => {
                    ed.saved.set(text);
                    ed.say(
                        "GitHubに保存しました。数分でカレンダーに反映されます。",
                        "Committed to GitHub; the calendar updates within minutes.",
                        false,
                    );
                }
                Err((ja, en)) => ed.say(ja, en, true),
            }
        });
    };
    view! {
        <div class="ed-token">
            <h3>{ed.tr(("（上級）トークンで直接保存", "(Advanced) commit with a token"))}</h3>
            <p class="ed-hint">{ed.tr((
                "GitHubの「fine-grained token」（このリポジトリの Contents: Read and write のみ）を貼り付けます。トークンはこのタブを閉じると消え、ほかには保存されません。",
                "Paste a GitHub fine-grained token (Contents: read and write, this repository only). It is forgotten when this tab closes and stored nowhere else.",
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
                disabled=move || busy.get()>
                {move || if busy.get() {
                    ed.lang.get().pick("保存中…", "Committing…")
                } else {
                    ed.lang.get().pick("GitHubに直接保存", "Commit to GitHub")
                }}
            </button>
        </div>
    }
}

/// GETs the file's `sha`, then PUTs the new content over it.
async fn commit_file(repo: &str, token: &str, text: &str) -> Result<(), (String, String)> {
    let url = github::contents_url(repo);
    let failed = |what: &str, detail: String| {
        (
            format!("GitHubに保存できませんでした（{what}: {detail}）。トークンの権限とリポジトリを確かめてください。"),
            format!("Could not commit to GitHub ({what}: {detail}); check the token's permissions and the repository."),
        )
    };
    let (status, body) = web::github("GET", &format!("{url}?ref={}", github::BRANCH), token, None)
        .await
        .map_err(|e| failed("GET", e))?;
    if status != 200 {
        return Err(failed("GET", status.to_string()));
    }
    let sha = github::sha_of(&body).ok_or_else(|| failed("GET", "sha".into()))?;
    let message = "編集ページから予定を更新 / Update events from the editor";
    let put = github::put_body(text, &sha, message);
    let (status, _) = web::github("PUT", &url, token, Some(&put))
        .await
        .map_err(|e| failed("PUT", e))?;
    if status == 200 || status == 201 {
        Ok(())
    } else {
        Err(failed("PUT", status.to_string()))
    }
}
