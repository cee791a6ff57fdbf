//! The fields of one event's form: every field of
//! [`crate::doc::form::FIELDS`] and of the programme's and speakers' rows,
//! with its label, hint and input; the event's problems at their fields,
//! in the editor's words ([`crate::doc::form::say`]: タイトル, not `title`;
//! the day's own reason; a time's problem at its time field), each tied
//! to its input (`aria-describedby`, `aria-invalid`) and said once in the
//! form's live region when the field is left; those no input shows at the
//! top; and [`commit`], the one way what is typed reaches the draft.
//!
//! Inputs are drawn from the document when the form opens or its shape
//! changes ([`crate::edit::state::Ed::epoch`]); typing changes the document and
//! never redraws the input being typed in. Days and times are read when
//! the field is left (`2/25` becomes `2004-02-25` then, not mid-word).

use crate::doc::draft;
use crate::doc::form::{self, Field, Kind, Said, STATUSES};
use crate::doc::{Layout, Value};
use crate::edit::state::{use_ed, Ed};
use crate::edit::web;
use crate::model::text::Text;
use chrono::Datelike;
use leptos::prelude::*;

/// The open event's problems as the form says them, shared by its
/// fields (from context), and the live region that announces them.
#[derive(Clone, Copy)]
pub struct Problems {
    /// The event's problems, in the editor's words ([`form::field_problems`]).
    pub said: Memo<Vec<Said>>,
    /// What the live region says now.
    pub announcement: RwSignal<String>,
    /// What was last said for each field, so that a problem is said once
    /// and not again each time its field is left unchanged.
    said_last: StoredValue<Vec<(String, String)>>,
}

impl Problems {
    pub fn new(ed: Ed, index: usize) -> Problems {
        let year = crate::ui::browser::today_tokyo().year();
        let said = Memo::new(move |_| {
            ed.problems
                .with(|ps| ed.doc.with(|d| form::field_problems(d, ps, index, year)))
        });
        Problems {
            said,
            announcement: RwSignal::new(String::new()),
            said_last: StoredValue::new(Vec::new()),
        }
    }

    /// Whether `field` has a problem (tracked).
    fn has(self, field: &str) -> bool {
        self.said.with(|s| s.iter().any(|p| p.field == field))
    }

    /// Announces the problems of a field just left, when they are not
    /// what was last announced for it.
    fn announce(self, ed: Ed, field: &str, label: (&'static str, &'static str)) {
        let lang = ed.lang.get_untracked();
        let messages: Vec<String> = self.said.with_untracked(|s| {
            s.iter()
                .filter(|p| p.field == field)
                .map(|p| p.message.get(lang).to_owned())
                .collect()
        });
        let text = if messages.is_empty() {
            String::new()
        } else {
            format!("{}: {}", Text::from(label).get(lang), messages.join(" "))
        };
        let mut changed = false;
        self.said_last.update_value(|last| {
            let before = last.iter().position(|(f, _)| f == field);
            match (before, text.is_empty()) {
                (Some(i), true) => {
                    last.remove(i);
                }
                (Some(i), false) if last[i].1 != text => {
                    last[i].1 = text.clone();
                    changed = true;
                }
                (None, false) => {
                    last.push((field.to_string(), text.clone()));
                    changed = true;
                }
                _ => {}
            }
        });
        if changed {
            self.announcement.set(text);
        }
    }
}

/// The form's problems, from context.
pub fn use_problems() -> Problems {
    expect_context::<Problems>()
}

/// The live region that says a field's problems when it is left: polite,
/// and once (see [`Problems::announce`]).
#[component]
pub fn Announcer() -> impl IntoView {
    let problems = use_problems();
    view! {
        <p class="sr-only" aria-live="polite" data-testid="form-announcer">
            {move || problems.announcement.get()}
        </p>
    }
}

