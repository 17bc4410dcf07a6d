//! Link kind vxlan: its `IFLA_INFO_DATA` attributes.

use netlink_packet_core::attribute_set;

attribute_set! {
    /// Attributes of vxlan (`IFLA_VXLAN_*`, linux/if_link.h).
    pub enum VxlanAttr, view VxlanAttrRef, prefix IFLA_VXLAN_ {
    }
}
