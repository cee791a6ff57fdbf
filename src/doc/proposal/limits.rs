//! What a proposal may be, and how refusing one is said: the version of
//! the format, the limits of links, files and their contents, and
//! [`DecodeError`], each refusal in Japanese and English.
//!
//! Reading never trusts its input: it is bounded before any work
//! ([`MAX_LINK_CHARS`]), while inflating ([`MAX_JSON_BYTES`], against
//! decompression bombs: a link of a few thousand characters can inflate
//! to megabytes), and in what it accepts ([`MAX_ITEMS`], the sender's
//! texts).
//!
//! # The size limit
//! A link is offered for sending only up to [`LINK_LIMIT`], 2,000
//! characters, the whole address included. Chromium opens links up to
//! 2 MB and LINE carries messages of several thousand characters, but
//! the weakest common path is mail: Outlook for Windows keeps Internet
//! Explorer's 2,083 characters for a link and for the `mailto:` it is
//! handed, and past 2,000 characters mail clients and link shorteners
//! start to cut links or stop making them clickable. 2,000 leaves room
//! below 2,083 for the `mailto:` fallback's own words. Six short events
//! or one with a full programme fit (the newsletter's 川崎 salon, the
//! longest event of the seed, takes about 1,650); a longer proposal goes
//! as a file ([`super::delivery`]).

use crate::load::escape_controls;
use crate::model::text::{Lang, Text};
use std::fmt;

/// The version of the format, written first in a link and as the
/// `proposal` member of the JSON.
pub const VERSION: u32 = 1;
/// The longest link offered for sending, in characters (see the module's
/// notes on the size limit).
pub const LINK_LIMIT: usize = 2000;
/// The longest input [`super::decode`] reads at all, in characters.
pub const MAX_LINK_CHARS: usize = 64 * 1024;
/// The most a proposal's JSON may take once inflated, or as a file, in
/// bytes.
pub const MAX_JSON_BYTES: usize = 256 * 1024;
/// The most events one proposal carries.
pub const MAX_ITEMS: usize = 100;
/// The longest sender's name, contact and message, in characters.
pub const MAX_NAME: usize = 100;
pub const MAX_CONTACT: usize = 200;
pub const MAX_MESSAGE: usize = 2000;
/// What stands before the payload in the link's fragment.
pub const KEY: &str = "proposal=";

/// Why a link or file could not be read as a proposal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// Nothing to read.
    Empty,
    /// Not a proposal at all (no `proposal=`, no version, an events file).
    NotAProposal,
    /// A version this editor does not read, as written.
    Version(String),
    /// A link longer than [`MAX_LINK_CHARS`].
    TooLong,
    /// A character no proposal link has.
    BadCharacter(char),
    /// Cut short on the way.
    Truncated,
    /// Changed on the way: the data or its checksum does not add up.
    Damaged,
    /// More than [`MAX_JSON_BYTES`] once inflated, or as a file.
    TooLarge,
    /// Not UTF-8 text inside.
    NotText,
    /// Readable, but not a proposal of this version: where (a JSON
    /// Pointer) and what.
    Malformed { path: String, problem: Text },
}

impl DecodeError {
    /// What happened and what to do, in Japanese and English.
    pub fn message(&self) -> Text {
        let again = (
            "もう一度送ってもらってください",
            "ask for it to be sent again",
        );
        match self {
            DecodeError::Empty => Text::fixed(
                "提案のリンクが空です。送られてきたリンクを最後まで開いてください",
                "The proposal link is empty: open the whole link you were sent",
            ),
            DecodeError::NotAProposal => Text::fixed(
                "これは予定の提案ではありません",
                "This is not an event proposal",
            ),
            DecodeError::Version(v) if v.parse::<u32>().is_ok_and(|n| n > VERSION) => Text::both(
                format!("この提案は新しい形式（版{v}）です。編集ページを再読み込みしてから開いてください"),
                format!("This proposal is in a newer format (version {v}): reload the editor page and open it again"),
            ),
            DecodeError::Version(v) => Text::both(
                format!("この提案の形式（版「{}」）は読めません。{}", escape_controls(v), again.0),
                format!("This proposal's format (version \"{}\") cannot be read: {}", escape_controls(v), again.1),
            ),
            DecodeError::TooLong => Text::both(
                format!("リンクが長すぎます（{MAX_LINK_CHARS}文字まで）。提案はファイルで送ってもらってください"),
                format!("The link is too long (at most {MAX_LINK_CHARS} characters): ask for the proposal as a file"),
            ),
            DecodeError::BadCharacter(c) => Text::both(
                format!("リンクに、提案のリンクにはない文字「{}」があります。途中で書き換えられたようです。{}", escape_controls(&c.to_string()), again.0),
                format!("The link has a character no proposal link has (\"{}\"): it was changed on the way; {}", escape_controls(&c.to_string()), again.1),
            ),
            DecodeError::Truncated => Text::fixed(
                "リンクが途中で切れています。メールやチャットで長いリンクが切られたようです。リンクを最後までコピーするか、提案をファイルで送ってもらってください",
                "The link was cut short, as mail and chat apps do to long links: copy all of it, or ask for the proposal as a file",
            ),
            DecodeError::Damaged => Text::both(
                format!("リンクが途中で書き換えられていて読めません（検査値が合いません）。{}", again.0),
                format!("The link was changed on the way and cannot be read (its checksum does not match): {}", again.1),
            ),
            DecodeError::TooLarge => Text::both(
                format!("提案が大きすぎるため開きませんでした（{} KBまで）", MAX_JSON_BYTES / 1024),
                format!("The proposal is too large to open (at most {} KB)", MAX_JSON_BYTES / 1024),
            ),
            DecodeError::NotText => Text::both(
                format!("提案の中身が文字として読めません。{}", again.0),
                format!("The proposal's contents are not text: {}", again.1),
            ),
            DecodeError::Malformed { path, problem } => Text::both(
                format!("提案の中身が正しくありません（{}: {}）", shown_path(path), problem.ja),
                format!("The proposal's contents are not right ({}: {})", shown_path(path), problem.get(Lang::En)),
            ),
        }
    }
}

fn shown_path(path: &str) -> String {
    escape_controls(if path.is_empty() { "/" } else { path })
}

impl fmt::Display for DecodeError {
    /// `日本語 / English`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let m = self.message();
        write!(f, "{} / {}", m.ja, m.get(Lang::En))
    }
}

impl std::error::Error for DecodeError {}
