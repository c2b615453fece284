//! A week's totals: which entries belong to it, what they add up to, and the load line.

use loadline_core::boundaries::{Boundary, Category};
use loadline_core::schedule::Window;
use loadline_core::summary::week_summary;
use loadline_core::week::IsoWeek;
use serde_json::{json, Value};

use crate::support::{entry, temp_store, utc, BERLIN};

fn totals(s: &loadline_core::summary::WeekSummary) -> Value {
    let v = serde_json::to_value(s).unwrap();
    let keys = [
        "week",
        "zone",
        "interruptions",
        "sacrifices",
        "after_hours_minutes",
        "sleep_minutes",
        "sleep_interruptions",
        "chosen",
        "reactive",
        "delegable",
        "load_line",
        "over_load_line",
    ];
    keys.iter().map(|k| (k.to_string(), v[k].clone())).collect::<serde_json::Map<_, _>>().into()
}

#[test]
fn a_week_adds_up_its_entries_against_the_load_line() {
    let mut t = temp_store();
    let mut late = entry(BERLIN, "2026-11-18T23:30", 45);
    late.chosen = true;
    t.log(late);
    let mut evening = entry(BERLIN, "2026-11-20T17:00", 60);
    evening.delegable = true;
    t.log(evening);
    t.log(entry(BERLIN, "2026-11-16T12:00", 30)); // inside working hours: not a sacrifice
    t.log(entry(BERLIN, "2026-11-23T23:00", 30)); // next week
    let week: IsoWeek = "2026-W47".parse().unwrap();
    let s = week_summary(week, BERLIN, &t.store.interruptions(None).unwrap(), &t.store.timeline().unwrap());
    assert_eq!(
        totals(&s),
        json!({
            "week": "2026-W47", "zone": "Europe/Berlin", "interruptions": 3, "sacrifices": 2,
            "after_hours_minutes": 75, "sleep_minutes": 45, "sleep_interruptions": 1,
            "chosen": 1, "reactive": 1, "delegable": 1,
            "load_line": {"sacrifices": 2, "minutes": 120}, "over_load_line": false
        })
    );
    assert_eq!(s.start, "2026-11-16T00:00:00+01:00");
    assert_eq!(s.end, "2026-11-23T00:00:00+01:00");
}

#[test]
fn over_the_load_line_is_more_than_either_budget() {
    let mut t = temp_store();
    for day in ["16", "17", "18"] {
        t.log(entry(BERLIN, &format!("2026-11-{day}T20:00"), 10));
    }
    let week: IsoWeek = "2026-W47".parse().unwrap();
    let s = week_summary(week, BERLIN, &t.store.interruptions(None).unwrap(), &t.store.timeline().unwrap());
    assert!(s.over_load_line, "3 sacrifices > 2");
    assert!(s.over_sacrifices && !s.over_minutes, "30 minutes is under 2 h: the count crossed, not the time");

    let mut t = temp_store();
    t.log(entry(BERLIN, "2026-11-21T10:00", 120));
    let s = week_summary(week, BERLIN, &t.store.interruptions(None).unwrap(), &t.store.timeline().unwrap());
    assert!(!s.over_load_line, "exactly 120 minutes is on the line, not over it");
    t.log(entry(BERLIN, "2026-11-21T15:00", 1));
    let s = week_summary(week, BERLIN, &t.store.interruptions(None).unwrap(), &t.store.timeline().unwrap());
    assert!(s.over_load_line, "121 minutes");
    assert!(s.over_minutes && !s.over_sacrifices, "two sacrifices are on the line; the minutes crossed it");
}

#[test]
fn an_entry_belongs_to_the_week_it_starts_in_even_if_it_ends_in_the_next() {
    let mut t = temp_store();
    t.log(entry(BERLIN, "2026-11-22T23:00", 120)); // Sunday 23:00 to Monday 01:00
    let all = t.store.interruptions(None).unwrap();
    let timeline = t.store.timeline().unwrap();
    let w47 = week_summary("2026-W47".parse().unwrap(), BERLIN, &all, &timeline);
    let w48 = week_summary("2026-W48".parse().unwrap(), BERLIN, &all, &timeline);
    assert_eq!((w47.sacrifices, w47.after_hours_minutes, w47.sleep_minutes), (1, 120, 120));
    assert_eq!((w48.sacrifices, w48.after_hours_minutes), (0, 0));
}

