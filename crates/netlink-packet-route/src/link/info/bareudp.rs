//! Link kind bareudp: its `IFLA_INFO_DATA` attributes (`IFLA_BAREUDP_*`,
//! linux/if_link.h).

use netlink_packet_core::attribute_set;
use netlink_packet_core::nla::{Be16, Flag};

attribute_set! {
    /// Attributes of bareudp (`IFLA_BAREUDP_*`, linux/if_link.h).
    pub enum BareUdpAttr, view BareUdpAttrRef, prefix IFLA_BAREUDP_ {
        /// UDP destination port, big-endian.
        1 PORT Port(Be16),
        /// Ethertype of the tunnelled packets (`ETH_P_*`), big-endian.
        2 ETHERTYPE Ethertype(Be16),
        /// Lowest UDP source port.
        3 SRCPORT_MIN SrcportMin(u16),
        /// Multiprotocol mode: also carry the related ethertypes (IPv6 with
        /// IPv4, multicast MPLS with unicast MPLS).
        4 MULTIPROTO_MODE MultiprotoMode(Flag),
    }
}
