//! A bridge port's settings (`IFLA_BRPORT_*`, linux/if_link.h): the slave
//! data of a bridge port (`IFLA_INFO_SLAVE_DATA` with slave kind `bridge`)
//! and the `IFLA_PROTINFO` of `AF_BRIDGE` link messages.
//!
//! The on/off settings (`MODE`, `GUARD`, `LEARNING`, ...) are a byte, 0 or
//! 1, both ways. Timers are in hundredths of a second (`clock_t`).

use netlink_packet_core::attribute_set;
use netlink_packet_core::nla::Flag;

use super::bridge::{BridgeId, MulticastRouter};
use crate::link::BridgeStpState;

attribute_set! {
    /// Attributes of bridge port (`IFLA_BRPORT_*`, linux/if_link.h), the slave data of a bridge port and `IFLA_PROTINFO` of `AF_BRIDGE` messages.
    pub enum BridgePortAttr, view BridgePortAttrRef, prefix IFLA_BRPORT_ {
        /// Spanning tree state of the port.
        1 STATE State(BridgeStpState),
        /// STP port priority.
        2 PRIORITY Priority(u16),
        /// STP path cost.
        3 COST Cost(u32),
        /// Hairpin mode: send frames back out of the port they came in on.
        4 MODE Mode(u8),
        /// BPDU guard: disable the port when it receives a BPDU.
        5 GUARD Guard(u8),
        /// Root port protection (`root_block`).
        6 PROTECT Protect(u8),
        /// Multicast fast leave.
        7 FAST_LEAVE FastLeave(u8),
        /// Learn source addresses.
        8 LEARNING Learning(u8),
        /// Flood unknown unicast traffic to this port.
        9 UNICAST_FLOOD UnicastFlood(u8),
        /// Proxy ARP.
        10 PROXYARP Proxyarp(u8),
        /// Learning synchronised from the device.
        11 LEARNING_SYNC LearningSync(u8),
        /// Proxy ARP for Wi-Fi.
        12 PROXYARP_WIFI ProxyarpWifi(u8),
        /// Designated root.
        13 ROOT_ID RootId(BridgeId),
        /// Designated bridge.
        14 BRIDGE_ID BridgeId(BridgeId),
        /// Designated port.
        15 DESIGNATED_PORT DesignatedPort(u16),
        /// Designated cost.
        16 DESIGNATED_COST DesignatedCost(u16),
        /// Port id (priority and number).
        17 ID Id(u16),
        /// Port number.
        18 NO No(u16),
        /// Topology change acknowledgement flag.
        19 TOPOLOGY_CHANGE_ACK TopologyChangeAck(u8),
        /// Configuration BPDU pending flag.
        20 CONFIG_PENDING ConfigPending(u8),
        /// Message age timer, in hundredths of a second.
        21 MESSAGE_AGE_TIMER MessageAgeTimer(u64),
        /// Forward delay timer, in hundredths of a second.
        22 FORWARD_DELAY_TIMER ForwardDelayTimer(u64),
        /// Hold timer, in hundredths of a second.
        23 HOLD_TIMER HoldTimer(u64),
        /// Flush the port's FDB entries (requests only, no value).
        24 FLUSH Flush(Flag),
        /// Multicast router mode of the port.
        25 MULTICAST_ROUTER MulticastRouter(MulticastRouter),
        /// Padding before a 64-bit value; no meaning.
        26 PAD Pad(Vec<u8>),
        /// Flood unknown multicast traffic to this port.
        27 MCAST_FLOOD McastFlood(u8),
        /// Multicast to unicast conversion.
        28 MCAST_TO_UCAST McastToUcast(u8),
        /// VLAN to tunnel id mapping on this port.
        29 VLAN_TUNNEL VlanTunnel(u8),
        /// Flood broadcast traffic to this port.
        30 BCAST_FLOOD BcastFlood(u8),
        /// Bit mask of link-local group addresses to forward.
        31 GROUP_FWD_MASK GroupFwdMask(u16),
        /// Neighbour (ARP and ND) suppression.
        32 NEIGH_SUPPRESS NeighSuppress(u8),
        /// Isolated port: no traffic to other isolated ports.
        33 ISOLATED Isolated(u8),
        /// Index of the backup port (0: none).
        34 BACKUP_PORT BackupPort(u32),
        /// MRP ring port open.
        35 MRP_RING_OPEN MrpRingOpen(u8),
        /// MRP interconnect port open.
        36 MRP_IN_OPEN MrpInOpen(u8),
        /// Limit of EHT hosts tracked.
        37 MCAST_EHT_HOSTS_LIMIT McastEhtHostsLimit(u32),
        /// Number of EHT hosts tracked.
        38 MCAST_EHT_HOSTS_CNT McastEhtHostsCnt(u32),
        /// Locked port: only authenticated hosts.
        39 LOCKED Locked(u8),
        // 40..44 are newer than this machine's headers; numbers from the
        // kernel's rt-link netlink specification. The on/off ones are a byte
        // like their older siblings (the running kernel sends them so).
        /// MAC authentication bypass.
        40 MAB Mab(u8),
        /// Number of multicast groups joined on the port.
        41 MCAST_N_GROUPS McastNGroups(u32),
        /// Limit of multicast groups on the port (0: no limit).
        42 MCAST_MAX_GROUPS McastMaxGroups(u32),
        /// Per-VLAN neighbour suppression.
        43 NEIGH_VLAN_SUPPRESS NeighVlanSuppress(u8),
        /// Backup next-hop id.
        44 BACKUP_NHID BackupNhid(u32),
    }
}
