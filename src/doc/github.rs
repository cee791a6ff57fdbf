//! Publishing through GitHub, as plain functions: which repository holds
//! the data ([`find_repository`]: `site.repository`, else the one a GitHub
//! Pages address names, the editor's own or `site.url`, else the one the
//! maintainer typed once, [`parse_repository`]), the address of GitHub's
//! own edit page for `public/events.json`, and the requests and answers of
//! the REST contents API (base64 content, the blob `sha`, what a status
//! means for a commit).
//!
//! The editor page (`src/edit/`) makes the requests; nothing here touches
//! the network.

use crate::doc::Doc;
use crate::model::text::Text;

/// Where the data file lives in the repository.
pub const DATA_PATH: &str = "public/events.json";
/// The branch the Pages workflow publishes.
pub const BRANCH: &str = "main";
/// The one API origin the editor talks to.
pub const API: &str = "https://api.github.com";

/// The repository (`owner/name`) the document names: `site.repository`,
/// or from `site.url` when it is a GitHub Pages address
/// ([`pages_repository`]).
pub fn repository(doc: &Doc) -> Option<String> {
    find_repository(doc, None, None).map(|(repo, _)| repo)
}

/// Where the editor learnt the repository from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    /// `site.repository` in the file.
    File,
    /// The editor's own address, on GitHub Pages.
    Page,
    /// `site.url`, a GitHub Pages address.
    SiteUrl,
    /// Typed by the maintainer once, remembered on this device.
    Device,
}

/// The repository to publish to, and where it came from: `site.repository`
/// when valid, else the GitHub Pages address of the editor page itself
/// (`page`, its `location.href`), else `site.url` when that is one, else
/// what the maintainer typed on this device (`remembered`). `None`: the
/// editor asks.
pub fn find_repository(
    doc: &Doc,
    page: Option<&str>,
    remembered: Option<&str>,
) -> Option<(String, Found)> {
    let valid = |r: &str| crate::load::check_repository(r).is_ok();
    if let Some(repo) = doc.text("/site/repository").filter(|r| valid(r)) {
        return Some((repo.to_string(), Found::File));
    }
    if let Some(repo) = page.and_then(|p| pages_repository(&site_of_editor(p))) {
        return Some((repo, Found::Page));
    }
    if let Some(repo) = doc.text("/site/url").and_then(pages_repository) {
        return Some((repo, Found::SiteUrl));
    }
    remembered
        .filter(|r| valid(r))
        .map(|r| (r.to_string(), Found::Device))
}

/// The repository a GitHub Pages address names:
/// `https://owner.github.io/name/…` is `owner/name`,
/// `https://owner.github.io/` is `owner/owner.github.io`; `None` for any
/// other address.
pub fn pages_repository(url: &str) -> Option<String> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let rest = rest.split(['?', '#']).next().unwrap_or("");
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    let owner = host.to_ascii_lowercase();
    let owner = owner.strip_suffix(".github.io")?;
    let name = path.split('/').next().unwrap_or("");
    let repo = if name.is_empty() {
        format!("{owner}/{owner}.github.io")
    } else {
        format!("{owner}/{name}")
    };
    crate::load::check_repository(&repo).ok().map(|()| repo)
}

/// The site's address from the editor page's own (`…/edit/`, maybe with
/// `index.html`, a query or a fragment): the folder above `edit/`.
pub fn site_of_editor(page: &str) -> String {
    let page = page.split(['?', '#']).next().unwrap_or("");
    let page = page.strip_suffix("index.html").unwrap_or(page);
    let page = page.trim_end_matches('/');
    let site = page.strip_suffix("/edit").unwrap_or(page);
    format!("{site}/")
}

/// A repository as a maintainer types it: `owner/name`, or GitHub's
/// address of it (`https://github.com/owner/name`, with `.git` or more
/// path after it); spaces around it are ignored.
///
/// # Errors
/// What to type instead, in Japanese and English.
pub fn parse_repository(typed: &str) -> Result<String, Text> {
    let t = typed.trim();
    let t = ["https://", "http://"]
        .iter()
        .find_map(|p| t.strip_prefix(p))
        .unwrap_or(t);
    let t = t
        .strip_prefix("www.github.com/")
        .or_else(|| t.strip_prefix("github.com/"))
        .unwrap_or(t);
    let mut parts = t.split(['/', '?', '#']);
    let owner = parts.next().unwrap_or("");
    let name = parts.next().unwrap_or("");
    let name = name.strip_suffix(".git").unwrap_or(name);
    let repo = format!("{owner}/{name}");
    if t.is_empty() {
        return Err(Text::fixed(
            "リポジトリを「持ち主/名前」の形で入力してください（例: kanagawa-iguren/calendar）",
            "Type the repository as owner/name (e.g. kanagawa-iguren/calendar)",
        ));
    }
    crate::load::check_repository(&repo).map(|()| repo)
}

