//! `loadline-app --window`: the main window alone, in a process the tray's process started
//! (`windows`) and ends with it. It has the page's commands and its own connection to the store,
//! follows writes by the other processes through the data-directory watcher, and asks the tray
//! over standard output for the little only the tray can do (`link::Ask`). Closing the window
//! ends the process, and WebKit's memory with it.

use std::io::{self, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use tauri::{AppHandle, Emitter, Manager, Runtime, WebviewUrl, WebviewWindowBuilder, WindowEvent};

use crate::ipc::{ApiError, ApiResult};
use crate::link::{self, Answer, Ask, ToTray, ToWindow};
use crate::state::AppState;
use crate::{desktop, events, logs, watch};

pub const MAIN: &str = "main";

/// The shortcut's state takes the tray a moment; a restore copies the whole database.
const SHORTCUT_WAIT: Duration = Duration::from_secs(10);
const RESTORE_WAIT: Duration = Duration::from_secs(300);

type Answers = Receiver<(u64, Answer)>;

/// The way to the tray's process: messages go out one at a time; a question waits for the
/// answer with its id, which the thread reading from the tray hands over.
pub struct Tray {
    out: Mutex<Box<dyn Write + Send>>,
    answers: Mutex<(u64, Answers)>,
    showing: Mutex<Showing>,
}

/// A show from the tray is handed to the main thread; the window may close meanwhile. Whichever
/// comes first, showing it or closing, takes `pending`, so a show is never lost: it is done, or
/// handed back to the tray (`ToTray::Reopen`), which starts another window.
#[derive(Default)]
struct Showing {
    closing: bool,
    pending: Option<String>,
}

fn lock<T: ?Sized>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

impl Tray {
    fn tell(&self, message: &ToTray) -> io::Result<()> {
        link::send(&mut *lock(&self.out), message)
    }

    fn ask(&self, ask: Ask, wait: Duration) -> Result<Answer, String> {
        let mut answers = lock(&self.answers);
        let (asked, from_tray) = &mut *answers;
        *asked += 1;
        let id = *asked;
        self.tell(&ToTray::Ask { id, ask }).map_err(|e| format!("cannot reach the tray's process: {e}"))?;
        let until = Instant::now() + wait;
        loop {
            match from_tray.recv_timeout(until.saturating_duration_since(Instant::now())) {
                Ok((answered, answer)) if answered == id => return Ok(answer),
                // The answer to a question that gave up waiting: nobody's now.
                Ok(_) => {}
                Err(_) => return Err("the tray's process did not answer".into()),
            }
        }
    }
}

/// Whether this is the main window's process (which leaves the tray's work to the tray).
pub fn is_window_process<R: Runtime>(app: &AppHandle<R>) -> bool {
    app.try_state::<Tray>().is_some()
}

/// Why the tray's shortcut is not working, when this process speaks for a tray: `None` when it
/// does not (the shortcut is this process's own), `Some(problem)` otherwise.
pub fn shortcut_problem<R: Runtime>(app: &AppHandle<R>, apply: bool) -> Option<Option<String>> {
    let tray = app.try_state::<Tray>()?;
    Some(match tray.ask(Ask::Shortcut { apply }, SHORTCUT_WAIT) {
        Ok(Answer::Shortcut { problem }) => problem,
        Ok(other) => Some(format!("unexpected answer from the tray's process: {other:?}")),
        Err(why) => Some(why),
    })
}

/// Restores an automatic backup. The tray's process holds the store open too, so with a tray
/// this process closes its own connection and the tray does the restore.
pub fn restore<R: Runtime>(app: &AppHandle<R>, backup: &Path) -> ApiResult<()> {
    let state = app.state::<AppState>();
    let Some(tray) = app.try_state::<Tray>() else { return state.restore(backup) };
    state.closed_while(|| match tray.ask(Ask::Restore { backup: backup.to_path_buf() }, RESTORE_WAIT) {
        Ok(Answer::Restored { failed: None }) => Ok(()),
        Ok(Answer::Restored { failed: Some(why) }) => Err(ApiError::failed(why)),
        Ok(other) => Err(ApiError::failed(format!("unexpected answer from the tray's process: {other:?}"))),
        Err(why) => Err(ApiError::failed(why)),
    })
}

/// `explicit_data_dir` is set when the person chose the data directory (`--data-dir`).
pub fn run(data_dir: PathBuf, explicit_data_dir: bool, view: String) -> ExitCode {
    // First, while this is the only thread.
    let (from_tray, to_tray) = match take_link() {
        Ok(link) => link,
        Err(e) => {
            eprintln!("loadline: cannot take over the link to the tray's process: {e}");
            return ExitCode::from(1);
        }
    };
    logs::init(&data_dir);
    let (answered, answers) = mpsc::channel();
    let chosen_dir = explicit_data_dir.then_some(data_dir.as_path());
    let app = desktop::with_commands(tauri::Builder::default(), chosen_dir)
        .setup(move |app| {
            app.manage(AppState::open(data_dir.clone()));
            let showing = Mutex::new(Showing::default());
            app.manage(Tray { out: Mutex::new(to_tray), answers: Mutex::new((0, answers)), showing });
            listen_to_tray(app.handle(), from_tray, answered);
            watch::start(app.handle(), &data_dir);
            open(app.handle(), &view);
            Ok(())
        })
        .build(crate::context());
    match app {
        Ok(app) => app.run(|_, _| {}),
        Err(e) => {
            eprintln!("loadline: cannot open the main window: {e}");
            return ExitCode::from(1);
        }
    }
    ExitCode::SUCCESS
}

/// The pipes to and from the tray, moved off standard input and output (to descriptors closed
/// on exec), which then read nothing and write to standard error: WebKit's web and network
/// processes inherit those two, and must neither speak for the window nor garble what it says.
#[cfg(unix)]
fn take_link() -> io::Result<(Box<dyn Read + Send>, Box<dyn Write + Send>)> {
    use std::os::fd::AsFd;
    let from_tray = io::stdin().as_fd().try_clone_to_owned()?;
    let to_tray = io::stdout().as_fd().try_clone_to_owned()?;
    rustix::stdio::dup2_stdin(std::fs::File::open("/dev/null")?)?;
    rustix::stdio::dup2_stdout(io::stderr())?;
    Ok((Box::new(std::fs::File::from(from_tray)), Box::new(std::fs::File::from(to_tray))))
}

#[cfg(not(unix))]
fn take_link() -> io::Result<(Box<dyn Read + Send>, Box<dyn Write + Send>)> {
    Ok((Box::new(io::stdin()), Box::new(io::stdout())))
}

/// What the tray says, until it closes its end: then it has quit, and the window goes too.
fn listen_to_tray(app: &AppHandle, from_tray: Box<dyn Read + Send>, answered: Sender<(u64, Answer)>) {
    let app = app.clone();
    std::thread::Builder::new()
        .name("tray-link".into())
        .spawn(move || {
            link::receive(BufReader::new(from_tray), |message| match message {
                ToWindow::Show { view } => {
                    let tray = app.state::<Tray>();
                    let mut showing = lock(&tray.showing);
                    if showing.closing {
                        drop(showing);
                        let _ = tray.tell(&ToTray::Reopen { view });
                    } else {
                        showing.pending = Some(view);
                        let handle = app.clone();
                        let _ = app.run_on_main_thread(move || bring_forward(&handle));
                    }
                }
                ToWindow::Emit { event } => {
                    let _ = app.emit(&event, ());
                }
                ToWindow::Answer { id, answer } => {
                    let _ = answered.send((id, answer));
                }
            });
            app.exit(0);
        })
        .expect("spawning a thread only fails when the system is out of resources");
}

fn open(app: &AppHandle, view: &str) {
    let url = if view.is_empty() { "index.html".to_string() } else { format!("index.html#/{view}") };
    let built = WebviewWindowBuilder::new(app, MAIN, WebviewUrl::App(url.into()))
        .title("Loadline")
        .inner_size(1040.0, 740.0)
        .min_inner_size(760.0, 540.0)
        .center()
        .build();
    match built {
        Ok(window) => {
            // The window is what this process is for: when it goes, the process goes, and says
            // so first, so that the tray starts another for the next "Open".
            let handle = app.clone();
            window.on_window_event(move |event| {
                if matches!(event, WindowEvent::Destroyed) {
                    let tray = handle.state::<Tray>();
                    let pending = {
                        let mut showing = lock(&tray.showing);
                        showing.closing = true;
                        showing.pending.take()
                    };
                    let _ = tray.tell(&ToTray::Closed);
                    if let Some(view) = pending {
                        let _ = tray.tell(&ToTray::Reopen { view });
                    }
                    handle.exit(0);
                }
            });
        }
        Err(e) => {
            tracing::error!("cannot open the main window: {e}");
            app.exit(1);
        }
    }
}

/// Shows the window at the view the tray asked for last, unless closing took it first.
fn bring_forward(app: &AppHandle) {
    let tray = app.state::<Tray>();
    let Some(view) = lock(&tray.showing).pending.take() else { return };
    let Some(window) = app.get_webview_window(MAIN) else {
        let _ = tray.tell(&ToTray::Reopen { view });
        return;
    };
    let _ = window.unminimize();
    let _ = window.show();
    let _ = window.set_focus();
    if !view.is_empty() {
        let _ = window.emit(events::NAVIGATE, &view);
    }
}
