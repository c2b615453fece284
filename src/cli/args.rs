//! The command line's shape. Values are taken as typed and checked by the domain, so the CLI,
//! the window and JSON input share one set of rules and messages.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "loadline",
    version,
    about = "Loadline: an honest record of the work that crosses into your own time.",
    long_about = "Loadline: an honest record of the work that crosses into your own time.\n\nWithout a command it starts the desktop app (tray icon and window). With a command it works in the terminal, needs no display and opens no window."
)]
pub struct Cli {
    /// Where loadline.db lives (default: the per-user data directory)
    #[arg(long, global = true, env = "LOADLINE_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// Start the app in the tray without opening a window (as at login)
    #[arg(long)]
    pub hidden: bool,

    /// The main window in a process of its own, started by the app's tray process, which
    /// speaks to it over standard input and output; it ends when its window closes.
    #[arg(long, hide = true)]
    pub window: bool,

    /// The view the main window opens at (with --window)
    #[arg(long, hide = true, value_name = "VIEW", requires = "window")]
    pub view: Option<String>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Log an interruption; prints the new entry's id
    Log(LogArgs),
    /// Remove the most recently logged entry
    Undo,
    /// List entries with what each cost
    List(ListArgs),
    /// A week's totals against the load line
    Week(WeekArgs),
    /// The warnings that hold at a moment (default: now), as the reminder engine sees them
    Check(CheckArgs),
    /// Export a report (html, md), the entries (csv) or a full backup (json)
    Export(ExportArgs),
    /// Restore a JSON backup; entries already present are not doubled
    Import {
        /// The backup file, as written by `loadline export --format json`
        file: PathBuf,
    },
    /// List the automatic daily backups (newest first)
    Backups,
    /// Put an automatic backup in place of the database; the current file is set aside, not deleted
    RestoreBackup {
        /// A file from `loadline backups`
        file: PathBuf,
    },
    /// Declare, list, pause, resume, edit or remove non-negotiables
    #[command(subcommand)]
    Boundary(BoundaryCommand),
    /// Show or change working hours, sleep hours, the load line and the time zone
    #[command(subcommand)]
    Settings(SettingsCommand),
    /// What the reminder engine says: `replay` shows what it would have notified
    #[command(subcommand)]
    Notices(NoticesCommand),
    /// Read what the systems that interrupt you exported (PagerDuty, a calendar, git, any CSV or
    /// JSON with a mapping) and suggest the entries that crossed into your own time
    Capture(CaptureArgs),
    /// The captured suggestions: list them, accept or dismiss
    Inbox(InboxArgs),
    /// Merge your team's share files (from `export --format team`): who carries the after-hours
    /// load, and which sources reach only one person
    Team(TeamArgs),
    /// The monthly self-check (the Copenhagen Burnout Inventory): the takes, newest first, or
    /// take it, correct today's take, or print its questions
    Selfcheck(SelfcheckArgs),
}

