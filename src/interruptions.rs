//! An interruption: one logged event of work that crossed into the person's time. A draft (from
//! the window, the tray, the CLI flags or JSON on stdin) is checked here, field by field, and
//! becomes a `NewInterruption` only if every field is allowed.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, DurationRound, TimeDelta, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{quoted, Error, Result};
use crate::zone::{parse_at, parse_zone};

pub const MIN_MINUTES: i64 = 1;
/// A week; a longer incident is logged as several entries.
pub const MAX_MINUTES: i64 = 10_080;
pub const MAX_NOTE_CHARS: usize = 10_000;
pub const MAX_SOURCE_CHARS: usize = 200;
pub const MAX_LABEL_CHARS: usize = 40;
pub const MAX_TAGS: usize = 20;

/// Channels offered everywhere; any other short label is accepted too (user-extensible).
pub const BUILT_IN_CHANNELS: [&str; 7] = ["page", "call", "chat", "email", "meeting", "in person", "self-initiated"];

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[ts(export)]
pub enum Severity {
    #[default]
    #[serde(rename = "none")]
    None,
    P1,
    P2,
    P3,
    P4,
}

impl Severity {
    pub const ALL: [Severity; 5] = [Severity::None, Severity::P1, Severity::P2, Severity::P3, Severity::P4];

    /// As the store writes it (`Display`), without the leniency of what a person types.
    pub fn stored(text: &str) -> Option<Severity> {
        Some(match text {
            "none" => Severity::None,
            "P1" => Severity::P1,
            "P2" => Severity::P2,
            "P3" => Severity::P3,
            "P4" => Severity::P4,
            _ => return None,
        })
    }
}

impl FromStr for Severity {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        match s.trim().to_ascii_uppercase().as_str() {
            "" | "NONE" => Ok(Severity::None),
            "P1" => Ok(Severity::P1),
            "P2" => Ok(Severity::P2),
            "P3" => Ok(Severity::P3),
            "P4" => Ok(Severity::P4),
            _ => {
                Err(Error::invalid("severity", format!("{} is not a severity; use none, P1, P2, P3 or P4", quoted(s))))
            }
        }
    }
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::None => "none",
            Severity::P1 => "P1",
            Severity::P2 => "P2",
            Severity::P3 => "P3",
            Severity::P4 => "P4",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// What a person (or a script) hands in to log or edit an entry. Field names match the
/// `loadline log` flags. `at` is local time in `tz` or RFC 3339 with an offset; both default.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Draft {
    #[serde(default)]
    pub channel: String,
    /// `None` when the person gave none (an empty field): refused with the field's instruction.
    #[serde(default)]
    #[ts(optional)]
    pub minutes: Option<i64>,
    #[serde(default)]
    #[ts(optional)]
    pub at: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub tz: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub source: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub severity: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub chosen: Option<bool>,
    #[serde(default)]
    #[ts(optional)]
    pub delegable: Option<bool>,
    #[serde(default)]
    #[ts(optional)]
    pub note: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub tags: Option<Vec<String>>,
    /// Non-negotiables (by id) the person marks this entry as costing, windows or not.
    #[serde(default)]
    #[ts(optional)]
    pub costs: Option<Vec<i64>>,
    /// Instead of `at`: it started this many minutes before `ago_from` (or before now). The
    /// quick-log window says "20 min ago" and leaves the arithmetic to the core.
    #[serde(default)]
    #[ts(optional)]
    pub ago_minutes: Option<i64>,
    /// The instant `ago_minutes` counts back from, RFC 3339, as the shell's clock gave it when
    /// the form was opened; `None` for now.
    #[serde(default)]
    #[ts(optional)]
    pub ago_from: Option<String>,
}

/// A checked entry, ready to be written.
#[derive(Clone, Debug, PartialEq)]
pub struct NewInterruption {
    pub start: DateTime<Utc>,
    pub zone: Tz,
    pub minutes: u32,
    pub channel: String,
    pub source: Option<String>,
    pub severity: Severity,
    pub chosen: bool,
    pub delegable: bool,
    pub note: String,
    pub tags: Vec<String>,
    pub costs: Vec<i64>,
}

