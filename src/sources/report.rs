//! What `calendar fetch` says of each source, as a maintainer reads it in
//! a workflow log: one line a source saying what happened and why, then
//! one line of totals; and the problems it keeps in the status file.
//!
//! A source's problems are [`Warning`]s: which event (named as the source
//! names it: its id or UID and its title, then where in the file) and
//! what. The same problem met in many events is said once, with how many
//! and the first few of them ([`grouped`]). A source that served only our
//! own events says so instead of a bare zero. Pure: the tool prints what
//! this returns, and `cargo test` pins it.

use super::status::short;
use crate::model::text::{Lang, Text};
use chrono::NaiveDateTime;

/// One problem of a source: the event it concerns, when one, and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// The event, as the source names it: `forum-bad「日付の誤り」 (9:5: /events/2/start)`,
    /// `ny-1@tokyo.example「例会」 (VEVENT 3)`; `None` for the whole source.
    pub at: Option<String>,
    /// What, `日本語 / English`.
    pub what: String,
}

impl Warning {
    /// A problem of the whole source.
    pub fn source(what: impl Into<String>) -> Self {
        Warning {
            at: None,
            what: what.into(),
        }
    }

    /// A problem of one event.
    pub fn event(at: impl Into<String>, what: impl Into<String>) -> Self {
        Warning {
            at: Some(at.into()),
            what: what.into(),
        }
    }

    /// A problem the loader found at `at` (`Diagnostic::message`).
    pub fn loaded(at: impl Into<String>, message: &Text) -> Self {
        Warning::event(at, format!("{} / {}", message.ja, message.get(Lang::En)))
    }
}

impl std::fmt::Display for Warning {
    /// `at: what`, or `what` for the whole source.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.at {
            Some(at) => write!(f, "{at}: {}", self.what),
            None => f.write_str(&self.what),
        }
    }
}

/// At most this many problems are kept in the status file; the rest are
/// counted.
pub const MAX_KEPT: usize = 20;
/// At most this many problems are said in a source's line of the log.
pub const MAX_IN_LINE: usize = 3;
/// A problem met in many events names at most this many of them.
pub const MAX_NAMED: usize = 3;

/// The problems, each once in the order first met: `at: what` for one
/// event, `what ×N: at1, at2, at3, …` when met in N events; at most
/// `max`, then `ほか N 件の問題 / N more problems` for the rest.
pub fn grouped(warnings: &[Warning], max: usize) -> Vec<String> {
    let mut kinds: Vec<(&str, Vec<Option<&str>>)> = Vec::new();
    for w in warnings {
        let at = w.at.as_deref();
        match kinds.iter_mut().find(|(what, _)| *what == w.what) {
            Some((_, ats)) => ats.push(at),
            None => kinds.push((&w.what, vec![at])),
        }
    }
    let mut out = Vec::new();
    let mut left = 0;
    for (what, ats) in &kinds {
        if out.len() == max {
            left += ats.len();
            continue;
        }
        let named: Vec<&str> = ats.iter().flatten().copied().collect();
        out.push(match (ats.len(), named.as_slice()) {
            (1, [at]) => Warning::event(*at, *what).to_string(),
            (1, _) | (_, []) => what.to_string(),
            (n, named) => {
                let more = if named.len() > MAX_NAMED { ", …" } else { "" };
                let first = named[..named.len().min(MAX_NAMED)].join(", ");
                format!("{what} ×{n}: {first}{more}")
            }
        });
    }
    if left > 0 {
        out.push(format!("ほか {left} 件の問題 / {left} more problems"));
    }
    out
}

/// What one fetch of a source came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// A usable answer: what was imported, left out, and wrong.
    Fetched(Fetched),
    /// Nothing usable, and why; the last good copy stays in use.
    Failed(Vec<Warning>),
}

/// A usable answer of a source.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fetched {
    /// Events imported (in the copy now in use).
    pub events: usize,
    /// Our own events served back, left out.
    pub ours: usize,
    /// Events the source itself imported from elsewhere, left out.
    pub elsewhere: usize,
    /// What was wrong (events left out, text shortened …).
    pub warnings: Vec<Warning>,
}

