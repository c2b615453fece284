//! The global shortcut on X11, written here because the global-hotkey crate (behind
//! tauri-plugin-global-shortcut) polls the X server every 50 ms: an idle tray app would wake 20
//! times a second all day. This grabs the key on the root window and blocks on the X connection
//! until a key event arrives, so an idle Loadline does not wake at all. Shortcuts are written
//! and parsed as the plugin does (`Ctrl+Alt+L`), so the settings and their checks are unchanged.
//!
//! **Type-ahead.** The quick-log window takes hundreds of milliseconds to be typeable, and a key
//! typed in that time would go to whichever window had the focus, or to a page not yet listening.
//! So the press of the shortcut also grabs the whole keyboard (on the X server, in the same
//! instant): every key typed after it comes here and is kept, in order, until the page says it is
//! ready and takes them (`take_typed`), which lets the keyboard go. A page that never comes lets
//! it go after `GRAB_AT_MOST`.

use std::sync::mpsc;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use tauri_plugin_global_shortcut::{Code, Modifiers, Shortcut};
use x11rb::connection::Connection;
use x11rb::errors::ReplyError;
use x11rb::protocol::xproto::{
    Allow, AtomEnum, ClientMessageEvent, ConnectionExt, CreateWindowAux, EventMask, GrabMode, GrabStatus, KeyButMask,
    Keycode, Keysym, ModMask, Window, WindowClass,
};
use x11rb::protocol::{ErrorKind, Event};
use x11rb::rust_connection::RustConnection;
use x11rb::{COPY_DEPTH_FROM_PARENT, CURRENT_TIME};

use crate::ipc::TypedKey;

/// The longest the keyboard stays grabbed when the page never says it is ready.
const GRAB_AT_MOST: Duration = Duration::from_secs(5);
/// The longest `take_typed` waits for the grabber's thread to hand the keys over.
const HAND_OVER_AT_MOST: Duration = Duration::from_secs(1);

/// The grab is made once per lock-key state, so Caps Lock or Num Lock does not break it.
fn locks() -> [ModMask; 4] {
    [ModMask::default(), ModMask::M2, ModMask::LOCK, ModMask::M2 | ModMask::LOCK]
}

type Held = Arc<Mutex<Option<(Keycode, ModMask)>>>;

pub struct Grabber {
    conn: Arc<RustConnection>,
    root: Window,
    held: Held,
    ahead: Arc<Ahead>,
    /// An unmapped window of ours: an event sent to it comes back to the grabber's thread after
    /// every key event the server delivered before it, which is how `take_typed` knows it has all.
    marker: Window,
}

/// The keys typed since the shortcut was pressed, and whether the keyboard is still grabbed.
#[derive(Default)]
struct Ahead {
    state: Mutex<AheadState>,
    /// One `take_typed` at a time, so each gets the keys up to its own marker.
    taking: Mutex<()>,
}

#[derive(Default)]
struct AheadState {
    grabbed: bool,
    /// Counts the grabs, so a late time-out does not let go of a newer one.
    grab: u64,
    keys: Vec<TypedKey>,
    waiting: Option<mpsc::Sender<Vec<TypedKey>>>,
}

