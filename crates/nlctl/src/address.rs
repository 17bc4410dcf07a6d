//! `nlctl address`: iPv4 and IPv6 addresses.

use clap::Subcommand;

use crate::cli::Words;
use crate::{CliError, Context};

/// The verbs of `nlctl address`.
#[derive(Debug, Clone, Subcommand)]
pub enum Verb {
    /// List addresses: [dev NAME] [scope SCOPE] [label PATTERN] [up].
    #[command(visible_aliases = ["list", "ls", "lst", "sh"])]
    Show(Words),
    /// Add an address: PREFIX dev NAME [peer PREFIX] [broadcast ADDR|+] [label NAME] [scope SCOPE] [valid_lft SECS|forever] [preferred_lft SECS|forever] [metric N] [noprefixroute] [nodad] ....
    Add(Words),
    /// Add or change an address (same words as add).
    #[command(visible_aliases = ["change"])]
    Replace(Words),
    /// Delete an address: PREFIX dev NAME.
    #[command(visible_aliases = ["delete", "d"])]
    Del(Words),
    /// Delete addresses: dev NAME [scope SCOPE].
    #[command(visible_aliases = ["f"])]
    Flush(Words),
}

/// Runs `nlctl address VERB WORDS` (`show` when no verb is given).
pub fn run(ctx: &mut Context, verb: Option<Verb>) -> Result<(), CliError> {
    let _ = (ctx, verb);
    Err(CliError::failed("address: not implemented yet"))
}
