//! Loadline's measured figures (README, "Performance"): `cargo bench -p loadline-core --bench perf`.
//! A plain bench binary: each figure is a median and a tail over many runs on a real file.
//!
//! - logging one entry, from a checked draft to committed on disk (WAL, synchronous=FULL);
//! - a week's numbers, the 12-week trend and the whole reflection view over ten years of heavy
//!   use (50,000 entries);
//! - each export format over the same 50,000 entries, in-process;
//! - a team share file of the last year, and merging 50 people's share files of 52 weeks;
//! - capturing 10,000 PagerDuty incidents (`GET /incidents` as saved), in-process;
//! - capturing a busy year of calendar: 5,000 events, 200 of them weekly series with an EXDATE
//!   and a moved instance each, in an IANA and a Windows zone.
//!
//! `cargo bench -p loadline-core --bench perf -- capture` runs the capture figures alone.

use std::time::{Duration, Instant};

use chrono::{DateTime, Duration as Span, Utc};
use loadline_core::capture::{ics, pagerduty, Options, DEFAULT_MAX_PAGE_MINUTES};
use loadline_core::export::{full_backup, render, Format, Include, Range};
use loadline_core::interruptions::{Draft, NewInterruption};
use loadline_core::store::Store;
use loadline_core::team::{merge, share};
use loadline_core::usecases::{team, views};
use loadline_core::week::IsoWeek;

const ZONE: chrono_tz::Tz = chrono_tz::Europe::Berlin;

fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-25T12:00:00Z").unwrap().with_timezone(&Utc)
}

fn report(what: &str, mut times: Vec<Duration>) {
    times.sort();
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{what:<48} n={:<5} median {:>8.2} ms   p99 {:>8.2} ms   max {:>8.2} ms",
        times.len(),
        ms(at(0.5)),
        ms(at(0.99)),
        ms(*times.last().unwrap())
    );
}

fn time<T>(n: usize, mut f: impl FnMut() -> T) -> Vec<Duration> {
    (0..n)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(f());
            t.elapsed()
        })
        .collect()
}

/// About 96 entries a week for ten years: evenings, nights, weekends and working hours mixed.
pub fn heavy_use(n: usize) -> Vec<NewInterruption> {
    let start = now() - Span::days(3650);
    (0..n)
        .map(|i| {
            let at = start + Span::minutes((i as i64 * 3650 * 24 * 60) / n as i64 + (i as i64 * 37) % 300);
            Draft {
                channel: ["page", "call", "chat", "email"][i % 4].into(),
                minutes: Some(5 + (i as i64 * 7) % 90),
                at: Some(at.to_rfc3339()),
                source: Some(format!("service-{}", i % 17)),
                chosen: Some(i % 3 == 0),
                delegable: Some(i % 5 == 0),
                note: Some(format!("note {i}")),
                ..Draft::default()
            }
            .resolve(now(), ZONE)
            .unwrap()
        })
        .collect()
}

fn main() {
    capture();
    if std::env::args().skip(1).any(|a| a == "capture") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let one = Draft { channel: "page".into(), minutes: Some(15), ..Draft::default() };
    report(
        "log one entry, draft to committed on disk",
        time(1000, || {
            let e = one.resolve(now(), ZONE).unwrap();
            store.log(&[e], now()).unwrap()
        }),
    );

    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    store.log(&heavy_use(50_000), now()).unwrap();
    let week = IsoWeek::of(now(), ZONE);
    report("week numbers, 50,000 entries", time(200, || views::week(&store, week, ZONE).unwrap()));
    report(
        "week numbers and its warnings (week --json), 50,000",
        time(200, || views::week_with_warnings(&store, week, ZONE, now()).unwrap()),
    );
    report(
        "week + 12-week trend, 50,000 entries",
        time(100, || (views::week(&store, week, ZONE).unwrap(), views::trend(&store, week, 12, ZONE).unwrap())),
    );

    report(
        "reflection view (week, trend, heatmap), 50,000",
        time(100, || views::reflection(&store, week, ZONE, now()).unwrap()),
    );
    report("read all 50,000 entries", time(10, || store.interruptions(None).unwrap()));
    let all = Range::resolve(&store, None, None, ZONE, now()).unwrap();
    let everything = Include { notes: true, sources: true, names: true, owner: true, selfcheck: true };
    report("export JSON backup, 50,000 entries", time(10, || full_backup(&store, now()).unwrap()));
    report(
        "export CSV, 50,000 entries",
        time(10, || render(&store, Format::Csv, &all, &everything, None, now()).unwrap()),
    );
    report(
        "export HTML report, 50,000 entries",
        time(5, || render(&store, Format::Html, &all, &everything, None, now()).unwrap()),
    );
    report(
        "export Markdown report, 50,000 entries",
        time(5, || render(&store, Format::Markdown, &all, &everything, None, now()).unwrap()),
    );

    let year = team::ShareRequest {
        name: "Ana",
        passphrase: "blue team",
        from: Some("2025-11-24"),
        to: Some("2026-11-22"),
        include_sources: true,
    };
    report(
        "team share file of 52 weeks, 50,000 entries",
        time(10, || team::share(&store, &year, ZONE, now()).unwrap()),
    );
    let texts: Vec<String> = (0..50).map(|n| team_member(&store, n).to_json()).collect();
    report(
        "team merge of 50 people × 52 weeks, read and checked",
        time(20, || {
            let files: Vec<_> =
                texts.iter().enumerate().map(|(n, t)| (format!("{n}.json"), share::parse(t).unwrap())).collect();
            merge::merge(&files).unwrap()
        }),
    );
    let files: Vec<_> =
        texts.iter().enumerate().map(|(n, t)| (format!("{n}.json"), share::parse(t).unwrap())).collect();
    report("team merge of 50 people × 52 weeks, files in memory", time(20, || merge::merge(&files).unwrap()));
    println!("share file of 52 weeks: {} bytes", texts[0].len());
}

