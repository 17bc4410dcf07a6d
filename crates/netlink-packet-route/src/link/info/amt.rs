//! Link kind amt (Automatic Multicast Tunneling, RFC 7450): its
//! `IFLA_INFO_DATA` attributes (`IFLA_AMT_*`, linux/amt.h).

use std::net::Ipv4Addr;

use netlink_packet_core::nla::Be16;
use netlink_packet_core::{attribute_set, value_enum};

// The header names the attributes but not their types; the types here are
// those of the amt driver's netlink policy (mode, link and tunnel count
// 32-bit, ports in network order, IPv4 addresses).
attribute_set! {
    /// Attributes of amt (`IFLA_AMT_*`, linux/amt.h).
    pub enum AmtAttr, view AmtAttrRef, prefix IFLA_AMT_ {
        /// Gateway or relay.
        1 MODE Mode(AmtMode),
        /// The relay's port (remote for a gateway, local for a relay).
        2 RELAY_PORT RelayPort(Be16),
        /// The gateway's local port.
        3 GATEWAY_PORT GatewayPort(Be16),
        /// Index of the physical device.
        4 LINK Link(u32),
        /// Local address.
        5 LOCAL_IP LocalIp(Ipv4Addr),
        /// The relay's address (gateway only).
        6 REMOTE_IP RemoteIp(Ipv4Addr),
        /// Where a gateway sends discovery messages.
        7 DISCOVERY_IP DiscoveryIp(Ipv4Addr),
        /// Maximum number of tunnels.
        8 MAX_TUNNELS MaxTunnels(u32),
    }
}

value_enum! {
    /// What an amt interface is (`enum ifla_amt_mode`, linux/amt.h).
    pub enum AmtMode: u32 {
        0 => Gateway "gateway",
        1 => Relay "relay",
    }
}
