//! Link kind bridge: its `IFLA_INFO_DATA` attributes (`IFLA_BR_*`,
//! linux/if_link.h), with the structures and enumerations they carry from
//! linux/if_bridge.h.
//!
//! Times: the settings (`FORWARD_DELAY`, `HELLO_TIME`, `MAX_AGE`,
//! `AGEING_TIME`, the multicast intervals) and the running timers are in
//! the kernel's `clock_t` unit, hundredths of a second (`USER_HZ` 100):
//! `ip` takes and prints the settings as those numbers and the timers
//! divided by 100, in seconds.

use std::net::{Ipv4Addr, Ipv6Addr};

use netlink_packet_core::nla::{Be16, Flag, MacAddr, Nested};
use netlink_packet_core::{attribute_set, fixed_struct, flag_set, value_enum};

attribute_set! {
    /// Attributes of bridge (`IFLA_BR_*`, linux/if_link.h).
    pub enum BridgeAttr, view BridgeAttrRef, prefix IFLA_BR_ {
        /// STP forward delay, in hundredths of a second.
        1 FORWARD_DELAY ForwardDelay(u32),
        /// STP hello time, in hundredths of a second.
        2 HELLO_TIME HelloTime(u32),
        /// STP maximum message age, in hundredths of a second.
        3 MAX_AGE MaxAge(u32),
        /// FDB entry ageing time, in hundredths of a second.
        4 AGEING_TIME AgeingTime(u32),
        /// Spanning tree: 0 off, 1 kernel STP, 2 user space STP.
        5 STP_STATE StpState(u32),
        /// Bridge priority (the high 16 bits of the bridge id).
        6 PRIORITY Priority(u16),
        /// VLAN filtering on (1) or off (0).
        7 VLAN_FILTERING VlanFiltering(u8),
        /// VLAN protocol (ethertype 0x8100 or 0x88a8), big-endian.
        8 VLAN_PROTOCOL VlanProtocol(Be16),
        /// Bit mask of link-local group addresses (01:80:c2:00:00:0X) to
        /// forward.
        9 GROUP_FWD_MASK GroupFwdMask(u16),
        /// Designated root bridge id.
        10 ROOT_ID RootId(BridgeId),
        /// This bridge's id.
        11 BRIDGE_ID BridgeId(BridgeId),
        /// Root port number.
        12 ROOT_PORT RootPort(u16),
        /// Path cost to the root.
        13 ROOT_PATH_COST RootPathCost(u32),
        /// Topology change flag.
        14 TOPOLOGY_CHANGE TopologyChange(u8),
        /// Topology change detected flag.
        15 TOPOLOGY_CHANGE_DETECTED TopologyChangeDetected(u8),
        /// Hello timer, in hundredths of a second.
        16 HELLO_TIMER HelloTimer(u64),
        /// Topology change notification timer, in hundredths of a second.
        17 TCN_TIMER TcnTimer(u64),
        /// Topology change timer, in hundredths of a second.
        18 TOPOLOGY_CHANGE_TIMER TopologyChangeTimer(u64),
        /// FDB garbage collection timer, in hundredths of a second.
        19 GC_TIMER GcTimer(u64),
        /// STP group address.
        20 GROUP_ADDR GroupAddr(MacAddr),
        /// Flush the forwarding database (requests only, no value).
        21 FDB_FLUSH FdbFlush(Flag),
        /// Multicast router mode of the bridge itself.
        22 MCAST_ROUTER McastRouter(MulticastRouter),
        /// Multicast snooping on (1) or off (0).
        23 MCAST_SNOOPING McastSnooping(u8),
        /// Use the bridge's address as the source of queries (1) or 0.0.0.0 (0).
        24 MCAST_QUERY_USE_IFADDR McastQueryUseIfaddr(u8),
        /// Multicast querier on (1) or off (0).
        25 MCAST_QUERIER McastQuerier(u8),
        /// Multicast hash elasticity (no longer used by the kernel).
        26 MCAST_HASH_ELASTICITY McastHashElasticity(u32),
        /// Size of the multicast group hash table.
        27 MCAST_HASH_MAX McastHashMax(u32),
        /// Last member count.
        28 MCAST_LAST_MEMBER_CNT McastLastMemberCnt(u32),
        /// Startup query count.
        29 MCAST_STARTUP_QUERY_CNT McastStartupQueryCnt(u32),
        /// Last member interval, in hundredths of a second.
        30 MCAST_LAST_MEMBER_INTVL McastLastMemberIntvl(u64),
        /// Membership interval, in hundredths of a second.
        31 MCAST_MEMBERSHIP_INTVL McastMembershipIntvl(u64),
        /// Other querier present interval, in hundredths of a second.
        32 MCAST_QUERIER_INTVL McastQuerierIntvl(u64),
        /// Query interval, in hundredths of a second.
        33 MCAST_QUERY_INTVL McastQueryIntvl(u64),
        /// Query response interval, in hundredths of a second.
        34 MCAST_QUERY_RESPONSE_INTVL McastQueryResponseIntvl(u64),
        /// Startup query interval, in hundredths of a second.
        35 MCAST_STARTUP_QUERY_INTVL McastStartupQueryIntvl(u64),
        /// Pass bridged IPv4 traffic to iptables (1) or not (0).
        36 NF_CALL_IPTABLES NfCallIptables(u8),
        /// Pass bridged IPv6 traffic to ip6tables (1) or not (0).
        37 NF_CALL_IP6TABLES NfCallIp6tables(u8),
        /// Pass bridged ARP traffic to arptables (1) or not (0).
        38 NF_CALL_ARPTABLES NfCallArptables(u8),
        /// Default port VLAN id.
        39 VLAN_DEFAULT_PVID VlanDefaultPvid(u16),
        /// Padding before a 64-bit value; no meaning.
        40 PAD Pad(Vec<u8>),
        /// Per-VLAN statistics on (1) or off (0).
        41 VLAN_STATS_ENABLED VlanStatsEnabled(u8),
        /// Multicast statistics on (1) or off (0).
        42 MCAST_STATS_ENABLED McastStatsEnabled(u8),
        /// IGMP version (2 or 3).
        43 MCAST_IGMP_VERSION McastIgmpVersion(u8),
        /// MLD version (1 or 2).
        44 MCAST_MLD_VERSION McastMldVersion(u8),
        /// Per-port VLAN statistics on (1) or off (0).
        45 VLAN_STATS_PER_PORT VlanStatsPerPort(u8),
        /// Boolean options, several at once.
        46 MULTI_BOOLOPT MultiBoolopt(BridgeBoolOptMulti),
        /// State of the multicast querier election.
        47 MCAST_QUERIER_STATE McastQuerierState(Nested<BridgeQuerierAttr>),
        // 48 and 49 are newer than this machine's headers; numbers and types
        // from the kernel's rt-link netlink specification.
        /// Number of FDB entries learned.
        48 FDB_N_LEARNED FdbNLearned(u32),
        /// Limit of FDB entries learned (0: no limit).
        49 FDB_MAX_LEARNED FdbMaxLearned(u32),
    }
}

