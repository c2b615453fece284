//! The reminder rules: a calm voice that notices when sacrifices start to become a habit.
//!
//! `evaluate` looks at the history as it stood at `now` (entries that start later are ignored)
//! and returns the warnings that hold, each with its numbers, the entries behind it and a next
//! step taken from the product's advice. It is pure: delivery, quiet hours and "never twice"
//! are the engine's business.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::classify::Classification;
use crate::classify::Classifier;
use crate::error::{Error, Result};
use crate::interruptions::{Interruption, SourceKind};
use crate::schedule::LoadLine;
use crate::summary::{format_minutes, plural, tally, Counted, WeekSummary};
use crate::timeline::Timeline;
use crate::week::IsoWeek;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Rule {
    OverLoadLine,
    Habit,
    Allowance,
    Streak,
    Sleep,
    Reactive,
    SinglePointOfFailure,
}

/// How loudly a warning speaks; escalation goes nudge → warning → habit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Level {
    Nudge,
    Warning,
    Habit,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SubjectKind {
    Week,
    NonNegotiable,
    Source,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Warning {
    pub rule: Rule,
    pub severity: Level,
    pub subject_kind: SubjectKind,
    /// The week (`2026-W47`), the non-negotiable's name, or the source.
    pub subject: String,
    /// The week it is about, for "never the same warning twice in a week".
    pub week: IsoWeek,
    /// What happened, in a few plain words: a notification's title ("Over your load line in 3
    /// of the last 4 weeks").
    #[serde(default)]
    pub title: String,
    pub explanation: String,
    pub suggestion: String,
    /// Ids of the entries behind it.
    pub entries: Vec<i64>,
    /// The weeks behind it, newest first: the habit rule's window, each over or under the load
    /// line. Empty for the rules that look at entries, not weeks.
    #[serde(default)]
    pub weeks: Vec<HabitWeek>,
}

/// One week of the habit rule's window, as its evidence shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct HabitWeek {
    pub week: IsoWeek,
    /// Local Monday 00:00, RFC 3339, as `WeekSummary::start`.
    pub start: String,
    pub sacrifices: u32,
    pub after_hours_minutes: u32,
    /// The load line in force at the end of that week.
    pub load_line: LoadLine,
    pub over_sacrifices: bool,
    pub over_minutes: bool,
    pub over: bool,
    /// "Over: sacrifices and after hours", "Over: after hours", "Under".
    pub standing: String,
}

impl HabitWeek {
    fn of(s: &WeekSummary) -> HabitWeek {
        let crossed: Vec<&str> = [(s.over_sacrifices, "sacrifices"), (s.over_minutes, "after hours")]
            .into_iter()
            .filter_map(|(over, what)| over.then_some(what))
            .collect();
        HabitWeek {
            week: s.week,
            start: s.start.clone(),
            sacrifices: s.sacrifices,
            after_hours_minutes: s.after_hours_minutes,
            load_line: s.load_line,
            over_sacrifices: s.over_sacrifices,
            over_minutes: s.over_minutes,
            over: s.over_load_line,
            standing: if crossed.is_empty() { "Under".into() } else { format!("Over: {}", crossed.join(" and ")) },
        }
    }
}

/// How often the last `window` weeks were over the load line: the one definition that the
/// habit warning and the reflection's verdict both count with and say.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HabitCount {
    /// Weeks over the load line among `weeks`.
    pub over: u32,
    pub window: u32,
    /// The window's weeks, newest first (fewer when the record does not go back that far).
    pub weeks: Vec<HabitWeek>,
}

