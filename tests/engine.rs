//! The reminder engine over simulated days with a recording notifier: it defers out of quiet
//! windows, never repeats itself in a week, announces an escalation once, honours snooze and
//! pause, and survives a clock that jumps backwards or forwards.

use chrono::{DateTime, Utc};
use loadline_core::boundaries::{Boundary, Category};
use loadline_core::notices::{end_of_today, Delivery, EngineState};
use loadline_core::reminders::Rule;
use loadline_core::schedule::Window;
use loadline_core::usecases::engine;

use crate::support::{entry, temp_store, utc, TempStore, BERLIN};

/// What a run announced: the rules its notification speaks for, plus "reflection".
fn tick(t: &mut TempStore, now: &str) -> (Vec<String>, DateTime<Utc>) {
    let (said, wake, _) = run(t, now);
    (said, wake)
}

/// A run, with the notifications themselves.
fn run(t: &mut TempStore, now: &str) -> (Vec<String>, DateTime<Utc>, Vec<Delivery>) {
    let now = utc(now);
    let step = engine::step(&mut t.store, BERLIN, now).unwrap();
    let mut said: Vec<String> = Vec::new();
    for d in &step.deliveries {
        engine::delivered(&mut t.store, d, BERLIN, now).unwrap();
        match d.view.as_str() {
            "reflection" => said.push("reflection".into()),
            _ => said.extend(d.rules.iter().map(|r| format!("{r:?}"))),
        }
    }
    said.sort();
    assert!(step.deliveries.iter().filter(|d| d.view == "warnings").count() <= 1, "one notification a run");
    (said, step.wake_at, step.deliveries)
}

fn evening(t: &mut TempStore, at: &str) {
    t.log(entry(BERLIN, at, 30));
}

#[test]
fn announces_once_defers_through_sleep_and_escalates_once() {
    let mut t = temp_store();
    evening(&mut t, "2026-11-16T20:00");
    evening(&mut t, "2026-11-17T20:00");
    evening(&mut t, "2026-11-18T20:00");
    // Wednesday 20:31 Berlin: three evenings in a row, over the load line.
    let (said, _) = tick(&mut t, "2026-11-18T19:31:00Z");
    assert_eq!(said, vec!["OverLoadLine", "Reactive", "Streak"]);
    assert!(tick(&mut t, "2026-11-18T20:00:00Z").0.is_empty(), "never twice");

    // Two sleep-hour pages on Thursday night; the engine is asked at 23:50, inside sleep hours.
    t.log(entry(BERLIN, "2026-11-19T23:00", 20));
    t.log(entry(BERLIN, "2026-11-19T23:30", 20));
    let (said, wake) = tick(&mut t, "2026-11-19T22:50:00Z");
    assert!(said.is_empty(), "quiet during sleep hours: {said:?}");
    assert_eq!(wake, utc("2026-11-20T06:00:00Z"), "wakes when sleep hours end (07:00 Berlin)");
    let (said, _) = tick(&mut t, "2026-11-20T06:00:00Z");
    assert_eq!(said, vec!["Sleep"], "delivered once the quiet ends");

    // Friday evening makes it five days in a row: the streak escalates, announced once. It is
    // the week's third notification, the weekly limit: the reflection reminder waits in the app.
    evening(&mut t, "2026-11-20T20:00");
    let (said, _) = tick(&mut t, "2026-11-20T19:31:00Z");
    assert_eq!(said, vec!["Streak"], "escalation; Friday 16:00 has passed, but three is the limit");
    assert!(tick(&mut t, "2026-11-20T20:00:00Z").0.is_empty());
    let notices = t.store.notices(50).unwrap();
    assert_eq!(notices.iter().filter(|n| n.warning.rule == Rule::Streak).count(), 1, "one notice, escalated");
}

#[test]
fn a_clock_that_jumps_backwards_repeats_nothing() {
    let mut t = temp_store();
    for day in 16..=18 {
        evening(&mut t, &format!("2026-11-{day}T20:00"));
    }
    assert!(!tick(&mut t, "2026-11-18T19:31:00Z").0.is_empty());
    // Back to Wednesday noon: the history as it stood then holds fewer warnings; nothing is new.
    assert!(tick(&mut t, "2026-11-18T11:00:00Z").0.is_empty());
    assert!(tick(&mut t, "2026-11-18T19:40:00Z").0.is_empty());
}

