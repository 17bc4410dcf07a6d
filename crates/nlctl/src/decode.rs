//! `nlctl decode`: netlink messages from a capture, as a named tree.

use clap::Args;

use crate::{CliError, Options};

/// The arguments of `nlctl decode`.
#[derive(Debug, Clone, Args)]
pub struct DecodeArgs {
    /// The netlink protocol of the messages.
    #[arg(long, default_value = "route")]
    pub protocol: String,
    /// The input is hex text (whitespace and `#` comments ignored).
    #[arg(long, conflicts_with = "raw")]
    pub hex: bool,
    /// The input is raw bytes.
    #[arg(long)]
    pub raw: bool,
    /// Re-emit each decoded message and report any byte difference.
    #[arg(long)]
    pub roundtrip: bool,
    /// The file to read; `-` or none for stdin.
    pub file: Option<std::path::PathBuf>,
}

/// Runs `nlctl decode`.
pub fn run(options: &Options, args: DecodeArgs) -> Result<(), CliError> {
    let _ = (options, args);
    Err(CliError::failed("decode: not implemented yet"))
}
