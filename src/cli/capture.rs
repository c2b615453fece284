//! `loadline capture` and `loadline inbox`.

use std::fmt::Write;

use super::args::{CaptureArgs, Decide, InboxArgs, InboxCommand};
use super::{json, out, Context};
use crate::capture::inbox::{CaptureReport, Suggestion};
use crate::capture::Kind;
use crate::error::{quoted, Error, Result};
use crate::store::Store;
use crate::summary::{format_minutes, plural};
use crate::usecases::capture::{self as usecase, CaptureRequest};

pub fn capture(store: &mut Store, args: CaptureArgs, ctx: &mut Context) -> Result<i32> {
    let kind = args.kind.as_deref().map(parse_kind).transpose()?;
    let request = CaptureRequest {
        paths: expand(&args.files)?,
        kind,
        me: args.me,
        from: args.from,
        to: args.to,
        tz: args.tz,
        map: args.map,
        save_map: args.save_map,
    };
    let report = usecase::capture(store, &request, ctx.system_zone, ctx.now)?;
    if args.json {
        json(ctx, &report)?;
    } else {
        out(ctx, &said(&report))?;
    }
    Ok(0)
}

/// Folders are read file by file (not recursively), except a git repository, read as one.
fn expand(paths: &[std::path::PathBuf]) -> Result<Vec<std::path::PathBuf>> {
    let mut all = Vec::new();
    for p in paths {
        if p.is_dir() && crate::capture::detect(p)? != Some(Kind::Git) {
            let mut files: Vec<_> = std::fs::read_dir(p)
                .map_err(|e| Error::io(format!("cannot read {}", p.display()), e))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|f| f.is_file() && !f.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')))
                .collect();
            files.sort();
            all.extend(files);
        } else {
            all.push(p.clone());
        }
    }
    Ok(all)
}

fn parse_kind(text: &str) -> Result<Kind> {
    serde_json::from_value(serde_json::Value::String(text.trim().to_ascii_lowercase())).map_err(|_| {
        Error::invalid("kind", format!("{} is not a kind; use pagerduty, ics, git, csv or json", quoted(text)))
    })
}

fn said(r: &CaptureReport) -> String {
    let mut text = format!("{}\n", r.said);
    if r.suggested > 0 {
        text.push_str(&table(&r.suggestions));
        text.push_str(
            "Accept with: loadline inbox accept ID... (or --all); dismiss with: loadline inbox dismiss ID...\n",
        );
    }
    text
}

fn table(suggestions: &[Suggestion]) -> String {
    let mut text = format!(
        "{:>5}  {:<22} {:>8}  {:<10} {:<18} {:>11}  {}\n",
        "ID", "START", "MIN", "CHANNEL", "SOURCE", "AFTER-HOURS", "TITLE"
    );
    for s in suggestions {
        let start = chrono::DateTime::parse_from_rfc3339(&s.start)
            .map_or(s.start.clone(), |t| t.format("%a %Y-%m-%d %H:%M").to_string());
        let title: String = s.title.chars().take(48).collect();
        let twin = s.maybe_duplicate_of.map(|id| format!("  (already logged? entry {id})")).unwrap_or_default();
        let _ = writeln!(
            text,
            "{:>5}  {:<22} {:>8}  {:<10} {:<18} {:>11}  {title}{twin}",
            s.id,
            start,
            s.minutes,
            s.channel,
            s.source.as_deref().unwrap_or("-"),
            format_minutes(s.after_hours_minutes)
        );
    }
    text
}

pub fn inbox(store: &mut Store, args: InboxArgs, ctx: &mut Context) -> Result<i32> {
    let ids = |d: &Decide| if d.all { None } else { Some(d.ids.clone()) };
    match args.command {
        None => {
            let pending = usecase::inbox(store)?;
            if args.json {
                json(ctx, &pending)?;
            } else if pending.is_empty() {
                out(ctx, "The inbox is empty: capture a file with loadline capture FILE.\n")?;
            } else {
                out(
                    ctx,
                    &format!(
                        "{} waiting:\n{}",
                        plural(pending.len() as u32, "suggestion", "suggestions"),
                        table(&pending)
                    ),
                )?;
            }
        }
        Some(InboxCommand::Accept(d)) => {
            let logged = usecase::accept(store, ids(&d).as_deref(), ctx.system_zone, ctx.now)?;
            out(ctx, &logged.iter().map(|e| format!("{}\n", e.id)).collect::<String>())?;
        }
        Some(InboxCommand::Dismiss(d)) => {
            let n = usecase::dismiss(store, ids(&d).as_deref(), ctx.now)?;
            out(ctx, &format!("Dismissed {}.\n", plural(n, "suggestion", "suggestions")))?;
        }
    }
    Ok(0)
}
