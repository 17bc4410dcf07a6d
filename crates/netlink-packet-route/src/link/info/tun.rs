//! Link kind tun and tap: its `IFLA_INFO_DATA` attributes.

use netlink_packet_core::attribute_set;

attribute_set! {
    /// Attributes of tun and tap (`IFLA_TUN_*`, linux/if_link.h).
    pub enum TunAttr, view TunAttrRef, prefix IFLA_TUN_ {
    }
}
