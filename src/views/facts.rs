//! The facts of an event, once: the one list that the app's detail
//! (`src/ui/detail.rs`), the share page ([`crate::site::share`]) and the
//! FAX sign-up sheet ([`crate::site::fax`]) write, each in its own tags.
//!
//! It owns what is said and how it is grouped: the order of the facts,
//! their labels (the app detail's words, which members know, in both
//! languages), and their values as structured parts: text, links of a
//! known kind (http(s), a map search, `tel:`, `mailto:`), people, the
//! timed programme, labelled lines of the contact. A renderer chooses
//! where a fact goes and which tags it wears, never its words. Values are
//! plain text as the data says them; escaping is the renderer's job.

use crate::jp::{format_time, format_when};
use crate::model::text::{Lang, Text};
use crate::model::{Catalog, Contact, Event, Registration, Speaker};
use crate::views::links::{map_search, tel};

/// What a fact is about, in the order [`facts`] lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// The project that runs the event.
    Organiser,
    When,
    /// The venue's name and room.
    Venue,
    /// The venue's address, with a map search.
    Address,
    VenuePhone,
    /// The venue's own page.
    VenueInfo,
    Fee,
    Capacity,
    Speakers,
    Programme,
    /// The last moment to sign up.
    Deadline,
    /// The sign-up form and its note.
    Signup,
    /// Whom to ask or apply to.
    Contact,
    /// The event's own page elsewhere.
    Link,
}

impl Key {
    /// The label of the fact: the app detail's word, Japanese first.
    pub fn label(self) -> Text {
        let (ja, en) = match self {
            Key::Organiser => ("主催", "Organiser"),
            Key::When => ("日時", "When"),
            Key::Venue => ("会場", "Venue"),
            Key::Address => ("住所", "Address"),
            Key::VenuePhone => ("会場の電話", "Venue phone"),
            Key::VenueInfo => ("会場案内", "Venue info"),
            Key::Fee => ("参加費", "Fee"),
            Key::Capacity => ("定員", "Capacity"),
            Key::Speakers => ("講師", "Speakers"),
            Key::Programme => ("プログラム", "Programme"),
            Key::Deadline => ("申込締切", "Deadline"),
            Key::Signup => ("申し込み", "Sign up"),
            Key::Contact => ("問い合わせ・申込", "Contact"),
            Key::Link => ("詳細", "Details"),
        };
        Text::fixed(ja, en)
    }
}

/// The words of the sign-up form's link (the fact's value and the app's
/// button).
pub static FORM: Text = Text::fixed("申込フォームを開く", "Open the sign-up form");

/// One fact: what it is about, its label and its value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    pub key: Key,
    pub label: Text,
    pub value: Value,
}

/// The value of a fact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// One line of text and links, written with a space between parts.
    Line(Vec<Part>),
    /// Lines, one a way to reach someone (the contact) or a thing to know
    /// (the sign-up).
    Lines(Vec<Line>),
    /// People, one a line, each [`crate::model::credit`]ed.
    People(Vec<String>),
    /// The programme: its items in order.
    Items(Vec<Item>),
}

/// A piece of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    Text(String),
    Link(Link),
}

/// A link: where it goes, the words it shows, and its kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub kind: LinkKind,
    pub href: String,
    pub text: String,
}

/// The kinds of link a fact may hold; nothing else is ever a link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkKind {
    /// A loader-checked http(s) address (it opens elsewhere).
    Web,
    /// A map search for an address (http(s); useless on paper).
    Map,
    /// `tel:` with the digits of a phone number.
    Tel,
    /// `mailto:` an address.
    Mail,
}

/// One line of [`Value::Lines`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// A short word before the parts: `TEL`, `FAX`, `E-mail`, `URL`, `住所`.
    pub label: Option<&'static str>,
    pub parts: Vec<Part>,
    /// A remark (the contact's note), which the app sets apart.
    pub note: bool,
}

/// One item of the programme: its time (`18:10`), title and speakers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub time: Option<String>,
    pub title: String,
    pub speakers: Vec<String>,
}

impl Value {
    fn text(text: &str) -> Value {
        Value::Line(vec![Part::Text(text.to_string())])
    }
}

impl Line {
    fn new(label: Option<&'static str>, part: Part) -> Line {
        Line {
            label,
            parts: vec![part],
            note: false,
        }
    }
}

fn web(url: &str) -> Part {
    Part::Link(Link {
        kind: LinkKind::Web,
        href: url.to_string(),
        text: url.to_string(),
    })
}

