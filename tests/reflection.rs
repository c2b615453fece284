//! The weekly reflection: its verdict, heatmap, trend, sources and answers.

use loadline_core::boundaries::{Boundary, Category};
use loadline_core::export::{backup, full_backup};
use loadline_core::reflection::Answers;
use loadline_core::reminders::Rule;
use loadline_core::schedule::Window;
use loadline_core::usecases::views;
use loadline_core::week::IsoWeek;

use crate::support::{entry, temp_store, utc, BERLIN};

fn week(w: &str) -> IsoWeek {
    w.parse().unwrap()
}

#[test]
fn the_verdict_says_how_the_week_went_in_plain_words() {
    let mut t = temp_store();
    assert_eq!(
        views::reflection(&t.store, week("2026-W47"), BERLIN, utc("2026-12-01T12:00:00Z")).unwrap().verdict,
        "A quiet week: nothing logged"
    );
    t.log(entry(BERLIN, "2026-11-18T10:00", 30));
    assert_eq!(
        views::reflection(&t.store, week("2026-W47"), BERLIN, utc("2026-12-01T12:00:00Z")).unwrap().verdict,
        "Under your load line"
    );
    for day in ["09", "10", "11", "16", "17", "18"] {
        t.log(entry(BERLIN, &format!("2026-11-{day}T20:00"), 30));
    }
    assert_eq!(
        views::reflection(&t.store, week("2026-W47"), BERLIN, utc("2026-12-01T12:00:00Z")).unwrap().verdict,
        "Over your load line: 3 sacrifices (your line is 2) — 2 of the last 4 weeks"
    );
    assert_eq!(
        views::reflection(&t.store, week("2026-W46"), BERLIN, utc("2026-12-01T12:00:00Z")).unwrap().verdict,
        "Over your load line: 3 sacrifices (your line is 2)"
    );
    // Which limit: two long evenings are under the count and over the time.
    let mut t = temp_store();
    t.log(entry(BERLIN, "2026-11-16T20:00", 90));
    t.log(entry(BERLIN, "2026-11-17T20:00", 60));
    assert_eq!(
        views::reflection(&t.store, week("2026-W47"), BERLIN, utc("2026-12-01T12:00:00Z")).unwrap().verdict,
        "Over your load line: 2 h 30 min after hours (your line is 2 h)"
    );
}

/// Three evenings in each of W45, W46 and W47 (three sacrifices a week, over the line of 2);
/// W44 under it, with one.
fn three_heavy_weeks() -> crate::support::TempStore {
    let mut t = temp_store();
    t.log(entry(BERLIN, "2026-10-27T20:00", 30));
    for monday in [2, 9, 16] {
        for d in 0..3 {
            t.log(entry(BERLIN, &format!("2026-11-{:02}T20:00", monday + d), 30));
        }
    }
    t
}

#[test]
fn the_verdict_and_the_habit_warning_count_the_weeks_with_one_definition() {
    let t = three_heavy_weeks();
    let r = views::reflection(&t.store, week("2026-W47"), BERLIN, utc("2026-12-01T12:00:00Z")).unwrap();
    let habit = r.warnings.iter().find(|w| w.rule == Rule::Habit).expect("a habit by W47");
    assert_eq!(habit.title, "Over your load line in 3 of the last 4 weeks");
    assert!(r.verdict.ends_with(" — 3 of the last 4 weeks"), "{}", r.verdict);
    // A week past the habit: the verdict still counts the same window the same way.
    let r = views::reflection(&t.store, week("2026-W46"), BERLIN, utc("2026-12-01T12:00:00Z")).unwrap();
    assert!(r.verdict.ends_with(" — 2 of the last 4 weeks"), "{}", r.verdict);
    assert!(r.warnings.iter().all(|w| w.rule != Rule::Habit), "2 of 4 is not yet a habit");
}

#[test]
fn the_habit_warning_shows_its_weeks_not_its_entries() {
    let t = three_heavy_weeks();
    let r = views::reflection(&t.store, week("2026-W47"), BERLIN, utc("2026-12-01T12:00:00Z")).unwrap();
    let habit = r.warnings.iter().find(|w| w.rule == Rule::Habit).unwrap();
    let rows: Vec<_> = habit
        .weeks
        .iter()
        .map(|w| (w.week.to_string(), w.sacrifices, w.after_hours_minutes, w.standing.as_str()))
        .collect();
    assert_eq!(
        rows,
        [
            ("2026-W47".to_string(), 3, 90, "Over: sacrifices"),
            ("2026-W46".to_string(), 3, 90, "Over: sacrifices"),
            ("2026-W45".to_string(), 3, 90, "Over: sacrifices"),
            ("2026-W44".to_string(), 1, 30, "Under"),
        ],
        "newest first, the habit rule's whole window"
    );
    assert_eq!(habit.weeks[0].start, "2026-11-16T00:00:00+01:00");
    assert_eq!(habit.weeks[0].load_line.sacrifices, 2);
    assert!(r.warnings.iter().filter(|w| w.rule != Rule::Habit).all(|w| w.weeks.is_empty()));
}

