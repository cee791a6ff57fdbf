//! The list page: the file's problems (in the editor's words, each one
//! opening its event at its field), the new-event and open-file tools, the events by month, newest
//! first, with search and a project filter, and below them saving.

use super::publish::PublishPanel;
use super::state::{use_ed, Ed};
use super::web;
use crate::doc::draft;
use crate::doc::form::{self, Row};
use crate::jp::{format_day, format_month_heading};
use crate::model::month::Month;
use crate::model::text::Lang;
use chrono::Datelike;
use leptos::prelude::*;

/// At most this many file problems are listed; the rest are counted.
const MAX_PROBLEMS: usize = 50;

#[component]
pub fn ListPage() -> impl IntoView {
    let ed = use_ed();
    view! {
        <FileProblems />
        <section class="ed-tools" aria-labelledby="ed-tools-title">
            <h2 id="ed-tools-title" class="ed-h2">{ed.tr(("予定を追加・ファイル", "Add events, files"))}</h2>
            <div class="ed-tool-row">
                <button
                    type="button"
                    class="ed-button ed-primary"
                    data-testid="new-event"
                    on:click=move |_| super::actions::new_event(ed)
                >
                    {ed.tr(("＋ 新しい予定", "+ New event"))}
                </button>
                <label class="ed-button ed-file">
                    {ed.tr(("ファイルを開く", "Open a file"))}
                    <input
                        type="file"
                        accept=".json,application/json,.csv,text/csv"
                        data-testid="open-file"
                        on:change=move |ev| web::picked_file(ed, &ev)
                    />
                </label>
                <button
                    type="button"
                    class="ed-button ed-quiet"
                    data-testid="csv-export"
                    on:click=move |_| super::sheet::export(ed)
                >
                    {ed.tr(("CSVで書き出す（Excel用）", "Export CSV (for Excel)"))}
                </button>
                <a class="ed-button ed-quiet" href="../テンプレート.csv" download="テンプレート.csv">
                    {ed.tr(("CSVテンプレート", "CSV template"))}
                </a>
                {move || ed.dirty.get().then(|| view! {
                    <button
                        type="button"
                        class="ed-button ed-quiet"
                        data-testid="discard-draft"
                        on:click=move |_| discard(ed)
                    >
                        {ed.tr(("下書きを捨てる", "Discard the draft"))}
                    </button>
                })}
            </div>
            <p class="ed-hint">
                {ed.tr((
                    "events.json や表計算の CSV（UTF-8 / Shift_JIS）をここにドロップしても開けます。CSV は確認してから取り込みます。下書きはこのブラウザに自動で保存されます。",
                    "You can also drop an events.json or a spreadsheet CSV (UTF-8 / Shift_JIS) here; a CSV is previewed before it is merged. The draft is kept in this browser automatically.",
                ))}
            </p>
        </section>
        <super::sheet::SheetPreview />
        <Events />
        <PublishPanel />
    }
}

/// Drops the edits not saved: back to what was last sent while the site
/// does not show it yet, else to the site's data, reopened.
fn discard(ed: Ed) {
    let waiting = ed.waiting();
    let ask = ed.lang.get_untracked().pick(
        if waiting {
            "保存していない変更をすべて捨てて、最後に保存した内容に戻しますか？"
        } else {
            "保存していない変更をすべて捨てて、サイトのデータを開き直しますか？"
        },
        if waiting {
            "Discard every unsaved change and go back to what you last saved?"
        } else {
            "Discard every unsaved change and reopen the site's data?"
        },
    );
    if !web::confirm(ask) {
        return;
    }
    if waiting {
        let kept = ed.kept();
        ed.keep(crate::doc::sync::Kept {
            draft: kept.saved.clone(),
            ..kept
        });
        ed.selected.set(None);
    } else {
        web::forget_draft();
        web::reload();
    }
}

/// The problems of the whole file, each a link to its field.
#[component]
fn FileProblems() -> impl IntoView {
    let ed = use_ed();
    move || {
        let broken = ed.broken.get();
        let problems = if broken.is_empty() {
            ed.problems.get()
        } else {
            broken
        };
        if problems.is_empty() {
            return None;
        }
        let lang = ed.lang.get();
        let count = problems.len();
        let year = crate::ui::browser::today_tokyo().year();
        let items = problems
            .into_iter()
            .take(MAX_PROBLEMS)
            .map(|d| {
                // In the editor's words: the event by its title, the field
                // by its label (the tool keeps the paths).
                let said = ed.doc.with_untracked(|doc| form::say(doc, &d, year));
                let message = said.message.get(lang).to_owned();
                let place = said.place.get(lang).to_owned();
                match said.event.filter(|&i| i < ed.event_count()) {
                    Some(index) => {
                        let field = Some(said.field);
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="ed-problem-link"
                                    data-path=d.path.clone()
                                    on:click=move |_| ed.open(index, field.clone())
                                >
                                    <span class="ed-where">{place}</span>
                                    <span>{message}</span>
                                </button>
                            </li>
                        }
                        .into_any()
                    }
                    None => view! {
                        <li class="ed-problem-text" data-path=d.path.clone()>
                            <span class="ed-where">{place}</span>
                            <span>{message}</span>
                        </li>
                    }
                    .into_any(),
                }
            })
            .collect_view();
        let more = (count > MAX_PROBLEMS).then(|| {
            view! {
                <p>{lang.pick(
                    format!("ほか {} 件", count - MAX_PROBLEMS),
                    format!("and {} more", count - MAX_PROBLEMS),
                )}</p>
            }
        });
        Some(view! {
            <section class="ed-problems" data-testid="file-problems" aria-labelledby="ed-problems-title">
                <h2 id="ed-problems-title" class="ed-h2">
                    {lang.pick(format!("データの問題 {count} 件"), format!("{count} problems in the data"))}
                </h2>
                <p class="ed-hint">
                    {lang.pick(
                        "問題があっても下書きは保存されます。公開用の保存は、すべて直してからできます。",
                        "The draft is kept even with problems; saving for publication needs them fixed.",
                    )}
                </p>
                <ul>{items}</ul>
                {more}
            </section>
        })
    }
}

