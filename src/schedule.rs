//! The person's declared week: working hours per weekday, the nightly sleep window, and the
//! load line. Times are local wall-clock times; `zone` turns them into instants.
//!
//! Windows are written the way people say them — `Mon-Fri 09:00-17:30`, `Sun all day`,
//! `daily 22:00-07:00` — and a window whose end is not after its start crosses midnight.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{quoted, Error, Result};

/// A weekday, Monday first as in ISO weeks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum Day {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

impl Day {
    pub const ALL: [Day; 7] = [Day::Mon, Day::Tue, Day::Wed, Day::Thu, Day::Fri, Day::Sat, Day::Sun];

    pub fn index(self) -> usize {
        self as usize
    }

    pub fn from_chrono(day: chrono::Weekday) -> Day {
        Day::ALL[day.num_days_from_monday() as usize]
    }

    pub fn short(self) -> &'static str {
        ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][self.index()]
    }

    fn parse(text: &str) -> Option<Day> {
        let t = text.trim().to_ascii_lowercase();
        let t = t.get(..3)?;
        Day::ALL.into_iter().find(|d| d.short().eq_ignore_ascii_case(t))
    }
}

/// A local wall-clock time of day with minute precision, written `HH:MM`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, TS)]
#[ts(export, type = "string")]
pub struct ClockTime(u16);

impl ClockTime {
    pub const MIDNIGHT: ClockTime = ClockTime(0);

    pub fn hm(hour: u16, minute: u16) -> ClockTime {
        assert!(hour < 24 && minute < 60, "clock time out of range");
        ClockTime(hour * 60 + minute)
    }

    pub fn minutes(self) -> u32 {
        self.0.into()
    }

    pub fn to_naive(self) -> chrono::NaiveTime {
        chrono::NaiveTime::from_hms_opt(u32::from(self.0 / 60), u32::from(self.0 % 60), 0)
            .expect("a ClockTime is always a valid time")
    }
}

impl FromStr for ClockTime {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        let bad = || Error::invalid("time", format!("{} is not a time of day; use HH:MM, e.g. 18:30", quoted(s)));
        let (h, m) = s.trim().split_once(':').ok_or_else(bad)?;
        let (h, m): (u16, u16) = (h.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?);
        if h >= 24 || m >= 60 || s.trim().len() > 5 {
            return Err(bad());
        }
        Ok(ClockTime(h * 60 + m))
    }
}

impl fmt::Display for ClockTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.0 / 60, self.0 % 60)
    }
}

impl Serialize for ClockTime {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for ClockTime {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// A stretch of local time starting on some day. An `end` that is not after `start` means the
/// span runs past midnight into the next day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Span {
    pub start: ClockTime,
    pub end: ClockTime,
}

impl Span {
    pub fn new(start: ClockTime, end: ClockTime) -> Result<Span> {
        if start == end {
            return Err(Error::invalid(
                "window",
                format!("starts and ends at {start}; a window needs a length (or say 'all day')"),
            ));
        }
        Ok(Span { start, end })
    }

    pub fn crosses_midnight(self) -> bool {
        self.end <= self.start
    }

    /// Parses `18:00-20:00`.
    pub fn parse(text: &str) -> Result<Span> {
        let (a, b) = text.split_once('-').ok_or_else(|| {
            Error::invalid("window", format!("{} is not a time range; use HH:MM-HH:MM", quoted(text)))
        })?;
        Span::new(a.parse()?, b.parse()?)
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.start, self.end)
    }
}

/// A weekly window: on each of `days`, either all day or the local `span` starting that day.
/// It crosses every boundary (storage, IPC, export) as the text people write: `Mon-Fri 18:00-20:00`.
#[derive(Clone, Debug, PartialEq, Eq, TS)]
#[ts(export, type = "string")]
pub struct Window {
    pub days: Vec<Day>,
    /// `None` means all day.
    pub span: Option<Span>,
}

