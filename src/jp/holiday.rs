//! National holidays (祝日) and how a day is coloured.
//!
//! Holidays follow 国民の祝日に関する法律 (in force since 1948-07-20) with
//! every amendment from the day it took effect: the Happy Monday moves of
//! 2000 and 2003, the renamings of 4/29 and 5/4, 山の日 (2016), the Emperor's
//! birthday of each reign, the Olympic moves of 2020 and 2021, the one-off
//! holidays of imperial ceremonies, 振替休日 (1973 and 2007 rules) and
//! 国民の休日 (from 1985-12-27). The equinox days use the standard
//! approximation formula, which matches every date the National Astronomical
//! Observatory has announced; later years are a forecast, as they are for
//! everybody. Dates outside 1948-07-20..=2099-12-31 have no holidays.
//! Nothing is tabulated beyond names: a lookup is a handful of comparisons.

use crate::model::text::Text;
use chrono::{Datelike, NaiveDate, Weekday};

/// Builds a holiday's name (a `static`, so [`holiday`] hands out
/// `&'static` names without copying).
const fn hol(ja: &'static str, en: &'static str) -> Text {
    Text::fixed(ja, en)
}

static NEW_YEAR: Text = hol("元日", "New Year's Day");
static COMING_OF_AGE: Text = hol("成人の日", "Coming of Age Day");
static FOUNDATION: Text = hol("建国記念の日", "National Foundation Day");
static EMPEROR: Text = hol("天皇誕生日", "The Emperor's Birthday");
static VERNAL: Text = hol("春分の日", "Vernal Equinox Day");
static SHOWA: Text = hol("昭和の日", "Shōwa Day");
static GREENERY: Text = hol("みどりの日", "Greenery Day");
static CONSTITUTION: Text = hol("憲法記念日", "Constitution Memorial Day");
static CHILDREN: Text = hol("こどもの日", "Children's Day");
static MARINE: Text = hol("海の日", "Marine Day");
static MOUNTAIN: Text = hol("山の日", "Mountain Day");
static AGED: Text = hol("敬老の日", "Respect for the Aged Day");
static AUTUMNAL: Text = hol("秋分の日", "Autumnal Equinox Day");
static HEALTH_SPORTS: Text = hol("体育の日", "Health and Sports Day");
static SPORTS: Text = hol("スポーツの日", "Sports Day");
static CULTURE: Text = hol("文化の日", "Culture Day");
static LABOUR: Text = hol("勤労感謝の日", "Labour Thanksgiving Day");
static SUBSTITUTE: Text = hol("振替休日", "Substitute Holiday");
static CITIZENS: Text = hol("国民の休日", "Citizens' Holiday");
static WEDDING_1959: Text = hol(
    "皇太子明仁親王の結婚の儀",
    "Wedding of Crown Prince Akihito",
);
static FUNERAL_1989: Text = hol("昭和天皇の大喪の礼", "State Funeral of Emperor Shōwa");
static ENTHRONEMENT: Text = hol("即位礼正殿の儀", "Enthronement Ceremony");
static WEDDING_1993: Text = hol(
    "皇太子徳仁親王の結婚の儀",
    "Wedding of Crown Prince Naruhito",
);
static ACCESSION_2019: Text = hol("天皇の即位の日", "Emperor's Accession Day");

/// The Holidays Act took effect on this day.
fn law_start() -> NaiveDate {
    NaiveDate::from_ymd_opt(1948, 7, 20).expect("valid date")
}

const LAST_YEAR: i32 = 2099;

/// The day of March (vernal) or September (autumnal) of the equinox, by the
/// usual formula, in exact integer arithmetic (millionths of a day).
fn equinox_day(year: i32, autumn: bool) -> u32 {
    let y = i64::from(year) - 1980;
    let (base, leaps) = match (year >= 1980, autumn) {
        (true, false) => (20_843_100, y / 4),
        (true, true) => (23_248_800, y / 4),
        // The formula truncates towards zero (not down) before 1980.
        (false, false) => (20_835_700, (y - 3) / 4),
        (false, true) => (23_258_800, (y - 3) / 4),
    };
    (base + 242_194 * y - 1_000_000 * leaps).div_euclid(1_000_000) as u32
}

