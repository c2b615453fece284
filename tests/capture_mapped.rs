//! Mapped capture: an Opsgenie-like CSV and an incident.io-like JSON read through a mapping.

use loadline_core::capture::mapped::{self, Mapping};
use loadline_core::capture::{Event, Found, Kind, Options, Skip};
use loadline_core::interruptions::Severity;

use crate::support::{capture_fixture, capture_options, utc};

fn opts() -> Options {
    capture_options(Some("ana@example.com"))
}

const OPSGENIE: &str = "id=TinyId,title=Message,start=CreatedAt,end=ClosedAt,severity=Priority,source=Source,who=Owner";
const INCIDENT_IO: &str = "start=created_at,end=incident_timestamp_values.1.value.value,title=name,\
    severity=severity.name,id=reference,source=custom_field_entries.0.values.0.value_text,\
    who=incident_role_assignments.0.assignee.email";

fn csv(text: &str, spec: &str) -> loadline_core::error::Result<Found> {
    mapped::read_csv(text, &Mapping::parse(spec).unwrap(), &opts())
}

fn json(text: &str, spec: &str) -> loadline_core::error::Result<Found> {
    mapped::read_json(text, &Mapping::parse(spec).unwrap(), &opts())
}

fn summary(e: &Event) -> (&str, chrono::DateTime<chrono::Utc>, u32, Severity, Option<&str>, &str) {
    (e.external_id.as_str(), e.start, e.minutes, e.severity, e.source.as_deref(), e.title.as_str())
}

#[test]
fn an_opsgenie_csv_reads_through_its_mapping() {
    let found = csv(&capture_fixture("opsgenie.csv"), OPSGENIE).unwrap();
    let got: Vec<_> = found.events.iter().map(summary).collect();
    assert_eq!(
        got,
        [
            // Local times are read in the zone given (Berlin, +01:00).
            ("1041", utc("2026-11-17T22:05:00Z"), 36, Severity::P1, Some("Datadog"), "Checkout 5xx above 2%, EU"),
            // One minute long: at least five. Markup stays text.
            ("1042", utc("2026-11-18T02:00:00Z"), 5, Severity::P3, Some("Prometheus"), "<b>Disk</b> 91% on \"db-2\""),
            // Milliseconds since 1970, still open: until now, at most 240 minutes.
            ("1044", utc("2026-11-24T23:00:00Z"), 240, Severity::P2, Some("Prometheus"), "Queue depth over 10k"),
        ]
    );
    assert!(found.events.iter().all(|e| e.kind == Kind::Csv && e.channel == "page" && !e.chosen));
    // Bo's certificate alert; October's batch.
    assert_eq!(found.skipped, [(Skip::NotMe, 1), (Skip::OutOfRange, 1)].into_iter().collect());
}

#[test]
fn an_incident_io_json_reads_through_dotted_paths() {
    let found = json(&capture_fixture("incidentio.json"), INCIDENT_IO).unwrap();
    let got: Vec<_> = found.events.iter().map(summary).collect();
    assert_eq!(
        got,
        [
            ("INC-123", utc("2026-11-18T20:40:00Z"), 85, Severity::P3, Some("Database"), "Our database is sad"),
            // Its "Resolved" value is null: still open.
            ("INC-124", utc("2026-11-22T06:10:00Z"), 240, Severity::P1, Some("Payments"), "Payments are failing"),
        ]
    );
    assert!(found.events.iter().all(|e| e.kind == Kind::Json));
    assert_eq!(found.skipped, [(Skip::NotMe, 1)].into_iter().collect());
}

#[test]
fn a_json_array_of_records_reads_too_and_a_missing_id_is_made_from_the_record() {
    let text = r#"[{"at": "2026-11-20 21:30", "minutes": 25, "service": {"name": "VPN"}, "kind": "call"}]"#;
    let spec = "start=at,minutes=minutes,source=service.name,channel=kind";
    let found = json(text, spec).unwrap();
    let e = &found.events[0];
    assert_eq!(
        (e.start, e.minutes, e.channel.as_str(), e.title.as_str()),
        (utc("2026-11-20T20:30:00Z"), 25, "call", "VPN")
    );
    assert!(e.external_id.starts_with("row-"), "{}", e.external_id);
    assert_eq!(json(text, spec).unwrap().events[0].external_id, e.external_id, "the same record, the same id");
    // Without end or minutes, a record is the shortest page.
    assert_eq!(json(text, "start=at").unwrap().events[0].minutes, 5);
}

