//! `BRIDGE_VLANDB_*` attributes.

use netlink_packet_core::attribute_set;

attribute_set! {
    /// A bridge VLAN database attribute (`BRIDGE_VLANDB_*`, linux/if_bridge.h).
    pub enum BridgeVlanAttr, view BridgeVlanAttrRef, prefix BRIDGE_VLANDB_ {
    }
}
