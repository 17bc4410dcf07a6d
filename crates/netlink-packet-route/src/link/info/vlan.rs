//! Link kind vlan: its `IFLA_INFO_DATA` attributes.

use netlink_packet_core::attribute_set;

attribute_set! {
    /// Attributes of vlan (`IFLA_VLAN_*`, linux/if_link.h).
    pub enum VlanAttr, view VlanAttrRef, prefix IFLA_VLAN_ {
    }
}
