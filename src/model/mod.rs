//! The event model: what a loaded, validated `events.json` means.
//!
//! Plain data, no reactivity, no I/O: the site's metadata, its projects and
//! their events. Every value here has passed the checks in [`crate::load`],
//! so the rest of the core may rely on it (ids are URL-safe, dates exist,
//! an end is never before its start, links are http(s)).

pub mod month;
pub mod order;
pub mod source;
pub mod text;

use crate::model::text::Lang;
use chrono::{NaiveDate, NaiveDateTime};

pub use crate::model::text::Text;

/// The colour of an event whose project is unknown (`#rrggbb`, as
/// [`Project::color`]).
pub const FALLBACK_COLOR: &str = "#555555";

/// The whole calendar: site metadata, projects and events.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Catalog {
    pub site: Site,
    pub projects: Vec<Project>,
    pub events: Vec<Event>,
}

impl Catalog {
    /// The project with this id, if any.
    pub fn project(&self, id: &str) -> Option<&Project> {
        self.projects.iter().find(|p| p.id == id)
    }

    /// The event with this id, if any.
    pub fn event(&self, id: &str) -> Option<&Event> {
        self.events.iter().find(|e| e.id == id)
    }

    /// The name of project `id` in `lang` (Japanese when it has no
    /// English), the id itself when the project is unknown (an imported
    /// event's project is its source).
    pub fn project_name<'a>(&'a self, id: &'a str, lang: Lang) -> &'a str {
        self.project(id).map_or(id, |p| p.name.get(lang))
    }

    /// The colour of project `id`, [`FALLBACK_COLOR`] when it is unknown.
    pub fn project_color(&self, id: &str) -> &str {
        self.project(id)
            .map_or(FALLBACK_COLOR, |p| p.color.as_str())
    }
}

/// Metadata of the calendar as a whole.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Site {
    /// Name of the calendar.
    pub name: Text,
    /// Who publishes it.
    pub organizer: Text,
    /// IANA time zone of every local time in the file (only `Asia/Tokyo`).
    pub time_zone: String,
    /// The public address of the published site, when known
    /// (`https://example.org/calendar/`).
    pub url: Option<String>,
    /// The GitHub repository that holds the data (`owner/name`), for the
    /// editor's 「GitHubで公開」.
    pub repository: Option<String>,
    /// The organiser's domain, used in event UIDs; it must never change.
    pub domain: String,
    /// When the data was last updated, as a UTC instant.
    pub updated: Option<NaiveDateTime>,
}

/// A project or study group that runs events.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Project {
    pub id: String,
    pub name: Text,
    /// CSS colour, `#rrggbb`.
    pub color: String,
    pub description: Option<Text>,
    pub contact: Option<Contact>,
    pub url: Option<String>,
}

/// When an event happens, in the site's local time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// Whole days, `start..=end` (the end is inclusive, as people write it).
    AllDay { start: NaiveDate, end: NaiveDate },
    /// From a local date-time, to an optional later one.
    Timed {
        start: NaiveDateTime,
        end: Option<NaiveDateTime>,
    },
}

impl When {
    /// The first day of the event.
    pub fn first_day(&self) -> NaiveDate {
        match *self {
            When::AllDay { start, .. } => start,
            When::Timed { start, .. } => start.date(),
        }
    }

    /// The last day of the event (inclusive).
    pub fn last_day(&self) -> NaiveDate {
        match *self {
            When::AllDay { end, .. } => end,
            When::Timed { start, end } => match end {
                // An event that ends at midnight does not occupy the next day.
                Some(end) if end.date() > start.date() && end.time() == chrono::NaiveTime::MIN => {
                    end.date().pred_opt().unwrap_or(end.date())
                }
                Some(end) => end.date(),
                None => start.date(),
            },
        }
    }

    pub fn is_all_day(&self) -> bool {
        matches!(self, When::AllDay { .. })
    }
}

