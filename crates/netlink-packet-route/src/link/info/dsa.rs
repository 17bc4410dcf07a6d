//! Link kind dsa: its `IFLA_INFO_DATA` attributes.

use netlink_packet_core::attribute_set;

attribute_set! {
    /// Attributes of dsa (`IFLA_DSA_*`, linux/if_link.h).
    pub enum DsaAttr, view DsaAttrRef, prefix IFLA_DSA_ {
    }
}