impl HabitCount {
    /// Over `newest_first` weeks (the current one first), the first `window` of them.
    pub fn of<'a>(newest_first: impl IntoIterator<Item = &'a WeekSummary>, window: u32) -> HabitCount {
        let weeks: Vec<HabitWeek> = newest_first.into_iter().take(window as usize).map(HabitWeek::of).collect();
        HabitCount { over: weeks.iter().filter(|w| w.over).count() as u32, window, weeks }
    }

    /// "3 of the last 4 weeks".
    pub fn words(&self) -> String {
        format!("{} of the last {} weeks", self.over, self.window)
    }

    /// Whether it is a habit by `thresholds`: enough weeks over, the current one among them.
    pub fn is_habit(&self, thresholds: &Thresholds) -> bool {
        self.over >= thresholds.habit_weeks && self.weeks.first().is_some_and(|w| w.over)
    }
}

/// Every threshold of the rules. The load line itself lives in the schedule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
#[ts(export)]
pub struct Thresholds {
    /// Weeks over the load line, out of `habit_window_weeks` (the current one included).
    pub habit_weeks: u32,
    pub habit_window_weeks: u32,
    /// Consecutive days with after-hours work, within the last `streak_window_days`.
    pub streak_days: u32,
    pub streak_window_days: u32,
    /// Sleep-hour interruptions in a week.
    pub sleep_interruptions: u32,
    /// "Mostly reactive": more than half reactive, of at least this many sacrifices.
    pub reactive_min_sacrifices: u32,
    /// One source behind this many sacrifices within `source_window_days`, mostly delegable.
    pub source_sacrifices: u32,
    pub source_window_days: u32,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            habit_weeks: 3,
            habit_window_weeks: 4,
            streak_days: 3,
            streak_window_days: 7,
            sleep_interruptions: 2,
            reactive_min_sacrifices: 3,
            source_sacrifices: 3,
            source_window_days: 14,
        }
    }
}

impl Thresholds {
    pub fn validate(&self) -> Result<()> {
        let checks = [
            ("habit_weeks", self.habit_weeks, 1, self.habit_window_weeks),
            ("habit_window_weeks", self.habit_window_weeks, 1, 12),
            ("streak_days", self.streak_days, 2, self.streak_window_days),
            ("streak_window_days", self.streak_window_days, 2, 28),
            ("sleep_interruptions", self.sleep_interruptions, 1, 50),
            ("reactive_min_sacrifices", self.reactive_min_sacrifices, 1, 50),
            ("source_sacrifices", self.source_sacrifices, 2, 50),
            ("source_window_days", self.source_window_days, 1, 90),
        ];
        for (field, value, min, max) in checks {
            if !(min..=max).contains(&value) {
                return Err(Error::invalid(field, format!("must be from {min} to {max}; got {value}")));
            }
        }
        Ok(())
    }
}

struct Context<'a> {
    now: DateTime<Utc>,
    zone: Tz,
    timeline: &'a Timeline,
    thresholds: &'a Thresholds,
    /// The sources that are people: they get no runbook.
    people: &'a [String],
    /// Entries that started by `now`, oldest first, with their classification.
    entries: Vec<(&'a Interruption, Classification)>,
}

/// The warnings that hold at `now`, counting weeks in `zone`. `history` is sorted by start and
/// holds at least the entries since `history_start`; entries that start after `now` are ignored.
pub fn evaluate(
    history: &[Interruption],
    timeline: &Timeline,
    thresholds: &Thresholds,
    people: &[String],
    zone: Tz,
    now: DateTime<Utc>,
) -> Vec<Warning> {
    let history = &history[..history.partition_point(|i| i.entry.start <= now)];
    let mut classifier = Classifier::new(timeline);
    let entries = history.iter().map(|i| (i, classifier.classify(&i.entry))).collect();
    let cx = Context { now, zone, timeline, thresholds, people, entries };
    let mut out = Vec::new();
    over_load_line_and_habit(&cx, &mut out);
    allowance(&cx, &mut out);
    streak(&cx, &mut out);
    sleep(&cx, &mut out);
    reactive(&cx, &mut out);
    single_point_of_failure(&cx, &mut out);
    out
}

