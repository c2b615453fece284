//! `loadline <command>`: the terminal's way in, for people, shell aliases and pager webhooks.
//! It needs no display. The shell's `main` parses the arguments, reads the clock and the
//! system zone, and hands them here, so every command is testable in-process.
//!
//! Exit codes: 0 done; 1 failed (or nothing to undo); 2 bad input, with nothing written.

mod args;
mod capture;
mod selfcheck;
mod team;
mod text;

use std::io::{Read, Write};
use std::path::Path;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

pub use args::{BoundaryCommand, Cli, Command, NoticesCommand, SettingsCommand};

use crate::backups;
use crate::boundaries::Boundary;
use crate::classify::Classifier;
use crate::error::{quoted, Error, Result};
use crate::export::ExportRequest;
use crate::interruptions::Draft;
use crate::paper::Paper;
use crate::prefs::SourceKind;
use crate::schedule::Span;
use crate::store::Store;
use crate::summary::{plural, Entry};
use crate::usecases::{self, boundaries, entries, exports, settings as saved, views};
use crate::zone::{parse_at, parse_zone};
use args::{BoundaryEdit, BoundaryFields, CheckArgs, ExportArgs, ListArgs, LogArgs, OnOff, SettingsSet, WeekArgs};

/// Largest JSON accepted on standard input: far above any honest batch, far below harm.
const MAX_JSON_BYTES: u64 = 16 * 1024 * 1024;

/// What the shell supplies: the moment, the system's zone, and the standard streams.
pub struct Context<'a> {
    pub now: DateTime<Utc>,
    pub system_zone: Tz,
    pub stdin: &'a mut dyn Read,
    /// `Send`, so an export can write from the thread that formats it.
    pub stdout: &'a mut (dyn Write + Send),
    pub stderr: &'a mut dyn Write,
}

/// Runs one command against the store in `data_dir`; returns the process exit code.
pub fn run(data_dir: &Path, command: Command, ctx: &mut Context) -> i32 {
    let result = match command {
        // These work on files, so they help when the database itself cannot be opened.
        Command::Backups => list_backups(data_dir, ctx),
        Command::RestoreBackup { file } => restore_backup(data_dir, &file, ctx),
        // A merge reads only the files it is given: the person's own record is not opened.
        Command::Team(args) => team::merge(args, ctx),
        command if only_reads(&command) => {
            Store::open_to_read(data_dir).and_then(|mut store| execute(&mut store, command, ctx))
        }
        command => Store::open(data_dir).and_then(|mut store| execute(&mut store, command, ctx)),
    };
    result.unwrap_or_else(|e| {
        let e = e.damaged_in(&data_dir.join(crate::store::DB_FILE));
        let code = fail(&e, ctx);
        offer_backup(&e, data_dir, ctx);
        code
    })
}

/// Commands that write nothing open the store read-only: no write lock, no migration.
fn only_reads(command: &Command) -> bool {
    match command {
        Command::List(_) | Command::Week(_) | Command::Check(_) | Command::Export(_) => true,
        Command::Boundary(b) => matches!(b, BoundaryCommand::List { .. }),
        Command::Settings(s) => matches!(s, SettingsCommand::Show { .. }),
        // A replay runs on a copy in memory.
        Command::Notices(_) => true,
        Command::Selfcheck(s) => matches!(s.command, None | Some(args::SelfcheckCommand::Questions { .. })),
        Command::Inbox(i) => i.command.is_none(),
        _ => false,
    }
}

/// Says what went wrong; the exit code: 2 for bad input, 1 for anything else.
fn fail(e: &Error, ctx: &mut Context) -> i32 {
    let _ = writeln!(ctx.stderr, "loadline: {e}");
    if e.is_invalid() {
        2
    } else {
        1
    }
}

