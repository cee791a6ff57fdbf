//! What the member page shows, computed without HTML or a browser: the
//! month grid ([`grid`]: rows, multi-day bars, "+N", keyboard moves, the
//! day listed by default), the list ([`agenda`]), project filters and
//! search ([`filter`]), the view state in the URL query ([`route`]), the
//! words built from data ([`label`]), the events by month ([`months`]:
//! which month files the build writes, their index; [`search_index`]: the
//! search index file the page reads at its first search), the grid's classes ([`looks`]), an
//! event's facts for its detail, share page and FAX sheet ([`facts`]), the
//! links that are not iCalendar
//! ([`links`]: Google, Outlook, `webcal://`, `tel:`, maps), sign-up
//! ([`signup`]: open or closed, which ways, the main one, the prefilled
//! e-mail) and percent-encoding
//! ([`percent`], once). The page renders these; the build's pre-rendered
//! view renders the same.

pub mod agenda;
pub mod facts;
pub mod filter;
pub mod grid;
pub mod label;
pub mod links;
pub mod looks;
pub mod months;
pub mod percent;
pub mod route;
pub mod search_index;
pub mod signup;
