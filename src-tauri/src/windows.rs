//! The main window, from the tray's side. It lives in a process of its own
//! (`loadline-app --window`, see `window_app`), started when it is first asked for and ended when
//! it closes, so everything WebKit loaded for it (its web and network processes, the GL driver)
//! goes with it and the tray idles as light after the window was open as before
//! (ARCHITECTURE.md, "Windows and what they cost"). While it runs, the tray tells it what to show
//! and passes on the engine's runs; it answers what only the tray can do (`link::Ask`).

use std::io::BufReader;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::{Mutex, MutexGuard};

use tauri::{AppHandle, Listener, Manager};

use crate::link::{self, Answer, Ask, ToTray, ToWindow};
use crate::state::AppState;
use crate::{changed, events, shortcut};

/// The window's process while it runs, and the data directory to start it on when the person
/// chose one (otherwise it finds the default itself, as the tray did).
pub struct WindowProcess {
    data_dir: Option<PathBuf>,
    running: Mutex<Option<Running>>,
}

struct Running {
    pid: u32,
    to: ChildStdin,
}

impl WindowProcess {
    pub fn new(data_dir: Option<PathBuf>) -> Self {
        WindowProcess { data_dir, running: Mutex::new(None) }
    }

    fn running(&self) -> MutexGuard<'_, Option<Running>> {
        self.running.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// Shows and focuses the main window, starting its process if it is not running.
pub fn show_main(app: &AppHandle) {
    show_main_at(app, "");
}

/// Shows the main window at a view (`warnings`, `inbox`, …; empty: as it is).
pub fn show_main_at(app: &AppHandle, view: &str) {
    let process = app.state::<WindowProcess>();
    let mut running = process.running();
    // A window that has closed says so (`Closed`), or sends back a show that came too late
    // (`Reopen`), and is forgotten then; one whose process is gone refuses the write.
    if let Some(window) = running.as_mut() {
        if link::send(&mut window.to, &ToWindow::Show { view: view.to_string() }).is_ok() {
            return;
        }
    }
    match start(app, process.data_dir.as_deref(), view) {
        Ok(window) => *running = Some(window),
        Err(e) => tracing::error!("cannot open the main window: {e}"),
    }
}

/// The page follows the reminder engine's runs as it would in this process.
pub fn follow_engine(app: &AppHandle) {
    let handle = app.clone();
    app.listen(events::WARNINGS_CHANGED, move |_| {
        let process = handle.state::<WindowProcess>();
        let mut running = process.running();
        if let Some(window) = running.as_mut() {
            let _ = link::send(&mut window.to, &ToWindow::Emit { event: events::WARNINGS_CHANGED.into() });
        }
    });
}

fn start(app: &AppHandle, data_dir: Option<&Path>, view: &str) -> std::io::Result<Running> {
    let mut command = this_program()?;
    command.arg("--window");
    if !view.is_empty() {
        command.args(["--view", view]);
    }
    if let Some(dir) = data_dir {
        command.arg("--data-dir").arg(dir);
    }
    let mut child = command.stdin(Stdio::piped()).stdout(Stdio::piped()).spawn()?;
    let pid = child.id();
    let (Some(to), Some(from)) = (child.stdin.take(), child.stdout.take()) else {
        unreachable!("both ends were asked for as pipes")
    };
    let app = app.clone();
    std::thread::Builder::new().name("main-window".into()).spawn(move || {
        link::receive(BufReader::new(from), |message| match message {
            ToTray::Ask { id, ask } => {
                let answer = answer(&app, ask);
                let process = app.state::<WindowProcess>();
                let mut running = process.running();
                if let Some(window) = running.as_mut().filter(|w| w.pid == pid) {
                    let _ = link::send(&mut window.to, &ToWindow::Answer { id, answer });
                }
            }
            ToTray::Closed => forget(&app, pid),
            ToTray::Reopen { view } => {
                forget(&app, pid);
                show_main_at(&app, &view);
            }
        });
        ended(&app, pid, child);
    })?;
    tracing::info!("main window started (process {pid})");
    Ok(Running { pid, to })
}

/// The same program as this process, even when a package upgrade has replaced the file since it
/// started (the window then speaks the same messages as this tray), under the installed name.
fn this_program() -> std::io::Result<Command> {
    let path = std::env::current_exe()?;
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::process::CommandExt;
        // Linux names a replaced program "/usr/bin/loadline-app (deleted)".
        let name = path.to_string_lossy();
        let mut command = Command::new("/proc/self/exe");
        command.arg0(name.strip_suffix(" (deleted)").unwrap_or(&name));
        Ok(command)
    }
    #[cfg(not(target_os = "linux"))]
    Ok(Command::new(path))
}

fn answer(app: &AppHandle, ask: Ask) -> Answer {
    match ask {
        Ask::Shortcut { apply } => {
            if apply {
                shortcut::apply(app);
            }
            Answer::Shortcut { problem: shortcut::problem(app) }
        }
        Ask::Restore { backup } => {
            let failed = app.state::<AppState>().restore(&backup).err().map(|e| e.message);
            changed::after_write(app);
            Answer::Restored { failed }
        }
    }
}

/// The window's process closed its end (it ended, or failed): reap it and forget it.
fn ended(app: &AppHandle, pid: u32, mut child: Child) {
    match child.wait() {
        Ok(status) if status.success() => tracing::info!("main window closed (process {pid})"),
        Ok(status) => tracing::warn!("the main window's process {pid} ended: {status}"),
        Err(e) => tracing::warn!("cannot wait for the main window's process {pid}: {e}"),
    }
    forget(app, pid);
}

/// The next "Open" starts a new window, unless a newer one is running already.
fn forget(app: &AppHandle, pid: u32) {
    let process = app.state::<WindowProcess>();
    let mut running = process.running();
    if running.as_ref().is_some_and(|w| w.pid == pid) {
        *running = None;
    }
}
