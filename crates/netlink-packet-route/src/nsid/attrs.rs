//! `NETNSA_*` attributes.

use netlink_packet_core::attribute_set;

attribute_set! {
    /// A network namespace id attribute (`NETNSA_*`, linux/net_namespace.h).
    pub enum NsidAttr, view NsidAttrRef, prefix NETNSA_ {
    }
}
