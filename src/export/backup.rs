//! The JSON export, which is also the complete backup. Its schema is versioned (`VERSION`) and
//! is `BackupFile` below: fields added later default when absent, so older backups still read.
//! `parse` checks a whole file before anything is written, naming the record and field of the
//! first problem.

use std::collections::{HashMap, HashSet};
use std::io::Write;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::boundaries::Boundary;
use crate::capture::inbox::Captured;
use crate::error::{Error, Result};
use crate::interruptions::{Draft, EntryRef, Severity};
use crate::prefs::Prefs;
use crate::reflection::Answers;
use crate::reminders::{Level, Warning};
use crate::schedule::Schedule;
use crate::selfcheck::{Take, TakeAnswers};
use crate::store::{ImportSet, ImportedBoundary, ImportedEntry, Store};
use crate::timeline::Versioned;
use crate::week::IsoWeek;
use crate::zone::parse_zone;

pub const FORMAT: &str = "loadline-backup";
pub const VERSION: u32 = 1;
/// Far above ten years of heavy use (about 15 MB), far below harm.
pub const MAX_BYTES: usize = 256 * 1024 * 1024;

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BackupFile {
    pub format: String,
    pub version: u32,
    pub exported_at: DateTime<Utc>,
    /// Says in words that this file holds everything, private notes included.
    pub contents: String,
    pub entries: Vec<BackupEntry>,
    pub schedule_versions: Vec<BackupVersion<Schedule>>,
    pub non_negotiables: Vec<BackupBoundary>,
    pub prefs: Prefs,
    /// The person's answers, one per week.
    #[serde(default)]
    pub reflections: Vec<BackupReflection>,
    /// The warnings that fired, as the in-app list shows them.
    #[serde(default)]
    pub warnings: Vec<BackupWarning>,
    /// The self-check's takes, with their answers.
    #[serde(default)]
    pub selfchecks: Vec<BackupSelfCheck>,
    /// The capture inbox, decided suggestions too: a restored record suggests nothing twice.
    #[serde(default)]
    pub captured: Vec<Captured>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BackupSelfCheck {
    pub uid: String,
    pub at: DateTime<Utc>,
    pub zone: String,
    pub answers: TakeAnswers,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BackupReflection {
    pub week: IsoWeek,
    pub answers: Answers,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BackupWarning {
    pub warning: Warning,
    pub first_seen: DateTime<Utc>,
    pub notified: Option<Level>,
    pub read: bool,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BackupEntry {
    pub uid: String,
    /// RFC 3339, UTC.
    pub start: DateTime<Utc>,
    pub zone: String,
    pub minutes: i64,
    pub channel: String,
    pub source: Option<String>,
    pub severity: String,
    pub chosen: bool,
    pub delegable: bool,
    pub note: String,
    pub tags: Vec<String>,
    /// Uids of the non-negotiables it was marked as costing.
    pub costs: Vec<String>,
    pub logged_at: DateTime<Utc>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BackupVersion<T> {
    /// `null`: from the beginning of time.
    pub valid_from: Option<DateTime<Utc>>,
    pub value: T,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BackupBoundary {
    pub uid: String,
    pub created_at: DateTime<Utc>,
    /// `value: null` marks its removal.
    pub versions: Vec<BackupVersion<Option<Boundary>>>,
}

/// One entry as the backup writes it, borrowed from its row: the same keys as `BackupEntry`.
#[derive(Serialize)]
struct EntryOut<'a> {
    uid: &'a str,
    start: Utc3339,
    zone: &'a str,
    minutes: u32,
    channel: &'a str,
    source: Option<&'a str>,
    severity: Severity,
    chosen: bool,
    delegable: bool,
    note: &'a str,
    /// Stored as a JSON array of strings already: written as it is.
    tags: &'a RawValue,
    costs: Vec<&'a str>,
    logged_at: Utc3339,
}

/// An instant as chrono serialises it, written faster (`rfc3339`).
struct Utc3339(DateTime<Utc>);

impl Serialize for Utc3339 {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(crate::rfc3339::utc(self.0).as_str())
    }
}

/// Writes the whole store (or the entries starting in `range`, with every setting) as a
/// backup to `w`: entries go from SQLite to the writer one by one, never all in memory.
pub fn write(
    store: &Store,
    range: Option<(DateTime<Utc>, DateTime<Utc>)>,
    now: DateTime<Utc>,
    w: &mut (dyn Write + Send),
) -> Result<()> {
    let timeline = store.timeline()?;
    let records = store.boundary_records()?;
    let uids: HashMap<i64, &str> = records.iter().map(|(id, uid, _)| (*id, uid.as_str())).collect();
    let fail = |e: std::io::Error| Error::io("cannot write the backup", e);
    let json = |w: &mut dyn Write, value: &dyn erased::Serialize| value.write_to(w).map_err(fail);
    w.write_all(br#"{"format":"#).map_err(fail)?;
    json(w, &FORMAT)?;
    w.write_all(br#","version":"#).map_err(fail)?;
    json(w, &VERSION)?;
    w.write_all(br#","exported_at":"#).map_err(fail)?;
    json(w, &now)?;
    w.write_all(br#","contents":"#).map_err(fail)?;
    json(w, &CONTENTS)?;
    w.write_all(br#","entries":["#).map_err(fail)?;
    let mut first = true;
    // Each entry is made in this buffer and written in one call: a writer behind `dyn` would
    // otherwise be called for every token.
    let mut buf: Vec<u8> = Vec::with_capacity(1024);
    let each = |f: &mut (dyn FnMut(EntryRef) -> Result<()> + Send)| match range {
        Some(range) => store.each_entry_ahead(Some(range), f),
        None => store.each_entry_as_logged(f),
    };
    each(&mut |e| {
        buf.clear();
        if !std::mem::take(&mut first) {
            buf.push(b',');
        }
        let tags: &RawValue = serde_json::from_str(e.tags_json)
            .map_err(|err| Error::invalid("tags", format!("stored value cannot be read: {err}")))?;
        let out = EntryOut {
            uid: e.uid,
            start: Utc3339(e.start),
            zone: e.zone.name(),
            minutes: e.minutes,
            channel: e.channel,
            source: e.source,
            severity: e.severity,
            chosen: e.chosen,
            delegable: e.delegable,
            note: e.note,
            tags,
            costs: e.costs.iter().filter_map(|id| uids.get(id).copied()).collect(),
            logged_at: Utc3339(e.logged_at),
        };
        serde_json::to_writer(&mut buf, &out).map_err(|e| fail(e.into()))?;
        w.write_all(&buf).map_err(fail)
    })?;
    let non_negotiables: Vec<BackupBoundary> = timeline
        .boundaries
        .iter()
        .filter_map(|h| {
            let (_, uid, created_at) = records.iter().find(|(id, _, _)| *id == h.id)?;
            let versions =
                h.versions.iter().map(|v| BackupVersion { valid_from: v.valid_from, value: v.value.clone() }).collect();
            Some(BackupBoundary { uid: uid.clone(), created_at: *created_at, versions })
        })
        .collect();
    let schedules: Vec<BackupVersion<Schedule>> = timeline
        .schedules()
        .iter()
        .map(|v| BackupVersion { valid_from: v.valid_from, value: v.value.clone() })
        .collect();
    let reflections: Vec<BackupReflection> = store
        .reflections()?
        .into_iter()
        .map(|(week, answers, updated_at)| BackupReflection { week, answers, updated_at })
        .collect();
    let warnings: Vec<BackupWarning> = store
        .notices(u32::MAX)?
        .into_iter()
        .map(|n| BackupWarning {
            first_seen: DateTime::parse_from_rfc3339(&n.first_seen).map(|t| t.with_timezone(&Utc)).unwrap_or(now),
            warning: n.warning,
            notified: n.notified,
            read: n.read,
        })
        .collect();
    w.write_all(br#"],"schedule_versions":"#).map_err(fail)?;
    json(w, &schedules)?;
    w.write_all(br#","non_negotiables":"#).map_err(fail)?;
    json(w, &non_negotiables)?;
    w.write_all(br#","prefs":"#).map_err(fail)?;
    json(w, &store.prefs()?)?;
    w.write_all(br#","reflections":"#).map_err(fail)?;
    json(w, &reflections)?;
    w.write_all(br#","warnings":"#).map_err(fail)?;
    json(w, &warnings)?;
    let selfchecks: Vec<BackupSelfCheck> = store
        .selfchecks()?
        .into_iter()
        .map(|t| BackupSelfCheck {
            uid: t.uid,
            at: t.at,
            zone: t.zone.name().to_string(),
            answers: t.answers,
            updated_at: t.updated_at,
        })
        .collect();
    w.write_all(br#","selfchecks":"#).map_err(fail)?;
    json(w, &selfchecks)?;
    w.write_all(br#","captured":"#).map_err(fail)?;
    json(w, &store.captured_rows()?)?;
    w.write_all(b"}\n").map_err(fail)
}

/// Says in words that a backup holds everything, private notes included.
const CONTENTS: &str = "Everything: every entry with its private note and source, every version of the settings and non-negotiables, and the preferences. Keep it private.";

/// Writing one value of any type as compact JSON, behind a `dyn`.
mod erased {
    use std::io::Write;

    pub trait Serialize {
        fn write_to(&self, w: &mut dyn Write) -> std::io::Result<()>;
    }

    impl<T: serde::Serialize + ?Sized> Serialize for T {
        fn write_to(&self, w: &mut dyn Write) -> std::io::Result<()> {
            serde_json::to_writer(w, self).map_err(std::io::Error::other)
        }
    }
}

/// Checks a whole backup file. Nothing is written here.
pub fn parse(text: &str) -> Result<ImportSet> {
    if text.len() > MAX_BYTES {
        return Err(Error::invalid("file", format!("is larger than {} MiB", MAX_BYTES >> 20)));
    }
    // The header first, so a backup from a newer Loadline gets the right message.
    let header = crate::json::parse(text, "file")?;
    if header.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(Error::invalid(
            "format",
            format!("this is not a Loadline backup (expected \"format\": \"{FORMAT}\")"),
        ));
    }
    match header.get("version").and_then(|v| v.as_u64()) {
        Some(v) if v == u64::from(VERSION) => {}
        Some(v) if v > u64::from(VERSION) => {
            return Err(Error::invalid(
                "version",
                format!("{v} is from a newer Loadline; this one reads version {VERSION}"),
            ))
        }
        Some(other) => return Err(Error::invalid("version", format!("must be {VERSION}; got {other}"))),
        None => return Err(Error::invalid("version", format!("must be the number {VERSION}"))),
    }
    let file: BackupFile = serde_path_to_error::deserialize(header).map_err(|e| {
        let path = e.path().to_string();
        Error::invalid(path, e.into_inner().to_string())
    })?;
    check(file)
}

fn check(file: BackupFile) -> Result<ImportSet> {
    let mut boundary_uids = HashSet::new();
    let mut boundaries = Vec::new();
    for (n, b) in file.non_negotiables.into_iter().enumerate() {
        let at = |field: &str| format!("non_negotiables[{n}].{field}");
        check_uid(&at("uid"), &b.uid)?;
        if !boundary_uids.insert(b.uid.clone()) {
            return Err(Error::invalid(at("uid"), format!("{} appears twice", b.uid)));
        }
        if b.versions.is_empty() {
            return Err(Error::invalid(at("versions"), "needs at least one version"));
        }
        let versions = b
            .versions
            .into_iter()
            .enumerate()
            .map(|(k, v)| {
                let value =
                    v.value.map(Boundary::checked).transpose().map_err(|e| e.within(&at(&format!("versions[{k}]"))))?;
                Ok(Versioned { valid_from: v.valid_from, value })
            })
            .collect::<Result<_>>()?;
        boundaries.push(ImportedBoundary { uid: b.uid, created_at: b.created_at, versions });
    }
    let schedules = file
        .schedule_versions
        .into_iter()
        .enumerate()
        .map(|(n, v)| {
            v.value.validate().map_err(|e| e.within(&format!("schedule_versions[{n}]")))?;
            Ok(Versioned { valid_from: v.valid_from, value: v.value })
        })
        .collect::<Result<_>>()?;
    file.prefs.validate().map_err(|e| e.within("prefs"))?;

    let mut entry_uids = HashSet::new();
    let mut entries = Vec::new();
    for (n, e) in file.entries.into_iter().enumerate() {
        let at = format!("entries[{n}]");
        check_uid(&format!("{at}.uid"), &e.uid)?;
        if !entry_uids.insert(e.uid.clone()) {
            return Err(Error::invalid(format!("{at}.uid"), format!("{} appears twice", e.uid)));
        }
        for uid in &e.costs {
            if !boundary_uids.contains(uid) {
                return Err(Error::invalid(
                    format!("{at}.costs"),
                    format!("names non-negotiable {uid}, which the file does not hold"),
                ));
            }
        }
        let draft = Draft {
            channel: e.channel,
            minutes: Some(e.minutes),
            at: Some(e.start.to_rfc3339()),
            tz: Some(e.zone),
            source: e.source,
            severity: Some(e.severity),
            chosen: Some(e.chosen),
            delegable: Some(e.delegable),
            note: Some(e.note),
            tags: Some(e.tags),
            costs: None,
            ..Draft::default()
        };
        let entry = draft.resolve(e.logged_at, chrono_tz::UTC).map_err(|err| err.within(&at))?;
        entries.push(ImportedEntry { uid: e.uid, logged_at: e.logged_at, entry, cost_uids: e.costs });
    }
    for (n, r) in file.reflections.iter().enumerate() {
        r.answers.validate().map_err(|e| e.within(&format!("reflections[{n}]")))?;
    }
    let reflections = file.reflections.into_iter().map(|r| (r.week, r.answers, r.updated_at)).collect();
    let warnings = file.warnings.into_iter().map(|w| (w.warning, w.first_seen, w.notified, w.read)).collect();
    let selfchecks = file
        .selfchecks
        .into_iter()
        .enumerate()
        .map(|(n, t)| {
            let at = |field: &str| format!("selfchecks[{n}].{field}");
            check_uid(&at("uid"), &t.uid)?;
            t.answers.validate().map_err(|e| e.nested(&format!("selfchecks[{n}].answers")))?;
            let zone = parse_zone(&at("zone"), &t.zone)?;
            Ok(Take { id: 0, uid: t.uid, at: t.at, zone, answers: t.answers, updated_at: t.updated_at })
        })
        .collect::<Result<_>>()?;
    for (n, c) in file.captured.iter().enumerate() {
        c.validate().map_err(|e| e.nested(&format!("captured[{n}]")))?;
    }
    Ok(ImportSet {
        entries,
        schedules,
        boundaries,
        prefs: file.prefs,
        reflections,
        warnings,
        selfchecks,
        captured: file.captured,
    })
}

fn check_uid(field: &str, uid: &str) -> Result<()> {
    let ok = !uid.is_empty() && uid.len() <= 64 && uid.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    if ok {
        Ok(())
    } else {
        Err(Error::invalid(field, "must be 1 to 64 letters, digits or dashes"))
    }
}