impl Grabber {
    /// Connects to the X server; `on_press` runs on the grabber's own thread at each press.
    pub fn start(on_press: impl Fn() + Send + 'static) -> Result<Grabber, String> {
        let (conn, screen) = RustConnection::connect(None).map_err(|e| format!("no X11 display to listen on ({e})"))?;
        let root = conn.setup().roots[screen].root;
        let marker = conn.generate_id().map_err(|e| e.to_string())?;
        conn.create_window(
            COPY_DEPTH_FROM_PARENT,
            marker,
            root,
            -1,
            -1,
            1,
            1,
            0,
            WindowClass::INPUT_ONLY,
            0,
            &CreateWindowAux::new(),
        )
        .map_err(|e| e.to_string())?;
        let mut keymap = Keymap::read(&conn)?;
        let conn = Arc::new(conn);
        let held: Held = Arc::default();
        let ahead: Arc<Ahead> = Arc::default();
        let (events, wanted, typed) = (conn.clone(), held.clone(), ahead.clone());
        std::thread::Builder::new()
            .name("shortcut".into())
            .spawn(move || {
                // x11rb lets another thread send requests while this one waits for events.
                loop {
                    match events.wait_for_event() {
                        Ok(Event::KeyPress(key)) => {
                            let shortcut = *lock(&wanted) == Some((key.detail, pressed_mods(key.state)));
                            if shortcut {
                                grab_keyboard(&events, root, key.time, &typed);
                            } else if let Some(k) = keymap.typed(key.detail, key.state) {
                                // Only a grab of ours sends other keys here: they were typed ahead.
                                lock(&typed.state).keys.push(k);
                            }
                            // The shortcut's press froze the keyboard (its grab is synchronous):
                            // now that the keyboard is ours, the keys queued behind it may come.
                            // Without a freeze this does nothing.
                            let _ = events.allow_events(Allow::ASYNC_KEYBOARD, key.time).and_then(|_| events.flush());
                            if shortcut {
                                on_press();
                            }
                        }
                        Ok(Event::ClientMessage(m)) if m.window == marker => {
                            let mut state = lock(&typed.state);
                            let keys = std::mem::take(&mut state.keys);
                            if let Some(to) = state.waiting.take() {
                                let _ = to.send(keys);
                            }
                        }
                        Ok(Event::MappingNotify(_)) => match Keymap::read(&events) {
                            Ok(read) => keymap = read,
                            Err(e) => tracing::warn!("cannot read the changed keyboard map: {e}"),
                        },
                        Ok(_) => {}
                        Err(e) => {
                            tracing::warn!("the X connection closed; the global shortcut no longer works: {e}");
                            return;
                        }
                    }
                }
            })
            .map_err(|e| format!("cannot listen for the shortcut ({e})"))?;
        Ok(Grabber { conn, root, held, ahead, marker })
    }

