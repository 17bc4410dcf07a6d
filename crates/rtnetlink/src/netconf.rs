//! Per-device IP configuration (`RTM_GETNETCONF`, linux/netconf.h), as `ip
//! netconf` shows it: forwarding, reverse path filter, proxy neighbour and
//! the like, per family and per device, plus the `all` and `default`
//! settings.

use netlink_packet_core::NetlinkFlags;
use netlink_packet_route::family::{AF_INET, AF_INET6, AF_MPLS};
use netlink_packet_route::netconf::{NetconfAttr, NetconfHeader, NetconfIfindex, NetconfMessage};
use netlink_packet_route::RouteNetlinkMessage;
use netlink_proto::RequestOptions;

use crate::request::single;
#[cfg(doc)]
use crate::Error;
use crate::Request;

fn new_netconf(message: RouteNetlinkMessage) -> Option<NetconfMessage> {
    match message {
        RouteNetlinkMessage::NewNetconf(n) => Some(n),
        _ => None,
    }
}

fn header(family: u8) -> NetconfHeader {
    NetconfHeader {
        family,
        ..Default::default()
    }
}

/// Reads the configuration of one device, or the `all` / `default`
/// settings, in one family (`RTM_GETNETCONF`, `ip -4 netconf show dev
/// DEV`).
#[derive(Debug, Clone, Copy)]
pub struct NetconfGet;

impl NetconfGet {
    /// The settings `which` (a device, `all` or `default`) of `family`
    /// (`AF_INET`, `AF_INET6`, `AF_MPLS`). Another family fails unsent
    /// with [`Error::InvalidArgument`]: only these have netconf.
    pub fn settings(family: u8, which: NetconfIfindex) -> Request<NetconfMessage> {
        let message = RouteNetlinkMessage::GetNetconf(NetconfMessage::new(
            header(family),
            vec![NetconfAttr::Ifindex(which)],
        ));
        if !matches!(family, AF_INET | AF_INET6 | AF_MPLS) {
            return Request::invalid(
                message,
                format!(
                    "netconf family {family} is none of AF_INET (2), AF_INET6 (10), AF_MPLS (28)"
                ),
            );
        }
        Request::new(
            message,
            NetlinkFlags::empty(),
            RequestOptions::request(),
            |replies| single(replies, new_netconf, "RTM_NEWNETCONF"),
        )
    }

    /// The settings of link `index` in `family`; an index beyond the
    /// kernel's `int` fails unsent with [`Error::InvalidArgument`].
    pub fn link(family: u8, index: u32) -> Request<NetconfMessage> {
        match i32::try_from(index) {
            Ok(index) => Self::settings(family, NetconfIfindex::from(index)),
            Err(_) => Request::invalid(
                RouteNetlinkMessage::GetNetconf(NetconfMessage::new(header(family), vec![])),
                format!("link index {index} is beyond the kernel's int"),
            ),
        }
    }

    /// The `all` settings of `family` (`NETCONFA_IFINDEX_ALL`).
    pub fn all(family: u8) -> Request<NetconfMessage> {
        Self::settings(family, NetconfIfindex::All)
    }

    /// The defaults of `family` for new links (`NETCONFA_IFINDEX_DEFAULT`).
    pub fn defaults(family: u8) -> Request<NetconfMessage> {
        Self::settings(family, NetconfIfindex::Default)
    }
}

/// Dumps the configuration of every device, `all` and `default`
/// (`RTM_GETNETCONF` with `NLM_F_DUMP`, `ip netconf show`), of one family
/// or (0) of every family; the kernel filters by family, checked again
/// here.
#[derive(Debug, Clone, Copy, Default)]
pub struct NetconfDump {
    family: u8,
}

impl NetconfDump {
    /// Every family.
    pub fn new() -> Self {
        Self::default()
    }

    /// Only `family` (`AF_INET`, `AF_INET6`, `AF_MPLS`).
    #[must_use]
    pub fn family(mut self, family: u8) -> Self {
        self.family = family;
        self
    }

    /// The request.
    pub fn build(self) -> Request<Vec<NetconfMessage>> {
        let family = self.family;
        Request::each_reply(
            RouteNetlinkMessage::GetNetconf(NetconfMessage::new(header(family), vec![])),
            NetlinkFlags::empty(),
            RequestOptions::dump(),
            move |reply| new_netconf(reply).filter(|n| family == 0 || n.header.family == family),
        )
    }
}

impl From<NetconfDump> for Request<Vec<NetconfMessage>> {
    fn from(dump: NetconfDump) -> Self {
        dump.build()
    }
}
