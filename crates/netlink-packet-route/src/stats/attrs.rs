//! `IFLA_STATS_*` attributes and the nests inside them.

use netlink_packet_core::attribute_set;
use netlink_packet_core::nla::Nested;

use super::xstats::LinkXstatsAttr;
use super::{MplsLinkStats, StatsFilter};
use crate::link::{HwStats64, LinkStats64};

attribute_set! {
    /// A link statistics attribute of `RTM_NEWSTATS` (`IFLA_STATS_*`,
    /// linux/if_link.h). Requests carry [`StatsGetSetAttr`] instead.
    pub enum StatsAttr, view StatsAttrRef, prefix IFLA_STATS_ {
        /// `IFLA_STATS_UNSPEC` (0): also the 64-bit alignment pad.
        0 UNSPEC Unspec(Vec<u8>),
        /// `struct rtnl_link_stats64`.
        1 LINK_64 Link64(LinkStats64),
        /// Link type specific statistics, keyed by `LINK_XSTATS_TYPE_*`.
        2 LINK_XSTATS LinkXstats(Nested<LinkXstatsAttr>),
        /// Statistics of the link as a port of a master, keyed by `LINK_XSTATS_TYPE_*`.
        3 LINK_XSTATS_SLAVE LinkXstatsSlave(Nested<LinkXstatsAttr>),
        /// Offload statistics (`IFLA_OFFLOAD_XSTATS_*`).
        4 LINK_OFFLOAD_XSTATS LinkOffloadXstats(Nested<OffloadXstatsAttr>),
        /// Per address family statistics, keyed by `AF_*`.
        5 AF_SPEC AfSpec(Nested<StatsAfSpecAttr>),
    }
}

attribute_set! {
    /// A `RTM_GETSTATS` / `RTM_SETSTATS` request attribute
    /// (`IFLA_STATS_GETSET_*`, linux/if_link.h). These numbers overlap
    /// [`StatsAttr`]'s: see [`super::StatsMessage::getset_attrs`] and
    /// [`StatsGetSetAttr::to_stats_attr`].
    pub enum StatsGetSetAttr, view StatsGetSetAttrRef, prefix IFLA_STATS_ {
        /// `IFLA_STATS_GETSET_UNSPEC` (0): never carries a value.
        0 GETSET_UNSPEC GetSetUnspec(Vec<u8>),
        /// Per group filter masks (`IFLA_STATS_LINK_*`, each a `u32`).
        1 GET_FILTERS GetFilters(Nested<StatsGroupFilterAttr>),
        /// Enables (1) or disables (0) L3 hardware statistics.
        2 SET_OFFLOAD_XSTATS_L3_STATS SetOffloadXstatsL3Stats(u8),
    }
}

attribute_set! {
    /// One group's filter mask inside `IFLA_STATS_GET_FILTERS`, numbered
    /// by the group (`IFLA_STATS_*`, linux/if_link.h).
    pub enum StatsGroupFilterAttr, view StatsGroupFilterAttrRef, prefix IFLA_STATS_ {
        /// Mask for `IFLA_STATS_LINK_64`.
        1 LINK_64 Link64(u32),
        /// Mask for `IFLA_STATS_LINK_XSTATS`.
        2 LINK_XSTATS LinkXstats(u32),
        /// Mask for `IFLA_STATS_LINK_XSTATS_SLAVE`.
        3 LINK_XSTATS_SLAVE LinkXstatsSlave(u32),
        /// Mask of `IFLA_OFFLOAD_XSTATS_*` bits for `IFLA_STATS_LINK_OFFLOAD_XSTATS`.
        4 LINK_OFFLOAD_XSTATS LinkOffloadXstats(u32),
        /// Mask for `IFLA_STATS_AF_SPEC`.
        5 AF_SPEC AfSpec(u32),
    }
}

