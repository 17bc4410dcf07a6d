//! The tokio front end.

use futures::TryStreamExt;
use netlink_packet_route::RouteNetlinkMessage;
use netlink_proto::tokio::{new_connection_with, ConnectionConfig};
use netlink_sys::{Namespace, Protocol, Socket};

use crate::request::payloads;
use crate::{Error, Request};

pub use netlink_proto::tokio::Connection;

/// A cloneable handle to a tokio rtnetlink connection.
#[derive(Debug, Clone)]
pub struct Handle {
    handle: netlink_proto::tokio::Handle<RouteNetlinkMessage>,
}

impl Handle {
    /// Runs `request` and waits for its result.
    pub async fn execute<T>(&self, request: impl Into<Request<T>>) -> Result<T, Error> {
        let (message, options, finish) = request.into().into_parts();
        let replies: Vec<_> = self
            .handle
            .request(message, options)
            .await?
            .try_collect()
            .await?;
        finish(payloads(replies))
    }
}

fn from_socket(socket: Socket) -> Result<(Connection, Handle), Error> {
    let (connection, handle, _events) = new_connection_with(socket, ConnectionConfig::default())?;
    Ok((connection, Handle { handle }))
}

/// Opens a connection in the current network namespace: spawn the
/// [`Connection`], send requests through the [`Handle`].
pub fn new_connection() -> Result<(Connection, Handle), Error> {
    from_socket(Socket::new(Protocol::Route).map_err(netlink_proto::Error::from)?)
}

/// Like [`new_connection`], inside network namespace `ns`.
pub fn new_connection_in_namespace(ns: &Namespace) -> Result<(Connection, Handle), Error> {
    from_socket(Socket::new_in_namespace(Protocol::Route, ns).map_err(netlink_proto::Error::from)?)
}
