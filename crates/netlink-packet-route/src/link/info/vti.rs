//! Link kind vti and vti6: its `IFLA_INFO_DATA` attributes
//! (`IFLA_VTI_*`, linux/if_tunnel.h). vti carries 4-byte addresses and
//! vti6 16-byte ones ([`IpAddr`] by length).

use std::net::IpAddr;

use netlink_packet_core::attribute_set;
use netlink_packet_core::nla::Be32;

attribute_set! {
    /// Attributes of vti and vti6 (`IFLA_VTI_*`, linux/if_tunnel.h).
    pub enum VtiAttr, view VtiAttrRef, prefix IFLA_VTI_ {
        /// Index of the underlying device the tunnel is bound to.
        1 LINK Link(u32),
        /// Key (mark) matched on received packets, big-endian.
        2 IKEY IKey(Be32),
        /// Key (mark) set on sent packets, big-endian.
        3 OKEY OKey(Be32),
        /// Local endpoint: IPv4 for vti, IPv6 for vti6.
        4 LOCAL Local(IpAddr),
        /// Remote endpoint: IPv4 for vti, IPv6 for vti6.
        5 REMOTE Remote(IpAddr),
        /// Firewall mark of the encapsulated packets.
        6 FWMARK Fwmark(u32),
    }
}