impl Window {
    /// Parses `Mon-Fri 18:00-20:00`, `Sat,Sun 10:00-12:00`, `Sun all day`, `daily 22:00-06:00`.
    pub fn parse(text: &str) -> Result<Window> {
        let text = text.trim();
        let bad = |why: &str| {
            Error::invalid("window", format!("{}: {why}; e.g. 'Mon-Fri 18:00-20:00' or 'Sun all day'", quoted(text)))
        };
        let (days_part, time_part) = match text.split_once(char::is_whitespace) {
            Some((d, t)) => (d, t.trim()),
            None => return Err(bad("needs days and a time range")),
        };
        let days = parse_days(days_part).ok_or_else(|| bad("unknown days"))?;
        let span = if time_part.eq_ignore_ascii_case("all day") {
            None
        } else {
            Some(Span::parse(time_part).map_err(|e| e.relabel("window"))?)
        };
        Ok(Window { days, span })
    }

    pub fn validate(&self) -> Result<()> {
        if self.days.is_empty() {
            return Err(Error::invalid("window", "names no days"));
        }
        if let Some(span) = self.span {
            Span::new(span.start, span.end)?;
        }
        Ok(())
    }
}

impl fmt::Display for Window {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ", describe_days(&self.days))?;
        match self.span {
            Some(span) => write!(f, "{span}"),
            None => write!(f, "all day"),
        }
    }
}

impl Serialize for Window {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Window {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Window::parse(&String::deserialize(d)?).map_err(serde::de::Error::custom)
    }
}

/// `Mon-Fri`, `Sat,Sun`, `daily`, `weekdays`, `weekends`, `Mon,Wed-Fri`.
fn parse_days(text: &str) -> Option<Vec<Day>> {
    let mut days = match text.to_ascii_lowercase().as_str() {
        "daily" | "everyday" => Day::ALL.to_vec(),
        "weekdays" => Day::ALL[..5].to_vec(),
        "weekends" | "weekend" => Day::ALL[5..].to_vec(),
        _ => {
            let mut days = Vec::new();
            for part in text.split(',') {
                match part.split_once('-') {
                    Some((a, b)) => {
                        let (a, b) = (Day::parse(a)?.index(), Day::parse(b)?.index());
                        if a > b {
                            return None;
                        }
                        days.extend_from_slice(&Day::ALL[a..=b]);
                    }
                    None => days.push(Day::parse(part)?),
                }
            }
            days
        }
    };
    days.sort();
    days.dedup();
    Some(days)
}

/// Writes days back the way `parse_days` reads them, collapsing runs: `Mon-Fri`, `Sat,Sun`.
pub fn describe_days(days: &[Day]) -> String {
    if days.len() == 7 {
        return "daily".into();
    }
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < days.len() {
        let mut j = i;
        while j + 1 < days.len() && days[j + 1].index() == days[j].index() + 1 {
            j += 1;
        }
        parts.push(match j - i {
            0 => days[i].short().to_string(),
            1 => format!("{},{}", days[i].short(), days[j].short()),
            _ => format!("{}-{}", days[i].short(), days[j].short()),
        });
        i = j + 1;
    }
    parts.join(",")
}

/// The weekly budget of sacrifices: being over either number in a week is a warning.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LoadLine {
    pub sacrifices: u32,
    pub minutes: u32,
}

impl Default for LoadLine {
    fn default() -> Self {
        LoadLine { sacrifices: 2, minutes: 120 }
    }
}

/// Working hours, sleep hours and the load line: one version of what classifies a week.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Schedule {
    /// Index 0 is Monday. `None` is a day off. Working hours never cross midnight.
    pub working_hours: [Option<Span>; 7],
    /// The nightly sleep window, the same every night; `None` if the person declares none.
    pub sleep: Option<Span>,
    pub load_line: LoadLine,
}

impl Default for Schedule {
    fn default() -> Self {
        let day = Some(Span { start: ClockTime::hm(9, 0), end: ClockTime::hm(17, 30) });
        Schedule {
            working_hours: [day, day, day, day, day, None, None],
            sleep: Some(Span { start: ClockTime::hm(22, 0), end: ClockTime::hm(7, 0) }),
            load_line: LoadLine::default(),
        }
    }
}

pub const MAX_LOAD_LINE_SACRIFICES: u32 = 1000;
pub const MAX_LOAD_LINE_MINUTES: u32 = 7 * 24 * 60;