/// An Outlook-like export of a busy year: 4,800 one-off meetings (some all-day, some declined,
/// some organized by the person) and 200 weekly series, each with an EXDATE and a moved instance.
fn busy_calendar_year() -> String {
    let first = now() - Span::days(365);
    let zones = ["Europe/Berlin", "W. Europe Standard Time"];
    let mut out =
        String::from("BEGIN:VCALENDAR\r\nPRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\r\nVERSION:2.0\r\n");
    out.push_str("BEGIN:VTIMEZONE\r\nTZID:W. Europe Standard Time\r\nBEGIN:STANDARD\r\nDTSTART:16011028T030000\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nEND:STANDARD\r\nBEGIN:DAYLIGHT\r\nDTSTART:16010325T020000\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n");
    let local = |t: DateTime<Utc>| t.format("%Y%m%dT%H%M%S").to_string();
    for i in 0..4800i64 {
        let at = first + Span::minutes(i * 109 % (365 * 24 * 60));
        let tz = zones[i as usize % 2];
        let start = if i % 25 == 0 {
            format!(
                "DTSTART;VALUE=DATE:{}\r\nDTEND;VALUE=DATE:{}\r\n",
                at.format("%Y%m%d"),
                (at + Span::days(1)).format("%Y%m%d")
            )
        } else {
            format!(
                "DTSTART;TZID=\"{tz}\":{}\r\nDTEND;TZID=\"{tz}\":{}\r\n",
                local(at),
                local(at + Span::minutes(15 + i % 90))
            )
        };
        let partstat = if i % 11 == 0 { "DECLINED" } else { "ACCEPTED" };
        let organizer = if i % 7 == 0 { "ana@example.com" } else { "ben@example.com" };
        out.push_str(&format!(
            "BEGIN:VEVENT\r\nUID:040000008200E00074C5B7101A82E0080000000{i:08}\r\n{start}SUMMARY;LANGUAGE=en-us:Incident review {i}\r\nORGANIZER;CN=\"Person {}\":mailto:{organizer}\r\nATTENDEE;CN=\"Ana Lima\";PARTSTAT={partstat}:mailto:ana@example.com\r\nDESCRIPTION:Notes for the review\\, with a long line folded the way Outlook fol\r\n ds it.\r\nX-MICROSOFT-CDO-BUSYSTATUS:BUSY\r\nEND:VEVENT\r\n",
            i % 40
        ));
    }
    for s in 0..200i64 {
        let at = first + Span::hours(s * 7 % (7 * 24)) + Span::minutes(s % 4 * 15);
        let tz = zones[s as usize % 2];
        let uid = format!("series-{s}@example.com");
        let excluded = at + Span::weeks(10);
        let moved = at + Span::weeks(20);
        out.push_str(&format!(
            "BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTART;TZID={tz}:{}\r\nDTEND;TZID={tz}:{}\r\nRRULE:FREQ=WEEKLY\r\nEXDATE;TZID={tz}:{}\r\nSUMMARY:Weekly sync {s}\r\nORGANIZER;CN=Ana Lima:mailto:ana@example.com\r\nEND:VEVENT\r\n",
            local(at),
            local(at + Span::minutes(30)),
            local(excluded)
        ));
        out.push_str(&format!(
            "BEGIN:VEVENT\r\nUID:{uid}\r\nRECURRENCE-ID;TZID={tz}:{}\r\nDTSTART;TZID={tz}:{}\r\nDTEND;TZID={tz}:{}\r\nSUMMARY:Weekly sync {s} (moved)\r\nEND:VEVENT\r\n",
            local(moved),
            local(moved + Span::hours(2)),
            local(moved + Span::minutes(150))
        ));
    }
    out.push_str("END:VCALENDAR\r\n");
    out
}

