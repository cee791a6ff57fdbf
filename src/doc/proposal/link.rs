//! How a [`Proposal`] travels without a server: as a link to the editor
//! whose fragment carries it (`edit/#proposal=1.…`, which the browser
//! never sends to any server), or, when that would be longer than
//! [`LINK_LIMIT`], as a small JSON file to attach ([`delivery`]).
//!
//! The link's payload is `<version>.<data>`: the version of the format
//! (`1`), then the proposal's JSON ([`super::wire`]), deflated with a zlib
//! header and checksum and written in base64url without padding (RFC 4648
//! §5: letters, digits, `-` and `_`, which no mail client or chat app
//! escapes or breaks a link at). The checksum tells a link changed on the
//! way; a cut link ends its compressed data early. Every refusal is a
//! [`DecodeError`] ([`super::limits`]).

use super::limits::{DecodeError, KEY, LINK_LIMIT, MAX_JSON_BYTES, MAX_LINK_CHARS, VERSION};
use super::wire::{read, to_json, to_value};
use super::{Item, Proposal};
use crate::doc::{Doc, Value};
use crate::model::text::Text;
use miniz_oxide::inflate::TINFLStatus;

/// The payload of a proposal's link: `1.` and the deflated JSON in
/// base64url.
pub fn encode(proposal: &Proposal) -> String {
    let json = to_json(proposal);
    let packed = miniz_oxide::deflate::compress_to_vec_zlib(json.as_bytes(), 9);
    format!("{VERSION}.{}", base64url(&packed))
}

/// The link to the editor at `base` (its address; a fragment it has is
/// replaced) that opens `proposal`.
///
/// # Example
/// ```
/// use iguren_calendar::doc::proposal::{decode, link, Item, Proposal};
/// let p = Proposal { items: vec![Item::Cancel { id: "nikkan-2004-03-24".into() }], ..Proposal::default() };
/// let url = link("https://example.jp/edit/", &p);
/// assert!(url.starts_with("https://example.jp/edit/#proposal=1."));
/// assert_eq!(decode(&url), Ok(p));
/// ```
pub fn link(base: &str, proposal: &Proposal) -> String {
    let base = base.split('#').next().unwrap_or(base);
    format!("{base}#{KEY}{}", encode(proposal))
}

/// How a proposal is sent: as its link when that stays within
/// [`LINK_LIMIT`], else as a file to attach.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Delivery {
    Link(String),
    /// The file's name and text, and how long the link would have been.
    File {
        name: String,
        text: String,
        chars: usize,
    },
}

impl Delivery {
    /// What to tell the proposer before they send it.
    pub fn note(&self) -> Text {
        match self {
            Delivery::Link(link) => Text::both(
                format!("リンクで送れます（{}文字、上限{LINK_LIMIT}文字）", link.chars().count()),
                format!("It can be sent as a link ({} characters, at most {LINK_LIMIT})", link.chars().count()),
            ),
            Delivery::File { name, chars, .. } => Text::both(
                format!("提案が長いため、リンクにすると{chars}文字になり、メールやチャットで途中で切れるおそれがあります（上限{LINK_LIMIT}文字）。ファイル「{name}」として保存し、メールに添付して送ってください"),
                format!("The proposal is long: as a link it would be {chars} characters and could be cut by mail or chat apps (at most {LINK_LIMIT}). Save it as the file \"{name}\" and attach it to an e-mail"),
            ),
        }
    }
}

/// Whether `proposal` goes as a link to the editor at `base` or, beyond
/// [`LINK_LIMIT`], as a file.
pub fn delivery(base: &str, proposal: &Proposal) -> Delivery {
    let link = link(base, proposal);
    let chars = link.chars().count();
    if chars <= LINK_LIMIT {
        return Delivery::Link(link);
    }
    Delivery::File {
        name: file_name(proposal),
        text: to_file(proposal),
        chars,
    }
}

