//! The numbers of a summary report for a manager, computed once for the HTML and Markdown
//! renderers, with the words both use. Names stay out unless the person opts in: non-negotiables
//! are then grouped by category and sources get pseudonyms (`export::sources`). Services are the
//! runbook candidates; people are listed apart.

use std::collections::BTreeSet;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Tz;

use crate::classify::{Classification, Classifier};
use crate::error::Result;
use crate::export::sources::Sources;
use crate::export::{Include, Range};
use crate::paper::Paper;
use crate::prefs::SourceKind;
use crate::selfcheck::Scores;
use crate::store::Store;
use crate::summary::{format_minutes, plural, tally, Counted};
use crate::week::IsoWeek;

pub struct WeekRow {
    pub week: IsoWeek,
    pub sacrifices: u32,
    pub after_hours_minutes: u32,
    pub load_sacrifices: u32,
    pub load_minutes: u32,
    pub over: bool,
    /// Which limit was crossed: more sacrifices, more after-hours minutes, or both.
    pub over_sacrifices: bool,
    pub over_minutes: bool,
}

/// A load line as people say it: "2 sacrifices and 2 h a week".
pub fn budget(sacrifices: u32, minutes: u32) -> String {
    format!("{} and {} a week", plural(sacrifices, "sacrifice", "sacrifices"), format_minutes(minutes))
}

impl WeekRow {
    /// The week's load line: "budget: 2 sacrifices and 2 h a week".
    pub fn budget(&self) -> String {
        format!("budget: {}", budget(self.load_sacrifices, self.load_minutes))
    }

    pub fn verdict(&self) -> &'static str {
        if self.over {
            "over"
        } else {
            "under"
        }
    }
}

pub struct BoundaryRow {
    pub label: String,
    pub breaches: u32,
    pub weeks_breached: u32,
}

pub struct SourceRow {
    pub label: String,
    pub sacrifices: u32,
    pub delegable: u32,
}

pub struct Report {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub zone: Tz,
    /// "Dana Weber, site reliability engineer", when the person put their name on it.
    pub owner: Option<String>,
    /// A4 or Letter: the one chosen, else the home zone's.
    pub paper: Paper,
    /// The working hours in force at the range's end, as people say them ("Mon-Fri 09:00-17:30").
    pub working_hours: Vec<String>,
    pub message: Option<String>,
    pub weeks: Vec<WeekRow>,
    pub interruptions: u32,
    pub sacrifices: u32,
    pub total_minutes: u32,
    pub after_hours_minutes: u32,
    pub sleep_interruptions: u32,
    pub sleep_minutes: u32,
    pub chosen: u32,
    pub reactive: u32,
    pub delegable: u32,
    pub non_negotiables: Vec<BoundaryRow>,
    /// The services behind the most sacrifices, most first: the runbook candidates.
    pub top_services: Vec<SourceRow>,
    /// The people who asked for the most sacrifices; never runbook candidates.
    pub top_people: Vec<SourceRow>,
    pub names_included: bool,
    pub sources_included: bool,
    /// The self-check's takes in the range, scores only; `None` unless the person ticked it.
    pub selfcheck: Option<Vec<SelfCheckRow>>,
}

/// One self-check take as a report shows it: the day and the three scores (null: not enough
/// answers, or the scale not asked).
#[derive(Clone, Debug, PartialEq)]
pub struct SelfCheckRow {
    pub day: NaiveDate,
    pub scores: Scores,
}

impl Report {
    pub fn weeks_over(&self) -> usize {
        self.weeks.iter().filter(|w| w.over).count()
    }

    /// Share of all interruption minutes that fell after hours, in whole percent.
    pub fn after_hours_share(&self) -> u32 {
        (u64::from(self.after_hours_minutes) * 100).checked_div(u64::from(self.total_minutes)).unwrap_or(0) as u32
    }

    /// The load line as it stood at the range's end.
    pub fn budget(&self) -> Option<String> {
        self.weeks.last().map(|w| budget(w.load_sacrifices, w.load_minutes))
    }