/// A phone number as a `tel:` link, as text when it has no digits.
fn phone(number: &str) -> Part {
    match tel(number) {
        Some(href) => Part::Link(Link {
            kind: LinkKind::Tel,
            href,
            text: number.to_string(),
        }),
        None => Part::Text(number.to_string()),
    }
}

fn people(list: &[Speaker]) -> Vec<String> {
    list.iter().map(Speaker::credit).collect()
}

/// Every fact the data gives about `event`, in the order of [`Key`],
/// values in `lang` (the data's own words as they are; the few words of
/// the program, `地図で見る`, `住所`, in `lang`). A fact the data leaves
/// out is not listed.
///
/// # Example
/// ```
/// use iguren_calendar::model::{text::Lang, Catalog, Event, When};
/// use iguren_calendar::views::facts::{facts, Key, Part, Value};
/// let day = chrono::NaiveDate::from_ymd_opt(2004, 2, 25).unwrap();
/// let mut event = Event::new("e", "p", "会合", When::AllDay { start: day, end: day });
/// event.fee = Some("1,000円".into());
/// let list = facts(&event, &Catalog::default(), Lang::Ja);
/// let keys: Vec<Key> = list.iter().map(|f| f.key).collect();
/// assert_eq!(keys, [Key::Organiser, Key::When, Key::Fee]);
/// assert_eq!(list[2].label.ja, "参加費");
/// assert_eq!(list[2].value, Value::Line(vec![Part::Text("1,000円".into())]));
/// ```
pub fn facts(event: &Event, catalog: &Catalog, lang: Lang) -> Vec<Fact> {
    let mut list = Vec::new();
    let mut add = |key: Key, value: Option<Value>| {
        if let Some(value) = value {
            list.push(Fact {
                key,
                label: key.label(),
                value,
            });
        }
    };
    let venue = event.venue.clone().unwrap_or_default();
    let project = catalog.project_name(&event.project, lang);
    add(Key::Organiser, Some(Value::text(project)));
    let when = format_when(&event.when, lang, true);
    add(Key::When, Some(Value::text(&when)));
    let place = venue.place();
    add(Key::Venue, (!place.is_empty()).then(|| Value::text(&place)));
    let address = venue.address.as_deref().map(|a| {
        let map = Link {
            kind: LinkKind::Map,
            href: map_search(a),
            text: lang.pick("地図で見る", "Map").to_string(),
        };
        Value::Line(vec![Part::Text(a.to_string()), Part::Link(map)])
    });
    add(Key::Address, address);
    let line = |part: Part| Value::Line(vec![part]);
    add(Key::VenuePhone, venue.phone.as_deref().map(phone).map(line));
    add(Key::VenueInfo, venue.url.as_deref().map(web).map(line));
    add(Key::Fee, event.fee.as_deref().map(Value::text));
    add(Key::Capacity, event.capacity.as_deref().map(Value::text));
    let speakers = (!event.speakers.is_empty()).then(|| Value::People(people(&event.speakers)));
    add(Key::Speakers, speakers);
    let programme = event.program.iter().map(|p| Item {
        time: p.time.map(format_time),
        title: p.title.clone(),
        speakers: people(&p.speakers),
    });
    let programme = (!event.program.is_empty()).then(|| Value::Items(programme.collect()));
    add(Key::Programme, programme);
    if let Some(r) = &event.registration {
        add(
            Key::Deadline,
            r.deadline.map(|d| Value::text(&d.text(lang))),
        );
        add(Key::Signup, signup(r, lang));
    }
    add(
        Key::Contact,
        event.contact.as_ref().and_then(|c| contact(c, lang)),
    );
    add(Key::Link, event.url.as_deref().map(web).map(line));
    list
}

/// The sign-up form and the note; `None` when there is neither.
fn signup(registration: &Registration, lang: Lang) -> Option<Value> {
    let mut lines = Vec::new();
    if let Some(url) = &registration.url {
        let form = Link {
            kind: LinkKind::Web,
            href: url.clone(),
            text: FORM.get(lang).to_string(),
        };
        lines.push(Line::new(None, Part::Link(form)));
    }
    if let Some(note) = &registration.note {
        lines.push(Line::new(None, Part::Text(note.clone())));
    }
    (!lines.is_empty()).then_some(Value::Lines(lines))
}

