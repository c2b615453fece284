//! `loadline export --format team` (one's share file) and `loadline team` (the merge).

use std::path::Path;

use super::args::{ExportArgs, TeamArgs};
use super::{out, Context};
use crate::error::{quoted, Error, Result};
use crate::files;
use crate::store::Store;
use crate::team::render;
use crate::usecases::team::{self as usecase, ShareRequest};

pub fn share(store: &Store, args: ExportArgs, ctx: &mut Context) -> Result<i32> {
    if args.range.is_some() {
        return Err(Error::invalid("range", "a team share takes --from and --to (whole weeks), not --range"));
    }
    if args.message.is_some() {
        return Err(Error::invalid(
            "message",
            "a team share holds numbers only; put your message in the report instead",
        ));
    }
    let include_sources = match args.include.trim() {
        "" => false,
        "sources" => true,
        other => {
            return Err(Error::invalid(
                "include",
                format!("{}: a team share can include sources only; notes and names never leave in it", quoted(other)),
            ))
        }
    };
    let name = args
        .as_name
        .as_deref()
        .ok_or_else(|| Error::invalid("as", "name the name or pseudonym your team sees you by"))?;
    let passphrase = args.team_key.as_deref().ok_or_else(|| {
        Error::invalid("team-key", "give the passphrase your team agreed on (or set LOADLINE_TEAM_KEY)")
    })?;
    let request =
        ShareRequest { name, passphrase, from: args.from.as_deref(), to: args.to.as_deref(), include_sources };
    let file = usecase::share(store, &request, ctx.system_zone, ctx.now)?;
    write(&args.out, &file.to_json(), ctx)?;
    Ok(0)
}

pub fn merge(args: TeamArgs, ctx: &mut Context) -> Result<i32> {
    let format = args.format.trim().to_ascii_lowercase();
    if !["html", "md", "markdown", "json"].contains(&format.as_str()) {
        return Err(Error::invalid(
            "format",
            format!("{} is not a team report format; use html, md or json", quoted(&args.format)),
        ));
    }
    let paths: Vec<&Path> = args.files.iter().map(|p| p.as_path()).collect();
    let (report, files) = usecase::merge_files(&paths)?;
    let text = match format.as_str() {
        "json" => {
            let mut t = serde_json::to_string_pretty(&report).expect("a team report always serialises");
            t.push('\n');
            t
        }
        "html" => render::html(&report, files, ctx.now),
        _ => render::markdown(&report, files),
    };
    write(&args.out, &text, ctx)?;
    Ok(0)
}

/// To standard output for "-", else whole or not at all, owner-only.
fn write(path: &Path, text: &str, ctx: &mut Context) -> Result<()> {
    if path.as_os_str() == "-" {
        out(ctx, text)
    } else {
        files::write_private(path, text.as_bytes())
    }
}
