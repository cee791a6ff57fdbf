//! Publishing through GitHub, as plain functions: which repository holds
//! the data (`site.repository`, or the one a `*.github.io` address
//! names), the address of GitHub's own edit page for `public/events.json`,
//! and the request bodies of the REST contents API (base64 content).
//!
//! The editor page (`src/edit/`) makes the requests; nothing here touches
//! the network.

use crate::doc::Doc;

/// Where the data file lives in the repository.
pub const DATA_PATH: &str = "public/events.json";
/// The branch the Pages workflow publishes.
pub const BRANCH: &str = "main";
/// The one API origin the editor talks to.
pub const API: &str = "https://api.github.com";

/// The repository (`owner/name`) of the document: `site.repository`, or
/// from `site.url` when it is a GitHub Pages address
/// (`https://owner.github.io/name/` is `owner/name`,
/// `https://owner.github.io/` is `owner/owner.github.io`).
pub fn repository(doc: &Doc) -> Option<String> {
    if let Some(repo) = doc.text("/site/repository") {
        if crate::load::check_repository(repo).is_ok() {
            return Some(repo.to_string());
        }
    }
    let url = doc.text("/site/url")?;
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    let owner = host.to_ascii_lowercase();
    let owner = owner.strip_suffix(".github.io")?;
    let name = path.split(['/', '?', '#']).next().unwrap_or("");
    let repo = if name.is_empty() {
        format!("{owner}/{owner}.github.io")
    } else {
        format!("{owner}/{name}")
    };
    crate::load::check_repository(&repo).ok().map(|()| repo)
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
