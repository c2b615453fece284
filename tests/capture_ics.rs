//! Capture from calendars: iCalendar files as Google Calendar and Outlook/Exchange export them,
//! read into meetings. Every UTC instant below was worked out by hand from the zone's rules:
//! Europe/Berlin (and "W. Europe Standard Time") is UTC+2 until 03:00 local on Sunday 25 October
//! 2026 and UTC+1 after it, so 19:00 local is 17:00Z in October before the change, 18:00Z after.

use std::collections::BTreeMap;

use chrono_tz::Tz;
use loadline_core::capture::ics::read;
use loadline_core::capture::{Event, Found, Kind, Options, Skip, DEFAULT_MAX_PAGE_MINUTES};
use loadline_core::error::Error;

use crate::support::{utc, BERLIN};

const LISBON: Tz = chrono_tz::Europe::Lisbon;
const OUTLOOK: &str = include_str!("fixtures/capture/outlook.ics");
const GOOGLE: &str = include_str!("fixtures/capture/google.ics");
const OUTLOOK_UID: &str =
    "040000008200E00074C5B7101A82E00800000000F0D8E3A1C44BDB0100000000000000001000000052C6E1B0A3F7C94C9E8D6B2E1A4F3C77";
const HANDOVER_UID: &str = "7kukuqrfedlm2f9t0vn9qjp0ag@google.com";

/// Ana, in Lisbon, capturing October to December 2026 on 1 December.
fn options() -> Options {
    Options {
        me: Some("Ana@Example.com".into()),
        from: utc("2026-10-01T00:00:00Z"),
        to: utc("2027-01-01T00:00:00Z"),
        zone: LISBON,
        max_page_minutes: DEFAULT_MAX_PAGE_MINUTES,
        now: utc("2026-12-01T12:00:00Z"),
    }
}

fn found(text: &str, opts: &Options) -> Found {
    read(text, opts).expect("the fixture is a valid iCalendar file")
}

/// Each event as (start, title, minutes), to compare a whole file at a glance.
fn starts(found: &Found) -> Vec<(String, &str, u32)> {
    found.events.iter().map(|e| (e.start.format("%Y-%m-%dT%H:%MZ").to_string(), e.title.as_str(), e.minutes)).collect()
}

fn skipped(pairs: &[(Skip, u32)]) -> BTreeMap<Skip, u32> {
    pairs.iter().copied().collect()
}

fn titled<'a>(found: &'a Found, title: &str) -> Vec<&'a Event> {
    found.events.iter().filter(|e| e.title == title).collect()
}

fn refusal(text: &str) -> (String, String) {
    match read(text, &options()) {
        Err(Error::Invalid { field, message, .. }) => (field, message),
        other => panic!("expected the file to be refused, got {other:?}"),
    }
}

/// The 1-based line of the file on which `needle` stands.
fn line_of(text: &str, needle: &str) -> usize {
    text.lines().position(|l| l.contains(needle)).expect("the fixture has the line") + 1
}

#[test]
fn an_outlook_weekly_evening_meeting_keeps_seven_pm_across_the_end_of_daylight_saving_time() {
    let f = found(OUTLOOK, &options());
    assert_eq!(
        starts(&f),
        vec![
            ("2026-10-06T17:00Z".into(), "Release review", 60),
            ("2026-10-13T17:00Z".into(), "Release review", 60),
            ("2026-10-20T17:00Z".into(), "Release review", 60),
            // Clocks went back on 25 October: 19:00 CET is 18:00Z.
            ("2026-10-27T18:00Z".into(), "Release review", 60),
            ("2026-11-03T18:00Z".into(), "Release review", 60),
            ("2026-11-04T20:45Z".into(), "Database failover debrief <script>alert(1)</script>", 45),
            // 10 November is an EXDATE; 17 November moved to Wednesday 18th, 19:30 CET.
            ("2026-11-18T18:30Z".into(), "Release review (moved to Wednesday)", 60),
            ("2026-11-24T18:00Z".into(), "Release review", 60),
        ]
    );
    assert_eq!(f.skipped, skipped(&[(Skip::AllDay, 1), (Skip::Declined, 1)]));
    for e in &f.events {
        assert_eq!(e.kind, Kind::Ics);
        assert_eq!(e.channel, "meeting");
        // "W. Europe Standard Time" through CLDR's table.
        assert_eq!(e.zone, BERLIN);
    }
}

