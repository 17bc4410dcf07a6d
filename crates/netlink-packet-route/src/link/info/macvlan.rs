//! Link kind macvlan and macvtap: its `IFLA_INFO_DATA` attributes.

use netlink_packet_core::attribute_set;

attribute_set! {
    /// Attributes of macvlan and macvtap (`IFLA_MACVLAN_*`, linux/if_link.h).
    pub enum MacVlanAttr, view MacVlanAttrRef, prefix IFLA_MACVLAN_ {
    }
}
