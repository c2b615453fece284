//! Mapping between rows and domain values. Columns are plain (seconds since the epoch, zone
//! names, JSON arrays for tags) so the file stays readable with any SQLite tool.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use rusqlite::{params, Connection, OptionalExtension, Params, Row, ToSql};
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::error::{Error, Result};
use crate::interruptions::{EntryRef, Interruption, NewInterruption, Severity};

const COLUMNS: &str =
    "id, uid, start_utc, zone, minutes, channel, source, severity, chosen, delegable, note, tags, costs, logged_at";

pub fn instant(seconds: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(seconds, 0).unwrap_or(DateTime::<Utc>::MIN_UTC)
}

pub fn to_json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("domain values always serialise")
}

/// A stored value that no longer parses means the file was changed behind our back.
pub fn from_json<T: DeserializeOwned>(what: &str, body: &str) -> Result<T> {
    serde_json::from_str(body).map_err(|e| Error::invalid(what, format!("stored value cannot be read: {e}")))
}

fn bad_column(index: usize, e: impl std::fmt::Display) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(index, rusqlite::types::Type::Text, e.to_string().into())
}

/// Most entries have no tags and no marks: skip the parser for them (it shows at 50,000 rows).
fn json_list<T: DeserializeOwned>(text: &str) -> serde_json::Result<Vec<T>> {
    if text == "[]" {
        Ok(Vec::new())
    } else {
        serde_json::from_str(text)
    }
}

/// A text column without copying it.
fn text<'r>(r: &'r Row, index: usize) -> rusqlite::Result<&'r str> {
    r.get_ref(index)?.as_str().map_err(|e| bad_column(index, e))
}

/// Rows come back thousands at a time in one or two zones: the last zone read is kept, so its
/// name is not looked up again for every row.
#[derive(Default)]
struct Zones(Option<(String, Tz)>);

impl Zones {
    fn parse(&mut self, name: &str) -> Result<Tz, chrono_tz::ParseError> {
        match &self.0 {
            Some((last, zone)) if last == name => Ok(*zone),
            _ => {
                let zone: Tz = name.parse()?;
                self.0 = Some((name.to_string(), zone));
                Ok(zone)
            }
        }
    }
}

fn entry_ref<'r>(r: &'r Row, zones: &mut Zones) -> rusqlite::Result<EntryRef<'r>> {
    Ok(EntryRef {
        id: r.get(0)?,
        uid: text(r, 1)?,
        start: instant(r.get(2)?),
        zone: zones.parse(text(r, 3)?).map_err(|e| bad_column(3, e))?,
        minutes: r.get(4)?,
        channel: text(r, 5)?,
        source: r.get_ref(6)?.as_str_or_null().map_err(|e| bad_column(6, e))?,
        severity: Severity::stored(text(r, 7)?).ok_or_else(|| bad_column(7, "not a severity"))?,
        chosen: r.get(8)?,
        delegable: r.get(9)?,
        note: text(r, 10)?,
        tags_json: text(r, 11)?,
        costs: json_list(text(r, 12)?).map_err(|e| bad_column(12, e))?,
        logged_at: instant(r.get(13)?),
    })
}

fn from_row(r: &Row, zones: &mut Zones) -> rusqlite::Result<Interruption> {
    let e = entry_ref(r, zones)?;
    Ok(Interruption {
        id: e.id,
        uid: e.uid.to_string(),
        logged_at: e.logged_at,
        entry: NewInterruption {
            start: e.start,
            zone: e.zone,
            minutes: e.minutes,
            channel: e.channel.to_string(),
            source: e.source.map(str::to_string),
            severity: e.severity,
            chosen: e.chosen,
            delegable: e.delegable,
            note: e.note.to_string(),
            tags: json_list(e.tags_json).map_err(|err| bad_column(11, err))?,
            costs: e.costs,
        },
    })
}

/// Rows read ahead of their use: their text in one buffer, so a batch costs two allocations
/// however many rows it holds, and it can cross to another thread.
pub struct Batch {
    text: String,
    rows: Vec<Parts>,
}

/// One row of a batch; text fields are byte ranges of the batch's buffer.
struct Parts {
    id: i64,
    uid: (usize, usize),
    start: DateTime<Utc>,
    zone: Tz,
    minutes: u32,
    channel: (usize, usize),
    source: Option<(usize, usize)>,
    severity: Severity,
    chosen: bool,
    delegable: bool,
    note: (usize, usize),
    tags_json: (usize, usize),
    costs: Vec<i64>,
    logged_at: DateTime<Utc>,
}

impl Batch {
    pub const ROWS: usize = 1024;

    fn with_capacity() -> Batch {
        Batch { text: String::with_capacity(Self::ROWS * 96), rows: Vec::with_capacity(Self::ROWS) }
    }

    fn push(&mut self, e: &EntryRef) {
        let mut keep = |s: &str| {
            let at = self.text.len();
            self.text.push_str(s);
            (at, self.text.len())
        };
        let parts = Parts {
            id: e.id,
            uid: keep(e.uid),
            start: e.start,
            zone: e.zone,
            minutes: e.minutes,
            channel: keep(e.channel),
            source: e.source.map(&mut keep),
            severity: e.severity,
            chosen: e.chosen,
            delegable: e.delegable,
            note: keep(e.note),
            tags_json: keep(e.tags_json),
            costs: e.costs.clone(),
            logged_at: e.logged_at,
        };
        self.rows.push(parts);
    }

