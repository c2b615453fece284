//! The faults the "one source of truth" review found in the numbers and in what was silently
//! accepted, one test each (the restore faults are in `backups.rs`, the damage offer in `cli.rs`).

use loadline_core::boundaries::{Boundary, Category};
use loadline_core::classify::classify;
use loadline_core::export::{backup, full_backup, Format, Include, Range};
use loadline_core::schedule::{Schedule, Window};
use loadline_core::store::Store;
use loadline_core::usecases::views;
use loadline_core::week::IsoWeek;

use crate::support::{entry, temp_store, utc, BERLIN};

fn boundary(name: &str, category: Category, window: &str) -> Boundary {
    Boundary { name: name.into(), category, windows: vec![Window::parse(window).unwrap()], allowance: 0, paused: false }
}

#[test]
fn an_entry_marked_as_costing_a_non_negotiable_declared_later_breaches_it() {
    let mut t = temp_store();
    let gym = t.store.add_boundary(boundary("Gym", Category::Health, "Sat 10:00-11:00"), utc("2026-11-01T00:00:00Z"));
    let gym = gym.unwrap();
    // Back-dated: it starts before the non-negotiable was declared (and outside its window).
    let mut marked = entry(BERLIN, "2026-10-20T20:00", 30);
    marked.costs = vec![gym];
    // The first entry makes later edits take effect from then on: declare again, after it.
    t.log(entry(BERLIN, "2026-10-01T20:00", 10));
    let dinner =
        t.store.add_boundary(boundary("Dinner", Category::Family, "Mon 07:00-07:30"), utc("2026-11-25T12:00:00Z"));
    marked.costs.push(dinner.unwrap());
    let logged = t.log(marked);
    let c = classify(&logged.entry, &t.store.timeline().unwrap());
    assert_eq!(c.breaches.len(), 2, "both marks count: {:?}", c.breaches);
    let week = views::week(&t.store, "2026-W43".parse().unwrap(), BERLIN).unwrap();
    assert_eq!(week.breaches.iter().map(|b| b.count).sum::<u32>(), 2, "{:?}", week.breaches);
    assert!(week.breaches.iter().any(|b| b.name == "Dinner"), "named though declared later: {:?}", week.breaches);
}

#[test]
fn two_working_hour_spans_for_one_day_are_refused_not_cut_to_the_last() {
    let mut schedule = Schedule::default();
    let e = schedule.set_working_hours(&["Mon-Fri 09:00-12:00".into(), "Mon-Fri 13:00-17:30".into()]).unwrap_err();
    assert_eq!(
        e.to_string(),
        "working hours: Mon is given twice (09:00-12:00 and 13:00-17:30); give one span a day, e.g. Mon-Fri 09:00-17:30"
    );
    assert_eq!(schedule, Schedule::default(), "nothing changed");
    // The same span twice says the same thing twice: no conflict.
    schedule.set_working_hours(&["Mon-Fri 09:00-17:30".into(), "Fri 09:00-17:30".into()]).unwrap();
}

/// A record with one entry at 19:00 on a Monday, under working hours that end at 20:00.
fn record_with_late_hours() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let mut late = Schedule::default();
    late.set_working_hours(&["Mon-Fri 09:00-20:00".into()]).unwrap();
    store.set_schedule(&late, utc("2026-11-01T00:00:00Z")).unwrap();
    store.log(&[entry(BERLIN, "2026-11-16T19:00", 30)], utc("2026-11-16T19:00:00Z")).unwrap();
    (dir, store)
}

#[test]
fn importing_a_backup_never_changes_how_an_entry_already_lived_is_counted() {
    // The backup declares "Evening" from the beginning of time: merged as it was, it reached
    // into this record's past and turned its Monday 19:00 entry into a breach.
    let source = tempfile::tempdir().unwrap();
    let mut other = Store::open(source.path()).unwrap();
    other
        .add_boundary(boundary("Evening", Category::Rest, "Mon-Fri 18:00-21:00"), utc("2026-01-01T00:00:00Z"))
        .unwrap();
    other.log(&[entry(BERLIN, "2026-11-17T10:00", 20)], utc("2026-11-17T10:00:00Z")).unwrap();
    let text = full_backup(&other, utc("2026-11-25T12:00:00Z")).unwrap();

    let (_dir, mut store) = record_with_late_hours();
    let before = views::week(&store, "2026-W47".parse().unwrap(), BERLIN).unwrap();
    let e = store.import(&backup::parse(&text).unwrap()).unwrap_err();
    assert!(e.to_string().contains("would change how 1 of your entries is counted"), "{e}");
    assert_eq!(store.count().unwrap(), 1, "nothing was imported");
    let after = views::week(&store, "2026-W47".parse().unwrap(), BERLIN).unwrap();
    assert_eq!(before, after);
}

