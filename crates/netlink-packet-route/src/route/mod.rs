//! Route messages (`RTM_NEWROUTE`, `RTM_DELROUTE`, `RTM_GETROUTE`): `struct
//! rtmsg` then `RTA_*` attributes (linux/rtnetlink.h).
//!
//! Addresses ([`RouteAddress`]) and the encapsulation ([`RouteEncap`])
//! mean different things by the message's family or a sibling attribute,
//! so they keep their bytes and are read through typed accessors; every
//! message round-trips byte for byte.

mod address;
mod attrs;
mod encap;
mod metrics;
mod multipath;
mod types;
mod via;

pub use address::*;
pub use attrs::*;
pub use encap::*;
pub use metrics::*;
pub use multipath::*;
pub use types::*;
pub use via::*;

use std::net::IpAddr;

use netlink_packet_core::nla::{AttrValue, Nested, NestedRef};
use netlink_packet_core::{fixed_struct, header_message, DecodeError};

fixed_struct! {
    /// `struct rtmsg` (linux/rtnetlink.h).
    pub header struct RouteHeader {
        /// `rtm_family`.
        pub family: u8,
        /// `rtm_dst_len`: destination prefix length.
        pub dst_len: u8,
        /// `rtm_src_len`: source prefix length.
        pub src_len: u8,
        /// `rtm_tos`.
        pub tos: u8,
        /// `rtm_table`: the table, or `RT_TABLE_UNSPEC`/`RT_TABLE_COMPAT` when `RTA_TABLE` carries it.
        pub table: u8,
        /// `rtm_protocol`: who installed the route (`RTPROT_*`).
        pub protocol: RouteProtocol,
        /// `rtm_scope`.
        pub scope: crate::Scope,
        /// `rtm_type`: unicast, local, blackhole, ... (`RTN_*`).
        pub kind: RouteType,
        /// `rtm_flags` (`RTM_F_*`, `RTNH_F_*`).
        pub flags: RouteFlags,
    }
}

header_message! {
    /// The message, owned: the fixed header and every attribute in wire order.
    pub struct RouteMessage, view RouteView, header RouteHeader, attrs RouteAttr, RouteAttrRef;
}

macro_rules! find_owned {
    ($self:ident, $Variant:ident) => {
        $self.attrs.iter().find_map(|a| match a {
            RouteAttr::$Variant(v) => Some(v),
            _ => None,
        })
    };
}

impl RouteMessage {
    /// `RTA_DST`, raw.
    pub fn destination_address(&self) -> Option<&RouteAddress> {
        find_owned!(self, Dst)
    }

    /// `RTA_DST` as an IP address (IPv4 and IPv6 routes).
    pub fn destination(&self) -> Option<IpAddr> {
        self.destination_address()?.ip()
    }

    /// `RTA_SRC` as an IP address.
    pub fn source(&self) -> Option<IpAddr> {
        find_owned!(self, Src)?.ip()
    }

    /// `RTA_GATEWAY` as an IP address.
    pub fn gateway(&self) -> Option<IpAddr> {
        find_owned!(self, Gateway)?.ip()
    }

    /// `RTA_PREFSRC` as an IP address.
    pub fn prefsrc(&self) -> Option<IpAddr> {
        find_owned!(self, PrefSrc)?.ip()
    }

    /// `RTA_VIA`.
    pub fn via(&self) -> Option<&RouteVia> {
        find_owned!(self, Via)
    }

    /// `RTA_OIF`: the output interface.
    pub fn oif(&self) -> Option<u32> {
        find_owned!(self, Oif).copied()
    }

    /// `RTA_IIF`: the input interface.
    pub fn iif(&self) -> Option<u32> {
        find_owned!(self, Iif).copied()
    }

    /// `RTA_PRIORITY`: the metric.
    pub fn priority(&self) -> Option<u32> {
        find_owned!(self, Priority).copied()
    }

    /// The table: `RTA_TABLE` when present, else `rtm_table`.
    pub fn table(&self) -> u32 {
        find_owned!(self, Table)
            .map(|t| u32::from(*t))
            .unwrap_or(u32::from(self.header.table))
    }

    /// `RTA_PREF`.
    pub fn pref(&self) -> Option<RoutePreference> {
        find_owned!(self, Pref).copied()
    }

    /// `RTA_NH_ID`: the next hop object.
    pub fn nh_id(&self) -> Option<u32> {
        find_owned!(self, NhId).copied()
    }

    /// `RTA_EXPIRES`.
    pub fn expires(&self) -> Option<u64> {
        find_owned!(self, Expires).map(|v| v.0)
    }