fn execute(store: &mut Store, command: Command, ctx: &mut Context) -> Result<i32> {
    match command {
        Command::Log(args) => log(store, args, ctx),
        Command::Undo => undo(store, ctx),
        Command::List(args) => list(store, args, ctx),
        Command::Week(args) => week(store, args, ctx),
        Command::Check(args) => check(store, args, ctx),
        Command::Export(args) => export(store, args, ctx),
        Command::Import { file } => import(store, &file, ctx),
        Command::Boundary(cmd) => boundary(store, cmd, ctx),
        Command::Backups | Command::RestoreBackup { .. } => unreachable!("handled before the store is opened"),
        Command::Settings(cmd) => settings(store, cmd, ctx),
        Command::Notices(NoticesCommand::Replay(args)) => replay(store, args, ctx),
        Command::Selfcheck(args) => selfcheck::run(store, args, ctx),
        Command::Capture(args) => capture::capture(store, args, ctx),
        Command::Inbox(args) => capture::inbox(store, args, ctx),
        Command::Team(_) => unreachable!("handled before the store is opened"),
    }
}

/// A damaged, newer or missing database is reported with the newest backup to restore, as a
/// command that can be pasted: the data directory in use named, paths quoted for the shell.
fn offer_backup(e: &Error, data_dir: &Path, ctx: &mut Context) {
    if !matches!(e, Error::Damaged { .. } | Error::NewerDatabase { .. } | Error::Missing { .. }) {
        return;
    }
    let Some(b) = backups::list(data_dir).ok().and_then(|list| list.into_iter().next()) else { return };
    let dir = if crate::store::default_data_dir().as_deref() == Some(data_dir) {
        String::new()
    } else {
        format!(" --data-dir {}", shell_quoted(&data_dir.display().to_string()))
    };
    let _ = writeln!(
        ctx.stderr,
        "The newest automatic backup is from {}: restore it with\n  loadline{dir} restore-backup {}",
        b.day,
        shell_quoted(&b.file)
    );
}

fn shell_quoted(text: &str) -> String {
    shlex::try_quote(text).map_or_else(|_| format!("'{}'", text.replace('\'', "'\\''")), |q| q.into_owned())
}

fn list_backups(data_dir: &Path, ctx: &mut Context) -> Result<i32> {
    let list = backups::list(data_dir)?;
    if list.is_empty() {
        out(ctx, "No automatic backups yet: the app takes one a day while it runs.\n")?;
    }
    for b in list {
        out(ctx, &format!("{}  {:>9} bytes  {}\n", b.day, b.bytes, b.file))?;
    }
    Ok(0)
}

fn restore_backup(data_dir: &Path, file: &Path, ctx: &mut Context) -> Result<i32> {
    let said = match usecases::backups::restore(data_dir, file, ctx.now)? {
        Some(aside) => {
            format!("Restored {}. The previous database was set aside as {}.\n", file.display(), aside.display())
        }
        None => format!("Restored {}.\n", file.display()),
    };
    out(ctx, &said)?;
    Ok(0)
}

fn out(ctx: &mut Context, text: &str) -> Result<()> {
    ctx.stdout.write_all(text.as_bytes()).map_err(|e| Error::io("cannot write to standard output", e))
}

fn json<T: serde::Serialize>(ctx: &mut Context, value: &T) -> Result<()> {
    let text = serde_json::to_string_pretty(value).expect("summaries always serialise");
    out(ctx, &format!("{text}\n"))
}

fn home_zone(store: &Store, tz: Option<&str>, ctx: &Context) -> Result<Tz> {
    usecases::home_zone(store, tz, ctx.system_zone)
}

fn log(store: &mut Store, args: LogArgs, ctx: &mut Context) -> Result<i32> {
    let drafts = match &args.json {
        Some(path) => parse_drafts(&read_stdin(path, ctx)?)?,
        None => vec![draft_from_flags(store, &args, ctx.now)?],
    };
    let logged = entries::log(store, &drafts, ctx.system_zone, ctx.now)?;
    let ids: String = logged.iter().map(|e| format!("{}\n", e.id)).collect();
    out(ctx, &ids)?;
    Ok(0)
}

