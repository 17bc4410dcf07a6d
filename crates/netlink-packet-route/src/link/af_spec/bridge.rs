//! Bridge settings of a link (`IFLA_BRIDGE_*`, linux/if_bridge.h): what
//! `IFLA_AF_SPEC` holds in `AF_BRIDGE` link messages (`bridge link`,
//! `bridge vlan`).

use netlink_packet_core::nla::Nested;
use netlink_packet_core::{attribute_set, fixed_struct, flag_set, value_enum};

use super::cfm::BridgeCfmAttr;
use super::mrp::BridgeMrpAttr;

attribute_set! {
    /// Bridge settings of a link (`IFLA_BRIDGE_*`, linux/if_bridge.h), the
    /// content of `IFLA_AF_SPEC` in `AF_BRIDGE` messages.
    pub enum AfSpecBridgeAttr, view AfSpecBridgeAttrRef, prefix IFLA_BRIDGE_ {
        /// Whether a request is for the bridge (master) or the port's own
        /// driver (self).
        0 FLAGS Flags(BridgeFlags),
        /// Hairpin mode of an embedded switch.
        1 MODE Mode(BridgeMode),
        /// One VLAN of the port (or a range bound).
        2 VLAN_INFO VlanInfo(BridgeVlanInfo),
        /// VLAN to tunnel id mapping.
        3 VLAN_TUNNEL_INFO VlanTunnelInfo(Nested<BridgeVlanTunnelAttr>),
        /// Media Redundancy Protocol.
        4 MRP Mrp(Nested<BridgeMrpAttr>),
        /// Connectivity Fault Management.
        5 CFM Cfm(Nested<BridgeCfmAttr>),
        /// Multiple spanning tree states.
        6 MST Mst(Nested<BridgeMstAttr>),
    }
}

flag_set! {
    /// Target of a bridge request (`BRIDGE_FLAGS_*`, linux/if_bridge.h).
    pub struct BridgeFlags: u16 {
        /// To or from the bridge (master) device.
        0x1 => MASTER "master",
        /// To or from the port's own driver.
        0x2 => SELF "self",
    }
}

value_enum! {
    /// Bridge mode of an embedded switch (`BRIDGE_MODE_*`,
    /// linux/if_bridge.h).
    pub enum BridgeMode: u16 {
        0 => Veb "veb",
        1 => Vepa "vepa",
        0xffff => Undef "undef",
    }
}

flag_set! {
    /// VLAN flags (`BRIDGE_VLAN_INFO_*`, linux/if_bridge.h).
    pub struct BridgeVlanFlags: u16 {
        /// Operate on the bridge device as well.
        0x1 => MASTER "master",
        /// The VLAN is the port's PVID (ingress untagged).
        0x2 => PVID "pvid",
        /// The VLAN egresses untagged.
        0x4 => UNTAGGED "untagged",
        /// Start of a VLAN range.
        0x8 => RANGE_BEGIN "range_begin",
        /// End of a VLAN range.
        0x10 => RANGE_END "range_end",
        /// Global bridge VLAN entry.
        0x20 => BRENTRY "brentry",
        /// Only options, no create, delete or flags.
        0x40 => ONLY_OPTS "only_opts",
    }
}

fixed_struct! {
    /// `struct bridge_vlan_info` (linux/if_bridge.h).
    pub struct BridgeVlanInfo {
        /// `flags`.
        pub flags: BridgeVlanFlags,
        /// `vid`: the VLAN id.
        pub vid: u16,
    }
}

attribute_set! {
    /// VLAN to tunnel mapping (`IFLA_BRIDGE_VLAN_TUNNEL_*`, linux/if_bridge.h).
    pub enum BridgeVlanTunnelAttr, view BridgeVlanTunnelAttrRef, prefix IFLA_BRIDGE_VLAN_TUNNEL_ {
        /// Tunnel id.
        1 ID Id(u32),
        /// VLAN id.
        2 VID Vid(u16),
        /// VLAN flags (range bounds).
        3 FLAGS Flags(BridgeVlanFlags),
    }
}

attribute_set! {
    /// Multiple spanning tree states (`IFLA_BRIDGE_MST_*`, linux/if_bridge.h).
    pub enum BridgeMstAttr, view BridgeMstAttrRef, prefix IFLA_BRIDGE_MST_ {
        /// The state of the port in one tree.
        1 ENTRY Entry(Nested<BridgeMstEntryAttr>),
    }
}

attribute_set! {
    /// One tree's port state (`IFLA_BRIDGE_MST_ENTRY_*`, linux/if_bridge.h).
    pub enum BridgeMstEntryAttr, view BridgeMstEntryAttrRef, prefix IFLA_BRIDGE_MST_ENTRY_ {
        /// Tree instance id.
        1 MSTI Msti(u16),
        /// Port state in that tree.
        2 STATE State(BridgeStpState),
    }
}

value_enum! {
    /// Spanning tree port state (`BR_STATE_*`, linux/if_bridge.h).
    pub enum BridgeStpState: u8 {
        0 => Disabled "disabled",
        1 => Listening "listening",
        2 => Learning "learning",
        3 => Forwarding "forwarding",
        4 => Blocking "blocking",
    }
}
