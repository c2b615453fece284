//! The team report as printable HTML (the personal report's look) and as Markdown.

use std::fmt::Write;

use chrono::{DateTime, Duration, Utc};

use super::merge::{percent, TeamReport, IDEAL_SHARE, MOST_SHARE, SPOF_SACRIFICES, SPOF_WEEKS};
use crate::export::{esc, plain as md};
use crate::summary::plural;
use crate::week::IsoWeek;

const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/// "2026-W40 to 2026-W48 (28 Sep – 29 Nov 2026)".
pub fn describe_weeks(from: IsoWeek, to: IsoWeek) -> String {
    let first = from.monday();
    let last = to.monday() + Duration::days(6);
    let span = if from == to { format!("{from}") } else { format!("{from} to {to}") };
    format!("{span} ({} – {})", first.format("%-d %b"), last.format("%-d %b %Y"))
}

/// Hours with one decimal: the team view compares people, and minutes would hide the scale.
fn hours(minutes: u32) -> String {
    format!("{:.1} h", f64::from(minutes) / 60.0)
}

const WORDS: [(&str, &str); 4] = [
    ("Sacrifice", "an interruption with after-hours minutes or a breach of a non-negotiable"),
    ("After hours", "outside the person's own working hours"),
    ("Sleep-hour interruption", "a sacrifice that reached into the person's sleep hours"),
    ("Single point of failure", "a source behind 3 or more sacrifices in 4 weeks that reaches only one person"),
];

