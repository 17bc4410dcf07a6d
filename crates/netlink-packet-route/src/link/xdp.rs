//! An XDP program (`IFLA_XDP_*`, linux/if_link.h).

use netlink_packet_core::attribute_set;

attribute_set! {
    /// Attributes of an XDP program (`IFLA_XDP_*`, linux/if_link.h).
    pub enum XdpAttr, view XdpAttrRef, prefix IFLA_XDP_ {
    }
}
