//! How an export names a source: by its own name when the person shares source names, else by a
//! pseudonym of its kind, "Service 1", "Person 1", numbered in the order the sources first appear
//! in the range. The report and the CSV both name sources through one `Sources`, reading the
//! same entries in the same order, so a CSV's rows group under the report's names.

use std::collections::HashMap;

use crate::prefs::{Prefs, SourceKind};

/// The sources seen so far in a range, each with its kind and the name an export gives it.
pub struct Sources<'p> {
    prefs: &'p Prefs,
    share: bool,
    known: HashMap<String, usize>,
    named: Vec<(String, SourceKind)>,
    services: u32,
    people: u32,
}

impl<'p> Sources<'p> {
    /// `share`: the person ticked "source names".
    pub fn new(prefs: &'p Prefs, share: bool) -> Sources<'p> {
        Sources { prefs, share, known: HashMap::new(), named: Vec::new(), services: 0, people: 0 }
    }

    /// The index of `source`, giving it its kind and name the first time it is seen.
    pub fn index(&mut self, source: &str) -> usize {
        if let Some(&at) = self.known.get(source) {
            return at;
        }
        let kind = self.prefs.source_kind(source);
        let label = if self.share {
            source.to_string()
        } else {
            let n = match kind {
                SourceKind::Service => &mut self.services,
                SourceKind::Person => &mut self.people,
            };
            *n += 1;
            match kind {
                SourceKind::Service => format!("Service {n}"),
                SourceKind::Person => format!("Person {n}"),
            }
        };
        self.named.push((label, kind));
        self.known.insert(source.to_string(), self.named.len() - 1);
        self.named.len() - 1
    }

    /// What an export calls the source at `index`.
    pub fn label(&self, index: usize) -> &str {
        &self.named[index].0
    }

    pub fn kind(&self, index: usize) -> SourceKind {
        self.named[index].1
    }
}

#[cfg(test)]
mod tests {
    use super::Sources;
    use crate::prefs::{Prefs, SourceKind};

    #[test]
    fn pseudonyms_count_services_and_people_apart_in_order_of_appearance() {
        let prefs = Prefs { people: vec!["sarah (PM)".into()], ..Prefs::default() };
        let mut s = Sources::new(&prefs, false);
        let seen: Vec<usize> =
            ["db-primary", "Sarah (PM)", "billing", "db-primary", "SARAH (pm)"].iter().map(|x| s.index(x)).collect();
        let named: Vec<(&str, SourceKind)> = seen.iter().map(|&i| (s.label(i), s.kind(i))).collect();
        assert_eq!(
            named,
            [
                ("Service 1", SourceKind::Service),
                ("Person 1", SourceKind::Person),
                ("Service 2", SourceKind::Service),
                ("Service 1", SourceKind::Service),
                ("Person 2", SourceKind::Person),
            ],
            "a person is matched without regard to case, a source is named as it was logged"
        );
        let mut shared = Sources::new(&prefs, true);
        let at = shared.index("Sarah (PM)");
        assert_eq!((shared.label(at), shared.kind(at)), ("Sarah (PM)", SourceKind::Person));
    }
}
