//! The SQLite store: one file, `loadline.db`, in the data directory.
//!
//! Durability is the product's promise, so every connection runs WAL with `synchronous=FULL`
//! and every write is one `BEGIN IMMEDIATE` transaction: the CLI and the app can write at the
//! same moment, the second waits on the busy timeout instead of failing mid-transaction.

mod import;
mod lock;
mod migrations;
mod notices;
mod rows;
mod selfchecks;
mod suggestions;

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, ErrorCode, OpenFlags, OptionalExtension, Transaction, TransactionBehavior};

use crate::boundaries::Boundary;
use crate::capture::inbox::Suggestion;
use crate::capture::Kind;
use crate::error::{Error, Result};
use crate::files;
use crate::interruptions::{EntryRef, Interruption, NewInterruption};
use crate::notices::{EngineState, Notice};
use crate::prefs::Prefs;
use crate::reflection::Answers;
use crate::reminders::{Level, Warning};
use crate::schedule::Schedule;
use crate::selfcheck::{Take, TakeAnswers};
use crate::timeline::{BoundaryHistory, Timeline, Versioned};
use crate::week::IsoWeek;

pub use import::{ImportReport, ImportSet, ImportedBoundary, ImportedEntry};
pub use lock::{StoreLock, LOCK_FILE};
pub use migrations::MIGRATIONS;

pub const DB_FILE: &str = "loadline.db";
/// `PRAGMA application_id`: "LDLN", so a foreign SQLite file is recognised and left alone.
pub(crate) const APPLICATION_ID: i64 = 0x4C44_4C4E;
/// Long enough to ride out another process's write (they take milliseconds), short enough that
/// a wedged writer is reported rather than hanging the tray.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// A draft holds at most a note's worth of text and a few fields.
const MAX_DRAFT_BYTES: usize = 64 * 1024;

pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// Shared while the store is open, so a restore never replaces the file from under it;
    /// `None` for a scratch copy in memory.
    _lock: Option<StoreLock>,
}

/// The per-user data directory (on Linux `~/.local/share/loadline`).
pub fn default_data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "loadline").map(|d| d.data_dir().to_path_buf())
}

impl Store {
    /// Opens (creating if needed) the database in `dir`. A damaged, foreign or newer file is
    /// reported and never modified.
    pub fn open(dir: &Path) -> Result<Store> {
        create_private_dir(dir)?;
        let lock = StoreLock::shared(dir).map_err(|e| refused_or(dir, e))?;
        let path = dir.join(DB_FILE);
        if !path.exists() && crate::backups::list(dir).is_ok_and(|b| !b.is_empty()) {
            return Err(Error::Missing { data: path, dir: crate::backups::dir(dir) });
        }
        files::create_private(&path).map_err(|e| refused_or(dir, e))?;
        // SQLite would open a read-only file read-only and leave -wal and -shm files beside it
        // with its mode, so the database stayed read-only after the person fixed the file.
        fs::OpenOptions::new()
            .write(true)
            .open(&path)
            .map_err(|e| refused_or(dir, Error::io(format!("cannot open {}", path.display()), e)))?;
        let conn =
            Connection::open_with_flags(&path, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX)
                .map_err(|e| damaged_or(&path, e))?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        let mut store = Store { conn, path, _lock: Some(lock) };
        // Reading a WAL database needs its -shm file, which a read-only directory cannot hold.
        store.check_identity().map_err(|e| store.cannot_write(e))?;
        // WAL lets readers go on while one writer commits; FULL syncs the WAL on every commit,
        // so an acknowledged entry survives a power cut.
        store
            .conn
            .pragma_update(None, "journal_mode", "WAL")
            .map_err(|e| store.cannot_write(damaged_or(&store.path, e)))?;
        store.conn.pragma_update(None, "synchronous", "FULL")?;
        store.conn.pragma_update(None, "foreign_keys", "ON")?;
        store.migrate().map_err(|e| store.cannot_write(e))?;
        Ok(store)
    }

