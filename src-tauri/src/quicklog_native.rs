//! The quick-log window on Linux: a native GTK 3 window in the app's own process. A webview
//! window took 350 ms and more to be typeable when made on demand, and 150 MB all day when kept
//! ready (ARCHITECTURE.md, "Windows and what they cost"); this one is built in a few
//! milliseconds and costs nothing once closed. It draws `loadline_core::quickform` (what the form
//! holds, the Draft it sends, the draft it keeps, what its keys do) and logs through the same use
//! case as every other way in; the webview's form (Windows, macOS) passes the same key cases.
//!
//! GTK's objects live on the main thread only: every function here runs there.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use gtk::prelude::*;
use gtk::{gdk, gio, glib};
use loadline_core::facts::Facts;
use loadline_core::quickform::{self, QuickForm};
use loadline_core::usecases;
use tauri::{AppHandle, Manager};

use crate::ipc::{ApiError, ErrorCode, TypedKey};
use crate::state::AppState;
use crate::{changed, clock, quicklog, shortcut};

/// Its title, which the tests and `scripts/measure-desktop` find it by.
pub const TITLE: &str = "Log an interruption";
/// What is typed is kept a moment after each change.
const SAVE_DELAY: Duration = Duration::from_millis(300);
/// Logged, the window says so, then closes.
const CLOSE_AFTER: Duration = Duration::from_millis(1200);
/// Source suggestions shown at once.
const SUGGESTIONS: usize = 6;

const CSS: &str = "
.ql { padding: 10px 14px 12px; }
.ql-title { font-weight: bold; font-size: 1.1em; }
.ql-hint { opacity: 0.72; font-size: 0.9em; }
.ql-label { font-weight: bold; font-size: 0.92em; }
.ql-chip { padding: 3px 8px; min-height: 0; }
.ql-chip label { font-feature-settings: 'tnum'; }
.ql-error { color: mix(@error_color, @theme_fg_color, 0.25); font-size: 0.92em; }
.ql-done { color: @success_color; font-weight: bold; }
";

/// Counts the drafts asked to be kept, so that only the newest is written.
static DRAFTS_ASKED: AtomicU64 = AtomicU64::new(0);

thread_local! {
    /// The open window, if any.
    static OPEN: RefCell<Option<Rc<Form>>> = const { RefCell::new(None) };
    static STYLED: Cell<bool> = const { Cell::new(false) };
}

/// Shows the window, made now if it is not open, and hands it the keys typed since the shortcut.
pub fn show(app: &AppHandle) {
    let open = OPEN.with(|o| o.borrow().clone());
    // One that has just logged is about to close: a new form starts instead.
    if let Some(logged) = open.as_ref().filter(|f| f.done.get()) {
        logged.close();
    }
    let form = match open.filter(|f| !f.done.get()) {
        Some(form) => {
            // Asked for again with nothing typed: "minutes ago" counts back from now.
            if form.read().is_blank() {
                *form.ago_from.borrow_mut() = loadline_core::rfc3339::utc(clock::now()).to_string();
                form.refresh();
            }
            form
        }
        None => {
            let form = Form::build(app);
            OPEN.with(|o| *o.borrow_mut() = Some(form.clone()));
            form
        }
    };
    form.window.present();
    form.take_typed_once_drawn();
}

/// A form field a refusal can name, in the form's order.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Field {
    Channel,
    Minutes,
    Ago,
    Source,
    Tags,
    Note,
}

impl Field {
    const ALL: [Field; 6] = [Field::Channel, Field::Minutes, Field::Ago, Field::Source, Field::Tags, Field::Note];

    /// The field a core path names (`tags[1]`, `ago_minutes`); `None` for the form as a whole.
    fn of(path: &str) -> Option<Field> {
        let head = path.split(['[', '.']).next().unwrap_or_default();
        match head {
            "channel" => Some(Field::Channel),
            "minutes" => Some(Field::Minutes),
            "ago_minutes" | "ago_from" | "at" | "tz" => Some(Field::Ago),
            "source" => Some(Field::Source),
            "tags" => Some(Field::Tags),
            "note" => Some(Field::Note),
            _ => None,
        }
    }
}

