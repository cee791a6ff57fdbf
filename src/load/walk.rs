//! The validator proper: walks the parsed JSON tree, builds the model and
//! collects every problem with its byte offset and JSON path.
//!
//! The format it accepts is described for editors in
//! `public/events.schema.json`; the two are kept in step by a test.

use super::json::{Member, Node, Value};
use super::scalar::{self, Moment, Problem};
use crate::model::{
    Catalog, Contact, Event, ProgramItem, Project, Site, Speaker, Status, Text, Venue, When,
};
use std::collections::HashMap;

/// A problem before line and column are known.
pub struct Found {
    pub at: usize,
    pub path: String,
    pub ja: String,
    pub en: String,
}

const TOP_KEYS: &[&str] = &["$schema", "site", "projects", "events"];
const SITE_KEYS: &[&str] = &["name", "organizer", "timeZone", "url", "domain", "updated"];
const TEXT_KEYS: &[&str] = &["ja", "en"];
const PROJECT_KEYS: &[&str] = &["id", "name", "color", "description", "contact", "url"];
const EVENT_KEYS: &[&str] = &[
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
];
const VENUE_KEYS: &[&str] = &["name", "room", "address", "phone", "url"];
const CONTACT_KEYS: &[&str] = &["name", "phone", "fax", "email", "url", "address", "note"];
const SPEAKER_KEYS: &[&str] = &["name", "affiliation"];
const PROGRAM_KEYS: &[&str] = &["time", "title", "speakers"];

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
];

pub fn catalog(root: &Node<'_>) -> (Catalog, Vec<Found>) {
    let mut w = Walker { found: Vec::new() };
    let mut catalog = Catalog::default();
    let Some(top) = w.object(root, "", TOP_KEYS) else {
        return (catalog, w.found);
    };
    match top.get("site") {
        Some(site) => catalog.site = w.site(site, "/site"),
        None => {
            w.missing(&top, "site");
            catalog.site = Site {
                time_zone: "Asia/Tokyo".into(),
                ..Site::default()
            };
        }
    }
    // Project id -> Ok(index) when it loaded, Err(index) when it has a
    // problem, so its events can say why they are left out.
    let mut project_ids: HashMap<String, Result<usize, usize>> = HashMap::new();
    if let Some(list) = w.array_field(&top, "projects", true) {
        for (i, node) in list.iter().enumerate() {
            let path = format!("/projects/{i}");
            // A project is kept when its id, name and colour are valid; a
            // faulty optional field is reported and left out, so that its
            // events are not lost with it.
            let Some(p) = w.project(node, &path) else {
                if let Some(Node {
                    value: Value::String(id),
                    ..
                }) = field_node(node, "id")
                {
                    project_ids.entry(id.trim().to_string()).or_insert(Err(i));
                }
                continue;
            };
            let id_node = field_node(node, "id").unwrap_or(node);
            if let Some(&(Ok(first) | Err(first))) = project_ids.get(&p.id) {
                w.duplicate_id(
                    id_node,
                    &format!("{path}/id"),
                    &p.id,
                    &format!("/projects/{first}"),
                );
            } else {
                project_ids.insert(p.id.clone(), Ok(i));
                catalog.projects.push(p);
            }
        }
    }
    let mut event_ids: HashMap<String, usize> = HashMap::new();
    if let Some(list) = w.array_field(&top, "events", true) {
        catalog.events.reserve(list.len());
        for (i, node) in list.iter().enumerate() {
            let path = format!("/events/{i}");
            let before = w.found.len();
            let event = w.event(node, &path, &project_ids);
            let Some(e) = event else { continue };
            let id_node = field_node(node, "id").unwrap_or(node);
            if let Some(&first) = event_ids.get(&e.id) {
                w.duplicate_id(
                    id_node,
                    &format!("{path}/id"),
                    &e.id,
                    &format!("/events/{first}"),
                );
            } else {
                event_ids.insert(e.id.clone(), i);
                if w.found.len() == before {
                    catalog.events.push(e);
                }
            }
        }
    }
    (catalog, w.found)
}

fn field_node<'a>(node: &'a Node<'a>, key: &str) -> Option<&'a Node<'a>> {
    match &node.value {
        Value::Object(m) => m.iter().find(|m| m.key == key).map(|m| &m.node),
        _ => None,
    }
}

