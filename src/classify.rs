//! Classification of one interruption: how many of its real elapsed minutes fall outside working
//! hours and inside sleep hours, and which non-negotiables it breaches. Windows are laid out in
//! the zone the entry was logged in (travel keeps its own local time), using the versions in
//! force when it started.

use chrono::{DateTime, Datelike, Duration, NaiveDate, Timelike, Utc};
use chrono_tz::Tz;
// Keys are small and not chosen by anyone hostile: a fast hash, not SipHash.
use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::boundaries::Boundary;
use crate::interruptions::{EntryRef, NewInterruption};
use crate::schedule::{Day, Span, Window};
use crate::timeline::Timeline;
use crate::zone::window_edge;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Classification {
    pub after_hours_minutes: u32,
    pub sleep_minutes: u32,
    /// Ids of the non-negotiables breached, by window or because the person marked it.
    pub breaches: Vec<i64>,
}

impl Classification {
    /// A sacrifice is an entry with after-hours minutes or a breach.
    pub fn is_sacrifice(&self) -> bool {
        self.after_hours_minutes > 0 || !self.breaches.is_empty()
    }
}

type Interval = (DateTime<Utc>, DateTime<Utc>);

pub fn classify(entry: &NewInterruption, timeline: &Timeline) -> Classification {
    Classifier::new(timeline).classify(entry)
}

/// Classifies many entries against one timeline. Laying a window out on a local day (two zone
/// conversions) is most of the work, and entries share days, so each is done once: ten years of
/// entries classify in a few milliseconds instead of a hundred.
pub struct Classifier<'a> {
    timeline: &'a Timeline,
    /// `(zone, local day, span)` to instants; `None` is the whole day.
    laid_out: FxHashMap<(Tz, NaiveDate, Option<Span>), Interval>,
}

impl<'a> Classifier<'a> {
    pub fn new(timeline: &'a Timeline) -> Classifier<'a> {
        Classifier { timeline, laid_out: FxHashMap::default() }
    }

    fn on(&mut self, zone: Tz, date: NaiveDate, span: Option<Span>) -> Interval {
        *self.laid_out.entry((zone, date, span)).or_insert_with(|| match span {
            Some(span) => span_on(zone, date, span),
            None => whole_day(zone, date),
        })
    }

    pub fn classify(&mut self, entry: &NewInterruption) -> Classification {
        self.classify_parts(entry.start, entry.minutes, entry.zone, &entry.costs)
    }

    pub fn classify_ref(&mut self, entry: &EntryRef) -> Classification {
        self.classify_parts(entry.start, entry.minutes, entry.zone, &entry.costs)
    }

    /// The local clock hours (day and hour, in `zone`) that `entry` spent after hours, judged a
    /// quarter of an hour at a time: every zone's offset is a multiple of 15 minutes, so a
    /// quarter never straddles a local hour.
    pub fn after_hours_hours(&mut self, entry: &NewInterruption, zone: Tz) -> Vec<(NaiveDate, u32)> {
        let mut hours = Vec::new();
        let mut t = entry.start;
        let stop = entry.start + Duration::minutes(entry.minutes.into());
        while t < stop {
            let next = (t + Duration::minutes(15 - i64::from(t.minute() % 15))).min(stop);
            let minutes = (next - t).num_minutes() as u32;
            if minutes > 0 && self.classify_parts(t, minutes, entry.zone, &[]).after_hours_minutes > 0 {
                let local = t.with_timezone(&zone);
                let hour = (local.date_naive(), local.hour());
                if hours.last() != Some(&hour) {
                    hours.push(hour);
                }
            }
            t = next;
        }
        hours
    }

    /// An entry is classified by when it started, how long it took, its zone and its marks.
    fn classify_parts(&mut self, start: DateTime<Utc>, minutes: u32, zone: Tz, costs: &[i64]) -> Classification {
        let interval = (start, start + Duration::minutes(minutes.into()));
        let timeline = self.timeline;
        let schedule = timeline.schedule_at(start);
        let days = local_days(zone, interval);

        let mut working = 0;
        let mut sleep = 0;
        for &date in &days {
            if let Some(span) = schedule.working_hours[Day::from_chrono(date.weekday()).index()] {
                working += overlap_seconds(interval, self.on(zone, date, Some(span)));
            }
            if let Some(span) = schedule.sleep {
                sleep += overlap_seconds(interval, self.on(zone, date, Some(span)));
            }
        }
        let minutes = i64::from(minutes);
        let working_minutes = (working + 30) / 60;
        let mut breaches: Vec<i64> = Vec::new();
        for (id, b) in timeline.boundaries_at(start) {
            if !b.paused && self.touches(b, zone, interval, &days) {
                breaches.push(id);
            }
        }
        // A mark is the person's word: it counts even when the entry starts before the
        // non-negotiable was declared.
        for &id in costs {
            if !breaches.contains(&id) && timeline.boundary_as_of(id, start).is_some_and(|b| !b.paused) {
                breaches.push(id);
            }
        }
        breaches.sort_unstable();
        Classification {
            after_hours_minutes: (minutes - working_minutes).clamp(0, minutes) as u32,
            sleep_minutes: ((sleep + 30) / 60).clamp(0, minutes) as u32,
            breaches,
        }
    }

    /// Does the interval overlap any window of the non-negotiable?
    fn touches(&mut self, boundary: &Boundary, zone: Tz, interval: Interval, days: &[NaiveDate]) -> bool {
        boundary.windows.iter().any(|w| {
            days.iter()
                .filter(|d| w.days.contains(&Day::from_chrono(d.weekday())))
                .any(|&date| overlap_seconds(interval, self.on(zone, date, w.span)) > 0)
        })
    }
}

fn whole_day(zone: Tz, date: NaiveDate) -> Interval {
    (
        window_edge(zone, date.and_time(chrono::NaiveTime::MIN)),
        window_edge(zone, (date + Duration::days(1)).and_time(chrono::NaiveTime::MIN)),
    )
}

/// The instants a weekly window covers, for each of `days` it falls on.
pub fn window_intervals<'a>(
    zone: Tz,
    window: &'a Window,
    days: &'a [NaiveDate],
) -> impl Iterator<Item = Interval> + 'a {
    days.iter().filter(|d| window.days.contains(&Day::from_chrono(d.weekday()))).map(move |&date| match window.span {
        Some(span) => span_on(zone, date, span),
        None => whole_day(zone, date),
    })
}

/// The local days whose windows can touch the interval: from the day before it starts (a window
/// crossing midnight) to the day it ends.
pub fn local_days(zone: Tz, (start, end): Interval) -> Vec<NaiveDate> {
    let first = start.with_timezone(&zone).date_naive() - Duration::days(1);
    let last = end.with_timezone(&zone).date_naive();
    first.iter_days().take_while(|d| *d <= last).collect()
}

/// A span starting on `date`, ending the same day or, if it crosses midnight, the next.
pub fn span_on(zone: Tz, date: NaiveDate, span: Span) -> Interval {
    let end_date = if span.crosses_midnight() { date + Duration::days(1) } else { date };
    (window_edge(zone, date.and_time(span.start.to_naive())), window_edge(zone, end_date.and_time(span.end.to_naive())))
}

fn overlap_seconds((a0, a1): Interval, (b0, b1): Interval) -> i64 {
    (a1.min(b1) - a0.max(b0)).num_seconds().max(0)
}
