//! From events to suggestions, pure: only what crossed into personal time (after-hours minutes
//! or a breach) is suggested; the rest is counted with its reason. An event seen before (by its
//! external id) is never suggested again, and one already logged by hand at about the same time
//! is offered as "already logged?".

use std::collections::{BTreeMap, HashSet};

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Event, Found, Kind, Skip};
use crate::classify::Classifier;
use crate::interruptions::{Draft, Interruption, NewInterruption, Severity, MAX_NOTE_CHARS};
use crate::timeline::Timeline;

/// An entry logged by hand this close to a captured event, on the same channel, may be it.
pub const SAME_TIME_MINUTES: i64 = 15;

/// A captured event waiting for the person: accept, edit then accept, or dismiss.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Suggestion {
    /// 0 until it is kept in the inbox.
    pub id: i64,
    pub kind: Kind,
    pub external_id: String,
    pub title: String,
    /// RFC 3339 with the offset of its zone.
    pub start: String,
    pub zone: String,
    pub minutes: u32,
    pub channel: String,
    pub source: Option<String>,
    pub severity: Severity,
    pub chosen: bool,
    pub after_hours_minutes: u32,
    pub sleep_minutes: u32,
    /// Non-negotiables it would breach.
    pub breaches: Vec<i64>,
    /// An entry logged by hand at about the same time on the same channel: already logged?
    pub maybe_duplicate_of: Option<i64>,
}

impl Suggestion {
    /// The entry it becomes, through the one write path (`Draft::resolve`): its title as the
    /// private note.
    pub fn draft(&self) -> Draft {
        Draft {
            channel: self.channel.clone(),
            minutes: Some(self.minutes.into()),
            at: Some(self.start.clone()),
            tz: Some(self.zone.clone()),
            source: self.source.clone(),
            severity: Some(self.severity.to_string()),
            chosen: Some(self.chosen),
            delegable: Some(false),
            note: Some(self.title.chars().take(MAX_NOTE_CHARS).collect()),
            ..Draft::default()
        }
    }
}

/// One row of the inbox as a backup keeps it: every suggestion, decided or not, so a restored
/// record never suggests again what was already seen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Captured {
    pub kind: String,
    pub external_id: String,
    /// `pending`, `accepted` or `dismissed`.
    pub state: String,
    pub entry_uid: Option<String>,
    pub found_at: i64,
    pub decided_at: Option<i64>,
    /// The suggestion as found (JSON).
    pub body: String,
}

impl Captured {
    /// Checks a backup's row before it is written.
    pub fn validate(&self) -> crate::error::Result<()> {
        use crate::error::Error;
        let kind: Kind = serde_json::from_value(serde_json::Value::String(self.kind.clone()))
            .map_err(|_| Error::invalid("kind", "must be pagerduty, ics, git, csv or json"))?;
        if !["pending", "accepted", "dismissed"].contains(&self.state.as_str()) {
            return Err(Error::invalid("state", "must be pending, accepted or dismissed"));
        }
        let s: Suggestion = serde_json::from_str(&self.body).map_err(|e| Error::invalid("body", e.to_string()))?;
        if s.kind != kind
            || s.external_id != self.external_id
            || self.external_id.is_empty()
            || self.external_id.len() > 1000
        {
            return Err(Error::invalid("body", "does not match its kind and external id"));
        }
        Ok(())
    }
}

/// What the person may change before accepting a suggestion; the rest (its zone, severity,
/// title as the note) stays as it was found.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct SuggestionEdit {
    pub channel: String,
    /// `None` for a field left empty: refused with the field's instruction.
    pub minutes: Option<i64>,
    /// Local time `YYYY-MM-DDTHH:MM` in the suggestion's zone, or RFC 3339.
    pub at: String,
    pub source: Option<String>,
}

impl Suggestion {
    /// The entry it becomes as the person edited it.
    pub fn edited(&self, edit: &SuggestionEdit) -> Draft {
        Draft {
            channel: edit.channel.clone(),
            minutes: edit.minutes,
            at: Some(edit.at.clone()),
            source: edit.source.clone().filter(|s| !s.trim().is_empty()),
            ..self.draft()
        }
    }
}