/// Reads a proposal from its link: the whole address, its fragment or
/// the payload alone. White space inside is left out (a mail client may
/// have wrapped the link); what follows the checksummed data is ignored.
///
/// # Errors
/// A [`DecodeError`] saying what is wrong; the input is never trusted.
pub fn decode(input: &str) -> Result<Proposal, DecodeError> {
    if input.len() > MAX_LINK_CHARS * 4 || input.chars().nth(MAX_LINK_CHARS).is_some() {
        return Err(DecodeError::TooLong);
    }
    let payload = match input.rfind(KEY) {
        Some(at) => &input[at + KEY.len()..],
        None if input.contains(['#', '/', '{']) => return Err(DecodeError::NotAProposal),
        None => input,
    };
    let payload: String = payload
        .chars()
        .filter(|c| !c.is_ascii_whitespace())
        .collect();
    if payload.is_empty() {
        return Err(DecodeError::Empty);
    }
    let Some((version, data)) = payload.split_once('.') else {
        return Err(DecodeError::NotAProposal);
    };
    if version.is_empty() || version.len() > 3 || !version.bytes().all(|b| b.is_ascii_digit()) {
        return Err(DecodeError::NotAProposal);
    }
    if version != VERSION.to_string() {
        return Err(DecodeError::Version(version.to_string()));
    }
    let packed = unbase64url(data.trim_end_matches('='))?;
    let json = miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(&packed, MAX_JSON_BYTES)
        .map_err(|e| match e.status {
            TINFLStatus::HasMoreOutput => DecodeError::TooLarge,
            TINFLStatus::FailedCannotMakeProgress | TINFLStatus::NeedsMoreInput => {
                DecodeError::Truncated
            }
            _ => DecodeError::Damaged,
        })?;
    let text = String::from_utf8(json).map_err(|_| DecodeError::NotText)?;
    read(&text)
}

/// The proposal as a small JSON file, for when the link would be too
/// long; [`from_file`] reads it back.
pub fn to_file(proposal: &Proposal) -> String {
    crate::doc::write::to_text(&Doc {
        root: to_value(proposal),
    })
}

/// A name for the proposal's file: `proposal-<the first event's id or
/// day>.json`.
pub fn file_name(proposal: &Proposal) -> String {
    let first = proposal.items.first().map(|item| match item {
        Item::Change { id, .. } | Item::Cancel { id } => id.clone(),
        Item::New(event) => {
            let text = |k: &str| event.get(k).and_then(Value::as_str).unwrap_or("");
            format!(
                "{}-{}",
                text("project"),
                text("start").get(..10).unwrap_or("")
            )
        }
    });
    let safe: String = first
        .unwrap_or_default()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .take(60)
        .collect();
    match safe.trim_matches('-') {
        "" => "proposal.json".to_string(),
        s => format!("proposal-{s}.json"),
    }
}

/// Reads a proposal's file.
///
/// # Errors
/// As [`decode`]: [`DecodeError::NotAProposal`] for any other JSON (an
/// events file, say), [`DecodeError::TooLarge`] beyond [`MAX_JSON_BYTES`].
pub fn from_file(text: &str) -> Result<Proposal, DecodeError> {
    if text.len() > MAX_JSON_BYTES {
        return Err(DecodeError::TooLarge);
    }
    read(text.strip_prefix('\u{feff}').unwrap_or(text))
}

const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64url without padding (RFC 4648 §5).
fn base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = |i: usize| u32::from(chunk.get(i).copied().unwrap_or(0));
        let n = (b(0) << 16) | (b(1) << 8) | b(2);
        for i in 0..=chunk.len() {
            out.push(char::from(ABC[(n >> (18 - 6 * i) & 63) as usize]));
        }
    }
    out
}

/// Reads base64url without padding. A length no encoder makes is a cut
/// link; the unused bits of the last character are not looked at (a cut
/// link is then told by its compressed data, a changed one by its
/// checksum).
fn unbase64url(s: &str) -> Result<Vec<u8>, DecodeError> {
    let mut sextets = Vec::with_capacity(s.len());
    for c in s.chars() {
        let at = u8::try_from(c)
            .ok()
            .and_then(|b| ABC.iter().position(|&a| a == b));
        sextets.push(at.ok_or(DecodeError::BadCharacter(c))? as u32);
    }
    if sextets.len() % 4 == 1 {
        return Err(DecodeError::Truncated);
    }
    let mut out = Vec::with_capacity(sextets.len() * 3 / 4);
    for chunk in sextets.chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &s)| n | s << (18 - 6 * i));
        out.extend((0..chunk.len() - 1).map(|i| (n >> (16 - 8 * i)) as u8));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_is_rfc_4648_without_padding() {
        for (bytes, text) in [
            (&b""[..], ""),
            (b"f", "Zg"),
            (b"fo", "Zm8"),
            (b"foo", "Zm9v"),
            (b"foob", "Zm9vYg"),
            (b"\xfb\xff", "-_8"),
        ] {
            assert_eq!(base64url(bytes), text);
            assert_eq!(unbase64url(text).unwrap(), bytes);
        }
        assert_eq!(unbase64url("Zm9vY"), Err(DecodeError::Truncated));
        assert_eq!(unbase64url("Zm+v"), Err(DecodeError::BadCharacter('+')));
    }
}
