//! rtnetlink multicast groups (`enum rtnetlink_groups`, linux/rtnetlink.h).
//!
//! A socket joins group `N` with `NETLINK_ADD_MEMBERSHIP` (any group) or,
//! for groups 1 to 32, by setting bit `N - 1` of `nl_groups` when binding
//! ([`RtnlGroup::legacy_mask`]).

use netlink_packet_core::value_enum;

value_enum! {
    /// An rtnetlink multicast group (`RTNLGRP_*`, linux/rtnetlink.h); the
    /// printed name is the kernel constant's.
    pub enum RtnlGroup: u32 {
        /// No group.
        0 => None "RTNLGRP_NONE",
        /// Link changes (`RTM_NEWLINK`, `RTM_DELLINK`).
        1 => Link "RTNLGRP_LINK",
        /// Notifications.
        2 => Notify "RTNLGRP_NOTIFY",
        /// Neighbour changes.
        3 => Neigh "RTNLGRP_NEIGH",
        /// Traffic control changes.
        4 => Tc "RTNLGRP_TC",
        /// IPv4 address changes.
        5 => Ipv4Ifaddr "RTNLGRP_IPV4_IFADDR",
        /// IPv4 multicast route changes.
        6 => Ipv4Mroute "RTNLGRP_IPV4_MROUTE",
        /// IPv4 route changes.
        7 => Ipv4Route "RTNLGRP_IPV4_ROUTE",
        /// IPv4 rule changes.
        8 => Ipv4Rule "RTNLGRP_IPV4_RULE",
        /// IPv6 address changes.
        9 => Ipv6Ifaddr "RTNLGRP_IPV6_IFADDR",
        /// IPv6 multicast route changes.
        10 => Ipv6Mroute "RTNLGRP_IPV6_MROUTE",
        /// IPv6 route changes.
        11 => Ipv6Route "RTNLGRP_IPV6_ROUTE",
        /// IPv6 per-interface information.
        12 => Ipv6Ifinfo "RTNLGRP_IPV6_IFINFO",
        /// DECnet address changes.
        13 => DecnetIfaddr "RTNLGRP_DECnet_IFADDR",
        /// Unused.
        14 => Nop2 "RTNLGRP_NOP2",
        /// DECnet route changes.
        15 => DecnetRoute "RTNLGRP_DECnet_ROUTE",
        /// DECnet rule changes.
        16 => DecnetRule "RTNLGRP_DECnet_RULE",
        /// Unused.
        17 => Nop4 "RTNLGRP_NOP4",
        /// IPv6 prefix notifications (`RTM_NEWPREFIX`).
        18 => Ipv6Prefix "RTNLGRP_IPV6_PREFIX",
        /// IPv6 rule changes.
        19 => Ipv6Rule "RTNLGRP_IPV6_RULE",
        /// Neighbour discovery user options (`RTM_NEWNDUSEROPT`).
        20 => NdUseropt "RTNLGRP_ND_USEROPT",
        /// Phonet address changes.
        21 => PhonetIfaddr "RTNLGRP_PHONET_IFADDR",
        /// Phonet route changes.
        22 => PhonetRoute "RTNLGRP_PHONET_ROUTE",
        /// Data center bridging.
        23 => Dcb "RTNLGRP_DCB",
        /// IPv4 netconf changes (`RTM_NEWNETCONF`).
        24 => Ipv4Netconf "RTNLGRP_IPV4_NETCONF",
        /// IPv6 netconf changes.
        25 => Ipv6Netconf "RTNLGRP_IPV6_NETCONF",
        /// Bridge multicast database changes (`RTM_NEWMDB`).
        26 => Mdb "RTNLGRP_MDB",
        /// MPLS route changes.
        27 => MplsRoute "RTNLGRP_MPLS_ROUTE",
        /// Namespace id changes (`RTM_NEWNSID`).
        28 => Nsid "RTNLGRP_NSID",
        /// MPLS netconf changes.
        29 => MplsNetconf "RTNLGRP_MPLS_NETCONF",
        /// IPv4 multicast route resolution requests.
        30 => Ipv4MrouteR "RTNLGRP_IPV4_MROUTE_R",
        /// IPv6 multicast route resolution requests.
        31 => Ipv6MrouteR "RTNLGRP_IPV6_MROUTE_R",
        /// Next hop changes.
        32 => Nexthop "RTNLGRP_NEXTHOP",
        /// Bridge VLAN database changes (`RTM_NEWVLAN`).
        33 => Brvlan "RTNLGRP_BRVLAN",
        /// MCTP address changes.
        34 => MctpIfaddr "RTNLGRP_MCTP_IFADDR",
        /// Tunnel changes.
        35 => Tunnel "RTNLGRP_TUNNEL",
        /// Link statistics (`RTM_NEWSTATS`).
        36 => Stats "RTNLGRP_STATS",
    }
}

impl RtnlGroup {
    /// The bit of `nl_groups` (`sockaddr_nl`) that joins this group when
    /// binding: `1 << (group - 1)`, `None` for group 0 and groups above 32,
    /// which only `NETLINK_ADD_MEMBERSHIP` joins.
    pub fn legacy_mask(self) -> Option<u32> {
        match u32::from(self) {
            n @ 1..=32 => Some(1u32 << (n - 1)),
            _ => None,
        }
    }
}
