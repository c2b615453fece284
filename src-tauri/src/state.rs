//! The app's state, built once in `setup` and managed by Tauri: the store (or why it could not
//! be opened, so a backup can be offered), entries deleted from the window that can still
//! be undone, and the export last previewed, which "Save…" writes as it was shown.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use loadline_core::export::{ExportPreview, ExportRequest};
use loadline_core::interruptions::{Draft, Interruption};
use loadline_core::store::Store;
use loadline_core::summary::Entry;
use loadline_core::usecases;

use crate::clock;
use crate::ipc::{ApiError, ApiResult};

pub struct AppState {
    pub data_dir: PathBuf,
    db: Mutex<Result<Store, String>>,
    /// Deleted in this session, newest last, so "Undo" can put them back as they were.
    deleted: Mutex<Vec<Interruption>>,
    /// The last preview and the request it answered: a save of the same request writes this
    /// text, so a file stamped with the moment it was made (a team share, a report's date) is
    /// the one the person read. It goes when the main window closes, with its process.
    previewed: Mutex<Option<(ExportRequest, ExportPreview)>>,
}

/// A panic while the lock was held cannot leave the store half-written (its transaction rolls
/// back on drop), so a poisoned lock is safe to take over.
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The app lives all day on this connection, so the whole file is checked once when it opens.
fn open(data_dir: &Path) -> Result<Store, String> {
    Store::open(data_dir).and_then(|s| s.quick_check().map(|()| s)).map_err(|e| {
        tracing::error!("cannot open the store: {e}");
        e.to_string()
    })
}

impl AppState {
    pub fn open(data_dir: PathBuf) -> AppState {
        let db = Mutex::new(open(&data_dir));
        AppState { data_dir, db, deleted: Mutex::new(Vec::new()), previewed: Mutex::new(None) }
    }

    /// Why the store is unavailable, if it is.
    pub fn store_problem(&self) -> Option<String> {
        lock(&self.db).as_ref().err().cloned()
    }

    /// Logs `draft` as of now, in the system's zone: the window, the tray and the quick-log
    /// window log through this one call.
    pub fn log_now(&self, draft: &Draft) -> ApiResult<Entry> {
        self.with_store(|s| usecases::entries::log_one(s, draft, clock::system_zone(), clock::now()))
    }

    pub fn with_store<T>(&self, f: impl FnOnce(&mut Store) -> loadline_core::Result<T>) -> ApiResult<T> {
        let mut db = lock(&self.db);
        // The person may have freed the disk or fixed the directory since: try again. Opening
        // never writes to a file it refuses, so a damaged one stays as it is.
        if db.is_err() {
            *db = open(&self.data_dir);
        }
        let store = db.as_mut().map_err(|why| ApiError::unavailable(why.clone()))?;
        match f(store) {
            Ok(value) => Ok(value),
            Err(e) => match e.damaged_in(store.path()) {
                // Damage met on any page is the same damage: the banner offers the newest backup.
                damaged @ loadline_core::Error::Damaged { .. } => {
                    tracing::error!("{damaged}");
                    *db = Err(damaged.to_string());
                    Err(ApiError::unavailable(damaged.to_string()))
                }
                other => Err(other.into()),
            },
        }
    }

    /// Refuses a file that is not one of the automatic backups: only those are restored here.
    pub fn check_backup(&self, file: &Path) -> ApiResult<()> {
        let known = loadline_core::backups::list(&self.data_dir)?.into_iter().any(|b| Path::new(&b.file) == file);
        if known {
            return Ok(());
        }
        Err(loadline_core::Error::invalid("file", "is not one of Loadline's automatic backups").into())
    }

    /// Closes the store, puts `backup` (an automatic backup) in its place (the current file is
    /// set aside) and opens it again; the store is closed only while the files move.
    pub fn restore(&self, backup: &Path) -> ApiResult<()> {
        self.check_backup(backup)?;
        self.closed_while(|| {
            match usecases::backups::restore(&self.data_dir, backup, clock::now())? {
                Some(aside) => {
                    tracing::info!("restored {}; the previous database is at {}", backup.display(), aside.display())
                }
                None => tracing::info!("restored {}", backup.display()),
            }
            Ok(())
        })
    }

    /// Closes the store while a restore runs (here, or in the tray's process, which needs every
    /// connection closed), then opens it again.
    pub fn closed_while(&self, restore: impl FnOnce() -> ApiResult<()>) -> ApiResult<()> {
        let mut db = lock(&self.db);
        *db = Err("restoring a backup".into());
        // What was deleted before the restore belongs to the record being replaced.
        lock(&self.deleted).clear();
        let restored = restore();
        *db = open(&self.data_dir);
        restored?;
        db.as_ref().map(|_| ()).map_err(|why| ApiError::unavailable(why.clone()))
    }

    pub fn keep_preview(&self, request: ExportRequest, preview: ExportPreview) {
        *lock(&self.previewed) = Some((request, preview));
    }

    /// The preview shown for exactly this request, if it is the last one.
    pub fn preview_of(&self, request: &ExportRequest) -> Option<ExportPreview> {
        lock(&self.previewed).as_ref().filter(|(shown, _)| shown == request).map(|(_, preview)| preview.clone())
    }

    pub fn stash_deleted(&self, gone: Interruption) {
        let mut deleted = lock(&self.deleted);
        deleted.push(gone);
        // Undo is for the last few slips, not an archive.
        if deleted.len() > 50 {
            deleted.remove(0);
        }
    }

    pub fn take_deleted(&self, id: i64) -> Option<Interruption> {
        let mut deleted = lock(&self.deleted);
        let at = deleted.iter().position(|i| i.id == id)?;
        Some(deleted.remove(at))
    }
}