#[test]
fn the_next_step_is_the_loudest_warnings() {
    let t = three_heavy_weeks();
    let r = views::reflection(&t.store, week("2026-W47"), BERLIN, utc("2026-12-01T12:00:00Z")).unwrap();
    let habit = r.warnings.iter().find(|w| w.rule == Rule::Habit).unwrap();
    assert_eq!(r.next_step.as_deref(), Some(habit.suggestion.as_str()));
    assert_eq!(r.warnings[0].rule, Rule::Habit, "the loudest warning stands first");
    assert!(r.warnings.windows(2).all(|p| p[0].severity >= p[1].severity));
    let r = views::reflection(&t.store, week("2026-W44"), BERLIN, utc("2026-12-01T12:00:00Z")).unwrap();
    assert_eq!(r.next_step, None, "a week without a warning has no next step to push");
}

#[test]
fn the_heatmap_shows_minutes_per_local_hour_with_the_windows_drawn_in() {
    let mut t = temp_store();
    let dinner = Boundary {
        name: "Family dinner".into(),
        category: Category::Family,
        windows: vec![Window::parse("Mon-Fri 18:00-20:00").unwrap()],
        allowance: 0,
        paused: false,
    };
    t.store.add_boundary(dinner, utc("2026-11-01T00:00:00Z")).unwrap();
    t.log(entry(BERLIN, "2026-11-18T18:40", 50)); // Wednesday 18:40–19:30
    t.log(entry(BERLIN, "2026-11-22T23:30", 60)); // Sunday 23:30 into next week's Monday
    let r = views::reflection(&t.store, week("2026-W47"), BERLIN, utc("2026-12-01T12:00:00Z")).unwrap();
    let wed = &r.heatmap[2];
    assert_eq!((wed.date.as_str(), wed.hours[18].minutes, wed.hours[19].minutes), ("2026-11-18", 20, 30));
    assert_eq!(wed.hours[18].protected, vec!["Family dinner"]);
    assert!(wed.hours[10].working && !wed.hours[10].sleep);
    assert!(wed.hours[23].sleep && wed.hours[3].sleep && !wed.hours[12].sleep);
    assert!(!r.heatmap[5].hours[10].working, "Saturday is off");
    assert_eq!(r.heatmap[6].hours[23].minutes, 30, "only the part inside the week");
    let total: u32 = r.heatmap.iter().flat_map(|d| &d.hours).map(|c| c.minutes).sum();
    assert_eq!(total, 80);
    assert_eq!(r.trend.len(), 12);
    assert_eq!(r.trend.last().unwrap().week.to_string(), "2026-W47");
}

#[test]
fn a_dst_week_heatmap_counts_real_minutes() {
    let mut t = temp_store();
    t.log(entry(BERLIN, "2026-03-29T01:30", 90)); // 01:30 CET to 04:00 CEST
    let r = views::reflection(&t.store, week("2026-W13"), BERLIN, utc("2026-12-01T12:00:00Z")).unwrap();
    let sunday = &r.heatmap[6];
    assert_eq!((sunday.hours[1].minutes, sunday.hours[2].minutes, sunday.hours[3].minutes), (30, 0, 60));
}

#[test]
fn top_sources_name_the_runbook_candidates() {
    let mut t = temp_store();
    for (at, source, delegable) in
        [("2026-11-16T20:00", "db", true), ("2026-11-17T20:00", "db", true), ("2026-11-18T11:00", "alice", false)]
    {
        let mut e = entry(BERLIN, at, 20);
        e.source = Some(source.into());
        e.delegable = delegable;
        t.log(e);
    }
    let r = views::reflection(&t.store, week("2026-W47"), BERLIN, utc("2026-12-01T12:00:00Z")).unwrap();
    let s: Vec<_> =
        r.top_sources.iter().map(|s| (s.source.as_str(), s.interruptions, s.sacrifices, s.delegable)).collect();
    assert_eq!(s, vec![("db", 2, 2, 2), ("alice", 1, 0, 0)]);
}

#[test]
fn answers_are_saved_per_week_checked_and_kept_in_the_backup() {
    let mut t = temp_store();
    let answers = Answers {
        cost: "Two dinners.".into(),
        protect: "Thursday dinner".into(),
        energy: Some(2),
        ..Answers::default()
    };
    t.store.save_reflection(week("2026-W47"), &answers, utc("2026-11-20T16:00:00Z")).unwrap();
    assert_eq!(
        views::reflection(&t.store, week("2026-W47"), BERLIN, utc("2026-12-01T12:00:00Z")).unwrap().answers,
        answers
    );
    assert_eq!(
        views::reflection(&t.store, week("2026-W46"), BERLIN, utc("2026-12-01T12:00:00Z")).unwrap().answers,
        Answers::default()
    );
    let bad = Answers { energy: Some(6), ..Answers::default() };
    assert!(t
        .store
        .save_reflection(week("2026-W47"), &bad, utc("2026-11-20T16:00:00Z"))
        .unwrap_err()
        .to_string()
        .starts_with("energy:"));
    let bad = Answers { cost: "x".repeat(10_001), ..Answers::default() };
    assert!(t
        .store
        .save_reflection(week("2026-W47"), &bad, utc("2026-11-20T16:00:00Z"))
        .unwrap_err()
        .to_string()
        .starts_with("cost:"));

    let text = full_backup(&t.store, utc("2026-11-25T00:00:00Z")).unwrap();
    let mut fresh = temp_store();
    fresh.store.import(&backup::parse(&text).unwrap()).unwrap();
    assert_eq!(fresh.store.reflection(week("2026-W47")).unwrap(), Some(answers));
}
