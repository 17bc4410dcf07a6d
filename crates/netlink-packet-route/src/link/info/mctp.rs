//! Link kind mctp: its `IFLA_INFO_DATA` attributes (`IFLA_MCTP_*`,
//! linux/if_link.h). The kernel also sends this set inside `IFLA_AF_SPEC`
//! for `AF_MCTP`.

use netlink_packet_core::attribute_set;

attribute_set! {
    /// Attributes of mctp (`IFLA_MCTP_*`, linux/if_link.h).
    pub enum MctpAttr, view MctpAttrRef, prefix IFLA_MCTP_ {
        /// MCTP network the interface belongs to.
        1 NET Net(u32),
        // 2 is newer than this machine's headers; type from the kernel's
        // rt-link netlink specification (`mctp-attrs`).
        /// Physical transport binding (DSP0239 binding type).
        2 PHYS_BINDING PhysBinding(u8),
    }
}
