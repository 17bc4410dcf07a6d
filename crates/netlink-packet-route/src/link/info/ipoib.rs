//! Link kind ipoib: its `IFLA_INFO_DATA` attributes (`IFLA_IPOIB_*`,
//! linux/if_link.h).

use netlink_packet_core::{attribute_set, value_enum};

attribute_set! {
    /// Attributes of ipoib (`IFLA_IPOIB_*`, linux/if_link.h).
    pub enum IpoIbAttr, view IpoIbAttrRef, prefix IFLA_IPOIB_ {
        /// InfiniBand partition key.
        1 PKEY Pkey(u16),
        /// Transport mode: datagram or connected.
        2 MODE Mode(IpoIbMode),
        /// Allow user-space multicast (1) or not (0).
        3 UMCAST Umcast(u16),
    }
}

value_enum! {
    /// Transport mode of an ipoib device (`IPOIB_MODE_*`, linux/if_link.h);
    /// names as `ip link ... mode` takes them.
    pub enum IpoIbMode: u16 {
        0 => Datagram "datagram",
        1 => Connected "connected",
    }
}
