//! Link kind veth: its `IFLA_INFO_DATA` attributes.

use netlink_packet_core::attribute_set;

attribute_set! {
    /// Attributes of veth (`VETH_INFO_*`, linux/veth.h).
    pub enum VethAttr, view VethAttrRef, prefix VETH_INFO_ {
    }
}
