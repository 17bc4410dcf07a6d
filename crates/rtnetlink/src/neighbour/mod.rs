//! Neighbour (ARP / NDP) and bridge FDB operations (`RTM_NEWNEIGH`,
//! `RTM_DELNEIGH`, `RTM_GETNEIGH`, linux/neighbour.h).
//!
//! IP neighbours are [`NeighbourAdd`], [`NeighbourDel`], [`NeighbourGet`]
//! and [`NeighbourDump`]; bridge forwarding database entries (`AF_BRIDGE`)
//! are [`FdbAdd`], [`FdbDel`] and [`FdbDump`].
//!
//! Entries belong to a link: an interface index of 0 or beyond the
//! kernel's `int` makes a request fail unsent with
//! [`Error::InvalidArgument`].

mod fdb;

pub use fdb::{FdbAdd, FdbDel, FdbDump};

use std::net::IpAddr;

use netlink_packet_core::NetlinkFlags;
use netlink_packet_route::link::LinkLayerAddress;
use netlink_packet_route::neighbour::{
    NeighbourAttr, NeighbourFamily, NeighbourFlags, NeighbourFlagsExt, NeighbourHeader,
    NeighbourMessage, NeighbourState,
};
use netlink_packet_route::RouteNetlinkMessage;
use netlink_proto::RequestOptions;

use crate::request::{ack, check_index, single};
#[cfg(doc)]
use crate::Error;
use crate::Request;

fn new_neighbour(message: RouteNetlinkMessage) -> Option<NeighbourMessage> {
    match message {
        RouteNetlinkMessage::NewNeighbour(n) => Some(n),
        _ => None,
    }
}

/// The header's `int` interface index for `index`; see [`index_problem`]
/// for the indexes that name no link.
fn ifindex(index: u32) -> i32 {
    check_index(index).unwrap_or(0)
}

/// Why `index` cannot name the link of an entry: the kernel keeps
/// neighbours per device.
fn index_problem(index: u32) -> Option<String> {
    check_index(index)
        .err()
        .map(|problem| format!("neighbour entries need a link: {problem}"))
}

/// The request for `message`, or the same refused unsent with `problem`.
fn checked<T: 'static>(
    message: RouteNetlinkMessage,
    flags: NetlinkFlags,
    problem: Option<String>,
    finish: fn(Vec<RouteNetlinkMessage>) -> Result<T, crate::Error>,
) -> Request<T> {
    match problem {
        Some(problem) => Request::invalid(message, problem),
        None => Request::new(message, flags, RequestOptions::request(), finish),
    }
}

fn ip_family(ip: IpAddr) -> NeighbourFamily {
    match ip {
        IpAddr::V4(_) => NeighbourFamily::Inet,
        IpAddr::V6(_) => NeighbourFamily::Inet6,
    }
}

/// The header and `NDA_DST` naming one IP neighbour (or proxy entry) on
/// link `index`.
fn ip_neighbour(index: u32, destination: IpAddr, proxy: bool) -> NeighbourMessage {
    let header = NeighbourHeader {
        family: ip_family(destination),
        index: ifindex(index),
        flags: if proxy {
            NeighbourFlags::PROXY
        } else {
            NeighbourFlags::default()
        },
        ..Default::default()
    };
    NeighbourMessage::new(header, vec![NeighbourAttr::Destination(destination.into())])
}

/// Adds or replaces an IP neighbour (`RTM_NEWNEIGH`), like `ip neigh add`:
/// permanent unless [`state`](NeighbourAdd::state) says otherwise.
#[derive(Debug, Clone)]
pub struct NeighbourAdd {
    message: NeighbourMessage,
    flags_ext: NeighbourFlagsExt,
    replace: bool,
    problem: Option<String>,
}

impl NeighbourAdd {
    /// Neighbour `destination` on link `index` (`ip neigh add ADDR dev DEV`).
    pub fn new(index: u32, destination: IpAddr) -> Self {
        let mut message = ip_neighbour(index, destination, false);
        message.header.state = NeighbourState::PERMANENT;
        NeighbourAdd {
            message,
            flags_ext: NeighbourFlagsExt::default(),
            replace: false,
            problem: index_problem(index),
        }
    }