/// Problems of the event that no input shows (an unknown field, a
/// duplicate key): listed at the top of the form.
#[component]
pub fn OtherProblems(index: usize) -> impl IntoView {
    let ed = use_ed();
    let problems = use_problems();
    move || {
        let lang = ed.lang.get();
        let items = problems.said.with(|ps| {
            ed.doc.with_untracked(|doc| {
                ps.iter()
                    .filter(|p| !form::has_input(doc, index, &p.field))
                    .map(|p| {
                        (
                            p.field.clone(),
                            p.label.get(lang).to_owned(),
                            p.message.get(lang).to_owned(),
                        )
                    })
                    .collect::<Vec<_>>()
            })
        });
        (!items.is_empty()).then(|| {
            let items = items
                .into_iter()
                .map(|(f, label, m)| {
                    let label = if label.is_empty() {
                        String::new()
                    } else {
                        format!("{label}: ")
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

fn input_id(name: &str) -> String {
    format!("ed-f-{}", name.replace('.', "-"))
}

/// One field: label, input, its problems and hint. The input is
/// described by its problems (when it has any) and its hint, and marked
/// `aria-invalid` while it has a problem.
pub fn field_view(ed: Ed, index: usize, name: String, field: Field) -> AnyView {
    let problems = use_problems();
    let id = input_id(&name);
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let error_name = name.clone();
    let has_error = move || problems.has(&error_name);
    let described = {
        let (hint_id, error_id, has_error) = (hint_id.clone(), error_id.clone(), has_error.clone());
        move || {
            if has_error() {
                format!("{error_id} {hint_id}")
            } else {
                hint_id.clone()
            }
        }
    };
    let control = control(
        ed,
        index,
        name.clone(),
        field,
        id.clone(),
        described,
        has_error.clone(),
    );
    let wide = matches!(field.kind, Kind::Lines);
    view! {
        <div class="ed-field" class:ed-wide=wide class:ed-has-error=has_error>
            <label for=id.clone()>{ed.tr(field.label)}</label>
            {control}
            <div id=error_id class="ed-errors">{errors(ed, name)}</div>
            <small id=hint_id class="ed-hint">{ed.tr(field.hint)}</small>
        </div>
    }
    .into_any()
}

/// The problems of one field, in the editor's words.
fn errors(ed: Ed, name: String) -> impl IntoView {
    let problems = use_problems();
    move || {
        let lang = ed.lang.get();
        problems.said.with(|ps| {
            ps.iter()
                .filter(|p| p.field == name)
                .map(|p| {
                    let m = p.message.get(lang).to_owned();
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
    described: impl Fn() -> String + Clone + Send + Sync + 'static,
    has_error: impl Fn() -> bool + Clone + Send + Sync + 'static,
) -> AnyView {
    let initial = ed.doc.with_untracked(|d| form::value(d, index, &name));
    let invalid = move || has_error().then_some("true");
    let name_attr = name.clone();
    let problems = use_problems();
    // When the field is left: its problems, said once.
    let left = {
        let name = name.clone();
        move || problems.announce(ed, &name, field.label)
    };
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
                        aria-describedby=described
                        aria-invalid=invalid
                        on:change=move |ev| {
                            commit(ed, index, &name, &event_target_value(&ev));
                            left();
                        }
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
                    aria-describedby=described
                    aria-invalid=invalid
                    on:change=move |ev| {
                        commit(ed, index, &name, &event_target_value(&ev));
                        left();
                    }
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
                aria-describedby=described
                aria-invalid=invalid
                prop:value=initial
                on:input=move |ev| commit(ed, index, &name, &event_target_value(&ev))
                on:change=move |_| left()
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
                    aria-describedby=described
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
                        left();
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
                    aria-describedby=described
                    aria-invalid=invalid
                    prop:value=initial
                    on:input=move |ev| if !on_leave { commit(ed, index, &name_in, &event_target_value(&ev)) }
                    on:change=move |ev| {
                        if on_leave {
                            commit(ed, index, &name, &event_target_value(&ev));
                        }
                        left();
                    }
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
