//! Link operations: add (one builder per kind), set, delete, get and dump,
//! alternative names.
//!
//! Builders check what they are given (interface names, indexes) before
//! anything reaches the kernel; see [invalid arguments](self#invalid-arguments).
//!
//! # Invalid arguments
//!
//! A builder that was given an invalid name or index (a name longer than
//! `IFNAMSIZ - 1` or with `/`, `:` or white space, an index of 0 or beyond
//! `i32::MAX`, the kernel's `int ifi_index`) remembers the first problem.
//! Its `build()` then returns a request refused before sending
//! ([`Request::invalid`]): running it fails with [`Error::InvalidArgument`]
//! and nothing reaches the kernel, so the builders keep converting into
//! requests infallibly (what `execute` takes) and the error still comes out
//! of `execute`. `try_build()` gives the error at build time instead.

mod add;
mod del;
mod get;
pub mod kinds;
mod prop;
mod set;

pub use add::LinkAdd;
pub use del::LinkDel;
pub use get::{LinkDump, LinkGet};
pub use kinds::*;
pub use prop::{LinkAltName, ALTIFNAMSIZ};
pub use set::{LinkSet, NetnsTarget};

use netlink_packet_core::NetlinkFlags;
use netlink_packet_route::link::LinkMessage;
use netlink_packet_route::RouteNetlinkMessage;
use netlink_proto::RequestOptions;

pub(crate) use crate::request::check_index;
use crate::{Error, Request};

/// `IFNAMSIZ` (linux/if.h): names have at most 15 bytes plus the NUL.
pub const IFNAMSIZ: usize = 16;

pub(crate) fn new_link(message: RouteNetlinkMessage) -> Option<LinkMessage> {
    match message {
        RouteNetlinkMessage::NewLink(link) => Some(link),
        _ => None,
    }
}

/// Checks an interface name as the kernel's `dev_valid_name` does: 1 to
/// 15 bytes, not `.` or `..`, no `/`, `:` or white space.
pub(crate) fn check_name(name: &str) -> Result<(), String> {
    if name.is_empty() {
        return Err("empty interface name".into());
    }
    if name.len() >= IFNAMSIZ {
        return Err(format!(
            "interface name {name:?} is {} bytes, at most {} allowed (IFNAMSIZ)",
            name.len(),
            IFNAMSIZ - 1
        ));
    }
    if name == "." || name == ".." {
        return Err(format!("interface name {name:?} is reserved"));
    }
    if let Some(c) = name
        .chars()
        .find(|&c| c == '/' || c == ':' || c == '\0' || c.is_whitespace())
    {
        return Err(format!("interface name {name:?} contains {c:?}"));
    }
    Ok(())
}

/// The first problem a builder met, if any.
pub(crate) type Problem = Option<String>;

/// Records `result`'s error as `problem` unless one is recorded already.
pub(crate) fn note<T>(problem: &mut Problem, result: Result<T, String>) -> Option<T> {
    match result {
        Ok(v) => Some(v),
        Err(e) => {
            problem.get_or_insert(e);
            None
        }
    }
}

/// The request, or, when the builder met a problem, the same message
/// refused before sending ([`Request::invalid`]).
pub(crate) fn request<T>(
    message: RouteNetlinkMessage,
    flags: NetlinkFlags,
    options: RequestOptions,
    problem: Problem,
    finish: impl FnOnce(Vec<RouteNetlinkMessage>) -> Result<T, Error> + Send + 'static,
) -> Request<T> {
    match problem {
        Some(problem) => Request::invalid(message, problem),
        None => Request::new(message, flags, options, finish),
    }
}

/// `request` unless it was refused while built.
pub(crate) fn checked<T>(request: Request<T>) -> Result<Request<T>, Error> {
    request.check()?;
    Ok(request)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert!(check_name("eth0").is_ok());
        assert!(check_name("fifteen_chars_x").is_ok());
        assert!(check_name("sixteen_chars_xx").is_err());
        assert!(check_name("").is_err());
        assert!(check_name("a/b").is_err());
        assert!(check_name("a b").is_err());
        assert!(check_name("..").is_err());
    }

    #[test]
    fn indexes() {
        assert_eq!(check_index(7), Ok(7));
        assert!(check_index(0).is_err());
        assert!(check_index(u32::MAX).is_err());
        assert!(check_index(i32::MAX as u32 + 1).is_err());
    }
}
