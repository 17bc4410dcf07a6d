//! Values of `struct rtmsg` fields and of scalar route attributes: route
//! types (`RTN_*`), protocols (`RTPROT_*`), tables (`RT_TABLE_*`), flags
//! (`RTM_F_*`, `RTNH_F_*`) and router preferences (`ICMPV6_ROUTER_PREF_*`).

use netlink_packet_core::{flag_set, value_enum};

value_enum! {
    /// `rtm_type`: what the route does (`RTN_*`, linux/rtnetlink.h).
    pub enum RouteType: u8 {
        /// `RTN_UNSPEC`.
        0 => Unspec "unspec",
        /// `RTN_UNICAST`: a gateway or direct route.
        1 => Unicast "unicast",
        /// `RTN_LOCAL`: accept locally.
        2 => Local "local",
        /// `RTN_BROADCAST`: accept locally as broadcast, send as broadcast.
        3 => Broadcast "broadcast",
        /// `RTN_ANYCAST`: accept locally as broadcast, send as unicast.
        4 => Anycast "anycast",
        /// `RTN_MULTICAST`: a multicast route.
        5 => Multicast "multicast",
        /// `RTN_BLACKHOLE`: drop.
        6 => Blackhole "blackhole",
        /// `RTN_UNREACHABLE`: the destination is unreachable.
        7 => Unreachable "unreachable",
        /// `RTN_PROHIBIT`: administratively prohibited.
        8 => Prohibit "prohibit",
        /// `RTN_THROW`: not in this table.
        9 => Throw "throw",
        /// `RTN_NAT`: translate this address.
        10 => Nat "nat",
        /// `RTN_XRESOLVE`: use an external resolver.
        11 => XResolve "xresolve",
    }
}

value_enum! {
    /// `rtm_protocol`: who installed the route (`RTPROT_*`,
    /// linux/rtnetlink.h). Values from `RTPROT_STATIC` up are not
    /// interpreted by the kernel; unknown ones are kept.
    pub enum RouteProtocol: u8 {
        /// `RTPROT_UNSPEC`.
        0 => Unspec "unspec",
        /// `RTPROT_REDIRECT`: an ICMP redirect.
        1 => Redirect "redirect",
        /// `RTPROT_KERNEL`: installed by the kernel.
        2 => Kernel "kernel",
        /// `RTPROT_BOOT`: installed during boot.
        3 => Boot "boot",
        /// `RTPROT_STATIC`: installed by the administrator.
        4 => Static "static",
        /// `RTPROT_GATED`.
        8 => Gated "gated",
        /// `RTPROT_RA`: router advertisements.
        9 => Ra "ra",
        /// `RTPROT_MRT`.
        10 => Mrt "mrt",
        /// `RTPROT_ZEBRA`.
        11 => Zebra "zebra",
        /// `RTPROT_BIRD`.
        12 => Bird "bird",
        /// `RTPROT_DNROUTED`.
        13 => DnRouted "dnrouted",
        /// `RTPROT_XORP`.
        14 => Xorp "xorp",
        /// `RTPROT_NTK`.
        15 => Ntk "ntk",
        /// `RTPROT_DHCP`.
        16 => Dhcp "dhcp",
        /// `RTPROT_MROUTED`.
        17 => Mrouted "mrouted",
        /// `RTPROT_KEEPALIVED`.
        18 => Keepalived "keepalived",
        /// `RTPROT_BABEL`.
        42 => Babel "babel",
        /// `RTPROT_OPENR`.
        99 => OpenR "openr",
        /// `RTPROT_BGP`.
        186 => Bgp "bgp",
        /// `RTPROT_ISIS`.
        187 => Isis "isis",
        /// `RTPROT_OSPF`.
        188 => Ospf "ospf",
        /// `RTPROT_RIP`.
        189 => Rip "rip",
        /// `RTPROT_EIGRP`.
        192 => Eigrp "eigrp",
    }
}