#[test]
fn a_clock_that_jumps_forwards_announces_only_what_holds_at_the_new_time() {
    let mut t = temp_store();
    for day in 16..=18 {
        evening(&mut t, &format!("2026-11-{day}T20:00"));
    }
    let state = EngineState { snoozed_until: Some(utc("2026-11-18T23:00:00Z")), ..EngineState::default() };
    t.store.set_engine_state(&state).unwrap();
    // Snoozed on Wednesday evening; the laptop wakes two weeks later, on Wednesday noon. That
    // week's warnings are history now, not news, and the snooze is long over.
    let (said, wake) = tick(&mut t, "2026-12-02T11:00:00Z");
    assert!(said.is_empty(), "nothing from two weeks ago: {said:?}");
    assert_eq!(wake, utc("2026-12-02T23:00:00Z"), "the new day's midnight, not a wake from the old time");
    assert_eq!(tick(&mut t, "2026-12-04T15:00:00Z").0, vec!["reflection"]);
    // A page that night is announced as usual.
    evening(&mut t, "2026-12-04T23:00");
    t.log(entry(BERLIN, "2026-12-04T23:30", 20));
    evening(&mut t, "2026-12-05T20:00");
    let (said, _) = tick(&mut t, "2026-12-05T19:31:00Z");
    assert_eq!(said, vec!["OverLoadLine", "Reactive", "Sleep"]);
}

#[test]
fn snooze_and_pause_are_honoured_and_persisted() {
    let mut t = temp_store();
    for day in 16..=18 {
        evening(&mut t, &format!("2026-11-{day}T20:00"));
    }
    let now = utc("2026-11-18T19:31:00Z");
    t.store
        .set_engine_state(&EngineState { snoozed_until: Some(end_of_today(BERLIN, now)), ..EngineState::default() })
        .unwrap();
    let (said, wake) = tick(&mut t, "2026-11-18T19:31:00Z");
    assert!(said.is_empty());
    assert_eq!(wake, utc("2026-11-18T23:00:00Z"), "wakes when the snooze ends, at midnight");
    // Thursday 08:00: the snooze has ended.
    assert_eq!(tick(&mut t, "2026-11-19T07:00:00Z").0.len(), 3);

    let mut t = temp_store();
    for day in 16..=18 {
        evening(&mut t, &format!("2026-11-{day}T20:00"));
    }
    let mut prefs = t.store.prefs().unwrap();
    prefs.warnings_paused = true;
    t.store.set_prefs(&prefs).unwrap();
    assert!(tick(&mut t, "2026-11-18T19:31:00Z").0.is_empty(), "paused");
    assert_eq!(t.store.notices(50).unwrap().len(), 3, "still listed in the app");
}

#[test]
fn nothing_is_announced_inside_an_active_non_negotiable() {
    let mut t = temp_store();
    let evenings = Boundary {
        name: "Evenings".into(),
        category: Category::Family,
        windows: vec![Window::parse("Mon-Fri 18:00-21:00").unwrap()],
        allowance: 5,
        paused: false,
    };
    t.store.add_boundary(evenings, utc("2026-11-01T00:00:00Z")).unwrap();
    for day in 16..=18 {
        evening(&mut t, &format!("2026-11-{day}T20:00"));
    }
    let (said, wake) = tick(&mut t, "2026-11-18T19:31:00Z");
    assert!(said.is_empty());
    // 21:00 the window ends, but sleep hours start at 22:00 — not touching, so 21:00 it is.
    assert_eq!(wake, utc("2026-11-18T20:00:00Z"));
    assert_eq!(tick(&mut t, "2026-11-18T20:00:00Z").0, vec!["OverLoadLine", "Reactive", "Streak"]);
}

#[test]
fn the_reflection_reminder_comes_once_a_week_at_its_time() {
    let mut t = temp_store();
    let (said, wake) = tick(&mut t, "2026-11-20T14:00:00Z"); // Friday 15:00
    assert!(said.is_empty());
    assert_eq!(wake, utc("2026-11-20T15:00:00Z"), "wakes at Friday 16:00");
    assert_eq!(tick(&mut t, "2026-11-20T15:00:00Z").0, vec!["reflection"]);
    assert!(tick(&mut t, "2026-11-20T16:00:00Z").0.is_empty());
    assert!(tick(&mut t, "2026-11-27T14:00:00Z").0.is_empty());
    assert_eq!(tick(&mut t, "2026-11-27T15:30:00Z").0, vec!["reflection"], "next week again");
}

