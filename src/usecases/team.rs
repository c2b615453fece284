//! Writing one's team share file, and merging the team's files into the report the Team view
//! shows and the CLI and the app save.

use std::path::Path;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::Serialize;
use ts_rs::TS;

use crate::error::{quoted, Error, Result};
use crate::files;
use crate::store::Store;
use crate::team::merge::{merge, TeamReport};
use crate::team::render;
use crate::team::share::{self, ShareFile};

pub use crate::export::team::ShareRequest;

use super::home_zone;

/// One's share file as a value (the export writes the same, through `ExportRequest`).
pub fn share(store: &Store, request: &ShareRequest, system_zone: Tz, now: DateTime<Utc>) -> Result<ShareFile> {
    crate::export::team::share(store, request, home_zone(store, None, system_zone)?, now)
}

/// The team's files merged: the report, and the files' names in the order given.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct TeamMerge {
    pub report: TeamReport,
    /// Each file by its name (`ana.json`), as refusals name it.
    pub files: Vec<String>,
}

/// How a file is named in the report and in a refusal: its name without the directory.
fn label(path: &Path) -> String {
    let label = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
    if label.is_empty() {
        "file".into()
    } else {
        label
    }
}

/// More files than any team merges at once is a mistake (a folder's worth dropped), not a team.
pub const MAX_FILES: usize = 100;

/// Reads every file (each size-limited and checked whole), then merges them; a problem is named
/// with its file.
pub fn merge_files(paths: &[&Path]) -> Result<TeamMerge> {
    if paths.len() > MAX_FILES {
        return Err(Error::invalid("files", format!("merge at most {MAX_FILES} share files at once")));
    }
    let mut files = Vec::new();
    for path in paths {
        let label = label(path);
        // A file that cannot be read is one the person named wrongly (moved, a folder): say which.
        let text = files::read_limited(path, share::MAX_BYTES).map_err(|e| match e {
            Error::Io { source, .. } => Error::invalid(label.as_str(), format!("cannot be read: {source}")),
            other => other.within(&label),
        })?;
        files.push((label.clone(), share::parse(&text).map_err(|e| e.within(&label))?));
    }
    let report = merge(&files)?;
    Ok(TeamMerge { report, files: files.into_iter().map(|(label, _)| label).collect() })
}

/// A merged report as a file: its text and a name to offer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TeamDocument {
    pub text: String,
    pub file_name: String,
}

/// The merged report as `html`, `md` (or `markdown`) or `json`, made at `now`.
pub fn document(paths: &[&Path], format: &str, now: DateTime<Utc>) -> Result<TeamDocument> {
    let ext = match format.trim().to_ascii_lowercase().as_str() {
        "html" => "html",
        "md" | "markdown" => "md",
        "json" => "json",
        _ => {
            return Err(Error::invalid(
                "format",
                format!("{} is not a team report format; use html, md or json", quoted(format)),
            ))
        }
    };
    let TeamMerge { report, files } = merge_files(paths)?;
    let text = match ext {
        "json" => {
            let mut t = serde_json::to_string_pretty(&report).expect("a team report always serialises");
            t.push('\n');
            t
        }
        "html" => render::html(&report, files.len(), now),
        _ => render::markdown(&report, files.len()),
    };
    let weeks = if report.range.from == report.range.to {
        report.range.from.to_string()
    } else {
        format!("{}-to-{}", report.range.from, report.range.to)
    };
    Ok(TeamDocument { text, file_name: format!("loadline-team-report-{weeks}.{ext}") })
}