fn draft_from_flags(store: &Store, args: &LogArgs, now: DateTime<Utc>) -> Result<Draft> {
    let costs =
        args.costs.iter().map(|t| boundaries::find(store, t, now).map(|(id, _)| id)).collect::<Result<Vec<_>>>()?;
    Ok(Draft {
        channel: args.channel.clone().unwrap_or_default(),
        minutes: args.minutes,
        at: args.at.clone(),
        tz: args.tz.clone(),
        source: args.source.clone(),
        severity: args.severity.clone(),
        chosen: Some(args.chosen),
        delegable: Some(args.delegable),
        note: args.note.clone(),
        tags: Some(args.tags.clone()),
        costs: Some(costs),
        ..Draft::default()
    })
}

/// Standard input as text, for `--json -`: the only source `--json` takes.
fn read_stdin(path: &str, ctx: &mut Context) -> Result<String> {
    if path != "-" {
        return Err(Error::invalid("json", format!("{}: only - (standard input) is supported", quoted(path))));
    }
    let mut input = String::new();
    ctx.stdin
        .take(MAX_JSON_BYTES + 1)
        .read_to_string(&mut input)
        .map_err(|e| Error::invalid("json", format!("standard input is not UTF-8 text: {e}")))?;
    if input.len() as u64 > MAX_JSON_BYTES {
        return Err(Error::invalid("json", format!("standard input is larger than {} MiB", MAX_JSON_BYTES >> 20)));
    }
    Ok(input)
}

/// A JSON value as `T`; a problem names its path (`entry 2: minutes`, `work[0]`).
fn typed<T: serde::de::DeserializeOwned>(v: serde_json::Value, label: Option<String>) -> Result<T> {
    serde_path_to_error::deserialize::<_, T>(v).map_err(|e| {
        let path = e.path().to_string();
        let field = match (label, path.as_str()) {
            (Some(l), ".") => l,
            (Some(l), p) => format!("{l}: {p}"),
            (None, ".") => "json".to_string(),
            (None, p) => p.to_string(),
        };
        Error::invalid(field, e.into_inner().to_string())
    })
}

/// One draft or an array of them, every field checked before anything is written.
pub fn parse_drafts(input: &str) -> Result<Vec<Draft>> {
    let value = crate::json::parse(input, "json")?;
    let one = typed::<Draft>;
    match value {
        serde_json::Value::Array(items) if items.is_empty() => {
            Err(Error::invalid("json", "the array holds no entries"))
        }
        serde_json::Value::Array(items) => {
            items.into_iter().enumerate().map(|(n, v)| one(v, Some(format!("entry {}", n + 1)))).collect()
        }
        serde_json::Value::Object(_) => Ok(vec![one(value, None)?]),
        _ => Err(Error::invalid("json", "expected an entry object or an array of them")),
    }
}

fn undo(store: &mut Store, ctx: &mut Context) -> Result<i32> {
    let zone = home_zone(store, None, ctx)?;
    match entries::undo_last(store)? {
        Some(gone) => {
            out(ctx, &format!("Removed {}\n", text::entry_line(&gone, zone)))?;
            Ok(0)
        }
        None => {
            let _ = writeln!(ctx.stderr, "Nothing to undo: no entries are logged.");
            Ok(1)
        }
    }
}

fn list(store: &mut Store, args: ListArgs, ctx: &mut Context) -> Result<i32> {
    let zone = home_zone(store, args.tz.as_deref(), ctx)?;
    let range =
        if args.all { None } else { Some(views::week_or_now(args.week.as_deref(), zone, ctx.now)?.bounds(zone)) };
    if args.json {
        list_json(store, range, ctx)?;
    } else {
        out(ctx, &text::entry_table(&store.interruptions(range)?, &store.timeline()?, zone))?;
    }
    Ok(0)
}

