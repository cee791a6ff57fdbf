//! The editor's shared state, one `Copy` handle ([`Ed`]) from context:
//! the draft document and what derives from it (its text as saved, the
//! checker's problems, whether it differs from what was last saved), the
//! file it started from (which ids are published, at which revision),
//! what is open, and the language.
//!
//! Every change of an event goes through [`Ed::change`], which also
//! applies [`crate::doc::draft::touch`] (revision, `updated`, `site.updated`).

use crate::doc::draft;
use crate::doc::form;
use crate::doc::write::to_text;
use crate::doc::{Doc, Value};
use crate::load::Diagnostic;
use crate::model::text::{Lang, Text};
use chrono::NaiveDateTime;
use leptos::prelude::*;

/// A document as opened: from a file, or a draft restored.
#[derive(Clone, Debug, PartialEq)]
pub struct Opened {
    pub doc: Doc,
    /// The text of the file the draft started from (its events are the
    /// published ones).
    pub base: String,
    /// The text last saved (downloaded or committed): unsaved changes are
    /// the difference from it.
    pub saved: String,
    /// A message to show first (a restored draft, a file that is not JSON).
    pub notice: Option<(Text, bool)>,
    /// The problems of a file that could not be read as JSON.
    pub broken: Vec<Diagnostic>,
}

impl Opened {
    /// A file's text: its document, or when it is not JSON an empty one
    /// and the file's problems.
    pub fn file(text: &str) -> Opened {
        let (doc, problems) = form::open(text);
        match doc {
            Some(doc) => Opened {
                doc,
                base: text.to_string(),
                saved: text.to_string(),
                notice: None,
                broken: Vec::new(),
            },
            None => Opened {
                doc: super::empty_doc(),
                base: String::new(),
                saved: String::new(),
                notice: Some((
                    Text::fixed(
                        "このファイルは JSON として読めません。下の問題を確かめてください。",
                        "This file cannot be read as JSON; see its problems below.",
                    ),
                    true,
                )),
                broken: problems,
            },
        }
    }

    /// The site's data could not be fetched.
    pub fn failed(message: String) -> Opened {
        Opened {
            doc: super::empty_doc(),
            base: String::new(),
            saved: String::new(),
            notice: Some((
                Text::both(
                    format!(
                        "データを読み込めませんでした（{message}）。ファイルを開いてください。"
                    ),
                    format!("The data could not be loaded ({message}). Open a file instead."),
                ),
                true,
            )),
            broken: Vec::new(),
        }
    }
}

#[derive(Clone, Copy)]
pub struct Ed {
    pub doc: RwSignal<Doc>,
    /// The draft as [`crate::doc::write::to_text`] writes it.
    pub text: Memo<String>,
    /// The checker's problems with the draft ([`form::check`]).
    pub problems: Memo<Vec<Diagnostic>>,
    /// Ids of the events in the file the draft started from, with their
    /// revisions: these are published.
    pub published: RwSignal<Vec<(String, u32)>>,
    pub base: RwSignal<String>,
    pub saved: RwSignal<String>,
    pub dirty: Memo<bool>,
    /// The event whose form is open (its index in `events`).
    pub selected: RwSignal<Option<usize>>,
    /// Counts structural changes (rows added, moved, another event): the
    /// form redraws its inputs from the document when it changes.
    pub epoch: RwSignal<u32>,
    pub notice: RwSignal<Option<(Text, bool)>>,
    pub broken: RwSignal<Vec<Diagnostic>>,
    pub lang: RwSignal<Lang>,
    /// A spreadsheet in the import preview, not merged yet.
    pub sheet: RwSignal<Option<Sheet>>,
}

impl Ed {
    pub fn new(opened: Opened, lang: RwSignal<Lang>) -> Ed {
        let doc = RwSignal::new(opened.doc);
        let text = Memo::new(move |_| doc.with(to_text));
        let problems = Memo::new(move |_| doc.with(form::check));
        let saved = RwSignal::new(opened.saved);
        let dirty = Memo::new(move |_| text.with(|t| saved.with(|s| t != s)));
        Ed {
            doc,
            text,
            problems,
            published: RwSignal::new(published_of(&opened.base)),
            base: RwSignal::new(opened.base),
            saved,
            dirty,
            selected: RwSignal::new(None),
            epoch: RwSignal::new(0),
            notice: RwSignal::new(opened.notice),
            broken: RwSignal::new(opened.broken),
            lang,
            sheet: RwSignal::new(None),
        }
    }

