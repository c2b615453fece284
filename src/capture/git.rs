//! Version control: the person's own commits in a git repository, as sessions of self-initiated,
//! chosen work. Commits are those reachable from `HEAD` and the local branches, authored by
//! `--me` (an email, compared without case; without it, the repository's `user.email`), at their
//! author time. Commits less than two hours apart make one session, which lasts from 30 minutes
//! before its first commit to its last; its `external_id` is its first commit's hash and its source
//! the repository's directory name.
//!
//! A session happened at its first commit's own UTC offset. Its zone is `Options::zone` when that
//! zone had that offset at that instant. Otherwise chrono-tz has no zone of an arbitrary fixed
//! offset, so the honest stand-in is chosen: for a whole hour `Etc/GMT-2` and its kind (POSIX's
//! reversed sign: `Etc/GMT-2` is UTC+02:00), which names an offset and no place; for another
//! offset (+05:30, +05:45) the first zone by name that had it at that instant; and if none had,
//! `Options::zone` (the instant is right either way; only the local hours would be read there).

use std::path::Path;

use chrono::{DateTime, Duration, Offset, TimeZone, Utc};
use chrono_tz::Tz;

use super::pagerduty::{admit, whole_minute};
use super::{Event, Found, Kind, Options, Skip};
use crate::error::{Error, Result};
use crate::interruptions::{Severity, MAX_MINUTES};

/// Commits less than this far apart belong to one session.
const SESSION_GAP: Duration = Duration::hours(2);
/// A session starts this long before its first commit: the work that led to it.
const LEAD_IN: Duration = Duration::minutes(30);

/// Reads the person's commits in the repository at `repo` (its work tree or its git directory).
pub fn read(repo: &Path, opts: &Options) -> Result<Found> {
    let field = repo.display().to_string();
    let refuse = |what: &str, e: git2::Error| Error::invalid(field.clone(), format!("{what}: {}", e.message()));
    let repository = git2::Repository::open(repo).map_err(|e| refuse("not a git repository", e))?;
    let me = match &opts.me {
        Some(me) => me.trim().to_lowercase(),
        None => repository
            .config()
            .and_then(|c| c.get_string("user.email"))
            .map(|email| email.trim().to_lowercase())
            .map_err(|_| {
            Error::invalid("me", "say whose commits to read: --me EMAIL, the author email of your commits")
        })?,
    };

    let mut walk = repository.revwalk().map_err(|e| refuse("cannot list its commits", e))?;
    match repository.head() {
        Ok(_) => walk.push_head().map_err(|e| refuse("cannot read HEAD", e))?,
        // A repository without commits yet.
        Err(e) if e.code() == git2::ErrorCode::UnbornBranch || e.code() == git2::ErrorCode::NotFound => {}
        Err(e) => return Err(refuse("cannot read HEAD", e)),
    }
    walk.push_glob("refs/heads/*").map_err(|e| refuse("cannot read its branches", e))?;

    let mut found = Found::default();
    let mut mine = Vec::new();
    for oid in walk {
        let oid = oid.map_err(|e| refuse("cannot list its commits", e))?;
        let commit = repository.find_commit(oid).map_err(|e| {
            Error::invalid(format!("{field}: commit {oid}"), format!("cannot be read: {}", e.message()))
        })?;
        let author = commit.author();
        if !author.email_bytes().eq_ignore_ascii_case(me.as_bytes())
            && String::from_utf8_lossy(author.email_bytes()).to_lowercase() != me
        {
            found.skip(Skip::NotMe);
            continue;
        }
        let when = author.when();
        let Some(at) = DateTime::from_timestamp(when.seconds(), 0) else {
            return Err(Error::invalid(
                format!("{field}: commit {oid}"),
                format!("its author time {} is not a time", when.seconds()),
            ));
        };
        let summary = String::from_utf8_lossy(commit.summary_bytes().unwrap_or_default()).trim().to_owned();
        mine.push(Commit { at, offset_minutes: when.offset_minutes(), hash: oid.to_string(), summary });
    }

    let source = name_of(&repository);
    mine.sort_by(|a, b| (a.at, &a.hash).cmp(&(b.at, &b.hash)));
    for session in sessions(&mine) {
        let (first, last) = (&session[0], &session[session.len() - 1]);
        let start = whole_minute(first.at - LEAD_IN);
        if !admit(&mut found, start, opts) {
            continue;
        }
        let seconds = (last.at - start).num_seconds();
        let minutes = ((seconds + 59) / 60).clamp(1, MAX_MINUTES) as u32;
        let title = match session.len() {
            1 => first.summary.clone(),
            n => format!("{} (+{} more commit{})", first.summary, n - 1, if n == 2 { "" } else { "s" }),
        };
        found.events.push(Event {
            kind: Kind::Git,
            external_id: first.hash.clone(),
            title,
            start,
            zone: zone_for(first.offset_minutes, first.at, opts.zone),
            minutes,
            channel: "self-initiated".into(),
            source: source.clone(),
            severity: Severity::None,
            chosen: true,
        });
    }
    Ok(found)
}

