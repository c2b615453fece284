//! The capture inbox: one row per (kind, external id), kept after it is accepted or dismissed,
//! so capturing the same file again never doubles anything.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Transaction};

use super::rows;
use crate::capture::inbox::{Captured, Suggestion};
use crate::capture::Kind;
use crate::error::{Error, Result};
use crate::interruptions::{Interruption, NewInterruption};
use crate::summary::Origin;

/// Every (kind, external id) ever suggested, accepted or dismissed.
pub fn seen(conn: &Connection) -> Result<HashSet<(Kind, String)>> {
    let mut stmt = conn.prepare("SELECT kind, external_id FROM suggestions")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    rows.map(|row| {
        let (kind, id) = row?;
        Ok((rows::from_json::<Kind>("kind", &format!("\"{kind}\""))?, id))
    })
    .collect()
}

/// The origin of every entry that was an accepted suggestion, by the entry's uid.
pub fn origins(conn: &Connection) -> Result<HashMap<String, Origin>> {
    let mut stmt = conn.prepare(
        "SELECT entry_uid, kind, external_id FROM suggestions WHERE state='accepted' AND entry_uid IS NOT NULL",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?)))?;
    rows.map(|row| {
        let (uid, kind, external_id) = row?;
        Ok((uid, Origin { kind: rows::from_json::<Kind>("kind", &format!("\"{kind}\""))?, external_id }))
    })
    .collect()
}

/// Every suggestion as kept, for the backup: (kind, external id, state, entry uid, found, decided, body).
pub fn all(conn: &Connection) -> Result<Vec<Captured>> {
    let mut stmt = conn.prepare(
        "SELECT kind, external_id, state, entry_uid, found_at, decided_at, body FROM suggestions ORDER BY id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(Captured {
            kind: r.get(0)?,
            external_id: r.get(1)?,
            state: r.get(2)?,
            entry_uid: r.get(3)?,
            found_at: r.get(4)?,
            decided_at: r.get(5)?,
            body: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Puts back what a backup kept; one already here (by kind and external id) stays as it is.
pub fn import(tx: &Transaction, captured: &[Captured]) -> Result<()> {
    for c in captured {
        tx.execute(
            "INSERT OR IGNORE INTO suggestions (kind, external_id, body, state, entry_uid, found_at, decided_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![c.kind, c.external_id, c.body, c.state, c.entry_uid, c.found_at, c.decided_at],
        )?;
    }
    Ok(())
}

/// Keeps new suggestions as pending; returns them with their ids. One already kept (another
/// process captured it meanwhile) is left out.
pub fn add(tx: &Transaction, found: &[Suggestion], now: DateTime<Utc>) -> Result<Vec<Suggestion>> {
    let mut kept = Vec::new();
    for s in found {
        let added = tx.execute(
            "INSERT OR IGNORE INTO suggestions (kind, external_id, body, state, found_at) VALUES (?1, ?2, ?3, 'pending', ?4)",
            params![s.kind.name(), s.external_id, rows::to_json(s), now.timestamp()],
        )?;
        if added == 1 {
            kept.push(Suggestion { id: tx.last_insert_rowid(), ..s.clone() });
        }
    }
    Ok(kept)
}

fn read(id: i64, body: &str) -> Result<Suggestion> {
    Ok(Suggestion { id, ..rows::from_json("suggestion", body)? })
}

/// The inbox: pending suggestions, oldest event first.
pub fn pending(conn: &Connection) -> Result<Vec<Suggestion>> {
    let mut stmt = conn.prepare("SELECT id, body FROM suggestions WHERE state='pending' ORDER BY id")?;
    let found = stmt
        .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut all = found.iter().map(|(id, body)| read(*id, body)).collect::<Result<Vec<_>>>()?;
    all.sort_by(|a, b| a.start.cmp(&b.start).then(a.id.cmp(&b.id)));
    Ok(all)
}

pub fn pending_one(conn: &Connection, id: i64) -> Result<Suggestion> {
    let body: Option<String> = conn
        .query_row("SELECT body FROM suggestions WHERE id=?1 AND state='pending'", [id], |r| r.get(0))
        .optional()?;
    let body = body.ok_or_else(|| {
        Error::invalid("id", format!("{id} is not in the inbox (accepted, dismissed or never found)"))
    })?;
    read(id, &body)
}

/// Logs each accepted suggestion's entry and marks it accepted with the entry's uid.
pub fn accept(tx: &Transaction, accepted: &[(i64, NewInterruption)], now: DateTime<Utc>) -> Result<Vec<Interruption>> {
    accepted
        .iter()
        .map(|(id, entry)| {
            let uid = uuid::Uuid::new_v4().to_string();
            let logged = rows::insert(tx, &uid, entry, now)?;
            let marked = tx.execute(
                "UPDATE suggestions SET state='accepted', entry_uid=?2, decided_at=?3 WHERE id=?1 AND state='pending'",
                params![id, uid, now.timestamp()],
            )?;
            if marked == 0 {
                return Err(Error::invalid(
                    "id",
                    format!("{id} is not in the inbox (accepted, dismissed or never found)"),
                ));
            }
            Ok(logged)
        })
        .collect()
}

pub fn dismiss(tx: &Transaction, ids: &[i64], now: DateTime<Utc>) -> Result<()> {
    for id in ids {
        let marked = tx.execute(
            "UPDATE suggestions SET state='dismissed', decided_at=?2 WHERE id=?1 AND state='pending'",
            params![id, now.timestamp()],
        )?;
        if marked == 0 {
            return Err(Error::invalid("id", format!("{id} is not in the inbox (accepted, dismissed or never found)")));
        }
    }
    Ok(())
}
