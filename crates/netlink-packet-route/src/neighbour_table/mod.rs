//! Neighbour table messages (`RTM_NEWNEIGHTBL`, `RTM_GETNEIGHTBL`,
//! `RTM_SETNEIGHTBL`): `struct ndtmsg` then `NDTA_*` attributes
//! (linux/neighbour.h).

mod attrs;

pub use attrs::*;

use netlink_packet_core::{fixed_struct, header_message};

use crate::neighbour::NeighbourFamily;

fixed_struct! {
    /// `struct ndtmsg` (linux/neighbour.h).
    pub header struct NeighbourTableHeader {
        /// `ndtm_family`.
        pub family: NeighbourFamily,
        /// `ndtm_pad1`.
        pub pad1: u8,
        /// `ndtm_pad2`.
        pub pad2: u16,
    }
}

header_message! {
    /// The message, owned: the fixed header and every attribute in wire order.
    pub struct NeighbourTableMessage, view NeighbourTableView, header NeighbourTableHeader, attrs NeighbourTableAttr, NeighbourTableAttrRef;
}

impl NeighbourTableMessage {
    /// The table's name (`NDTA_NAME`).
    pub fn name(&self) -> Option<&str> {
        self.attrs.iter().find_map(|a| match a {
            NeighbourTableAttr::Name(n) => Some(n.as_str()),
            _ => None,
        })
    }
}

impl<'a> NeighbourTableView<'a> {
    /// The table's name (`NDTA_NAME`).
    pub fn name(&self) -> Option<&'a str> {
        self.find(NeighbourTableAttr::NAME)?.as_str().ok()
    }
}