/// What one capture found, suggested and skipped.
#[derive(Clone, Debug, Default, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct CaptureReport {
    pub found: u32,
    pub suggested: u32,
    /// Every reason, with how many were skipped for it (0 included).
    pub skipped: BTreeMap<Skip, u32>,
    pub suggestions: Vec<Suggestion>,
    /// The same in words.
    pub said: String,
}

const REASONS: [Skip; 7] =
    [Skip::WorkingHours, Skip::Declined, Skip::AllDay, Skip::Future, Skip::NotMe, Skip::AlreadySeen, Skip::OutOfRange];

impl CaptureReport {
    pub fn new() -> CaptureReport {
        CaptureReport { skipped: REASONS.iter().map(|r| (*r, 0)).collect(), ..CaptureReport::default() }
    }

    /// "Found 12: 5 suggested, skipped 4 in working hours, 2 declined."
    pub fn summary(&self) -> String {
        let skipped: Vec<String> =
            self.skipped.iter().filter(|(_, n)| **n > 0).map(|(why, n)| format!("{n} {}", why.words())).collect();
        let mut text = format!("Found {}: {} suggested", self.found, self.suggested);
        if !skipped.is_empty() {
            text.push_str(&format!(", skipped {}", skipped.join(", ")));
        }
        text.push('.');
        text
    }

    pub fn add_skipped(&mut self, skipped: &BTreeMap<Skip, u32>) {
        for (why, n) in skipped {
            *self.skipped.entry(*why).or_default() += n;
            self.found += n;
        }
    }
}

/// Which events to suggest. `seen` holds every (kind, external id) suggested, accepted or
/// dismissed before, and grows with this capture, so one incident in two files is one
/// suggestion. `logged` holds the entries around the events.
pub fn suggest(
    found: Found,
    timeline: &Timeline,
    logged: &[Interruption],
    seen: &mut HashSet<(Kind, String)>,
    now: DateTime<Utc>,
    report: &mut CaptureReport,
) {
    report.add_skipped(&found.skipped);
    let mut classifier = Classifier::new(timeline);
    for e in found.events {
        report.found += 1;
        let why = if seen.contains(&(e.kind, e.external_id.clone())) {
            Some(Skip::AlreadySeen)
        } else if e.start > now {
            Some(Skip::Future)
        } else {
            None
        };
        if let Some(why) = why {
            *report.skipped.entry(why).or_default() += 1;
            continue;
        }
        let c = classifier.classify(&as_entry(&e));
        if !c.is_sacrifice() {
            *report.skipped.entry(Skip::WorkingHours).or_default() += 1;
            continue;
        }
        seen.insert((e.kind, e.external_id.clone()));
        let near = Duration::minutes(SAME_TIME_MINUTES);
        let maybe_duplicate_of = logged
            .iter()
            .find(|i| i.entry.channel == e.channel && (i.entry.start - e.start).abs() <= near)
            .map(|i| i.id);
        report.suggested += 1;
        report.suggestions.push(Suggestion {
            id: 0,
            kind: e.kind,
            external_id: e.external_id,
            title: e.title,
            start: e.start.with_timezone(&e.zone).to_rfc3339(),
            zone: e.zone.name().to_string(),
            minutes: e.minutes,
            channel: e.channel,
            source: e.source,
            severity: e.severity,
            chosen: e.chosen,
            after_hours_minutes: c.after_hours_minutes,
            sleep_minutes: c.sleep_minutes,
            breaches: c.breaches,
            maybe_duplicate_of,
        });
    }
}

fn as_entry(e: &Event) -> NewInterruption {
    NewInterruption {
        start: e.start,
        zone: e.zone,
        minutes: e.minutes,
        channel: e.channel.clone(),
        source: e.source.clone(),
        severity: e.severity,
        chosen: e.chosen,
        delegable: false,
        note: String::new(),
        tags: Vec::new(),
        costs: Vec::new(),
    }
}