struct Form {
    app: AppHandle,
    window: gtk::Window,
    channels: Vec<String>,
    chips: Vec<gtk::Button>,
    /// The quick minutes, "just ended" and "Start over": off once logged, with the fields.
    helpers: Vec<gtk::Button>,
    channel: gtk::Entry,
    minutes: gtk::Entry,
    quick: Vec<u32>,
    ago: gtk::Entry,
    started: gtk::Label,
    source: gtk::Entry,
    sources: Vec<String>,
    suggestions: gtk::ListStore,
    tags: gtk::Entry,
    chosen: gtk::CheckButton,
    delegable: gtk::CheckButton,
    note: gtk::TextView,
    /// Each field's refusal, beneath it, in `Field::ALL`'s order.
    problems: [gtk::Label; 6],
    problem: gtk::Label,
    restored: gtk::Box,
    log: gtk::Button,
    status: gtk::Label,
    zone: chrono_tz::Tz,
    ago_from: RefCell<String>,
    done: Cell<bool>,
    closed: Cell<bool>,
    drawn: Cell<bool>,
    /// The keys typed ahead are taken once per showing.
    taking: Cell<bool>,
    /// While the keys typed ahead are on their way, real keys wait behind them here.
    waiting: RefCell<Option<Vec<TypedKey>>>,
    /// An input method is composing in a field: its Enter and Escape are the method's.
    composing: Cell<bool>,
    save_timer: RefCell<Option<glib::SourceId>>,
    last_kept: RefCell<Option<String>>,
}

fn label(text: &str, class: &str) -> gtk::Label {
    let l = gtk::Label::new(Some(text));
    l.set_xalign(0.0);
    l.set_line_wrap(true);
    // Wrapped at the form's width instead of widening the window.
    l.set_max_width_chars(56);
    l.style_context().add_class(class);
    l
}

fn entry(placeholder: &str, width: i32) -> gtk::Entry {
    let e = gtk::Entry::new();
    e.set_placeholder_text(Some(placeholder));
    e.set_width_chars(width);
    e.set_activates_default(false);
    e
}

/// A field's label, the field, and its problem beneath, in a column.
fn field(title: &str, widget: &impl IsA<gtk::Widget>, hint: Option<&gtk::Label>, problem: &gtk::Label) -> gtk::Box {
    let column = gtk::Box::new(gtk::Orientation::Vertical, 3);
    let heading = label(title, "ql-label");
    heading.set_mnemonic_widget(Some(widget));
    column.pack_start(&heading, false, false, 0);
    column.pack_start(widget, false, false, 0);
    if let Some(hint) = hint {
        column.pack_start(hint, false, false, 0);
    }
    column.pack_start(problem, false, false, 0);
    column
}

fn style_once() {
    if STYLED.with(|s| s.replace(true)) {
        return;
    }
    let provider = gtk::CssProvider::new();
    if let Err(e) = provider.load_from_data(CSS.as_bytes()) {
        tracing::warn!("the quick-log window's style: {e}");
    }
    if let Some(screen) = gdk::Screen::default() {
        gtk::StyleContext::add_provider_for_screen(&screen, &provider, gtk::STYLE_PROVIDER_PRIORITY_APPLICATION);
    }
}