impl Draft {
    /// Checks every field; `now` and `zone` fill in a missing `at` and `tz`. Every refused field
    /// is named in one error, in the order the forms show them (channel, minutes, start, …).
    pub fn resolve(&self, now: DateTime<Utc>, default_zone: Tz) -> Result<NewInterruption> {
        let mut refused = Vec::new();
        let channel = kept(&mut refused, check_channel(&self.channel));
        let minutes = kept(&mut refused, check_minutes(self.minutes));
        // A zone that cannot be read is named once, as `tz`; the start is not judged without it.
        let zone = match &self.tz {
            Some(name) => kept(&mut refused, parse_zone("tz", name)),
            None => Some(default_zone),
        };
        let start = zone.and_then(|zone| kept(&mut refused, self.start(now, zone)));
        let source = kept(&mut refused, check_source(self.source.as_deref()));
        let severity = kept(&mut refused, self.severity.as_deref().map(str::parse).transpose());
        let note = kept(&mut refused, check_note(self.note.as_deref().unwrap_or("")));
        let tags = kept(&mut refused, check_tags(self.tags.as_deref().unwrap_or(&[])));
        match (channel, minutes, zone, start, source, severity, note, tags) {
            (
                Some(channel),
                Some(minutes),
                Some(zone),
                Some(start),
                Some(source),
                Some(severity),
                Some(note),
                Some(tags),
            ) => Ok(NewInterruption {
                start,
                zone,
                minutes,
                channel,
                source,
                severity: severity.unwrap_or_default(),
                chosen: self.chosen.unwrap_or(false),
                delegable: self.delegable.unwrap_or(false),
                note,
                tags,
                costs: self.costs.clone().unwrap_or_default(),
            }),
            _ => Err(Error::all(refused).expect("a field was refused")),
        }
    }

    /// When it started: `at`, or `ago_minutes` before `ago_from` (or now), or now; to the minute.
    fn start(&self, now: DateTime<Utc>, zone: Tz) -> Result<DateTime<Utc>> {
        let start = match (&self.at, self.ago_minutes) {
            (Some(_), Some(_)) => {
                return Err(Error::invalid("ago_minutes", "Give either when it started or how long ago, not both"))
            }
            (Some(text), None) => parse_at("at", text, zone)?,
            (None, Some(ago)) => {
                if !(0..=MAX_MINUTES).contains(&ago) {
                    return Err(Error::invalid(
                        "ago_minutes",
                        format!(
                            "How long ago did it start? A whole number of minutes from 0 to {}",
                            thousands(MAX_MINUTES)
                        ),
                    ));
                }
                let from = match &self.ago_from {
                    Some(text) => parse_at("ago_from", text, zone)?,
                    None => now,
                };
                from - TimeDelta::minutes(ago)
            }
            (None, None) => now,
        };
        start.duration_trunc(TimeDelta::minutes(1)).map_err(|_| Error::invalid("at", "is out of range"))
    }
}

/// A checked value, or `None` with its refusal kept among the others.
fn kept<T>(refused: &mut Vec<Error>, checked: Result<T>) -> Option<T> {
    checked.map_err(|e| refused.push(e)).ok()
}

/// What the minutes field asks for when it is empty or too small, in the words every form and
/// the CLI use.
pub fn minutes_instruction() -> String {
    format!("Enter the minutes it took, from {MIN_MINUTES} to {}", thousands(MAX_MINUTES))
}

/// What it asks for when there are more minutes than one entry may hold.
pub fn too_many_minutes() -> String {
    format!("Enter at most {} minutes (a week): log a longer incident as several entries", thousands(MAX_MINUTES))
}

/// `10080` as `10,080`.
pub fn thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 {
        format!("-{out}")
    } else {
        out
    }
}

/// The minutes of an entry: given, and from 1 to a week.
pub fn check_minutes(minutes: Option<i64>) -> Result<u32> {
    match minutes {
        Some(m) if m > MAX_MINUTES => Err(Error::invalid("minutes", too_many_minutes())),
        Some(m) if m >= MIN_MINUTES => Ok(m as u32),
        _ => Err(Error::invalid("minutes", minutes_instruction())),
    }
}

fn check_label(field: &str, text: &str) -> Result<String> {
    let text = text.trim();
    if text.is_empty() {
        return Err(Error::invalid(field, "must not be empty"));
    }
    if text.chars().count() > MAX_LABEL_CHARS || text.chars().any(char::is_control) {
        return Err(Error::invalid(field, format!("must be at most {MAX_LABEL_CHARS} characters on one line")));
    }
    Ok(text.to_string())
}

