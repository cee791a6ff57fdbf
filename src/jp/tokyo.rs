//! Tokyo's time, in one place: UTC+9 all year (Japan has had no daylight
//! saving time since 1951), the day and the minute in Tokyo of an instant,
//! and the build's "now" from `SOURCE_DATE_EPOCH`.
//!
//! Nothing here reads a clock: the edges do (the page through
//! `js_sys::Date`, the maintainer tool through `SOURCE_DATE_EPOCH` or the
//! system clock) and pass the instant in, as seconds since the Unix epoch.

use crate::model::text::Text;
use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, TimeDelta, Timelike};

/// Tokyo's offset from UTC, in seconds.
pub const OFFSET_SECONDS: i64 = 9 * 3600;

/// The instant `secs` seconds after the Unix epoch, in UTC; the epoch
/// itself for an instant chrono cannot hold.
pub fn utc(secs: i64) -> NaiveDateTime {
    DateTime::from_timestamp(secs, 0)
        .map(|t| t.naive_utc())
        .unwrap_or_default()
}

/// A UTC instant as Tokyo's wall-clock time.
pub fn from_utc(utc: NaiveDateTime) -> NaiveDateTime {
    utc + TimeDelta::seconds(OFFSET_SECONDS)
}

/// Tokyo's wall-clock time as a UTC instant.
pub fn to_utc(local: NaiveDateTime) -> NaiveDateTime {
    local - TimeDelta::seconds(OFFSET_SECONDS)
}

/// Tokyo's wall-clock time with its offset, as RFC 3339 and the data's
/// `updated` write it: `2004-02-25T18:00:00+09:00`.
///
/// Written by hand, not with chrono's `format`: its pattern parser would
/// add about 13 kB (gzip) to the member page's WebAssembly.
pub fn with_offset(local: NaiveDateTime) -> String {
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}+09:00",
        local.year(),
        local.month(),
        local.day(),
        local.hour(),
        local.minute(),
        local.second()
    )
}

/// The wall-clock time in Tokyo at `secs` seconds after the Unix epoch.
///
/// # Example
/// ```
/// use iguren_calendar::jp::tokyo;
/// // 2026-11-30 15:00 UTC is already 1 December in Tokyo.
/// let t = tokyo::local(1_796_050_800);
/// assert_eq!(t.to_string(), "2026-12-01 00:00:00");
/// ```
pub fn local(secs: i64) -> NaiveDateTime {
    from_utc(utc(secs))
}

/// The day in Tokyo at `secs` seconds after the Unix epoch.
pub fn today(secs: i64) -> NaiveDate {
    local(secs).date()
}

/// Reads `SOURCE_DATE_EPOCH` (the reproducible-builds convention: a
/// decimal count of seconds since 1970-01-01 00:00 UTC) as the build's
/// "now".
///
/// # Errors
/// A value that is not a whole number of seconds chrono can hold (empty,
/// signed, with a fraction or letters, or out of range) is refused with a
/// message that names it: the convention asks a build to stop rather than
/// fall back to the clock on a malformed value.
pub fn source_date_epoch(value: &str) -> Result<i64, Text> {
    let value = value.trim();
    let secs = if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        value.parse::<i64>().ok()
    } else {
        None
    };
    match secs.filter(|&s| DateTime::from_timestamp(s, 0).is_some()) {
        Some(s) => Ok(s),
        None => {
            // One line, whatever the variable holds.
            let shown = value.escape_debug();
            Err(Text::both(
                format!(
                    "SOURCE_DATE_EPOCH「{shown}」は 1970年1月1日 (UTC) からの秒数（0 以上の整数）ではありません"
                ),
                format!(
                    "SOURCE_DATE_EPOCH \"{shown}\" is not a whole number of seconds since 1970-01-01 UTC"
                ),
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::text::Lang;

    #[test]
    fn the_day_changes_at_midnight_in_tokyo_not_in_utc() {
        // 2026-12-01 00:00 in Tokyo is 2026-11-30 15:00 UTC.
        let midnight = 1_796_050_800;
        assert_eq!(today(midnight - 1).to_string(), "2026-11-30");
        assert_eq!(today(midnight).to_string(), "2026-12-01");
        assert_eq!(utc(midnight).to_string(), "2026-11-30 15:00:00");
        assert_eq!(local(midnight + 9 * 60).to_string(), "2026-12-01 00:09:00");
        assert_eq!(to_utc(from_utc(utc(midnight))), utc(midnight));
        assert_eq!(with_offset(local(midnight)), "2026-12-01T00:00:00+09:00");
    }

    #[test]
    fn source_date_epoch_takes_whole_seconds_only() {
        assert_eq!(source_date_epoch("1796094000"), Ok(1_796_094_000));
        assert_eq!(source_date_epoch(" 0\n"), Ok(0));
        for bad in ["", "-1", "+5", "1.5", "1e9", "now", "99999999999999999999"] {
            let e = source_date_epoch(bad).expect_err(bad);
            assert!(e.ja.contains("SOURCE_DATE_EPOCH"), "{bad}: {}", e.ja);
            assert!(e.get(Lang::En).contains("whole number of seconds"), "{bad}");
        }
        // Far beyond chrono's range: refused, not wrapped.
        assert!(source_date_epoch(&i64::MAX.to_string()).is_err());
    }

    #[test]
    fn an_instant_chrono_cannot_hold_is_the_epoch_not_a_panic() {
        assert_eq!(utc(i64::MAX).to_string(), "1970-01-01 00:00:00");
        assert_eq!(today(i64::MAX).to_string(), "1970-01-01");
    }
}
