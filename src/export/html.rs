//! The summary report as one self-contained HTML file: inline CSS and SVG, no scripts and no
//! external resources, laid out for the person's paper (A4 or Letter, `paper.rs`).

use std::fmt::Write;

use chrono::{DateTime, Utc};

use crate::export::report::{describe_range, Report, SelfCheckRow, SourceRow, WeekRow};
use crate::paper::Paper;
use crate::selfcheck::{score_text as score, CITATION, NOT_A_DIAGNOSIS};
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

/// The page: calm on screen, and on paper every block stays whole (a heading with what follows
/// it, a tile, a chart, a table row), so no page holds a lone line. Nothing trails the last
/// table: what a footnote would say is in the header and the words box at the top.
const STYLE: &str = r#"
:root { color-scheme: light; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: #1c2e47; margin: 0 auto; max-width: 48rem; padding: 2rem 1.5rem; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
@media print { body { max-width: none; padding: 0; } }
h1 { font-size: 1.6rem; margin: 0; }
.owner { font-size: 1.1rem; font-weight: 600; margin: .15rem 0 0; }
.meta { color: #51627a; margin: .3rem 0 1rem; font-size: .9rem; }
h2 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; border-bottom: 1px solid #d8dee6; padding-bottom: .2rem; }
.words { border: 1px solid #c9d3df; border-radius: 8px; background: #f5f7fa; padding: .6rem .9rem; margin: 1rem 0; }
.words h2 { border: 0; margin: 0 0 .3rem; padding: 0; font-size: 1rem; }
.words dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem .9rem; margin: 0; font-size: .9rem; }
.words dt { font-weight: 650; }
.words dd { margin: 0; }
.message { background: #f4efe6; border-left: 4px solid #f2b66d; padding: .6rem .9rem; margin: 1rem 0; white-space: pre-wrap; }
.tiles { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: .6rem; }
.tile { border: 1px solid #d8dee6; border-radius: 8px; padding: .5rem .7rem; min-width: 0; }
.tile b { display: block; font-size: 1.3rem; line-height: 1.25; white-space: nowrap; font-variant-numeric: tabular-nums; }
.tile span { display: block; color: #51627a; font-size: .85rem; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid #e6eaf0; vertical-align: top; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.over { color: #8a4514; font-weight: 700; }
.note { color: #51627a; font-size: .9rem; margin: 0 0 .4rem; }
.legend { display: flex; flex-wrap: wrap; gap: .3rem 1.2rem; margin: 0 0 .4rem; font-size: .9rem; color: #33465f; }
.legend span { display: inline-flex; align-items: center; gap: .35rem; }
figure { margin: 0 0 .8rem; min-width: 0; }
.pair { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 0 1.4rem; align-items: start; }
.pair > section > h2 { margin-top: 1.2rem; }
figcaption { font-size: .9rem; font-weight: 600; color: #33465f; margin-bottom: .1rem; }
ul.summary { padding-left: 1.2rem; }
ul.summary li { margin: .2rem 0; }
h2 { break-after: avoid; page-break-after: avoid; }
.words, .tiles, .tile, figure, .legend, tr, .note { break-inside: avoid; page-break-inside: avoid; }
section.block, .pair { break-inside: avoid; page-break-inside: avoid; }
"#;

/// The page size and margins of the report's paper.
fn page_rule(paper: Paper) -> String {
    let size = if paper == Paper::Letter { "letter" } else { "A4" };
    format!("@page {{ size: {size}; margin: 15mm 16mm; }}")
}

/// Minutes as the chart labels them, in hours: "0.8 h", "2 h", "13.8 h".
pub fn hours(minutes: u32) -> String {
    let tenths = (minutes * 10 + 30) / 60;
    if tenths.is_multiple_of(10) {
        format!("{} h", tenths / 10)
    } else {
        format!("{}.{} h", tenths / 10, tenths % 10)
    }
}

const UNDER: &str = "#9cc3d5";
const OVER: &str = "#f2b66d";
const OVER_STRIPE: &str = "#8a4514";
const LINE: &str = "#2f4a6d";

/// A hatch for bars over the load line, so they differ from the others in grey print too.
fn hatch(id: &str) -> String {
    format!(
        r#"<defs><pattern id="{id}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="{OVER}"/><line x1="0" y1="0" x2="0" y2="6" stroke="{OVER_STRIPE}" stroke-width="2.4"/></pattern></defs>"#
    )
}

/// The key to both charts: the two kinds of bar and the dashed load line.
fn legend() -> String {
    let swatch = |fill: &str, defs: &str| {
        format!(
            r#"<svg width="16" height="12" viewBox="0 0 16 12" aria-hidden="true">{defs}<rect width="16" height="12" rx="2" fill="{fill}"/></svg>"#
        )
    };
    format!(
        r#"<div class="legend"><span>{} under the load line</span><span>{} over the load line (hatched)</span><span><svg width="22" height="12" viewBox="0 0 22 12" aria-hidden="true"><line x1="0" y1="6" x2="22" y2="6" stroke="{LINE}" stroke-width="2" stroke-dasharray="4 3"/></svg> the load line (the budget)</span></div>"#,
        swatch(UNDER, ""),
        swatch("url(#key-over)", &hatch("key-over"))
    )
}

/// Up to this many weeks, the two charts stand side by side.
const SIDE_BY_SIDE: usize = 7;

/// One of the week-by-week charts.
struct Chart {
    title: &'static str,
    /// Unique in the page, for the hatch pattern.
    id: &'static str,
    value: fn(&WeekRow) -> u32,
    line: fn(&WeekRow) -> u32,
    over: fn(&WeekRow) -> bool,
    label: fn(u32) -> String,
}

/// A bar per week, each labelled with its value, hatched when over its load line, which is drawn
/// as a dashed step across it. Up to 7 weeks two charts stand side by side; up to 13 the labels
/// stand level; beyond, they turn upright, and beyond 40 weeks every k-th bar is labelled (the
/// table below has every number).
fn chart(c: &Chart, weeks: &[WeekRow]) -> String {
    let n = weeks.len().max(1);
    let upright = n > 13;
    let w = if n <= SIDE_BY_SIDE { 320.0_f64 } else { 640.0_f64 };
    let (plot_left, plot_right) = (6.0_f64, w - 66.0);
    let top = if upright { 46.0 } else { 20.0 };
    let axis = top + 104.0;
    let h = axis + 18.0;
    let max = weeks.iter().map(|r| (c.value)(r).max((c.line)(r))).max().unwrap_or(0).max(1) as f64;
    let slot = (plot_right - plot_left) / n as f64;
    let bar = (slot * 0.62).min(56.0);
    let y = |v: u32| axis - (f64::from(v) / max) * (axis - top);
    let every = n.div_ceil(40);
    let week_every = n.div_ceil(13);
    let mut svg = format!(
        r#"<svg viewBox="0 0 {w} {h}" width="100%" role="img" aria-label="{}: a bar per week, with the load line">{}"#,
        esc(c.title),
        hatch(&format!("over-{}", c.id))
    );
    let _ = write!(svg, r##"<line x1="{plot_left}" y1="{axis}" x2="{plot_right}" y2="{axis}" stroke="#b9c3d0"/>"##);
    for (i, r) in weeks.iter().enumerate() {
        let x = plot_left + i as f64 * slot;
        let mid = x + slot / 2.0;
        let (value, over) = ((c.value)(r), (c.over)(r));
        let fill = if over { format!("url(#over-{})", c.id) } else { UNDER.to_string() };
        let bar_top = y(value);
        let label = (c.label)(value);
        let _ = write!(
            svg,
            r#"<rect x="{:.1}" y="{bar_top:.1}" width="{bar:.1}" height="{:.1}" rx="2" fill="{fill}"><title>{}: {} ({})</title></rect>"#,
            mid - bar / 2.0,
            (axis - bar_top).max(0.0),
            r.week,
            esc(&label),
            if over { "over the load line" } else { "under the load line" }
        );
        let _ = write!(
            svg,
            r#"<line x1="{x:.1}" y1="{0:.1}" x2="{1:.1}" y2="{0:.1}" stroke="{LINE}" stroke-width="2" stroke-dasharray="4 3"/>"#,
            y((c.line)(r)),
            x + slot
        );
        if i % every == 0 {
            let weight = if over { r#" font-weight="700""# } else { "" };
            let fill = if over { OVER_STRIPE } else { "#1c2e47" };
            // Above the bar, and above the load line where the line is higher.
            let above = bar_top.min(y((c.line)(r))) - 4.0;
            if upright {
                let _ = write!(
                    svg,
                    r#"<text transform="translate({:.1} {above:.1}) rotate(-90)" font-size="11"{weight} fill="{fill}">{}</text>"#,
                    mid + 4.0,
                    esc(&label)
                );
            } else {
                let _ = write!(
                    svg,
                    r#"<text x="{mid:.1}" y="{above:.1}" font-size="12"{weight} fill="{fill}" text-anchor="middle">{}</text>"#,
                    esc(&label)
                );
            }
        }
        if i % week_every == 0 {
            let _ = write!(
                svg,
                r##"<text x="{mid:.1}" y="{:.1}" font-size="11" fill="#51627a" text-anchor="middle">W{:02}</text>"##,
                axis + 15.0,
                r.week.number()
            );
        }
    }
    if let Some(last) = weeks.last() {
        let _ = write!(
            svg,
            r#"<text x="{:.1}" y="{:.1}" font-size="11" fill="{LINE}">budget {}</text>"#,
            plot_right + 6.0,
            y((c.line)(last)) + 4.0,
            esc(&(c.label)((c.line)(last)))
        );
    }
    format!("<figure><figcaption>{}</figcaption>{svg}</svg></figure>", esc(c.title))
}

pub fn render(r: &Report, now: DateTime<Utc>) -> String {
    let mut h = String::new();
    let range = describe_range(r.from, r.to);
    let title = match &r.owner {
        Some(owner) => format!("After-hours load, {owner}, {range}"),
        None => format!("After-hours load, {range}"),
    };
    let _ = write!(
        h,
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{}</title><style>{}{STYLE}</style></head><body>\n",
        esc(&title),
        page_rule(r.paper)
    );
    let _ = write!(h, "<header><h1>After-hours load</h1>");
    if let Some(owner) = &r.owner {
        let _ = write!(h, "<p class=\"owner\">{}</p>", esc(owner));
    }
    let left_out = if r.sources_included { "Private notes are" } else { "Private notes and source names are" };
    let _ = write!(
        h,
        "<p class=\"meta\">{} · times in {} · made with Loadline on {}. {left_out} not included.</p></header>",
        esc(&range),
        r.zone,
        now.format("%-d %b %Y")
    );
    if let Some(message) = r.message.as_deref().filter(|m| !m.trim().is_empty()) {
        let _ = write!(h, "<div class=\"message\">{}</div>", esc(message));
    }
    let _ =
        write!(h, "<section class=\"words\" aria-labelledby=\"words\"><h2 id=\"words\">What these words mean</h2><dl>");
    for (word, meaning) in r.definitions() {
        let _ = write!(h, "<dt>{word}</dt><dd>{}</dd>", esc(&meaning));
    }
    let _ = write!(h, "</dl></section>");
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
    let charts = [
        Chart {
            title: "Sacrifices per week",
            id: "sacrifices",
            value: |w| w.sacrifices,
            line: |w| w.load_sacrifices,
            over: |w| w.over_sacrifices,
            label: |n| n.to_string(),
        },
        Chart {
            title: "After-hours time per week, in hours",
            id: "hours",
            value: |w| w.after_hours_minutes,
            line: |w| w.load_minutes,
            over: |w| w.over_minutes,
            label: hours,
        },
    ];
    let pair = if r.weeks.len() <= SIDE_BY_SIDE { " pair" } else { "" };
    let _ = write!(h, "</div><h2>Week by week</h2>{}<div class=\"charts{pair}\">", legend());
    for c in &charts {
        h.push_str(&chart(c, &r.weeks));
    }
    h.push_str("</div>");
    let _ = write!(h, "<table><thead><tr><th>Week</th><th class=\"n\">Sacrifices</th><th class=\"n\">After hours</th><th>Load line</th></tr></thead><tbody>");
    for w in &r.weeks {
        let verdict = if w.over { "<span class=\"over\">over</span>" } else { "under" };
        let _ = write!(
            h,
            "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{verdict} · {}</td></tr>",
            w.week,
            w.sacrifices,
            esc(&format_minutes(w.after_hours_minutes)),
            esc(&w.budget())
        );
    }
    let _ = write!(h, "</tbody></table>");
    let _ = write!(h, "<div class=\"pair\"><section class=\"block\"><h2>How the sacrifices happened</h2><table><tbody><tr><td>Chosen (a conscious decision)</td><td class=\"n\">{}</td></tr><tr><td>Reactive</td><td class=\"n\">{}</td></tr><tr><td>Delegable with a runbook</td><td class=\"n\">{}</td></tr><tr><td>Time in sleep hours</td><td class=\"n\">{}</td></tr></tbody></table></section>", r.chosen, r.reactive, r.delegable, esc(&format_minutes(r.sleep_minutes)));
    if !r.non_negotiables.is_empty() {
        let by = if r.names_included { "Non-negotiables" } else { "Non-negotiables, by category" };
        let _ = write!(h, "<section class=\"block\"><h2>{by}</h2><table><thead><tr><th></th><th class=\"n\">Breaches</th><th class=\"n\">Weeks kept</th></tr></thead><tbody>");
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
        let _ = write!(h, "</tbody></table></section>");
    }
    h.push_str("</div>");
    if !r.top_services.is_empty() || !r.top_people.is_empty() {
        h.push_str("<div class=\"pair\">");
    }
    sources(
        &mut h,
        "Services: runbook candidates",
        "The services behind the most sacrifices. Delegable: someone else could have handled it with a runbook.",
        &r.top_services,
    );
    sources(
        &mut h,
        "People who asked",
        "People are not runbook candidates. Delegable: someone else could have answered.",
        &r.top_people,
    );
    if !r.top_services.is_empty() || !r.top_people.is_empty() {
        h.push_str("</div>");
    }
    if let Some(takes) = &r.selfcheck {
        selfcheck(&mut h, takes);
    }
    let _ = writeln!(h, "</body></html>");
    h
}

/// The self-check's scores the person chose to share; its answers never leave.
fn selfcheck(h: &mut String, takes: &[SelfCheckRow]) {
    let _ = write!(
        h,
        "<section class=\"block\"><h2>Self-check</h2><p class=\"note\">The monthly self-check (the Copenhagen Burnout Inventory), each scale from 0 to 100 (higher: more burnout), shared by choice; the answers stay private. {}</p>",
        esc(NOT_A_DIAGNOSIS)
    );
    if takes.is_empty() {
        let _ = write!(h, "<p>No self-check was taken in these weeks.</p>");
    } else {
        let _ = write!(h, "<table><thead><tr><th>Taken</th><th class=\"n\">Personal</th><th class=\"n\">Work-related</th><th class=\"n\">Client-related</th></tr></thead><tbody>");
        for t in takes {
            let s = t.scores;
            let _ = write!(
                h,
                "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
                t.day.format("%a %-d %b %Y"),
                score(s.personal),
                score(s.work),
                score(s.client)
            );
        }
        let _ = write!(h, "</tbody></table>");
    }
    let _ = write!(h, "<p class=\"note\">{}</p></section>", esc(CITATION));
}

fn sources(h: &mut String, title: &str, note: &str, rows: &[SourceRow]) {
    if rows.is_empty() {
        return;
    }
    let _ = write!(h, "<section class=\"block\"><h2>{title}</h2><p class=\"note\">{note}</p><table><thead><tr><th></th><th class=\"n\">Sacrifices</th><th class=\"n\">Delegable</th></tr></thead><tbody>");
    for s in rows {
        let _ = write!(
            h,
            "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
            esc(&s.label),
            s.sacrifices,
            s.delegable
        );
    }
    let _ = write!(h, "</tbody></table></section>");
}

#[cfg(test)]
mod tests {
    use super::hours;

    #[test]
    fn chart_labels_are_hours_to_a_tenth() {
        for (minutes, want) in
            [(0, "0 h"), (2, "0 h"), (3, "0.1 h"), (45, "0.8 h"), (120, "2 h"), (830, "13.8 h"), (597, "10 h")]
        {
            assert_eq!(hours(minutes), want, "{minutes} min");
        }
    }
}
