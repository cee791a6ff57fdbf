//! The programme's and the speakers' rows of the form: each row with its
//! fields ([`crate::doc::form::row_fields`]) and buttons to move it up or
//! down or remove it, and a button to add one. The rows change in the core
//! ([`crate::doc::form::add_row`] and its neighbours); here the form is
//! redrawn and the focus kept where the hand is.

use super::fields::field_view;
use crate::doc::form;
use crate::edit::state::{use_ed, Ed};
use crate::edit::web;
use leptos::prelude::*;

/// The programme's or the speakers' rows, each with its inputs and
/// buttons to move it up or down or remove it, and a button to add one.
#[component]
pub fn Rows(index: usize, list: &'static str) -> impl IntoView {
    let ed = use_ed();
    let len = list_len(ed, index, list);
    let (heading, add) = if list == "program" {
        (("プログラム", "Programme"), ("＋ 行を追加", "+ Add a row"))
    } else {
        (("講師", "Speakers"), ("＋ 講師を追加", "+ Add a speaker"))
    };
    let rows = (0..len)
        .map(|i| {
            let inputs = form::row_fields(list)
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

/// How many rows the list has now (untracked: the form is redrawn when
/// its shape changes).
fn list_len(ed: Ed, index: usize, list: &str) -> usize {
    ed.doc.with_untracked(|d| form::list_len(d, index, list))
}

/// Adds a row and focuses its first field.
fn add_row(ed: Ed, index: usize, list: &'static str) {
    let mut at = 0;
    ed.change(index, |d| {
        if let Some(n) = form::add_row(d, index, list) {
            at = n;
        }
    });
    ed.epoch.update(|n| *n += 1);
    let first = form::row_fields(list)[0].name;
    request_animation_frame(move || {
        crate::ui::browser::focus(&format!("[name=\"{list}.{at}.{first}\"]"));
    });
}

/// Moves a row up or down and keeps the focus on its button (or, at the
/// end, on its first input).
fn move_row(ed: Ed, index: usize, list: &'static str, from: usize, to: usize) {
    let len = list_len(ed, index, list);
    if from >= len || to >= len {
        return;
    }
    ed.change(index, |d| form::swap_rows(d, index, list, from, to));
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

/// Removes a row and focuses the list's add button.
fn remove_row(ed: Ed, index: usize, list: &'static str, at: usize) {
    ed.change(index, |d| form::remove_row(d, index, list, at));
    ed.epoch.update(|n| *n += 1);
    request_animation_frame(move || {
        crate::ui::browser::focus(&format!("[data-list=\"{list}\"] [data-action=\"add\"]"));
    });
}
