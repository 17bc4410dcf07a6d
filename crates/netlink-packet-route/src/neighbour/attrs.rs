//! `NDA_*` attributes.

use netlink_packet_core::attribute_set;

attribute_set! {
    /// A neighbour attribute (`NDA_*`, linux/neighbour.h).
    pub enum NeighbourAttr, view NeighbourAttrRef, prefix NDA_ {
    }
}
