//! `RTA_*` attributes.

use netlink_packet_core::attribute_set;

attribute_set! {
    /// A route attribute (`RTA_*`, linux/rtnetlink.h).
    pub enum RouteAttr, view RouteAttrRef, prefix RTA_ {
    }
}
