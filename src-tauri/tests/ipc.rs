//! The IPC layer as the page meets it: the real commands, context (capabilities, CSP) and state
//! on Tauri's mock runtime, against a real data directory. Every command refuses malformed and
//! out-of-range arguments with a typed error and changes nothing; the capabilities let the
//! windows call Loadline's commands and nothing else; a damaged database is refused, left as it
//! was, and its newest automatic backup is offered.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{TimeZone, Utc};
use loadline_core::interruptions::Draft;
use loadline_core::store::Store;
use proptest::prelude::*;
use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{App, WebviewUrl, WebviewWindow, WebviewWindowBuilder};

struct Ipc {
    dir: tempfile::TempDir,
    app: App<MockRuntime>,
    main: WebviewWindow<MockRuntime>,
}

fn ipc_in(dir: tempfile::TempDir) -> Ipc {
    let app = loadline_app::headless(mock_builder(), dir.path().join("data")).expect("the app builds");
    let main = window(&app, "main");
    Ipc { dir, app, main }
}

fn ipc() -> Ipc {
    ipc_in(tempfile::tempdir().unwrap())
}

fn window(app: &App<MockRuntime>, label: &str) -> WebviewWindow<MockRuntime> {
    WebviewWindowBuilder::new(app, label, WebviewUrl::default()).build().expect("a mock window")
}

fn request(cmd: &str, args: Value, url: &str) -> InvokeRequest {
    InvokeRequest {
        cmd: cmd.into(),
        callback: CallbackFn(0),
        error: CallbackFn(1),
        url: url.parse().unwrap(),
        body: InvokeBody::Json(args),
        headers: Default::default(),
        invoke_key: INVOKE_KEY.to_string(),
    }
}

/// The origin Loadline's own page has on Linux.
const PAGE: &str = "tauri://localhost";

impl Ipc {
    fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    fn call(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        call_from(&self.main, cmd, args, PAGE)
    }

    fn ok(&self, cmd: &str, args: Value) -> Value {
        self.call(cmd, args).unwrap_or_else(|e| panic!("{cmd}: {e}"))
    }

    /// Every row of every table, in order: "changes nothing" means this is the same.
    fn dump(&self) -> String {
        dump(&self.data().join("loadline.db"))
    }
}

fn call_from(window: &WebviewWindow<MockRuntime>, cmd: &str, args: Value, url: &str) -> Result<Value, Value> {
    get_ipc_response(window, request(cmd, args, url)).map(|body| body.deserialize::<Value>().unwrap())
}

fn dump(db: &Path) -> String {
    let conn = rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let mut tables = conn.prepare("SELECT name FROM sqlite_schema WHERE type='table' ORDER BY name").unwrap();
    let names: Vec<String> = tables.query_map([], |r| r.get(0)).unwrap().collect::<Result<_, _>>().unwrap();
    let mut out = String::new();
    for name in names {
        let mut rows = conn.prepare(&format!("SELECT * FROM \"{name}\" ORDER BY rowid")).unwrap();
        let width = rows.column_count();
        let lines: Vec<String> = rows
            .query_map([], |r| {
                (0..width).map(|i| r.get::<_, rusqlite::types::Value>(i).map(|v| format!("{v:?}"))).collect()
            })
            .unwrap()
            .map(|row: rusqlite::Result<Vec<String>>| row.unwrap().join(" | "))
            .collect();
        out.push_str(&format!("{name}:\n{}\n", lines.join("\n")));
    }
    out
}

fn draft() -> Value {
    json!({"channel": "page", "minutes": 30, "at": "2026-11-18T23:30", "tz": "Europe/Berlin", "source": "db", "note": "disk"})
}

fn boundary() -> Value {
    json!({"name": "Family dinner", "category": "family", "windows": ["Mon-Fri 18:00-20:00"], "allowance": 0, "paused": false})
}

fn answers() -> Value {
    json!({"cost": "two evenings", "chosen": "", "runbook": "", "protect": "Friday", "energy": 3})
}

/// A data directory with something in every table the commands write.
fn seeded() -> Ipc {
    let t = ipc();
    t.ok("log_entry", json!({ "draft": draft() }));
    t.ok("add_boundary", json!({ "boundary": boundary() }));
    t.ok("save_reflection", json!({"week": "2026-W47", "answers": answers()}));
    t.ok("set_quicklog_draft", json!({"draft": "{\"minutes\":5}"}));
    t.ok("set_warnings_paused", json!({"paused": true}));
    t
}

