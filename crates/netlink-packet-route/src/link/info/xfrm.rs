//! Link kind xfrm interfaces: its `IFLA_INFO_DATA` attributes.

use netlink_packet_core::attribute_set;

attribute_set! {
    /// Attributes of xfrm interfaces (`IFLA_XFRM_*`, linux/if_link.h).
    pub enum XfrmAttr, view XfrmAttrRef, prefix IFLA_XFRM_ {
    }
}