    pub fn entries(&self) -> impl Iterator<Item = EntryRef<'_>> {
        let text = |(a, b): (usize, usize)| &self.text[a..b];
        self.rows.iter().map(move |p| EntryRef {
            id: p.id,
            uid: text(p.uid),
            start: p.start,
            zone: p.zone,
            minutes: p.minutes,
            channel: text(p.channel),
            source: p.source.map(text),
            severity: p.severity,
            chosen: p.chosen,
            delegable: p.delegable,
            note: text(p.note),
            tags_json: text(p.tags_json),
            costs: p.costs.clone(),
            logged_at: p.logged_at,
        })
    }
}

/// Reads the rows on this thread while `consume` works through them on another, a batch at a
/// time: reading 50,000 rows and writing them out each take about as long as the other, and
/// this machine has two cores. `consume` sees the entries in order; its error stops the read.
pub fn each_ahead(
    conn: &Connection,
    tail: &str,
    args: impl Params,
    consume: impl FnMut(EntryRef) -> Result<()> + Send,
) -> Result<()> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {COLUMNS} FROM interruptions {tail}"))?;
    let mut rows = stmt.query(args)?;
    let (tx, rx) = std::sync::mpsc::sync_channel::<Batch>(4);
    std::thread::scope(|scope| {
        let worker = scope.spawn(move || {
            let mut consume = consume;
            for batch in rx {
                for e in batch.entries() {
                    consume(e)?;
                }
            }
            Ok::<(), Error>(())
        });
        let read = (|| {
            let mut zones = Zones::default();
            let mut batch = Batch::with_capacity();
            while let Some(r) = rows.next()? {
                batch.push(&entry_ref(r, &mut zones)?);
                if batch.rows.len() == Batch::ROWS
                    && tx.send(std::mem::replace(&mut batch, Batch::with_capacity())).is_err()
                {
                    return Ok(()); // the worker stopped: its error says why
                }
            }
            let _ = tx.send(batch);
            Ok::<(), Error>(())
        })();
        drop(tx);
        let worked = worker.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        read.and(worked)
    })
}

/// Hands each entry to `f` as it is read, borrowed from its row: nothing is collected.
pub fn each(conn: &Connection, tail: &str, args: impl Params, mut f: impl FnMut(EntryRef) -> Result<()>) -> Result<()> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {COLUMNS} FROM interruptions {tail}"))?;
    let mut rows = stmt.query(args)?;
    let mut zones = Zones::default();
    while let Some(r) = rows.next()? {
        f(entry_ref(r, &mut zones)?)?;
    }
    Ok(())
}

/// What the totals and the rules read of an entry: its note, tags, uid and channel are left
/// empty (a third of a row's reading, and the rules' history is read at every step).
const COUNTED_COLUMNS: &str =
    "id, '' AS uid, start_utc, zone, minutes, '' AS channel, source, severity, chosen, delegable, '' AS note, '[]' AS tags, costs, logged_at";

pub fn select_counted(conn: &Connection, tail: &str, args: impl Params) -> Result<Vec<Interruption>> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {COUNTED_COLUMNS} FROM interruptions {tail}"))?;
    let mut zones = Zones::default();
    let rows = stmt.query_map(args, |r| from_row(r, &mut zones))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn select(conn: &Connection, tail: &str, args: impl Params) -> Result<Vec<Interruption>> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {COLUMNS} FROM interruptions {tail}"))?;
    let mut zones = Zones::default();
    let rows = stmt.query_map(args, |r| from_row(r, &mut zones))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn get(conn: &Connection, id: i64) -> Result<Option<Interruption>> {
    let row = conn.query_row(&format!("SELECT {COLUMNS} FROM interruptions WHERE id=?1"), [id], |r| {
        from_row(r, &mut Zones::default())
    });
    Ok(row.optional()?)
}

/// The values of an entry in column order `?1..?12`, `?1` being `id`.
pub fn params_for(id: i64, e: &NewInterruption) -> [Box<dyn ToSql + '_>; 12] {
    [
        Box::new(id),
        Box::new(e.start.timestamp()),
        Box::new(e.zone.name()),
        Box::new(e.minutes),
        Box::new(e.channel.as_str()),
        Box::new(e.source.as_deref()),
        Box::new(e.severity.to_string()),
        Box::new(e.chosen),
        Box::new(e.delegable),
        Box::new(e.note.as_str()),
        Box::new(to_json(&e.tags)),
        Box::new(to_json(&e.costs)),
    ]
}

/// An entry may only be marked as costing non-negotiables that exist.
pub fn check_costs(conn: &Connection, e: &NewInterruption) -> Result<()> {
    for id in &e.costs {
        let exists: bool =
            conn.query_row("SELECT EXISTS (SELECT 1 FROM boundaries WHERE id=?1)", [id], |r| r.get(0))?;
        if !exists {
            return Err(Error::invalid("costs", format!("there is no non-negotiable with id {id}")));
        }
    }
    Ok(())
}

pub fn insert(conn: &Connection, uid: &str, e: &NewInterruption, logged_at: DateTime<Utc>) -> Result<Interruption> {
    check_costs(conn, e)?;
    conn.execute(
        "INSERT INTO interruptions (uid, start_utc, zone, minutes, channel, source, severity, chosen, delegable, note, tags, costs, logged_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        params![
            uid,
            e.start.timestamp(),
            e.zone.name(),
            e.minutes,
            e.channel,
            e.source,
            e.severity.to_string(),
            e.chosen,
            e.delegable,
            e.note,
            to_json(&e.tags),
            to_json(&e.costs),
            logged_at.timestamp()
        ],
    )?;
    Ok(Interruption { id: conn.last_insert_rowid(), uid: uid.to_string(), logged_at, entry: e.clone() })
}