#[test]
fn a_mapping_is_read_from_its_spec_and_written_back_in_one_order() {
    let m = Mapping::parse(" severity=Priority , start=Created At,id=alert_id ").unwrap();
    assert_eq!(m.spec(), "start=Created At,severity=Priority,id=alert_id");
    assert_eq!(Mapping::parse(&m.spec()).unwrap(), m);
    for (spec, says) in [
        ("end=resolved_at", "map: start is required"),
        ("start=a,start=b", "map: start is given twice"),
        ("start=a,begin=b", "map: 'begin' is not a key of a mapping; use start, end, minutes"),
        ("start", "map: 'start' is not KEY=COLUMN"),
        ("start=", "map: start names no column"),
        ("start=a,end=b,minutes=c", "map: give end or minutes, not both"),
    ] {
        let e = Mapping::parse(spec).unwrap_err().to_string();
        assert!(e.starts_with(says), "{spec}: {e}");
    }
}

#[test]
fn a_malformed_csv_names_the_line_and_the_field_and_finds_nothing() {
    let text = capture_fixture("opsgenie.csv").replace("2026-11-19 21:00,", "last tuesday,");
    let e = csv(&text, OPSGENIE).unwrap_err().to_string();
    assert!(e.starts_with("line 4: start (CreatedAt): 'last tuesday' is not a time"), "{e}");
    let text = capture_fixture("opsgenie.csv").replace(",P3,", ",urgent,");
    let e = csv(&text, OPSGENIE).unwrap_err().to_string();
    assert!(e.starts_with("line 3: severity (Priority): 'urgent' is not a severity"), "{e}");
    let text = capture_fixture("opsgenie.csv").replace("2026-11-17 23:41:00", "2026-11-17 22:41:00");
    let e = csv(&text, OPSGENIE).unwrap_err().to_string();
    assert!(e.starts_with("line 2: end (ClosedAt): 2026-11-17T21:41:00+00:00 is before its start"), "{e}");
    let e = csv(&capture_fixture("opsgenie.csv"), "start=Created").unwrap_err().to_string();
    assert!(e.starts_with("line 1: start: the header has no column 'Created'; its columns are: TinyId, Alias"), "{e}");
    let e = csv("at,minutes\n2026-11-20 21:30,0\n", "start=at,minutes=minutes").unwrap_err().to_string();
    assert!(e.starts_with("line 2: minutes (minutes): '0' is not a whole number of minutes from 1 to 10080"), "{e}");
    // 02:30 does not exist in Berlin on the night clocks go forward.
    let e = csv("at\n2026-03-29 02:30\n", "start=at").unwrap_err().to_string();
    assert!(e.starts_with("line 2: start (at): 2026-03-29 02:30 does not exist in Europe/Berlin"), "{e}");
}

#[test]
fn a_malformed_json_names_the_record_and_the_field_and_finds_nothing() {
    let text = capture_fixture("incidentio.json").replace("\"2026-11-22T06:10:00Z\"", "\"soon\"");
    let e = json(&text, INCIDENT_IO).unwrap_err().to_string();
    assert!(e.starts_with("incidents[1].created_at: 'soon' is not a time"), "{e}");
    let e = json(&capture_fixture("incidentio.json"), "start=created_at,severity=severity").unwrap_err().to_string();
    assert!(
        e.starts_with("incidents[0].severity: is an object for severity; name a field inside it, e.g. severity.name"),
        "{e}"
    );
    let e = json(r#"[{"at": "2026-11-20T21:30:00Z"}, {"when": 1}]"#, "start=at").unwrap_err().to_string();
    assert!(e.starts_with("[1].at: missing"), "{e}");
    let e = json(r#"{"a": [], "b": []}"#, "start=at").unwrap_err().to_string();
    assert!(e.starts_with("file: the object holds several arrays (a, b)"), "{e}");
    let e =
        json(r#"[{"at": "2026-11-20T21:30:00Z", "at": "2026-11-20T22:30:00Z"}]"#, "start=at").unwrap_err().to_string();
    assert!(e.contains("'at' appears twice"), "{e}");
    let e = json(r#"[3]"#, "start=at").unwrap_err().to_string();
    assert!(e.starts_with("[0]: a record is an object of fields"), "{e}");
}

#[test]
fn severity_words_from_other_tools() {
    for (word, severity) in [
        ("P1", Severity::P1),
        ("sev-2", Severity::P2),
        ("SEV 3", Severity::P3),
        ("Critical", Severity::P1),
        ("Major", Severity::P2),
        ("minor", Severity::P3),
        ("P5", Severity::P4),
        ("none", Severity::None),
    ] {
        assert_eq!(mapped::severity_named(word), Some(severity), "{word}");
    }
    assert_eq!(mapped::severity_named("severe"), None);
    assert_eq!(mapped::severity_named("P"), None);
}