/// The entries oldest first, written as each is read: ten years are never all in memory.
fn list_json(store: &Store, range: Option<(DateTime<Utc>, DateTime<Utc>)>, ctx: &mut Context) -> Result<()> {
    use serde::ser::{SerializeSeq, Serializer};
    let timeline = store.timeline()?;
    let mut classifier = Classifier::new(&timeline);
    let origins = store.origins()?;
    let mut out = std::io::BufWriter::new(&mut *ctx.stdout);
    let io = |e: serde_json::Error| Error::io("cannot write to standard output", std::io::Error::other(e));
    let mut ser = serde_json::Serializer::pretty(&mut out);
    let mut seq = ser.serialize_seq(None).map_err(io)?;
    store.each_entry(range, |e| {
        let mut entry = Entry::from_ref(&e, classifier.classify_ref(&e))
            .map_err(|err| Error::invalid("tags", format!("stored value cannot be read: {err}")))?;
        entry.origin = origins.get(&entry.uid).cloned();
        seq.serialize_element(&entry).map_err(io)
    })?;
    seq.end().map_err(io)?;
    out.write_all(b"\n").and_then(|()| out.flush()).map_err(|e| Error::io("cannot write to standard output", e))
}

fn week(store: &mut Store, args: WeekArgs, ctx: &mut Context) -> Result<i32> {
    let zone = home_zone(store, args.tz.as_deref(), ctx)?;
    let week = views::week_or_now(args.week.as_deref(), zone, ctx.now)?;
    let (summary, warnings) = views::week_with_warnings(store, week, zone, ctx.now)?;
    if args.json {
        let mut value = serde_json::to_value(&summary).expect("summaries always serialise");
        value["warnings"] = serde_json::to_value(&warnings).expect("warnings always serialise");
        json(ctx, &value)?;
    } else {
        out(ctx, &text::week_report(&summary))?;
        out(ctx, &text::warnings(&warnings))?;
    }
    Ok(0)
}

fn replay(store: &mut Store, args: args::ReplayArgs, ctx: &mut Context) -> Result<i32> {
    let zone = home_zone(store, args.tz.as_deref(), ctx)?;
    let (from, to) = (crate::export::day("from", &args.from)?, crate::export::day("to", &args.to)?);
    if to < from {
        return Err(Error::invalid("to", format!("{to} is before --from {from}")));
    }
    let deliveries = usecases::engine::replay(store, zone, from, to)?;
    if args.json {
        let value = serde_json::json!({ "from": from.to_string(), "to": to.to_string(), "zone": zone.name(), "deliveries": deliveries });
        json(ctx, &value)?;
    } else {
        out(ctx, &text::deliveries(&deliveries))?;
    }
    Ok(0)
}

fn check(store: &mut Store, args: CheckArgs, ctx: &mut Context) -> Result<i32> {
    let zone = home_zone(store, args.tz.as_deref(), ctx)?;
    let at = match &args.at {
        Some(text) => parse_at("at", text, zone)?,
        None => ctx.now,
    };
    let warnings = views::warnings_at(store, zone, at)?;
    if args.json {
        let at = at.with_timezone(&zone).to_rfc3339();
        json(ctx, &serde_json::json!({ "at": at, "zone": zone.name(), "warnings": warnings }))?;
    } else {
        out(ctx, &text::warnings(&warnings))?;
    }
    Ok(0)
}

fn export(store: &mut Store, args: ExportArgs, ctx: &mut Context) -> Result<i32> {
    let request = ExportRequest {
        format: args.format,
        from: args.from,
        to: args.to,
        include: args.include.parse()?,
        message: args.message,
        range: args.range,
        team_name: args.as_name,
        team_key: args.team_key,
    };
    if args.out.as_os_str() == "-" {
        let mut stdout = std::io::BufWriter::new(&mut *ctx.stdout);
        exports::write(store, &request, ctx.system_zone, ctx.now, &mut stdout)?;
        stdout.flush().map_err(|e| Error::io("cannot write to standard output", e))?;
    } else {
        exports::save(store, &request, &args.out, ctx.system_zone, ctx.now)?;
    }
    Ok(0)
}