/// A "national holiday" proper (国民の祝日, including the one-off days the
/// special laws treat as such), without substitute and citizens' holidays.
fn national(date: NaiveDate) -> Option<&'static Text> {
    if date < law_start() || date.year() > LAST_YEAR {
        return None;
    }
    let (y, m, d) = (date.year(), date.month(), date.day());
    // Which Monday of the month this is (1-based), or 0 when not a Monday.
    let monday = if date.weekday() == Weekday::Mon {
        d.div_ceil(7)
    } else {
        0
    };
    match m {
        1 if d == 1 => Some(&NEW_YEAR),
        1 if (y <= 1999 && d == 15) || (y >= 2000 && monday == 2) => Some(&COMING_OF_AGE),
        2 if d == 11 && y >= 1967 => Some(&FOUNDATION),
        2 if d == 23 && y >= 2020 => Some(&EMPEROR),
        2 if d == 24 && y == 1989 => Some(&FUNERAL_1989),
        3 if d == equinox_day(y, false) => Some(&VERNAL),
        4 if d == 10 && y == 1959 => Some(&WEDDING_1959),
        4 if d == 29 => Some(match y {
            ..=1988 => &EMPEROR,
            1989..=2006 => &GREENERY,
            _ => &SHOWA,
        }),
        5 if d == 1 && y == 2019 => Some(&ACCESSION_2019),
        5 if d == 3 => Some(&CONSTITUTION),
        5 if d == 4 && y >= 2007 => Some(&GREENERY),
        5 if d == 5 => Some(&CHILDREN),
        6 if d == 9 && y == 1993 => Some(&WEDDING_1993),
        7 => match y {
            2020 if d == 23 => Some(&MARINE),
            2020 if d == 24 => Some(&SPORTS),
            2021 if d == 22 => Some(&MARINE),
            2021 if d == 23 => Some(&SPORTS),
            2020 | 2021 => None,
            1996..=2002 if d == 20 => Some(&MARINE),
            2003.. if monday == 3 => Some(&MARINE),
            _ => None,
        },
        8 => match y {
            2020 if d == 10 => Some(&MOUNTAIN),
            2021 if d == 8 => Some(&MOUNTAIN),
            2020 | 2021 => None,
            2016.. if d == 11 => Some(&MOUNTAIN),
            _ => None,
        },
        9 if (1966..=2002).contains(&y) && d == 15 => Some(&AGED),
        9 if y >= 2003 && monday == 3 => Some(&AGED),
        9 if d == equinox_day(y, true) => Some(&AUTUMNAL),
        10 => match y {
            1966..=1999 if d == 10 => Some(&HEALTH_SPORTS),
            2019 if d == 22 => Some(&ENTHRONEMENT),
            2000..=2019 if monday == 2 => Some(&HEALTH_SPORTS),
            2022.. if monday == 2 => Some(&SPORTS),
            _ => None,
        },
        11 if d == 3 => Some(&CULTURE),
        11 if d == 12 && y == 1990 => Some(&ENTHRONEMENT),
        11 if d == 23 => Some(&LABOUR),
        12 if d == 23 && (1989..=2018).contains(&y) => Some(&EMPEROR),
        _ => None,
    }
}

fn is_national(date: Option<NaiveDate>) -> bool {
    date.and_then(national).is_some()
}

