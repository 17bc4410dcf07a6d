//! Link kind geneve: its `IFLA_INFO_DATA` attributes (`IFLA_GENEVE_*`,
//! linux/if_link.h).

use std::net::{Ipv4Addr, Ipv6Addr};

use netlink_packet_core::nla::{Be16, Be32, Flag};
use netlink_packet_core::{attribute_set, fixed_struct, value_enum};

attribute_set! {
    /// Attributes of geneve (`IFLA_GENEVE_*`, linux/if_link.h).
    pub enum GeneveAttr, view GeneveAttrRef, prefix IFLA_GENEVE_ {
        /// Virtual network identifier (VNI, 24 bits).
        1 ID Id(u32),
        /// IPv4 remote endpoint.
        2 REMOTE Remote(Ipv4Addr),
        /// TTL of the outer header; 0 uses the route's default.
        3 TTL Ttl(u8),
        /// TOS of the outer header; 1 inherits.
        4 TOS Tos(u8),
        /// UDP destination port, big-endian.
        5 PORT Port(Be16),
        /// Metadata-based (external) device, configured per packet.
        6 COLLECT_METADATA CollectMetadata(Flag),
        /// IPv6 remote endpoint.
        7 REMOTE6 Remote6(Ipv6Addr),
        /// UDP checksums over IPv4 on (1) or off (0).
        8 UDP_CSUM UdpCsum(u8),
        /// Send zero UDP checksums over IPv6 (1) or not (0).
        9 UDP_ZERO_CSUM6_TX UdpZeroCsum6Tx(u8),
        /// Accept zero UDP checksums over IPv6 (1) or not (0).
        10 UDP_ZERO_CSUM6_RX UdpZeroCsum6Rx(u8),
        /// IPv6 flow label, big-endian.
        11 LABEL Label(Be32),
        /// Inherit the TTL of the inner packet (1) or not (0).
        12 TTL_INHERIT TtlInherit(u8),
        /// Don't Fragment bit of the outer IPv4 header.
        13 DF Df(GeneveDf),
        /// Carry the inner protocol without an Ethernet header (L3 mode).
        14 INNER_PROTO_INHERIT InnerProtoInherit(Flag),
        // 15 is newer than this machine's headers; type from the kernel's
        // rt-link netlink specification (`ifla-geneve-port-range`).
        /// UDP source port range.
        15 PORT_RANGE PortRange(GenevePortRange),
    }
}

value_enum! {
    /// Setting of the outer Don't Fragment bit (`enum ifla_geneve_df`,
    /// `GENEVE_DF_*`, linux/if_link.h); names as `ip link ... df` takes them.
    pub enum GeneveDf: u8 {
        0 => Unset "unset",
        1 => Set "set",
        2 => Inherit "inherit",
    }
}

fixed_struct! {
    /// `struct ifla_geneve_port_range`: the UDP source port range (kernel
    /// rt-link netlink specification).
    pub struct GenevePortRange {
        /// Lowest port, big-endian.
        pub low: Be16,
        /// Highest port, big-endian.
        pub high: Be16,
    }
}
