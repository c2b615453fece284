//! The team view on real files: three people's records, their share files, and the merge with
//! the shares and the single point of failure worked out by hand.

use loadline_core::team::merge::merge;
use loadline_core::team::share::{self, ShareFile};
use loadline_core::usecases::team::{self, ShareRequest};

use crate::support::{entry, temp_store, utc, TempStore, BERLIN};

/// Sunday 2026-11-29, the end of the four weeks 2026-W45 to W48.
const NOW: &str = "2026-11-29T20:00:00Z";

fn log(t: &mut TempStore, at: &str, minutes: u32, source: &str) {
    let mut e = entry(BERLIN, at, minutes);
    e.source = Some(source.into());
    e.note = "a private note about the outage".into();
    t.log(e);
}

fn share_of(t: &TempStore, name: &str, key: &str) -> ShareFile {
    let request = ShareRequest {
        name,
        passphrase: key,
        from: Some("2026-11-02"),
        to: Some("2026-11-29"),
        include_sources: false,
    };
    team::share(&t.store, &request, BERLIN, utc(NOW)).unwrap()
}

/// Ana: four evenings a week on db-primary (30 min at 20:00) and a night page (23:30, 20 min).
/// Ben: one evening chat a week for payments (19:00, 15 min). Chloe: two payments evenings in
/// W46 and a search page at 02:00 in W47.
fn three_people() -> (TempStore, TempStore, TempStore) {
    let (mut ana, mut ben, mut chloe) = (temp_store(), temp_store(), temp_store());
    for monday in [2, 9, 16, 23] {
        for d in 0..4 {
            log(&mut ana, &format!("2026-11-{:02}T20:00", monday + d), 30, "db-primary");
        }
        log(&mut ana, &format!("2026-11-{:02}T23:30", monday + 1), 20, "DB-Primary ");
        log(&mut ben, &format!("2026-11-{:02}T19:00", monday + 2), 15, "payments");
    }
    log(&mut chloe, "2026-11-09T20:00", 30, "payments");
    log(&mut chloe, "2026-11-10T20:00", 30, "payments");
    log(&mut chloe, "2026-11-19T02:00", 20, "search");
    (ana, ben, chloe)
}

#[test]
fn three_share_files_merge_into_the_shares_and_the_single_point_of_failure_worked_by_hand() {
    let (ana, ben, chloe) = three_people();
    let files = vec![
        ("ana.json".to_string(), share_of(&ana, "Ana", "blue team")),
        ("ben.json".to_string(), share_of(&ben, "Ben", "blue team")),
        ("chloe.json".to_string(), share_of(&chloe, "Chloe", "blue team")),
    ];
    let r = merge(&files).unwrap();
    // After hours: Ana 16 × 30 + 4 × 20 = 560, Ben 4 × 15 = 60, Chloe 30 + 30 + 20 = 80; 700.
    let by = |name: &str| r.people.iter().find(|p| p.name == name).unwrap();
    assert_eq!(
        (by("Ana").after_hours_minutes, by("Ben").after_hours_minutes, by("Chloe").after_hours_minutes),
        (560, 60, 80)
    );
    assert_eq!(by("Ana").share_after_hours, 0.8);
    assert_eq!(by("Ben").share_after_hours, 60.0 / 700.0);
    assert_eq!(by("Chloe").share_after_hours, 80.0 / 700.0);
    // Sleep-hour interruptions: Ana's four night pages and Chloe's one at 02:00.
    assert_eq!((by("Ana").share_sleep, by("Chloe").share_sleep, by("Ben").share_sleep), (0.8, 0.2, 0.0));
    assert_eq!(by("Ana").sacrifices, 20);
    assert_eq!(by("Ana").weeks.len(), 4);

    // db-primary (however it was typed) reaches Ana alone, behind 20 sacrifices in 4 weeks;
    // payments reaches two people; search one, but only once.
    assert_eq!(r.sources.len(), 3);
    let db = &r.sources[0];
    assert_eq!((db.people, db.sacrifices, db.most_in_window, db.single_person), (1, 20, 20, true));
    assert_eq!(db.only.as_deref(), Some("Ana"));
    assert_eq!(db.name, None, "no name unless someone included it");
    let payments = &r.sources[1];
    assert_eq!((payments.people, payments.sacrifices, payments.single_person), (2, 6, false));
    let search = &r.sources[2];
    assert_eq!((search.people, search.sacrifices, search.single_person), (1, 1, false));

    assert_eq!(r.verdict, "After-hours load is carried by one person: Ana 80 %.");
    assert_eq!(
        r.next_steps[0],
        "Share the rota: Ana carries 80 % of the after-hours minutes and 80 % of the sleep-hour interruptions."
    );
    assert!(
        r.next_steps[1].starts_with(&format!("Write the runbook for source {}", &db.key[..8])),
        "{:?}",
        r.next_steps
    );
    assert_eq!(r.heatmap[0][20], 4 + 1, "Mondays at 20:00: Ana's four and Chloe's one");
    assert_eq!((r.range.from.to_string(), r.range.to.to_string()), ("2026-W45".into(), "2026-W48".into()));
}