    /// Opens the store for a command that only reads: no write, no migration, no lock beyond
    /// the shared one. A directory without a current database (none yet, or one an older
    /// Loadline wrote) is opened as `open` does, so the answer is the same either way.
    pub fn open_to_read(dir: &Path) -> Result<Store> {
        let path = dir.join(DB_FILE);
        if !path.exists() {
            return Store::open(dir);
        }
        let lock = StoreLock::shared(dir).map_err(|e| refused_or(dir, e))?;
        let conn =
            Connection::open_with_flags(&path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)
                .map_err(|e| damaged_or(&path, e))?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        let store = Store { conn, path, _lock: Some(lock) };
        store.check_identity()?;
        let version: i64 = store.conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version != MIGRATIONS.len() as i64 {
            drop(store);
            return Store::open(dir);
        }
        Ok(store)
    }

    /// Names a write the data directory cannot take (a full disk, a read-only directory or
    /// file) in words a person can act on; other errors pass through.
    fn cannot_write(&self, e: Error) -> Error {
        let code = match &e {
            Error::Sqlite(s) => s.sqlite_error_code(),
            _ => None,
        };
        let dir = self.path.parent().unwrap_or(&self.path).to_path_buf();
        let (why, remedy) = match code {
            Some(ErrorCode::DiskFull) => DISK_FULL,
            Some(ErrorCode::ReadOnly) => READ_ONLY,
            // A disk too full for SQLite to grow its shared-memory file, or a file system that
            // refuses writes, comes back as a bare I/O error: ask the directory itself.
            Some(ErrorCode::SystemIoFailure | ErrorCode::CannotOpen) => match probe_write(&dir) {
                Some(problem) => problem,
                None => return e,
            },
            _ => return e,
        };
        Error::CannotWrite { dir, why, remedy }
    }

    /// SQLite's `quick_check` of every page: `Damaged` if any is malformed. Opening reads only
    /// the header, so a long-lived process checks once, and a backup is never taken of damage.
    pub fn quick_check(&self) -> Result<()> {
        let damaged = |reason: String| Error::Damaged { path: self.path.clone(), reason };
        let mut stmt = self.conn.prepare("PRAGMA quick_check").map_err(|e| Error::from(e).damaged_in(&self.path))?;
        let problems = stmt
            .query_map([], |r| r.get::<_, String>(0))
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
            .map_err(|e| Error::from(e).damaged_in(&self.path))?;
        match problems.as_slice() {
            [ok] if ok == "ok" => Ok(()),
            _ => Err(damaged(format!("quick check: {}", problems.join("; ")))),
        }
    }

    /// Changes whenever another connection (the CLI, another window) commits; not for our own.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self.conn.query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }

    /// A consistent copy of the whole database at `path`, taken with SQLite's online backup
    /// while others may keep writing; written beside it first, then renamed into place.
    pub fn backup_to(&self, path: &Path) -> Result<()> {
        let tmp = path.with_extension("partial");
        let _ = fs::remove_file(&tmp);
        files::create_private(&tmp)?;
        if let Err(e) = self.conn.backup(rusqlite::MAIN_DB, &tmp, None::<fn(rusqlite::backup::Progress)>) {
            // A backup cut short (a full disk) must not be left where it could be mistaken for one.
            let _ = fs::remove_file(&tmp);
            return Err(self.cannot_write(e.into()));
        }
        fs::rename(&tmp, path).map_err(|e| Error::io(format!("cannot write {}", path.display()), e))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Refuses what is not ours before anything is written to it.
    fn check_identity(&self) -> Result<()> {
        // A truncated file can fail on any of these reads, not only the first.
        let read =
            |sql: &str| self.conn.query_row(sql, [], |r| r.get::<_, i64>(0)).map_err(|e| damaged_or(&self.path, e));
        let version = read("PRAGMA user_version")?;
        let app_id = read("PRAGMA application_id")?;
        let known = MIGRATIONS.len() as i64;
        if version == 0 {
            let tables = read("SELECT count(*) FROM sqlite_schema")?;
            if tables > 0 && app_id != APPLICATION_ID {
                return Err(Error::Damaged {
                    path: self.path.clone(),
                    reason: "it is another program's SQLite database".into(),
                });
            }
        } else if app_id != APPLICATION_ID {
            return Err(Error::Damaged {
                path: self.path.clone(),
                reason: "it is another program's SQLite database".into(),
            });
        } else if version > known {
            return Err(Error::NewerDatabase { path: self.path.clone(), found: version, known });
        }
        Ok(())
    }

    fn migrate(&mut self) -> Result<()> {
        // A current file needs no write lock: its header says so.
        let version: i64 = self.conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version == MIGRATIONS.len() as i64 {
            return Ok(());
        }
        loop {
            let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            // Read inside the write lock: another process may have migrated meanwhile.
            let version: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
            let Some(sql) = MIGRATIONS.get(version as usize) else { return Ok(()) };
            tx.execute_batch(sql)?;
            tx.pragma_update(None, "application_id", APPLICATION_ID)?;
            tx.pragma_update(None, "user_version", version + 1)?;
            tx.commit()?;
        }
    }

    /// Runs `f` in one `BEGIN IMMEDIATE` transaction; nothing of it is kept if it fails.
    fn write<T>(&mut self, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        let written = (|| {
            let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let out = f(&tx)?;
            tx.commit()?;
            Ok(out)
        })();
        written.map_err(|e| self.cannot_write(e))
    }

    // --- interruptions ---

    /// Writes all of `entries` or none of them.
    pub fn log(&mut self, entries: &[NewInterruption], now: DateTime<Utc>) -> Result<Vec<Interruption>> {
        self.write(|tx| {
            entries
                .iter()
                .enumerate()
                .map(|(n, e)| {
                    let uid = uuid::Uuid::new_v4().to_string();
                    rows::insert(tx, &uid, e, now).map_err(|err| {
                        if entries.len() > 1 {
                            err.within(&format!("entry {}", n + 1))
                        } else {
                            err
                        }
                    })
                })
                .collect()
        })
    }

    pub fn get(&self, id: i64) -> Result<Interruption> {
        rows::get(&self.conn, id)?.ok_or_else(|| Error::NotFound(format!("no entry with id {id}")))
    }

    pub fn update(&mut self, id: i64, entry: &NewInterruption) -> Result<Interruption> {
        self.write(|tx| {
            rows::check_costs(tx, entry)?;
            let changed = tx.execute(
                "UPDATE interruptions SET start_utc=?2, zone=?3, minutes=?4, channel=?5, source=?6, severity=?7,
                 chosen=?8, delegable=?9, note=?10, tags=?11, costs=?12 WHERE id=?1",
                rows::params_for(id, entry),
            )?;
            if changed == 0 {
                return Err(Error::NotFound(format!("no entry with id {id}")));
            }
            rows::get(tx, id)?.ok_or_else(|| Error::NotFound(format!("no entry with id {id}")))
        })
    }

    /// Deletes the entry `id` only if it is still the one with `uid`: a row id is reused once its
    /// entry is gone, so an id alone can name another entry by the time an undo comes.
    pub fn delete_exact(&mut self, id: i64, uid: &str) -> Result<Interruption> {
        self.write(|tx| {
            let gone = rows::get(tx, id)?
                .filter(|i| i.uid == uid)
                .ok_or_else(|| Error::NotFound(format!("entry {id} is no longer the one logged")))?;
            tx.execute("DELETE FROM interruptions WHERE id=?1", [id])?;
            Ok(gone)
        })
    }

    pub fn delete(&mut self, id: i64) -> Result<Interruption> {
        self.write(|tx| {
            let gone = rows::get(tx, id)?.ok_or_else(|| Error::NotFound(format!("no entry with id {id}")))?;
            tx.execute("DELETE FROM interruptions WHERE id=?1", [id])?;
            Ok(gone)
        })
    }

    /// Puts back an entry that was deleted (the window's undo), keeping its identity.
    pub fn restore(&mut self, gone: &Interruption) -> Result<Interruption> {
        self.write(|tx| rows::insert(tx, &gone.uid, &gone.entry, gone.logged_at))
    }

    /// Removes the most recently logged entry; `None` if there is none.
    pub fn undo_last(&mut self) -> Result<Option<Interruption>> {
        self.write(|tx| {
            let last: Option<i64> = tx.query_row("SELECT max(id) FROM interruptions", [], |r| r.get(0))?;
            let Some(id) = last else { return Ok(None) };
            let gone = rows::get(tx, id)?;
            tx.execute("DELETE FROM interruptions WHERE id=?1", [id])?;
            Ok(gone)
        })
    }

    /// Entries starting in `[from, to)`, or all of them, oldest first.
    pub fn interruptions(&self, range: Option<(DateTime<Utc>, DateTime<Utc>)>) -> Result<Vec<Interruption>> {
        let (from, to) = range.map_or((i64::MIN, i64::MAX), |(a, b)| (a.timestamp(), b.timestamp()));
        rows::select(&self.conn, "WHERE start_utc >= ?1 AND start_utc < ?2 ORDER BY start_utc, id", params![from, to])
    }

    /// Entries starting in `[from, to)`, or all of them, oldest first, each handed to `f` as it
    /// is read: an export of ten years never holds them all.
    pub fn each_entry(
        &self,
        range: Option<(DateTime<Utc>, DateTime<Utc>)>,
        f: impl FnMut(EntryRef) -> Result<()>,
    ) -> Result<()> {
        let (from, to) = range.map_or((i64::MIN, i64::MAX), |(a, b)| (a.timestamp(), b.timestamp()));
        rows::each(&self.conn, "WHERE start_utc >= ?1 AND start_utc < ?2 ORDER BY start_utc, id", params![from, to], f)
    }

    /// As `each_entry`, but `f` runs on a thread of its own while this one reads ahead: for
    /// exports, which read and write about equally.
    pub fn each_entry_ahead(
        &self,
        range: Option<(DateTime<Utc>, DateTime<Utc>)>,
        f: impl FnMut(EntryRef) -> Result<()> + Send,
    ) -> Result<()> {
        let (from, to) = range.map_or((i64::MIN, i64::MAX), |(a, b)| (a.timestamp(), b.timestamp()));
        rows::each_ahead(
            &self.conn,
            "WHERE start_utc >= ?1 AND start_utc < ?2 ORDER BY start_utc, id",
            params![from, to],
            f,
        )
    }

    /// Every entry in the order it was logged, read ahead as `each_entry_ahead` does: a whole
    /// backup needs no order, and the table's own order is read straight through (a third
    /// faster than through the index by start).
    pub fn each_entry_as_logged(&self, f: impl FnMut(EntryRef) -> Result<()> + Send) -> Result<()> {
        rows::each_ahead(&self.conn, "ORDER BY id", [], f)
    }

    /// As `interruptions`, with only what totals and rules count (no note, tags, uid or
    /// channel): for the week's numbers and the rules' history.
    pub fn counted(&self, range: (DateTime<Utc>, DateTime<Utc>)) -> Result<Vec<Interruption>> {
        let (from, to) = (range.0.timestamp(), range.1.timestamp());
        rows::select_counted(
            &self.conn,
            "WHERE start_utc >= ?1 AND start_utc < ?2 ORDER BY start_utc, id",
            params![from, to],
        )
    }

    /// The first and the last start, without reading the entries.
    pub fn first_and_last_start(&self) -> Result<Option<(DateTime<Utc>, DateTime<Utc>)>> {
        let (first, last): (Option<i64>, Option<i64>) =
            self.conn.query_row("SELECT min(start_utc), max(start_utc) FROM interruptions", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?;
        Ok(first.zip(last).map(|(a, b)| (rows::instant(a), rows::instant(b))))
    }

    pub fn count(&self) -> Result<i64> {
        Ok(self.conn.query_row("SELECT count(*) FROM interruptions", [], |r| r.get(0))?)
    }

    /// Sources used before, most used first, for autocomplete.
    pub fn sources(&self) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare(
            "SELECT source FROM interruptions WHERE source IS NOT NULL GROUP BY source ORDER BY count(*) DESC, max(start_utc) DESC LIMIT 200",
        )?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    // --- what is in force when ---

    pub fn timeline(&self) -> Result<Timeline> {
        read_timeline(&self.conn)
    }

    /// Edits take effect from `now`; while no entry exists yet they hold from the beginning
    /// of time, so the person's first settings classify back-dated entries too.
    fn edit_from(tx: &Transaction, now: DateTime<Utc>) -> Result<Option<i64>> {
        let any: bool = tx.query_row("SELECT EXISTS (SELECT 1 FROM interruptions)", [], |r| r.get(0))?;
        Ok(any.then_some(now.timestamp()))
    }

    pub fn set_schedule(&mut self, schedule: &Schedule, now: DateTime<Utc>) -> Result<()> {
        schedule.validate()?;
        self.write(|tx| Self::push_schedule(tx, schedule, now))
    }

    /// A new schedule version (unless it is the one in force) and the preferences, in one
    /// transaction: both are checked before either is written.
    pub fn set_settings(&mut self, schedule: &Schedule, prefs: &Prefs, now: DateTime<Utc>) -> Result<()> {
        schedule.validate()?;
        prefs.validate()?;
        self.write(|tx| {
            if *read_timeline(tx)?.schedule_at(now) != *schedule {
                Self::push_schedule(tx, schedule, now)?;
            }
            Self::put_prefs(tx, prefs)
        })
    }

    fn push_schedule(tx: &Transaction, schedule: &Schedule, now: DateTime<Utc>) -> Result<()> {
        let from = Self::edit_from(tx, now)?;
        if from.is_none() {
            tx.execute("DELETE FROM schedule_versions", [])?;
        }
        tx.execute(
            "INSERT INTO schedule_versions (valid_from, body) VALUES (?1, ?2)",
            params![from, rows::to_json(schedule)],
        )?;
        Ok(())
    }

    /// Declares a non-negotiable; returns its id.
    pub fn add_boundary(&mut self, boundary: Boundary, now: DateTime<Utc>) -> Result<i64> {
        let boundary = boundary.checked()?;
        self.write(|tx| {
            tx.execute(
                "INSERT INTO boundaries (uid, created_at) VALUES (?1, ?2)",
                params![uuid::Uuid::new_v4().to_string(), now.timestamp()],
            )?;
            let id = tx.last_insert_rowid();
            Self::push_boundary_version(tx, id, Some(&boundary), now)?;
            Ok(id)
        })
    }

    /// A new version of a non-negotiable: an edit, a pause or resume, or (`None`) its removal.
    pub fn edit_boundary(&mut self, id: i64, boundary: Option<Boundary>, now: DateTime<Utc>) -> Result<()> {
        let boundary = boundary.map(Boundary::checked).transpose()?;
        self.write(|tx| {
            let exists: bool =
                tx.query_row("SELECT EXISTS (SELECT 1 FROM boundaries WHERE id=?1)", [id], |r| r.get(0))?;
            if !exists {
                return Err(Error::NotFound(format!("no non-negotiable with id {id}")));
            }
            Self::push_boundary_version(tx, id, boundary.as_ref(), now)
        })
    }

    fn push_boundary_version(tx: &Transaction, id: i64, boundary: Option<&Boundary>, now: DateTime<Utc>) -> Result<()> {
        let from = Self::edit_from(tx, now)?;
        if from.is_none() {
            tx.execute("DELETE FROM boundary_versions WHERE boundary_id=?1", [id])?;
            if boundary.is_none() {
                tx.execute("DELETE FROM boundaries WHERE id=?1", [id])?;
                return Ok(());
            }
        }
        tx.execute(
            "INSERT INTO boundary_versions (boundary_id, valid_from, body) VALUES (?1, ?2, ?3)",
            params![id, from, boundary.map(rows::to_json)],
        )?;
        Ok(())
    }

    /// Every non-negotiable's identity: (id, uid, created at), by id.
    pub fn boundary_records(&self) -> Result<Vec<(i64, String, DateTime<Utc>)>> {
        let mut stmt = self.conn.prepare("SELECT id, uid, created_at FROM boundaries ORDER BY id")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, rows::instant(r.get(2)?))))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Writes a checked backup in one transaction; on any problem nothing is written. Refused
    /// when it would change how an entry is counted, this record's or the backup's: past weeks
    /// keep the classification they had when they were lived.
    pub fn import(&mut self, set: &ImportSet) -> Result<ImportReport> {
        self.write(|tx| {
            let before = read_timeline(tx)?;
            let existing = rows::select(tx, "ORDER BY start_utc, id", [])?;
            let (report, added) = import::import(tx, set)?;
            let after = read_timeline(tx)?;
            import::check_unchanged(&existing, &before, &after, "of your entries")?;
            import::check_unchanged(&added, &import::backup_timeline(tx, set)?, &after, "of the backup's entries")?;
            Ok(report)
        })
    }