#[derive(Debug, Args)]
pub struct CaptureArgs {
    /// Files, folders of files, or git repositories
    #[arg(required = true, value_name = "FILE|DIR")]
    pub files: Vec<PathBuf>,
    /// pagerduty, ics, git, csv or json (default: told from each file)
    #[arg(long)]
    pub kind: Option<String>,
    /// Who you are there: a PagerDuty user id, name or email; a calendar address; a git author
    /// email (kept for next time)
    #[arg(long, value_name = "ID")]
    pub me: Option<String>,
    /// First local day, YYYY-MM-DD (default: 12 weeks ago)
    #[arg(long, value_name = "DAY")]
    pub from: Option<String>,
    /// Last local day, inclusive (default: today, up to now)
    #[arg(long, value_name = "DAY")]
    pub to: Option<String>,
    /// The zone for times written without one (default: the home zone)
    #[arg(long, value_name = "ZONE")]
    pub tz: Option<String>,
    /// For CSV and JSON: start=FIELD,end=FIELD,source=FIELD,severity=FIELD,id=FIELD (or a saved name)
    #[arg(long, value_name = "SPEC|NAME")]
    pub map: Option<String>,
    /// Save the --map under this name
    #[arg(long, value_name = "NAME")]
    pub save_map: Option<String>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct InboxArgs {
    #[command(subcommand)]
    pub command: Option<InboxCommand>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum InboxCommand {
    /// Log suggestions as entries; prints the new entries' ids
    Accept(Decide),
    /// Drop suggestions; they are never suggested again
    Dismiss(Decide),
}

#[derive(Debug, Args)]
pub struct Decide {
    /// Suggestion ids, from `loadline inbox`
    #[arg(required_unless_present = "all", conflicts_with = "all")]
    pub ids: Vec<i64>,
    /// Every suggestion in the inbox
    #[arg(long)]
    pub all: bool,
}

#[derive(Debug, Args)]
pub struct TeamArgs {
    /// The share files, one per person
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// html (printable), md or json
    #[arg(long, default_value = "html")]
    pub format: String,
    /// The file to write ("-" for standard output, the default)
    #[arg(long, value_name = "FILE", default_value = "-")]
    pub out: PathBuf,
}

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct SelfcheckArgs {
    #[command(subcommand)]
    pub command: Option<SelfcheckCommand>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum SelfcheckCommand {
    /// Keep a take, read as JSON from standard input ("-"):
    /// {"personal": [6 answers], "work": [7], "client": [6] (optional), "at": RFC 3339 (optional)};
    /// answers are always, often, sometimes, seldom, never or very high, high, somewhat, low,
    /// very low, as each item asks, and null for one left unanswered
    Take {
        #[arg(long, value_name = "-")]
        json: String,
    },
    /// Correct the answers of a take made today, read as JSON as for `take`
    Correct {
        id: i64,
        #[arg(long, value_name = "-")]
        json: String,
    },
    /// The questions in order, with the answers each takes
    Questions {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum NoticesCommand {
    /// Run the reminder engine over the record with a simulated clock, from no notices, and
    /// print each desktop notification it would have shown (quiet windows and the weekly
    /// limit included)
    Replay(ReplayArgs),
}

#[derive(Debug, Args)]
pub struct ReplayArgs {
    /// First local day, YYYY-MM-DD
    #[arg(long, value_name = "DAY")]
    pub from: String,
    /// Last local day, inclusive
    #[arg(long, value_name = "DAY")]
    pub to: String,
    /// The zone the days are in (default: the home zone)
    #[arg(long, value_name = "ZONE")]
    pub tz: Option<String>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct LogArgs {
    /// Read one entry, or an array of entries, as JSON from standard input ("-"); its fields
    /// carry the flags' names: channel, minutes, at, tz, source, severity, chosen, delegable, note, tags
    #[arg(long, value_name = "-", conflicts_with_all = ["channel", "minutes"])]
    pub json: Option<String>,
    /// page, call, chat, email, meeting, in person, self-initiated, or your own
    #[arg(long, required_unless_present = "json")]
    pub channel: Option<String>,
    /// How long it took: 1 to 10080
    #[arg(long, required_unless_present = "json", allow_negative_numbers = true)]
    pub minutes: Option<i64>,
    /// When it started: local time YYYY-MM-DDTHH:MM in --tz, or RFC 3339 (default: now)
    #[arg(long, value_name = "TIME")]
    pub at: Option<String>,
    /// The IANA zone you were in (default: your settings' zone, else the system's)
    #[arg(long, value_name = "ZONE")]
    pub tz: Option<String>,
    /// The service or person that asked
    #[arg(long)]
    pub source: Option<String>,
    /// none, P1, P2, P3 or P4
    #[arg(long)]
    pub severity: Option<String>,
    /// A conscious choice
    #[arg(long, conflicts_with = "reactive")]
    pub chosen: bool,
    /// Not chosen: it happened to you (the default)
    #[arg(long)]
    pub reactive: bool,
    /// Someone else could have done it with a runbook
    #[arg(long)]
    pub delegable: bool,
    /// A private note
    #[arg(long)]
    pub note: Option<String>,
    /// A tag (repeat for more)
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
    /// Mark it as costing a non-negotiable, by id or name (repeat for more)
    #[arg(long = "costs", value_name = "NON-NEGOTIABLE")]
    pub costs: Vec<String>,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// An ISO week such as 2026-W47 (default: the current week)
    #[arg(long, conflicts_with = "all")]
    pub week: Option<String>,
    /// Every entry
    #[arg(long)]
    pub all: bool,
    /// The zone weeks and times are shown in
    #[arg(long, value_name = "ZONE")]
    pub tz: Option<String>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct WeekArgs {
    /// An ISO week such as 2026-W47 (default: the current week)
    pub week: Option<String>,
    /// The zone the week is counted in
    #[arg(long, value_name = "ZONE")]
    pub tz: Option<String>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The moment to look from: local time in --tz or RFC 3339 (default: now); later entries are ignored
    #[arg(long, value_name = "TIME")]
    pub at: Option<String>,
    /// The zone weeks and days are counted in
    #[arg(long, value_name = "ZONE")]
    pub tz: Option<String>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// html or md (a summary report), csv (one row per entry), json (a complete backup) or
    /// team (weekly totals to merge with your team's: needs --as and --team-key)
    #[arg(long)]
    pub format: String,
    /// First local day, YYYY-MM-DD (default: the first entry's)
    #[arg(long, value_name = "DAY")]
    pub from: Option<String>,
    /// Last local day, inclusive (default: the last entry's)
    #[arg(long, value_name = "DAY")]
    pub to: Option<String>,
    /// Whole weeks up to today instead of --from/--to: this-week, 4-weeks, quarter (13 weeks) or all
    #[arg(long, value_name = "RANGE", conflicts_with_all = ["from", "to"])]
    pub range: Option<String>,
    /// What to share besides the numbers: notes, sources, names, owner (your name and role from
    /// the settings), comma separated
    #[arg(long, value_name = "LIST", default_value = "")]
    pub include: String,
    /// Your own message at the top of the report
    #[arg(long)]
    pub message: Option<String>,
    /// The file to write ("-" for standard output)
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// For --format team: the name or pseudonym your team sees you by
    #[arg(long = "as", value_name = "NAME")]
    pub as_name: Option<String>,
    /// For --format team: the passphrase your team agreed on (or LOADLINE_TEAM_KEY, which
    /// stays out of the shell's history)
    #[arg(long, value_name = "PASSPHRASE", env = "LOADLINE_TEAM_KEY", hide_env_values = true)]
    pub team_key: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum BoundaryCommand {
    /// Declare a non-negotiable; prints its id
    Add(BoundaryFields),
    /// List non-negotiables as they stand now
    List {
        #[arg(long)]
        json: bool,
    },
    /// Change a non-negotiable from now on (past weeks keep the old version)
    Edit {
        /// Its id or name
        target: String,
        #[command(flatten)]
        fields: BoundaryEdit,
    },
    /// Pause a non-negotiable (a vacation): it is not tracked until resumed
    Pause { target: String },
    /// Resume a paused non-negotiable
    Resume { target: String },
    /// Remove a non-negotiable from now on (past weeks keep it)
    Remove { target: String },
}

#[derive(Debug, Args)]
pub struct BoundaryFields {
    /// e.g. "Family dinner"
    #[arg(long)]
    pub name: String,
    /// family, health, sleep, rest, hobby or values
    #[arg(long)]
    pub category: String,
    /// A weekly window in local time, e.g. "Mon-Fri 18:00-20:00" or "Sun all day" (repeat for more)
    #[arg(long = "window", value_name = "WINDOW")]
    pub windows: Vec<String>,
    /// Breaches a week that are acceptable
    #[arg(long, default_value_t = 0, allow_negative_numbers = true)]
    pub allowance: i64,
}

#[derive(Debug, Args)]
pub struct BoundaryEdit {
    #[arg(long)]
    pub name: Option<String>,
    #[arg(long)]
    pub category: Option<String>,
    /// Replaces all windows (repeat for more; "none" for none)
    #[arg(long = "window", value_name = "WINDOW")]
    pub windows: Vec<String>,
    #[arg(long, allow_negative_numbers = true)]
    pub allowance: Option<i64>,
}

#[derive(Debug, Subcommand)]
pub enum SettingsCommand {
    /// Show the settings in force now
    Show {
        #[arg(long)]
        json: bool,
    },
    /// Change settings from now on (past weeks keep the old ones)
    Set(Box<SettingsSet>),
}

#[derive(Debug, Args)]
#[group(required = true, multiple = true)]
pub struct SettingsSet {
    /// Working hours, e.g. "Mon-Fri 09:00-17:30" (repeat for more; days not named are off; "none" for none)
    #[arg(long = "work", value_name = "HOURS")]
    pub work: Vec<String>,
    /// The nightly sleep window, e.g. 22:00-07:00, or "none"
    #[arg(long, value_name = "HH:MM-HH:MM")]
    pub sleep: Option<String>,
    /// The load line: sacrifices a week
    #[arg(long, allow_negative_numbers = true)]
    pub load_line_sacrifices: Option<i64>,
    /// The load line: after-hours minutes a week
    #[arg(long, allow_negative_numbers = true)]
    pub load_line_minutes: Option<i64>,
    /// Your home time zone for weeks and reports (IANA name), or "system"
    #[arg(long, value_name = "ZONE")]
    pub zone: Option<String>,
    /// Keep the quick-log window ready in the background: it opens at once, and the app holds
    /// more memory all day (Windows and macOS; on Linux the window is native and opens at once)
    #[arg(long, value_name = "on|off")]
    pub quicklog_ready: Option<OnOff>,
    /// Your name, for reports you choose to put it on (export --include owner); "" for none
    #[arg(long, value_name = "NAME")]
    pub owner_name: Option<String>,
    /// Your role beside your name on a report, e.g. "Site reliability engineer"; "" for none
    #[arg(long, value_name = "ROLE")]
    pub owner_role: Option<String>,
    /// The paper reports are laid out for: a4, letter, or auto (from your home time zone)
    #[arg(long, value_name = "auto|a4|letter")]
    pub paper: Option<String>,
    /// A source that is a person, as you log it (repeat for more): reports list people apart,
    /// never as runbook candidates
    #[arg(long = "person", value_name = "SOURCE")]
    pub person: Vec<String>,
    /// A source that is a service after all (repeat for more): no longer counted as a person
    #[arg(long = "service", value_name = "SOURCE")]
    pub service: Vec<String>,
    /// A folder whose new files the app captures into the inbox (its full path), or none
    #[arg(long, value_name = "DIR|none")]
    pub capture_folder: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum OnOff {
    On,
    Off,
}