value_enum! {
    /// Reserved routing table identifiers (`enum rt_class_t`,
    /// linux/rtnetlink.h); any other number is a user table. Carried by
    /// `RTA_TABLE` (32 bits); `rtm_table` holds the low 8 bits.
    pub enum RouteTable: u32 {
        /// `RT_TABLE_UNSPEC`.
        0 => Unspec "unspec",
        /// `RT_TABLE_COMPAT`: the table is in `RTA_TABLE`.
        252 => Compat "compat",
        /// `RT_TABLE_DEFAULT`.
        253 => Default "default",
        /// `RT_TABLE_MAIN`.
        254 => Main "main",
        /// `RT_TABLE_LOCAL`.
        255 => Local "local",
    }
}

flag_set! {
    /// `rtm_flags`: `RTM_F_*` (linux/rtnetlink.h) and the `RTNH_F_*` next
    /// hop flags the kernel also reports there.
    pub struct RouteFlags: u32 {
        /// `RTNH_F_DEAD`.
        0x1 => DEAD "dead",
        /// `RTNH_F_PERVASIVE`.
        0x2 => PERVASIVE "pervasive",
        /// `RTNH_F_ONLINK`.
        0x4 => ONLINK "onlink",
        /// `RTNH_F_OFFLOAD`.
        0x8 => NH_OFFLOAD "offload",
        /// `RTNH_F_LINKDOWN`.
        0x10 => LINKDOWN "linkdown",
        /// `RTNH_F_UNRESOLVED`.
        0x20 => UNRESOLVED "unresolved",
        /// `RTNH_F_TRAP`.
        0x40 => NH_TRAP "trap",
        /// `RTM_F_NOTIFY`: notify the user of route changes.
        0x100 => NOTIFY "notify",
        /// `RTM_F_CLONED`: a cloned (cached) route.
        0x200 => CLONED "cloned",
        /// `RTM_F_EQUALIZE`.
        0x400 => EQUALIZE "equalize",
        /// `RTM_F_PREFIX`: prefix addresses.
        0x800 => PREFIX "prefix",
        /// `RTM_F_LOOKUP_TABLE`: set `rtm_table` to the lookup's table.
        0x1000 => LOOKUP_TABLE "lookup_table",
        /// `RTM_F_FIB_MATCH`: return the full FIB entry that matched.
        0x2000 => FIB_MATCH "fib_match",
        /// `RTM_F_OFFLOAD`: the route is offloaded.
        0x4000 => OFFLOAD "rt_offload",
        /// `RTM_F_TRAP`: the route traps packets.
        0x8000 => TRAP "rt_trap",
        /// `RTM_F_OFFLOAD_FAILED`.
        0x2000_0000 => OFFLOAD_FAILED "rt_offload_failed",
    }
}

flag_set! {
    /// `rtnh_flags` (`RTNH_F_*`, linux/rtnetlink.h).
    pub struct NextHopFlags: u8 {
        /// `RTNH_F_DEAD`: the next hop is dead.
        0x1 => DEAD "dead",
        /// `RTNH_F_PERVASIVE`: recursive gateway lookup.
        0x2 => PERVASIVE "pervasive",
        /// `RTNH_F_ONLINK`: the gateway is forced on link.
        0x4 => ONLINK "onlink",
        /// `RTNH_F_OFFLOAD`: offloaded.
        0x8 => OFFLOAD "offload",
        /// `RTNH_F_LINKDOWN`: carrier down.
        0x10 => LINKDOWN "linkdown",
        /// `RTNH_F_UNRESOLVED`: unresolved (ipmr).
        0x20 => UNRESOLVED "unresolved",
        /// `RTNH_F_TRAP`: traps packets.
        0x40 => TRAP "trap",
    }
}

value_enum! {
    /// `RTA_PREF`: IPv6 router preference (`ICMPV6_ROUTER_PREF_*`,
    /// linux/icmpv6.h).
    pub enum RoutePreference: u8 {
        /// `ICMPV6_ROUTER_PREF_MEDIUM`.
        0 => Medium "medium",
        /// `ICMPV6_ROUTER_PREF_HIGH`.
        1 => High "high",
        /// `ICMPV6_ROUTER_PREF_INVALID`.
        2 => Invalid "invalid",
        /// `ICMPV6_ROUTER_PREF_LOW`.
        3 => Low "low",
    }
}