    // --- notices: the warnings that fired ---

    /// Records the warnings that hold now (see `notices::record`) and returns their notices.
    pub fn record_warnings(&mut self, warnings: &[Warning], now: DateTime<Utc>) -> Result<Vec<Notice>> {
        self.write(|tx| notices::record(tx, warnings, now))
    }

    pub fn notices(&self, limit: u32) -> Result<Vec<Notice>> {
        notices::list(&self.conn, limit)
    }

    pub fn notices_of_week(&self, week: IsoWeek) -> Result<Vec<Notice>> {
        notices::of_week(&self.conn, &week.to_string())
    }

    pub fn unread_notices(&self) -> Result<u32> {
        notices::unread(&self.conn)
    }

    /// A notification shown: its notices announced at these severities, and the engine's
    /// memory, in one transaction.
    pub fn record_delivery(&mut self, announced: &[(i64, Level)], state: &EngineState) -> Result<()> {
        self.write(|tx| {
            for (id, level) in announced {
                notices::mark_notified(tx, *id, *level)?;
            }
            notices::set_engine_state(tx, state)
        })
    }

    /// A copy of the whole store in memory, with no notices and no engine memory: what a replay
    /// of the engine runs on, so it never writes to the person's file.
    pub fn scratch_copy(&self) -> Result<Store> {
        let mut conn = Connection::open_in_memory()?;
        rusqlite::backup::Backup::new(&self.conn, &mut conn)?.run_to_completion(1024, Duration::ZERO, None)?;
        conn.execute_batch("DELETE FROM notices; DELETE FROM prefs WHERE key = 'engine';")?;
        Ok(Store { conn, path: self.path.clone(), _lock: None })
    }

