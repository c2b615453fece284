//! The reminder rules with a fixed clock: each just under and just over its threshold, across
//! week boundaries and DST, and only ever looking at the history as it stood then.

use loadline_core::boundaries::{Boundary, Category};
use loadline_core::interruptions::Interruption;
use loadline_core::reminders::{evaluate, history_start, Level, Rule, Thresholds};
use loadline_core::schedule::Window;

use crate::support::{entry, temp_store, utc, TempStore, BERLIN};

/// An entry: local start in Berlin, minutes, chosen, delegable, source.
type Spec<'a> = (&'a str, u32, bool, bool, Option<&'a str>);

fn store_with(specs: &[Spec]) -> TempStore {
    let mut t = temp_store();
    for (at, minutes, chosen, delegable, source) in specs {
        let mut e = entry(BERLIN, at, *minutes);
        e.chosen = *chosen;
        e.delegable = *delegable;
        e.source = source.map(String::from);
        t.log(e);
    }
    t
}

fn rules_at(t: &TempStore, now: &str) -> Vec<(Rule, Level)> {
    let now = utc(now);
    let thresholds = Thresholds::default();
    let history: Vec<Interruption> = t
        .store
        .interruptions(Some((history_start(&thresholds, BERLIN, now), now + chrono::Duration::days(30))))
        .unwrap();
    evaluate(&history, &t.store.timeline().unwrap(), &thresholds, &[], BERLIN, now)
        .into_iter()
        .map(|w| (w.rule, w.severity))
        .collect()
}

fn has(t: &TempStore, now: &str, rule: Rule) -> bool {
    rules_at(t, now).iter().any(|(r, _)| *r == rule)
}

fn evening(day: &str) -> Spec<'_> {
    (day, 30, true, false, None)
}

// Friday 2026-11-20 10:00 Berlin.
const FRIDAY: &str = "2026-11-20T09:00:00Z";

#[test]
fn over_the_load_line_this_week() {
    let two = store_with(&[evening("2026-11-16T20:00"), evening("2026-11-18T20:00")]);
    assert!(!has(&two, FRIDAY, Rule::OverLoadLine), "2 sacrifices is on the line");
    let three = store_with(&[evening("2026-11-16T20:00"), evening("2026-11-18T20:00"), evening("2026-11-19T06:00")]);
    assert!(has(&three, FRIDAY, Rule::OverLoadLine));
    let minutes = store_with(&[("2026-11-17T18:00", 121, true, false, None)]);
    assert!(has(&minutes, FRIDAY, Rule::OverLoadLine), "121 after-hours minutes");
    // Monday of the next week starts afresh.
    assert!(!has(&three, "2026-11-23T08:00:00Z", Rule::OverLoadLine));
}

#[test]
fn over_the_load_line_in_3_of_4_weeks_is_a_habit() {
    let week = |monday: u32| -> Vec<String> { (0..3).map(|d| format!("2026-11-{:02}T20:00", monday + d)).collect() };
    let mut specs: Vec<String> = Vec::new();
    specs.extend(week(2)); // W45 over
    specs.extend(week(9)); // W46 over
    let t = store_with(&specs.iter().map(|s| evening(s)).collect::<Vec<_>>());
    assert!(!has(&t, FRIDAY, Rule::Habit), "two weeks, and not this one");
    specs.extend(week(16)); // W47 over
    let t = store_with(&specs.iter().map(|s| evening(s)).collect::<Vec<_>>());
    assert_eq!(rules_at(&t, FRIDAY).iter().find(|(r, _)| *r == Rule::Habit).map(|(_, l)| *l), Some(Level::Habit));
    // Four weeks later the old weeks have left the window.
    assert!(!has(&t, "2026-12-11T09:00:00Z", Rule::Habit));
}

#[test]
fn a_non_negotiable_breached_beyond_its_allowance() {
    let mut t = store_with(&[]);
    let dinner = Boundary {
        name: "Family dinner".into(),
        category: Category::Family,
        windows: vec![Window::parse("Mon-Fri 18:00-20:00").unwrap()],
        allowance: 1,
        paused: false,
    };
    t.store.add_boundary(dinner, utc("2026-11-01T00:00:00Z")).unwrap();
    t.log(entry(BERLIN, "2026-11-16T18:30", 10));
    assert!(!has(&t, FRIDAY, Rule::Allowance), "one breach is allowed");
    t.log(entry(BERLIN, "2026-11-17T19:55", 10));
    assert!(has(&t, FRIDAY, Rule::Allowance));
}

#[test]
fn after_hours_on_consecutive_days() {
    let two = store_with(&[evening("2026-11-17T20:00"), evening("2026-11-18T20:00")]);
    assert!(!has(&two, FRIDAY, Rule::Streak));
    let gap = store_with(&[evening("2026-11-16T20:00"), evening("2026-11-17T20:00"), evening("2026-11-19T06:00")]);
    assert!(!has(&gap, FRIDAY, Rule::Streak), "Wednesday broke the run");
    // Sat, Sun, Mon: the run crosses the week boundary and is still a streak.
    let across = store_with(&[evening("2026-11-21T20:00"), evening("2026-11-22T20:00"), evening("2026-11-23T20:00")]);
    assert_eq!(
        rules_at(&across, "2026-11-24T09:00:00Z").iter().find(|(r, _)| *r == Rule::Streak).map(|(_, l)| *l),
        Some(Level::Nudge)
    );
    // ...but not once it is older than 7 days.
    assert!(!has(&across, "2026-12-01T09:00:00Z", Rule::Streak));
    let mornings: Vec<String> = (16..=20).map(|d| format!("2026-11-{d}T06:00")).collect();
    let five = store_with(&mornings.iter().map(|s| evening(s)).collect::<Vec<_>>());
    assert_eq!(
        rules_at(&five, "2026-11-20T10:00:00Z").iter().find(|(r, _)| *r == Rule::Streak).map(|(_, l)| *l),
        Some(Level::Warning),
        "five days escalates"
    );
}

