//! Anything else that pages a person (Opsgenie, incident.io, Grafana OnCall, a spreadsheet), read
//! from CSV or JSON through a mapping that says which column or field holds what:
//! `start=created_at,end=resolved_at,source=service,severity=priority,id=alert_id`.
//!
//! The keys: `start` (required: when it began), `end` or `minutes` (at most one; neither: a
//! five-minute page), `title`, `source`, `severity`, `channel` (default `page`), `id` (the source
//! system's own id; without it one is made from the start, source and title, so capturing the
//! same file twice never doubles), and `who` (whose it was: with `--me`, a record whose `who` does
//! not name the person, alone or in a list separated by commas or semicolons, is not theirs).
//!
//! A CSV file has a header row; a column is named as the header names it. A JSON file is an array
//! of objects, or an object with exactly one member that is such an array (`{"alerts": [...]}`,
//! `{"incidents": [...], "pagination_meta": {...}}`); a field is named by its key or by a dotted
//! path into it (`service.name`, `assignees.0.email`). A time is RFC 3339, local
//! `YYYY-MM-DD HH:MM[:SS]` (with a `T` or a space) in `Options::zone`, or seconds (or
//! milliseconds) since 1970. The file is read whole first: a malformed record refuses it, naming
//! the line or the record and the field (`line 12: start: …`, `incidents[3].created_at: …`).

use std::borrow::Cow;

use chrono::{DateTime, NaiveDateTime, Utc};
use chrono_tz::Tz;
use serde_json::Value;
use sha2::{Digest, Sha256};

use super::pagerduty::{admit, page_minutes, whole_minute};
use super::{Event, Found, Kind, Options, Skip, MIN_PAGE_MINUTES};
use crate::error::{quoted, Error, Result};
use crate::interruptions::{Severity, MAX_LABEL_CHARS, MAX_MINUTES, MAX_SOURCE_CHARS};
use crate::zone::typed_local;

/// Which column or field of a record holds what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mapping {
    start: String,
    end: Option<String>,
    minutes: Option<String>,
    title: Option<String>,
    source: Option<String>,
    severity: Option<String>,
    channel: Option<String>,
    id: Option<String>,
    who: Option<String>,
}

/// The keys of a mapping, in the order `Mapping::spec` writes them.
const KEYS: [&str; 9] = ["start", "end", "minutes", "title", "source", "severity", "channel", "id", "who"];

impl Mapping {
    /// Reads `start=created_at,end=resolved_at,…`. A column's name may hold spaces (quote the
    /// spec in a shell), not a comma or an equals sign.
    pub fn parse(spec: &str) -> Result<Mapping> {
        let mut slots: [Option<String>; 9] = Default::default();
        for part in spec.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let Some((key, column)) = part.split_once('=') else {
                return Err(Error::invalid(
                    "map",
                    format!("{} is not KEY=COLUMN; write for example start=created_at,end=resolved_at", quoted(part)),
                ));
            };
            let key = key.trim().to_ascii_lowercase();
            let Some(slot) = KEYS.iter().position(|k| *k == key) else {
                return Err(Error::invalid(
                    "map",
                    format!("{} is not a key of a mapping; use {}", quoted(&key), KEYS.join(", ")),
                ));
            };
            let column = column.trim();
            if column.is_empty() {
                return Err(Error::invalid("map", format!("{key} names no column; write {key}=COLUMN")));
            }
            if slots[slot].replace(column.to_owned()).is_some() {
                return Err(Error::invalid("map", format!("{key} is given twice")));
            }
        }
        let [start, end, minutes, title, source, severity, channel, id, who] = slots;
        let Some(start) = start else {
            return Err(Error::invalid(
                "map",
                "start is required: name the column that says when it began, e.g. start=created_at",
            ));
        };
        if end.is_some() && minutes.is_some() {
            return Err(Error::invalid("map", "give end or minutes, not both"));
        }
        Ok(Mapping { start, end, minutes, title, source, severity, channel, id, who })
    }

    /// The mapping as `parse` reads it, keys in one order: what a saved mapping stores.
    pub fn spec(&self) -> String {
        self.columns().map(|(key, column)| format!("{key}={column}")).collect::<Vec<_>>().join(",")
    }

    /// Each key given, with its column.
    fn columns(&self) -> impl Iterator<Item = (&'static str, &str)> {
        let slots = [
            Some(&self.start),
            self.end.as_ref(),
            self.minutes.as_ref(),
            self.title.as_ref(),
            self.source.as_ref(),
            self.severity.as_ref(),
            self.channel.as_ref(),
            self.id.as_ref(),
            self.who.as_ref(),
        ];
        KEYS.into_iter().zip(slots).filter_map(|(key, column)| Some((key, column?.as_str())))
    }
}

