//! What the person looks at: a week and its entries, the trend, the reflection, the warnings
//! that hold. Reads only; each reads the store once and hands values to the pure judgement.

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;

use crate::error::Result;
use crate::prefs::Prefs;
use crate::reflection::{self, Reflection, TREND_WEEKS};
use crate::reminders::{evaluate, history_start, Warning};
use crate::store::Store;
use crate::summary::{week_summary, Entry, WeekSummary};
use crate::week::{IsoWeek, WeekNav};

/// `week`, or the one `now` falls in.
pub fn week_or_now(week: Option<&str>, zone: Tz, now: DateTime<Utc>) -> Result<IsoWeek> {
    week.map_or(Ok(IsoWeek::of(now, zone)), str::parse)
}

pub fn nav(week: Option<&str>, zone: Tz, now: DateTime<Utc>) -> Result<WeekNav> {
    Ok(WeekNav::new(week_or_now(week, zone, now)?, zone, now))
}

/// A week's totals.
pub fn week(store: &Store, week: IsoWeek, zone: Tz) -> Result<WeekSummary> {
    let entries = store.counted(week.bounds(zone))?;
    Ok(week_summary(week, zone, &entries, &store.timeline()?))
}

/// The `weeks` weeks ending with `last`, oldest first, from one read of the store.
pub fn trend(store: &Store, last: IsoWeek, weeks: u32, zone: Tz) -> Result<Vec<WeekSummary>> {
    let mut all = vec![last];
    for _ in 1..weeks {
        let earliest = *all.last().expect("never empty");
        all.push(earliest.previous());
    }
    all.reverse();
    let (start, _) = all[0].bounds(zone);
    let (_, end) = last.bounds(zone);
    let entries = store.counted((start, end))?;
    let timeline = store.timeline()?;
    Ok(all.into_iter().map(|w| week_summary(w, zone, &entries, &timeline)).collect())
}

/// Entries starting in `range` (or all), classified, newest first.
pub fn entries(store: &Store, range: Option<(DateTime<Utc>, DateTime<Utc>)>) -> Result<Vec<Entry>> {
    let timeline = store.timeline()?;
    let origins = store.origins()?;
    let mut all = Entry::all(store.interruptions(range)?.iter().rev(), &timeline);
    for e in &mut all {
        e.origin = origins.get(&e.uid).cloned();
    }
    Ok(all)
}

pub fn reflection(store: &Store, week: IsoWeek, zone: Tz, now: DateTime<Utc>) -> Result<Reflection> {
    Ok(reflection::assemble(
        zone,
        trend(store, week, TREND_WEEKS, zone)?,
        entries(store, Some(week.bounds(zone)))?,
        &store.timeline()?,
        week_warnings(store, week, zone, now)?,
        store.reflection(week)?.unwrap_or_default(),
        store.prefs()?.thresholds.habit_window_weeks,
    ))
}

/// The warnings of `week` as they held at its end (or now, for the week under way): kept for
/// every week, whether the engine ran then or not.
pub fn week_warnings(store: &Store, week: IsoWeek, zone: Tz, now: DateTime<Utc>) -> Result<Vec<Warning>> {
    Ok(week_with_warnings(store, week, zone, now)?.1)
}

/// A week's totals and its warnings from one read of the store.
pub fn week_with_warnings(
    store: &Store,
    week: IsoWeek,
    zone: Tz,
    now: DateTime<Utc>,
) -> Result<(WeekSummary, Vec<Warning>)> {
    let (start, end) = week.bounds(zone);
    let at = (end - Duration::seconds(1)).min(now);
    let Prefs { thresholds, people, .. } = store.prefs()?;
    let from = history_start(&thresholds, zone, at).min(start);
    let entries = store.counted((from, end.max(at + Duration::seconds(1))))?;
    let timeline = store.timeline()?;
    let summary = week_summary(week, zone, &entries, &timeline);
    if at < start {
        return Ok((summary, Vec::new()));
    }
    let warnings =
        evaluate(&entries, &timeline, &thresholds, &people, zone, at).into_iter().filter(|w| w.week == week).collect();
    Ok((summary, warnings))
}

/// The warnings that hold at `at`, judged on the history the rules look back over.
pub fn warnings_at(store: &Store, zone: Tz, at: DateTime<Utc>) -> Result<Vec<Warning>> {
    let Prefs { thresholds, people, .. } = store.prefs()?;
    let history = store.counted((history_start(&thresholds, zone, at), at + Duration::seconds(1)))?;
    Ok(evaluate(&history, &store.timeline()?, &thresholds, &people, zone, at))
}
