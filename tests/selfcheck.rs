//! The self-check on a real file: taken, corrected the same day, carried by the backup, asked
//! for once a month by the engine.

use chrono::NaiveDate;
use loadline_core::export::backup;
use loadline_core::selfcheck::TakeInput;
use loadline_core::usecases::{engine, selfcheck};

use crate::support::{entry, temp_store, utc, BERLIN};

fn input(word: &str, degree: &str) -> TakeInput {
    TakeInput {
        personal: vec![Some(word.into()); 6],
        work: [degree, degree, degree, word, word, word, word].iter().map(|w| Some(w.to_string())).collect(),
        client: None,
        at: None,
    }
}

#[test]
fn a_take_is_corrected_the_same_day_and_not_the_next() {
    let mut t = temp_store();
    let taken = selfcheck::take(&mut t.store, &input("often", "high"), BERLIN, utc("2026-11-20T08:00:00Z")).unwrap();
    // Work: six items at 75 and "enough energy" often, reversed to 25: 475 / 7.
    assert_eq!((taken.personal, taken.work), (Some(75.0), Some(67.9)));
    let fixed =
        selfcheck::correct(&mut t.store, taken.id, &input("seldom", "low"), utc("2026-11-20T21:00:00Z")).unwrap();
    assert_eq!(fixed.personal, Some(25.0));
    assert_eq!(fixed.at, taken.at, "a correction keeps when it was taken");
    let late = selfcheck::correct(&mut t.store, taken.id, &input("always", "very high"), utc("2026-11-20T23:00:00Z"));
    assert!(late.unwrap_err().to_string().contains("only on the day it was taken"));
    assert_eq!(
        t.store.selfcheck(taken.id).unwrap().answers.score(loadline_core::selfcheck::Part::Personal),
        Some(25.0)
    );
}

#[test]
fn a_correction_asks_the_scales_its_take_was_asked_in_the_persons_word() {
    let mut t = temp_store();
    let taken = selfcheck::take(&mut t.store, &input("often", "high"), BERLIN, utc("2026-11-20T08:00:00Z")).unwrap();
    let mut prefs = t.store.prefs().unwrap();
    prefs.selfcheck.client_word = Some("customers".into());
    loadline_core::usecases::settings::save_prefs(&mut t.store, &prefs).unwrap();
    assert_eq!(selfcheck::form(&t.store).unwrap().len(), 19, "a new take asks the client scale now");
    assert_eq!(selfcheck::correction_form(&t.store, taken.id).unwrap().len(), 13, "that take was not asked it");
    let mut with = input("often", "high");
    with.client = Some(["low", "low", "low", "low", "seldom", "seldom"].iter().map(|w| Some(w.to_string())).collect());
    let second = selfcheck::take(&mut t.store, &with, BERLIN, utc("2026-11-20T09:00:00Z")).unwrap();
    let asked = selfcheck::correction_form(&t.store, second.id).unwrap();
    assert_eq!(asked[13].text, "Do you find it hard to work with customers?");
    assert!(selfcheck::correction_form(&t.store, 999).is_err());
}

#[test]
fn the_view_sets_each_month_beside_its_after_hours_load() {
    let mut t = temp_store();
    t.log(entry(BERLIN, "2026-10-14T21:00", 40));
    t.log(entry(BERLIN, "2026-11-18T23:30", 30));
    t.log(entry(BERLIN, "2026-11-19T12:00", 30));
    let mut oct = input("sometimes", "somewhat");
    oct.at = Some("2026-10-05T10:00".into());
    selfcheck::take(&mut t.store, &oct, BERLIN, utc("2026-11-25T12:00:00Z")).unwrap();
    selfcheck::take(&mut t.store, &input("often", "high"), BERLIN, utc("2026-11-25T12:00:00Z")).unwrap();
    let view = selfcheck::view(&t.store, BERLIN, utc("2026-11-25T12:00:00Z")).unwrap();
    assert_eq!(view.months.len(), 12);
    let nov = view.months.last().unwrap();
    assert_eq!((nov.month.as_str(), nov.after_hours_minutes, nov.sacrifices), ("2026-11", 30, 1));
    assert_eq!(nov.scores.personal, Some(75.0));
    let october = &view.months[10];
    assert_eq!((october.after_hours_minutes, october.scores.personal), (40, Some(50.0)));
    assert_eq!(view.months[0].scores.personal, None, "a month without a take has no score");
    assert!(view.latest.starts_with("Personal 75 — up from 50 in October."), "{}", view.latest);
    assert!(!view.due, "taken this month");
    assert!(view.citation.contains("doi:10.1080/02678370500297720"));
}

