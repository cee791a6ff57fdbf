//! The commit with a token, as requests: the decisions are
//! [`crate::doc::commit`]'s. The editor sends the `sha` of the file it
//! opened when it knows it (else it reads GitHub's file first); when
//! GitHub has a newer file it reads it, merges, and either commits the
//! merge over the new `sha` or shows the real conflicts
//! ([`super::review::Conflicts`]); a merge with problems becomes the draft
//! to fix. Nothing is ever sent over a file the editor has not merged.

use super::state::{now_utc, Asked, Ed, Step as Screen};
use super::web;
use crate::doc::commit::{self, Put, Step};
use crate::doc::github::{self, put_outcome};
use crate::doc::merge::{Input, Side};
use crate::doc::sync::Kept;
use leptos::prelude::*;

/// How many times a commit reads and merges again when GitHub keeps
/// changing under it.
const TRIES: usize = 3;

type Said = (String, String);

/// The repository to publish to, and where it was found (untracked):
/// the file's, the page's own GitHub Pages address, `site.url`'s, or the
/// one typed on this device ([`github::find_repository`]).
pub fn repository(ed: Ed) -> Option<(String, github::Found)> {
    let page = web::location();
    let typed = ed.repo_typed.get_untracked();
    let typed = (!typed.is_empty()).then_some(typed.as_str());
    ed.doc
        .with_untracked(|d| github::find_repository(d, page.as_deref(), typed))
}

/// Commits the draft to `repo` (after the change review): over the `sha`
/// of the file it opened, else after reading GitHub's file.
pub fn start(ed: Ed, repo: String) {
    let kept = ed.kept();
    run(ed, repo, move |repo, token| async move {
        match &kept.sha {
            Some(sha) => Ok(commit::direct(&kept.base, &kept.draft, sha, now_utc())),
            None => read(&repo, &token, &kept).await,
        }
    });
}

/// Commits the merge settled by the maintainer's `choices`.
pub fn resume(ed: Ed, asked: Asked, choices: Vec<Side>) {
    let Asked {
        choice,
        repo,
        draft,
    } = asked;
    run_from(ed, repo, draft, move |_, _| async move {
        Ok(commit::settle(&choice, &choices, now_utc()))
    });
}

/// Runs a commit of the draft as it is now (see [`run_from`]).
fn run<F, Fut>(ed: Ed, repo: String, first: F)
where
    F: FnOnce(String, String) -> Fut + 'static,
    Fut: std::future::Future<Output = Result<Step, Said>> + 'static,
{
    run_from(ed, repo, ed.text.get_untracked(), first);
}

/// Runs a commit of `draft` whose first step `first` makes (from the
/// repository and the token), unless one is under way. What is typed
/// meanwhile is never dropped.
fn run_from<F, Fut>(ed: Ed, repo: String, draft: String, first: F)
where
    F: FnOnce(String, String) -> Fut + 'static,
    Fut: std::future::Future<Output = Result<Step, Said>> + 'static,
{
    if ed.busy.get_untracked() {
        return;
    }
    let token = web::token().trim().to_string();
    ed.busy.set(true);
    leptos::task::spawn_local(async move {
        let result = match first(repo.clone(), token.clone()).await {
            Ok(step) => drive(ed, (&repo, &token), &draft, step).await,
            Err(said) => Err(said),
        };
        ed.busy.set(false);
        if let Err((ja, en)) = result {
            ed.say(ja, en, true);
        }
    });
}

/// Follows the steps until a commit is made, a question is asked, or
/// something fails.
async fn drive(
    ed: Ed,
    (repo, token): (&str, &str),
    draft: &str,
    mut step: Step,
) -> Result<(), Said> {
    // The draft this commit is made of, against what the device keeps now.
    let of_draft = || Kept {
        draft: draft.to_string(),
        ..ed.kept()
    };
    for _ in 0..TRIES {
        step = match step {
            Step::Put(put) => match send(repo, token, &put).await? {
                Some(sha) => {
                    done(ed, &put, sha, draft);
                    return Ok(());
                }
                None => read(repo, token, &of_draft()).await?,
            },
            Step::Choose(choice) => {
                ed.step.set(Screen::Conflicts(Box::new(Asked {
                    choice,
                    repo: repo.to_string(),
                    draft: draft.to_string(),
                })));
                focus_later("#ed-conflicts-title");
                return Ok(());
            }
            Step::Problems { .. } if ed.text.get_untracked() != draft => {
                return Err((
                    "GitHubの新しい版と合わせている間に編集があったため、何も保存していません。もう一度公開してください。".into(),
                    "The draft changed while it was being merged with GitHub's newer file; nothing was committed. Publish again.".into(),
                ));
            }
            Step::Problems {
                text,
                problems,
                theirs,
                sha,
            } => {
                let kept = ed.kept();
                ed.keep(Kept {
                    draft: text,
                    base: theirs,
                    sha: Some(sha),
                    ..kept
                });
                ed.step.set(Screen::None);
                let n = problems.len();
                return Err((
                    format!("GitHubの新しい版と合わせましたが、問題が {n} 件あります。合わせた内容を下書きにしたので、一覧の上の「データの問題」から直して、もう一度公開してください（まだ何も保存していません）。"),
                    format!("Merged with GitHub's newer file, but the result has {n} problems. The merge is now your draft: fix them from the list of problems and publish again (nothing was committed)."),
                ));
            }
            Step::Unreadable(input) => return Err(unreadable(input)),
        };
    }
    Err((
        "GitHubのファイルが続けて更新されています。少し待ってから、もう一度公開してください（何も上書きしていません）。".into(),
        "The file on GitHub keeps changing; wait a moment and publish again (nothing was overwritten).".into(),
    ))
}

