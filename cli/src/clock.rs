//! The only place that reads the system clock and the system's time zone; the core is handed
//! both. The desktop app uses this one too.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

pub fn now() -> DateTime<Utc> {
    Utc::now()
}

/// `TZ` if it names an IANA zone, else the system's zone (/etc/localtime), else UTC.
pub fn system_zone() -> Tz {
    let from_env = std::env::var("TZ").ok().and_then(|v| v.trim_start_matches(':').parse::<Tz>().ok());
    from_env.or_else(|| iana_time_zone::get_timezone().ok()?.parse().ok()).unwrap_or(Tz::UTC)
}
