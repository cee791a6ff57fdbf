//! What `sources.json` means: the other calendars merged into ours (see
//! [`crate::sources`]). Its JSON Schema is `public/sources.schema.json`;
//! [`SOURCE_FIELDS`] and a test keep the two in step.
//!
//! Each source is read on its own, as events are: one with a problem is
//! left out and reported, the others are kept.

use super::json::Node;
use super::scalar::{self, shown};
use super::walk::{Found, Walker};
use crate::model::source::{Format, Source, MAX_ID_CHARS};
use crate::model::Catalog;
use std::collections::HashMap;

const TOP_KEYS: &[&str] = &["$schema", "sources"];
const SOURCE_KEYS: &[&str] = &["id", "name", "url", "format", "color", "project"];

/// The field names of the top object and of a source, kept in step with
/// `public/sources.schema.json` by a test.
pub const SOURCE_FIELDS: &[(&str, &[&str])] = &[("top", TOP_KEYS), ("source", SOURCE_KEYS)];

/// What [`super::load_sources`] found: the valid sources, and every problem.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LoadedSources {
    pub sources: Vec<Source>,
    pub diagnostics: Vec<super::Diagnostic>,
}

impl LoadedSources {
    pub fn is_valid(&self) -> bool {
        self.diagnostics.is_empty()
    }
}

pub fn sources(root: &Node<'_>, catalog: &Catalog) -> (Vec<Source>, Vec<Found>) {
    let mut w = Walker::default();
    let mut out = Vec::new();
    let Some(top) = w.object(root, "", TOP_KEYS) else {
        return (out, w.found);
    };
    let Some(list) = w.array_field(&top, "sources", true) else {
        return (out, w.found);
    };
    let mut ids: HashMap<String, usize> = HashMap::new();
    for (i, node) in list.iter().enumerate() {
        let path = format!("/sources/{i}");
        let before = w.found.len();
        let Some(o) = w.object(node, &path, SOURCE_KEYS) else {
            continue;
        };
        let id = w.parsed(&o, "id", true, |s| {
            scalar::check_id(s)?;
            if s.chars().count() > MAX_ID_CHARS {
                return Err(says!(
                    format!("情報源の id は {MAX_ID_CHARS} 文字以内にしてください"),
                    format!("a source id must be at most {MAX_ID_CHARS} characters"),
                ));
            }
            if catalog.project(s).is_some() {
                return Err(says!(
                    format!(
                        "id「{}」はプロジェクトの id と同じです。別の id に",
                        shown(s)
                    ),
                    format!("id \"{}\" is also a project's id: choose another", shown(s)),
                ));
            }
            Ok(s.to_string())
        });
        let name = w.text(&o, "name", true);
        let url = w.parsed(&o, "url", true, |s| {
            scalar::check_url(s)?;
            if !s.get(..8).unwrap_or("").eq_ignore_ascii_case("https://") {
                return Err(says!(
                    format!("情報源「{}」は https:// で始めてください", shown(s)),
                    format!("source \"{}\" must start with https://", shown(s)),
                ));
            }
            Ok(s.to_string())
        });
        let format = w.parsed(&o, "format", true, |s| {
            Format::parse(s).ok_or_else(|| {
                says!(
                    format!("format「{}」は events-json か ics にしてください", shown(s)),
                    format!("format \"{}\" must be events-json or ics", shown(s)),
                )
            })
        });
        let color = w.checked(&o, "color", true, scalar::check_color);
        let project = w.parsed(&o, "project", false, |s| {
            if catalog.project(s).is_some() {
                Ok(s.to_string())
            } else {
                Err(says!(
                    format!("プロジェクト「{}」は projects にありません", shown(s)),
                    format!("project \"{}\" is not listed in projects", shown(s)),
                ))
            }
        });
        if let Some(id) = &id {
            if let Some(first) = ids.get(id) {
                w.report_field(
                    &o,
                    "id",
                    says!(
                        format!("id「{}」は /sources/{first} と重複しています", shown(id)),
                        format!(
                            "duplicate id \"{}\", already used at /sources/{first}",
                            shown(id)
                        ),
                    ),
                );
            } else {
                ids.insert(id.clone(), i);
            }
        }
        if let (Some(id), Some(name), Some(url), Some(format), Some(color), true) =
            (id, name, url, format, color, w.found.len() == before)
        {
            out.push(Source {
                id,
                name,
                url,
                format,
                color,
                project,
            });
        }
    }
    (out, w.found)
}
