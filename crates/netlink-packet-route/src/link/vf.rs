//! SR-IOV virtual functions (`IFLA_VFINFO_LIST`, `IFLA_VF_PORTS`,
//! `IFLA_PORT_SELF`, linux/if_link.h).

use netlink_packet_core::attribute_set;

attribute_set! {
    /// Entries of `IFLA_VFINFO_LIST` (`IFLA_VF_INFO_*`).
    pub enum VfInfoListAttr, view VfInfoListAttrRef, prefix IFLA_VF_INFO_ {
    }
}

attribute_set! {
    /// Entries of `IFLA_VF_PORTS` (`IFLA_VF_PORT_*`).
    pub enum VfPortsAttr, view VfPortsAttrRef, prefix IFLA_VF_PORT_ {
    }
}

attribute_set! {
    /// Attributes of one port (`IFLA_PORT_*`), in `IFLA_VF_PORT` and `IFLA_PORT_SELF`.
    pub enum VfPortAttr, view VfPortAttrRef, prefix IFLA_PORT_ {
    }
}
