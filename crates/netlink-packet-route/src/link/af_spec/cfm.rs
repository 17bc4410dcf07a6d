//! Connectivity Fault Management settings of a bridge
//! (`IFLA_BRIDGE_CFM_*`, linux/if_bridge.h; domains, directions and
//! intervals from linux/cfm_bridge.h).

use netlink_packet_core::nla::{MacAddr, Nested};
use netlink_packet_core::{attribute_set, value_enum};

attribute_set! {
    /// CFM requests and state (`IFLA_BRIDGE_CFM_*`, linux/if_bridge.h). The
    /// `*_INFO` attributes are what dumps carry; each holds the attributes
    /// of the request of the same name.
    pub enum BridgeCfmAttr, view BridgeCfmAttrRef, prefix IFLA_BRIDGE_CFM_ {
        /// Create a maintenance end point.
        1 MEP_CREATE MepCreate(Nested<CfmMepCreateAttr>),
        /// Delete a maintenance end point.
        2 MEP_DELETE MepDelete(Nested<CfmMepDeleteAttr>),
        /// Configure an end point.
        3 MEP_CONFIG MepConfig(Nested<CfmMepConfigAttr>),
        /// Configure continuity check.
        4 CC_CONFIG CcConfig(Nested<CfmCcConfigAttr>),
        /// Add a peer end point.
        5 CC_PEER_MEP_ADD CcPeerMepAdd(Nested<CfmCcPeerMepAttr>),
        /// Remove a peer end point.
        6 CC_PEER_MEP_REMOVE CcPeerMepRemove(Nested<CfmCcPeerMepAttr>),
        /// Set the remote defect indication.
        7 CC_RDI CcRdi(Nested<CfmCcRdiAttr>),
        /// Transmit continuity check messages.
        8 CC_CCM_TX CcCcmTx(Nested<CfmCcCcmTxAttr>),
        /// An end point as created (dumps).
        9 MEP_CREATE_INFO MepCreateInfo(Nested<CfmMepCreateAttr>),
        /// An end point's configuration (dumps).
        10 MEP_CONFIG_INFO MepConfigInfo(Nested<CfmMepConfigAttr>),
        /// Continuity check configuration (dumps).
        11 CC_CONFIG_INFO CcConfigInfo(Nested<CfmCcConfigAttr>),
        /// Remote defect indication (dumps).
        12 CC_RDI_INFO CcRdiInfo(Nested<CfmCcRdiAttr>),
        /// Continuity check transmission (dumps).
        13 CC_CCM_TX_INFO CcCcmTxInfo(Nested<CfmCcCcmTxAttr>),
        /// A peer end point (dumps).
        14 CC_PEER_MEP_INFO CcPeerMepInfo(Nested<CfmCcPeerMepAttr>),
        /// An end point's status (dumps).
        15 MEP_STATUS_INFO MepStatusInfo(Nested<CfmMepStatusAttr>),
        /// A peer's status (dumps).
        16 CC_PEER_STATUS_INFO CcPeerStatusInfo(Nested<CfmCcPeerStatusAttr>),
    }
}

attribute_set! {
    /// A maintenance end point (`IFLA_BRIDGE_CFM_MEP_CREATE_*`).
    pub enum CfmMepCreateAttr, view CfmMepCreateAttrRef, prefix IFLA_BRIDGE_CFM_MEP_CREATE_ {
        /// Instance number.
        1 INSTANCE Instance(u32),
        /// Domain.
        2 DOMAIN Domain(CfmDomain),
        /// Direction.
        3 DIRECTION Direction(CfmMepDirection),
        /// The port's ifindex.
        4 IFINDEX IfIndex(u32),
    }
}

attribute_set! {
    /// An end point to delete (`IFLA_BRIDGE_CFM_MEP_DELETE_*`).
    pub enum CfmMepDeleteAttr, view CfmMepDeleteAttrRef, prefix IFLA_BRIDGE_CFM_MEP_DELETE_ {
        /// Instance number.
        1 INSTANCE Instance(u32),
    }
}

attribute_set! {
    /// An end point's configuration (`IFLA_BRIDGE_CFM_MEP_CONFIG_*`).
    pub enum CfmMepConfigAttr, view CfmMepConfigAttrRef, prefix IFLA_BRIDGE_CFM_MEP_CONFIG_ {
        /// Instance number.
        1 INSTANCE Instance(u32),
        /// Unicast MAC address.
        2 UNICAST_MAC UnicastMac(MacAddr),
        /// Maintenance domain level.
        3 MDLEVEL MdLevel(u32),
        /// End point id.
        4 MEPID MepId(u32),
    }
}

attribute_set! {
    /// Continuity check configuration (`IFLA_BRIDGE_CFM_CC_CONFIG_*`).
    pub enum CfmCcConfigAttr, view CfmCcConfigAttrRef, prefix IFLA_BRIDGE_CFM_CC_CONFIG_ {
        /// Instance number.
        1 INSTANCE Instance(u32),
        /// Enabled.
        2 ENABLE Enable(u32),
        /// Expected interval.
        3 EXP_INTERVAL ExpInterval(CfmCcmInterval),
        /// Expected maintenance association id (`CFM_MAID_LENGTH` bytes).
        4 EXP_MAID ExpMaid(Vec<u8>),
    }
}

