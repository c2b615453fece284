//! Files the person asked for: exports are written whole or not at all, owner-only (they may
//! hold private notes), and inputs are read with a size limit.

use std::fs;
use std::io::{BufWriter, Read, Write};
use std::path::Path;

use crate::error::{Error, Result};

/// Writes `bytes` to `path`, whole or not at all, owner-only.
pub fn write_private(path: &Path, bytes: &[u8]) -> Result<()> {
    write_private_with(path, |w| {
        w.write_all(bytes).map_err(|e| Error::io(format!("cannot write {}", path.display()), e))
    })
}

/// Lets `write` fill a temporary file beside `path` through a buffer, syncs it, then renames
/// it into place, so a crash or an error never leaves half an export and a large one is never
/// held in memory whole.
pub fn write_private_with(path: &Path, write: impl FnOnce(&mut (dyn Write + Send)) -> Result<()>) -> Result<()> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name =
        path.file_name().ok_or_else(|| Error::invalid("out", format!("{} is not a file name", path.display())))?;
    let tmp = dir.join(format!(".{}.tmp-{}", name.to_string_lossy(), std::process::id()));
    let io = |e: std::io::Error| Error::io(format!("cannot write {}", path.display()), e);
    let mut options = fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let result = (|| {
        let mut out = BufWriter::with_capacity(256 * 1024, options.open(&tmp).map_err(io)?);
        write(&mut out)?;
        let file = out.into_inner().map_err(|e| io(e.into_error()))?;
        // The data and the size it needs; the rename is what makes it visible.
        file.sync_data().map_err(io)?;
        fs::rename(&tmp, path).map_err(io)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// Reads a UTF-8 file of at most `limit` bytes.
pub fn read_limited(path: &Path, limit: usize) -> Result<String> {
    let file = fs::File::open(path).map_err(|e| Error::io(format!("cannot read {}", path.display()), e))?;
    let mut text = String::new();
    file.take(limit as u64 + 1).read_to_string(&mut text).map_err(|e| match e.kind() {
        std::io::ErrorKind::InvalidData => Error::invalid("file", format!("{} is not UTF-8 text", path.display())),
        _ => Error::io(format!("cannot read {}", path.display()), e),
    })?;
    if text.len() > limit {
        return Err(Error::invalid("file", format!("{} is larger than {} MiB", path.display(), limit >> 20)));
    }
    Ok(text)
}

/// Creates `path` owner-only (a database before SQLite opens it: its WAL and shm files inherit
/// the mode). An existing file is left as it is.
pub fn create_private(path: &Path) -> Result<()> {
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    match options.open(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(Error::io(format!("cannot create {}", path.display()), e)),
    }
}
