//! Signing up for an event: whether it is still open (the time is a
//! parameter), which ways there are and which is the main one
//! ([`plan`]), the deadline in words, and the prefilled e-mail that
//! 「メールで申し込む」 opens. The detail dialog draws the plan as it is.
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
use crate::views::links::tel;
use crate::views::percent::encode_component;
use chrono::NaiveDateTime;

/// What the detail shows of signing up for one event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignupPlan {
    /// The deadline, shown whether or not it has passed.
    pub deadline: Option<Deadline>,
    /// Why signing up is over; `None` while it is open.
    pub closed: Option<Closed>,
    /// The ways to sign up, in the order shown: the form, an e-mail, a
    /// call, the FAX sheet. Empty once closed.
    pub ways: Vec<Way>,
    /// The way shown as the main button: the form when there is one,
    /// else the e-mail; `None` when closed or there is neither.
    pub main: Option<Way>,
    /// The registration's note (`定員になり次第締め切ります`).
    pub note: Option<String>,
}

impl SignupPlan {
    /// Whether one can still sign up.
    pub fn is_open(&self) -> bool {
        self.closed.is_none()
    }
}

/// Why signing up is over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Closed {
    /// The event's last day is past.
    Over,
    /// The registration's deadline is past.
    DeadlinePassed,
}

impl Closed {
    /// What the detail says instead of the ways: このイベントは終了しました,
    /// 申込締切を過ぎました.
    pub fn text(self, lang: Lang) -> &'static str {
        match self {
            Closed::Over => lang.pick("このイベントは終了しました", "This event is over"),
            Closed::DeadlinePassed => lang.pick("申込締切を過ぎました", "Sign-ups have closed"),
        }
    }
}

/// One way to sign up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Way {
    /// The registration form (an http(s) link), opened in a new tab.
    Form { url: String },
    /// A prefilled e-mail to `address`: `href` is its [`mail_link`].
    Mail { address: String, href: String },
    /// A call to `number` as written: `href` is its `tel:` link.
    Phone { number: String, href: String },
    /// The FAX sign-up sheet, to print and send to `number` (the page
    /// links its own sheet of the event).
    Fax { number: String },
}

impl Way {
    /// A short name of the way: `form`, `mail`, `tel`, `fax` (the page's
    /// `data-testid` is `signup-<kind>`).
    pub fn kind(&self) -> &'static str {
        match self {
            Way::Form { .. } => "form",
            Way::Mail { .. } => "mail",
            Way::Phone { .. } => "tel",
            Way::Fax { .. } => "fax",
        }
    }

    /// The button's words.
    pub fn label(&self, lang: Lang) -> &'static str {
        match self {
            Way::Form { .. } => crate::views::facts::FORM.get(lang),
            Way::Mail { .. } => lang.pick("メールで申し込む", "Sign up by e-mail"),
            Way::Phone { .. } => lang.pick("電話で申し込む", "Sign up by phone"),
            Way::Fax { .. } => lang.pick("FAX申込書を印刷", "Print the FAX sign-up sheet"),
        }
    }

    /// The address or number shown as text beside the button (for phones
    /// without a mail app): `info@example.jp`, `TEL 045-…`, `FAX 045-…`;
    /// nothing for the form.
    pub fn shown(&self) -> Option<String> {
        match self {
            Way::Form { .. } => None,
            Way::Mail { address, .. } => Some(address.clone()),
            Way::Phone { number, .. } => Some(format!("TEL {number}")),
            Way::Fax { number } => Some(format!("FAX {number}")),
        }
    }
}

