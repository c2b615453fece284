//! Where the automatic backups live and what they are: `<data dir>/backups/loadline-<day>.db`,
//! the last seven kept. Taking and restoring them are use cases (`usecases::backups`).

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use ts_rs::TS;

use crate::error::{Error, Result};

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

pub fn file_for(data_dir: &Path, day: NaiveDate) -> PathBuf {
    dir(data_dir).join(format!("{PREFIX}{day}{SUFFIX}"))
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
