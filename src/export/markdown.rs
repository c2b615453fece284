//! The summary report as Markdown, to paste into an email or a chat.

use std::fmt::Write;

use crate::export::report::{describe_range, Report};
use crate::selfcheck::{score_text as score, CITATION, NOT_A_DIAGNOSIS};
use crate::summary::{format_minutes, plural};

/// Keeps a person's text from turning into Markdown structure: inline markers anywhere, and
/// what would start a heading, quote or list at the start of the line.
pub(crate) fn plain(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let trimmed = text.trim_start();
    let numbered = trimmed.split_once('.').is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
    if trimmed.starts_with(['#', '-', '+', '>']) || numbered {
        out.push('\\');
    }
    for c in text.chars() {
        if "\\`*_[]<>|".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

pub fn render(r: &Report) -> String {
    let mut m = String::new();
    let _ = writeln!(m, "# After-hours load: {}\n", describe_range(r.from, r.to));
    if let Some(owner) = &r.owner {
        let _ = writeln!(m, "**{}**\n", plain(owner));
    }
    if let Some(message) = r.message.as_deref().filter(|t| !t.trim().is_empty()) {
        for line in message.lines() {
            let _ = writeln!(m, "> {}", plain(line));
        }
        m.push('\n');
    }
    let _ = writeln!(m, "**What these words mean**\n");
    for (word, meaning) in r.definitions() {
        let _ = writeln!(m, "- **{word}**: {}", plain(&meaning));
    }
    let _ = writeln!(m, "\n## Summary\n");
    for line in r.summary() {
        let _ = writeln!(m, "- {}", plain(&line));
    }
    let _ = writeln!(
        m,
        "\n**{}** · **{} after hours** ({}% of all interruption time) · **{} in sleep hours** · over the load line in **{} of {}**\n",
        plural(r.sacrifices, "sacrifice", "sacrifices"),
        format_minutes(r.after_hours_minutes),
        r.after_hours_share(),
        r.sleep_interruptions,
        r.weeks_over(),
        plural(r.weeks.len() as u32, "week", "weeks")
    );
    let _ =
        writeln!(m, "## Week by week\n\n| Week | Sacrifices | After hours | Load line |\n| --- | ---: | ---: | --- |");
    for w in &r.weeks {
        let verdict = if w.over { "**over**" } else { "under" };
        let _ = writeln!(
            m,
            "| {} | {} | {} | {verdict} · {} |",
            w.week,
            w.sacrifices,
            format_minutes(w.after_hours_minutes),
            w.budget()
        );
    }
    let _ = writeln!(
        m,
        "\nOf the sacrifices: {} chosen, {} reactive, {} delegable with a runbook.",
        r.chosen, r.reactive, r.delegable
    );
    if !r.non_negotiables.is_empty() {
        let by = if r.names_included { "Non-negotiables" } else { "Non-negotiables, by category" };
        let _ = writeln!(m, "\n## {by}\n\n| | Breaches | Weeks kept |\n| --- | ---: | ---: |");
        for b in &r.non_negotiables {
            let kept = r.weeks.len() as u32 - b.weeks_breached.min(r.weeks.len() as u32);
            let _ = writeln!(m, "| {} | {} | {kept} of {} |", plain(&b.label), b.breaches, r.weeks.len());
        }
    }
    for (title, note, rows) in [
        (
            "Services: runbook candidates",
            "The services behind the most sacrifices; delegable: someone else could have handled it with a runbook.",
            &r.top_services,
        ),
        (
            "People who asked",
            "People are not runbook candidates; delegable: someone else could have answered.",
            &r.top_people,
        ),
    ] {
        if rows.is_empty() {
            continue;
        }
        let _ = writeln!(m, "\n## {title}\n\n{note}\n\n| | Sacrifices | Delegable |\n| --- | ---: | ---: |");
        for s in rows {
            let _ = writeln!(m, "| {} | {} | {} |", plain(&s.label), s.sacrifices, s.delegable);
        }
    }
    if let Some(takes) = &r.selfcheck {
        let _ = writeln!(
            m,
            "\n## Self-check\n\nThe monthly self-check (the Copenhagen Burnout Inventory), each scale from 0 to 100 (higher: more burnout), shared by choice; the answers stay private. {NOT_A_DIAGNOSIS}\n"
        );
        if takes.is_empty() {
            let _ = writeln!(m, "No self-check was taken in these weeks.");
        } else {
            let _ = writeln!(m, "| Taken | Personal | Work-related | Client-related |\n| --- | ---: | ---: | ---: |");
            for t in takes {
                let s = t.scores;
                let _ = writeln!(
                    m,
                    "| {} | {} | {} | {} |",
                    t.day.format("%a %-d %b %Y"),
                    score(s.personal),
                    score(s.work),
                    score(s.client)
                );
            }
        }
        let _ = writeln!(m, "\n_{CITATION}_");
    }
    let left_out = if r.sources_included { "private notes are" } else { "private notes and source names are" };
    let _ = writeln!(m, "\n_Times in {}. Made with Loadline; {left_out} not included._", r.zone);
    m
}

#[cfg(test)]
mod tests {
    use super::plain;

    #[test]
    fn a_persons_text_stays_text() {
        for (text, want) in [
            ("Numbers for our 1:1.", "Numbers for our 1:1."),
            ("- not a list", "\\- not a list"),
            ("# not a heading", "\\# not a heading"),
            ("1. not numbered", "\\1. not numbered"),
            ("db_primary *fire*", "db\\_primary \\*fire\\*"),
            ("a | b", "a \\| b"),
        ] {
            assert_eq!(plain(text), want, "{text}");
        }
    }
}
