//! `NETCONFA_*` attributes.

use netlink_packet_core::{attribute_set, value_enum};

value_enum! {
    /// The interface a netconf message is about (`NETCONFA_IFINDEX`): an
    /// interface index (`Other(n)`) or one of the special values of
    /// linux/netconf.h.
    pub enum NetconfIfindex: i32 {
        /// `NETCONFA_IFINDEX_ALL`: the `all` settings.
        -1 => All "all",
        /// `NETCONFA_IFINDEX_DEFAULT`: the defaults for new interfaces.
        -2 => Default "default",
    }
}

attribute_set! {
    /// A netconf attribute (`NETCONFA_*`, linux/netconf.h).
    pub enum NetconfAttr, view NetconfAttrRef, prefix NETCONFA_ {
        /// `NETCONFA_UNSPEC` (0): never carries a value.
        0 UNSPEC Unspec(Vec<u8>),
        /// The interface, or `all` / `default`.
        1 IFINDEX Ifindex(NetconfIfindex),
        /// Forwarding.
        2 FORWARDING Forwarding(i32),
        /// Reverse path filter mode (IPv4).
        3 RP_FILTER RpFilter(i32),
        /// Multicast forwarding.
        4 MC_FORWARDING McForwarding(i32),
        /// Proxy ARP / proxy NDP.
        5 PROXY_NEIGH ProxyNeigh(i32),
        /// Ignore routes whose next hop link is down.
        6 IGNORE_ROUTES_WITH_LINKDOWN IgnoreRoutesWithLinkdown(i32),
        /// Input enabled (MPLS).
        7 INPUT Input(i32),
        /// Broadcast forwarding (IPv4).
        8 BC_FORWARDING BcForwarding(i32),
    }
}

/// `NETCONFA_ALL`: a `RTM_GETNETCONF`/notification type meaning every
/// attribute (linux/netconf.h).
pub const NETCONFA_ALL: i32 = -1;
