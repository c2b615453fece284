//! Taking the daily backup and restoring one. Restoring sets the current file aside, never
//! deletes it, and never leaves the data directory without a whole database.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, OpenFlags};

use crate::backups;
use crate::error::{Error, Result};
use crate::store::{Store, StoreLock, APPLICATION_ID, DB_FILE, MIGRATIONS};

/// Takes today's backup unless it exists, then keeps only the newest `KEEP`. Returns the new
/// file, if one was written.
pub fn take_daily(store: &Store, data_dir: &Path, today: NaiveDate) -> Result<Option<PathBuf>> {
    let path = backups::file_for(data_dir, today);
    if path.exists() {
        return Ok(None);
    }
    let mut owner_only = fs::DirBuilder::new();
    owner_only.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut owner_only, 0o700);
    owner_only.create(backups::dir(data_dir)).map_err(|e| Error::io("cannot create the backups directory", e))?;
    // A copy of damage would rotate a good backup out.
    store.quick_check()?;
    store.backup_to(&path)?;
    for old in backups::list(data_dir)?.into_iter().skip(backups::KEEP) {
        let _ = fs::remove_file(old.file);
    }
    Ok(Some(path))
}

/// Checks that `file` is a whole Loadline database this version can open: ours by its
/// `application_id`, of a schema this version reads, and whole by `integrity_check`. Read-only:
/// a backup with commits still in its `-wal` is read with them.
fn check(file: &Path) -> Result<()> {
    let damaged = |reason: String| Error::Damaged { path: file.to_path_buf(), reason };
    let conn =
        Connection::open_with_flags(file, OpenFlags::SQLITE_OPEN_READ_ONLY).map_err(|e| damaged(e.to_string()))?;
    let read = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, i64>(0)).map_err(|e| damaged(e.to_string()));
    if read("PRAGMA application_id")? != APPLICATION_ID {
        return Err(damaged("it is another program's SQLite file".into()));
    }
    let version = read("PRAGMA user_version")?;
    if version == 0 || version > MIGRATIONS.len() as i64 {
        return Err(damaged(format!("schema version {version} is not one this Loadline reads")));
    }
    let ok: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).map_err(|e| damaged(e.to_string()))?;
    if ok != "ok" {
        return Err(damaged(format!("integrity check: {ok}")));
    }
    Ok(())
}

/// The same file, however it is named (a symlink, `..`, a hard link).
fn same_file(a: &Path, b: &Path) -> bool {
    match (fs::metadata(a), fs::metadata(b)) {
        #[cfg(unix)]
        (Ok(a), Ok(b)) => {
            use std::os::unix::fs::MetadataExt;
            a.dev() == b.dev() && a.ino() == b.ino()
        }
        #[cfg(not(unix))]
        (Ok(_), Ok(_)) => fs::canonicalize(a).ok() == fs::canonicalize(b).ok(),
        _ => false,
    }
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    PathBuf::from(format!("{}{suffix}", path.display()))
}

/// Puts `backup` in place of the database in `data_dir`; returns where the previous one was
/// set aside (`None` when there was none). Where the file system has hard links, at every
/// moment `loadline.db` is whole, either the old file or the new one:
///
/// 1. the backup is checked and copied with SQLite's backup API (its `-wal` comes along) into
///    a temporary file in the data directory, which is synced;
/// 2. the current file is checkpointed (its WAL folded in) and hard-linked to a set-aside name
///    no earlier restore has used (renamed, where hard links are not to be had); what a
///    damaged file's WAL still holds is moved beside it;
/// 3. the copy is renamed over `loadline.db` and the directory is synced.
///
/// Refused, with nothing changed: the live file itself, a file that is not a whole Loadline
/// database, and any moment when another Loadline process has the store open.
pub fn restore(data_dir: &Path, backup: &Path, now: DateTime<Utc>) -> Result<Option<PathBuf>> {
    let current = data_dir.join(DB_FILE);
    let failed = |why: String| Error::RestoreFailed { why, data: current.clone() };
    if same_file(backup, &current) {
        return Err(failed(format!("{} is the database in use itself", backup.display())));
    }
    check(backup).map_err(|e| failed(e.to_string()))?;
    let _alone = StoreLock::exclusive(data_dir)?;

    let tmp = data_dir.join(format!("{DB_FILE}.restoring-{}", std::process::id()));
    let swapped = copy_synced(backup, &tmp).and_then(|()| {
        let aside = if current.exists() { Some(set_aside(&current, now)?) } else { None };
        if let Err(e) = fs::rename(&tmp, &current) {
            if let Some(aside) = &aside {
                aside.undo(&current);
            }
            return Err(format!("cannot put the copy in place: {e}"));
        }
        Ok(aside.map(|a| a.path))
    });
    match swapped {
        Ok(aside) => {
            // The old file's shared-memory index describes a WAL that no longer exists.
            let _ = fs::remove_file(with_suffix(&current, "-shm"));
            sync_dir(data_dir);
            Ok(aside)
        }
        Err(why) => {
            // Whatever step failed, loadline.db is the live file again, with its WAL (a
            // set-aside link to it may remain beside it); only the copy goes.
            for suffix in ["", "-wal", "-shm", "-journal"] {
                let _ = fs::remove_file(with_suffix(&tmp, suffix));
            }
            Err(failed(why))
        }
    }
}

