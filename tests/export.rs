//! Exports and the backup: privacy by default, safe CSV, and a JSON backup that restores every
//! week exactly, once, and refuses anything malformed without writing.

use loadline_core::boundaries::{Boundary, Category};
use loadline_core::export::{backup, full_backup, render, ExportRequest, Format, Include, Range};
use loadline_core::paper::Paper;
use loadline_core::prefs::{Owner, Prefs};
use loadline_core::schedule::{Schedule, Window};
use loadline_core::store::Store;
use loadline_core::usecases::views;
use loadline_core::week::IsoWeek;

use crate::support::{entry, temp_store, utc, TempStore, BERLIN};

const NOW: &str = "2026-11-25T12:00:00Z";

fn seeded() -> TempStore {
    let mut t = temp_store();
    let dinner = Boundary {
        name: "Family dinner".into(),
        category: Category::Family,
        windows: vec![Window::parse("Mon-Fri 18:00-20:00").unwrap()],
        allowance: 0,
        paused: false,
    };
    let id = t.store.add_boundary(dinner, utc("2026-10-01T00:00:00Z")).unwrap();
    for (at, minutes, source, note) in [
        ("2026-11-02T23:30", 45, "db-primary", "disk full again"),
        ("2026-11-10T18:30", 30, "=HYPERLINK(\"http://evil\",\"x\")", "@SUM(A1)"),
        ("2026-11-18T23:30", 40, "db-primary", "secret-note-7731"),
        ("2026-11-19T19:00", 15, "+cmd|calc", "-2+3"),
        ("2026-11-20T11:00", 10, "alice", ""),
    ] {
        let mut e = entry(BERLIN, at, minutes);
        e.source = Some(source.into());
        e.note = note.into();
        e.delegable = source == "db-primary";
        if at.starts_with("2026-11-20") {
            e.costs = vec![id];
        }
        t.log(e);
    }
    let mut later = Schedule::default();
    later.load_line.sacrifices = 3;
    t.store.set_schedule(&later, utc("2026-11-12T00:00:00Z")).unwrap();
    t
}

fn range(t: &TempStore, from: Option<&str>, to: Option<&str>) -> Range {
    Range::resolve(&t.store, from, to, BERLIN, utc(NOW)).unwrap()
}

fn weeks_of(store: &Store) -> Vec<String> {
    let mut week: IsoWeek = "2026-W40".parse().unwrap();
    let mut out = Vec::new();
    while week <= "2026-W49".parse().unwrap() {
        out.push(serde_json::to_string(&views::week(store, week, BERLIN).unwrap()).unwrap());
        week = week.next();
    }
    out
}

#[test]
fn a_backup_restores_every_week_exactly_and_only_once() {
    let t = seeded();
    let text = full_backup(&t.store, utc(NOW)).unwrap();
    let fresh = temp_store();
    let mut restored = fresh.store;
    let first = restored.import(&backup::parse(&text).unwrap()).unwrap();
    assert_eq!((first.entries_added, first.non_negotiables_added), (5, 1));
    assert_eq!(weeks_of(&restored), weeks_of(&t.store));
    let again = restored.import(&backup::parse(&text).unwrap()).unwrap();
    assert_eq!((again.entries_added, again.entries_already_there, again.non_negotiables_added), (0, 5, 0));
    assert_eq!(restored.count().unwrap(), 5);
    assert_eq!(weeks_of(&restored), weeks_of(&t.store));
}

#[test]
fn the_backup_says_it_holds_everything() {
    let t = seeded();
    let text = full_backup(&t.store, utc(NOW)).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!((v["format"].as_str(), v["version"].as_u64()), (Some("loadline-backup"), Some(1)));
    assert!(v["contents"].as_str().unwrap().contains("private note"));
    assert!(text.contains("secret-note-7731") && text.contains("Family dinner"));
    assert_eq!(v["schedule_versions"].as_array().unwrap().len(), 2, "the defaults and the later edit");
}