    /// The keys typed since the shortcut was pressed, in order; lets the keyboard go, so what is
    /// typed from now on goes to the focused window (the page, which asked).
    pub fn take_typed(&self) -> Vec<TypedKey> {
        let _one = lock(&self.ahead.taking);
        let handed = {
            let mut state = lock(&self.ahead.state);
            if !state.grabbed {
                // Nothing more can arrive: the keys kept are all there are.
                return std::mem::take(&mut state.keys);
            }
            state.grabbed = false;
            let (to, handed) = mpsc::channel();
            state.waiting = Some(to);
            handed
        };
        let sent = self
            .conn
            .ungrab_keyboard(CURRENT_TIME)
            .and_then(|_| {
                let marker = ClientMessageEvent::new(32, self.marker, AtomEnum::NONE, [0u32; 5]);
                self.conn.send_event(false, self.marker, EventMask::NO_EVENT, marker)
            })
            .and_then(|_| self.conn.flush());
        if let Err(e) = sent {
            tracing::warn!("cannot let go of the keyboard: {e}");
        }
        handed.recv_timeout(HAND_OVER_AT_MOST).unwrap_or_else(|_| std::mem::take(&mut lock(&self.ahead.state).keys))
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
                // The keyboard freezes at the press until the grabber has taken the whole of it
                // (`grab_keyboard`, then `allow_events`): keys typed at once wait on the server
                // instead of reaching the focused window first.
                .grab_key(false, self.root, mods | lock_mods, keycode, GrabMode::ASYNC, GrabMode::SYNC)
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

/// Grabs the whole keyboard at the shortcut's press, so nothing typed next goes elsewhere. Another
/// client's grab (an open menu) wins: then the keys go where they would have gone.
fn grab_keyboard(conn: &Arc<RustConnection>, root: Window, time: u32, ahead: &Arc<Ahead>) {
    if lock(&ahead.state).grabbed {
        return;
    }
    let status = conn
        .grab_keyboard(false, root, time, GrabMode::ASYNC, GrabMode::ASYNC)
        .map_err(ReplyError::from)
        .and_then(|cookie| cookie.reply())
        .map(|reply| reply.status);
    match status {
        Ok(GrabStatus::SUCCESS) => {}
        Ok(other) => {
            tracing::info!("cannot hold the keys typed after the shortcut: the keyboard is busy ({other:?})");
            return;
        }
        Err(e) => {
            tracing::warn!("cannot hold the keys typed after the shortcut: {e}");
            return;
        }
    }
    let grab = {
        let mut state = lock(&ahead.state);
        state.grabbed = true;
        state.grab += 1;
        state.grab
    };
    let (later, kept) = (conn.clone(), ahead.clone());
    let spawned = std::thread::Builder::new().name("type-ahead".into()).spawn(move || {
        std::thread::sleep(GRAB_AT_MOST);
        let mut state = lock(&kept.state);
        if state.grabbed && state.grab == grab {
            state.grabbed = false;
            tracing::warn!("the quick-log page did not take the keys typed ahead; the keyboard is let go");
            let _ = later.ungrab_keyboard(CURRENT_TIME).and_then(|_| later.flush());
        }
    });
    if spawned.is_err() {
        // No time-out: let go at once rather than risk holding the keyboard.
        lock(&ahead.state).grabbed = false;
        let _ = conn.ungrab_keyboard(CURRENT_TIME).and_then(|_| conn.flush());
    }
}

/// The keyboard's map from key codes to keysyms, to name the keys typed ahead.
struct Keymap {
    first: Keycode,
    per_key: usize,
    syms: Vec<Keysym>,
}

impl Keymap {
    fn read(conn: &RustConnection) -> Result<Keymap, String> {
        let setup = conn.setup();
        let (first, count) = (setup.min_keycode, setup.max_keycode - setup.min_keycode + 1);
        let map =
            conn.get_keyboard_mapping(first, count).map_err(|e| e.to_string())?.reply().map_err(|e| e.to_string())?;
        Ok(Keymap { first, per_key: usize::from(map.keysyms_per_keycode.max(1)), syms: map.keysyms })
    }

    /// The key a press of `code` with `state` typed, as the page names keys; `None` for a
    /// modifier alone or a key the page has no use for.
    fn typed(&self, code: Keycode, state: KeyButMask) -> Option<TypedKey> {
        let at = usize::from(code.checked_sub(self.first)?) * self.per_key;
        let syms = self.syms.get(at..at + self.per_key.min(2))?;
        let sym = chosen_keysym(syms, state);
        Some(TypedKey {
            key: key_name(sym)?,
            shift: state.contains(KeyButMask::SHIFT),
            ctrl: state.contains(KeyButMask::CONTROL),
            alt: state.contains(KeyButMask::MOD1),
            meta: state.contains(KeyButMask::MOD4),
        })
    }
}

/// The keysym a key's first two columns give with `state`: Shift picks the second; Caps Lock
/// does for letters, Num Lock for the keypad's digits.
fn chosen_keysym(syms: &[Keysym], state: KeyButMask) -> Keysym {
    let (plain, shifted) = (syms.first().copied().unwrap_or(0), syms.get(1).copied().unwrap_or(0));
    if shifted == 0 {
        let letter = char::from_u32(plain).filter(char::is_ascii_lowercase);
        let upper = state.contains(KeyButMask::SHIFT) != state.contains(KeyButMask::LOCK);
        return match letter {
            Some(c) if upper => u32::from(c.to_ascii_uppercase()),
            _ => plain,
        };
    }
    let shift = state.contains(KeyButMask::SHIFT);
    let second = if (0xff80..=0xffbd).contains(&shifted) {
        state.contains(KeyButMask::MOD2) != shift
    } else if char::from_u32(plain).is_some_and(|c| c.is_ascii_lowercase()) {
        state.contains(KeyButMask::LOCK) != shift
    } else {
        shift
    };
    if second {
        shifted
    } else {
        plain
    }
}

/// A keysym as `KeyboardEvent.key` names it ("4", "a", "Enter", "ArrowDown").
fn key_name(sym: Keysym) -> Option<String> {
    let named = match sym {
        0xff08 => "Backspace",
        0xff09 | 0xfe20 => "Tab",
        0xff0d | 0xff8d => "Enter",
        0xff1b => "Escape",
        0xff50 | 0xff95 => "Home",
        0xff51 | 0xff96 => "ArrowLeft",
        0xff52 | 0xff97 => "ArrowUp",
        0xff53 | 0xff98 => "ArrowRight",
        0xff54 | 0xff99 => "ArrowDown",
        0xff57 | 0xff9c => "End",
        0xffff | 0xff9f => "Delete",
        0xff80 => " ",
        0xffb0..=0xffb9 => return char::from_u32(u32::from('0') + sym - 0xffb0).map(String::from),
        0xffaa => "*",
        0xffab => "+",
        0xffad => "-",
        0xffae => ".",
        0xffaf => "/",
        0x20..=0x7e | 0xa0..=0xff => return char::from_u32(sym).map(String::from),
        0x0100_0100..=0x0110_ffff => return char::from_u32(sym - 0x0100_0000).map(String::from),
        _ => return None,
    };
    Some(named.to_string())
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
    fn keys_typed_ahead_are_named_as_the_page_names_them() {
        for (sym, name) in [
            (0x31, "1"),
            (0x61, "a"),
            (0x41, "A"),
            (0x20, " "),
            (0xe9, "é"),
            (0x0100_20ac, "€"),
            (0xff0d, "Enter"),
            (0xff8d, "Enter"),
            (0xff1b, "Escape"),
            (0xff09, "Tab"),
            (0xfe20, "Tab"),
            (0xff08, "Backspace"),
            (0xff54, "ArrowDown"),
            (0xffb4, "4"),
        ] {
            assert_eq!(key_name(sym).as_deref(), Some(name), "{sym:#x}");
        }
        // Shift, Control, Alt alone type nothing.
        for modifier in [0xffe1, 0xffe3, 0xffe9] {
            assert_eq!(key_name(modifier), None);
        }
    }

    #[test]
    fn shift_caps_lock_and_num_lock_pick_the_keysym() {
        let none = KeyButMask::default();
        assert_eq!(chosen_keysym(&[0x31, 0x21], none), 0x31, "1");
        assert_eq!(chosen_keysym(&[0x31, 0x21], KeyButMask::SHIFT), 0x21, "Shift+1 is !");
        assert_eq!(chosen_keysym(&[0x31, 0x21], KeyButMask::LOCK), 0x31, "Caps Lock leaves digits alone");
        assert_eq!(chosen_keysym(&[0x61, 0x41], KeyButMask::LOCK), 0x41, "Caps Lock makes a capital");
        assert_eq!(chosen_keysym(&[0x61, 0x41], KeyButMask::LOCK | KeyButMask::SHIFT), 0x61);
        assert_eq!(chosen_keysym(&[0x61, 0], KeyButMask::SHIFT), 0x41, "a one-column letter");
        // The keypad's 4 is ArrowLeft without Num Lock.
        assert_eq!(chosen_keysym(&[0xff96, 0xffb4], none), 0xff96);
        assert_eq!(chosen_keysym(&[0xff96, 0xffb4], KeyButMask::MOD2), 0xffb4);
        assert_eq!(chosen_keysym(&[0xff0d, 0], KeyButMask::CONTROL), 0xff0d);
    }

    #[test]
    fn modifiers_map_to_x_masks_and_lock_keys_are_ignored() {
        assert_eq!(x11_mods(parsed("Ctrl+Alt+L").mods), ModMask::CONTROL | ModMask::M1);
        assert_eq!(x11_mods(parsed("Super+Shift+K").mods), ModMask::M4 | ModMask::SHIFT);
        let with_caps_and_num_lock = KeyButMask::CONTROL | KeyButMask::MOD1 | KeyButMask::LOCK | KeyButMask::MOD2;
        assert_eq!(pressed_mods(with_caps_and_num_lock), ModMask::CONTROL | ModMask::M1);
    }
}
