//! `loadline selfcheck`: the takes, taking one, correcting today's, the questions.

use std::fmt::Write;

use super::args::{SelfcheckArgs, SelfcheckCommand};
use super::{json, out, read_stdin, typed, Context};
use crate::error::Result;
use crate::selfcheck::{score_text as score, Question, TakeInput, TakeView};
use crate::store::Store;
use crate::usecases::selfcheck as usecase;

pub fn run(store: &mut Store, args: SelfcheckArgs, ctx: &mut Context) -> Result<i32> {
    match args.command {
        None if args.json => json(ctx, &serde_json::json!({ "takes": usecase::takes(store, ctx.now)? }))?,
        None => {
            let view = usecase::view(store, ctx.system_zone, ctx.now)?;
            out(ctx, &list(&view.takes, &view.latest, &view.not_a_diagnosis))?;
        }
        Some(SelfcheckCommand::Take { json: path }) => {
            let input = read_take(&path, ctx)?;
            let take = usecase::take(store, &input, ctx.system_zone, ctx.now)?;
            out(ctx, &format!("{}\n", take.id))?;
        }
        Some(SelfcheckCommand::Correct { id, json: path }) => {
            let input = read_take(&path, ctx)?;
            let take = usecase::correct(store, id, &input, ctx.now)?;
            out(ctx, &format!("{}\n", take.id))?;
        }
        Some(SelfcheckCommand::Questions { json: true }) => json(ctx, &usecase::form(store)?)?,
        Some(SelfcheckCommand::Questions { json: false }) => out(ctx, &questions(&usecase::form(store)?))?,
    }
    Ok(0)
}

fn read_take(path: &str, ctx: &mut Context) -> Result<TakeInput> {
    let text = read_stdin(path, ctx)?;
    typed(crate::json::parse(&text, "json")?, None)
}

fn list(takes: &[TakeView], latest: &str, not_a_diagnosis: &str) -> String {
    if takes.is_empty() {
        return format!(
            "No self-checks yet. Take one with: loadline selfcheck questions, then loadline selfcheck take --json -\n{not_a_diagnosis}\n"
        );
    }
    let mut text = format!("{:>5}  {:<25} {:>8} {:>8} {:>8}\n", "ID", "TAKEN", "PERSONAL", "WORK", "CLIENT");
    for t in takes {
        let client = if t.answered.client.is_some() { score(t.client) } else { "not asked".into() };
        let at = chrono::DateTime::parse_from_rfc3339(&t.at)
            .map_or(t.at.clone(), |at| at.format("%a %Y-%m-%d %H:%M").to_string());
        let _ = writeln!(text, "{:>5}  {:<25} {:>8} {:>8} {:>8}", t.id, at, score(t.personal), score(t.work), client);
    }
    let _ = writeln!(text, "{latest}\n{not_a_diagnosis}");
    text
}

fn questions(questions: &[Question]) -> String {
    let mut text = String::new();
    for q in questions {
        let words: Vec<&str> = q.choices.iter().map(|c| c.answer.word()).collect();
        let _ = writeln!(text, "{}[{}]  {}  ({})", q.part.key(), q.index, q.text, words.join(", "));
    }
    text
}