#[test]
fn one_calm_notification_speaks_for_all_that_is_due() {
    let mut t = temp_store();
    for day in 16..=18 {
        evening(&mut t, &format!("2026-11-{day}T20:00"));
    }
    let (_, _, shown) = run(&mut t, "2026-11-18T19:31:00Z");
    assert_eq!(shown.len(), 1);
    let d = &shown[0];
    assert_eq!(d.title, "Over your load line this week", "the most serious, in plain words");
    assert!(d.body.starts_with("3 sacrifices and 1 h 30 min after hours"), "{}", d.body);
    assert!(d.body.ends_with("And 2 more in Loadline."), "{}", d.body);
    assert_eq!(d.rules[0], Rule::OverLoadLine);
    assert_eq!(d.deferred_from, None, "it held just now");
    assert_eq!(d.view, "warnings");
}

#[test]
fn past_the_weekly_limit_warnings_wait_in_the_app() {
    let mut t = temp_store();
    let mut prefs = t.store.prefs().unwrap();
    prefs.notifications_per_week = 1;
    t.store.set_prefs(&prefs).unwrap();
    for day in 16..=18 {
        evening(&mut t, &format!("2026-11-{day}T20:00"));
    }
    assert_eq!(tick(&mut t, "2026-11-18T19:31:00Z").0.len(), 3);
    t.log(entry(BERLIN, "2026-11-19T23:00", 20));
    t.log(entry(BERLIN, "2026-11-19T23:30", 20));
    assert!(tick(&mut t, "2026-11-20T06:00:00Z").0.is_empty(), "the limit is one a week");
    let sleep = t.store.notices(50).unwrap().into_iter().find(|n| n.warning.rule == Rule::Sleep).unwrap();
    assert_eq!(sleep.notified, None, "listed in the app, not announced");
    // A new week, a new allowance of notifications.
    for day in 23..=25 {
        evening(&mut t, &format!("2026-11-{day}T20:00"));
    }
    assert!(!tick(&mut t, "2026-11-25T19:31:00Z").0.is_empty());
}

mod replay {
    use super::*;
    use chrono::{NaiveDate, Timelike};
    use loadline_core::usecases::views;

    fn day(d: &str) -> NaiveDate {
        d.parse().unwrap()
    }

    fn local_hour(at: &str) -> u32 {
        DateTime::parse_from_rfc3339(at).unwrap().with_timezone(&BERLIN).hour()
    }

    /// A heavy month of on-call life: evenings, nights, a weekend, across four weeks.
    fn heavy_month(t: &mut TempStore) {
        for day in 2..=27 {
            t.log(entry(BERLIN, &format!("2026-11-{day:02}T20:30"), 30));
            if day % 3 == 0 {
                t.log(entry(BERLIN, &format!("2026-11-{day:02}T23:40"), 20));
                t.log(entry(BERLIN, &format!("2026-11-{day:02}T02:10"), 15));
            }
        }
    }

    #[test]
    fn a_heavy_month_draws_at_most_three_a_week_and_none_in_quiet_hours() {
        let mut t = temp_store();
        let dinner = Boundary {
            name: "Family dinner".into(),
            category: Category::Family,
            windows: vec![Window::parse("Mon-Fri 18:00-20:00").unwrap()],
            allowance: 0,
            paused: false,
        };
        t.store.add_boundary(dinner, utc("2026-10-01T00:00:00Z")).unwrap();
        heavy_month(&mut t);
        let shown = engine::replay(&t.store, BERLIN, day("2026-11-02"), day("2026-11-29")).unwrap();
        assert!(!shown.is_empty(), "a heavy month is heard");
        let mut per_week = std::collections::BTreeMap::new();
        for d in &shown {
            let at = DateTime::parse_from_rfc3339(&d.at).unwrap().with_timezone(&Utc);
            *per_week.entry(loadline_core::week::IsoWeek::of(at, BERLIN)).or_insert(0) += 1;
            let hour = local_hour(&d.at);
            assert!((7..22).contains(&hour), "not in sleep hours: {} {}", d.at, d.title);
            let weekday = chrono::Datelike::weekday(&at.with_timezone(&BERLIN)).num_days_from_monday();
            assert!(!(weekday < 5 && (18..20).contains(&hour)), "not during dinner: {} {}", d.at, d.title);
        }
        assert!(per_week.values().all(|n| *n <= 3), "at most three a week: {per_week:?}");
        // The engine's real notices are untouched: the replay ran on a copy.
        assert!(t.store.notices(10).unwrap().is_empty());
    }

