//! The team share file as an export: the weeks a request names, read from the store once and
//! handed to `team::share::build`. `ExportRequest` routes `--format team` here, so the CLI's
//! file, the app's preview and the app's saved file are one path.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::error::{Error, Result};
use crate::store::Store;
use crate::team::share::{self, ShareFile, TeamKey};
use crate::week::IsoWeek;

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

/// The weeks a share covers: those holding `from` and `to`; by default from the first entry's
/// week (or this week, when there is none) to this week.
pub fn weeks(
    store: &Store,
    from: Option<&str>,
    to: Option<&str>,
    zone: Tz,
    now: DateTime<Utc>,
) -> Result<(IsoWeek, IsoWeek)> {
    let week_of = |field: &str, text: Option<&str>, default: IsoWeek| -> Result<IsoWeek> {
        text.map_or(Ok(default), |t| Ok(IsoWeek::containing(super::day(field, t)?)))
    };
    let this_week = IsoWeek::of(now, zone);
    let first = store.first_and_last_start()?.map_or(this_week, |(first, _)| IsoWeek::of(first, zone));
    let to = week_of("to", to, this_week)?;
    let from = week_of("from", from, first.min(to))?;
    if to < from {
        return Err(Error::invalid("to", format!("{to} is before the first week {from}")));
    }
    Ok((from, to))
}

/// One's share file for the weeks asked for, in `zone`, made at `now`.
pub fn share(store: &Store, request: &ShareRequest, zone: Tz, now: DateTime<Utc>) -> Result<ShareFile> {
    // Every refused field at once, in the form's order: the name, then the passphrase.
    let name = share::check_name(request.name);
    let key = TeamKey::derive(request.passphrase);
    let (name, key) = match (name, key) {
        (Ok(name), Ok(key)) => (name, key),
        (name, key) => {
            return Err(
                Error::all([name.err(), key.err()].into_iter().flatten().collect()).expect("one of them was refused")
            )
        }
    };
    let (from, to) = weeks(store, request.from, request.to, zone, now)?;
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

/// A file name to offer: `loadline-team-ana-2026-W45-to-2026-W48.json`, the name's letters and
/// digits in lower case, anything else between them a single `-`.
pub fn file_name(file: &ShareFile) -> String {
    let mut slug = String::new();
    for c in file.name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    let weeks = if file.from == file.to { file.from.to_string() } else { format!("{}-to-{}", file.from, file.to) };
    if slug.is_empty() {
        format!("loadline-team-{weeks}.json")
    } else {
        format!("loadline-team-{slug}-{weeks}.json")
    }
}
