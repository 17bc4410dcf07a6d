//! Link kind vxlan: its `IFLA_INFO_DATA` attributes (`IFLA_VXLAN_*`,
//! linux/if_link.h), with `struct ifla_vxlan_port_range` and
//! `enum ifla_vxlan_df`; and the VNI filter sets (`VXLAN_VNIFILTER_*`,
//! `VNIFILTER_ENTRY_STATS_*`) of `RTM_*TUNNEL` messages for a vxlan device
//! with `IFLA_VXLAN_VNIFILTER`.
//!
//! The on/off settings (`LEARNING`, `PROXY`, `UDP_CSUM`, ...) are a byte,
//! 0 or 1; `GBP`, `GPE` and `REMCSUM_NOPARTIAL` are flags, present or not.
//!
//! Newer kernels send attributes 31 to 33 as well, which neither this
//! machine's headers nor the kernel documentation at hand describe: they are
//! kept as `Unknown`, byte for byte.

use std::net::{Ipv4Addr, Ipv6Addr};

use netlink_packet_core::nla::{Be16, Be32, Flag, Nested};
use netlink_packet_core::{attribute_set, fixed_struct, value_enum};

attribute_set! {
    /// Attributes of vxlan (`IFLA_VXLAN_*`, linux/if_link.h).
    pub enum VxlanAttr, view VxlanAttrRef, prefix IFLA_VXLAN_ {
        /// VXLAN network identifier (VNI, 24 bits).
        1 ID Id(u32),
        /// IPv4 remote endpoint or multicast group.
        2 GROUP Group(Ipv4Addr),
        /// Index of the lower device for the tunnel's traffic.
        3 LINK Link(u32),
        /// IPv4 local address.
        4 LOCAL Local(Ipv4Addr),
        /// TTL of the outer header (0: the route's default).
        5 TTL Ttl(u8),
        /// TOS of the outer header (1: inherit).
        6 TOS Tos(u8),
        /// Learn remote addresses into the FDB (1) or not (0).
        7 LEARNING Learning(u8),
        /// FDB entry ageing time, in seconds.
        8 AGEING Ageing(u32),
        /// Maximum number of FDB entries (0: no limit).
        9 LIMIT Limit(u32),
        /// UDP source port range.
        10 PORT_RANGE PortRange(VxlanPortRange),
        /// ARP and ND proxy (1) or not (0).
        11 PROXY Proxy(u8),
        /// Route short circuit (1) or not (0).
        12 RSC Rsc(u8),
        /// Notify layer 2 misses (1) or not (0).
        13 L2MISS L2miss(u8),
        /// Notify layer 3 misses (1) or not (0).
        14 L3MISS L3miss(u8),
        /// UDP destination port, big-endian.
        15 PORT Port(Be16),
        /// IPv6 remote endpoint or multicast group.
        16 GROUP6 Group6(Ipv6Addr),
        /// IPv6 local address.
        17 LOCAL6 Local6(Ipv6Addr),
        /// UDP checksums over IPv4 on (1) or off (0).
        18 UDP_CSUM UdpCsum(u8),
        /// Send zero UDP checksums over IPv6 (1) or not (0).
        19 UDP_ZERO_CSUM6_TX UdpZeroCsum6Tx(u8),
        /// Accept zero UDP checksums over IPv6 (1) or not (0).
        20 UDP_ZERO_CSUM6_RX UdpZeroCsum6Rx(u8),
        /// Remote checksum offload on transmit (1) or not (0).
        21 REMCSUM_TX RemcsumTx(u8),
        /// Remote checksum offload on receive (1) or not (0).
        22 REMCSUM_RX RemcsumRx(u8),
        /// Group Based Policy extension.
        23 GBP Gbp(Flag),
        /// Remote checksum offload without partial checksums.
        24 REMCSUM_NOPARTIAL RemcsumNopartial(Flag),
        /// Metadata-based (external) device, configured per packet (1) or
        /// not (0).
        25 COLLECT_METADATA CollectMetadata(u8),
        /// IPv6 flow label, big-endian.
        26 LABEL Label(Be32),
        /// Generic Protocol Extension (VXLAN-GPE).
        27 GPE Gpe(Flag),
        /// Inherit the TTL of the inner packet (1) or not (0).
        28 TTL_INHERIT TtlInherit(u8),
        /// Don't Fragment bit of the outer IPv4 header.
        29 DF Df(VxlanDf),
        /// VNI filtering (external devices) on (1) or off (0).
        30 VNIFILTER Vnifilter(u8),
    }
}

fixed_struct! {
    /// `struct ifla_vxlan_port_range` (linux/if_link.h): the UDP source
    /// port range.
    pub struct VxlanPortRange {
        /// `low`: lowest port, big-endian.
        pub low: Be16,
        /// `high`: highest port, big-endian.
        pub high: Be16,
    }
}

value_enum! {
    /// Setting of the outer Don't Fragment bit (`enum ifla_vxlan_df`,
    /// `VXLAN_DF_*`, linux/if_link.h); names as `ip link ... df` takes and
    /// prints them.
    pub enum VxlanDf: u8 {
        0 => Unset "unset",
        1 => Set "set",
        2 => Inherit "inherit",
    }
}

attribute_set! {
    /// The VNI filter of a vxlan device (`VXLAN_VNIFILTER_*`,
    /// linux/if_link.h), in `RTM_NEWTUNNEL`, `RTM_DELTUNNEL` and
    /// `RTM_GETTUNNEL` messages.
    pub enum VxlanVniFilterAttr, view VxlanVniFilterAttrRef, prefix VXLAN_VNIFILTER_ {
        /// One VNI or range; the attribute repeats.
        1 ENTRY Entry(Nested<VxlanVniFilterEntryAttr>),
    }
}

attribute_set! {
    /// One VNI filter entry (`VXLAN_VNIFILTER_ENTRY_*`, linux/if_link.h).
    pub enum VxlanVniFilterEntryAttr, view VxlanVniFilterEntryAttrRef, prefix VXLAN_VNIFILTER_ENTRY_ {
        /// First VNI of the range.
        1 START Start(u32),
        /// Last VNI of the range.
        2 END End(u32),
        /// IPv4 remote endpoint or multicast group of these VNIs.
        3 GROUP Group(Ipv4Addr),
        /// IPv6 remote endpoint or multicast group of these VNIs.
        4 GROUP6 Group6(Ipv6Addr),
        /// Per-VNI statistics (dumps with `TUNNEL_MSG_FLAG_STATS`).
        5 STATS Stats(Nested<VniFilterStatsAttr>),
    }
}

attribute_set! {
    /// Per-VNI statistics (`VNIFILTER_ENTRY_STATS_*`, linux/if_link.h), in
    /// `VXLAN_VNIFILTER_ENTRY_STATS`.
    pub enum VniFilterStatsAttr, view VniFilterStatsAttrRef, prefix VNIFILTER_ENTRY_STATS_ {
        /// Bytes received.
        1 RX_BYTES RxBytes(u64),
        /// Packets received.
        2 RX_PKTS RxPkts(u64),
        /// Received packets dropped.
        3 RX_DROPS RxDrops(u64),
        /// Receive errors.
        4 RX_ERRORS RxErrors(u64),
        /// Bytes sent.
        5 TX_BYTES TxBytes(u64),
        /// Packets sent.
        6 TX_PKTS TxPkts(u64),
        /// Packets dropped on transmit.
        7 TX_DROPS TxDrops(u64),
        /// Transmit errors.
        8 TX_ERRORS TxErrors(u64),
        /// Padding before a 64-bit value; no meaning.
        9 PAD Pad(Vec<u8>),
    }
}
