//! Network namespace ids (`RTM_NEWNSID`, `RTM_DELNSID`, `RTM_GETNSID`): `struct
//! rtgenmsg` then `NETNSA_*` attributes (linux/net_namespace.h).

mod attrs;

pub use attrs::*;

use netlink_packet_core::{fixed_struct, header_message};

fixed_struct! {
    /// `struct rtgenmsg` (linux/rtnetlink.h), padded to 4 bytes as `NLMSG_ALIGN` places the attributes.
    pub struct NsidHeader {
        /// `rtgen_family`.
        pub family: u8,
        /// Alignment padding before the attributes.
        pub pad: [u8; 3],
    }
}

header_message! {
    /// The message, owned: the fixed header and every attribute in wire order.
    pub struct NsidMessage, view NsidView, header NsidHeader, attrs NsidAttr, NsidAttrRef;
}
