//! `IFAL_*` attributes.

use std::net::Ipv6Addr;

use netlink_packet_core::attribute_set;

attribute_set! {
    /// An address label attribute (`IFAL_*`, linux/if_addrlabel.h).
    pub enum AddressLabelAttr, view AddressLabelAttrRef, prefix IFAL_ {
        /// The prefix (with the header's `ifal_prefixlen`).
        1 ADDRESS Address(Ipv6Addr),
        /// The label.
        2 LABEL Label(u32),
    }
}
