//! The global shortcut on X11, written here because the global-hotkey crate (behind
//! tauri-plugin-global-shortcut) polls the X server every 50 ms: an idle tray app would wake 20
//! times a second all day. This grabs the key on the root window and blocks on the X connection
//! until a key event arrives, so an idle Loadline does not wake at all. Shortcuts are written
//! and parsed as the plugin does (`Ctrl+Alt+L`), so the settings and their checks are unchanged.

use std::sync::{Arc, Mutex, MutexGuard};

use tauri_plugin_global_shortcut::{Code, Modifiers, Shortcut};
use x11rb::connection::Connection;
use x11rb::errors::ReplyError;
use x11rb::protocol::xproto::{ConnectionExt, GrabMode, KeyButMask, Keycode, ModMask, Window};
use x11rb::protocol::{ErrorKind, Event};
use x11rb::rust_connection::RustConnection;

/// The grab is made once per lock-key state, so Caps Lock or Num Lock does not break it.
fn locks() -> [ModMask; 4] {
    [ModMask::default(), ModMask::M2, ModMask::LOCK, ModMask::M2 | ModMask::LOCK]
}

type Held = Arc<Mutex<Option<(Keycode, ModMask)>>>;

pub struct Grabber {
    conn: Arc<RustConnection>,
    root: Window,
    held: Held,
}

impl Grabber {
    /// Connects to the X server; `on_press` runs on the grabber's own thread at each press.
    pub fn start(on_press: impl Fn() + Send + 'static) -> Result<Grabber, String> {
        let (conn, screen) = RustConnection::connect(None).map_err(|e| format!("no X11 display to listen on ({e})"))?;
        let root = conn.setup().roots[screen].root;
        let conn = Arc::new(conn);
        let held: Held = Arc::default();
        let (events, wanted) = (conn.clone(), held.clone());
        std::thread::Builder::new()
            .name("shortcut".into())
            .spawn(move || {
                // x11rb lets another thread send requests while this one waits for events.
                loop {
                    match events.wait_for_event() {
                        Ok(Event::KeyPress(key)) => {
                            if *lock(&wanted) == Some((key.detail, pressed_mods(key.state))) {
                                on_press();
                            }
                        }
                        Ok(_) => {}
                        Err(e) => {
                            tracing::warn!("the X connection closed; the global shortcut no longer works: {e}");
                            return;
                        }
                    }
                }
            })
            .map_err(|e| format!("cannot listen for the shortcut ({e})"))?;
        Ok(Grabber { conn, root, held })
    }

    /// Grabs `shortcut` in place of the one held; `None` only lets go.
    pub fn set(&self, shortcut: Option<&Shortcut>) -> Result<(), String> {
        let mut held = lock(&self.held);
        if let Some((keycode, mods)) = held.take() {
            self.ungrab(keycode, mods);
        }
        let Some(shortcut) = shortcut else {
            return self.conn.flush().map_err(|e| e.to_string());
        };
        let keysym =
            keysym(shortcut.key).ok_or_else(|| format!("{} cannot be used in a global shortcut", shortcut.key))?;
        let keycode = self.keycode(keysym)?.ok_or_else(|| format!("this keyboard has no {} key", shortcut.key))?;
        let mods = x11_mods(shortcut.mods);
        for lock_mods in locks() {
            let grabbed = self
                .conn
                .grab_key(false, self.root, mods | lock_mods, keycode, GrabMode::ASYNC, GrabMode::ASYNC)
                .map_err(ReplyError::from)
                .and_then(|cookie| cookie.check());
            if let Err(e) = grabbed {
                // Half a grab would swallow the key in every application: let go of all of it.
                self.ungrab(keycode, mods);
                return Err(match e {
                    ReplyError::X11Error(x) if x.error_kind == ErrorKind::Access => {
                        "another application already uses it; choose another, or free it there and save again"
                            .to_string()
                    }
                    e => e.to_string(),
                });
            }
        }
        *held = Some((keycode, mods));
        Ok(())
    }

    fn ungrab(&self, keycode: Keycode, mods: ModMask) {
        for lock_mods in locks() {
            if let Ok(cookie) = self.conn.ungrab_key(keycode, self.root, mods | lock_mods) {
                cookie.ignore_error();
            }
        }
        // Requests wait in x11rb's buffer until a reply is awaited or it is flushed.
        let _ = self.conn.flush();
    }