    /// What the words of the report mean, in the product's words: (word, meaning).
    pub fn definitions(&self) -> Vec<(&'static str, String)> {
        let hours = if self.working_hours.is_empty() {
            "no working hours are declared, so all of it".to_string()
        } else {
            self.working_hours.join("; ")
        };
        vec![
            ("Sacrifice", "an interruption that took after-hours time or breached a non-negotiable.".to_string()),
            ("After-hours", format!("time outside the declared working hours ({hours}).")),
            (
                "Load line",
                format!(
                    "the weekly budget of sacrifices, a count and after-hours time{}. Over it in one week is a warning; over it week after week is a habit.",
                    match (self.budget(), self.weeks.windows(2).all(|w| w[0].budget() == w[1].budget())) {
                        (None, _) => String::new(),
                        (Some(b), true) => format!(" (here: {b})"),
                        (Some(b), false) => format!(" ({b} by the end; each week's is in the table)"),
                    }
                ),
            ),
            (
                "Non-negotiable",
                "a time the person protects, such as family dinner or sleep; an interruption inside it, or marked as costing it, is a breach.".to_string(),
            ),
        ]
    }

    /// A few plain sentences a manager can read in a minute.
    pub fn summary(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.interruptions == 0 {
            out.push("No interruptions were logged in this period.".to_string());
            return out;
        }
        out.push(format!(
            "{} of {} crossed into personal time ({}% of the minutes were after hours).",
            self.sacrifices,
            plural(self.interruptions, "interruption", "interruptions"),
            self.after_hours_share()
        ));
        let weeks = self.weeks.len() as u32;
        out.push(match self.weeks_over() as u32 {
            0 if weeks == 1 => "The week stayed under the load line.".to_string(),
            0 => format!("Every one of the {weeks} weeks stayed under the load line."),
            n if n * 2 > weeks && weeks > 1 => format!(
                "Over the load line in {n} of {}: the after-hours load is a habit, not an exception.",
                plural(weeks, "week", "weeks")
            ),
            n => format!("Over the load line in {n} of {}.", plural(weeks, "week", "weeks")),
        });
        if self.sleep_interruptions > 0 {
            out.push(format!(
                "{} fell in sleep hours.",
                plural(self.sleep_interruptions, "interruption", "interruptions")
            ));
        }
        if self.sacrifices > 0 && self.reactive * 2 > self.sacrifices {
            out.push(format!(
                "{} of the {} reactive rather than chosen.",
                self.reactive,
                plural(self.sacrifices, "sacrifice was", "sacrifices were")
            ));
        }
        if let Some(top) = self.top_services.first().filter(|s| s.sacrifices >= 3) {
            out.push(format!(
                "{} was behind {} of them, {} delegable with a runbook: a candidate to hand over.",
                top.label, top.sacrifices, top.delegable
            ));
        }
        out
    }
}

/// One entry as the report needs it: no text but an index into `Sources`.
struct Row {
    start: DateTime<Utc>,
    minutes: u32,
    source: Option<usize>,
    counted: Counted,
}

