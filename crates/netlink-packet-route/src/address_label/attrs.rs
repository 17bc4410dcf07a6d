//! `IFAL_*` attributes.

use netlink_packet_core::attribute_set;

attribute_set! {
    /// An address label attribute (`IFAL_*`, linux/if_addrlabel.h).
    pub enum AddressLabelAttr, view AddressLabelAttrRef, prefix IFAL_ {
    }
}