#[test]
fn a_share_file_holds_no_note_no_time_and_names_only_if_asked() {
    let (ana, _, _) = three_people();
    let text = share_of(&ana, "Ana", "blue team").to_json();
    assert!(!text.contains("private note") && !text.contains("db-primary") && !text.contains("2026-11-02"), "{text}");
    let request = ShareRequest {
        name: "Ana",
        passphrase: "blue team",
        from: Some("2026-11-02"),
        to: Some("2026-11-29"),
        include_sources: true,
    };
    let named = team::share(&ana.store, &request, BERLIN, utc(NOW)).unwrap();
    let names: Vec<_> = named.sources.iter().map(|s| s.name.as_deref()).collect();
    assert_eq!(names, [Some("db-primary")], "the name as first typed");
    let r =
        merge(&[("ana.json".into(), named), ("b.json".into(), share_of(&temp_store(), "Ben", "blue team"))]).unwrap();
    assert_eq!(r.sources[0].label, "db-primary");
    assert_eq!(share::parse(&text).unwrap(), share_of(&ana, "Ana", "blue team"), "a file reads back as written");
}

#[test]
fn a_person_who_reaches_only_one_of_us_gets_someone_else_to_ask_not_a_runbook() {
    let (mut ana, ben, _) = three_people();
    let prefs = loadline_core::prefs::Prefs { people: vec!["db-primary".into()], ..ana.store.prefs().unwrap() };
    ana.store.set_prefs(&prefs).unwrap();
    let r =
        merge(&[("a.json".into(), share_of(&ana, "Ana", "k")), ("b.json".into(), share_of(&ben, "Ben", "k"))]).unwrap();
    let db = &r.sources[0];
    assert!(db.person && db.single_person);
    let step = r.next_steps.iter().find(|s| s.contains(&db.key[..8])).unwrap();
    assert!(step.starts_with("Give source ") && step.contains("someone besides Ana to ask"), "{step}");
    assert!(!step.contains("runbook"), "{step}");
}

#[test]
fn a_busy_year_shares_in_under_50_kb() {
    let mut t = temp_store();
    let mut day = chrono::NaiveDate::from_ymd_opt(2025, 12, 1).unwrap();
    let sources = ["db-primary", "payments", "search", "auth", "Sarah (PM)"];
    for n in 0..365 {
        for (k, hour) in [19, 21, 23, 2].iter().enumerate().take(1 + n % 4) {
            log(&mut t, &format!("{}T{hour:02}:{:02}", day, 10 + k), 25, sources[(n + k) % sources.len()]);
        }
        day = day.succ_opt().unwrap();
    }
    let request = ShareRequest {
        name: "Ana",
        passphrase: "k",
        from: Some("2025-12-01"),
        to: Some("2026-11-29"),
        include_sources: true,
    };
    let text = team::share(&t.store, &request, BERLIN, utc(NOW)).unwrap().to_json();
    assert!(text.len() <= 50_000, "a year's share file is {} bytes", text.len());
    eprintln!("a busy year shares in {} bytes", text.len());
}

/// The team share as one more export: the request the Export view and the CLI send.
mod exported {
    use super::*;
    use loadline_core::export::ExportRequest;
    use loadline_core::usecases::exports;

    fn request(range: &str) -> ExportRequest {
        ExportRequest {
            format: "team".into(),
            range: Some(range.into()),
            team_name: Some("Ana".into()),
            team_key: Some("blue team".into()),
            ..ExportRequest::default()
        }
    }