/// How one signs up for `event` at `now` (local time of the site): the
/// registration's form, then the contact's e-mail, phone (when it has
/// digits to call) and FAX. Signing up is closed once the event's last
/// day is past or the deadline has passed.
///
/// `None` when there is nothing to say: the event takes no registration
/// and is over, or names no way at all. An event with a registration
/// always has a plan, if only to say that it is closed.
///
/// # Example
/// ```
/// use iguren_calendar::model::{Contact, Event, When};
/// use iguren_calendar::views::signup::{plan, Way};
/// let start = chrono::NaiveDate::from_ymd_opt(2004, 2, 25).unwrap();
/// let mut event = Event::new("e", "p", "例会", When::AllDay { start, end: start });
/// event.contact = Some(Contact { fax: Some("045-000-0000".into()), ..Contact::default() });
/// let now = start.and_hms_opt(9, 0, 0).unwrap();
/// let plan = plan(&event, now).unwrap();
/// assert!(plan.is_open());
/// assert_eq!(plan.ways, [Way::Fax { number: "045-000-0000".into() }]);
/// assert_eq!(plan.main, None);
/// ```
pub fn plan(event: &Event, now: NaiveDateTime) -> Option<SignupPlan> {
    let reg = event.registration.clone().unwrap_or_default();
    let contact = event.contact.clone().unwrap_or_default();
    let over = event.when.last_day() < now.date();
    let mail = contact.email.map(|address| Way::Mail {
        href: mail_link(event, &address),
        address,
    });
    let phone = contact.phone.and_then(|number| {
        Some(Way::Phone {
            href: tel(&number)?,
            number,
        })
    });
    let fax = contact.fax.map(|number| Way::Fax { number });
    if event.registration.is_none()
        && (over || (mail.is_none() && phone.is_none() && fax.is_none()))
    {
        return None;
    }
    let closed = if over {
        Some(Closed::Over)
    } else if reg.deadline.is_some_and(|d| d.passed(now)) {
        Some(Closed::DeadlinePassed)
    } else {
        None
    };
    let form = reg.url.map(|url| Way::Form { url });
    let (ways, main) = if closed.is_some() {
        (Vec::new(), None)
    } else {
        let main = form.clone().or_else(|| mail.clone());
        (
            vec![form, mail, phone, fax].into_iter().flatten().collect(),
            main,
        )
    };
    Some(SignupPlan {
        deadline: reg.deadline,
        closed,
        ways,
        main,
        note: reg.note,
    })
}

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
    use crate::model::{Contact, Registration, Venue, When};
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

    fn at(d: u32, h: u32) -> NaiveDateTime {
        day(2004, 2, d).and_hms_opt(h, 0, 0).unwrap()
    }

    /// The salon (25 Feb 2004) with these contact ways and registration.
    fn with(contact: Contact, registration: Option<Registration>) -> Event {
        let mut e = salon();
        e.contact = Some(contact);
        e.registration = registration;
        e
    }

    fn every_way() -> Contact {
        Contact {
            email: Some("info@example.jp".into()),
            phone: Some("045-123-4567".into()),
            fax: Some("045-123-4568".into()),
            ..Contact::default()
        }
    }

    fn form(deadline: Option<Deadline>) -> Registration {
        Registration {
            url: Some("https://example.jp/form".into()),
            deadline,
            note: Some("定員になり次第締め切ります".into()),
        }
    }

    #[test]
    fn every_way_in_order_with_the_form_as_the_main_one() {
        let plan = plan(&with(every_way(), Some(form(None))), at(20, 9)).unwrap();
        assert!(plan.is_open());
        let kinds: Vec<_> = plan.ways.iter().map(Way::kind).collect();
        assert_eq!(kinds, ["form", "mail", "tel", "fax"]);
        assert_eq!(
            plan.main,
            Some(Way::Form {
                url: "https://example.jp/form".into()
            })
        );
        assert_eq!(plan.note.as_deref(), Some("定員になり次第締め切ります"));
        let Way::Mail { href, .. } = &plan.ways[1] else {
            panic!("{:?}", plan.ways[1]);
        };
        assert_eq!(*href, mail_link(&salon(), "info@example.jp"));
        assert_eq!(
            plan.ways[2],
            Way::Phone {
                number: "045-123-4567".into(),
                href: "tel:0451234567".into()
            }
        );
        let shown: Vec<_> = plan.ways.iter().map(Way::shown).collect();
        assert_eq!(
            shown,
            [
                None,
                Some("info@example.jp".into()),
                Some("TEL 045-123-4567".into()),
                Some("FAX 045-123-4568".into())
            ]
        );
        assert_eq!(plan.ways[3].label(Lang::Ja), "FAX申込書を印刷");
        assert_eq!(plan.ways[0].label(Lang::En), "Open the sign-up form");
    }

    #[test]
    fn without_a_form_the_mail_is_the_main_one_and_a_phone_needs_digits() {
        let plan = plan(&with(every_way(), None), at(20, 9)).unwrap();
        assert_eq!(plan.main.as_ref().map(Way::kind), Some("mail"));
        assert_eq!(plan.deadline, None);
        let no_mail = Contact {
            email: None,
            phone: Some("代表番号".into()),
            ..every_way()
        };
        let plan = super::plan(&with(no_mail, None), at(20, 9)).unwrap();
        let kinds: Vec<_> = plan.ways.iter().map(Way::kind).collect();
        assert_eq!(kinds, ["fax"]);
        assert_eq!(plan.main, None);
    }

    #[test]
    fn the_deadline_closes_it_and_the_end_of_the_event_too() {
        let deadline = Deadline::Day(day(2004, 2, 20));
        let event = with(every_way(), Some(form(Some(deadline))));
        let open = plan(&event, at(20, 23)).unwrap();
        assert!(open.is_open() && open.ways.len() == 4);
        assert_eq!(open.deadline, Some(deadline));
        let passed = plan(&event, at(21, 0)).unwrap();
        assert_eq!(passed.closed, Some(Closed::DeadlinePassed));
        assert!(passed.ways.is_empty() && passed.main.is_none());
        assert_eq!(passed.deadline, Some(deadline));
        assert_eq!(passed.note.as_deref(), Some("定員になり次第締め切ります"));
        // The event is over (the day after it): that is said, not the deadline.
        let over = plan(&event, at(26, 0)).unwrap();
        assert_eq!(over.closed, Some(Closed::Over));
        assert_eq!(Closed::Over.text(Lang::Ja), "このイベントは終了しました");
        assert_eq!(
            Closed::DeadlinePassed.text(Lang::En),
            "Sign-ups have closed"
        );
        // Without a deadline, it is open until the end of the event's day.
        let event = with(every_way(), Some(form(None)));
        assert!(plan(&event, at(25, 23)).unwrap().is_open());
        assert_eq!(plan(&event, at(26, 0)).unwrap().closed, Some(Closed::Over));
    }

    #[test]
    fn nothing_to_say_without_a_registration_when_over_or_without_ways() {
        assert_eq!(plan(&with(every_way(), None), at(26, 0)), None);
        assert_eq!(plan(&with(Contact::default(), None), at(20, 9)), None);
        let name_only = Contact {
            name: Some("事務局".into()),
            phone: Some("内線".into()),
            ..Contact::default()
        };
        assert_eq!(plan(&with(name_only, None), at(20, 9)), None);
        assert_eq!(plan(&salon(), at(20, 9)), None);
        // A registration without a way still has its plan (deadline, note).
        let bare = Registration {
            deadline: Some(Deadline::Day(day(2004, 2, 20))),
            ..Registration::default()
        };
        let plan = plan(&with(Contact::default(), Some(bare)), at(20, 9)).unwrap();
        assert!(plan.is_open() && plan.ways.is_empty() && plan.main.is_none());
    }
}
