//! The page of one event: its head (back to the list, the title, 未公開),
//! the actions row (preview, 「次回を作る」, delete) with their panels, and
//! the form itself, `[data-testid="event-form"]`: the problems no input
//! shows, every field, then the programme's and speakers' rows. The form
//! is drawn again when its shape changes ([`Ed::epoch`]).

use super::fields::{field_view, OtherProblems};
use super::rows::Rows;
use crate::doc::form::FIELDS;
use crate::edit::actions::{ActionPanels, Panel};
use crate::edit::preview::Preview;
use crate::edit::state::{use_ed, Ed};
use leptos::prelude::*;

#[component]
pub fn FormPage(index: usize) -> impl IntoView {
    let ed = use_ed();
    let panel = RwSignal::new(Panel::None);
    let title = move || {
        ed.doc.with(|d| {
            d.text(&format!("/events/{index}/title"))
                .unwrap_or("")
                .to_string()
        })
    };
    view! {
        <div class="ed-form-page">
            <div class="ed-form-head">
                <button type="button" class="ed-button ed-quiet" data-testid="back" on:click=move |_| ed.close()>
                    {ed.tr(("← 一覧に戻る", "← Back to the list"))}
                </button>
                <h2 id="ed-form-title" class="ed-h2" tabindex="-1">
                    {move || {
                        let t = title();
                        if t.is_empty() { ed.lang.get().pick("（題名なし）", "(no title)").to_string() } else { t }
                    }}
                </h2>
                {move || (!ed.is_published_tracked(index)).then(|| view! {
                    <span class="ed-badge">{ed.tr(("未公開", "Not published"))}</span>
                })}
            </div>
            <div class="ed-tool-row" role="group" aria-label=move || ed.lang.get().pick("この予定の操作", "Actions")>
                <button
                    type="button"
                    class="ed-button"
                    data-testid="preview-button"
                    aria-pressed=move || (panel.get() == Panel::Preview).to_string()
                    on:click=move |_| panel.update(|p| *p = if *p == Panel::Preview { Panel::None } else { Panel::Preview })
                >
                    {ed.tr(("プレビュー", "Preview"))}
                </button>
                <button
                    type="button"
                    class="ed-button"
                    data-testid="next-meeting"
                    on:click=move |_| panel.set(Panel::Next)
                >
                    {ed.tr(("次回を作る", "Next meeting"))}
                </button>
                <button
                    type="button"
                    class="ed-button ed-danger"
                    data-testid="delete-event"
                    on:click=move |_| panel.set(Panel::Delete)
                >
                    {ed.tr(("削除・中止", "Delete or cancel"))}
                </button>
            </div>
            <ActionPanels index=index panel=panel />
            {move || (panel.get() == Panel::Preview).then(|| view! { <Preview index=index /> })}
            {move || {
                ed.epoch.track();
                view! { <EventForm index=index /> }
            }}
        </div>
    }
}

impl Ed {
    /// Whether the event is published (tracked on the draft).
    pub fn is_published_tracked(self, index: usize) -> bool {
        let id = self.doc.with(|d| {
            d.text(&format!("/events/{index}/id"))
                .unwrap_or("")
                .to_string()
        });
        self.published.with(|p| p.iter().any(|(i, _)| *i == id))
    }
}

#[component]
fn EventForm(index: usize) -> impl IntoView {
    let ed = use_ed();
    let fields = FIELDS
        .iter()
        .map(|f| field_view(ed, index, f.name.to_string(), *f))
        .collect_view();
    view! {
        <form
            class="ed-form"
            data-testid="event-form"
            on:submit=move |ev| ev.prevent_default()
            aria-labelledby="ed-form-title"
        >
            <OtherProblems index=index />
            {fields}
            <Rows index=index list="program" />
            <Rows index=index list="speakers" />
        </form>
    }
}
