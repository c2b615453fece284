//! The team view: each person exports a share file of weekly totals keyed to the team's
//! passphrase (`share`); anyone with the files merges them into who carries the after-hours
//! load and which sources reach only one person (`merge`), as HTML or Markdown (`render`).
//! Nothing in a share file names a non-negotiable, holds a note or an entry's time.

pub mod merge;
pub mod render;
pub mod share;
