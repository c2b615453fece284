//! The numbers people see: each entry with its classification, and a week's totals against the
//! load line. The CLI's `--json`, the window and the tray all show these, computed once here.

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;
use serde::Serialize;
use ts_rs::TS;

use crate::boundaries::Category;
use crate::capture::Kind;
use crate::classify::{classify, Classification, Classifier};
use crate::interruptions::{EntryRef, Interruption, Severity};
use crate::schedule::LoadLine;
use crate::timeline::Timeline;
use crate::week::IsoWeek;

/// An entry as listed: what was logged plus what it cost.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Entry {
    pub id: i64,
    /// Stable across export, import and restore; ids may be reused after a delete.
    pub uid: String,
    /// RFC 3339 with the offset of the entry's own zone.
    pub start: String,
    pub zone: String,
    pub minutes: u32,
    pub channel: String,
    pub source: Option<String>,
    pub severity: Severity,
    pub chosen: bool,
    pub delegable: bool,
    pub note: String,
    pub tags: Vec<String>,
    /// Non-negotiables the person marked this entry as costing.
    pub costs: Vec<i64>,
    pub after_hours_minutes: u32,
    pub sleep_minutes: u32,
    /// Non-negotiables breached, by window or by mark.
    pub breaches: Vec<i64>,
    pub sacrifice: bool,
    /// Where it came from, when it was a captured suggestion the person accepted.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub origin: Option<Origin>,
}

/// A captured entry's origin: the kind of file and the source system's own id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Origin {
    pub kind: Kind,
    pub external_id: String,
}

impl Entry {
    pub fn new(i: &Interruption, timeline: &Timeline) -> Entry {
        Entry::classified(i, classify(&i.entry, timeline))
    }

    /// Many entries against one timeline, each day's windows laid out once.
    pub fn all<'a>(entries: impl IntoIterator<Item = &'a Interruption>, timeline: &Timeline) -> Vec<Entry> {
        let mut classifier = Classifier::new(timeline);
        entries.into_iter().map(|i| Entry::classified(i, classifier.classify(&i.entry))).collect()
    }

    pub fn classified(i: &Interruption, c: Classification) -> Entry {
        let e = &i.entry;
        Entry {
            id: i.id,
            uid: i.uid.clone(),
            start: crate::rfc3339::local(e.start, e.zone).to_string(),
            zone: e.zone.name().to_string(),
            minutes: e.minutes,
            channel: e.channel.clone(),
            source: e.source.clone(),
            severity: e.severity,
            chosen: e.chosen,
            delegable: e.delegable,
            note: e.note.clone(),
            tags: e.tags.clone(),
            costs: e.costs.clone(),
            sacrifice: c.is_sacrifice(),
            origin: None,
            after_hours_minutes: c.after_hours_minutes,
            sleep_minutes: c.sleep_minutes,
            breaches: c.breaches,
        }
    }
}

impl Entry {
    /// An entry as read by `Store::each_entry`, with its classification.
    pub fn from_ref(e: &EntryRef, c: Classification) -> Result<Entry, serde_json::Error> {
        Ok(Entry {
            id: e.id,
            uid: e.uid.to_string(),
            start: crate::rfc3339::local(e.start, e.zone).to_string(),
            zone: e.zone.name().to_string(),
            minutes: e.minutes,
            channel: e.channel.to_string(),
            source: e.source.map(str::to_string),
            severity: e.severity,
            chosen: e.chosen,
            delegable: e.delegable,
            note: e.note.to_string(),
            tags: serde_json::from_str(e.tags_json)?,
            costs: e.costs.clone(),
            sacrifice: c.is_sacrifice(),
            origin: None,
            after_hours_minutes: c.after_hours_minutes,
            sleep_minutes: c.sleep_minutes,
            breaches: c.breaches,
        })
    }
}

/// How a non-negotiable fared in a week.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct BreachCount {
    pub id: i64,
    pub name: String,
    pub category: Category,
    pub count: u32,
    pub allowance: u32,
    pub paused: bool,
    /// Breached more often than its allowance (never while paused): the rule, said once.
    pub over: bool,
}

/// A week's totals in one zone. Keys are stable: more may be added, none renamed.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct WeekSummary {
    pub week: IsoWeek,
    pub zone: String,
    /// Local Monday 00:00 and the next Monday 00:00, RFC 3339.
    pub start: String,
    pub end: String,
    pub interruptions: u32,
    pub sacrifices: u32,
    pub after_hours_minutes: u32,
    pub sleep_minutes: u32,
    pub sleep_interruptions: u32,
    /// Of the week's sacrifices, how many were a conscious choice, reactive, delegable.
    pub chosen: u32,
    pub reactive: u32,
    pub delegable: u32,
    /// The load line in force at the end of the week.
    pub load_line: LoadLine,
    pub over_load_line: bool,
    /// Which of the two limits the week went past: more sacrifices than the load line allows,
    /// more after-hours minutes. Either one is over the load line.
    pub over_sacrifices: bool,
    pub over_minutes: bool,
    pub breaches: Vec<BreachCount>,
}

/// Totals for `week` in `zone` over the entries that start in it (others are ignored).
pub fn week_summary(week: IsoWeek, zone: Tz, entries: &[Interruption], timeline: &Timeline) -> WeekSummary {
    let (start, end) = week.bounds(zone);
    let mut classifier = Classifier::new(timeline);
    let inside = entries.iter().filter(|i| i.entry.start >= start && i.entry.start < end);
    let counted = inside.map(|i| Counted::new(i.entry.chosen, i.entry.delegable, classifier.classify(&i.entry)));
    tally(week, zone, counted, timeline)
}

