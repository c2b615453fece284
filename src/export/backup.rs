//! The JSON export, which is also the complete backup. Its schema is versioned and documented
//! in docs/backup-format.md; `parse` checks a whole file before anything is written, naming the
//! record and field of the first problem.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::boundaries::Boundary;
use crate::error::{Error, Result};
use crate::interruptions::{Draft, Interruption};
use crate::prefs::Prefs;
use crate::reflection::Answers;
use crate::reminders::{Level, Warning};
use crate::schedule::Schedule;
use crate::store::{ImportSet, ImportedBoundary, ImportedEntry, Store};
use crate::timeline::Versioned;
use crate::week::IsoWeek;

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

/// The whole store (or the entries starting in `range`, with every setting) as a backup.
pub fn build(store: &Store, range: Option<(DateTime<Utc>, DateTime<Utc>)>, now: DateTime<Utc>) -> Result<BackupFile> {
    let timeline = store.timeline()?;
    let records = store.boundary_records()?;
    let uid_of = |id: i64| records.iter().find(|(i, _, _)| *i == id).map(|(_, uid, _)| uid.clone());
    let entries = store
        .interruptions(range)?
        .into_iter()
        .map(|i: Interruption| BackupEntry {
            costs: i.entry.costs.iter().filter_map(|id| uid_of(*id)).collect(),
            uid: i.uid,
            start: i.entry.start,
            zone: i.entry.zone.name().to_string(),
            minutes: i.entry.minutes.into(),
            channel: i.entry.channel,
            source: i.entry.source,
            severity: i.entry.severity.to_string(),
            chosen: i.entry.chosen,
            delegable: i.entry.delegable,
            note: i.entry.note,
            tags: i.entry.tags,
            logged_at: i.logged_at,
        })
        .collect();
    let non_negotiables = timeline
        .boundaries
        .iter()
        .filter_map(|h| {
            let (_, uid, created_at) = records.iter().find(|(id, _, _)| *id == h.id)?;
            let versions =
                h.versions.iter().map(|v| BackupVersion { valid_from: v.valid_from, value: v.value.clone() }).collect();
            Some(BackupBoundary { uid: uid.clone(), created_at: *created_at, versions })
        })
        .collect();
    Ok(BackupFile {
        format: FORMAT.into(),
        version: VERSION,
        exported_at: now,
        contents: "Everything: every entry with its private note and source, every version of the settings and non-negotiables, and the preferences. Keep it private.".into(),
        entries,
        schedule_versions: timeline
            .schedules()
            .iter()
            .map(|v| BackupVersion { valid_from: v.valid_from, value: v.value.clone() })
            .collect(),
        non_negotiables,
        prefs: store.prefs()?,
        reflections: store
            .reflections()?
            .into_iter()
            .map(|(week, answers, updated_at)| BackupReflection { week, answers, updated_at })
            .collect(),
        warnings: store
            .notices(u32::MAX)?
            .into_iter()
            .map(|n| BackupWarning {
                first_seen: DateTime::parse_from_rfc3339(&n.first_seen).map(|t| t.with_timezone(&Utc)).unwrap_or(now),
                warning: n.warning,
                notified: n.notified,
                read: n.read,
            })
            .collect(),
    })
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
            minutes: e.minutes,
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
    Ok(ImportSet { entries, schedules, boundaries, prefs: file.prefs, reflections, warnings })
}

fn check_uid(field: &str, uid: &str) -> Result<()> {
    let ok = !uid.is_empty() && uid.len() <= 64 && uid.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    if ok {
        Ok(())
    } else {
        Err(Error::invalid(field, "must be 1 to 64 letters, digits or dashes"))
    }
}