/// The inbox in a few words, for the tray and the window: "5 found in your calendar", or `None`
/// when it is empty.
pub fn headline(pending: &[Suggestion]) -> Option<String> {
    let first = pending.first()?;
    let place = if pending.iter().all(|s| s.kind == first.kind) {
        match first.kind {
            Kind::Pagerduty => "in your pages",
            Kind::Ics => "in your calendar",
            Kind::Git => "in your commits",
            Kind::Csv | Kind::Json => "in your exports",
        }
    } else {
        "to confirm"
    };
    Some(format!("{} found {place}", pending.len()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::Schedule;
    use crate::timeline::{Timeline, Versioned};
    use chrono::TimeZone;

    fn event(id: &str, at: DateTime<Utc>, minutes: u32) -> Event {
        Event {
            kind: Kind::Pagerduty,
            external_id: id.into(),
            title: "Disk <b>full</b>".into(),
            start: at,
            zone: chrono_tz::Europe::Berlin,
            minutes,
            channel: "page".into(),
            source: Some("db-primary".into()),
            severity: Severity::P1,
            chosen: false,
        }
    }

    fn timeline() -> Timeline {
        Timeline::new(vec![Versioned { valid_from: None, value: Schedule::default() }], Vec::new())
    }

    #[test]
    fn only_what_crossed_into_personal_time_is_suggested_and_each_event_once() {
        let evening = Utc.with_ymd_and_hms(2026, 11, 18, 20, 0, 0).unwrap(); // 21:00 in Berlin
        let office = Utc.with_ymd_and_hms(2026, 11, 18, 10, 0, 0).unwrap(); // Wednesday 11:00
        let now = Utc.with_ymd_and_hms(2026, 11, 20, 12, 0, 0).unwrap();
        let mut found = Found {
            events: vec![
                event("A", evening, 30),
                event("B", office, 30),
                event("A", evening, 30),
                event("C", now + Duration::hours(1), 10),
            ],
            ..Found::default()
        };
        found.skip(Skip::NotMe);
        let mut seen = HashSet::from([(Kind::Pagerduty, "D".to_string())]);
        found.events.push(event("D", evening, 10));
        let mut report = CaptureReport::new();
        suggest(found, &timeline(), &[], &mut seen, now, &mut report);
        assert_eq!((report.found, report.suggested), (6, 1));
        let s = &report.suggestions[0];
        assert_eq!(
            (s.external_id.as_str(), s.after_hours_minutes, s.start.as_str()),
            ("A", 30, "2026-11-18T21:00:00+01:00")
        );
        assert_eq!(report.skipped[&Skip::WorkingHours], 1);
        assert_eq!(report.skipped[&Skip::AlreadySeen], 2, "the second A and the known D");
        assert_eq!(report.skipped[&Skip::Future], 1);
        assert_eq!(report.skipped[&Skip::NotMe], 1);
        assert_eq!(report.skipped[&Skip::Declined], 0, "every reason is listed");
        assert_eq!(
            report.summary(),
            "Found 6: 1 suggested, skipped 1 in working hours, 1 in the future, 1 not yours, 2 seen before."
        );
        assert_eq!(s.draft().note.as_deref(), Some("Disk <b>full</b>"), "text stays text");
        assert_eq!(headline(&report.suggestions).as_deref(), Some("1 found in your pages"));
        let calendar = Suggestion { kind: Kind::Ics, ..s.clone() };
        assert_eq!(headline(&[calendar.clone(), calendar.clone()]).as_deref(), Some("2 found in your calendar"));
        assert_eq!(headline(&[calendar, s.clone()]).as_deref(), Some("2 found to confirm"));
        assert_eq!(headline(&[]), None);
    }

    #[test]
    fn an_entry_logged_by_hand_at_about_the_same_time_is_offered_as_already_logged() {
        let evening = Utc.with_ymd_and_hms(2026, 11, 18, 20, 0, 0).unwrap();
        let hand = Interruption {
            id: 7,
            uid: "u".into(),
            logged_at: evening,
            entry: NewInterruption { start: evening + Duration::minutes(12), ..as_entry(&event("x", evening, 20)) },
        };
        let mut report = CaptureReport::new();
        let found = Found {
            events: vec![event("A", evening, 30), Event { channel: "call".into(), ..event("B", evening, 30) }],
            ..Found::default()
        };
        suggest(found, &timeline(), &[hand], &mut HashSet::new(), evening + Duration::days(1), &mut report);
        assert_eq!(report.suggestions[0].maybe_duplicate_of, Some(7));
        assert_eq!(report.suggestions[1].maybe_duplicate_of, None, "another channel");
    }
}
