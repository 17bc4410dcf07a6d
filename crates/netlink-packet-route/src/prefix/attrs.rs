//! `PREFIX_*` attributes.

use netlink_packet_core::attribute_set;

attribute_set! {
    /// A prefix attribute (`PREFIX_*`, linux/rtnetlink.h).
    pub enum PrefixAttr, view PrefixAttrRef, prefix PREFIX_ {
    }
}
