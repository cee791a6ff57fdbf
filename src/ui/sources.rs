//! Other calendars in the page: their normalised files, read from this
//! site only (`sources/status.json`, `sources/<id>.json`, written by the
//! build), merged beside our events by the core
//! ([`crate::sources::attach`]); the 「他地域・他団体」 filters; the
//! provenance line of an imported event; and the stale-source notice.
//! The page never fetches another origin.

use super::ctx::use_ctx;
use super::fetch;
use crate::jp::format_instant_tokyo;
use crate::model::text::{Lang, Text};
use crate::model::Catalog;
use crate::sources::attach::{self as core, Problem};
use crate::sources::merge::source_of;
use crate::sources::status::{self, SourceStatus};
use leptos::prelude::*;

pub use crate::sources::attach::Fetched;

/// The sources' statuses, for every component (from context).
#[derive(Clone, Copy)]
pub struct Sources(pub StoredValue<Vec<SourceStatus>>);

pub fn use_sources() -> Sources {
    use_context::<Sources>().unwrap_or(Sources(StoredValue::new(Vec::new())))
}

/// Fetches `sources/status.json` and the copy of each source that has
/// one ([`core::copies_to_read`]). A site built without sources has an
/// empty status list.
pub async fn fetch_all() -> Fetched {
    let status = fetch::text(status::PATH, false).await;
    let mut files = Vec::new();
    if let Ok(text) = &status {
        for id in core::copies_to_read(text) {
            let file = fetch::text(&core::copy_path(&id), false).await;
            files.push((id, file.map_err(Text::from)));
        }
    }
    Fetched {
        status: Some(status.map_err(Text::from)),
        files,
    }
}

/// Merges the fetched sources into `catalog` ([`core::attach`]): the
/// statuses, and the problems met on the way.
pub fn attach(catalog: &mut Catalog, fetched: Fetched) -> (Vec<SourceStatus>, Vec<Problem>) {
    let attached = core::attach(catalog, &fetched);
    (attached.statuses, attached.problems)
}

/// Problems with the sources' files, when there are any (the events of
/// our own file and the valid ones of the sources are still shown).
#[component]
pub fn SourceProblems(problems: Vec<Problem>) -> impl IntoView {
    let ctx = use_ctx();
    (!problems.is_empty()).then(|| {
        let items = problems
            .into_iter()
            .map(|p| view! { <li>{ctx.tr(p.text())}</li> })
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
