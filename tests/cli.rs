//! The command line, run in-process with a fixed clock and captured streams. (The real binary
//! is exercised by the end-to-end suite and the acceptance checks.)

use std::fs;
use std::path::Path;

use clap::Parser;
use loadline_core::cli::{self, Cli};
use loadline_core::usecases;
use serde_json::Value;

use crate::support::{utc, BERLIN};

struct Run {
    code: i32,
    out: String,
    err: String,
}

/// Wednesday 2026-11-25 13:00 in Berlin.
const NOW: &str = "2026-11-25T12:00:00Z";

fn run_with(dir: &Path, args: &[&str], stdin: &str) -> Run {
    let argv = ["loadline", "--data-dir", dir.to_str().unwrap()].into_iter().chain(args.iter().copied());
    let parsed = match Cli::try_parse_from(argv) {
        Ok(p) => p,
        Err(e) => return Run { code: e.exit_code(), out: String::new(), err: e.to_string() },
    };
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let mut input = stdin.as_bytes();
    let mut ctx =
        cli::Context { now: utc(NOW), system_zone: BERLIN, stdin: &mut input, stdout: &mut out, stderr: &mut err };
    let code = cli::run(dir, parsed.command.expect("tests always give a command"), &mut ctx);
    Run { code, out: String::from_utf8(out).unwrap(), err: String::from_utf8(err).unwrap() }
}

fn run(dir: &Path, args: &[&str]) -> Run {
    run_with(dir, args, "")
}

fn json(dir: &Path, args: &[&str]) -> Value {
    let r = run(dir, args);
    assert_eq!(r.code, 0, "{args:?}: {}", r.err);
    serde_json::from_str(&r.out).unwrap_or_else(|e| panic!("{args:?} printed no JSON ({e}): {}", r.out))
}

fn count(dir: &Path) -> usize {
    json(dir, &["list", "--all", "--json"]).as_array().unwrap().len()
}

#[test]
fn log_prints_the_new_id_and_list_shows_the_entry() {
    let dir = tempfile::tempdir().unwrap();
    let r = run(
        dir.path(),
        &[
            "log",
            "--channel",
            "page",
            "--minutes",
            "40",
            "--at",
            "2026-11-18T23:30",
            "--tz",
            "Europe/Berlin",
            "--source",
            "db-primary",
            "--severity",
            "P1",
            "--delegable",
            "--note",
            "disk full",
            "--tag",
            "db",
            "--tag",
            "night",
        ],
    );
    assert_eq!((r.code, r.out.as_str()), (0, "1\n"), "{}", r.err);
    let list = json(dir.path(), &["list", "--week", "2026-W47", "--json"]);
    let e = &list[0];
    assert_eq!(e["id"], 1);
    assert_eq!(e["start"], "2026-11-18T23:30:00+01:00");
    assert_eq!(e["zone"], "Europe/Berlin");
    assert_eq!(
        (e["minutes"].as_i64(), e["after_hours_minutes"].as_i64(), e["sleep_minutes"].as_i64()),
        (Some(40), Some(40), Some(40))
    );
    assert_eq!(
        (e["channel"].as_str(), e["source"].as_str(), e["severity"].as_str()),
        (Some("page"), Some("db-primary"), Some("P1"))
    );
    assert_eq!((e["chosen"].as_bool(), e["delegable"].as_bool()), (Some(false), Some(true)));
    assert_eq!(e["note"], "disk full");
    assert_eq!(e["tags"], serde_json::json!(["db", "night"]));
}

#[test]
fn without_at_an_entry_starts_now_and_lands_in_the_current_week() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(run(dir.path(), &["log", "--channel", "chat", "--minutes", "5"]).code, 0);
    let list = json(dir.path(), &["list", "--json"]);
    assert_eq!(list[0]["start"], "2026-11-25T13:00:00+01:00");
    assert_eq!(json(dir.path(), &["week", "--json"])["week"], "2026-W48");
}

