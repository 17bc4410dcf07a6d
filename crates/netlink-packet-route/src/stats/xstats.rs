//! Link type specific statistics inside `IFLA_STATS_LINK_XSTATS` and
//! `IFLA_STATS_LINK_XSTATS_SLAVE`: bridge (linux/if_bridge.h) and bond
//! (linux/if_bonding.h).

use netlink_packet_core::nla::Nested;
use netlink_packet_core::{attribute_set, fixed_struct};

use crate::link::BridgeVlanFlags;

attribute_set! {
    /// Statistics keyed by link type (`LINK_XSTATS_TYPE_*`, linux/if_link.h).
    pub enum LinkXstatsAttr, view LinkXstatsAttrRef, prefix LINK_XSTATS_TYPE_ {
        /// `LINK_XSTATS_TYPE_UNSPEC` (0): never carries a value.
        0 UNSPEC Unspec(Vec<u8>),
        /// Bridge or bridge port statistics (`BRIDGE_XSTATS_*`).
        1 BRIDGE Bridge(Nested<BridgeXstatsAttr>),
        /// Bond or bond port statistics (`BOND_XSTATS_*`).
        2 BOND Bond(Nested<BondXstatsAttr>),
    }
}

attribute_set! {
    /// Bridge statistics (`BRIDGE_XSTATS_*`, linux/if_bridge.h).
    pub enum BridgeXstatsAttr, view BridgeXstatsAttrRef, prefix BRIDGE_XSTATS_ {
        /// `BRIDGE_XSTATS_UNSPEC` (0): never carries a value.
        0 UNSPEC Unspec(Vec<u8>),
        /// One VLAN's counters (`struct bridge_vlan_xstats`).
        1 VLAN Vlan(BridgeVlanXstats),
        /// IGMP/MLD counters (`struct br_mcast_stats`).
        2 MCAST Mcast(BrMcastStats),
        /// 64-bit alignment pad.
        3 PAD Pad(Vec<u8>),
        /// Spanning tree counters of a port (`struct bridge_stp_xstats`).
        4 STP Stp(BridgeStpXstats),
    }
}

fixed_struct! {
    /// `struct bridge_vlan_xstats` (linux/if_bridge.h).
    pub struct BridgeVlanXstats {
        /// `rx_bytes`.
        pub rx_bytes: u64,
        /// `rx_packets`.
        pub rx_packets: u64,
        /// `tx_bytes`.
        pub tx_bytes: u64,
        /// `tx_packets`.
        pub tx_packets: u64,
        /// `vid`.
        pub vid: u16,
        /// `flags` (`BRIDGE_VLAN_INFO_*`).
        pub flags: BridgeVlanFlags,
        /// `pad2`.
        pub pad2: u32,
    }
}

