//! Link kind bond: its `IFLA_INFO_DATA` attributes.

use netlink_packet_core::attribute_set;

attribute_set! {
    /// Attributes of bond (`IFLA_BOND_*`, linux/if_link.h).
    pub enum BondAttr, view BondAttrRef, prefix IFLA_BOND_ {
    }
}

attribute_set! {
    /// Attributes of bond port (`IFLA_BOND_SLAVE_*`, linux/if_link.h).
    pub enum BondSlaveAttr, view BondSlaveAttrRef, prefix IFLA_BOND_SLAVE_ {
    }
}