#[test]
fn the_week_an_entry_counts_in_follows_the_report_zone() {
    let mut t = temp_store();
    // Sunday 23:30 in Berlin is Monday 07:30 in Tokyo.
    t.log(entry(BERLIN, "2026-11-22T23:30", 30));
    let all = t.store.interruptions(None).unwrap();
    let timeline = t.store.timeline().unwrap();
    let tokyo = chrono_tz::Asia::Tokyo;
    assert_eq!(week_summary("2026-W47".parse().unwrap(), BERLIN, &all, &timeline).interruptions, 1);
    assert_eq!(week_summary("2026-W48".parse().unwrap(), tokyo, &all, &timeline).interruptions, 1);
    // Its minutes are still measured in Berlin, where it was logged.
    assert_eq!(week_summary("2026-W48".parse().unwrap(), tokyo, &all, &timeline).sleep_minutes, 30);
}

#[test]
fn a_dst_week_counts_real_minutes() {
    let mut t = temp_store();
    t.log(entry(BERLIN, "2026-03-29T01:30", 90));
    t.log(entry(BERLIN, "2026-03-29T23:00", 30));
    let s = week_summary(
        "2026-W13".parse().unwrap(),
        BERLIN,
        &t.store.interruptions(None).unwrap(),
        &t.store.timeline().unwrap(),
    );
    assert_eq!((s.after_hours_minutes, s.sleep_minutes, s.sleep_interruptions), (120, 120, 2));
    assert_eq!(s.start, "2026-03-23T00:00:00+01:00");
    assert_eq!(s.end, "2026-03-30T00:00:00+02:00");
}

#[test]
fn iso_week_53_exists_in_long_years() {
    let mut t = temp_store();
    t.log(entry(BERLIN, "2026-12-31T23:00", 30)); // Thursday of 2026-W53
    t.log(entry(BERLIN, "2027-01-03T10:00", 30)); // Sunday of 2026-W53
    let s = week_summary(
        "2026-W53".parse().unwrap(),
        BERLIN,
        &t.store.interruptions(None).unwrap(),
        &t.store.timeline().unwrap(),
    );
    assert_eq!(s.interruptions, 2);
    assert_eq!(IsoWeek::of(utc("2027-01-03T09:00:00Z"), BERLIN).to_string(), "2026-W53");
}

#[test]
fn breaches_are_counted_per_non_negotiable_against_its_allowance() {
    let mut t = temp_store();
    let dinner = Boundary {
        name: "Family dinner".into(),
        category: Category::Family,
        windows: vec![Window::parse("Mon-Fri 18:00-20:00").unwrap()],
        allowance: 1,
        paused: false,
    };
    let gym = Boundary {
        name: "Gym".into(),
        category: Category::Health,
        windows: vec![Window::parse("Tue,Thu 07:00-08:00").unwrap()],
        allowance: 0,
        paused: false,
    };
    let now = utc("2026-11-01T00:00:00Z");
    let dinner_id = t.store.add_boundary(dinner, now).unwrap();
    t.store.add_boundary(gym, now).unwrap();
    t.log(entry(BERLIN, "2026-11-16T18:30", 20));
    t.log(entry(BERLIN, "2026-11-17T19:30", 20));
    let s = week_summary(
        "2026-W47".parse().unwrap(),
        BERLIN,
        &t.store.interruptions(None).unwrap(),
        &t.store.timeline().unwrap(),
    );
    let found: Vec<(String, u32, u32)> = s.breaches.iter().map(|b| (b.name.clone(), b.count, b.allowance)).collect();
    assert_eq!(found, vec![("Family dinner".into(), 2, 1), ("Gym".into(), 0, 0)]);
    assert_eq!(s.breaches[0].id, dinner_id);
}