/// A whole, synced copy of `from` at `to`, owner-only: one file, however much of `from` was
/// still in its WAL.
fn copy_synced(from: &Path, to: &Path) -> std::result::Result<(), String> {
    let src = Connection::open_with_flags(from, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|e| format!("cannot read {}: {e}", from.display()))?;
    crate::files::create_private(to).map_err(|e| e.to_string())?;
    src.backup(rusqlite::MAIN_DB, to, None::<fn(rusqlite::backup::Progress)>)
        .map_err(|e| format!("cannot copy {}: {e}", from.display()))?;
    fs::File::open(to).and_then(|f| f.sync_all()).map_err(|e| format!("cannot sync {}: {e}", to.display()))
}

/// Where the current file went, and how, so a swap that fails can be undone.
struct Aside {
    path: PathBuf,
    /// Renamed, not hard-linked (a file system without hard links): `loadline.db` is gone
    /// until the copy takes its name.
    moved: bool,
    /// A damaged file's WAL, moved beside the set-aside file.
    wal_moved: bool,
}

impl Aside {
    /// Puts back what `set_aside` moved, when the copy could not take the file's place.
    fn undo(&self, current: &Path) {
        if self.moved {
            let _ = fs::rename(&self.path, current);
        }
        if self.wal_moved {
            let _ = fs::rename(with_suffix(&self.path, "-wal"), with_suffix(current, "-wal"));
        }
    }
}

/// Keeps the current file under a new `loadline.db.set-aside-<time>[-n]` name: a hard link, so
/// the live name still points at it until the copy replaces it, or, where the file system has
/// no hard links, a rename (the exclusive lock keeps every other Loadline out meanwhile).
fn set_aside(current: &Path, now: DateTime<Utc>) -> std::result::Result<Aside, String> {
    // Folds the WAL into the file, so the set-aside file holds every commit; a damaged file may
    // refuse, and then its WAL is moved beside the set-aside file instead.
    let folded = Connection::open(current)
        .and_then(|c| c.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get::<_, i64>(0)))
        .is_ok_and(|busy| busy == 0);
    let stamp = now.format("%Y%m%dT%H%M%SZ");
    let names = (1..).map(|n| match n {
        1 => current.with_file_name(format!("{DB_FILE}.set-aside-{stamp}")),
        n => current.with_file_name(format!("{DB_FILE}.set-aside-{stamp}-{n}")),
    });
    let cannot = |e: std::io::Error| format!("cannot set {} aside: {e}", current.display());
    let mut aside = None;
    for name in names {
        if name.exists() {
            continue;
        }
        aside = Some(match fs::hard_link(current, &name) {
            Ok(()) => Aside { path: name, moved: false, wal_moved: false },
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) if matches!(e.kind(), std::io::ErrorKind::Unsupported | std::io::ErrorKind::PermissionDenied) => {
                fs::rename(current, &name).map_err(cannot)?;
                Aside { path: name, moved: true, wal_moved: false }
            }
            Err(e) => return Err(cannot(e)),
        });
        break;
    }
    let mut aside = aside.expect("an unused name is always found");
    let wal = with_suffix(current, "-wal");
    if !folded && wal.exists() {
        if let Err(e) = fs::rename(&wal, with_suffix(&aside.path, "-wal")) {
            aside.undo(current);
            return Err(cannot(e));
        }
        aside.wal_moved = true;
    }
    Ok(aside)
}

fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
}
