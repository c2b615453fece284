//! The `loadline` binary, kept light: it links the core and no GUI library, so a command costs
//! a few milliseconds and runs where there is no desktop. Given no command it hands over to the
//! desktop app, `loadline-app`, with the same arguments.

pub mod clock;

use std::ffi::OsString;
use std::io;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;
use loadline_core::cli::{self, Cli, Command};
use loadline_core::store::default_data_dir;

/// The desktop app's binary, beside this one or on PATH.
pub const APP: &str = if cfg!(windows) { "loadline-app.exe" } else { "loadline-app" };

pub fn main() -> ExitCode {
    let args = Cli::parse();
    let Some(command) = args.command else { return start_app() };
    let Some(data_dir) = args.data_dir.or_else(default_data_dir) else {
        eprintln!("loadline: no home directory to keep data in; pass --data-dir DIR");
        return ExitCode::from(1);
    };
    run(&data_dir, command)
}

/// Runs one command with the real clock, zone and streams.
pub fn run(data_dir: &Path, command: Command) -> ExitCode {
    let mut stdin = io::stdin().lock();
    // Not locked: a lock cannot cross to the thread that writes an export.
    let mut stdout = io::stdout();
    let mut stderr = io::stderr().lock();
    let mut ctx = cli::Context {
        now: clock::now(),
        system_zone: clock::system_zone(),
        stdin: &mut stdin,
        stdout: &mut stdout,
        stderr: &mut stderr,
    };
    ExitCode::from(cli::run(data_dir, command, &mut ctx) as u8)
}

/// Replaces this process with `loadline-app` and the same arguments (`--hidden`, `--data-dir`).
fn start_app() -> ExitCode {
    let Some(app) = find_app() else {
        eprintln!(
            "loadline: cannot start the desktop app: no {APP} beside this loadline or on PATH. Install the Loadline package, or give a command (loadline --help)."
        );
        return ExitCode::from(1);
    };
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    let mut child = std::process::Command::new(&app);
    child.args(&args);
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        let e = child.exec();
        eprintln!("loadline: cannot start {}: {e}", app.display());
        ExitCode::from(1)
    }
    #[cfg(not(unix))]
    match child.status() {
        Ok(status) => ExitCode::from(status.code().unwrap_or(1) as u8),
        Err(e) => {
            eprintln!("loadline: cannot start {}: {e}", app.display());
            ExitCode::from(1)
        }
    }
}

fn find_app() -> Option<PathBuf> {
    let beside = std::env::current_exe().ok().and_then(|exe| Some(exe.parent()?.join(APP)));
    beside
        .filter(|p| p.is_file())
        .or_else(|| std::env::split_paths(&std::env::var_os("PATH")?).map(|dir| dir.join(APP)).find(|p| p.is_file()))
}