    #[test]
    fn the_preview_is_the_file_written_and_reads_back_as_the_share() {
        let (ana, _, _) = three_people();
        let r = request("4-weeks");
        let preview = exports::preview(&ana.store, &r, BERLIN, utc(NOW)).unwrap();
        let path = ana.dir.path().join(&preview.file_name);
        exports::save(&ana.store, &r, &path, BERLIN, utc(NOW)).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), preview.text, "the preview is the file");
        assert_eq!(exports::render(&ana.store, &r, BERLIN, utc(NOW)).unwrap(), preview.text);
        // The same file as the use case's share: one path.
        assert_eq!(share::parse(&preview.text).unwrap(), share_of(&ana, "Ana", "blue team"));
        // Four whole weeks, Monday to Sunday, and a name that says whose and which weeks.
        assert_eq!((preview.from.as_str(), preview.to.as_str()), ("2026-11-02", "2026-11-29"));
        assert_eq!(preview.file_name, "loadline-team-ana-2026-W45-to-2026-W48.json");
        assert_eq!(preview.paper, None);
        assert!(!preview.text.contains("blue team") && !preview.text.contains("db-primary"));
        let named =
            ExportRequest { include: loadline_core::export::Include { sources: true, ..Default::default() }, ..r };
        let text = exports::render(&ana.store, &named, BERLIN, utc(NOW)).unwrap();
        assert_eq!(share::parse(&text).unwrap().sources[0].name.as_deref(), Some("db-primary"));
    }

    #[test]
    fn the_passphrase_never_shows_in_a_debug_line() {
        let line = format!("{:?}", request("all"));
        assert!(!line.contains("blue team") && line.contains("team_key: Some(\"(not shown)\")"), "{line}");
    }

    #[test]
    fn the_file_name_carries_the_pseudonym_in_its_own_letters() {
        let (ana, _, _) = three_people();
        let r = ExportRequest { team_name: Some("Анна".into()), ..request("this-week") };
        assert_eq!(
            exports::preview(&ana.store, &r, BERLIN, utc(NOW)).unwrap().file_name,
            "loadline-team-анна-2026-W48.json"
        );
        let r = ExportRequest { team_name: Some("★★".into()), ..request("this-week") };
        assert_eq!(
            exports::preview(&ana.store, &r, BERLIN, utc(NOW)).unwrap().file_name,
            "loadline-team-2026-W48.json"
        );
        let r = ExportRequest { team_name: Some("  Ana María (SRE) ".into()), ..request("this-week") };
        assert_eq!(
            exports::preview(&ana.store, &r, BERLIN, utc(NOW)).unwrap().file_name,
            "loadline-team-ana-maría-sre-2026-W48.json"
        );
    }

    #[test]
    fn a_missing_name_and_passphrase_are_named_at_once_and_notes_or_a_message_never_go() {
        let (ana, _, _) = three_people();
        let bare = ExportRequest { team_name: None, team_key: Some(" ".into()), ..request("all") };
        match exports::preview(&ana.store, &bare, BERLIN, utc(NOW)).unwrap_err() {
            loadline_core::Error::Invalid { field, also, .. } => {
                assert_eq!(field, "as");
                assert_eq!(also.iter().map(|p| p.field.as_str()).collect::<Vec<_>>(), ["team-key"]);
            }
            other => panic!("{other}"),
        }
        let noted = ExportRequest {
            include: loadline_core::export::Include { notes: true, ..Default::default() },
            ..request("all")
        };
        let err = exports::preview(&ana.store, &noted, BERLIN, utc(NOW)).unwrap_err().to_string();
        assert!(err.starts_with("include: a team share can include source names only"), "{err}");
        let message = ExportRequest { message: Some("hi".into()), ..request("all") };
        assert!(exports::preview(&ana.store, &message, BERLIN, utc(NOW))
            .unwrap_err()
            .to_string()
            .starts_with("message: "));
        let html = ExportRequest { format: "html".into(), ..request("all") };
        assert_eq!(
            exports::preview(&ana.store, &html, BERLIN, utc(NOW)).unwrap_err().to_string(),
            "as: is for --format team only"
        );
    }

    #[test]
    fn the_merged_report_saves_as_html_markdown_or_json_with_a_name_for_its_weeks() {
        let (ana, ben, _) = three_people();
        let dir = tempfile::tempdir().unwrap();
        let mut paths = Vec::new();
        for (t, name) in [(&ana, "Ana"), (&ben, "Ben")] {
            let path = dir.path().join(format!("{name}.json"));
            std::fs::write(&path, share_of(t, name, "blue team").to_json()).unwrap();
            paths.push(path);
        }
        let paths: Vec<&std::path::Path> = paths.iter().map(|p| p.as_path()).collect();
        let merged = team::merge_files(&paths).unwrap();
        assert_eq!(merged.files, ["Ana.json", "Ben.json"]);
        assert!(merged.report.people[0].over_half && !merged.report.people[1].over_half);
        assert_eq!(
            (merged.report.range.first_day.to_string(), merged.report.range.last_day.to_string()),
            ("2026-11-02".into(), "2026-11-29".into())
        );
        let html = team::document(&paths, "html", utc(NOW)).unwrap();
        assert_eq!(html.file_name, "loadline-team-report-2026-W45-to-2026-W48.html");
        assert!(html.text.contains(&merged.report.verdict) && html.text.contains("(over half)"));
        let md = team::document(&paths, "md", utc(NOW)).unwrap();
        assert!(md.file_name.ends_with(".md") && md.text.starts_with("# Team after-hours load"));
        let json: serde_json::Value =
            serde_json::from_str(&team::document(&paths, "JSON", utc(NOW)).unwrap().text).unwrap();
        assert_eq!(json["verdict"], merged.report.verdict.as_str());
        assert!(team::document(&paths, "pdf", utc(NOW))
            .unwrap_err()
            .to_string()
            .starts_with("format: 'pdf' is not a team report format"));
    }
}

