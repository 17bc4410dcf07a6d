//! Link kind gre, gretap, erspan, ip6gre, ip6gretap, ip6erspan: its `IFLA_INFO_DATA` attributes.

use netlink_packet_core::attribute_set;

attribute_set! {
    /// Attributes of gre, gretap, erspan, ip6gre, ip6gretap, ip6erspan (`IFLA_GRE_*`, linux/if_tunnel.h).
    pub enum GreAttr, view GreAttrRef, prefix IFLA_GRE_ {
    }
}
