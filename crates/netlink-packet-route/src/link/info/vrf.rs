//! Link kind vrf: its `IFLA_INFO_DATA` attributes.

use netlink_packet_core::attribute_set;

attribute_set! {
    /// Attributes of vrf (`IFLA_VRF_*`, linux/if_link.h).
    pub enum VrfAttr, view VrfAttrRef, prefix IFLA_VRF_ {
    }
}

attribute_set! {
    /// Attributes of vrf port (`IFLA_VRF_PORT_*`, linux/if_link.h).
    pub enum VrfPortAttr, view VrfPortAttrRef, prefix IFLA_VRF_PORT_ {
    }
}
