//! Nexthop objects and groups (`RTM_NEWNEXTHOP`, `RTM_DELNEXTHOP`,
//! `RTM_GETNEXTHOP`, linux/nexthop.h), as `ip nexthop` manages them.
//!
//! A single nexthop is [`NexthopAdd`], a group [`NexthopGroupAdd`];
//! [`NexthopDel`], [`NexthopGet`] and [`NexthopDump`] serve both, and
//! [`NexthopBucketDump`] reads the buckets of resilient groups.

mod group;

pub use group::{NexthopBucketDump, NexthopGroupAdd};

use std::net::IpAddr;

use netlink_packet_core::nla::Flag;
use netlink_packet_core::NetlinkFlags;
use netlink_packet_route::family::{AF_INET, AF_INET6};
use netlink_packet_route::nexthop::{NexthopAttr, NexthopFlags, NexthopHeader, NexthopMessage};
use netlink_packet_route::RouteNetlinkMessage;
use netlink_proto::RequestOptions;

use crate::request::{ack, single};
use crate::Request;

fn new_nexthop(message: RouteNetlinkMessage) -> Option<NexthopMessage> {
    match message {
        RouteNetlinkMessage::NewNexthop(n) => Some(n),
        _ => None,
    }
}

/// `NLM_F_CREATE` and either `NLM_F_EXCL` or `NLM_F_REPLACE`.
fn create_flags(replace: bool) -> NetlinkFlags {
    if replace {
        NetlinkFlags::CREATE | NetlinkFlags::REPLACE
    } else {
        NetlinkFlags::CREATE | NetlinkFlags::EXCL
    }
}

/// Adds or replaces a single nexthop (`RTM_NEWNEXTHOP`, `ip nexthop add`):
/// a gateway, a device, or a blackhole.
#[derive(Debug, Clone)]
pub struct NexthopAdd {
    header: NexthopHeader,
    attrs: Vec<NexthopAttr>,
    replace: bool,
    /// The first argument found wrong, which refuses the request.
    problem: Option<String>,
}

impl NexthopAdd {
    fn with_family(id: u32, family: u8) -> Self {
        NexthopAdd {
            header: NexthopHeader {
                family,
                ..Default::default()
            },
            attrs: vec![NexthopAttr::Id(id)],
            replace: false,
            problem: None,
        }
    }

    /// IPv4 nexthop `id` (`ip nexthop add id ID ...`; id 0 lets the kernel
    /// pick one).
    pub fn new(id: u32) -> Self {
        Self::with_family(id, AF_INET)
    }

    /// IPv6 nexthop `id` (`ip -6 nexthop add id ID ...`).
    pub fn v6(id: u32) -> Self {
        Self::with_family(id, AF_INET6)
    }

    /// The gateway (`NHA_GATEWAY`, `via`). The request fails unsent with
    /// [`Error::InvalidArgument`](crate::Error::InvalidArgument) when it is
    /// not of the nexthop's family.
    #[must_use]
    pub fn gateway(mut self, ip: IpAddr) -> Self {
        let family = if ip.is_ipv4() { AF_INET } else { AF_INET6 };
        if family != self.header.family {
            let (ours, theirs) = if family == AF_INET {
                ("IPv6", "IPv4")
            } else {
                ("IPv4", "IPv6")
            };
            self.problem.get_or_insert(format!(
                "gateway {ip} is {theirs} but the nexthop is {ours} (use NexthopAdd::{})",
                if family == AF_INET { "new" } else { "v6" }
            ));
        }
        self.attrs.push(NexthopAttr::Gateway(ip));
        self
    }

    /// The output device (`NHA_OIF`, `dev`).
    #[must_use]
    pub fn dev(mut self, index: u32) -> Self {
        self.attrs.push(NexthopAttr::Oif(index));
        self
    }

    /// Drops packets (`NHA_BLACKHOLE`, `blackhole`); takes no gateway nor
    /// device.
    #[must_use]
    pub fn blackhole(mut self) -> Self {
        self.attrs.push(NexthopAttr::Blackhole(Flag));
        self
    }

    /// The gateway is on the link even if no prefix says so
    /// (`RTNH_F_ONLINK`, `onlink`).
    #[must_use]
    pub fn onlink(mut self) -> Self {
        self.header.flags |= NexthopFlags::ONLINK;
        self
    }

    /// A nexthop for vxlan FDB entries (`NHA_FDB`, `fdb`): a gateway, no
    /// device.
    #[must_use]
    pub fn fdb(mut self) -> Self {
        self.attrs.push(NexthopAttr::Fdb(Flag));
        self
    }

    /// Who adds it (`nh_protocol`, `RTPROT_*`, `proto`).
    #[must_use]
    pub fn protocol(mut self, protocol: u8) -> Self {
        self.header.protocol = protocol;
        self
    }

    /// Replaces nexthop `id` if it exists (`NLM_F_REPLACE`, `ip nexthop
    /// replace`).
    #[must_use]
    pub fn replace(mut self) -> Self {
        self.replace = true;
        self
    }

