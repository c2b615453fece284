//! Who has the data directory's database open. Every Loadline process that opens the store holds
//! a shared lock on `loadline.lock` for as long as it has the store; a restore, which replaces
//! the file, takes it exclusively, so it never swaps a file from under the tray app or a CLI
//! writer still waiting on its input. The lock is `flock(2)` (std's `File::lock`): it belongs to
//! the open file, so the kernel releases it when a process ends, however it ends.

use std::fs::{self, File, TryLockError};
use std::path::Path;

use crate::error::{Error, Result};

pub const LOCK_FILE: &str = "loadline.lock";

/// Held while a store is open (shared) or while a restore replaces the file (exclusive).
#[derive(Debug)]
pub struct StoreLock {
    _file: File,
}

fn open(dir: &Path) -> std::io::Result<File> {
    let mut options = fs::OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(dir.join(LOCK_FILE))
}

impl StoreLock {
    /// Waits while a restore holds the directory (it takes a moment), then shares it.
    pub fn shared(dir: &Path) -> Result<StoreLock> {
        let file = open(dir).map_err(|e| Error::io(format!("cannot open {}", dir.join(LOCK_FILE).display()), e))?;
        file.lock_shared().map_err(|e| Error::io(format!("cannot lock {}", dir.join(LOCK_FILE).display()), e))?;
        Ok(StoreLock { _file: file })
    }

    /// The directory to itself, or `InUse` when another Loadline process has the store open.
    pub fn exclusive(dir: &Path) -> Result<StoreLock> {
        let file = open(dir).map_err(|e| Error::io(format!("cannot open {}", dir.join(LOCK_FILE).display()), e))?;
        match file.try_lock() {
            Ok(()) => Ok(StoreLock { _file: file }),
            Err(TryLockError::WouldBlock) => Err(Error::InUse { data: dir.join(super::DB_FILE) }),
            Err(TryLockError::Error(e)) => Err(Error::io(format!("cannot lock {}", dir.join(LOCK_FILE).display()), e)),
        }
    }
}