    /// `RTA_METRICS`' attributes.
    pub fn metrics(&self) -> Option<&[MetricAttr]> {
        find_owned!(self, Metrics).map(|m| &m.attrs[..])
    }

    /// `RTA_MULTIPATH`'s next hops.
    pub fn multipath(&self) -> Option<&[NextHop]> {
        find_owned!(self, Multipath).map(|m| m.0.as_slice())
    }

    /// `RTA_ENCAP_TYPE`.
    pub fn encap_type(&self) -> Option<EncapType> {
        find_owned!(self, EncapType).copied()
    }

    /// `RTA_ENCAP` decoded by `RTA_ENCAP_TYPE` (raw bytes without a type).
    pub fn encap(&self) -> Option<Result<EncapValue, DecodeError>> {
        let encap = find_owned!(self, Encap)?;
        Some(encap.decode(self.encap_type().unwrap_or(EncapType::None)))
    }
}

impl<'a> RouteView<'a> {
    fn address(&self, kind: u16) -> Option<RouteAddressRef<'a>> {
        RouteAddress::parse_ref(&self.find(kind)?).ok()
    }

    fn u32_attr(&self, kind: u16) -> Option<u32> {
        self.find(kind)?.as_u32().ok()
    }

    /// `RTA_DST`, raw (a label stack in `AF_MPLS` routes).
    pub fn destination_address(&self) -> Option<RouteAddressRef<'a>> {
        self.address(RouteAttr::DST)
    }

    /// `RTA_DST` as an IP address.
    pub fn destination(&self) -> Option<IpAddr> {
        self.destination_address()?.ip()
    }

    /// The destination prefix length.
    pub fn dst_len(&self) -> u8 {
        self.header().dst_len
    }

    /// `RTA_SRC` as an IP address.
    pub fn source(&self) -> Option<IpAddr> {
        self.address(RouteAttr::SRC)?.ip()
    }

    /// `RTA_GATEWAY` as an IP address.
    pub fn gateway(&self) -> Option<IpAddr> {
        self.address(RouteAttr::GATEWAY)?.ip()
    }

    /// `RTA_PREFSRC` as an IP address.
    pub fn prefsrc(&self) -> Option<IpAddr> {
        self.address(RouteAttr::PREFSRC)?.ip()
    }

    /// `RTA_VIA`.
    pub fn via(&self) -> Option<RouteViaRef<'a>> {
        RouteVia::parse_ref(&self.find(RouteAttr::VIA)?).ok()
    }

    /// `RTA_OIF`.
    pub fn oif(&self) -> Option<u32> {
        self.u32_attr(RouteAttr::OIF)
    }

    /// `RTA_IIF`.
    pub fn iif(&self) -> Option<u32> {
        self.u32_attr(RouteAttr::IIF)
    }

    /// `RTA_PRIORITY`.
    pub fn priority(&self) -> Option<u32> {
        self.u32_attr(RouteAttr::PRIORITY)
    }

    /// The table: `RTA_TABLE` when present, else `rtm_table`.
    pub fn table(&self) -> u32 {
        self.u32_attr(RouteAttr::TABLE)
            .unwrap_or(u32::from(self.header().table))
    }

    /// The route type.
    pub fn kind(&self) -> RouteType {
        self.header().kind
    }

    /// The protocol.
    pub fn protocol(&self) -> RouteProtocol {
        self.header().protocol
    }

    /// `RTA_PREF`.
    pub fn pref(&self) -> Option<RoutePreference> {
        self.find(RouteAttr::PREF)?.get::<RoutePreference>().ok()
    }

    /// `RTA_NH_ID`.
    pub fn nh_id(&self) -> Option<u32> {
        self.u32_attr(RouteAttr::NH_ID)
    }

    /// `RTA_METRICS`, decoded lazily.
    pub fn metrics(&self) -> Option<NestedRef<'a, MetricAttr>> {
        Nested::<MetricAttr>::parse_ref(&self.find(RouteAttr::METRICS)?).ok()
    }

    /// `RTA_MULTIPATH`, read lazily.
    pub fn multipath(&self) -> Option<MultipathRef<'a>> {
        Multipath::parse_ref(&self.find(RouteAttr::MULTIPATH)?).ok()
    }

    /// `RTA_ENCAP_TYPE`.
    pub fn encap_type(&self) -> Option<EncapType> {
        self.find(RouteAttr::ENCAP_TYPE)?.get::<EncapType>().ok()
    }

    /// `RTA_ENCAP`, to read with the set [`RouteView::encap_type`] names.
    pub fn encap(&self) -> Option<RouteEncapRef<'a>> {
        RouteEncap::parse_ref(&self.find(RouteAttr::ENCAP)?).ok()
    }
}
