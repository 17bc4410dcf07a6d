//! `nlctl rule`: routing policy rules.

use clap::Subcommand;

use crate::cli::Words;
use crate::{CliError, Context};

/// The verbs of `nlctl rule`.
#[derive(Debug, Clone, Subcommand)]
pub enum Verb {
    /// List rules.
    #[command(visible_aliases = ["list", "ls", "lst", "sh"])]
    Show(Words),
    /// Add a rule: [not] [from PREFIX] [to PREFIX] [iif NAME] [oif NAME] [fwmark MARK[/MASK]] [priority N] [table ID|lookup ID] [goto N] [blackhole|unreachable|prohibit] [uidrange A-B] [ipproto P] [sport A[-B]] [dport A[-B]] ....
    Add(Words),
    /// Delete a rule (same words as add).
    #[command(visible_aliases = ["delete", "d"])]
    Del(Words),
}

/// Runs `nlctl rule VERB WORDS` (`show` when no verb is given).
pub fn run(ctx: &mut Context, verb: Option<Verb>) -> Result<(), CliError> {
    let _ = (ctx, verb);
    Err(CliError::failed("rule: not implemented yet"))
}
