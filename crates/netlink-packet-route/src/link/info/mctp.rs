//! Link kind mctp: its `IFLA_INFO_DATA` attributes.

use netlink_packet_core::attribute_set;

attribute_set! {
    /// Attributes of mctp (`IFLA_MCTP_*`, linux/if_link.h).
    pub enum MctpAttr, view MctpAttrRef, prefix IFLA_MCTP_ {
    }
}
