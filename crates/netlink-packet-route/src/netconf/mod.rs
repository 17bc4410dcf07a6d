//! Per-device IP configuration notifications (`RTM_NEWNETCONF`,
//! `RTM_GETNETCONF`): `struct netconfmsg` then `NETCONFA_*` attributes
//! (linux/netconf.h).

mod attrs;

pub use attrs::*;

use netlink_packet_core::{fixed_struct, header_message};

fixed_struct! {
    /// `struct netconfmsg` (linux/netconf.h), padded to 4 bytes.
    pub header struct NetconfHeader {
        /// `ncm_family`.
        pub family: u8,
        /// Alignment padding before the attributes.
        pub pad: [u8; 3],
    }
}

header_message! {
    /// The message, owned: the fixed header and every attribute in wire order.
    pub struct NetconfMessage, view NetconfView, header NetconfHeader, attrs NetconfAttr, NetconfAttrRef;
}

impl NetconfMessage {
    /// `NETCONFA_IFINDEX`, if present.
    pub fn ifindex(&self) -> Option<NetconfIfindex> {
        self.attrs.iter().find_map(|a| match a {
            NetconfAttr::Ifindex(i) => Some(*i),
            _ => None,
        })
    }
}