/// Scheduling status of an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Status {
    #[default]
    Scheduled,
    Tentative,
    Cancelled,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Scheduled => "scheduled",
            Status::Tentative => "tentative",
            Status::Cancelled => "cancelled",
        }
    }

    /// What goes before a title where the status has no other sign (a
    /// calendar app's summary, a chat preview, a bar of the month grid):
    /// [`CANCELLED_MARK`] in Japanese, `[Cancelled] ` in English, and
    /// nothing for an event that takes place.
    pub fn title_prefix(self, lang: Lang) -> &'static str {
        match self {
            Status::Cancelled => lang.pick(CANCELLED_MARK, "[Cancelled] "),
            Status::Scheduled | Status::Tentative => "",
        }
    }
}

/// The mark before the title of a cancelled event, `【中止】`: some calendar
/// apps show `STATUS:CANCELLED` nowhere.
pub const CANCELLED_MARK: &str = "【中止】";

impl Status {
    /// A status badge's text: 中止 / Cancelled, 予定（仮） / Tentative;
    /// `None` for a scheduled event.
    pub fn badge(self, lang: Lang) -> Option<&'static str> {
        match self {
            Status::Cancelled => Some(lang.pick("中止", "Cancelled")),
            Status::Tentative => Some(lang.pick("予定（仮）", "Tentative")),
            Status::Scheduled => None,
        }
    }
}

/// Where an event takes place. Every part is optional: the newsletter often
/// gives only a room.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Venue {
    pub name: Option<String>,
    pub room: Option<String>,
    pub address: Option<String>,
    pub phone: Option<String>,
    pub url: Option<String>,
}

impl Venue {
    /// The venue's name and room, `かながわサイエンスパーク（KSP） 3階 310会議室`;
    /// empty when neither is known.
    pub fn place(&self) -> String {
        [self.name.as_deref(), self.room.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Whom to ask or to apply to.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Contact {
    pub name: Option<String>,
    pub phone: Option<String>,
    pub fax: Option<String>,
    pub email: Option<String>,
    pub url: Option<String>,
    pub address: Option<String>,
    pub note: Option<String>,
}

/// A speaker or presenter.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Speaker {
    pub name: String,
    /// Organisation and role, e.g. `(株)ケイエスピー 取締役`.
    pub affiliation: Option<String>,
}

impl Speaker {
    /// How a speaker is written everywhere: [`credit`] of the name and
    /// the affiliation.
    pub fn credit(&self) -> String {
        credit(&self.name, self.affiliation.as_deref())
    }
}

/// A speaker as every page and file writes one: `名前（所属）`, or the
/// name alone (`芝 忠（事務局長）`, `中島博士`). The one place of this
/// format: the detail, the share page, the `.ics` notes and the editor's
/// speakers cell all call it.
pub fn credit(name: &str, affiliation: Option<&str>) -> String {
    match affiliation {
        Some(a) => format!("{name}（{a}）"),
        None => name.to_string(),
    }
}

/// One timed (or untimed) item of an event's programme.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ProgramItem {
    pub time: Option<chrono::NaiveTime>,
    pub title: String,
    pub speakers: Vec<Speaker>,
}

/// An event, as the maintainer wrote it and the validator accepted it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// Stable, URL-safe id (`[a-z0-9][a-z0-9-]*`): it names the `.ics` file
    /// and the UID, so it never changes once published.
    pub id: String,
    /// Id of the project that runs it.
    pub project: String,
    /// The title: `title` of the file in Japanese, `titleEn` in English.
    pub title: Text,
    pub when: When,
    pub venue: Option<Venue>,
    pub fee: Option<String>,
    pub capacity: Option<String>,
    pub speakers: Vec<Speaker>,
    pub contact: Option<Contact>,
    pub program: Vec<ProgramItem>,
    pub description: Option<String>,
    pub url: Option<String>,
    pub status: Status,
    /// Bumped by the maintainer on every change that subscribers should see.
    pub revision: u32,
    /// When the event was last changed, as a UTC instant.
    pub updated: Option<NaiveDateTime>,
    /// How to sign up, when the event takes sign-ups (see [`crate::views::signup`]).
    pub registration: Option<Registration>,
    /// Where an imported event comes from (another calendar's `UID`);
    /// `None` for our own events. See [`Origin`].
    pub origin: Option<Origin>,
}