impl Outcome {
    /// The problems to keep in the status file.
    pub fn problems(&self) -> Vec<String> {
        match self {
            Outcome::Fetched(f) => grouped(&f.warnings, MAX_KEPT),
            Outcome::Failed(why) => grouped(why, MAX_KEPT),
        }
    }
}

/// The log's line for source `id`: what happened and why, in one line.
/// `last_success` (UTC) is when a usable copy was last fetched, if ever.
pub fn line(id: &str, outcome: &Outcome, last_success: Option<NaiveDateTime>) -> String {
    let (ja, en, warnings) = match outcome {
        Outcome::Fetched(f) => {
            let (ja, en) = fetched(f);
            let (wja, wen) = match f.warnings.len() {
                0 => (String::new(), String::new()),
                1 => ("、警告 1 件".into(), ", 1 warning".into()),
                n => (format!("、警告 {n} 件"), format!(", {n} warnings")),
            };
            (format!("{ja}{wja}"), format!("{en}{wen}"), &f.warnings)
        }
        Outcome::Failed(why) => {
            let (ja, en) = match last_success {
                Some(t) => (
                    format!("前回の取得分（{}）を使います", short(t, Lang::Ja)),
                    format!("the last good copy ({}) stays in use", short(t, Lang::En)),
                ),
                None => (
                    "まだ取得できた分はありません".into(),
                    "no good copy yet".into(),
                ),
            };
            (
                format!("取得できませんでした、{ja}"),
                format!("could not be fetched, {en}"),
                why,
            )
        }
    };
    let said = grouped(warnings, MAX_IN_LINE);
    let why = if said.is_empty() {
        String::new()
    } else {
        format!(" — {}", said.join("; "))
    };
    crate::load::escape_controls(&format!("{id}: {ja} / {en}{why}"))
}

/// What a usable answer brought, in both languages.
fn fetched(f: &Fetched) -> (String, String) {
    let plural = |n: usize, one: &str, many: &str| {
        if n == 1 {
            one.to_string()
        } else {
            many.to_string()
        }
    };
    if f.events == 0 {
        let skipped = f.ours + f.elsewhere;
        return match (f.ours, f.elsewhere) {
            (0, 0) if f.warnings.is_empty() => ("予定はありません".into(), "no events".into()),
            (0, 0) => ("新規 0 件".into(), "0 new".into()),
            (_, 0) => (
                format!("新規 0 件（{skipped} 件すべて自分たちの予定）"),
                format!("0 new: all {skipped} were ours"),
            ),
            (0, _) => (
                format!("新規 0 件（{skipped} 件すべて他所から取り込まれた予定）"),
                format!("0 new: all {skipped} were events it imported from elsewhere"),
            ),
            (ours, elsewhere) => (
                format!("新規 0 件（自分たちの予定 {ours} 件と他所から取り込まれた予定 {elsewhere} 件のみ）"),
                format!("0 new: {ours} were ours, {elsewhere} events it imported from elsewhere"),
            ),
        };
    }
    let n = f.events;
    let mut ja = format!("{n} 件を取り込みました");
    let mut en = format!("{n} {} imported", plural(n, "event", "events"));
    let mut left_ja = Vec::new();
    let mut left_en = Vec::new();
    if f.ours > 0 {
        left_ja.push(format!("自分たちの予定 {} 件", f.ours));
        left_en.push(format!("{} of ours", f.ours));
    }
    if f.elsewhere > 0 {
        left_ja.push(format!("他所から取り込まれた予定 {} 件", f.elsewhere));
        left_en.push(format!("{} it imported from elsewhere", f.elsewhere));
    }
    if !left_ja.is_empty() {
        ja.push_str(&format!("（{}は除外）", left_ja.join("、")));
        en.push_str(&format!(" (left out: {})", left_en.join(", ")));
    }
    (ja, en)
}