    /// A proxy entry (`NTF_PROXY`, `ip neigh add proxy ADDR dev DEV`): the
    /// host answers ARP / neighbour solicitations for `destination` on link
    /// `index`. Proxy entries have no link-layer address nor state.
    pub fn proxy(index: u32, destination: IpAddr) -> Self {
        NeighbourAdd {
            message: ip_neighbour(index, destination, true),
            flags_ext: NeighbourFlagsExt::default(),
            replace: false,
            problem: index_problem(index),
        }
    }

    /// The link-layer address (`NDA_LLADDR`, `lladdr`).
    #[must_use]
    pub fn lladdr(mut self, lladdr: impl Into<Vec<u8>>) -> Self {
        self.message
            .attrs
            .push(NeighbourAttr::LinkLocalAddress(LinkLayerAddress::from(
                lladdr.into(),
            )));
        self
    }

    /// The state (`NUD_*`: permanent, reachable, stale, noarp, ...).
    #[must_use]
    pub fn state(mut self, state: NeighbourState) -> Self {
        self.message.header.state = state;
        self
    }

    /// Marks the neighbour as a router (`NTF_ROUTER`, IPv6).
    #[must_use]
    pub fn router(self) -> Self {
        self.flags(NeighbourFlags::ROUTER)
    }

    /// Adds header flags (`NTF_*`, say `NTF_EXT_LEARNED`).
    #[must_use]
    pub fn flags(mut self, flags: NeighbourFlags) -> Self {
        self.message.header.flags |= flags;
        self
    }

    /// Makes the entry managed (`NTF_EXT_MANAGED` in `NDA_FLAGS_EXT`,
    /// `managed`): the kernel resolves it and keeps it resolved. Sets the
    /// state to `NUD_NONE` as `ip` does (the kernel refuses a permanent
    /// managed entry); call [`state`](Self::state) afterwards to override.
    #[must_use]
    pub fn managed(mut self) -> Self {
        self.flags_ext |= NeighbourFlagsExt::MANAGED;
        self.message.header.state = NeighbourState::NONE;
        self
    }

    /// Who adds the entry (`NDA_PROTOCOL`, `RTPROT_*`).
    #[must_use]
    pub fn protocol(mut self, protocol: u8) -> Self {
        self.message.attrs.push(NeighbourAttr::Protocol(protocol));
        self
    }

    /// Replaces an existing entry instead of failing with
    /// [`Error::AlreadyExists`] (`NLM_F_REPLACE`, `ip neigh replace`).
    #[must_use]
    pub fn replace(mut self) -> Self {
        self.replace = true;
        self
    }

    /// The request.
    pub fn build(self) -> Request<()> {
        let mut message = self.message;
        if self.flags_ext != NeighbourFlagsExt::default() {
            message.attrs.push(NeighbourAttr::FlagsExt(self.flags_ext));
        }
        let flags = if self.replace {
            NetlinkFlags::CREATE | NetlinkFlags::REPLACE
        } else {
            NetlinkFlags::CREATE | NetlinkFlags::EXCL
        };
        checked(
            RouteNetlinkMessage::NewNeighbour(message),
            flags,
            self.problem,
            ack,
        )
    }
}

impl From<NeighbourAdd> for Request<()> {
    fn from(add: NeighbourAdd) -> Self {
        add.build()
    }
}

/// Deletes an IP neighbour (`RTM_DELNEIGH`, `ip neigh del`).
#[derive(Debug, Clone, Copy)]
pub struct NeighbourDel;

impl NeighbourDel {
    /// Deletes neighbour `destination` of link `index`.
    pub fn address(index: u32, destination: IpAddr) -> Request<()> {
        Self::request(index, destination, false)
    }

    /// Deletes proxy entry `destination` of link `index`.
    pub fn proxy(index: u32, destination: IpAddr) -> Request<()> {
        Self::request(index, destination, true)
    }

    fn request(index: u32, destination: IpAddr, proxy: bool) -> Request<()> {
        checked(
            RouteNetlinkMessage::DelNeighbour(ip_neighbour(index, destination, proxy)),
            NetlinkFlags::empty(),
            index_problem(index),
            ack,
        )
    }
}

/// Reads one IP neighbour (`RTM_GETNEIGH` without `NLM_F_DUMP`, `ip neigh
/// get`): the kernel needs both the link and the address.
#[derive(Debug, Clone, Copy)]
pub struct NeighbourGet;

