//! The Content-Security-Policy of the published page.
//!
//! Static hosts such as GitHub Pages cannot send headers, so the policy is
//! a `<meta http-equiv>` in `index.html`, written by the build after Trunk
//! has made the page. It allows what the app needs and nothing more:
//! scripts, styles, data and the service worker from the page's own
//! origin, WebAssembly compilation (`'wasm-unsafe-eval'`), Trunk's one
//! inline loader script by its SHA-256 hash (no `'unsafe-inline'` for
//! scripts), the page's inline stylesheet by its hash too (index.html
//! inlines style.css, so the first paint waits for no second request),
//! and inline `style` attributes (project colours). Nothing from any other
//! origin.

use base64::Engine as _;
use sha2::{Digest, Sha256};

/// The directives, with `{scripts}` and `{styles}` standing for the
/// hashes of the inline scripts and stylesheets.
const POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{scripts}; \
style-src 'self'{styles}; style-src-attr 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; \
font-src 'self'; manifest-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; \
form-action 'none'";

/// `'sha256-…'` of every inline `<script>` (one without `src`) in `html`.
pub fn inline_script_hashes(html: &str) -> Vec<String> {
    inline_hashes(html, "script")
}

/// `'sha256-…'` of every `<element>` without `src` in `html`: its text.
fn inline_hashes(html: &str, element: &str) -> Vec<String> {
    let (open_tag, close_tag) = (format!("<{element}"), format!("</{element}>"));
    let mut hashes = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find(&open_tag) {
        let after = &rest[open..];
        let Some(tag_end) = after.find('>') else {
            break;
        };
        let tag = &after[..tag_end];
        let body = &after[tag_end + 1..];
        let Some(close) = body.find(&close_tag) else {
            break;
        };
        if !tag.contains(" src=") {
            let digest = Sha256::digest(&body.as_bytes()[..close]);
            let b64 = base64::engine::general_purpose::STANDARD.encode(digest);
            hashes.push(format!("'sha256-{b64}'"));
        }
        rest = &body[close..];
    }
    hashes
}

/// The policy for a page with these inline scripts and stylesheets.
pub fn policy(html: &str) -> String {
    let list = |hashes: Vec<String>| -> String { hashes.iter().map(|h| format!(" {h}")).collect() };
    POLICY
        .replace("{scripts}", &list(inline_script_hashes(html)))
        .replace("{styles}", &list(inline_hashes(html, "style")))
}

/// The editor page's policy (`edit/`): the member page's, and GitHub's
/// REST API as the one other origin it may connect to (the optional
/// commit with a token). The member page never gets it.
pub fn editor_policy(html: &str) -> String {
    policy(html).replace(
        "connect-src 'self'",
        &format!("connect-src 'self' {}", crate::doc::github::API),
    )
}

/// `html` with [`editor_policy`], as [`with_policy`] places it.
///
/// # Errors
/// When the page has no `<head>`.
pub fn with_editor_policy(html: &str) -> Result<String, String> {
    insert(html, &editor_policy(html))
}

/// `html` with the policy early in `<head>`: after `<meta charset>` when
/// there is one, and before any script it governs. A page that already has
/// a policy is returned as is.
///
/// # Errors
/// When the page has no `<head>`.
pub fn with_policy(html: &str) -> Result<String, String> {
    insert(html, &policy(html))
}

fn insert(html: &str, policy: &str) -> Result<String, String> {
    if html.contains("Content-Security-Policy") {
        return Ok(html.to_string());
    }
    let head = html
        .find("<head>")
        .map(|i| i + "<head>".len())
        .ok_or("index.html has no <head>")?;
    let charset = html[head..]
        .find("<meta charset")
        .and_then(|i| html[head + i..].find('>').map(|end| head + i + end + 1));
    let at = match charset {
        Some(at) if !html[head..at].contains("<script") => at,
        _ => head,
    };
    let meta = format!("\n  <meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">");
    Ok(format!("{}{meta}{}", &html[..at], &html[at..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<!doctype html><html><head>\n<script type=\"module\">\nimport init from './a.js';\n</script>\n<script src=\"sw-register.js\" defer></script></head><body></body></html>";

    #[test]
    fn hashes_only_inline_scripts() {
        let hashes = inline_script_hashes(PAGE);
        assert_eq!(hashes.len(), 1);
        // sha256 of "\nimport init from './a.js';\n", computed independently
        // (printf '%s' ... | openssl dgst -sha256 -binary | base64).
        assert_eq!(
            hashes[0],
            "'sha256-b8dPs/81WrgdLiiXFdRIvTN+J/lNbYF2vbwDBORDYHw='"
        );
    }

    #[test]
    fn policy_goes_first_in_head_and_allows_nothing_foreign() {
        let page = with_policy(PAGE).unwrap();
        let head = page.find("<head>").unwrap();
        let charset =
            with_policy("<html><head><meta charset=\"utf-8\"><title>x</title></head></html>")
                .unwrap();
        assert!(charset.starts_with(
            "<html><head><meta charset=\"utf-8\">\n  <meta http-equiv=\"Content-Security-Policy\""
        ));
        let meta = page.find("Content-Security-Policy").unwrap();
        assert!(meta > head && meta < page.find("<script").unwrap());
        let p = policy(PAGE);
        assert!(p.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-"));
        assert!(!p.contains("http"), "{p}");
        assert!(!p.contains("script-src 'self' 'unsafe-inline'"));
        assert!(p.contains("style-src 'self'; style-src-attr"), "{p}");
        assert_eq!(with_policy(&page).unwrap(), page, "applied once");
        assert!(with_policy("<html></html>").is_err());
    }

    #[test]
    fn an_inline_stylesheet_is_allowed_by_its_hash_alone() {
        let page = "<html><head><style>a{color:red}</style></head><body></body></html>";
        let p = policy(page);
        // printf '%s' 'a{color:red}' | openssl dgst -sha256 -binary | base64
        assert!(
            p.contains("style-src 'self' 'sha256-6hWWMOcF+mJesSJGYhmK2lkIIEw9Xc5XKGLPVzh8yxs='; style-src-attr 'unsafe-inline'"),
            "{p}"
        );
        assert!(!p.contains("style-src 'self' 'unsafe-inline'"));
    }

    #[test]
    fn the_editor_may_reach_github_and_nothing_else() {
        let editor = editor_policy(PAGE);
        assert!(editor.contains("connect-src 'self' https://api.github.com;"));
        assert_eq!(editor.matches("http").count(), 1, "{editor}");
        assert!(!policy(PAGE).contains("github"));
        let page = with_editor_policy(PAGE).unwrap();
        assert!(page.contains("https://api.github.com"));
    }
}
