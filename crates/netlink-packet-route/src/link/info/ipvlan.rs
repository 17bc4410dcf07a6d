//! Link kind ipvlan and ipvtap: its `IFLA_INFO_DATA` attributes.

use netlink_packet_core::attribute_set;

attribute_set! {
    /// Attributes of ipvlan and ipvtap (`IFLA_IPVLAN_*`, linux/if_link.h).
    pub enum IpVlanAttr, view IpVlanAttrRef, prefix IFLA_IPVLAN_ {
    }
}
