//! What a command can fail with, and the exit status each gets.

use std::process::ExitCode;

/// A failed command.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// The command line is wrong: says which word and why. Exit status 2.
    #[error("usage: {0}")]
    Usage(String),
    /// The kernel refused `command`. Exit status 1.
    #[error("{command}: {error}")]
    Kernel {
        /// The command as typed (`link add v0 type veth`), or the batch
        /// line it came from.
        command: String,
        /// The kernel's answer, extended ACK and attribute included.
        error: Box<rtnetlink::Error>,
    },
    /// Anything else that stops a command: a device that does not exist, a
    /// file that cannot be read, a namespace that cannot be entered.
    /// Exit status 1.
    #[error("{0}")]
    Failed(String),
}

impl CliError {
    /// A usage error.
    pub fn usage(message: impl Into<String>) -> Self {
        CliError::Usage(message.into())
    }

    /// Any other failure.
    pub fn failed(message: impl Into<String>) -> Self {
        CliError::Failed(message.into())
    }

    /// The exit status: 2 for usage errors, 1 for the rest.
    pub fn exit_code(&self) -> ExitCode {
        match self {
            CliError::Usage(_) => ExitCode::from(2),
            _ => ExitCode::from(1),
        }
    }
}

/// A library error met while running `command`.
pub(crate) fn kernel(command: &str, error: rtnetlink::Error) -> CliError {
    match error {
        rtnetlink::Error::InvalidArgument(reason) => {
            CliError::Usage(format!("{command}: {reason}"))
        }
        error => CliError::Kernel {
            command: command.to_owned(),
            error: Box::new(error),
        },
    }
}