#[test]
fn reports_and_csv_leave_private_things_out_unless_asked() {
    let t = seeded();
    let r = range(&t, Some("2026-11-16"), Some("2026-11-22"));
    for format in [Format::Html, Format::Markdown, Format::Csv] {
        let text = render(&t.store, format, &r, &Include::default(), None, utc(NOW)).unwrap();
        for private in ["secret-note-7731", "db-primary", "Family dinner", "alice"] {
            assert!(!text.contains(private), "{format:?} leaked {private}");
        }
    }
    let all = Include { notes: true, sources: true, names: true, owner: true, selfcheck: true };
    let csv = render(&t.store, Format::Csv, &r, &all, None, utc(NOW)).unwrap();
    assert!(csv.contains("secret-note-7731") && csv.contains("db-primary") && csv.contains("Family dinner"));
    let html =
        render(&t.store, Format::Html, &r, &Include { names: true, ..Include::default() }, None, utc(NOW)).unwrap();
    assert!(html.contains("Family dinner") && !html.contains("db-primary"));
}

#[test]
fn the_csv_is_rfc_4180_with_formulas_neutralised() {
    let t = seeded();
    let all = Include { notes: true, sources: true, names: true, owner: true, selfcheck: true };
    let csv = render(&t.store, Format::Csv, &range(&t, Some("2026-11-16"), Some("2026-11-22")), &all, None, utc(NOW))
        .unwrap();
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(lines[0], "id,start_utc,start_local,zone,minutes,channel,source,source_kind,severity,chosen,delegable,after_hours_minutes,sleep_minutes,sacrifice,breaches,tags,note");
    assert_eq!(lines[1], "3,2026-11-18T22:30:00Z,2026-11-18T23:30:00+01:00,Europe/Berlin,40,page,db-primary,service,none,false,true,40,40,true,,,secret-note-7731");
    assert_eq!(lines[2], "4,2026-11-19T18:00:00Z,2026-11-19T19:00:00+01:00,Europe/Berlin,15,page,'+cmd|calc,service,none,false,false,15,0,true,Family dinner,,'-2+3");
    assert_eq!(lines[3], "5,2026-11-20T10:00:00Z,2026-11-20T11:00:00+01:00,Europe/Berlin,10,page,alice,service,none,false,false,0,0,true,Family dinner,,");
    let mut reader = csv::ReaderBuilder::new().from_reader(csv.as_bytes());
    for record in reader.records() {
        for cell in record.unwrap().iter() {
            assert!(!cell.starts_with(['=', '+', '@', '\t', '\r', '-']), "formula-like cell {cell:?}");
        }
    }
    let earlier =
        render(&t.store, Format::Csv, &range(&t, Some("2026-11-09"), Some("2026-11-15")), &all, None, utc(NOW))
            .unwrap();
    assert!(
        earlier.contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"") && earlier.contains("'@SUM(A1)"),
        "{earlier}"
    );
}

#[test]
fn the_report_reads_in_a_minute() {
    let t = seeded();
    let r = range(&t, Some("2026-11-02"), Some("2026-11-22"));
    let md = render(&t.store, Format::Markdown, &r, &Include::default(), Some("Numbers for our 1:1.".into()), utc(NOW))
        .unwrap();
    assert!(
        md.starts_with("# After-hours load: 2 Nov 2026 – 22 Nov 2026 (21 days)\n\n> Numbers for our 1:1.\n"),
        "{md}"
    );
    assert!(md.contains("| 2026-W45 | 1 | 45 min | under · budget: 2 sacrifices and 2 h a week |"), "{md}");
    assert!(
        md.contains("| 2026-W47 | 3 | 55 min | under · budget: 3 sacrifices and 2 h a week |"),
        "the load line in force that week: {md}"
    );
    assert!(md.contains("| family | 3 | 1 of 3 |"), "by category: {md}");
    assert!(md.contains("| Service 1 | 2 | 2 |"), "sources named by pseudonym: {md}");
    for word in ["**Sacrifice**", "**After-hours**", "**Load line**", "**Non-negotiable**"] {
        assert!(md.find(word) < md.find("## Summary"), "{word} is explained before the numbers: {md}");
    }
    let html = render(&t.store, Format::Html, &r, &Include::default(), None, utc(NOW)).unwrap();
    assert!(html.starts_with("<!doctype html>") && html.contains("<svg"));
    for external in ["<script", "<link", "src=", "@import", "http://", "https://"] {
        assert!(!html.contains(external), "the report must be self-contained: found {external}");
    }
    assert!(html.split("url(").skip(1).all(|rest| rest.starts_with('#')), "url() only names a pattern in the page");
}

