//! What each part of `events.json` means: the site, the projects, the
//! events and their parts, read from the parsed tree into the model.
//!
//! Every event and project is read on its own: one with a problem is left
//! out and the others are kept. Ids, project references and duplicate ids
//! are checked for every entry, valid or not, so fixing one problem never
//! reveals another that was there all along. The format is described for
//! editors in `public/events.schema.json`; [`FIELDS`] and a test keep the
//! two in step.

use super::json::{Node, Value};
use super::scalar::{self, shown, Moment};
use super::walk::{field_node, Found, Obj, Walker, TEXT_KEYS};
use crate::model::{
    Catalog, Contact, Event, ProgramItem, Project, Registration, Site, Speaker, Text, Venue, When,
};
use std::collections::HashMap;

pub(super) const TOP_KEYS: &[&str] = &["$schema", "site", "projects", "events"];
pub(super) const SITE_KEYS: &[&str] = &[
    "name",
    "organizer",
    "timeZone",
    "url",
    "repository",
    "domain",
    "updated",
];
pub(super) const PROJECT_KEYS: &[&str] = &["id", "name", "color", "description", "contact", "url"];
pub(super) const EVENT_KEYS: &[&str] = &[
    "id",
    "project",
    "title",
    "titleEn",
    "start",
    "end",
    "venue",
    "fee",
    "capacity",
    "speakers",
    "contact",
    "program",
    "description",
    "url",
    "status",
    "revision",
    "updated",
    "registration",
    "origin",
];
pub(super) const VENUE_KEYS: &[&str] = &["name", "room", "address", "phone", "url"];
pub(super) const CONTACT_KEYS: &[&str] =
    &["name", "phone", "fax", "email", "url", "address", "note"];
pub(super) const SPEAKER_KEYS: &[&str] = &["name", "affiliation"];
pub(super) const PROGRAM_KEYS: &[&str] = &["time", "title", "speakers"];
pub(super) const REGISTRATION_KEYS: &[&str] = &["url", "deadline", "note"];
/// An imported event's identity in its own calendar (`calendar fetch`).
pub(super) const ORIGIN_KEYS: &[&str] = &["uid", "recurrenceId"];

/// The field names of each kind of object, kept in step with the JSON Schema by a test.
pub const FIELDS: &[(&str, &[&str])] = &[
    ("top", TOP_KEYS),
    ("site", SITE_KEYS),
    ("text", TEXT_KEYS),
    ("project", PROJECT_KEYS),
    ("event", EVENT_KEYS),
    ("venue", VENUE_KEYS),
    ("contact", CONTACT_KEYS),
    ("speaker", SPEAKER_KEYS),
    ("program", PROGRAM_KEYS),
    ("registration", REGISTRATION_KEYS),
    ("origin", ORIGIN_KEYS),
];

/// How a project's id stands, for the events that name it.
#[derive(Clone, Copy)]
enum ProjectState {
    /// Loaded into the catalogue.
    Loaded,
    /// Left out for a problem; it stands at this index of `projects`.
    Faulty(usize),
}

/// The catalogue of everything valid in the tree, and every problem.
pub fn catalog(root: &Node<'_>) -> (Catalog, Vec<Found>) {
    let mut w = Walker::default();
    let mut catalog = Catalog::default();
    let Some(top) = w.object(root, "", TOP_KEYS) else {
        return (catalog, w.found);
    };
    match top.get("site") {
        Some(site) => catalog.site = w.site(site, "/site"),
        None => {
            w.missing(&top, "site");
            catalog.site = blank_site();
        }
    }
    let mut projects: HashMap<String, ProjectState> = HashMap::new();
    if let Some(list) = w.array_field(&top, "projects", true) {
        let mut ids = Ids::default();
        for (i, node) in list.iter().enumerate() {
            let path = format!("/projects/{i}");
            // A project is kept when its id, name and colour are valid; a
            // faulty optional field is reported and left out, so that its
            // events are not lost with it.
            let project = w.project(node, &path);
            let Some(id) = ids.claim(&mut w, node, "/projects", i) else {
                continue;
            };
            match project {
                Some(p) => {
                    projects.insert(id, ProjectState::Loaded);
                    catalog.projects.push(p);
                }
                None => {
                    projects.insert(id, ProjectState::Faulty(i));
                }
            }
        }
    }
    if let Some(list) = w.array_field(&top, "events", true) {
        catalog.events.reserve(list.len());
        let mut ids = Ids::default();
        for (i, node) in list.iter().enumerate() {
            let path = format!("/events/{i}");
            let before = w.found.len();
            let event = w.event(node, &path, &projects);
            let claimed = ids.claim(&mut w, node, "/events", i).is_some();
            if let (Some(e), true, true) = (event, claimed, w.found.len() == before) {
                catalog.events.push(e);
            }
        }
    }
    (catalog, w.found)
}

/// The ids already taken in one list, with where.
#[derive(Default)]
struct Ids(HashMap<String, usize>);