impl StatsGetSetAttr {
    /// The same attribute as a [`StatsAttr`] (kept raw), to put in a
    /// [`super::StatsMessage`] request.
    pub fn to_stats_attr(&self) -> StatsAttr {
        use netlink_packet_core::nla::{Attribute, NlaIter};
        let bytes = self.to_bytes();
        match NlaIter::new(&bytes).next() {
            Some(Ok(nla)) => StatsAttr::raw(&nla),
            // Emitting a declared value always gives one whole attribute.
            _ => StatsAttr::Unspec(Vec::new()),
        }
    }
}

/// The filter bit of `IFLA_STATS_FILTER_BIT(attr)` for a [`StatsAttr`]
/// number: `1 << (attr - 1)`, `None` for 0 or a number above 32.
pub fn filter_bit(attr: u16) -> Option<StatsFilter> {
    match attr {
        1..=32 => Some(StatsFilter::from_bits(1u32 << (attr - 1))),
        _ => None,
    }
}

attribute_set! {
    /// Offload statistics (`IFLA_OFFLOAD_XSTATS_*`, linux/if_link.h).
    pub enum OffloadXstatsAttr, view OffloadXstatsAttrRef, prefix IFLA_OFFLOAD_XSTATS_ {
        /// `IFLA_OFFLOAD_XSTATS_UNSPEC` (0): never carries a value.
        0 UNSPEC Unspec(Vec<u8>),
        /// Packets that hit the CPU (`struct rtnl_link_stats64`).
        1 CPU_HIT CpuHit(LinkStats64),
        /// Hardware statistics state, keyed by statistics type.
        2 HW_S_INFO HwSInfo(Nested<HwStatsInfoAttr>),
        /// L3 hardware statistics (`struct rtnl_hw_stats64`).
        3 L3_STATS L3Stats(HwStats64),
    }
}

attribute_set! {
    /// `IFLA_OFFLOAD_XSTATS_HW_S_INFO`: one nest per hardware statistics
    /// type, numbered by its `IFLA_OFFLOAD_XSTATS_*` (linux/if_link.h).
    pub enum HwStatsInfoAttr, view HwStatsInfoAttrRef, prefix IFLA_OFFLOAD_XSTATS_ {
        /// The L3 statistics' state.
        3 L3_STATS L3Stats(Nested<HwStatsInfoEntryAttr>),
    }
}

attribute_set! {
    /// The state of one kind of hardware statistics
    /// (`IFLA_OFFLOAD_XSTATS_HW_S_INFO_*`, linux/if_link.h).
    pub enum HwStatsInfoEntryAttr, view HwStatsInfoEntryAttrRef, prefix IFLA_OFFLOAD_XSTATS_HW_S_INFO_ {
        /// `IFLA_OFFLOAD_XSTATS_HW_S_INFO_UNSPEC` (0): never carries a value.
        0 UNSPEC Unspec(Vec<u8>),
        /// Requested (1) or not (0).
        1 REQUEST Request(u8),
        /// In use by the hardware (1) or not (0).
        2 USED Used(u8),
    }
}

attribute_set! {
    /// `IFLA_STATS_AF_SPEC`: one nest per address family, numbered by
    /// `AF_*` (linux/socket.h). Only `AF_MPLS` is defined (linux/mpls.h).
    pub enum StatsAfSpecAttr, view StatsAfSpecAttrRef, prefix AF_ {
        /// `AF_MPLS`: `MPLS_STATS_*`.
        28 MPLS Mpls(Nested<MplsStatsAttr>),
    }
}

attribute_set! {
    /// MPLS statistics (`MPLS_STATS_*`, linux/mpls.h).
    pub enum MplsStatsAttr, view MplsStatsAttrRef, prefix MPLS_STATS_ {
        /// `MPLS_STATS_UNSPEC` (0): also the 64-bit alignment pad.
        0 UNSPEC Unspec(Vec<u8>),
        /// `struct mpls_link_stats`.
        1 LINK Link(MplsLinkStats),
    }
}
