//! The desktop app and the `loadline` binary's entry point. A library so that the IPC tests and
//! the crash harness's app writer (`examples/app_writer.rs`) can drive the real commands on
//! Tauri's mock runtime, with the real context (capabilities, CSP) and state.

mod actions;
mod app;
mod changed;
mod clock;
mod commands;
mod desktop;
mod engine;
mod events;
mod ipc;
mod logs;
mod notifier;
mod quicklog;
mod shortcut;
mod state;
mod tray;
mod watch;
mod windows;
#[cfg(target_os = "linux")]
mod x11_shortcut;

use std::io;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use loadline_core::cli::{self, Cli};
use loadline_core::store::default_data_dir;
use tauri::{App, Builder, Runtime};

/// With a command the binary is the CLI (no display needed, no GTK touched); without one it
/// starts the desktop app.
pub fn main() -> ExitCode {
    let started = std::time::Instant::now();
    let args = Cli::parse();
    let Some(data_dir) = args.data_dir.clone().or_else(default_data_dir) else {
        eprintln!("loadline: no home directory to keep data in; pass --data-dir DIR");
        return ExitCode::from(1);
    };
    match args.command {
        Some(command) => {
            let mut stdin = io::stdin().lock();
            let mut stdout = io::stdout().lock();
            let mut stderr = io::stderr().lock();
            let mut ctx = cli::Context {
                now: clock::now(),
                system_zone: clock::system_zone(),
                stdin: &mut stdin,
                stdout: &mut stdout,
                stderr: &mut stderr,
            };
            ExitCode::from(cli::run(&data_dir, command, &mut ctx) as u8)
        }
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
