//! The self-check's takes: one row each, its answers as JSON, kept with the zone it was taken
//! in so its day and month stay what the person saw.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use super::rows;
use crate::error::{Error, Result};
use crate::selfcheck::{Take, TakeAnswers};
use crate::zone::parse_zone;

const COLUMNS: &str = "id, uid, at, zone, body, updated_at";

fn take(r: &Row) -> rusqlite::Result<(i64, String, i64, String, String, i64)> {
    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?))
}

fn read((id, uid, at, zone, body, updated_at): (i64, String, i64, String, String, i64)) -> Result<Take> {
    Ok(Take {
        id,
        uid,
        at: rows::instant(at),
        zone: parse_zone("zone", &zone)?,
        answers: rows::from_json("self-check", &body)?,
        updated_at: rows::instant(updated_at),
    })
}

/// Every take, newest first.
pub fn all(conn: &Connection) -> Result<Vec<Take>> {
    let mut stmt = conn.prepare(&format!("SELECT {COLUMNS} FROM selfchecks ORDER BY at DESC, id DESC"))?;
    let found = stmt.query_map([], take)?.collect::<rusqlite::Result<Vec<_>>>()?;
    found.into_iter().map(read).collect()
}

pub fn get(conn: &Connection, id: i64) -> Result<Take> {
    let found = conn
        .query_row(&format!("SELECT {COLUMNS} FROM selfchecks WHERE id=?1"), [id], take)
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("no self-check with id {id}")))?;
    read(found)
}

/// Keeps a take; `uid` is kept as given (a backup's), so importing it twice keeps it once.
pub fn insert(tx: &Transaction, take: &Take) -> Result<Option<i64>> {
    let added = tx.execute(
        "INSERT OR IGNORE INTO selfchecks (uid, at, zone, body, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            take.uid,
            take.at.timestamp(),
            take.zone.name(),
            rows::to_json(&take.answers),
            take.updated_at.timestamp()
        ],
    )?;
    Ok((added == 1).then(|| tx.last_insert_rowid()))
}

pub fn correct(tx: &Transaction, id: i64, answers: &TakeAnswers, now: DateTime<Utc>) -> Result<()> {
    let changed = tx.execute(
        "UPDATE selfchecks SET body=?2, updated_at=?3 WHERE id=?1",
        params![id, rows::to_json(answers), now.timestamp()],
    )?;
    if changed == 0 {
        return Err(Error::NotFound(format!("no self-check with id {id}")));
    }
    Ok(())
}
