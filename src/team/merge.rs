//! The team view, pure: share files in, the team's picture out — each person's share of the
//! after-hours minutes and sleep-hour interruptions over the weeks all files hold, the sources
//! that reach the team and how many people each reaches, and a verdict in plain words.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Duration, NaiveDate};
use serde::Serialize;
use ts_rs::TS;

use super::share::ShareFile;
use crate::error::{Error, Result};
use crate::week::IsoWeek;

/// Nobody should carry more than half of the team's after-hours load…
pub const MOST_SHARE: f64 = 0.5;
/// …and ideally no more than this.
pub const IDEAL_SHARE: f64 = 0.3;
/// A source behind this many sacrifices within `SPOF_WEEKS` weeks, reaching one person only, is
/// the team's single point of failure.
pub const SPOF_SACRIFICES: u32 = 3;
pub const SPOF_WEEKS: usize = 4;

#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct TeamReport {
    pub people: Vec<PersonLoad>,
    /// Most sacrifices first.
    pub sources: Vec<SourceReach>,
    pub verdict: String,
    pub next_steps: Vec<String>,
    /// The weeks every file holds, inclusive.
    pub range: WeekRange,
    pub weeks: Vec<IsoWeek>,
    pub after_hours_minutes: u32,
    pub sacrifices: u32,
    pub sleep_interruptions: u32,
    /// The team's after-hours interruptions by when they started: 7 days (Monday first) × 24 hours.
    pub heatmap: Vec<Vec<u32>>,
    /// Breaches by category, the whole team.
    pub breaches: BTreeMap<String, u32>,
    /// The guidance the shares and sources were held against, for a reader to be told.
    pub rules: TeamRules,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct TeamRules {
    /// `MOST_SHARE`, `IDEAL_SHARE`: fractions of the team's after-hours minutes.
    pub most_share: f64,
    pub ideal_share: f64,
    /// `SPOF_SACRIFICES` in `SPOF_WEEKS` weeks.
    pub spof_sacrifices: u32,
    pub spof_weeks: u32,
}

