//! Monitoring: join `RTNLGRP_*` multicast groups and receive the kernel's
//! notifications as typed events, like `ip monitor`.
//!
//! Events come in the order the kernel sent them. Nothing is dropped
//! silently: when notifications were lost (the socket's receive buffer
//! overflowed, `ENOBUFS`, or the reader fell too far behind) an
//! [`Event::Overrun`] marks the place, and whatever state the caller
//! mirrors must be dumped again; a notification that cannot be decoded
//! arrives as [`Event::Invalid`].
//!
//! Blocking, with [`Monitor`]:
//!
//! ```no_run
//! use std::time::Duration;
//! use rtnetlink::monitor::{Event, Groups, Monitor};
//!
//! let mut monitor = Monitor::new(&Groups::links_addresses_routes())?;
//! while let Some(event) = monitor.next_event(Some(Duration::from_secs(5)))? {
//!     match event {
//!         Event::Message(message) => println!("{message:?}"),
//!         Event::Overrun => println!("events lost: dump again"),
//!         other => println!("{other:?}"),
//!     }
//! }
//! # Ok::<(), rtnetlink::Error>(())
//! ```
//!
//! With tokio, [`tokio::new_monitor`] gives the
//! connection to spawn, a handle and a `Stream` of events.

use std::collections::BTreeSet;
use std::time::Duration;

use netlink_packet_core::{DecodeError, NetlinkMessage, NetlinkPayload};
use netlink_packet_route::rtnlgrp::RtnlGroup;
use netlink_packet_route::RouteNetlinkMessage;
use netlink_sys::{Namespace, Protocol, Socket};

use crate::blocking::Handle;
use crate::Error;

#[cfg(feature = "tokio")]
pub mod tokio;

/// The highest group [`Groups::all`] joins: `RTNLGRP_STATS`.
const LAST_GROUP: u32 = 36;

/// A set of rtnetlink multicast groups (`RTNLGRP_*`) to join.
///
/// ```
/// use rtnetlink::monitor::Groups;
/// use rtnetlink::packet::rtnlgrp::RtnlGroup;
///
/// let groups = Groups::links().with(RtnlGroup::Neigh);
/// assert!(groups.contains(RtnlGroup::Link));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Groups(BTreeSet<u32>);

impl Groups {
    /// No group.
    pub fn new() -> Self {
        Self::default()
    }

    /// These groups and `group`.
    #[must_use]
    pub fn with(mut self, group: RtnlGroup) -> Self {
        let number = u32::from(group);
        if number != 0 {
            self.0.insert(number);
        }
        self
    }

    /// These groups and those of `other`.
    #[must_use]
    pub fn union(mut self, other: &Groups) -> Self {
        self.0.extend(other.0.iter().copied());
        self
    }

    /// Whether `group` is in the set.
    pub fn contains(&self, group: RtnlGroup) -> bool {
        self.0.contains(&u32::from(group))
    }

    /// Whether the set is empty.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The groups, in ascending order.
    pub fn iter(&self) -> impl Iterator<Item = RtnlGroup> + '_ {
        self.0.iter().map(|&n| RtnlGroup::from(n))
    }

    /// Link changes (`RTNLGRP_LINK`).
    pub fn links() -> Self {
        Self::new().with(RtnlGroup::Link)
    }

    /// IPv4 and IPv6 address changes (`RTNLGRP_IPV4_IFADDR`,
    /// `RTNLGRP_IPV6_IFADDR`).
    pub fn addresses() -> Self {
        Self::new()
            .with(RtnlGroup::Ipv4Ifaddr)
            .with(RtnlGroup::Ipv6Ifaddr)
    }

    /// IPv4 and IPv6 route changes (`RTNLGRP_IPV4_ROUTE`,
    /// `RTNLGRP_IPV6_ROUTE`).
    pub fn routes() -> Self {
        Self::new()
            .with(RtnlGroup::Ipv4Route)
            .with(RtnlGroup::Ipv6Route)
    }

    /// Neighbour changes (`RTNLGRP_NEIGH`).
    pub fn neighbours() -> Self {
        Self::new().with(RtnlGroup::Neigh)
    }

    /// IPv4 and IPv6 rule changes.
    pub fn rules() -> Self {
        Self::new()
            .with(RtnlGroup::Ipv4Rule)
            .with(RtnlGroup::Ipv6Rule)
    }

    /// Links, addresses and routes: what most watchers want.
    pub fn links_addresses_routes() -> Self {
        Self::links()
            .union(&Self::addresses())
            .union(&Self::routes())
    }

    /// Every group from `RTNLGRP_LINK` (1) to `RTNLGRP_STATS` (36). Two of
    /// them, `RTNLGRP_IPV4_MROUTE_R` and `RTNLGRP_IPV6_MROUTE_R`, need
    /// `CAP_NET_ADMIN` to join.
    pub fn all() -> Self {
        Groups((1..=LAST_GROUP).collect())
    }
}

impl FromIterator<RtnlGroup> for Groups {
    fn from_iter<I: IntoIterator<Item = RtnlGroup>>(iter: I) -> Self {
        iter.into_iter().fold(Groups::new(), Groups::with)
    }
}

