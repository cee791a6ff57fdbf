//! One event's form: every field of [`crate::doc::form::FIELDS`] with its label
//! and hint, the programme's and speakers' rows (add, remove, move), and
//! the checker's problems at their fields, in the checker's words.
//!
//! Inputs are drawn from the document when the form opens or its shape
//! changes ([`super::state::Ed::epoch`]); typing changes the document and
//! never redraws the input being typed in. Days and times are read when
//! the field is left (`2/25` becomes `2004-02-25` then, not mid-word).

use super::actions::{ActionPanels, Panel};
use super::preview::Preview;
use super::state::{use_ed, Ed};
use super::web;
use crate::doc::draft;
use crate::doc::form::{self, Field, Kind, FIELDS, PROGRAM_FIELDS, SPEAKER_FIELDS, STATUSES};
use crate::doc::{Layout, Value};
use chrono::Datelike;
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
    let named: Vec<String> = FIELDS.iter().map(|f| f.name.to_string()).collect();
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
            <OtherProblems index=index named=named />
            {fields}
            <Rows index=index list="program" />
            <Rows index=index list="speakers" />
        </form>
    }
}

/// Problems of the event that no input shows (an unknown field, a
/// duplicate key): listed at the top of the form.
#[component]
fn OtherProblems(index: usize, named: Vec<String>) -> impl IntoView {
    let ed = use_ed();
    move || {
        let lang = ed.lang.get();
        let len = |list: &str| list_len(ed, index, list);
        let (programs, speakers) = (len("program"), len("speakers"));
        let shown = |f: &str| {
            named.iter().any(|n| n == f)
                || row_field(f, "program", programs, PROGRAM_FIELDS)
                || row_field(f, "speakers", speakers, SPEAKER_FIELDS)
        };
        let items = ed.problems.with(|ps| {
            form::problems(ps, index)
                .into_iter()
                .filter(|(f, _)| !shown(f.as_str()))
                .map(|(f, d)| (f, d.message.get(lang).to_owned()))
                .collect::<Vec<_>>()
        });
        (!items.is_empty()).then(|| {
            let items = items
                .into_iter()
                .map(|(f, m)| {
                    let label = if f.is_empty() {
                        String::new()
                    } else {
                        format!("{f}: ")
                    };
                    view! {
                        <li class="ed-error" data-testid="field-error" data-field=f>{label}{m}</li>
                    }
                })
                .collect_view();
            view! {
                <div class="ed-other-problems">
                    <p>{lang.pick("この予定のその他の問題", "Other problems of this event")}</p>
                    <ul>{items}</ul>
                </div>
            }
        })
    }
}

/// Whether `field` is one of the inputs of a rows list (`program.2.time`).
fn row_field(field: &str, list: &str, len: usize, fields: &[Field]) -> bool {
    let Some(rest) = field.strip_prefix(list).and_then(|r| r.strip_prefix('.')) else {
        return false;
    };
    let mut parts = rest.splitn(2, '.');
    let n: Option<usize> = parts.next().and_then(|n| n.parse().ok());
    let key = parts.next().unwrap_or("");
    n.is_some_and(|n| n < len) && fields.iter().any(|f| f.name == key)
}

fn list_len(ed: Ed, index: usize, list: &str) -> usize {
    ed.doc
        .with_untracked(|d| match d.get(&format!("/events/{index}/{list}")) {
            Some(Value::Array { items, .. }) => items.len(),
            _ => 0,
        })
}

fn input_id(name: &str) -> String {
    format!("ed-f-{}", name.replace('.', "-"))
}

/// One field: label, input, hint and its problems.
fn field_view(ed: Ed, index: usize, name: String, field: Field) -> AnyView {
    let id = input_id(&name);
    let hint_id = format!("{id}-hint");
    let error_name = name.clone();
    let has_error = move || {
        ed.problems.with(|ps| {
            form::problems(ps, index)
                .iter()
                .any(|(f, _)| *f == error_name)
        })
    };
    let control = control(
        ed,
        index,
        name.clone(),
        field,
        id.clone(),
        hint_id.clone(),
        has_error.clone(),
    );
    let wide = matches!(field.kind, Kind::Lines);
    view! {
        <div class="ed-field" class:ed-wide=wide class:ed-has-error=has_error>
            <label for=id.clone()>{ed.tr(field.label)}</label>
            {control}
            <small id=hint_id class="ed-hint">{ed.tr(field.hint)}</small>
            {errors(ed, index, name)}
        </div>
    }
    .into_any()
}

