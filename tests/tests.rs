//! The core's integration tests: real SQLite files in temporary directories, no display.

mod support;

mod backups;
mod capture_git;
mod capture_ics;
mod capture_inbox;
mod capture_mapped;
mod capture_pagerduty;
mod classification;
mod cli;
mod engine;
mod export;
mod faults;
mod inputs;
mod properties;
mod reflection;
mod rules;
mod selfcheck;
mod store;
mod team;
mod versions;

mod weeks;
