//! Link kind macsec: its `IFLA_INFO_DATA` attributes.

use netlink_packet_core::attribute_set;

attribute_set! {
    /// Attributes of macsec (`IFLA_MACSEC_*`, linux/if_link.h).
    pub enum MacSecAttr, view MacSecAttrRef, prefix IFLA_MACSEC_ {
    }
}
