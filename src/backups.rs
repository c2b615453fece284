//! Automatic local backups: one copy of the database a day, taken with SQLite's online backup
//! (consistent while the app keeps writing), the last seven kept in `<data dir>/backups`.
//! Restoring sets the current file aside, never deletes it.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::store::{Store, DB_FILE, MIGRATIONS};

pub const DIR: &str = "backups";
pub const KEEP: usize = 7;
const PREFIX: &str = "loadline-";
const SUFFIX: &str = ".db";

#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct BackupInfo {
    /// The file's full path.
    pub file: String,
    /// The day it was taken (local), `YYYY-MM-DD`.
    pub day: String,
    /// When the file was written, RFC 3339.
    pub taken_at: String,
    pub bytes: u64,
}

pub fn dir(data_dir: &Path) -> PathBuf {
    data_dir.join(DIR)
}

fn file_for(data_dir: &Path, day: NaiveDate) -> PathBuf {
    dir(data_dir).join(format!("{PREFIX}{day}{SUFFIX}"))
}

/// Takes today's backup unless it exists, then keeps only the newest `KEEP`. Returns the new
/// file, if one was written.
pub fn take_daily(store: &Store, data_dir: &Path, today: NaiveDate) -> Result<Option<PathBuf>> {
    let path = file_for(data_dir, today);
    if path.exists() {
        return Ok(None);
    }
    let mut owner_only = fs::DirBuilder::new();
    owner_only.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut owner_only, 0o700);
    owner_only.create(dir(data_dir)).map_err(|e| Error::io("cannot create the backups directory", e))?;
    store.backup_to(&path)?;
    for old in list(data_dir)?.into_iter().skip(KEEP) {
        let _ = fs::remove_file(old.file);
    }
    Ok(Some(path))
}

/// The backups, newest first.
pub fn list(data_dir: &Path) -> Result<Vec<BackupInfo>> {
    let entries = match fs::read_dir(dir(data_dir)) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::io("cannot read the backups directory", e)),
    };
    let mut out: Vec<BackupInfo> = entries
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().to_string();
            let day = name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?;
            NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()?;
            let meta = e.metadata().ok()?;
            let taken_at: DateTime<Utc> = meta.modified().ok()?.into();
            Some(BackupInfo {
                file: e.path().to_string_lossy().to_string(),
                day: day.to_string(),
                taken_at: taken_at.to_rfc3339(),
                bytes: meta.len(),
            })
        })
        .collect();
    out.sort_by(|a, b| b.day.cmp(&a.day));
    Ok(out)
}

/// Checks that `file` is a whole Loadline database this version can open.
fn check(file: &Path) -> Result<()> {
    let damaged = |reason: String| Error::Damaged { path: file.to_path_buf(), reason };
    let conn =
        Connection::open_with_flags(file, OpenFlags::SQLITE_OPEN_READ_ONLY).map_err(|e| damaged(e.to_string()))?;
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(|e| damaged(e.to_string()))?;
    if version == 0 || version > MIGRATIONS.len() as i64 {
        return Err(damaged(format!("schema version {version} is not one this Loadline reads")));
    }
    let ok: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).map_err(|e| damaged(e.to_string()))?;
    if ok != "ok" {
        return Err(damaged(format!("integrity check: {ok}")));
    }
    Ok(())
}

/// Puts `backup` in place of the database in `data_dir`. The current file (with its WAL) is
/// renamed to `loadline.db.set-aside-<time>`, never deleted. No store may be open on it.
pub fn restore(data_dir: &Path, backup: &Path, now: DateTime<Utc>) -> Result<PathBuf> {
    check(backup)?;
    let current = data_dir.join(DB_FILE);
    let aside = data_dir.join(format!("{DB_FILE}.set-aside-{}", now.format("%Y%m%dT%H%M%SZ")));
    for suffix in ["", "-wal", "-shm"] {
        let from = PathBuf::from(format!("{}{suffix}", current.display()));
        if from.exists() {
            let to = PathBuf::from(format!("{}{suffix}", aside.display()));
            fs::rename(&from, &to).map_err(|e| Error::io(format!("cannot set {} aside", from.display()), e))?;
        }
    }
    let tmp = data_dir.join(format!("{DB_FILE}.restoring"));
    fs::copy(backup, &tmp).map_err(|e| Error::io(format!("cannot copy {}", backup.display()), e))?;
    #[cfg(unix)]
    fs::set_permissions(&tmp, std::os::unix::fs::PermissionsExt::from_mode(0o600))
        .map_err(|e| Error::io("cannot make the restored file private", e))?;
    fs::rename(&tmp, &current).map_err(|e| Error::io("cannot put the backup in place", e))?;
    Ok(aside)
}
