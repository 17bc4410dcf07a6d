//! The top-level link attributes (`IFLA_*`, linux/if_link.h).

use netlink_packet_core::attribute_set;
use netlink_packet_core::nla::{Nested, Opaque, ShortString, Uint};

use super::af_spec::AfSpec;
use super::info::LinkInfoNest;
use super::protinfo::ProtInfo;
use super::proto_down::ProtoDownReasonAttr;
use super::stats::{LinkIfMap, LinkStats, LinkStats64};
use super::types::{LinkEvent, LinkLayerAddress, LinkMode, OperState};
use super::vf::{VfInfoListAttr, VfPortAttr, VfPortsAttr};
use super::xdp::XdpAttr;

attribute_set! {
    /// A link attribute (`IFLA_*`, linux/if_link.h).
    pub enum LinkAttr, view LinkAttrRef, prefix IFLA_ {
        /// Hardware address.
        1 ADDRESS Address(LinkLayerAddress),
        /// Hardware broadcast address.
        2 BROADCAST Broadcast(LinkLayerAddress),
        /// Interface name.
        3 IFNAME IfName(ShortString),
        /// MTU.
        4 MTU Mtu(u32),
        /// Index of the link this one sits on (`@dev` in `ip link`).
        5 LINK Link(u32),
        /// Queueing discipline.
        6 QDISC Qdisc(ShortString),
        /// 32-bit statistics.
        7 STATS Stats(Box<LinkStats>),
        /// Unused by the kernel.
        8 COST Cost(Vec<u8>),
        /// Unused by the kernel.
        9 PRIORITY Priority(Vec<u8>),
        /// Index of the master device (bridge, bond, VRF).
        10 MASTER Master(u32),
        /// Wireless extension events.
        11 WIRELESS Wireless(Vec<u8>),
        /// Protocol-specific information (`IFLA_BRPORT_*` for `AF_BRIDGE`,
        /// `IFLA_INET6_*` for `AF_INET6` messages).
        12 PROTINFO ProtInfo(ProtInfo),
        /// Transmit queue length.
        13 TXQLEN TxQueueLen(u32),
        /// Device memory map.
        14 MAP Map(Box<LinkIfMap>),
        /// Weight.
        15 WEIGHT Weight(u32),
        /// Operational state.
        16 OPERSTATE OperState(OperState),
        /// Link mode.
        17 LINKMODE LinkMode(LinkMode),
        /// Link kind and its parameters.
        18 LINKINFO LinkInfo(LinkInfoNest),
        /// Move to the network namespace of this pid.
        19 NET_NS_PID NetNsPid(u32),
        /// Alias (`ip link set ... alias`).
        20 IFALIAS IfAlias(ShortString),
        /// Number of SR-IOV virtual functions.
        21 NUM_VF NumVf(u32),
        /// Virtual functions.
        22 VFINFO_LIST VfInfoList(Nested<VfInfoListAttr>),
        /// 64-bit statistics.
        23 STATS64 Stats64(Box<LinkStats64>),
        /// Virtual function ports.
        24 VF_PORTS VfPorts(Nested<VfPortsAttr>),
        /// The device's own port.
        25 PORT_SELF PortSelf(Nested<VfPortAttr>),
        /// Per address family settings.
        26 AF_SPEC AfSpec(AfSpec),
        /// Device group.
        27 GROUP Group(u32),
        /// Move to the network namespace of this file descriptor.
        28 NET_NS_FD NetNsFd(i32),
        /// Extended info mask for dumps (`RTEXT_FILTER_*`).
        29 EXT_MASK ExtMask(u32),
        /// Promiscuity count.
        30 PROMISCUITY Promiscuity(u32),
        /// Number of transmit queues.
        31 NUM_TX_QUEUES NumTxQueues(u32),
        /// Number of receive queues.
        32 NUM_RX_QUEUES NumRxQueues(u32),
        /// Carrier state.
        33 CARRIER Carrier(u8),
        /// Physical port id.
        34 PHYS_PORT_ID PhysPortId(Vec<u8>),
        /// Carrier changes.
        35 CARRIER_CHANGES CarrierChanges(u32),
        /// Physical switch id.
        36 PHYS_SWITCH_ID PhysSwitchId(Vec<u8>),
        /// Network namespace id of the peer or lower link.
        37 LINK_NETNSID LinkNetnsId(i32),
        /// Physical port name.
        38 PHYS_PORT_NAME PhysPortName(ShortString),
        /// Protocol down.
        39 PROTO_DOWN ProtoDown(u8),
        /// Maximum GSO segments.
        40 GSO_MAX_SEGS GsoMaxSegs(u32),
        /// Maximum GSO size.
        41 GSO_MAX_SIZE GsoMaxSize(u32),
        /// Padding for 64-bit alignment.
        42 PAD Pad(Vec<u8>),
        /// XDP program.
        43 XDP Xdp(Nested<XdpAttr>),
        /// Why a notification was sent.
        44 EVENT Event(LinkEvent),
        /// New network namespace id (in notifications of a move).
        45 NEW_NETNSID NewNetnsId(i32),
        /// Target network namespace id (`IFLA_TARGET_NETNSID`).
        46 IF_NETNSID TargetNetnsId(i32),
        /// Carrier up transitions.
        47 CARRIER_UP_COUNT CarrierUpCount(u32),
        /// Carrier down transitions.
        48 CARRIER_DOWN_COUNT CarrierDownCount(u32),
        /// New ifindex (in notifications of a move).
        49 NEW_IFINDEX NewIfIndex(i32),
        /// Minimum MTU.
        50 MIN_MTU MinMtu(u32),
        /// Maximum MTU.
        51 MAX_MTU MaxMtu(u32),
        /// Property list (holds `IFLA_ALT_IFNAME`).
        52 PROP_LIST PropList(Nested<LinkAttr>),
        /// Alternative name.
        53 ALT_IFNAME AltIfName(ShortString),
        /// Permanent hardware address.
        54 PERM_ADDRESS PermAddress(LinkLayerAddress),
        /// Reasons for protocol down.
        55 PROTO_DOWN_REASON ProtoDownReason(Nested<ProtoDownReasonAttr>),
        /// Parent device name.
        56 PARENT_DEV_NAME ParentDevName(ShortString),
        /// Parent device bus name.
        57 PARENT_DEV_BUS_NAME ParentDevBusName(ShortString),
        /// Maximum GRO size.
        58 GRO_MAX_SIZE GroMaxSize(u32),
        /// Maximum TSO size.
        59 TSO_MAX_SIZE TsoMaxSize(u32),
        /// Maximum TSO segments.
        60 TSO_MAX_SEGS TsoMaxSegs(u32),
        /// Allmulti count.
        61 ALLMULTI Allmulti(u32),
        // 62..69 are newer than this machine's headers; numbers and types from
        // the kernel's rt-link netlink specification (the running kernel sends
        // 63, 64, 68 and 69).
        /// Devlink port.
        62 DEVLINK_PORT DevlinkPort(Opaque),
        /// Maximum GSO size for IPv4.
        63 GSO_IPV4_MAX_SIZE GsoIpv4MaxSize(u32),
        /// Maximum GRO size for IPv4.
        64 GRO_IPV4_MAX_SIZE GroIpv4MaxSize(u32),
        /// DPLL pin.
        65 DPLL_PIN DpllPin(Opaque),
        /// Maximum pacing offload horizon.
        66 MAX_PACING_OFFLOAD_HORIZON MaxPacingOffloadHorizon(Uint),
        /// The link cannot change network namespace.
        67 NETNS_IMMUTABLE NetnsImmutable(u8),
        /// Headroom the device needs in front of each packet.
        68 HEADROOM Headroom(u16),
        /// Tailroom the device needs after each packet.
        69 TAILROOM Tailroom(u16),
    }
}
