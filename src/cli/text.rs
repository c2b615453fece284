//! What the CLI prints for people (the `--json` forms print the core's structs as they are).

use std::fmt::Write;

use chrono::{DateTime, Duration};
use chrono_tz::Tz;

use crate::interruptions::Interruption;
use crate::notices::Delivery;
use crate::reminders::{Level, Warning};
use crate::summary::{format_minutes, plural, Entry, WeekSummary};
use crate::timeline::Timeline;

pub fn entry_line(i: &Interruption, zone: Tz) -> String {
    let e = &i.entry;
    let start = e.start.with_timezone(&zone).format("%a %Y-%m-%d %H:%M");
    let source = e.source.as_deref().map(|s| format!(" ({s})")).unwrap_or_default();
    format!("entry {}: {}, {} at {start} {zone}{source}", i.id, e.channel, format_minutes(e.minutes))
}

pub fn entry_table(entries: &[Interruption], timeline: &Timeline, zone: Tz) -> String {
    if entries.is_empty() {
        return "No entries.\n".into();
    }
    let mut out = format!(
        "{:>6}  {:<20} {:>6}  {:<14} {:<20} {:>11} {:>6}  {}\n",
        "ID", "START", "MIN", "CHANNEL", "SOURCE", "AFTER-HOURS", "SLEEP", "FLAGS"
    );
    for (i, view) in entries.iter().rev().zip(Entry::all(entries.iter().rev(), timeline)) {
        let mut flags = vec![if view.chosen { "chosen" } else { "reactive" }];
        if view.delegable {
            flags.push("delegable");
        }
        if !view.breaches.is_empty() {
            flags.push("breach");
        }
        let _ = writeln!(
            out,
            "{:>6}  {:<20} {:>6}  {:<14} {:<20} {:>11} {:>6}  {}",
            view.id,
            i.entry.start.with_timezone(&zone).format("%a %Y-%m-%d %H:%M").to_string(),
            view.minutes,
            clip(&view.channel, 14),
            clip(view.source.as_deref().unwrap_or("-"), 20),
            view.after_hours_minutes,
            view.sleep_minutes,
            flags.join(" ")
        );
    }
    out
}

fn clip(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    let mut s: String = text.chars().take(width - 1).collect();
    s.push('…');
    s
}

pub fn week_report(s: &WeekSummary) -> String {
    let start = DateTime::parse_from_rfc3339(&s.start).expect("the core writes RFC 3339");
    let end = DateTime::parse_from_rfc3339(&s.end).expect("the core writes RFC 3339") - Duration::seconds(1);
    let verdict = if s.over_load_line { "Over your load line." } else { "Under your load line." };
    let mut out =
        format!("Week {} ({} – {}, {})\n", s.week, start.format("%a %-d %b"), end.format("%a %-d %b %Y"), s.zone);
    let rows = [
        ("Sacrifices", format!("{} (load line {})", s.sacrifices, s.load_line.sacrifices)),
        (
            "After hours",
            format!("{} (load line {})", format_minutes(s.after_hours_minutes), format_minutes(s.load_line.minutes)),
        ),
        (
            "Sleep hours",
            format!(
                "{}, {}",
                plural(s.sleep_interruptions, "interruption", "interruptions"),
                format_minutes(s.sleep_minutes)
            ),
        ),
        ("Chosen / reactive", format!("{} / {}", s.chosen, s.reactive)),
        ("Delegable", s.delegable.to_string()),
        ("All interruptions", s.interruptions.to_string()),
    ];
    for (label, value) in rows {
        let _ = writeln!(out, "  {label:<18} {value}");
    }
    for b in &s.breaches {
        let state = if b.paused { ", paused" } else { "" };
        let kept = if b.count == 0 { "kept".to_string() } else { format!("breached {}×", b.count) };
        let _ = writeln!(out, "  {:<18} {kept} (allowance {}{state})", b.name, b.allowance);
    }
    let _ = writeln!(out, "{verdict}");
    out
}

pub fn warnings(warnings: &[Warning]) -> String {
    if warnings.is_empty() {
        return "No warnings: nothing is becoming a habit right now.\n".into();
    }
    let mut out = String::new();
    for w in warnings {
        let level = match w.severity {
            Level::Nudge => "Nudge",
            Level::Warning => "Warning",
            Level::Habit => "Habit",
        };
        let ids: Vec<String> = w.entries.iter().map(ToString::to_string).collect();
        let _ =
            writeln!(out, "{level}: {}\n  Next step: {}\n  Entries: {}\n", w.explanation, w.suggestion, ids.join(", "));
    }
    out
}

/// A replay's notifications, one line each and the body under it.
pub fn deliveries(deliveries: &[Delivery]) -> String {
    if deliveries.is_empty() {
        return "No notifications: the engine would have stayed quiet.\n".into();
    }
    let mut out = String::new();
    for d in deliveries {
        let at = DateTime::parse_from_rfc3339(&d.at).map(|t| t.format("%a %Y-%m-%d %H:%M").to_string());
        let waited = d
            .deferred_from
            .as_deref()
            .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
            .map(|t| format!(" (held since {}: a quiet window)", t.format("%a %H:%M")))
            .unwrap_or_default();
        let _ = writeln!(out, "{}  {}{waited}", at.unwrap_or_else(|_| d.at.clone()), d.title);
        for line in d.body.lines() {
            let _ = writeln!(out, "    {line}");
        }
    }
    out
}
