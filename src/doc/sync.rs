//! The working copy on the maintainer's device against the site: what the
//! editor keeps ([`Kept`]: the draft, the file it started from, what was
//! last sent out), whether the site shows yet what was sent
//! ([`site_state`]), and what the editor does when the site's
//! `events.json` arrives ([`on_site`]). Nothing a maintainer typed or sent
//! is lost: after a download or a commit the sent text stays the working
//! copy until the site shows it, however often the page is reloaded.
//!
//! **The rule for "the site shows it".** The site is rebuilt minutes after
//! a commit, and a downloaded file reaches it only when someone uploads
//! it; meanwhile another maintainer may publish too. So the rule compares
//! contents, not clocks (`site.updated` is stamped by each maintainer's
//! own device, and a stamp says nothing of what a file holds): the site
//! shows what was sent when merging the send into the site's file
//! ([`crate::doc::merge`], base = the file the site showed before the send)
//! adds nothing to it: every change the send made is there, field by
//! field, whatever else the site has. Bookkeeping (`revision`, `updated`)
//! is left out of the comparison ([`crate::doc::changes`]).

use crate::doc::changes::changes;
use crate::doc::merge::merge;
use crate::doc::publish::published_ids;
use crate::doc::Doc;

/// What the editor keeps on the device, as texts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Kept {
    /// What was last typed.
    pub draft: String,
    /// The file the draft started from: the base of a merge with GitHub.
    pub base: String,
    /// GitHub's blob `sha` of `base`, when the editor read or wrote it there.
    pub sha: Option<String>,
    /// What was last sent out (downloaded, copied or committed), else the
    /// file opened: its events are the published ones.
    pub saved: String,
    /// While a send waits for the site: the file the site showed before
    /// the first send it has not shown yet.
    pub before: Option<String>,
}

impl Kept {
    /// The editor's state for a file just opened from the site (or picked).
    pub fn opened(text: &str) -> Kept {
        Kept {
            draft: text.to_string(),
            base: text.to_string(),
            sha: None,
            saved: text.to_string(),
            before: None,
        }
    }

    /// Whether something was typed since the last send.
    pub fn unsent(&self) -> bool {
        self.draft != self.saved
    }

    /// Whether a send waits for the site.
    pub fn waiting(&self) -> bool {
        self.before.is_some()
    }

    /// Whether to open the kept copy at once, before (and without) the
    /// site's file: it holds edits not sent yet, or a send the site may
    /// not show yet. Otherwise the site's file is the one to open.
    pub fn restore_first(&self) -> bool {
        self.unsent() || self.waiting()
    }

    /// After `text` was downloaded or copied to be published: it is the
    /// working copy and what was sent; the send waits for the site (from
    /// the file the site showed before, kept while sends pile up).
    pub fn sent(&self, text: &str) -> Kept {
        Kept {
            draft: text.to_string(),
            saved: text.to_string(),
            before: Some(self.before.clone().unwrap_or_else(|| self.saved.clone())),
            ..self.clone()
        }
    }

    /// After `text` was committed to GitHub as the blob `sha`: also the
    /// base of the next merge.
    pub fn committed(&self, text: &str, sha: Option<String>) -> Kept {
        Kept {
            base: text.to_string(),
            sha,
            ..self.sent(text)
        }
    }

    /// The published ids and their revisions: those of what was sent, and
    /// of the file the draft started from (another maintainer's events,
    /// after a merge), each at its higher revision.
    pub fn published(&self) -> Vec<(String, u32)> {
        published(&self.saved, &self.base)
    }
}

/// [`Kept::published`] on the two texts: the ids of `saved` then those
/// only `base` has, each at the higher of its revisions; a text that is
/// not JSON gives none.
pub fn published(saved: &str, base: &str) -> Vec<(String, u32)> {
    let ids = |t: &str| Doc::parse(t).map(|d| published_ids(&d)).unwrap_or_default();
    let mut out = ids(saved);
    for (id, revision) in ids(base) {
        match out.iter_mut().find(|(i, _)| *i == id) {
            Some((_, r)) => *r = (*r).max(revision),
            None => out.push((id, revision)),
        }
    }
    out
}

