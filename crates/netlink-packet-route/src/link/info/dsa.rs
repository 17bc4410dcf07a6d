//! Link kind dsa: its `IFLA_INFO_DATA` attributes (`IFLA_DSA_*`,
//! linux/if_link.h).

use netlink_packet_core::attribute_set;

attribute_set! {
    /// Attributes of dsa (`IFLA_DSA_*`, linux/if_link.h).
    pub enum DsaAttr, view DsaAttrRef, prefix IFLA_DSA_ {
        /// Index of the conduit (CPU-facing) device of a user port.
        1 MASTER Master(u32),
    }
}
