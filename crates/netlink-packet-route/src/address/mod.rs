//! Address messages (`RTM_NEWADDR`, `RTM_DELADDR`, `RTM_GETADDR`):
//! `struct ifaddrmsg` then `IFA_*` attributes (linux/if_addr.h).

mod attrs;
#[cfg(test)]
mod tests;

pub use attrs::{AddressAttr, AddressAttrRef, AddressCacheInfo, AddressFlags, AddressProtocol};

use std::net::IpAddr;

use netlink_packet_core::{fixed_struct, header_message};

use crate::Scope;

fixed_struct! {
    /// `struct ifaddrmsg`: the fixed header of every address message.
    pub header struct AddressHeader {
        /// `ifa_family`: `AF_INET` or `AF_INET6`.
        pub family: u8,
        /// `ifa_prefixlen`.
        pub prefix_len: u8,
        /// `ifa_flags`: the low 8 bits of the flags (`IFA_FLAGS` has all).
        pub flags: u8,
        /// `ifa_scope`.
        pub scope: Scope,
        /// `ifa_index`: the link.
        pub index: u32,
    }
}

header_message! {
    /// An address message, owned: `struct ifaddrmsg` and every attribute in
    /// wire order.
    pub struct AddressMessage, view AddressView, header AddressHeader, attrs AddressAttr, AddressAttrRef;
}

impl AddressMessage {
    /// The interface address (`IFA_LOCAL`, or `IFA_ADDRESS` when there is
    /// no `IFA_LOCAL`, as for IPv6).
    pub fn address(&self) -> Option<IpAddr> {
        let local = self.attrs.iter().find_map(|a| match a {
            AddressAttr::Local(ip) => Some(*ip),
            _ => None,
        });
        local.or_else(|| {
            self.attrs.iter().find_map(|a| match a {
                AddressAttr::Address(ip) => Some(*ip),
                _ => None,
            })
        })
    }

    /// The label (`IFA_LABEL`).
    pub fn label(&self) -> Option<&str> {
        self.attrs.iter().find_map(|a| match a {
            AddressAttr::Label(label) => Some(label.as_str()),
            _ => None,
        })
    }

    /// All flags: `IFA_FLAGS` when present, else the header's 8 bits.
    pub fn flags(&self) -> AddressFlags {
        self.attrs
            .iter()
            .find_map(|a| match a {
                AddressAttr::Flags(flags) => Some(*flags),
                _ => None,
            })
            .unwrap_or(AddressFlags(u32::from(self.header.flags)))
    }
}

impl<'a> AddressView<'a> {
    /// The interface address (`IFA_LOCAL`, else `IFA_ADDRESS`).
    pub fn address(&self) -> Option<IpAddr> {
        self.find(AddressAttr::LOCAL)
            .or_else(|| self.find(AddressAttr::ADDRESS))?
            .get::<IpAddr>()
            .ok()
    }

    /// The prefix length.
    pub fn prefix_len(&self) -> u8 {
        self.header().prefix_len
    }

    /// The link's index.
    pub fn index(&self) -> u32 {
        self.header().index
    }

    /// The label (`IFA_LABEL`).
    pub fn label(&self) -> Option<&'a str> {
        self.find(AddressAttr::LABEL)?.as_str().ok()
    }

    /// All flags: `IFA_FLAGS` when present, else the header's 8 bits.
    pub fn flags(&self) -> AddressFlags {
        self.find(AddressAttr::FLAGS)
            .and_then(|nla| nla.get::<AddressFlags>().ok())
            .unwrap_or(AddressFlags(u32::from(self.header().flags)))
    }
}
