//! The weekly reflection: one ISO week's numbers with a verdict in plain words, a day × hour
//! heatmap with the protected windows drawn in, the 12-week trend, the top sources, the
//! warnings that fired, and the person's own answers. All computed here, so the window only
//! draws what the core says.

use chrono::{DateTime, Duration, Timelike, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::classify::{span_on, window_intervals};
use crate::error::{Error, Result};
use crate::reminders::{HabitCount, Warning};
use crate::schedule::Day;
use crate::summary::{format_minutes, plural, Entry, WeekSummary};
use crate::timeline::Timeline;
use crate::week::IsoWeek;

pub const TREND_WEEKS: u32 = 12;
pub const MAX_ANSWER_CHARS: usize = 10_000;

/// The person's answers to the week's prompts.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
#[ts(export)]
pub struct Answers {
    /// What did this week cost me?
    pub cost: String,
    /// Which of these did I choose, and was it worth it?
    pub chosen: String,
    /// What could someone else have handled with a runbook?
    pub runbook: String,
    /// Which boundary will I protect next week?
    pub protect: String,
    /// 1 (drained) to 5 (full of energy).
    pub energy: Option<u8>,
}

impl Answers {
    pub fn validate(&self) -> Result<()> {
        for (field, text) in
            [("cost", &self.cost), ("chosen", &self.chosen), ("runbook", &self.runbook), ("protect", &self.protect)]
        {
            let n = text.chars().count();
            if n > MAX_ANSWER_CHARS {
                return Err(Error::invalid(field, format!("must be at most {MAX_ANSWER_CHARS} characters; got {n}")));
            }
        }
        if self.energy.is_some_and(|e| !(1..=5).contains(&e)) {
            return Err(Error::invalid(
                "energy",
                format!("must be from 1 to 5; got {}", self.energy.unwrap_or_default()),
            ));
        }
        Ok(())
    }
}

/// One local hour of one day of the week.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct HeatCell {
    /// Minutes of interruptions in this hour.
    pub minutes: u32,
    /// Which windows cover the middle of this hour.
    pub working: bool,
    pub sleep: bool,
    /// Names of the non-negotiables whose window covers it.
    pub protected: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct HeatDay {
    pub day: Day,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// 24 cells, 00:00 to 23:00 local.
    pub hours: Vec<HeatCell>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct SourceCount {
    pub source: String,
    pub interruptions: u32,
    pub sacrifices: u32,
    pub delegable: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Reflection {
    pub week: WeekSummary,
    /// "Under your load line", "Over your load line: 3 sacrifices (your line is 2) — 3 of the last 4 weeks", …
    pub verdict: String,
    /// The one thing to do next: the loudest warning's next step, or none in a week without one.
    pub next_step: Option<String>,
    /// The 12 weeks ending with this one, oldest first.
    pub trend: Vec<WeekSummary>,
    pub heatmap: Vec<HeatDay>,
    pub top_sources: Vec<SourceCount>,
    /// The week's warnings as they held at its end (or now, for this week), whether the app
    /// ran then or not; the loudest first, the rules' own order among equals.
    pub warnings: Vec<Warning>,
    pub answers: Answers,
    pub entries: Vec<Entry>,
}

/// The week in a sentence: under or over, which limit it crossed, and how often the weeks of
/// the habit rule's window were over, counted by `HabitCount` as the habit warning counts them.
pub fn verdict(trend: &[WeekSummary], window: u32) -> String {
    let Some(this) = trend.last() else { return String::new() };
    if !this.over_load_line {
        return if this.interruptions == 0 {
            "A quiet week: nothing logged".into()
        } else {
            "Under your load line".into()
        };
    }
    let mut crossed = Vec::new();
    if this.over_sacrifices {
        crossed.push(format!(
            "{} (your line is {})",
            plural(this.sacrifices, "sacrifice", "sacrifices"),
            this.load_line.sacrifices
        ));
    }
    if this.over_minutes {
        crossed.push(format!(
            "{} after hours (your line is {})",
            format_minutes(this.after_hours_minutes),
            format_minutes(this.load_line.minutes)
        ));
    }
    let habit = HabitCount::of(trend.iter().rev(), window);
    let often = if habit.over > 1 { format!(" — {}", habit.words()) } else { String::new() };
    format!("Over your load line: {}{often}", crossed.join(" and "))
}

/// The week's one next step: that of its loudest warning (the rules' own order among equals).
pub fn next_step(warnings: &[Warning]) -> Option<String> {
    let loudest = warnings.iter().map(|w| w.severity).max()?;
    warnings.iter().find(|w| w.severity == loudest).map(|w| w.suggestion.clone())
}

/// The week's reflection from what the store holds: `trend` ends with the week itself (never
/// empty), `entries` are the week's, newest first, and `habit_window` is the habit rule's.
pub fn assemble(
    zone: Tz,
    trend: Vec<WeekSummary>,
    entries: Vec<Entry>,
    timeline: &Timeline,
    mut warnings: Vec<Warning>,
    answers: Answers,
    habit_window: u32,
) -> Reflection {
    warnings.sort_by_key(|w| std::cmp::Reverse(w.severity));
    let this = trend.last().cloned().expect("the trend ends with this week");
    let week = this.week;
    let (start, end) = week.bounds(zone);
    Reflection {
        verdict: verdict(&trend, habit_window),
        next_step: next_step(&warnings),
        week: this,
        heatmap: heatmap(&entries, week, zone, timeline, start, end),
        top_sources: top_sources(&entries),
        warnings,
        answers,
        entries,
        trend,
    }
}

fn heatmap(
    entries: &[Entry],
    week: IsoWeek,
    zone: Tz,
    timeline: &Timeline,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
) -> Vec<HeatDay> {
    let dates: Vec<_> = (0..7).map(|d| week.monday() + Duration::days(d)).collect();
    let mut days: Vec<HeatDay> = dates
        .iter()
        .zip(Day::ALL)
        .map(|(date, day)| HeatDay { day, date: date.to_string(), hours: vec![HeatCell::default(); 24] })
        .collect();
    // Minutes, in 15-minute steps: every zone's offset is a multiple of 15 minutes, so a step
    // never straddles a local hour.
    for e in entries {
        let Ok(t0) = DateTime::parse_from_rfc3339(&e.start) else { continue };
        let mut t = t0.with_timezone(&Utc).max(start);
        let stop = (t0.with_timezone(&Utc) + Duration::minutes(e.minutes.into())).min(end);
        while t < stop {
            let next = (t + Duration::minutes(15 - i64::from(t.minute() % 15))).min(stop);
            let local = t.with_timezone(&zone);
            if let Some(d) = dates.iter().position(|d| *d == local.date_naive()) {
                days[d].hours[local.hour() as usize].minutes += (next - t).num_minutes() as u32;
            }
            t = next;
        }
    }
    // Windows, by the middle of each hour, with the versions in force then.
    let around: Vec<_> = (-1..=7).map(|d| week.monday() + Duration::days(d)).collect();
    for (d, date) in dates.iter().enumerate() {
        for h in 0..24u32 {
            let mid = crate::zone::window_edge(zone, date.and_hms_opt(h, 30, 0).expect("a valid time"));
            let inside = |(a, b): (DateTime<Utc>, DateTime<Utc>)| a <= mid && mid < b;
            let schedule = timeline.schedule_at(mid);
            let cell = &mut days[d].hours[h as usize];
            cell.working = around.iter().any(|day| {
                schedule.working_hours[Day::from_chrono(chrono::Datelike::weekday(day)).index()]
                    .is_some_and(|s| inside(span_on(zone, *day, s)))
            });
            cell.sleep = schedule.sleep.is_some_and(|s| around.iter().any(|day| inside(span_on(zone, *day, s))));
            cell.protected = timeline
                .boundaries_at(mid)
                .filter(|(_, b)| !b.paused && b.windows.iter().any(|w| window_intervals(zone, w, &around).any(inside)))
                .map(|(_, b)| b.name.clone())
                .collect();
        }
    }
    days
}

fn top_sources(entries: &[Entry]) -> Vec<SourceCount> {
    let mut out: Vec<SourceCount> = Vec::new();
    for e in entries {
        let Some(source) = &e.source else { continue };
        let row = match out.iter_mut().position(|s| &s.source == source) {
            Some(i) => &mut out[i],
            None => {
                out.push(SourceCount { source: source.clone(), interruptions: 0, sacrifices: 0, delegable: 0 });
                out.last_mut().expect("just pushed")
            }
        };
        row.interruptions += 1;
        row.sacrifices += u32::from(e.sacrifice);
        row.delegable += u32::from(e.delegable);
    }
    out.sort_by(|a, b| {
        b.sacrifices.cmp(&a.sacrifices).then(b.interruptions.cmp(&a.interruptions)).then(a.source.cmp(&b.source))
    });
    out.truncate(5);
    out
}
