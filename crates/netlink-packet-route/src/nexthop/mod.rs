//! Nexthop objects (`RTM_NEWNEXTHOP`, `RTM_DELNEXTHOP`, `RTM_GETNEXTHOP`):
//! `struct nhmsg` then `NHA_*` attributes (linux/nexthop.h). Bucket
//! messages of resilient groups (`RTM_*NEXTHOPBUCKET`) have the same layout.

mod attrs;

pub use attrs::*;

use netlink_packet_core::{fixed_struct, header_message};

fixed_struct! {
    /// `struct nhmsg` (linux/nexthop.h).
    pub header struct NexthopHeader {
        /// `nh_family`.
        pub family: u8,
        /// `nh_scope`.
        pub scope: crate::Scope,
        /// `nh_protocol` (`RTPROT_*`).
        pub protocol: u8,
        /// `resvd`.
        pub resvd: u8,
        /// `nh_flags` (`RTNH_F_*`).
        pub flags: NexthopFlags,
    }
}

header_message! {
    /// The message, owned: the fixed header and every attribute in wire order.
    pub struct NexthopMessage, view NexthopView, header NexthopHeader, attrs NexthopAttr, NexthopAttrRef;
}

impl NexthopMessage {
    /// The id (`NHA_ID`).
    pub fn id(&self) -> Option<u32> {
        self.attrs.iter().find_map(|a| match a {
            NexthopAttr::Id(id) => Some(*id),
            _ => None,
        })
    }
}

impl<'a> NexthopView<'a> {
    /// The id (`NHA_ID`).
    pub fn id(&self) -> Option<u32> {
        self.find(NexthopAttr::ID)?.as_u32().ok()
    }
}
