//! A commit through GitHub's contents API, as decisions on texts: what to
//! send, over which `sha`, and what to ask first. The editor makes the
//! requests ([`crate::doc::github`] has their bodies and answers); every
//! choice is here, tested natively.
//!
//! The editor sends the `sha` of the file it opened. When GitHub has a
//! newer file (the PUT is refused with 409/422, or a read shows another
//! `sha`), nothing is overwritten: [`against`] merges the draft into
//! GitHub's file ([`crate::doc::merge`], base = the file the editor
//! opened), takes what does not overlap, and asks only about real
//! conflicts ([`Step::Choose`], settled by [`settle`]); the result is
//! checked by the checker ([`crate::doc::form::check`]) and published
//! against GitHub's file ([`crate::doc::publish`]: revisions counted once,
//! stamps, locked ids) before it is sent over GitHub's new `sha`.

use crate::doc::form::check;
use crate::doc::merge::{merge_text, Input, Merge, Side};
use crate::doc::publish::publish;
use crate::doc::write::to_text;
use crate::doc::Doc;
use crate::load::Diagnostic;
use chrono::NaiveDateTime;

/// A PUT to make.
#[derive(Debug, Clone, PartialEq)]
pub struct Put {
    /// The file to commit.
    pub text: String,
    /// The blob it replaces.
    pub sha: String,
    /// The published ids and revisions once it is committed.
    pub ids: Vec<(String, u32)>,
    /// Whether GitHub's newer file was merged in.
    pub merged: bool,
}

/// GitHub's newer file and the merge of the draft into it, waiting for the
/// maintainer's choices.
#[derive(Debug, Clone)]
pub struct Choice {
    pub merge: Merge,
    /// GitHub's file and its `sha`.
    pub theirs: String,
    pub sha: String,
}

/// What to do next.
#[derive(Debug, Clone)]
pub enum Step {
    /// Send this.
    Put(Put),
    /// Ask which side each real conflict keeps, then [`settle`].
    Choose(Choice),
    /// The merged file has problems: nothing is sent; the draft becomes
    /// `text`, to be fixed, with GitHub's file (`theirs`, at `sha`) as the
    /// base of the next commit.
    Problems {
        text: String,
        problems: Vec<Diagnostic>,
        theirs: String,
        sha: String,
    },
    /// GitHub's file (or the base, or the draft) is not JSON: nothing is
    /// sent.
    Unreadable(Input),
}

/// The draft committed over the file the editor opened (`base`, GitHub's
/// blob `sha`): published against it.
pub fn direct(base: &str, draft: &str, sha: &str, now_utc: NaiveDateTime) -> Step {
    match crate::doc::publish::publish_text(base, draft, now_utc) {
        Ok((text, ids)) => Step::Put(Put {
            text,
            sha: sha.to_string(),
            ids,
            merged: false,
        }),
        Err(crate::doc::publish::PublishError::Published(_)) => Step::Unreadable(Input::Base),
        Err(crate::doc::publish::PublishError::Draft(_)) => Step::Unreadable(Input::Ours),
    }
}

/// The draft against GitHub's file as read now (`theirs`, blob `sha`):
/// when it is the file the editor opened (`base`, written any way), the
/// draft goes over it; otherwise the draft is merged into it.
pub fn against(base: &str, draft: &str, theirs: &str, sha: &str, now_utc: NaiveDateTime) -> Step {
    let same = match (Doc::parse(base), Doc::parse(theirs)) {
        (Ok(b), Ok(t)) => b.root.same(&t.root),
        (_, Err(_)) => return Step::Unreadable(Input::Theirs),
        (Err(_), Ok(_)) => false,
    };
    if same {
        return direct(theirs, draft, sha, now_utc);
    }
    // A base that is not JSON (no file opened yet): merged from nothing, so
    // GitHub's events and ours are all kept and what differs is asked.
    let base = if Doc::parse(base).is_ok() { base } else { "{}" };
    match merge_text(base, draft, theirs) {
        Err(e) => Step::Unreadable(e.input),
        Ok(m) if m.is_clean() => finish(&m.doc, theirs, sha, now_utc),
        Ok(m) => Step::Choose(Choice {
            merge: m,
            theirs: theirs.to_string(),
            sha: sha.to_string(),
        }),
    }
}

/// The merge settled by the maintainer's `choices` (one per conflict, in
/// order), checked and published against GitHub's file.
pub fn settle(choice: &Choice, choices: &[Side], now_utc: NaiveDateTime) -> Step {
    let doc = choice.merge.resolve(choices);
    finish(&doc, &choice.theirs, &choice.sha, now_utc)
}