    /// The key that types `keysym` on this keyboard, if any.
    fn keycode(&self, keysym: u32) -> Result<Option<Keycode>, String> {
        let setup = self.conn.setup();
        let (first, count) = (setup.min_keycode, setup.max_keycode - setup.min_keycode + 1);
        let map = self
            .conn
            .get_keyboard_mapping(first, count)
            .map_err(|e| e.to_string())?
            .reply()
            .map_err(|e| e.to_string())?;
        let per_key = usize::from(map.keysyms_per_keycode.max(1));
        Ok(map.keysyms.chunks(per_key).position(|syms| syms.contains(&keysym)).map(|i| first + i as u8))
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// The modifiers of a key event that a shortcut can name (not the lock keys).
fn pressed_mods(state: KeyButMask) -> ModMask {
    let named = KeyButMask::CONTROL | KeyButMask::SHIFT | KeyButMask::MOD1 | KeyButMask::MOD4;
    ModMask::from((state & named).bits())
}

fn x11_mods(mods: Modifiers) -> ModMask {
    let mut out = ModMask::default();
    for (named, x11) in [
        (Modifiers::SHIFT, ModMask::SHIFT),
        (Modifiers::CONTROL, ModMask::CONTROL),
        (Modifiers::ALT, ModMask::M1),
        (Modifiers::SUPER | Modifiers::META, ModMask::M4),
    ] {
        if mods.intersects(named) {
            out |= x11;
        }
    }
    out
}

/// The X keysym of a key the settings can record (see `shortcutFromKey` in ui/src/prefs.ts).
fn keysym(code: Code) -> Option<u32> {
    let name = code.to_string();
    let one_char = |rest: &str| (rest.len() == 1).then(|| u32::from(rest.as_bytes()[0].to_ascii_lowercase()));
    if let Some(sym) =
        name.strip_prefix("Key").and_then(one_char).or_else(|| name.strip_prefix("Digit").and_then(one_char))
    {
        return Some(sym);
    }
    if let Some(n) = name.strip_prefix('F').and_then(|n| n.parse::<u32>().ok()).filter(|n| (1..=24).contains(n)) {
        return Some(0xffbe + n - 1);
    }
    Some(match code {
        Code::Space => 0x20,
        Code::Quote => 0x27,
        Code::Comma => 0x2c,
        Code::Minus => 0x2d,
        Code::Period => 0x2e,
        Code::Slash => 0x2f,
        Code::Semicolon => 0x3b,
        Code::Equal => 0x3d,
        Code::BracketLeft => 0x5b,
        Code::Backslash => 0x5c,
        Code::BracketRight => 0x5d,
        Code::Backquote => 0x60,
        Code::Backspace => 0xff08,
        Code::Tab => 0xff09,
        Code::Enter => 0xff0d,
        Code::Pause => 0xff13,
        Code::Escape => 0xff1b,
        Code::Home => 0xff50,
        Code::ArrowLeft => 0xff51,
        Code::ArrowUp => 0xff52,
        Code::ArrowRight => 0xff53,
        Code::ArrowDown => 0xff54,
        Code::PageUp => 0xff55,
        Code::PageDown => 0xff56,
        Code::End => 0xff57,
        Code::PrintScreen => 0xff61,
        Code::Insert => 0xff63,
        Code::Delete => 0xffff,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> Shortcut {
        text.parse().unwrap()
    }

    #[test]
    fn keys_map_to_their_x_keysyms() {
        for (text, sym) in [
            ("Ctrl+Alt+L", 0x6c),
            ("Super+Shift+K", 0x6b),
            ("Shift+Super+5", 0x35),
            ("Ctrl+Up", 0xff52),
            ("F1", 0xffbe),
            ("F12", 0xffc9),
            ("Ctrl+Alt+Space", 0x20),
            ("Alt+Slash", 0x2f),
        ] {
            assert_eq!(keysym(parsed(text).key), Some(sym), "{text}");
        }
        assert_eq!(keysym(Code::NumLock), None);
    }

    #[test]
    fn modifiers_map_to_x_masks_and_lock_keys_are_ignored() {
        assert_eq!(x11_mods(parsed("Ctrl+Alt+L").mods), ModMask::CONTROL | ModMask::M1);
        assert_eq!(x11_mods(parsed("Super+Shift+K").mods), ModMask::M4 | ModMask::SHIFT);
        let with_caps_and_num_lock = KeyButMask::CONTROL | KeyButMask::MOD1 | KeyButMask::LOCK | KeyButMask::MOD2;
        assert_eq!(pressed_mods(with_caps_and_num_lock), ModMask::CONTROL | ModMask::M1);
    }
}
