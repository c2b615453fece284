//! The numbers of a summary report for a manager, computed once for the HTML and Markdown
//! renderers. Names stay out unless the person opts in: non-negotiables are then grouped by
//! category and sources are numbered.

use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Tz;

use crate::classify::{Classification, Classifier};
use crate::error::Result;
use crate::export::{Include, Range};
use crate::store::Store;
use crate::summary::{plural, tally, Counted};
use crate::week::IsoWeek;

pub struct WeekRow {
    pub week: IsoWeek,
    pub sacrifices: u32,
    pub after_hours_minutes: u32,
    pub load_sacrifices: u32,
    pub load_minutes: u32,
    pub over: bool,
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
    pub top_sources: Vec<SourceRow>,
    pub names_included: bool,
    pub sources_included: bool,
}

impl Report {
    pub fn weeks_over(&self) -> usize {
        self.weeks.iter().filter(|w| w.over).count()
    }

    /// Share of all interruption minutes that fell after hours, in whole percent.
    pub fn after_hours_share(&self) -> u32 {
        (u64::from(self.after_hours_minutes) * 100).checked_div(u64::from(self.total_minutes)).unwrap_or(0) as u32
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
        if let Some(top) = self.top_sources.first().filter(|s| s.sacrifices >= 3) {
            out.push(format!(
                "{} was behind {} of them, {} delegable with a runbook: a candidate to hand over.",
                top.label, top.sacrifices, top.delegable
            ));
        }
        out
    }
}

/// One entry as the report needs it: no text but an index into the sources seen.
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
    let mut classifier = Classifier::new(&timeline);
    // Read once, by start (the store's order), so each week is one slice; no entry's text is kept.
    let mut names: Vec<String> = Vec::new();
    let mut known: HashMap<String, usize> = HashMap::new();
    let mut rows: Vec<Row> = Vec::new();
    store.each_entry_ahead(Some(bounds), |e| {
        let source = e.source.map(|s| match known.get(s) {
            Some(&at) => at,
            None => {
                names.push(s.to_string());
                known.insert(s.to_string(), names.len() - 1);
                names.len() - 1
            }
        });
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

    let mut sources: Vec<(&str, u32, u32)> = Vec::new();
    for r in &sacrifices {
        let Some(source) = r.source.map(|at| names[at].as_str()) else { continue };
        match sources.iter_mut().find(|(s, _, _)| *s == source) {
            Some(row) => {
                row.1 += 1;
                row.2 += u32::from(r.counted.delegable);
            }
            None => sources.push((source, 1, u32::from(r.counted.delegable))),
        }
    }
    sources.sort_by(|a, b| b.1.cmp(&a.1).then(b.2.cmp(&a.2)).then(a.0.cmp(b.0)));
    let top_sources = sources
        .into_iter()
        .take(5)
        .enumerate()
        .map(|(n, (name, sacrifices, delegable))| SourceRow {
            label: if include.sources { name.to_string() } else { format!("Source {}", n + 1) },
            sacrifices,
            delegable,
        })
        .collect();

    Ok(Report {
        from: range.from,
        to: range.to,
        zone,
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
        top_sources,
        names_included: include.names,
        sources_included: include.sources,
    })
}

/// The days of the range, for headings: `16 Nov – 22 Nov 2026`.
pub fn describe_range(from: NaiveDate, to: NaiveDate) -> String {
    let days = (to - from + Duration::days(1)).num_days() as u32;
    format!("{} – {} ({})", from.format("%-d %b %Y"), to.format("%-d %b %Y"), plural(days, "day", "days"))
}
