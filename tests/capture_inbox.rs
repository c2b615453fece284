//! Capture through the inbox on a real file: re-capture never doubles, accepting goes through
//! the one write path, a hand-logged twin is offered as "already logged?", a bad file changes
//! nothing, and a saved mapping is used again by its name.

use std::path::PathBuf;

use loadline_core::capture::inbox::SuggestionEdit;
use loadline_core::capture::{Kind, Skip};
use loadline_core::usecases::capture::{self, CaptureRequest};

use crate::support::{entry, temp_store, utc, BERLIN};

const NOW: &str = "2026-11-25T12:00:00Z";

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(format!("{}/tests/fixtures/capture/{name}", env!("CARGO_MANIFEST_DIR")))
}

fn request(files: &[PathBuf]) -> CaptureRequest {
    CaptureRequest { paths: files.to_vec(), from: Some("2026-11-01".into()), ..CaptureRequest::default() }
}

#[test]
fn capturing_twice_doubles_nothing_and_accepting_logs_through_the_one_write_path() {
    let mut t = temp_store();
    let first = capture::capture(&mut t.store, &request(&[fixture("incidents.json")]), BERLIN, utc(NOW)).unwrap();
    assert!(first.suggested > 0, "{}", first.said);
    assert!(first.suggestions.iter().all(|s| s.kind == Kind::Pagerduty && s.id > 0));
    let again = capture::capture(&mut t.store, &request(&[fixture("incidents.json")]), BERLIN, utc(NOW)).unwrap();
    assert_eq!(again.suggested, 0);
    assert_eq!(again.skipped[&Skip::AlreadySeen], first.suggested);
    // The log entries and webhooks of the same incidents are the same suggestions.
    let other_shapes = capture::capture(
        &mut t.store,
        &request(&[fixture("webhooks.json"), fixture("log_entries.json")]),
        BERLIN,
        utc(NOW),
    )
    .unwrap();
    assert_eq!(
        other_shapes
            .suggestions
            .iter()
            .filter(|s| first.suggestions.iter().any(|f| f.external_id == s.external_id))
            .count(),
        0
    );

    let inbox = capture::inbox(&t.store).unwrap();
    let one = inbox[0].clone();
    let logged = capture::accept(&mut t.store, Some(&[one.id]), BERLIN, utc(NOW)).unwrap();
    assert_eq!(logged.len(), 1);
    assert_eq!(
        (logged[0].minutes, logged[0].channel.as_str(), logged[0].source.as_deref()),
        (one.minutes, "page", one.source.as_deref())
    );
    assert_eq!(logged[0].note, one.title, "the incident's title is the private note");
    assert!(capture::accept(&mut t.store, Some(&[one.id]), BERLIN, utc(NOW)).is_err(), "accepted once");
    let left = capture::dismiss(&mut t.store, None, utc(NOW)).unwrap();
    assert_eq!(left as usize, inbox.len() - 1);
    assert!(capture::inbox(&t.store).unwrap().is_empty());
    let third = capture::capture(&mut t.store, &request(&[fixture("incidents.json")]), BERLIN, utc(NOW)).unwrap();
    assert_eq!(third.suggested, 0, "dismissed ones are never suggested again");
    assert_eq!(t.store.interruptions(None).unwrap().len(), 1);
}

#[test]
fn an_edited_suggestion_is_checked_like_any_entry_and_a_hand_logged_twin_is_named() {
    let mut t = temp_store();
    let report = capture::capture(&mut t.store, &request(&[fixture("incidents.json")]), BERLIN, utc(NOW)).unwrap();
    let s = report.suggestions[0].clone();
    let at = chrono::DateTime::parse_from_rfc3339(&s.start).unwrap().format("%Y-%m-%dT%H:%M").to_string();
    let mut draft = SuggestionEdit { channel: s.channel.clone(), minutes: Some(-5), at, source: s.source.clone() };
    let err = capture::accept_edited(&mut t.store, s.id, &draft, BERLIN, utc(NOW)).unwrap_err();
    assert!(err.to_string().starts_with("minutes"), "{err}");
    assert_eq!(capture::inbox(&t.store).unwrap().len(), report.suggestions.len(), "still waiting");
    draft.minutes = Some(45);
    assert_eq!(capture::accept_edited(&mut t.store, s.id, &draft, BERLIN, utc(NOW)).unwrap().minutes, 45);

    let mut fresh = temp_store();
    let start = chrono::DateTime::parse_from_rfc3339(&report.suggestions[1].start).unwrap();
    let local = start.with_timezone(&BERLIN).format("%Y-%m-%dT%H:%M").to_string();
    let hand = fresh.log(entry(BERLIN, &local, 20));
    let with_twin =
        capture::capture(&mut fresh.store, &request(&[fixture("incidents.json")]), BERLIN, utc(NOW)).unwrap();
    let twin = with_twin.suggestions.iter().find(|x| x.external_id == report.suggestions[1].external_id).unwrap();
    assert_eq!(twin.maybe_duplicate_of, Some(hand.id));
}

