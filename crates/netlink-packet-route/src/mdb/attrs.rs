//! `MDBA_*` attributes.

use netlink_packet_core::attribute_set;

attribute_set! {
    /// A multicast database attribute (`MDBA_*`, linux/if_bridge.h).
    pub enum MdbAttr, view MdbAttrRef, prefix MDBA_ {
    }
}