    /// Replaces the whole draft with a file the maintainer opened.
    pub fn replace(self, opened: Opened) {
        self.published.set(published_of(&opened.base));
        self.base.set(opened.base);
        self.saved.set(opened.saved);
        self.broken.set(opened.broken);
        self.notice.set(opened.notice);
        self.selected.set(None);
        self.doc.set(opened.doc);
        self.epoch.update(|n| *n += 1);
    }

    /// A text in the interface language, as a reactive text.
    pub fn tr(self, text: impl Into<Text>) -> impl Fn() -> String + Clone + Send + Sync + 'static {
        let text: Text = text.into();
        let lang = self.lang;
        move || text.get(lang.get()).to_owned()
    }

    /// Shows a message (an alert when `alert`).
    pub fn say(self, ja: impl Into<String>, en: impl Into<String>, alert: bool) {
        self.notice
            .set(Some((Text::both(ja.into(), en.into()), alert)));
    }

    /// The id of the event at `index` (untracked).
    pub fn id_of(self, index: usize) -> String {
        self.doc.with_untracked(|d| {
            d.text(&format!("/events/{index}/id"))
                .unwrap_or("")
                .to_string()
        })
    }

    /// The published revision of an id, when it is published.
    pub fn published_revision(self, id: &str) -> Option<u32> {
        self.published
            .with_untracked(|p| p.iter().find(|(i, _)| i == id).map(|(_, r)| *r))
    }

    pub fn is_published(self, index: usize) -> bool {
        self.published_revision(&self.id_of(index)).is_some()
    }

    /// Changes the event at `index` and marks it changed now.
    pub fn change(self, index: usize, edit: impl FnOnce(&mut Doc)) {
        let published = self.published_revision(&self.id_of(index));
        let now = now_utc();
        self.doc.update(|d| {
            edit(d);
            draft::touch(d, index, published, now);
        });
    }

    /// Opens the form of an event, focusing a field when given.
    pub fn open(self, index: usize, field: Option<String>) {
        self.selected.set(Some(index));
        self.epoch.update(|n| *n += 1);
        let selector = match field {
            Some(f) if !f.is_empty() => format!("[data-testid=\"event-form\"] [name=\"{f}\"]"),
            _ => "#ed-form-title".to_string(),
        };
        request_animation_frame(move || {
            if !crate::ui::browser::focus(&selector) {
                crate::ui::browser::focus("#ed-form-title");
            }
        });
    }

    /// Back to the list, focusing the event's row.
    pub fn close(self) {
        let id = self.selected.get_untracked().map(|i| self.id_of(i));
        self.selected.set(None);
        request_animation_frame(move || {
            let shown = id.is_some_and(|id| {
                crate::ui::browser::focus(&format!(
                    "[data-testid=\"editor-list\"] [data-event-id=\"{id}\"]"
                ))
            });
            if !shown {
                crate::ui::browser::focus("[data-testid=\"new-event\"]");
            }
        });
    }

    /// How many events the draft has.
    pub fn event_count(self) -> usize {
        self.doc.with_untracked(|d| match d.get("/events") {
            Some(Value::Array { items, .. }) => items.len(),
            _ => 0,
        })
    }
}

/// The handle, from context.
pub fn use_ed() -> Ed {
    expect_context::<Ed>()
}

/// The ids and revisions of a file's events.
fn published_of(text: &str) -> Vec<(String, u32)> {
    let Ok(doc) = Doc::parse(text) else {
        return Vec::new();
    };
    let Some(Value::Array { items, .. }) = doc.get("/events") else {
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|e| {
            let id = e.get("id")?.as_str()?.to_string();
            let revision = match e.get("revision") {
                Some(Value::Number(n)) => n
                    .split('.')
                    .next()
                    .and_then(|w| w.parse().ok())
                    .unwrap_or(0),
                _ => 0,
            };
            Some((id, revision))
        })
        .collect()
}

/// Now, in UTC (the editor's one reading of the clock).
pub fn now_utc() -> NaiveDateTime {
    chrono::DateTime::from_timestamp_millis(js_sys::Date::now() as i64)
        .map(|t| t.naive_utc())
        .unwrap_or_default()
}

/// A spreadsheet waiting in the preview.
#[derive(Clone, Debug)]
pub struct Sheet {
    pub name: String,
    pub text: String,
    pub options: crate::csv::Options,
}
