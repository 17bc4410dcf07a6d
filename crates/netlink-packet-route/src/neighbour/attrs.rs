//! `NDA_*` attributes, `NUD_*` states, `NTF_*` flags and the FDB extension
//! attributes `NFEA_*` (linux/neighbour.h).

use std::fmt;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use netlink_packet_core::nla::{AttrValue, Described, Flag, Nested, Nla};
use netlink_packet_core::{attribute_set, fixed_struct, flag_set, value_enum, DecodeError};

use crate::link::LinkLayerAddress;

attribute_set! {
    /// A neighbour attribute (`NDA_*`, linux/neighbour.h).
    pub enum NeighbourAttr, view NeighbourAttrRef, prefix NDA_ {
        /// The neighbour's network address; on a VXLAN FDB entry, the
        /// remote tunnel endpoint.
        1 DST Destination(NeighbourAddress),
        /// The link-layer address, of any length.
        2 LLADDR LinkLocalAddress(LinkLayerAddress),
        /// Timestamps and reference count.
        3 CACHEINFO CacheInfo(NeighbourCacheInfo),
        /// Probes sent.
        4 PROBES Probes(u32),
        /// FDB entry's VLAN id.
        5 VLAN Vlan(u16),
        /// FDB entry's remote UDP port (VXLAN).
        6 PORT Port(netlink_packet_core::nla::Be16),
        /// FDB entry's VNI (VXLAN).
        7 VNI Vni(u32),
        /// FDB entry's outgoing interface to the remote (VXLAN).
        8 IFINDEX IfIndex(u32),
        /// The master device (bridge) of the entry's port.
        9 MASTER Master(u32),
        /// Namespace id of the link's peer namespace.
        10 LINK_NETNSID LinkNetnsId(i32),
        /// FDB entry's source VNI (collect-metadata VXLAN).
        11 SRC_VNI SrcVni(u32),
        /// Who added the entry (`RTPROT_*`).
        12 PROTOCOL Protocol(u8),
        /// Nexthop (group) id of an FDB entry.
        13 NH_ID NhId(u32),
        /// FDB extension attributes (`NFEA_*`).
        14 FDB_EXT_ATTRS FdbExtAttrs(Nested<FdbExtAttr>),
        /// Flags beyond the header's 8 bits (`NTF_EXT_*`).
        15 FLAGS_EXT FlagsExt(NeighbourFlagsExt),
        /// Dump filter: states to match (`NUD_*`).
        16 NDM_STATE_MASK StateMask(NeighbourState),
        /// Dump filter: flags to match (`NTF_*`).
        17 NDM_FLAGS_MASK FlagsMask(NeighbourFlags),
    }
}

attribute_set! {
    /// An FDB extension attribute (`NFEA_*`), inside `NDA_FDB_EXT_ATTRS`.
    pub enum FdbExtAttr, view FdbExtAttrRef, prefix NFEA_ {
        /// Activity notification bits (`FDB_NOTIFY_*`).
        1 ACTIVITY_NOTIFY ActivityNotify(FdbNotifyFlags),
        /// Do not refresh the entry's timestamps with this request.
        2 DONT_REFRESH DontRefresh(Flag),
    }
}

flag_set! {
    /// FDB activity notification bits (`FDB_NOTIFY_*_BIT`), in
    /// `NFEA_ACTIVITY_NOTIFY`.
    pub struct FdbNotifyFlags: u8 {
        /// `FDB_NOTIFY_BIT`: notify on activity and expiry.
        0x1 => NOTIFY "notify",
        /// `FDB_NOTIFY_INACTIVE_BIT`: marked inactive.
        0x2 => INACTIVE "inactive",
    }
}

fixed_struct! {
    /// `struct nda_cacheinfo`: ages in clock ticks (`USER_HZ`).
    pub struct NeighbourCacheInfo {
        /// `ndm_confirmed`: since last confirmed.
        pub confirmed: u32,
        /// `ndm_used`: since last used.
        pub used: u32,
        /// `ndm_updated`: since last updated.
        pub updated: u32,
        /// `ndm_refcnt`: references held.
        pub refcnt: u32,
    }
}

flag_set! {
    /// Neighbour states (`NUD_*`), names as `ip neigh` prints them.
    pub struct NeighbourState: u16 {
        /// `NUD_NONE`.
        0x00 => NONE "NONE",
        /// `NUD_INCOMPLETE`.
        0x01 => INCOMPLETE "INCOMPLETE",
        /// `NUD_REACHABLE`.
        0x02 => REACHABLE "REACHABLE",
        /// `NUD_STALE`.
        0x04 => STALE "STALE",
        /// `NUD_DELAY`.
        0x08 => DELAY "DELAY",
        /// `NUD_PROBE`.
        0x10 => PROBE "PROBE",
        /// `NUD_FAILED`.
        0x20 => FAILED "FAILED",
        /// `NUD_NOARP`.
        0x40 => NOARP "NOARP",
        /// `NUD_PERMANENT`.
        0x80 => PERMANENT "PERMANENT",
    }
}

