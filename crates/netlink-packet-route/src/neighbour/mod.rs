//! Neighbour messages (`RTM_NEWNEIGH`, `RTM_DELNEIGH`, `RTM_GETNEIGH`), ARP/NDP
//! entries and bridge FDB entries: `struct ndmsg` then `NDA_*` attributes
//! (linux/neighbour.h).

mod attrs;

pub use attrs::*;

use netlink_packet_core::{fixed_struct, header_message};

use crate::link::LinkLayerAddress;

fixed_struct! {
    /// `struct ndmsg` (linux/neighbour.h).
    pub header struct NeighbourHeader {
        /// `ndm_family`.
        pub family: NeighbourFamily,
        /// `ndm_pad1`.
        pub pad1: u8,
        /// `ndm_pad2`.
        pub pad2: u16,
        /// `ndm_ifindex`.
        pub index: i32,
        /// `ndm_state` (`NUD_*`).
        pub state: NeighbourState,
        /// `ndm_flags` (`NTF_*`).
        pub flags: NeighbourFlags,
        /// `ndm_type` (`RTN_*`).
        pub kind: NeighbourType,
    }
}

header_message! {
    /// The message, owned: the fixed header and every attribute in wire order.
    pub struct NeighbourMessage, view NeighbourView, header NeighbourHeader, attrs NeighbourAttr, NeighbourAttrRef;
}

impl NeighbourMessage {
    /// The network address (`NDA_DST`).
    pub fn destination(&self) -> Option<&NeighbourAddress> {
        self.attrs.iter().find_map(|a| match a {
            NeighbourAttr::Destination(d) => Some(d),
            _ => None,
        })
    }

    /// The link-layer address (`NDA_LLADDR`).
    pub fn lladdr(&self) -> Option<&LinkLayerAddress> {
        self.attrs.iter().find_map(|a| match a {
            NeighbourAttr::LinkLocalAddress(l) => Some(l),
            _ => None,
        })
    }
}

impl<'a> NeighbourView<'a> {
    /// The network address (`NDA_DST`).
    pub fn destination(&self) -> Option<NeighbourAddress> {
        self.find(NeighbourAttr::DST)?
            .get::<NeighbourAddress>()
            .ok()
    }

    /// The link-layer address (`NDA_LLADDR`), borrowed.
    pub fn lladdr(&self) -> Option<&'a [u8]> {
        Some(self.find(NeighbourAttr::LLADDR)?.value())
    }

    /// The state (`ndm_state`).
    pub fn state(&self) -> NeighbourState {
        self.header().state
    }
}