/// A word for a severity, as exports write them: P1–P4, `SEV-1`–`SEV-4`, 1–4, or critical (P1),
/// high or major (P2), moderate, medium or minor (P3), low or info (P4); P5 and 5 (Opsgenie's and
/// PagerDuty's "informational") are P4, the lowest Loadline keeps; `none` is none. Anything else
/// is not known (`None`).
pub fn severity_named(text: &str) -> Option<Severity> {
    let word: String = text.chars().filter(|c| !matches!(c, ' ' | '-' | '_')).collect::<String>().to_lowercase();
    let level = word
        .strip_prefix("sev")
        .or_else(|| word.strip_prefix('p'))
        .filter(|rest| rest.chars().all(|c| c.is_ascii_digit()) && !rest.is_empty())
        .unwrap_or(&word);
    Some(match level {
        "1" | "critical" => Severity::P1,
        "2" | "high" | "major" => Severity::P2,
        "3" | "moderate" | "medium" | "minor" => Severity::P3,
        "4" | "5" | "low" | "info" | "informational" => Severity::P4,
        "none" => Severity::None,
        _ => return None,
    })
}

/// Reads a CSV file with a header row through `mapping`.
pub fn read_csv(text: &str, mapping: &Mapping, opts: &Options) -> Result<Found> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(text.as_bytes());
    let header = reader.headers().map_err(|e| csv_error(&e))?.clone();
    let mut index = Vec::new();
    for (key, column) in mapping.columns() {
        let at = header
            .iter()
            .position(|h| h.trim() == column)
            .or_else(|| header.iter().position(|h| h.trim().eq_ignore_ascii_case(column)));
        let Some(at) = at else {
            let columns: Vec<_> = header.iter().map(|h| h.trim()).collect();
            return Err(Error::invalid(
                format!("line 1: {key}"),
                format!("the header has no column {}; its columns are: {}", quoted(column), columns.join(", ")),
            ));
        };
        index.push((column, at));
    }
    let mut found = Found::default();
    let mut events = Vec::new();
    for row in reader.records() {
        let row = row.map_err(|e| csv_error(&e))?;
        let line = row.position().map_or(0, |p| p.line());
        let record = Row { row: &row, line, index: &index };
        if let Some(event) = record_event(&record, Kind::Csv, mapping, opts, &mut found)? {
            events.push(event);
        }
    }
    found.events = events;
    Ok(found)
}

/// Reads a JSON file (an array of records, or an object holding one) through `mapping`.
pub fn read_json(text: &str, mapping: &Mapping, opts: &Options) -> Result<Found> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value = crate::json::parse(text, "file")?;
    let (key, records) = match value {
        Value::Array(records) => (String::new(), records),
        Value::Object(object) => {
            let arrays: Vec<_> = object.iter().filter(|(_, v)| v.is_array()).map(|(k, _)| k.clone()).collect();
            match arrays.as_slice() {
                [one] => {
                    let key = one.clone();
                    let Some(Value::Array(records)) = object.into_iter().find(|(k, _)| *k == key).map(|(_, v)| v)
                    else {
                        unreachable!("the member was just found to be an array")
                    };
                    (key, records)
                }
                [] => {
                    return Err(Error::invalid(
                        "file",
                        "expected an array of records, or an object holding one ({\"alerts\": [...]})",
                    ))
                }
                several => {
                    return Err(Error::invalid(
                        "file",
                        format!(
                            "the object holds several arrays ({}); save the one of records alone",
                            several.join(", ")
                        ),
                    ))
                }
            }
        }
        _ => {
            return Err(Error::invalid(
                "file",
                "expected an array of records, or an object holding one ({\"alerts\": [...]})",
            ))
        }
    };
    let mut found = Found::default();
    let mut events = Vec::new();
    for (n, record) in records.iter().enumerate() {
        let label = format!("{key}[{n}]");
        let Value::Object(_) = record else {
            return Err(Error::invalid(label, "a record is an object of fields"));
        };
        if let Some(event) =
            record_event(&Object { value: record, label: &label }, Kind::Json, mapping, opts, &mut found)?
        {
            events.push(event);
        }
    }
    found.events = events;
    Ok(found)
}