fn import(store: &mut Store, file: &Path, ctx: &mut Context) -> Result<i32> {
    let r = exports::import_file(store, file)?;
    out(
        ctx,
        &format!(
            "Imported {} ({} already here), {} and {}.\n",
            plural(r.entries_added as u32, "entry", "entries"),
            r.entries_already_there,
            plural(r.non_negotiables_added as u32, "non-negotiable", "non-negotiables"),
            plural(r.setting_versions_added as u32, "setting version", "setting versions")
        ),
    )?;
    Ok(0)
}

fn allowance(n: i64) -> Result<u32> {
    u32::try_from(n).map_err(|_| Error::invalid("allowance", format!("must be from 0 to 100 a week; got {n}")))
}

fn windows(specs: &[String]) -> Result<Vec<crate::schedule::Window>> {
    specs.iter().filter(|s| !s.trim().eq_ignore_ascii_case("none")).map(|s| crate::schedule::Window::parse(s)).collect()
}

fn boundary(store: &mut Store, cmd: BoundaryCommand, ctx: &mut Context) -> Result<i32> {
    let now = ctx.now;
    match cmd {
        BoundaryCommand::Add(BoundaryFields { name, category, windows: specs, allowance: n }) => {
            let b = Boundary {
                name,
                category: category.parse()?,
                windows: windows(&specs)?,
                allowance: allowance(n)?,
                paused: false,
            };
            let id = boundaries::add(store, b, now)?;
            out(ctx, &format!("{id}\n"))?;
        }
        BoundaryCommand::List { json: as_json } => {
            let now_list = boundaries::in_force(store, now)?;
            if as_json {
                let rows: Vec<serde_json::Value> = now_list
                    .iter()
                    .map(|(id, b)| {
                        let mut v = serde_json::to_value(b).expect("boundaries serialise");
                        v["id"] = (*id).into();
                        v
                    })
                    .collect();
                json(ctx, &rows)?;
            } else if now_list.is_empty() {
                out(ctx, "No non-negotiables yet. Declare one: loadline boundary add --name \"Family dinner\" --category family --window \"Mon-Fri 18:00-20:00\"\n")?;
            } else {
                for (id, b) in now_list {
                    let w: Vec<String> = b.windows.iter().map(ToString::to_string).collect();
                    let w = if w.is_empty() { "no windows".to_string() } else { w.join("; ") };
                    let paused = if b.paused { " [paused]" } else { "" };
                    out(
                        ctx,
                        &format!(
                            "{id:>4}  {} ({}){paused}: {w}; allowance {} a week\n",
                            b.name, b.category, b.allowance
                        ),
                    )?;
                }
            }
        }
        BoundaryCommand::Edit { target, fields: BoundaryEdit { name, category, windows: specs, allowance: n } } => {
            let (id, mut b) = boundaries::find(store, &target, now)?;
            if let Some(name) = name {
                b.name = name;
            }
            if let Some(c) = category {
                b.category = c.parse()?;
            }
            if !specs.is_empty() {
                b.windows = windows(&specs)?;
            }
            if let Some(n) = n {
                b.allowance = allowance(n)?;
            }
            boundaries::edit(store, id, b, now)?;
        }
        BoundaryCommand::Pause { target } => {
            boundaries::set_paused(store, boundaries::find(store, &target, now)?.0, true, now)?
        }
        BoundaryCommand::Resume { target } => {
            boundaries::set_paused(store, boundaries::find(store, &target, now)?.0, false, now)?
        }
        BoundaryCommand::Remove { target } => boundaries::remove(store, boundaries::find(store, &target, now)?.0, now)?,
    }
    Ok(0)
}

