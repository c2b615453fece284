//! `loadline-app --window`: the main window alone, in a process the tray's process started
//! (`windows`) and ends with it. It has the page's commands and its own connection to the store,
//! follows writes by the other processes through the data-directory watcher, and asks the tray
//! over standard output for the little only the tray can do (`link::Ask`). Closing the window
//! ends the process, and WebKit's memory with it.

use std::io::{self, BufReader, Stdout};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::Mutex;
use std::time::Duration;

use tauri::{AppHandle, Emitter, Manager, Runtime, WebviewUrl, WebviewWindowBuilder};

use crate::ipc::{ApiError, ApiResult};
use crate::link::{self, Answer, Ask, ToWindow};
use crate::state::AppState;
use crate::{desktop, events, logs, watch};

pub const MAIN: &str = "main";

/// A restore of a large file takes a while; a tray that says nothing for this long is stuck.
const ANSWER_WAIT: Duration = Duration::from_secs(60);

/// The way to the tray's process: its questions go out on standard output one at a time, and
/// the answers come back, in order, from the thread reading standard input.
pub struct Tray(Mutex<(Stdout, Receiver<Answer>)>);

impl Tray {
    fn ask(&self, ask: &Ask) -> Result<Answer, String> {
        let mut guard = self.0.lock().unwrap_or_else(|p| p.into_inner());
        let (out, answers) = &mut *guard;
        // An answer that came after its question gave up belongs to nobody.
        while answers.try_recv().is_ok() {}
        link::send(out, ask).map_err(|e| format!("cannot reach the tray's process: {e}"))?;
        answers.recv_timeout(ANSWER_WAIT).map_err(|_| "the tray's process did not answer".to_string())
    }
}

/// Why the tray's shortcut is not working, when this process speaks for a tray: `None` when it
/// does not (the shortcut is this process's own), `Some(problem)` otherwise.
pub fn shortcut_problem<R: Runtime>(app: &AppHandle<R>, apply: bool) -> Option<Option<String>> {
    let tray = app.try_state::<Tray>()?;
    Some(match tray.ask(&Ask::Shortcut { apply }) {
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
    state.closed_while(|| match tray.ask(&Ask::Restore { backup: backup.to_path_buf() }) {
        Ok(Answer::Restored { failed: None }) => Ok(()),
        Ok(Answer::Restored { failed: Some(why) }) => Err(ApiError::failed(why)),
        Ok(other) => Err(ApiError::failed(format!("unexpected answer from the tray's process: {other:?}"))),
        Err(why) => Err(ApiError::failed(why)),
    })
}

/// `explicit_data_dir` is set when the person chose the data directory (`--data-dir`).
pub fn run(data_dir: PathBuf, explicit_data_dir: bool, view: String) -> ExitCode {
    logs::init(&data_dir);
    let (answered, answers) = mpsc::channel();
    let chosen_dir = explicit_data_dir.then_some(data_dir.as_path());
    let app = desktop::with_commands(tauri::Builder::default(), chosen_dir)
        .setup(move |app| {
            app.manage(AppState::open(data_dir.clone()));
            app.manage(Tray(Mutex::new((io::stdout(), answers))));
            listen_to_tray(app.handle(), answered);
            watch::start(app.handle(), &data_dir);
            open(app.handle(), &view);
            Ok(())
        })
        .build(crate::context());
    match app {
        // Closing the window ends the process.
        Ok(app) => app.run(|_, _| {}),
        Err(e) => {
            eprintln!("loadline: cannot open the main window: {e}");
            return ExitCode::from(1);
        }
    }
    ExitCode::SUCCESS
}

/// What the tray says, until it closes its end: then it has quit, and the window goes too.
fn listen_to_tray(app: &AppHandle, answered: Sender<Answer>) {
    let app = app.clone();
    std::thread::Builder::new()
        .name("tray-link".into())
        .spawn(move || {
            link::receive(BufReader::new(io::stdin()), |message| match message {
                ToWindow::Show { view } => {
                    let handle = app.clone();
                    let _ = app.run_on_main_thread(move || bring_forward(&handle, &view));
                }
                ToWindow::Emit { event } => {
                    let _ = app.emit(&event, ());
                }
                ToWindow::Answer { answer } => {
                    let _ = answered.send(answer);
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
    if let Err(e) = built {
        tracing::error!("cannot open the main window: {e}");
        app.exit(1);
    }
}

fn bring_forward(app: &AppHandle, view: &str) {
    let Some(window) = app.get_webview_window(MAIN) else { return };
    let _ = window.unminimize();
    let _ = window.show();
    let _ = window.set_focus();
    if !view.is_empty() {
        let _ = window.emit(events::NAVIGATE, view);
    }
}