#[test]
fn bad_arguments_exit_2_name_the_field_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    run(dir.path(), &["log", "--channel", "page", "--minutes", "5"]);
    let cases: &[(&[&str], &str)] = &[
        (&["--minutes=-5"], "minutes"),
        (&["--minutes", "-5"], "minutes"),
        (&["--minutes=abc"], "--minutes"),
        (&["--minutes=0"], "minutes"),
        (&["--minutes=100000000"], "minutes"),
        (&["--minutes=10", "--at", "2026-13-40T25:00"], "at"),
        (&["--minutes=10", "--at", "2026-03-29T02:30", "--tz", "Europe/Berlin"], "does not exist"),
        (&["--minutes=10", "--tz", "Mars/Olympus"], "tz"),
        (&["--minutes=10", "--severity", "P9"], "severity"),
        (&["--minutes=10", "--chosen", "--reactive"], "--chosen"),
        (&["--minutes=10", "--costs", "Nothing"], "Nothing"),
    ];
    let huge_note = "x".repeat(10_001);
    for (extra, named) in cases.iter().copied().chain([(&["--minutes=10", "--note", huge_note.as_str()][..], "note")]) {
        let args: Vec<&str> = ["log", "--channel", "page"].into_iter().chain(extra.iter().copied()).collect();
        let r = run(dir.path(), &args);
        let want = if *named == *"Nothing" { 1 } else { 2 };
        assert_eq!(r.code, want, "{extra:?}: {}", r.err);
        assert!(r.err.contains(named), "{extra:?} should name {named}: {}", r.err);
        assert!(r.err.lines().count() <= 6, "a short message: {}", r.err);
    }
    assert_eq!(count(dir.path()), 1);
}

#[test]
fn week_json_has_the_documented_keys() {
    let dir = tempfile::tempdir().unwrap();
    run(dir.path(), &["log", "--channel", "page", "--minutes", "60", "--at", "2026-11-20T17:00", "--reactive"]);
    run(dir.path(), &["log", "--channel", "call", "--minutes", "45", "--at", "2026-11-18T23:30", "--chosen"]);
    let w = json(dir.path(), &["week", "2026-W47", "--tz", "Europe/Berlin", "--json"]);
    for key in [
        "week",
        "zone",
        "sacrifices",
        "after_hours_minutes",
        "sleep_minutes",
        "sleep_interruptions",
        "chosen",
        "reactive",
        "delegable",
        "load_line",
        "over_load_line",
        "breaches",
    ] {
        assert!(w.get(key).is_some(), "missing {key}");
    }
    assert_eq!((w["sacrifices"].as_i64(), w["after_hours_minutes"].as_i64()), (Some(2), Some(75)));
    assert_eq!(w["load_line"], serde_json::json!({"sacrifices": 2, "minutes": 120}));
    let text = run(dir.path(), &["week", "2026-W47"]).out;
    assert!(text.starts_with("Week 2026-W47 (Mon 16 Nov – Sun 22 Nov 2026, Europe/Berlin)"), "{text}");
    assert!(text.contains("Under your load line."), "{text}");
}

