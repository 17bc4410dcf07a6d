//! Link kind vrf: its `IFLA_INFO_DATA` attributes (`IFLA_VRF_*`,
//! linux/if_link.h), and the slave data of a VRF port (`IFLA_VRF_PORT_*`).

use netlink_packet_core::attribute_set;

attribute_set! {
    /// Attributes of vrf (`IFLA_VRF_*`, linux/if_link.h).
    pub enum VrfAttr, view VrfAttrRef, prefix IFLA_VRF_ {
        /// Routing table of the VRF.
        1 TABLE Table(u32),
    }
}

attribute_set! {
    /// Attributes of vrf port (`IFLA_VRF_PORT_*`, linux/if_link.h).
    pub enum VrfPortAttr, view VrfPortAttrRef, prefix IFLA_VRF_PORT_ {
        /// Routing table of the VRF the port is in.
        1 TABLE Table(u32),
    }
}
