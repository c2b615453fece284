//! The share file: what one person chooses to give their team, per ISO week and nothing finer —
//! counts, after-hours minutes, breaches by category, a day × hour count, and sources as keyed
//! hashes. Written by `build` from a person's weeks; read back by `parse`, which checks every
//! number before a merge may use it.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Datelike, NaiveDate, SubsecRound, Timelike, Utc};
use chrono_tz::Tz;
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::classify::Classifier;
use crate::error::{Error, Result};
use crate::interruptions::{Interruption, SourceKind};
use crate::timeline::Timeline;
use crate::week::IsoWeek;

pub const FORMAT: &str = "loadline-team-share";
pub const VERSION: u32 = 1;
/// A year of heavy weeks is about 40 KB; anything far larger is not a share file.
pub const MAX_BYTES: usize = 4 * 1024 * 1024;
/// The most a name shown to the team may be.
pub const MAX_NAME_CHARS: usize = 60;

/// What the file holds and leaves out, in words, for whoever opens it.
pub const CONTENTS: &str = "Weekly totals only, as the person chose to share them with their team: interruptions, sacrifices, after-hours minutes, sleep-hour interruptions, breaches by category, chosen, reactive and delegable counts, disrupted hours and a day × hour count. Sources are keyed hashes that only the team's key matches. No notes, no entry times, no names of non-negotiables.";

/// PBKDF2 rounds for the team key: a guess at a passphrase costs what it costs here.
const KEY_ROUNDS: u32 = 100_000;
const KEY_SALT: &[u8] = b"loadline team key v1";

/// The key every member derives from the team's passphrase.
pub struct TeamKey([u8; 32]);

impl TeamKey {
    pub fn derive(passphrase: &str) -> Result<TeamKey> {
        if passphrase.trim().is_empty() {
            return Err(Error::invalid("team-key", "must be the passphrase your team agreed on; it cannot be empty"));
        }
        let mut key = [0u8; 32];
        pbkdf2::pbkdf2_hmac::<Sha256>(passphrase.as_bytes(), KEY_SALT, KEY_ROUNDS, &mut key);
        Ok(TeamKey(key))
    }

    fn mac(&self, label: &str, text: &str) -> String {
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.0).expect("HMAC takes a key of any length");
        mac.update(label.as_bytes());
        mac.update(&[0]);
        mac.update(text.as_bytes());
        hex(&mac.finalize().into_bytes())
    }

    /// Files made with the same passphrase carry the same check value.
    pub fn check(&self) -> String {
        self.mac("check", "")
    }

    /// A source's keyed hash: the same service matches across people, and cannot be read (or
    /// guessed from a list of names) outside the team.
    pub fn source(&self, name: &str) -> String {
        self.mac("source", &normalise(name))
    }
}

