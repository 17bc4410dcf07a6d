//! The engine's error type.

use std::fmt;
use std::io;
use std::time::Duration;

use netlink_packet_core::{DecodeError, ErrorMessage, ExtAck};

/// Which request an error belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RequestInfo {
    /// The request's `nlmsg_type`.
    pub message_type: u16,
    /// The sequence number it was sent with (the last one, after retries).
    pub sequence_number: u32,
}

impl fmt::Display for RequestInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "request type {} seq {}",
            self.message_type, self.sequence_number
        )
    }
}

/// Everything that can go wrong with a request or a connection.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The kernel answered with an error (an `NLMSG_ERROR` with a non-zero
    /// code, or a dump whose `NLMSG_DONE` carried one). `Display` reads like
    /// iproute2 and keeps the errno name and number and the extended ACK.
    #[error("{error} [{request}]")]
    Kernel {
        /// The failed request.
        request: RequestInfo,
        /// The kernel's answer, extended ACK included.
        error: ErrorMessage,
        /// The request exactly as it was sent, so that the extended ACK's
        /// offset can be mapped to an attribute path by code that knows the
        /// protocol (see [`Error::offending_attribute`]).
        request_message: Vec<u8>,
    },
    /// A reply could not be decoded; its offset is counted from the start of
    /// the datagram that carried it.
    #[error("cannot decode a reply{}: {error}", request.map(|r| format!(" to {r}")).unwrap_or_default())]
    Decode {
        /// The request it answered, when the header could be matched.
        request: Option<RequestInfo>,
        /// What was wrong and where.
        error: DecodeError,
    },
    /// A dump kept being interrupted (`NLM_F_DUMP_INTR`) by concurrent
    /// changes, and the retries the caller allowed ran out.
    #[error("dump interrupted by concurrent changes {attempts} times in a row [{request}]")]
    Interrupted {
        /// The dump.
        request: RequestInfo,
        /// How many times it was tried.
        attempts: u32,
    },
    /// No final answer arrived within the request's timeout.
    #[error("no answer within {timeout:?} [{request}]")]
    TimedOut {
        /// The request.
        request: RequestInfo,
        /// The timeout it had.
        timeout: Duration,
    },
    /// The kernel's answer to the request may have been dropped: the
    /// socket's receive buffer overflowed while it was in flight (and its
    /// answer was not among the messages still queued, or it was
    /// acknowledged by a later request's ACK, [`Ack::Implied`](crate::Ack::Implied)).
    #[error("the kernel's answer may have been lost in a receive buffer overflow: whether the request took effect is unknown [{request}]")]
    AnswerLost {
        /// The request.
        request: RequestInfo,
    },
    /// The socket failed.
    #[error("netlink socket: {0}")]
    Io(#[from] io::Error),
    /// Opening the socket failed.
    #[error(transparent)]
    Socket(#[from] netlink_sys::Error),
    /// The connection is gone (its task ended or it was dropped).
    #[error("the netlink connection is closed")]
    ConnectionClosed,
}

impl Error {
    /// The positive errno, for kernel and socket errors.
    pub fn errno(&self) -> Option<i32> {
        match self {
            Error::Kernel { error, .. } => Some(error.errno()),
            Error::Io(e) => e.raw_os_error(),
            Error::Socket(e) => e.raw_os_error(),
            _ => None,
        }
    }

    /// The kernel's extended ACK message, if it sent one.
    pub fn kernel_message(&self) -> Option<&str> {
        match self {
            Error::Kernel { error, .. } => error.ext_message(),
            _ => None,
        }
    }

    /// The chain of attributes (number and offset, outermost first) that
    /// the kernel's extended ACK points at, given the size of the protocol's
    /// fixed header after `nlmsghdr` (16 for `ifinfomsg`, 4 for generic
    /// netlink, ...). Empty when the kernel named no offset.
    pub fn offending_attribute(&self, fixed_header_len: usize) -> Vec<(u16, usize)> {
        match self {
            Error::Kernel {
                error,
                request_message,
                ..
            } => match error.ext_offset() {
                Some(offset) => netlink_packet_core::nla::attribute_chain_at(
                    request_message,
                    netlink_packet_core::NetlinkHeader::LEN + fixed_header_len,
                    offset as usize,
                ),
                None => Vec::new(),
            },
            _ => Vec::new(),
        }
    }

    /// The kernel's answer, for kernel errors.
    pub fn kernel_error(&self) -> Option<&ErrorMessage> {
        match self {
            Error::Kernel { error, .. } => Some(error),
            _ => None,
        }
    }
}

/// A copy of `error` for each of several requests it fails (`io::Error` is
/// not `Clone`): the same errno, or the same kind and text.
pub(crate) fn copy_io_error(error: &io::Error) -> io::Error {
    match error.raw_os_error() {
        Some(errno) => io::Error::from_raw_os_error(errno),
        None => io::Error::new(error.kind(), error.to_string()),
    }
}
