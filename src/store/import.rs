//! Writing a checked backup into the store: one transaction, merged by identity (uid), so
//! importing the same backup twice adds nothing the second time.

use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension, Transaction};
use serde::Serialize;
use ts_rs::TS;

use super::{notices, rows, selfchecks, suggestions};
use crate::boundaries::Boundary;
use crate::capture::inbox::Captured;
use crate::classify::classify;
use crate::error::{Error, Result};
use crate::interruptions::{Interruption, NewInterruption};
use crate::prefs::Prefs;
use crate::reflection::Answers;
use crate::reminders::{Level, Warning};
use crate::schedule::Schedule;
use crate::selfcheck::Take;
use crate::timeline::{BoundaryHistory, Timeline, Versioned};
use crate::week::IsoWeek;

pub struct ImportedEntry {
    pub uid: String,
    pub logged_at: DateTime<Utc>,
    pub entry: NewInterruption,
    /// Uids of the non-negotiables it was marked as costing.
    pub cost_uids: Vec<String>,
}

pub struct ImportedBoundary {
    pub uid: String,
    pub created_at: DateTime<Utc>,
    pub versions: Vec<Versioned<Option<Boundary>>>,
}

/// A backup whose every field has been checked.
pub struct ImportSet {
    pub entries: Vec<ImportedEntry>,
    pub schedules: Vec<Versioned<Schedule>>,
    pub boundaries: Vec<ImportedBoundary>,
    pub prefs: Prefs,
    pub reflections: Vec<(IsoWeek, Answers, DateTime<Utc>)>,
    /// Warning, first seen, severity announced, read.
    pub warnings: Vec<(Warning, DateTime<Utc>, Option<Level>, bool)>,
    /// The self-check's takes; one already here (by uid) is kept as it is.
    pub selfchecks: Vec<Take>,
    /// The capture inbox, decided rows too; one already here stays as it is.
    pub captured: Vec<Captured>,
}

#[derive(Debug, Default, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ImportReport {
    pub entries_added: usize,
    pub entries_already_there: usize,
    pub non_negotiables_added: usize,
    pub setting_versions_added: usize,
}

/// Writes `set`; returns what it added, and the entries it added (with this record's ids of
/// the non-negotiables they were marked as costing).
pub fn import(tx: &Transaction, set: &ImportSet) -> Result<(ImportReport, Vec<Interruption>)> {
    let mut report = ImportReport::default();
    let mut added = Vec::new();
    let had_entries: bool = tx.query_row("SELECT EXISTS (SELECT 1 FROM interruptions)", [], |r| r.get(0))?;

    for b in &set.boundaries {
        let known: Option<i64> =
            tx.query_row("SELECT id FROM boundaries WHERE uid=?1", [&b.uid], |r| r.get(0)).optional()?;
        if known.is_some() {
            continue;
        }
        tx.execute(
            "INSERT INTO boundaries (uid, created_at) VALUES (?1, ?2)",
            params![b.uid, b.created_at.timestamp()],
        )?;
        let id = tx.last_insert_rowid();
        for v in &b.versions {
            tx.execute(
                "INSERT INTO boundary_versions (boundary_id, valid_from, body) VALUES (?1, ?2, ?3)",
                params![id, v.valid_from.map(|t| t.timestamp()), v.value.as_ref().map(rows::to_json)],
            )?;
        }
        report.non_negotiables_added += 1;
    }

    // A person who already has history keeps their own settings; a fresh directory takes the
    // backup's whole history of settings.
    if !had_entries {
        for v in &set.schedules {
            let body = rows::to_json(&v.value);
            let from = v.valid_from.map(|t| t.timestamp());
            let same: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM schedule_versions WHERE valid_from IS ?1 AND body = ?2)",
                params![from, body],
                |r| r.get(0),
            )?;
            if !same {
                if from.is_none() {
                    tx.execute("DELETE FROM schedule_versions WHERE valid_from IS NULL", [])?;
                }
                tx.execute("INSERT INTO schedule_versions (valid_from, body) VALUES (?1, ?2)", params![from, body])?;
                report.setting_versions_added += 1;
            }
        }
        tx.execute("INSERT OR REPLACE INTO prefs (key, value) VALUES ('prefs', ?1)", [rows::to_json(&set.prefs)])?;
    }

    // Answers the person already has here are theirs: only missing weeks are added.
    for (week, answers, at) in &set.reflections {
        tx.execute(
            "INSERT OR IGNORE INTO reflections (week, body, updated_at) VALUES (?1, ?2, ?3)",
            params![week.to_string(), rows::to_json(answers), at.timestamp()],
        )?;
    }
    for take in &set.selfchecks {
        selfchecks::insert(tx, take)?;
    }
    suggestions::import(tx, &set.captured)?;
    for (w, first_seen, notified, read) in &set.warnings {
        tx.execute(
            "INSERT OR IGNORE INTO notices (rule, subject, week, severity, body, first_seen, notified, read_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                rows::to_json(&w.rule),
                w.subject,
                w.week.to_string(),
                notices::level_name(w.severity),
                rows::to_json(w),
                first_seen.timestamp(),
                notified.map(notices::level_name),
                read.then_some(first_seen.timestamp())
            ],
        )?;
    }

    for (n, e) in set.entries.iter().enumerate() {
        let exists: bool =
            tx.query_row("SELECT EXISTS (SELECT 1 FROM interruptions WHERE uid=?1)", [&e.uid], |r| r.get(0))?;
        if exists {
            report.entries_already_there += 1;
            continue;
        }
        let mut entry = e.entry.clone();
        entry.costs = e
            .cost_uids
            .iter()
            .map(|uid| {
                tx.query_row("SELECT id FROM boundaries WHERE uid=?1", [uid], |r| r.get(0)).optional()?.ok_or_else(
                    || Error::invalid(format!("entries[{n}].costs"), format!("no non-negotiable with uid {uid}")),
                )
            })
            .collect::<Result<_>>()?;
        added.push(rows::insert(tx, &e.uid, &entry, e.logged_at)?);
        report.entries_added += 1;
    }
    Ok((report, added))
}

/// The backup's own settings history, with this record's ids for its non-negotiables: how its
/// entries were counted where they were lived.
pub fn backup_timeline(tx: &Transaction, set: &ImportSet) -> Result<Timeline> {
    let boundaries = set
        .boundaries
        .iter()
        .map(|b| {
            let id = tx.query_row("SELECT id FROM boundaries WHERE uid=?1", [&b.uid], |r| r.get(0))?;
            Ok(BoundaryHistory { id, versions: b.versions.clone() })
        })
        .collect::<Result<_>>()?;
    Ok(Timeline::new(set.schedules.clone(), boundaries))
}

/// Refuses the import if any of `entries` is counted differently under `after` than it was
/// under `before`.
pub fn check_unchanged(entries: &[Interruption], before: &Timeline, after: &Timeline, whose: &str) -> Result<()> {
    let changed: Vec<&Interruption> =
        entries.iter().filter(|i| classify(&i.entry, before) != classify(&i.entry, after)).collect();
    let Some(first) = changed.first() else { return Ok(()) };
    let local = first.entry.start.with_timezone(&first.entry.zone);
    Err(Error::invalid(
        "file",
        format!(
            "importing it would change how {} {whose} {} counted (the first: {} {}): its working hours or non-negotiables differ from this record's, and past weeks keep what they had. Nothing was imported; import it into a new data directory instead (loadline --data-dir NEW import FILE).",
            changed.len(),
            if changed.len() == 1 { "is" } else { "are" },
            local.format("%a %Y-%m-%d %H:%M"),
            first.entry.zone,
        ),
    ))
}