impl Form {
    fn build(app: &AppHandle) -> Rc<Form> {
        style_once();
        let facts = Facts::get();
        let read = app
            .state::<AppState>()
            .with_store(|s| Ok((usecases::home_zone(s, None, clock::system_zone())?, s.sources()?, s.draft()?)));
        // The window opens all the same, saying why: logging may work again once the store does.
        let (zone, sources, kept, trouble) = match read {
            Ok((zone, sources, kept)) => (zone, sources, kept, None),
            Err(e) => (clock::system_zone(), Vec::new(), None, Some(e.message)),
        };
        let now = clock::now();

        let window = gtk::Window::new(gtk::WindowType::Toplevel);
        window.set_title(TITLE);
        window.set_keep_above(true);
        window.set_skip_taskbar_hint(true);
        window.set_type_hint(gdk::WindowTypeHint::Dialog);
        window.set_position(gtk::WindowPosition::Center);
        window.set_resizable(false);
        window.set_default_size(460, -1);

        let root = gtk::Box::new(gtk::Orientation::Vertical, 8);
        root.style_context().add_class("ql");
        let head = gtk::Box::new(gtk::Orientation::Horizontal, 8);
        head.pack_start(&label(TITLE, "ql-title"), true, true, 0);
        let keys = label("Enter logs · Esc closes", "ql-hint");
        keys.set_xalign(1.0);
        head.pack_end(&keys, false, false, 0);
        root.pack_start(&head, false, false, 0);

        let restored = gtk::Box::new(gtk::Orientation::Horizontal, 6);
        restored.pack_start(&label("Your unsaved entry is back.", "ql-hint"), false, false, 0);
        let start_over = gtk::Button::with_label("Start over");
        start_over.set_relief(gtk::ReliefStyle::None);
        restored.pack_start(&start_over, false, false, 0);
        root.pack_start(&restored, false, false, 0);

        let problems = Field::ALL.map(|f| {
            let l = label("", "ql-error");
            // The fields two to a row wrap their message within their half.
            if matches!(f, Field::Minutes | Field::Ago | Field::Source | Field::Tags) {
                l.set_max_width_chars(26);
            }
            l
        });
        let problem_for = |f: Field| &problems[f as usize];

        // The channel: numbered chips (1–9 pick them) and a field for one of the person's own.
        let channels = facts.channels.clone();
        let grid = gtk::Grid::new();
        grid.set_column_spacing(6);
        grid.set_row_spacing(6);
        grid.set_column_homogeneous(true);
        let chips: Vec<gtk::Button> = channels
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let text = if i < quickform::MAX_NUMBERED { format!("{}  {c}", i + 1) } else { c.clone() };
                let chip = gtk::Button::with_label(&text);
                chip.style_context().add_class("ql-chip");
                grid.attach(&chip, (i % 4) as i32, (i / 4) as i32, 1, 1);
                chip
            })
            .collect();
        let channel = entry("or type your own channel", 24);
        let channel_box = gtk::Box::new(gtk::Orientation::Vertical, 6);
        channel_box.pack_start(&grid, false, false, 0);
        channel_box.pack_start(&channel, false, false, 0);
        root.pack_start(
            &field(
                &format!("Channel — press 1–{} or use the arrows", chips.len().min(quickform::MAX_NUMBERED)),
                &channel_box,
                None,
                problem_for(Field::Channel),
            ),
            false,
            false,
            0,
        );

        // Minutes, and when it started.
        let quick = facts.quick_minutes.clone();
        let minutes = entry("", 6);
        minutes.set_input_purpose(gtk::InputPurpose::Digits);
        let minutes_row = gtk::Box::new(gtk::Orientation::Horizontal, 4);
        minutes_row.pack_start(&minutes, false, false, 0);
        let quick_buttons: Vec<gtk::Button> = quick
            .iter()
            .map(|m| {
                let b = gtk::Button::with_label(&m.to_string());
                b.style_context().add_class("ql-chip");
                b.set_can_focus(false);
                minutes_row.pack_start(&b, false, false, 0);
                b
            })
            .collect();
        let steps = quick.iter().map(ToString::to_string).collect::<Vec<_>>().join(" · ");
        let ago = entry("", 6);
        ago.set_input_purpose(gtk::InputPurpose::Digits);
        let ago_row = gtk::Box::new(gtk::Orientation::Horizontal, 4);
        ago_row.pack_start(&ago, false, false, 0);
        ago_row.pack_start(&label("min ago", "ql-hint"), false, false, 0);
        let just_ended = gtk::Button::with_label("just ended");
        just_ended.style_context().add_class("ql-chip");
        just_ended.set_can_focus(false);
        just_ended.set_tooltip_text(Some("It ended just now: started as many minutes ago as it took"));
        ago_row.pack_start(&just_ended, false, false, 0);
        let started = label("", "ql-hint");
        let two = gtk::Box::new(gtk::Orientation::Horizontal, 14);
        two.pack_start(
            &field(
                "Minutes",
                &minutes_row,
                Some(&label(&format!("↑ ↓ steps {steps}"), "ql-hint")),
                problem_for(Field::Minutes),
            ),
            true,
            true,
            0,
        );
        two.pack_start(
            &field("Started how many minutes ago", &ago_row, Some(&started), problem_for(Field::Ago)),
            true,
            true,
            0,
        );
        root.pack_start(&two, false, false, 0);

        // Source, with the earlier ones suggested, and tags.
        let source = entry("service or person", 18);
        let suggestions = gtk::ListStore::new(&[glib::Type::STRING]);
        let completion = gtk::EntryCompletion::new();
        completion.set_model(Some(&suggestions));
        completion.set_text_column(0);
        completion.set_minimum_key_length(0);
        // The list is already what fits (quickform::suggest_sources): show all of it.
        completion.set_match_func(|_, _, _| true);
        source.set_completion(Some(&completion));
        let tags = entry("db, night", 14);
        let three = gtk::Box::new(gtk::Orientation::Horizontal, 14);
        three.pack_start(&field("Source", &source, None, problem_for(Field::Source)), true, true, 0);
        three.pack_start(&field("Tags", &tags, None, problem_for(Field::Tags)), true, true, 0);
        root.pack_start(&three, false, false, 0);

        let flags = gtk::Box::new(gtk::Orientation::Horizontal, 18);
        let chosen = gtk::CheckButton::with_label("Chosen — not reactive");
        let delegable = gtk::CheckButton::with_label("Delegable — a runbook would do");
        flags.pack_start(&chosen, false, false, 0);
        flags.pack_start(&delegable, false, false, 0);
        root.pack_start(&flags, false, false, 0);

        let note = gtk::TextView::new();
        note.set_wrap_mode(gtk::WrapMode::WordChar);
        note.set_accepts_tab(false);
        note.set_left_margin(6);
        note.set_right_margin(6);
        note.set_top_margin(4);
        note.set_bottom_margin(4);
        let note_frame = gtk::Frame::new(None);
        note_frame.set_size_request(-1, 48);
        note_frame.add(&note);
        let note_field = field("Note — private; Ctrl+Enter logs", &note_frame, None, problem_for(Field::Note));
        root.pack_start(&note_field, false, false, 0);

        let problem = label("", "ql-error");
        root.pack_start(&problem, false, false, 0);
        let foot = gtk::Box::new(gtk::Orientation::Horizontal, 10);
        let log = gtk::Button::with_label("Log it");
        log.style_context().add_class("suggested-action");
        foot.pack_start(&log, false, false, 0);
        let status = label("", "ql-done");
        // Beside the button, so narrower than a full-width line.
        status.set_max_width_chars(44);
        foot.pack_start(&status, true, true, 0);
        root.pack_start(&foot, false, false, 0);
        window.add(&root);

        let restored_form = QuickForm::restore(kept.as_deref(), now);
        let form = Rc::new(Form {
            app: app.clone(),
            window,
            channels,
            chips,
            helpers: quick_buttons.iter().cloned().chain([just_ended.clone(), start_over.clone()]).collect(),
            channel,
            minutes,
            quick,
            ago,
            started,
            source,
            sources,
            suggestions,
            tags,
            chosen,
            delegable,
            note,
            problems,
            problem,
            restored,
            log,
            status,
            zone,
            ago_from: RefCell::new(String::new()),
            done: Cell::new(false),
            closed: Cell::new(false),
            drawn: Cell::new(false),
            taking: Cell::new(false),
            waiting: RefCell::new(None),
            composing: Cell::new(false),
            save_timer: RefCell::new(None),
            last_kept: RefCell::new(kept),
        });
        let is_restored = restored_form.is_some();
        form.fill(&restored_form.unwrap_or_else(|| QuickForm::blank(now)));
        form.connect(&start_over, &quick_buttons, &just_ended);
        form.window.show_all();
        form.restored.set_visible(is_restored);
        form.show_problems(&[]);
        if let Some(why) = trouble {
            form.problem.set_text(&format!("Loadline cannot read its data: {why}"));
            form.problem.set_visible(true);
        }
        form.focus_channel();
        form
    }

    fn connect(self: &Rc<Self>, start_over: &gtk::Button, quick_buttons: &[gtk::Button], just_ended: &gtk::Button) {
        let weak = Rc::downgrade(self);
        let with = move |f: &dyn Fn(&Rc<Form>)| {
            if let Some(form) = weak.upgrade() {
                f(&form);
            }
        };
        for (chip, channel) in self.chips.iter().zip(self.channels.clone()) {
            let with = with.clone();
            chip.connect_clicked(move |_| with(&|f| f.pick(&channel, false)));
        }
        for (button, m) in quick_buttons.iter().zip(self.quick.clone()) {
            let with = with.clone();
            button.connect_clicked(move |_| {
                with(&|f| {
                    f.minutes.set_text(&m.to_string());
                    f.minutes.grab_focus();
                })
            });
        }
        {
            let with = with.clone();
            just_ended.connect_clicked(move |_| with(&|f| f.just_ended()));
        }
        {
            let with = with.clone();
            start_over.connect_clicked(move |_| with(&|f| f.start_over()));
        }
        let fields: [(Field, gtk::Entry); 5] = [
            (Field::Channel, self.channel.clone()),
            (Field::Minutes, self.minutes.clone()),
            (Field::Ago, self.ago.clone()),
            (Field::Source, self.source.clone()),
            (Field::Tags, self.tags.clone()),
        ];
        for (field, e) in fields {
            let with_changed = with.clone();
            e.connect_changed(move |_| with_changed(&|f| f.changed(Some(field))));
            let with = with.clone();
            e.connect_preedit_changed(move |_, text| with(&|f| f.composing.set(!text.is_empty())));
        }
        {
            let with = with.clone();
            self.note.connect_preedit_changed(move |_, text| with(&|f| f.composing.set(!text.is_empty())));
        }
        for check in [&self.chosen, &self.delegable] {
            let with = with.clone();
            check.connect_toggled(move |_| with(&|f| f.changed(None)));
        }
        if let Some(buffer) = self.note.buffer() {
            let with = with.clone();
            buffer.connect_changed(move |_| with(&|f| f.changed(Some(Field::Note))));
        }
        {
            let with = with.clone();
            self.log.connect_clicked(move |_| with(&|f| f.submit()));
        }
        {
            let with = with.clone();
            self.window.connect_key_press_event(move |_, event| {
                let stop = Cell::new(false);
                with(&|f| stop.set(f.real_key(&key_of(event))));
                if stop.get() {
                    glib::Propagation::Stop
                } else {
                    glib::Propagation::Proceed
                }
            });
        }
        {
            let with = with.clone();
            // Closed by the window manager or by `close`: kept, forgotten, then destroyed by GTK.
            self.window.connect_delete_event(move |_, _| {
                with(&|f| f.finish());
                glib::Propagation::Proceed
            });
        }
        self.window.connect_draw(move |_, _| {
            with(&|f| {
                if !f.drawn.replace(true) && f.taking.get() {
                    f.take_typed();
                }
            });
            glib::Propagation::Proceed
        });
    }

    /// Puts `form` into the fields.
    fn fill(&self, form: &QuickForm) {
        self.channel.set_text(&form.channel);
        self.minutes.set_text(&form.minutes);
        self.ago.set_text(&form.ago);
        self.source.set_text(&form.source);
        self.tags.set_text(&form.tags);
        self.chosen.set_active(form.chosen);
        self.delegable.set_active(form.delegable);
        if let Some(buffer) = self.note.buffer() {
            buffer.set_text(&form.note);
        }
        *self.ago_from.borrow_mut() = form.ago_from.clone();
        self.refresh();
    }

    /// What the fields hold.
    fn read(&self) -> QuickForm {
        let note = self.note.buffer().and_then(|b| b.text(&b.start_iter(), &b.end_iter(), false)).unwrap_or_default();
        QuickForm {
            channel: self.channel.text().to_string(),
            minutes: self.minutes.text().to_string(),
            ago: self.ago.text().to_string(),
            ago_from: self.ago_from.borrow().clone(),
            source: self.source.text().to_string(),
            chosen: self.chosen.is_active(),
            delegable: self.delegable.is_active(),
            note: note.to_string(),
            tags: self.tags.text().to_string(),
        }
    }

    /// What follows from the fields: the chosen chip, the start in words, the suggestions.
    fn refresh(&self) {
        let form = self.read();
        let current = form.channel.trim().to_lowercase();
        let chosen = self.channels.iter().position(|c| *c == current);
        for (i, chip) in self.chips.iter().enumerate() {
            let ctx = chip.style_context();
            if chosen == Some(i) {
                ctx.add_class("suggested-action");
            } else {
                ctx.remove_class("suggested-action");
            }
            // The chips are one stop for Tab, as a group of radio buttons is: the chosen one (or
            // the first); the arrows and the number keys move between them.
            chip.set_can_focus(chosen.unwrap_or(0) == i);
        }
        self.started.set_text(&form.started(self.zone));
        self.suggestions.clear();
        for s in quickform::suggest_sources(&self.sources, &form.source, SUGGESTIONS) {
            self.suggestions.insert_with_values(None, &[(0, &s)]);
        }
    }

    /// A field changed: its refusal goes, and the draft is kept a moment later.
    fn changed(self: &Rc<Self>, field: Option<Field>) {
        if self.closed.get() {
            return;
        }
        if let Some(field) = field {
            self.set_problem(field, "");
        }
        self.refresh();
        if self.done.get() {
            return;
        }
        if let Some(timer) = self.save_timer.borrow_mut().take() {
            timer.remove();
        }
        let weak = Rc::downgrade(self);
        let timer = glib::timeout_add_local_once(SAVE_DELAY, move || {
            if let Some(form) = weak.upgrade() {
                form.save_timer.borrow_mut().take();
                form.keep_draft();
            }
        });
        *self.save_timer.borrow_mut() = Some(timer);
    }

    /// Writes the draft if it changed (off the main thread: a write waits for the disk). Only
    /// the newest asked-for draft is written: the check is made holding the store, so an older
    /// write that runs late cannot overwrite a newer one.
    fn keep_draft(&self) {
        let kept = if self.done.get() { None } else { self.read().kept() };
        if *self.last_kept.borrow() == kept {
            return;
        }
        *self.last_kept.borrow_mut() = kept.clone();
        let app = self.app.clone();
        let newest = DRAFTS_ASKED.fetch_add(1, Ordering::SeqCst) + 1;
        glib::MainContext::default().spawn_local(async move {
            let written = gio::spawn_blocking(move || {
                app.state::<AppState>().with_store(|s| {
                    if DRAFTS_ASKED.load(Ordering::SeqCst) == newest {
                        s.set_draft(kept.as_deref())
                    } else {
                        Ok(())
                    }
                })
            });
            if let Ok(Err(e)) = written.await {
                tracing::warn!("cannot keep the quick-log draft: {}", e.message);
            }
        });
    }

    fn pick(&self, channel: &str, advance: bool) {
        self.channel.set_text(channel);
        if advance {
            // Selected, so the minutes typed next replace what is there.
            self.minutes.grab_focus();
            self.minutes.select_region(0, -1);
        } else if let Some(i) = self.channels.iter().position(|c| c == channel) {
            self.chips[i].grab_focus();
        }
    }

    fn focus_channel(&self) {
        let current = self.channel.text().trim().to_lowercase();
        let i = self.channels.iter().position(|c| *c == current).unwrap_or(0);
        match self.chips.get(i) {
            Some(chip) => chip.grab_focus(),
            None => self.channel.grab_focus(),
        }
    }

    fn just_ended(&self) {
        match self.minutes.text().trim().parse::<i64>() {
            Ok(m) if m >= 1 => self.ago.set_text(&m.to_string()),
            _ => self.minutes.grab_focus(),
        }
    }

    fn start_over(self: &Rc<Self>) {
        self.fill(&QuickForm::blank(clock::now()));
        self.restored.set_visible(false);
        self.show_problems(&[]);
        self.keep_draft();
        self.focus_channel();
    }

    fn focus_widget(&self) -> Option<gtk::Widget> {
        self.window.focused_widget()
    }

    /// What a key does before the focused widget sees it: the form's own keys, the same as the
    /// webview's form. True when it took the key.
    fn key(self: &Rc<Self>, key: &TypedKey) -> bool {
        if self.closed.get() {
            return true;
        }
        let focus = self.focus_widget();
        let in_source = focus.as_ref().is_some_and(|w| w == self.source.upcast_ref::<gtk::Widget>());
        // Enter picks the highlighted suggestion and Escape closes the list, as GTK does there;
        // an input method's Enter and Escape finish or drop what it is composing.
        if matches!(key.key.as_str(), "Enter" | "Escape") && (self.composing.get() || (in_source && self.suggesting()))
        {
            return false;
        }
        let in_entry = focus.as_ref().is_some_and(|w| w.is::<gtk::Entry>());
        let in_note = focus.as_ref().is_some_and(|w| w.is::<gtk::TextView>());
        let on_chip = focus.as_ref().is_some_and(|w| self.chips.iter().any(|c| c.upcast_ref::<gtk::Widget>() == w));
        let on_button = focus.as_ref().is_some_and(|w| w.is::<gtk::Button>() && !w.is::<gtk::CheckButton>());
        match key.key.as_str() {
            "Escape" => {
                self.close();
                return true;
            }
            _ if self.done.get() => return true,
            "Enter" if in_note && !(key.ctrl || key.meta) => return false,
            "Enter" if on_button && !on_chip => return false,
            "Enter" => {
                self.submit();
                return true;
            }
            _ => {}
        }
        if key.ctrl || key.alt || key.meta {
            return false;
        }
        let is_minutes = focus.as_ref().is_some_and(|w| w == self.minutes.upcast_ref::<gtk::Widget>());
        if is_minutes && (key.key == "ArrowUp" || key.key == "ArrowDown") {
            let delta = if key.key == "ArrowUp" { 1 } else { -1 };
            self.minutes.set_text(&quickform::step_minutes(&self.minutes.text(), delta, &self.quick));
            return true;
        }
        if in_entry || in_note {
            return false;
        }
        if let Some(c) = quickform::channel_for_key(&key.key, &self.channels) {
            self.pick(c, true);
            return true;
        }
        let delta = match key.key.as_str() {
            "ArrowLeft" | "ArrowUp" => -1,
            "ArrowRight" | "ArrowDown" => 1,
            _ => 0,
        };
        if delta != 0 && (on_chip || focus.is_none()) {
            if let Some(c) = quickform::step_channel(&self.channels, &self.channel.text(), delta) {
                self.pick(c, false);
            }
            return true;
        }
        if on_chip {
            if let Some(c) = quickform::channel_by_letter(&self.channels, &self.channel.text(), &key.key) {
                self.pick(c, false);
                return true;
            }
        }
        false
    }

    /// A real key: behind the keys typed ahead while those are on their way, else the form's.
    fn real_key(self: &Rc<Self>, key: &TypedKey) -> bool {
        if let Some(waiting) = self.waiting.borrow_mut().as_mut() {
            waiting.push(key.clone());
            return true;
        }
        self.key(key)
    }

    /// Whether the source's suggestions are on screen (GTK's completion popup, attached to it).
    fn suggesting(&self) -> bool {
        let source = self.source.upcast_ref::<gtk::Widget>();
        gtk::Window::list_toplevels()
            .iter()
            .filter_map(|w| w.downcast_ref::<gtk::Window>())
            .any(|w| w.is_visible() && w.attached_to().as_ref() == Some(source))
    }

    /// A key typed ahead: the form's own keys first, then what GTK does with it where the focus is.
    fn type_key(self: &Rc<Self>, key: &TypedKey) {
        if self.key(key) || self.closed.get() {
            return;
        }
        let Some(focus) = self.focus_widget() else { return };
        if key.key == "Tab" && !key.ctrl && !key.alt && !key.meta {
            let direction = if key.shift { gtk::DirectionType::TabBackward } else { gtk::DirectionType::TabForward };
            self.window.child_focus(direction);
            return;
        }
        if key.ctrl || key.alt || key.meta {
            return;
        }
        if let Some(e) = focus.downcast_ref::<gtk::Entry>() {
            let had_selection = e.selection_bounds().is_some();
            match key.key.as_str() {
                "Backspace" | "Delete" if had_selection => e.delete_selection(),
                "Backspace" => {
                    let at = e.position();
                    if at > 0 {
                        e.delete_text(at - 1, at);
                    }
                }
                "Delete" => {
                    let at = e.position();
                    e.delete_text(at, at + 1);
                }
                text if text.chars().count() == 1 => {
                    e.delete_selection();
                    let mut at = e.position();
                    e.insert_text(text, &mut at);
                    e.set_position(at);
                }
                _ => {}
            }
        } else if let Some(buffer) = focus.downcast_ref::<gtk::TextView>().and_then(|t| t.buffer()) {
            match key.key.as_str() {
                "Backspace" if !buffer.delete_selection(true, true) => {
                    if let Some(mark) = buffer.get_insert() {
                        let mut at = buffer.iter_at_mark(&mark);
                        buffer.backspace(&mut at, true, true);
                    }
                }
                "Enter" => buffer.insert_at_cursor("\n"),
                text if text.chars().count() == 1 => {
                    buffer.delete_selection(true, true);
                    buffer.insert_at_cursor(text);
                }
                _ => {}
            }
        } else if key.key == " " || key.key == "Enter" {
            if let Some(check) = focus.downcast_ref::<gtk::CheckButton>() {
                check.set_active(!check.is_active());
            } else if let Some(button) = focus.downcast_ref::<gtk::Button>() {
                button.clicked();
            }
        }
    }

    /// After this showing is drawn, takes the keys typed since the shortcut (which lets the
    /// keyboard go) and types them here in order.
    fn take_typed_once_drawn(self: &Rc<Self>) {
        self.taking.set(true);
        if self.drawn.get() {
            self.take_typed();
        }
    }

    fn take_typed(self: &Rc<Self>) {
        self.taking.set(false);
        self.waiting.borrow_mut().get_or_insert_with(Vec::new);
        let (app, weak) = (self.app.clone(), Rc::downgrade(self));
        glib::MainContext::default().spawn_local(async move {
            // It waits for the shortcut's thread, which may be waiting for this one.
            let taker = app.clone();
            let typed = gio::spawn_blocking(move || shortcut::typed_ahead(&taker)).await.unwrap_or_default();
            let Some(form) = weak.upgrade() else { return };
            // The held keys, then the real ones that came meanwhile; none once an Escape closed it.
            let waited = form.waiting.borrow_mut().take().unwrap_or_default();
            for key in typed.iter().chain(&waited) {
                if form.closed.get() {
                    break;
                }
                form.type_key(key);
            }
            // The keyboard is free again: the window takes the focus for the keys typed from now.
            if OPEN.with(|o| o.borrow().as_ref().is_some_and(|open| Rc::ptr_eq(open, &form))) {
                form.window.present();
            }
            if let Some(asked) = quicklog::asked(&app) {
                tracing::info!(
                    "quick-log window ready in {:.1} ms (native; keys typed ahead: {})",
                    asked.elapsed().as_secs_f64() * 1000.0,
                    typed.len()
                );
            }
        });
    }

    fn set_problem(&self, field: Field, message: &str) {
        let l = &self.problems[field as usize];
        l.set_text(message);
        l.set_visible(!message.is_empty());
    }

    /// Each refused field's message beside it, every one at once; the rest on the form's line.
    fn show_problems(&self, refused: &[(String, String)]) {
        let mut general = Vec::new();
        for f in Field::ALL {
            self.set_problem(f, "");
        }
        for (path, message) in refused {
            match Field::of(path) {
                Some(f) => self.set_problem(f, message),
                None => general.push(message.clone()),
            }
        }
        self.problem.set_text(&general.join("\n"));
        self.problem.set_visible(!general.is_empty());
    }

    /// After a refused Enter, the first refused field takes the keys, its content selected, so
    /// what is typed next replaces it; a missing channel goes back to the numbered chips.
    fn focus_refused(&self, refused: &[(String, String)]) {
        let first = Field::ALL.into_iter().find(|f| refused.iter().any(|(p, _)| Field::of(p) == Some(*f)));
        match first {
            Some(Field::Channel) if self.channel.text().trim().is_empty() => self.focus_channel(),
            Some(Field::Channel) => select(&self.channel),
            Some(Field::Minutes) => select(&self.minutes),
            Some(Field::Ago) => select(&self.ago),
            Some(Field::Source) => select(&self.source),
            Some(Field::Tags) => select(&self.tags),
            Some(Field::Note) => {
                self.note.grab_focus();
                if let Some(b) = self.note.buffer() {
                    b.select_range(&b.start_iter(), &b.end_iter());
                }
            }
            None => {}
        }
    }

    fn submit(self: &Rc<Self>) {
        if self.done.get() || self.closed.get() || !self.log.is_sensitive() {
            return;
        }
        let draft = match self.read().draft() {
            Ok(draft) => draft,
            Err(e) => return self.refused(ApiError::from(e)),
        };
        self.log.set_sensitive(false);
        let (app, weak) = (self.app.clone(), Rc::downgrade(self));
        glib::MainContext::default().spawn_local(async move {
            let writer = app.clone();
            let logged = gio::spawn_blocking(move || writer.state::<AppState>().log_now(&draft)).await;
            let logged = logged.unwrap_or_else(|_| Err(ApiError::failed("logging failed: the writer stopped".into())));
            if logged.is_ok() {
                changed::after_write(&app);
            }
            let Some(form) = weak.upgrade() else { return };
            form.log.set_sensitive(true);
            match logged {
                Ok(entry) => form.logged(&entry),
                Err(e) => form.refused(e),
            }
        });
    }

    fn refused(&self, e: ApiError) {
        let refused: Vec<(String, String)> = match (&e.code, &e.field) {
            (ErrorCode::Invalid, Some(field)) => std::iter::once((field.clone(), e.message.clone()))
                .chain(e.also.iter().map(|p| (p.field.clone(), p.message.clone())))
                .collect(),
            _ => vec![("entry".to_string(), e.message.clone())],
        };
        self.show_problems(&refused);
        self.focus_refused(&refused);
    }

    fn logged(self: &Rc<Self>, entry: &loadline_core::summary::Entry) {
        self.done.set(true);
        self.status.set_text(&quickform::logged_line(entry));
        self.show_problems(&[]);
        for w in [
            self.channel.upcast_ref::<gtk::Widget>(),
            self.minutes.upcast_ref(),
            self.ago.upcast_ref(),
            self.source.upcast_ref(),
            self.tags.upcast_ref(),
            self.chosen.upcast_ref(),
            self.delegable.upcast_ref(),
            self.note.upcast_ref(),
            self.log.upcast_ref(),
        ] {
            w.set_sensitive(false);
        }
        for button in self.chips.iter().chain(&self.helpers) {
            button.set_sensitive(false);
        }
        if let Some(timer) = self.save_timer.borrow_mut().take() {
            timer.remove();
        }
        self.keep_draft();
        let weak = Rc::downgrade(self);
        glib::timeout_add_local_once(CLOSE_AFTER, move || {
            if let Some(form) = weak.upgrade() {
                form.close();
            }
        });
    }

    /// Keeps what was typed and closes: hidden at once, then destroyed, so nothing stays in memory.
    fn close(&self) {
        self.finish();
        self.window.hide();
        // Sends the window its delete event, after which GTK destroys it.
        self.window.close();
    }

    /// Keeps what was typed and forgets the window; once, however it closes.
    fn finish(&self) {
        if self.closed.replace(true) {
            return;
        }
        if let Some(timer) = self.save_timer.borrow_mut().take() {
            timer.remove();
        }
        self.keep_draft();
        // A key typed ahead after an Escape has nowhere left to go.
        self.taking.set(false);
        OPEN.with(|o| {
            let mut open = o.borrow_mut();
            if open.as_ref().is_some_and(|f| std::ptr::eq(Rc::as_ptr(f), self)) {
                *open = None;
            }
        });
    }
}

