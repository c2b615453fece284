//! The `loadline` binary: with a command it is the CLI, without one the desktop app.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() -> std::process::ExitCode {
    loadline_app::main()
}
