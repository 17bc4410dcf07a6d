//! IPv6 address labels (`RTM_NEWADDRLABEL`, `RTM_DELADDRLABEL`,
//! `RTM_GETADDRLABEL`): `struct ifaddrlblmsg` then `IFAL_*` attributes
//! (linux/if_addrlabel.h).

mod attrs;

pub use attrs::*;

use netlink_packet_core::{fixed_struct, header_message};

fixed_struct! {
    /// `struct ifaddrlblmsg` (linux/if_addrlabel.h).
    pub header struct AddressLabelHeader {
        /// `ifal_family`.
        pub family: u8,
        /// `__ifal_reserved`.
        pub reserved: u8,
        /// `ifal_prefixlen`.
        pub prefix_len: u8,
        /// `ifal_flags`.
        pub flags: u8,
        /// `ifal_index`.
        pub index: u32,
        /// `ifal_seq`.
        pub seq: u32,
    }
}

header_message! {
    /// The message, owned: the fixed header and every attribute in wire order.
    pub struct AddressLabelMessage, view AddressLabelView, header AddressLabelHeader, attrs AddressLabelAttr, AddressLabelAttrRef;
}

impl AddressLabelMessage {
    /// `IFAL_ADDRESS`, if present.
    pub fn address(&self) -> Option<std::net::Ipv6Addr> {
        self.attrs.iter().find_map(|a| match a {
            AddressLabelAttr::Address(x) => Some(*x),
            _ => None,
        })
    }

    /// `IFAL_LABEL`, if present.
    pub fn label(&self) -> Option<u32> {
        self.attrs.iter().find_map(|a| match a {
            AddressLabelAttr::Label(x) => Some(*x),
            _ => None,
        })
    }
}