pub fn build(store: &Store, range: &Range, include: &Include, message: Option<String>) -> Result<Report> {
    let zone = range.zone;
    let bounds = range.instants();
    let timeline = store.timeline()?;
    let prefs = store.prefs()?;
    let mut classifier = Classifier::new(&timeline);
    // Read once, by start (the store's order, as the CSV reads), so each week is one slice and
    // the sources are named as the CSV names them; no entry's text is kept.
    let mut named = Sources::new(&prefs, include.sources);
    let mut rows: Vec<Row> = Vec::new();
    store.each_entry_ahead(Some(bounds), |e| {
        let source = e.source.map(|s| named.index(s));
        let counted = Counted::new(e.chosen, e.delegable, classifier.classify_ref(&e));
        rows.push(Row { start: e.start, minutes: e.minutes, source, counted });
        Ok(())
    })?;

    let mut weeks = Vec::new();
    let mut week = IsoWeek::containing(range.from);
    while week.monday() <= range.to {
        let (start, end) = week.bounds(zone);
        let (a, b) = (rows.partition_point(|r| r.start < start), rows.partition_point(|r| r.start < end));
        let s = tally(week, zone, rows[a..b].iter().map(|r| r.counted.clone()), &timeline);
        weeks.push(WeekRow {
            week,
            sacrifices: s.sacrifices,
            after_hours_minutes: s.after_hours_minutes,
            load_sacrifices: s.load_line.sacrifices,
            load_minutes: s.load_line.minutes,
            over: s.over_load_line,
            over_sacrifices: s.over_sacrifices,
            over_minutes: s.over_minutes,
        });
        week = week.next();
    }

    let sum = |f: &dyn Fn(&Classification) -> u32| rows.iter().map(|r| f(&r.counted.classification)).sum::<u32>();
    let sacrifices: Vec<&Row> = rows.iter().filter(|r| r.counted.classification.is_sacrifice()).collect();

    // Non-negotiables: by name if opted in, else by category; each as it stood at the range's
    // end. A row's weeks breached are the weeks any of its non-negotiables was breached.
    let mut non_negotiables: Vec<BoundaryRow> = Vec::new();
    let mut breached_weeks: Vec<BTreeSet<IsoWeek>> = Vec::new();
    for h in &timeline.boundaries {
        let Some(b) = timeline.boundary_as_of(h.id, bounds.1) else { continue };
        let label = if include.names { b.name.clone() } else { b.category.to_string() };
        let hits: Vec<&Row> = rows.iter().filter(|r| r.counted.classification.breaches.contains(&h.id)).collect();
        let at = match non_negotiables.iter().position(|r| r.label == label) {
            Some(at) => at,
            None => {
                non_negotiables.push(BoundaryRow { label, breaches: 0, weeks_breached: 0 });
                breached_weeks.push(BTreeSet::new());
                non_negotiables.len() - 1
            }
        };
        non_negotiables[at].breaches += hits.len() as u32;
        breached_weeks[at].extend(hits.iter().map(|r| IsoWeek::of(r.start, zone)));
        non_negotiables[at].weeks_breached = breached_weeks[at].len() as u32;
    }

    // Sacrifices and delegable ones per source, then the most first, services and people apart.
    let mut per_source: Vec<(u32, u32)> = Vec::new();
    for r in &sacrifices {
        let Some(at) = r.source else { continue };
        if per_source.len() <= at {
            per_source.resize(at + 1, (0, 0));
        }
        per_source[at].0 += 1;
        per_source[at].1 += u32::from(r.counted.delegable);
    }
    let top = |kind: SourceKind| {
        let mut rows: Vec<(usize, u32, u32)> = (per_source.iter().enumerate())
            .filter(|&(at, &(n, _))| n > 0 && named.kind(at) == kind)
            .map(|(at, &(n, d))| (at, n, d))
            .collect();
        rows.sort_by(|a, b| b.1.cmp(&a.1).then(b.2.cmp(&a.2)).then(a.0.cmp(&b.0)));
        (rows.into_iter().take(5))
            .map(|(at, sacrifices, delegable)| SourceRow { label: named.label(at).to_string(), sacrifices, delegable })
            .collect::<Vec<_>>()
    };
    let (top_services, top_people) = (top(SourceKind::Service), top(SourceKind::Person));
    let schedule = timeline.schedule_at(bounds.1 - Duration::seconds(1));

    Ok(Report {
        from: range.from,
        to: range.to,
        zone,
        owner: if include.owner { prefs.owner.line() } else { None },
        paper: prefs.paper.for_zone(zone),
        working_hours: schedule.describe_working_hours(),
        message,
        weeks,
        interruptions: rows.len() as u32,
        sacrifices: sacrifices.len() as u32,
        total_minutes: rows.iter().map(|r| r.minutes).sum(),
        after_hours_minutes: sum(&|c| c.after_hours_minutes),
        sleep_interruptions: rows.iter().filter(|r| r.counted.classification.sleep_minutes > 0).count() as u32,
        sleep_minutes: sum(&|c| c.sleep_minutes),
        chosen: sacrifices.iter().filter(|r| r.counted.chosen).count() as u32,
        reactive: sacrifices.iter().filter(|r| !r.counted.chosen).count() as u32,
        delegable: sacrifices.iter().filter(|r| r.counted.delegable).count() as u32,
        non_negotiables,
        top_services,
        top_people,
        names_included: include.names,
        sources_included: include.sources,
        selfcheck: include.selfcheck.then(|| selfcheck_rows(store, range)).transpose()?,
    })
}

/// The days of the range, for headings: `16 Nov – 22 Nov 2026`.
pub fn describe_range(from: NaiveDate, to: NaiveDate) -> String {
    let days = (to - from + Duration::days(1)).num_days() as u32;
    format!("{} – {} ({})", from.format("%-d %b %Y"), to.format("%-d %b %Y"), plural(days, "day", "days"))
}

/// The takes whose local day is in the range, oldest first.
fn selfcheck_rows(store: &Store, range: &Range) -> Result<Vec<SelfCheckRow>> {
    let mut rows: Vec<SelfCheckRow> = store
        .selfchecks()?
        .iter()
        .map(|t| SelfCheckRow {
            day: t.at.with_timezone(&range.zone).date_naive(),
            scores: t.answers.scores().rounded(),
        })
        .filter(|r| r.day >= range.from && r.day <= range.to)
        .collect();
    rows.reverse();
    Ok(rows)
}