impl Schedule {
    pub fn validate(&self) -> Result<()> {
        for (day, span) in Day::ALL.iter().zip(&self.working_hours) {
            if let Some(span) = span {
                if span.crosses_midnight() {
                    return Err(Error::invalid(
                        format!("working_hours[{}]", day.index()),
                        format!("{} {span} ends before it starts; working hours stay within one day", day.short()),
                    ));
                }
            }
        }
        if let Some(sleep) = self.sleep {
            Span::new(sleep.start, sleep.end).map_err(|e| e.relabel("sleep"))?;
        }
        if self.load_line.sacrifices > MAX_LOAD_LINE_SACRIFICES {
            return Err(Error::invalid(
                "load line sacrifices",
                format!("must be from 0 to {MAX_LOAD_LINE_SACRIFICES}; got {}", self.load_line.sacrifices),
            ));
        }
        if self.load_line.minutes > MAX_LOAD_LINE_MINUTES {
            return Err(Error::invalid(
                "load line minutes",
                format!("must be from 0 to {MAX_LOAD_LINE_MINUTES} (a week); got {}", self.load_line.minutes),
            ));
        }
        Ok(())
    }

    /// Replaces the working hours from specs such as `Mon-Fri 09:00-17:30`; days not named are off.
    pub fn set_working_hours(&mut self, specs: &[String]) -> Result<()> {
        let mut hours = [None; 7];
        for spec in specs {
            if spec.trim().eq_ignore_ascii_case("none") {
                continue;
            }
            let window = Window::parse(spec).map_err(|e| e.relabel("working hours"))?;
            let span = window.span.ok_or_else(|| {
                Error::invalid("working hours", format!("{}: give hours, e.g. Mon-Fri 09:00-17:30", quoted(spec)))
            })?;
            for day in window.days {
                if let Some(earlier) = hours[day.index()].filter(|s: &Span| *s != span) {
                    return Err(Error::invalid(
                        "working hours",
                        format!(
                            "{} is given twice ({earlier} and {span}); give one span a day, e.g. Mon-Fri 09:00-17:30",
                            day.short()
                        ),
                    ));
                }
                hours[day.index()] = Some(span);
            }
        }
        self.working_hours = hours;
        // The flag's name, not the form's path: this is how the CLI sets them.
        self.validate().map_err(|e| e.relabel("working hours"))
    }

    /// The working hours as specs `set_working_hours` reads, grouping days with equal hours.
    pub fn describe_working_hours(&self) -> Vec<String> {
        let mut out: Vec<(Span, Vec<Day>)> = Vec::new();
        for day in Day::ALL {
            if let Some(span) = self.working_hours[day.index()] {
                match out.iter_mut().find(|(s, _)| *s == span) {
                    Some((_, days)) => days.push(day),
                    None => out.push((span, vec![day])),
                }
            }
        }
        out.into_iter().map(|(span, days)| format!("{} {span}", describe_days(&days))).collect()
    }
}

/// The schedule as the settings form edits it: text per field, checked field by field.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ScheduleInput {
    /// Seven entries, Monday first: `09:00-17:30`, or empty for a day off.
    pub working_hours: Vec<String>,
    /// `22:00-07:00`, or empty for none.
    pub sleep: String,
    pub load_line_sacrifices: i64,
    pub load_line_minutes: i64,
}

impl ScheduleInput {
    pub fn resolve(&self) -> Result<Schedule> {
        if self.working_hours.len() != 7 {
            return Err(Error::invalid("working_hours", "give seven days, Monday first"));
        }
        let mut working_hours = [None; 7];
        for (day, text) in Day::ALL.iter().zip(&self.working_hours) {
            let field = format!("working_hours[{}]", day.index());
            if !text.trim().is_empty() {
                let span = Span::parse(text).map_err(|e| e.relabel(&field))?;
                if span.crosses_midnight() {
                    return Err(Error::invalid(
                        field,
                        format!("{span} ends before it starts; working hours stay within one day"),
                    ));
                }
                working_hours[day.index()] = Some(span);
            }
        }
        let sleep = match self.sleep.trim() {
            "" => None,
            text => Some(Span::parse(text).map_err(|e| e.relabel("sleep"))?),
        };
        let count = |field: &str, n: i64, max: u32| {
            u32::try_from(n)
                .ok()
                .filter(|n| *n <= max)
                .ok_or_else(|| Error::invalid(field, format!("must be from 0 to {max}; got {n}")))
        };
        let schedule = Schedule {
            working_hours,
            sleep,
            load_line: LoadLine {
                sacrifices: count("load_line_sacrifices", self.load_line_sacrifices, MAX_LOAD_LINE_SACRIFICES)?,
                minutes: count("load_line_minutes", self.load_line_minutes, MAX_LOAD_LINE_MINUTES)?,
            },
        };
        schedule.validate()?;
        Ok(schedule)
    }

