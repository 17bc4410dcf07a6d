//! SR-IOV virtual functions (`IFLA_VFINFO_LIST`, `IFLA_VF_PORTS`,
//! `IFLA_PORT_SELF`, linux/if_link.h).

use netlink_packet_core::nla::{Be16, Nested, ShortString};
use netlink_packet_core::{attribute_set, fixed_struct, value_enum};

attribute_set! {
    /// Entries of `IFLA_VFINFO_LIST` (`IFLA_VF_INFO_*`: `IFLA_VF_INFO`).
    pub enum VfInfoListAttr, view VfInfoListAttrRef, prefix IFLA_VF_ {
        /// One virtual function.
        1 INFO Info(Nested<VfInfoAttr>),
    }
}

attribute_set! {
    /// Settings and counters of one virtual function (`IFLA_VF_*`,
    /// linux/if_link.h).
    pub enum VfInfoAttr, view VfInfoAttrRef, prefix IFLA_VF_ {
        /// Hardware address.
        1 MAC Mac(VfMac),
        /// VLAN id and QoS.
        2 VLAN Vlan(VfVlan),
        /// Maximum transmit rate.
        3 TX_RATE TxRate(VfTxRate),
        /// Spoof checking.
        4 SPOOFCHK SpoofCheck(VfSpoofCheck),
        /// Link state policy.
        5 LINK_STATE LinkState(VfLinkState),
        /// Minimum and maximum transmit rate.
        6 RATE Rate(VfRate),
        /// RSS redirection table and hash key query.
        7 RSS_QUERY_EN RssQueryEn(VfRssQueryEn),
        /// Counters.
        8 STATS Stats(Nested<VfStatsAttr>),
        /// Trust.
        9 TRUST Trust(VfTrust),
        /// InfiniBand node GUID.
        10 IB_NODE_GUID IbNodeGuid(VfGuid),
        /// InfiniBand port GUID.
        11 IB_PORT_GUID IbPortGuid(VfGuid),
        /// VLANs (QinQ).
        12 VLAN_LIST VlanList(Nested<VfVlanAttr>),
        /// Broadcast address.
        13 BROADCAST Broadcast(VfBroadcast),
    }
}

fixed_struct! {
    /// `struct ifla_vf_mac` (linux/if_link.h).
    pub struct VfMac {
        /// `vf`: the virtual function's number.
        pub vf: u32,
        /// `mac`: the address, padded to `MAX_ADDR_LEN` (32) bytes.
        pub mac: [u8; 32],
    }
}

fixed_struct! {
    /// `struct ifla_vf_broadcast` (linux/if_link.h).
    pub struct VfBroadcast {
        /// `broadcast`: the address, padded to 32 bytes.
        pub broadcast: [u8; 32],
    }
}

fixed_struct! {
    /// `struct ifla_vf_vlan` (linux/if_link.h).
    pub struct VfVlan {
        /// `vf`.
        pub vf: u32,
        /// `vlan`: 0 to 4095, 0 disables the VLAN filter.
        pub vlan: u32,
        /// `qos`.
        pub qos: u32,
    }
}

fixed_struct! {
    /// `struct ifla_vf_vlan_info` (linux/if_link.h), padded by the compiler
    /// to its 4-byte alignment.
    pub struct VfVlanInfo {
        /// `vf`.
        pub vf: u32,
        /// `vlan`: 0 to 4095, 0 disables the VLAN filter.
        pub vlan: u32,
        /// `qos`.
        pub qos: u32,
        /// `vlan_proto`: 802.1Q (0x8100) or 802.1ad (0x88a8), big-endian.
        pub vlan_proto: Be16,
        /// Padding to the structure's alignment.
        pub pad: [u8; 2],
    }
}

fixed_struct! {
    /// `struct ifla_vf_tx_rate` (linux/if_link.h).
    pub struct VfTxRate {
        /// `vf`.
        pub vf: u32,
        /// `rate`: maximum transmit bandwidth in Mbps, 0 disables throttling.
        pub rate: u32,
    }
}

fixed_struct! {
    /// `struct ifla_vf_rate` (linux/if_link.h).
    pub struct VfRate {
        /// `vf`.
        pub vf: u32,
        /// `min_tx_rate`: minimum bandwidth in Mbps.
        pub min_tx_rate: u32,
        /// `max_tx_rate`: maximum bandwidth in Mbps.
        pub max_tx_rate: u32,
    }
}

fixed_struct! {
    /// `struct ifla_vf_spoofchk` (linux/if_link.h).
    pub struct VfSpoofCheck {
        /// `vf`.
        pub vf: u32,
        /// `setting`.
        pub setting: u32,
    }
}

fixed_struct! {
    /// `struct ifla_vf_guid` (linux/if_link.h), with the padding the
    /// compiler puts before the 8-byte aligned `guid`.
    pub struct VfGuid {
        /// `vf`.
        pub vf: u32,
        /// Padding to `guid`'s alignment.
        pub pad: [u8; 4],
        /// `guid`.
        pub guid: u64,
    }
}

value_enum! {
    /// Link state policy of a virtual function (`IFLA_VF_LINK_STATE_*`,
    /// linux/if_link.h).
    pub enum VfLinkStatePolicy: u32 {
        0 => Auto "auto",
        1 => Enable "enable",
        2 => Disable "disable",
    }
}

