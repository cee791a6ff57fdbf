//! The page of one event: its head (back to the list, the title, 未公開,
//! and that what is typed is kept on this device), the actions row
//! (preview, 「次回を作る」, delete) with their panels, and the form itself,
//! `[data-testid="event-form"]`: the problems no input shows, then the
//! fields in their groups ([`crate::doc::form::GROUPS`]: 基本, 会場,
//! 申込・問い合わせ, 講師・プログラム with the speakers' and programme's rows,
//! and その他 folded until one of its fields has a problem), and the live
//! region that says a field's problems. The form is drawn again when its
//! shape changes ([`Ed::epoch`]).

use super::fields::{field_view, use_problems, Announcer, OtherProblems, Problems};
use super::rows::Rows;
use crate::doc::form::{self, Group, GROUPS};
use crate::edit::actions::{ActionPanels, Panel};
use crate::edit::preview::Preview;
use crate::edit::propose::ProposeScreen;
use crate::edit::recur::Repeat;
use crate::edit::state::{use_ed, Ed};
use leptos::prelude::*;

#[component]
pub fn FormPage(index: usize) -> impl IntoView {
    let ed = use_ed();
    let panel = RwSignal::new(Panel::None);
    let sending = RwSignal::new(false);
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
            <p class="ed-hint" data-testid="autosave-note">
                {ed.tr((
                    "入力は自動でこの端末に保存されます。公開するには、一覧に戻って保存してください。",
                    "What you type is kept on this device automatically. To publish, go back to the list and save.",
                ))}
            </p>
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
                <button type="button" class="ed-button" data-testid="repeat" on:click=move |_| panel.set(Panel::Repeat)>
                    {ed.tr(("くり返し作る", "Repeat"))}
                </button>
                <button
                    type="button"
                    class="ed-button ed-danger"
                    data-testid="delete-event"
                    on:click=move |_| panel.set(Panel::Delete)
                >
                    {ed.tr(("削除・中止", "Delete or cancel"))}
                </button>
                <button type="button" class="ed-button" data-testid="propose-open" on:click=move |_| sending.set(true)>
                    {ed.tr(("事務局に送る", "Send to the secretariat"))}
                </button>
            </div>
            <ActionPanels index=index panel=panel />
            {move || (panel.get() == Panel::Repeat).then(|| view! { <Repeat index=index panel=panel /> })}
            {move || (panel.get() == Panel::Preview).then(|| view! { <Preview index=index /> })}
            {move || {
                ed.epoch.track();
                if sending.get() {
                    view! { <ProposeScreen open=sending /> }.into_any()
                } else {
                    view! { <EventForm index=index /> }.into_any()
                }
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
    provide_context(Problems::new(ed, index));
    let groups = GROUPS
        .iter()
        .map(|g| group_view(ed, index, g))
        .collect_view();
    view! {
        <form
            class="ed-form"
            data-testid="event-form"
            on:submit=move |ev| ev.prevent_default()
            aria-labelledby="ed-form-title"
        >
            <OtherProblems index=index />
            {groups}
            <Announcer />
        </form>
    }
}

/// One group of fields: a fieldset with its legend, or, folded, a
/// `<details>` whose summary says what is inside. A folded group opens
/// by itself when one of its fields has a problem (one that does not
/// wait on other fields, like a new event's id).
fn group_view(ed: Ed, index: usize, group: &'static Group) -> AnyView {
    let fields = group
        .fields
        .iter()
        .filter_map(|name| form::field(name))
        .map(|f| field_view(ed, index, f.name.to_string(), *f))
        .collect_view();
    let rows = group
        .rows
        .iter()
        .map(|list| view! { <Rows index=index list=*list /> })
        .collect_view();
    let body = view! {
        <div class="ed-group-fields">{fields}</div>
        {rows}
    };
    if !group.folded {
        return view! {
            <fieldset class="ed-group">
                <legend>{ed.tr(group.label)}</legend>
                {body}
            </fieldset>
        }
        .into_any();
    }
    let problems = use_problems();
    let wants_open = move || {
        problems.said.with(|s| {
            s.iter().any(|p| {
                !p.waits && form::group_of(&p.field).is_some_and(|g| std::ptr::eq(g, group))
            })
        })
    };
    let node = NodeRef::<leptos::html::Details>::new();
    let open = wants_open();
    Effect::new(move |_| {
        if wants_open() {
            if let Some(details) = node.get() {
                details.set_open(true);
            }
        }
    });
    let inside = move || {
        let lang = ed.lang.get();
        let labels: Vec<&str> = group
            .fields
            .iter()
            .filter_map(|name| form::field(name))
            .map(|f| lang.pick(f.label.0, f.label.1))
            .collect();
        format!(
            "{}{}",
            lang.pick(group.label.0, group.label.1),
            lang.pick(
                format!("（{}）", labels.join("・")),
                format!(" ({})", labels.join(", "))
            )
        )
    };
    view! {
        <details class="ed-group ed-folded" data-testid="more-fields" node_ref=node open=open>
            <summary>{inside}</summary>
            {body}
        </details>
    }
    .into_any()
}
