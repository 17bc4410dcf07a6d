//! `NETCONFA_*` attributes.

use netlink_packet_core::attribute_set;

attribute_set! {
    /// A netconf attribute (`NETCONFA_*`, linux/netconf.h).
    pub enum NetconfAttr, view NetconfAttrRef, prefix NETCONFA_ {
    }
}