/// The public holiday on `date`, if any: a national holiday, a substitute
/// holiday (振替休日) or a citizens' holiday (国民の休日).
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use iguren_calendar::jp::holiday;
/// use iguren_calendar::model::text::Lang;
/// let day = |m, d| NaiveDate::from_ymd_opt(2004, m, d).unwrap();
/// assert_eq!(holiday(day(5, 4)).map(|h| h.get(Lang::Ja)), Some("国民の休日"));
/// assert_eq!(holiday(day(9, 23)).map(|h| h.get(Lang::En)), Some("Autumnal Equinox Day"));
/// assert_eq!(holiday(day(2, 25)), None);
/// ```
pub fn holiday(date: NaiveDate) -> Option<&'static Text> {
    if let Some(h) = national(date) {
        return Some(h);
    }
    if date < law_start() || date.year() > LAST_YEAR {
        return None;
    }
    // 振替休日. From 1973-04-12: the Monday after a holiday on Sunday. From
    // 2007: the first non-holiday after a holiday on Sunday, so walk back
    // over the run of holidays just before this day, looking for a Sunday.
    if date.year() >= 2007 {
        let mut d = date.pred_opt();
        while let Some(day) = d.filter(|&day| national(day).is_some()) {
            if day.weekday() == Weekday::Sun {
                return Some(&SUBSTITUTE);
            }
            d = day.pred_opt();
        }
    } else if date >= NaiveDate::from_ymd_opt(1973, 4, 12).expect("valid date")
        && date.weekday() == Weekday::Mon
        && is_national(date.pred_opt())
    {
        return Some(&SUBSTITUTE);
    }
    // 国民の休日: a day between two national holidays. Until 2006 a Sunday
    // did not count (it was a day off anyway).
    if date >= NaiveDate::from_ymd_opt(1985, 12, 27).expect("valid date")
        && (date.year() >= 2007 || date.weekday() != Weekday::Sun)
        && is_national(date.pred_opt())
        && is_national(date.succ_opt())
    {
        return Some(&CITIZENS);
    }
    None
}

/// How a day is coloured: Sundays and holidays red, Saturdays blue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayKind {
    Weekday,
    Saturday,
    Sunday,
    /// A public holiday, whatever the weekday.
    Holiday,
}

impl DayKind {
    /// Drawn in red: Sundays and holidays.
    pub fn is_red(self) -> bool {
        matches!(self, DayKind::Sunday | DayKind::Holiday)
    }

    /// Drawn in blue: Saturdays that are not holidays.
    pub fn is_blue(self) -> bool {
        self == DayKind::Saturday
    }
}

