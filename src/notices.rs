//! The reminder engine's judgement, kept pure: when the person is in a quiet window (sleep
//! hours or an active non-negotiable) and until when, which warnings are due for a desktop
//! notification, and when the engine should next wake. The shell's engine thread only sleeps,
//! asks, and delivers.

use chrono::{DateTime, Duration, NaiveTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::classify::{span_on, window_intervals};
use crate::reminders::{Level, Rule, Warning};
use crate::schedule::{ClockTime, Day};
use crate::selfcheck::Month;
use crate::timeline::Timeline;
use crate::week::IsoWeek;
use crate::zone::window_edge;

/// A warning as the in-app list shows it.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Notice {
    pub id: i64,
    pub warning: Warning,
    pub first_seen: String,
    /// The highest severity a desktop notification announced; `None` while it waits.
    pub notified: Option<Level>,
    pub read: bool,
}

/// When the weekly reflection reminder comes, in local time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReflectionTime {
    pub day: Day,
    pub time: ClockTime,
}

impl Default for ReflectionTime {
    fn default() -> Self {
        ReflectionTime { day: Day::Fri, time: ClockTime::hm(16, 0) }
    }
}

/// How long a quiet stretch may run before the engine stops looking for its end.
const QUIET_HORIZON_DAYS: i64 = 8;

/// If `now` falls in sleep hours or in an active (not paused) non-negotiable window, the
/// instant the quiet ends; windows that touch are one quiet stretch.
pub fn quiet_until(timeline: &Timeline, zone: Tz, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let today = now.with_timezone(&zone).date_naive();
    let days: Vec<_> = (-1..=QUIET_HORIZON_DAYS).map(|d| today + Duration::days(d)).collect();
    let schedule = timeline.schedule_at(now);
    let mut windows: Vec<(DateTime<Utc>, DateTime<Utc>)> = Vec::new();
    if let Some(sleep) = schedule.sleep {
        windows.extend(days.iter().map(|d| span_on(zone, *d, sleep)));
    }
    for (_, b) in timeline.boundaries_at(now).filter(|(_, b)| !b.paused) {
        for w in &b.windows {
            windows.extend(window_intervals(zone, w, &days));
        }
    }
    let mut end = windows.iter().filter(|(s, e)| *s <= now && now < *e).map(|(_, e)| *e).max()?;
    // Follow windows that begin before the current one ends.
    while let Some(later) = windows.iter().filter(|(s, e)| *s <= end && *e > end).map(|(_, e)| *e).max() {
        end = later;
    }
    Some(end)
}

/// Warnings that hold now and have not been announced at their current severity.
pub fn due(holding: &[Notice]) -> impl Iterator<Item = &Notice> {
    holding.iter().filter(|n| n.notified.is_none_or(|announced| n.warning.severity > announced))
}

/// This week's reflection reminder instant in `zone`.
pub fn reflection_at(reflection: ReflectionTime, week: IsoWeek, zone: Tz) -> DateTime<Utc> {
    let date = week.monday() + Duration::days(reflection.day.index() as i64);
    window_edge(zone, date.and_time(reflection.time.to_naive()))
}

/// Is the reflection reminder due: its time this week has come and this week was not reminded?
pub fn reflection_due(reflection: ReflectionTime, reminded: Option<IsoWeek>, zone: Tz, now: DateTime<Utc>) -> bool {
    let week = IsoWeek::of(now, zone);
    reminded != Some(week) && now >= reflection_at(reflection, week, zone)
}

/// The next instant worth waking for. In a quiet window nothing can be announced before it
/// ends, so that is the wake; otherwise the end of a snooze, the next local midnight (days and
/// weeks turn, so rules change), the reflection reminder or the self-check's.
pub fn next_wake(
    now: DateTime<Utc>,
    zone: Tz,
    quiet: Option<DateTime<Utc>>,
    snoozed_until: Option<DateTime<Utc>>,
    reflection: ReflectionTime,
    selfcheck: Option<DateTime<Utc>>,
) -> DateTime<Utc> {
    if let Some(end) = quiet {
        return end;
    }
    let midnight = end_of_today(zone, now);
    let week = IsoWeek::of(now, zone);
    let reflection = [reflection_at(reflection, week, zone), reflection_at(reflection, week.next(), zone)]
        .into_iter()
        .find(|t| *t > now)
        .unwrap_or(midnight);
    [midnight, reflection]
        .into_iter()
        .chain(snoozed_until.filter(|t| *t > now))
        .chain(selfcheck.filter(|t| *t > now))
        .min()
        .expect("never empty")
}

