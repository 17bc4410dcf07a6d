//! `nlctl nexthop`: nexthops and nexthop groups.

use clap::Subcommand;

use crate::cli::Words;
use crate::{CliError, Context};

/// The verbs of `nlctl nexthop`.
#[derive(Debug, Clone, Subcommand)]
pub enum Verb {
    /// List nexthops: [id ID] [dev NAME] [groups] [fdb].
    #[command(visible_aliases = ["list", "ls", "lst", "sh"])]
    Show(Words),
    /// Add a nexthop: id ID [via ADDR] [dev NAME] [blackhole] [onlink] [fdb] | id ID group ID[,WEIGHT]/... [type resilient buckets N].
    Add(Words),
    /// Add or change a nexthop (same words as add).
    #[command(visible_aliases = ["change"])]
    Replace(Words),
    /// Delete a nexthop: id ID.
    #[command(visible_aliases = ["delete", "d"])]
    Del(Words),
    /// Show one nexthop: id ID.
    #[command(visible_aliases = ["g"])]
    Get(Words),
    /// Delete nexthops: [dev NAME] [groups].
    #[command(visible_aliases = ["f"])]
    Flush(Words),
}

/// Runs `nlctl nexthop VERB WORDS` (`show` when no verb is given).
pub fn run(ctx: &mut Context, verb: Option<Verb>) -> Result<(), CliError> {
    let _ = (ctx, verb);
    Err(CliError::failed("nexthop: not implemented yet"))
}
