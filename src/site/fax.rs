//! The FAX sign-up sheet of an event, `fax/<event id>.html`: one A4 page
//! to print, fill in by hand and send, as the newsletter's sign-up slips.
//!
//! At the top the FAX number, large, and whom it goes to; then the event
//! (title, date, venue, fee, capacity, deadline); then a line to fill for
//! each of [`crate::views::signup::FORM_FIELDS`] and a box for a message; then the
//! contact, and a QR code of the event's page when `site.url` is known.
//! Only events whose contact has a FAX number get a sheet. The page is
//! static HTML with its own print styles; a button prints it (and is not
//! printed). Every data text is escaped. Native only.

use crate::jp::format_when;
use crate::model::text::Lang;
use crate::model::{Catalog, Event};
use crate::site::markup::{share_url, xml};
use crate::views::signup::FORM_FIELDS;

const STYLE: &str = "
@page { size: A4 portrait; margin: 14mm 16mm; }
* { box-sizing: border-box; }
body { font-family: system-ui, 'Noto Sans CJK JP', 'Hiragino Sans', 'Yu Gothic', sans-serif; color: #000; margin: 0 auto; max-width: 178mm; padding: 12px; line-height: 1.5; }
.screen { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; margin-bottom: 16px; padding: 12px; background: #eef1fa; border-radius: 8px; }
.screen button { font-size: 1.1rem; padding: 10px 18px; border: 0; border-radius: 6px; background: #283593; color: #fff; cursor: pointer; }
.screen a { color: #283593; }
.to { display: flex; justify-content: space-between; align-items: flex-end; border-bottom: 3px solid #000; padding-bottom: 6px; gap: 12px; flex-wrap: wrap; }
.fax { font-size: 30pt; font-weight: 700; letter-spacing: 0.02em; margin: 0; line-height: 1.2; }
.to p { margin: 0; }
h1 { font-size: 17pt; margin: 14px 0 6px; }
.kind { font-size: 12pt; font-weight: 700; margin: 0; }
table { width: 100%; border-collapse: collapse; margin: 8px 0; }
th, td { border: 1px solid #000; padding: 6px 8px; text-align: left; vertical-align: top; font-size: 11pt; }
th { width: 26%; background: #f0f0f0; font-weight: 700; }
.fill td { height: 12mm; }
.message td { height: 24mm; }
.foot { display: flex; justify-content: space-between; gap: 16px; align-items: flex-start; margin-top: 8px; }
.contact { font-size: 10.5pt; margin: 0; display: grid; grid-template-columns: auto 1fr; gap: 1px 10px; }
.contact dt { font-weight: 700; }
.contact dd { margin: 0; }
figure { margin: 0; text-align: center; font-size: 8pt; }
figure svg { display: block; margin: 0 auto; }
@media print { .screen { display: none; } body { padding: 0; } th { background: #f0f0f0; -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
";

/// The sheet of an event, `None` when its contact has no FAX number.
pub fn sheet(catalog: &Catalog, event: &Event) -> Option<String> {
    let contact = event.contact.as_ref()?;
    let fax = contact.fax.as_deref()?;
    let site = xml(&catalog.site.name.ja);
    let title = xml(&format!(
        "{}{}",
        event.status.title_prefix(Lang::Ja),
        event.title.ja
    ));
    let project = catalog
        .project(&event.project)
        .map_or(event.project.as_str(), |p| &*p.name.ja);
    let mut facts = vec![
        ("主催", project.to_string()),
        ("日時", format_when(&event.when, Lang::Ja, true)),
    ];
    if let Some(v) = &event.venue {
        let place = v.place();
        if !place.is_empty() {
            facts.push(("会場", place));
        }
        if let Some(a) = &v.address {
            facts.push(("住所", a.clone()));
        }
    }
    if let Some(fee) = &event.fee {
        facts.push(("参加費", fee.clone()));
    }
    if let Some(c) = &event.capacity {
        facts.push(("定員", c.clone()));
    }
    if let Some(d) = event.registration.as_ref().and_then(|r| r.deadline) {
        facts.push(("申込締切", d.text(Lang::Ja)));
    }
    let facts: String = facts
        .iter()
        .map(|(k, v)| format!("<tr><th>{k}</th><td>{}</td></tr>\n", xml(v)))
        .collect();
    let fill: String = FORM_FIELDS
        .iter()
        .chain(["FAX・E-mail"].iter())
        .map(|k| format!("<tr><th>{k}</th><td></td></tr>\n"))
        .collect();
    let to = contact
        .name
        .as_deref()
        .map(|n| format!("<p>宛先：{} 行</p>", xml(n)))
        .unwrap_or_default();
    let mut lines = Vec::new();
    if let Some(n) = &contact.name {
        lines.push(("申込・問い合わせ先", n.clone()));
    }
    if let Some(p) = &contact.phone {
        lines.push(("TEL", p.clone()));
    }
    lines.push(("FAX", fax.to_string()));
    if let Some(m) = &contact.email {
        lines.push(("E-mail", m.clone()));
    }
    if let Some(a) = &contact.address {
        lines.push(("住所", a.clone()));
    }
    if let Some(n) = &contact.note {
        lines.push(("備考", n.clone()));
    }
    let contact_html: String = lines
        .iter()
        .map(|(k, v)| format!("<dt>{k}</dt><dd>{}</dd>", xml(v)))
        .collect();
    let qr = share_url(&catalog.site, event)
        .and_then(|url| {
            let svg = crate::site::qr::svg(&url, 104, &format!("このイベントのページ {url}"))?;
            Some(format!(
                "<figure>{svg}<figcaption>詳しくはこちら</figcaption></figure>"
            ))
        })
        .unwrap_or_default();
    let back = format!("../?e={}", event.id);
    Some(format!(
        "<!doctype html>
<html lang=\"ja\">
<head>
<meta charset=\"utf-8\">
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">
<meta name=\"robots\" content=\"noindex\">
<title>FAX申込書 {title} — {site}</title>
<style>{STYLE}</style>
</head>
<body>
<div class=\"screen\"><button type=\"button\" onclick=\"window.print()\">印刷する / Print</button><a href=\"{back}\">カレンダーに戻る / Back to the calendar</a></div>
<main>
<div class=\"to\"><div><p class=\"kind\">FAX申込書（このまま送信してください）</p><p class=\"fax\">FAX {fax_html}</p></div>{to}</div>
<h1>{title}</h1>
<table class=\"facts\">
{facts}</table>
<p class=\"kind\">申込欄（ご記入ください）</p>
<table class=\"fill\">
{fill}</table>
<table class=\"message\"><tr><th>通信欄</th><td></td></tr></table>
<div class=\"foot\"><dl class=\"contact\">{contact_html}</dl>{qr}</div>
</main>
</body>
</html>
",
        fax_html = xml(fax),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_events_with_a_fax_number_get_a_sheet() {
        let text = std::fs::read_to_string("public/events.json").unwrap();
        let catalog = crate::load::load(&text).catalog;
        let with: Vec<&str> = catalog
            .events
            .iter()
            .filter(|e| sheet(&catalog, e).is_some())
            .map(|e| e.id.as_str())
            .collect();
        assert_eq!(with, ["kawasaki-salon-2004-02-25"]);
        let page = sheet(&catalog, catalog.event(with[0]).unwrap()).unwrap();
        assert!(page.contains("<p class=\"fax\">FAX 045-633-5194</p>"));
        for field in FORM_FIELDS {
            assert!(page.contains(&format!("<tr><th>{field}</th><td></td></tr>")));
        }
        // No address in the shipped data: no QR code.
        assert!(!page.contains("<svg"));
    }
}
