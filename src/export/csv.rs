//! One row per interruption, RFC 4180, UTF-8. Cells a spreadsheet would run as a formula are
//! neutralised with a leading apostrophe. Columns are documented in docs/export-formats.md.

use crate::error::{Error, Result};
use crate::export::{Include, Range};
use crate::store::Store;
use crate::summary::Entry;

pub const COLUMNS: [&str; 16] = [
    "id",
    "start_utc",
    "start_local",
    "zone",
    "minutes",
    "channel",
    "source",
    "severity",
    "chosen",
    "delegable",
    "after_hours_minutes",
    "sleep_minutes",
    "sacrifice",
    "breaches",
    "tags",
    "note",
];

/// Spreadsheets treat these first characters as the start of a formula.
fn neutralise(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_string(),
    }
}

pub fn render(store: &Store, range: &Range, include: &Include) -> Result<String> {
    let timeline = store.timeline()?;
    let entries = store.interruptions(Some(range.instants()))?;
    let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new());
    let fail = |e: csv::Error| Error::io("cannot write the CSV", std::io::Error::other(e));
    w.write_record(COLUMNS).map_err(fail)?;
    for i in &entries {
        let e = Entry::new(i, &timeline);
        let breaches: Vec<String> = e
            .breaches
            .iter()
            .filter_map(|id| timeline.boundary_as_of(*id, i.entry.start))
            .map(|b| if include.names { b.name.clone() } else { b.category.to_string() })
            .collect();
        let source = if include.sources { e.source.clone().unwrap_or_default() } else { String::new() };
        let note = if include.notes { e.note.clone() } else { String::new() };
        let row = [
            e.id.to_string(),
            i.entry.start.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
            e.start.clone(),
            e.zone.clone(),
            e.minutes.to_string(),
            e.channel.clone(),
            source,
            e.severity.to_string(),
            e.chosen.to_string(),
            e.delegable.to_string(),
            e.after_hours_minutes.to_string(),
            e.sleep_minutes.to_string(),
            e.sacrifice.to_string(),
            breaches.join("; "),
            e.tags.join("; "),
            note,
        ];
        w.write_record(row.iter().map(|c| neutralise(c))).map_err(fail)?;
    }
    let bytes = w.into_inner().map_err(|e| Error::io("cannot write the CSV", std::io::Error::other(e.to_string())))?;
    Ok(String::from_utf8(bytes).expect("every cell is UTF-8"))
}

#[cfg(test)]
mod tests {
    use super::neutralise;

    #[test]
    fn formula_cells_are_neutralised() {
        for (cell, want) in [
            ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"),
            ("+cmd|calc", "'+cmd|calc"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("db-primary", "db-primary"),
            ("", ""),
        ] {
            assert_eq!(neutralise(cell), want);
        }
    }
}