impl Ids {
    /// Takes the entry's id for it, and returns it; a duplicate of an
    /// earlier entry's id is reported at this entry and gives `None`. An
    /// id that is absent or not valid claims nothing (its own problem is
    /// reported where the entry is read).
    fn claim(&mut self, w: &mut Walker, node: &Node, list: &str, i: usize) -> Option<String> {
        let id_node = field_node(node, "id")?;
        let Value::String(id) = &id_node.value else {
            return None;
        };
        let id = id.trim();
        scalar::check_id(id).ok()?;
        if let Some(&first) = self.0.get(id) {
            w.report(
                id_node.at,
                &format!("{list}/{i}/id"),
                says!(
                    format!(
                        "ID「{}」は {list}/{first} と重複しています（IDは一つずつ違うものに）",
                        shown(id)
                    ),
                    format!(
                        "duplicate id \"{}\", already used at {list}/{first}",
                        shown(id)
                    ),
                ),
            );
            return None;
        }
        self.0.insert(id.to_string(), i);
        Some(id.to_string())
    }
}

/// The site of a file whose `site` is missing or faulty, before its
/// valid fields are read: no name, in Tokyo.
pub(super) fn blank_site() -> Site {
    Site {
        time_zone: "Asia/Tokyo".into(),
        ..Site::default()
    }
}

impl Walker {
    fn site(&mut self, node: &Node, path: &str) -> Site {
        let mut site = blank_site();
        let Some(o) = self.object(node, path, SITE_KEYS) else {
            return site;
        };
        site.name = self.text(&o, "name", true).unwrap_or_default();
        site.organizer = self.text(&o, "organizer", false).unwrap_or_default();
        site.time_zone = self
            .parsed(&o, "timeZone", false, scalar::check_time_zone)
            .unwrap_or(site.time_zone);
        site.url = self.checked(&o, "url", false, scalar::check_url);
        site.repository = self.checked(&o, "repository", false, scalar::check_repository);
        site.domain = self
            .checked(&o, "domain", true, scalar::check_domain)
            .unwrap_or_default();
        site.updated = self.parsed(&o, "updated", false, scalar::parse_instant);
        site
    }

    fn contact(&mut self, parent: &Obj, key: &str) -> Option<Contact> {
        let node = parent.get(key)?;
        let o = self.object(node, &parent.child(key), CONTACT_KEYS)?;
        Some(Contact {
            name: self.string(&o, "name", false),
            phone: self.checked(&o, "phone", false, scalar::check_phone),
            fax: self.checked(&o, "fax", false, scalar::check_phone),
            email: self.checked(&o, "email", false, scalar::check_email),
            url: self.checked(&o, "url", false, scalar::check_url),
            address: self.string(&o, "address", false),
            note: self.string(&o, "note", false),
        })
    }

    /// An event's `registration`: a form link, a deadline (a day, or a
    /// day and time, in the site's time) and a note.
    fn registration(&mut self, parent: &Obj) -> Option<Registration> {
        let node = parent.get("registration")?;
        let o = self.object(node, &parent.child("registration"), REGISTRATION_KEYS)?;
        let deadline = self
            .parsed(&o, "deadline", false, scalar::parse_moment)
            .map(Moment::deadline);
        Some(Registration {
            url: self.checked(&o, "url", false, scalar::check_url),
            deadline,
            note: self.string(&o, "note", false),
        })
    }

    fn project(&mut self, node: &Node, path: &str) -> Option<Project> {
        let o = self.object(node, path, PROJECT_KEYS)?;
        let id = self.checked(&o, "id", true, scalar::check_id);
        let name = self.text(&o, "name", true);
        let color = self.checked(&o, "color", true, scalar::check_color);
        let description = self.text(&o, "description", false);
        let contact = self.contact(&o, "contact");
        let url = self.checked(&o, "url", false, scalar::check_url);
        Some(Project {
            id: id?,
            name: name?,
            color: color?,
            description,
            contact,
            url,
        })
    }

    fn speakers(&mut self, parent: &Obj, key: &str) -> Vec<Speaker> {
        let Some(list) = self.array_field(parent, key, false) else {
            return Vec::new();
        };
        let base = parent.child(key);
        let mut out = Vec::new();
        for (i, node) in list.iter().enumerate() {
            let path = format!("{base}/{i}");
            match &node.value {
                Value::String(s) if !s.trim().is_empty() => out.push(Speaker {
                    name: s.trim().to_string(),
                    affiliation: None,
                }),
                Value::Object(_) => {
                    if let Some(o) = self.object(node, &path, SPEAKER_KEYS) {
                        if let Some(name) = self.string(&o, "name", true) {
                            out.push(Speaker {
                                name,
                                affiliation: self.string(&o, "affiliation", false),
                            });
                        }
                    }
                }
                _ => self.wrong_type(
                    node,
                    &path,
                    "名前の文字列か {\"name\": …}",
                    "a name or {\"name\": …}",
                ),
            }
        }
        out
    }

