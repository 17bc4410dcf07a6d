//! IPv6 prefix notifications (`RTM_NEWPREFIX`): `struct prefixmsg` then
//! `PREFIX_*` attributes (linux/rtnetlink.h).

mod attrs;

pub use attrs::*;

use netlink_packet_core::{fixed_struct, header_message};

fixed_struct! {
    /// `struct prefixmsg` (linux/rtnetlink.h).
    pub header struct PrefixHeader {
        /// `prefix_family`.
        pub family: u8,
        /// `prefix_pad1`.
        pub pad1: u8,
        /// `prefix_pad2`.
        pub pad2: u16,
        /// `prefix_ifindex`.
        pub index: i32,
        /// `prefix_type`.
        pub kind: u8,
        /// `prefix_len`.
        pub len: u8,
        /// `prefix_flags`.
        pub flags: u8,
        /// `prefix_pad3`.
        pub pad3: u8,
    }
}

header_message! {
    /// The message, owned: the fixed header and every attribute in wire order.
    pub struct PrefixMessage, view PrefixView, header PrefixHeader, attrs PrefixAttr, PrefixAttrRef;
}