/// GitHub's edit page for the data file.
pub fn edit_page(repo: &str) -> String {
    format!("https://github.com/{repo}/edit/{BRANCH}/{DATA_PATH}")
}

/// The contents API address of the data file (GET with `?ref=`, PUT without).
pub fn contents_url(repo: &str) -> String {
    format!("{API}/repos/{repo}/contents/{DATA_PATH}")
}

/// The body of the PUT that commits `text` over the blob `sha`.
pub fn put_body(text: &str, sha: &str, message: &str) -> String {
    format!(
        "{{\"message\":\"{}\",\"content\":\"{}\",\"sha\":\"{}\",\"branch\":\"{BRANCH}\"}}",
        crate::load::escape_json(message),
        base64(text.as_bytes()),
        crate::load::escape_json(sha)
    )
}

/// Standard base64 with padding (RFC 4648), as the contents API wants.
pub fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ABC[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Standard base64 read back (RFC 4648), skipping line breaks and spaces
/// (GitHub wraps `content` every 60 characters); `None` when it is not
/// base64.
pub fn unbase64(coded: &str) -> Option<Vec<u8>> {
    let digit = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    };
    let coded: Vec<u8> = coded.bytes().filter(|c| !c.is_ascii_whitespace()).collect();
    if !coded.len().is_multiple_of(4) {
        return None;
    }
    let mut out = Vec::with_capacity(coded.len() / 4 * 3);
    for (n, chunk) in coded.chunks(4).enumerate() {
        let last = n + 1 == coded.len() / 4;
        let pad = chunk.iter().rev().take_while(|&&c| c == b'=').count();
        if pad > 2 || (pad > 0 && !last) {
            return None;
        }
        let mut bits = 0u32;
        for &c in &chunk[..4 - pad] {
            bits = bits << 6 | u32::from(digit(c)?);
        }
        bits <<= 6 * pad;
        let bytes = bits.to_be_bytes();
        out.extend_from_slice(&bytes[1..4 - pad]);
    }
    Some(out)
}

/// The file's text in a contents API answer (`content`, base64), when it
/// is there and UTF-8.
pub fn content_of(answer: &str) -> Option<String> {
    let doc = Doc::parse(answer).ok()?;
    String::from_utf8(unbase64(doc.text("/content")?)?).ok()
}

/// The new blob `sha` in the answer to a commit
/// (`{"content": {"sha": …}, "commit": …}`).
pub fn committed_sha(answer: &str) -> Option<String> {
    let doc = Doc::parse(answer).ok()?;
    doc.text("/content/sha").map(str::to_string)
}

/// What GitHub's answer to a commit (PUT) means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Put {
    /// Committed (200, or 201 for a new file).
    Done,
    /// The file changed on GitHub since the `sha` sent (409; 422 when the
    /// `sha` does not match): nothing was overwritten, merge first.
    Newer,
    /// Anything else (no permission, no such repository, …).
    Failed,
}

/// The meaning of a PUT's status.
pub fn put_outcome(status: u16) -> Put {
    match status {
        200 | 201 => Put::Done,
        409 | 422 => Put::Newer,
        _ => Put::Failed,
    }
}

