//! `nlctl monitor`: print changes as they happen.

use crate::{CliError, Context};

/// Runs `nlctl monitor [OBJECT]...`.
pub fn run(ctx: &mut Context, words: Vec<String>) -> Result<(), CliError> {
    let _ = (ctx, words);
    Err(CliError::failed("monitor: not implemented yet"))
}
