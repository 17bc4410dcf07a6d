//! `nlctl netns`: named network namespaces (`/run/netns/NAME`), as `ip
//! netns` manages them.

use clap::Subcommand;
use rtnetlink::nsid::{NsidGet, NsidSet};
use rtnetlink::Namespace;
use serde_json::{Map, Value};

use crate::cli::Words as Args;
use crate::error::kernel;
use crate::{CliError, Context, Words};

/// The verbs of `nlctl netns`.
#[derive(Debug, Clone, Subcommand)]
pub enum Verb {
    /// List the named network namespaces (`/run/netns`), each with the id
    /// this namespace knows it by, if it has one.
    #[command(visible_aliases = ["list", "ls", "lst", "sh"])]
    Show(Args),
    /// Create a named network namespace: NAME (mounted on /run/netns/NAME).
    Add(Args),
    /// Delete a named network namespace: NAME. Processes and sockets inside
    /// keep it alive until they end.
    #[command(visible_aliases = ["delete", "d"])]
    Del(Args),
    /// Give a named namespace an id in this one: NAME ID|auto (auto: the
    /// kernel picks the lowest free id).
    Set(Args),
}

crate::cli::verb_words!(Show, Add, Del, Set);

/// Runs `nlctl netns VERB WORDS` (`show` when no verb is given).
pub fn run(ctx: &mut Context, verb: Option<Verb>) -> Result<(), CliError> {
    match verb {
        None => show(ctx, Words::new("netns show", Vec::new())),
        Some(Verb::Show(a)) => show(ctx, Words::new("netns show", a.words)),
        Some(Verb::Add(a)) => add_or_del(ctx, Words::new("netns add", a.words), true),
        Some(Verb::Del(a)) => add_or_del(ctx, Words::new("netns del", a.words), false),
        Some(Verb::Set(a)) => set(ctx, Words::new("netns set", a.words)),
    }
}

fn show(ctx: &mut Context, mut words: Words) -> Result<(), CliError> {
    words.finish()?;
    let line = words.line();
    ctx.flush()?;
    let names = rtnetlink::netns::list().map_err(|e| kernel(&line, e))?;
    ctx.out.listing();
    for name in names {
        // A namespace deleted meanwhile, or one this one has no id for,
        // is listed without an id, as ip does.
        let id = NsidGet::namespace(&Namespace::Named(name.clone()))
            .ok()
            .and_then(|get| ctx.handle.execute(get).ok().flatten());
        if ctx.out.is_json() {
            let mut object = Map::new();
            object.insert("name".into(), name.into());
            if let Some(id) = id {
                object.insert("id".into(), id.into());
            }
            ctx.out.object(Value::Object(object));
        } else {
            match id {
                Some(id) => ctx.out.line(&format!("{name} (id: {id})")),
                None => ctx.out.line(&name),
            }
        }
    }
    Ok(())
}

fn add_or_del(ctx: &mut Context, mut words: Words, add: bool) -> Result<(), CliError> {
    let name = words
        .next()
        .map(str::to_owned)
        .ok_or_else(|| words.missing("the namespace's NAME"))?;
    words.finish()?;
    let line = words.line();
    // Earlier batch lines may use the namespace: they go first.
    ctx.flush()?;
    let result = if add {
        rtnetlink::netns::create(&name).map(drop)
    } else {
        rtnetlink::netns::delete(&name)
    };
    result.map_err(|e| kernel(&line, e))
}

fn set(ctx: &mut Context, mut words: Words) -> Result<(), CliError> {
    let name = words
        .next()
        .map(str::to_owned)
        .ok_or_else(|| words.missing("the namespace's NAME"))?;
    let value = words
        .next()
        .map(str::to_owned)
        .ok_or_else(|| words.missing("the ID (a number or auto)"))?;
    words.finish()?;
    let nsid = match value.as_str() {
        "auto" => -1,
        _ => value
            .parse::<i32>()
            .ok()
            .filter(|id| *id >= 0)
            .ok_or_else(|| {
                CliError::usage(format!(
                    "netns set: invalid value \"{value}\" for the ID: expected a number from 0 to {} or auto",
                    i32::MAX
                ))
            })?,
    };
    let line = words.line();
    let request =
        NsidSet::namespace(&Namespace::Named(name), nsid).map_err(|e| kernel(&line, e))?;
    ctx.change(&line, request.build())
}