/// The `sha` of a contents API answer (`{"sha": "…", …}`).
pub fn sha_of(answer: &str) -> Option<String> {
    let doc = Doc::parse(answer).ok()?;
    doc.text("/sha").map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_as_rfc_4648_says() {
        // RFC 4648 section 10's test vectors.
        let cases = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, coded) in cases {
            assert_eq!(base64(plain.as_bytes()), coded, "{plain}");
        }
        // UTF-8 bytes: 日 is E6 97 A5.
        assert_eq!(base64("日".as_bytes()), "5pel");
    }

    #[test]
    fn the_repository_from_the_site() {
        let doc = |site: &str| Doc::parse(&format!("{{\"site\": {site}}}")).unwrap();
        assert_eq!(
            repository(&doc(
                r#"{"repository": "iguren/calendar", "url": "https://x.github.io/y/"}"#
            )),
            Some("iguren/calendar".into())
        );
        assert_eq!(
            repository(&doc(r#"{"url": "https://Iguren.github.io/calendar/"}"#)),
            Some("iguren/calendar".into())
        );
        assert_eq!(
            repository(&doc(r#"{"url": "https://iguren.github.io/"}"#)),
            Some("iguren/iguren.github.io".into())
        );
        assert_eq!(repository(&doc(r#"{"url": "https://example.org/"}"#)), None);
        assert_eq!(repository(&doc(r#"{"repository": "no slash"}"#)), None);
        assert_eq!(
            edit_page("a/b"),
            "https://github.com/a/b/edit/main/public/events.json"
        );
    }

    #[test]
    fn base64_read_back() {
        for plain in [
            "",
            "f",
            "fo",
            "foo",
            "foob",
            "fooba",
            "foobar",
            "日本語の予定\n",
        ] {
            assert_eq!(
                unbase64(&base64(plain.as_bytes())).as_deref(),
                Some(plain.as_bytes()),
                "{plain}"
            );
        }
        // GitHub's answers wrap the content.
        assert_eq!(unbase64("Zm9v\nYmFy\n").as_deref(), Some(&b"foobar"[..]));
        for bad in ["Zm9", "Zm=v", "Z===", "Zg==Zg==", "Zm9*"] {
            assert_eq!(unbase64(bad), None, "{bad}");
        }
        let answer = format!(
            r#"{{"sha": "s1", "encoding": "base64", "content": "{}"}}"#,
            base64("{\"events\": []}\n".as_bytes())
        );
        assert_eq!(content_of(&answer).as_deref(), Some("{\"events\": []}\n"));
        assert_eq!(content_of(r#"{"sha": "s1"}"#), None);
        assert_eq!(
            committed_sha(r#"{"content": {"sha": "s2"}, "commit": {"sha": "c"}}"#),
            Some("s2".into())
        );
        assert_eq!(put_outcome(201), Put::Done);
        assert_eq!(put_outcome(409), Put::Newer);
        assert_eq!(put_outcome(422), Put::Newer);
        assert_eq!(put_outcome(403), Put::Failed);
    }

    #[test]
    fn the_repository_without_json() {
        let doc = |site: &str| Doc::parse(&format!("{{\"site\": {site}}}")).unwrap();
        let none = doc("{}");
        let found = |d: &Doc, page, kept| find_repository(d, page, kept);
        // The editor's own address on GitHub Pages, project and user sites.
        assert_eq!(
            found(
                &none,
                Some("https://iguren.github.io/calendar/edit/?e=x"),
                None
            ),
            Some(("iguren/calendar".into(), Found::Page))
        );
        assert_eq!(
            found(
                &none,
                Some("https://Iguren.github.io/edit/index.html"),
                None
            ),
            Some(("iguren/iguren.github.io".into(), Found::Page))
        );
        // Not GitHub Pages: site.url, then what was typed on this device.
        let local = Some("http://127.0.0.1:8080/edit/");
        let with_url = doc(r#"{"url": "https://iguren.github.io/cal/"}"#);
        assert_eq!(
            found(&with_url, local, Some("a/b")),
            Some(("iguren/cal".into(), Found::SiteUrl))
        );
        assert_eq!(
            found(&none, local, Some("a/b")),
            Some(("a/b".into(), Found::Device))
        );
        assert_eq!(found(&none, local, Some("not a repo")), None);
        assert_eq!(found(&none, local, None), None);
        // The file wins over everything.
        let named = doc(r#"{"repository": "iguren/data"}"#);
        assert_eq!(
            found(&named, Some("https://x.github.io/y/edit/"), Some("a/b")),
            Some(("iguren/data".into(), Found::File))
        );
        assert_eq!(site_of_editor("https://h/cal/edit/"), "https://h/cal/");
        assert_eq!(site_of_editor("https://h/edit"), "https://h/");
        assert_eq!(site_of_editor("https://h/cal/edit/#top"), "https://h/cal/");
    }

    #[test]
    fn a_repository_as_typed() {
        for typed in [
            "iguren/calendar",
            "  iguren/calendar ",
            "https://github.com/iguren/calendar",
            "https://github.com/iguren/calendar.git",
            "github.com/iguren/calendar/tree/main/public",
            "https://github.com/iguren/calendar?tab=readme",
        ] {
            assert_eq!(
                parse_repository(typed),
                Ok("iguren/calendar".into()),
                "{typed}"
            );
        }
        for typed in [
            "",
            "iguren",
            "iguren/",
            "/calendar",
            "いぐれん/calendar",
            "a b/c",
        ] {
            let said = parse_repository(typed).unwrap_err();
            assert!(said.ja.contains("持ち主/名前"), "{typed}: {}", said.ja);
        }
    }

    #[test]
    fn the_commit_body() {
        let body = put_body("{}\n", "abc", "予定を更新");
        let doc = Doc::parse(&body).unwrap();
        assert_eq!(doc.text("/content"), Some("e30K"));
        assert_eq!(doc.text("/sha"), Some("abc"));
        assert_eq!(doc.text("/message"), Some("予定を更新"));
        assert_eq!(
            sha_of(r#"{"name": "events.json", "sha": "f00"}"#),
            Some("f00".into())
        );
    }
}
