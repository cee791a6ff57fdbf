//! Other calendars in the page: their events come merged into the month
//! files by the build ([`crate::site::months`]); the page reads their
//! statuses from this site (`sources/status.json`) for the 「他地域・他団体」
//! filters, the
//! provenance line of an imported event; and the stale-source notice.
//! The page never fetches another origin.

use super::ctx::use_ctx;
use super::fetch;
use crate::jp::format_instant_tokyo;
use crate::model::text::{Lang, Text};
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

/// Fetches `sources/status.json` (a site built without sources has an
/// empty status list). The sources' events come merged into the month
/// files by the build; the statuses say where each comes from.
pub async fn fetch_status() -> Fetched {
    let status = fetch::text(status::PATH, false).await;
    Fetched {
        status: Some(status.map_err(Text::from)),
        files: Vec::new(),
    }
}

/// The sources' statuses, and the problems of the status file.
pub fn statuses(fetched: Fetched) -> (Vec<SourceStatus>, Vec<Problem>) {
    core::statuses(&fetched)
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
