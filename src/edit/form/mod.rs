//! One event's form, by job: `page` (the page and the form's layout),
//! `fields` (each input with its label, hint and the checker's messages,
//! and [`fields::commit`], the one way typing reaches the draft) and `rows`
//! (the programme's and speakers' rows: add, remove, move). Imports run
//! page → rows → fields, never back; every rule is the core's
//! ([`crate::doc::form`], [`crate::doc::draft`]).

mod fields;
mod page;
mod rows;

pub use page::FormPage;