/// A merged document: refused with its problems, or published against
/// GitHub's file and sent over its `sha`.
fn finish(merged: &Doc, theirs: &str, sha: &str, now_utc: NaiveDateTime) -> Step {
    let problems = check(merged);
    if !problems.is_empty() {
        return Step::Problems {
            text: to_text(merged),
            problems,
            theirs: theirs.to_string(),
            sha: sha.to_string(),
        };
    }
    let Ok(published) = Doc::parse(theirs) else {
        return Step::Unreadable(Input::Theirs);
    };
    let mut doc = merged.clone();
    let ids = publish(&published, &mut doc, now_utc);
    Step::Put(Put {
        text: to_text(&doc),
        sha: sha.to_string(),
        ids,
        merged: true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    const BASE: &str = r##"{
  "$schema": "./events.schema.json",
  "site": { "name": "例", "timeZone": "Asia/Tokyo", "domain": "example.jp", "updated": "2004-01-01T09:00:00+09:00" },
  "projects": [{ "id": "p", "name": "P", "color": "#123456" }],
  "events": [
    { "id": "a", "project": "p", "title": "例会", "start": "2004-02-25", "fee": "1,000円", "revision": 1 },
    { "id": "b", "project": "p", "title": "研究会", "start": "2004-02-26" }
  ]
}
"##;

    fn now() -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 12, 1)
            .unwrap()
            .and_hms_opt(3, 0, 0)
            .unwrap()
    }

    fn edit(text: &str, from: &str, to: &str) -> String {
        assert!(text.contains(from), "{from}");
        text.replacen(from, to, 1)
    }

    fn put(step: Step) -> Put {
        match step {
            Step::Put(p) => p,
            other => panic!("not a put: {other:?}"),
        }
    }

    #[test]
    fn the_file_opened_is_still_on_github_the_draft_goes_over_it() {
        let draft = edit(BASE, "1,000円", "2,000円");
        for theirs in [BASE.to_string(), BASE.replace("\n", "")] {
            let p = put(against(BASE, &draft, &theirs, "s0", now()));
            assert_eq!(p.sha, "s0");
            assert!(!p.merged);
            assert!(
                p.text.contains(
                    r#""fee": "2,000円", "revision": 2, "updated": "2026-12-01T12:00:00+09:00""#
                ),
                "{}",
                p.text
            );
            assert_eq!(p.ids[0], ("a".to_string(), 2));
        }
        // Committed as it was read: the same as direct.
        assert_eq!(
            put(direct(BASE, &draft, "s0", now())).text,
            put(against(BASE, &draft, BASE, "s0", now())).text
        );
    }

    #[test]
    fn a_newer_file_on_github_is_merged_not_overwritten() {
        let ours = edit(BASE, "1,000円", "2,000円");
        let theirs = edit(BASE, "\"title\": \"研究会\"", "\"title\": \"第2回研究会\"");
        let p = put(against(BASE, &ours, &theirs, "s1", now()));
        assert_eq!((p.sha.as_str(), p.merged), ("s1", true));
        let doc = Doc::parse(&p.text).unwrap();
        assert_eq!(doc.text("/events/0/fee"), Some("2,000円"));
        assert_eq!(doc.text("/events/1/title"), Some("第2回研究会"));
        // Counted against GitHub's file: ours once, theirs as they were.
        assert_eq!(
            doc.get("/events/0/revision"),
            Some(&crate::doc::Value::Number("2".into()))
        );
        assert_eq!(doc.get("/events/1/updated"), None);
    }

    #[test]
    fn a_real_conflict_is_asked_then_settled_and_checked() {
        let ours = edit(BASE, "1,000円", "2,000円");
        let theirs = edit(BASE, "1,000円", "1,500円");
        let Step::Choose(choice) = against(BASE, &ours, &theirs, "s1", now()) else {
            panic!("a conflict");
        };
        assert_eq!(choice.merge.conflicts.len(), 1);
        assert_eq!(choice.merge.conflicts[0].label.ja, "参加費");
        for (side, fee) in [(Side::Ours, "2,000円"), (Side::Theirs, "1,500円")] {
            let p = put(settle(&choice, &[side], now()));
            assert_eq!(p.sha, "s1");
            let doc = Doc::parse(&p.text).unwrap();
            assert_eq!(doc.text("/events/0/fee"), Some(fee));
        }
    }

    #[test]
    fn a_merge_with_problems_is_not_sent() {
        // Different fields, so no conflict; together an end before its start.
        let ours = edit(
            BASE,
            "\"start\": \"2004-02-26\"",
            "\"start\": \"2004-02-26\", \"end\": \"2004-02-27\"",
        );
        let theirs = edit(
            BASE,
            "\"start\": \"2004-02-26\"",
            "\"start\": \"2004-02-28\"",
        );
        match against(BASE, &ours, &theirs, "s2", now()) {
            Step::Problems {
                text,
                problems,
                theirs: t,
                sha,
            } => {
                assert_eq!((sha.as_str(), t.as_str()), ("s2", theirs.as_str()));
                assert!(
                    text.contains(r#""start": "2004-02-28", "end": "2004-02-27""#),
                    "{text}"
                );
                assert_eq!(problems.len(), 1, "{problems:?}");
                assert_eq!(problems[0].path, "/events/1/end");
            }
            other => panic!("problems expected: {other:?}"),
        }
    }

    #[test]
    fn files_that_are_not_json_send_nothing() {
        assert!(matches!(
            against(BASE, BASE, "{", "s", now()),
            Step::Unreadable(Input::Theirs)
        ));
        assert!(matches!(
            against(BASE, "[", &edit(BASE, "例会", "例会2"), "s", now()),
            Step::Unreadable(Input::Ours)
        ));
        assert!(matches!(
            direct(BASE, "[", "s", now()),
            Step::Unreadable(Input::Ours)
        ));
        // No file opened (empty base): merged from nothing, so what
        // differs is asked, and GitHub's events are kept.
        let Step::Choose(c) = against("", &edit(BASE, "例会", "例会2"), BASE, "s", now())
        else {
            panic!("a conflict");
        };
        assert_eq!(c.merge.conflicts.len(), 1);
        assert!(put(settle(&c, &[Side::Ours], now())).text.contains("例会2"));
    }
}
