//! A calendar month, `2004-02`: what the month view shows, what the URL's
//! `month=` names, what the toolbar steps through.
//!
//! A [`Month`] always has a month number in 1..=12; its year is any `i32`
//! (the days of years chrono cannot represent are `None`).

use chrono::{Datelike, Months, NaiveDate};
use std::fmt;

/// A year and a month of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    year: i32,
    month: u32,
}

impl Month {
    /// `year`-`month`; `None` when `month` is outside 1..=12.
    pub fn new(year: i32, month: u32) -> Option<Month> {
        (1..=12).contains(&month).then_some(Month { year, month })
    }

    /// The month of `date`.
    pub fn of(date: NaiveDate) -> Month {
        Month {
            year: date.year(),
            month: date.month(),
        }
    }

    pub fn year(self) -> i32 {
        self.year
    }

    /// The month's number, 1 (January) to 12.
    pub fn number(self) -> u32 {
        self.month
    }

    /// The 1st of the month (`None` outside chrono's range of years).
    pub fn first_day(self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year, self.month, 1)
    }

    /// The month's last day.
    pub fn last_day(self) -> Option<NaiveDate> {
        self.first_day()?
            .checked_add_months(Months::new(1))?
            .pred_opt()
    }

    /// Whether `date` is a day of this month.
    pub fn contains(self, date: NaiveDate) -> bool {
        Month::of(date) == self
    }

    /// The month `delta` months away (for the previous / next buttons):
    /// December 2004 plus one is January 2005. Saturates at the ends of
    /// `i32` years.
    ///
    /// # Example
    /// ```
    /// use iguren_calendar::model::month::Month;
    /// let dec = Month::new(2004, 12).unwrap();
    /// assert_eq!(dec.add_months(1), Month::new(2005, 1).unwrap());
    /// ```
    pub fn add_months(self, delta: i32) -> Month {
        let index = i64::from(self.year) * 12 + i64::from(self.month) - 1 + i64::from(delta);
        let year = index
            .div_euclid(12)
            .clamp(i64::from(i32::MIN), i64::from(i32::MAX));
        Month {
            year: year as i32,
            month: index.rem_euclid(12) as u32 + 1,
        }
    }

    /// Reads `YYYY-MM` (a 4-digit year, a 1- or 2-digit month 1..=12), as
    /// the URL's `month=` writes it.
    ///
    /// # Example
    /// ```
    /// use iguren_calendar::model::month::Month;
    /// assert_eq!(Month::parse("2004-02"), Month::new(2004, 2));
    /// assert_eq!(Month::parse("2004-13"), None);
    /// ```
    pub fn parse(s: &str) -> Option<Month> {
        let (y, m) = s.split_once('-')?;
        let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
        if y.len() != 4 || !digits(y) || m.len() > 2 || !digits(m) {
            return None;
        }
        Month::new(y.parse().ok()?, m.parse().ok()?)
    }
}

impl fmt::Display for Month {
    /// `2004-02`, as [`Month::parse`] reads it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(y: i32, n: u32) -> Month {
        Month::new(y, n).unwrap()
    }

    #[test]
    fn only_real_month_numbers() {
        assert_eq!(Month::new(2004, 0), None);
        assert_eq!(Month::new(2004, 13), None);
        assert_eq!(m(2004, 2).year(), 2004);
        assert_eq!(m(2004, 2).number(), 2);
    }

    #[test]
    fn stepping() {
        assert_eq!(m(2004, 12).add_months(1), m(2005, 1));
        assert_eq!(m(2004, 1).add_months(-1), m(2003, 12));
        assert_eq!(m(2004, 2).add_months(0), m(2004, 2));
        assert_eq!(m(2004, 2).add_months(-26), m(2001, 12));
        assert_eq!(m(2004, 2).add_months(23), m(2006, 1));
        assert_eq!(m(i32::MAX, 12).add_months(1), m(i32::MAX, 1));
        assert!(m(2004, 2) < m(2004, 3) && m(2003, 12) < m(2004, 1));
    }

    #[test]
    fn days() {
        let feb = m(2004, 2);
        let day = |d| NaiveDate::from_ymd_opt(2004, 2, d).unwrap();
        assert_eq!(feb.first_day(), Some(day(1)));
        assert_eq!(feb.last_day(), Some(day(29)));
        assert!(feb.contains(day(29)));
        assert!(!feb.contains(day(29).succ_opt().unwrap()));
        assert_eq!(Month::of(day(25)), feb);
        assert_eq!(m(i32::MAX, 1).first_day(), None);
    }

    #[test]
    fn text_both_ways() {
        assert_eq!(m(2004, 2).to_string(), "2004-02");
        assert_eq!(m(99, 12).to_string(), "0099-12");
        assert_eq!(Month::parse("2004-2"), Some(m(2004, 2)));
        assert_eq!(Month::parse("0099-12"), Some(m(99, 12)));
        for bad in [
            "", "2004", "2004-", "04-02", "2004-123", "2004-00", "+004-02", "2004-1a",
        ] {
            assert_eq!(Month::parse(bad), None, "{bad}");
        }
        for month in [m(2004, 2), m(0, 1), m(9999, 12)] {
            assert_eq!(Month::parse(&month.to_string()), Some(month));
        }
    }
}
