//! Spreadsheets in the editor: a CSV file picked or dropped is read
//! (UTF-8 or Shift_JIS, told apart by [`crate::csv::decode_kind`] and
//! decoded by the browser's `TextDecoder`), previewed row by row with its
//! problems, its unknown columns mapped by hand, and merged only when the
//! maintainer says so. The draft can also be written out as CSV.

use super::state::{now_utc, use_ed, Ed, Sheet};
use crate::csv::{self, columns::COLUMNS, Import, Options};
use crate::doc::Value;
use crate::model::text::Text;
use leptos::prelude::*;

/// The text of a CSV file's bytes, or why it cannot be read.
pub fn decode(bytes: &[u8]) -> Result<String, Text> {
    let label = match csv::decode_kind(bytes) {
        Ok(csv::Encoding::Utf8) => "utf-8",
        Ok(csv::Encoding::ShiftJis) => "shift_jis",
        Err(message) => return Err(message),
    };
    let decoder = web_sys::TextDecoder::new_with_label(label)
        .map_err(|_| Text::both("文字コードを読めません", "cannot decode the file"))?;
    decoder
        .decode_with_u8_array(bytes)
        .map_err(|_| Text::both("文字コードを読めません", "cannot decode the file"))
}

/// Puts a spreadsheet into the preview (nothing is merged yet).
pub fn open(ed: Ed, name: String, text: String) {
    let year = chrono::Datelike::year(&crate::jp::tokyo::from_utc(now_utc()));
    ed.sheet.set(Some(Sheet {
        name,
        text,
        options: Options {
            default_year: Some(year),
            ..Options::default()
        },
    }));
}

/// Merges the previewed rows into the draft, each marked changed now.
fn apply(ed: Ed, import: &Import) {
    let now = now_utc();
    let changed: Vec<String> = import
        .added
        .iter()
        .chain(&import.updated)
        .map(|(_, id)| id.clone())
        .collect();
    let mut doc = import.doc.clone();
    if let Some(Value::Array { items, .. }) = doc.get("/events").cloned() {
        for (index, e) in items.iter().enumerate() {
            let Some(id) = e.get("id").and_then(Value::as_str) else {
                continue;
            };
            if changed.iter().any(|c| c == id) {
                crate::doc::draft::touch(&mut doc, index, ed.published_revision(id), now);
            }
        }
    }
    ed.doc.set(doc);
    ed.epoch.update(|n| *n += 1);
    ed.say(
        format!("表計算ファイルから {} 件を取り込みました", changed.len()),
        format!("Merged {} events from the spreadsheet", changed.len()),
        false,
    );
}

/// The preview of a waiting spreadsheet.
#[component]
pub fn SheetPreview() -> impl IntoView {
    let ed = use_ed();
    let pending = ed.sheet;
    let import = Memo::new(move |_| {
        pending.with(|p| {
            p.as_ref().map(|s| {
                ed.doc
                    .with_untracked(|d| csv::import(&s.text, d, &s.options))
            })
        })
    });
    move || {
        let lang = ed.lang.get();
        let sheet = pending.get()?;
        let result = import.get()?;
        let count = result.added.len() + result.updated.len();
        let rows = |list: &[(usize, String)], sign: &'static str| {
            list.iter()
                .map(|(row, id)| view! { <li>{format!("{sign} {row}行目 / row {row}: {id}")}</li> })
                .collect_view()
        };
        let problems = result
            .problems
            .iter()
            .map(|p| view! { <li data-testid="csv-problem">{p.to_string()}</li> })
            .collect_view();
        let unknown = result
            .unknown_columns
            .iter()
            .map(|header| {
                let h = header.clone();
                let options = COLUMNS
                    .iter()
                    .map(|(c, name, _)| {
                        let value = format!("{c:?}");
                        view! { <option value=value>{*name}</option> }
                    })
                    .collect_view();
                view! {
                    <label class="ed-field">
                        <span>{lang.pick(format!("「{header}」の列の意味"), format!("What the column \"{header}\" holds"))}</span>
                        <select
                            data-testid="csv-map"
                            on:change=move |ev| {
                                let chosen = event_target_value(&ev);
                                let column = COLUMNS.iter().map(|(c, _, _)| *c).find(|c| format!("{c:?}") == chosen);
                                pending.update(|p| {
                                    if let (Some(p), Some(c)) = (p.as_mut(), column) {
                                        p.options.mapping.retain(|(m, _)| *m != h);
                                        p.options.mapping.push((h.clone(), c));
                                    }
                                });
                            }
                        >
                            <option value="">{lang.pick("（取り込まない）", "(do not import)")}</option>
                            {options}
                        </select>
                    </label>
                }
            })
            .collect_view();
        let confirm = (!result.needs_confirmation.is_empty() || sheet.options.update).then(|| {
            view! {
                <label class="ed-check">
                    <input
                        type="checkbox"
                        data-testid="csv-update"
                        prop:checked=sheet.options.update
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            pending.update(|p| if let Some(p) = p.as_mut() { p.options.update = on });
                        }
                    />
                    {lang.pick(
                        "同じIDの予定がすでにある行は、その予定を上書きする",
                        "Rows whose id is already here replace that event",
                    )}
                </label>
            }
        });
        let merged = import;
        Some(view! {
            <section class="ed-sheet" data-testid="csv-preview" aria-labelledby="ed-sheet-title">
                <h2 id="ed-sheet-title" class="ed-h2">
                    {format!("{} — {}", lang.pick("取り込みの確認", "Import preview"), sheet.name)}
                </h2>
                <p>{lang.pick(
                    format!("追加 {} 件・更新 {} 件・重複で飛ばす {} 件・問題 {} 件。まだ何も変わっていません。",
                        result.added.len(), result.updated.len(), result.duplicates.len(), result.problems.len()),
                    format!("{} to add, {} to update, {} duplicates skipped, {} problems. Nothing has changed yet.",
                        result.added.len(), result.updated.len(), result.duplicates.len(), result.problems.len()),
                )}</p>
                <ul class="ed-sheet-rows" data-testid="csv-rows">
                    {rows(&result.added, "+")}
                    {rows(&result.updated, "~")}
                    {rows(&result.duplicates, "=")}
                    {rows(&result.needs_confirmation, "?")}
                </ul>
                <ul class="ed-problems">{problems}</ul>
                {unknown}
                {confirm}
                <div class="ed-tool-row">
                    <button
                        type="button"
                        class="ed-button ed-primary"
                        data-testid="csv-apply"
                        disabled=count == 0
                        on:click=move |_| {
                            if let Some(result) = merged.get_untracked() {
                                apply(ed, &result);
                            }
                            pending.set(None);
                        }
                    >
                        {lang.pick(format!("{count} 件を取り込む"), format!("Merge {count} events"))}
                    </button>
                    <button type="button" class="ed-button ed-quiet" on:click=move |_| pending.set(None)>
                        {lang.pick("やめる", "Cancel")}
                    </button>
                </div>
            </section>
        })
    }
}

/// Offers the draft's events as CSV for Excel.
pub fn export(ed: Ed) {
    let text = ed.doc.with_untracked(csv::export);
    crate::ui::browser::download("events.csv", "text/csv;charset=utf-8", &text);
}
