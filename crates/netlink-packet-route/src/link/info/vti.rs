//! Link kind vti and vti6: its `IFLA_INFO_DATA` attributes.

use netlink_packet_core::attribute_set;

attribute_set! {
    /// Attributes of vti and vti6 (`IFLA_VTI_*`, linux/if_tunnel.h).
    pub enum VtiAttr, view VtiAttrRef, prefix IFLA_VTI_ {
    }
}
