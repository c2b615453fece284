//! Non-negotiables: what the person protects. Each has a name, a category, weekly windows in
//! local time (possibly none: then only entries marked as costing it breach it), an allowance
//! of breaches per week, and a paused flag for vacations.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{quoted, Error, Result};
use crate::schedule::Window;

pub const MAX_NAME_CHARS: usize = 80;
pub const MAX_WINDOWS: usize = 14;
pub const MAX_ALLOWANCE: u32 = 100;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum Category {
    Family,
    Health,
    Sleep,
    Rest,
    Hobby,
    Values,
}

impl Category {
    pub const ALL: [Category; 6] =
        [Category::Family, Category::Health, Category::Sleep, Category::Rest, Category::Hobby, Category::Values];

    pub fn name(self) -> &'static str {
        ["family", "health", "sleep", "rest", "hobby", "values"][self as usize]
    }
}

impl FromStr for Category {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        Category::ALL.into_iter().find(|c| c.name().eq_ignore_ascii_case(s.trim())).ok_or_else(|| {
            Error::invalid(
                "category",
                format!("{} is not a category; use family, health, sleep, rest, hobby or values", quoted(s)),
            )
        })
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One version of a non-negotiable.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Boundary {
    pub name: String,
    pub category: Category,
    pub windows: Vec<Window>,
    /// Breaches a week that are acceptable.
    pub allowance: u32,
    pub paused: bool,
}

impl Boundary {
    /// Trims the name and checks every field.
    pub fn checked(mut self) -> Result<Boundary> {
        self.name = self.name.trim().to_string();
        if self.name.is_empty() {
            return Err(Error::invalid("name", "must not be empty"));
        }
        if self.name.chars().count() > MAX_NAME_CHARS || self.name.chars().any(char::is_control) {
            return Err(Error::invalid("name", format!("must be at most {MAX_NAME_CHARS} characters on one line")));
        }
        if self.windows.len() > MAX_WINDOWS {
            return Err(Error::invalid("windows", format!("at most {MAX_WINDOWS}; got {}", self.windows.len())));
        }
        for w in &self.windows {
            w.validate()?;
        }
        if self.allowance > MAX_ALLOWANCE {
            return Err(Error::invalid(
                "allowance",
                format!("must be from 0 to {MAX_ALLOWANCE} a week; got {}", self.allowance),
            ));
        }
        Ok(self)
    }
}

/// A non-negotiable as the settings form edits it: windows as text, checked one by one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BoundaryInput {
    pub name: String,
    pub category: String,
    pub windows: Vec<String>,
    pub allowance: i64,
    pub paused: bool,
}

impl BoundaryInput {
    pub fn resolve(&self) -> Result<Boundary> {
        let windows = self
            .windows
            .iter()
            .enumerate()
            .filter(|(_, w)| !w.trim().is_empty())
            .map(|(n, w)| Window::parse(w).map_err(|e| e.relabel(&format!("windows[{n}]"))))
            .collect::<Result<Vec<_>>>()?;
        let allowance = u32::try_from(self.allowance).map_err(|_| {
            Error::invalid("allowance", format!("must be from 0 to {MAX_ALLOWANCE} a week; got {}", self.allowance))
        })?;
        Boundary { name: self.name.clone(), category: self.category.parse()?, windows, allowance, paused: self.paused }
            .checked()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dinner() -> Boundary {
        Boundary {
            name: " Family dinner ".into(),
            category: Category::Family,
            windows: vec![Window::parse("Mon-Fri 18:00-20:00").unwrap()],
            allowance: 0,
            paused: false,
        }
    }

    #[test]
    fn a_boundary_is_trimmed_and_checked() {
        assert_eq!(dinner().checked().unwrap().name, "Family dinner");
        assert!(Boundary { name: "  ".into(), ..dinner() }.checked().unwrap_err().to_string().starts_with("name:"));
        assert!(Boundary { allowance: 101, ..dinner() }.checked().unwrap_err().to_string().starts_with("allowance:"));
    }

    #[test]
    fn windows_travel_as_text() {
        let json = serde_json::to_string(&dinner()).unwrap();
        assert!(json.contains(r#""windows":["Mon-Fri 18:00-20:00"]"#), "{json}");
        let back: Boundary = serde_json::from_str(&json).unwrap();
        assert_eq!(back, dinner());
        let bad = json.replace("18:00-20:00", "18:00-18:00");
        assert!(serde_json::from_str::<Boundary>(&bad).is_err());
    }

    #[test]
    fn categories_are_a_closed_list() {
        assert_eq!("Health".parse::<Category>().unwrap(), Category::Health);
        assert!("work".parse::<Category>().unwrap_err().to_string().starts_with("category:"));
    }
}
