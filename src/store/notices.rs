//! The warnings that fired, one row per rule, subject and week, so the in-app list can show
//! them and the engine never announces the same thing twice in a week.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Transaction};

use super::rows;
use crate::error::Result;
use crate::notices::{EngineState, Notice};
use crate::reminders::{Level, Warning};

pub(super) fn level_name(level: Level) -> String {
    rows::to_json(&level).trim_matches('"').to_string()
}

fn level_of(text: &str) -> Option<Level> {
    serde_json::from_value(serde_json::Value::String(text.to_string())).ok()
}

/// Records warnings that hold at `now`: a new one is added unread; one that escalated takes
/// its new severity and is unread again. Returns the notices of these warnings.
pub fn record(tx: &Transaction, warnings: &[Warning], now: DateTime<Utc>) -> Result<Vec<Notice>> {
    let mut out = Vec::new();
    for w in warnings {
        let key = params![rows::to_json(&w.rule), w.subject, w.week.to_string()];
        let found: Option<(i64, String)> = tx
            .query_row("SELECT id, severity FROM notices WHERE rule=?1 AND subject=?2 AND week=?3", key, |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()?;
        match found {
            None => {
                tx.execute(
                    "INSERT INTO notices (rule, subject, week, severity, body, first_seen) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![rows::to_json(&w.rule), w.subject, w.week.to_string(), level_name(w.severity), rows::to_json(w), now.timestamp()],
                )?;
            }
            Some((id, severity)) if level_of(&severity).is_some_and(|s| w.severity > s) => {
                tx.execute(
                    "UPDATE notices SET severity=?2, body=?3, read_at=NULL WHERE id=?1",
                    params![id, level_name(w.severity), rows::to_json(w)],
                )?;
            }
            // Same or lower severity: keep the numbers fresh, nothing else changes.
            Some((id, severity)) => {
                let kept = Warning { severity: level_of(&severity).unwrap_or(w.severity), ..w.clone() };
                tx.execute("UPDATE notices SET body=?2 WHERE id=?1", params![id, rows::to_json(&kept)])?;
            }
        }
        let id: i64 =
            tx.query_row("SELECT id FROM notices WHERE rule=?1 AND subject=?2 AND week=?3", key, |r| r.get(0))?;
        out.push(get(tx, id)?.expect("just written"));
    }
    Ok(out)
}

/// id, body, first_seen, notified, read_at
type NoticeRow = (i64, String, i64, Option<String>, Option<i64>);

fn from_row(r: &rusqlite::Row) -> rusqlite::Result<NoticeRow> {
    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
}

fn to_notice(
    (id, body, first_seen, notified, read_at): (i64, String, i64, Option<String>, Option<i64>),
) -> Result<Notice> {
    Ok(Notice {
        id,
        warning: rows::from_json("notice", &body)?,
        first_seen: rows::instant(first_seen).to_rfc3339(),
        notified: notified.as_deref().and_then(level_of),
        read: read_at.is_some(),
    })
}

pub fn get(conn: &Connection, id: i64) -> Result<Option<Notice>> {
    conn.query_row("SELECT id, body, first_seen, notified, read_at FROM notices WHERE id=?1", [id], from_row)
        .optional()?
        .map(to_notice)
        .transpose()
}

/// The newest notices first, at most `limit`.
pub fn list(conn: &Connection, limit: u32) -> Result<Vec<Notice>> {
    let mut stmt = conn.prepare(
        "SELECT id, body, first_seen, notified, read_at FROM notices ORDER BY first_seen DESC, id DESC LIMIT ?1",
    )?;
    let rows = stmt.query_map([limit], from_row)?;
    rows.map(|r| to_notice(r?)).collect()
}

/// One week's notices (the week they are about), newest first.
pub fn of_week(conn: &Connection, week: &str) -> Result<Vec<Notice>> {
    let mut stmt = conn.prepare(
        "SELECT id, body, first_seen, notified, read_at FROM notices WHERE week=?1 ORDER BY first_seen DESC, id DESC",
    )?;
    let rows = stmt.query_map([week], from_row)?;
    rows.map(|r| to_notice(r?)).collect()
}

pub fn mark_notified(tx: &Transaction, id: i64, level: Level) -> Result<()> {
    tx.execute("UPDATE notices SET notified=?2 WHERE id=?1", params![id, level_name(level)])?;
    Ok(())
}

pub fn mark_read(tx: &Transaction, ids: &[i64], now: DateTime<Utc>) -> Result<()> {
    for id in ids {
        tx.execute("UPDATE notices SET read_at=?2 WHERE id=?1 AND read_at IS NULL", params![id, now.timestamp()])?;
    }
    Ok(())
}

pub fn unread(conn: &Connection) -> Result<u32> {
    Ok(conn.query_row("SELECT count(*) FROM notices WHERE read_at IS NULL", [], |r| r.get(0))?)
}

pub fn engine_state(conn: &Connection) -> Result<EngineState> {
    let body: Option<String> =
        conn.query_row("SELECT value FROM prefs WHERE key='engine'", [], |r| r.get(0)).optional()?;
    body.map_or(Ok(EngineState::default()), |b| rows::from_json("engine state", &b))
}

pub fn set_engine_state(tx: &Transaction, state: &EngineState) -> Result<()> {
    tx.execute("INSERT OR REPLACE INTO prefs (key, value) VALUES ('engine', ?1)", [rows::to_json(state)])?;
    Ok(())
}
