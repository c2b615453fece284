//! `loadline-app`, the desktop app; `loadline` (the CLI) starts it when given no command.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() -> std::process::ExitCode {
    loadline_app::main()
}