fn select(e: &gtk::Entry) {
    e.grab_focus();
    e.select_region(0, -1);
}

/// A GDK key event, named as `KeyboardEvent.key` names it, as the keys typed ahead are.
fn key_of(event: &gdk::EventKey) -> TypedKey {
    use gdk::keys::constants as k;
    let value = event.keyval();
    let named = [
        (k::Return, "Enter"),
        (k::KP_Enter, "Enter"),
        (k::ISO_Enter, "Enter"),
        (k::Escape, "Escape"),
        (k::Tab, "Tab"),
        (k::ISO_Left_Tab, "Tab"),
        (k::KP_Tab, "Tab"),
        (k::BackSpace, "Backspace"),
        (k::Delete, "Delete"),
        (k::KP_Delete, "Delete"),
        (k::Up, "ArrowUp"),
        (k::KP_Up, "ArrowUp"),
        (k::Down, "ArrowDown"),
        (k::KP_Down, "ArrowDown"),
        (k::Left, "ArrowLeft"),
        (k::KP_Left, "ArrowLeft"),
        (k::Right, "ArrowRight"),
        (k::KP_Right, "ArrowRight"),
    ];
    let key = named
        .iter()
        .find(|(v, _)| *v == value)
        .map(|(_, name)| name.to_string())
        .or_else(|| value.to_unicode().filter(|c| !c.is_control()).map(String::from))
        .or_else(|| value.name().map(|n| n.to_string()))
        .unwrap_or_default();
    let state = event.state();
    TypedKey {
        key,
        shift: state.contains(gdk::ModifierType::SHIFT_MASK),
        ctrl: state.contains(gdk::ModifierType::CONTROL_MASK),
        alt: state.contains(gdk::ModifierType::MOD1_MASK),
        meta: state.intersects(gdk::ModifierType::SUPER_MASK | gdk::ModifierType::META_MASK),
    }
}
