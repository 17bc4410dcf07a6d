//! The error type of socket creation and namespace operations.

use std::io;
use std::path::PathBuf;

use crate::Protocol;

/// Errors from creating sockets and entering network namespaces.
///
/// Plain socket I/O returns [`std::io::Error`]; this type adds context where
/// the bare errno would be confusing.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// `socket(2)` refused the protocol (`EPROTONOSUPPORT`): the kernel has no
    /// such netlink family, or its module is not loaded and cannot be.
    #[error("netlink protocol {protocol} is not supported by this kernel: {source}")]
    UnsupportedProtocol {
        /// The protocol that was asked for.
        protocol: Protocol,
        /// The underlying error from `socket(2)`.
        source: io::Error,
    },
    /// A system call failed.
    #[error("{operation}: {source}")]
    Io {
        /// The failing call, e.g. `"socket()"`.
        operation: &'static str,
        /// The underlying error.
        source: io::Error,
    },
    /// A network namespace could not be entered or created.
    #[error("{}", namespace_message(path, operation, source))]
    Namespace {
        /// The namespace file (e.g. `/run/netns/NAME`); empty for a new
        /// anonymous namespace.
        path: PathBuf,
        /// The failing step, e.g. `"open"`, `"setns"` or `"unshare"`.
        operation: &'static str,
        /// The underlying error.
        source: io::Error,
    },
}

/// Display text of [`Error::Namespace`]: an empty path means a new, anonymous
/// namespace that could not be created.
fn namespace_message(path: &std::path::Path, operation: &str, source: &io::Error) -> String {
    if path.as_os_str().is_empty() {
        format!("cannot create a new network namespace ({operation}): {source}")
    } else {
        format!(
            "cannot enter network namespace {} ({operation}): {source}",
            path.display()
        )
    }
}

impl Error {
    /// The OS error number behind this error, if there is one.
    pub fn raw_os_error(&self) -> Option<i32> {
        self.io_source().raw_os_error()
    }

    /// The kind of the underlying I/O error.
    pub fn kind(&self) -> io::ErrorKind {
        self.io_source().kind()
    }

    fn io_source(&self) -> &io::Error {
        match self {
            Error::UnsupportedProtocol { source, .. }
            | Error::Io { source, .. }
            | Error::Namespace { source, .. } => source,
        }
    }
}

/// Converts to an [`io::Error`].
///
/// When the underlying error carries an OS error number, the result is that
/// OS error, so [`io::Error::raw_os_error`] keeps working (the context text is
/// dropped). Otherwise the whole [`Error`] becomes the payload of an
/// `io::Error` of the same [`kind`](Error::kind).
impl From<Error> for io::Error {
    fn from(err: Error) -> Self {
        match err.raw_os_error() {
            Some(errno) => io::Error::from_raw_os_error(errno),
            None => io::Error::new(err.kind(), err),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_and_errno() {
        let err = Error::UnsupportedProtocol {
            protocol: Protocol::Xfrm,
            source: io::Error::from_raw_os_error(libc::EPROTONOSUPPORT),
        };
        let text = err.to_string();
        assert!(
            text.starts_with("netlink protocol NETLINK_XFRM (6) is not supported by this kernel: "),
            "{text}"
        );
        assert_eq!(err.raw_os_error(), Some(libc::EPROTONOSUPPORT));
        let io_err: io::Error = err.into();
        assert_eq!(io_err.raw_os_error(), Some(libc::EPROTONOSUPPORT));

        let err = Error::Namespace {
            path: PathBuf::from("/run/netns/foo"),
            operation: "open",
            source: io::Error::from_raw_os_error(libc::ENOENT),
        };
        assert!(err
            .to_string()
            .starts_with("cannot enter network namespace /run/netns/foo (open): "));

        let err = Error::Namespace {
            path: PathBuf::new(),
            operation: "unshare",
            source: io::Error::from_raw_os_error(libc::EPERM),
        };
        assert!(err
            .to_string()
            .starts_with("cannot create a new network namespace (unshare): "));

        let err = Error::Io {
            operation: "socket()",
            source: io::Error::new(io::ErrorKind::InvalidInput, "bad"),
        };
        assert_eq!(err.to_string(), "socket(): bad");
        assert_eq!(err.raw_os_error(), None);
        let io_err: io::Error = err.into();
        assert_eq!(io_err.kind(), io::ErrorKind::InvalidInput);
        assert!(io_err.to_string().contains("socket()"));
    }
}
