//! What leaves the machine: a summary report (HTML and Markdown), a CSV of the entries, and the
//! JSON backup. The person decides what is included; notes, source names and non-negotiable
//! names stay out of the report and the CSV unless they opt in. The JSON backup holds everything.

pub mod backup;
mod csv;
mod html;
mod markdown;
pub mod report;
pub mod sources;
pub mod team;

/// Shared with the team report: a person's text never becomes HTML or Markdown structure.
pub(crate) use html::esc;
pub(crate) use markdown::plain;

use std::io::Write;
use std::str::FromStr;

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{quoted, Error, Result};
use crate::paper::Paper;
use crate::store::Store;
use crate::zone::window_edge;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Html,
    Markdown,
    Csv,
    Json,
    /// One's team share file (`team::share`): weekly totals to merge with the team's.
    Team,
}

impl FromStr for Format {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "html" => Ok(Format::Html),
            "md" | "markdown" => Ok(Format::Markdown),
            "csv" => Ok(Format::Csv),
            "json" => Ok(Format::Json),
            "team" => Ok(Format::Team),
            _ => {
                Err(Error::invalid("format", format!("{} is not a format; use html, md, csv, json or team", quoted(s))))
            }
        }
    }
}

/// What the person opted in to share.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Include {
    pub notes: bool,
    pub sources: bool,
    pub names: bool,
    /// The person's name and role (`Prefs::owner`) at the top of a report.
    #[serde(default)]
    pub owner: bool,
    /// The self-check's scores (never its answers) in a report.
    #[serde(default)]
    pub selfcheck: bool,
}

impl FromStr for Include {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        let mut include = Include::default();
        for part in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            match part.to_ascii_lowercase().as_str() {
                "notes" => include.notes = true,
                "sources" => include.sources = true,
                "names" => include.names = true,
                "owner" => include.owner = true,
                "selfcheck" => include.selfcheck = true,
                _ => {
                    return Err(Error::invalid(
                        "include",
                        format!(
                            "{} is not something to include; use notes, sources, names, owner or selfcheck",
                            quoted(part)
                        ),
                    ))
                }
            }
        }
        Ok(include)
    }
}

/// Local days in the person's zone, both inclusive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Range {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub zone: Tz,
}

/// A local day as a person types it, `YYYY-MM-DD`.
pub fn day(field: &str, text: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| Error::invalid(field, format!("{} is not a day; use YYYY-MM-DD, e.g. 2026-11-16", quoted(text))))
}

impl Range {
    /// The range asked for; a missing end is the first or last entry's day (or today).
    pub fn resolve(store: &Store, from: Option<&str>, to: Option<&str>, zone: Tz, now: DateTime<Utc>) -> Result<Range> {
        let span = if from.is_none() || to.is_none() { store.first_and_last_start()? } else { None };
        let local = |t: DateTime<Utc>| t.with_timezone(&zone).date_naive();
        let today = local(now);
        let from = match from {
            Some(text) => day("from", text)?,
            None => span.map_or(today, |(first, _)| local(first)),
        };
        let to = match to {
            Some(text) => day("to", text)?,
            None => span.map_or(today, |(_, last)| local(last)).max(from),
        };
        if to < from {
            return Err(Error::invalid("to", format!("{to} is before --from {from}")));
        }
        Ok(Range { from, to, zone })
    }

    /// `[from 00:00, the day after to 00:00)` as instants.
    pub fn instants(&self) -> (DateTime<Utc>, DateTime<Utc>) {
        (
            window_edge(self.zone, self.from.and_time(NaiveTime::MIN)),
            window_edge(self.zone, (self.to + Duration::days(1)).and_time(NaiveTime::MIN)),
        )
    }
}

/// Renders an export as the exact text that will be written (the preview shows the same).
/// Writes an export to `w` as it is made: rows go from SQLite to the writer.
pub fn write(
    store: &Store,
    format: Format,
    range: &Range,
    include: &Include,
    message: Option<String>,
    now: DateTime<Utc>,
    w: &mut (dyn Write + Send),
) -> Result<()> {
    let fail = |e: std::io::Error| Error::io("cannot write the export", e);
    match format {
        Format::Json => backup::write(store, Some(range.instants()), now, w),
        Format::Csv => csv::write(store, range, include, w),
        Format::Html => {
            w.write_all(html::render(&report::build(store, range, include, message)?, now).as_bytes()).map_err(fail)
        }
        Format::Markdown => {
            w.write_all(markdown::render(&report::build(store, range, include, message)?).as_bytes()).map_err(fail)
        }
        // A share needs a name and the team's passphrase: `ExportRequest` makes it.
        Format::Team => Err(Error::invalid("format", "a team share needs --as and --team-key")),
    }
}

