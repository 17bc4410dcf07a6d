//! Link kind bareudp: its `IFLA_INFO_DATA` attributes.

use netlink_packet_core::attribute_set;

attribute_set! {
    /// Attributes of bareudp (`IFLA_BAREUDP_*`, linux/if_link.h).
    pub enum BareUdpAttr, view BareUdpAttrRef, prefix IFLA_BAREUDP_ {
    }
}
