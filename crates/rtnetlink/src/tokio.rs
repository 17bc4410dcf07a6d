//! The tokio front end.

use futures::StreamExt;
use netlink_packet_core::NetlinkPayload;
use netlink_packet_route::RouteNetlinkMessage;
use netlink_proto::tokio::{new_connection_with, ConnectionConfig};
use netlink_sys::{Namespace, Protocol, Socket};

use crate::{Error, Request};

pub use netlink_proto::tokio::Connection;

/// How many requests of one batch are in flight at once: enough to fill
/// the engine's send batches, few enough to keep its in-flight bound.
const BATCH_IN_FLIGHT: usize = 64;

/// A cloneable handle to a tokio rtnetlink connection.
#[derive(Debug, Clone)]
pub struct Handle {
    handle: netlink_proto::tokio::Handle<RouteNetlinkMessage>,
}

impl Handle {
    /// Runs `request` and waits for its result.
    pub async fn execute<T>(&self, request: impl Into<Request<T>>) -> Result<T, Error> {
        let request = request.into();
        request.check()?;
        let (message, options, mut collect) = request.into_parts();
        // Each payload goes to the collector as it is parsed: no vector of
        // whole netlink messages, none of every reply beside the result.
        let outcome = match self.handle.request(message, options).await {
            Ok(mut stream) => loop {
                match stream.next().await {
                    Some(Ok(reply)) => {
                        if let NetlinkPayload::Inner(inner) = reply.payload {
                            collect.reply(inner);
                        }
                    }
                    Some(Err(error)) => break Err(Error::from(error)),
                    None => break Ok(()),
                }
            },
            Err(error) => Err(Error::from(error)),
        };
        collect.finish(outcome)
    }

    /// Runs many requests, several in flight at once so that the
    /// connection sends many per `sendmsg`, each answered on its own: the
    /// result of each, in the order given. Only the last request of each
    /// datagram asks for an ACK ([`Request::implied_ack`]); a failing
    /// request still gets its own error.
    pub async fn execute_batch<T>(
        &self,
        requests: impl IntoIterator<Item = Request<T>>,
    ) -> Vec<Result<T, Error>> {
        futures::stream::iter(requests)
            .map(|request| self.execute(request.implied_ack()))
            .buffered(BATCH_IN_FLIGHT)
            .collect()
            .await
    }

    /// A handle over the protocol handle of a route connection opened
    /// by other means (a monitor's, say).
    pub fn from_protocol_handle(handle: netlink_proto::tokio::Handle<RouteNetlinkMessage>) -> Self {
        Handle { handle }
    }

    /// The underlying protocol handle, for what this crate does not wrap.
    pub fn protocol_handle(&self) -> &netlink_proto::tokio::Handle<RouteNetlinkMessage> {
        &self.handle
    }
}

fn from_socket(socket: Socket) -> Result<(Connection, Handle), Error> {
    let socket = crate::request::prepare(socket);
    let (connection, handle, _events) = new_connection_with(socket, ConnectionConfig::default())?;
    Ok((connection, Handle { handle }))
}

/// Opens a connection in the current network namespace: spawn the
/// [`Connection`], send requests through the [`Handle`].
pub fn new_connection() -> Result<(Connection, Handle), Error> {
    from_socket(Socket::new(Protocol::Route)?)
}

/// Like [`new_connection`], inside network namespace `ns`.
pub fn new_connection_in_namespace(ns: &Namespace) -> Result<(Connection, Handle), Error> {
    from_socket(Socket::new_in_namespace(Protocol::Route, ns)?)
}

/// Like [`new_connection`], over a route socket of your own.
pub fn new_connection_from_socket(socket: Socket) -> Result<(Connection, Handle), Error> {
    from_socket(socket)
}