#[test]
fn the_organizer_is_chosen_and_names_the_source() {
    let f = found(OUTLOOK, &options());
    let review = titled(&f, "Release review");
    assert!(review.iter().all(|e| e.chosen && e.source.as_deref() == Some("Ana Lima")));
    let debrief = &f.events[5];
    assert!(!debrief.chosen, "Ben organized the debrief; Ana only attended");
    assert_eq!(debrief.source.as_deref(), Some("Ben Okafor"));

    let mut someone_else = options();
    someone_else.me = Some("mailto:ben@example.com".into());
    let f = found(OUTLOOK, &someone_else);
    assert!(titled(&f, "Release review").iter().all(|e| !e.chosen));
    assert!(titled(&f, "Database failover debrief <script>alert(1)</script>")[0].chosen);
    // Ana declined the vendor call, but only the person's own PARTSTAT counts: for Ben, who is
    // not invited to it at all, it is someone else's meeting.
    assert_eq!(f.skipped, skipped(&[(Skip::AllDay, 1), (Skip::NotMe, 1)]));
    assert_eq!(f.events.len(), 8);
}

#[test]
fn each_instance_has_its_own_id_and_a_moved_one_keeps_its_original_start() {
    let f = found(OUTLOOK, &options());
    let ids: Vec<&str> = titled(&f, "Release review").iter().map(|e| e.external_id.as_str()).collect();
    assert_eq!(ids[0], format!("{OUTLOOK_UID}/20261006T170000Z"));
    assert_eq!(ids[3], format!("{OUTLOOK_UID}/20261027T180000Z"));
    let moved = &titled(&f, "Release review (moved to Wednesday)")[0];
    assert_eq!(moved.external_id, format!("{OUTLOOK_UID}/20261117T180000Z"));
    // Reading the same file again finds the same ids: a re-capture doubles nothing.
    assert_eq!(found(OUTLOOK, &options()), f);
}

#[test]
fn a_google_export_with_an_open_ended_weekly_meeting() {
    let f = found(GOOGLE, &options());
    assert_eq!(
        starts(&f),
        vec![
            ("2026-10-08T17:00Z".into(), "On-call handover", 60),
            ("2026-10-15T17:00Z".into(), "On-call handover", 60),
            ("2026-10-22T17:00Z".into(), "On-call handover", 60),
            // 29 October is an EXDATE. A floating time is read in the person's zone (Lisbon, UTC+0).
            ("2026-11-03T22:00Z".into(), "Patch window check", 25),
            ("2026-11-05T18:00Z".into(), "On-call handover", 60),
            ("2026-11-10T21:30Z".into(), "Payments outage: war room, round 2", 45),
            // 12 November moved to Friday 13th 20:00 CET; 19 November was cancelled.
            ("2026-11-13T19:00Z".into(), "On-call handover (Friday this week)", 60),
            ("2026-11-26T18:00Z".into(), "On-call handover", 60),
        ]
    );
    // 3, 10, 17, 24 and 31 December are after now; the rule goes on, but not past the range.
    assert_eq!(f.skipped, skipped(&[(Skip::Declined, 1), (Skip::AllDay, 1), (Skip::Future, 5)]));

    let handover = &f.events[0];
    assert_eq!(handover.zone, BERLIN);
    assert_eq!(handover.source.as_deref(), Some("Ops Guild"));
    assert!(!handover.chosen);
    assert_eq!(handover.external_id, format!("{HANDOVER_UID}/20261008T170000Z"));
    assert_eq!(f.events[6].external_id, format!("{HANDOVER_UID}/20261112T180000Z"));

    let war_room = &f.events[5];
    assert!(war_room.chosen, "Ana organized the war room");
    assert_eq!(war_room.source.as_deref(), Some("Ana Lima"));
    // A UTC time is shown in the person's zone.
    assert_eq!(war_room.zone, LISBON);
    let patch = &f.events[3];
    assert_eq!((patch.zone, patch.source.as_deref(), patch.chosen), (LISBON, None, false));
}

#[test]
fn an_open_ended_rule_is_expanded_only_within_the_range() {
    let mut october = options();
    october.to = utc("2026-11-01T00:00:00Z");
    let f = found(GOOGLE, &october);
    assert_eq!(
        starts(&f),
        vec![
            ("2026-10-08T17:00Z".into(), "On-call handover", 60),
            ("2026-10-15T17:00Z".into(), "On-call handover", 60),
            ("2026-10-22T17:00Z".into(), "On-call handover", 60),
        ]
    );
    // The one-off events and the moved instance of November are outside; the series' own later
    // instances are never expanded, so they are not counted.
    assert_eq!(f.skipped, skipped(&[(Skip::Declined, 1), (Skip::OutOfRange, 4)]));
}

