//! The tokio front end.

use std::collections::VecDeque;

use futures::StreamExt;
use netlink_packet_core::NetlinkPayload;
use netlink_packet_route::RouteNetlinkMessage;
use netlink_proto::tokio::{new_connection_with, ConnectionConfig, ReplyStream};
use netlink_sys::{Namespace, Protocol, Socket};

use crate::{Collector, Error, Request};

pub use netlink_proto::tokio::Connection;

/// How many requests of one batch are in flight at once: enough to fill
/// the engine's send batches, few enough to keep its in-flight bound.
const BATCH_IN_FLIGHT: usize = 64;

/// A request of a batch: refused unsent, or sent and waiting for its
/// replies.
enum Sent<T> {
    Refused(Error),
    Waiting(
        Result<ReplyStream<RouteNetlinkMessage>, netlink_proto::Error>,
        Collector<T>,
    ),
}

/// Feeds a request's replies to its collector as they are parsed (no
/// vector of whole netlink messages) and makes its result.
async fn collect_replies<T>(
    replies: Result<ReplyStream<RouteNetlinkMessage>, netlink_proto::Error>,
    mut collect: Collector<T>,
) -> Result<T, Error> {
    let outcome = match replies {
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
        let (message, options, collect) = request.into_parts();
        let replies = self.handle.request(message, options).await;
        collect_replies(replies, collect).await
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
        let mut requests = requests.into_iter();
        let mut results = Vec::with_capacity(requests.size_hint().0);
        // Answers come in the order the requests were sent: the oldest is
        // collected while the later ones are on their way. Refilling the
        // window waits for the connection only when its command queue is
        // full, so the requests sent meanwhile go out together in the next
        // datagram.
        let mut window: VecDeque<Sent<T>> = VecDeque::with_capacity(BATCH_IN_FLIGHT);
        loop {
            while window.len() < BATCH_IN_FLIGHT {
                let Some(request) = requests.next() else {
                    break;
                };
                window.push_back(match request.check() {
                    Err(error) => Sent::Refused(error),
                    Ok(()) => {
                        let (message, options, collect) = request.into_parts();
                        let replies = self.handle.request(message, options.implied_ack()).await;
                        Sent::Waiting(replies, collect)
                    }
                });
            }
            let Some(oldest) = window.pop_front() else {
                return results;
            };
            results.push(match oldest {
                Sent::Refused(error) => Err(error),
                Sent::Waiting(replies, collect) => collect_replies(replies, collect).await,
            });
        }
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