/// One member of a team of 50: the same year of weeks under another name and person.
fn team_member(store: &Store, n: usize) -> share::ShareFile {
    let request = team::ShareRequest {
        name: &format!("Member {n}"),
        passphrase: "blue team",
        from: Some("2025-11-24"),
        to: Some("2026-11-22"),
        include_sources: false,
    };
    let mut file = team::share(store, &request, ZONE, now()).unwrap();
    file.person = format!("{n:032x}");
    for w in &mut file.weeks {
        w.after_hours_minutes = w.after_hours_minutes * (n as u32 % 7 + 1) / 4;
    }
    file.seal()
}

/// 10,000 incidents as `GET /incidents` writes them (about 1.4 KB each), a third of them someone
/// else's, read for one person; then a busy year of calendar.
fn capture() {
    let start = now() - Span::days(365);
    let incidents: Vec<String> = (0..10_000)
        .map(|i| {
            let at = start + Span::minutes(i * 52);
            let who = if i % 3 == 0 { ("PAM4FGS", "Kenneth Tremblay") } else { ("PXPGF42", "Earline Greenholt") };
            format!(
                r#"{{"id":"Q{i:06}","type":"incident","summary":"[#{i}] Checkout error rate above 2%","self":"https://api.pagerduty.com/incidents/Q{i:06}","html_url":"https://acme.pagerduty.com/incidents/Q{i:06}","incident_number":{i},"title":"Checkout error rate above 2%","created_at":"{c}","updated_at":"{r}","status":"resolved","incident_key":"baf7cf21b1da41b4b0221008339ff357","service":{{"id":"PIJ90N{s}","type":"service_reference","summary":"Service {s}","self":"https://api.pagerduty.com/services/PIJ90N{s}","html_url":"https://acme.pagerduty.com/service-directory/PIJ90N{s}"}},"assignments":[{{"at":"{a}","assignee":{{"id":"{id}","type":"user_reference","summary":"{name}","self":"https://api.pagerduty.com/users/{id}","html_url":"https://acme.pagerduty.com/users/{id}"}}}}],"assigned_via":"escalation_policy","last_status_change_at":"{r}","resolved_at":"{r}","first_trigger_log_entry":{{"id":"R{i:06}","type":"trigger_log_entry_reference","summary":"Triggered through the API"}},"alert_counts":{{"all":2,"triggered":0,"resolved":2}},"escalation_policy":{{"id":"PT20YPA","type":"escalation_policy_reference","summary":"Default"}},"teams":[{{"id":"PQ9K7I8","type":"team_reference","summary":"Engineering"}}],"pending_actions":[],"acknowledgements":[{{"at":"{a}","acknowledger":{{"id":"{id}","type":"user_reference","summary":"{name}"}}}}],"priority":{{"id":"P53ZZH5","type":"priority_reference","summary":"P{p}"}},"resolve_reason":null,"urgency":"high"}}"#,
                c = at.to_rfc3339(),
                a = (at + Span::minutes(2)).to_rfc3339(),
                r = (at + Span::minutes(5 + i % 300)).to_rfc3339(),
                s = i % 17,
                p = 1 + i % 4,
                id = who.0,
                name = who.1,
            )
        })
        .collect();
    let text = format!(r#"{{"incidents":[{}],"limit":10000,"offset":0,"more":false}}"#, incidents.join(","));
    let opts = Options {
        me: Some("PXPGF42".into()),
        from: start,
        to: now(),
        zone: ZONE,
        max_page_minutes: DEFAULT_MAX_PAGE_MINUTES,
        now: now(),
    };
    assert_eq!(pagerduty::read(&text, &opts).unwrap().events.len(), 6_666);
    report("capture 10,000 PagerDuty incidents, in-process", time(20, || pagerduty::read(&text, &opts).unwrap()));
    println!("10,000 incidents: {} bytes", text.len());

    let calendar = busy_calendar_year();
    let opts = Options {
        me: Some("ana@example.com".into()),
        from: now() - Span::days(365),
        to: now(),
        zone: ZONE,
        max_page_minutes: DEFAULT_MAX_PAGE_MINUTES,
        now: now(),
    };
    let found = ics::read(&calendar, &opts).unwrap();
    report("capture a year of calendar, 5,000 events (.ics)", time(20, || ics::read(&calendar, &opts).unwrap()));
    println!(
        "calendar of a year: {} bytes, {} events found, {} skipped",
        calendar.len(),
        found.events.len(),
        found.skipped.values().sum::<u32>()
    );
}
