//! `NDTA_*` attributes.

use netlink_packet_core::attribute_set;

attribute_set! {
    /// A neighbour table attribute (`NDTA_*`, linux/neighbour.h).
    pub enum NeighbourTableAttr, view NeighbourTableAttrRef, prefix NDTA_ {
    }
}
