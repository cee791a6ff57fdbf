//! The member page's reader of the build's output: events files and
//! month files (as `calendar publish` writes them) into the same
//! [`Catalog`] as [`super::load`], without the checker around it.
//!
//! The build refuses invalid data, so the page needs no line, column,
//! JSON path or message: an entry with a problem is left out (or, for the
//! site and a project, the faulty optional field) exactly as `load` does,
//! and only counted. Every check that keeps untrusted text harmless is
//! the checker's own ([`super::scalar`]: ids, real dates and times,
//! colours, http(s) links, e-mail addresses and phone numbers); the
//! parser is the checker's too ([`super::json`]: strict, nesting bounded).
//! Nothing here formats, allocates a path or panics. The editor and the
//! maintainer tool keep [`super::load`], which says every problem and
//! where; a test keeps the two in step.

use super::catalog::{
    blank_site, CONTACT_KEYS, EVENT_KEYS, ORIGIN_KEYS, PROGRAM_KEYS, PROJECT_KEYS,
    REGISTRATION_KEYS, SITE_KEYS, SPEAKER_KEYS, TOP_KEYS, VENUE_KEYS,
};
use super::json::{self, Member, Node, Value};
use super::scalar::{self, Moment, Problem};
use super::walk::TEXT_KEYS;
use crate::model::{
    Catalog, Contact, Event, Origin, ProgramItem, Project, Registration, Site, Speaker, Text,
    Venue, When,
};
use std::collections::HashSet;

/// What [`decode`] read: the valid part, and how many entries had a problem.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Decoded {
    pub catalog: Catalog,
    /// Entries (the file itself, its site, a project, an event) with a
    /// problem: left out, or kept without the faulty field (the site, a
    /// project) as [`super::load`] keeps them. 0 for the build's output.
    pub unreadable: usize,
}

/// Reads an events file or a month file. Never panics; linear in the text.
pub fn decode(text: &str) -> Decoded {
    let Ok(root) = json::parse(text) else {
        return Decoded {
            catalog: Catalog::default(),
            unreadable: 1,
        };
    };
    let mut out = Decoded::default();
    let mut r = Reader::default();
    let Some(top) = r.object(&root, TOP_KEYS) else {
        out.unreadable = 1;
        return out;
    };
    // The file's own problems (unknown keys, a list missing) count once.
    let file = r.fault;
    let mut site = Reader::default();
    out.catalog.site = match get(top, "site") {
        Some(node) => site.site(node),
        None => {
            site.fault = true;
            blank_site()
        }
    };
    out.unreadable += usize::from(site.fault);
    let mut loaded: HashSet<String> = HashSet::new();
    if let Some(list) = r.array_field(top, "projects", true) {
        let mut ids = HashSet::new();
        for node in list {
            let mut p = Reader::default();
            let project = p.project(node);
            let claimed = claim(&mut p, &mut ids, node);
            out.unreadable += usize::from(p.fault);
            if let (Some(project), true) = (project, claimed) {
                loaded.insert(project.id.clone());
                out.catalog.projects.push(project);
            }
        }
    }
    if let Some(list) = r.array_field(top, "events", true) {
        out.catalog.events.reserve(list.len());
        let mut ids = HashSet::new();
        for node in list {
            let mut e = Reader::default();
            let event = e.event(node, &loaded);
            let claimed = claim(&mut e, &mut ids, node);
            match event {
                Some(event) if claimed && !e.fault => out.catalog.events.push(event),
                _ => out.unreadable += 1,
            }
        }
    }
    out.unreadable += usize::from(file || r.fault);
    out
}

/// Takes the entry's id (as `load` does: trimmed, when valid); a
/// duplicate of an earlier entry's id is a problem of this entry.
fn claim<'a>(r: &mut Reader, ids: &mut HashSet<&'a str>, node: &'a Node<'a>) -> bool {
    let Value::Object(members) = &node.value else {
        return false;
    };
    let Some(Value::String(id)) = get(members, "id").map(|n| &n.value) else {
        return false;
    };
    let id = id.trim();
    if scalar::check_id(id).is_err() {
        return false;
    }
    let first = ids.insert(id);
    r.fault |= !first;
    first
}

/// An object's members.
type Obj<'a> = &'a [Member<'a>];

/// The first member named `key`, as `load` reads it.
fn get<'a>(o: Obj<'a>, key: &str) -> Option<&'a Node<'a>> {
    o.iter().find(|m| m.key == key).map(|m| &m.node)
}

/// Reads one entry, remembering whether anything in it was wrong.
#[derive(Default)]
struct Reader {
    fault: bool,
}