/// How to sign up for an event: a form to fill in (such as a Google
/// Form), by when, and a note. Every part is optional.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Registration {
    /// The sign-up form, an http(s) link.
    pub url: Option<String>,
    pub deadline: Option<Deadline>,
    /// Words to go with it, e.g. `定員になり次第締め切ります`.
    pub note: Option<String>,
}

/// The last moment to sign up, in the site's local time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Deadline {
    /// Until the end of this day.
    Day(NaiveDate),
    /// Until this time.
    At(NaiveDateTime),
}

impl Event {
    /// An event with only what every event must have; the rest empty.
    pub fn new(
        id: impl Into<String>,
        project: impl Into<String>,
        title: impl Into<String>,
        when: When,
    ) -> Self {
        Event {
            id: id.into(),
            project: project.into(),
            title: Text::new(title.into()),
            when,
            venue: None,
            fee: None,
            capacity: None,
            speakers: Vec::new(),
            contact: None,
            program: Vec::new(),
            description: None,
            url: None,
            status: Status::Scheduled,
            revision: 0,
            updated: None,
            registration: None,
            origin: None,
        }
    }
}

/// The identity an imported event had in its own calendar, kept so that
/// its `.ics` carries the origin's `UID` (a member who has it from both
/// places gets it once). Written by `calendar fetch` into
/// `sources/<id>.json` as `"origin": {"uid": …, "recurrenceId": …}`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Origin {
    /// The origin's `UID`, as it wrote it.
    pub uid: String,
    /// For one occurrence of a repeating event: its original start in
    /// Tokyo time (midnight for an all-day event), the `RECURRENCE-ID`.
    pub recurrence_id: Option<NaiveDateTime>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cancelled_titles_are_marked_once() {
        assert_eq!(Status::Cancelled.title_prefix(Lang::Ja), "【中止】");
        assert_eq!(Status::Cancelled.title_prefix(Lang::En), "[Cancelled] ");
        assert_eq!(Status::Tentative.title_prefix(Lang::Ja), "");
        assert_eq!(Status::Scheduled.badge(Lang::Ja), None);
        assert_eq!(Status::Cancelled.badge(Lang::Ja), Some("中止"));
        assert_eq!(Status::Tentative.badge(Lang::En), Some("Tentative"));
    }

    #[test]
    fn a_place_is_name_and_room() {
        let venue = |name: Option<&str>, room: Option<&str>| Venue {
            name: name.map(Into::into),
            room: room.map(Into::into),
            ..Venue::default()
        };
        assert_eq!(venue(Some("KSP"), Some("3階")).place(), "KSP 3階");
        assert_eq!(venue(None, Some("3階")).place(), "3階");
        assert_eq!(venue(Some("KSP"), None).place(), "KSP");
        assert_eq!(venue(None, None).place(), "");
    }

    #[test]
    fn a_speaker_is_credited_with_the_affiliation_in_brackets() {
        let mut s = Speaker {
            name: "芝 忠".into(),
            affiliation: Some("事務局長".into()),
        };
        assert_eq!(s.credit(), "芝 忠（事務局長）");
        s.affiliation = None;
        assert_eq!(s.credit(), "芝 忠");
    }

    #[test]
    fn unknown_projects_get_the_fallback_colour() {
        let catalog = Catalog {
            projects: vec![Project {
                id: "p".into(),
                color: "#123456".into(),
                ..Project::default()
            }],
            ..Catalog::default()
        };
        assert_eq!(catalog.project_color("p"), "#123456");
        assert_eq!(catalog.project_color("q"), FALLBACK_COLOR);
    }
}