flag_set! {
    /// Neighbour flags of the header (`NTF_*`), names as `ip`/`bridge`
    /// print them.
    pub struct NeighbourFlags: u8 {
        /// `NTF_USE`.
        0x01 => USE "use",
        /// `NTF_SELF`.
        0x02 => SELF "self",
        /// `NTF_MASTER`.
        0x04 => MASTER "master",
        /// `NTF_PROXY`.
        0x08 => PROXY "proxy",
        /// `NTF_EXT_LEARNED`.
        0x10 => EXT_LEARNED "extern_learn",
        /// `NTF_OFFLOADED`.
        0x20 => OFFLOADED "offload",
        /// `NTF_STICKY`.
        0x40 => STICKY "sticky",
        /// `NTF_ROUTER`.
        0x80 => ROUTER "router",
    }
}

flag_set! {
    /// Extended neighbour flags (`NTF_EXT_*`), in `NDA_FLAGS_EXT`.
    pub struct NeighbourFlagsExt: u32 {
        /// `NTF_EXT_MANAGED`.
        0x01 => MANAGED "managed",
    }
}

value_enum! {
    /// Address family of a neighbour message (`ndm_family`, `AF_*`).
    pub enum NeighbourFamily: u8 {
        /// `AF_UNSPEC`.
        0 => Unspec "unspec",
        /// `AF_INET`.
        2 => Inet "inet",
        /// `AF_BRIDGE`: FDB entries.
        7 => Bridge "bridge",
        /// `AF_INET6`.
        10 => Inet6 "inet6",
        /// `AF_MPLS`.
        28 => Mpls "mpls",
    }
}

/// Type of a neighbour entry (`ndm_type`): the route types (`RTN_*` of
/// linux/rtnetlink.h), declared once with the routes.
pub use crate::route::RouteType as NeighbourType;

/// `NDA_DST`: an IPv4 or IPv6 address told apart by length; any other
/// length (a family this crate does not decode) is kept as bytes.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum NeighbourAddress {
    /// 4 bytes.
    Inet(Ipv4Addr),
    /// 16 bytes.
    Inet6(Ipv6Addr),
    /// Any other length.
    Other(Vec<u8>),
}

impl NeighbourAddress {
    /// The address as an IP address, if it is one.
    pub fn ip(&self) -> Option<IpAddr> {
        match self {
            NeighbourAddress::Inet(a) => Some(IpAddr::V4(*a)),
            NeighbourAddress::Inet6(a) => Some(IpAddr::V6(*a)),
            NeighbourAddress::Other(_) => None,
        }
    }
}

impl From<IpAddr> for NeighbourAddress {
    fn from(ip: IpAddr) -> Self {
        match ip {
            IpAddr::V4(a) => NeighbourAddress::Inet(a),
            IpAddr::V6(a) => NeighbourAddress::Inet6(a),
        }
    }
}

impl fmt::Display for NeighbourAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NeighbourAddress::Inet(a) => a.fmt(f),
            NeighbourAddress::Inet6(a) => a.fmt(f),
            NeighbourAddress::Other(bytes) => crate::link::fmt_hex(bytes, f),
        }
    }
}

impl AttrValue for NeighbourAddress {
    type Ref<'a> = NeighbourAddress;
    fn parse_ref<'a>(nla: &Nla<'a>) -> Result<NeighbourAddress, DecodeError> {
        Ok(match nla.value().len() {
            4 => NeighbourAddress::Inet(Ipv4Addr::parse_ref(nla)?),
            16 => NeighbourAddress::Inet6(Ipv6Addr::parse_ref(nla)?),
            _ => NeighbourAddress::Other(nla.value().to_vec()),
        })
    }
    fn from_ref(value: &NeighbourAddress) -> Result<Self, DecodeError> {
        Ok(value.clone())
    }
    fn value_len(&self) -> usize {
        match self {
            NeighbourAddress::Inet(_) => 4,
            NeighbourAddress::Inet6(_) => 16,
            NeighbourAddress::Other(bytes) => bytes.len(),
        }
    }
    fn emit_value(&self, buf: &mut [u8]) {
        match self {
            NeighbourAddress::Inet(a) => a.emit_value(buf),
            NeighbourAddress::Inet6(a) => a.emit_value(buf),
            NeighbourAddress::Other(bytes) => buf.copy_from_slice(bytes),
        }
    }
    fn describe(&self) -> Described {
        Described::address(self)
    }
}
