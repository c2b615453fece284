//! PagerDuty capture: incident lists, log entries and webhook V3 events, read from files written
//! after PagerDuty's documented shapes (`tests/fixtures/capture/`).

use std::collections::BTreeMap;

use loadline_core::capture::{pagerduty, Event, Found, Kind, Options, Skip};
use loadline_core::interruptions::Severity;

use crate::support::{capture_fixture, capture_options, utc, BERLIN};

const ME: &str = "PXPGF42";

fn read(name: &str, me: Option<&str>) -> Found {
    pagerduty::read(&capture_fixture(name), &capture_options(me)).unwrap()
}

fn by_id<'a>(found: &'a Found, id: &str) -> &'a Event {
    found.events.iter().find(|e| e.external_id == id).unwrap_or_else(|| panic!("no event {id} in {found:#?}"))
}

fn skipped(pairs: &[(Skip, u32)]) -> BTreeMap<Skip, u32> {
    pairs.iter().copied().collect()
}

fn error(text: &str) -> String {
    pagerduty::read(text, &capture_options(Some(ME))).unwrap_err().to_string()
}

#[test]
fn an_incident_starts_when_it_was_assigned_to_me_and_lasts_until_it_was_resolved() {
    let found = read("incidents.json", Some(ME));
    let fire = by_id(&found, "PT4KHLK");
    assert_eq!(fire.kind, Kind::Pagerduty);
    assert_eq!(fire.title, "#1234 The server is on fire.");
    // Triggered 23:10, assigned to me 23:12, resolved 00:02:30: 50½ minutes, rounded up.
    assert_eq!(fire.start, utc("2026-11-17T23:12:00Z"));
    assert_eq!(fire.minutes, 51);
    assert_eq!(fire.zone, BERLIN);
    assert_eq!((fire.channel.as_str(), fire.source.as_deref()), ("page", Some("Checkout API")));
    assert_eq!(fire.severity, Severity::P1);
    assert!(!fire.chosen);
    // Escalated from Kenneth to me at 20:30: it reached me then, not at the trigger.
    assert_eq!(by_id(&found, "Q2LONG1").start, utc("2026-11-19T20:30:00Z"));
}

#[test]
fn a_page_lasts_at_least_five_minutes_and_at_most_the_longest_a_page_lasts() {
    let found = read("incidents.json", Some(ME));
    // Resolved two minutes after it reached me.
    assert_eq!(by_id(&found, "Q1B3XLY").minutes, 5);
    // Seven hours of replication lag.
    assert_eq!(by_id(&found, "Q2LONG1").minutes, 240);
    let shorter = Options { max_page_minutes: 90, ..capture_options(Some(ME)) };
    let found = pagerduty::read(&capture_fixture("incidents.json"), &shorter).unwrap();
    assert_eq!(by_id(&found, "Q2LONG1").minutes, 90);
    // Still open ten minutes after it was assigned: it has lasted ten minutes so far.
    assert_eq!(by_id(&found, "Q5OPEN1").minutes, 10);
}

#[test]
fn severity_is_the_priority_else_the_urgency_in_pagerdutys_own_words() {
    let found = read("incidents.json", Some(ME));
    assert_eq!(by_id(&found, "Q2LONG1").severity, Severity::P3, "P3 priority wins over high urgency");
    assert_eq!(by_id(&found, "Q5OPEN1").severity, Severity::P2);
    assert_eq!(by_id(&found, "Q1B3XLY").severity, Severity::P4, "low urgency, no priority");
    assert_eq!(by_id(&found, "Q4ACKED").severity, Severity::P2, "high urgency, no priority");
    assert_eq!(pagerduty::severity_of(Some("P5"), Some("high")), Severity::P4);
    assert_eq!(pagerduty::severity_of(Some("Custom SEV"), Some("high")), Severity::P2);
    assert_eq!(pagerduty::severity_of(None, None), Severity::None);
}

#[test]
fn an_incident_not_assigned_to_me_is_not_mine_and_one_i_only_acknowledged_starts_at_its_trigger() {
    let found = read("incidents.json", Some(ME));
    assert!(found.events.iter().all(|e| e.external_id != "Q3OTHER"));
    let acked = by_id(&found, "Q4ACKED");
    assert_eq!(acked.start, utc("2026-11-21T05:40:00Z"));
    // Resolved (last status change) at 06:20.
    assert_eq!(acked.minutes, 40);
    assert_eq!(found.skipped, skipped(&[(Skip::NotMe, 1), (Skip::Future, 1), (Skip::OutOfRange, 1)]));
    let ids: Vec<_> = found.events.iter().map(|e| e.external_id.as_str()).collect();
    assert_eq!(ids, ["PT4KHLK", "Q1B3XLY", "Q2LONG1", "Q4ACKED", "Q5OPEN1"], "in the order they started");
}

#[test]
fn me_is_an_id_a_name_or_an_email_and_without_it_every_incident_starts_at_its_trigger() {
    let by_name = read("incidents.json", Some("earline greenholt"));
    assert_eq!(by_name, read("incidents.json", Some(ME)));
    let everyone = read("incidents.json", None);
    assert_eq!(everyone.events.len(), 6);
    assert_eq!(everyone.skipped, skipped(&[(Skip::Future, 1), (Skip::OutOfRange, 1)]));
    assert_eq!(by_id(&everyone, "Q2LONG1").start, utc("2026-11-19T20:00:00Z"));
    let with_email = r#"{"incidents": [{"id": "PE1", "created_at": "2026-11-20T21:00:00Z",
        "assignments": [{"at": "2026-11-20T21:03:00Z", "assignee": {"id": "PXPGF42", "type": "user",
        "name": "Earline Greenholt", "email": "Earline@Example.com"}}]}]}"#;
    let found = pagerduty::read(with_email, &capture_options(Some("earline@example.com"))).unwrap();
    assert_eq!(found.events[0].start, utc("2026-11-20T21:03:00Z"));
    assert_eq!(found.events[0].title, "PagerDuty incident PE1");
}