    fn program(&mut self, parent: &Obj) -> Vec<ProgramItem> {
        let Some(list) = self.array_field(parent, "program", false) else {
            return Vec::new();
        };
        let base = parent.child("program");
        let mut out = Vec::new();
        for (i, node) in list.iter().enumerate() {
            let Some(o) = self.object(node, &format!("{base}/{i}"), PROGRAM_KEYS) else {
                continue;
            };
            let time = self.parsed(&o, "time", false, scalar::parse_time);
            let title = self.string(&o, "title", true);
            let speakers = self.speakers(&o, "speakers");
            if let Some(title) = title {
                out.push(ProgramItem {
                    time,
                    title,
                    speakers,
                });
            }
        }
        out
    }

    fn when(&mut self, o: &Obj) -> Option<When> {
        let start = self.parsed(o, "start", true, scalar::parse_moment);
        let end = self.parsed(o, "end", false, scalar::parse_moment);
        let when = scalar::when(start?, end);
        when.map_err(|p| self.report_field(o, "end", p)).ok()
    }

    /// The project an event names, reported when it is unknown or faulty.
    fn project_ref(&mut self, o: &Obj, projects: &HashMap<String, ProjectState>) -> Option<String> {
        let p = self.string(o, "project", true)?;
        let shown_p = || shown(&p);
        let problem = match projects.get(&p) {
            Some(ProjectState::Loaded) => return Some(p),
            Some(ProjectState::Faulty(i)) => says!(
                format!("プロジェクト「{}」（/projects/{i}）に問題があるため、このイベントは表示されません", shown_p()),
                format!("project \"{}\" (/projects/{i}) has problems, so this event is left out", shown_p()),
            ),
            None => says!(
                format!("プロジェクト「{}」は projects にありません", shown_p()),
                format!("project \"{}\" is not listed in projects", shown_p()),
            ),
        };
        self.report_field(o, "project", problem);
        Some(p)
    }

    fn event(
        &mut self,
        node: &Node,
        path: &str,
        projects: &HashMap<String, ProjectState>,
    ) -> Option<Event> {
        let o = self.object(node, path, EVENT_KEYS)?;
        let id = self.checked(&o, "id", true, scalar::check_id);
        let project = self.project_ref(&o, projects);
        let title = self.string(&o, "title", true);
        let title_en = self.string(&o, "titleEn", false);
        let when = self.when(&o);
        let venue = o.get("venue").and_then(|v| {
            let v = self.object(v, &o.child("venue"), VENUE_KEYS)?;
            Some(Venue {
                name: self.string(&v, "name", false),
                room: self.string(&v, "room", false),
                address: self.string(&v, "address", false),
                phone: self.checked(&v, "phone", false, scalar::check_phone),
                url: self.checked(&v, "url", false, scalar::check_url),
            })
        });
        let fee = self.string(&o, "fee", false);
        let capacity = self.string(&o, "capacity", false);
        let speakers = self.speakers(&o, "speakers");
        let contact = self.contact(&o, "contact");
        let program = self.program(&o);
        let description = self.string(&o, "description", false);
        let url = self.checked(&o, "url", false, scalar::check_url);
        let status = self
            .parsed(&o, "status", false, scalar::parse_status)
            .unwrap_or_default();
        let revision = match o.get("revision") {
            None => 0,
            Some(n) => {
                let whole = match &n.value {
                    Value::Number(text) => scalar::whole_number(text),
                    _ => None,
                };
                whole.unwrap_or_else(|| {
                    self.report_field(
                        &o,
                        "revision",
                        says!(
                            "revision は 0 以上の整数にしてください",
                            "revision must be a whole number, 0 or more",
                        ),
                    );
                    0
                })
            }
        };
        let updated = self.parsed(&o, "updated", false, scalar::parse_instant);
        let registration = self.registration(&o);
        let origin = self.origin(&o);
        Some(Event {
            id: id?,
            project: project?,
            title: Text {
                ja: title?.into(),
                en: title_en.map(Into::into),
            },
            when: when?,
            venue,
            fee,
            capacity,
            speakers,
            contact,
            program,
            description,
            url,
            status,
            revision,
            updated,
            registration,
            origin,
        })
    }

    /// An imported event's `origin`: a `uid` of at most 255 characters
    /// and an optional `recurrenceId` (a date or a Tokyo date-time).
    fn origin(&mut self, parent: &Obj) -> Option<crate::model::Origin> {
        let node = parent.get("origin")?;
        let o = self.object(node, &parent.child("origin"), ORIGIN_KEYS)?;
        let uid = self.string(&o, "uid", true)?;
        if uid.chars().count() > 255 || uid.chars().any(char::is_control) {
            self.report_field(
                &o,
                "uid",
                says!(
                    "uid は制御文字を含まない255文字以内にしてください",
                    "uid must be at most 255 characters, without control characters",
                ),
            );
            return None;
        }
        let recurrence_id = self
            .parsed(&o, "recurrenceId", false, scalar::parse_moment)
            .map(Moment::at);
        Some(crate::model::Origin { uid, recurrence_id })
    }
}
