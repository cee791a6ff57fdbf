//! What a commit makes published. A commit with the token makes every
//! event of the committed file published: its id is locked from then on
//! ([`crate::doc::draft::check_id_change`]), and each event that differs
//! from the version last published counts its `revision` up once and is
//! stamped `updated`, so subscribers' calendar apps see one new version
//! per published change, however often it was edited or committed.
//!
//! The editor keeps `revision` and `updated` in step while the maintainer
//! types ([`crate::doc::draft::touch`]); [`publish`] settles them against
//! the file that is published now (after a merge, the newer file on
//! GitHub), so a second commit of the same change counts nothing. Time is
//! a parameter.

use crate::doc::draft::{tokyo_stamp, touch};
use crate::doc::{Doc, Value};
use crate::load::json::SyntaxError;
use chrono::NaiveDateTime;

/// The members of an event that the editor and publishing keep by
/// themselves: how often it changed since first published, and when it
/// last changed. They are not the maintainer's changes
/// ([`crate::doc::changes`] leaves them out; the merge never asks about
/// them).
pub const BOOKKEEPING: &[&str] = &["revision", "updated"];

/// An event's `revision` as a whole number (0 when absent or unreadable;
/// `2.0` is 2).
pub fn revision_of(event: &Value) -> u32 {
    match event.get("revision") {
        Some(Value::Number(n)) => n
            .split('.')
            .next()
            .and_then(|w| w.parse().ok())
            .unwrap_or(0),
        _ => 0,
    }
}

/// The ids of a file's events with their revisions, in file order: once
/// the file is published, these ids are locked
/// ([`crate::doc::draft::check_id_change`]) and the next change of each
/// counts up from its revision ([`touch`]).
pub fn published_ids(doc: &Doc) -> Vec<(String, u32)> {
    match doc.get("/events") {
        Some(Value::Array { items, .. }) => items
            .iter()
            .filter_map(|e| Some((e.get("id")?.as_str()?.to_string(), revision_of(e))))
            .collect(),
        _ => Vec::new(),
    }
}

/// Whether two values are the same apart from the [`BOOKKEEPING`]
/// members of the top object.
pub fn same_but_bookkeeping(a: &Value, b: &Value) -> bool {
    let strip = |v: &Value| match v {
        Value::Object { members, layout } => Value::Object {
            members: members
                .iter()
                .filter(|(k, _)| !BOOKKEEPING.contains(&k.as_str()))
                .cloned()
                .collect(),
            layout: *layout,
        },
        other => other.clone(),
    };
    strip(a).same(&strip(b))
}

/// Makes `draft` the next published file after `published` (the file as
/// it is now on the site or GitHub), for a commit: each event that
/// differs from its published version (apart from [`BOOKKEEPING`]) gets
/// the published `revision` plus one and `updated` stamped `now`, however
/// many times it was edited or committed before; a new event keeps its
/// revision and is stamped; an event that is the same as published gets
/// its published `revision` and `updated` back (committing the same
/// change again counts nothing). `site.updated` is stamped when anything
/// changed, else it stays as published.
///
/// Returns the ids of the committed file with their revisions: the
/// published ids from now on.
pub fn publish(published: &Doc, draft: &mut Doc, now_utc: NaiveDateTime) -> Vec<(String, u32)> {
    let old: Vec<(String, &Value)> = match published.get("/events") {
        Some(Value::Array { items, .. }) => items
            .iter()
            .filter_map(|e| Some((e.get("id")?.as_str()?.to_string(), e)))
            .collect(),
        _ => Vec::new(),
    };
    let find = |id: &str| old.iter().find(|(i, _)| i == id).map(|(_, e)| *e);
    let count = match draft.get("/events") {
        Some(Value::Array { items, .. }) => items.len(),
        _ => 0,
    };
    let mut changed = false;
    let mut kept = Vec::new();
    for index in 0..count {
        let Some(event) = draft.get(&format!("/events/{index}")).cloned() else {
            continue;
        };
        let id = event.get("id").and_then(Value::as_str).unwrap_or("");
        kept.push(id.to_string());
        match find(id) {
            Some(before) if same_but_bookkeeping(before, &event) => {
                for key in BOOKKEEPING {
                    let at = format!("/events/{index}/{key}");
                    match before.get(key) {
                        Some(v) => {
                            let _ = draft.set(&at, v.clone());
                        }
                        None => {
                            draft.remove(&at);
                        }
                    }
                }
            }
            before => {
                touch(draft, index, before.map(revision_of), now_utc);
                changed = true;
            }
        }
    }
    // An event removed, or another member changed (the site's stamp aside).
    let removed = old.iter().any(|(id, _)| !kept.contains(id));
    let rest = |d: &Doc| {
        let mut d = d.clone();
        d.remove("/events");
        d.remove("/site/updated");
        d.root
    };
    changed |= removed || !rest(published).same(&rest(draft));
    if draft.get("/site").is_some() {
        match (changed, published.get("/site/updated")) {
            (true, _) => {
                let _ = draft.set("/site/updated", Value::string(tokyo_stamp(now_utc)));
            }
            (false, Some(v)) => {
                let _ = draft.set("/site/updated", v.clone());
            }
            (false, None) => {
                draft.remove("/site/updated");
            }
        }
    }
    published_ids(draft)
}

/// Which file of [`publish_text`] is not JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PublishError {
    Published(SyntaxError),
    Draft(SyntaxError),
}