#[test]
fn log_entries_start_at_the_first_notification_to_me_and_keep_the_incident_id() {
    let found = read("log_entries.json", Some(ME));
    assert_eq!(found.events.len(), 1, "{found:#?}");
    let fire = &found.events[0];
    assert_eq!(fire.external_id, "PT4KHLK", "the same id as the incident list gives");
    // Assigned to me at 23:12:00 (the assign entry), then phoned 23:12:10.
    assert_eq!(fire.start, utc("2026-11-17T23:12:00Z"));
    assert_eq!(fire.minutes, 51);
    assert_eq!(fire.title, "[#1234] The server is on fire. (by phone)");
    assert_eq!(fire.source.as_deref(), Some("Checkout API"));
    // Kenneth's certificate page; the suppressed alert notified nobody and is no page at all.
    assert_eq!(found.skipped, skipped(&[(Skip::NotMe, 1)]));
    let everyone = read("log_entries.json", None);
    assert_eq!(everyone.events.len(), 2);
    assert_eq!(everyone.events[0].start, utc("2026-11-17T23:10:00Z"), "the trigger, without --me");
}

#[test]
fn webhook_events_of_one_incident_fold_into_one_page() {
    let found = read("webhooks.json", Some(ME));
    let bump = by_id(&found, "PGR0VU2");
    // Triggered to User 123 at 01:04, reassigned to me 01:20, resolved 03:30.
    assert_eq!(bump.start, utc("2026-11-21T01:20:00Z"));
    assert_eq!(bump.minutes, 130);
    assert_eq!(bump.title, "A little bump in the road");
    assert_eq!((bump.source.as_deref(), bump.severity), (Some("API Service"), Severity::P2));
    // Added as a responder at 21:10, resolved two minutes later.
    let all_hands = by_id(&found, "PRESP01");
    assert_eq!((all_hands.start, all_hands.minutes), (utc("2026-11-23T21:10:00Z"), 5));
    assert_eq!(all_hands.severity, Severity::P2, "high urgency");
    assert_eq!(found.events.len(), 2);
    assert_eq!(found.skipped, skipped(&[(Skip::NotMe, 1)]));
}

#[test]
fn webhook_events_one_per_line_read_as_the_array_does() {
    assert_eq!(read("webhooks.ndjson", Some(ME)), read("webhooks.json", Some(ME)));
    let one = capture_fixture("webhooks.ndjson").lines().next().unwrap().to_owned();
    let found = pagerduty::read(&one, &capture_options(None)).unwrap();
    assert_eq!(found.events[0].start, utc("2026-11-21T01:04:00Z"));
    assert_eq!(found.events[0].minutes, 240, "still open four days later");
}

#[test]
fn a_malformed_file_names_the_record_and_the_field_and_finds_nothing() {
    let bad_time = capture_fixture("incidents.json").replace("\"2026-11-21T05:40:00Z\"", "\"yesterday\"");
    let e = error(&bad_time);
    assert!(e.starts_with("incidents[4].created_at: 'yesterday' is not an RFC 3339 time"), "{e}");
    assert!(e.contains("(line 104, column "), "where it is in the file: {e}");
    let e = error(r#"{"incidents": [{"id": "P1", "title": "x"}]}"#);
    assert!(e.starts_with("incidents[0]: missing field `created_at`"), "{e}");
    let e = error(
        r#"{"incidents": [{"id": "P1", "created_at": "2026-11-20T21:00:00Z", "created_at": "2026-11-20T21:00:00Z"}]}"#,
    );
    assert!(e.starts_with("incidents[0]: duplicate field `created_at`"), "{e}");
    let e = error(r#"{"log_entries": [{"type": "notify_log_entry", "created_at": "2026-11-20T21:00:00Z"}]}"#);
    assert!(e.starts_with("log_entries[0].incident: missing"), "{e}");
    let mut lines: Vec<String> = capture_fixture("webhooks.ndjson").lines().map(str::to_owned).collect();
    lines[2] = lines[2].replace("2026-11-21T01:25:00.000Z", "01:25");
    let e = error(&lines.join("\n"));
    assert!(e.starts_with("line 3: event.occurred_at: '01:25' is not an RFC 3339 time"), "{e}");
    lines[2] = "{\"event\": ".into();
    let e = error(&lines.join("\n"));
    assert!(e.starts_with("line 3: not valid JSON at column 10"), "{e}");
    let e = error(&capture_fixture("webhooks.json").replacen(
        "\"occurred_at\": \"2026-11-21T01:20:00.000Z\"",
        "\"occurred_at\": 7",
        1,
    ));
    assert!(e.starts_with("[1].event.occurred_at: invalid type: integer `7`"), "{e}");
}

#[test]
fn a_file_that_is_not_from_pagerduty_says_what_was_expected() {
    let e = error(r#"{"alerts": []}"#);
    assert!(e.starts_with("file: this is not a PagerDuty export"), "{e}");
    let e = error("{\"incidents\": [");
    assert!(e.starts_with("file: not valid JSON"), "{e}");
}

#[test]
fn titles_are_kept_as_text() {
    let text = r#"{"incidents": [{"id": "PX", "title": "<script>alert(1)</script> & more", "created_at": "2026-11-20T21:00:00Z"}]}"#;
    let found = pagerduty::read(text, &capture_options(None)).unwrap();
    assert_eq!(found.events[0].title, "<script>alert(1)</script> & more");
}
