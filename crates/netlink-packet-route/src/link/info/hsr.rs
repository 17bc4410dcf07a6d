//! Link kind hsr and prp: its `IFLA_INFO_DATA` attributes.

use netlink_packet_core::attribute_set;

attribute_set! {
    /// Attributes of hsr and prp (`IFLA_HSR_*`, linux/if_link.h).
    pub enum HsrAttr, view HsrAttrRef, prefix IFLA_HSR_ {
    }
}
