//! `loadline`: with a command, the command line; without one, it starts `loadline-app`.

fn main() -> std::process::ExitCode {
    loadline_cli::main()
}