/// The earliest start an entry may have and still matter to `evaluate` at `now`.
pub fn history_start(thresholds: &Thresholds, zone: Tz, now: DateTime<Utc>) -> DateTime<Utc> {
    let weeks_back =
        IsoWeek::of(now, zone).monday() - Duration::weeks(i64::from(thresholds.habit_window_weeks.max(1)) - 1);
    let by_weeks = IsoWeek::containing(weeks_back).bounds(zone).0;
    let days = i64::from(thresholds.source_window_days.max(thresholds.streak_window_days)) + 1;
    by_weeks.min(now - Duration::days(days))
}

fn week_entries<'a>(cx: &'a Context, week: IsoWeek) -> impl Iterator<Item = &'a (&'a Interruption, Classification)> {
    let (start, end) = week.bounds(cx.zone);
    cx.entries.iter().filter(move |(i, _)| i.entry.start >= start && i.entry.start < end)
}

/// A week's totals from the entries already classified, not classified again.
fn week_totals(cx: &Context, week: IsoWeek) -> crate::summary::WeekSummary {
    let counted = week_entries(cx, week).map(|(i, c)| Counted::new(i.entry.chosen, i.entry.delegable, c.clone()));
    tally(week, cx.zone, counted, cx.timeline)
}

fn ids<'a>(entries: impl Iterator<Item = &'a (&'a Interruption, Classification)>) -> Vec<i64> {
    entries.map(|(i, _)| i.id).collect()
}

fn times(n: u32) -> String {
    if n == 1 {
        "once".into()
    } else {
        format!("{n} times")
    }
}

fn over_load_line_and_habit(cx: &Context, out: &mut Vec<Warning>) {
    let this_week = IsoWeek::of(cx.now, cx.zone);
    let s = week_totals(cx, this_week);
    if s.over_load_line {
        let sacrifices: Vec<_> = week_entries(cx, this_week).filter(|(_, e)| e.is_sacrifice()).collect();
        let late = sacrifices.iter().filter(|(_, e)| e.sleep_minutes > 0).count();
        let late = if late > 0 { format!("; {late} of them in sleep hours") } else { String::new() };
        out.push(Warning {
            rule: Rule::OverLoadLine,
            severity: Level::Warning,
            subject_kind: SubjectKind::Week,
            subject: this_week.to_string(),
            week: this_week,
            title: "Over your load line this week".into(),
            explanation: format!(
                "{} and {} after hours this week against a load line of {} and {}{late}.",
                plural(s.sacrifices, "sacrifice", "sacrifices"),
                format_minutes(s.after_hours_minutes),
                s.load_line.sacrifices,
                format_minutes(s.load_line.minutes)
            ),
            suggestion: "Protect tomorrow's boundary: let the next page go to someone else, or say no to what can wait until working hours.".into(),
            entries: sacrifices.iter().map(|(i, _)| i.id).collect(),
            weeks: Vec::new(),
        });
    }

    let window = cx.thresholds.habit_window_weeks;
    let weeks: Vec<IsoWeek> = (0..window).scan(this_week, |w, _| Some(std::mem::replace(w, w.previous()))).collect();
    let totals: Vec<WeekSummary> = weeks.iter().map(|w| week_totals(cx, *w)).collect();
    let habit = HabitCount::of(&totals, window);
    if habit.is_habit(cx.thresholds) {
        let entries = habit
            .weeks
            .iter()
            .filter(|w| w.over)
            .flat_map(|w| week_entries(cx, w.week).filter(|(_, e)| e.is_sacrifice()).map(|(i, _)| i.id))
            .collect();
        out.push(Warning {
            rule: Rule::Habit,
            severity: Level::Habit,
            subject_kind: SubjectKind::Week,
            subject: this_week.to_string(),
            week: this_week,
            title: format!("Over your load line in {}", habit.words()),
            explanation: format!("Over your load line in {}: this is becoming a habit.", habit.words()),
            suggestion: "Heroics are for rare events. Write the runbook for what keeps coming back, or hand it over, and tell your manager with these numbers.".into(),
            entries,
            weeks: habit.weeks,
        });
    }
}

