//! Classification of single entries against the default schedule (Mon–Fri 09:00–17:30, sleep
//! 22:00–07:00) and non-negotiable windows, in several zones and across DST changes.

use chrono_tz::Tz;
use loadline_core::boundaries::{Boundary, Category};
use loadline_core::classify::classify;
use loadline_core::schedule::{Schedule, Window};
use loadline_core::timeline::{BoundaryHistory, Timeline, Versioned};

use crate::support::{entry, BERLIN};

/// (zone, local start, minutes) → (after-hours minutes, sleep minutes)
fn check(zone: &str, at: &str, minutes: u32, want: (u32, u32)) {
    let zone: Tz = zone.parse().unwrap();
    let c = classify(&entry(zone, at, minutes), &Timeline::new(vec![], vec![]));
    assert_eq!((c.after_hours_minutes, c.sleep_minutes), want, "{zone} {at} +{minutes} min");
}

#[test]
fn working_hours_and_sleep_hours() {
    // 2026-11-16 is a Monday.
    check("Europe/Berlin", "2026-11-18T10:00", 30, (0, 0)); // inside working hours
    check("Europe/Berlin", "2026-11-20T17:00", 60, (30, 0)); // runs past 17:30
    check("Europe/Berlin", "2026-11-16T08:30", 60, (30, 0)); // starts before 09:00
    check("Europe/Berlin", "2026-11-20T08:30", 30, (30, 0)); // ends exactly at 09:00
    check("Europe/Berlin", "2026-11-20T17:30", 30, (30, 0)); // starts exactly at 17:30
    check("Europe/Berlin", "2026-11-21T12:00", 60, (60, 0)); // a Saturday
    check("Europe/Berlin", "2026-11-18T23:30", 45, (45, 45)); // sleep window crossing midnight
    check("Europe/Berlin", "2026-11-19T06:30", 60, (60, 30)); // the end of a night
    check("Europe/Berlin", "2026-11-19T00:00", 1, (1, 1)); // midnight exactly
    check("Europe/Berlin", "2026-11-19T21:59", 1, (1, 0)); // a minute before sleep hours
    check("Europe/Berlin", "2026-11-19T22:00", 1, (1, 1)); // their first minute
}

#[test]
fn long_entries_span_windows_and_days() {
    // Fri 09:00 for a day: 510 working minutes, a whole night of sleep.
    check("Europe/Berlin", "2026-11-20T09:00", 1440, (930, 540));
    // The longest entry, a whole week from Monday 00:00: 5 × 510 working minutes; sleep is
    // Monday's 7 early hours, six full nights and Sunday's last 2 hours.
    check("Europe/Berlin", "2026-11-16T00:00", 10_080, (10_080 - 5 * 510, 420 + 6 * 540 + 120));
}

#[test]
fn minutes_are_real_elapsed_minutes_across_dst() {
    // Spring forward: 01:30 CET + 90 real minutes is 04:00 CEST, all in sleep hours.
    check("Europe/Berlin", "2026-03-29T01:30", 90, (90, 90));
    // Fall back: 01:30 CEST + 120 minutes is 02:30 CET.
    check("Europe/Berlin", "2026-10-25T01:30", 120, (120, 120));
    // The night of the fall-back change is 10 real hours from 22:00 to 07:00.
    check("Europe/Berlin", "2026-10-24T22:00", 600, (600, 600));
    // ...and the spring-forward night is 8.
    check("Europe/Berlin", "2026-03-28T22:00", 480, (480, 480));
    // New York's changes fall on other days.
    check("America/New_York", "2026-03-08T01:30", 60, (60, 60));
    check("America/New_York", "2026-11-01T01:30", 90, (90, 90));
}

#[test]
fn an_entry_is_measured_in_the_zone_it_was_logged_in() {
    // 10:00 on a Wednesday in Tokyo is 02:00 in Berlin, but the person was in Tokyo.
    check("Asia/Tokyo", "2026-11-18T10:00", 60, (0, 0));
    check("America/New_York", "2026-11-18T20:00", 60, (60, 0));
    // A half-hour zone.
    check("Asia/Kolkata", "2026-11-18T17:00", 60, (30, 0));
}