#[test]
fn the_backup_carries_the_takes_and_importing_twice_keeps_one() {
    let mut t = temp_store();
    selfcheck::take(&mut t.store, &input("often", "high"), BERLIN, utc("2026-11-20T08:00:00Z")).unwrap();
    let mut file = Vec::new();
    backup::write(&t.store, None, utc("2026-11-21T08:00:00Z"), &mut file).unwrap();
    let text = String::from_utf8(file).unwrap();
    let mut other = temp_store();
    for _ in 0..2 {
        other.store.import(&backup::parse(&text).unwrap()).unwrap();
    }
    let takes = other.store.selfchecks().unwrap();
    assert_eq!(takes.len(), 1);
    assert_eq!(takes[0].answers, t.store.selfchecks().unwrap()[0].answers);
    assert_eq!(takes[0].zone, BERLIN);

    let bad = text.replace("\"often\"", "\"very high\"");
    let err = backup::parse(&bad).err().expect("a wrong scale in a backup is refused").to_string();
    assert!(err.starts_with("selfchecks[0].answers.personal[0]: answered on the frequency scale"), "{err}");
}

#[test]
fn the_engine_asks_once_a_month_and_not_when_taken_already() {
    let mut t = temp_store();
    let day = |d: &str| d.parse::<NaiveDate>().unwrap();
    let asked = |store: &loadline_core::store::Store| -> Vec<String> {
        engine::replay(store, BERLIN, day("2026-10-01"), day("2026-12-31"))
            .unwrap()
            .into_iter()
            .filter(|d| d.view == "selfcheck")
            .map(|d| d.at)
            .collect()
    };
    assert_eq!(
        asked(&t.store),
        ["2026-10-01T10:00:00+02:00", "2026-11-01T10:00:00+01:00", "2026-12-01T10:00:00+01:00"]
    );
    let mut nov = input("seldom", "low");
    nov.at = Some("2026-11-01T08:00".into());
    selfcheck::take(&mut t.store, &nov, BERLIN, utc("2026-11-25T12:00:00Z")).unwrap();
    assert_eq!(asked(&t.store).len(), 2, "November was taken before its reminder");
}

#[test]
fn a_report_carries_the_scores_only_when_ticked_and_never_the_answers() {
    use loadline_core::export::{render, Format, Include, Range};
    let mut t = temp_store();
    t.log(entry(BERLIN, "2026-11-18T21:00", 30));
    selfcheck::take(&mut t.store, &input("often", "high"), BERLIN, utc("2026-11-20T08:00:00Z")).unwrap();
    let range =
        Range::resolve(&t.store, Some("2026-11-16"), Some("2026-11-22"), BERLIN, utc("2026-11-25T12:00:00Z")).unwrap();
    let now = utc("2026-11-25T12:00:00Z");
    for format in [Format::Html, Format::Markdown] {
        let plain = render(&t.store, format, &range, &Include::default(), None, now).unwrap();
        assert!(!plain.contains("Self-check"), "off by default");
        let shared =
            render(&t.store, format, &range, &Include { selfcheck: true, ..Include::default() }, None, now).unwrap();
        assert!(shared.contains("Self-check") && shared.contains("Fri 20 Nov 2026"), "{shared}");
        assert!(shared.contains("75.0") && shared.contains("67.9"), "the scores");
        assert!(!shared.contains("often") && !shared.contains("high degree"), "never the answers");
        assert!(shared.contains("not a diagnosis") && shared.contains("doi:10.1080/02678370500297720"));
    }
    let csv =
        render(&t.store, Format::Csv, &range, &Include { selfcheck: true, ..Include::default() }, None, now).unwrap();
    assert!(!csv.contains("75.0"), "the CSV holds entries only");
}