/// An export as text (what the preview shows).
pub fn render(
    store: &Store,
    format: Format,
    range: &Range,
    include: &Include,
    message: Option<String>,
    now: DateTime<Utc>,
) -> Result<String> {
    let mut out = Vec::new();
    write(store, format, range, include, message, now, &mut out)?;
    Ok(String::from_utf8(out).expect("exports are UTF-8"))
}

/// A whole backup, independent of any range.
pub fn full_backup(store: &Store, now: DateTime<Utc>) -> Result<String> {
    // About 280 bytes an entry: one allocation instead of a doubling copy every few thousand.
    let mut out = Vec::with_capacity(store.count()? as usize * 280 + 4096);
    backup::write(store, None, now, &mut out)?;
    Ok(String::from_utf8(out).expect("backups are UTF-8"))
}

/// One export as the window or the CLI asks for it: the same request renders the preview and
/// the file, so the preview is exactly what is written.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ExportRequest {
    /// html, md, csv, json or team.
    pub format: String,
    /// First local day, `YYYY-MM-DD`; `None` from the first entry.
    pub from: Option<String>,
    /// Last local day, inclusive; `None` to the last entry.
    pub to: Option<String>,
    pub include: Include,
    /// The person's own message at the top of a report.
    pub message: Option<String>,
    /// Instead of `from` and `to`, whole ISO weeks up to today: `this-week`, `4-weeks`,
    /// `quarter` (13 weeks), or `all`.
    #[serde(default)]
    #[ts(optional)]
    pub range: Option<String>,
    /// For `team`: the name or pseudonym the team sees this person by (refused for the others).
    #[serde(default)]
    #[ts(optional)]
    pub team_name: Option<String>,
    /// For `team`: the passphrase the team agreed on, from which the team key is derived. Kept
    /// by no one: not in the preferences, not in a log (`Debug` leaves it out); read only for
    /// `team`.
    #[serde(default)]
    #[ts(optional)]
    pub team_key: Option<String>,
}

/// The passphrase is never printed: a request may end up in a log line.
impl std::fmt::Debug for ExportRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ExportRequest")
            .field("format", &self.format)
            .field("from", &self.from)
            .field("to", &self.to)
            .field("include", &self.include)
            .field("message", &self.message)
            .field("range", &self.range)
            .field("team_name", &self.team_name)
            .field("team_key", &self.team_key.as_ref().map(|_| "(not shown)"))
            .finish()
    }
}

/// What the preview shows and the save writes: the text, the days it covers, a file name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ExportPreview {
    pub text: String,
    /// `YYYY-MM-DD`, both inclusive.
    pub from: String,
    pub to: String,
    pub file_name: String,
    /// The paper an HTML report is laid out for (A4 or Letter); `None` for the other formats.
    pub paper: Option<Paper>,
    /// The name and role set in Settings ("Dana Weber, site reliability engineer"), which a
    /// report carries when `include.owner` is ticked; `None` while no name is set.
    pub owner: Option<String>,
}

impl ExportRequest {
    /// The days asked for: a named range counted back from today in `zone`, else `from`/`to`.
    fn days(&self, zone: Tz, now: DateTime<Utc>) -> Result<(Option<String>, Option<String>)> {
        let Some(name) = self.range.as_deref() else { return Ok((self.from.clone(), self.to.clone())) };
        if self.from.is_some() || self.to.is_some() {
            return Err(Error::invalid("range", "Give a named range or the first and last day, not both"));
        }
        let today = now.with_timezone(&zone).date_naive();
        let monday = crate::week::IsoWeek::containing(today).monday();
        let weeks = match name {
            "all" => return Ok((None, None)),
            "this-week" => 1,
            "4-weeks" => 4,
            "quarter" => 13,
            other => {
                return Err(Error::invalid(
                    "range",
                    format!("{} is not a range; use this-week, 4-weeks, quarter or all", quoted(other)),
                ))
            }
        };
        let from = monday - Duration::weeks(weeks - 1);
        Ok((Some(from.to_string()), Some(today.to_string())))
    }

    fn range(&self, store: &Store, zone: Tz, now: DateTime<Utc>) -> Result<Range> {
        let (from, to) = self.days(zone, now)?;
        Range::resolve(store, from.as_deref(), to.as_deref(), zone, now)
    }