    pub fn of(schedule: &Schedule) -> ScheduleInput {
        ScheduleInput {
            working_hours: schedule
                .working_hours
                .iter()
                .map(|s| s.map(|s| s.to_string()).unwrap_or_default())
                .collect(),
            sleep: schedule.sleep.map(|s| s.to_string()).unwrap_or_default(),
            load_line_sacrifices: schedule.load_line.sacrifices.into(),
            load_line_minutes: schedule.load_line.minutes.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_read_the_way_people_say_them() {
        let cases = [
            ("Mon-Fri 18:00-20:00", "Mon-Fri 18:00-20:00"),
            ("sun all day", "Sun all day"),
            ("Sat,Sun 10:00-12:00", "Sat,Sun 10:00-12:00"),
            ("daily 22:00-06:00", "daily 22:00-06:00"),
            ("weekdays 07:00-08:00", "Mon-Fri 07:00-08:00"),
            ("Mon,Wed-Fri 19:00-21:00", "Mon,Wed-Fri 19:00-21:00"),
            ("Mon,Tue,Wed 19:00-21:00", "Mon-Wed 19:00-21:00"),
        ];
        for (input, shown) in cases {
            assert_eq!(Window::parse(input).unwrap().to_string(), shown, "{input}");
        }
    }

    #[test]
    fn bad_windows_name_the_field() {
        for bad in
            ["Mon-Fri", "Fri-Mon 10:00-11:00", "Mon 25:00-26:00", "Mon 10:00-10:00", "Xyz 10:00-11:00", "Mon 10-11"]
        {
            let err = Window::parse(bad).unwrap_err();
            assert!(err.to_string().starts_with("window:"), "{bad}: {err}");
        }
    }

    #[test]
    fn a_window_ending_before_it_starts_crosses_midnight() {
        assert!(Span::parse("22:00-07:00").unwrap().crosses_midnight());
        assert!(!Span::parse("09:00-17:30").unwrap().crosses_midnight());
    }

    #[test]
    fn working_hours_round_trip_through_their_description() {
        let mut s = Schedule::default();
        assert_eq!(s.describe_working_hours(), vec!["Mon-Fri 09:00-17:30"]);
        s.set_working_hours(&["Mon-Thu 08:00-16:00".into(), "Fri 08:00-12:00".into()]).unwrap();
        assert_eq!(s.describe_working_hours(), vec!["Mon-Thu 08:00-16:00", "Fri 08:00-12:00"]);
        let err = s.set_working_hours(&["Mon 17:00-09:00".into()]).unwrap_err();
        assert!(err.to_string().starts_with("working hours:"), "{err}");
    }

    #[test]
    fn the_settings_form_round_trips_and_names_each_bad_field() {
        let input = ScheduleInput::of(&Schedule::default());
        assert_eq!(input.resolve().unwrap(), Schedule::default());
        let mut bad = input.clone();
        bad.working_hours[2] = "17:00-09:00".into();
        assert!(bad.resolve().unwrap_err().to_string().starts_with("working_hours[2]:"));
        let bad = ScheduleInput { sleep: "22:00".into(), ..input.clone() };
        assert!(bad.resolve().unwrap_err().to_string().starts_with("sleep:"));
        let bad = ScheduleInput { load_line_minutes: -1, ..input };
        assert!(bad.resolve().unwrap_err().to_string().starts_with("load_line_minutes:"));
    }

    #[test]
    fn clock_times_are_strict() {
        assert_eq!("07:05".parse::<ClockTime>().unwrap().to_string(), "07:05");
        for bad in ["24:00", "7", "07:60", "-1:00", "07:000"] {
            assert!(bad.parse::<ClockTime>().is_err(), "{bad}");
        }
    }
}
