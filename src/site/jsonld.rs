//! schema.org `Event` data for search engines, as JSON-LD in each share
//! page: name, start and end with the `+09:00` offset (an all-day event as
//! dates), status (`EventCancelled` for a cancelled one), attendance mode
//! (in person), the venue as a `Place` with its `PostalAddress`, the
//! organising project, performers, the description and, when `site.url` is
//! known, the page's address and an image.
//!
//! Google's event rich results require `name`, `startDate` and `location`
//! with its `address`; an event whose venue is not known has no
//! `location` and is simply not shown as a rich result. Every string goes
//! through [`json_string`], which escapes `<`, `>` and `&`, so nothing in
//! the data can end the `<script>` or open a comment in it. Native only.

use crate::ics::describe;
use crate::jp::tokyo::with_offset as local;
use crate::model::text::Lang;
use crate::model::{Catalog, Event, Status, When};
use crate::site::markup::{base_url, json_string, share_url};

/// The `<script type="application/ld+json">` element of an event.
pub fn script(catalog: &Catalog, event: &Event) -> String {
    format!(
        "<script type=\"application/ld+json\">{}</script>",
        object(catalog, event)
    )
}

/// The JSON-LD object of an event, on one line.
pub fn object(catalog: &Catalog, event: &Event) -> String {
    let mut fields: Vec<(&str, String)> = vec![
        ("@context", json_string("https://schema.org")),
        ("@type", json_string("Event")),
        (
            "name",
            json_string(&format!(
                "{}{}",
                event.status.title_prefix(crate::model::text::Lang::Ja),
                event.title.ja
            )),
        ),
    ];
    let (start, end) = match event.when {
        When::AllDay { start, end } => (
            start.format("%Y-%m-%d").to_string(),
            Some(end.format("%Y-%m-%d").to_string()),
        ),
        When::Timed { start, end } => (local(start), end.map(local)),
    };
    fields.push(("startDate", json_string(&start)));
    if let Some(end) = end {
        fields.push(("endDate", json_string(&end)));
    }
    let status = match event.status {
        Status::Cancelled => "https://schema.org/EventCancelled",
        // schema.org has no "tentative"; it is still planned for that day.
        Status::Scheduled | Status::Tentative => "https://schema.org/EventScheduled",
    };
    fields.push(("eventStatus", json_string(status)));
    fields.push((
        "eventAttendanceMode",
        json_string("https://schema.org/OfflineEventAttendanceMode"),
    ));
    if let Some(venue) = &event.venue {
        let place = venue.place();
        let mut loc = vec![format!("\"@type\": \"Place\"")];
        if !place.is_empty() {
            loc.push(format!("\"name\": {}", json_string(&place)));
        }
        if let Some(address) = &venue.address {
            loc.push(format!(
                "\"address\": {{\"@type\": \"PostalAddress\", \"streetAddress\": {}, \"addressCountry\": \"JP\"}}",
                json_string(address)
            ));
        }
        if let Some(url) = &venue.url {
            loc.push(format!("\"url\": {}", json_string(url)));
        }
        if loc.len() > 1 {
            fields.push(("location", format!("{{{}}}", loc.join(", "))));
        }
    }
    let project = catalog.project(&event.project);
    let organizer_name = catalog.project_name(&event.project, Lang::Ja);
    let organizer_url = project
        .and_then(|p| p.url.clone())
        .or_else(|| base_url(&catalog.site));
    let mut org = vec![
        "\"@type\": \"Organization\"".to_string(),
        format!("\"name\": {}", json_string(organizer_name)),
    ];
    if let Some(url) = organizer_url {
        org.push(format!("\"url\": {}", json_string(&url)));
    }
    fields.push(("organizer", format!("{{{}}}", org.join(", "))));
    let performers: Vec<String> = event
        .speakers
        .iter()
        .map(|s| {
            format!(
                "{{\"@type\": \"Person\", \"name\": {}}}",
                json_string(&s.name)
            )
        })
        .collect();
    if !performers.is_empty() {
        fields.push(("performer", format!("[{}]", performers.join(", "))));
    }
    let description = match &event.description {
        Some(d) => format!("{}\n\n{d}", crate::site::publish::summary_line(event)),
        None => describe::description(event, organizer_name, None),
    };
    fields.push(("description", json_string(&description)));
    if let Some(url) = share_url(&catalog.site, event) {
        fields.push(("url", json_string(&url)));
    }
    if let Some(base) = base_url(&catalog.site) {
        fields.push((
            "image",
            format!("[{}]", json_string(&format!("{base}icons/icon-512.png"))),
        ));
    }
    let body: Vec<String> = fields
        .iter()
        .map(|(k, v)| format!("{}: {v}", json_string(k)))
        .collect();
    format!("{{{}}}", body.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cancelled_event_with_hostile_text() {
        let text = r##"{"site": {"name": "例", "domain": "example.jp", "url": "https://example.org/cal/"},
          "projects": [{"id": "p", "name": "P", "color": "#123456"}],
          "events": [{"id": "x", "project": "p", "title": "</script><script>alert(1)</script><!--",
                      "start": "2004-02-25T18:00", "end": "2004-02-25T20:30", "status": "cancelled",
                      "venue": {"name": "KSP", "address": "川崎市高津区坂戸3-2-1"}}]}"##;
        let catalog = crate::load::load(text).catalog;
        let s = script(&catalog, &catalog.events[0]);
        let inner = &s["<script type=\"application/ld+json\">".len()..s.len() - "</script>".len()];
        assert!(!inner.contains('<') && !inner.contains('>'), "{s}");
        assert!(inner.contains(r#""startDate": "2004-02-25T18:00:00+09:00""#));
        assert!(inner.contains(r#""endDate": "2004-02-25T20:30:00+09:00""#));
        assert!(inner.contains(r#""eventStatus": "https://schema.org/EventCancelled""#));
        assert!(inner.contains(r#""location": {"@type": "Place", "name": "KSP", "address": {"@type": "PostalAddress", "streetAddress": "川崎市高津区坂戸3-2-1", "addressCountry": "JP"}}"#), "{inner}");
        assert!(inner.contains(r#""url": "https://example.org/cal/e/x.html""#));
    }
}
