//! Link kind gtp: its `IFLA_INFO_DATA` attributes.

use netlink_packet_core::attribute_set;

attribute_set! {
    /// Attributes of gtp (`IFLA_GTP_*`, linux/if_link.h).
    pub enum GtpAttr, view GtpAttrRef, prefix IFLA_GTP_ {
    }
}
