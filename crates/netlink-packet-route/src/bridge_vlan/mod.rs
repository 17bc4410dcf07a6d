//! The bridge VLAN database (`RTM_NEWVLAN`, `RTM_DELVLAN`, `RTM_GETVLAN`):
//! `struct br_vlan_msg` then `BRIDGE_VLANDB_*` attributes (linux/if_bridge.h).

mod attrs;

pub use attrs::*;

use netlink_packet_core::{fixed_struct, header_message};

fixed_struct! {
    /// `struct br_vlan_msg` (linux/if_bridge.h).
    pub header struct BridgeVlanHeader {
        /// `family`.
        pub family: u8,
        /// `reserved1`.
        pub reserved1: u8,
        /// `reserved2`.
        pub reserved2: u16,
        /// `ifindex`.
        pub index: u32,
    }
}

header_message! {
    /// The message, owned: the fixed header and every attribute in wire order.
    pub struct BridgeVlanMessage, view BridgeVlanView, header BridgeVlanHeader, attrs BridgeVlanAttr, BridgeVlanAttrRef;
}

impl BridgeVlanMessage {
    /// Every `BRIDGE_VLANDB_ENTRY` nest, in wire order.
    pub fn entries(&self) -> impl Iterator<Item = &[BridgeVlanEntryAttr]> {
        self.attrs.iter().filter_map(|a| match a {
            BridgeVlanAttr::Entry(e) => Some(&e.attrs[..]),
            _ => None,
        })
    }
}