    pub fn mark_read(&mut self, ids: &[i64], now: DateTime<Utc>) -> Result<()> {
        self.write(|tx| notices::mark_read(tx, ids, now))
    }

    pub fn engine_state(&self) -> Result<EngineState> {
        notices::engine_state(&self.conn)
    }

    pub fn set_engine_state(&mut self, state: &EngineState) -> Result<()> {
        self.write(|tx| notices::set_engine_state(tx, state))
    }

    // --- reflections: the person's answers per week ---

    pub fn reflection(&self, week: IsoWeek) -> Result<Option<Answers>> {
        let body: Option<String> = self
            .conn
            .query_row("SELECT body FROM reflections WHERE week=?1", [week.to_string()], |r| r.get(0))
            .optional()?;
        body.map(|b| rows::from_json("reflection", &b)).transpose()
    }

    pub fn save_reflection(&mut self, week: IsoWeek, answers: &Answers, now: DateTime<Utc>) -> Result<()> {
        answers.validate()?;
        self.write(|tx| {
            tx.execute(
                "INSERT OR REPLACE INTO reflections (week, body, updated_at) VALUES (?1, ?2, ?3)",
                params![week.to_string(), rows::to_json(answers), now.timestamp()],
            )?;
            Ok(())
        })
    }

    /// Every week's answers, oldest first, with when they were last saved.
    pub fn reflections(&self) -> Result<Vec<(IsoWeek, Answers, DateTime<Utc>)>> {
        let mut stmt = self.conn.prepare("SELECT week, body, updated_at FROM reflections ORDER BY week")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, i64>(2)?)))?;
        rows.map(|row| {
            let (week, body, at) = row?;
            Ok((week.parse()?, rows::from_json("reflection", &body)?, rows::instant(at)))
        })
        .collect()
    }

    // --- the self-check's takes ---

    /// Every take, newest first.
    pub fn selfchecks(&self) -> Result<Vec<Take>> {
        selfchecks::all(&self.conn)
    }

    pub fn selfcheck(&self, id: i64) -> Result<Take> {
        selfchecks::get(&self.conn, id)
    }

    /// Keeps a new take; returns it with its id.
    pub fn add_selfcheck(&mut self, take: &Take) -> Result<Take> {
        take.answers.validate()?;
        let id = self.write(|tx| selfchecks::insert(tx, take))?;
        let id = id.ok_or_else(|| Error::invalid("uid", "a self-check with this uid is already kept"))?;
        self.selfcheck(id)
    }

    pub fn correct_selfcheck(&mut self, id: i64, answers: &TakeAnswers, now: DateTime<Utc>) -> Result<Take> {
        answers.validate()?;
        self.write(|tx| selfchecks::correct(tx, id, answers, now))?;
        self.selfcheck(id)
    }

    /// This record's person, for a team share: random, made once per data directory.
    pub fn person_uid(&self) -> Result<String> {
        Ok(self.conn.query_row("SELECT value FROM prefs WHERE key='person-uid'", [], |r| r.get(0))?)
    }

    // --- the capture inbox ---

    /// Every (kind, external id) captured before, whatever became of it.
    pub fn captured(&self) -> Result<HashSet<(Kind, String)>> {
        suggestions::seen(&self.conn)
    }

    /// Keeps one file's suggestions, all or none; returns them with their ids.
    pub fn keep_suggestions(&mut self, found: &[Suggestion], now: DateTime<Utc>) -> Result<Vec<Suggestion>> {
        self.write(|tx| suggestions::add(tx, found, now))
    }

    /// Where each accepted entry came from, by its uid.
    pub fn origins(&self) -> Result<std::collections::HashMap<String, crate::summary::Origin>> {
        suggestions::origins(&self.conn)
    }

    /// Every suggestion, decided or not, for the backup.
    pub fn captured_rows(&self) -> Result<Vec<crate::capture::inbox::Captured>> {
        suggestions::all(&self.conn)
    }

    pub fn inbox(&self) -> Result<Vec<Suggestion>> {
        suggestions::pending(&self.conn)
    }

    pub fn suggestion(&self, id: i64) -> Result<Suggestion> {
        suggestions::pending_one(&self.conn, id)
    }

    /// Logs the entries of accepted suggestions and marks them, in one transaction.
    pub fn accept_suggestions(
        &mut self,
        accepted: &[(i64, NewInterruption)],
        now: DateTime<Utc>,
    ) -> Result<Vec<Interruption>> {
        self.write(|tx| suggestions::accept(tx, accepted, now))
    }

    pub fn dismiss_suggestions(&mut self, ids: &[i64], now: DateTime<Utc>) -> Result<()> {
        self.write(|tx| suggestions::dismiss(tx, ids, now))
    }

    // --- the quick-log window's unsaved draft ---

    pub fn draft(&self) -> Result<Option<String>> {
        Ok(self.conn.query_row("SELECT value FROM prefs WHERE key='quicklog-draft'", [], |r| r.get(0)).optional()?)
    }

    pub fn set_draft(&mut self, draft: Option<&str>) -> Result<()> {
        if draft.is_some_and(|d| d.len() > MAX_DRAFT_BYTES) {
            return Err(Error::invalid("draft", format!("must be at most {MAX_DRAFT_BYTES} bytes")));
        }
        self.write(|tx| {
            match draft {
                Some(d) => {
                    tx.execute("INSERT OR REPLACE INTO prefs (key, value) VALUES ('quicklog-draft', ?1)", [d])?
                }
                None => tx.execute("DELETE FROM prefs WHERE key='quicklog-draft'", [])?,
            };
            Ok(())
        })
    }

    // --- preferences (not versioned: they do not classify anything) ---

    pub fn prefs(&self) -> Result<Prefs> {
        let body: Option<String> =
            self.conn.query_row("SELECT value FROM prefs WHERE key='prefs'", [], |r| r.get(0)).optional()?;
        body.map_or(Ok(Prefs::default()), |b| rows::from_json("preferences", &b))
    }

    pub fn set_prefs(&mut self, prefs: &Prefs) -> Result<()> {
        prefs.validate()?;
        self.write(|tx| Self::put_prefs(tx, prefs))
    }

    fn put_prefs(tx: &Transaction, prefs: &Prefs) -> Result<()> {
        tx.execute("INSERT OR REPLACE INTO prefs (key, value) VALUES ('prefs', ?1)", [rows::to_json(prefs)])?;
        Ok(())
    }
}