/// The checker's messages for one field.
fn errors(ed: Ed, index: usize, name: String) -> impl IntoView {
    move || {
        let lang = ed.lang.get();
        ed.problems.with(|ps| {
            form::problems(ps, index)
                .into_iter()
                .filter(|(f, _)| *f == name)
                .map(|(_, d)| {
                    let m = d.message.get(lang).to_owned();
                    view! {
                        <p class="ed-error" data-testid="field-error" data-field=name.clone()>{m}</p>
                    }
                })
                .collect_view()
        })
    }
}

fn control(
    ed: Ed,
    index: usize,
    name: String,
    field: Field,
    id: String,
    hint_id: String,
    has_error: impl Fn() -> bool + Clone + Send + Sync + 'static,
) -> AnyView {
    let initial = ed.doc.with_untracked(|d| form::value(d, index, &name));
    let invalid = move || has_error().then_some("true");
    let name_attr = name.clone();
    match field.kind {
        Kind::Project => {
            let current = initial.clone();
            let options = ed
                .doc
                .with_untracked(|d| draft::projects(d, ed.lang.get_untracked()))
                .into_iter()
                .map(|(pid, pname, _)| {
                    let selected = pid == current;
                    view! { <option value=pid selected=selected>{pname}</option> }
                })
                .collect_view();
            let unknown = (!initial.is_empty()
                && !ed
                    .doc
                    .with_untracked(|d| draft::projects(d, ed.lang.get_untracked()))
                    .iter()
                    .any(|(p, _, _)| *p == initial))
            .then(
                || view! { <option value=initial.clone() selected=true>{initial.clone()}</option> },
            );
            let swatch = move || {
                let p = ed.doc.with(|d| form::value(d, index, "project"));
                ed.doc
                    .with_untracked(|d| draft::projects(d, ed.lang.get_untracked()))
                    .into_iter()
                    .find(|(id, _, _)| *id == p)
                    .map_or(crate::model::FALLBACK_COLOR.to_string(), |(_, _, c)| c)
            };
            view! {
                <div class="ed-project">
                    <span class="ed-swatch ed-swatch-big" style:background-color=swatch aria-hidden="true"></span>
                    <select
                        id=id
                        name=name_attr
                        aria-describedby=hint_id
                        aria-invalid=invalid
                        on:change=move |ev| commit(ed, index, &name, &event_target_value(&ev))
                    >
                        {initial.is_empty().then(|| view! { <option value="" selected=true>{ed.tr(("選んでください", "Choose"))}</option> })}
                        {unknown}
                        {options}
                    </select>
                </div>
            }
            .into_any()
        }
        Kind::Status => {
            let current = if initial.is_empty() {
                "scheduled".to_string()
            } else {
                initial
            };
            let options = STATUSES
                .iter()
                .map(|(value, label)| {
                    let selected = *value == current;
                    view! { <option value=*value selected=selected>{ed.tr(*label)}</option> }
                })
                .collect_view();
            view! {
                <select
                    id=id
                    name=name_attr
                    aria-describedby=hint_id
                    aria-invalid=invalid
                    on:change=move |ev| commit(ed, index, &name, &event_target_value(&ev))
                >
                    {options}
                </select>
            }
            .into_any()
        }
        Kind::Lines => view! {
            <textarea
                id=id
                name=name_attr
                rows="5"
                aria-describedby=hint_id
                aria-invalid=invalid
                prop:value=initial
                on:input=move |ev| commit(ed, index, &name, &event_target_value(&ev))
            ></textarea>
        }
        .into_any(),
        Kind::Id => {
            let refused = RwSignal::new(None::<crate::model::text::Text>);
            let name2 = name.clone();
            view! {
                <input
                    id=id
                    name=name_attr
                    type="text"
                    autocapitalize="off"
                    spellcheck="false"
                    aria-describedby=hint_id
                    aria-invalid=invalid
                    prop:value=initial
                    on:change=move |ev| {
                        let typed = event_target_value(&ev);
                        let old = ed.id_of(index);
                        match draft::check_id_change(&old, typed.trim(), ed.is_published(index)) {
                            Ok(()) => {
                                refused.set(None);
                                commit(ed, index, &name2, &typed);
                            }
                            Err(reason) => {
                                refused.set(Some(reason));
                                web::set_input("id", &old);
                            }
                        }
                    }
                />
                {move || refused.get().map(|r| view! {
                    <p class="ed-error" role="alert" data-testid="id-refused">{r.get(ed.lang.get()).to_owned()}</p>
                })}
            }
            .into_any()
        }
        kind => {
            let (kind_attr, mode) = match kind {
                Kind::Url => ("url", "url"),
                Kind::Email => ("email", "email"),
                Kind::Phone => ("tel", "tel"),
                _ => ("text", "text"),
            };
            // Days and times are read when the field is left; text as typed.
            let on_leave = matches!(kind, Kind::Day | Kind::Time);
            let name_in = name.clone();
            view! {
                <input
                    id=id
                    name=name_attr
                    type=kind_attr
                    inputmode=mode
                    autocomplete="off"
                    aria-describedby=hint_id
                    aria-invalid=invalid
                    prop:value=initial
                    on:input=move |ev| if !on_leave { commit(ed, index, &name_in, &event_target_value(&ev)) }
                    on:change=move |ev| if on_leave { commit(ed, index, &name, &event_target_value(&ev)) }
                />
            }
            .into_any()
        }
    }
}

