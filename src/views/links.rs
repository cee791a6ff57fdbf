//! Links that are not iCalendar files: Google Calendar and Outlook "add
//! event" templates, `webcal://` subscriptions, Google's `cid=`
//! subscription link, `tel:` and map-search links, and telling an in-app
//! browser (which cannot hand a calendar file to the phone) by its user
//! agent.
//!
//! Pure string building, so the web app only fills in the page's address
//! and the tests here pin every URL. Times are the data's local
//! `Asia/Tokyo` times; a timed event without an end gets
//! [`crate::ics::default_end`], an all-day range ends on the day after its
//! last day (exclusive), as the calendar services expect. The dates in
//! Google's links are iCalendar's basic format, from [`crate::ics`].

use crate::ics::{date, default_end, describe, local};
use crate::model::{Event, When};
use crate::views::percent::{encode, encode_component};
use chrono::{Datelike, NaiveDate, NaiveDateTime};

/// `2004-02-25`
fn iso_date(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// `2004-02-25T18:00:00+09:00`
fn iso_time(t: NaiveDateTime) -> String {
    crate::jp::tokyo::with_offset(t)
}

/// The first and exclusive-end dates of an all-day event, or the start and
/// end times of a timed one.
enum Span {
    Days(NaiveDate, NaiveDate),
    Times(NaiveDateTime, NaiveDateTime),
}

fn span(when: &When) -> Span {
    match *when {
        When::AllDay { start, end } => Span::Days(start, end.succ_opt().unwrap_or(end)),
        When::Timed { start, end } => Span::Times(start, end.unwrap_or_else(|| default_end(start))),
    }
}

/// Short notes for a template link (a URL has no room for the whole
/// description): the project, the fee, and where to read more.
fn notes(event: &Event, project_name: &str, page: Option<&str>) -> String {
    let mut lines = vec![format!("主催: {project_name}")];
    if let Some(fee) = &event.fee {
        lines.push(format!("参加費: {fee}"));
    }
    if let Some(link) = event.url.as_deref().or(page) {
        lines.push(format!("詳細: {link}"));
    }
    lines.join("\n")
}

fn location(event: &Event) -> String {
    event
        .venue
        .as_ref()
        .and_then(describe::location)
        .unwrap_or_default()
}

/// Google Calendar's "add event" template for `event`, in the Tokyo time
/// zone. `page` is the event's page on this site, put in the notes.
///
/// # Example
/// ```
/// use iguren_calendar::model::{Event, When};
/// let start = chrono::NaiveDate::from_ymd_opt(2004, 2, 25).unwrap().and_hms_opt(18, 0, 0).unwrap();
/// let e = Event::new("e", "p", "会合", When::Timed { start, end: None });
/// let url = iguren_calendar::views::links::google(&e, "P", None);
/// assert!(url.contains("&dates=20040225T180000/20040225T200000&ctz=Asia/Tokyo"));
/// ```
pub fn google(event: &Event, project_name: &str, page: Option<&str>) -> String {
    let dates = match span(&event.when) {
        // Google takes iCalendar's basic format, as the .ics writer writes it.
        Span::Days(a, b) => format!("{}/{}", date(a), date(b)),
        Span::Times(a, b) => format!("{}/{}", local(a), local(b)),
    };
    format!(
        "https://calendar.google.com/calendar/render?action=TEMPLATE&text={}&dates={dates}&ctz=Asia/Tokyo&details={}&location={}",
        encode(&event.title.ja),
        encode(&notes(event, project_name, page)),
        encode(&location(event)),
    )
}

/// Outlook.com's "new event" deep link for `event`, times with `+09:00`.
pub fn outlook(event: &Event, project_name: &str, page: Option<&str>) -> String {
    let (start, end, all_day) = match span(&event.when) {
        Span::Days(a, b) => (iso_date(a), iso_date(b), "&allday=true"),
        Span::Times(a, b) => (iso_time(a), iso_time(b), ""),
    };
    format!(
        "https://outlook.live.com/calendar/0/deeplink/compose?path=%2Fcalendar%2Faction%2Fcompose&rru=addevent&subject={}&startdt={}&enddt={}{all_day}&location={}&body={}",
        encode(&event.title.ja),
        encode(&start),
        encode(&end),
        encode(&location(event)),
        encode(&notes(event, project_name, page)),
    )
}

/// The address of event `id`'s detail on the page at `page` (the page's
/// `location.href`, whose query and fragment are dropped): `…/?e=<id>`.
///
/// # Example
/// ```
/// let url = iguren_calendar::views::links::event_page("https://x.jp/cal/?month=2004-02#top", "salon-1");
/// assert_eq!(url, "https://x.jp/cal/?e=salon-1");
/// ```
pub fn event_page(page: &str, id: &str) -> String {
    format!("{}?e={id}", without_query(page))
}

/// `page` without its query and fragment.
fn without_query(page: &str) -> &str {
    page.split(['?', '#']).next().unwrap_or("")
}

/// The addresses of a published feed: `(https, webcal, google)`.
///
/// `page` is the page's own address (`location.href`); its query and
/// fragment are dropped and `path` (e.g. `ics/all.ics`) is resolved
/// against its folder. `webcal` replaces the scheme (iPhone, Mac, Outlook
/// subscribe to it); `google` is Google Calendar's `cid=` link (Android).
///
/// # Example
/// ```
/// let (https, webcal, google) =
///     iguren_calendar::views::links::subscribe("https://x.jp/cal/?month=2004-02", "ics/all.ics");
/// assert_eq!(https, "https://x.jp/cal/ics/all.ics");
/// assert_eq!(webcal, "webcal://x.jp/cal/ics/all.ics");
/// assert_eq!(google, "https://calendar.google.com/calendar/r?cid=webcal%3A%2F%2Fx.jp%2Fcal%2Fics%2Fall.ics");
/// ```
pub fn subscribe(page: &str, path: &str) -> (String, String, String) {
    let base = without_query(page);
    let folder = match base.rfind('/') {
        // Keep "https://host/" when the page has no path at all.
        Some(i) if base[..i].ends_with('/') => format!("{base}/"),
        Some(i) => base[..=i].to_string(),
        None => format!("{base}/"),
    };
    let https = format!("{folder}{path}");
    let rest = https
        .strip_prefix("https://")
        .or_else(|| https.strip_prefix("http://"))
        .unwrap_or(&https);
    let webcal = format!("webcal://{rest}");
    let google = format!(
        "https://calendar.google.com/calendar/r?cid={}",
        encode_component(&webcal)
    );
    (https, webcal, google)
}

/// A `tel:` link of a phone number as the newsletter writes it
/// (`045-633-5192` → `tel:0456335192`); `None` when it has no digits.
pub fn tel(phone: &str) -> Option<String> {
    let digits: String = phone
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();
    digits
        .bytes()
        .any(|b| b.is_ascii_digit())
        .then(|| format!("tel:{digits}"))
}

/// A map search for an address (a link only; no map is embedded).
pub fn map_search(address: &str) -> String {
    format!(
        "https://www.google.com/maps/search/?api=1&query={}",
        encode(address)
    )
}

/// Whether a user agent is an in-app browser (LINE, Facebook, Instagram,
/// and the like) that cannot hand a calendar file to the phone.
pub fn is_in_app_browser(user_agent: &str) -> bool {
    [
        "Line/",
        "FBAN",
        "FBAV",
        "Instagram",
        "MicroMessenger",
        "Twitter",
        "KAKAOTALK",
    ]
    .iter()
    .any(|m| user_agent.contains(m))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Venue;

    fn seed(id: &str) -> Event {
        let catalog = crate::load::load(include_str!("../../public/events.json")).catalog;
        catalog.event(id).cloned().unwrap()
    }

    #[test]
    fn google_timed_and_all_day() {
        let salon = seed("kawasaki-salon-2004-02-25");
        let url = google(&salon, "サロン", Some("https://x.jp/?e=a"));
        assert!(url.starts_with(
            "https://calendar.google.com/calendar/render?action=TEMPLATE&text=%E3%81%8B"
        ));
        assert!(url.contains("&dates=20040225T180000/20040225T203000&ctz=Asia/Tokyo&details="));
        assert!(url.contains("&location=%E3%81%8B"), "{url}");
        let show = seed("hosou-technical-show-2004");
        assert!(google(&show, "P", None).contains("&dates=20040204/20040207&"));
    }

    #[test]
    fn outlook_times_carry_the_offset() {
        let salon = seed("kawasaki-salon-2004-02-25");
        let url = outlook(&salon, "サロン", None);
        assert!(url.contains("&startdt=2004-02-25T18%3A00%3A00%2B09%3A00&enddt=2004-02-25T20%3A30%3A00%2B09%3A00&location="), "{url}");
        assert!(!url.contains("allday"));
        let show = seed("hosou-technical-show-2004");
        assert!(
            outlook(&show, "P", None).contains("&startdt=2004-02-04&enddt=2004-02-07&allday=true&")
        );
    }

    #[test]
    fn notes_and_location_are_encoded_text() {
        let mut e = seed("kawasaki-salon-2004-02-25");
        e.title = "a&b=c #1".into();
        e.venue = Some(Venue {
            name: Some("会場".into()),
            ..Venue::default()
        });
        let url = google(&e, "P", None);
        assert!(url.contains("text=a%26b%3Dc%20%231&"));
        assert!(url.ends_with("&location=%E4%BC%9A%E5%A0%B4"));
    }

    #[test]
    fn subscribe_addresses() {
        let (h, w, _) = subscribe(
            "http://127.0.0.1:8093/?month=2004-02#x",
            "ics/project/hojokin.ics",
        );
        assert_eq!(h, "http://127.0.0.1:8093/ics/project/hojokin.ics");
        assert_eq!(w, "webcal://127.0.0.1:8093/ics/project/hojokin.ics");
        let (h, _, _) = subscribe("https://x.jp/cal/index.html", "ics/all.ics");
        assert_eq!(h, "https://x.jp/cal/ics/all.ics");
        let (h, _, _) = subscribe("https://x.jp", "ics/all.ics");
        assert_eq!(h, "https://x.jp/ics/all.ics");
    }

    #[test]
    fn event_pages() {
        assert_eq!(
            event_page("http://127.0.0.1:8093/?month=2004-02&e=old#x", "a-1"),
            "http://127.0.0.1:8093/?e=a-1"
        );
        assert_eq!(
            event_page("https://x.jp/cal/index.html", "b"),
            "https://x.jp/cal/index.html?e=b"
        );
    }

    #[test]
    fn phone_links_keep_digits_only() {
        assert_eq!(tel("045-633-5192").as_deref(), Some("tel:0456335192"));
        assert_eq!(tel("(044) 819-2001").as_deref(), Some("tel:0448192001"));
        assert_eq!(tel("なし"), None);
        assert_eq!(
            map_search("川崎市高津区坂戸3-2-1"),
            "https://www.google.com/maps/search/?api=1&query=%E5%B7%9D%E5%B4%8E%E5%B8%82%E9%AB%98%E6%B4%A5%E5%8C%BA%E5%9D%82%E6%88%B83-2-1"
        );
    }

    #[test]
    fn in_app_browsers() {
        assert!(is_in_app_browser("Mozilla/5.0 (iPhone) Safari Line/13.1.0"));
        assert!(is_in_app_browser("Mozilla/5.0 [FBAN/FBIOS;FBAV/400.0]"));
        assert!(is_in_app_browser("Mozilla/5.0 Instagram 300.0"));
        assert!(!is_in_app_browser(
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0) Version/17.0 Mobile Safari/604.1"
        ));
    }
}