/// Case, surrounding and repeated spaces do not make another source.
fn normalise(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn is_hash(text: &str) -> bool {
    text.len() == 64 && text.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShareFile {
    pub format: String,
    pub version: u32,
    pub contents: String,
    /// The name or pseudonym the person chose to be shown by.
    pub name: String,
    /// Random, one per data directory: the same person twice is refused.
    pub person: String,
    /// The team key's check value.
    pub team_check: String,
    pub exported_at: DateTime<Utc>,
    /// The zone the weeks were counted in.
    pub zone: String,
    /// The first and last week shared, inclusive; every week between is in `weeks`.
    pub from: IsoWeek,
    pub to: IsoWeek,
    pub weeks: Vec<ShareWeek>,
    /// Every source named in the weeks, by keyed hash; its name only when the person included
    /// names. The weeks refer to a source by its place here.
    pub sources: Vec<SharedSource>,
    /// SHA-256 of the file as written with this field empty: an edit after export is refused.
    pub digest: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShareWeek {
    pub week: IsoWeek,
    pub interruptions: u32,
    pub sacrifices: u32,
    pub after_hours_minutes: u32,
    pub sleep_interruptions: u32,
    /// Breaches by category (`family`, `health`, …), never by the non-negotiable's name.
    pub breaches: BTreeMap<String, u32>,
    /// Of the sacrifices: chosen, reactive, delegable.
    pub chosen: u32,
    pub reactive: u32,
    pub delegable: u32,
    /// Distinct local clock hours with after-hours work.
    pub disrupted_hours: u32,
    /// After-hours interruptions by when they started: `[weekday 0 = Monday, hour, count]`,
    /// only the cells that have any.
    pub after_hours_starts: Vec<[u32; 3]>,
    /// Per source: `[its place in the file's sources, interruptions, sacrifices]`.
    pub sources: Vec<[u32; 3]>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SharedSource {
    pub key: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A person (as the sharer marked it), not a service: the team gets no runbook step for it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub person: bool,
}

impl ShareFile {
    /// The digest of everything but the digest.
    fn computed_digest(&self) -> String {
        let mut unsealed = self.clone();
        unsealed.digest = String::new();
        hex(&Sha256::digest(serde_json::to_vec(&unsealed).expect("a share file always serialises")))
    }

    pub fn seal(mut self) -> ShareFile {
        self.digest = self.computed_digest();
        self
    }

    /// Compact: a year of weeks stays well under 50 KB.
    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string(self).expect("a share file always serialises");
        text.push('\n');
        text
    }
}

/// Checks the name a person chose to be shown by.
pub fn check_name(name: &str) -> Result<String> {
    let name = name.trim();
    let n = name.chars().count();
    if n == 0 || n > MAX_NAME_CHARS || name.chars().any(char::is_control) {
        return Err(Error::invalid(
            "as",
            format!("must be the name or pseudonym to be shown by, 1 to {MAX_NAME_CHARS} characters"),
        ));
    }
    Ok(name.to_string())
}

/// Reads and checks a share file: its format and version, its digest, and that its numbers add
/// up. Problems are named by the field (`weeks[3].sleep_interruptions`).
pub fn parse(text: &str) -> Result<ShareFile> {
    if text.len() > MAX_BYTES {
        return Err(Error::invalid("file", format!("is larger than {} MiB; it is not a share file", MAX_BYTES >> 20)));
    }
    // The header first, so a file from a newer Loadline, or not a share file, says so.
    #[derive(Deserialize)]
    struct Header {
        format: Option<String>,
        version: Option<serde_json::Value>,
    }
    let header: Header =
        serde_json::from_str(text).map_err(|e| Error::invalid("file", format!("not valid JSON: {e}")))?;
    if header.format.as_deref() != Some(FORMAT) {
        return Err(Error::invalid(
            "format",
            format!("this is not a Loadline team share file (expected \"format\": \"{FORMAT}\")"),
        ));
    }
    match header.version.as_ref().and_then(|v| v.as_u64()) {
        Some(v) if v == u64::from(VERSION) => {}
        Some(v) => {
            return Err(Error::invalid(
                "version",
                format!("{v} is not a version this Loadline reads (it reads version {VERSION}); update Loadline"),
            ))
        }
        None => return Err(Error::invalid("version", format!("must be the number {VERSION}"))),
    }
    // Typed straight from the text: serde's structs refuse a duplicated field themselves, and a
    // duplicated key in a map would change the digest.
    let file: ShareFile =
        serde_path_to_error::deserialize(&mut serde_json::Deserializer::from_str(text)).map_err(|e| {
            let path = e.path().to_string();
            Error::invalid(if path == "." { "file".to_string() } else { path }, e.into_inner().to_string())
        })?;
    check(&file)?;
    if file.digest != file.computed_digest() {
        return Err(Error::invalid("digest", "does not match the file: it was changed after it was exported"));
    }
    Ok(file)
}

fn check(file: &ShareFile) -> Result<()> {
    check_name(&file.name).map_err(|e| e.relabel("name"))?;
    if file.person.len() != 32 || !file.person.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(Error::invalid("person", "must be the 32 hex digits Loadline wrote"));
    }
    if !is_hash(&file.team_check) {
        return Err(Error::invalid("team_check", "must be the 64 hex digits Loadline wrote"));
    }
    crate::zone::parse_zone("zone", &file.zone)?;
    if file.to < file.from {
        return Err(Error::invalid("to", format!("{} is before from {}", file.to, file.from)));
    }
    let mut expected = file.from;
    for (n, w) in file.weeks.iter().enumerate() {
        let at = |field: &str| format!("weeks[{n}].{field}");
        if w.week != expected || w.week > file.to {
            return Err(Error::invalid(
                at("week"),
                format!("must be {expected}: every week from {} to {} in order", file.from, file.to),
            ));
        }
        expected = expected.next();
        if w.sacrifices > w.interruptions {
            return Err(Error::invalid(
                at("sacrifices"),
                format!("{} is more than the week's {} interruptions", w.sacrifices, w.interruptions),
            ));
        }
        if w.sleep_interruptions > w.sacrifices {
            return Err(Error::invalid(
                at("sleep_interruptions"),
                format!(
                    "{} is more than the week's {} sacrifices (an interruption in sleep hours is a sacrifice)",
                    w.sleep_interruptions, w.sacrifices
                ),
            ));
        }
        if w.chosen + w.reactive != w.sacrifices || w.delegable > w.sacrifices {
            return Err(Error::invalid(
                at("chosen"),
                "chosen and reactive must add up to the sacrifices, and delegable be among them",
            ));
        }
        if w.after_hours_minutes > 7 * 24 * 60 * 10 || w.disrupted_hours > 7 * 24 + 1 {
            return Err(Error::invalid(at("after_hours_minutes"), "is more than a week can hold"));
        }
        for (k, c) in w.after_hours_starts.iter().enumerate() {
            if c[0] > 6 || c[1] > 23 || c[2] == 0 {
                return Err(Error::invalid(
                    at(&format!("after_hours_starts[{k}]")),
                    "must be [weekday 0-6, hour 0-23, count ≥ 1]",
                ));
            }
        }
        if w.after_hours_starts.iter().map(|c| c[2]).sum::<u32>() > w.interruptions {
            return Err(Error::invalid(at("after_hours_starts"), "counts more interruptions than the week has"));
        }
        for (k, [place, interruptions, sacrifices]) in w.sources.iter().enumerate() {
            if *place as usize >= file.sources.len() {
                return Err(Error::invalid(at(&format!("sources[{k}]")), "refers to a source the file does not list"));
            }
            if sacrifices > interruptions || *interruptions > w.interruptions {
                return Err(Error::invalid(at(&format!("sources[{k}]")), "counts more than the week has"));
            }
        }
    }
    if expected != file.to.next() {
        return Err(Error::invalid("weeks", format!("must hold every week from {} to {}", file.from, file.to)));
    }
    for (n, s) in file.sources.iter().enumerate() {
        if !is_hash(&s.key) {
            return Err(Error::invalid(
                format!("sources[{n}].key"),
                "is not a keyed hash Loadline wrote: the file was changed",
            ));
        }
        if s.name.as_ref().is_some_and(|name| name.chars().count() > 200) {
            return Err(Error::invalid(format!("sources[{n}].name"), "must be at most 200 characters"));
        }
    }
    Ok(())
}

/// The sources met so far, by keyed hash, each with the name it was first typed as.
#[derive(Default)]
pub struct Sources(Vec<(String, String)>);

impl Sources {
    fn place(&mut self, key: String, name: &str) -> u32 {
        let at = self.0.iter().position(|(k, _)| *k == key).unwrap_or_else(|| {
            self.0.push((key, name.to_string()));
            self.0.len() - 1
        });
        at as u32
    }
}

/// One week of a person's record as their team sees it. `entries` may hold more than the week;
/// only those starting in it count.
pub fn tally_week(
    week: IsoWeek,
    zone: Tz,
    entries: &[Interruption],
    classifier: &mut Classifier,
    timeline: &Timeline,
    key: &TeamKey,
    known: &mut Sources,
) -> ShareWeek {
    let (start, end) = week.bounds(zone);
    let mut w = ShareWeek {
        week,
        interruptions: 0,
        sacrifices: 0,
        after_hours_minutes: 0,
        sleep_interruptions: 0,
        breaches: BTreeMap::new(),
        chosen: 0,
        reactive: 0,
        delegable: 0,
        disrupted_hours: 0,
        after_hours_starts: Vec::new(),
        sources: Vec::new(),
    };
    let mut hours: BTreeSet<(NaiveDate, u32)> = BTreeSet::new();
    let mut starts: BTreeMap<(u32, u32), u32> = BTreeMap::new();
    let mut sources: BTreeMap<u32, [u32; 3]> = BTreeMap::new();
    for i in entries.iter().filter(|i| i.entry.start >= start && i.entry.start < end) {
        let e = &i.entry;
        let c = classifier.classify(e);
        w.interruptions += 1;
        w.after_hours_minutes += c.after_hours_minutes;
        let sacrifice = c.is_sacrifice();
        if sacrifice {
            w.sacrifices += 1;
            w.sleep_interruptions += u32::from(c.sleep_minutes > 0);
            if e.chosen {
                w.chosen += 1;
            } else {
                w.reactive += 1;
            }
            w.delegable += u32::from(e.delegable);
        }
        for id in &c.breaches {
            if let Some(b) = timeline.boundary_as_of(*id, e.start) {
                *w.breaches.entry(b.category.name().to_string()).or_default() += 1;
            }
        }
        if c.after_hours_minutes > 0 {
            let local = e.start.with_timezone(&zone);
            *starts.entry((local.weekday().num_days_from_monday(), local.hour())).or_default() += 1;
            hours.extend(classifier.after_hours_hours(e, zone));
        }
        if let Some(name) = &e.source {
            let place = known.place(key.source(name), name);
            let s = sources.entry(place).or_insert([place, 0, 0]);
            s[1] += 1;
            s[2] += u32::from(sacrifice);
        }
    }
    w.disrupted_hours = hours.len() as u32;
    w.after_hours_starts = starts.into_iter().map(|((d, h), n)| [d, h, n]).collect();
    w.sources = sources.into_values().collect();
    w
}

/// What a person shares: every week from `from` to `to`, with source names only if they chose.
#[allow(clippy::too_many_arguments)]
pub fn build(
    name: &str,
    person: String,
    key: &TeamKey,
    zone: Tz,
    (from, to): (IsoWeek, IsoWeek),
    entries: &[Interruption],
    timeline: &Timeline,
    people: &[String],
    include_sources: bool,
    now: DateTime<Utc>,
) -> Result<ShareFile> {
    let name = check_name(name)?;
    let mut classifier = Classifier::new(timeline);
    let mut known = Sources::default();
    let mut weeks = Vec::new();
    let mut week = from;
    while week <= to {
        weeks.push(tally_week(week, zone, entries, &mut classifier, timeline, key, &mut known));
        week = week.next();
    }
    let sources = known
        .0
        .into_iter()
        .map(|(key, name)| SharedSource {
            key,
            person: SourceKind::of(&name, people) == SourceKind::Person,
            name: include_sources.then(|| name.trim().to_string()),
        })
        .collect();
    Ok(ShareFile {
        format: FORMAT.into(),
        version: VERSION,
        contents: CONTENTS.into(),
        name,
        person,
        team_check: key.check(),
        exported_at: now.trunc_subsecs(0),
        zone: zone.name().into(),
        from,
        to,
        weeks,
        sources,
        digest: String::new(),
    }
    .seal())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_passphrase_gives_the_same_check_and_source_keys() {
        let a = TeamKey::derive("correct horse").unwrap();
        let b = TeamKey::derive("correct horse").unwrap();
        let c = TeamKey::derive("another team").unwrap();
        assert_eq!(a.check(), b.check());
        assert_ne!(a.check(), c.check());
        assert_eq!(a.source("db-primary"), b.source("  DB-Primary "));
        assert_ne!(a.source("db-primary"), c.source("db-primary"));
        assert_ne!(a.source("db-primary"), a.check());
        assert!(is_hash(&a.source("x")));
        assert!(TeamKey::derive("  ").is_err());
    }
}