/// What the site shows of a send.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SiteState {
    /// Not yet every change that was sent (公開待ち).
    Waiting,
    /// What was sent, as sent.
    Live,
    /// What was sent and more: another maintainer published after it.
    LiveAndMore,
}

/// Whether `site` (the site's `events.json` now) shows `sent`, which was
/// made from `before` (the file the site showed before the send).
pub fn site_state(before: &Doc, sent: &Doc, site: &Doc) -> SiteState {
    if site.root.same(&sent.root) {
        return SiteState::Live;
    }
    let m = merge(before, sent, site);
    if !m.is_clean() || !changes(site, &m.doc).is_empty() {
        SiteState::Waiting
    } else if changes(sent, site).is_empty() {
        SiteState::Live
    } else {
        SiteState::LiveAndMore
    }
}

/// What the editor does once the site's `events.json` has arrived.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arrival {
    /// Open the site's file: the device keeps nothing newer.
    Open,
    /// Keep the working copy (edits not sent yet; nothing waits).
    Keep,
    /// Keep the working copy: the site does not show the send yet.
    KeepWaiting,
    /// Keep the working copy: the send is live now, stop waiting.
    KeepLive,
    /// The send is live and the site has more; nothing unsent is kept, so
    /// open the site's file (the newer one) and stop waiting.
    OpenLive,
}