mod refused {
    use super::*;
    use loadline_core::team::share::parse;

    fn written(name: &str, key: &str) -> String {
        let (ana, _, _) = three_people();
        share_of(&ana, name, key).to_json()
    }

    fn edit(text: &str, f: impl FnOnce(&mut serde_json::Value)) -> String {
        let mut v: serde_json::Value = serde_json::from_str(text).unwrap();
        f(&mut v);
        v.to_string()
    }

    #[test]
    fn another_team_key_the_same_person_twice_and_two_people_by_one_name() {
        let (ana, ben, _) = three_people();
        let a = ("a.json".to_string(), share_of(&ana, "Ana", "k1"));
        let err = merge(&[a.clone(), ("b.json".into(), share_of(&ben, "Ben", "k2"))]).unwrap_err().to_string();
        assert!(err.starts_with("b.json: was made with another team key than a.json"), "{err}");
        let err = merge(&[a.clone(), ("again.json".into(), share_of(&ana, "Ana 2", "k1"))]).unwrap_err().to_string();
        assert!(err.starts_with("again.json: is the same person as a.json"), "{err}");
        let err = merge(&[a, ("b.json".into(), share_of(&ben, "ana", "k1"))]).unwrap_err().to_string();
        assert!(err.contains("by the same name as a.json"), "{err}");
    }

    #[test]
    fn an_unknown_version_and_numbers_that_do_not_add_up() {
        let text = written("Ana", "k");
        let newer = edit(&text, |v| v["version"] = 2.into());
        assert!(parse(&newer).unwrap_err().to_string().starts_with("version: 2 is not a version this Loadline reads"));
        let fewer = edit(&text, |v| v["weeks"][1]["sacrifices"] = 0.into());
        let err = parse(&fewer).unwrap_err().to_string();
        assert!(err.starts_with("weeks[1].sleep_interruptions: 1 is more than the week's 0 sacrifices"), "{err}");
        let negative = edit(&text, |v| v["weeks"][0]["interruptions"] = (-3).into());
        assert!(parse(&negative)
            .unwrap_err()
            .to_string()
            .starts_with("weeks[0].interruptions: invalid value: integer `-3`"));
        let missing_week = edit(&text, |v| {
            v["weeks"].as_array_mut().unwrap().remove(2);
        });
        assert!(parse(&missing_week).unwrap_err().to_string().starts_with("weeks[2].week: must be 2026-W47"));
    }

    #[test]
    fn a_tampered_hash_or_number_is_refused() {
        let text = written("Ana", "k");
        let garbled = edit(&text, |v| v["sources"][0]["key"] = "not-a-hash".into());
        assert!(parse(&garbled).unwrap_err().to_string().starts_with("sources[0].key: is not a keyed hash"));
        let swapped = edit(&text, |v| v["sources"][0]["key"] = "ab".repeat(32).into());
        assert_eq!(
            parse(&swapped).unwrap_err().to_string(),
            "digest: does not match the file: it was changed after it was exported"
        );
        let lighter = edit(&text, |v| v["weeks"][0]["after_hours_minutes"] = 10.into());
        assert!(parse(&lighter).unwrap_err().to_string().starts_with("digest: "));
        assert!(parse("{\"format\": \"loadline-backup\"}")
            .unwrap_err()
            .to_string()
            .starts_with("format: this is not a Loadline team share file"));
    }

    #[test]
    fn files_that_share_no_week() {
        let (ana, ben, _) = three_people();
        let early = ShareRequest {
            name: "Ana",
            passphrase: "k",
            from: Some("2026-11-02"),
            to: Some("2026-11-08"),
            include_sources: false,
        };
        let late = ShareRequest {
            name: "Ben",
            passphrase: "k",
            from: Some("2026-11-16"),
            to: Some("2026-11-29"),
            include_sources: false,
        };
        let a = team::share(&ana.store, &early, BERLIN, utc(NOW)).unwrap();
        let b = team::share(&ben.store, &late, BERLIN, utc(NOW)).unwrap();
        let err = merge(&[("a.json".into(), a), ("b.json".into(), b)]).unwrap_err().to_string();
        assert_eq!(err, "files: share no week: a.json 2026-W45 to 2026-W45, b.json 2026-W47 to 2026-W48");
    }
}