/// What was in force when, as the store holds it (also inside a transaction).
fn read_timeline(conn: &Connection) -> Result<Timeline> {
    let mut stmt = conn.prepare("SELECT valid_from, body FROM schedule_versions ORDER BY id")?;
    let schedules = stmt
        .query_map([], |r| Ok((r.get::<_, Option<i64>>(0)?, r.get::<_, String>(1)?)))?
        .map(|row| {
            let (from, body) = row?;
            Ok(Versioned { valid_from: from.map(rows::instant), value: rows::from_json("schedule", &body)? })
        })
        .collect::<Result<Vec<_>>>()?;
    let mut stmt =
        conn.prepare("SELECT boundary_id, valid_from, body FROM boundary_versions ORDER BY boundary_id, id")?;
    let mut boundaries: Vec<BoundaryHistory> = Vec::new();
    let rows =
        stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, Option<i64>>(1)?, r.get::<_, Option<String>>(2)?)))?;
    for row in rows {
        let (id, from, body) = row?;
        let value = body.map(|b| rows::from_json::<Boundary>("non-negotiable", &b)).transpose()?;
        let version = Versioned { valid_from: from.map(rows::instant), value };
        match boundaries.last_mut().filter(|h| h.id == id) {
            Some(h) => h.versions.push(version),
            None => boundaries.push(BoundaryHistory { id, versions: vec![version] }),
        }
    }
    Ok(Timeline::new(schedules, boundaries))
}