fn allowance(cx: &Context, out: &mut Vec<Warning>) {
    let this_week = IsoWeek::of(cx.now, cx.zone);
    for (id, boundary) in cx.timeline.boundaries_at(cx.now).filter(|(_, b)| !b.paused) {
        let breaches: Vec<_> = week_entries(cx, this_week).filter(|(_, e)| e.breaches.contains(&id)).collect();
        let count = breaches.len() as u32;
        if count > boundary.allowance {
            out.push(Warning {
                rule: Rule::Allowance,
                severity: Level::Warning,
                subject_kind: SubjectKind::NonNegotiable,
                subject: boundary.name.clone(),
                week: this_week,
                title: format!("{} breached {} this week", boundary.name, times(count)),
                explanation: format!(
                    "{} was breached {} this week; you allow {}.",
                    boundary.name,
                    times(count),
                    match boundary.allowance {
                        0 => "none".to_string(),
                        n => times(n),
                    }
                ),
                suggestion: format!(
                    "Protect tomorrow's {}: decide now who takes what comes up then, and say no to the rest.",
                    boundary.name
                ),
                entries: ids(breaches.into_iter()),
                weeks: Vec::new(),
            });
        }
    }
}

fn streak(cx: &Context, out: &mut Vec<Warning>) {
    let today = cx.now.with_timezone(&cx.zone).date_naive();
    let first = today - Duration::days(i64::from(cx.thresholds.streak_window_days) - 1);
    let day_of = |i: &Interruption| i.entry.start.with_timezone(&cx.zone).date_naive();
    let after_hours: Vec<_> =
        cx.entries.iter().filter(|(i, e)| e.after_hours_minutes > 0 && day_of(i) >= first).collect();
    let days: Vec<NaiveDate> = {
        let mut d: Vec<NaiveDate> = after_hours.iter().map(|(i, _)| day_of(i)).collect();
        d.dedup();
        d
    };
    // The longest run of consecutive days, the most recent one winning ties.
    let (mut best, mut run) = ((0usize, 0usize), (0usize, 0usize));
    for (n, day) in days.iter().enumerate() {
        run = if n > 0 && *day == days[n - 1] + Duration::days(1) { (run.0, n) } else { (n, n) };
        if run.1 - run.0 >= best.1 - best.0 {
            best = run;
        }
    }
    let length = if days.is_empty() { 0 } else { best.1 - best.0 + 1 } as u32;
    if length < cx.thresholds.streak_days {
        return;
    }
    let (from, to) = (days[best.0], days[best.1]);
    let this_week = IsoWeek::of(cx.now, cx.zone);
    out.push(Warning {
        rule: Rule::Streak,
        severity: if length >= cx.thresholds.streak_days + 2 { Level::Warning } else { Level::Nudge },
        subject_kind: SubjectKind::Week,
        subject: this_week.to_string(),
        week: this_week,
        title: format!("After-hours work {length} days running"),
        explanation: format!(
            "After-hours work on {length} days in a row ({} – {}).",
            from.format("%a %-d %b"),
            to.format("%a %-d %b")
        ),
        suggestion: "Make tonight a conscious choice: if something comes up, decide whether it is worth it, or let it wait until morning.".into(),
        entries: after_hours.iter().filter(|(i, _)| (from..=to).contains(&day_of(i))).map(|(i, _)| i.id).collect(),
        weeks: Vec::new(),
    });
}