fn with(base: Value, key: &str, value: Value) -> Value {
    let mut v = base;
    v[key] = value;
    v
}

/// (command, arguments, the field the error must name). Each is malformed (a wrong type, a
/// missing field, an unknown one) or out of range, and must be refused whole.
fn bad_calls() -> Vec<(&'static str, Value, &'static str)> {
    let huge = "x".repeat(1 << 20);
    let d = draft;
    let settings = json!({
        "working_hours": ["09:00-17:30", "09:00-17:30", "09:00-17:30", "09:00-17:30", "09:00-17:30", "", ""],
        "sleep": "22:00-07:00", "load_line_sacrifices": 2, "load_line_minutes": 120,
    });
    let export = json!({"format": "html", "from": "2026-11-16", "to": "2026-11-22",
        "include": {"notes": false, "sources": false, "names": false}, "message": null});
    vec![
        // weeks
        ("week_summary", json!({"week": "2026-W54"}), "week"),
        ("week_summary", json!({"week": 47}), "week"),
        ("week_summary", json!({"week": huge}), "week"),
        ("list_entries", json!({"week": "2026-W00"}), "week"),
        ("list_entries", json!({"week": ["2026-W47"]}), "week"),
        ("reflection", json!({"week": "47/2026"}), "week"),
        // log_entry: every field of a draft
        ("log_entry", json!({}), "draft"),
        ("log_entry", json!({"draft": "page, 30 min"}), "draft"),
        // A draft without minutes or a channel: the core asks for them, as for an empty field.
        ("log_entry", json!({"draft": {"channel": "page"}}), "minutes"),
        ("log_entry", json!({"draft": {"minutes": 30}}), "channel"),
        ("log_entry", json!({"draft": with(d(), "colour", json!("red"))}), "colour"),
        ("log_entry", json!({"draft": with(d(), "minutes", json!(-5))}), "minutes"),
        ("log_entry", json!({"draft": with(d(), "minutes", json!(0))}), "minutes"),
        ("log_entry", json!({"draft": with(d(), "minutes", json!(10_081))}), "minutes"),
        ("log_entry", json!({"draft": with(d(), "minutes", json!("ten"))}), "minutes"),
        ("log_entry", json!({"draft": with(d(), "minutes", json!(1.5))}), "minutes"),
        ("log_entry", json!({"draft": with(d(), "minutes", json!(u64::MAX))}), "minutes"),
        ("log_entry", json!({"draft": with(d(), "minutes", json!(huge))}), "minutes"),
        ("log_entry", json!({"draft": with(d(), "channel", json!(""))}), "channel"),
        ("log_entry", json!({"draft": with(d(), "channel", json!(huge))}), "channel"),
        ("log_entry", json!({"draft": with(d(), "at", json!("yesterday evening"))}), "at"),
        ("log_entry", json!({"draft": with(d(), "at", json!("2026-02-30T10:00"))}), "at"),
        ("log_entry", json!({"draft": with(d(), "at", json!("2026-03-29T02:30"))}), "at"),
        ("log_entry", json!({"draft": with(d(), "at", json!(huge))}), "at"),
        ("log_entry", json!({"draft": with(d(), "tz", json!("Mars/Olympus"))}), "tz"),
        ("log_entry", json!({"draft": with(d(), "source", json!(huge))}), "source"),
        ("log_entry", json!({"draft": with(d(), "severity", json!("P9"))}), "severity"),
        ("log_entry", json!({"draft": with(d(), "chosen", json!("yes"))}), "chosen"),
        ("log_entry", json!({"draft": with(d(), "note", json!(huge))}), "note"),
        ("log_entry", json!({"draft": with(d(), "tags", json!([1, 2]))}), "tags[0]"),
        ("log_entry", json!({"draft": with(d(), "tags", json!(vec!["t"; 21]))}), "tags"),
        ("log_entry", json!({"draft": with(d(), "costs", json!([999]))}), "costs"),
        // entries by id
        ("update_entry", json!({"id": "one", "draft": d()}), "id"),
        ("update_entry", json!({"draft": d()}), "id"),
        ("update_entry", json!({"id": 1, "draft": with(d(), "minutes", json!(0))}), "minutes"),
        ("update_entry", json!({"id": 1, "draft": with(d(), "note", json!(huge))}), "note"),
        ("update_entry", json!({"id": 1}), "draft"),
        ("delete_entry", json!({"id": "1"}), "id"),
        ("delete_entry", json!({"id": 1.5}), "id"),
        ("delete_entry", json!({}), "id"),
        ("restore_entry", json!({"id": null}), "id"),
        ("entries_by_ids", json!({"ids": {"a": 1}}), "ids"),
        ("entries_by_ids", json!({"ids": [1, "2"]}), "ids[1]"),
        ("mark_notices_read", json!({"ids": "all"}), "ids"),
        // settings
        ("save_settings", json!({"zone": null}), "schedule"),
        (
            "save_settings",
            json!({"schedule": with(settings.clone(), "working_hours", json!(["09:00-17:30"]))}),
            "working_hours",
        ),
        (
            "save_settings",
            json!({"schedule": with(settings.clone(), "working_hours", json!(["25:00-26:00", "", "", "", "", "", ""]))}),
            "working_hours[0]",
        ),
        ("save_settings", json!({"schedule": with(settings.clone(), "sleep", json!("late"))}), "sleep"),
        (
            "save_settings",
            json!({"schedule": with(settings.clone(), "load_line_sacrifices", json!(-1))}),
            "load_line_sacrifices",
        ),
        (
            "save_settings",
            json!({"schedule": with(settings.clone(), "load_line_minutes", json!("lots"))}),
            "load_line_minutes",
        ),
        ("save_settings", json!({"schedule": settings.clone(), "zone": "Nowhere/Special"}), "zone"),
        ("set_warnings_paused", json!({"paused": "true"}), "paused"),
        ("set_warnings_paused", json!({}), "paused"),
        // non-negotiables
        ("add_boundary", json!({}), "boundary"),
        ("add_boundary", json!({"boundary": with(boundary(), "name", json!(""))}), "name"),
        ("add_boundary", json!({"boundary": with(boundary(), "name", json!(huge))}), "name"),
        ("add_boundary", json!({"boundary": with(boundary(), "category", json!("hobbies"))}), "category"),
        (
            "add_boundary",
            json!({"boundary": with(boundary(), "windows", json!(["Mon-Fri 18:00-25:00"]))}),
            "windows[0]",
        ),
        ("add_boundary", json!({"boundary": with(boundary(), "windows", json!("Mon-Fri 18:00-20:00"))}), "windows"),
        ("add_boundary", json!({"boundary": with(boundary(), "allowance", json!(-1))}), "allowance"),
        ("add_boundary", json!({"boundary": with(boundary(), "allowance", json!(1_000_000))}), "allowance"),
        ("add_boundary", json!({"boundary": with(boundary(), "paused", json!("no"))}), "paused"),
        ("edit_boundary", json!({"id": "x", "boundary": boundary()}), "id"),
        (
            "edit_boundary",
            json!({"id": 1, "boundary": with(boundary(), "windows", json!(["Someday 10:00-11:00"]))}),
            "windows[0]",
        ),
        ("remove_boundary", json!({"id": []}), "id"),
        // exports and backups
        ("export_preview", json!({}), "request"),
        ("export_preview", json!({"request": with(export.clone(), "format", json!("pdf"))}), "format"),
        ("export_preview", json!({"request": with(export.clone(), "from", json!("2026-13-01"))}), "from"),
        ("export_preview", json!({"request": with(export.clone(), "to", json!("2026-11-01"))}), "to"),
        ("export_preview", json!({"request": with(export.clone(), "include", json!("everything"))}), "include"),
        ("export_save", json!({"request": with(export.clone(), "format", json!(huge))}), "format"),
        ("export_preview", json!({"request": with(export.clone(), "format", json!("team"))}), "as"),
        ("export_preview", json!({"request": with(export.clone(), "team_name", json!("Ana"))}), "as"),
        ("team_merge", json!({"paths": "ana.json"}), "paths"),
        ("team_merge", json!({"paths": []}), "files"),
        ("team_merge", json!({"paths": vec!["ana.json"; 101]}), "files"),
        ("team_merge", json!({"paths": ["/nowhere/ana.json"]}), "ana.json"),
        ("team_merge", json!({"paths": ["/etc/passwd"]}), "passwd: file"),
        ("team_save", json!({"paths": ["/nowhere/ana.json"], "format": "pdf"}), "format"),
        ("team_save", json!({"paths": ["/nowhere/ana.json"], "format": "md"}), "ana.json"),
        ("restore_backup", json!({"file": "/etc/passwd"}), "file"),
        ("restore_backup", json!({"file": 7}), "file"),
        // preferences, the quick-log window, reflections
        ("save_prefs", json!({"prefs": "defaults"}), "prefs"),
        ("save_prefs", json!({"prefs": {"shortcut": "Ctrl+Banana"}}), "shortcut"),
        ("save_prefs", json!({"prefs": {"zone": "Mars/Olympus"}}), "zone"),
        ("save_prefs", json!({"prefs": {"thresholds": {"streak_days": 99}}}), "thresholds.streak_days"),
        (
            "save_prefs",
            json!({"prefs": {"presets": [{"label": "", "channel": "page", "minutes": 15}]}}),
            "presets[0].label",
        ),
        (
            "save_prefs",
            json!({"prefs": {"presets": [{"label": "Paged", "channel": "page", "minutes": -15}]}}),
            "presets[0].minutes",
        ),
        ("set_quicklog_draft", json!({"draft": 42}), "draft"),
        ("set_quicklog_draft", json!({"draft": huge}), "draft"),
        ("quicklog_ready", json!({"pageMs": "soon"}), "pageMs"),
        ("save_reflection", json!({"week": "last week", "answers": answers()}), "week"),
        ("save_reflection", json!({"week": "2026-W47", "answers": with(answers(), "energy", json!(9))}), "energy"),
        ("save_reflection", json!({"week": "2026-W47", "answers": with(answers(), "energy", json!(-1))}), "energy"),
        ("save_reflection", json!({"week": "2026-W47", "answers": with(answers(), "cost", json!(huge))}), "cost"),
        ("save_reflection", json!({"week": "2026-W47", "answers": with(answers(), "mood", json!("ok"))}), "mood"),
        ("set_autostart", json!({"enabled": "yes"}), "enabled"),
    ]
}

