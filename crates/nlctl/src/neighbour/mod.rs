//! `nlctl neighbour`: neighbours.

use clap::Subcommand;

use crate::cli::Words;
use crate::{CliError, Context};

/// The verbs of `nlctl neighbour`.
#[derive(Debug, Clone, Subcommand)]
pub enum Verb {
    /// List neighbours: [dev NAME] [proxy] [nud STATE].
    #[command(visible_aliases = ["list", "ls", "lst", "sh"])]
    Show(Words),
    /// Add a neighbour: ADDR [lladdr MAC] dev NAME [nud STATE] [router] [proxy].
    Add(Words),
    /// Add or change a neighbour (same words as add).
    #[command(visible_aliases = ["change"])]
    Replace(Words),
    /// Delete a neighbour: ADDR dev NAME [proxy].
    #[command(visible_aliases = ["delete", "d"])]
    Del(Words),
    /// Show one neighbour: ADDR dev NAME.
    #[command(visible_aliases = ["g"])]
    Get(Words),
    /// Delete neighbours: dev NAME [nud STATE].
    #[command(visible_aliases = ["f"])]
    Flush(Words),
}

/// Runs `nlctl neighbour VERB WORDS` (`show` when no verb is given).
pub fn run(ctx: &mut Context, verb: Option<Verb>) -> Result<(), CliError> {
    let _ = (ctx, verb);
    Err(CliError::failed("neighbour: not implemented yet"))
}
