//! Signing up for an event: whether the deadline has passed (the time is a
//! parameter), the deadline in words, and the prefilled e-mail that
//! 「メールで申し込む」 opens.
//!
//! The message is written in Japanese whatever the page's language: it
//! goes to the organiser, who reads the newsletter's language. Its body
//! has a line to fill for each thing the newsletter's sign-up slips ask:
//! 氏名・会社名・電話・参加人数.
//!
//! # Example
//! ```
//! use iguren_calendar::model::{Event, When};
//! let start = chrono::NaiveDate::from_ymd_opt(2004, 2, 25).unwrap();
//! let event = Event::new("e", "p", "例会", When::AllDay { start, end: start });
//! let link = iguren_calendar::views::signup::mail_link(&event, "info@example.jp");
//! assert!(link.starts_with("mailto:info@example.jp?subject="));
//! ```

use crate::jp::{format_date, format_time, format_when};
use crate::model::text::Lang;
use crate::model::{Deadline, Event};
use crate::views::percent::encode_component;
use chrono::NaiveDateTime;

impl Deadline {
    /// Whether signing up is over at `now` (local time of the site): after
    /// the end of a day deadline, or after a timed one.
    pub fn passed(self, now: NaiveDateTime) -> bool {
        match self {
            Deadline::Day(day) => now.date() > day,
            Deadline::At(at) => now > at,
        }
    }

    /// The deadline in words: `2004年2月20日(金)まで`, `2004年2月20日(金) 17:00まで`;
    /// `until Fri, Feb 20, 2004`.
    pub fn text(self, lang: Lang) -> String {
        let (day, time) = match self {
            Deadline::Day(d) => (d, None),
            Deadline::At(t) => (t.date(), Some(format_time(t.time()))),
        };
        let date = format_date(day, lang);
        match (lang, time) {
            (Lang::Ja, None) => format!("{date}まで"),
            (Lang::Ja, Some(t)) => format!("{date} {t}まで"),
            (Lang::En, None) => format!("until {date}"),
            (Lang::En, Some(t)) => format!("until {date}, {t}"),
        }
    }
}

/// The subject of a sign-up e-mail: `参加申込：<title>（2004年2月25日(水)）`.
pub fn mail_subject(event: &Event) -> String {
    format!(
        "参加申込：{}（{}）",
        event.title.ja,
        format_date(event.when.first_day(), Lang::Ja)
    )
}

/// The body of a sign-up e-mail: the event, then the lines to fill in.
pub fn mail_body(event: &Event) -> String {
    let mut lines = vec![
        "下記のイベントに参加を申し込みます。".to_string(),
        String::new(),
        format!("イベント：{}", event.title.ja),
        format!("日時：{}", format_when(&event.when, Lang::Ja, true)),
    ];
    if let Some(place) = event.venue.as_ref().map(|v| v.place()) {
        if !place.is_empty() {
            lines.push(format!("会場：{place}"));
        }
    }
    lines.push(String::new());
    for field in FORM_FIELDS {
        lines.push(format!("{field}："));
    }
    lines.push(String::new());
    lines.join("\r\n")
}

/// What a sign-up asks, on the e-mail and on the FAX sheet.
pub const FORM_FIELDS: [&str; 4] = ["氏名", "会社名", "電話", "参加人数"];

/// The `mailto:` link of a sign-up e-mail to `address` (RFC 6068: the
/// subject and body percent-encoded as UTF-8, line breaks as CRLF).
pub fn mail_link(event: &Event, address: &str) -> String {
    let (local, domain) = address.rsplit_once('@').unwrap_or((address, ""));
    let to = if domain.is_empty() {
        encode_component(local)
    } else {
        format!("{}@{}", encode_component(local), encode_component(domain))
    };
    format!(
        "mailto:{to}?subject={}&body={}",
        encode_component(&mail_subject(event)),
        encode_component(&mail_body(event))
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Venue, When};
    use crate::views::percent::decode;
    use chrono::NaiveDate;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn salon() -> Event {
        let start = day(2004, 2, 25).and_hms_opt(18, 0, 0).unwrap();
        let mut e = Event::new(
            "salon",
            "p",
            "サロン & 交流会",
            When::Timed {
                start,
                end: Some(start + chrono::TimeDelta::minutes(150)),
            },
        );
        e.venue = Some(Venue {
            name: Some("KSP".into()),
            room: Some("3階".into()),
            ..Venue::default()
        });
        e
    }

    #[test]
    fn a_day_deadline_lasts_until_the_end_of_that_day() {
        let d = Deadline::Day(day(2004, 2, 20));
        assert!(!d.passed(day(2004, 2, 20).and_hms_opt(23, 59, 0).unwrap()));
        assert!(d.passed(day(2004, 2, 21).and_hms_opt(0, 0, 0).unwrap()));
        let t = Deadline::At(day(2004, 2, 20).and_hms_opt(17, 0, 0).unwrap());
        assert!(!t.passed(day(2004, 2, 20).and_hms_opt(17, 0, 0).unwrap()));
        assert!(t.passed(day(2004, 2, 20).and_hms_opt(17, 1, 0).unwrap()));
        assert_eq!(d.text(Lang::Ja), "2004年2月20日(金)まで");
        assert_eq!(t.text(Lang::Ja), "2004年2月20日(金) 17:00まで");
        assert_eq!(t.text(Lang::En), "until Fri, Feb 20, 2004, 17:00");
    }

    #[test]
    fn the_mail_has_the_title_and_date_and_lines_to_fill() {
        let link = mail_link(&salon(), "a.b+c@example.jp");
        let (to, query) = link
            .strip_prefix("mailto:")
            .unwrap()
            .split_once('?')
            .unwrap();
        assert_eq!(to, "a.b%2Bc@example.jp");
        let (subject, body) = query.split_once('&').unwrap();
        // Nothing in the values can end them early: & = # are encoded.
        assert!(!subject.contains(['&', '#', ' ']) && !body.contains(['&', '#', ' ']));
        let subject = decode(subject.strip_prefix("subject=").unwrap()).unwrap();
        assert_eq!(subject, "参加申込：サロン & 交流会（2004年2月25日(水)）");
        let body = decode(body.strip_prefix("body=").unwrap()).unwrap();
        assert_eq!(
            body,
            "下記のイベントに参加を申し込みます。\r\n\r\nイベント：サロン & 交流会\r\n日時：2004年2月25日(水) 18:00〜20:30\r\n会場：KSP 3階\r\n\r\n氏名：\r\n会社名：\r\n電話：\r\n参加人数：\r\n"
        );
    }
}
