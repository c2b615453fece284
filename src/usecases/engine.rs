//! The reminder engine's step, its deliveries and the snooze. The app's engine thread only
//! sleeps, calls `step`, shows what it says and reports back with `delivered`.

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;
use serde::Serialize;
use ts_rs::TS;

use crate::error::Result;
use crate::notices::{
    compose, due, end_of_today, next_wake, quiet_until, reflection_delivery, reflection_due, selfcheck_delivery,
    Delivery, Notice, Step,
};
use crate::prefs::Prefs;
use crate::selfcheck::{next_reminder, reminder_due, Month};
use crate::store::Store;
use crate::week::IsoWeek;
use crate::zone::window_edge;

use super::{home_zone, views};

/// Evaluates the rules at `now`, records what holds, and decides what to show: nothing while
/// warnings are paused, snoozed, or inside sleep hours or an active non-negotiable; at most
/// one notification for the warnings due, and none past the weekly limit.
pub fn step(store: &mut Store, system_zone: Tz, now: DateTime<Utc>) -> Result<Step> {
    let prefs = store.prefs()?;
    let zone = prefs.home_zone(system_zone)?;
    let warnings = views::warnings_at(store, zone, now)?;
    let holding = store.record_warnings(&warnings, now)?;
    let state = store.engine_state()?;
    let quiet = quiet_until(&store.timeline()?, zone, now);
    let snoozed = state.snoozed_until.filter(|t| *t > now);
    let muted = prefs.warnings_paused || snoozed.is_some() || quiet.is_some();
    let mut deliveries = Vec::new();
    if !muted {
        let mut left = prefs.notifications_per_week.saturating_sub(state.delivered_in(IsoWeek::of(now, zone)));
        let due: Vec<&Notice> = due(&holding).collect();
        if let Some(d) = compose(&due, zone, now).filter(|_| left > 0) {
            deliveries.push(d);
            left -= 1;
        }
        if left > 0 && reflection_due(prefs.reflection, state.reflection_reminded, zone, now) {
            deliveries.push(reflection_delivery(zone, now));
            left -= 1;
        }
        let last_take = store.selfchecks()?.first().map(|t| t.at);
        if left > 0 && reminder_due(prefs.selfcheck.reminder, state.selfcheck_reminded, last_take, zone, now) {
            deliveries.push(selfcheck_delivery(zone, now));
        }
    }
    let selfcheck = next_reminder(prefs.selfcheck.reminder, zone, now);
    Ok(Step {
        deliveries,
        wake_at: next_wake(now, zone, quiet, snoozed, prefs.reflection, selfcheck),
        quiet_until: quiet,
    })
}

/// A notification was shown (or could not be: the in-app list has it either way): its notices
/// are announced at their severity and the week's count goes up, in one transaction.
pub fn delivered(store: &mut Store, delivery: &Delivery, system_zone: Tz, now: DateTime<Utc>) -> Result<()> {
    let week = IsoWeek::of(now, home_zone(store, None, system_zone)?);
    let mut state = store.engine_state()?;
    state.count_delivery(week);
    match delivery.view.as_str() {
        "reflection" => state.reflection_reminded = Some(week),
        "selfcheck" => state.selfcheck_reminded = Some(Month::of(now, home_zone(store, None, system_zone)?)),
        _ => {}
    }
    store.record_delivery(&delivery.announces, &state)
}

/// What the engine would have shown from the first day to the last: the same `step` and
/// `delivered`, run with a simulated clock on a copy of the store that starts with no notices.
/// The clock stops where the app's engine would wake: when each entry ended (it is logged
/// then), at each instant the engine asks to be woken, and at least every hour.
pub fn replay(store: &Store, zone: Tz, from: NaiveDate, to: NaiveDate) -> Result<Vec<Delivery>> {
    replay_with(store, &store.prefs()?, zone, from, to)
}

/// The replay under preferences not saved yet: the thresholds and the weekly limit a person is
/// trying in Settings.
pub fn replay_with(store: &Store, prefs: &Prefs, zone: Tz, from: NaiveDate, to: NaiveDate) -> Result<Vec<Delivery>> {
    prefs.validate()?;
    let mut scratch = store.scratch_copy()?;
    scratch.set_prefs(&Prefs { zone: Some(zone.name().to_string()), ..prefs.clone() })?;
    let start = window_edge(zone, from.and_time(NaiveTime::MIN));
    let end = window_edge(zone, (to + Duration::days(1)).and_time(NaiveTime::MIN));
    let mut logged: Vec<DateTime<Utc>> = Vec::new();
    scratch.each_entry(Some((start - Duration::days(1), end)), |e| {
        logged.push(e.start + Duration::minutes(e.minutes.into()));
        Ok(())
    })?;
    logged.sort_unstable();
    let mut out = Vec::new();
    let mut now = start;
    while now < end {
        let step = step(&mut scratch, zone, now)?;
        for d in step.deliveries {
            delivered(&mut scratch, &d, zone, now)?;
            out.push(d);
        }
        let next_log = logged.iter().copied().find(|t| *t > now);
        let wake = [Some(step.wake_at), next_log, Some(now + Duration::hours(1))].into_iter().flatten().min();
        now = wake.expect("never empty").max(now + Duration::minutes(1));
    }
    Ok(out)
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

/// How far back Settings replays: the last four weeks, today included.
pub const TRIAL_DAYS: i64 = 28;

/// What the engine would have shown over the last four weeks under `prefs`, for Settings.
#[derive(Debug, Serialize, TS)]
#[ts(export)]
pub struct Trial {
    /// The local days replayed, `YYYY-MM-DD`, both inclusive.
    pub from: String,
    pub to: String,
    /// "4 notifications in the last 4 weeks, at most 2 in a week", in words.
    pub summary: String,
    pub deliveries: Vec<Delivery>,
}

pub fn trial(store: &Store, prefs: &Prefs, system_zone: Tz, now: DateTime<Utc>) -> Result<Trial> {
    let zone = prefs.home_zone(system_zone)?;
    let to = now.with_timezone(&zone).date_naive();
    let from = to - Duration::days(TRIAL_DAYS - 1);
    let deliveries = replay_with(store, prefs, zone, from, to)?;
    let mut per_week: Vec<(IsoWeek, u32)> = Vec::new();
    for d in &deliveries {
        let at = DateTime::parse_from_rfc3339(&d.at).map_or(now, |t| t.with_timezone(&Utc));
        let week = IsoWeek::of(at, zone);
        match per_week.iter_mut().find(|(w, _)| *w == week) {
            Some((_, n)) => *n += 1,
            None => per_week.push((week, 1)),
        }
    }
    let most = per_week.iter().map(|(_, n)| *n).max().unwrap_or(0);
    let summary = match deliveries.len() as u32 {
        0 => "No notifications in the last 4 weeks: these thresholds would have stayed quiet.".to_string(),
        n => format!(
            "{} in the last 4 weeks, at most {} in a week.",
            crate::summary::plural(n, "notification", "notifications"),
            most
        ),
    };
    Ok(Trial { from: from.to_string(), to: to.to_string(), summary, deliveries })
}
