//! The editor's shared state, one `Copy` handle ([`Ed`]) from context:
//! the draft document and what derives from it (its text as saved, the
//! checker's problems, whether it differs from what was last sent out),
//! what the device keeps beside it ([`crate::doc::sync::Kept`]: the file
//! it started from and its GitHub `sha`, what was last sent, whether a
//! send waits for the site; hence which ids are published, at which
//! revision), what is open, the publishing step on screen, and the
//! language.
//!
//! Every change of an event goes through [`Ed::change`], which also
//! applies [`crate::doc::draft::touch`] (revision, `updated`, `site.updated`);
//! every send (download, copy, commit) through [`Ed::keep`].
//!
//! A note on signal types: the editor is compiled into the library the
//! member page also links, and a signal of a type the member page uses
//! too (such as `Option<String>`) changes how the compiler inlines the
//! member page's own code (two `RwSignal<Option<String>>` fields here made
//! its WebAssembly 138 bytes larger). So the editor's signals hold types
//! of its own ([`Beside`], [`Live`], [`Step`]) or ones it already used
//! (`String`, `bool`).

use crate::doc::commit::Choice;
use crate::doc::draft;
use crate::doc::form;
use crate::doc::sync::{self, Kept};
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
    /// The text last saved (downloaded, copied or committed): unsaved
    /// changes are the difference from it.
    pub saved: String,
    /// GitHub's blob `sha` of `base`, when known.
    pub sha: Option<String>,
    /// While a send waits for the site: the file the site showed before.
    pub before: Option<String>,
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
                sha: None,
                before: None,
                notice: None,
                broken: Vec::new(),
            },
            None => Opened {
                doc: super::empty_doc(),
                base: String::new(),
                saved: String::new(),
                sha: None,
                before: None,
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

    /// What the device kept, opened again; `None` when its draft is not
    /// JSON.
    pub fn restored(kept: Kept) -> Option<Opened> {
        let doc = Doc::parse(&kept.draft).ok()?;
        let notice = kept.unsent().then(|| {
            (
                Text::fixed(
                    "前回の下書きを復元しました。保存するまで、下書きはこのブラウザに残ります。",
                    "Your previous draft was restored. It stays in this browser until you save it.",
                ),
                false,
            )
        });
        Some(Opened {
            doc,
            base: kept.base,
            saved: kept.saved,
            sha: kept.sha,
            before: kept.before,
            notice,
            broken: Vec::new(),
        })
    }

    /// The site's data could not be fetched.
    pub fn failed(message: String) -> Opened {
        Opened {
            doc: super::empty_doc(),
            base: String::new(),
            saved: String::new(),
            sha: None,
            before: None,
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

/// What the device keeps beside the texts of the draft, the file it
/// started from and what was last sent.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Beside {
    /// GitHub's blob `sha` of the file the draft started from, when known.
    pub sha: Option<String>,
    /// While a send waits for the site: the file the site showed before.
    pub before: Option<String>,
}

/// What the publishing part of the page shows, above its buttons.
#[derive(Clone, Debug, Default)]
pub enum Step {
    #[default]
    None,
    /// The change review (変更点) before a send.
    Review(Out),
    /// GitHub has a newer file and both changed the same fields: choose.
    Conflicts(Box<Asked>),
    /// The copy to the clipboard failed: the text to select by hand.
    CopyByHand(String),
}

/// Conflicts on screen: the merge to settle, the repository, and the
/// draft the commit was made from.
#[derive(Clone, Debug)]
pub struct Asked {
    pub choice: Choice,
    pub repo: String,
    pub draft: String,
}

/// Where a send goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Out {
    Download,
    Copy,
    Commit,
}

/// What the site shows of what this device sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Live {
    /// Nothing sent is waiting (or the site was not asked yet).
    Quiet,
    /// 公開待ち: the site still shows an older version.
    Waiting,
    /// It caught up just now.
    CaughtUp,
}