attribute_set! {
    /// A peer end point (`IFLA_BRIDGE_CFM_CC_PEER_MEP_*` and
    /// `IFLA_BRIDGE_CFM_CC_PEER_MEPID`).
    pub enum CfmCcPeerMepAttr, view CfmCcPeerMepAttrRef, prefix IFLA_BRIDGE_CFM_CC_PEER_ {
        /// Instance number.
        1 MEP_INSTANCE Instance(u32),
        /// The peer's end point id.
        2 MEPID MepId(u32),
    }
}

attribute_set! {
    /// Remote defect indication (`IFLA_BRIDGE_CFM_CC_RDI_*`).
    pub enum CfmCcRdiAttr, view CfmCcRdiAttrRef, prefix IFLA_BRIDGE_CFM_CC_RDI_ {
        /// Instance number.
        1 INSTANCE Instance(u32),
        /// The indication.
        2 RDI Rdi(u32),
    }
}

attribute_set! {
    /// Continuity check message transmission (`IFLA_BRIDGE_CFM_CC_CCM_TX_*`).
    pub enum CfmCcCcmTxAttr, view CfmCcCcmTxAttrRef, prefix IFLA_BRIDGE_CFM_CC_CCM_TX_ {
        /// Instance number.
        1 INSTANCE Instance(u32),
        /// Destination MAC address.
        2 DMAC Dmac(MacAddr),
        /// Update the sequence number.
        3 SEQ_NO_UPDATE SeqNoUpdate(u32),
        /// Transmission period.
        4 PERIOD Period(u32),
        /// Add the interface status TLV.
        5 IF_TLV IfTlv(u32),
        /// Interface status TLV value.
        6 IF_TLV_VALUE IfTlvValue(u8),
        /// Add the port status TLV.
        7 PORT_TLV PortTlv(u32),
        /// Port status TLV value.
        8 PORT_TLV_VALUE PortTlvValue(u8),
    }
}

attribute_set! {
    /// An end point's status (`IFLA_BRIDGE_CFM_MEP_STATUS_*`).
    pub enum CfmMepStatusAttr, view CfmMepStatusAttrRef, prefix IFLA_BRIDGE_CFM_MEP_STATUS_ {
        /// Instance number.
        1 INSTANCE Instance(u32),
        /// An unexpected opcode was seen.
        2 OPCODE_UNEXP_SEEN OpcodeUnexpSeen(u32),
        /// An unexpected version was seen.
        3 VERSION_UNEXP_SEEN VersionUnexpSeen(u32),
        /// A too low level was seen.
        4 RX_LEVEL_LOW_SEEN RxLevelLowSeen(u32),
    }
}

attribute_set! {
    /// A peer end point's status (`IFLA_BRIDGE_CFM_CC_PEER_STATUS_*`).
    pub enum CfmCcPeerStatusAttr, view CfmCcPeerStatusAttrRef, prefix IFLA_BRIDGE_CFM_CC_PEER_STATUS_ {
        /// Instance number.
        1 INSTANCE Instance(u32),
        /// The peer's end point id.
        2 PEER_MEPID PeerMepId(u32),
        /// Continuity check defect.
        3 CCM_DEFECT CcmDefect(u32),
        /// Remote defect indication.
        4 RDI Rdi(u32),
        /// Last port status TLV value.
        5 PORT_TLV_VALUE PortTlvValue(u8),
        /// Last interface status TLV value.
        6 IF_TLV_VALUE IfTlvValue(u8),
        /// A message was seen.
        7 SEEN Seen(u32),
        /// A TLV was seen.
        8 TLV_SEEN TlvSeen(u32),
        /// An unexpected sequence number was seen.
        9 SEQ_UNEXP_SEEN SeqUnexpSeen(u32),
    }
}

value_enum! {
    /// End point domain (`enum br_cfm_domain`, linux/cfm_bridge.h).
    pub enum CfmDomain: u32 {
        0 => Port "port",
        1 => Vlan "vlan",
    }
}

value_enum! {
    /// End point direction (`enum br_cfm_mep_direction`, linux/cfm_bridge.h).
    pub enum CfmMepDirection: u32 {
        0 => Down "down",
        1 => Up "up",
    }
}

value_enum! {
    /// Continuity check interval (`enum br_cfm_ccm_interval`,
    /// linux/cfm_bridge.h).
    pub enum CfmCcmInterval: u32 {
        0 => None "none",
        1 => Ms3_3 "3_3_ms",
        2 => Ms10 "10_ms",
        3 => Ms100 "100_ms",
        4 => Sec1 "1_sec",
        5 => Sec10 "10_sec",
        6 => Min1 "1_min",
        7 => Min10 "10_min",
    }
}
