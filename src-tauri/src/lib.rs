//! The desktop app, `loadline-app`. A library so that the IPC tests and
//! the crash harness's app writer (`examples/app_writer.rs`) can drive the real commands on
//! Tauri's mock runtime, with the real context (capabilities, CSP) and state.

mod actions;
mod app;
mod capture_watch;
mod changed;
mod clock;
mod commands;
mod desktop;
mod engine;
mod events;
mod ipc;
mod link;
mod logs;
mod notifier;
mod quicklog;
#[cfg(target_os = "linux")]
mod quicklog_native;
mod shortcut;
mod state;
mod tray;
mod watch;
mod window_app;
mod windows;
#[cfg(target_os = "linux")]
mod x11_shortcut;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use loadline_core::cli::Cli;
use loadline_core::store::default_data_dir;
use tauri::{App, Builder, Runtime};

/// The desktop app, as `loadline` starts it with no command. Given a command it runs the same
/// code the `loadline` binary runs, so either binary answers `loadline-app log …` alike.
pub fn main() -> ExitCode {
    let started = std::time::Instant::now();
    let args = Cli::parse();
    let Some(data_dir) = args.data_dir.clone().or_else(default_data_dir) else {
        eprintln!("loadline: no home directory to keep data in; pass --data-dir DIR");
        return ExitCode::from(1);
    };
    match args.command {
        Some(command) => loadline_cli::run(&data_dir, command),
        None if args.window => window_app::run(data_dir, args.data_dir.is_some(), args.view.unwrap_or_default()),
        None => app::run(data_dir, args.data_dir.is_some(), args.hidden, started),
    }
}

/// The app as its page sees it, without the desktop (tray, plugins, windows, engine, watcher):
/// the real commands and context on `builder`'s runtime, and the state they need.
pub fn headless<R: Runtime>(builder: Builder<R>, data_dir: PathBuf) -> tauri::Result<App<R>> {
    builder
        .manage(state::AppState::open(data_dir))
        .manage(shortcut::ShortcutProblem::default())
        .manage(quicklog::Asked::default())
        .invoke_handler(commands::handler())
        .build(context())
}

/// The compiled-in configuration: the CSP, the capabilities, the embedded page.
fn context<R: Runtime>() -> tauri::Context<R> {
    tauri::generate_context!()
}
