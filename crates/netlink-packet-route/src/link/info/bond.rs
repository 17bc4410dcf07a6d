//! Link kind bond: its `IFLA_INFO_DATA` attributes (`IFLA_BOND_*`,
//! linux/if_link.h), the 802.3ad information nest (`IFLA_BOND_AD_INFO_*`)
//! and the slave data of a bond port (`IFLA_BOND_SLAVE_*`), with the
//! values of linux/if_bonding.h.

use std::net::{Ipv4Addr, Ipv6Addr};

use netlink_packet_core::nla::{IndexedArray, MacAddr, Nested};
use netlink_packet_core::{attribute_set, flag_set, value_enum};

use crate::link::LinkLayerAddress;

attribute_set! {
    /// Attributes of bond (`IFLA_BOND_*`, linux/if_link.h).
    pub enum BondAttr, view BondAttrRef, prefix IFLA_BOND_ {
        /// Bonding mode.
        1 MODE Mode(BondMode),
        /// Index of the active port (active-backup, tlb, alb; 0: none).
        2 ACTIVE_SLAVE ActiveSlave(u32),
        /// MII link monitoring interval, in milliseconds (0: off).
        3 MIIMON Miimon(u32),
        /// Delay before enabling a port after link up, in milliseconds.
        4 UPDELAY Updelay(u32),
        /// Delay before disabling a port after link down, in milliseconds.
        5 DOWNDELAY Downdelay(u32),
        /// MII monitoring uses the carrier state (1) or ethtool/ioctl (0).
        6 USE_CARRIER UseCarrier(u8),
        /// ARP monitoring interval, in milliseconds (0: off).
        7 ARP_INTERVAL ArpInterval(u32),
        /// ARP monitoring targets: IPv4 addresses by index.
        8 ARP_IP_TARGET ArpIpTarget(IndexedArray<Ipv4Addr>),
        /// ARP reply validation (`BOND_ARP_VALIDATE_*`: 0 none, 1 active,
        /// 2 backup, 3 all, 4 filter, 5 filter_active, 6 filter_backup).
        9 ARP_VALIDATE ArpValidate(u32),
        /// Which targets must answer: 0 any, 1 all.
        10 ARP_ALL_TARGETS ArpAllTargets(u32),
        /// Index of the primary port (0: none).
        11 PRIMARY Primary(u32),
        /// Reselection of the primary: 0 always, 1 better, 2 failure.
        12 PRIMARY_RESELECT PrimaryReselect(u8),
        /// MAC address policy on failover: 0 none, 1 active, 2 follow.
        13 FAIL_OVER_MAC FailOverMac(u8),
        /// Transmit hash policy.
        14 XMIT_HASH_POLICY XmitHashPolicy(BondXmitHashPolicy),
        /// IGMP membership reports sent after a failover.
        15 RESEND_IGMP ResendIgmp(u32),
        /// Peer notifications sent after a failover.
        16 NUM_PEER_NOTIF NumPeerNotif(u8),
        /// Deliver frames received on inactive ports (1) or drop them (0).
        17 ALL_SLAVES_ACTIVE AllSlavesActive(u8),
        /// Minimum number of ports up for the carrier to be on.
        18 MIN_LINKS MinLinks(u32),
        /// Seconds between learning packets sent to each peer switch.
        19 LP_INTERVAL LpInterval(u32),
        /// Packets sent through a port before moving on (balance-rr).
        20 PACKETS_PER_SLAVE PacketsPerSlave(u32),
        /// LACPDU rate asked of the partner: 0 slow, 1 fast.
        21 AD_LACP_RATE AdLacpRate(u8),
        /// Aggregator selection: 0 stable, 1 bandwidth, 2 count.
        22 AD_SELECT AdSelect(u8),
        /// 802.3ad state of the active aggregator.
        23 AD_INFO AdInfo(Nested<BondAdInfoAttr>),
        /// 802.3ad actor system priority.
        24 AD_ACTOR_SYS_PRIO AdActorSysPrio(u16),
        /// 802.3ad user port key.
        25 AD_USER_PORT_KEY AdUserPortKey(u16),
        /// 802.3ad actor system address.
        26 AD_ACTOR_SYSTEM AdActorSystem(MacAddr),
        /// Dynamic load balancing of tlb mode on (1) or off (0).
        27 TLB_DYNAMIC_LB TlbDynamicLb(u8),
        /// Delay between peer notifications, in milliseconds.
        28 PEER_NOTIF_DELAY PeerNotifDelay(u32),
        /// Send LACPDUs periodically (1) or only answer (0).
        29 AD_LACP_ACTIVE AdLacpActive(u8),
        /// ARP monitor misses before a port is down.
        30 MISSED_MAX MissedMax(u8),
        /// Neighbour solicitation targets: IPv6 addresses by index.
        31 NS_IP6_TARGET NsIp6Target(IndexedArray<Ipv6Addr>),
        /// 802.3ad coupled control of collecting and distributing on (1) or
        /// off (0).
        32 COUPLED_CONTROL CoupledControl(u8),
    }
}

