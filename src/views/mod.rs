//! What the member page shows, computed without HTML or a browser: the
//! month grid ([`grid`]: rows, multi-day bars, "+N", keyboard moves, the
//! day listed by default), the list ([`agenda`]), project filters and
//! search ([`filter`]), the view state in the URL query ([`route`]), the
//! words built from data ([`label`]), an event's facts for its detail,
//! share page and FAX sheet ([`facts`]), the links that are not iCalendar
//! ([`links`]: Google, Outlook, `webcal://`, `tel:`, maps), sign-up
//! ([`signup`]: deadline, prefilled e-mail) and percent-encoding
//! ([`percent`], once). The page renders these; the build's pre-rendered
//! view renders the same.

pub mod agenda;
pub mod facts;
pub mod filter;
pub mod grid;
pub mod label;
pub mod links;
pub mod percent;
pub mod route;
pub mod signup;
