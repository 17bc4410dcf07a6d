//! Link kind ipip, sit, ip6tnl: its `IFLA_INFO_DATA` attributes.

use netlink_packet_core::attribute_set;

attribute_set! {
    /// Attributes of ipip, sit, ip6tnl (`IFLA_IPTUN_*`, linux/if_tunnel.h).
    pub enum IpTunnelAttr, view IpTunnelAttrRef, prefix IFLA_IPTUN_ {
    }
}
