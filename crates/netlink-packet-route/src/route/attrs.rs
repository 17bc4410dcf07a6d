//! `RTA_*` attributes (linux/rtnetlink.h) and the structures they carry.

use netlink_packet_core::nla::{Be16, Nested, Uint};
use netlink_packet_core::{attribute_set, fixed_struct};

use super::address::RouteAddress;
use super::encap::{EncapType, RouteEncap};
use super::metrics::MetricAttr;
use super::multipath::Multipath;
use super::types::{RoutePreference, RouteTable};
use super::via::RouteVia;

fixed_struct! {
    /// `struct rta_cacheinfo` (linux/rtnetlink.h), `RTA_CACHEINFO`.
    pub struct RouteCacheInfo {
        /// `rta_clntref`: references.
        pub clntref: u32,
        /// `rta_lastuse`: since last use, in clock ticks.
        pub lastuse: u32,
        /// `rta_expires`: until expiry, in clock ticks (0: never).
        pub expires: i32,
        /// `rta_error`.
        pub error: u32,
        /// `rta_used`.
        pub used: u32,
        /// `rta_id`.
        pub id: u32,
        /// `rta_ts`.
        pub ts: u32,
        /// `rta_tsage`.
        pub tsage: u32,
    }
}

fixed_struct! {
    /// `struct rta_mfc_stats` (linux/rtnetlink.h), `RTA_MFC_STATS` of
    /// multicast routes.
    pub struct MfcStats {
        /// `mfcs_packets`.
        pub packets: u64,
        /// `mfcs_bytes`.
        pub bytes: u64,
        /// `mfcs_wrong_if`: packets that came in on the wrong interface.
        pub wrong_if: u64,
    }
}

attribute_set! {
    /// A route attribute (`RTA_*`, linux/rtnetlink.h).
    ///
    /// Addresses are [`RouteAddress`]es: IPv4, IPv6 or an MPLS label stack
    /// by the message's family, kept as bytes. `RTA_ENCAP` is read with its
    /// sibling `RTA_ENCAP_TYPE` ([`super::RouteMessage::encap`]).
    pub enum RouteAttr, view RouteAttrRef, prefix RTA_ {
        /// Destination prefix (label stack in `AF_MPLS` routes).
        1 DST Dst(RouteAddress),
        /// Source prefix.
        2 SRC Src(RouteAddress),
        /// Input interface.
        3 IIF Iif(u32),
        /// Output interface.
        4 OIF Oif(u32),
        /// Gateway.
        5 GATEWAY Gateway(RouteAddress),
        /// Priority (the metric `ip` prints).
        6 PRIORITY Priority(u32),
        /// Preferred source address.
        7 PREFSRC PrefSrc(RouteAddress),
        /// Metrics (`RTAX_*`).
        8 METRICS Metrics(Nested<MetricAttr>),
        /// Next hops of a multipath route.
        9 MULTIPATH Multipath(Multipath),
        /// No longer used.
        10 PROTOINFO ProtoInfo(Vec<u8>),
        /// Realms.
        11 FLOW Flow(u32),
        /// Cache information. Boxed: at 40 bytes it would make every
        /// route attribute that large, and IPv4 dumps do not carry it.
        12 CACHEINFO CacheInfo(Box<RouteCacheInfo>),
        /// No longer used.
        13 SESSION Session(Vec<u8>),
        /// No longer used.
        14 MP_ALGO MpAlgo(u32),
        /// Table, all 32 bits.
        15 TABLE Table(RouteTable),
        /// Firewall mark (route lookups).
        16 MARK Mark(u32),
        /// Multicast forwarding statistics (boxed: multicast routes only).
        17 MFC_STATS MfcStats(Box<MfcStats>),
        /// Gateway of another address family.
        18 VIA Via(RouteVia),
        /// MPLS labels to swap in.
        19 NEWDST NewDst(RouteAddress),
        /// IPv6 router preference.
        20 PREF Pref(RoutePreference),
        /// Encapsulation type.
        21 ENCAP_TYPE EncapType(EncapType),
        /// Encapsulation, read by `RTA_ENCAP_TYPE`.
        22 ENCAP Encap(RouteEncap),
        /// Expiry: a 4-byte value (IPv6 requests take seconds) or an 8-byte
        /// one; either width is read and emitted back as it came.
        23 EXPIRES Expires(Uint),
        /// Alignment padding.
        24 PAD Pad(Vec<u8>),
        /// User id (route lookups).
        25 UID Uid(u32),
        /// Whether MPLS TTL is propagated.
        26 TTL_PROPAGATE TtlPropagate(u8),
        /// IP protocol (route lookups).
        27 IP_PROTO IpProto(u8),
        /// Source port (route lookups).
        28 SPORT Sport(Be16),
        /// Destination port (route lookups).
        29 DPORT Dport(Be16),
        /// Next hop object id.
        30 NH_ID NhId(u32),
    }
}