    /// The request.
    pub fn build(self) -> Request<()> {
        let message = NexthopMessage::new(self.header, self.attrs);
        if let Some(problem) = self.problem {
            return Request::invalid(RouteNetlinkMessage::NewNexthop(message), problem);
        }
        Request::new(
            RouteNetlinkMessage::NewNexthop(message),
            create_flags(self.replace),
            RequestOptions::request(),
            ack,
        )
    }
}

impl From<NexthopAdd> for Request<()> {
    fn from(add: NexthopAdd) -> Self {
        add.build()
    }
}

fn by_id(id: u32) -> NexthopMessage {
    NexthopMessage::new(NexthopHeader::default(), vec![NexthopAttr::Id(id)])
}

/// Deletes a nexthop or group (`RTM_DELNEXTHOP`, `ip nexthop del id ID`).
#[derive(Debug, Clone, Copy)]
pub struct NexthopDel;

impl NexthopDel {
    /// Deletes nexthop `id`; [`Error::NotFound`](crate::Error::NotFound)
    /// when there is none.
    pub fn id(id: u32) -> Request<()> {
        Request::new(
            RouteNetlinkMessage::DelNexthop(by_id(id)),
            NetlinkFlags::empty(),
            RequestOptions::request(),
            ack,
        )
    }
}

/// Reads one nexthop or group (`RTM_GETNEXTHOP`, `ip nexthop get id ID`).
#[derive(Debug, Clone, Copy)]
pub struct NexthopGet;

impl NexthopGet {
    /// Nexthop `id`; [`Error::NotFound`](crate::Error::NotFound) when there
    /// is none.
    pub fn id(id: u32) -> Request<NexthopMessage> {
        Request::new(
            RouteNetlinkMessage::GetNexthop(by_id(id)),
            NetlinkFlags::empty(),
            RequestOptions::request(),
            |replies| single(replies, new_nexthop, "RTM_NEWNEXTHOP"),
        )
    }
}

/// Dumps nexthops (`RTM_GETNEXTHOP` with `NLM_F_DUMP`, `ip nexthop show`).
///
/// Every filter is sent for the kernel to apply: family (header), device
/// (`NHA_OIF`), groups only (`NHA_GROUPS`), master (`NHA_MASTER`) and FDB
/// (`NHA_FDB`). All but the master are checked again here: kernels take
/// `NHA_FDB` in a dump request and still list every nexthop (Linux 6.18
/// does), and older kernels filter nothing. Like the kernel, a family or
/// device filter leaves groups out.
#[derive(Debug, Clone, Copy, Default)]
pub struct NexthopDump {
    family: u8,
    oif: Option<u32>,
    master: Option<u32>,
    groups: bool,
    fdb: bool,
}

impl NexthopDump {
    /// Every nexthop and group.
    pub fn new() -> Self {
        Self::default()
    }

    /// Only nexthops of `family` (`AF_INET`, `AF_INET6`).
    #[must_use]
    pub fn family(mut self, family: u8) -> Self {
        self.family = family;
        self
    }

    /// Only nexthops using device `index` (`dev`).
    #[must_use]
    pub fn dev(mut self, index: u32) -> Self {
        self.oif = Some(index);
        self
    }

    /// Only nexthops whose device's master is `index` (`master`).
    #[must_use]
    pub fn master(mut self, index: u32) -> Self {
        self.master = Some(index);
        self
    }

    /// Only groups (`groups`).
    #[must_use]
    pub fn groups(mut self) -> Self {
        self.groups = true;
        self
    }

    /// Only FDB nexthops and groups (`fdb`).
    #[must_use]
    pub fn fdb(mut self) -> Self {
        self.fdb = true;
        self
    }

    /// The request.
    pub fn build(self) -> Request<Vec<NexthopMessage>> {
        let header = NexthopHeader {
            family: self.family,
            ..Default::default()
        };
        let mut attrs = Vec::new();
        if let Some(index) = self.oif {
            attrs.push(NexthopAttr::Oif(index));
        }
        if self.groups {
            attrs.push(NexthopAttr::Groups(Flag));
        }
        if let Some(index) = self.master {
            attrs.push(NexthopAttr::Master(index));
        }
        if self.fdb {
            attrs.push(NexthopAttr::Fdb(Flag));
        }
        let filter = self;
        Request::each_reply(
            RouteNetlinkMessage::GetNexthop(NexthopMessage::new(header, attrs)),
            NetlinkFlags::empty(),
            RequestOptions::dump(),
            move |reply| new_nexthop(reply).filter(|n| filter.keeps(n)),
        )
    }

    fn keeps(&self, n: &NexthopMessage) -> bool {
        let has = |want: fn(&NexthopAttr) -> bool| n.attrs.iter().any(want);
        let is_group = has(|a| matches!(a, NexthopAttr::Group(_)));
        let narrowed = self.family != 0 || self.oif.is_some();
        (self.family == 0 || n.header.family == self.family)
            && self
                .oif
                .map_or(true, |i| n.attrs.contains(&NexthopAttr::Oif(i)))
            && !(narrowed && is_group)
            && (!self.groups || is_group)
            && (!self.fdb || has(|a| matches!(a, NexthopAttr::Fdb(_))))
    }
}

impl From<NexthopDump> for Request<Vec<NexthopMessage>> {
    fn from(dump: NexthopDump) -> Self {
        dump.build()
    }
}

#[cfg(test)]
mod tests;