/// The colouring class of `date` (a holiday wins over the weekday).
pub fn day_kind(date: NaiveDate) -> DayKind {
    if holiday(date).is_some() {
        return DayKind::Holiday;
    }
    match date.weekday() {
        Weekday::Sat => DayKind::Saturday,
        Weekday::Sun => DayKind::Sunday,
        _ => DayKind::Weekday,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::text::Lang;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn ja(y: i32, m: u32, d: u32) -> Option<&'static str> {
        holiday(ymd(y, m, d)).map(|h| h.get(Lang::Ja))
    }

    /// Every holiday of a year, as `(month, day, name)`.
    fn year_list(y: i32) -> Vec<(u32, u32, &'static str)> {
        ymd(y, 1, 1)
            .iter_days()
            .take_while(|d| d.year() == y)
            .filter_map(|d| holiday(d).map(|h| (d.month(), d.day(), h.get(Lang::Ja))))
            .collect()
    }

    #[test]
    fn holidays_of_2004_exactly() {
        assert_eq!(
            year_list(2004),
            vec![
                (1, 1, "元日"),
                (1, 12, "成人の日"),
                (2, 11, "建国記念の日"),
                (3, 20, "春分の日"),
                (4, 29, "みどりの日"),
                (5, 3, "憲法記念日"),
                (5, 4, "国民の休日"),
                (5, 5, "こどもの日"),
                (7, 19, "海の日"),
                (9, 20, "敬老の日"),
                (9, 23, "秋分の日"),
                (10, 11, "体育の日"),
                (11, 3, "文化の日"),
                (11, 23, "勤労感謝の日"),
                (12, 23, "天皇誕生日"),
            ]
        );
        assert_eq!(
            holiday(ymd(2004, 10, 11)).unwrap().get(Lang::En),
            "Health and Sports Day"
        );
    }

    #[test]
    fn holidays_of_2019_to_2021_special_cases() {
        assert_eq!(
            year_list(2019)[3..12],
            [
                (3, 21, "春分の日"),
                (4, 29, "昭和の日"),
                (4, 30, "国民の休日"),
                (5, 1, "天皇の即位の日"),
                (5, 2, "国民の休日"),
                (5, 3, "憲法記念日"),
                (5, 4, "みどりの日"),
                (5, 5, "こどもの日"),
                (5, 6, "振替休日"),
            ]
        );
        assert_eq!(ja(2019, 10, 22), Some("即位礼正殿の儀"));
        assert_eq!(ja(2019, 12, 23), None, "no Emperor's birthday in 2019");
        assert_eq!(ja(2019, 2, 23), None);
        // Olympic year moves.
        assert_eq!(ja(2020, 7, 23), Some("海の日"));
        assert_eq!(ja(2020, 7, 24), Some("スポーツの日"));
        assert_eq!(ja(2020, 8, 10), Some("山の日"));
        assert_eq!(ja(2020, 7, 20), None);
        assert_eq!(ja(2020, 8, 11), None);
        assert_eq!(ja(2020, 10, 12), None);
        assert_eq!(ja(2020, 2, 23), Some("天皇誕生日"));
        assert_eq!(ja(2020, 2, 24), Some("振替休日"));
        assert_eq!(ja(2021, 7, 22), Some("海の日"));
        assert_eq!(ja(2021, 7, 23), Some("スポーツの日"));
        assert_eq!(ja(2021, 8, 8), Some("山の日"));
        assert_eq!(ja(2021, 8, 9), Some("振替休日"));
        assert_eq!(ja(2021, 7, 19), None);
        assert_eq!(ja(2021, 10, 11), None);
        assert_eq!(ja(2022, 10, 10), Some("スポーツの日"));
    }

    #[test]
    fn recent_and_coming_years() {
        assert_eq!(ja(2025, 2, 24), Some("振替休日"));
        assert_eq!(ja(2026, 9, 22), Some("国民の休日"));
        assert_eq!(ja(2026, 9, 21), Some("敬老の日"));
        assert_eq!(ja(2026, 9, 23), Some("秋分の日"));
        assert_eq!(ja(2015, 9, 22), Some("国民の休日"));
        assert_eq!(ja(2009, 9, 22), Some("国民の休日"));
        assert_eq!(ja(2024, 5, 6), Some("振替休日"));
        assert_eq!(ja(2024, 8, 12), Some("振替休日"));
        assert_eq!(ja(2024, 9, 22), Some("秋分の日"));
        assert_eq!(ja(2024, 9, 23), Some("振替休日"));
        assert_eq!(ja(2025, 3, 20), Some("春分の日"));
        assert_eq!(ja(2023, 3, 21), Some("春分の日"));
        assert_eq!(ja(2016, 8, 11), Some("山の日"));
        assert_eq!(ja(2015, 8, 11), None);
        // 2008: 5/4 (Sunday) is a holiday, so the substitute moves to 5/6.
        assert_eq!(ja(2008, 5, 6), Some("振替休日"));
        // 2009: 5/3 Sunday; 5/4, 5/5 holidays; substitute on Wednesday 5/6.
        assert_eq!(ja(2009, 5, 6), Some("振替休日"));
        assert_eq!(
            holiday(ymd(2026, 9, 22)).unwrap().get(Lang::En),
            "Citizens' Holiday"
        );
    }

    #[test]
    fn older_rules() {
        // Before the Act took effect, nothing; 秋分の日 1948 is the first.
        assert_eq!(ja(1948, 1, 1), None);
        assert_eq!(ja(1948, 5, 3), None);
        assert_eq!(ja(1948, 9, 23), Some("秋分の日"));
        assert_eq!(ja(1949, 1, 1), Some("元日"));
        assert_eq!(ja(1949, 1, 15), Some("成人の日"));
        assert_eq!(ja(1999, 1, 15), Some("成人の日"));
        assert_eq!(ja(2000, 1, 10), Some("成人の日"));
        assert_eq!(ja(2000, 1, 15), None);
        assert_eq!(ja(1966, 2, 11), None);
        assert_eq!(ja(1967, 2, 11), Some("建国記念の日"));
        assert_eq!(ja(1965, 9, 15), None);
        assert_eq!(ja(1966, 9, 15), Some("敬老の日"));
        assert_eq!(ja(1966, 10, 10), Some("体育の日"));
        assert_eq!(ja(1988, 4, 29), Some("天皇誕生日"));
        assert_eq!(ja(1989, 4, 29), Some("みどりの日"));
        assert_eq!(ja(2007, 4, 29), Some("昭和の日"));
        assert_eq!(ja(2006, 5, 4), Some("国民の休日"));
        assert_eq!(ja(2007, 5, 4), Some("みどりの日"));
        assert_eq!(ja(1995, 7, 20), None);
        assert_eq!(ja(1996, 7, 20), Some("海の日"));
        assert_eq!(ja(2003, 7, 21), Some("海の日"));
        assert_eq!(ja(2002, 9, 15), Some("敬老の日"));
        assert_eq!(ja(2003, 9, 15), Some("敬老の日"));
        assert_eq!(ja(2003, 9, 16), None);
        assert_eq!(ja(1989, 12, 23), Some("天皇誕生日"));
        assert_eq!(ja(2018, 12, 24), Some("振替休日"));
        // One-off days.
        assert_eq!(ja(1959, 4, 10), Some("皇太子明仁親王の結婚の儀"));
        assert_eq!(ja(1989, 2, 24), Some("昭和天皇の大喪の礼"));
        assert_eq!(ja(1990, 11, 12), Some("即位礼正殿の儀"));
        assert_eq!(ja(1993, 6, 9), Some("皇太子徳仁親王の結婚の儀"));
        // Substitute holidays start on 1973-04-12 (4/29 was a Sunday).
        assert_eq!(ja(1973, 4, 30), Some("振替休日"));
        assert_eq!(ja(1972, 1, 16), None);
        assert_eq!(ja(1972, 1, 15), Some("成人の日"));
        // Citizens' holiday from 1985-12-27; 1988 is the first 5/4 on a weekday.
        assert_eq!(ja(1985, 5, 4), None);
        assert_eq!(ja(1987, 5, 4), Some("振替休日"));
        assert_eq!(ja(1988, 5, 4), Some("国民の休日"));
        // Before 2007 a Sunday sandwiched between holidays was no holiday.
        assert_eq!(ja(1997, 5, 4), None);
        // Equinoxes under the pre-1980 formula.
        assert_eq!(ja(1979, 3, 21), Some("春分の日"));
        assert_eq!(ja(1960, 3, 20), Some("春分の日"));
        assert_eq!(ja(1960, 9, 23), Some("秋分の日"));
    }

    #[test]
    fn range_limits_do_not_panic() {
        assert_eq!(ja(2099, 1, 1), Some("元日"));
        assert_eq!(ja(2100, 1, 1), None);
        assert_eq!(holiday(NaiveDate::MIN), None);
        assert_eq!(holiday(NaiveDate::MAX), None);
        assert_eq!(ja(1900, 1, 1), None);
    }

    #[test]
    fn every_year_has_its_count() {
        // Sanity over the whole range: each year from 1949 has 9 to 22 days.
        for y in 1949..=2099 {
            let n = year_list(y).len();
            assert!((9..=22).contains(&n), "{y}: {n} holidays");
        }
        assert_eq!(year_list(2004).len(), 15);
        assert_eq!(year_list(2019).len(), 22);
        assert_eq!(year_list(2025).len(), 19);
    }

    #[test]
    fn day_kinds() {
        assert_eq!(day_kind(ymd(2004, 2, 25)), DayKind::Weekday);
        assert_eq!(day_kind(ymd(2004, 2, 28)), DayKind::Saturday);
        assert_eq!(day_kind(ymd(2004, 2, 29)), DayKind::Sunday);
        assert_eq!(day_kind(ymd(2004, 2, 11)), DayKind::Holiday);
        assert_eq!(day_kind(ymd(2004, 1, 1)), DayKind::Holiday);
        assert!(DayKind::Holiday.is_red() && DayKind::Sunday.is_red());
        assert!(!DayKind::Saturday.is_red() && DayKind::Saturday.is_blue());
        assert!(!DayKind::Weekday.is_red() && !DayKind::Weekday.is_blue());
        assert!(!DayKind::Holiday.is_blue());
    }
}