fixed_struct! {
    /// `struct ifla_bridge_id` (linux/if_link.h): a bridge identifier,
    /// priority then address.
    pub struct BridgeId {
        /// `prio`: the priority, two bytes in network order.
        pub prio: [u8; 2],
        /// `addr`: the bridge's address.
        pub addr: MacAddr,
    }
}

impl BridgeId {
    /// The priority as a number (its two bytes read big-endian).
    pub fn priority(&self) -> u16 {
        u16::from_be_bytes(self.prio)
    }
}

value_enum! {
    /// Multicast router mode of a bridge or a port (`MDB_RTR_TYPE_*`,
    /// linux/if_bridge.h); `ip` prints the number.
    pub enum MulticastRouter: u8 {
        0 => Disabled "disabled",
        1 => TempQuery "temp_query",
        2 => Perm "perm",
        3 => Temp "temp",
    }
}

flag_set! {
    /// Bridge boolean options (`enum br_boolopt_id`, linux/if_bridge.h):
    /// option number N is bit `1 << N`.
    pub struct BridgeBoolOpts: u32 {
        /// `BR_BOOLOPT_NO_LL_LEARN`: no learning from link-local frames.
        0x1 => NO_LL_LEARN "no_linklocal_learn",
        /// `BR_BOOLOPT_MCAST_VLAN_SNOOPING`: per-VLAN multicast snooping.
        0x2 => MCAST_VLAN_SNOOPING "mcast_vlan_snooping",
        /// `BR_BOOLOPT_MST_ENABLE`: multiple spanning trees.
        0x4 => MST_ENABLE "mst_enabled",
    }
}

fixed_struct! {
    /// `struct br_boolopt_multi` (linux/if_bridge.h): several boolean
    /// options at once.
    pub struct BridgeBoolOptMulti {
        /// `optval`: the new values, a bit per option.
        pub optval: BridgeBoolOpts,
        /// `optmask`: which options to change, a bit per option.
        pub optmask: BridgeBoolOpts,
    }
}

attribute_set! {
    /// Multicast querier state (`BRIDGE_QUERIER_*`, linux/if_bridge.h), in
    /// `IFLA_BR_MCAST_QUERIER_STATE`.
    pub enum BridgeQuerierAttr, view BridgeQuerierAttrRef, prefix BRIDGE_QUERIER_ {
        /// Address of the elected IPv4 querier.
        1 IP_ADDRESS IpAddress(Ipv4Addr),
        /// Index of the port the IPv4 querier is behind.
        2 IP_PORT IpPort(u32),
        /// Other IPv4 querier present timer, in hundredths of a second.
        3 IP_OTHER_TIMER IpOtherTimer(u64),
        /// Padding before a 64-bit value; no meaning.
        4 PAD Pad(Vec<u8>),
        /// Address of the elected IPv6 querier.
        5 IPV6_ADDRESS Ipv6Address(Ipv6Addr),
        /// Index of the port the IPv6 querier is behind.
        6 IPV6_PORT Ipv6Port(u32),
        /// Other IPv6 querier present timer, in hundredths of a second.
        7 IPV6_OTHER_TIMER Ipv6OtherTimer(u64),
    }
}