#[test]
fn every_command_refuses_bad_arguments_with_a_typed_error_and_changes_nothing() {
    let t = seeded();
    let before = t.dump();
    let mut wrong = Vec::new();
    for (n, (cmd, args, field)) in bad_calls().into_iter().enumerate() {
        let case = format!("case {n} ({cmd}, {field})");
        match t.call(cmd, args) {
            Ok(_) => wrong.push(format!("{case}: accepted")),
            Err(err) => {
                let message = err["message"].as_str().unwrap_or_default();
                if err["code"] != "invalid" || err["field"] != field {
                    wrong.push(format!("{case}: {err}"));
                }
                // A megabyte of input must not come back as a megabyte of message.
                if !(1..400).contains(&message.len()) {
                    wrong.push(format!("{case}: a message of {} bytes", message.len()));
                }
            }
        }
        if t.dump() != before {
            wrong.push(format!("{case}: changed the database"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn unknown_ids_are_not_found_and_change_nothing() {
    let t = seeded();
    let before = t.dump();
    for (cmd, args) in [
        ("update_entry", json!({"id": 999, "draft": draft()})),
        ("update_entry", json!({"id": -1, "draft": draft()})),
        ("delete_entry", json!({"id": i64::MAX})),
        ("restore_entry", json!({"id": 1})),
        ("edit_boundary", json!({"id": 999, "boundary": boundary()})),
        ("remove_boundary", json!({"id": 0})),
    ] {
        let err = t.call(cmd, args).expect_err(cmd);
        assert_eq!(err["code"], "not_found", "{cmd}: {err}");
        assert_eq!(t.dump(), before, "{cmd} changed the database");
    }
}

#[test]
fn a_good_call_still_works_after_bad_ones() {
    let t = seeded();
    assert!(t.call("log_entry", json!({"draft": with(draft(), "minutes", json!(0))})).is_err());
    let entry = t.ok("log_entry", json!({"draft": with(draft(), "minutes", json!(45))}));
    assert_eq!(entry["minutes"], 45);
    assert_eq!(entry["after_hours_minutes"], 45);
    let week = t.ok("week_summary", json!({"week": "2026-W47"}));
    assert_eq!(week["interruptions"], 2);
}

/// Arbitrary JSON for an argument: values of every type, strings that look like the real
/// thing, objects with the real fields' names.
fn any_json() -> impl Strategy<Value = Value> {
    let key = prop::sample::select(vec![
        "channel",
        "minutes",
        "at",
        "tz",
        "note",
        "tags",
        "costs",
        "name",
        "category",
        "windows",
        "allowance",
        "paused",
        "format",
        "from",
        "to",
        "include",
        "energy",
        "cost",
        "working_hours",
        "sleep",
        "x",
    ]);
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        (-5i64..20).prop_map(Value::from),
        any::<f64>().prop_filter("JSON has no NaN", |f| f.is_finite()).prop_map(Value::from),
        ".{0,20}".prop_map(Value::from),
        prop::sample::select(vec![
            "page",
            "2026-W47",
            "2026-W53",
            "2026-11-18T23:30",
            "2026-03-29T02:30",
            "Europe/Berlin",
            "Mon-Fri 18:00-20:00",
            "family",
            "html",
            "json",
            "2026-11-16",
        ])
        .prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 24, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
            prop::collection::btree_map(key.clone().prop_map(String::from), inner, 0..7)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Commands and their arguments' names. Left out: those that need a desktop service once their
/// arguments pass (the save dialog, the global shortcut, start at login); `bad_calls` covers them.
const FUZZED: &[(&str, &[&str])] = &[
    ("week_summary", &["week"]),
    ("list_entries", &["week"]),
    ("reflection", &["week"]),
    ("log_entry", &["draft"]),
    ("update_entry", &["id", "draft"]),
    ("delete_entry", &["id"]),
    ("restore_entry", &["id"]),
    ("save_settings", &["schedule", "zone"]),
    ("add_boundary", &["boundary"]),
    ("edit_boundary", &["id", "boundary"]),
    ("remove_boundary", &["id"]),
    ("mark_notices_read", &["ids"]),
    ("entries_by_ids", &["ids"]),
    ("set_warnings_paused", &["paused"]),
    ("export_preview", &["request"]),
    ("restore_backup", &["file"]),
    ("team_merge", &["paths"]),
    ("set_quicklog_draft", &["draft"]),
    ("save_reflection", &["week", "answers"]),
];

fn any_call() -> impl Strategy<Value = (usize, Vec<Option<Value>>)> {
    (0..FUZZED.len()).prop_flat_map(|n| {
        let args = prop::collection::vec(prop::option::weighted(0.9, any_json()), FUZZED[n].1.len());
        (Just(n), args)
    })
}

thread_local! {
    /// One app for all the cases: what an accepted call wrote only makes the next ones richer.
    static FUZZED_APP: Ipc = seeded();
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn any_arguments_are_accepted_or_refused_with_a_typed_error_that_changed_nothing(
        calls in prop::collection::vec(any_call(), 1..4)
    ) {
        FUZZED_APP.with(|t| {
        for (n, values) in calls {
            let (cmd, names) = FUZZED[n];
            let mut args = serde_json::Map::new();
            for (name, value) in names.iter().zip(values) {
                if let Some(v) = value {
                    args.insert((*name).to_string(), v);
                }
            }
            let before = t.dump();
            if let Err(err) = t.call(cmd, Value::Object(args.clone())) {
                let code = err["code"].as_str().unwrap_or_default();
                prop_assert!(["invalid", "not_found"].contains(&code), "{} {:?}: {}", cmd, args, err);
                if code == "invalid" {
                    prop_assert!(err["field"].as_str().is_some_and(|f| !f.is_empty()), "{}: {}", cmd, err);
                }
                prop_assert_eq!(t.dump(), before, "{} {:?} was refused but changed the database", cmd, args);
            }
        }
        Ok(())
        })?;
    }
}

#[test]
fn a_team_share_previewed_in_the_window_merges_with_a_colleagues_into_the_team_report() {
    let (ana, ben) = (seeded(), ipc());
    ben.ok("log_entry", json!({ "draft": with(draft(), "minutes", json!(10)) }));
    let mut paths = Vec::new();
    for (t, name) in [(&ana, "Ana"), (&ben, "Ben")] {
        let request = json!({"format": "team", "from": "2026-11-16", "to": "2026-11-22", "message": null,
            "include": {"notes": false, "sources": true, "names": false}, "team_name": name, "team_key": "blue"});
        let preview = t.ok("export_preview", json!({ "request": request }));
        assert_eq!((preview["from"].as_str(), preview["to"].as_str()), (Some("2026-11-16"), Some("2026-11-22")));
        let path = ana.dir.path().join(preview["file_name"].as_str().unwrap());
        fs::write(&path, preview["text"].as_str().unwrap()).unwrap();
        paths.push(path.display().to_string());
    }
    let merged = ana.ok("team_merge", json!({ "paths": paths }));
    assert_eq!(merged["files"], json!(["loadline-team-ana-2026-W47.json", "loadline-team-ben-2026-W47.json"]));
    let report = &merged["report"];
    assert_eq!(report["verdict"], "After-hours load is carried by one person: Ana 75 %.");
    assert_eq!(report["people"][0]["over_half"], true);
    assert_eq!(report["sources"][0]["label"], "db");
    // The same person twice is refused, naming the file.
    let twice = ana.call("team_merge", json!({ "paths": [&paths[0], &paths[0]] })).unwrap_err();
    assert_eq!(twice["field"], "loadline-team-ana-2026-W47.json");
    assert!(twice["message"].as_str().unwrap().starts_with("is the same person as"), "{twice}");
}

// ---- capabilities and CSP ------------------------------------------------------------------

#[test]
fn the_windows_may_call_loadline_commands_and_nothing_else() {
    let t = ipc();
    assert!(t.call("week_summary", json!({})).is_ok(), "the main window calls Loadline's commands");
    let quicklog = window(&t.app, "quicklog");
    assert!(call_from(&quicklog, "log_entry", json!({ "draft": draft() }), PAGE).is_ok());
    // Core and plugin commands exist in every Tauri app; the capability grants none of them
    // but listening to events.
    for cmd in [
        "plugin:window|close",
        "plugin:window|set_size",
        "plugin:webview|create_webview_window",
        "plugin:webview|set_webview_focus",
        "plugin:app|version",
        "plugin:path|resolve_directory",
        "plugin:event|emit",
        "plugin:image|new",
        "plugin:menu|new",
        "plugin:tray|new",
        "plugin:resources|close",
        "plugin:dialog|open",
        "plugin:dialog|save",
        "plugin:opener|open_url",
        "plugin:opener|open_path",
        "plugin:autostart|enable",
        "plugin:global-shortcut|register",
        "plugin:shell|execute",
        "plugin:fs|read_file",
        "plugin:http|fetch",
    ] {
        let err = t.call(cmd, json!({})).expect_err(cmd);
        assert!(err.as_str().is_some_and(|m| m.contains("not allowed")), "{cmd}: {err}");
    }
    // Another window, or a page from elsewhere in the main one, may call nothing at all.
    let other = window(&t.app, "other");
    let err = call_from(&other, "week_summary", json!({}), PAGE).expect_err("an unknown window");
    assert!(err.as_str().is_some_and(|m| m.contains("not allowed")), "{err}");
    let err = call_from(&t.main, "week_summary", json!({}), "https://example.com").expect_err("a remote page");
    assert!(err.as_str().is_some_and(|m| m.contains("not allowed")), "{err}");
}

#[test]
fn the_capability_file_grants_only_loadline_commands_and_event_listening() {
    let file: Value = serde_json::from_str(include_str!("../capabilities/main.json")).unwrap();
    assert_eq!(file["windows"], json!(["main", "quicklog"]));
    assert!(file.get("remote").is_none(), "no remote origin may call commands");
    let granted: Vec<&str> = file["permissions"].as_array().unwrap().iter().map(|p| p.as_str().unwrap()).collect();
    for p in &granted {
        let ours = p.starts_with("allow-") && !p.contains(':');
        assert!(ours || ["core:event:allow-listen", "core:event:allow-unlisten"].contains(p), "{p} is granted");
    }
}

#[test]
fn the_content_security_policy_forbids_remote_content_and_inline_script() {
    let config: Value = serde_json::from_str(include_str!("../tauri.conf.json")).unwrap();
    let security = &config["app"]["security"];
    let csp = security["csp"].as_object().expect("a CSP is set");
    assert_eq!(csp["default-src"], "'self'");
    assert_eq!(csp["script-src"], "'self'", "no inline or remote script");
    assert_eq!(csp["object-src"], "'none'");
    for (directive, sources) in csp {
        let sources = sources.as_str().unwrap();
        for source in sources.split_whitespace() {
            let local =
                ["'self'", "'none'", "'unsafe-inline'", "data:", "ipc:", "http://ipc.localhost"].contains(&source);
            assert!(local, "{directive} allows {source}");
        }
        if sources.contains("'unsafe-inline'") {
            assert_eq!(directive, "style-src", "inline content only for styles");
        }
    }
    assert_eq!(config["app"]["withGlobalTauri"], false);
    assert_eq!(security["freezePrototype"], true);
    assert!(security.get("dangerousDisableAssetCspModification").is_none());
}

// ---- a damaged database, as the app sees it ------------------------------------------------

#[test]
fn a_damaged_database_is_refused_untouched_and_its_newest_backup_offered() {
    let good = {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path()).unwrap();
        let now = Utc.with_ymd_and_hms(2026, 11, 25, 12, 0, 0).unwrap();
        let entry: Draft = serde_json::from_value(draft()).unwrap();
        store.log(&[entry.resolve(now, chrono_tz::Europe::Berlin).unwrap()], now).unwrap();
        drop(store);
        fs::read(dir.path().join("loadline.db")).unwrap()
    };
    let newer = {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("loadline.db"), &good).unwrap();
        let conn = rusqlite::Connection::open(dir.path().join("loadline.db")).unwrap();
        conn.pragma_update(None, "user_version", 999).unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
        drop(conn);
        fs::read(dir.path().join("loadline.db")).unwrap()
    };
    let foreign = {
        let dir = tempfile::tempdir().unwrap();
        let conn = rusqlite::Connection::open(dir.path().join("x.db")).unwrap();
        conn.execute_batch("CREATE TABLE photos (id INTEGER); PRAGMA journal_mode=DELETE;").unwrap();
        drop(conn);
        fs::read(dir.path().join("x.db")).unwrap()
    };
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("truncated", good[..100].to_vec(), "not a Loadline database"),
        ("zeroed", vec![0; good.len()], "not a Loadline database"),
        ("garbage", b"a note, not a database. ".repeat(400), "not a Loadline database"),
        ("foreign", foreign, "another program's SQLite database"),
        ("newer", newer, "newer Loadline"),
    ];
    for (what, bytes, says) in cases {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        let backup = data.join("backups").join("loadline-2026-11-24.db");
        fs::create_dir_all(backup.parent().unwrap()).unwrap();
        fs::write(&backup, &good).unwrap();
        fs::write(data.join("loadline.db"), &bytes).unwrap();

        let t = ipc_in(dir);
        let problem = t.ok("store_problem", json!({}));
        let problem = problem.as_str().unwrap_or_else(|| panic!("{what}: no problem reported"));
        assert!(problem.contains(says) && problem.contains("left untouched"), "{what}: {problem}");
        let err = t.call("log_entry", json!({ "draft": draft() })).expect_err(what);
        assert_eq!(err["code"], "store_unavailable", "{what}: {err}");
        let offered = t.ok("backups", json!({}));
        assert_eq!(offered[0]["file"], backup.display().to_string(), "{what}: the backup is offered");
        assert_eq!(fs::read(t.data().join("loadline.db")).unwrap(), bytes, "{what}: the file was changed");

        t.ok("restore_backup", json!({"file": backup.display().to_string()}));
        assert_eq!(t.ok("store_problem", json!({})), Value::Null, "{what}: restored");
        assert_eq!(t.ok("list_entries", json!({"week": "2026-W47"})).as_array().unwrap().len(), 1, "{what}");
        let aside = fs::read_dir(t.data()).unwrap().filter_map(|e| e.ok()).find(|e| {
            e.file_name().to_string_lossy().starts_with("loadline.db.set-aside-")
                && !e.file_name().to_string_lossy().ends_with("-wal")
                && !e.file_name().to_string_lossy().ends_with("-shm")
        });
        let aside = aside.unwrap_or_else(|| panic!("{what}: the damaged file was not kept"));
        assert_eq!(fs::read(aside.path()).unwrap(), bytes, "{what}: the damaged file is kept as it was");
    }
}

#[test]
fn a_data_directory_fixed_while_the_app_runs_is_used_without_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    // Something that is not a directory stands where the data directory should be.
    fs::write(dir.path().join("data"), b"in the way").unwrap();
    let t = ipc_in(dir);
    let refused = t.call("week_summary", json!({})).unwrap_err();
    assert_eq!(refused["code"], "store_unavailable", "{refused}");

    fs::remove_file(t.data()).unwrap();
    t.call("log_entry", json!({"draft": draft()})).expect("the store opens on the next call");
    assert_eq!(t.call("week_summary", json!({"week": "2026-W47"})).unwrap()["interruptions"], 1);
}