impl Reader {
    fn fail<T>(&mut self) -> Option<T> {
        self.fault = true;
        None
    }

    /// An object whose keys are all `allowed`, each once.
    fn object<'a>(&mut self, node: &'a Node<'a>, allowed: &[&str]) -> Option<Obj<'a>> {
        let Value::Object(members) = &node.value else {
            return self.fail();
        };
        // Each allowed key once: a bit per key (no list has 32).
        let mut seen = 0u32;
        for m in members {
            match allowed.iter().position(|k| *k == m.key) {
                Some(i) if seen & (1 << i) == 0 => seen |= 1 << i,
                _ => self.fault = true,
            }
        }
        Some(members)
    }

    fn array_field<'a>(&mut self, o: Obj<'a>, key: &str, required: bool) -> Option<&'a [Node<'a>]> {
        match get(o, key).map(|n| &n.value) {
            None if !required => None,
            Some(Value::Array(items)) => Some(items),
            _ => self.fail(),
        }
    }

    /// A string field; a blank one counts as absent.
    fn string(&mut self, o: Obj, key: &str, required: bool) -> Option<String> {
        match get(o, key).map(|n| &n.value) {
            None if !required => None,
            Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
            Some(Value::String(_)) if !required => None,
            _ => self.fail(),
        }
    }

    fn parsed<T>(
        &mut self,
        o: Obj,
        key: &str,
        required: bool,
        parse: impl FnOnce(&str) -> Result<T, Problem>,
    ) -> Option<T> {
        let s = self.string(o, key, required)?;
        parse(&s).ok().or_else(|| self.fail())
    }

    fn checked(
        &mut self,
        o: Obj,
        key: &str,
        required: bool,
        check: fn(&str) -> Result<(), Problem>,
    ) -> Option<String> {
        let s = self.string(o, key, required)?;
        check(&s).ok().map_or_else(|| self.fail(), |()| Some(s))
    }

    /// A plain string (Japanese) or `{"ja": …, "en": …}`.
    fn text(&mut self, o: Obj, key: &str, required: bool) -> Option<Text> {
        match get(o, key) {
            Some(
                node @ Node {
                    value: Value::Object(_),
                    ..
                },
            ) => {
                let t = self.object(node, TEXT_KEYS)?;
                let ja = self.string(t, "ja", true)?;
                Some(Text {
                    ja: ja.into(),
                    en: self.string(t, "en", false).map(Into::into),
                })
            }
            None
            | Some(Node {
                value: Value::String(_),
                ..
            }) => self.string(o, key, required).map(Text::new),
            Some(_) => self.fail(),
        }
    }

    fn site(&mut self, node: &Node) -> Site {
        let mut site = blank_site();
        let Some(o) = self.object(node, SITE_KEYS) else {
            return site;
        };
        site.name = self.text(o, "name", true).unwrap_or_default();
        site.organizer = self.text(o, "organizer", false).unwrap_or_default();
        if let Some(zone) = self.parsed(o, "timeZone", false, scalar::check_time_zone) {
            site.time_zone = zone;
        }
        site.url = self.checked(o, "url", false, scalar::check_url);
        site.repository = self.checked(o, "repository", false, scalar::check_repository);
        site.domain = self
            .checked(o, "domain", true, scalar::check_domain)
            .unwrap_or_default();
        site.updated = self.parsed(o, "updated", false, scalar::parse_instant);
        site
    }

    fn contact(&mut self, parent: Obj, key: &str) -> Option<Contact> {
        let o = self.object(get(parent, key)?, CONTACT_KEYS)?;
        Some(Contact {
            name: self.string(o, "name", false),
            phone: self.checked(o, "phone", false, scalar::check_phone),
            fax: self.checked(o, "fax", false, scalar::check_phone),
            email: self.checked(o, "email", false, scalar::check_email),
            url: self.checked(o, "url", false, scalar::check_url),
            address: self.string(o, "address", false),
            note: self.string(o, "note", false),
        })
    }

    /// A project: kept when its id, name and colour are valid.
    fn project(&mut self, node: &Node) -> Option<Project> {
        let o = self.object(node, PROJECT_KEYS)?;
        // Left out at the first of these: its fault is counted already.
        Some(Project {
            id: self.checked(o, "id", true, scalar::check_id)?,
            name: self.text(o, "name", true)?,
            color: self.checked(o, "color", true, scalar::check_color)?,
            description: self.text(o, "description", false),
            contact: self.contact(o, "contact"),
            url: self.checked(o, "url", false, scalar::check_url),
        })
    }

    fn speakers(&mut self, parent: Obj, key: &str) -> Vec<Speaker> {
        let mut out = Vec::new();
        for node in self.array_field(parent, key, false).unwrap_or_default() {
            match &node.value {
                Value::String(s) if !s.trim().is_empty() => out.push(Speaker {
                    name: s.trim().to_string(),
                    affiliation: None,
                }),
                Value::Object(_) => {
                    let Some(o) = self.object(node, SPEAKER_KEYS) else {
                        continue;
                    };
                    if let Some(name) = self.string(o, "name", true) {
                        let affiliation = self.string(o, "affiliation", false);
                        out.push(Speaker { name, affiliation });
                    }
                }
                _ => self.fault = true,
            }
        }
        out
    }

    fn program(&mut self, parent: Obj) -> Vec<ProgramItem> {
        let mut out = Vec::new();
        for node in self
            .array_field(parent, "program", false)
            .unwrap_or_default()
        {
            let Some(o) = self.object(node, PROGRAM_KEYS) else {
                continue;
            };
            // Inside an event: a problem leaves the event out, so what
            // follows it need not be read.
            let time = self.parsed(o, "time", false, scalar::parse_time);
            let Some(title) = self.string(o, "title", true) else {
                continue;
            };
            let speakers = self.speakers(o, "speakers");
            out.push(ProgramItem {
                time,
                title,
                speakers,
            });
        }
        out
    }

    fn when(&mut self, o: Obj) -> Option<When> {
        let start = self.parsed(o, "start", true, scalar::parse_moment);
        let end = self.parsed(o, "end", false, scalar::parse_moment);
        scalar::when(start?, end).ok().or_else(|| self.fail())
    }

    /// An event, or `None` at its first problem: a faulty event is
    /// left out whole, so the rest of it need not be read.
    fn event(&mut self, node: &Node, projects: &HashSet<String>) -> Option<Event> {
        let o = self.object(node, EVENT_KEYS)?;
        let id = self.checked(o, "id", true, scalar::check_id)?;
        let project = self.string(o, "project", true)?;
        if !projects.contains(&project) {
            return self.fail();
        }
        let title = Text {
            ja: self.string(o, "title", true)?.into(),
            en: self.string(o, "titleEn", false).map(Into::into),
        };
        let when = self.when(o)?;
        let venue = match get(o, "venue") {
            None => None,
            Some(v) => Some(self.object(v, VENUE_KEYS).map(|v| Venue {
                name: self.string(v, "name", false),
                room: self.string(v, "room", false),
                address: self.string(v, "address", false),
                phone: self.checked(v, "phone", false, scalar::check_phone),
                url: self.checked(v, "url", false, scalar::check_url),
            })?),
        };
        let revision = match get(o, "revision").map(|n| &n.value) {
            None => 0,
            Some(Value::Number(text)) => scalar::whole_number(text).or_else(|| self.fail())?,
            Some(_) => self.fail()?,
        };
        Some(Event {
            title,
            venue,
            revision,
            fee: self.string(o, "fee", false),
            capacity: self.string(o, "capacity", false),
            speakers: self.speakers(o, "speakers"),
            contact: self.contact(o, "contact"),
            program: self.program(o),
            description: self.string(o, "description", false),
            url: self.checked(o, "url", false, scalar::check_url),
            status: self
                .parsed(o, "status", false, scalar::parse_status)
                .unwrap_or_default(),
            updated: self.parsed(o, "updated", false, scalar::parse_instant),
            registration: self.registration(o),
            origin: self.origin(o),
            ..Event::new(id, project, "", when)
        })
    }

    fn registration(&mut self, parent: Obj) -> Option<Registration> {
        let o = self.object(get(parent, "registration")?, REGISTRATION_KEYS)?;
        Some(Registration {
            url: self.checked(o, "url", false, scalar::check_url),
            deadline: self
                .parsed(o, "deadline", false, scalar::parse_moment)
                .map(Moment::deadline),
            note: self.string(o, "note", false),
        })
    }

    /// An imported event's identity: a `uid` of at most 255 characters
    /// without control characters, and an optional `recurrenceId`.
    fn origin(&mut self, parent: Obj) -> Option<Origin> {
        let o = self.object(get(parent, "origin")?, ORIGIN_KEYS)?;
        let uid = self.string(o, "uid", true)?;
        if uid.chars().count() > 255 || uid.chars().any(char::is_control) {
            return self.fail();
        }
        let recurrence_id = self
            .parsed(o, "recurrenceId", false, scalar::parse_moment)
            .map(Moment::at);
        Some(Origin { uid, recurrence_id })
    }
}