#[test]
fn a_bad_file_names_itself_and_nothing_is_suggested_from_any() {
    let mut t = temp_store();
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("broken.json");
    std::fs::write(&bad, r#"{"incidents": [{"id": "X", "created_at": "yesterday"}]}"#).unwrap();
    let err = capture::capture(&mut t.store, &request(&[fixture("incidents.json"), bad.clone()]), BERLIN, utc(NOW))
        .unwrap_err();
    assert!(err.to_string().starts_with(&bad.display().to_string()), "{err}");
    assert!(capture::inbox(&t.store).unwrap().is_empty(), "all or nothing");
    let ics = dir.path().join("calendar.json");
    std::fs::write(&ics, "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n").unwrap();
    let wrong = CaptureRequest { kind: Some(Kind::Pagerduty), ..request(&[ics]) };
    let err = capture::capture(&mut t.store, &wrong, BERLIN, utc(NOW)).unwrap_err().to_string();
    assert!(err.contains("this looks like an iCalendar file, not a PagerDuty export"), "{err}");
}

#[test]
fn a_mapping_is_saved_by_name_and_who_i_am_is_kept() {
    let mut t = temp_store();
    let spec = "start=CreatedAt,end=ClosedAt,source=Source,severity=Priority,id=TinyId,title=Message";
    let first = CaptureRequest {
        map: Some(spec.into()),
        save_map: Some("opsgenie".into()),
        me: Some("ana@example.com".into()),
        ..request(&[fixture("opsgenie.csv")])
    };
    let report = capture::capture(&mut t.store, &first, BERLIN, utc(NOW)).unwrap();
    let prefs = t.store.prefs().unwrap();
    assert!(prefs.capture.maps.contains_key("opsgenie"));
    assert_eq!(prefs.capture.me.get("csv").map(String::as_str), Some("ana@example.com"));
    let by_name = CaptureRequest { map: Some("opsgenie".into()), ..request(&[fixture("opsgenie.csv")]) };
    let again = capture::capture(&mut t.store, &by_name, BERLIN, utc(NOW)).unwrap();
    assert_eq!(again.skipped[&Skip::AlreadySeen], report.suggested);
    let unknown = CaptureRequest { map: Some("nope".into()), ..request(&[fixture("opsgenie.csv")]) };
    let err = capture::capture(&mut t.store, &unknown, BERLIN, utc(NOW)).unwrap_err().to_string();
    assert!(err.contains("saved: opsgenie"), "{err}");
}

#[test]
fn an_accepted_entry_remembers_its_origin_and_a_restored_backup_suggests_nothing_twice() {
    use loadline_core::export::backup;
    let mut t = temp_store();
    let report = capture::capture(&mut t.store, &request(&[fixture("incidents.json")]), BERLIN, utc(NOW)).unwrap();
    let first = report.suggestions[0].clone();
    capture::accept(&mut t.store, Some(&[first.id]), BERLIN, utc(NOW)).unwrap();
    capture::dismiss(&mut t.store, Some(&[report.suggestions[1].id]), utc(NOW)).unwrap();
    let listed = loadline_core::usecases::views::entries(&t.store, None).unwrap();
    let origin = listed[0].origin.clone().expect("a captured entry says where it came from");
    assert_eq!((origin.kind, origin.external_id), (Kind::Pagerduty, first.external_id.clone()));

    let mut file = Vec::new();
    backup::write(&t.store, None, utc(NOW), &mut file).unwrap();
    let mut restored = temp_store();
    restored.store.import(&backup::parse(std::str::from_utf8(&file).unwrap()).unwrap()).unwrap();
    let again =
        capture::capture(&mut restored.store, &request(&[fixture("incidents.json")]), BERLIN, utc(NOW)).unwrap();
    assert_eq!(again.suggested, 0, "accepted, dismissed and pending ones all came along: {}", again.said);
    assert_eq!(capture::inbox(&restored.store).unwrap().len(), report.suggestions.len() - 2);
    let entries = loadline_core::usecases::views::entries(&restored.store, None).unwrap();
    assert_eq!(entries[0].origin.as_ref().map(|o| o.external_id.as_str()), Some(first.external_id.as_str()));
}
