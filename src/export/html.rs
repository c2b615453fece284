//! The summary report as one self-contained HTML file: inline CSS and SVG, no scripts and no
//! external resources, laid out to print on A4 or Letter.

use std::fmt::Write;

use chrono::{DateTime, Utc};

use crate::export::report::{describe_range, Report, WeekRow};
use crate::summary::format_minutes;

pub(crate) fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = r#"
@page { size: auto; margin: 16mm; }
:root { color-scheme: light; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: #1c2e47; margin: 0 auto; max-width: 46rem; padding: 2rem 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .2rem; }
h2 { font-size: 1.1rem; margin: 1.8rem 0 .6rem; border-bottom: 1px solid #d8dee6; padding-bottom: .2rem; }
.range { color: #51627a; margin: 0 0 1rem; }
.message { background: #f4efe6; border-left: 4px solid #f2b66d; padding: .6rem .9rem; margin: 1rem 0; white-space: pre-wrap; }
.tiles { display: grid; grid-template-columns: repeat(4, 1fr); gap: .6rem; }
.tile { border: 1px solid #d8dee6; border-radius: 8px; padding: .5rem .7rem; }
.tile b { display: block; font-size: 1.35rem; }
.tile span { color: #51627a; font-size: .85rem; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid #e6eaf0; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
.over { color: #a4561a; font-weight: 600; }
.charts { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
figure { margin: 0; }
figcaption { font-size: .85rem; color: #51627a; }
ul.summary li { margin: .2rem 0; }
footer { margin-top: 2rem; font-size: .8rem; color: #51627a; }
h2, table, figure { break-inside: avoid; }
h2 { break-after: avoid; }
"#;

/// A bar per week with the load line drawn as a step across it.
fn chart(title: &str, weeks: &[WeekRow], value: fn(&WeekRow) -> u32, line: fn(&WeekRow) -> u32, unit: &str) -> String {
    let (w, h, pad) = (320.0_f64, 150.0_f64, 22.0_f64);
    let max = weeks.iter().map(|r| value(r).max(line(r))).max().unwrap_or(0).max(1) as f64;
    let n = weeks.len().max(1) as f64;
    let slot = (w - pad) / n;
    let y = |v: u32| h - pad - (f64::from(v) / max) * (h - 2.0 * pad);
    let mut svg = format!(r#"<svg viewBox="0 0 {w} {h}" width="100%" role="img" aria-label="{}">"#, esc(title));
    let _ = write!(svg, r##"<line x1="{pad}" y1="{0}" x2="{w}" y2="{0}" stroke="#b9c3d0"/>"##, h - pad);
    for (i, r) in weeks.iter().enumerate() {
        let x = pad + i as f64 * slot;
        let fill = if r.over { "#f2b66d" } else { "#9cc3d5" };
        let top = y(value(r));
        let _ = write!(
            svg,
            r#"<rect x="{:.1}" y="{top:.1}" width="{:.1}" height="{:.1}" rx="2" fill="{fill}"><title>{}: {} {unit}</title></rect>"#,
            x + slot * 0.15,
            slot * 0.7,
            (h - pad - top).max(0.0),
            r.week,
            value(r)
        );
        let _ = write!(
            svg,
            r##"<line x1="{x:.1}" y1="{0:.1}" x2="{1:.1}" y2="{0:.1}" stroke="#2f4a6d" stroke-width="2" stroke-dasharray="4 3"/>"##,
            y(line(r)),
            x + slot
        );
    }
    if let (Some(first), Some(last)) = (weeks.first(), weeks.last()) {
        let _ = write!(svg, r##"<text x="{pad}" y="{}" font-size="10" fill="#51627a">{}</text>"##, h - 6.0, first.week);
        if weeks.len() > 1 {
            let _ = write!(
                svg,
                r##"<text x="{w}" y="{}" font-size="10" fill="#51627a" text-anchor="end">{}</text>"##,
                h - 6.0,
                last.week
            );
        }
    }
    let _ = write!(svg, r##"<text x="0" y="12" font-size="10" fill="#51627a">{}</text></svg>"##, max as u32);
    format!("<figure>{svg}<figcaption>{} (dashed: the load line)</figcaption></figure>", esc(title))
}

pub fn render(r: &Report, now: DateTime<Utc>) -> String {
    let mut h = String::new();
    let _ = write!(
        h,
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Loadline report, {}</title><style>{STYLE}</style></head><body>\n",
        esc(&describe_range(r.from, r.to))
    );
    let _ = write!(
        h,
        "<h1>After-hours load</h1><p class=\"range\">{} · times in {}</p>",
        esc(&describe_range(r.from, r.to)),
        r.zone
    );
    if let Some(message) = r.message.as_deref().filter(|m| !m.trim().is_empty()) {
        let _ = write!(h, "<div class=\"message\">{}</div>", esc(message));
    }
    let _ = write!(h, "<h2>Summary</h2><ul class=\"summary\">");
    for line in r.summary() {
        let _ = write!(h, "<li>{}</li>", esc(&line));
    }
    let _ = write!(h, "</ul><div class=\"tiles\">");
    let tiles = [
        (r.sacrifices.to_string(), "sacrifices".to_string()),
        (format_minutes(r.after_hours_minutes), format!("after hours ({}% of all)", r.after_hours_share())),
        (r.sleep_interruptions.to_string(), "in sleep hours".to_string()),
        (format!("{} of {}", r.weeks_over(), r.weeks.len()), "weeks over the load line".to_string()),
    ];
    for (value, label) in tiles {
        let _ = write!(h, "<div class=\"tile\"><b>{}</b><span>{}</span></div>", esc(&value), esc(&label));
    }
    let _ = write!(
        h,
        "</div><h2>Week by week</h2><div class=\"charts\">{}{}</div>",
        chart("Sacrifices per week", &r.weeks, |w| w.sacrifices, |w| w.load_sacrifices, "sacrifices"),
        chart("After-hours minutes per week", &r.weeks, |w| w.after_hours_minutes, |w| w.load_minutes, "minutes")
    );
    let _ = write!(h, "<table><thead><tr><th>Week</th><th class=\"n\">Sacrifices</th><th class=\"n\">After hours</th><th>Load line</th></tr></thead><tbody>");
    for w in &r.weeks {
        let verdict = if w.over { "<span class=\"over\">over</span>" } else { "under" };
        let _ = write!(
            h,
            "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{verdict} ({} · {})</td></tr>",
            w.week,
            w.sacrifices,
            esc(&format_minutes(w.after_hours_minutes)),
            w.load_sacrifices,
            esc(&format_minutes(w.load_minutes))
        );
    }
    let _ = write!(h, "</tbody></table>");
    let _ = write!(h, "<h2>How the sacrifices happened</h2><table><tbody><tr><td>Chosen (a conscious decision)</td><td class=\"n\">{}</td></tr><tr><td>Reactive</td><td class=\"n\">{}</td></tr><tr><td>Delegable with a runbook</td><td class=\"n\">{}</td></tr><tr><td>Minutes in sleep hours</td><td class=\"n\">{}</td></tr></tbody></table>", r.chosen, r.reactive, r.delegable, esc(&format_minutes(r.sleep_minutes)));
    if !r.non_negotiables.is_empty() {
        let by = if r.names_included { "Non-negotiables" } else { "Non-negotiables, by category" };
        let _ = write!(h, "<h2>{by}</h2><table><thead><tr><th></th><th class=\"n\">Breaches</th><th class=\"n\">Weeks kept</th></tr></thead><tbody>");
        for b in &r.non_negotiables {
            let kept = r.weeks.len() as u32 - b.weeks_breached.min(r.weeks.len() as u32);
            let _ = write!(
                h,
                "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{kept} of {}</td></tr>",
                esc(&b.label),
                b.breaches,
                r.weeks.len()
            );
        }
        let _ = write!(h, "</tbody></table>");
    }
    if !r.top_sources.is_empty() {
        let _ = write!(h, "<h2>Top sources: runbook candidates</h2><table><thead><tr><th></th><th class=\"n\">Sacrifices</th><th class=\"n\">Delegable</th></tr></thead><tbody>");
        for s in &r.top_sources {
            let _ = write!(
                h,
                "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
                esc(&s.label),
                s.sacrifices,
                s.delegable
            );
        }
        let _ = write!(h, "</tbody></table>");
    }
    let _ = writeln!(
        h,
        "<footer>Made with Loadline on {}. A sacrifice is an interruption outside working hours or inside a protected time. Private notes{} are not included.</footer></body></html>",
        now.format("%-d %b %Y"),
        if r.sources_included { "" } else { " and source names" }
    );
    h
}
