//! `nlctl route`: routes.

use clap::Subcommand;

use crate::cli::Words;
use crate::{CliError, Context};

/// The verbs of `nlctl route`.
#[derive(Debug, Clone, Subcommand)]
pub enum Verb {
    /// List routes: [table ID|all] [proto P] [type T] [dev NAME] [PREFIX].
    #[command(visible_aliases = ["list", "ls", "lst", "sh"])]
    Show(Words),
    /// Add a route: [TYPE] PREFIX|default [via ADDR|via inet6 ADDR] [dev NAME] [table ID] [proto P] [scope S] [metric N] [src ADDR] [mtu N] ... [nexthop via ADDR dev NAME weight N]... [nhid ID] [encap ...].
    Add(Words),
    /// Add or replace a route (same words as add).
    #[command(visible_aliases = ["change"])]
    Replace(Words),
    /// Add a route next to existing ones (same words as add).
    Append(Words),
    /// Delete a route (same words as add).
    #[command(visible_aliases = ["delete", "d"])]
    Del(Words),
    /// Look up the route to an address: ADDR [from ADDR] [iif NAME] [oif NAME] [mark N] [uid N] [fibmatch].
    #[command(visible_aliases = ["g"])]
    Get(Words),
    /// Delete routes: [table ID] [proto P] [dev NAME] [PREFIX].
    #[command(visible_aliases = ["f"])]
    Flush(Words),
}

/// Runs `nlctl route VERB WORDS` (`show` when no verb is given).
pub fn run(ctx: &mut Context, verb: Option<Verb>) -> Result<(), CliError> {
    let _ = (ctx, verb);
    Err(CliError::failed("route: not implemented yet"))
}
