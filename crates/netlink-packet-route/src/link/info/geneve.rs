//! Link kind geneve: its `IFLA_INFO_DATA` attributes.

use netlink_packet_core::attribute_set;

attribute_set! {
    /// Attributes of geneve (`IFLA_GENEVE_*`, linux/if_link.h).
    pub enum GeneveAttr, view GeneveAttrRef, prefix IFLA_GENEVE_ {
    }
}
