//! One row per interruption, RFC 4180, UTF-8. Cells a spreadsheet would run as a formula are
//! neutralised with a leading apostrophe. A source is named as the report names it
//! (`export::sources`: its own name if shared, else "Service 1", "Person 1"), with its kind
//! beside it, so rows group as the report does. The columns are listed in the README ("CSV columns").

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::Write;

use crate::classify::Classifier;
use crate::error::{Error, Result};
use crate::export::sources::Sources;
use crate::export::{Include, Range};
use crate::rfc3339;
use crate::store::Store;

pub const COLUMNS: [&str; 17] = [
    "id",
    "start_utc",
    "start_local",
    "zone",
    "minutes",
    "channel",
    "source",
    "source_kind",
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
fn neutralise(cell: &str) -> Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{cell}")),
        _ => Cow::Borrowed(cell),
    }
}

/// A number as a cell, through one reused buffer.
fn number<W: Write>(out: &mut csv::Writer<W>, buf: &mut String, n: i64) -> csv::Result<()> {
    buf.clear();
    let _ = write!(buf, "{n}");
    out.write_field(buf.as_bytes())
}

fn bool_text(b: bool) -> &'static str {
    if b {
        "true"
    } else {
        "false"
    }
}

/// Writes the CSV to `w`, a row as each entry is read.
pub fn write(store: &Store, range: &Range, include: &Include, w: &mut (dyn Write + Send)) -> Result<()> {
    let timeline = store.timeline()?;
    let prefs = store.prefs()?;
    let mut named = Sources::new(&prefs, include.sources);
    let mut classifier = Classifier::new(&timeline);
    let mut out = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(w);
    let fail = |e: csv::Error| Error::io("cannot write the CSV", std::io::Error::other(e));
    out.write_record(COLUMNS).map_err(fail)?;
    let mut buf = String::new();
    store.each_entry_ahead(Some(range.instants()), |e| {
        let c = classifier.classify_ref(&e);
        let breaches: Vec<&str> = c
            .breaches
            .iter()
            .filter_map(|id| timeline.boundary_as_of(*id, e.start))
            .map(|b| if include.names { b.name.as_str() } else { b.category.name() })
            .collect();
        let tags: Vec<&str> = serde_json::from_str(e.tags_json)
            .map_err(|err| Error::invalid("tags", format!("stored value cannot be read: {err}")))?;
        // Cells go to the writer one by one; numbers through one reused buffer.
        number(&mut out, &mut buf, e.id).map_err(fail)?;
        out.write_field(rfc3339::utc(e.start).as_str()).map_err(fail)?;
        out.write_field(rfc3339::local(e.start, e.zone).as_str()).map_err(fail)?;
        out.write_field(e.zone.name()).map_err(fail)?;
        number(&mut out, &mut buf, e.minutes.into()).map_err(fail)?;
        let source = e.source.map(|s| named.index(s));
        let text = [
            e.channel,
            source.map_or("", |at| named.label(at)),
            source.map_or("", |at| named.kind(at).name()),
            e.severity.name(),
            bool_text(e.chosen),
            bool_text(e.delegable),
        ];
        for cell in text {
            out.write_field(neutralise(cell).as_bytes()).map_err(fail)?;
        }
        number(&mut out, &mut buf, c.after_hours_minutes.into()).map_err(fail)?;
        number(&mut out, &mut buf, c.sleep_minutes.into()).map_err(fail)?;
        out.write_field(bool_text(c.is_sacrifice())).map_err(fail)?;
        for cell in [breaches.join("; "), tags.join("; ")] {
            out.write_field(neutralise(&cell).as_bytes()).map_err(fail)?;
        }
        out.write_field(neutralise(if include.notes { e.note } else { "" }).as_bytes()).map_err(fail)?;
        out.write_record(None::<&[u8]>).map_err(fail)
    })?;
    out.flush().map_err(|e| Error::io("cannot write the CSV", e))
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
