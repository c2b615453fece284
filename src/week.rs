//! ISO weeks (Monday first) in a zone: `2026-W47`, their bounds as instants, and which week an
//! instant falls in.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc, Weekday};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{quoted, Error, Result};
use crate::zone::window_edge;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, TS)]
#[ts(export, type = "string")]
pub struct IsoWeek {
    year: i32,
    week: u32,
}

impl IsoWeek {
    pub fn new(year: i32, week: u32) -> Option<IsoWeek> {
        NaiveDate::from_isoywd_opt(year, week, Weekday::Mon).map(|_| IsoWeek { year, week })
    }

    pub fn containing(date: NaiveDate) -> IsoWeek {
        let w = date.iso_week();
        IsoWeek { year: w.year(), week: w.week() }
    }

    /// The week in which `instant` falls, seen in `zone`.
    pub fn of(instant: DateTime<Utc>, zone: Tz) -> IsoWeek {
        IsoWeek::containing(instant.with_timezone(&zone).date_naive())
    }

    /// The week's number in its ISO year, 1 to 53.
    pub fn number(self) -> u32 {
        self.week
    }

    pub fn monday(self) -> NaiveDate {
        NaiveDate::from_isoywd_opt(self.year, self.week, Weekday::Mon).expect("validated on construction")
    }

    pub fn next(self) -> IsoWeek {
        IsoWeek::containing(self.monday() + Duration::days(7))
    }

    pub fn previous(self) -> IsoWeek {
        IsoWeek::containing(self.monday() - Duration::days(7))
    }

    /// `[start, end)` of the week in `zone`: local Monday 00:00 to the next Monday 00:00.
    pub fn bounds(self, zone: Tz) -> (DateTime<Utc>, DateTime<Utc>) {
        let start = window_edge(zone, self.monday().and_time(chrono::NaiveTime::MIN));
        let end = window_edge(zone, (self.monday() + Duration::days(7)).and_time(chrono::NaiveTime::MIN));
        (start, end)
    }
}

/// Where a week view stands, so no front end does week arithmetic: the week shown, its
/// neighbours, this week, its local days, and the shell's today and now in the zone.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct WeekNav {
    pub week: IsoWeek,
    pub previous: IsoWeek,
    pub next: IsoWeek,
    pub this_week: IsoWeek,
    /// The week's Monday and Sunday, `YYYY-MM-DD`.
    pub first_day: String,
    pub last_day: String,
    /// Today in the zone, `YYYY-MM-DD`.
    pub today: String,
    /// The shell's clock, RFC 3339 in the zone: what a form counts back from.
    pub now: String,
    pub zone: String,
}

impl WeekNav {
    pub fn new(week: IsoWeek, zone: Tz, now: DateTime<Utc>) -> WeekNav {
        WeekNav {
            week,
            previous: week.previous(),
            next: week.next(),
            this_week: IsoWeek::of(now, zone),
            first_day: week.monday().to_string(),
            last_day: (week.monday() + Duration::days(6)).to_string(),
            today: now.with_timezone(&zone).date_naive().to_string(),
            now: now.with_timezone(&zone).to_rfc3339(),
            zone: zone.name().to_string(),
        }
    }
}

impl fmt::Display for IsoWeek {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-W{:02}", self.year, self.week)
    }
}

impl FromStr for IsoWeek {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        let bad = || Error::invalid("week", format!("{} is not an ISO week; use YYYY-Www, e.g. 2026-W47", quoted(s)));
        let (y, w) = s.trim().split_once("-W").or_else(|| s.trim().split_once("-w")).ok_or_else(bad)?;
        let (year, week): (i32, u32) = (y.parse().map_err(|_| bad())?, w.parse().map_err(|_| bad())?);
        if !(1..=9999).contains(&year) {
            return Err(bad());
        }
        let parsed =
            IsoWeek::new(year, week).ok_or_else(|| Error::invalid("week", format!("{year} has no week {week}")))?;
        // Its last instant must still be a date a report can print (the year 9999 at most).
        if (parsed.monday() + Duration::days(7)).year() > 9999 {
            return Err(Error::invalid("week", format!("{} reaches past the year 9999", quoted(s.trim()))));
        }
        Ok(parsed)
    }
}

impl Serialize for IsoWeek {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for IsoWeek {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d)?.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weeks_parse_and_print() {
        let w: IsoWeek = "2026-W47".parse().unwrap();
        assert_eq!(w.to_string(), "2026-W47");
        assert_eq!(w.monday(), NaiveDate::from_ymd_opt(2026, 11, 16).unwrap());
        assert_eq!(w.next().to_string(), "2026-W48");
        assert_eq!("2026-W53".parse::<IsoWeek>().unwrap().next().to_string(), "2027-W01");
        assert!("2025-W53".parse::<IsoWeek>().is_err(), "2025 has 52 ISO weeks");
        assert_eq!("2021-W01".parse::<IsoWeek>().unwrap().previous().to_string(), "2020-W53");
        for bad in ["2026-47", "W47", "2026-W00", "2026-W54", "abcd-W01"] {
            assert!(bad.parse::<IsoWeek>().unwrap_err().to_string().starts_with("week:"), "{bad}");
        }
    }

    #[test]
    fn a_week_with_a_dst_change_is_an_hour_shorter_or_longer() {
        let berlin: Tz = "Europe/Berlin".parse().unwrap();
        let (s, e) = "2026-W13".parse::<IsoWeek>().unwrap().bounds(berlin);
        assert_eq!((e - s).num_hours(), 7 * 24 - 1);
        let (s, e) = "2026-W43".parse::<IsoWeek>().unwrap().bounds(berlin);
        assert_eq!((e - s).num_hours(), 7 * 24 + 1);
    }

    #[test]
    fn the_week_of_an_instant_depends_on_the_zone() {
        // Sunday 23:30 in Berlin is already Monday in Tokyo.
        let t = DateTime::parse_from_rfc3339("2026-11-22T22:30:00Z").unwrap().with_timezone(&Utc);
        assert_eq!(IsoWeek::of(t, "Europe/Berlin".parse().unwrap()).to_string(), "2026-W47");
        assert_eq!(IsoWeek::of(t, "Asia/Tokyo".parse().unwrap()).to_string(), "2026-W48");
    }
}
