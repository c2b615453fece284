//! The reminder engine's step, its deliveries and the snooze. The app's engine thread only
//! sleeps, calls `step`, shows what it says and reports back with `delivered`.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::Serialize;
use ts_rs::TS;

use crate::error::Result;
use crate::notices::{due, end_of_today, next_wake, quiet_until, reflection_due, Step};
use crate::reminders::Level;
use crate::store::Store;
use crate::week::IsoWeek;

use super::{home_zone, views};

/// Evaluates the rules at `now`, records what holds, and decides what to announce: nothing
/// while warnings are paused, snoozed, or inside sleep hours or an active non-negotiable.
pub fn step(store: &mut Store, system_zone: Tz, now: DateTime<Utc>) -> Result<Step> {
    let prefs = store.prefs()?;
    let zone = prefs.home_zone(system_zone)?;
    let warnings = views::warnings_at(store, zone, now)?;
    let holding = store.record_warnings(&warnings, now)?;
    let state = store.engine_state()?;
    let quiet = quiet_until(&store.timeline()?, zone, now);
    let snoozed = state.snoozed_until.filter(|t| *t > now);
    let muted = prefs.warnings_paused || snoozed.is_some() || quiet.is_some();
    Ok(Step {
        announce: if muted { Vec::new() } else { due(&holding).cloned().collect() },
        reflection: !muted && reflection_due(prefs.reflection, state.reflection_reminded, zone, now),
        wake_at: next_wake(now, zone, quiet, snoozed, prefs.reflection),
        quiet_until: quiet,
    })
}

/// A warning's notification was shown (or could not be: the in-app list has it either way).
pub fn delivered(store: &mut Store, notice: i64, level: Level) -> Result<()> {
    store.mark_notified(notice, level)
}

/// The weekly reflection reminder was shown for this week.
pub fn reflection_reminded(store: &mut Store, system_zone: Tz, now: DateTime<Utc>) -> Result<()> {
    let mut state = store.engine_state()?;
    state.reflection_reminded = Some(IsoWeek::of(now, home_zone(store, None, system_zone)?));
    store.set_engine_state(&state)
}

/// "Snooze for today": nothing is announced until the next local midnight.
pub fn snooze_today(store: &mut Store, system_zone: Tz, now: DateTime<Utc>) -> Result<()> {
    let mut state = store.engine_state()?;
    state.snoozed_until = Some(end_of_today(home_zone(store, None, system_zone)?, now));
    store.set_engine_state(&state)
}

#[derive(Debug, Serialize, TS)]
#[ts(export)]
pub struct ReminderState {
    /// "Pause all warnings" is on.
    pub paused: bool,
    /// RFC 3339, while "snooze for today" holds.
    pub snoozed_until: Option<String>,
    pub unread: u32,
}

pub fn reminder_state(store: &Store, now: DateTime<Utc>) -> Result<ReminderState> {
    let snoozed_until = store.engine_state()?.snoozed_until.filter(|t| *t > now).map(|t| t.to_rfc3339());
    Ok(ReminderState { paused: store.prefs()?.warnings_paused, snoozed_until, unread: store.unread_notices()? })
}
