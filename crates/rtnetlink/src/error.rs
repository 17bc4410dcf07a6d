//! The one error type of every operation.

use netlink_packet_core::{errno_description, errno_name, ExtAck};

/// What can go wrong with an operation. The kernel's common answers have
/// their own variants; each kernel variant keeps the kernel's extended ACK
/// message.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The object exists already (`EEXIST`).
    #[error("{}", kernel_text(libc_errno::EEXIST, message, source))]
    AlreadyExists {
        /// The kernel's extended ACK message, if any.
        message: Option<String>,
        /// The engine's error.
        #[source]
        source: Box<netlink_proto::Error>,
    },
    /// No such object (`ENOENT`, `ENODEV`, `ESRCH`: the kernel answers the
    /// last for a route, nexthop or address label that is not there).
    #[error("{}", kernel_text(source.errno().unwrap_or(libc_errno::ENOENT), message, source))]
    NotFound {
        /// The kernel's extended ACK message, if any.
        message: Option<String>,
        /// The engine's error.
        #[source]
        source: Box<netlink_proto::Error>,
    },
    /// Not allowed (`EPERM`, `EACCES`).
    #[error("{}", kernel_text(source.errno().unwrap_or(libc_errno::EPERM), message, source))]
    PermissionDenied {
        /// The kernel's extended ACK message, if any.
        message: Option<String>,
        /// The engine's error.
        #[source]
        source: Box<netlink_proto::Error>,
    },
    /// Any other kernel error.
    #[error("{}", kernel_text(*errno, message, source))]
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
    pub const ESRCH: i32 = 3;
    pub const EACCES: i32 = 13;
    pub const EEXIST: i32 = 17;
    pub const ENODEV: i32 = 19;
}

fn kernel_text(errno: i32, message: &Option<String>, source: &netlink_proto::Error) -> String {
    let name = errno_name(errno).unwrap_or("unknown errno");
    let mut text = format!("RTNETLINK answers: {} ({name})", errno_description(errno));
    if let Some(message) = message {
        text.push_str(&format!(": {message:?}"));
    }
    if let Some(attribute) = offending_attribute(source) {
        text.push_str(&format!(" at {attribute}"));
    }
    text
}

/// The attribute of a request that the kernel's extended ACK points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OffendingAttribute {
    /// The request's message type (`RTM_NEWLINK`, ...).
    pub message_type: u16,
    /// Attribute numbers from the outermost attribute down to the one
    /// pointed at.
    pub path: Vec<u16>,
    /// The kernel name of the outermost attribute, when declared
    /// (`"IFLA_LINKINFO"`).
    pub name: Option<&'static str>,
    /// The byte offset the kernel named, from the start of the request.
    pub offset: usize,
}

impl std::fmt::Display for OffendingAttribute {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.name {
            Some(name) => write!(f, "{name}")?,
            None => write!(f, "attribute {}", self.path.first().copied().unwrap_or(0))?,
        }
        for kind in self.path.iter().skip(1) {
            write!(f, "/{kind}")?;
        }
        write!(f, " (offset {})", self.offset)
    }
}

fn offending_attribute(source: &netlink_proto::Error) -> Option<OffendingAttribute> {
    let netlink_proto::Error::Kernel { request, error, .. } = source else {
        return None;
    };
    let offset = usize::try_from(error.ext_offset()?).ok()?;
    let (header_len, name_of) = netlink_packet_route::message_layout(request.message_type)?;
    let chain = source.offending_attribute(header_len);
    let outermost = chain.first()?.0;
    Some(OffendingAttribute {
        message_type: request.message_type,
        path: chain.iter().map(|(kind, _)| *kind).collect(),
        name: name_of(outermost),
        offset,
    })
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

    /// The attribute of the request the kernel's extended ACK points at,
    /// if it named one.
    pub fn offending_attribute(&self) -> Option<OffendingAttribute> {
        match self {
            Error::AlreadyExists { source, .. }
            | Error::NotFound { source, .. }
            | Error::PermissionDenied { source, .. }
            | Error::Kernel { source, .. } => offending_attribute(source),
            Error::Protocol(source) => offending_attribute(source),
            _ => None,
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
            libc_errno::ENOENT | libc_errno::ESRCH | libc_errno::ENODEV => {
                Error::NotFound { message, source }
            }
            libc_errno::EPERM | libc_errno::EACCES => Error::PermissionDenied { message, source },
            _ => Error::Kernel {
                errno,
                message,
                source,
            },
        }
    }
}
