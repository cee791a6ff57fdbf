//! What the proposer's editor sends: the proposal's items read from their
//! draft against the file it started from (a new event, a change to a
//! published one, a cancellation as a change of its `status`), the
//! secretariat's e-mail address from the site's data, and the `mailto:`
//! address that carries the link in a message's body.

use super::{Item, Proposal};
use crate::doc::{Doc, Value};

/// The items the draft proposes against `base` (the file as published):
/// each event whose id `base` lacks is new; each published event the
/// proposer edited is a change (a cancellation is a change of `status`,
/// which [`super::review`] shows as cancelled). Events removed from the
/// draft are not proposed (a published event is cancelled, not deleted).
pub fn items_of(base: &Doc, draft: &Doc) -> Vec<Item> {
    let events = |d: &Doc| match d.get("/events") {
        Some(Value::Array { items, .. }) => items.clone(),
        _ => Vec::new(),
    };
    let published = events(base);
    let id = |e: &Value| e.get("id").and_then(Value::as_str).map(str::to_string);
    events(draft)
        .into_iter()
        .filter_map(|event| {
            let old = id(&event).and_then(|i| published.iter().find(|p| id(p) == Some(i.clone())));
            match old {
                Some(old) => Item::change(old, &event),
                None => Some(Item::New(without_bookkeeping(event))),
            }
        })
        .collect()
}

/// A new event without the members a proposal never sets
/// ([`super::NOT_PROPOSED`]: the editor stamps `revision` and `updated`).
fn without_bookkeeping(mut event: Value) -> Value {
    if let Value::Object { members, .. } = &mut event {
        members.retain(|(k, _)| !super::NOT_PROPOSED.contains(&k.as_str()));
    }
    event
}

/// The secretariat's e-mail address: the site's own contact when it has
/// one, else the first project's (the organizer's, listed first).
pub fn contact_email(doc: &Doc) -> Option<String> {
    let email = |v: Option<&Value>| {
        v.and_then(|c| c.get("email"))
            .and_then(Value::as_str)
            .filter(|e| e.contains('@'))
            .map(str::to_string)
    };
    email(doc.get("/site/contact")).or_else(|| email(doc.get("/projects/0/contact")))
}

/// A `mailto:` address to `to` whose body carries the proposal's link.
pub fn mailto(to: &str, proposal: &Proposal, link: &str) -> String {
    let name = proposal.from.name.trim();
    let subject = if name.is_empty() {
        "予定の提案 / Event proposal".to_string()
    } else {
        format!("予定の提案（{name}） / Event proposal")
    };
    let mut body = String::from("事務局さま\n\n予定を提案します。次のリンクを開いて確かめてください。\nPlease open this link to review the proposed events.\n\n");
    body.push_str(link);
    body.push('\n');
    if !proposal.message.trim().is_empty() {
        body.push('\n');
        body.push_str(proposal.message.trim());
        body.push('\n');
    }
    format!(
        "mailto:{}?subject={}&body={}",
        escape(to),
        escape(&subject),
        escape(&body)
    )
}

/// Percent-encoding of everything but RFC 3986's unreserved characters.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~@".contains(&b) {
            out.push(b as char);
        } else if b == b'\n' {
            out.push_str("%0D%0A");
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Doc {
        Doc::parse(text).unwrap()
    }

    #[test]
    fn new_changed_and_untouched_events() {
        let base = doc(r#"{"events":[{"id":"a","title":"A"},{"id":"b","title":"B"}]}"#);
        let draft = doc(
            r#"{"events":[{"id":"a","title":"A"},{"id":"b","title":"B2","revision":2},{"id":"c","title":"C","updated":"2026-12-01T12:00:00+09:00"}]}"#,
        );
        let items = items_of(&base, &draft);
        assert_eq!(items.len(), 2);
        assert!(matches!(&items[0], Item::Change { id, .. } if id == "b"));
        assert!(
            matches!(&items[1], Item::New(e) if e.get("title").and_then(Value::as_str) == Some("C"))
        );
    }

    #[test]
    fn the_secretariats_address() {
        let d = doc(r#"{"site":{},"projects":[{"id":"x","contact":{"email":"a@b.jp"}}]}"#);
        assert_eq!(contact_email(&d).as_deref(), Some("a@b.jp"));
        let d = doc(r#"{"site":{"contact":{"email":"s@b.jp"}},"projects":[]}"#);
        assert_eq!(contact_email(&d).as_deref(), Some("s@b.jp"));
        assert_eq!(contact_email(&doc(r#"{"projects":[]}"#)), None);
    }

    #[test]
    fn the_link_goes_whole_into_the_body() {
        let p = Proposal::default();
        let link = "https://example.jp/edit/#proposal=1.eJ-_x";
        let m = mailto("a@b.jp", &p, link);
        assert!(m.starts_with("mailto:a@b.jp?subject="));
        assert!(m.contains("https%3A%2F%2Fexample.jp%2Fedit%2F%23proposal%3D1.eJ-_x"));
        assert!(!m.contains(' ') && !m.contains('\n'));
    }
}