    #[test]
    fn a_warning_that_held_in_the_night_is_shown_when_the_quiet_ends_and_says_so() {
        let mut t = temp_store();
        t.log(entry(BERLIN, "2026-11-17T23:10", 20));
        t.log(entry(BERLIN, "2026-11-18T02:40", 20));
        let shown = engine::replay(&t.store, BERLIN, day("2026-11-16"), day("2026-11-18")).unwrap();
        let sleep = shown.iter().find(|d| d.rules.contains(&Rule::Sleep)).expect("the sleep warning is shown");
        assert_eq!(local_hour(&sleep.at), 7, "the first hour that is not quiet: {}", sleep.at);
        let held = sleep.deferred_from.as_deref().expect("it says it waited");
        assert!(held < sleep.at.as_str(), "{held} before {}", sleep.at);
    }

    #[test]
    fn a_quiet_week_with_one_chosen_evening_draws_nothing() {
        let mut t = temp_store();
        let mut e = entry(BERLIN, "2026-11-18T20:00", 45);
        e.chosen = true;
        t.log(e);
        let shown = engine::replay(&t.store, BERLIN, day("2026-11-16"), day("2026-11-22")).unwrap();
        let warnings: Vec<_> = shown.iter().filter(|d| d.view == "warnings").collect();
        assert!(warnings.is_empty(), "{warnings:?}");
    }

    #[test]
    fn settings_can_try_thresholds_on_the_last_four_weeks_before_saving_them() {
        let mut t = temp_store();
        heavy_month(&mut t);
        let now = utc("2026-11-28T12:00:00Z");
        let saved = t.store.prefs().unwrap();
        let as_saved = engine::trial(&t.store, &saved, BERLIN, now).unwrap();
        assert_eq!((as_saved.from.as_str(), as_saved.to.as_str()), ("2026-11-01", "2026-11-28"));
        assert!(as_saved.summary.contains("in the last 4 weeks, at most 3 in a week"), "{}", as_saved.summary);
        let calmer = loadline_core::prefs::Prefs { notifications_per_week: 1, ..saved.clone() };
        let tried = engine::trial(&t.store, &calmer, BERLIN, now).unwrap();
        assert!(tried.deliveries.len() < as_saved.deliveries.len());
        assert!(tried.summary.contains("at most 1 in a week"), "{}", tried.summary);
        let silent = loadline_core::prefs::Prefs { notifications_per_week: 0, ..saved.clone() };
        assert!(engine::trial(&t.store, &silent, BERLIN, now).unwrap().summary.starts_with("No notifications"));
        assert_eq!(t.store.prefs().unwrap(), saved, "nothing saved");
        let wrong = loadline_core::prefs::Prefs { notifications_per_week: 99, ..saved };
        assert!(engine::trial(&t.store, &wrong, BERLIN, now)
            .unwrap_err()
            .to_string()
            .starts_with("notifications_per_week"));
    }

    #[test]
    fn a_past_week_keeps_its_warnings_though_the_engine_never_ran() {
        let mut t = temp_store();
        heavy_month(&mut t);
        let week = "2026-W47".parse().unwrap();
        let warnings = views::week_warnings(&t.store, week, BERLIN, utc("2026-12-01T12:00:00Z")).unwrap();
        assert!(warnings.iter().any(|w| w.rule == Rule::OverLoadLine), "{warnings:?}");
        assert!(warnings.iter().all(|w| w.week == week));
        let reflection = views::reflection(&t.store, week, BERLIN, utc("2026-12-01T12:00:00Z")).unwrap();
        let mut loudest_first = warnings.clone();
        loudest_first.sort_by_key(|w| std::cmp::Reverse(w.severity));
        assert_eq!(reflection.warnings, loudest_first, "the week's reflection shows the same, the loudest first");
        let future = "2027-W02".parse().unwrap();
        assert!(views::week_warnings(&t.store, future, BERLIN, utc("2026-12-01T12:00:00Z")).unwrap().is_empty());
    }
}
