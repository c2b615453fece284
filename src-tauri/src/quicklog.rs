//! The quick-log window: small, centred, always on top, focused and ready to type. On Linux it is
//! a native GTK window (`quicklog_native`), made in a few milliseconds and destroyed on close.
//! Elsewhere it is a webview window with its own page (`quicklog.html`), made on demand and
//! destroyed on close, so an idle tray holds no webview; a person who wants that one to open at
//! once keeps it ready (`Prefs::quicklog_ready`): then it is built hidden and only ever hidden.
//! The README has the figures (`scripts/measure-desktop`).

use std::sync::Mutex;
use std::time::Instant;

use tauri::{AppHandle, Manager, Runtime};
#[cfg(not(target_os = "linux"))]
use tauri::{Emitter, WebviewUrl, WebviewWindow, WebviewWindowBuilder, WindowEvent};

#[cfg(not(target_os = "linux"))]
use crate::events;
use crate::ipc::TypedKey;
use crate::shortcut;
#[cfg(not(target_os = "linux"))]
use crate::state::AppState;

pub const LABEL: &str = "quicklog";

/// When the window was last asked for, so its page can report how long it took to be focused
/// and typeable (the figure in the README).
#[derive(Default)]
pub struct Asked(pub Mutex<Option<Instant>>);

/// Shows the window, from the tray or the shortcut (any thread).
pub fn show(app: &AppHandle) {
    if let Some(asked) = app.try_state::<Asked>() {
        *asked.0.lock().unwrap_or_else(|p| p.into_inner()) = Some(Instant::now());
    }
    #[cfg(target_os = "linux")]
    {
        let handle = app.clone();
        if let Err(e) = app.run_on_main_thread(move || crate::quicklog_native::show(&handle)) {
            tracing::error!("cannot open the quick-log window: {e}");
        }
    }
    #[cfg(not(target_os = "linux"))]
    match app.get_webview_window(LABEL) {
        Some(window) => {
            let _ = window.show();
            let _ = window.set_focus();
            // Already focused, the page gets no focus event: it is told, and takes the keys.
            let _ = window.emit(events::QUICKLOG_SHOWN, ());
        }
        None => build(app, true),
    }
}

/// The page was drawn with its form focused: log how long that took, and hand it the keys typed
/// since the shortcut was pressed, which it types into the form in order before any other.
pub fn ready<R: Runtime>(app: &AppHandle<R>, page_ms: f64) -> Vec<TypedKey> {
    let at = asked(app);
    let typed = shortcut::typed_ahead(app);
    if let Some(at) = at {
        // The page's own figure (from its navigation start) tells the webview's start-up apart
        // from loading and drawing the page.
        tracing::info!(
            "quick-log window ready in {:.1} ms (page {:.1} ms; keys typed ahead: {})",
            at.elapsed().as_secs_f64() * 1000.0,
            page_ms,
            typed.len()
        );
    }
    typed
}

/// When the window was last asked for, once: the start of the figure its readiness logs.
pub fn asked<R: Runtime>(app: &AppHandle<R>) -> Option<Instant> {
    app.try_state::<Asked>().and_then(|asked| asked.0.lock().unwrap_or_else(|p| p.into_inner()).take())
}

/// Closes the webview window: hidden when it is kept ready, destroyed otherwise.
pub fn close<R: Runtime>(app: &AppHandle<R>) {
    let Some(window) = app.get_webview_window(LABEL) else { return };
    #[cfg(not(target_os = "linux"))]
    let _ = if keep_ready(app) { window.hide() } else { window.destroy() };
    #[cfg(target_os = "linux")]
    let _ = window.destroy();
}

/// Builds the hidden window when the person keeps it ready, and drops a hidden one when they no
/// longer do. Called at start and after every change to the data (the setting may have changed).
/// The native window on Linux has nothing to gain from being kept: the setting is not used there.
pub fn follow_prefs<R: Runtime>(app: &AppHandle<R>) {
    #[cfg(not(target_os = "linux"))]
    follow_prefs_webview(app);
    let _ = app;
}

#[cfg(not(target_os = "linux"))]
fn follow_prefs_webview<R: Runtime>(app: &AppHandle<R>) {
    let ready = keep_ready(app);
    match app.get_webview_window(LABEL) {
        // Called from synchronous commands too, where building a window deadlocks on Windows:
        // build it from the event loop instead, once the command has returned.
        None if ready => {
            let handle = app.clone();
            let _ = app.run_on_main_thread(move || {
                if handle.get_webview_window(LABEL).is_none() {
                    build(&handle, false);
                }
            });
        }
        Some(window) if !ready && !window.is_visible().unwrap_or(true) => {
            let _ = window.destroy();
        }
        _ => {}
    }
}

#[cfg(not(target_os = "linux"))]
fn keep_ready<R: Runtime>(app: &AppHandle<R>) -> bool {
    app.try_state::<AppState>().and_then(|state| state.with_store(|s| s.prefs()).ok()).is_some_and(|p| p.quicklog_ready)
}

#[cfg(not(target_os = "linux"))]
fn build<R: Runtime>(app: &AppHandle<R>, visible: bool) {
    let built = WebviewWindowBuilder::new(app, LABEL, WebviewUrl::App("quicklog.html".into()))
        .visible(visible)
        .title("Log an interruption")
        .inner_size(460.0, 560.0)
        .resizable(false)
        .always_on_top(true)
        .skip_taskbar(true)
        .center()
        // On Linux a window built unfocused refuses the focus (GTK's accept-focus) until it is
        // first drawn, which for one kept hidden is its first showing: the keys typed then went
        // to no window. Focused, it takes them as soon as it is shown.
        .focused(visible || cfg!(target_os = "linux"))
        .build();
    match built {
        Ok(window) => hide_instead_of_closing(app, &window),
        Err(e) => tracing::error!("cannot open the quick-log window: {e}"),
    }
}

/// Kept ready, the window's own close button hides it too, or the next shortcut would pay for a
/// new webview after all.
#[cfg(not(target_os = "linux"))]
fn hide_instead_of_closing<R: Runtime>(app: &AppHandle<R>, window: &WebviewWindow<R>) {
    let (app, hide) = (app.clone(), window.clone());
    window.on_window_event(move |event| {
        if let WindowEvent::CloseRequested { api, .. } = event {
            if keep_ready(&app) {
                api.prevent_close();
                let _ = hide.hide();
            }
        }
    });
}