impl NeighbourGet {
    /// Neighbour `destination` of link `index`; [`Error::NotFound`] when
    /// there is none.
    pub fn address(index: u32, destination: IpAddr) -> Request<NeighbourMessage> {
        Self::request(index, destination, false)
    }

    /// Proxy entry `destination` of link `index`.
    pub fn proxy(index: u32, destination: IpAddr) -> Request<NeighbourMessage> {
        Self::request(index, destination, true)
    }

    fn request(index: u32, destination: IpAddr, proxy: bool) -> Request<NeighbourMessage> {
        checked(
            RouteNetlinkMessage::GetNeighbour(ip_neighbour(index, destination, proxy)),
            NetlinkFlags::empty(),
            index_problem(index),
            |replies| single(replies, new_neighbour, "RTM_NEWNEIGH"),
        )
    }
}

/// Dumps IP neighbours (`RTM_GETNEIGH` with `NLM_F_DUMP`, `ip neigh show`).
///
/// The family, link (`NDA_IFINDEX`), master (`NDA_MASTER`) and proxy
/// (`NTF_PROXY`) filters are sent for the kernel to apply; family, link,
/// proxy and state are checked again here, so the result is the same on
/// kernels without strict checking (where the master filter is not
/// applied: neighbour messages do not carry the master).
#[derive(Debug, Clone, Copy, Default)]
pub struct NeighbourDump {
    family: Option<NeighbourFamily>,
    link: Option<u32>,
    master: Option<u32>,
    proxy: bool,
    state: Option<NeighbourState>,
}

impl NeighbourDump {
    /// Every IPv4 and IPv6 neighbour (not bridge FDB entries: see
    /// [`FdbDump`]).
    pub fn new() -> Self {
        Self::default()
    }

    /// Only IPv4 ([`NeighbourFamily::Inet`]) or IPv6
    /// ([`NeighbourFamily::Inet6`]) neighbours.
    #[must_use]
    pub fn family(mut self, family: NeighbourFamily) -> Self {
        self.family = Some(family);
        self
    }

    /// Only neighbours of link `index`.
    #[must_use]
    pub fn link(mut self, index: u32) -> Self {
        self.link = Some(index);
        self
    }

    /// Only neighbours of links whose master (bridge, VRF) is `index`.
    #[must_use]
    pub fn master(mut self, index: u32) -> Self {
        self.master = Some(index);
        self
    }

    /// Proxy entries instead of neighbours (`ip neigh show proxy`).
    #[must_use]
    pub fn proxy(mut self) -> Self {
        self.proxy = true;
        self
    }

    /// Only neighbours in one of these states (checked here).
    #[must_use]
    pub fn state(mut self, state: NeighbourState) -> Self {
        self.state = Some(state);
        self
    }

    /// The request.
    pub fn build(self) -> Request<Vec<NeighbourMessage>> {
        let header = NeighbourHeader {
            family: self.family.unwrap_or_default(),
            flags: if self.proxy {
                NeighbourFlags::PROXY
            } else {
                NeighbourFlags::default()
            },
            ..Default::default()
        };
        let mut attrs = Vec::new();
        if let Some(index) = self.link {
            attrs.push(NeighbourAttr::IfIndex(index));
        }
        if let Some(index) = self.master {
            attrs.push(NeighbourAttr::Master(index));
        }
        let filter = self;
        Request::each_reply(
            RouteNetlinkMessage::GetNeighbour(NeighbourMessage::new(header, attrs)),
            NetlinkFlags::empty(),
            RequestOptions::dump(),
            move |reply| new_neighbour(reply).filter(|n| filter.keeps(n)),
        )
    }

    fn keeps(&self, n: &NeighbourMessage) -> bool {
        let family = n.header.family;
        let ip = matches!(family, NeighbourFamily::Inet | NeighbourFamily::Inet6);
        ip && self.family.map_or(true, |f| f == family)
            && self
                .link
                .map_or(true, |i| i64::from(n.header.index) == i64::from(i))
            && n.header.flags.contains(NeighbourFlags::PROXY) == self.proxy
            && self
                .state
                .map_or(true, |s| n.header.state.bits() & s.bits() != 0)
    }
}

impl From<NeighbourDump> for Request<Vec<NeighbourMessage>> {
    fn from(dump: NeighbourDump) -> Self {
        dump.build()
    }
}

#[cfg(test)]
mod tests;