/// Puts a typed value into the draft (through [`form::set`]), keeps a
/// proposed id in step with project and date while unpublished, and shows
/// fields whose value was rewritten (`2/25` → `2004-02-25`).
pub fn commit(ed: Ed, index: usize, name: &str, typed: &str) {
    let year = crate::ui::browser::today_tokyo().year();
    let published = ed.is_published(index);
    let mut shown: Vec<String> = Vec::new();
    if name == "status"
        && typed == "scheduled"
        && ed
            .doc
            .with_untracked(|d| d.get(&format!("/events/{index}/status")).is_none())
    {
        return;
    }
    ed.change(index, |d| {
        let before = form::id_basis(d, index);
        if let Some(rest) = name.strip_prefix("speakers.") {
            // A speaker written as a plain name becomes `{ "name": … }`.
            let n = rest.split('.').next().unwrap_or("");
            let p = format!("/events/{index}/speakers/{n}");
            if let Some(Value::String { value, .. }) = d.get(&p).cloned() {
                let _ = d.set(
                    &p,
                    Value::Object {
                        members: vec![("name".into(), Value::string(value))],
                        layout: Layout::Auto,
                    },
                );
            }
        }
        let changed = form::set(d, index, name, typed, year);
        shown.extend(changed.iter().map(|s| s.to_string()));
        if form::follow_id(d, index, published, before.as_ref()) {
            shown.push("id".into());
        }
    });
    let now = ed.doc.with_untracked(|d| {
        shown
            .iter()
            .map(|f| (f.clone(), form::value(d, index, f)))
            .collect::<Vec<_>>()
    });
    for (f, v) in now {
        if f != name || matches!(f.as_str(), "start" | "startTime" | "end" | "endTime" | "id") {
            web::set_input(&f, &v);
        }
    }
}