#[test]
fn ranges_are_local_days_inclusive() {
    let t = seeded();
    let r = range(&t, None, None);
    assert_eq!((r.from.to_string(), r.to.to_string()), ("2026-11-02".into(), "2026-11-20".into()));
    let err = Range::resolve(&t.store, Some("2026-11-22"), Some("2026-11-16"), BERLIN, utc(NOW)).unwrap_err();
    assert!(err.to_string().starts_with("to:"), "{err}");
    let err = Range::resolve(&t.store, Some("16/11/2026"), None, BERLIN, utc(NOW)).unwrap_err();
    assert!(err.to_string().starts_with("from:"), "{err}");
    assert!("notes,secrets".parse::<Include>().unwrap_err().to_string().starts_with("include:"));
    assert!("pdf".parse::<Format>().unwrap_err().to_string().starts_with("format:"));
}

#[test]
fn malformed_and_hostile_backups_are_refused_naming_the_field() {
    let t = seeded();
    let good = full_backup(&t.store, utc(NOW)).unwrap();
    let v: serde_json::Value = serde_json::from_str(&good).unwrap();
    let with = |path: &str, value: serde_json::Value| {
        let mut v = v.clone();
        *v.pointer_mut(path).unwrap() = value;
        v.to_string()
    };
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let cases: Vec<(String, &str)> = vec![
        ("{".into(), "file"),
        ("[]".into(), "format"),
        (r#"{"format":"loadline-backup","version":999}"#.into(), "version"),
        (good[..300].to_string(), "file"),
        (deep, "file"),
        (with("/entries/2/minutes", serde_json::json!(-5)), "entries[2]: minutes"),
        (with("/entries/2/minutes", serde_json::json!("forty")), "entries[2].minutes"),
        (with("/entries/0/note", serde_json::json!("x".repeat(10_001))), "entries[0]: note"),
        (with("/entries/0/zone", serde_json::json!("Mars/Olympus")), "entries[0]: tz"),
        (with("/entries/1/uid", v["entries"][0]["uid"].clone()), "entries[1].uid"),
        (with("/entries/4/costs", serde_json::json!(["no-such-uid"])), "entries[4].costs"),
        (
            with("/non_negotiables/0/versions/0/value/windows", serde_json::json!(["Mon 18:00-18:00"])),
            "non_negotiables[0].versions[0].value.windows[0]",
        ),
        (with("/prefs/zone", serde_json::json!("Nowhere")), "prefs: zone"),
        (
            with("/schedule_versions/0/value/load_line/minutes", serde_json::json!(99_999)),
            "schedule_versions[0]: load line minutes",
        ),
    ];
    for (text, field) in cases {
        let err = backup::parse(&text).err().unwrap_or_else(|| panic!("accepted, want an error about {field}"));
        assert!(err.is_invalid() && err.to_string().starts_with(field), "want {field}, got {err}");
    }
}

#[test]
fn a_backup_whose_entry_is_refused_by_the_store_writes_nothing() {
    let t = seeded();
    let good = full_backup(&t.store, utc(NOW)).unwrap();
    let set = backup::parse(&good).unwrap();
    let mut fresh = temp_store();
    fresh.log(entry(BERLIN, "2026-11-03T10:00", 5));
    // A trigger makes the store refuse one entry midway through the import.
    let conn = rusqlite::Connection::open(fresh.dir.path().join("loadline.db")).unwrap();
    conn.execute_batch("CREATE TRIGGER refuse BEFORE INSERT ON interruptions WHEN NEW.minutes = 10 BEGIN SELECT RAISE(ABORT, 'refused'); END;").unwrap();
    assert!(fresh.store.import(&set).is_err());
    assert_eq!(fresh.store.count().unwrap(), 1, "nothing of the backup was written");
    assert!(fresh.store.timeline().unwrap().boundaries.is_empty());
}

/// "1 interruptions", "(1 days)", "1 of 1 weeks": every count in a report and in the rules'
/// words agrees with its noun, for one thing and for two.
#[test]
fn every_count_agrees_with_its_noun() {
    let wrong = ["1 interruptions", "1 days", "1 weeks", "1 sacrifices", "1 entries", "1 sacrifices were"];
    for n in [1usize, 2] {
        let mut t = temp_store();
        for k in 0..n {
            let mut e = entry(BERLIN, &format!("2026-11-18T23:{:02}", 10 + k * 20), 15);
            e.source = Some("db-primary".into());
            t.log(e);
        }
        let range = Range { from: "2026-11-18".parse().unwrap(), to: "2026-11-18".parse().unwrap(), zone: BERLIN };
        let md = render(&t.store, Format::Markdown, &range, &Include::default(), None, utc(NOW)).unwrap();
        let warnings = views::week_warnings(&t.store, "2026-W47".parse().unwrap(), BERLIN, utc(NOW)).unwrap();
        let words: Vec<String> = warnings.iter().flat_map(|w| [w.title.clone(), w.explanation.clone()]).collect();
        let all = format!("{md}\n{}", words.join("\n"));
        for bad in wrong {
            assert!(!all.contains(bad), "{n} entries: found {bad:?} in\n{all}");
        }
        assert!(md.contains("(1 day)"), "{md}");
        assert!(
            md.contains(if n == 1 {
                "1 interruption fell in sleep hours"
            } else {
                "2 interruptions fell in sleep hours"
            }),
            "{md}"
        );
    }
}

/// Eight delegable night pages from a person and three from a service, over two weeks.
fn with_a_person() -> TempStore {
    let mut t = temp_store();
    for day in 16..=19 {
        for (source, at) in [("Sarah (PM)", "21:00"), ("Sarah (PM)", "22:30"), ("billing-api", "19:00")] {
            if source == "billing-api" && day == 19 {
                continue;
            }
            let mut e = entry(BERLIN, &format!("2026-11-{day}T{at}"), 50);
            e.source = Some(source.into());
            e.delegable = true;
            t.log(e);
        }
    }
    let mut e = entry(BERLIN, "2026-11-24T20:00", 70);
    e.source = Some("db-primary".into());
    t.log(e);
    let prefs = Prefs { people: vec!["sarah (pm)".into()], ..Prefs::default() };
    t.store.set_prefs(&prefs).unwrap();
    t
}

fn section<'a>(text: &'a str, heading: &str) -> &'a str {
    let Some(at) = text.find(heading) else { return "" };
    let rest = &text[at + heading.len()..];
    let end = ["<h2", "\n## "].iter().filter_map(|h| rest.find(h)).min().unwrap_or(rest.len());
    &rest[..end]
}