#[test]
fn importing_a_backup_never_recounts_its_entries_by_this_records_hours() {
    // The backup's person worked until 17:30; its Monday 19:00 entry was after hours there.
    let source = tempfile::tempdir().unwrap();
    let mut other = Store::open(source.path()).unwrap();
    other.log(&[entry(BERLIN, "2026-11-23T19:00", 30)], utc("2026-11-23T19:30:00Z")).unwrap();
    let text = full_backup(&other, utc("2026-11-25T12:00:00Z")).unwrap();

    let (_dir, mut store) = record_with_late_hours();
    let e = store.import(&backup::parse(&text).unwrap()).unwrap_err();
    assert!(e.to_string().contains("would change how 1 of the backup's entries is counted"), "{e}");
    assert_eq!(store.count().unwrap(), 1);

    // Into a new data directory it goes whole, with its own hours.
    let fresh = tempfile::tempdir().unwrap();
    let mut fresh_store = Store::open(fresh.path()).unwrap();
    fresh_store.import(&backup::parse(&text).unwrap()).unwrap();
    let week = views::week(&fresh_store, "2026-W48".parse().unwrap(), BERLIN).unwrap();
    assert_eq!(week.after_hours_minutes, 30);
}

#[test]
fn the_reports_weeks_breached_per_category_are_the_union_of_its_non_negotiables_weeks() {
    let mut t = temp_store();
    let at = utc("2026-11-01T00:00:00Z");
    t.store.add_boundary(boundary("Dinner", Category::Family, "Mon 18:00-20:00"), at).unwrap();
    t.store.add_boundary(boundary("Bedtime story", Category::Family, "Tue 19:00-20:00"), at).unwrap();
    t.log(entry(BERLIN, "2026-11-16T18:30", 20)); // W47, Dinner
    t.log(entry(BERLIN, "2026-11-24T19:15", 20)); // W48, Bedtime story
    let range = Range { from: "2026-11-16".parse().unwrap(), to: "2026-11-29".parse().unwrap(), zone: BERLIN };
    let report = loadline_core::export::report::build(&t.store, &range, &Include::default(), None).unwrap();
    let family = report.non_negotiables.iter().find(|r| r.label == "family").expect("a family row");
    assert_eq!((family.breaches, family.weeks_breached), (2, 2), "two weeks, not the best one's one");
}

#[test]
fn a_report_of_past_weeks_names_a_non_negotiable_as_it_was_then() {
    let mut t = temp_store();
    let id = t.store.add_boundary(boundary("Dinner", Category::Family, "Mon 18:00-20:00"), utc("2026-11-01T00:00:00Z"));
    let id = id.unwrap();
    t.log(entry(BERLIN, "2026-11-16T18:30", 20));
    // Renamed after the week (and after the first entry, so from then on).
    t.store
        .edit_boundary(
            id,
            Some(boundary("Family time", Category::Family, "Mon 18:00-20:00")),
            utc("2026-11-30T00:00:00Z"),
        )
        .unwrap();
    let include = Include { names: true, ..Include::default() };
    let range = Range { from: "2026-11-16".parse().unwrap(), to: "2026-11-22".parse().unwrap(), zone: BERLIN };
    let text =
        loadline_core::export::render(&t.store, Format::Markdown, &range, &include, None, utc("2026-12-01T00:00:00Z"))
            .unwrap();
    let week = views::week(&t.store, "2026-W47".parse().unwrap(), BERLIN).unwrap();
    assert_eq!(week.breaches[0].name, "Dinner");
    assert!(text.contains("Dinner") && !text.contains("Family time"), "{text}");
}

#[test]
fn a_week_past_the_year_9999_is_refused_not_a_panic() {
    let e = "9999-W52".parse::<IsoWeek>().unwrap_err();
    assert_eq!(e.to_string(), "week: '9999-W52' reaches past the year 9999");
    assert!("9999-W51".parse::<IsoWeek>().is_ok());
    assert_eq!("0001-W01".parse::<IsoWeek>().unwrap().to_string(), "0001-W01");
}

#[test]
fn a_backups_unknown_preference_is_refused_like_every_other_unknown_key() {
    let t = temp_store();
    let text = full_backup(&t.store, utc("2026-11-25T12:00:00Z")).unwrap();
    let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
    value["prefs"]["zonee"] = "Europe/Berlin".into();
    let e = backup::parse(&value.to_string()).err().expect("refused");
    assert!(e.to_string().starts_with("prefs.zonee: unknown field `zonee`"), "{e}");
    let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
    value["prefs"]["thresholds"]["habit_weekz"] = 3.into();
    assert!(backup::parse(&value.to_string()).is_err());
}

#[test]
fn messages_never_show_rust_option_words() {
    let t = temp_store();
    let text = full_backup(&t.store, utc("2026-11-25T12:00:00Z")).unwrap();
    for version in [serde_json::json!(0), serde_json::json!("one"), serde_json::Value::Null] {
        let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
        value["version"] = version.clone();
        let e = backup::parse(&value.to_string()).err().expect("refused").to_string();
        assert!(!e.contains("Some(") && !e.contains("None"), "{version}: {e}");
        assert!(e.starts_with("version: must be"), "{e}");
    }
}