/// What to do with the site's file `site` given what the device kept.
/// A site file that is not JSON never replaces a kept copy.
pub fn on_site(kept: Option<&Kept>, site: &str) -> Arrival {
    let Some(kept) = kept else {
        return Arrival::Open;
    };
    let Some(before) = &kept.before else {
        return if kept.unsent() {
            Arrival::Keep
        } else {
            Arrival::Open
        };
    };
    let parsed = (
        Doc::parse(before),
        Doc::parse(&kept.saved),
        Doc::parse(site),
    );
    let (Ok(before), Ok(sent), Ok(site)) = parsed else {
        return Arrival::KeepWaiting;
    };
    match site_state(&before, &sent, &site) {
        SiteState::Waiting => Arrival::KeepWaiting,
        SiteState::Live => Arrival::KeepLive,
        SiteState::LiveAndMore if kept.unsent() => Arrival::KeepLive,
        SiteState::LiveAndMore => Arrival::OpenLive,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SITE: &str = r#"{
  "site": { "name": "例", "updated": "2004-01-01T09:00:00+09:00" },
  "events": [
    { "id": "a", "title": "例会", "fee": "1,000円", "revision": 1 },
    { "id": "b", "title": "研究会" }
  ]
}
"#;

    fn edit(text: &str, from: &str, to: &str) -> String {
        assert!(text.contains(from), "{from}");
        text.replacen(from, to, 1)
    }

    fn state(before: &str, sent: &str, site: &str) -> SiteState {
        let p = |t: &str| Doc::parse(t).unwrap();
        site_state(&p(before), &p(sent), &p(site))
    }

    #[test]
    fn the_site_shows_a_send_when_it_holds_every_change_of_it() {
        let sent = edit(
            SITE,
            "1,000円\", \"revision\": 1",
            "2,000円\", \"revision\": 2",
        );
        let sent = edit(&sent, "2004-01-01T09:00", "2026-12-01T12:00");
        // Not rebuilt yet.
        assert_eq!(state(SITE, &sent, SITE), SiteState::Waiting);
        // Rebuilt, byte for byte, or written another way.
        assert_eq!(state(SITE, &sent, &sent), SiteState::Live);
        let compact = sent.replace("\n", "").replace("  ", "");
        assert_eq!(state(SITE, &sent, &compact), SiteState::Live);
        // Another maintainer published after it, keeping ours.
        let more = edit(&sent, "研究会", "第2回研究会");
        assert_eq!(state(SITE, &sent, &more), SiteState::LiveAndMore);
        // Another maintainer published from the old file: ours is not there.
        let other = edit(SITE, "研究会", "第2回研究会");
        assert_eq!(state(SITE, &sent, &other), SiteState::Waiting);
        // … or changed the very fee since: the site does not show ours.
        let fee = edit(&sent, "2,000円", "3,000円");
        assert_eq!(state(SITE, &sent, &fee), SiteState::Waiting);
        // A clock does not decide: a later stamp on the old content waits.
        let stamped = edit(SITE, "2004-01-01T09:00", "2030-01-01T09:00");
        assert_eq!(state(SITE, &sent, &stamped), SiteState::Waiting);
        // A send that changed nothing but bookkeeping is live at once.
        let same = edit(SITE, "\"revision\": 1", "\"revision\": 2");
        assert_eq!(state(SITE, &same, SITE), SiteState::Live);
    }

    #[test]
    fn sends_pile_up_from_the_file_the_site_showed() {
        let opened = Kept::opened(SITE);
        assert!(!opened.restore_first());
        let first = edit(SITE, "1,000円", "2,000円");
        let kept = Kept {
            draft: first.clone(),
            ..opened
        };
        assert!(kept.unsent() && kept.restore_first());
        let kept = kept.sent(&first);
        assert!(!kept.unsent() && kept.waiting() && kept.restore_first());
        assert_eq!(kept.before.as_deref(), Some(SITE));
        // The same file downloaded again still waits for the first send.
        let again = kept.sent(&first);
        assert_eq!(again.before.as_deref(), Some(SITE));
        assert_eq!(on_site(Some(&again), SITE), Arrival::KeepWaiting);
        // Committed: the base of the next merge, with its sha.
        let second = edit(&first, "研究会", "第2回研究会");
        let kept = again.committed(&second, Some("s2".into()));
        assert_eq!(
            (kept.base.as_str(), kept.sha.as_deref()),
            (second.as_str(), Some("s2"))
        );
        assert_eq!(kept.before.as_deref(), Some(SITE));
        // The site shows the first send only: still waiting.
        assert_eq!(on_site(Some(&kept), &first), Arrival::KeepWaiting);
        assert_eq!(on_site(Some(&kept), &second), Arrival::KeepLive);
    }

    #[test]
    fn what_the_editor_does_when_the_site_arrives() {
        assert_eq!(on_site(None, SITE), Arrival::Open);
        let opened = Kept::opened(SITE);
        let newer = edit(SITE, "研究会", "第2回研究会");
        // Nothing kept that the site lacks: the site's file, newer or not.
        assert_eq!(on_site(Some(&opened), &newer), Arrival::Open);
        // Edits not sent: kept.
        let typed = Kept {
            draft: newer.clone(),
            ..opened.clone()
        };
        assert_eq!(on_site(Some(&typed), SITE), Arrival::Keep);
        // A send, then the site: waiting, live, live with more.
        let sent_text = edit(SITE, "1,000円", "2,000円");
        let sent = opened.sent(&sent_text);
        assert_eq!(on_site(Some(&sent), SITE), Arrival::KeepWaiting);
        assert_eq!(on_site(Some(&sent), &sent_text), Arrival::KeepLive);
        let more = edit(&sent_text, "研究会", "第2回研究会");
        assert_eq!(on_site(Some(&sent), &more), Arrival::OpenLive);
        // … but edits typed since the send are never dropped.
        let typing = Kept {
            draft: edit(&sent_text, "例会", "例会（変更）"),
            ..sent.clone()
        };
        assert_eq!(on_site(Some(&typing), &more), Arrival::KeepLive);
        // A site file that is not JSON replaces nothing.
        assert_eq!(on_site(Some(&sent), "{"), Arrival::KeepWaiting);
    }

    #[test]
    fn published_ids_come_from_what_was_sent_and_the_file_opened() {
        let sent = edit(SITE, "\"revision\": 1", "\"revision\": 2");
        let sent = edit(
            &sent,
            "  ]",
            "  ,{ \"id\": \"c\", \"title\": \"新年会\" }\n  ]",
        );
        let base = edit(
            SITE,
            "{ \"id\": \"b\", \"title\": \"研究会\" }",
            "{ \"id\": \"b\", \"title\": \"研究会\", \"revision\": 4 }",
        );
        assert_eq!(
            published(&sent, &base),
            [
                ("a".to_string(), 2),
                ("b".to_string(), 4),
                ("c".to_string(), 0)
            ]
        );
        assert_eq!(published("{", SITE).len(), 2);
    }
}