#[test]
fn json_on_stdin_logs_one_entry_or_an_array_all_or_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let one = r#"{"channel":"page","minutes":20,"at":"2026-11-18T22:10","tz":"Europe/Berlin","source":"db-primary","delegable":true,"tags":["db"]}"#;
    let r = run_with(dir.path(), &["log", "--json", "-"], one);
    assert_eq!((r.code, r.out.as_str()), (0, "1\n"), "{}", r.err);
    let batch = r#"[{"channel":"chat","minutes":5},{"channel":"call","minutes":15,"chosen":true}]"#;
    assert_eq!(run_with(dir.path(), &["log", "--json", "-"], batch).out, "2\n3\n");
    assert_eq!(count(dir.path()), 3);

    let bad: &[(&str, &str)] = &[
        (r#"[{"channel":"page","minutes":20},{"channel":"chat","minutes":-5}]"#, "entry 2: minutes"),
        (r#"[{"channel":"page","minutes":20},{"channel":"chat","minutes":"ten"}]"#, "entry 2: minutes"),
        (r#"{"channel":"page","minutes":20,"colour":"red"}"#, "colour"),
        (r#"{"minutes":20}"#, "channel"),
        (r#"{"channel":"page","minutes":20,"tz":"Nowhere/Land"}"#, "tz"),
        (r#"{"channel":"#, "json"),
        (r#"[]"#, "json"),
        (r#"42"#, "json"),
        (
            r#"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]"#,
            "entry 1",
        ),
    ];
    for (input, named) in bad {
        let r = run_with(dir.path(), &["log", "--json", "-"], input);
        assert_eq!(r.code, 2, "{input}: {}", r.err);
        assert!(r.err.contains(named), "{input} should name {named}: {}", r.err);
    }
    assert_eq!(count(dir.path()), 3, "nothing of a bad input was written");
}

#[test]
fn undo_removes_the_last_entry_once_then_says_there_is_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let batch =
        r#"[{"channel":"chat","minutes":5,"source":"first"},{"channel":"call","minutes":15,"source":"second"}]"#;
    run_with(dir.path(), &["log", "--json", "-"], batch);
    let r = run(dir.path(), &["undo"]);
    assert_eq!(r.code, 0);
    assert!(r.out.starts_with("Removed entry 2: call, 15 min") && r.out.contains("(second)"), "{}", r.out);
    assert_eq!(count(dir.path()), 1);
    assert_eq!(run(dir.path(), &["undo"]).code, 0);
    let r = run(dir.path(), &["undo"]);
    assert_eq!(r.code, 1);
    assert!(r.err.contains("Nothing to undo"), "{}", r.err);
}

#[test]
fn non_negotiables_from_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let r = run(
        d,
        &["boundary", "add", "--name", "Family dinner", "--category", "family", "--window", "Mon-Fri 18:00-20:00"],
    );
    assert_eq!((r.code, r.out.as_str()), (0, "1\n"), "{}", r.err);
    assert_eq!(
        run(
            d,
            &[
                "boundary",
                "add",
                "--name",
                "Sunday",
                "--category",
                "rest",
                "--window",
                "Sun all day",
                "--allowance",
                "1"
            ]
        )
        .code,
        0
    );
    let list = json(d, &["boundary", "list", "--json"]);
    assert_eq!(list[0]["name"], "Family dinner");
    assert_eq!(list[0]["windows"], serde_json::json!(["Mon-Fri 18:00-20:00"]));
    assert_eq!(list[1]["allowance"], 1);

    assert_eq!(run(d, &["boundary", "pause", "family dinner"]).code, 0);
    assert_eq!(json(d, &["boundary", "list", "--json"])[0]["paused"], true);
    assert_eq!(run(d, &["boundary", "resume", "1"]).code, 0);
    assert_eq!(json(d, &["boundary", "list", "--json"])[0]["paused"], false);
    assert_eq!(run(d, &["boundary", "edit", "1", "--name", "Family time", "--window", "Mon-Fri 19:00-21:00"]).code, 0);
    assert_eq!(json(d, &["boundary", "list", "--json"])[0]["name"], "Family time");
    assert_eq!(run(d, &["boundary", "remove", "Sunday"]).code, 0);
    assert_eq!(json(d, &["boundary", "list", "--json"]).as_array().unwrap().len(), 1);

    for (args, code, named) in [
        (vec!["boundary", "add", "--name", "X", "--category", "work"], 2, "category"),
        (vec!["boundary", "add", "--name", "X", "--category", "rest", "--window", "Mon 10:00"], 2, "window"),
        (vec!["boundary", "add", "--name", "X", "--category", "rest", "--allowance", "-1"], 2, "allowance"),
        (vec!["boundary", "add", "--name", " ", "--category", "rest"], 2, "name"),
        (vec!["boundary", "pause", "Nope"], 1, "Nope"),
    ] {
        let r = run(d, &args);
        assert_eq!(r.code, code, "{args:?}: {}", r.err);
        assert!(r.err.contains(named), "{args:?}: {}", r.err);
    }
    assert_eq!(json(d, &["boundary", "list", "--json"]).as_array().unwrap().len(), 1);
}

#[test]
fn entries_marked_as_costing_a_non_negotiable_breach_it() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    run(d, &["boundary", "add", "--name", "Health", "--category", "health"]);
    run(d, &["log", "--channel", "meeting", "--minutes", "30", "--at", "2026-11-18T10:00", "--costs", "health"]);
    let w = json(d, &["week", "2026-W47", "--json"]);
    assert_eq!((w["sacrifices"].as_i64(), w["breaches"][0]["count"].as_i64()), (Some(1), Some(1)));
}

#[test]
fn settings_show_and_set() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let shown = run(d, &["settings", "show"]).out;
    assert!(shown.contains("Working hours  Mon-Fri 09:00-17:30"), "{shown}");
    assert!(shown.contains("Sleep hours    22:00-07:00"), "{shown}");
    assert!(shown.contains("Time zone      system (Europe/Berlin)"), "{shown}");
    assert!(shown.contains("Quick-log      opened on demand"), "{shown}");
    let r = run(
        d,
        &[
            "settings",
            "set",
            "--work",
            "Mon-Thu 08:00-16:00",
            "--sleep",
            "23:00-06:30",
            "--load-line-sacrifices",
            "3",
            "--load-line-minutes",
            "90",
            "--zone",
            "America/New_York",
            "--quicklog-ready",
            "on",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.err);
    assert!(run(d, &["settings", "show"]).out.contains("Quick-log      kept ready"));
    let s = json(d, &["settings", "show", "--json"]);
    assert_eq!(s["schedule"]["sleep"], serde_json::json!({"start": "23:00", "end": "06:30"}));
    assert_eq!(s["schedule"]["load_line"], serde_json::json!({"sacrifices": 3, "minutes": 90}));
    assert_eq!(s["prefs"]["zone"], "America/New_York");
    assert_eq!(s["prefs"]["quicklog_ready"], true);
    assert!(s["schedule"]["working_hours"][4].is_null(), "Friday is off now");

    for (args, named) in [
        (vec!["--sleep", "23:00"], "sleep"),
        (vec!["--work", "Mon 17:00-09:00"], "working hours"),
        (vec!["--load-line-minutes", "-1"], "load-line-minutes"),
        (vec!["--zone", "Mars/Olympus"], "zone"),
        (vec!["--load-line-sacrifices", "4", "--zone", "Mars/Olympus"], "zone"),
        (vec!["--quicklog-ready", "maybe"], "quicklog-ready"),
    ] {
        let all: Vec<&str> = ["settings", "set"].into_iter().chain(args.iter().copied()).collect();
        let r = run(d, &all);
        assert_eq!(r.code, 2, "{args:?}: {}", r.err);
        assert!(r.err.contains(named), "{args:?}: {}", r.err);
    }
    assert_eq!(json(d, &["settings", "show", "--json"]), s, "bad settings changed nothing");
    assert_eq!(run(d, &["settings", "set"]).code, 2, "set needs something to set");
}

#[test]
fn the_home_zone_decides_the_current_week() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // NOW is Wednesday; both zones agree on the week, but list shows times in the home zone.
    run(d, &["settings", "set", "--zone", "Asia/Tokyo"]);
    run(d, &["log", "--channel", "page", "--minutes", "10"]);
    let list = json(d, &["list", "--json"]);
    assert_eq!(list[0]["zone"], "Asia/Tokyo");
    assert_eq!(list[0]["start"], "2026-11-25T21:00:00+09:00");
    let table = run(d, &["list"]).out;
    assert!(table.contains("Wed 2026-11-25 21:00"), "{table}");
}

#[test]
fn a_damaged_database_is_refused_with_the_newest_backup_to_restore() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let db = d.join(loadline_core::store::DB_FILE);
    fs::write(&db, b"not a database".repeat(500)).unwrap();
    let r = run(d, &["list"]);
    assert_eq!(r.code, 1, "{}", r.err);
    assert!(r.err.contains("not a Loadline database"), "{}", r.err);
    assert!(!r.err.contains("restore-backup"), "no backup to offer yet: {}", r.err);

    fs::remove_file(&db).unwrap();
    run(d, &["log", "--channel", "page", "--minutes", "10"]);
    let store = loadline_core::store::Store::open(d).unwrap();
    let backup = usecases::backups::take_daily(&store, d, utc(NOW).date_naive()).unwrap().unwrap();
    drop(store);
    fs::write(&db, b"not a database".repeat(500)).unwrap();
    for suffix in ["-wal", "-shm"] {
        let _ = fs::remove_file(d.join(format!("{}{suffix}", loadline_core::store::DB_FILE)));
    }
    let r = run(d, &["week"]);
    assert_eq!(r.code, 1, "{}", r.err);
    // Pasted as printed, it restores this data directory, not the default one.
    let offer = r.err.lines().find(|l| l.contains("restore-backup")).unwrap_or_else(|| panic!("no offer: {}", r.err));
    let words = shlex::split(offer.trim()).unwrap();
    let expected = ["loadline", "--data-dir", d.to_str().unwrap(), "restore-backup", backup.to_str().unwrap()];
    assert_eq!(words, expected, "{}", r.err);
    assert_eq!(fs::read(&db).unwrap(), b"not a database".repeat(500), "the damaged file is untouched");
}

#[test]
fn a_page_damaged_in_the_middle_is_called_damage_and_the_pasted_offer_restores_it() {
    let base = tempfile::tempdir().unwrap();
    let d = base.path().join("my data");
    for n in 0..300 {
        let note = format!("entry {n} {}", "x".repeat(300));
        let at = format!("2026-11-{:02}T20:00", 1 + n % 20);
        let r = run(&d, &["log", "--channel", "page", "--minutes", "10", "--at", &at, "--note", &note]);
        assert_eq!(r.code, 0, "{}", r.err);
    }
    let store = loadline_core::store::Store::open(&d).unwrap();
    usecases::backups::take_daily(&store, &d, utc(NOW).date_naive()).unwrap().unwrap();
    drop(store);
    let db = d.join(loadline_core::store::DB_FILE);
    let mut bytes = fs::read(&db).unwrap();
    let page = 4096;
    let middle = bytes.len() / page / 2 * page;
    for b in &mut bytes[middle + 8..middle + page] {
        *b = 0x5A;
    }
    fs::write(&db, &bytes).unwrap();

    let r = run(&d, &["list", "--all"]);
    assert_eq!(r.code, 1, "{}", r.err);
    assert!(r.err.contains("not a Loadline database") || r.err.contains("damaged"), "{}", r.err);
    let offer = r.err.lines().find(|l| l.contains("restore-backup")).unwrap_or_else(|| panic!("no offer: {}", r.err));
    // The offer, run through a shell as the person would paste it.
    let words: Vec<String> = shlex::split(offer.trim()).unwrap();
    assert_eq!(words[..3], ["loadline", "--data-dir", d.to_str().unwrap()]);
    let args: Vec<&str> = words[3..].iter().map(String::as_str).collect();
    let r = run(&d, &args);
    assert_eq!(r.code, 0, "{}", r.err);
    assert_eq!(count(&d), 300);
}

#[test]
fn a_json_entry_with_a_duplicated_key_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let r = run_with(dir.path(), &["log", "--json", "-"], r#"{"channel":"page","minutes":5,"minutes":9999}"#);
    assert_eq!(r.code, 2, "{}", r.err);
    assert!(r.err.contains("'minutes' appears twice"), "{}", r.err);
    let r = run_with(
        dir.path(),
        &["log", "--json", "-"],
        r#"[{"channel":"page","minutes":5},{"channel":"chat","channel":"call","minutes":5}]"#,
    );
    assert_eq!(r.code, 2, "{}", r.err);
    assert!(r.err.contains("[1]") && r.err.contains("'channel' appears twice"), "{}", r.err);
    assert_eq!(count(dir.path()), 0);
}

#[test]
fn a_self_check_taken_from_the_terminal_is_scored_and_a_wrong_scale_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let take = r#"{"personal":["always","often",null,"seldom","never","sometimes"],
        "work":["high","somewhat","low","often","often","never","always"],"at":"2026-11-20T09:00"}"#;
    let r = run_with(dir.path(), &["selfcheck", "take", "--json", "-"], take);
    assert_eq!((r.code, r.out.trim()), (0, "1"), "{}", r.err);
    let listed = json(dir.path(), &["selfcheck", "--json"]);
    let t = &listed["takes"][0];
    // (100+75+25+0+50)/5 and (75+50+25+75+75+0+0)/7: "always" enough energy, reversed, is 0.
    assert_eq!((t["personal"].as_f64(), t["work"].as_f64()), (Some(50.0), Some(42.9)));
    assert_eq!(t["answered"], serde_json::json!({"personal": 5, "work": 7, "client": null}));
    assert_eq!(t["at"], "2026-11-20T09:00:00+01:00");

    let wrong = r#"{"personal":["sometimes","sometimes","sometimes","sometimes","sometimes","sometimes"],
        "work":["sometimes","somewhat","somewhat","sometimes","sometimes","sometimes","sometimes"]}"#;
    let r = run_with(dir.path(), &["selfcheck", "take", "--json", "-"], wrong);
    assert_eq!(r.code, 2);
    assert_eq!(
        r.err.trim(),
        "loadline: work[0]: answered on the degree scale: very high, high, somewhat, low, very low"
    );
    let r = run_with(dir.path(), &["selfcheck", "take", "--json", "-"], r#"{"personal":[],"work":[],"mood":1}"#);
    assert_eq!(r.code, 2, "an unknown field is refused: {}", r.out);
    assert_eq!(json(dir.path(), &["selfcheck", "--json"])["takes"].as_array().unwrap().len(), 1, "nothing written");

    let text = run(dir.path(), &["selfcheck"]);
    assert!(text.out.contains("Personal 50. Work-related 42.9."), "{}", text.out);
    assert!(text.out.contains("not a diagnosis"), "{}", text.out);
    // Taken five days before the clock's now: too late to correct.
    let r = run_with(
        dir.path(),
        &["selfcheck", "correct", "1", "--json", "-"],
        wrong.replace("\"sometimes\",\"somewhat\"", "\"high\",\"somewhat\"").as_str(),
    );
    assert_eq!(r.code, 2);
    assert!(r.err.contains("only on the day it was taken"), "{}", r.err);
}

