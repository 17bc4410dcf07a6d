//! Link kind can: its `IFLA_INFO_DATA` attributes.

use netlink_packet_core::attribute_set;

attribute_set! {
    /// Attributes of can (`IFLA_CAN_*`, linux/can/netlink.h).
    pub enum CanAttr, view CanAttrRef, prefix IFLA_CAN_ {
    }
}
