//! `nlctl netns`: named network namespaces.

use clap::Subcommand;

use crate::cli::Words;
use crate::{CliError, Context};

/// The verbs of `nlctl netns`.
#[derive(Debug, Clone, Subcommand)]
pub enum Verb {
    /// List named network namespaces.
    #[command(visible_aliases = ["list", "ls", "lst", "sh"])]
    Show(Words),
    /// Create a named network namespace: NAME.
    Add(Words),
    /// Delete a named network namespace: NAME.
    #[command(visible_aliases = ["delete", "d"])]
    Del(Words),
}

/// Runs `nlctl netns VERB WORDS` (`show` when no verb is given).
pub fn run(ctx: &mut Context, verb: Option<Verb>) -> Result<(), CliError> {
    let _ = (ctx, verb);
    Err(CliError::failed("netns: not implemented yet"))
}
