//! Link kind rmnet: its `IFLA_INFO_DATA` attributes.

use netlink_packet_core::attribute_set;

attribute_set! {
    /// Attributes of rmnet (`IFLA_RMNET_*`, linux/if_link.h).
    pub enum RmnetAttr, view RmnetAttrRef, prefix IFLA_RMNET_ {
    }
}