/// What a week's totals need of one entry: its classification and its two flags.
#[derive(Clone, Debug, PartialEq)]
pub struct Counted {
    pub chosen: bool,
    pub delegable: bool,
    pub classification: Classification,
}

impl Counted {
    pub fn new(chosen: bool, delegable: bool, classification: Classification) -> Counted {
        Counted { chosen, delegable, classification }
    }
}

/// Totals for `week` over entries already classified, all of which start in it.
pub fn tally(week: IsoWeek, zone: Tz, entries: impl IntoIterator<Item = Counted>, timeline: &Timeline) -> WeekSummary {
    let (start, end) = week.bounds(zone);
    let last_instant = end - Duration::seconds(1);
    let mut s = WeekSummary {
        week,
        zone: zone.name().to_string(),
        start: start.with_timezone(&zone).to_rfc3339(),
        end: end.with_timezone(&zone).to_rfc3339(),
        interruptions: 0,
        sacrifices: 0,
        after_hours_minutes: 0,
        sleep_minutes: 0,
        sleep_interruptions: 0,
        chosen: 0,
        reactive: 0,
        delegable: 0,
        load_line: timeline.schedule_at(last_instant).load_line,
        over_load_line: false,
        over_sacrifices: false,
        over_minutes: false,
        breaches: Vec::new(),
    };
    let mut breach_counts: Vec<(i64, u32)> = Vec::new();
    for Counted { chosen, delegable, classification: c } in entries {
        s.interruptions += 1;
        s.after_hours_minutes += c.after_hours_minutes;
        s.sleep_minutes += c.sleep_minutes;
        s.sleep_interruptions += u32::from(c.sleep_minutes > 0);
        if c.is_sacrifice() {
            s.sacrifices += 1;
            if chosen {
                s.chosen += 1;
            } else {
                s.reactive += 1;
            }
            s.delegable += u32::from(delegable);
        }
        for id in c.breaches {
            match breach_counts.iter_mut().find(|(b, _)| *b == id) {
                Some((_, n)) => *n += 1,
                None => breach_counts.push((id, 1)),
            }
        }
    }
    s.over_sacrifices = s.sacrifices > s.load_line.sacrifices;
    s.over_minutes = s.after_hours_minutes > s.load_line.minutes;
    s.over_load_line = s.over_sacrifices || s.over_minutes;
    s.breaches = breach_report(timeline, last_instant, &breach_counts);
    s
}

/// Every non-negotiable that exists at the end of the week, plus any breached during it.
fn breach_report(timeline: &Timeline, last: DateTime<Utc>, counts: &[(i64, u32)]) -> Vec<BreachCount> {
    timeline
        .boundaries
        .iter()
        .filter_map(|h| {
            let count = counts.iter().find(|(id, _)| *id == h.id).map_or(0, |(_, n)| *n);
            // The version the week ended with; one removed by then, or declared later, is
            // listed only when the week breached it.
            let shown = timeline
                .boundary_at(h.id, last)
                .or_else(|| (count > 0).then(|| timeline.boundary_as_of(h.id, last)).flatten())?;
            Some(BreachCount {
                id: h.id,
                name: shown.name.clone(),
                category: shown.category,
                count,
                allowance: shown.allowance,
                paused: shown.paused,
                over: !shown.paused && count > shown.allowance,
            })
        })
        .collect()
}

/// `45 min`, `2 h`, `2 h 10 min`.
pub fn format_minutes(minutes: u32) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

/// `1 sacrifice`, `2 sacrifices`.
pub fn plural(n: u32, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

impl WeekSummary {
    /// The week at a glance, as the tray shows it.
    /// Short enough for a tray's tooltip, and it says "over" when the week is.
    pub fn headline(&self) -> String {
        let numbers = format!(
            "{} · {} after hours",
            plural(self.sacrifices, "sacrifice", "sacrifices"),
            format_minutes(self.after_hours_minutes)
        );
        if self.over_load_line {
            format!("Over your load line: {numbers}")
        } else {
            format!("This week: {numbers}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tray_headline_reads_the_week_at_a_glance() {
        let t = Timeline::new(vec![], vec![]);
        let week: IsoWeek = "2026-W47".parse().unwrap();
        let s = week_summary(week, chrono_tz::UTC, &[], &t);
        assert_eq!(s.headline(), "This week: 0 sacrifices · 0 min after hours");
        let one =
            WeekSummary { sacrifices: 1, after_hours_minutes: 130, ..week_summary(week, chrono_tz::UTC, &[], &t) };
        assert_eq!(one.headline(), "This week: 1 sacrifice · 2 h 10 min after hours");
        let over = WeekSummary { over_load_line: true, ..one };
        assert_eq!(over.headline(), "Over your load line: 1 sacrifice · 2 h 10 min after hours");
    }

    #[test]
    fn minutes_read_like_speech() {
        assert_eq!(format_minutes(0), "0 min");
        assert_eq!(format_minutes(45), "45 min");
        assert_eq!(format_minutes(120), "2 h");
        assert_eq!(format_minutes(130), "2 h 10 min");
    }
}