#[test]
fn a_daily_rule_without_end_stops_at_the_end_of_the_range_and_the_future_is_never_suggested() {
    let text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:standup@example.com\r\nDTSTART:20260101T190000Z\r\nDTEND:20260101T191500Z\r\nRRULE:FREQ=DAILY\r\nSUMMARY:Evening check-in\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    let opts = Options {
        from: utc("2026-01-01T00:00:00Z"),
        to: utc("2026-01-10T00:00:00Z"),
        now: utc("2026-01-03T12:00:00Z"),
        ..options()
    };
    let f = found(text, &opts);
    assert_eq!(
        starts(&f),
        vec![
            ("2026-01-01T19:00Z".into(), "Evening check-in", 15),
            ("2026-01-02T19:00Z".into(), "Evening check-in", 15)
        ]
    );
    assert_eq!(f.skipped, skipped(&[(Skip::Future, 7)]));

    // A range long after the rule began: only the range's instances, none before it counted.
    let later = Options {
        from: utc("2030-06-01T00:00:00Z"),
        to: utc("2030-06-04T00:00:00Z"),
        now: utc("2031-01-01T00:00:00Z"),
        ..opts
    };
    assert_eq!(found(text, &later).events.len(), 3);
}

#[test]
fn a_rule_until_a_local_time_and_a_series_outside_the_range() {
    let text = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:u@example.com\r\nDTSTART;TZID=Europe/Berlin:20261019T190000\r\nDURATION:PT1H\r\nRRULE:FREQ=DAILY;UNTIL=20261026T180000Z\r\nSUMMARY:Deploy watch\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    let f = found(text, &options());
    // UNTIL is 26 October 18:00Z = 19:00 CET: that day's instance is the last.
    assert_eq!(f.events.len(), 8);
    assert_eq!(f.events[6].start, utc("2026-10-25T18:00:00Z"));
    assert_eq!(f.events[7].start, utc("2026-10-26T18:00:00Z"));

    let mut next_year = options();
    next_year.from = utc("2027-01-01T00:00:00Z");
    next_year.to = utc("2027-02-01T00:00:00Z");
    let f = found(text, &next_year);
    assert!(f.events.is_empty());
    assert_eq!(f.skipped, skipped(&[(Skip::OutOfRange, 1)]));
}

#[test]
fn a_spring_forward_gap_moves_an_instance_forward_by_the_gap() {
    // 02:30 does not exist in Berlin on 29 March 2026: RFC 5545 reads it with the offset before
    // the gap, 02:30 CET = 01:30Z, which the clocks show as 03:30 CEST.
    let text = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:night@example.com\r\nDTSTART;TZID=Europe/Berlin:20260327T023000\r\nDTEND;TZID=Europe/Berlin:20260327T030000\r\nRRULE:FREQ=DAILY;COUNT=4\r\nSUMMARY:Batch check\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    let opts = Options { from: utc("2026-03-01T00:00:00Z"), to: utc("2026-04-01T00:00:00Z"), ..options() };
    let f = found(text, &opts);
    let at: Vec<String> = f.events.iter().map(|e| e.start.format("%m-%dT%H:%MZ").to_string()).collect();
    assert_eq!(at, vec!["03-27T01:30Z", "03-28T01:30Z", "03-29T01:30Z", "03-30T00:30Z"]);
}

#[test]
fn a_malformed_date_names_its_line_and_property_and_gives_no_events() {
    let broken = GOOGLE.replace("DTSTART:20261110T213000Z", "DTSTART:2026-11-10T21:30Z");
    let (field, message) = refusal(&broken);
    assert_eq!(field, format!("line {}: DTSTART", line_of(&broken, "DTSTART:2026-11-10")));
    assert!(message.contains("'2026-11-10T21:30Z' is not an iCalendar date"), "{message}");
}

#[test]
fn a_line_without_a_value_is_refused_by_its_line() {
    let broken = OUTLOOK.replace("SUMMARY;LANGUAGE=en-us:Team offsite", "SUMMARY Team offsite");
    let (field, message) = refusal(&broken);
    assert_eq!(field, format!("line {}: SUMMARY", line_of(&broken, "SUMMARY Team offsite")));
    assert!(message.contains("no ':'"), "{message}");
}