#[test]
fn a_team_share_is_an_export_and_two_of_them_merge_into_a_report() {
    let (ana, ben, out) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    for (dir, at) in [(&ana, "2026-11-23T21:00"), (&ana, "2026-11-24T21:00"), (&ben, "2026-11-24T19:00")] {
        let r = run(dir.path(), &["log", "--channel", "page", "--minutes", "30", "--at", at, "--source", "db"]);
        assert_eq!(r.code, 0, "{}", r.err);
    }
    let mut files = Vec::new();
    for (dir, name) in [(&ana, "Ana"), (&ben, "Ben")] {
        let file = out.path().join(format!("{name}.json"));
        let args = ["export", "--format", "team", "--range", "this-week", "--as", name, "--team-key", "k"];
        let r = run(dir.path(), &[&args[..], &["--out", file.to_str().unwrap()]].concat());
        assert_eq!(r.code, 0, "{}", r.err);
        files.push(file.to_str().unwrap().to_string());
    }
    let report = json_of(&run(ana.path(), &["team", &files[0], &files[1], "--format", "json"]));
    assert_eq!(report["verdict"], "After-hours load is carried by one person: Ana 67 %.");
    assert_eq!(report["range"]["first_day"], "2026-11-23");

    let refused = run(ana.path(), &["export", "--format", "team", "--include", "notes", "--out", "-"]);
    assert_eq!(refused.code, 2);
    assert!(refused.err.contains("as: ") && refused.err.contains("team-key: "), "{}", refused.err);
    let refused = run(ana.path(), &["export", "--format", "html", "--as", "Ana", "--out", "-"]);
    assert_eq!((refused.code, refused.err.as_str()), (2, "loadline: as: is for --format team only\n"));
}

fn json_of(r: &Run) -> Value {
    assert_eq!(r.code, 0, "{}", r.err);
    serde_json::from_str(&r.out).unwrap()
}
