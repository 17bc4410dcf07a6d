//! The bridge multicast database (`RTM_NEWMDB`, `RTM_DELMDB`, `RTM_GETMDB`):
//! `struct br_port_msg` then `MDBA_*` attributes (linux/if_bridge.h).

mod attrs;

pub use attrs::*;

use netlink_packet_core::{fixed_struct, header_message};

fixed_struct! {
    /// `struct br_port_msg` (linux/if_bridge.h), with the padding the compiler puts after `family`.
    pub struct MdbHeader {
        /// `family`.
        pub family: u8,
        /// Padding to the `__u32`.
        pub pad: [u8; 3],
        /// `ifindex`.
        pub index: u32,
    }
}

header_message! {
    /// The message, owned: the fixed header and every attribute in wire order.
    pub struct MdbMessage, view MdbView, header MdbHeader, attrs MdbAttr, MdbAttrRef;
}
