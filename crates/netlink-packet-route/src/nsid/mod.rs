//! Network namespace ids (`RTM_NEWNSID`, `RTM_DELNSID`, `RTM_GETNSID`): `struct
//! rtgenmsg` then `NETNSA_*` attributes (linux/net_namespace.h).

mod attrs;

pub use attrs::*;

use netlink_packet_core::{fixed_struct, header_message};

fixed_struct! {
    /// `struct rtgenmsg` (linux/rtnetlink.h), padded to 4 bytes as `NLMSG_ALIGN` places the attributes.
    pub header struct NsidHeader {
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

impl NsidMessage {
    /// `NETNSA_NSID`, if present.
    pub fn nsid(&self) -> Option<i32> {
        self.attrs.iter().find_map(|a| match a {
            NsidAttr::Nsid(n) => Some(*n),
            _ => None,
        })
    }

    /// `NETNSA_CURRENT_NSID`, if present.
    pub fn current_nsid(&self) -> Option<i32> {
        self.attrs.iter().find_map(|a| match a {
            NsidAttr::CurrentNsid(n) => Some(*n),
            _ => None,
        })
    }
}
