//! Preferences that classify nothing, so they are not versioned: the person's home zone for
//! weeks and reports, who they are on a report, which sources are people, and the like.

use std::collections::BTreeMap;

use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::capture::{DEFAULT_MAX_PAGE_MINUTES, MIN_PAGE_MINUTES};
use crate::error::{Error, Result};
pub use crate::interruptions::SourceKind;
use crate::interruptions::MAX_SOURCE_CHARS;
use crate::notices::ReflectionTime;
use crate::paper::Paper;
use crate::presets::{self, Preset};
use crate::reminders::Thresholds;
use crate::selfcheck::{check_client_word, MonthlyTime};
use crate::zone::parse_zone;

/// More than this a week would be the wall of notifications the limit is there to prevent.
pub const MAX_NOTIFICATIONS_PER_WEEK: u32 = 20;
/// A name or a role on a report: one line.
pub const MAX_OWNER_CHARS: usize = 80;
/// As many as the sources the forms offer (`Store::sources`).
pub const MAX_PEOPLE: usize = 200;

/// Who the reports are from, when the person puts their name on one. Empty until they set it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
#[ts(export)]
pub struct Owner {
    pub name: String,
    /// e.g. "Site reliability engineer, payments".
    pub role: String,
}

impl Owner {
    /// "Dana Weber, site reliability engineer", "Dana Weber", or nothing when no name is set.
    pub fn line(&self) -> Option<String> {
        let (name, role) = (self.name.trim(), self.role.trim());
        match (name.is_empty(), role.is_empty()) {
            (true, _) => None,
            (false, true) => Some(name.to_string()),
            (false, false) => Some(format!("{name}, {role}")),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
#[ts(export)]
pub struct Prefs {
    /// IANA zone for weeks and reports; `None` follows the system's zone.
    pub zone: Option<String>,
    /// The reminder rules' thresholds.
    pub thresholds: Thresholds,
    /// "Pause all warnings" (a vacation): nothing is announced until it is turned off.
    pub warnings_paused: bool,
    /// When the weekly reflection reminder comes.
    pub reflection: ReflectionTime,
    /// The tray's one-click presets.
    pub presets: Vec<Preset>,
    /// The global shortcut that opens the quick-log window, e.g. `Ctrl+Alt+L`; empty for none.
    pub shortcut: String,
    /// The first-run welcome was completed or skipped.
    pub welcomed: bool,
    /// Keep the quick-log window built and hidden, so it opens at once, at the cost of a webview
    /// held all day (the figures are in the README).
    pub quicklog_ready: bool,
    /// Desktop notifications in one week at the most; the rest wait in the in-app list.
    pub notifications_per_week: u32,
    /// The name and role a report carries when the person ticks it (empty: none).
    pub owner: Owner,
    /// The paper reports are laid out for; automatic follows the home zone.
    pub paper: Paper,
    /// The sources that are people, as they are logged ("Sarah (PM)"): listed apart in a
    /// report, never as runbook candidates. Matched without regard to case.
    pub people: Vec<String>,
    /// The monthly self-check: its reminder and whether the client scale is asked.
    pub selfcheck: SelfCheckPrefs,
    /// Capture's settings: who the person is in each source, saved mappings, the watched folder.
    pub capture: CapturePrefs,
}

/// What capture remembers between runs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
#[ts(export)]
pub struct CapturePrefs {
    /// Who the person is, per kind of source (`pagerduty`: a user id, name or email; `ics`: a
    /// calendar address; `git`: an author email): given once with `--me`, kept.
    pub me: BTreeMap<String, String>,
    /// Saved mappings for CSV and JSON files, by name (`opsgenie` → `start=created_at,…`).
    pub maps: BTreeMap<String, String>,
    /// The longest a captured page lasts when its end is later or not known, in minutes.
    pub max_page_minutes: u32,
    /// A folder whose new files are captured when they appear; `None`: off.
    pub watched_folder: Option<String>,
}

impl Default for CapturePrefs {
    fn default() -> Self {
        CapturePrefs {
            me: BTreeMap::new(),
            maps: BTreeMap::new(),
            max_page_minutes: DEFAULT_MAX_PAGE_MINUTES,
            watched_folder: None,
        }
    }
}

/// A page longer than a day is not a page.
pub const MAX_PAGE_MINUTES_LIMIT: u32 = 24 * 60;

/// The self-check's settings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
#[ts(export)]
pub struct SelfCheckPrefs {
    /// When the monthly reminder asks; `None` turns it off.
    pub reminder: Option<MonthlyTime>,
    /// The word for whom the person serves (clients, customers, users, colleagues you support);
    /// `None` leaves the optional client scale out.
    pub client_word: Option<String>,
}

impl Default for SelfCheckPrefs {
    fn default() -> Self {
        SelfCheckPrefs { reminder: Some(MonthlyTime::default()), client_word: None }
    }
}

impl Default for Prefs {
    fn default() -> Self {
        Prefs {
            zone: None,
            thresholds: Thresholds::default(),
            warnings_paused: false,
            reflection: ReflectionTime::default(),
            presets: presets::defaults(),
            shortcut: "Ctrl+Alt+L".into(),
            welcomed: false,
            quicklog_ready: false,
            notifications_per_week: 3,
            owner: Owner::default(),
            paper: Paper::Auto,
            people: Vec::new(),
            selfcheck: SelfCheckPrefs::default(),
            capture: CapturePrefs::default(),
        }
    }
}

impl Prefs {
    /// The zone weeks are counted in: the one set here, else the system's.
    pub fn home_zone(&self, system: Tz) -> Result<Tz> {
        self.zone.as_deref().map_or(Ok(system), |name| parse_zone("zone", name))
    }

    /// What kind of source this is: a person if it is one of `people`, else a service.
    pub fn source_kind(&self, source: &str) -> SourceKind {
        SourceKind::of(source, &self.people)
    }

    pub fn validate(&self) -> Result<()> {
        if let Some(zone) = &self.zone {
            parse_zone("zone", zone)?;
        }
        if self.shortcut.chars().count() > 60 || self.shortcut.chars().any(char::is_control) {
            return Err(Error::invalid("shortcut", "must be a key combination such as Ctrl+Alt+L"));
        }
        if self.presets.len() > presets::MAX_PRESETS {
            return Err(Error::invalid("presets", format!("Keep at most {} presets", presets::MAX_PRESETS)));
        }
        for (n, preset) in self.presets.iter().enumerate() {
            preset.validate().map_err(|e| e.nested(&format!("presets[{n}]")))?;
        }
        if self.notifications_per_week > MAX_NOTIFICATIONS_PER_WEEK {
            return Err(Error::invalid(
                "notifications_per_week",
                format!("How many notifications a week at the most? 0 to {MAX_NOTIFICATIONS_PER_WEEK}"),
            ));
        }
        if let Some(r) = &self.selfcheck.reminder {
            r.validate()?;
        }
        if let Some(word) = &self.selfcheck.client_word {
            check_client_word(word).map_err(|e| e.relabel("selfcheck.client_word"))?;
        }
        for (field, text) in [("owner.name", &self.owner.name), ("owner.role", &self.owner.role)] {
            if text.chars().count() > MAX_OWNER_CHARS || text.chars().any(char::is_control) {
                return Err(Error::invalid(field, format!("must be at most {MAX_OWNER_CHARS} characters on one line")));
            }
        }
        if self.people.len() > MAX_PEOPLE {
            return Err(Error::invalid("people", format!("Mark at most {MAX_PEOPLE} sources as people")));
        }
        for (n, person) in self.people.iter().enumerate() {
            let chars = person.trim().chars().count();
            if chars == 0 || chars > MAX_SOURCE_CHARS || person.chars().any(char::is_control) {
                return Err(Error::invalid(
                    format!("people[{n}]"),
                    format!("must be a source as it is logged: 1 to {MAX_SOURCE_CHARS} characters on one line"),
                ));
            }
        }
        let page = self.capture.max_page_minutes;
        if !(MIN_PAGE_MINUTES..=MAX_PAGE_MINUTES_LIMIT).contains(&page) {
            return Err(Error::invalid(
                "capture.max_page_minutes",
                format!("must be from {MIN_PAGE_MINUTES} to {MAX_PAGE_MINUTES_LIMIT} minutes; got {page}"),
            ));
        }
        if let Some(dir) = &self.capture.watched_folder {
            if !std::path::Path::new(dir).is_absolute() || dir.chars().count() > 4096 {
                return Err(Error::invalid(
                    "capture.watched_folder",
                    "must be a folder's full path, e.g. /home/you/pager",
                ));
            }
        }
        for (field, map) in [("capture.me", &self.capture.me), ("capture.maps", &self.capture.maps)] {
            if map.len() > 50
                || map.iter().any(|(k, v)| k.chars().count() > 60 || v.chars().count() > 1000 || k.trim().is_empty())
            {
                return Err(Error::invalid(
                    field,
                    "must be at most 50 short names, each with a value of at most 1000 characters",
                ));
            }
        }
        self.thresholds.validate().map_err(|e| e.nested("thresholds"))
    }
}
