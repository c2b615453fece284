//! Capture: the systems that interrupt a person (the pager, the calendar, version control, any
//! export with a mapping) read from files, never fetched. Each source turns a file into `Event`s
//! and the reasons it skipped the rest; `suggest` (in `inbox.rs`) decides which events cross into
//! personal time and become suggestions. Nothing here writes an entry: accepting a suggestion goes
//! through the one write path (`usecases::entries`).

pub mod git;
pub mod ics;
pub mod inbox;
pub mod mapped;
pub mod pagerduty;

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::interruptions::Severity;

/// Which kind of file a capture reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum Kind {
    Pagerduty,
    Ics,
    Git,
    Csv,
    Json,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Pagerduty => "pagerduty",
            Kind::Ics => "ics",
            Kind::Git => "git",
            Kind::Csv => "csv",
            Kind::Json => "json",
        }
    }

    /// What a person calls it, for messages ("this looks like an iCalendar file").
    pub fn described(self) -> &'static str {
        match self {
            Kind::Pagerduty => "a PagerDuty export",
            Kind::Ics => "an iCalendar file",
            Kind::Git => "a git repository",
            Kind::Csv => "a CSV file",
            Kind::Json => "a JSON file",
        }
    }
}

/// Why an event found in a file was not suggested.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Skip {
    /// Inside working hours and breaching nothing: it did not cross into personal time.
    WorkingHours,
    /// A calendar invitation the person declined.
    Declined,
    /// An all-day calendar event.
    AllDay,
    /// It starts after now.
    Future,
    /// Not the person's: assigned to, authored by or sent to someone else.
    NotMe,
    /// Suggested, accepted or dismissed before (by its external id).
    AlreadySeen,
    /// Outside `--from`/`--to`.
    OutOfRange,
}

impl Skip {
    pub fn words(self) -> &'static str {
        match self {
            Skip::WorkingHours => "in working hours",
            Skip::Declined => "declined",
            Skip::AllDay => "all day",
            Skip::Future => "in the future",
            Skip::NotMe => "not yours",
            Skip::AlreadySeen => "seen before",
            Skip::OutOfRange => "outside the days asked for",
        }
    }
}

/// One event a source found: what it would become as an entry.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    pub kind: Kind,
    /// The source system's own id (an incident id, an iCalendar UID with its instant, a commit
    /// session's first hash): capturing the same file twice never doubles anything.
    pub external_id: String,
    /// Shown to the person; never rendered as HTML.
    pub title: String,
    pub start: DateTime<Utc>,
    /// The zone the event happened in (its TZID, or `--tz`).
    pub zone: Tz,
    pub minutes: u32,
    pub channel: String,
    pub source: Option<String>,
    pub severity: Severity,
    pub chosen: bool,
}

/// What a source made of a file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Found {
    pub events: Vec<Event>,
    pub skipped: BTreeMap<Skip, u32>,
}

impl Found {
    pub fn skip(&mut self, why: Skip) {
        *self.skipped.entry(why).or_default() += 1;
    }
}

/// What every source is told.
#[derive(Clone, Debug)]
pub struct Options {
    /// Who the person is in the source: a PagerDuty user id, name or email; a calendar address; a
    /// git author email.
    pub me: Option<String>,
    /// Events starting in `[from, to)` only; others are skipped as `OutOfRange` (a calendar's
    /// recurrences are expanded only within it).
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    /// The zone for instants written without one.
    pub zone: Tz,
    /// The longest a captured page lasts when its end is not known or is later (minutes).
    pub max_page_minutes: u32,
    pub now: DateTime<Utc>,
}

/// The shortest and the default longest page a capture makes of an incident.
pub const MIN_PAGE_MINUTES: u32 = 5;
pub const DEFAULT_MAX_PAGE_MINUTES: u32 = 240;
/// A file larger than this is refused.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// What a file looks like from its first bytes (or a folder, from whether it is a repository).
pub fn detect(path: &Path) -> Result<Option<Kind>> {
    if path.is_dir() {
        let repository = path.join(".git").exists() || (path.join("HEAD").is_file() && path.join("objects").is_dir());
        return Ok(repository.then_some(Kind::Git));
    }
    let mut head = Vec::with_capacity(8192);
    std::fs::File::open(path)
        .and_then(|f| f.take(8192).read_to_end(&mut head))
        .map_err(|e| Error::io(format!("cannot read {}", path.display()), e))?;
    let text = String::from_utf8_lossy(&head);
    let text = text.trim_start_matches('\u{feff}').trim_start();
    if text.starts_with("BEGIN:VCALENDAR") {
        return Ok(Some(Kind::Ics));
    }
    if text.starts_with('{') || text.starts_with('[') {
        let pager = ["\"incidents\"", "\"log_entries\"", "\"event_type\""].iter().any(|k| text.contains(k));
        return Ok(Some(if pager { Kind::Pagerduty } else { Kind::Json }));
    }
    let csv = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv"))
        || text.lines().next().is_some_and(|l| l.contains(','));
    Ok(csv.then_some(Kind::Csv))
}

/// Reads one file (or repository) as `kind`, whole: a file larger than `MAX_FILE_BYTES` is
/// refused, and one that fails half-way gives nothing.
pub fn read(kind: Kind, path: &Path, opts: &Options, mapping: Option<&mapped::Mapping>) -> Result<Found> {
    if kind == Kind::Git {
        return git::read(path, opts);
    }
    let text = crate::files::read_limited(path, MAX_FILE_BYTES as usize)?;
    let needs_map =
        || Error::invalid("map", "a CSV or JSON file needs --map start=…,end=… (or a saved mapping's name)");
    match kind {
        Kind::Pagerduty => pagerduty::read(&text, opts),
        Kind::Ics => ics::read(&text, opts),
        Kind::Csv => mapped::read_csv(&text, mapping.ok_or_else(needs_map)?, opts),
        Kind::Json => mapped::read_json(&text, mapping.ok_or_else(needs_map)?, opts),
        Kind::Git => unreachable!("read from the repository above"),
    }
}
