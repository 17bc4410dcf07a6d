//! Dumping routes (`RTM_GETROUTE` with `NLM_F_DUMP`), filtered.

use netlink_packet_core::NetlinkFlags;
use netlink_packet_route::route::{RouteAttr, RouteHeader, RouteMessage, RouteProtocol, RouteType};
use netlink_packet_route::RouteNetlinkMessage;
use netlink_proto::RequestOptions;

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use super::new_route;
use super::prefix::Prefix;
use super::spec::table_parts;
use crate::{Error, Request};

/// `ENOENT` (asm-generic/errno-base.h).
const ENOENT: i32 = 2;

/// Dumps routes (`ip route show table all`), filtered by family, table,
/// protocol, type, output interface and destination.
///
/// Each filter is sent in the request, so that a kernel checking requests
/// strictly (`NETLINK_GET_STRICT_CHK`, which the handles turn on; Linux
/// 4.20) leaves the other routes out of the dump: table (`rtm_table` and
/// `RTA_TABLE`), protocol (`rtm_protocol`), type (`rtm_type`) and output
/// interface (`RTA_OIF`). Older kernels and sockets without strict checking
/// ignore them and dump everything, so every filter is also applied here.
///
/// A table that does not exist holds no routes: the kernel refuses an IPv4
/// dump of it with `ENOENT` ("FIB table does not exist") while a dump of
/// every family skips it; both give an empty list here.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RouteDump {
    family: u8,
    table: Option<u32>,
    protocol: Option<RouteProtocol>,
    kind: Option<RouteType>,
    oif: Option<u32>,
    destination: Option<Prefix>,
}

impl RouteDump {
    /// Every route of every family and table.
    pub fn new() -> Self {
        Self::default()
    }

    /// Only routes of family `family` (`AF_INET`, `AF_INET6`, ...).
    #[must_use]
    pub fn family(mut self, family: u8) -> Self {
        self.family = family;
        self
    }

    /// Only IPv4 routes.
    #[must_use]
    pub fn ipv4(self) -> Self {
        self.family(netlink_packet_route::family::AF_INET)
    }

    /// Only IPv6 routes.
    #[must_use]
    pub fn ipv6(self) -> Self {
        self.family(netlink_packet_route::family::AF_INET6)
    }

    /// Only routes of table `table`.
    #[must_use]
    pub fn table(mut self, table: u32) -> Self {
        self.table = Some(table);
        self
    }

    /// Only routes installed by `protocol`.
    #[must_use]
    pub fn protocol(mut self, protocol: RouteProtocol) -> Self {
        self.protocol = Some(protocol);
        self
    }

    /// Only routes of type `kind`.
    #[must_use]
    pub fn kind(mut self, kind: RouteType) -> Self {
        self.kind = Some(kind);
        self
    }

    /// Only routes through interface `index`: their output interface or
    /// one of their next hops'.
    #[must_use]
    pub fn oif(mut self, index: u32) -> Self {
        self.oif = Some(index);
        self
    }

    /// Only routes to exactly `prefix` (`ip route show exact PREFIX`). The
    /// kernel does not filter dumps by destination: this one is applied
    /// here only.
    #[must_use]
    pub fn destination(mut self, prefix: Prefix) -> Self {
        self.destination = Some(prefix);
        self
    }

    /// The dump request message.
    pub fn message(&self) -> RouteMessage {
        let mut header = RouteHeader {
            family: self.family,
            ..Default::default()
        };
        let mut attrs = Vec::new();
        if let Some(table) = self.table {
            let (small, _) = table_parts(table);
            header.table = small;
            attrs.push(RouteAttr::Table(table.into()));
        }
        if let Some(protocol) = self.protocol {
            header.protocol = protocol;
        }
        if let Some(kind) = self.kind {
            header.kind = kind;
        }
        attrs.extend(self.oif.map(RouteAttr::Oif));
        RouteMessage::new(header, attrs)
    }

    /// Whether `route` passes the filters.
    pub fn matches(&self, route: &RouteMessage) -> bool {
        (self.family == 0 || route.header.family == self.family)
            && self.table.map_or(true, |t| route.table() == t)
            && self.protocol.map_or(true, |p| route.header.protocol == p)
            && self.kind.map_or(true, |k| route.header.kind == k)
            && self.destination.map_or(true, |p| {
                route.header.family == p.family()
                    && route.header.dst_len == p.prefix_len()
                    && route.destination().unwrap_or(match p.addr() {
                        IpAddr::V4(_) => IpAddr::V4(Ipv4Addr::UNSPECIFIED),
                        IpAddr::V6(_) => IpAddr::V6(Ipv6Addr::UNSPECIFIED),
                    }) == p.addr()
            })
            && self.oif.map_or(true, |i| {
                route.oif() == Some(i)
                    || route.multipath().is_some_and(|hops| {
                        hops.iter()
                            .any(|h| u32::try_from(h.ifindex).is_ok_and(|x| x == i))
                    })
            })
    }

    /// The request.
    pub fn build(self) -> Request<Vec<RouteMessage>> {
        let message = self.message();
        let by_table = self.table.is_some();
        let request = Request::each_reply(
            RouteNetlinkMessage::GetRoute(message),
            NetlinkFlags::empty(),
            RequestOptions::dump(),
            move |reply| new_route(reply).filter(|r| self.matches(r)),
        );
        if !by_table {
            return request;
        }
        request.or_else(|error| match error {
            Error::NotFound { .. } if error.errno() == Some(ENOENT) => Ok(Vec::new()),
            error => Err(error),
        })
    }
}

impl From<RouteDump> for Request<Vec<RouteMessage>> {
    fn from(dump: RouteDump) -> Self {
        dump.build()
    }
}
