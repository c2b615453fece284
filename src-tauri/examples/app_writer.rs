//! The crash harness's app writer (`tests/crash/run`): the app's real `log_entry` command, called
//! through IPC on Tauri's mock runtime against a real data directory, in a loop. A line
//! `<note> <id>` is printed only once the command has answered, so the harness knows exactly
//! which writes the app acknowledged before it was killed.
//!
//!   app_writer DATA_DIR TAG COUNT
//!
//! Entries carry the note `TAG-n` and fields derived from `n` (see `draft`), so the harness can
//! tell a complete entry from a half-written one. Exits 1 with the app's error on the first
//! failed write: the harness counts that as a failure (a lock must never surface).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{WebviewUrl, WebviewWindowBuilder};

/// What the app writes for entry `n`; `tests/crash/run` derives the same.
fn draft(tag: &str, n: u64) -> Value {
    json!({
        "channel": "call",
        "minutes": 1 + n % 90,
        "source": format!("app-{tag}"),
        "severity": "P2",
        "chosen": n.is_multiple_of(2),
        "delegable": n.is_multiple_of(3),
        "note": format!("{tag}-{n}"),
        "tags": ["crash", tag],
    })
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let [_, dir, tag, count] = args.as_slice() else {
        eprintln!("usage: app_writer DATA_DIR TAG COUNT");
        return ExitCode::from(2);
    };
    let Ok(count) = count.parse::<u64>() else {
        eprintln!("app_writer: COUNT must be a whole number");
        return ExitCode::from(2);
    };
    let app = match loadline_app::headless(mock_builder(), PathBuf::from(dir)) {
        Ok(app) => app,
        Err(e) => {
            eprintln!("app_writer: cannot build the app: {e}");
            return ExitCode::from(1);
        }
    };
    let window = WebviewWindowBuilder::new(&app, "main", WebviewUrl::default()).build().expect("a mock window");
    let mut out = std::io::stdout().lock();
    for n in 0..count {
        let request = InvokeRequest {
            cmd: "log_entry".into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().expect("a valid URL"),
            body: InvokeBody::Json(json!({ "draft": draft(tag, n) })),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        };
        match get_ipc_response(&window, request) {
            Ok(body) => {
                let entry: Value = body.deserialize().expect("log_entry answers with an entry");
                // One write per line, flushed: a kill can cut the process, never a line in two.
                let acked = writeln!(out, "{tag}-{n} {}", entry["id"]).and_then(|()| out.flush());
                if acked.is_err() {
                    return ExitCode::from(1);
                }
            }
            Err(e) => {
                eprintln!("app_writer: {tag}-{n}: {e}");
                return ExitCode::from(1);
            }
        }
    }
    ExitCode::SUCCESS
}
