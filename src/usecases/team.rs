//! Writing one's team share file, and merging the team's files.

use std::path::Path;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::error::Result;
use crate::files;
use crate::store::Store;
use crate::team::merge::{merge, TeamReport};
use crate::team::share::{self, ShareFile, TeamKey};
use crate::week::IsoWeek;

use super::home_zone;

/// What a person asked to share.
pub struct ShareRequest<'a> {
    /// The name or pseudonym to be shown by.
    pub name: &'a str,
    pub passphrase: &'a str,
    /// Local days, `YYYY-MM-DD`: the weeks holding them. Default: from the first entry's week
    /// to this week.
    pub from: Option<&'a str>,
    pub to: Option<&'a str>,
    pub include_sources: bool,
}

pub fn share(store: &Store, request: &ShareRequest, system_zone: Tz, now: DateTime<Utc>) -> Result<ShareFile> {
    let zone = home_zone(store, None, system_zone)?;
    let name = share::check_name(request.name)?;
    let key = TeamKey::derive(request.passphrase)?;
    let week_of = |field: &str, text: Option<&str>, default: IsoWeek| -> Result<IsoWeek> {
        text.map_or(Ok(default), |t| Ok(IsoWeek::containing(crate::export::day(field, t)?)))
    };
    let this_week = IsoWeek::of(now, zone);
    let first = store.first_and_last_start()?.map_or(this_week, |(first, _)| IsoWeek::of(first, zone));
    let to = week_of("to", request.to, this_week)?;
    let from = week_of("from", request.from, first.min(to))?;
    if to < from {
        return Err(crate::error::Error::invalid("to", format!("{to} is before --from's week {from}")));
    }
    let (start, _) = from.bounds(zone);
    let (_, end) = to.bounds(zone);
    let entries = store.counted((start, end))?;
    share::build(
        &name,
        store.person_uid()?,
        &key,
        zone,
        (from, to),
        &entries,
        &store.timeline()?,
        &store.prefs()?.people,
        request.include_sources,
        now,
    )
}

/// Reads every file (each size-limited and checked whole), then merges them; a problem is named
/// with its file.
pub fn merge_files(paths: &[&Path]) -> Result<(TeamReport, usize)> {
    let mut files = Vec::new();
    for path in paths {
        let label = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
        let text = files::read_limited(path, share::MAX_BYTES).map_err(|e| e.within(&label))?;
        files.push((label.clone(), share::parse(&text).map_err(|e| e.within(&label))?));
    }
    Ok((merge(&files)?, files.len()))
}