#[test]
fn a_leap_day_is_a_day_like_any_other() {
    check("Europe/Berlin", "2028-02-29T17:00", 60, (30, 0)); // a Tuesday
    check("Europe/Berlin", "2028-02-29T23:00", 120, (120, 120));
}

fn boundary(name: &str, windows: &[&str], paused: bool) -> Boundary {
    Boundary {
        name: name.into(),
        category: Category::Family,
        windows: windows.iter().map(|w| Window::parse(w).unwrap()).collect(),
        allowance: 0,
        paused,
    }
}

fn timeline_with(boundaries: Vec<Boundary>) -> Timeline {
    let histories = boundaries
        .into_iter()
        .enumerate()
        .map(|(i, b)| BoundaryHistory {
            id: i as i64 + 1,
            versions: vec![Versioned { valid_from: None, value: Some(b) }],
        })
        .collect();
    Timeline::new(vec![Versioned { valid_from: None, value: Schedule::default() }], histories)
}

fn breaches(timeline: &Timeline, at: &str, minutes: u32) -> Vec<i64> {
    classify(&entry(BERLIN, at, minutes), timeline).breaches
}

#[test]
fn an_entry_overlapping_a_window_breaches_it() {
    let t = timeline_with(vec![
        boundary("Family dinner", &["Mon-Fri 18:00-20:00"], false),
        boundary("Late nights off", &["Fri 22:00-02:00"], false),
        boundary("Sunday", &["Sun all day"], false),
    ]);
    assert_eq!(breaches(&t, "2026-11-18T19:00", 30), vec![1]);
    assert_eq!(breaches(&t, "2026-11-18T17:45", 16), vec![1], "one minute into dinner");
    assert!(breaches(&t, "2026-11-18T20:00", 30).is_empty(), "after dinner");
    assert!(breaches(&t, "2026-11-18T17:30", 30).is_empty(), "ends as dinner starts");
    assert!(breaches(&t, "2026-11-21T19:00", 30).is_empty(), "no dinner window on Saturday");
    assert_eq!(breaches(&t, "2026-11-21T01:00", 30), vec![2], "Friday's window runs past midnight");
    assert_eq!(breaches(&t, "2026-11-22T10:00", 30), vec![3]);
    assert_eq!(breaches(&t, "2026-11-21T23:50", 20), vec![3], "runs into Sunday");
    assert!(breaches(&t, "2026-11-23T00:00", 30).is_empty(), "Monday");
}

#[test]
fn a_paused_non_negotiable_is_not_breached_and_a_marked_one_is() {
    let t = timeline_with(vec![boundary("Dinner", &["Mon-Fri 18:00-20:00"], true), boundary("Health", &[], false)]);
    assert!(breaches(&t, "2026-11-18T19:00", 30).is_empty());
    let mut marked = entry(BERLIN, "2026-11-18T10:00", 30);
    marked.costs = vec![2];
    assert_eq!(classify(&marked, &t).breaches, vec![2], "marked as costing it, no window needed");
    marked.costs = vec![1];
    assert!(classify(&marked, &t).breaches.is_empty(), "paused means not tracked");
}

#[test]
fn a_sacrifice_has_after_hours_minutes_or_a_breach() {
    let t = timeline_with(vec![boundary("Lunch", &["Mon-Fri 12:00-13:00"], false)]);
    assert!(classify(&entry(BERLIN, "2026-11-18T12:00", 30), &t).is_sacrifice(), "a breach inside working hours");
    assert!(!classify(&entry(BERLIN, "2026-11-18T10:00", 30), &t).is_sacrifice());
    assert!(classify(&entry(BERLIN, "2026-11-18T17:00", 60), &t).is_sacrifice());
}
