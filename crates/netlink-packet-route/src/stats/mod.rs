//! Link statistics (`RTM_NEWSTATS`, `RTM_GETSTATS`, `RTM_SETSTATS`): `struct
//! if_stats_msg` then `IFLA_STATS_*` attributes (linux/if_link.h).

mod attrs;

pub use attrs::*;

use netlink_packet_core::{fixed_struct, header_message};

fixed_struct! {
    /// `struct if_stats_msg` (linux/if_link.h).
    pub struct StatsHeader {
        /// `family`.
        pub family: u8,
        /// `pad1`.
        pub pad1: u8,
        /// `pad2`.
        pub pad2: u16,
        /// `ifindex`.
        pub index: u32,
        /// `filter_mask`: which `IFLA_STATS_*` to return.
        pub filter_mask: u32,
    }
}

header_message! {
    /// The message, owned: the fixed header and every attribute in wire order.
    pub struct StatsMessage, view StatsView, header StatsHeader, attrs StatsAttr, StatsAttrRef;
}
