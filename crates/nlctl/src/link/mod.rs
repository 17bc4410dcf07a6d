//! `nlctl link`: network devices.

use clap::Subcommand;

use crate::cli::Words;
use crate::{CliError, Context};

/// The verbs of `nlctl link`.
#[derive(Debug, Clone, Subcommand)]
pub enum Verb {
    /// List links: [dev] [NAME] [up] [master NAME] [type KIND] [group N].
    #[command(visible_aliases = ["list", "ls", "lst", "sh"])]
    Show(Words),
    /// Create a link: [name] NAME [link DEV] type KIND [KIND OPTIONS] [mtu N] [address MAC] [txqueuelen N] [master DEV] [up] ....
    Add(Words),
    /// Delete a link: [dev] NAME.
    #[command(visible_aliases = ["delete", "d"])]
    Del(Words),
    /// Change a link: [dev] NAME [up|down] [mtu N] [name NEW] [address MAC] [master DEV|nomaster] [netns NAME|PID] [alias TEXT] [txqueuelen N] [group N] [arp on|off] [promisc on|off] [allmulticast on|off].
    Set(Words),
}

/// Runs `nlctl link VERB WORDS` (`show` when no verb is given).
pub fn run(ctx: &mut Context, verb: Option<Verb>) -> Result<(), CliError> {
    let _ = (ctx, verb);
    Err(CliError::failed("link: not implemented yet"))
}