const STYLE: &str = r#"
@page { size: auto; margin: 16mm; }
:root { color-scheme: light; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: #1c2e47; margin: 0 auto; max-width: 50rem; padding: 2rem 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .2rem; }
h2 { font-size: 1.1rem; margin: 1.8rem 0 .6rem; border-bottom: 1px solid #d8dee6; padding-bottom: .2rem; }
.range { color: #51627a; margin: 0 0 1rem; }
.verdict { font-size: 1.15rem; font-weight: 600; margin: .8rem 0; }
.words { border: 1px solid #d8dee6; border-radius: 8px; padding: .4rem .8rem; font-size: .85rem; color: #33455e; }
.words dt { font-weight: 600; display: inline; }
.words dd { display: inline; margin: 0; }
.words div { margin: .15rem 0; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid #e6eaf0; white-space: nowrap; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
.over { color: #a4561a; font-weight: 600; }
.bar { display: inline-block; height: .7rem; background: #2f6db5; vertical-align: middle; margin-right: .4rem; }
.bar.over { background: repeating-linear-gradient(45deg, #a4561a 0 4px, #d9894a 4px 8px); }
.heat td { width: 1.4rem; height: 1.3rem; padding: 0; text-align: center; font-size: .7rem; border: 1px solid #fff; }
.heat th { font-size: .7rem; font-weight: 400; color: #51627a; padding: 0 .2rem; }
footer { margin-top: 2rem; font-size: .8rem; color: #51627a; }
h2, table, .words { break-inside: avoid; }
h2 { break-after: avoid; }
"#;

pub fn html(r: &TeamReport, files: usize, now: DateTime<Utc>) -> String {
    let mut h = String::new();
    let _ = write!(
        h,
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>Team after-hours load</title><style>{STYLE}</style></head><body>\n"
    );
    let _ = writeln!(h, "<h1>Team after-hours load</h1>");
    let _ = writeln!(
        h,
        "<p class=\"range\">{} · {}</p>",
        esc(&describe_weeks(r.range.from, r.range.to)),
        plural(r.people.len() as u32, "person", "people")
    );
    let _ = writeln!(h, "<p class=\"verdict\">{}</p>", esc(&r.verdict));
    let _ = writeln!(h, "<ul>");
    for step in &r.next_steps {
        let _ = writeln!(h, "<li>{}</li>", esc(step));
    }
    let _ = writeln!(h, "</ul>");
    let _ = writeln!(h, "<dl class=\"words\">");
    for (word, meaning) in WORDS {
        let _ = writeln!(h, "<div><dt>{word}:</dt> <dd>{meaning}.</dd></div>");
    }
    let _ = writeln!(
        h,
        "<div><dt>Shares:</dt> <dd>nobody should carry more than {} of the team's after-hours load, ideally no more than {}.</dd></div></dl>",
        percent(MOST_SHARE),
        percent(IDEAL_SHARE)
    );

    let _ = writeln!(h, "<h2>Who carries it</h2>\n<table><thead><tr><th>Person</th><th>Share of after-hours</th><th class=\"n\">After hours</th><th class=\"n\">Sacrifices</th><th class=\"n\">Sleep-hour interruptions</th><th class=\"n\">Share of sleep</th><th class=\"n\">Disrupted hours</th></tr></thead><tbody>");
    for p in &r.people {
        let over = p.over_half;
        let class = if over { " over" } else { "" };
        let width = (p.share_after_hours * 8.0 * 10.0).round() / 10.0;
        let _ = writeln!(
            h,
            "<tr><td>{}</td><td><span class=\"bar{class}\" style=\"width:{width}rem\"></span><span class=\"{}\">{}{}</span></td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
            esc(&p.name),
            if over { "over" } else { "" },
            percent(p.share_after_hours),
            if over { " (over half)" } else { "" },
            hours(p.after_hours_minutes),
            p.sacrifices,
            p.sleep_interruptions,
            percent(p.share_sleep),
            p.disrupted_hours
        );
    }
    let _ = writeln!(
        h,
        "</tbody><tfoot><tr><th>Team</th><th></th><th class=\"n\">{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th><th></th><th></th></tr></tfoot></table>",
        hours(r.after_hours_minutes),
        r.sacrifices,
        r.sleep_interruptions
    );

    let _ = writeln!(h, "<h2>Week by week (after hours)</h2>\n<table><thead><tr><th>Week</th>");
    for p in &r.people {
        let _ = write!(h, "<th class=\"n\">{}</th>", esc(&p.name));
    }
    let _ = writeln!(h, "</tr></thead><tbody>");
    for (n, week) in r.weeks.iter().enumerate() {
        let _ = write!(h, "<tr><td>{week}</td>");
        for p in &r.people {
            let w = &p.weeks[n];
            let _ = write!(
                h,
                "<td class=\"n\">{} · {}</td>",
                hours(w.after_hours_minutes),
                plural(w.sacrifices, "sacrifice", "sacrifices")
            );
        }
        let _ = writeln!(h, "</tr>");
    }
    let _ = writeln!(h, "</tbody></table>");

    let _ = writeln!(h, "<h2>Sources that reach the team</h2>");
    if r.sources.is_empty() {
        let _ = writeln!(h, "<p>No file names a source.</p>");
    } else {
        let _ = writeln!(h, "<table><thead><tr><th>Source</th><th class=\"n\">People it reaches</th><th class=\"n\">Sacrifices</th><th class=\"n\">Most in {SPOF_WEEKS} weeks</th><th></th></tr></thead><tbody>");
        for s in &r.sources {
            let flag = if s.single_person {
                format!(
                    "<span class=\"over\">single point of failure: reaches only {}</span>",
                    esc(s.only.as_deref().unwrap_or_default())
                )
            } else {
                String::new()
            };
            let _ = writeln!(
                h,
                "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{flag}</td></tr>",
                esc(&s.label),
                s.people,
                s.sacrifices,
                s.most_in_window
            );
        }
        let _ = writeln!(h, "</tbody></table>");
        let _ = writeln!(h, "<p class=\"range\">Sources are matched by a hash of their name keyed with the team's passphrase; a name shows only where someone chose to include it. A single point of failure: {SPOF_SACRIFICES} or more sacrifices in {SPOF_WEEKS} weeks, one person reached.</p>");
    }

    let max = r.heatmap.iter().flatten().copied().max().unwrap_or(0);
    let _ = writeln!(h, "<h2>When after-hours interruptions start</h2>\n<table class=\"heat\"><thead><tr><th></th>");
    for hour in 0..24 {
        let _ = write!(h, "<th>{hour:02}</th>");
    }
    let _ = writeln!(h, "</tr></thead><tbody>");
    for (d, row) in r.heatmap.iter().enumerate() {
        let _ = write!(h, "<tr><th>{}</th>", DAYS[d]);
        for &n in row {
            if n == 0 {
                let _ = write!(h, "<td></td>");
            } else {
                // Darker for more, and the count written in: it reads in grey print too.
                let alpha = 0.15 + 0.85 * f64::from(n) / f64::from(max.max(1));
                let ink = if alpha > 0.55 { "#fff" } else { "#1c2e47" };
                let _ = write!(h, "<td style=\"background:rgba(47,109,181,{alpha:.2});color:{ink}\">{n}</td>");
            }
        }
        let _ = writeln!(h, "</tr>");
    }
    let _ = writeln!(h, "</tbody></table>");
    if !r.breaches.is_empty() {
        let listed: Vec<String> = r.breaches.iter().map(|(c, n)| format!("{c} {n}")).collect();
        let _ = writeln!(h, "<p>Non-negotiables breached, by kind: {}.</p>", esc(&listed.join(", ")));
    }
    let _ = writeln!(
        h,
        "<footer>Merged by Loadline on {} from {}. Each person chose what to share: weekly totals only, no notes, no entry times, no names of non-negotiables.</footer>\n</body></html>",
        now.format("%Y-%m-%d"),
        plural(files as u32, "share file", "share files")
    );
    h
}

pub fn markdown(r: &TeamReport, files: usize) -> String {
    let mut m = String::new();
    let _ = writeln!(m, "# Team after-hours load: {}\n", describe_weeks(r.range.from, r.range.to));
    let _ = writeln!(m, "**{}**\n", md(&r.verdict));
    for step in &r.next_steps {
        let _ = writeln!(m, "- {}", md(step));
    }
    let _ = writeln!(m);
    for (word, meaning) in WORDS {
        let _ = writeln!(m, "> **{word}**: {meaning}.  ");
    }
    let _ = writeln!(
        m,
        "> **Shares**: nobody should carry more than {}, ideally no more than {}.\n",
        percent(MOST_SHARE),
        percent(IDEAL_SHARE)
    );
    let _ = writeln!(
        m,
        "| Person | Share of after-hours | After hours | Sacrifices | Sleep-hour interruptions | Share of sleep |"
    );
    let _ = writeln!(m, "| --- | ---: | ---: | ---: | ---: | ---: |");
    for p in &r.people {
        let _ = writeln!(
            m,
            "| {} | {}{} | {} | {} | {} | {} |",
            md(&p.name),
            percent(p.share_after_hours),
            if p.over_half { " (over half)" } else { "" },
            hours(p.after_hours_minutes),
            p.sacrifices,
            p.sleep_interruptions,
            percent(p.share_sleep)
        );
    }
    if !r.sources.is_empty() {
        let _ = writeln!(m, "\n| Source | People it reaches | Sacrifices | Most in {SPOF_WEEKS} weeks | |");
        let _ = writeln!(m, "| --- | ---: | ---: | ---: | --- |");
        for s in &r.sources {
            let flag = if s.single_person {
                format!("single point of failure: reaches only {}", md(s.only.as_deref().unwrap_or_default()))
            } else {
                String::new()
            };
            let _ =
                writeln!(m, "| {} | {} | {} | {} | {flag} |", md(&s.label), s.people, s.sacrifices, s.most_in_window);
        }
    }
    let _ = writeln!(
        m,
        "\nMerged by Loadline from {}: weekly totals only, as each person chose to share them.",
        plural(files as u32, "share file", "share files")
    );
    m
}
