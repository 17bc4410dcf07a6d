//! `IFLA_STATS_*` attributes.

use netlink_packet_core::attribute_set;

attribute_set! {
    /// A link statistics attribute (`IFLA_STATS_*`, linux/if_link.h).
    pub enum StatsAttr, view StatsAttrRef, prefix IFLA_STATS_ {
    }
}
