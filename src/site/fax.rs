//! The FAX sign-up sheet of an event, `fax/<event id>.html`: one A4 page
//! to print, fill in by hand and send, as the newsletter's sign-up slips.
//!
//! At the top the FAX number, large, and whom it goes to; then the event
//! (its title, and `ON_THE_SHEET` of [`crate::views::facts`]: organiser,
//! date, venue, address, fee, capacity, deadline, with the app detail's
//! labels and values); then a line to fill for each of
//! [`crate::views::signup::FORM_FIELDS`] and a box for a message; then the
//! contact fact, and a QR code of the event's page when `site.url` is
//! known.
//! Only events whose contact has a FAX number get a sheet. The page is
//! static HTML with its own print styles; a button prints it (and is not
//! printed). Every data text is escaped. Native only.

use crate::model::text::Lang;
use crate::model::{Catalog, Event};
use crate::site::markup::{fact_value, share_url, xml};
use crate::views::facts::{facts, Key};
use crate::views::signup::FORM_FIELDS;

/// The facts of [`crate::views::facts`] that the sheet's table shows:
/// what one needs to decide and send on one A4 page (who, when, where,
/// what it costs, how many, by when). The venue's phone and page, the
/// speakers, the programme, the form and the event's link stay on the
/// event's page (the QR code leads there); the contact goes at the foot.
/// The address's map link is for the screen: the print styles hide `a.map`.
const ON_THE_SHEET: [Key; 7] = [
    Key::Organiser,
    Key::When,
    Key::Venue,
    Key::Address,
    Key::Fee,
    Key::Capacity,
    Key::Deadline,
];

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
@media print { .screen, a.map { display: none; } body { padding: 0; } th { background: #f0f0f0; -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
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
    let facts = facts(event, catalog, Lang::Ja);
    let rows: String = facts
        .iter()
        .filter(|f| ON_THE_SHEET.contains(&f.key))
        .map(|f| {
            format!(
                "<tr><th>{}</th><td>{}</td></tr>\n",
                xml(&f.label.ja),
                fact_value(&f.value)
            )
        })
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
    let contact_html: String = facts
        .iter()
        .filter(|f| f.key == Key::Contact)
        .map(|f| {
            format!(
                "<dt>{}</dt><dd>{}</dd>",
                xml(&f.label.ja),
                fact_value(&f.value)
            )
        })
        .collect();
    let qr = share_url(&catalog.site, event)
        .and_then(|url| {
            let svg = crate::site::qr::svg(&url, 104, &format!("このイベントのページ {url}"))?;
            Some(format!(
                "<figure>{svg}<figcaption>詳しくはこちら</figcaption></figure>"
            ))
        })
        .unwrap_or_default();
    let back = crate::views::links::event_page("../", &event.id);
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
{rows}</table>
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
        // The drifted words are gone: the app detail's label, the note as a line.
        assert!(page.contains("<dl class=\"contact\"><dt>問い合わせ・申込</dt><dd>神奈川県異業種グループ連絡会議 事務局<br>TEL "));
        assert!(!page.contains("申込・問い合わせ先") && !page.contains("備考"));
    }

    /// For every shipped event, given a FAX number if it has none, the
    /// sheet's label/value pairs are those of `views::facts` that it shows
    /// ([`ON_THE_SHEET`] in the table, the contact at the foot), in order,
    /// word for word, links and all.
    #[test]
    fn every_sheet_says_what_the_facts_say() {
        use crate::site::markup::tests::pairs;
        use crate::views::facts::tests::{links, plain};
        let text = std::fs::read_to_string("public/events.json").unwrap();
        let catalog = crate::load::load(&text).catalog;
        for event in &catalog.events {
            let mut event = event.clone();
            let contact = event.contact.get_or_insert_with(Default::default);
            contact.fax.get_or_insert_with(|| "045-000-0000".into());
            let page = sheet(&catalog, &event).unwrap();
            let want = |keep: &dyn Fn(Key) -> bool| -> Vec<(String, String, Vec<String>)> {
                facts(&event, &catalog, Lang::Ja)
                    .iter()
                    .filter(|f| keep(f.key))
                    .map(|f| {
                        let hrefs = links(&f.value).into_iter().map(|(_, h)| h).collect();
                        (f.label.ja.to_string(), plain(&f.value), hrefs)
                    })
                    .collect()
            };
            // The table's filled rows (the lines to fill in are empty).
            let mut table = pairs(&page, "th", "td");
            table.retain(|(_, v, _)| !v.is_empty());
            assert_eq!(table, want(&|k| ON_THE_SHEET.contains(&k)), "{}", event.id);
            assert_eq!(
                pairs(&page, "dt", "dd"),
                want(&|k| k == Key::Contact),
                "{}",
                event.id
            );
        }
    }
}