/// The contact, a line each: the name, TEL, FAX, E-mail, URL, the address
/// and the note; `None` when the data gives none of them.
fn contact(c: &Contact, lang: Lang) -> Option<Value> {
    let mut lines = Vec::new();
    let mut add = |label: Option<&'static str>, part: Option<Part>| {
        if let Some(part) = part {
            lines.push(Line::new(label, part));
        }
    };
    let text = |v: &String| Part::Text(v.clone());
    add(None, c.name.as_ref().map(text));
    add(Some("TEL"), c.phone.as_deref().map(phone));
    add(Some("FAX"), c.fax.as_ref().map(text));
    let mail = |m: &String| {
        Part::Link(Link {
            kind: LinkKind::Mail,
            href: format!("mailto:{m}"),
            text: m.clone(),
        })
    };
    add(Some("E-mail"), c.email.as_ref().map(mail));
    add(Some("URL"), c.url.as_deref().map(web));
    add(
        Some(lang.pick("住所", "Address")),
        c.address.as_ref().map(text),
    );
    if let Some(note) = &c.note {
        lines.push(Line {
            note: true,
            ..Line::new(None, text(note))
        });
    }
    (!lines.is_empty()).then_some(Value::Lines(lines))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::{Deadline, ProgramItem, Venue, When};
    use chrono::NaiveDate;

    /// A fact's value as plain text, the parts of a line and the lines
    /// set apart by a space, whitespace collapsed: what a reader of any
    /// renderer's tags sees (the site's tests compare it).
    pub(crate) fn plain(value: &Value) -> String {
        let word = |p: &Part| match p {
            Part::Text(t) => t.clone(),
            Part::Link(l) => l.text.clone(),
        };
        let words: Vec<String> = match value {
            Value::Line(list) => list.iter().map(word).collect(),
            Value::Lines(lines) => lines
                .iter()
                .flat_map(|l| {
                    l.label
                        .map(String::from)
                        .into_iter()
                        .chain(l.parts.iter().map(word))
                })
                .collect(),
            Value::People(names) => names.clone(),
            Value::Items(items) => items
                .iter()
                .flat_map(|i| i.time.iter().chain([&i.title]).chain(&i.speakers).cloned())
                .collect(),
        };
        let text = words.join(" ");
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// Every link of a value, in order: `(kind, href)`.
    pub(crate) fn links(value: &Value) -> Vec<(LinkKind, String)> {
        let parts: Vec<&Part> = match value {
            Value::Line(list) => list.iter().collect(),
            Value::Lines(lines) => lines.iter().flat_map(|l| &l.parts).collect(),
            Value::People(_) | Value::Items(_) => Vec::new(),
        };
        parts
            .into_iter()
            .filter_map(|p| match p {
                Part::Link(l) => Some((l.kind, l.href.clone())),
                Part::Text(_) => None,
            })
            .collect()
    }

    /// An event of one day with only what every event has.
    fn bare(title: &str) -> Event {
        let day = NaiveDate::from_ymd_opt(2004, 2, 25).unwrap();
        Event::new(
            "e",
            "p",
            title,
            When::AllDay {
                start: day,
                end: day,
            },
        )
    }

    fn seed() -> Catalog {
        crate::load::load(include_str!("../../public/events.json")).catalog
    }

    #[test]
    fn the_salon_in_the_app_detail_s_words_and_order() {
        let catalog = seed();
        let salon = catalog.event("kawasaki-salon-2004-02-25").unwrap();
        let list = facts(salon, &catalog, Lang::Ja);
        let labels: Vec<&str> = list.iter().map(|f| &*f.label.ja).collect();
        assert_eq!(
            labels,
            [
                "主催",
                "日時",
                "会場",
                "住所",
                "会場の電話",
                "会場案内",
                "参加費",
                "定員",
                "講師",
                "プログラム",
                "問い合わせ・申込"
            ]
        );
        let value = |key| list.iter().find(|f| f.key == key).unwrap().value.clone();
        assert_eq!(
            value(Key::When),
            Value::text("2004年2月25日(水) 18:00〜20:30")
        );
        assert_eq!(
            plain(&value(Key::Address)),
            "川崎市高津区坂戸3-2-1 西棟3階 地図で見る"
        );
        assert_eq!(
            links(&value(Key::VenuePhone)),
            [(LinkKind::Tel, "tel:0448192001".to_string())]
        );
        let Value::Items(items) = value(Key::Programme) else {
            panic!("the programme is a list")
        };
        assert_eq!(items[2].time.as_deref(), Some("18:10"));
        assert_eq!(items[2].speakers, ["志茂 武氏（(株)ケイエスピー 取締役）"]);
        let contact = value(Key::Contact);
        assert!(
            plain(&contact)
                .contains("TEL 045-633-5192 FAX 045-633-5194 E-mail shigeo.tanaka@m2.people.or.jp"),
            "{}",
            plain(&contact)
        );
        assert!(links(&contact).contains(&(
            LinkKind::Mail,
            "mailto:shigeo.tanaka@m2.people.or.jp".into()
        )));
        // In English the labels and the program's words change, the data's do not.
        let en = facts(salon, &catalog, Lang::En);
        assert_eq!(en[0].value, Value::text("Kawasaki Business Network Salon"));
        assert_eq!(en[1].value, Value::text("Wed, Feb 25, 2004, 18:00–20:30"));
        assert!(plain(&en[3].value).ends_with(" Map"));
        assert_eq!(en[3].label.get(Lang::En), "Address");
    }

    #[test]
    fn sign_up_deadline_form_and_note() {
        let mut event = bare("t");
        event.registration = Some(Registration {
            url: Some("https://forms.example.jp/x".into()),
            deadline: Some(Deadline::Day(NaiveDate::from_ymd_opt(2004, 2, 20).unwrap())),
            note: Some("先着40名".into()),
        });
        let list = facts(&event, &Catalog::default(), Lang::Ja);
        assert_eq!(
            list[0].value,
            Value::text("p"),
            "an unknown project by its id"
        );
        assert_eq!(list[2].key, Key::Deadline);
        assert_eq!(list[2].value, Value::text("2004年2月20日(金)まで"));
        assert_eq!(plain(&list[3].value), "申込フォームを開く 先着40名");
        assert_eq!(
            links(&list[3].value),
            [(LinkKind::Web, "https://forms.example.jp/x".into())]
        );
        // A registration with only a deadline has no sign-up line.
        event.registration = Some(Registration {
            deadline: Some(Deadline::Day(event.when.first_day())),
            ..Registration::default()
        });
        let keys: Vec<Key> = facts(&event, &Catalog::default(), Lang::Ja)
            .iter()
            .map(|f| f.key)
            .collect();
        assert_eq!(keys, [Key::Organiser, Key::When, Key::Deadline]);
    }

    /// Whatever the data says stays text: no part is ever markup, and only
    /// the four kinds of link are links.
    #[test]
    fn hostile_text_is_text() {
        let script = "<script>alert(\"x\")</script>";
        let quotes = "\"><b onclick='y'>";
        let mut event = bare(script);
        event.fee = Some(script.into());
        event.venue = Some(Venue {
            name: Some(quotes.into()),
            phone: Some(script.into()),
            ..Venue::default()
        });
        event.speakers = vec![Speaker {
            name: quotes.into(),
            affiliation: Some(script.into()),
        }];
        event.program = vec![ProgramItem {
            time: None,
            title: script.into(),
            speakers: Vec::new(),
        }];
        event.contact = Some(Contact {
            name: Some(quotes.into()),
            note: Some(script.into()),
            ..Contact::default()
        });
        let list = facts(&event, &Catalog::default(), Lang::Ja);
        let value = |key| list.iter().find(|f| f.key == key).unwrap().value.clone();
        assert_eq!(value(Key::Fee), Value::text(script));
        assert_eq!(value(Key::Venue), Value::text(quotes));
        // A phone number without digits is not a link.
        assert_eq!(value(Key::VenuePhone), Value::text(script));
        assert_eq!(
            value(Key::Speakers),
            Value::People(vec![format!("{quotes}（{script}）")])
        );
        assert_eq!(
            value(Key::Programme),
            Value::Items(vec![Item {
                time: None,
                title: script.into(),
                speakers: Vec::new()
            }])
        );
        let contact = value(Key::Contact);
        assert_eq!(plain(&contact), format!("{quotes} {script}"));
        assert!(links(&contact).is_empty());
        let Value::Lines(lines) = contact else {
            panic!("the contact is lines")
        };
        assert!(!lines[0].note && lines[1].note);
    }

    #[test]
    fn an_empty_contact_is_no_fact() {
        let mut event = bare("t");
        event.contact = Some(Contact::default());
        event.venue = Some(Venue::default());
        event.registration = Some(Registration::default());
        assert_eq!(facts(&event, &Catalog::default(), Lang::Ja).len(), 2);
    }
}
