//! The blocking front end.

use netlink_proto::blocking::Connection;
use netlink_sys::{Namespace, Protocol};

use crate::request::payloads;
use crate::{Error, Request};

/// A blocking rtnetlink connection.
#[derive(Debug)]
pub struct Handle {
    connection: Connection,
}

impl Handle {
    /// Opens a connection in the current network namespace.
    pub fn new() -> Result<Self, Error> {
        Ok(Handle {
            connection: Connection::new(Protocol::Route)?,
        })
    }

    /// Opens a connection inside network namespace `ns`.
    pub fn new_in_namespace(ns: &Namespace) -> Result<Self, Error> {
        Ok(Handle {
            connection: Connection::new_in_namespace(Protocol::Route, ns)?,
        })
    }

    /// Runs `request` and waits for its result.
    pub fn execute<T>(&mut self, request: impl Into<Request<T>>) -> Result<T, Error> {
        let (message, options, finish) = request.into().into_parts();
        let replies = self.connection.request_all(&message, options)?;
        finish(payloads(replies))
    }
}
