//! Every input path takes anything without panicking, and either accepts it or refuses it as
//! bad input: CLI arguments, JSON on standard input, and backup files.

use clap::Parser;
use loadline_core::cli::{self, parse_drafts, Cli};
use loadline_core::export::{backup, full_backup};
use proptest::prelude::*;

use crate::support::{entry, temp_store, utc, BERLIN};

/// JSON-ish text: real JSON values with entry-like keys, and broken fragments.
fn json_text() -> impl Strategy<Value = String> {
    let key = prop::sample::select(vec![
        "channel",
        "minutes",
        "at",
        "tz",
        "source",
        "severity",
        "chosen",
        "delegable",
        "note",
        "tags",
        "costs",
        "x",
    ]);
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(serde_json::Value::from),
        ".{0,30}".prop_map(serde_json::Value::from),
        prop::sample::select(vec![
            "page",
            "2026-11-18T23:30",
            "Europe/Berlin",
            "P1",
            "2026-03-29T02:30",
            "Mars/Olympus"
        ])
        .prop_map(serde_json::Value::from),
    ];
    let value = leaf.prop_recursive(4, 32, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(serde_json::Value::from),
            prop::collection::btree_map(key.clone().prop_map(String::from), inner, 0..6)
                .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    });
    prop_oneof![value.prop_map(|v| v.to_string()), ".{0,60}"]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn json_log_input_is_accepted_or_refused_by_field(text in json_text()) {
        match parse_drafts(&text) {
            Ok(drafts) => {
                for d in drafts {
                    if let Err(e) = d.resolve(utc("2026-11-25T12:00:00Z"), BERLIN) {
                        prop_assert!(e.is_invalid(), "{e}");
                    }
                }
            }
            Err(e) => prop_assert!(e.is_invalid(), "{e}"),
        }
    }

    #[test]
    fn any_log_arguments_exit_0_1_or_2_and_bad_ones_write_nothing(
        args in prop::collection::vec(prop_oneof![
            prop::sample::select(vec!["--channel", "--minutes", "--at", "--tz", "--source", "--severity", "--chosen", "--reactive", "--delegable", "--note", "--tag"]).prop_map(String::from),
            ".{0,12}",
            any::<i64>().prop_map(|n| n.to_string()),
        ], 0..8)
    ) {
        let dir = tempfile::tempdir().unwrap();
        let argv = ["loadline", "--data-dir", dir.path().to_str().unwrap(), "log"].into_iter().map(String::from).chain(args);
        let Ok(parsed) = Cli::try_parse_from(argv) else { return Ok(()) };
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let mut input: &[u8] = b"";
        let mut ctx = cli::Context { now: utc("2026-11-25T12:00:00Z"), system_zone: BERLIN, stdin: &mut input, stdout: &mut out, stderr: &mut err };
        let code = cli::run(dir.path(), parsed.command.unwrap(), &mut ctx);
        prop_assert!([0, 1, 2].contains(&code));
        if code != 0 {
            let store = loadline_core::store::Store::open(dir.path()).unwrap();
            prop_assert_eq!(store.count().unwrap(), 0);
        }
    }
}

#[test]
fn a_backup_with_any_one_value_changed_is_imported_or_refused_whole() {
    let mut t = temp_store();
    let mut e = entry(BERLIN, "2026-11-18T23:30", 45);
    e.tags = vec!["db".into()];
    t.log(e);
    t.log(entry(BERLIN, "2026-11-19T06:30", 20));
    let good: serde_json::Value =
        serde_json::from_str(&full_backup(&t.store, utc("2026-11-25T00:00:00Z")).unwrap()).unwrap();
    let replacements = [
        serde_json::json!(null),
        serde_json::json!(-1),
        serde_json::json!("x".repeat(20_000)),
        serde_json::json!([]),
        serde_json::json!({}),
        serde_json::json!(true),
        serde_json::json!("2026-13-40"),
    ];
    let mut pointers = Vec::new();
    collect_pointers(&good, String::new(), &mut pointers);
    let mut refused = 0;
    for pointer in &pointers {
        for r in &replacements {
            let mut v = good.clone();
            *v.pointer_mut(pointer).unwrap() = r.clone();
            let mut fresh = temp_store();
            match backup::parse(&v.to_string()) {
                Ok(set) => {
                    fresh.store.import(&set).unwrap();
                }
                Err(e) => {
                    assert!(e.is_invalid(), "{pointer} = {r}: {e}");
                    assert_eq!(fresh.store.count().unwrap(), 0);
                    refused += 1;
                }
            }
        }
    }
    assert!(
        refused > pointers.len(),
        "most changes are refused ({refused} of {})",
        pointers.len() * replacements.len()
    );
}

fn collect_pointers(v: &serde_json::Value, at: String, out: &mut Vec<String>) {
    match v {
        serde_json::Value::Object(m) => m.iter().for_each(|(k, v)| collect_pointers(v, format!("{at}/{k}"), out)),
        serde_json::Value::Array(a) => {
            a.iter().enumerate().for_each(|(i, v)| collect_pointers(v, format!("{at}/{i}"), out))
        }
        _ => out.push(at),
    }
}