struct Commit {
    at: DateTime<Utc>,
    offset_minutes: i32,
    hash: String,
    summary: String,
}

/// Commits in time order, cut wherever two are `SESSION_GAP` or more apart.
fn sessions(commits: &[Commit]) -> impl Iterator<Item = &[Commit]> {
    commits.chunk_by(|a, b| b.at - a.at < SESSION_GAP)
}

/// The repository's directory name: its work tree's, or its git directory's without `.git`.
fn name_of(repository: &git2::Repository) -> Option<String> {
    let dir = repository.workdir().unwrap_or_else(|| repository.path());
    let name = dir.file_name()?.to_string_lossy();
    let name = name.strip_suffix(".git").unwrap_or(&name);
    Some(name.to_owned()).filter(|n| !n.is_empty())
}

/// The zone a commit made at `offset_minutes` east of UTC at `at` is read in (see the module's
/// documentation).
pub fn zone_for(offset_minutes: i32, at: DateTime<Utc>, preferred: Tz) -> Tz {
    let has_offset =
        |zone: Tz| zone.offset_from_utc_datetime(&at.naive_utc()).fix().local_minus_utc() == offset_minutes * 60;
    if has_offset(preferred) {
        return preferred;
    }
    if offset_minutes % 60 == 0 && (-12 * 60..=14 * 60).contains(&offset_minutes) {
        let hours = -offset_minutes / 60;
        let name = if hours == 0 { "Etc/UTC".to_owned() } else { format!("Etc/GMT{hours:+}") };
        if let Ok(zone) = name.parse::<Tz>() {
            return zone;
        }
    }
    chrono_tz::TZ_VARIANTS.into_iter().find(|z| has_offset(*z)).unwrap_or(preferred)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_offset_is_read_in_the_preferred_zone_when_it_has_it_then_in_an_etc_zone() {
        let berlin = chrono_tz::Europe::Berlin;
        let winter = DateTime::parse_from_rfc3339("2026-01-10T22:00:00Z").unwrap().with_timezone(&Utc);
        let summer = DateTime::parse_from_rfc3339("2026-07-10T22:00:00Z").unwrap().with_timezone(&Utc);
        assert_eq!(zone_for(60, winter, berlin), berlin);
        assert_eq!(zone_for(120, summer, berlin), berlin);
        assert_eq!(zone_for(120, winter, berlin).name(), "Etc/GMT-2");
        assert_eq!(zone_for(-300, winter, berlin).name(), "Etc/GMT+5");
        assert_eq!(zone_for(0, winter, berlin).name(), "Etc/UTC");
        let kolkata = zone_for(330, winter, berlin);
        assert_eq!(kolkata.offset_from_utc_datetime(&winter.naive_utc()).fix().local_minus_utc(), 330 * 60);
    }
}