    pub fn render(&self, store: &Store, zone: Tz, now: DateTime<Utc>) -> Result<String> {
        let mut out = Vec::new();
        self.write_to(store, zone, now, &mut out)?;
        Ok(String::from_utf8(out).expect("exports are UTF-8"))
    }

    /// Writes the export to `w` as it is made.
    pub fn write_to(&self, store: &Store, zone: Tz, now: DateTime<Utc>, w: &mut (dyn Write + Send)) -> Result<()> {
        let format = self.checked_format()?;
        if format == Format::Team {
            let file = self.team_share(store, zone, now)?;
            return w.write_all(file.to_json().as_bytes()).map_err(|e| Error::io("cannot write the export", e));
        }
        if format == Format::Json && self.days(zone, now)? == (None, None) {
            return backup::write(store, None, now, w);
        }
        write(store, format, &self.range(store, zone, now)?, &self.include, self.message.clone(), now, w)
    }

    /// The format, and the team's fields only with the team's format.
    fn checked_format(&self) -> Result<Format> {
        let format: Format = self.format.parse()?;
        if format != Format::Team && self.team_name.is_some() {
            return Err(Error::invalid("as", "is for --format team only"));
        }
        Ok(format)
    }

    /// The share file this request asks for: its name, the team's passphrase and the weeks
    /// holding its days; source names only if included; never a message, a note or a name.
    fn team_share(&self, store: &Store, zone: Tz, now: DateTime<Utc>) -> Result<crate::team::share::ShareFile> {
        let mut refused = Vec::new();
        let Include { notes, sources, names, owner, selfcheck } = self.include;
        if notes || names || owner || selfcheck {
            refused.push(Error::invalid(
                "include",
                "a team share can include source names only; notes, non-negotiable names, your own name and your self-check never leave in it",
            ));
        }
        if self.message.as_deref().is_some_and(|m| !m.trim().is_empty()) {
            refused.push(Error::invalid(
                "message",
                "a team share holds numbers only; put your message in the report instead",
            ));
        }
        let (from, to) = self.days(zone, now)?;
        let request = team::ShareRequest {
            name: self.team_name.as_deref().unwrap_or_default(),
            passphrase: self.team_key.as_deref().unwrap_or_default(),
            from: from.as_deref(),
            to: to.as_deref(),
            include_sources: sources,
        };
        // Every refused field at once: the name and the passphrase first, as the form shows them.
        match team::share(store, &request, zone, now) {
            Ok(file) if refused.is_empty() => Ok(file),
            Ok(_) => Err(Error::all(refused).expect("something was refused")),
            Err(e) => {
                refused.insert(0, e);
                Err(Error::all(refused).expect("something was refused"))
            }
        }
    }

    /// The text, its days and a file name, from one resolution of the range (and, for a team
    /// share, one derivation of the key).
    pub fn preview(&self, store: &Store, zone: Tz, now: DateTime<Utc>) -> Result<ExportPreview> {
        let prefs = store.prefs()?;
        let owner = prefs.owner.line();
        if self.checked_format()? == Format::Team {
            let file = self.team_share(store, zone, now)?;
            return Ok(ExportPreview {
                text: file.to_json(),
                from: file.from.monday().to_string(),
                to: (file.to.monday() + Duration::days(6)).to_string(),
                file_name: team::file_name(&file),
                paper: None,
                owner,
            });
        }
        let range = self.range(store, zone, now)?;
        Ok(ExportPreview {
            text: self.render(store, zone, now)?,
            from: range.from.to_string(),
            to: range.to.to_string(),
            file_name: self.file_name(store, zone, now)?,
            paper: match self.format.parse()? {
                Format::Html => Some(prefs.paper.for_zone(zone)),
                _ => None,
            },
            owner,
        })
    }

    /// A file name to offer in the save dialog: `loadline-2026-11-16-to-2026-11-22.html`.
    pub fn file_name(&self, store: &Store, zone: Tz, now: DateTime<Utc>) -> Result<String> {
        let (kind, ext) = match self.checked_format()? {
            Format::Html => ("report", "html"),
            Format::Markdown => ("report", "md"),
            Format::Csv => ("entries", "csv"),
            Format::Json => ("backup", "json"),
            Format::Team => return Ok(team::file_name(&self.team_share(store, zone, now)?)),
        };
        let range = self.range(store, zone, now)?;
        Ok(format!("loadline-{kind}-{}-to-{}.{ext}", range.from, range.to))
    }
}
