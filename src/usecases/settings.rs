//! The person's settings: the schedule (versioned: it classifies) and the preferences (not
//! versioned), saved together in one transaction so a bad value in either changes nothing.

use chrono::{DateTime, Utc};

use crate::error::Result;
use crate::prefs::Prefs;
use crate::reflection::Answers;
use crate::schedule::{Schedule, ScheduleInput};
use crate::store::Store;
use crate::week::IsoWeek;
use crate::zone::parse_zone;

/// The schedule in force now and the preferences.
pub fn current(store: &Store, now: DateTime<Utc>) -> Result<(Schedule, Prefs)> {
    Ok((store.timeline()?.schedule_at(now).clone(), store.prefs()?))
}

/// Saves both; a schedule equal to the one in force adds no version.
pub fn save(store: &mut Store, schedule: &Schedule, prefs: &Prefs, now: DateTime<Utc>) -> Result<()> {
    store.set_settings(schedule, prefs, now)
}

/// The settings form: the schedule as typed and the home zone (`None` or blank follows the
/// system's zone).
pub fn save_form(store: &mut Store, input: &ScheduleInput, zone: Option<&str>, now: DateTime<Utc>) -> Result<()> {
    let schedule = input.resolve()?;
    let mut prefs = store.prefs()?;
    prefs.zone = match zone.map(str::trim).filter(|z| !z.is_empty()) {
        Some(name) => Some(parse_zone("zone", name)?.name().to_string()),
        None => None,
    };
    save(store, &schedule, &prefs, now)
}

pub fn save_prefs(store: &mut Store, prefs: &Prefs) -> Result<()> {
    store.set_prefs(prefs)
}

/// "Pause all warnings" (a vacation) on or off.
pub fn set_warnings_paused(store: &mut Store, paused: bool) -> Result<()> {
    let prefs = Prefs { warnings_paused: paused, ..store.prefs()? };
    store.set_prefs(&prefs)
}

pub fn save_reflection(store: &mut Store, week: IsoWeek, answers: &Answers, now: DateTime<Utc>) -> Result<()> {
    store.save_reflection(week, answers, now)
}