fn sleep(cx: &Context, out: &mut Vec<Warning>) {
    let this_week = IsoWeek::of(cx.now, cx.zone);
    let hits: Vec<_> = week_entries(cx, this_week).filter(|(_, e)| e.sleep_minutes > 0).collect();
    let n = hits.len() as u32;
    if n < cx.thresholds.sleep_interruptions {
        return;
    }
    let minutes: u32 = hits.iter().map(|(_, e)| e.sleep_minutes).sum();
    out.push(Warning {
        rule: Rule::Sleep,
        severity: if n >= cx.thresholds.sleep_interruptions + 2 { Level::Warning } else { Level::Nudge },
        subject_kind: SubjectKind::Week,
        subject: this_week.to_string(),
        week: this_week,
        title: format!("{} in your sleep hours this week", plural(n, "interruption", "interruptions")),
        explanation: format!(
            "{} in your sleep hours this week, {} in all.",
            plural(n, "interruption", "interruptions"),
            format_minutes(minutes)
        ),
        suggestion: "Protect tonight's sleep: hand the pager to a teammate, and write down what woke you so it can be fixed in daylight.".into(),
        entries: ids(hits.into_iter()),
        weeks: Vec::new(),
    });
}

fn reactive(cx: &Context, out: &mut Vec<Warning>) {
    let this_week = IsoWeek::of(cx.now, cx.zone);
    let sacrifices: Vec<_> = week_entries(cx, this_week).filter(|(_, e)| e.is_sacrifice()).collect();
    let total = sacrifices.len() as u32;
    let reactive: Vec<_> = sacrifices.into_iter().filter(|(i, _)| !i.entry.chosen).collect();
    let n = reactive.len() as u32;
    if total < cx.thresholds.reactive_min_sacrifices || n * 2 <= total {
        return;
    }
    out.push(Warning {
        rule: Rule::Reactive,
        severity: Level::Nudge,
        subject_kind: SubjectKind::Week,
        subject: this_week.to_string(),
        week: this_week,
        title: format!("{n} of this week's {} came to you, not from you", plural(total, "sacrifice", "sacrifices")),
        explanation: format!(
            "{n} of this week's {} reactive: they came to you, rather than being your choice.",
            plural(total, "sacrifice was", "sacrifices were")
        ),
        suggestion: "Make the next one a conscious choice: before you answer, ask whether it needs you, now.".into(),
        entries: ids(reactive.into_iter()),
        weeks: Vec::new(),
    });
}

fn single_point_of_failure(cx: &Context, out: &mut Vec<Warning>) {
    let since = cx.now - Duration::days(i64::from(cx.thresholds.source_window_days));
    let recent: Vec<_> = cx
        .entries
        .iter()
        .filter(|(i, e)| e.is_sacrifice() && i.entry.start >= since && i.entry.source.is_some())
        .collect();
    let mut sources: Vec<&str> = recent.iter().filter_map(|(i, _)| i.entry.source.as_deref()).collect();
    sources.sort_unstable();
    sources.dedup();
    let this_week = IsoWeek::of(cx.now, cx.zone);
    for source in sources {
        let hits: Vec<_> = recent.iter().filter(|(i, _)| i.entry.source.as_deref() == Some(source)).collect();
        let n = hits.len() as u32;
        let delegable = hits.iter().filter(|(i, _)| i.entry.delegable).count() as u32;
        if n < cx.thresholds.source_sacrifices || delegable * 2 <= n {
            continue;
        }
        out.push(Warning {
            rule: Rule::SinglePointOfFailure,
            severity: Level::Warning,
            subject_kind: SubjectKind::Source,
            subject: source.to_string(),
            week: this_week,
            title: format!("{source} keeps coming back to you"),
            explanation: format!(
                "{source} was behind {} in {}, {delegable} of them delegable: you may be its single point of failure.",
                plural(n, "sacrifice", "sacrifices"),
                plural(cx.thresholds.source_window_days, "day", "days")
            ),
            suggestion: match SourceKind::of(source, cx.people) {
                SourceKind::Service => format!(
                    "Write the runbook for {source}, or hand it over: someone else could have taken {delegable} of these."
                ),
                SourceKind::Person => format!(
                    "Agree with {source} who else they can ask, and when you can be reached: someone else could have taken {delegable} of these."
                ),
            },
            entries: hits.iter().map(|(i, _)| i.id).collect(),
            weeks: Vec::new(),
        });
    }
}