#[test]
fn sleep_hour_interruptions_in_a_week() {
    let one = store_with(&[evening("2026-11-18T23:30")]);
    assert!(!has(&one, FRIDAY, Rule::Sleep));
    // The second one is on the DST-free night of Thursday, crossing midnight.
    let two = store_with(&[evening("2026-11-18T23:30"), evening("2026-11-19T21:50")]);
    assert!(has(&two, FRIDAY, Rule::Sleep), "21:50 + 30 min reaches into sleep hours");
    // A DST week: the spring-forward night.
    let dst = store_with(&[evening("2026-03-29T01:30"), evening("2026-03-29T03:30")]);
    assert!(has(&dst, "2026-03-29T10:00:00Z", Rule::Sleep));
}

#[test]
fn mostly_reactive_sacrifices_are_running_on_panic() {
    let reactive = |at| (at, 30, false, false, None);
    let two = store_with(&[reactive("2026-11-16T20:00"), reactive("2026-11-17T20:00")]);
    assert!(!has(&two, FRIDAY, Rule::Reactive), "fewer than 3 sacrifices");
    let half = store_with(&[
        reactive("2026-11-16T20:00"),
        reactive("2026-11-17T20:00"),
        evening("2026-11-18T20:00"),
        evening("2026-11-19T20:00"),
    ]);
    assert!(!has(&half, FRIDAY, Rule::Reactive), "half is not more than half");
    let most = store_with(&[reactive("2026-11-16T20:00"), reactive("2026-11-17T20:00"), evening("2026-11-18T20:00")]);
    assert!(has(&most, FRIDAY, Rule::Reactive));
}

#[test]
fn one_source_behind_most_sacrifices_is_a_single_point_of_failure() {
    let db = |at, delegable| (at, 30, false, delegable, Some("db-primary"));
    let two = store_with(&[db("2026-11-10T20:00", true), db("2026-11-16T20:00", true)]);
    assert!(!has(&two, FRIDAY, Rule::SinglePointOfFailure));
    let not_delegable =
        store_with(&[db("2026-11-10T20:00", true), db("2026-11-16T20:00", false), db("2026-11-18T20:00", false)]);
    assert!(!has(&not_delegable, FRIDAY, Rule::SinglePointOfFailure), "mostly not delegable");
    let three =
        store_with(&[db("2026-11-10T20:00", true), db("2026-11-16T20:00", true), db("2026-11-18T20:00", false)]);
    assert!(has(&three, FRIDAY, Rule::SinglePointOfFailure));
    assert!(!has(&three, "2026-11-25T09:00:00Z", Rule::SinglePointOfFailure), "the first left the 14 days");
}

#[test]
fn a_person_who_keeps_coming_back_gets_no_runbook() {
    let sarah = |at| (at, 30, false, true, Some("Sarah (PM)"));
    let mut t = store_with(&[sarah("2026-11-10T20:00"), sarah("2026-11-16T20:00"), sarah("2026-11-18T20:00")]);
    let said = |t: &TempStore| {
        let w = loadline_core::usecases::views::warnings_at(&t.store, BERLIN, utc(FRIDAY)).unwrap();
        w.into_iter().find(|w| w.rule == Rule::SinglePointOfFailure).expect("the rule holds").suggestion
    };
    assert!(said(&t).starts_with("Write the runbook for Sarah (PM)"), "a service until marked");
    let prefs = loadline_core::prefs::Prefs { people: vec!["sarah (pm)".into()], ..t.store.prefs().unwrap() };
    t.store.set_prefs(&prefs).unwrap();
    let words = said(&t);
    assert!(words.starts_with("Agree with Sarah (PM) who else they can ask"), "{words}");
    assert!(!words.contains("runbook"), "{words}");
}

#[test]
fn later_entries_are_ignored_so_a_clock_that_jumps_back_sees_the_past() {
    let t = store_with(&[evening("2026-11-16T20:00"), evening("2026-11-17T20:00"), evening("2026-11-18T20:00")]);
    assert!(has(&t, FRIDAY, Rule::OverLoadLine));
    // Tuesday 21:00: only two had happened.
    assert!(!has(&t, "2026-11-17T20:00:00Z", Rule::OverLoadLine));
    assert_eq!(
        rules_at(&t, "2026-11-17T20:00:00Z"),
        rules_at(&t, "2026-11-17T20:00:00Z"),
        "pure: the same answer twice"
    );
}

#[test]
fn a_quiet_week_has_no_warnings() {
    let t = store_with(&[("2026-11-17T11:00", 10, false, false, Some("chat"))]);
    assert!(rules_at(&t, FRIDAY).is_empty());
}

#[test]
fn thresholds_are_checked() {
    let bad = Thresholds { streak_days: 9, ..Thresholds::default() };
    assert!(bad.validate().unwrap_err().to_string().starts_with("streak_days:"));
}
