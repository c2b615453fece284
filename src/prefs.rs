//! Preferences that classify nothing, so they are not versioned: the person's home zone for
//! weeks and reports, and the like.

use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Result;
use crate::notices::ReflectionTime;
use crate::reminders::Thresholds;
use crate::zone::parse_zone;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct Prefs {
    /// IANA zone for weeks and reports; `None` follows the system's zone.
    pub zone: Option<String>,
    /// The reminder rules' thresholds.
    pub thresholds: Thresholds,
    /// "Pause all warnings" (a vacation): nothing is announced until it is turned off.
    pub warnings_paused: bool,
    /// When the weekly reflection reminder comes.
    pub reflection: ReflectionTime,
}

impl Prefs {
    /// The zone weeks are counted in: the one set here, else the system's.
    pub fn home_zone(&self, system: Tz) -> Result<Tz> {
        self.zone.as_deref().map_or(Ok(system), |name| parse_zone("zone", name))
    }

    pub fn validate(&self) -> Result<()> {
        if let Some(zone) = &self.zone {
            parse_zone("zone", zone)?;
        }
        self.thresholds.validate()
    }
}