fn damaged_or(path: &Path, e: rusqlite::Error) -> Error {
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => {
            Error::Damaged { path: path.to_path_buf(), reason: e.to_string() }
        }
        _ => Error::Sqlite(e),
    }
}

const DISK_FULL: (&str, &str) = ("the disk is full", "Free some space and try again.");
const READ_ONLY: (&str, &str) = (
    "the data directory or its database files are read-only",
    "Make them writable by you, or choose another data directory with --data-dir.",
);

/// Why `dir` cannot take a write, if it cannot: a small file is written there and removed. The
/// probe is larger than what SQLite failed to add (its shared-memory file and a few WAL pages),
/// so a disk with room for the probe was not what stopped it.
fn probe_write(dir: &Path) -> Option<(&'static str, &'static str)> {
    use std::io::Write;
    let probe = dir.join(".loadline-write-probe");
    let mut options = fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    // As much as SQLite's shared-memory file first asks for, and flushed, so a full disk shows.
    let written = options.open(&probe).and_then(|mut f| {
        f.write_all(&[0u8; 64 * 1024])?;
        f.sync_all()
    });
    let _ = fs::remove_file(&probe);
    write_refusal(written.err()?.kind())
}

/// The words for an I/O error that means the directory cannot take a write, if it is one.
fn write_refusal(kind: std::io::ErrorKind) -> Option<(&'static str, &'static str)> {
    use std::io::ErrorKind;
    match kind {
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => Some(DISK_FULL),
        ErrorKind::ReadOnlyFilesystem | ErrorKind::PermissionDenied => Some(READ_ONLY),
        ErrorKind::FileTooLarge => Some((
            "a file there may not grow any larger (a file size limit)",
            "Raise the limit (ulimit -f) and try again.",
        )),
        _ => None,
    }
}

/// A file-system error in `dir` as `CannotWrite` when it is a refusal to write; others pass.
fn refused_or(dir: &Path, e: Error) -> Error {
    let refusal = match &e {
        Error::Io { source, .. } => write_refusal(source.kind()),
        _ => None,
    };
    match refusal {
        Some((why, remedy)) => Error::CannotWrite { dir: dir.to_path_buf(), why, remedy },
        None => e,
    }
}

/// The data directory holds private notes: owner-only.
fn create_private_dir(dir: &Path) -> Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir).map_err(|e| Error::io(format!("cannot create the data directory {}", dir.display()), e))
}
