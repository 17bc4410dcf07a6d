//! Route messages (`RTM_NEWROUTE`, `RTM_DELROUTE`, `RTM_GETROUTE`): `struct
//! rtmsg` then `RTA_*` attributes (linux/rtnetlink.h).

mod attrs;

pub use attrs::*;

use netlink_packet_core::{fixed_struct, header_message};

fixed_struct! {
    /// `struct rtmsg` (linux/rtnetlink.h).
    pub struct RouteHeader {
        /// `rtm_family`.
        pub family: u8,
        /// `rtm_dst_len`: destination prefix length.
        pub dst_len: u8,
        /// `rtm_src_len`: source prefix length.
        pub src_len: u8,
        /// `rtm_tos`.
        pub tos: u8,
        /// `rtm_table`: the table, or `RT_TABLE_UNSPEC`/`RT_TABLE_COMPAT` when `RTA_TABLE` carries it.
        pub table: u8,
        /// `rtm_protocol`: who installed the route (`RTPROT_*`).
        pub protocol: u8,
        /// `rtm_scope`.
        pub scope: crate::Scope,
        /// `rtm_type`: unicast, local, blackhole, ... (`RTN_*`).
        pub kind: u8,
        /// `rtm_flags` (`RTM_F_*`, `RTNH_F_*`).
        pub flags: u32,
    }
}

header_message! {
    /// The message, owned: the fixed header and every attribute in wire order.
    pub struct RouteMessage, view RouteView, header RouteHeader, attrs RouteAttr, RouteAttrRef;
}
