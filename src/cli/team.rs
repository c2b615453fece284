//! `loadline team`: the team's share files merged into one report. (One's own share file is an
//! export: `loadline export --format team`.)

use std::path::Path;

use super::args::TeamArgs;
use super::{out, Context};
use crate::error::Result;
use crate::files;
use crate::usecases::team as usecase;

pub fn merge(args: TeamArgs, ctx: &mut Context) -> Result<i32> {
    let paths: Vec<&Path> = args.files.iter().map(|p| p.as_path()).collect();
    let document = usecase::document(&paths, &args.format, ctx.now)?;
    if args.out.as_os_str() == "-" {
        out(ctx, &document.text)
    } else {
        files::write_private(&args.out, document.text.as_bytes())
    }?;
    Ok(0)
}
