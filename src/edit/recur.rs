//! 「くり返し作る」: the group's next meetings to the end of the fiscal
//! year in one go. The panel says the rhythm read from the group's
//! meetings ([`recur::propose`], [`crate::doc::recur::Rhythm::describe`]),
//! lists the proposed dates, each one editable and removable, and the
//! national holidays left out with their reasons; 作成 makes each date an
//! event of its own ([`recur::create`], stamped as any new event).

use super::actions::Panel;
use super::state::{now_utc, use_ed};
use crate::doc::draft;
use crate::doc::recur::{self, Until};
use crate::jp::format_day;
use crate::model::text::{Lang, Text};
use chrono::NaiveDate;
use leptos::prelude::*;

#[component]
pub fn Repeat(index: usize, panel: RwSignal<Panel>) -> impl IntoView {
    let ed = use_ed();
    let Some(plan) = ed
        .doc
        .with_untracked(|d| recur::propose(d, index, Until::FiscalYearEnd))
    else {
        return view! {
            <section class="ed-panel" role="alert" data-testid="repeat-panel">
                <p>{ed.tr(("この予定の日付が読めないため、くり返しを作れません。先に日付を直してください。", "This event's date cannot be read; fix it first."))}</p>
            </section>
        }
        .into_any();
    };
    let rhythm = plan.rhythm.describe();
    let support = plan.rhythm.support;
    let dates = RwSignal::new(
        plan.dates
            .iter()
            .map(|d| d.format("%Y-%m-%d").to_string())
            .collect::<Vec<_>>(),
    );
    let skipped: Vec<Text> = plan.skipped.iter().map(|s| s.reason()).collect();
    let chosen = move || {
        dates.with(|ds| {
            ds.iter()
                .filter_map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
                .collect::<Vec<_>>()
        })
    };
    let create = move |_| {
        let days = chosen();
        if days.is_empty() {
            return;
        }
        let now = now_utc();
        let mut made = Vec::new();
        ed.doc.update(|d| {
            made = recur::create(d, index, &days);
            for &i in &made {
                draft::touch(d, i, None, now);
            }
        });
        ed.epoch.update(|n| *n += 1);
        panel.set(Panel::None);
        let (first, last) = (days[0], days[days.len() - 1]);
        ed.say(
            format!(
                "{}件の予定を作りました（{}〜{}）。一覧で確かめてください。",
                made.len(),
                format_day(first, Lang::Ja),
                format_day(last, Lang::Ja)
            ),
            format!(
                "{} events were made ({} to {}); check them in the list.",
                made.len(),
                format_day(first, Lang::En),
                format_day(last, Lang::En)
            ),
            false,
        );
    };
    let rows = move || {
        dates
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, d)| {
                let id = format!("ed-repeat-{i}");
                let shown = NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok();
                view! {
                    <li class="ed-item ed-repeat-row" data-testid="repeat-date">
                        <label for=id.clone()>
                            {move || {
                                let lang = ed.lang.get();
                                let day = shown.map(|s| format_day(s, lang)).unwrap_or_else(|| lang.pick("日付が読めません", "Date unreadable").to_string());
                                lang.pick(format!("{}回目: {day}", i + 1), format!("Meeting {}: {day}", i + 1))
                            }}
                        </label>
                        <input id=id type="date" prop:value=d on:change=move |ev| {
                            let v = event_target_value(&ev);
                            dates.update(|ds| if let Some(x) = ds.get_mut(i) { *x = v });
                        } />
                        <button type="button" class="ed-button ed-quiet" data-testid="repeat-remove"
                            aria-label=move || ed.lang.get().pick(format!("{}回目を外す", i + 1), format!("Remove meeting {}", i + 1))
                            on:click=move |_| dates.update(|ds| { if i < ds.len() { ds.remove(i); } })>
                            {ed.tr(("外す", "Remove"))}
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    let skipped_view = (!skipped.is_empty()).then(|| {
        let items = skipped
            .into_iter()
            .map(|t| view! { <li data-testid="repeat-skipped">{move || t.get(ed.lang.get()).to_owned()}</li> })
            .collect_view();
        view! {
            <h4>{ed.tr(("祝日のため除いた日", "Left out for holidays"))}</h4>
            <ul class="ed-note">{items}</ul>
        }
    });
    view! {
        <section class="ed-panel" data-testid="repeat-panel" aria-labelledby="ed-repeat-title">
            <h3 id="ed-repeat-title">{ed.tr(("くり返し作る", "Repeat"))}</h3>
            <p data-testid="repeat-rule">{move || {
                let lang = ed.lang.get();
                lang.pick(
                    format!("決まり: {}（直近{support}回から読み取り）", rhythm.get(lang)),
                    format!("Rule: {} (read from the last {support} meetings)", rhythm.get(lang)),
                )
            }}</p>
            <p class="ed-hint">{ed.tr(("年度末（3月31日）までの日付です。日付は変えたり外したりできます。", "Dates to the end of the fiscal year (31 March); change or remove any."))}</p>
            <ul class="ed-rows" data-testid="repeat-dates">{rows}</ul>
            {skipped_view}
            <div class="ed-tool-row">
                <button type="button" class="ed-button ed-primary" data-testid="repeat-create"
                    disabled=move || dates.with(Vec::is_empty) on:click=create>
                    {move || {
                        let n = chosen().len();
                        ed.lang.get().pick(format!("{n}件を作成"), format!("Create {n}"))
                    }}
                </button>
                <button type="button" class="ed-button" on:click=move |_| panel.set(Panel::None)>
                    {ed.tr(("やめる", "Cancel"))}
                </button>
            </div>
        </section>
    }
    .into_any()
}
