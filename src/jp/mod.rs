//! Japanese calendar conventions, in two parts: `holiday` (national
//! holidays, 祝日, and the red and blue of Sundays, holidays and
//! Saturdays) and `format` (和暦 era years, weekday names, and the date and
//! time formats the interface shows, in Japanese and in English). Both are
//! re-exported here: `jp::holiday`, `jp::format_day`. And `tokyo`: UTC+9,
//! "today in Tokyo" of an instant, and the build's `SOURCE_DATE_EPOCH`.

mod format;
mod holiday;
pub mod tokyo;

pub use format::*;
pub use holiday::*;