/// Reads GitHub's file and plans the commit against it.
async fn read(repo: &str, token: &str, kept: &Kept) -> Result<Step, Said> {
    let url = format!("{}?ref={}", github::contents_url(repo), github::BRANCH);
    let (status, body) = web::github("GET", &url, token, None)
        .await
        .map_err(|e| failed("GET", e))?;
    if status != 200 {
        return Err(failed("GET", status.to_string()));
    }
    let sha = github::sha_of(&body).ok_or_else(|| failed("GET", "sha".into()))?;
    let theirs = github::content_of(&body).ok_or_else(|| failed("GET", "content".into()))?;
    Ok(commit::against(
        &kept.base,
        &kept.draft,
        &theirs,
        &sha,
        now_utc(),
    ))
}

/// PUTs a file: `Some(new sha)` (maybe unknown) when committed, `None`
/// when GitHub has a newer file.
async fn send(repo: &str, token: &str, put: &Put) -> Result<Option<Option<String>>, Said> {
    let message = "編集ページから予定を更新 / Update events from the editor";
    let body = github::put_body(&put.text, &put.sha, message);
    let (status, answer) = web::github("PUT", &github::contents_url(repo), token, Some(&body))
        .await
        .map_err(|e| failed("PUT", e))?;
    match put_outcome(status) {
        github::Put::Done => Ok(Some(github::committed_sha(&answer))),
        github::Put::Newer => Ok(None),
        github::Put::Failed => Err(failed("PUT", status.to_string())),
    }
}

/// Committed: the committed file is the working copy (unless more was
/// typed meanwhile: that stays, not sent yet), the base of the next
/// commit (with its `sha`) and published; it waits for the site.
fn done(ed: Ed, put: &Put, sha: Option<String>, draft: &str) {
    let mut kept = ed.kept().committed(&put.text, sha);
    let typed = ed.text.get_untracked();
    if typed != draft {
        kept.draft = typed;
    }
    ed.keep(kept);
    ed.step.set(Screen::None);
    if put.merged {
        ed.say(
            "GitHubにあった新しい変更と合わせて保存しました。数分でカレンダーに反映されます。",
            "Merged with the newer changes on GitHub and committed; the calendar updates within minutes.",
            false,
        );
    } else {
        ed.say(
            "GitHubに保存しました。数分でカレンダーに反映されます。",
            "Committed to GitHub; the calendar updates within minutes.",
            false,
        );
    }
    focus_later("[data-testid=\"notice\"] button");
}

fn failed(what: &str, detail: String) -> Said {
    (
        format!("GitHubに保存できませんでした（{what}: {detail}）。トークンの権限とリポジトリを確かめてください。下書きはこの端末に残っています。"),
        format!("Could not commit to GitHub ({what}: {detail}); check the token's permissions and the repository. The draft stays on this device."),
    )
}

fn unreadable(input: Input) -> Said {
    let (ja, en) = match input {
        Input::Theirs => ("GitHubのファイル", "the file on GitHub"),
        Input::Base => ("開いたファイル", "the file you opened"),
        Input::Ours => ("下書き", "the draft"),
    };
    (
        format!("{ja}が JSON として読めないため、保存しませんでした。"),
        format!("Nothing was committed: {en} cannot be read as JSON."),
    )
}

/// Focuses `selector` once the page has drawn it.
pub fn focus_later(selector: &'static str) {
    request_animation_frame(move || {
        crate::ui::browser::focus(selector);
    });
}
