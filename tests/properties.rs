//! Properties of classification that must hold for any entry and any schedule.

use chrono::{Duration, TimeZone, Utc};
use chrono_tz::Tz;
use loadline_core::classify::{classify, Classifier};
use loadline_core::interruptions::NewInterruption;
use loadline_core::schedule::{ClockTime, LoadLine, Schedule, Span};
use loadline_core::timeline::{Timeline, Versioned};
use proptest::prelude::*;

const ZONES: [&str; 8] = [
    "Europe/Berlin",
    "America/New_York",
    "Australia/Sydney",
    "Asia/Kolkata",
    "Pacific/Chatham",
    "America/Sao_Paulo",
    "UTC",
    "Asia/Tokyo",
];

fn clock() -> impl Strategy<Value = ClockTime> {
    (0u16..24, prop::sample::select(vec![0u16, 15, 30, 45])).prop_map(|(h, m)| ClockTime::hm(h, m))
}

fn span() -> impl Strategy<Value = Option<Span>> {
    prop::option::of(
        (clock(), clock())
            .prop_filter("a span has a length", |(a, b)| a != b)
            .prop_map(|(start, end)| Span { start, end }),
    )
}

fn schedule() -> impl Strategy<Value = Schedule> {
    (prop::array::uniform7(span()), span()).prop_map(|(days, sleep)| Schedule {
        // Working hours stay within a day.
        working_hours: days
            .map(|d| d.map(|s| if s.crosses_midnight() { Span { start: s.end, end: s.start } } else { s })),
        sleep,
        load_line: LoadLine::default(),
    })
}

fn entry() -> impl Strategy<Value = NewInterruption> {
    // 1990 to 2040, whole minutes, any of the zones above (whole-minute offsets since 1990).
    (0i64..(50 * 365 * 24 * 60), 1u32..=10_080, prop::sample::select(ZONES.to_vec())).prop_map(
        |(minute, minutes, zone)| NewInterruption {
            start: Utc.with_ymd_and_hms(1990, 1, 1, 0, 0, 0).unwrap() + Duration::minutes(minute),
            zone: zone.parse::<Tz>().unwrap(),
            minutes,
            channel: "page".into(),
            source: None,
            severity: Default::default(),
            chosen: false,
            delegable: false,
            note: String::new(),
            tags: vec![],
            costs: vec![],
        },
    )
}

fn timeline(s: Schedule) -> Timeline {
    Timeline::new(vec![Versioned { valid_from: None, value: s }], vec![])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn after_hours_and_sleep_minutes_are_within_the_duration(e in entry(), s in schedule()) {
        let c = classify(&e, &timeline(s));
        prop_assert!(c.after_hours_minutes <= e.minutes);
        prop_assert!(c.sleep_minutes <= e.minutes);
    }

    #[test]
    fn splitting_an_entry_in_two_never_changes_the_totals(e in entry(), s in schedule(), cut in 1u32..10_080) {
        prop_assume!(cut < e.minutes);
        let t = timeline(s);
        let whole = classify(&e, &t);
        let first = NewInterruption { minutes: cut, ..e.clone() };
        let second = NewInterruption { start: e.start + Duration::minutes(cut.into()), minutes: e.minutes - cut, ..e.clone() };
        let (a, b) = (classify(&first, &t), classify(&second, &t));
        prop_assert_eq!(a.after_hours_minutes + b.after_hours_minutes, whole.after_hours_minutes);
        prop_assert_eq!(a.sleep_minutes + b.sleep_minutes, whole.sleep_minutes);
    }

    #[test]
    fn one_classifier_over_many_entries_counts_each_as_alone(es in prop::collection::vec(entry(), 1..40), s in schedule()) {
        let t = timeline(s);
        let mut shared = Classifier::new(&t);
        for e in &es {
            prop_assert_eq!(shared.classify(e), classify(e, &t));
        }
    }
}
