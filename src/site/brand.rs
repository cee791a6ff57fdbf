//! The site's own name in the files that are not data: the page's
//! `<title>` and description, and the install manifest's names, taken
//! from `site` at build time. A federation that forks this repository
//! and changes only `site` and its data gets its own name everywhere
//! (native only: the build).

use crate::model::Site;
use crate::site::markup::html;

/// `index.html` with `<title>` and `<meta name="description">` from
/// `site` (the name; the organiser, when given). Anything else unchanged.
pub fn page(html_text: &str, site: &Site) -> String {
    let mut out = replace_between(html_text, "<title>", "</title>", &html(&site.name.ja));
    // The feeds announced in the head carry the site's name too.
    for (href, kind) in [("feed.atom", "Atom"), ("feed.json", "JSON Feed")] {
        out = replace_between(
            &out,
            &format!("href=\"{href}\" title=\""),
            "\"",
            &html(&format!("{} ({kind})", site.name.ja)),
        );
    }
    if !site.organizer.ja.trim().is_empty() {
        out = replace_between(
            &out,
            "<meta name=\"description\" content=\"",
            "\">",
            &html(&format!("{}の予定", site.organizer.ja)),
        );
    }
    out
}

/// `manifest.webmanifest` with `name` and `short_name` from `site`, and
/// `description` from the organiser when given; unchanged when it already
/// bears the site's name (the shipped file keeps its short name).
pub fn manifest(json: &str, site: &Site) -> String {
    let name = crate::load::escape_json(&site.name.ja);
    // The shipped manifest already names this site, with a hand-made short
    // name; a fork's site gets its full name as the short one too.
    if json.contains(&format!("\"name\": \"{name}\"")) {
        return json.to_string();
    }
    let out = replace_between(json, "\"name\": \"", "\"", &name);
    let out = replace_between(&out, "\"short_name\": \"", "\"", &name);
    if site.organizer.ja.trim().is_empty() {
        return out;
    }
    let about = crate::load::escape_json(&format!("{}の予定", site.organizer.ja));
    replace_between(&out, "\"description\": \"", "\"", &about)
}

/// `text` with what stands between the first `start` and the next `end`
/// replaced by `with`; unchanged when either is missing.
fn replace_between(text: &str, start: &str, end: &str, with: &str) -> String {
    let Some(a) = text.find(start).map(|i| i + start.len()) else {
        return text.to_string();
    };
    let Some(b) = text[a..].find(end).map(|i| a + i) else {
        return text.to_string();
    };
    format!("{}{with}{}", &text[..a], &text[b..])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::text::Text;

    #[test]
    fn names_the_page_and_the_manifest_after_the_site() {
        let site = Site {
            name: Text::new("ひょうご異業種 <カレンダー>".to_string()),
            organizer: Text::new("兵庫県異業種交流連絡会".to_string()),
            ..Site::default()
        };
        let page_text =
            "<head><title>かながわ</title>\n<meta name=\"description\" content=\"x\"></head>";
        assert_eq!(
            page(page_text, &site),
            "<head><title>ひょうご異業種 &lt;カレンダー&gt;</title>\n<meta name=\"description\" content=\"兵庫県異業種交流連絡会の予定\"></head>"
        );
        let m =
            "{\n  \"name\": \"かながわ\",\n  \"short_name\": \"異グ連\",\n  \"lang\": \"ja\"\n}";
        assert_eq!(
            manifest(m, &site),
            "{\n  \"name\": \"ひょうご異業種 <カレンダー>\",\n  \"short_name\": \"ひょうご異業種 <カレンダー>\",\n  \"lang\": \"ja\"\n}"
        );
        let own =
            "{\n  \"name\": \"ひょうご異業種 <カレンダー>\",\n  \"short_name\": \"ひょうご\"\n}";
        assert_eq!(manifest(own, &site), own);
    }
}
