//! Link kind bridge: its `IFLA_INFO_DATA` attributes.

use netlink_packet_core::attribute_set;

attribute_set! {
    /// Attributes of bridge (`IFLA_BR_*`, linux/if_link.h).
    pub enum BridgeAttr, view BridgeAttrRef, prefix IFLA_BR_ {
    }
}