fn check_channel(text: &str) -> Result<String> {
    if text.trim().is_empty() {
        return Err(Error::invalid(
            "channel",
            "Choose the channel it came through (page, call, chat…) or type your own",
        ));
    }
    check_label("channel", text).map(|c| c.to_lowercase())
}

fn check_source(text: Option<&str>) -> Result<Option<String>> {
    let Some(text) = text.map(str::trim).filter(|t| !t.is_empty()) else { return Ok(None) };
    if text.chars().count() > MAX_SOURCE_CHARS || text.chars().any(char::is_control) {
        return Err(Error::invalid("source", format!("must be at most {MAX_SOURCE_CHARS} characters on one line")));
    }
    Ok(Some(text.to_string()))
}

fn check_note(text: &str) -> Result<String> {
    let count = text.chars().count();
    if count > MAX_NOTE_CHARS {
        return Err(Error::invalid("note", format!("must be at most {MAX_NOTE_CHARS} characters; got {count}")));
    }
    Ok(text.to_string())
}

fn check_tags(tags: &[String]) -> Result<Vec<String>> {
    if tags.len() > MAX_TAGS {
        return Err(Error::invalid("tags", format!("at most {MAX_TAGS} tags; got {}", tags.len())));
    }
    let mut out: Vec<String> = Vec::new();
    for (n, tag) in tags.iter().enumerate() {
        let tag = check_label(&format!("tags[{n}]"), tag)?;
        if !out.contains(&tag) {
            out.push(tag);
        }
    }
    Ok(out)
}

/// A stored entry.
#[derive(Clone, Debug, PartialEq)]
pub struct Interruption {
    pub id: i64,
    /// Stable across export and import, so a backup restored twice is not doubled.
    pub uid: String,
    pub logged_at: DateTime<Utc>,
    pub entry: NewInterruption,
}

/// A stored entry borrowed from its row, for work over many entries (exports) that needs no copy
/// of each one's text.
#[derive(Clone, Debug, PartialEq)]
pub struct EntryRef<'a> {
    pub id: i64,
    pub uid: &'a str,
    pub start: DateTime<Utc>,
    pub zone: Tz,
    pub minutes: u32,
    pub channel: &'a str,
    pub source: Option<&'a str>,
    pub severity: Severity,
    pub chosen: bool,
    pub delegable: bool,
    pub note: &'a str,
    /// The tags as stored: a JSON array of strings.
    pub tags_json: &'a str,
    pub costs: Vec<i64>,
    pub logged_at: DateTime<Utc>,
}

impl Interruption {
    pub fn end(&self) -> DateTime<Utc> {
        self.entry.start + TimeDelta::minutes(self.entry.minutes.into())
    }
}

/// Whether a source is a service (a system, a queue, a tool: something a runbook can take over)
/// or a person. Only what the person set decides it: a source named in `Prefs::people` is a
/// person, every other one a service.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum SourceKind {
    Service,
    Person,
}