#[test]
fn a_person_is_never_a_runbook_candidate() {
    let t = with_a_person();
    let r = Range { from: "2026-11-16".parse().unwrap(), to: "2026-11-29".parse().unwrap(), zone: BERLIN };
    for include in [Include::default(), Include { sources: true, ..Include::default() }] {
        for format in [Format::Html, Format::Markdown] {
            let text = render(&t.store, format, &r, &include, None, utc(NOW)).unwrap();
            let person = if include.sources { "Sarah (PM)" } else { "Person 1" };
            let service = if include.sources { "billing-api" } else { "Service 1" };
            let candidates = section(&text, "Services: runbook candidates");
            assert!(candidates.contains(service), "{format:?}: {text}");
            assert!(!candidates.contains(person) && !candidates.contains("Person"), "{format:?}: {candidates}");
            assert!(section(&text, "People who asked").contains(person), "{format:?}: {text}");
            let summary = section(&text, "Summary");
            assert!(
                summary.contains(&format!("{service} was behind 3 of them")),
                "the top service, not the person: {summary}"
            );
        }
    }
}

#[test]
fn the_csv_names_sources_as_the_report_does() {
    let t = with_a_person();
    let r = Range { from: "2026-11-16".parse().unwrap(), to: "2026-11-29".parse().unwrap(), zone: BERLIN };
    let md = render(&t.store, Format::Markdown, &r, &Include::default(), None, utc(NOW)).unwrap();
    let csv = render(&t.store, Format::Csv, &r, &Include::default(), None, utc(NOW)).unwrap();
    let mut reader = csv::ReaderBuilder::new().from_reader(csv.as_bytes());
    let mut per_label: std::collections::BTreeMap<String, (String, u32, u32)> = Default::default();
    for row in reader.records() {
        let row = row.unwrap();
        let (source, kind, delegable, sacrifice) = (&row[6], &row[7], &row[10], &row[13]);
        assert!(!source.is_empty(), "every entry here has a source, and the CSV names it");
        let counts = per_label.entry(source.to_string()).or_insert((kind.to_string(), 0, 0));
        if sacrifice == "true" {
            counts.1 += 1;
            counts.2 += u32::from(delegable == "true");
        }
    }
    let grouped: Vec<(String, (String, u32, u32))> = per_label.into_iter().collect();
    assert_eq!(
        grouped,
        [
            ("Person 1".to_string(), ("person".to_string(), 8, 8)),
            ("Service 1".to_string(), ("service".to_string(), 3, 3)),
            ("Service 2".to_string(), ("service".to_string(), 1, 0)),
        ]
    );
    for (label, (_, sacrifices, delegable)) in &grouped {
        let line = format!("| {label} | {sacrifices} | {delegable} |");
        assert!(md.contains(&line), "the report's row {line} is the CSV's group: {md}");
    }
}

