//! Named network namespaces as iproute2 keeps them under `/run/netns`:
//! create, delete, list; open a front end inside one with
//! [`Namespace::Named`] (`blocking::Handle::new_in_namespace`,
//! `tokio::new_connection_in_namespace`).
//!
//! Namespaces made here and by `ip netns add` are the same thing: each
//! sees the other's.
//!
//! ```no_run
//! use rtnetlink::{blocking::Handle, link::LinkAdd, netns};
//!
//! let ns = netns::create("blue")?;
//! let mut handle = Handle::new_in_namespace(&ns)?;
//! handle.execute(LinkAdd::bridge("br0"))?;
//! netns::delete("blue")?;
//! # Ok::<(), rtnetlink::Error>(())
//! ```

use std::io;

use crate::{Error, Namespace};

/// The longest namespace name: a file name (`NAME_MAX`).
pub const MAX_NAME_LEN: usize = netlink_sys::netns::MAX_NAME_LEN;

/// The error of a named-namespace operation on `name`: an invalid name
/// becomes [`Error::InvalidArgument`], anything else [`Error::System`]
/// saying what was done, with the OS error as source (its kind is
/// `AlreadyExists`, `NotFound`, `PermissionDenied`, ...).
fn error(what: &str, name: &str, error: netlink_sys::Error) -> Error {
    match error {
        netlink_sys::Error::Namespace {
            operation,
            source,
            path,
        } => {
            if source.kind() == io::ErrorKind::InvalidInput && operation == "check name" {
                return Error::InvalidArgument(source.to_string());
            }
            let problem = match source.kind() {
                io::ErrorKind::AlreadyExists => ": it exists already",
                io::ErrorKind::NotFound if operation == "delete" => ": there is no such namespace",
                _ => "",
            };
            Error::System {
                operation: format!(
                    "{what} network namespace {name:?} ({operation} {}){problem}",
                    path.display()
                ),
                source,
            }
        }
        other => Error::System {
            operation: format!("{what} network namespace {name:?}"),
            source: other.into(),
        },
    }
}

/// Checks a namespace name: non-empty, at most [`MAX_NAME_LEN`] bytes, no
/// `/` nor NUL, not `.` or `..`.
///
/// # Errors
///
/// [`Error::InvalidArgument`] saying what is wrong.
pub fn check_name(name: &str) -> Result<(), Error> {
    netlink_sys::netns::check_name(name)
        .map(drop)
        .map_err(|e| error("check", name, e))
}

/// Creates the named network namespace `name` (`ip netns add NAME`) and
/// returns it, ready for `new_in_namespace`. Needs `CAP_SYS_ADMIN`.
///
/// # Errors
///
/// [`Error::InvalidArgument`] for a bad name; [`Error::System`] whose
/// source is of kind `AlreadyExists` (errno `EEXIST`) if the name is
/// taken, or says which step failed.
pub fn create(name: &str) -> Result<Namespace, Error> {
    netlink_sys::netns::create_named(name).map_err(|e| error("create", name, e))
}

/// Deletes the named network namespace `name` (`ip netns delete NAME`).
/// Sockets and processes inside keep it alive until they end.
///
/// # Errors
///
/// [`Error::InvalidArgument`] for a bad name; [`Error::System`] whose
/// source is of kind `NotFound` (errno `ENOENT`) if there is no such
/// namespace.
pub fn delete(name: &str) -> Result<(), Error> {
    netlink_sys::netns::delete_named(name).map_err(|e| error("delete", name, e))
}

/// The named network namespaces (`ip netns list`), sorted by name.
///
/// # Errors
///
/// [`Error::System`] if `/run/netns` exists but cannot be read.
pub fn list() -> Result<Vec<String>, Error> {
    netlink_sys::netns::list_named().map_err(|e| error("list", "*", e))
}

/// Whether a named network namespace `name` exists.
pub fn exists(name: &str) -> bool {
    check_name(name).is_ok() && Namespace::Named(name.to_owned()).path().exists()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_names_are_invalid_arguments() {
        for name in ["", ".", "..", "a/b", &"n".repeat(MAX_NAME_LEN + 1)] {
            assert!(
                matches!(create(name), Err(Error::InvalidArgument(_))),
                "{name:?}"
            );
            assert!(matches!(delete(name), Err(Error::InvalidArgument(_))));
            assert!(!exists(name));
        }
        assert!(check_name("blue").is_ok());
    }
}
