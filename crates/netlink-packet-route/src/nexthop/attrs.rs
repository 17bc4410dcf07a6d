//! `NHA_*` attributes.

use netlink_packet_core::attribute_set;

attribute_set! {
    /// A nexthop attribute (`NHA_*`, linux/nexthop.h).
    pub enum NexthopAttr, view NexthopAttrRef, prefix NHA_ {
    }
}
