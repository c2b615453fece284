//! The clock and the system zone, read where the CLI reads them: the core is handed both.

pub use loadline_cli::clock::{now, system_zone};