/// Something the kernel announced on a joined group.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// A notification: `RTM_NEWLINK`, `RTM_DELADDR`, `RTM_NEWROUTE`, ...
    Message(RouteNetlinkMessage),
    /// A netlink control message (error, done, noop) that came through a
    /// group: not expected from the kernel, kept as it came.
    Control(NetlinkMessage<RouteNetlinkMessage>),
    /// Notifications were lost here: dump what you mirror again.
    Overrun,
    /// A notification that could not be decoded, with where and why.
    Invalid(DecodeError),
}

impl Event {
    /// The notification, if this is one.
    pub fn message(&self) -> Option<&RouteNetlinkMessage> {
        match self {
            Event::Message(message) => Some(message),
            _ => None,
        }
    }

    /// Whether notifications were lost here.
    pub fn is_overrun(&self) -> bool {
        matches!(self, Event::Overrun)
    }
}

impl From<netlink_proto::Event<RouteNetlinkMessage>> for Event {
    fn from(event: netlink_proto::Event<RouteNetlinkMessage>) -> Self {
        match event {
            netlink_proto::Event::Message(message) => match message.payload {
                NetlinkPayload::Inner(inner) => Event::Message(inner),
                _ => Event::Control(message),
            },
            netlink_proto::Event::Overrun => Event::Overrun,
            netlink_proto::Event::Invalid(error) => Event::Invalid(error),
        }
    }
}

/// Joins `groups` on `socket`.
pub(crate) fn join(socket: &Socket, groups: &Groups) -> Result<(), Error> {
    for group in groups.iter() {
        socket
            .add_membership(u32::from(group))
            .map_err(|source| Error::System {
                operation: format!("join multicast group {group}"),
                source,
            })?;
    }
    Ok(())
}

/// A blocking monitor: a route socket that joined some groups. Its
/// connection can also run requests, to dump again after an overrun;
/// notifications arriving meanwhile are kept for [`next_event`].
///
/// [`next_event`]: Monitor::next_event
#[derive(Debug)]
pub struct Monitor {
    handle: Handle,
}

impl Monitor {
    /// Joins `groups` in the current network namespace.
    pub fn new(groups: &Groups) -> Result<Self, Error> {
        Self::from_socket(Socket::new(Protocol::Route)?, groups)
    }

    /// Joins `groups` inside network namespace `ns` (a named namespace,
    /// a path, a pid): the monitor sees that namespace's changes.
    pub fn new_in_namespace(ns: &Namespace, groups: &Groups) -> Result<Self, Error> {
        Self::from_socket(Socket::new_in_namespace(Protocol::Route, ns)?, groups)
    }

    /// Joins `groups` on a route socket of your own.
    pub fn from_socket(socket: Socket, groups: &Groups) -> Result<Self, Error> {
        let mut handle = Handle::from_socket(socket)?;
        join(handle.connection().socket(), groups)?;
        Ok(Monitor { handle })
    }

    /// Joins one more group.
    pub fn join(&mut self, group: RtnlGroup) -> Result<(), Error> {
        join(self.socket(), &Groups::new().with(group))
    }

    /// Leaves a group.
    pub fn leave(&mut self, group: RtnlGroup) -> Result<(), Error> {
        self.socket()
            .drop_membership(u32::from(group))
            .map_err(|source| Error::System {
                operation: format!("leave multicast group {group}"),
                source,
            })
    }

    /// The next event, waiting up to `timeout` (`None`: for ever);
    /// `Ok(None)` when the time ran out.
    pub fn next_event(&mut self, timeout: Option<Duration>) -> Result<Option<Event>, Error> {
        Ok(self
            .handle
            .connection()
            .next_event::<RouteNetlinkMessage>(timeout)?
            .map(Event::from))
    }

    /// The handle of the monitor's connection, to run requests (dumps to
    /// resync) on the same socket.
    pub fn handle(&mut self) -> &mut Handle {
        &mut self.handle
    }

    /// The socket, for its options (the receive buffer size, say).
    pub fn socket(&mut self) -> &Socket {
        self.handle.connection().socket()
    }

    /// How many unread events are kept in memory before an overrun is
    /// reported in place of newer ones (default 4096).
    pub fn set_queue_limit(&mut self, limit: usize) {
        self.handle.connection().set_event_queue_limit(limit);
    }
}

/// Events for ever; an error (of the socket) is the last item.
impl Iterator for Monitor {
    type Item = Result<Event, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            match self.next_event(None) {
                Ok(Some(event)) => return Some(Ok(event)),
                Ok(None) => continue,
                Err(error) => return Some(Err(error)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn group_sets() {
        assert_eq!(Groups::all().iter().count(), 36);
        assert!(Groups::all().contains(RtnlGroup::Stats));
        let lar = Groups::links_addresses_routes();
        let numbers: Vec<u32> = lar.iter().map(u32::from).collect();
        assert_eq!(numbers, [1, 5, 7, 9, 11]);
        let collected: Groups = [RtnlGroup::Link, RtnlGroup::None, RtnlGroup::Link]
            .into_iter()
            .collect();
        assert_eq!(collected, Groups::links());
        assert!(Groups::new().is_empty());
    }

    #[test]
    fn events_from_the_engine() {
        assert!(Event::from(netlink_proto::Event::Overrun).is_overrun());
        let invalid = DecodeError::other(3, "bad");
        assert_eq!(
            Event::from(netlink_proto::Event::Invalid(invalid.clone())),
            Event::Invalid(invalid)
        );
    }
}