#[derive(Clone, Copy)]
pub struct Ed {
    pub doc: RwSignal<Doc>,
    /// The draft as [`crate::doc::write::to_text`] writes it.
    pub text: Memo<String>,
    /// The checker's problems with the draft ([`form::check`]).
    pub problems: Memo<Vec<Diagnostic>>,
    /// Ids of the published events with their revisions
    /// ([`Kept::published`]: what was sent, and the file opened).
    pub published: Memo<Vec<(String, u32)>>,
    /// The file the draft started from.
    pub base: RwSignal<String>,
    /// What was last sent out (or the file opened).
    pub saved: RwSignal<String>,
    pub beside: RwSignal<Beside>,
    pub live: RwSignal<Live>,
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
    pub step: RwSignal<Step>,
    /// A request to GitHub is under way.
    pub busy: RwSignal<bool>,
    /// The repository the maintainer typed once on this device (empty:
    /// none).
    pub repo_typed: RwSignal<String>,
}

impl Ed {
    pub fn new(opened: Opened, lang: RwSignal<Lang>) -> Ed {
        let doc = RwSignal::new(opened.doc);
        let text = Memo::new(move |_| doc.with(to_text));
        let problems = Memo::new(move |_| doc.with(form::check));
        let saved = RwSignal::new(opened.saved);
        let base = RwSignal::new(opened.base);
        let published = Memo::new(move |_| saved.with(|s| base.with(|b| sync::published(s, b))));
        let dirty = Memo::new(move |_| text.with(|t| saved.with(|s| t != s)));
        let waiting = opened.before.is_some();
        Ed {
            doc,
            text,
            problems,
            published,
            base,
            saved,
            beside: RwSignal::new(Beside {
                sha: opened.sha,
                before: opened.before,
            }),
            live: RwSignal::new(if waiting { Live::Waiting } else { Live::Quiet }),
            dirty,
            selected: RwSignal::new(None),
            epoch: RwSignal::new(0),
            notice: RwSignal::new(opened.notice),
            broken: RwSignal::new(opened.broken),
            lang,
            sheet: RwSignal::new(None),
            step: RwSignal::new(Step::None),
            busy: RwSignal::new(false),
            repo_typed: RwSignal::new(String::new()),
        }
    }

    /// Replaces the whole draft with a file the maintainer opened.
    pub fn replace(self, opened: Opened) {
        self.base.set(opened.base);
        self.saved.set(opened.saved);
        self.set_beside(Beside {
            sha: opened.sha,
            before: opened.before,
        });
        self.broken.set(opened.broken);
        self.notice.set(opened.notice);
        self.selected.set(None);
        self.step.set(Step::None);
        self.doc.set(opened.doc);
        self.epoch.update(|n| *n += 1);
    }

    /// What the device keeps, now (untracked).
    pub fn kept(self) -> Kept {
        Kept {
            draft: self.text.get_untracked(),
            base: self.base.get_untracked(),
            sha: self.beside.with_untracked(|b| b.sha.clone()),
            saved: self.saved.get_untracked(),
            before: self.beside.with_untracked(|b| b.before.clone()),
        }
    }

    /// Takes `kept` as the device's state after a send: the draft becomes
    /// its text (redrawn when it differs), and the send waits for the site.
    pub fn keep(self, kept: Kept) {
        if kept.draft != self.text.get_untracked() {
            if let Ok(doc) = Doc::parse(&kept.draft) {
                self.doc.set(doc);
                self.epoch.update(|n| *n += 1);
            }
        }
        self.base.set(kept.base);
        self.saved.set(kept.saved);
        self.set_beside(Beside {
            sha: kept.sha,
            before: kept.before,
        });
    }

    /// Sets what the device keeps beside the texts; 「公開待ち」 while a
    /// send waits.
    fn set_beside(self, beside: Beside) {
        self.live.set(if beside.before.is_some() {
            Live::Waiting
        } else {
            Live::Quiet
        });
        self.beside.set(beside);
    }

    /// Whether a send waits for the site (untracked).
    pub fn waiting(self) -> bool {
        self.beside.with_untracked(|b| b.before.is_some())
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
