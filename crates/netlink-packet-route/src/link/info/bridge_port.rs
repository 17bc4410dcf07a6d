//! Link kind bridge port: its `IFLA_INFO_DATA` attributes.

use netlink_packet_core::attribute_set;

attribute_set! {
    /// Attributes of bridge port (`IFLA_BRPORT_*`, linux/if_link.h), the slave data of a bridge port and `IFLA_PROTINFO` of `AF_BRIDGE` messages.
    pub enum BridgePortAttr, view BridgePortAttrRef, prefix IFLA_BRPORT_ {
    }
}
