//! The preview: the event's detail and its month exactly as members will
//! see them, drawn by the member page's own components
//! ([`crate::ui::detail::content`], [`crate::ui::month::MonthView`]) from
//! the draft as it would be saved, and marked 未公開.

use super::state::use_ed;
use crate::model::month::Month;
use crate::ui::ctx::Ctx;
use crate::ui::month::MonthView;
use crate::views::route::ViewState;
use leptos::prelude::*;

#[component]
pub fn Preview(index: usize) -> impl IntoView {
    let ed = use_ed();
    let lang = ed.lang.get_untracked();
    let loaded = crate::load::load(&ed.text.get_untracked());
    let id = ed.id_of(index);
    let event = loaded.catalog.event(&id).cloned();
    let head = view! {
        <h3 id="ed-preview-title">
            {ed.tr(("プレビュー", "Preview"))}
            " "
            <span class="ed-badge">{ed.tr(("未公開", "Not published"))}</span>
        </h3>
    };
    let Some(event) = event else {
        return view! {
            <section class="ed-panel ed-preview" data-testid="preview" aria-labelledby="ed-preview-title">
                {head}
                <p role="alert">{ed.tr((
                    "この予定には問題があるため、会員のページには表示されません。問題を直すとプレビューできます。",
                    "This event has problems, so the member page would leave it out. Fix them to preview it.",
                ))}</p>
            </section>
        }
        .into_any();
    };
    let state = ViewState {
        month: Some(Month::of(event.when.first_day())),
        ..ViewState::default()
    };
    let ctx = Ctx::new(loaded.catalog, state, None);
    ctx.prefs.lang.set(lang);
    provide_context(ctx);
    view! {
        <section class="ed-panel ed-preview" data-testid="preview" aria-labelledby="ed-preview-title">
            {head}
            <p class="ed-hint">{ed.tr((
                "会員のページでの見え方です（まだ公開されていません）。",
                "How members will see it (not published yet).",
            ))}</p>
            <div class="ed-preview-detail detail">{crate::ui::detail::content(&event, lang)}</div>
            <div class="ed-preview-month">
                <MonthView />
            </div>
        </section>
    }
    .into_any()
}