/// A JSON object being read, with its path.
struct Obj<'a> {
    at: usize,
    path: String,
    members: &'a [Member<'a>],
}

impl<'a> Obj<'a> {
    fn get(&self, key: &str) -> Option<&'a Node<'a>> {
        self.members.iter().find(|m| m.key == key).map(|m| &m.node)
    }

    fn child(&self, key: &str) -> String {
        format!("{}/{}", self.path, pointer_escape(key))
    }
}

fn pointer_escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

struct Walker {
    found: Vec<Found>,
}

impl Walker {
    fn report(&mut self, at: usize, path: &str, (ja, en): Problem) {
        self.found.push(Found {
            at,
            path: path.to_string(),
            ja,
            en,
        });
    }

    fn wrong_type(&mut self, node: &Node, path: &str, ja_want: &str, en_want: &str) {
        let (got_ja, got) = (node.value.type_name_ja(), node.value.type_name());
        self.report(
            node.at,
            path,
            (
                format!("{ja_want}が必要です（{got_ja}になっています）"),
                format!("expected {en_want}, found {got}"),
            ),
        );
    }

    fn missing(&mut self, obj: &Obj, key: &str) {
        self.report(
            obj.at,
            &obj.child(key),
            (
                format!("必須の項目「{key}」がありません"),
                format!("required field \"{key}\" is missing"),
            ),
        );
    }

    fn duplicate_id(&mut self, node: &Node, path: &str, id: &str, first: &str) {
        self.report(
            node.at,
            path,
            (
                format!("ID「{id}」は {first} と重複しています（IDは一つずつ違うものに）"),
                format!("duplicate id \"{id}\", already used at {first}"),
            ),
        );
    }

    /// Reads an object, reporting unknown and repeated keys.
    fn object<'a>(&mut self, node: &'a Node<'a>, path: &str, allowed: &[&str]) -> Option<Obj<'a>> {
        let Value::Object(members) = &node.value else {
            self.wrong_type(node, path, "オブジェクト { … }", "an object { … }");
            return None;
        };
        for (i, m) in members.iter().enumerate() {
            let duplicate = members[..i].iter().any(|prev| prev.key == m.key);
            if !duplicate && allowed.contains(&&*m.key) {
                continue;
            }
            // Only a problem pays for building its path.
            let child = format!("{path}/{}", pointer_escape(&m.key));
            if duplicate {
                self.report(
                    m.key_at,
                    &child,
                    (
                        format!("項目「{}」が2回書かれています", m.key),
                        format!("field \"{}\" appears twice", m.key),
                    ),
                );
            } else {
                let hint = allowed
                    .iter()
                    .map(|k| (scalar::edit_distance(&m.key, k), k))
                    .filter(|&(d, _)| d <= 2)
                    .min()
                    .map(|(_, k)| *k);
                let (ja, en) = match hint {
                    Some(k) => (
                        format!(
                            "知らない項目「{}」です。「{k}」の書き間違いではありませんか",
                            m.key
                        ),
                        format!("unknown field \"{}\"; did you mean \"{k}\"?", m.key),
                    ),
                    None => (
                        format!(
                            "知らない項目「{}」です（使える項目: {}）",
                            m.key,
                            allowed.join(", ")
                        ),
                        format!(
                            "unknown field \"{}\" (allowed: {})",
                            m.key,
                            allowed.join(", ")
                        ),
                    ),
                };
                self.report(m.key_at, &child, (ja, en));
            }
        }
        Some(Obj {
            at: node.at,
            path: path.to_string(),
            members,
        })
    }

