//! Link kind ipoib: its `IFLA_INFO_DATA` attributes.

use netlink_packet_core::attribute_set;

attribute_set! {
    /// Attributes of ipoib (`IFLA_IPOIB_*`, linux/if_link.h).
    pub enum IpoIbAttr, view IpoIbAttrRef, prefix IFLA_IPOIB_ {
    }
}