#[test]
fn an_unclosed_event_and_a_foreign_file_are_refused() {
    let broken = GOOGLE.replacen("END:VEVENT\r\n", "", 1);
    let (field, message) = refusal(&broken);
    // The first event is never closed: the calendar's END is met while it is still open.
    assert_eq!(field, format!("line {}: END", line_of(&broken, "END:VCALENDAR")));
    assert!(message.contains("each BEGIN needs its END"), "{message}");

    let (field, message) = refusal("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n");
    assert_eq!(field, "line 2");
    assert!(message.contains("the file ends inside a component"), "{message}");

    let (field, message) = refusal("DTSTART:20261110T213000Z\r\n");
    assert_eq!(field, "line 1");
    assert!(message.contains("BEGIN:VCALENDAR"), "{message}");
}

#[test]
fn an_unknown_zone_and_a_bad_rule_name_their_lines() {
    let broken = OUTLOOK.replace(
        "DTSTART;TZID=W. Europe Standard Time:20261021T180000",
        "DTSTART;TZID=Middle Earth Standard Time:20261021T180000",
    );
    let (field, message) = refusal(&broken);
    assert_eq!(field, format!("line {}: DTSTART", line_of(&broken, "Middle Earth")));
    assert!(message.contains("'Middle Earth Standard Time'"), "{message}");

    let broken = OUTLOOK.replace("RRULE:FREQ=WEEKLY;COUNT=8;BYDAY=TU", "RRULE:FREQ=FORTNIGHTLY;BYDAY=TU");
    let (field, _) = refusal(&broken);
    assert_eq!(field, format!("line {}: RRULE", line_of(&broken, "FORTNIGHTLY")));
}

#[test]
fn an_event_without_uid_is_refused_naming_where_it_begins() {
    let text =
        "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20261110T213000Z\r\nSUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    let (field, _) = refusal(text);
    assert_eq!(field, "line 2: UID");
}

#[test]
fn titles_stay_text() {
    let f = found(OUTLOOK, &options());
    // Markup is kept as the characters it is; escapes are undone (`\,` is a comma).
    assert!(f.events.iter().any(|e| e.title == "Database failover debrief <script>alert(1)</script>"));
    let f = found(GOOGLE, &options());
    assert!(f.events.iter().any(|e| e.title == "Payments outage: war room, round 2"));
}

#[test]
fn an_end_written_before_its_start_is_refused_but_a_start_in_a_dst_gap_is_not() {
    let event = |start: &str, end: &str| {
        format!("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:g@example.com\r\nDTSTART;TZID=Europe/Berlin:{start}\r\nDTEND;TZID=Europe/Berlin:{end}\r\nSUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    };
    let (field, _) = refusal(&event("20261110T210000", "20261110T200000"));
    assert_eq!(field, "line 5: DTEND");

    // 02:50 on 29 March 2026 is skipped: read as 01:50Z, after the end at 03:05 CEST (01:05Z).
    let opts = Options { from: utc("2026-03-01T00:00:00Z"), to: utc("2026-04-01T00:00:00Z"), ..options() };
    let f = found(&event("20260329T025000", "20260329T030500"), &opts);
    assert_eq!(f.events[0].start, utc("2026-03-29T01:50:00Z"));
    assert_eq!(f.events[0].minutes, 1);
}

#[test]
fn a_shared_calendars_meeting_between_others_is_not_mine() {
    let event = |uid: &str, who: &[&str]| {
        let attendees: String = who.iter().map(|a| format!("ATTENDEE;PARTSTAT=ACCEPTED:mailto:{a}\r\n")).collect();
        format!("BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTART:20261118T200000Z\r\nDTEND:20261118T203000Z\r\nORGANIZER;CN=Bo:mailto:bo@example.com\r\n{attendees}SUMMARY:Late call\r\nEND:VEVENT\r\n")
    };
    let text = format!(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n{}{}{}END:VCALENDAR\r\n",
        event("others@example.com", &["cy@example.com", "di@example.com"]),
        event("mine@example.com", &["cy@example.com", "ana@example.com"]),
        event("nobody-invited@example.com", &[])
    );
    let f = found(&text, &options());
    let ids: Vec<&str> = f.events.iter().map(|e| e.external_id.split('/').next().unwrap()).collect();
    assert_eq!(ids, ["mine@example.com", "nobody-invited@example.com"]);
    assert_eq!(f.skipped.get(&Skip::NotMe), Some(&1));
}