    fn array_field<'a>(
        &mut self,
        obj: &Obj<'a>,
        key: &str,
        required: bool,
    ) -> Option<&'a [Node<'a>]> {
        match obj.get(key) {
            None => {
                if required {
                    self.missing(obj, key);
                }
                None
            }
            Some(Node {
                value: Value::Array(items),
                ..
            }) => Some(items),
            Some(node) => {
                self.wrong_type(node, &obj.child(key), "配列 [ … ]", "an array [ … ]");
                None
            }
        }
    }

    /// A string field; empty or blank strings count as absent.
    fn string(&mut self, obj: &Obj, key: &str, required: bool) -> Option<String> {
        match obj.get(key) {
            None => {
                if required {
                    self.missing(obj, key);
                }
                None
            }
            Some(Node {
                value: Value::String(s),
                at,
            }) => {
                let s = s.trim();
                if s.is_empty() {
                    if required {
                        self.report(
                            *at,
                            &obj.child(key),
                            (format!("「{key}」が空です"), format!("\"{key}\" is empty")),
                        );
                    }
                    None
                } else {
                    Some(s.to_string())
                }
            }
            Some(node) => {
                self.wrong_type(node, &obj.child(key), "文字列", "a string");
                None
            }
        }
    }

    /// A string field checked by `check`.
    fn checked(
        &mut self,
        obj: &Obj,
        key: &str,
        required: bool,
        check: fn(&str) -> Result<(), Problem>,
    ) -> Option<String> {
        let s = self.string(obj, key, required)?;
        match check(&s) {
            Ok(()) => Some(s),
            Err(p) => {
                let at = obj.get(key).map_or(obj.at, |n| n.at);
                self.report(at, &obj.child(key), p);
                None
            }
        }
    }

    /// A text given as a plain string (Japanese) or as `{"ja": …, "en": …}`.
    fn text(&mut self, obj: &Obj, key: &str, required: bool) -> Option<Text> {
        match obj.get(key) {
            Some(
                node @ Node {
                    value: Value::Object(_),
                    ..
                },
            ) => {
                let t = self.object(node, &obj.child(key), TEXT_KEYS)?;
                let ja = self.string(&t, "ja", true)?;
                let en = self.string(&t, "en", false);
                Some(Text {
                    ja: ja.into(),
                    en: en.map(Into::into),
                })
            }
            Some(Node {
                value: Value::String(_),
                ..
            })
            | None => self.string(obj, key, required).map(Text::new),
            Some(node) => {
                self.wrong_type(
                    node,
                    &obj.child(key),
                    "文字列か {\"ja\": …, \"en\": …}",
                    "a string or {\"ja\": …, \"en\": …}",
                );
                None
            }
        }
    }

    fn instant(&mut self, obj: &Obj, key: &str) -> Option<chrono::NaiveDateTime> {
        let s = self.string(obj, key, false)?;
        match scalar::parse_instant(&s) {
            Ok(t) => Some(t),
            Err(p) => {
                let at = obj.get(key).map_or(obj.at, |n| n.at);
                self.report(at, &obj.child(key), p);
                None
            }
        }
    }

    fn site(&mut self, node: &Node, path: &str) -> Site {
        let mut site = Site {
            time_zone: "Asia/Tokyo".into(),
            ..Site::default()
        };
        let Some(o) = self.object(node, path, SITE_KEYS) else {
            return site;
        };
        site.name = self.text(&o, "name", true).unwrap_or_default();
        site.organizer = self.text(&o, "organizer", false).unwrap_or_default();
        if let Some(tz) = self.string(&o, "timeZone", false) {
            if tz == "Asia/Tokyo" {
                site.time_zone = tz;
            } else {
                let at = o.get("timeZone").map_or(o.at, |n| n.at);
                self.report(
                    at,
                    &o.child("timeZone"),
                    (
                        format!("タイムゾーン「{tz}」には対応していません（Asia/Tokyo のみ）"),
                        format!("time zone \"{tz}\" is not supported (only Asia/Tokyo)"),
                    ),
                );
            }
        }
        site.url = self.checked(&o, "url", false, scalar::check_url);
        site.domain = self
            .checked(&o, "domain", true, |s| {
                if scalar::check_host(s) && s.contains('.') {
                    Ok(())
                } else {
                    Err((
                        format!("ドメイン「{s}」の形が正しくありません（例: kanagawa-iguren.com）"),
                        format!("domain \"{s}\" is not a host name (e.g. kanagawa-iguren.com)"),
                    ))
                }
            })
            .unwrap_or_default();
        site.updated = self.instant(&o, "updated");
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
            let time = self.string(&o, "time", false).and_then(|s| {
                scalar::parse_time(&s)
                    .map_err(|p| {
                        let at = o.get("time").map_or(o.at, |n| n.at);
                        self.report(at, &o.child("time"), p);
                    })
                    .ok()
            });
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

    fn moment(&mut self, obj: &Obj, key: &str, required: bool) -> Option<Moment> {
        let s = self.string(obj, key, required)?;
        match scalar::parse_moment(&s) {
            Ok(m) => Some(m),
            Err(p) => {
                let at = obj.get(key).map_or(obj.at, |n| n.at);
                self.report(at, &obj.child(key), p);
                None
            }
        }
    }

    fn when(&mut self, o: &Obj) -> Option<When> {
        let start = self.moment(o, "start", true);
        let end = self.moment(o, "end", false);
        let end_at = o.get("end").map_or(o.at, |n| n.at);
        let end_path = o.child("end");
        let before = || {
            (
                "終了が開始より前になっています".to_string(),
                "end is before start".to_string(),
            )
        };
        match (start?, end) {
            (Moment::Date(start), None) => Some(When::AllDay { start, end: start }),
            (Moment::Date(start), Some(Moment::Date(end))) => {
                if end < start {
                    self.report(end_at, &end_path, before());
                    return None;
                }
                Some(When::AllDay { start, end })
            }
            (Moment::DateTime(start), None) => Some(When::Timed { start, end: None }),
            (Moment::DateTime(start), Some(Moment::DateTime(end))) => {
                if end < start {
                    self.report(end_at, &end_path, before());
                    return None;
                }
                Some(When::Timed {
                    start,
                    end: Some(end),
                })
            }
            (Moment::Date(_), Some(Moment::DateTime(_)))
            | (Moment::DateTime(_), Some(Moment::Date(_))) => {
                self.report(
                    end_at,
                    &end_path,
                    (
                        "開始と終了は、両方日付だけ（終日）か、両方時刻つきにしてください".into(),
                        "start and end must both be dates (all day) or both date-times".into(),
                    ),
                );
                None
            }
        }
    }

    fn event(
        &mut self,
        node: &Node,
        path: &str,
        projects: &HashMap<String, Result<usize, usize>>,
    ) -> Option<Event> {
        let o = self.object(node, path, EVENT_KEYS)?;
        let id = self.checked(&o, "id", true, scalar::check_id);
        let project = self.string(&o, "project", true);
        if let Some(p) = &project {
            let at = o.get("project").map_or(o.at, |n| n.at);
            match projects.get(p) {
                Some(Ok(_)) => {}
                Some(Err(i)) => self.report(
                    at,
                    &o.child("project"),
                    (
                        format!("プロジェクト「{p}」（/projects/{i}）に問題があるため、このイベントは表示されません"),
                        format!("project \"{p}\" (/projects/{i}) has problems, so this event is left out"),
                    ),
                ),
                None => self.report(
                    at,
                    &o.child("project"),
                    (
                        format!("プロジェクト「{p}」は projects にありません"),
                        format!("project \"{p}\" is not listed in projects"),
                    ),
                ),
            }
        }
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
        let status = match self.string(&o, "status", false).as_deref() {
            None | Some("scheduled") => Status::Scheduled,
            Some("tentative") => Status::Tentative,
            Some("cancelled") => Status::Cancelled,
            Some(other) => {
                let at = o.get("status").map_or(o.at, |n| n.at);
                self.report(
                    at,
                    &o.child("status"),
                    (
                        format!(
                            "status「{other}」は使えません（scheduled / tentative / cancelled）"
                        ),
                        format!("status \"{other}\" is not one of scheduled, tentative, cancelled"),
                    ),
                );
                Status::Scheduled
            }
        };
        let revision = match o.get("revision") {
            None => 0,
            Some(n) => match &n.value {
                Value::Number(s) if s.parse::<u32>().is_ok() => s.parse().unwrap_or(0),
                _ => {
                    self.report(
                        n.at,
                        &o.child("revision"),
                        (
                            "revision は 0 以上の整数にしてください".into(),
                            "revision must be a whole number, 0 or more".into(),
                        ),
                    );
                    0
                }
            },
        };
        let updated = self.instant(&o, "updated");
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
        })
    }
}
