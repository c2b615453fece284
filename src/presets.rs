//! One-click logging from the tray: presets that log an interruption starting now, and "just
//! ended" entries that ended now. Both become ordinary drafts, so they take the one write path.

use chrono::{DateTime, Duration, SecondsFormat, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::interruptions::{minutes_instruction, Draft, MAX_MINUTES};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Preset {
    /// The menu label, e.g. "Paged".
    pub label: String,
    pub channel: String,
    /// The default duration, editable in settings.
    pub minutes: u32,
}

/// Durations offered under "Just ended…".
/// The longest preset label the tray shows whole.
pub const MAX_PRESET_LABEL_CHARS: usize = 40;
/// At most this many presets: the tray menu stays one glance.
pub const MAX_PRESETS: usize = 12;

pub const JUST_ENDED_MINUTES: [u32; 4] = [15, 30, 60, 90];

pub fn defaults() -> Vec<Preset> {
    [
        ("Paged", "page", 15),
        ("Call", "call", 30),
        ("Chat ping", "chat", 5),
        ("Email", "email", 10),
        ("Meeting", "meeting", 30),
    ]
    .into_iter()
    .map(|(label, channel, minutes)| Preset { label: label.into(), channel: channel.into(), minutes })
    .collect()
}

fn at(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

impl Preset {
    /// An interruption of this kind that starts now.
    pub fn starting_now(&self, now: DateTime<Utc>) -> Draft {
        Draft {
            channel: self.channel.clone(),
            minutes: Some(self.minutes.into()),
            at: Some(at(now)),
            ..Draft::default()
        }
    }

    pub fn validate(&self) -> Result<()> {
        if self.label.trim().is_empty() || self.label.chars().count() > MAX_PRESET_LABEL_CHARS {
            return Err(Error::invalid(
                "label",
                format!("Name the preset in 1 to {MAX_PRESET_LABEL_CHARS} characters"),
            ));
        }
        if !(1..=MAX_MINUTES).contains(&i64::from(self.minutes)) {
            return Err(Error::invalid("minutes", minutes_instruction()));
        }
        // Checking the channel needs an instant but no particular one: the epoch keeps the core off the clock.
        Draft { channel: self.channel.clone(), minutes: Some(1), ..Draft::default() }
            .resolve(DateTime::UNIX_EPOCH, chrono_tz::UTC)
            .map(|_| ())
    }
}

/// An interruption on `channel` that took `minutes` and ended now.
pub fn just_ended(channel: &str, minutes: u32, now: DateTime<Utc>) -> Draft {
    Draft {
        channel: channel.into(),
        minutes: Some(minutes.into()),
        at: Some(at(now - Duration::minutes(minutes.into()))),
        ..Draft::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-11-18T22:31:10Z").unwrap().with_timezone(&Utc)
    }

    #[test]
    fn a_preset_starts_now_and_just_ended_ends_now() {
        let paged = &defaults()[0];
        let e = paged.starting_now(now()).resolve(now(), chrono_tz::Europe::Berlin).unwrap();
        assert_eq!(
            (e.channel.as_str(), e.minutes, e.start.to_rfc3339()),
            ("page", 15, "2026-11-18T22:31:00+00:00".into())
        );
        let e = just_ended("page", 60, now()).resolve(now(), chrono_tz::Europe::Berlin).unwrap();
        assert_eq!(e.start.to_rfc3339(), "2026-11-18T21:31:00+00:00");
        assert_eq!(e.zone, chrono_tz::Europe::Berlin, "the home zone fills in");
    }

    #[test]
    fn presets_are_checked() {
        assert!(defaults().iter().all(|p| p.validate().is_ok()));
        let bad = Preset { label: "Long".into(), channel: "page".into(), minutes: 20_000 };
        assert!(bad.validate().unwrap_err().to_string().starts_with("minutes:"));
        let bad = Preset { label: " ".into(), channel: "page".into(), minutes: 5 };
        assert!(bad.validate().unwrap_err().to_string().starts_with("label:"));
    }
}
