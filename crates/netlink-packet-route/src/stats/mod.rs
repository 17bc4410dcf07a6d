//! Link statistics (`RTM_NEWSTATS`, `RTM_GETSTATS`, `RTM_SETSTATS`): `struct
//! if_stats_msg` then `IFLA_STATS_*` attributes (linux/if_link.h).
//!
//! Replies carry [`StatsAttr`]; requests may carry [`StatsGetSetAttr`],
//! whose numbers overlap: build them with [`StatsGetSetAttr::to_stats_attr`]
//! and read them back with [`StatsMessage::getset_attrs`].

mod attrs;
mod xstats;

pub use attrs::*;
pub use xstats::*;

use netlink_packet_core::nla::{attrs_len, emit_attrs, parse_attrs_lossy};
use netlink_packet_core::{fixed_struct, flag_set, header_message, DecodeError};

flag_set! {
    /// `filter_mask` of `struct if_stats_msg`: bit `IFLA_STATS_FILTER_BIT(attr)`
    /// (`1 << (attr - 1)`) asks for attribute `attr` (linux/if_link.h).
    pub struct StatsFilter: u32 {
        /// `IFLA_STATS_LINK_64`.
        0x1 => LINK_64 "link_64",
        /// `IFLA_STATS_LINK_XSTATS`.
        0x2 => LINK_XSTATS "link_xstats",
        /// `IFLA_STATS_LINK_XSTATS_SLAVE`.
        0x4 => LINK_XSTATS_SLAVE "link_xstats_slave",
        /// `IFLA_STATS_LINK_OFFLOAD_XSTATS`.
        0x8 => LINK_OFFLOAD_XSTATS "link_offload_xstats",
        /// `IFLA_STATS_AF_SPEC`.
        0x10 => AF_SPEC "af_spec",
    }
}

fixed_struct! {
    /// `struct if_stats_msg` (linux/if_link.h).
    pub header struct StatsHeader {
        /// `family`.
        pub family: u8,
        /// `pad1`.
        pub pad1: u8,
        /// `pad2`.
        pub pad2: u16,
        /// `ifindex`.
        pub index: u32,
        /// `filter_mask`: which `IFLA_STATS_*` to return.
        pub filter_mask: StatsFilter,
    }
}

fixed_struct! {
    /// `struct mpls_link_stats` (linux/mpls.h).
    pub struct MplsLinkStats {
        /// `rx_packets`.
        pub rx_packets: u64,
        /// `tx_packets`.
        pub tx_packets: u64,
        /// `rx_bytes`.
        pub rx_bytes: u64,
        /// `tx_bytes`.
        pub tx_bytes: u64,
        /// `rx_errors`.
        pub rx_errors: u64,
        /// `tx_errors`.
        pub tx_errors: u64,
        /// `rx_dropped`.
        pub rx_dropped: u64,
        /// `tx_dropped`.
        pub tx_dropped: u64,
        /// `rx_noroute`: packets with no route for their label.
        pub rx_noroute: u64,
    }
}

header_message! {
    /// The message, owned: the fixed header and every attribute in wire order.
    pub struct StatsMessage, view StatsView, header StatsHeader, attrs StatsAttr, StatsAttrRef;
}

impl StatsMessage {
    /// The attributes read as request attributes (`IFLA_STATS_GETSET_*`), as
    /// `RTM_GETSTATS` and `RTM_SETSTATS` carry them.
    pub fn getset_attrs(&self) -> Result<Vec<StatsGetSetAttr>, DecodeError> {
        let mut bytes = vec![0; attrs_len(&self.attrs)];
        emit_attrs(&self.attrs, &mut bytes);
        let (attrs, invalid) = parse_attrs_lossy::<StatsGetSetAttr>(&bytes, StatsHeader::LEN);
        match invalid.into_iter().next() {
            Some(error) => Err(error),
            None => Ok(attrs),
        }
    }

    /// `IFLA_STATS_LINK_64`, if present.
    pub fn link_64(&self) -> Option<&crate::link::LinkStats64> {
        self.attrs.iter().find_map(|a| match a {
            StatsAttr::Link64(s) => Some(s),
            _ => None,
        })
    }
}