fixed_struct! {
    /// `struct br_mcast_stats` (linux/if_bridge.h): IGMP/MLD counters, each
    /// array member split into its `BR_MCAST_DIR_RX` and `BR_MCAST_DIR_TX`
    /// halves.
    pub struct BrMcastStats {
        /// `igmp_v1queries[BR_MCAST_DIR_RX]`.
        pub igmp_v1queries_rx: u64,
        /// `igmp_v1queries[BR_MCAST_DIR_TX]`.
        pub igmp_v1queries_tx: u64,
        /// `igmp_v2queries[BR_MCAST_DIR_RX]`.
        pub igmp_v2queries_rx: u64,
        /// `igmp_v2queries[BR_MCAST_DIR_TX]`.
        pub igmp_v2queries_tx: u64,
        /// `igmp_v3queries[BR_MCAST_DIR_RX]`.
        pub igmp_v3queries_rx: u64,
        /// `igmp_v3queries[BR_MCAST_DIR_TX]`.
        pub igmp_v3queries_tx: u64,
        /// `igmp_leaves[BR_MCAST_DIR_RX]`.
        pub igmp_leaves_rx: u64,
        /// `igmp_leaves[BR_MCAST_DIR_TX]`.
        pub igmp_leaves_tx: u64,
        /// `igmp_v1reports[BR_MCAST_DIR_RX]`.
        pub igmp_v1reports_rx: u64,
        /// `igmp_v1reports[BR_MCAST_DIR_TX]`.
        pub igmp_v1reports_tx: u64,
        /// `igmp_v2reports[BR_MCAST_DIR_RX]`.
        pub igmp_v2reports_rx: u64,
        /// `igmp_v2reports[BR_MCAST_DIR_TX]`.
        pub igmp_v2reports_tx: u64,
        /// `igmp_v3reports[BR_MCAST_DIR_RX]`.
        pub igmp_v3reports_rx: u64,
        /// `igmp_v3reports[BR_MCAST_DIR_TX]`.
        pub igmp_v3reports_tx: u64,
        /// `igmp_parse_errors`.
        pub igmp_parse_errors: u64,
        /// `mld_v1queries[BR_MCAST_DIR_RX]`.
        pub mld_v1queries_rx: u64,
        /// `mld_v1queries[BR_MCAST_DIR_TX]`.
        pub mld_v1queries_tx: u64,
        /// `mld_v2queries[BR_MCAST_DIR_RX]`.
        pub mld_v2queries_rx: u64,
        /// `mld_v2queries[BR_MCAST_DIR_TX]`.
        pub mld_v2queries_tx: u64,
        /// `mld_leaves[BR_MCAST_DIR_RX]`.
        pub mld_leaves_rx: u64,
        /// `mld_leaves[BR_MCAST_DIR_TX]`.
        pub mld_leaves_tx: u64,
        /// `mld_v1reports[BR_MCAST_DIR_RX]`.
        pub mld_v1reports_rx: u64,
        /// `mld_v1reports[BR_MCAST_DIR_TX]`.
        pub mld_v1reports_tx: u64,
        /// `mld_v2reports[BR_MCAST_DIR_RX]`.
        pub mld_v2reports_rx: u64,
        /// `mld_v2reports[BR_MCAST_DIR_TX]`.
        pub mld_v2reports_tx: u64,
        /// `mld_parse_errors`.
        pub mld_parse_errors: u64,
        /// `mcast_bytes[BR_MCAST_DIR_RX]`.
        pub mcast_bytes_rx: u64,
        /// `mcast_bytes[BR_MCAST_DIR_TX]`.
        pub mcast_bytes_tx: u64,
        /// `mcast_packets[BR_MCAST_DIR_RX]`.
        pub mcast_packets_rx: u64,
        /// `mcast_packets[BR_MCAST_DIR_TX]`.
        pub mcast_packets_tx: u64,
    }
}

fixed_struct! {
    /// `struct bridge_stp_xstats` (linux/if_bridge.h).
    pub struct BridgeStpXstats {
        /// `transition_blk`.
        pub transition_blk: u64,
        /// `transition_fwd`.
        pub transition_fwd: u64,
        /// `rx_bpdu`.
        pub rx_bpdu: u64,
        /// `tx_bpdu`.
        pub tx_bpdu: u64,
        /// `rx_tcn`.
        pub rx_tcn: u64,
        /// `tx_tcn`.
        pub tx_tcn: u64,
    }
}

attribute_set! {
    /// Bond statistics (`BOND_XSTATS_*`, linux/if_bonding.h).
    pub enum BondXstatsAttr, view BondXstatsAttrRef, prefix BOND_XSTATS_ {
        /// `BOND_XSTATS_UNSPEC` (0): never carries a value.
        0 UNSPEC Unspec(Vec<u8>),
        /// 802.3ad counters (`BOND_3AD_STAT_*`).
        1 THREE_AD = "BOND_XSTATS_3AD" ThreeAd(Nested<Bond3adStatAttr>),
    }
}

attribute_set! {
    /// 802.3ad counters (`BOND_3AD_STAT_*`, linux/if_bonding.h); numbering
    /// starts at 0.
    pub enum Bond3adStatAttr, view Bond3adStatAttrRef, prefix BOND_3AD_STAT_ {
        /// LACPDUs received.
        0 LACPDU_RX LacpduRx(u64),
        /// LACPDUs sent.
        1 LACPDU_TX LacpduTx(u64),
        /// Unknown LACPDUs received.
        2 LACPDU_UNKNOWN_RX LacpduUnknownRx(u64),
        /// Illegal LACPDUs received.
        3 LACPDU_ILLEGAL_RX LacpduIllegalRx(u64),
        /// Marker PDUs received.
        4 MARKER_RX MarkerRx(u64),
        /// Marker PDUs sent.
        5 MARKER_TX MarkerTx(u64),
        /// Marker responses received.
        6 MARKER_RESP_RX MarkerRespRx(u64),
        /// Marker responses sent.
        7 MARKER_RESP_TX MarkerRespTx(u64),
        /// Unknown marker PDUs received.
        8 MARKER_UNKNOWN_RX MarkerUnknownRx(u64),
        /// 64-bit alignment pad.
        9 PAD Pad(Vec<u8>),
    }
}
