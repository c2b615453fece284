//! The `loadline` binary: with a command it is the CLI (no display needed, no GTK touched);
//! without one it starts the desktop app.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod app;
mod clock;
mod commands;
mod desktop;
mod engine;
mod ipc;
mod logs;
mod notifier;
mod quicklog;
mod shortcut;
mod state;
mod tray;
mod watch;

use std::io;
use std::process::ExitCode;

use clap::Parser;
use loadline_core::cli::{self, Cli};
use loadline_core::store::default_data_dir;

fn main() -> ExitCode {
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