fixed_struct! {
    /// `struct ifla_vf_link_state` (linux/if_link.h).
    pub struct VfLinkState {
        /// `vf`.
        pub vf: u32,
        /// `link_state`.
        pub link_state: VfLinkStatePolicy,
    }
}

fixed_struct! {
    /// `struct ifla_vf_rss_query_en` (linux/if_link.h).
    pub struct VfRssQueryEn {
        /// `vf`.
        pub vf: u32,
        /// `setting`.
        pub setting: u32,
    }
}

fixed_struct! {
    /// `struct ifla_vf_trust` (linux/if_link.h).
    pub struct VfTrust {
        /// `vf`.
        pub vf: u32,
        /// `setting`.
        pub setting: u32,
    }
}

attribute_set! {
    /// Entries of `IFLA_VF_VLAN_LIST` (`IFLA_VF_VLAN_INFO_*`:
    /// `IFLA_VF_VLAN_INFO`).
    pub enum VfVlanAttr, view VfVlanAttrRef, prefix IFLA_VF_VLAN_ {
        /// One VLAN.
        1 INFO Info(VfVlanInfo),
    }
}

attribute_set! {
    /// Counters of a virtual function (`IFLA_VF_STATS_*`, linux/if_link.h).
    pub enum VfStatsAttr, view VfStatsAttrRef, prefix IFLA_VF_STATS_ {
        /// Packets received.
        0 RX_PACKETS RxPackets(u64),
        /// Packets sent.
        1 TX_PACKETS TxPackets(u64),
        /// Bytes received.
        2 RX_BYTES RxBytes(u64),
        /// Bytes sent.
        3 TX_BYTES TxBytes(u64),
        /// Broadcast packets.
        4 BROADCAST Broadcast(u64),
        /// Multicast packets.
        5 MULTICAST Multicast(u64),
        /// Padding for 64-bit alignment.
        6 PAD Pad(Vec<u8>),
        /// Packets dropped on receive.
        7 RX_DROPPED RxDropped(u64),
        /// Packets dropped on send.
        8 TX_DROPPED TxDropped(u64),
    }
}

attribute_set! {
    /// Entries of `IFLA_VF_PORTS` (`IFLA_VF_PORT_*`: `IFLA_VF_PORT`).
    pub enum VfPortsAttr, view VfPortsAttrRef, prefix IFLA_VF_ {
        /// One virtual function's port.
        1 PORT Port(Nested<VfPortAttr>),
    }
}

attribute_set! {
    /// Attributes of one port (`IFLA_PORT_*`), in `IFLA_VF_PORT` and
    /// `IFLA_PORT_SELF`.
    pub enum VfPortAttr, view VfPortAttrRef, prefix IFLA_PORT_ {
        /// The virtual function (`PORT_SELF_VF`, -1, for the device itself).
        1 VF Vf(u32),
        /// Port profile name (at most `PORT_PROFILE_MAX`, 40, bytes).
        2 PROFILE Profile(ShortString),
        /// 802.1Qbg VSI type.
        3 VSI_TYPE VsiType(PortVsi),
        /// Instance UUID (`PORT_UUID_MAX`, 16, bytes).
        4 INSTANCE_UUID InstanceUuid(Vec<u8>),
        /// Host UUID (`PORT_UUID_MAX`, 16, bytes).
        5 HOST_UUID HostUuid(Vec<u8>),
        /// Association request.
        6 REQUEST Request(PortRequest),
        /// Association response (output only).
        7 RESPONSE Response(PortResponse),
    }
}

fixed_struct! {
    /// `struct ifla_port_vsi` (linux/if_link.h).
    pub struct PortVsi {
        /// `vsi_mgr_id`.
        pub vsi_mgr_id: u8,
        /// `vsi_type_id`.
        pub vsi_type_id: [u8; 3],
        /// `vsi_type_version`.
        pub vsi_type_version: u8,
        /// `pad`.
        pub pad: [u8; 3],
    }
}

value_enum! {
    /// Port association request (`PORT_REQUEST_*`, linux/if_link.h); named
    /// after the constant, in lower case.
    pub enum PortRequest: u8 {
        0 => Preassociate "preassociate",
        1 => PreassociateRr "preassociate_rr",
        2 => Associate "associate",
        3 => Disassociate "disassociate",
    }
}

value_enum! {
    /// Port association response (`PORT_VDP_RESPONSE_*` and
    /// `PORT_PROFILE_RESPONSE_*`, linux/if_link.h); named after the
    /// constant without `PORT_`, in lower case (the header's spelling
    /// `VIOALTION` included).
    pub enum PortResponse: u16 {
        0 => VdpSuccess "vdp_response_success",
        1 => VdpInvalidFormat "vdp_response_invalid_format",
        2 => VdpInsufficientResources "vdp_response_insufficient_resources",
        3 => VdpUnusedVtid "vdp_response_unused_vtid",
        4 => VdpVtidViolation "vdp_response_vtid_violation",
        5 => VdpVtidVersionViolation "vdp_response_vtid_version_vioaltion",
        6 => VdpOutOfSync "vdp_response_out_of_sync",
        0x100 => ProfileSuccess "profile_response_success",
        0x101 => ProfileInProgress "profile_response_inprogress",
        0x102 => ProfileInvalid "profile_response_invalid",
        0x103 => ProfileBadState "profile_response_badstate",
        0x104 => ProfileInsufficientResources "profile_response_insufficient_resources",
        0x105 => ProfileError "profile_response_error",
    }
}
