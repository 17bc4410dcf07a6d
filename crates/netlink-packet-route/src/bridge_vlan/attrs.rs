//! `BRIDGE_VLANDB_*` attributes.

use netlink_packet_core::nla::Nested;
use netlink_packet_core::{attribute_set, flag_set};

use crate::link::info::{BridgeQuerierAttr, MulticastRouter};
use crate::link::{BridgeStpState, BridgeVlanInfo};
use crate::mdb::MdbRouterAttr;

attribute_set! {
    /// A bridge VLAN database attribute of `RTM_NEWVLAN` replies and
    /// notifications (`BRIDGE_VLANDB_*`, linux/if_bridge.h). Dump requests
    /// carry [`BridgeVlanDumpAttr`] instead.
    pub enum BridgeVlanAttr, view BridgeVlanAttrRef, prefix BRIDGE_VLANDB_ {
        /// `BRIDGE_VLANDB_UNSPEC` (0): never carries a value.
        0 UNSPEC Unspec(Vec<u8>),
        /// One VLAN or range of a port (`BRIDGE_VLANDB_ENTRY_*`).
        1 ENTRY Entry(Nested<BridgeVlanEntryAttr>),
        /// Global options of a VLAN or range (`BRIDGE_VLANDB_GOPTS_*`).
        2 GLOBAL_OPTIONS GlobalOptions(Nested<BridgeVlanGlobalAttr>),
    }
}

attribute_set! {
    /// A `RTM_GETVLAN` dump request attribute (`BRIDGE_VLANDB_DUMP_*`,
    /// linux/if_bridge.h). Its number overlaps [`BridgeVlanAttr::ENTRY`]:
    /// see [`BridgeVlanDumpAttr::to_vlan_attr`].
    pub enum BridgeVlanDumpAttr, view BridgeVlanDumpAttrRef, prefix BRIDGE_VLANDB_DUMP_ {
        /// `BRIDGE_VLANDB_DUMP_UNSPEC` (0): never carries a value.
        0 UNSPEC Unspec(Vec<u8>),
        /// What to dump.
        1 FLAGS Flags(BridgeVlanDumpFlags),
    }
}

flag_set! {
    /// `BRIDGE_VLANDB_DUMP_FLAGS` bits (`BRIDGE_VLANDB_DUMPF_*`, linux/if_bridge.h).
    pub struct BridgeVlanDumpFlags: u32 {
        /// `BRIDGE_VLANDB_DUMPF_STATS`: include statistics.
        0x1 => STATS "stats",
        /// `BRIDGE_VLANDB_DUMPF_GLOBAL`: global options only.
        0x2 => GLOBAL "global",
    }
}

impl BridgeVlanDumpAttr {
    /// The same attribute as a [`BridgeVlanAttr`] (kept raw), to put in a
    /// [`super::BridgeVlanMessage`] request.
    pub fn to_vlan_attr(&self) -> BridgeVlanAttr {
        use netlink_packet_core::nla::{Attribute, NlaIter};
        let bytes = self.to_bytes();
        match NlaIter::new(&bytes).next() {
            Some(Ok(nla)) => BridgeVlanAttr::raw(&nla),
            // Emitting a declared value always gives one whole attribute.
            _ => BridgeVlanAttr::Unspec(Vec::new()),
        }
    }
}

attribute_set! {
    /// One VLAN entry of a port (`BRIDGE_VLANDB_ENTRY_*`, linux/if_bridge.h).
    pub enum BridgeVlanEntryAttr, view BridgeVlanEntryAttrRef, prefix BRIDGE_VLANDB_ENTRY_ {
        /// `BRIDGE_VLANDB_ENTRY_UNSPEC` (0): never carries a value.
        0 UNSPEC Unspec(Vec<u8>),
        /// The VLAN and its flags (`struct bridge_vlan_info`).
        1 INFO Info(BridgeVlanInfo),
        /// The last VLAN id of a range starting at `INFO`'s.
        2 RANGE Range(u16),
        /// The port's spanning tree state in this VLAN (`BR_STATE_*`).
        3 STATE State(BridgeStpState),
        /// VLAN to tunnel mapping (`BRIDGE_VLANDB_TINFO_*`).
        4 TUNNEL_INFO TunnelInfo(Nested<BridgeVlanTunnelInfoAttr>),
        /// Counters (`BRIDGE_VLANDB_STATS_*`).
        5 STATS Stats(Nested<BridgeVlanStatsAttr>),
        /// Multicast router mode (`MDB_RTR_TYPE_*`).
        6 MCAST_ROUTER McastRouter(MulticastRouter),
    }
}