/// The log's last line: how many sources, fetched, failed, with warnings.
pub fn totals(outcomes: &[Outcome]) -> String {
    let all = outcomes.len();
    let failed = outcomes
        .iter()
        .filter(|o| matches!(o, Outcome::Failed(_)))
        .count();
    let warned = outcomes
        .iter()
        .filter(|o| matches!(o, Outcome::Fetched(f) if !f.warnings.is_empty()))
        .count();
    let ok = all - failed;
    format!(
        "情報源 {all} 件: 成功 {ok}、失敗 {failed}、警告つき {warned} / {all} sources: {ok} fetched, {failed} failed, {warned} with warnings"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn fetched(events: usize, ours: usize, elsewhere: usize, warnings: Vec<Warning>) -> Outcome {
        Outcome::Fetched(Fetched {
            events,
            ours,
            elsewhere,
            warnings,
        })
    }

    #[test]
    fn a_source_that_served_only_our_own_events_says_so() {
        assert_eq!(
            line("mirror", &fetched(0, 14, 0, vec![]), None),
            "mirror: 新規 0 件（14 件すべて自分たちの予定） / 0 new: all 14 were ours"
        );
        assert_eq!(
            line("tokyo", &fetched(2, 1, 1, vec![]), None),
            "tokyo: 2 件を取り込みました（自分たちの予定 1 件、他所から取り込まれた予定 1 件は除外） / 2 events imported (left out: 1 of ours, 1 it imported from elsewhere)"
        );
        assert_eq!(
            line("empty", &fetched(0, 0, 0, vec![]), None),
            "empty: 予定はありません / no events"
        );
    }

    #[test]
    fn a_problem_met_in_many_events_is_said_once_with_a_count() {
        let mut warnings: Vec<Warning> = (1..=12)
            .map(|n| Warning::event(format!("VEVENT {n}「例会」"), "UID がありません / no UID"))
            .collect();
        warnings.insert(
            1,
            Warning::event("VEVENT 2「展示会」", "URL は外しました / URL dropped"),
        );
        warnings.push(Warning::source("長すぎる文 / long text"));
        let said = grouped(&warnings, 20);
        assert_eq!(
            said,
            [
                "UID がありません / no UID ×12: VEVENT 1「例会」, VEVENT 2「例会」, VEVENT 3「例会」, …",
                "VEVENT 2「展示会」: URL は外しました / URL dropped",
                "長すぎる文 / long text",
            ]
        );
        assert_eq!(
            grouped(&warnings, 1)[1],
            "ほか 2 件の問題 / 2 more problems"
        );
        let out = line("osaka", &fetched(3, 0, 0, warnings), None);
        assert!(
            out.starts_with("osaka: 3 件を取り込みました、警告 14 件 / 3 events imported, 14 warnings — UID がありません / no UID ×12: "),
            "{out}"
        );
        assert!(
            out.ends_with("; 長すぎる文 / long text") && !out.contains('\n'),
            "{out}"
        );
    }

    #[test]
    fn a_failure_says_why_and_which_copy_stays_in_one_line() {
        let why = vec![Warning::source(
            "サーバーの応答 500 / server answered 500\nforged",
        )];
        let at = NaiveDate::from_ymd_opt(2026, 11, 28)
            .unwrap()
            .and_hms_opt(21, 0, 0)
            .unwrap();
        assert_eq!(
            line("osaka", &Outcome::Failed(why.clone()), Some(at)),
            "osaka: 取得できませんでした、前回の取得分（11月29日 6:00）を使います / could not be fetched, the last good copy (Nov 29, 6:00) stays in use — サーバーの応答 500 / server answered 500\\nforged"
        );
        assert!(line("osaka", &Outcome::Failed(why), None)
            .contains("まだ取得できた分はありません / could not be fetched, no good copy yet"));
        let failed = Outcome::Failed(vec![]);
        let warned = fetched(1, 0, 0, vec![Warning::source("x")]);
        let fine = fetched(1, 0, 0, vec![]);
        assert_eq!(
            totals(&[failed, warned, fine]),
            "情報源 3 件: 成功 2、失敗 1、警告つき 1 / 3 sources: 2 fetched, 1 failed, 1 with warnings"
        );
    }
}