#[test]
fn the_paper_follows_the_home_zone_unless_the_person_chose() {
    let mut t = with_a_person();
    let days = |zone| Range { from: "2026-11-16".parse().unwrap(), to: "2026-11-22".parse().unwrap(), zone };
    let html =
        |t: &TempStore, zone| render(&t.store, Format::Html, &days(zone), &Include::default(), None, utc(NOW)).unwrap();
    assert!(html(&t, BERLIN).contains("@page { size: A4;"), "Berlin prints on A4");
    assert!(html(&t, chrono_tz::America::New_York).contains("@page { size: letter;"), "New York on Letter");
    assert!(html(&t, chrono_tz::Asia::Manila).contains("@page { size: letter;"), "Manila on Letter");
    let prefs = Prefs { paper: Paper::Letter, ..t.store.prefs().unwrap() };
    t.store.set_prefs(&prefs).unwrap();
    assert!(html(&t, BERLIN).contains("@page { size: letter;"), "the person's choice wins");
    let request =
        |format: &str| ExportRequest { format: format.into(), range: Some("4-weeks".into()), ..Default::default() };
    assert_eq!(
        request("html").preview(&t.store, BERLIN, utc(NOW)).unwrap().paper,
        Some(Paper::Letter),
        "the preview says so"
    );
    assert_eq!(request("csv").preview(&t.store, BERLIN, utc(NOW)).unwrap().paper, None);
}