/// "Snooze for today": until the next local midnight.
pub fn end_of_today(zone: Tz, now: DateTime<Utc>) -> DateTime<Utc> {
    let local = now.with_timezone(&zone);
    window_edge(zone, (local.date_naive() + Duration::days(1)).and_time(NaiveTime::MIN))
}

/// The engine's memory between runs, so a restart neither repeats nor forgets.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct EngineState {
    pub snoozed_until: Option<DateTime<Utc>>,
    pub reflection_reminded: Option<IsoWeek>,
    /// The month the self-check reminder last asked in.
    pub selfcheck_reminded: Option<Month>,
    /// How many notifications were shown in which week: the weekly limit counts them.
    pub delivered_week: Option<IsoWeek>,
    pub delivered: u32,
}

impl EngineState {
    pub fn delivered_in(&self, week: IsoWeek) -> u32 {
        if self.delivered_week == Some(week) {
            self.delivered
        } else {
            0
        }
    }

    /// One more notification shown in `week`.
    pub fn count_delivery(&mut self, week: IsoWeek) {
        self.delivered = self.delivered_in(week) + 1;
        self.delivered_week = Some(week);
    }
}

/// One desktop notification, as the engine shows it and as a replay lists it.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Delivery {
    /// When it is shown, RFC 3339 in the home zone.
    pub at: String,
    pub title: String,
    pub body: String,
    /// The rules of the warnings it speaks for, the most serious first; none for the
    /// reflection reminder.
    pub rules: Vec<Rule>,
    /// When its warning first held, if it waited (a quiet window) before being shown.
    pub deferred_from: Option<String>,
    /// The view its action opens: `warnings`, `reflection` or `selfcheck`.
    pub view: String,
    /// The notices it announces, at the severity it announces them.
    #[serde(skip)]
    #[ts(skip)]
    pub announces: Vec<(i64, Level)>,
}

/// At most one notification for the warnings due now: the most serious one in its own words,
/// the others counted ("And 2 more in Loadline."). A tired person gets one calm message.
pub fn compose(due: &[&Notice], zone: Tz, now: DateTime<Utc>) -> Option<Delivery> {
    let mut order: Vec<&Notice> = due.to_vec();
    order.sort_by(|a, b| b.warning.severity.cmp(&a.warning.severity).then(a.id.cmp(&b.id)));
    let first = order.first()?;
    let w = &first.warning;
    let title = if w.title.is_empty() { w.explanation.clone() } else { w.title.clone() };
    let mut body = format!("{} {}", w.explanation, w.suggestion);
    match order.len() - 1 {
        0 => {}
        more => body.push_str(&format!("\nAnd {more} more in Loadline.")),
    }
    let first_held = DateTime::parse_from_rfc3339(&first.first_seen).ok().map(|t| t.with_timezone(&Utc));
    Some(Delivery {
        at: now.with_timezone(&zone).to_rfc3339(),
        title,
        body,
        rules: order.iter().map(|n| n.warning.rule).collect(),
        // Notices keep whole seconds; the clock does not.
        deferred_from: first_held
            .filter(|t| t.timestamp() < now.timestamp())
            .map(|t| t.with_timezone(&zone).to_rfc3339()),
        view: "warnings".into(),
        announces: order.iter().map(|n| (n.id, n.warning.severity)).collect(),
    })
}

/// The weekly reflection reminder.
pub fn reflection_delivery(zone: Tz, now: DateTime<Utc>) -> Delivery {
    Delivery {
        at: now.with_timezone(&zone).to_rfc3339(),
        title: "Time for your weekly reflection".into(),
        body: "A few minutes to look back: what this week cost, what you chose, and which boundary to protect next."
            .into(),
        rules: Vec::new(),
        deferred_from: None,
        view: "reflection".into(),
        announces: Vec::new(),
    }
}

/// The monthly self-check reminder.
pub fn selfcheck_delivery(zone: Tz, now: DateTime<Utc>) -> Delivery {
    Delivery {
        at: now.with_timezone(&zone).to_rfc3339(),
        title: "Your monthly self-check".into(),
        body:
            "Two minutes, 13 questions: how tired you have been lately, beside what this month's after-hours work was."
                .into(),
        rules: Vec::new(),
        deferred_from: None,
        view: "selfcheck".into(),
        announces: Vec::new(),
    }
}

/// What one run of the engine decided.
#[derive(Debug)]
pub struct Step {
    /// The notifications to show now: at most one for warnings, and the reminders due.
    pub deliveries: Vec<Delivery>,
    /// When to run again if nothing changes before.
    pub wake_at: DateTime<Utc>,
    /// Set when announcements wait for a quiet window to end.
    pub quiet_until: Option<DateTime<Utc>>,
}