attribute_set! {
    /// 802.3ad aggregator information (`IFLA_BOND_AD_INFO_*`,
    /// linux/if_link.h), in `IFLA_BOND_AD_INFO`.
    pub enum BondAdInfoAttr, view BondAdInfoAttrRef, prefix IFLA_BOND_AD_INFO_ {
        /// Aggregator id.
        1 AGGREGATOR Aggregator(u16),
        /// Number of ports in the aggregator.
        2 NUM_PORTS NumPorts(u16),
        /// Actor key.
        3 ACTOR_KEY ActorKey(u16),
        /// Partner key.
        4 PARTNER_KEY PartnerKey(u16),
        /// Partner system address.
        5 PARTNER_MAC PartnerMac(MacAddr),
    }
}

attribute_set! {
    /// Attributes of bond port (`IFLA_BOND_SLAVE_*`, linux/if_link.h).
    pub enum BondSlaveAttr, view BondSlaveAttrRef, prefix IFLA_BOND_SLAVE_ {
        /// Active or backup.
        1 STATE State(BondSlaveState),
        /// MII link state.
        2 MII_STATUS MiiStatus(BondLinkState),
        /// Number of link failures.
        3 LINK_FAILURE_COUNT LinkFailureCount(u32),
        /// The port's own hardware address (as long as the device's
        /// addresses).
        4 PERM_HWADDR PermHwaddr(LinkLayerAddress),
        /// Transmit queue id.
        5 QUEUE_ID QueueId(u16),
        /// 802.3ad aggregator id.
        6 AD_AGGREGATOR_ID AdAggregatorId(u16),
        /// 802.3ad actor operational port state.
        7 AD_ACTOR_OPER_PORT_STATE AdActorOperPortState(LacpState),
        /// 802.3ad partner operational port state (`LACP_STATE_*` bits in a
        /// 16-bit value).
        8 AD_PARTNER_OPER_PORT_STATE AdPartnerOperPortState(u16),
        /// Port priority for the primary reselection (signed).
        9 PRIO Prio(i32),
        /// 802.3ad actor port priority.
        10 ACTOR_PORT_PRIO ActorPortPrio(u16),
        /// 802.3ad churn detection state of the actor (0 monitor, 1 churn,
        /// 2 no churn).
        11 AD_CHURN_ACTOR_STATE AdChurnActorState(u8),
        /// 802.3ad churn detection state of the partner (0 monitor, 1 churn,
        /// 2 no churn).
        12 AD_CHURN_PARTNER_STATE AdChurnPartnerState(u8),
    }
}

value_enum! {
    /// Bonding mode (`BOND_MODE_*`, linux/if_bonding.h); names as `ip link`
    /// takes and prints them.
    pub enum BondMode: u8 {
        0 => RoundRobin "balance-rr",
        1 => ActiveBackup "active-backup",
        2 => Xor "balance-xor",
        3 => Broadcast "broadcast",
        4 => Ieee8023ad "802.3ad",
        5 => Tlb "balance-tlb",
        6 => Alb "balance-alb",
    }
}

value_enum! {
    /// Transmit hash policy (`BOND_XMIT_POLICY_*`, linux/if_bonding.h);
    /// names as `ip link` takes and prints them.
    pub enum BondXmitHashPolicy: u8 {
        0 => Layer2 "layer2",
        1 => Layer34 "layer3+4",
        2 => Layer23 "layer2+3",
        3 => Encap23 "encap2+3",
        4 => Encap34 "encap3+4",
        5 => VlanSrcMac "vlan+srcmac",
    }
}

value_enum! {
    /// A bond port's role (`BOND_STATE_*`, linux/if_bonding.h).
    pub enum BondSlaveState: u8 {
        0 => Active "ACTIVE",
        1 => Backup "BACKUP",
    }
}

value_enum! {
    /// A bond port's MII link state (`BOND_LINK_*`, linux/if_bonding.h).
    pub enum BondLinkState: u8 {
        0 => Up "UP",
        1 => Fail "GOING_DOWN",
        2 => Down "DOWN",
        3 => Back "GOING_BACK",
    }
}

flag_set! {
    /// 802.3ad port state bits (`LACP_STATE_*`, linux/if_bonding.h).
    pub struct LacpState: u8 {
        /// Active LACP.
        0x1 => LACP_ACTIVITY "lacp_activity",
        /// Short timeout.
        0x2 => LACP_TIMEOUT "lacp_timeout",
        /// Aggregatable.
        0x4 => AGGREGATION "aggregation",
        /// In sync.
        0x8 => SYNCHRONIZATION "synchronization",
        /// Collecting.
        0x10 => COLLECTING "collecting",
        /// Distributing.
        0x20 => DISTRIBUTING "distributing",
        /// Partner information defaulted.
        0x40 => DEFAULTED "defaulted",
        /// Partner information expired.
        0x80 => EXPIRED "expired",
    }
}