#[test]
fn the_owner_is_named_only_when_ticked() {
    let mut t = with_a_person();
    let owner = Owner { name: "Dana Weber".into(), role: "Site reliability engineer".into() };
    let prefs = Prefs { owner, ..t.store.prefs().unwrap() };
    t.store.set_prefs(&prefs).unwrap();
    let r = Range { from: "2026-11-16".parse().unwrap(), to: "2026-11-22".parse().unwrap(), zone: BERLIN };
    for format in [Format::Html, Format::Markdown, Format::Csv] {
        let text = render(&t.store, format, &r, &Include::default(), None, utc(NOW)).unwrap();
        assert!(!text.contains("Dana Weber"), "{format:?} names the owner unasked");
    }
    let request = ExportRequest { format: "md".into(), range: Some("4-weeks".into()), ..Default::default() };
    let preview = request.preview(&t.store, BERLIN, utc(NOW)).unwrap();
    assert_eq!(preview.owner.as_deref(), Some("Dana Weber, Site reliability engineer"), "the preview says who");
    assert!(!preview.text.contains("Dana Weber"), "and the text leaves it out until ticked");
    let ticked = Include { owner: true, ..Include::default() };
    let html = render(&t.store, Format::Html, &r, &ticked, None, utc(NOW)).unwrap();
    assert!(html.contains("<p class=\"owner\">Dana Weber, Site reliability engineer</p>"), "{html}");
    let md = render(&t.store, Format::Markdown, &r, &ticked, None, utc(NOW)).unwrap();
    assert!(md.contains("\n**Dana Weber, Site reliability engineer**\n"), "{md}");
}

/// Each week's two bars carry their value (after-hours time in hours), are hatched when over
/// their own line, and the words are explained at the top, with nothing after the last table.
#[test]
fn every_bar_is_labelled_in_hours_and_nothing_trails_the_report() {
    let t = with_a_person();
    let r = Range { from: "2026-11-16".parse().unwrap(), to: "2026-11-29".parse().unwrap(), zone: BERLIN };
    let html = render(&t.store, Format::Html, &r, &Include::default(), None, utc(NOW)).unwrap();
    let hours = section(&html, "After-hours time per week, in hours");
    // W47: 11 entries of 50 min, after hours 9 h 10 min -> 9.2 h, over 2 h; W48: 70 min -> 1.2 h, under.
    assert!(hours.contains(">9.2 h</text>") && hours.contains(">1.2 h</text>"), "{hours}");
    assert!(hours.contains(">budget 2 h</text>"), "the line is labelled: {hours}");
    let bars: Vec<&str> = hours.split("<rect x=").skip(1).collect();
    assert_eq!(bars.len(), 2, "a bar per week");
    assert!(bars[0].contains("url(#over-hours)") && bars[0].contains("over the load line"), "{}", bars[0]);
    assert!(!bars[1].contains("url(#over-hours)") && bars[1].contains("under the load line"), "{}", bars[1]);
    let counts = section(&html, "Sacrifices per week");
    assert!(counts.contains(">11</text>") && counts.contains(">1</text>"), "{counts}");
    assert!(html.contains("over the load line (hatched)"), "a legend that does not rely on colour");
    assert!(html.contains("<td><span class=\"over\">over</span> · budget: 2 sacrifices and 2 h a week</td>"), "{html}");
    assert!(html.contains(".tile b { display: block; font-size: 1.3rem; line-height: 1.25; white-space: nowrap;"));
    let words = html.find("What these words mean").unwrap();
    assert!(words < html.find("<h2>Summary</h2>").unwrap(), "the words come before the numbers");
    for word in ["<dt>Sacrifice</dt>", "<dt>After-hours</dt>", "<dt>Load line</dt>", "<dt>Non-negotiable</dt>"] {
        assert!(html.contains(word), "{word}");
    }
    assert!(!html.contains("<footer"), "no footnote to be left alone on a last page");
    assert!(
        html.trim_end().ends_with("</tbody></table></section></div></body></html>"),
        "the last table ends the page"
    );
}
