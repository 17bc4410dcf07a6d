//! Link kind vlan: its `IFLA_INFO_DATA` attributes (`IFLA_VLAN_*`,
//! linux/if_link.h), with `struct ifla_vlan_flags`, the priority mapping
//! nests (`IFLA_VLAN_QOS_*`, `struct ifla_vlan_qos_mapping`) and the flags
//! of linux/if_vlan.h.

use netlink_packet_core::nla::{Be16, Nested};
use netlink_packet_core::{attribute_set, fixed_struct, flag_set};

attribute_set! {
    /// Attributes of vlan (`IFLA_VLAN_*`, linux/if_link.h).
    pub enum VlanAttr, view VlanAttrRef, prefix IFLA_VLAN_ {
        /// VLAN id (0..4095).
        1 ID Id(u16),
        /// Flags, and which of them to change.
        2 FLAGS Flags(VlanFlags),
        /// Egress mapping: socket buffer priority to VLAN priority (PCP).
        3 EGRESS_QOS EgressQos(Nested<VlanQosAttr>),
        /// Ingress mapping: VLAN priority (PCP) to socket buffer priority.
        4 INGRESS_QOS IngressQos(Nested<VlanQosAttr>),
        /// VLAN protocol (ethertype 0x8100 for 802.1Q, 0x88a8 for 802.1ad),
        /// big-endian.
        5 PROTOCOL Protocol(Be16),
    }
}

flag_set! {
    /// VLAN device flags (`enum vlan_flags`, `VLAN_FLAG_*`,
    /// linux/if_vlan.h); names as `ip -d link` prints them.
    pub struct VlanFlagBits: u32 {
        /// Reorder the header on receive.
        0x1 => REORDER_HDR "REORDER_HDR",
        /// GARP VLAN registration.
        0x2 => GVRP "GVRP",
        /// Operational state does not follow the lower device.
        0x4 => LOOSE_BINDING "LOOSE_BINDING",
        /// MRP VLAN registration.
        0x8 => MVRP "MVRP",
        /// Operational state follows the bridge ports in the VLAN.
        0x10 => BRIDGE_BINDING "BRIDGE_BINDING",
    }
}

fixed_struct! {
    /// `struct ifla_vlan_flags` (linux/if_link.h).
    pub struct VlanFlags {
        /// `flags`: the flag values.
        pub flags: VlanFlagBits,
        /// `mask`: which flags to change (requests); the kernel reports all
        /// ones.
        pub mask: VlanFlagBits,
    }
}

attribute_set! {
    /// A VLAN priority mapping list (`IFLA_VLAN_QOS_*`, linux/if_link.h),
    /// in `IFLA_VLAN_EGRESS_QOS` and `IFLA_VLAN_INGRESS_QOS`.
    pub enum VlanQosAttr, view VlanQosAttrRef, prefix IFLA_VLAN_QOS_ {
        /// One mapping; the attribute repeats.
        1 MAPPING Mapping(VlanQosMapping),
    }
}

fixed_struct! {
    /// `struct ifla_vlan_qos_mapping` (linux/if_link.h).
    pub struct VlanQosMapping {
        /// `from`: priority mapped from.
        pub from: u32,
        /// `to`: priority mapped to.
        pub to: u32,
    }
}
