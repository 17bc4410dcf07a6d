//! Monitoring with tokio: the connection to spawn, a handle for requests
//! and a `Stream` of events.
//!
//! ```no_run
//! use futures::StreamExt;
//! use rtnetlink::monitor::{tokio::new_monitor, Groups};
//!
//! # async fn run() -> Result<(), rtnetlink::Error> {
//! let (connection, _handle, mut events) = new_monitor(&Groups::links())?;
//! tokio::spawn(connection);
//! while let Some(event) = events.next().await {
//!     println!("{event:?}");
//! }
//! # Ok(()) }
//! ```

use std::pin::Pin;
use std::task::{Context, Poll};

use futures::Stream;
use netlink_packet_route::RouteNetlinkMessage;
use netlink_proto::tokio::{new_connection_with, ConnectionConfig};
use netlink_sys::{Namespace, Protocol, Socket};

use super::{join, Event, Groups};
use crate::tokio::{Connection, Handle};
use crate::Error;

/// The events of a tokio monitor. It keeps the connection running while
/// it lives, even once every [`Handle`] is gone.
pub struct EventStream {
    events: netlink_proto::tokio::EventStream<RouteNetlinkMessage>,
    _keep: netlink_proto::tokio::Handle<RouteNetlinkMessage>,
}

impl std::fmt::Debug for EventStream {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EventStream").finish_non_exhaustive()
    }
}

impl Stream for EventStream {
    type Item = Event;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Event>> {
        let this = self.get_mut();
        Pin::new(&mut this.events)
            .poll_next(cx)
            .map(|event| event.map(Event::from))
    }
}

/// Joins `groups` in the current network namespace: spawn the
/// [`Connection`] (set socket options through [`Connection::socket`]
/// first if you want), read the [`EventStream`], run requests (dumps to
/// resync) through the [`Handle`].
pub fn new_monitor(groups: &Groups) -> Result<(Connection, Handle, EventStream), Error> {
    new_monitor_from_socket(Socket::new(Protocol::Route)?, groups)
}

/// Like [`new_monitor`], inside network namespace `ns`.
pub fn new_monitor_in_namespace(
    ns: &Namespace,
    groups: &Groups,
) -> Result<(Connection, Handle, EventStream), Error> {
    new_monitor_from_socket(Socket::new_in_namespace(Protocol::Route, ns)?, groups)
}

/// Like [`new_monitor`], over a route socket of your own.
pub fn new_monitor_from_socket(
    socket: Socket,
    groups: &Groups,
) -> Result<(Connection, Handle, EventStream), Error> {
    let socket = crate::request::prepare(socket);
    let (connection, handle, events) = new_connection_with(socket, ConnectionConfig::default())?;
    // Joined before the connection runs: no notification is missed
    // between spawning it and the first read.
    if let Some(socket) = connection.socket() {
        join(socket, groups)?;
    }
    let events = EventStream {
        events,
        _keep: handle.clone(),
    };
    Ok((connection, Handle::from_protocol_handle(handle), events))
}
