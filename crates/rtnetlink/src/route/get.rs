//! Route lookups (`RTM_GETROUTE` without `NLM_F_DUMP`): `ip route get`.

use std::net::IpAddr;

use netlink_packet_core::nla::Be16;
use netlink_packet_core::NetlinkFlags;
use netlink_packet_route::route::{RouteAddress, RouteAttr, RouteFlags, RouteHeader, RouteMessage};
use netlink_packet_route::RouteNetlinkMessage;
use netlink_proto::RequestOptions;

use super::new_route;
use super::prefix::{family_name, family_of, max_len};
use crate::request::single;
use crate::Request;

/// Asks the kernel which route a packet would take (`ip route get`):
/// `RTM_GETROUTE` for one destination, answered with one `RTM_NEWROUTE`.
///
/// By default the answer is the resolved route of that packet (gateway,
/// device, preferred source, the hop chosen of a multipath route); with
/// [`RouteGet::fib_match`] it is the routing table entry that matched
/// (`ip route get fibmatch`), with its prefix and every hop.
///
/// No route fails with an error: `ENETUNREACH` ([`crate::Error::Kernel`])
/// for IPv4, or an answer of type unreachable for IPv6.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RouteGet {
    dst: IpAddr,
    src: Option<IpAddr>,
    iif: Option<u32>,
    oif: Option<u32>,
    mark: Option<u32>,
    uid: Option<u32>,
    table: Option<u32>,
    ip_proto: Option<u8>,
    sport: Option<u16>,
    dport: Option<u16>,
    fib_match: bool,
}

impl RouteGet {
    /// The route to `dst`.
    pub fn new(dst: IpAddr) -> Self {
        RouteGet {
            dst,
            src: None,
            iif: None,
            oif: None,
            mark: None,
            uid: None,
            table: None,
            ip_proto: None,
            sport: None,
            dport: None,
            fib_match: false,
        }
    }

    /// Of a packet from `src` (`RTA_SRC`), of the destination's family: one
    /// of the other family fails with [`crate::Error::InvalidArgument`],
    /// unsent.
    #[must_use]
    pub fn src(mut self, src: IpAddr) -> Self {
        self.src = Some(src);
        self
    }

    /// Of a packet received on interface `index` (`RTA_IIF`), as forwarded.
    #[must_use]
    pub fn iif(mut self, index: u32) -> Self {
        self.iif = Some(index);
        self
    }

    /// Of a packet sent through interface `index` (`RTA_OIF`).
    #[must_use]
    pub fn oif(mut self, index: u32) -> Self {
        self.oif = Some(index);
        self
    }

    /// Of a packet with firewall mark `mark` (`RTA_MARK`).
    #[must_use]
    pub fn mark(mut self, mark: u32) -> Self {
        self.mark = Some(mark);
        self
    }

    /// Of a packet sent by user `uid` (`RTA_UID`).
    #[must_use]
    pub fn uid(mut self, uid: u32) -> Self {
        self.uid = Some(uid);
        self
    }

    /// Looks only in table `table` (`RTA_TABLE`), bypassing the rules.
    #[must_use]
    pub fn table(mut self, table: u32) -> Self {
        self.table = Some(table);
        self
    }

    /// Of a packet of IP protocol `proto` (`RTA_IP_PROTO`), for the ports.
    #[must_use]
    pub fn ip_proto(mut self, proto: u8) -> Self {
        self.ip_proto = Some(proto);
        self
    }

    /// Of a packet from source port `port` (`RTA_SPORT`).
    #[must_use]
    pub fn sport(mut self, port: u16) -> Self {
        self.sport = Some(port);
        self
    }

    /// Of a packet to destination port `port` (`RTA_DPORT`).
    #[must_use]
    pub fn dport(mut self, port: u16) -> Self {
        self.dport = Some(port);
        self
    }

    /// Answers with the table entry that matched (`RTM_F_FIB_MATCH`).
    #[must_use]
    pub fn fib_match(mut self) -> Self {
        self.fib_match = true;
        self
    }

    /// The message.
    pub fn message(&self) -> RouteMessage {
        let mut header = RouteHeader {
            family: family_of(self.dst),
            dst_len: max_len(self.dst),
            ..Default::default()
        };
        if self.fib_match {
            header.flags = RouteFlags::FIB_MATCH;
        }
        let mut attrs = vec![RouteAttr::Dst(RouteAddress::from(self.dst))];
        if let Some(src) = self.src {
            header.src_len = max_len(src);
            attrs.push(RouteAttr::Src(RouteAddress::from(src)));
        }
        attrs.extend(self.iif.map(RouteAttr::Iif));
        attrs.extend(self.oif.map(RouteAttr::Oif));
        attrs.extend(self.mark.map(RouteAttr::Mark));
        attrs.extend(self.uid.map(RouteAttr::Uid));
        attrs.extend(self.table.map(|t| RouteAttr::Table(t.into())));
        attrs.extend(self.ip_proto.map(RouteAttr::IpProto));
        attrs.extend(self.sport.map(|p| RouteAttr::Sport(Be16(p))));
        attrs.extend(self.dport.map(|p| RouteAttr::Dport(Be16(p))));
        RouteMessage::new(header, attrs)
    }

    /// The request.
    pub fn build(self) -> Request<RouteMessage> {
        let message = RouteNetlinkMessage::GetRoute(self.message());
        if let Some(src) = self.src.filter(|s| family_of(*s) != family_of(self.dst)) {
            return Request::invalid(
                message,
                format!(
                    "route lookup of {}: source {src} is {}",
                    self.dst,
                    family_name(src)
                ),
            );
        }
        Request::new(
            message,
            NetlinkFlags::empty(),
            RequestOptions::request(),
            |replies| single(replies, new_route, "RTM_NEWROUTE"),
        )
    }
}

impl From<RouteGet> for Request<RouteMessage> {
    fn from(get: RouteGet) -> Self {
        get.build()
    }
}
