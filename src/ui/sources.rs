//! Other calendars in the page: their normalised files, read from this
//! site only (`sources/status.json`, `sources/<id>.json`, written by the
//! build), merged beside our events; the 「他地域・他団体」 filters; the
//! provenance line of an imported event; and the stale-source notice.
//! The page never fetches another origin.

use super::ctx::use_ctx;
use super::fetch;
use crate::jp::format_instant_tokyo;
use crate::load::load;
use crate::model::text::Lang;
use crate::model::Catalog;
use crate::sources::merge::{merge, source_of};
use crate::sources::status::{self, SourceStatus};
use leptos::prelude::*;

/// What was fetched for the sources: the status file, and each source's
/// normalised file.
#[derive(Default)]
pub struct Fetched {
    status: Option<Result<String, String>>,
    files: Vec<(String, Result<String, String>)>,
}

/// The sources' statuses, for every component (from context).
#[derive(Clone, Copy)]
pub struct Sources(pub StoredValue<Vec<SourceStatus>>);

pub fn use_sources() -> Sources {
    use_context::<Sources>().unwrap_or(Sources(StoredValue::new(Vec::new())))
}

/// Fetches `sources/status.json` and the file of each source that has
/// one. A site built without sources has an empty status list.
pub async fn fetch_all() -> Fetched {
    let status = fetch::text("sources/status.json", false).await;
    let mut files = Vec::new();
    if let Ok(text) = &status {
        if let Ok((list, _)) = status::read(text) {
            for s in list.iter().filter(|s| s.last_success.is_some()) {
                let path = format!("sources/{}.json", s.source.id);
                files.push((s.source.id.clone(), fetch::text(&path, false).await));
            }
        }
    }
    Fetched {
        status: Some(status),
        files,
    }
}

/// Merges the fetched sources into `catalog`; the statuses, and each
/// problem met on the way as one line (`ja / en`).
pub fn attach(catalog: &mut Catalog, fetched: Fetched) -> (Vec<SourceStatus>, Vec<String>) {
    let mut problems = Vec::new();
    let statuses = match fetched.status {
        None => return (Vec::new(), problems),
        Some(Err(e)) => {
            problems.push(e);
            return (Vec::new(), problems);
        }
        Some(Ok(text)) => match status::read(&text) {
            Ok((list, p)) => {
                problems.extend(p);
                list
            }
            Err(e) => {
                problems.push(e);
                return (Vec::new(), problems);
            }
        },
    };
    let mut imported = Vec::new();
    for (id, file) in fetched.files {
        match file {
            Ok(text) => {
                let loaded = load(&text);
                if let Some(d) = loaded.diagnostics.first() {
                    problems.push(format!(
                        "sources/{id}.json:{d}（ほか {} 件 / {} in all）",
                        loaded.diagnostics.len() - 1,
                        loaded.diagnostics.len()
                    ));
                }
                imported.push((id, loaded.catalog));
            }
            Err(e) => problems.push(e),
        }
    }
    merge(catalog, &statuses, imported);
    (statuses, problems)
}

/// Problems with the sources' files, when there are any (the events of
/// our own file and the valid ones of the sources are still shown).
#[component]
pub fn SourceProblems(problems: Vec<String>) -> impl IntoView {
    let ctx = use_ctx();
    (!problems.is_empty()).then(|| {
        let items = problems
            .into_iter()
            .map(|p| view! { <li>{p}</li> })
            .collect_view();
        view! {
            <section class="data-error" role="alert" data-testid="source-error">
                <h2>
                    {ctx.tr((
                        "他地域・他団体のデータに問題があります（読めた分は表示しています）",
                        "Problems with other calendars' data (what could be read is shown)",
                    ))}
                </h2>
                <ul>{items}</ul>
            </section>
        }
    })
}

/// The stale notice of source `id`, when its last fetch failed.
#[component]
pub fn StaleNotice(id: String) -> impl IntoView {
    let ctx = use_ctx();
    let sources = use_sources();
    let status = sources
        .0
        .with_value(|list| source_of(list, &id).cloned())
        .filter(|s| !s.ok)?;
    Some(view! {
        <span class="stale" data-testid="source-stale" data-source-id=id>
            {move || status.stale_notice(ctx.lang()).unwrap_or_default()}
        </span>
    })
}

/// 「提供: <source> ・ 最終取得 …」 with a link to the origin, for an event
/// of a source; nothing for ours.
#[component]
pub fn Provenance(project: String, lang: Lang) -> impl IntoView {
    let sources = use_sources();
    let status = sources
        .0
        .with_value(|list| source_of(list, &project).cloned())?;
    let when = status
        .last_success
        .map(|t| format_instant_tokyo(t, lang))
        .unwrap_or_default();
    let name = status.source.name.get(lang).to_owned();
    let url = status.source.url.clone();
    let stale_id = project.clone();
    Some(view! {
        <p class="provenance" data-testid="provenance" data-source-id=project>
            {lang.pick("提供: ", "From: ")}
            {name}
            " ・ "
            {lang.pick("最終取得 ", "last fetched ")}
            {when}
            " "
            <a href=url target="_blank" rel="noopener">
                {lang.pick("元のカレンダー", "Origin")}
            </a>
            " "
            <StaleNotice id=stale_id />
        </p>
    })
}