/// A status in words (`scheduled` is not said).
pub fn status_label(status: &str, lang: Lang) -> Option<String> {
    form::STATUSES
        .iter()
        .find(|(s, _)| *s == status && status != "scheduled")
        .map(|(_, (ja, en))| lang.pick(*ja, *en).to_string())
}

#[component]
fn Events() -> impl IntoView {
    let ed = use_ed();
    let query = RwSignal::new(String::new());
    let project = RwSignal::new(String::new());
    let rows = Memo::new(move |_| {
        let p = project.get();
        let q = query.get();
        ed.doc.with(|d| {
            ed.problems
                .with(|ps| form::rows(d, ps, &q, (!p.is_empty()).then_some(p.as_str())))
        })
    });
    let options = move || {
        ed.doc
            .with_untracked(|d| draft::projects(d, ed.lang.get()))
            .into_iter()
            .map(|(id, name, _)| view! { <option value=id>{name}</option> })
            .collect_view()
    };
    view! {
        <section class="ed-events" aria-labelledby="ed-events-title">
            <h2 id="ed-events-title" class="ed-h2">{ed.tr(("予定の一覧", "Events"))}</h2>
            <div class="ed-filters">
                <label class="ed-field">
                    <span>{ed.tr(("検索", "Search"))}</span>
                    <input
                        type="search"
                        data-testid="editor-search"
                        prop:value=move || query.get()
                        on:input=move |ev| query.set(event_target_value(&ev))
                    />
                </label>
                <label class="ed-field">
                    <span>{ed.tr(("プロジェクト", "Project"))}</span>
                    <select
                        data-testid="editor-project"
                        on:change=move |ev| project.set(event_target_value(&ev))
                    >
                        <option value="">{ed.tr(("すべて", "All"))}</option>
                        {options}
                    </select>
                </label>
            </div>
            <div data-testid="editor-list" class="ed-list">
                {move || list_body(ed, rows.get())}
            </div>
        </section>
    }
}

fn list_body(ed: Ed, rows: Vec<Row>) -> AnyView {
    let lang = ed.lang.get();
    if rows.is_empty() {
        return view! { <p class="ed-empty">{lang.pick("予定はありません", "No events")}</p> }
            .into_any();
    }
    let looks = ed.doc.with_untracked(|d| draft::projects(d, lang));
    let mut out = Vec::new();
    let mut month: Option<Option<Month>> = None;
    let mut group = Vec::new();
    let flush = |month: Option<Option<Month>>, group: &mut Vec<AnyView>, out: &mut Vec<AnyView>| {
        if let Some(m) = month {
            let heading = m.map_or_else(
                || lang.pick("日付のない予定", "No date").to_string(),
                |m| format_month_heading(m, lang),
            );
            let items = std::mem::take(group);
            out.push(
                view! {
                    <h3 class="ed-month">{heading}</h3>
                    <ul class="ed-rows">{items}</ul>
                }
                .into_any(),
            );
        }
    };
    for row in rows {
        let m = row.day.map(Month::of);
        if month != Some(m) {
            flush(month, &mut group, &mut out);
            month = Some(m);
        }
        group.push(row_view(ed, &row, &looks, lang));
    }
    flush(month, &mut group, &mut out);
    out.into_iter().collect_view().into_any()
}

fn row_view(ed: Ed, row: &Row, looks: &[(String, String, String)], lang: Lang) -> AnyView {
    let (name, color) = looks.iter().find(|(id, _, _)| *id == row.project).map_or(
        (
            row.project.clone(),
            crate::model::FALLBACK_COLOR.to_string(),
        ),
        |(_, n, c)| (n.clone(), c.clone()),
    );
    let day = row.day.map_or_else(
        || lang.pick("日付なし", "no date").to_string(),
        |d| format_day(d, lang),
    );
    let title = if row.title.is_empty() {
        lang.pick("（題名なし）", "(no title)").to_string()
    } else {
        row.title.clone()
    };
    let status = status_label(&row.status, lang);
    let problems = (row.problems > 0).then(|| {
        let n = row.problems;
        view! {
            <span class="ed-count" data-testid="problem-count">
                {lang.pick(format!("問題 {n} 件"), format!("{n} problems"))}
            </span>
        }
    });
    let index = row.index;
    view! {
        <li>
            <button
                type="button"
                class="ed-row"
                class:ed-cancelled={row.status == "cancelled"}
                data-event-id=row.id.clone()
                on:click=move |_| ed.open(index, None)
            >
                <span class="ed-row-day">{day}</span>
                <span class="ed-row-title">{title}</span>
                <span class="ed-row-meta">
                    <span class="ed-swatch" style:background-color=color aria-hidden="true"></span>
                    <span>{name}</span>
                    {status.map(|s| view! { <span class="ed-status">{s}</span> })}
                    {problems}
                </span>
            </button>
        </li>
    }
    .into_any()
}
