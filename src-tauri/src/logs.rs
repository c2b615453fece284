//! The app's log: a daily file in `<data dir>/logs` (the last 7 kept) and standard error.
//! No log line carries a note's text: entries are logged by id only.

use std::path::{Path, PathBuf};

use tracing_appender::rolling::{RollingFileAppender, Rotation};
use tracing_subscriber::fmt::writer::MakeWriterExt;
use tracing_subscriber::EnvFilter;

pub fn dir(data_dir: &Path) -> PathBuf {
    data_dir.join("logs")
}

/// Starts logging; a log directory that cannot be made leaves standard error only.
pub fn init(data_dir: &Path) {
    let filter = EnvFilter::try_from_env("LOADLINE_LOG").unwrap_or_else(|_| EnvFilter::new("info"));
    let mut owner_only = std::fs::DirBuilder::new();
    owner_only.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut owner_only, 0o700);
    let _ = owner_only.create(dir(data_dir));
    let file = RollingFileAppender::builder()
        .rotation(Rotation::DAILY)
        .filename_prefix("loadline")
        .filename_suffix("log")
        .max_log_files(7)
        .build(dir(data_dir));
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_ansi(false);
    match file {
        Ok(file) => builder.with_writer(std::io::stderr.and(file)).init(),
        Err(e) => {
            builder.with_writer(std::io::stderr).init();
            tracing::warn!("no log file in {}: {e}", dir(data_dir).display());
        }
    }
}