fn settings(store: &mut Store, cmd: SettingsCommand, ctx: &mut Context) -> Result<i32> {
    let (mut schedule, mut prefs) = saved::current(store, ctx.now)?;
    match cmd {
        SettingsCommand::Show { json: as_json } => {
            if as_json {
                json(ctx, &serde_json::json!({ "schedule": schedule, "prefs": prefs }))?;
            } else {
                let hours = schedule.describe_working_hours();
                let sleep = schedule.sleep.map_or("none".to_string(), |s| s.to_string());
                let zone = prefs.zone.clone().unwrap_or_else(|| format!("system ({})", ctx.system_zone));
                let home = home_zone(store, None, ctx)?;
                let paper = match prefs.paper {
                    Paper::Auto => format!("{} (automatic, from {home})", Paper::Auto.for_zone(home).name()),
                    chosen => chosen.name().to_string(),
                };
                out(
                    ctx,
                    &format!(
                        "Working hours  {}\nSleep hours    {sleep}\nLoad line      {} sacrifices, {} after-hours minutes a week\nTime zone      {zone}\nQuick-log      {}\nOn reports     {}\nPaper          {paper}\nPeople         {}\n",
                        if hours.is_empty() { "none".to_string() } else { hours.join("; ") },
                        schedule.load_line.sacrifices,
                        schedule.load_line.minutes,
                        if prefs.quicklog_ready { "kept ready" } else { "opened on demand" },
                        prefs.owner.line().unwrap_or_else(|| "no name set".to_string()),
                        if prefs.people.is_empty() { "none marked".to_string() } else { prefs.people.join("; ") }
                    ),
                )?;
            }
        }
        SettingsCommand::Set(set) => {
            let SettingsSet {
                work,
                sleep,
                load_line_sacrifices,
                load_line_minutes,
                zone,
                quicklog_ready,
                owner_name,
                owner_role,
                paper,
                person,
                service,
                capture_folder,
            } = *set;
            if !work.is_empty() {
                schedule.set_working_hours(&work)?;
            }
            if let Some(sleep) = sleep {
                schedule.sleep = if sleep.trim().eq_ignore_ascii_case("none") {
                    None
                } else {
                    Some(Span::parse(&sleep).map_err(|e| e.relabel("sleep"))?)
                };
            }
            if let Some(n) = load_line_sacrifices {
                schedule.load_line.sacrifices = u32::try_from(n)
                    .map_err(|_| Error::invalid("load-line-sacrifices", format!("must be 0 or more; got {n}")))?;
            }
            if let Some(n) = load_line_minutes {
                schedule.load_line.minutes = u32::try_from(n)
                    .map_err(|_| Error::invalid("load-line-minutes", format!("must be 0 or more; got {n}")))?;
            }
            if let Some(zone) = zone {
                prefs.zone = if zone.trim().eq_ignore_ascii_case("system") {
                    None
                } else {
                    Some(parse_zone("zone", &zone)?.name().to_string())
                };
            }
            if let Some(ready) = quicklog_ready {
                prefs.quicklog_ready = ready == OnOff::On;
            }
            if let Some(name) = owner_name {
                prefs.owner.name = name.trim().to_string();
            }
            if let Some(role) = owner_role {
                prefs.owner.role = role.trim().to_string();
            }
            if let Some(paper) = paper {
                prefs.paper = Paper::parse("paper", &paper)?;
            }
            if let Some(dir) = capture_folder {
                let dir = dir.trim();
                prefs.capture.watched_folder =
                    if dir.eq_ignore_ascii_case("none") { None } else { Some(dir.to_string()) };
            }
            for source in service {
                prefs.people.retain(|p| p.trim().to_lowercase() != source.trim().to_lowercase());
            }
            for source in person {
                if prefs.source_kind(&source) == SourceKind::Service {
                    prefs.people.push(source.trim().to_string());
                }
            }
            saved::save(store, &schedule, &prefs, ctx.now)?;
        }
    }
    Ok(0)
}