attribute_set! {
    /// VLAN tunnel mapping (`BRIDGE_VLANDB_TINFO_*`, linux/if_bridge.h).
    pub enum BridgeVlanTunnelInfoAttr, view BridgeVlanTunnelInfoAttrRef, prefix BRIDGE_VLANDB_TINFO_ {
        /// `BRIDGE_VLANDB_TINFO_UNSPEC` (0): never carries a value.
        0 UNSPEC Unspec(Vec<u8>),
        /// The tunnel id.
        1 ID Id(u32),
        /// `RTM_SETLINK` to set the mapping, `RTM_DELLINK` to remove it.
        2 CMD Cmd(u32),
    }
}

attribute_set! {
    /// Per-VLAN counters (`BRIDGE_VLANDB_STATS_*`, linux/if_bridge.h).
    pub enum BridgeVlanStatsAttr, view BridgeVlanStatsAttrRef, prefix BRIDGE_VLANDB_STATS_ {
        /// `BRIDGE_VLANDB_STATS_UNSPEC` (0): never carries a value.
        0 UNSPEC Unspec(Vec<u8>),
        /// Bytes received.
        1 RX_BYTES RxBytes(u64),
        /// Packets received.
        2 RX_PACKETS RxPackets(u64),
        /// Bytes sent.
        3 TX_BYTES TxBytes(u64),
        /// Packets sent.
        4 TX_PACKETS TxPackets(u64),
        /// 64-bit alignment pad.
        5 PAD Pad(Vec<u8>),
    }
}

attribute_set! {
    /// Global VLAN options (`BRIDGE_VLANDB_GOPTS_*`, linux/if_bridge.h);
    /// intervals are in hundredths of a second.
    pub enum BridgeVlanGlobalAttr, view BridgeVlanGlobalAttrRef, prefix BRIDGE_VLANDB_GOPTS_ {
        /// `BRIDGE_VLANDB_GOPTS_UNSPEC` (0): never carries a value.
        0 UNSPEC Unspec(Vec<u8>),
        /// The VLAN id.
        1 ID Id(u16),
        /// The last VLAN id of a range.
        2 RANGE Range(u16),
        /// Multicast snooping on (1) or off (0).
        3 MCAST_SNOOPING McastSnooping(u8),
        /// IGMP version.
        4 MCAST_IGMP_VERSION McastIgmpVersion(u8),
        /// MLD version.
        5 MCAST_MLD_VERSION McastMldVersion(u8),
        /// Last member query count.
        6 MCAST_LAST_MEMBER_CNT McastLastMemberCnt(u32),
        /// Startup query count.
        7 MCAST_STARTUP_QUERY_CNT McastStartupQueryCnt(u32),
        /// Last member query interval.
        8 MCAST_LAST_MEMBER_INTVL McastLastMemberIntvl(u64),
        /// 64-bit alignment pad.
        9 PAD Pad(Vec<u8>),
        /// Membership interval.
        10 MCAST_MEMBERSHIP_INTVL McastMembershipIntvl(u64),
        /// Other querier present interval.
        11 MCAST_QUERIER_INTVL McastQuerierIntvl(u64),
        /// Query interval.
        12 MCAST_QUERY_INTVL McastQueryIntvl(u64),
        /// Query response interval.
        13 MCAST_QUERY_RESPONSE_INTVL McastQueryResponseIntvl(u64),
        /// Startup query interval.
        14 MCAST_STARTUP_QUERY_INTVL McastStartupQueryIntvl(u64),
        /// Querier on (1) or off (0).
        15 MCAST_QUERIER McastQuerier(u8),
        /// Router ports of the VLAN (`MDBA_ROUTER_*`).
        16 MCAST_ROUTER_PORTS McastRouterPorts(Nested<MdbRouterAttr>),
        /// Querier state (`BRIDGE_QUERIER_*`).
        17 MCAST_QUERIER_STATE McastQuerierState(Nested<BridgeQuerierAttr>),
        /// Multiple spanning tree instance of the VLAN.
        18 MSTI Msti(u16),
    }
}