impl SourceKind {
    /// A person if `source` is one of `people` (as logged, without regard to case).
    pub fn of(source: &str, people: &[String]) -> SourceKind {
        let source = source.trim().to_lowercase();
        if people.iter().any(|p| p.trim().to_lowercase() == source) {
            SourceKind::Person
        } else {
            SourceKind::Service
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            SourceKind::Service => "service",
            SourceKind::Person => "person",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(minutes: i64) -> Draft {
        Draft { channel: "page".into(), minutes: Some(minutes), ..Draft::default() }
    }

    fn now() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-11-18T22:30:47Z").unwrap().with_timezone(&Utc)
    }

    #[test]
    fn a_bare_draft_starts_now_in_the_default_zone_and_is_reactive() {
        let new = draft(15).resolve(now(), chrono_tz::Europe::Berlin).unwrap();
        assert_eq!(new.start.to_rfc3339(), "2026-11-18T22:30:00+00:00", "truncated to the minute");
        assert_eq!(new.zone, chrono_tz::Europe::Berlin);
        assert!(!new.chosen && !new.delegable);
        assert_eq!(new.severity, Severity::None);
    }

    #[test]
    fn every_bad_field_is_named() {
        let cases: Vec<(Draft, &str)> = vec![
            (draft(0), "minutes:"),
            (draft(-5), "minutes:"),
            (draft(10_081), "minutes:"),
            (Draft { channel: " ".into(), ..draft(5) }, "channel:"),
            (Draft { tz: Some("Mars/Olympus".into()), ..draft(5) }, "tz:"),
            (Draft { at: Some("2026-13-40T25:00".into()), ..draft(5) }, "at:"),
            (Draft { severity: Some("P9".into()), ..draft(5) }, "severity:"),
            (Draft { note: Some("x".repeat(MAX_NOTE_CHARS + 1)), ..draft(5) }, "note:"),
            (Draft { source: Some("s".repeat(201)), ..draft(5) }, "source:"),
            (Draft { tags: Some(vec!["ok".into(), "".into()]), ..draft(5) }, "tags[1]:"),
            (Draft { ago_minutes: Some(-1), ..draft(5) }, "ago_minutes:"),
            (Draft { ago_minutes: Some(5), at: Some("2026-11-18T10:00".into()), ..draft(5) }, "ago_minutes:"),
            (Draft { ago_minutes: Some(5), ago_from: Some("yesterday".into()), ..draft(5) }, "ago_from:"),
        ];
        for (d, field) in cases {
            let err = d.resolve(now(), chrono_tz::UTC).unwrap_err();
            assert!(err.to_string().starts_with(field), "want {field}, got {err}");
        }
    }

    #[test]
    fn minutes_ago_count_back_from_the_instant_the_form_was_opened() {
        let d = Draft { ago_minutes: Some(20), ago_from: Some("2026-11-18T21:00:00Z".into()), ..draft(5) };
        assert_eq!(d.resolve(now(), chrono_tz::UTC).unwrap().start.to_rfc3339(), "2026-11-18T20:40:00+00:00");
        let d = Draft { ago_minutes: Some(0), ..draft(5) };
        assert_eq!(
            d.resolve(now(), chrono_tz::UTC).unwrap().start,
            now().duration_trunc(TimeDelta::minutes(1)).unwrap()
        );
    }

    #[test]
    fn empty_or_out_of_range_minutes_say_what_to_enter() {
        let message = |d: Draft| d.resolve(now(), chrono_tz::UTC).unwrap_err().to_string();
        let empty = Draft { minutes: None, ..draft(5) };
        assert_eq!(message(empty), "minutes: Enter the minutes it took, from 1 to 10,080");
        assert_eq!(message(draft(0)), "minutes: Enter the minutes it took, from 1 to 10,080");
        assert_eq!(
            message(draft(10_081)),
            "minutes: Enter at most 10,080 minutes (a week): log a longer incident as several entries"
        );
        assert_eq!(thousands(10_080), "10,080");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000_000), "1,000,000");
    }

    #[test]
    fn every_refused_field_is_named_at_once_in_the_order_the_form_shows_them() {
        let d = Draft { channel: "".into(), minutes: None, severity: Some("P9".into()), ..Draft::default() };
        let err = d.resolve(now(), chrono_tz::UTC).unwrap_err();
        let fields: Vec<_> = err.problems().into_iter().map(|p| p.field).collect();
        assert_eq!(fields, ["channel", "minutes", "severity"]);
        assert_eq!(
            err.to_string().lines().next().unwrap(),
            "channel: Choose the channel it came through (page, call, chat…) or type your own",
            "the empty channel has its own message, naming the field"
        );
        // A zone that cannot be read is one refusal, not a second one for the start.
        let d = Draft { tz: Some("Mars/Olympus".into()), at: Some("2026-11-18T10:00".into()), ..draft(5) };
        let fields: Vec<_> =
            d.resolve(now(), chrono_tz::UTC).unwrap_err().problems().into_iter().map(|p| p.field).collect();
        assert_eq!(fields, ["tz"]);
    }

    #[test]
    fn limits_are_inclusive() {
        assert!(draft(1).resolve(now(), chrono_tz::UTC).is_ok());
        assert!(draft(10_080).resolve(now(), chrono_tz::UTC).is_ok());
        let note = Draft { note: Some("é".repeat(MAX_NOTE_CHARS)), ..draft(5) };
        assert!(note.resolve(now(), chrono_tz::UTC).is_ok(), "characters, not bytes");
    }

    #[test]
    fn tags_are_trimmed_and_deduplicated() {
        let d = Draft { tags: Some(vec![" db ".into(), "db".into(), "night".into()]), ..draft(5) };
        assert_eq!(d.resolve(now(), chrono_tz::UTC).unwrap().tags, vec!["db", "night"]);
    }
}