impl TeamRules {
    pub const DEFAULT: TeamRules = TeamRules {
        most_share: MOST_SHARE,
        ideal_share: IDEAL_SHARE,
        spof_sacrifices: SPOF_SACRIFICES,
        spof_weeks: SPOF_WEEKS as u32,
    };
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct WeekRange {
    pub from: IsoWeek,
    pub to: IsoWeek,
    /// `from`'s Monday and `to`'s Sunday, `YYYY-MM-DD`.
    #[ts(type = "string")]
    pub first_day: NaiveDate,
    #[ts(type = "string")]
    pub last_day: NaiveDate,
}

#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct PersonLoad {
    pub name: String,
    pub weeks: Vec<PersonWeek>,
    pub interruptions: u32,
    pub after_hours_minutes: u32,
    pub sacrifices: u32,
    pub sleep_interruptions: u32,
    pub disrupted_hours: u32,
    /// Fractions from 0 to 1 of the team's totals.
    pub share_after_hours: f64,
    pub share_sleep: f64,
    /// Carries more than half (`MOST_SHARE`) of the team's after-hours minutes.
    pub over_half: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct PersonWeek {
    pub week: IsoWeek,
    pub interruptions: u32,
    pub sacrifices: u32,
    pub after_hours_minutes: u32,
    pub sleep_interruptions: u32,
    pub disrupted_hours: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct SourceReach {
    /// The keyed hash every member's file gives this source.
    pub key: String,
    /// Its name, if someone it reaches chose to include source names.
    pub name: Option<String>,
    /// How the report names it: its name, or "source " and the start of its hash.
    pub label: String,
    /// How many people it reaches.
    pub people: u32,
    pub interruptions: u32,
    pub sacrifices: u32,
    /// The most sacrifices it was behind in any `SPOF_WEEKS` weeks running.
    pub most_in_window: u32,
    /// It reaches one person only and was behind `SPOF_SACRIFICES` or more sacrifices in
    /// `SPOF_WEEKS` weeks: the team's single point of failure.
    pub single_person: bool,
    /// Who it reaches, when that is one person.
    pub only: Option<String>,
    /// Someone marked it as a person, not a service: no runbook can take it over.
    pub person: bool,
}

/// One source across the team: who it reaches, its sacrifices week by week, its name if shared.
struct Reach {
    people: BTreeSet<usize>,
    weekly: Vec<u32>,
    interruptions: u32,
    name: Option<String>,
    person: bool,
}

/// Merges checked share files, each with the label to name it by (its file name). Refused,
/// naming the file: another team key, the same person twice, two people by one name, or no week
/// that every file holds.
pub fn merge(files: &[(String, ShareFile)]) -> Result<TeamReport> {
    let Some((first_label, first)) = files.first() else {
        return Err(Error::invalid("files", "name at least one share file"));
    };
    for (n, (label, f)) in files.iter().enumerate() {
        if f.team_check != first.team_check {
            return Err(Error::invalid(
                label.as_str(),
                format!("was made with another team key than {first_label}; every member exports with the team's one passphrase"),
            ));
        }
        if let Some((other, _)) = files[..n].iter().find(|(_, o)| o.person == f.person) {
            return Err(Error::invalid(
                label.as_str(),
                format!("is the same person as {other}: each person is merged once"),
            ));
        }
        if let Some((other, _)) = files[..n].iter().find(|(_, o)| o.name.to_lowercase() == f.name.to_lowercase()) {
            return Err(Error::invalid(
                label.as_str(),
                format!("shows {} by the same name as {other}; one of them can export again with another --as", f.name),
            ));
        }
    }
    let from = files.iter().map(|(_, f)| f.from).max().expect("at least one file");
    let to = files.iter().map(|(_, f)| f.to).min().expect("at least one file");
    if to < from {
        let spans: Vec<String> = files.iter().map(|(l, f)| format!("{l} {} to {}", f.from, f.to)).collect();
        return Err(Error::invalid("files", format!("share no week: {}", spans.join(", "))));
    }
    let mut weeks = vec![from];
    while *weeks.last().expect("never empty") < to {
        let next = weeks.last().expect("never empty").next();
        weeks.push(next);
    }

    let mut heatmap = vec![vec![0u32; 24]; 7];
    let mut breaches: BTreeMap<String, u32> = BTreeMap::new();
    let mut reach: BTreeMap<String, Reach> = BTreeMap::new();
    let mut people: Vec<PersonLoad> = Vec::new();
    for (p, (_, f)) in files.iter().enumerate() {
        let mut person = PersonLoad {
            name: f.name.clone(),
            weeks: Vec::new(),
            interruptions: 0,
            after_hours_minutes: 0,
            sacrifices: 0,
            sleep_interruptions: 0,
            disrupted_hours: 0,
            share_after_hours: 0.0,
            share_sleep: 0.0,
            over_half: false,
        };
        for w in f.weeks.iter().filter(|w| w.week >= from && w.week <= to) {
            let at = weeks.iter().position(|x| *x == w.week).expect("within the shared range");
            person.interruptions += w.interruptions;
            person.after_hours_minutes += w.after_hours_minutes;
            person.sacrifices += w.sacrifices;
            person.sleep_interruptions += w.sleep_interruptions;
            person.disrupted_hours += w.disrupted_hours;
            person.weeks.push(PersonWeek {
                week: w.week,
                interruptions: w.interruptions,
                sacrifices: w.sacrifices,
                after_hours_minutes: w.after_hours_minutes,
                sleep_interruptions: w.sleep_interruptions,
                disrupted_hours: w.disrupted_hours,
            });
            for [day, hour, count] in &w.after_hours_starts {
                heatmap[*day as usize][*hour as usize] += count;
            }
            for (category, n) in &w.breaches {
                *breaches.entry(category.clone()).or_default() += n;
            }
            for [place, interruptions, sacrifices] in &w.sources {
                let source = &f.sources[*place as usize];
                let r = reach.entry(source.key.clone()).or_insert_with(|| Reach {
                    people: BTreeSet::new(),
                    weekly: vec![0; weeks.len()],
                    interruptions: 0,
                    name: None,
                    person: false,
                });
                r.person |= source.person;
                r.people.insert(p);
                r.weekly[at] += sacrifices;
                r.interruptions += interruptions;
                if r.name.is_none() {
                    r.name = source.name.clone();
                }
            }
        }
        people.push(person);
    }
    let after_hours: u32 = people.iter().map(|p| p.after_hours_minutes).sum();
    let sleep: u32 = people.iter().map(|p| p.sleep_interruptions).sum();
    let sacrifices: u32 = people.iter().map(|p| p.sacrifices).sum();
    let share = |part: u32, whole: u32| if whole == 0 { 0.0 } else { f64::from(part) / f64::from(whole) };
    for p in &mut people {
        p.share_after_hours = share(p.after_hours_minutes, after_hours);
        p.share_sleep = share(p.sleep_interruptions, sleep);
        p.over_half = p.share_after_hours > MOST_SHARE;
    }

    let mut sources: Vec<SourceReach> = reach
        .into_iter()
        .map(|(key, Reach { people: who, weekly, interruptions, name, person })| {
            let most_in_window =
                weekly.windows(SPOF_WEEKS.min(weekly.len())).map(|w| w.iter().sum()).max().unwrap_or(0);
            let only = (who.len() == 1).then(|| people[*who.first().expect("one person")].name.clone());
            SourceReach {
                // Its name, or the start of its hash when nobody shared the name.
                label: name.clone().unwrap_or_else(|| format!("source {}", &key[..8])),
                key,
                name,
                people: who.len() as u32,
                interruptions,
                sacrifices: weekly.iter().sum(),
                most_in_window,
                single_person: only.is_some() && most_in_window >= SPOF_SACRIFICES,
                only,
                person,
            }
        })
        .collect();
    sources.sort_by(|a, b| {
        b.sacrifices.cmp(&a.sacrifices).then(b.interruptions.cmp(&a.interruptions)).then(a.key.cmp(&b.key))
    });

    let (verdict, next_steps) = judge(&people, &sources, after_hours);
    Ok(TeamReport {
        people,
        sources,
        verdict,
        next_steps,
        range: WeekRange { from, to, first_day: from.monday(), last_day: to.monday() + Duration::days(6) },
        weeks,
        after_hours_minutes: after_hours,
        sacrifices,
        sleep_interruptions: sleep,
        heatmap,
        breaches,
        rules: TeamRules::DEFAULT,
    })
}

/// Whole percent, a half rounded up ("13 %" for 1/8), as the app's page rounds it too.
pub fn percent(share: f64) -> String {
    format!("{} %", (share * 100.0).round())
}

/// The verdict in plain words, and what to do about it.
fn judge(people: &[PersonLoad], sources: &[SourceReach], after_hours: u32) -> (String, Vec<String>) {
    let mut steps = Vec::new();
    let top =
        people.iter().max_by(|a, b| a.share_after_hours.total_cmp(&b.share_after_hours)).expect("at least one person");
    let verdict = if after_hours == 0 {
        "No after-hours work in these weeks: nothing to spread.".to_string()
    } else if people.len() == 1 {
        format!(
            "One person's load only: merge the team's files to see how it is spread. {} carries all of it.",
            top.name
        )
    } else if top.share_after_hours > MOST_SHARE {
        format!("After-hours load is carried by one person: {} {}.", top.name, percent(top.share_after_hours))
    } else if top.share_after_hours > IDEAL_SHARE && (people.len() as f64) * IDEAL_SHARE >= 1.0 {
        format!(
            "After-hours load leans on {}: {}, above the {} nobody should ideally carry.",
            top.name,
            percent(top.share_after_hours),
            percent(IDEAL_SHARE)
        )
    } else {
        format!("After-hours load is spread: nobody carries more than {}.", percent(top.share_after_hours.max(0.0)))
    };
    if people.len() > 1 && after_hours > 0 && top.share_after_hours > IDEAL_SHARE.max(1.0 / people.len() as f64) {
        let sleep = if top.share_sleep > MOST_SHARE {
            format!(" and {} of the sleep-hour interruptions", percent(top.share_sleep))
        } else {
            String::new()
        };
        steps.push(format!(
            "Share the rota: {} carries {} of the after-hours minutes{sleep}.",
            top.name,
            percent(top.share_after_hours)
        ));
    }
    for s in sources.iter().filter(|s| s.single_person) {
        let only = s.only.as_deref().unwrap_or_default();
        let (label, n) = (&s.label, s.most_in_window);
        steps.push(if s.person {
            format!("Give {label} someone besides {only} to ask: {n} sacrifices in {SPOF_WEEKS} weeks, all {only}'s.")
        } else {
            format!("Write the runbook for {label}: it was behind {n} sacrifices in {SPOF_WEEKS} weeks, and it reaches only {only}.")
        });
    }
    if steps.is_empty() {
        steps.push("Keep it this way: merge again next month to see the trend.".into());
    }
    (verdict, steps)
}
