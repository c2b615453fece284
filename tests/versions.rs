//! Edits apply from the moment they are made: past weeks keep the classification they had
//! when they were lived. A new data directory's first settings apply to back-dated entries.

use loadline_core::boundaries::{Boundary, Category};
use loadline_core::schedule::{Schedule, Window};
use loadline_core::usecases::views;

use crate::support::{entry, temp_store, utc, BERLIN};

fn dinner(name: &str, window: &str) -> Boundary {
    Boundary {
        name: name.into(),
        category: Category::Family,
        windows: vec![Window::parse(window).unwrap()],
        allowance: 0,
        paused: false,
    }
}

fn late_shift() -> Schedule {
    let mut s = Schedule::default();
    s.set_working_hours(&["Mon-Fri 12:00-20:30".into()]).unwrap();
    s
}

#[test]
fn editing_working_hours_keeps_past_weeks() {
    let mut t = temp_store();
    t.log(entry(BERLIN, "2026-11-18T19:00", 60)); // W47: after hours under the defaults
    t.store.set_schedule(&late_shift(), utc("2026-11-23T08:00:00Z")).unwrap();
    t.log(entry(BERLIN, "2026-11-25T19:00", 60)); // W48: inside the new hours

    let w47 = views::week(&t.store, "2026-W47".parse().unwrap(), BERLIN).unwrap();
    let w48 = views::week(&t.store, "2026-W48".parse().unwrap(), BERLIN).unwrap();
    assert_eq!(w47.after_hours_minutes, 60, "the past week keeps its classification");
    assert_eq!(w48.after_hours_minutes, 0, "the new hours apply from the edit on");
}

#[test]
fn a_new_data_directorys_first_settings_apply_to_back_dated_entries() {
    let mut t = temp_store();
    t.store.set_schedule(&late_shift(), utc("2026-11-25T08:00:00Z")).unwrap();
    t.log(entry(BERLIN, "2026-11-18T19:00", 60)); // back-dated before the edit
    let w47 = views::week(&t.store, "2026-W47".parse().unwrap(), BERLIN).unwrap();
    assert_eq!(w47.after_hours_minutes, 0);
}

#[test]
fn editing_a_non_negotiable_keeps_past_weeks() {
    let mut t = temp_store();
    let id = t.store.add_boundary(dinner("Family dinner", "Mon-Fri 18:00-20:00"), utc("2026-11-01T00:00:00Z")).unwrap();
    t.log(entry(BERLIN, "2026-11-18T18:30", 20)); // W47 breach
    t.store.edit_boundary(id, Some(dinner("Family time", "Mon-Fri 19:00-21:00")), utc("2026-11-23T00:00:00Z")).unwrap();
    t.log(entry(BERLIN, "2026-11-25T18:30", 20)); // W48: before the new window

    let w47 = views::week(&t.store, "2026-W47".parse().unwrap(), BERLIN).unwrap();
    let w48 = views::week(&t.store, "2026-W48".parse().unwrap(), BERLIN).unwrap();
    assert_eq!((w47.breaches[0].name.as_str(), w47.breaches[0].count), ("Family dinner", 1));
    assert_eq!((w48.breaches[0].name.as_str(), w48.breaches[0].count), ("Family time", 0));
}

#[test]
fn a_non_negotiable_declared_later_does_not_breach_earlier_entries() {
    let mut t = temp_store();
    t.log(entry(BERLIN, "2026-11-18T18:30", 20));
    t.store.add_boundary(dinner("Family dinner", "Mon-Fri 18:00-20:00"), utc("2026-11-23T00:00:00Z")).unwrap();
    t.log(entry(BERLIN, "2026-11-25T18:30", 20));
    let w47 = views::week(&t.store, "2026-W47".parse().unwrap(), BERLIN).unwrap();
    let w48 = views::week(&t.store, "2026-W48".parse().unwrap(), BERLIN).unwrap();
    assert!(w47.breaches.is_empty(), "it did not exist yet");
    assert_eq!(w48.breaches[0].count, 1);
}

#[test]
fn removing_or_pausing_a_non_negotiable_keeps_its_past_breaches() {
    let mut t = temp_store();
    let id = t.store.add_boundary(dinner("Family dinner", "Mon-Fri 18:00-20:00"), utc("2026-11-01T00:00:00Z")).unwrap();
    t.log(entry(BERLIN, "2026-11-18T18:30", 20));
    t.store
        .edit_boundary(
            id,
            Some(Boundary { paused: true, ..dinner("Family dinner", "Mon-Fri 18:00-20:00") }),
            utc("2026-11-23T00:00:00Z"),
        )
        .unwrap();
    t.log(entry(BERLIN, "2026-11-24T18:30", 20)); // paused: not tracked
    t.store.edit_boundary(id, None, utc("2026-11-30T00:00:00Z")).unwrap();
    t.log(entry(BERLIN, "2026-12-01T18:30", 20)); // removed

    let week = |w: &str| views::week(&t.store, w.parse().unwrap(), BERLIN).unwrap();
    assert_eq!(week("2026-W47").breaches[0].count, 1);
    let w48 = week("2026-W48");
    assert_eq!((w48.breaches[0].count, w48.breaches[0].paused), (0, true));
    assert!(week("2026-W49").breaches.is_empty());
    assert_eq!(t.store.timeline().unwrap().boundaries_at(utc("2026-12-02T00:00:00Z")).count(), 0);
}

#[test]
fn raising_the_load_line_applies_to_the_week_it_ends_in() {
    let mut t = temp_store();
    t.log(entry(BERLIN, "2026-11-10T20:00", 10));
    let mut generous = Schedule::default();
    generous.load_line.sacrifices = 5;
    t.store.set_schedule(&generous, utc("2026-11-18T12:00:00Z")).unwrap();
    let week = |w: &str| views::week(&t.store, w.parse().unwrap(), BERLIN).unwrap().load_line.sacrifices;
    assert_eq!(week("2026-W46"), 2);
    assert_eq!(week("2026-W47"), 5);
}