/// [`publish`] on texts: the text to commit and the published ids. An
/// empty `published` is no file yet (every event is new).
///
/// # Errors
/// Which text is not JSON, and where.
pub fn publish_text(
    published: &str,
    text: &str,
    now_utc: NaiveDateTime,
) -> Result<(String, Vec<(String, u32)>), PublishError> {
    let published = if published.trim().is_empty() {
        Doc {
            root: Value::object(),
        }
    } else {
        Doc::parse(published).map_err(PublishError::Published)?
    };
    let mut draft = Doc::parse(text).map_err(PublishError::Draft)?;
    let ids = publish(&published, &mut draft, now_utc);
    Ok((crate::doc::write::to_text(&draft), ids))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::draft;
    use crate::doc::write::to_text;
    use chrono::NaiveDate;

    const FILE: &str = r#"{
  "site": { "name": "例", "domain": "example.jp", "updated": "2004-01-01T09:00:00+09:00" },
  "projects": [{ "id": "p", "name": "P" }],
  "events": [
    { "id": "a", "title": "例会", "fee": "1,000円", "revision": 1 },
    { "id": "b", "title": "研究会" }
  ]
}
"#;

    /// 1 December 2026, `h` o'clock UTC.
    fn at(h: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 12, 1)
            .unwrap()
            .and_hms_opt(h, 0, 0)
            .unwrap()
    }

    fn number(n: &str) -> Option<Value> {
        Some(Value::Number(n.into()))
    }

    #[test]
    fn a_published_change_counts_once_however_often_it_is_committed() {
        let published = Doc::parse(FILE).unwrap();
        let mut first = published.clone();
        // The editor touches on each edit: two edits, one revision.
        first.set_text("/events/0/fee", "1,500円").unwrap();
        draft::touch(&mut first, 0, Some(1), at(1));
        first.set_text("/events/0/fee", "2,000円").unwrap();
        draft::touch(&mut first, 0, Some(1), at(1));
        let ids = publish(&published, &mut first, at(2));
        assert_eq!(first.get("/events/0/revision").cloned(), number("2"));
        assert_eq!(
            first.text("/events/0/updated"),
            Some("2026-12-01T11:00:00+09:00")
        );
        assert_eq!(
            first.text("/site/updated"),
            Some("2026-12-01T11:00:00+09:00")
        );
        assert_eq!(first.get("/events/1/updated"), None, "b is unchanged");
        assert_eq!(ids, [("a".to_string(), 2), ("b".to_string(), 0)]);

        // The same text committed again over what was committed: nothing.
        let mut again = first.clone();
        publish(&first, &mut again, at(3));
        assert_eq!(to_text(&again), to_text(&first));

        // The next change counts from the committed revision, not the
        // opened file's (issue 21: it stayed at 2).
        let mut second = first.clone();
        second.set_text("/events/0/fee", "3,000円").unwrap();
        draft::touch(&mut second, 0, Some(1), at(4));
        assert_eq!(second.get("/events/0/revision").cloned(), number("2"));
        let ids = publish(&first, &mut second, at(5));
        assert_eq!(second.get("/events/0/revision").cloned(), number("3"));
        assert_eq!(ids[0], ("a".to_string(), 3));
    }

    #[test]
    fn an_edit_undone_leaves_no_trace() {
        let published = Doc::parse(FILE).unwrap();
        let mut draft = published.clone();
        draft.set_text("/events/1/title", "別の会").unwrap();
        draft::touch(&mut draft, 1, Some(0), at(1));
        draft.set_text("/events/1/title", "研究会").unwrap();
        assert_ne!(to_text(&draft), FILE, "touched: revision and stamps");
        publish(&published, &mut draft, at(2));
        assert_eq!(to_text(&draft), FILE);
    }

    #[test]
    fn new_removed_and_other_changes_are_stamped() {
        let published = Doc::parse(FILE).unwrap();
        // b removed, c added: c keeps its own revision (none) and is stamped.
        let mut draft = published.clone();
        let items = draft.array_mut("/events").unwrap();
        items.remove(1);
        items.push(
            Doc::parse(r#"{ "id": "c", "title": "新年会" }"#)
                .unwrap()
                .root,
        );
        let ids = publish(&published, &mut draft, at(2));
        assert_eq!(ids, [("a".to_string(), 1), ("c".to_string(), 0)]);
        assert_eq!(draft.get("/events/1/revision"), None);
        assert_eq!(
            draft.text("/events/1/updated"),
            Some("2026-12-01T11:00:00+09:00")
        );
        assert_eq!(draft.get("/events/0/updated"), None, "a is unchanged");

        // Only a removal, or only a project: the site is stamped.
        for edit in ["/events/1", "/projects/0/name"] {
            let mut draft = published.clone();
            draft.remove(edit);
            publish(&published, &mut draft, at(3));
            assert_eq!(
                draft.text("/site/updated"),
                Some("2026-12-01T12:00:00+09:00"),
                "{edit}"
            );
        }
    }

    #[test]
    fn texts_that_are_not_json_are_said() {
        let now = at(0);
        let (text, ids) = publish_text("", FILE, now).unwrap();
        assert_eq!(ids.len(), 2);
        assert!(
            text.contains(
                r#"{ "id": "b", "title": "研究会", "updated": "2026-12-01T09:00:00+09:00" }"#
            ),
            "{text}"
        );
        assert!(matches!(
            publish_text("{", FILE, now),
            Err(PublishError::Published(_))
        ));
        assert!(matches!(
            publish_text(FILE, "[1,", now),
            Err(PublishError::Draft(_))
        ));
    }
}
