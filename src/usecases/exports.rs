//! Exports and imports: what leaves the machine is rendered once from one request, so the
//! preview is exactly the file; a backup comes in checked whole, in one transaction.

use std::path::Path;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::error::Result;
use crate::export::{backup, ExportPreview, ExportRequest};
use crate::files;
use crate::store::{ImportReport, Store};

use super::home_zone;

pub fn preview(store: &Store, request: &ExportRequest, system_zone: Tz, now: DateTime<Utc>) -> Result<ExportPreview> {
    request.preview(store, home_zone(store, None, system_zone)?, now)
}

/// The export's text, as the preview showed it.
pub fn render(store: &Store, request: &ExportRequest, system_zone: Tz, now: DateTime<Utc>) -> Result<String> {
    request.render(store, home_zone(store, None, system_zone)?, now)
}

/// Writes the export to `w` as it is made.
pub fn write(
    store: &Store,
    request: &ExportRequest,
    system_zone: Tz,
    now: DateTime<Utc>,
    w: &mut (dyn std::io::Write + Send),
) -> Result<()> {
    request.write_to(store, home_zone(store, None, system_zone)?, now, w)
}

/// Writes the export to `path` as it is made, whole or not at all, owner-only.
pub fn save(store: &Store, request: &ExportRequest, path: &Path, system_zone: Tz, now: DateTime<Utc>) -> Result<()> {
    let zone = home_zone(store, None, system_zone)?;
    files::write_private_with(path, |w| request.write_to(store, zone, now, w))
}

/// Reads a backup file (size-limited), checks all of it, then imports it in one transaction.
pub fn import_file(store: &mut Store, path: &Path) -> Result<ImportReport> {
    let text = files::read_limited(path, backup::MAX_BYTES)?;
    store.import(&backup::parse(&text)?)
}