/// The programme's or the speakers' rows, each with its inputs and
/// buttons to move it up or down or remove it, and a button to add one.
#[component]
fn Rows(index: usize, list: &'static str) -> impl IntoView {
    let ed = use_ed();
    let len = list_len(ed, index, list);
    let (fields, heading, add) = if list == "program" {
        (
            PROGRAM_FIELDS,
            ("プログラム", "Programme"),
            ("＋ 行を追加", "+ Add a row"),
        )
    } else {
        (
            SPEAKER_FIELDS,
            ("講師", "Speakers"),
            ("＋ 講師を追加", "+ Add a speaker"),
        )
    };
    let rows = (0..len)
        .map(|i| {
            let inputs = fields
                .iter()
                .map(|f| {
                    let name = format!("{list}.{i}.{}", f.name);
                    // A speaker given as a plain name shows in the name field.
                    let plain = ed.doc.with_untracked(|d| {
                        d.text(&format!("/events/{index}/{list}/{i}")).map(str::to_string)
                    });
                    let view = field_view(ed, index, name.clone(), *f);
                    if let (Some(plain), "name") = (plain, f.name) {
                        request_animation_frame(move || web::set_input(&name, &plain));
                    }
                    view
                })
                .collect_view();
            let label = move || {
                let n = i + 1;
                ed.lang.get().pick(format!("{n}行目"), format!("Row {n}"))
            };
            view! {
                <fieldset class="ed-row-box" data-row=format!("{list}.{i}")>
                    <legend>{label}</legend>
                    <div class="ed-row-fields">{inputs}</div>
                    <div class="ed-tool-row">
                        <button type="button" class="ed-button ed-small" data-action="up" disabled={i == 0}
                            aria-label=move || format!("{} {}", label(), ed.lang.get().pick("を上へ", "up"))
                            on:click=move |_| move_row(ed, index, list, i, i.wrapping_sub(1))>"↑"</button>
                        <button type="button" class="ed-button ed-small" data-action="down" disabled={i + 1 == len}
                            aria-label=move || format!("{} {}", label(), ed.lang.get().pick("を下へ", "down"))
                            on:click=move |_| move_row(ed, index, list, i, i + 1)>"↓"</button>
                        <button type="button" class="ed-button ed-small ed-danger" data-action="remove"
                            on:click=move |_| remove_row(ed, index, list, i)>{ed.tr(("削除", "Remove"))}</button>
                    </div>
                </fieldset>
            }
        })
        .collect_view();
    view! {
        <fieldset class="ed-rows-box" data-list=list>
            <legend>{ed.tr(heading)}</legend>
            {rows}
            <button type="button" class="ed-button" data-action="add" data-list=list
                on:click=move |_| add_row(ed, index, list)>{ed.tr(add)}</button>
        </fieldset>
    }
}

fn add_row(ed: Ed, index: usize, list: &'static str) {
    let mut at = 0;
    ed.change(index, |d| {
        if let Ok(items) = d.array_or_new(&format!("/events/{index}/{list}")) {
            items.push(Value::object());
            at = items.len() - 1;
        }
    });
    ed.epoch.update(|n| *n += 1);
    let first = if list == "program" { "time" } else { "name" };
    request_animation_frame(move || {
        crate::ui::browser::focus(&format!("[name=\"{list}.{at}.{first}\"]"));
    });
}

fn move_row(ed: Ed, index: usize, list: &'static str, from: usize, to: usize) {
    let len = list_len(ed, index, list);
    if from >= len || to >= len {
        return;
    }
    ed.change(index, |d| {
        if let Some(items) = d.array_mut(&format!("/events/{index}/{list}")) {
            items.swap(from, to);
        }
    });
    ed.epoch.update(|n| *n += 1);
    let action = if to < from { "up" } else { "down" };
    request_animation_frame(move || {
        let selector =
            format!("[data-row=\"{list}.{to}\"] [data-action=\"{action}\"]:not([disabled])");
        if !crate::ui::browser::focus(&selector) {
            crate::ui::browser::focus(&format!("[data-row=\"{list}.{to}\"] input"));
        }
    });
}

fn remove_row(ed: Ed, index: usize, list: &'static str, at: usize) {
    ed.change(index, |d| {
        let p = format!("/events/{index}/{list}");
        let empty = match d.array_mut(&p) {
            Some(items) if at < items.len() => {
                items.remove(at);
                items.is_empty()
            }
            _ => false,
        };
        if empty {
            d.remove(&p);
        }
    });
    ed.epoch.update(|n| *n += 1);
    request_animation_frame(move || {
        crate::ui::browser::focus(&format!("[data-list=\"{list}\"] [data-action=\"add\"]"));
    });
}
