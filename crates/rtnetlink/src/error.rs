//! The one error type of every operation.

use netlink_packet_core::{errno_description, errno_name};

/// What can go wrong with an operation. The kernel's common answers have
/// their own variants; each kernel variant keeps the kernel's extended ACK
/// message.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The object exists already (`EEXIST`).
    #[error("{}", kernel_text(libc_errno::EEXIST, message))]
    AlreadyExists {
        /// The kernel's extended ACK message, if any.
        message: Option<String>,
        /// The engine's error.
        #[source]
        source: Box<netlink_proto::Error>,
    },
    /// No such object (`ENOENT`, `ENODEV`).
    #[error("{}", kernel_text(source.errno().unwrap_or(libc_errno::ENOENT), message))]
    NotFound {
        /// The kernel's extended ACK message, if any.
        message: Option<String>,
        /// The engine's error.
        #[source]
        source: Box<netlink_proto::Error>,
    },
    /// Not allowed (`EPERM`, `EACCES`).
    #[error("{}", kernel_text(source.errno().unwrap_or(libc_errno::EPERM), message))]
    PermissionDenied {
        /// The kernel's extended ACK message, if any.
        message: Option<String>,
        /// The engine's error.
        #[source]
        source: Box<netlink_proto::Error>,
    },
    /// Any other kernel error.
    #[error("{}", kernel_text(*errno, message))]
    Kernel {
        /// The positive errno.
        errno: i32,
        /// The kernel's extended ACK message, if any.
        message: Option<String>,
        /// The engine's error.
        #[source]
        source: Box<netlink_proto::Error>,
    },
    /// The connection or protocol failed (socket, timeout, closed, ...).
    #[error(transparent)]
    Protocol(netlink_proto::Error),
    /// A reply was not what the request expects.
    #[error("unexpected reply: {0}")]
    Decode(String),
    /// A request was refused before anything was sent: a name too long,
    /// a prefix length beyond the address, and the like. Says what and why.
    #[error("invalid argument: {0}")]
    InvalidArgument(String),
    /// A local system operation failed (creating a named namespace, ...).
    #[error("{operation}: {source}")]
    System {
        /// What was being done, e.g. `"mount /run/netns/blue"`.
        operation: String,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
}

mod libc_errno {
    pub const EPERM: i32 = 1;
    pub const ENOENT: i32 = 2;
    pub const EACCES: i32 = 13;
    pub const EEXIST: i32 = 17;
    pub const ENODEV: i32 = 19;
}

fn kernel_text(errno: i32, message: &Option<String>) -> String {
    let name = errno_name(errno).unwrap_or("unknown errno");
    let mut text = format!("RTNETLINK answers: {} ({name})", errno_description(errno));
    if let Some(message) = message {
        text.push_str(&format!(": {message:?}"));
    }
    text
}

impl Error {
    /// The positive errno, for kernel errors.
    pub fn errno(&self) -> Option<i32> {
        match self {
            Error::AlreadyExists { source, .. }
            | Error::NotFound { source, .. }
            | Error::PermissionDenied { source, .. } => source.errno(),
            Error::Kernel { errno, .. } => Some(*errno),
            Error::Protocol(e) => e.errno(),
            Error::Decode(_) | Error::InvalidArgument(_) => None,
            Error::System { source, .. } => source.raw_os_error(),
        }
    }

    /// The kernel's extended ACK message, if it sent one.
    pub fn kernel_message(&self) -> Option<&str> {
        match self {
            Error::AlreadyExists { message, .. }
            | Error::NotFound { message, .. }
            | Error::PermissionDenied { message, .. }
            | Error::Kernel { message, .. } => message.as_deref(),
            _ => None,
        }
    }
}

impl From<netlink_sys::Error> for Error {
    fn from(error: netlink_sys::Error) -> Self {
        Error::Protocol(netlink_proto::Error::from(error))
    }
}

impl From<netlink_proto::Error> for Error {
    fn from(source: netlink_proto::Error) -> Self {
        let (errno, message) = match &source {
            netlink_proto::Error::Kernel { error, .. } => {
                (error.errno(), source.kernel_message().map(str::to_owned))
            }
            _ => return Error::Protocol(source),
        };
        let source = Box::new(source);
        match errno {
            libc_errno::EEXIST => Error::AlreadyExists { message, source },
            libc_errno::ENOENT | libc_errno::ENODEV => Error::NotFound { message, source },
            libc_errno::EPERM | libc_errno::EACCES => Error::PermissionDenied { message, source },
            _ => Error::Kernel {
                errno,
                message,
                source,
            },
        }
    }
}
