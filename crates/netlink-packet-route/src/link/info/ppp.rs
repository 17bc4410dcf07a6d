//! Link kind ppp: its `IFLA_INFO_DATA` attributes.

use netlink_packet_core::attribute_set;

attribute_set! {
    /// Attributes of ppp (`IFLA_PPP_*`, linux/if_link.h).
    pub enum PppAttr, view PppAttrRef, prefix IFLA_PPP_ {
    }
}