/// One record of a file, whatever its format.
trait Record {
    /// What `column` holds, trimmed; `None` when it is empty or absent.
    fn cell(&self, key: &str, column: &str) -> Result<Option<Cow<'_, str>>>;
    /// The field an error about `key`, read from `column`, names.
    fn field(&self, key: &str, column: &str) -> String;
}

struct Row<'a> {
    row: &'a csv::StringRecord,
    line: u64,
    index: &'a [(&'a str, usize)],
}

impl Record for Row<'_> {
    fn cell(&self, _key: &str, column: &str) -> Result<Option<Cow<'_, str>>> {
        let at = self.index.iter().find(|(c, _)| *c == column).map(|(_, at)| *at);
        Ok(at.and_then(|at| self.row.get(at)).map(str::trim).filter(|c| !c.is_empty()).map(Cow::Borrowed))
    }

    fn field(&self, key: &str, column: &str) -> String {
        format!("line {}: {key} ({column})", self.line)
    }
}

struct Object<'a> {
    value: &'a Value,
    label: &'a str,
}

impl Record for Object<'_> {
    fn cell(&self, key: &str, column: &str) -> Result<Option<Cow<'_, str>>> {
        let found = self.value.get(column).or_else(|| {
            column.split('.').try_fold(self.value, |v, part| match v {
                Value::Array(items) => part.parse::<usize>().ok().and_then(|i| items.get(i)),
                _ => v.get(part),
            })
        });
        let text = match found {
            None | Some(Value::Null) => return Ok(None),
            Some(Value::String(s)) => Cow::Borrowed(s.trim()),
            Some(Value::Array(items)) if items.iter().all(|i| !i.is_object() && !i.is_array()) => {
                Cow::Owned(items.iter().filter_map(scalar).collect::<Vec<_>>().join(", "))
            }
            Some(v @ (Value::Array(_) | Value::Object(_))) => {
                return Err(Error::invalid(
                    self.field(key, column),
                    format!(
                        "is {} for {key}; name a field inside it, e.g. {column}.{}",
                        if v.is_array() { "a list of objects" } else { "an object" },
                        if v.is_array() { "0.name" } else { "name" }
                    ),
                ))
            }
            Some(v) => Cow::Owned(scalar(v).unwrap_or_default()),
        };
        Ok(Some(text).filter(|t| !t.is_empty()))
    }

    fn field(&self, _key: &str, column: &str) -> String {
        format!("{}.{column}", self.label)
    }
}

fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.trim().to_owned()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// One record as an event, or the reason it is skipped (counted in `found`); every mapped field
/// is checked first, so a malformed record refuses the file whether or not it would be kept.
fn record_event(r: &impl Record, kind: Kind, m: &Mapping, opts: &Options, found: &mut Found) -> Result<Option<Event>> {
    let cell = |key: &str, column: &Option<String>| -> Result<Option<(String, String)>> {
        let Some(column) = column else { return Ok(None) };
        Ok(r.cell(key, column)?.map(|text| (text.into_owned(), column.clone())))
    };
    let time = |key: &str, column: &Option<String>| -> Result<Option<DateTime<Utc>>> {
        let Some((text, column)) = cell(key, column)? else { return Ok(None) };
        instant(&text, opts.zone).map(Some).map_err(|message| Error::invalid(r.field(key, &column), message))
    };
    let Some(start) = time("start", &Some(m.start.clone()))? else {
        return Err(Error::invalid(r.field("start", &m.start), "missing: every record needs the time it began"));
    };
    let end = time("end", &m.end)?;
    if let Some(end) = end.filter(|end| *end < start) {
        return Err(Error::invalid(
            r.field("end", m.end.as_deref().unwrap_or_default()),
            format!("{} is before its start, {}", end.to_rfc3339(), start.to_rfc3339()),
        ));
    }
    let minutes = match cell("minutes", &m.minutes)? {
        Some((text, column)) => {
            Some(text.parse::<u32>().ok().filter(|n| (1..=MAX_MINUTES as u32).contains(n)).ok_or_else(|| {
                Error::invalid(
                    r.field("minutes", &column),
                    format!("{} is not a whole number of minutes from 1 to {MAX_MINUTES}", quoted(&text)),
                )
            })?)
        }
        None => None,
    };
    let severity = match cell("severity", &m.severity)? {
        Some((text, column)) => severity_named(&text).ok_or_else(|| {
            Error::invalid(
                r.field("severity", &column),
                format!("{} is not a severity; use P1–P4 (P5 counts as P4), SEV1–SEV4, critical, high, moderate, low or none", quoted(&text)),
            )
        })?,
        None => Severity::None,
    };
    let channel = match cell("channel", &m.channel)? {
        Some((text, column)) if text.chars().count() > MAX_LABEL_CHARS => {
            return Err(Error::invalid(
                r.field("channel", &column),
                format!("{} is longer than {MAX_LABEL_CHARS} characters", quoted(&text)),
            ))
        }
        Some((text, _)) => text,
        None => "page".to_owned(),
    };
    let source = match cell("source", &m.source)? {
        Some((text, column)) if text.chars().count() > MAX_SOURCE_CHARS => {
            return Err(Error::invalid(
                r.field("source", &column),
                format!("{} is longer than {MAX_SOURCE_CHARS} characters", quoted(&text)),
            ))
        }
        other => other.map(|(text, _)| text),
    };
    let title = cell("title", &m.title)?.map(|(t, _)| t);
    let id = cell("id", &m.id)?.map(|(t, _)| t);
    let who = cell("who", &m.who)?.map(|(t, _)| t);

    if let (Some(me), Some(_)) = (&opts.me, &m.who) {
        let me = me.trim().to_lowercase();
        let theirs = who.is_some_and(|w| w.split([',', ';']).any(|name| name.trim().to_lowercase() == me));
        if !theirs {
            found.skip(Skip::NotMe);
            return Ok(None);
        }
    }
    if !admit(found, start, opts) {
        return Ok(None);
    }
    let start = whole_minute(start);
    let minutes = match (minutes, &m.end, &m.minutes) {
        (Some(minutes), _, _) => minutes,
        (None, None, None) => MIN_PAGE_MINUTES,
        // A record whose end (or length) is empty is still open.
        (None, _, _) => page_minutes(start, end, opts),
    };
    let external_id = id.unwrap_or_else(|| {
        let made = Sha256::digest(format!(
            "{}\u{1f}{}\u{1f}{}",
            start.to_rfc3339(),
            source.as_deref().unwrap_or(""),
            title.as_deref().unwrap_or("")
        ));
        format!("row-{}", made.iter().take(8).map(|b| format!("{b:02x}")).collect::<String>())
    });
    let title = title
        .or_else(|| source.clone())
        .unwrap_or_else(|| format!("{channel} at {}", start.format("%Y-%m-%d %H:%M UTC")));
    Ok(Some(Event {
        kind,
        external_id,
        title,
        start,
        zone: opts.zone,
        minutes,
        channel,
        source,
        severity,
        chosen: false,
    }))
}

/// A time as exports write it; the message says what is allowed.
fn instant(text: &str, zone: Tz) -> std::result::Result<DateTime<Utc>, String> {
    if let Ok(t) = DateTime::parse_from_rfc3339(text) {
        return Ok(t.with_timezone(&Utc));
    }
    if !text.is_empty() && text.len() <= 13 && text.bytes().all(|b| b.is_ascii_digit()) {
        let n: i64 = text.parse().map_err(|_| String::new())?;
        // Eleven digits of seconds reach the year 5138; more are milliseconds.
        let t = if text.len() <= 11 { DateTime::from_timestamp(n, 0) } else { DateTime::from_timestamp_millis(n) };
        return t.ok_or_else(|| format!("{} is not a time", quoted(text)));
    }
    for format in ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%d %H:%M:%S%.f", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"] {
        if let Ok(local) = NaiveDateTime::parse_from_str(text, format) {
            return typed_local("start", zone, local).map_err(|e| match e {
                Error::Invalid { message, .. } => message,
                other => other.to_string(),
            });
        }
    }
    Err(format!(
        "{} is not a time; use RFC 3339 (2026-11-18T23:30:00Z), local time YYYY-MM-DD HH:MM[:SS] (in {zone}) or seconds since 1970",
        quoted(text)
    ))
}

fn csv_error(e: &csv::Error) -> Error {
    match e.position() {
        Some(p) => Error::invalid(format!("line {}", p.line()), format!("not valid CSV: {e}")),
        None => Error::invalid("file", format!("not valid CSV: {e}")),
    }
}
