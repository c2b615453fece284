//! What the core knows that a front end must not declare again: the limits every check uses,
//! the built-in lists, the order of warning levels and the product's defaults. The window asks
//! for these once; a form shows them, and the core's checks still decide.

use serde::Serialize;
use ts_rs::TS;

use crate::boundaries::{BoundaryInput, Category, MAX_ALLOWANCE, MAX_NAME_CHARS, MAX_WINDOWS};
use crate::interruptions::{
    Severity, BUILT_IN_CHANNELS, MAX_LABEL_CHARS, MAX_MINUTES, MAX_NOTE_CHARS, MAX_SOURCE_CHARS, MAX_TAGS, MIN_MINUTES,
};
use crate::prefs::{Prefs, MAX_OWNER_CHARS, MAX_PEOPLE};
use crate::presets::{JUST_ENDED_MINUTES, MAX_PRESETS, MAX_PRESET_LABEL_CHARS};
use crate::reminders::Level;
use crate::schedule::{Schedule, ScheduleInput, MAX_LOAD_LINE_MINUTES, MAX_LOAD_LINE_SACRIFICES};
use crate::selfcheck::{CLIENT_WORDS, DEFAULT_CLIENT_WORD, LAST_REMINDER_DAY, MAX_CLIENT_WORD_CHARS};

#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Facts {
    pub min_minutes: u32,
    pub max_minutes: u32,
    pub max_note_chars: u32,
    pub max_source_chars: u32,
    /// A channel, a tag.
    pub max_label_chars: u32,
    pub max_tags: u32,
    pub max_name_chars: u32,
    pub max_windows: u32,
    pub max_allowance: u32,
    pub max_load_line_sacrifices: u32,
    pub max_load_line_minutes: u32,
    pub max_presets: u32,
    pub max_preset_label_chars: u32,
    /// The owner's name or role on a report.
    pub max_owner_chars: u32,
    /// Sources marked as people.
    pub max_people: u32,
    /// The minute choices offered at a glance ("15 / 30 / 60 / 90 min").
    pub quick_minutes: Vec<u32>,
    pub channels: Vec<String>,
    pub categories: Vec<String>,
    pub severities: Vec<String>,
    /// Least serious first.
    pub levels: Vec<Level>,
    pub default_schedule: ScheduleInput,
    pub default_prefs: Prefs,
    /// The self-check's reminder asks on a day from 1 to this (every month has it).
    pub last_reminder_day: u32,
    /// The words offered for whom the person serves, in the client scale's items.
    pub client_words: Vec<String>,
    /// The word the client scale starts with when it is turned on.
    pub default_client_word: String,
    pub max_client_word_chars: u32,
    /// The non-negotiables the first-run welcome offers. Not sleep: the sleep hours already
    /// protect it, and a "Sleep" non-negotiable would count the same minutes twice.
    pub welcome_boundaries: Vec<SuggestedBoundary>,
}

/// A non-negotiable the welcome offers, with why in a few words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct SuggestedBoundary {
    pub boundary: BoundaryInput,
    pub why: String,
}

fn suggested(name: &str, category: Category, window: &str, why: &str) -> SuggestedBoundary {
    SuggestedBoundary {
        boundary: BoundaryInput {
            name: name.into(),
            category: category.to_string(),
            windows: vec![window.into()],
            allowance: 0,
            paused: false,
        },
        why: why.into(),
    }
}

impl Facts {
    pub fn get() -> Facts {
        let n = |v: usize| v as u32;
        Facts {
            min_minutes: MIN_MINUTES as u32,
            max_minutes: MAX_MINUTES as u32,
            max_note_chars: n(MAX_NOTE_CHARS),
            max_source_chars: n(MAX_SOURCE_CHARS),
            max_label_chars: n(MAX_LABEL_CHARS),
            max_tags: n(MAX_TAGS),
            max_name_chars: n(MAX_NAME_CHARS),
            max_windows: n(MAX_WINDOWS),
            max_allowance: MAX_ALLOWANCE,
            max_load_line_sacrifices: MAX_LOAD_LINE_SACRIFICES,
            max_load_line_minutes: MAX_LOAD_LINE_MINUTES,
            max_presets: n(MAX_PRESETS),
            max_preset_label_chars: n(MAX_PRESET_LABEL_CHARS),
            max_owner_chars: n(MAX_OWNER_CHARS),
            max_people: n(MAX_PEOPLE),
            quick_minutes: JUST_ENDED_MINUTES.to_vec(),
            channels: BUILT_IN_CHANNELS.iter().map(ToString::to_string).collect(),
            categories: Category::ALL.iter().map(ToString::to_string).collect(),
            severities: Severity::ALL.iter().map(ToString::to_string).collect(),
            levels: vec![Level::Nudge, Level::Warning, Level::Habit],
            default_schedule: ScheduleInput::of(&Schedule::default()),
            default_prefs: Prefs::default(),
            last_reminder_day: LAST_REMINDER_DAY,
            client_words: CLIENT_WORDS.iter().map(ToString::to_string).collect(),
            default_client_word: DEFAULT_CLIENT_WORD.into(),
            max_client_word_chars: n(MAX_CLIENT_WORD_CHARS),
            welcome_boundaries: vec![
                suggested("Family dinner", Category::Family, "Mon-Fri 18:00-20:00", "Weekdays 18:00–20:00"),
                suggested("Exercise", Category::Health, "Tue,Thu 07:00-08:00", "Tuesday and Thursday 07:00–08:00"),
                suggested("Weekends", Category::Rest, "Sat,Sun all day", "Saturday and Sunday, all day"),
                suggested("Evenings with friends", Category::Hobby, "Thu 20:00-22:00", "Thursday evenings 20:00–22:00"),
            ],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::ClockTime;
    use crate::selfcheck::{check_client_word, MonthlyTime};

    #[test]
    fn the_welcome_offers_valid_non_negotiables_and_not_sleep_which_sleep_hours_protect() {
        let offered = Facts::get().welcome_boundaries;
        assert!(offered.len() >= 3);
        for s in &offered {
            let b = s.boundary.resolve().unwrap();
            assert_ne!(b.category, Category::Sleep, "{} would count sleep hours twice", b.name);
        }
    }

    #[test]
    fn the_self_checks_facts_are_the_limits_its_checks_use() {
        let f = Facts::get();
        let day = |day| MonthlyTime { day, time: ClockTime::hm(10, 0) }.validate();
        assert!(day(1).is_ok() && day(f.last_reminder_day).is_ok());
        assert!(day(f.last_reminder_day + 1).is_err());
        assert!(f.client_words.contains(&f.default_client_word));
        for word in &f.client_words {
            check_client_word(word).unwrap();
        }
        assert!(check_client_word(&"x".repeat(f.max_client_word_chars as usize)).is_ok());
        assert!(check_client_word(&"x".repeat(f.max_client_word_chars as usize + 1)).is_err());
    }
}
