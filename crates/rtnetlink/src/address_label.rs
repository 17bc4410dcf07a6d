//! IPv6 address labels (`RTM_NEWADDRLABEL`, `RTM_DELADDRLABEL`,
//! `RTM_GETADDRLABEL`, linux/if_addrlabel.h), as `ip addrlabel` manages
//! them: the RFC 6724 policy table used to choose source addresses.

use std::net::Ipv6Addr;

use netlink_packet_core::NetlinkFlags;
use netlink_packet_route::address_label::{
    AddressLabelAttr, AddressLabelHeader, AddressLabelMessage,
};
use netlink_packet_route::family::AF_INET6;
use netlink_packet_route::RouteNetlinkMessage;
use netlink_proto::RequestOptions;

use crate::request::ack;
use crate::{Error, Request};

/// `IPV6_ADDR_LABEL_DEFAULT` (net/ipv6/addrlabel.c): the label of
/// addresses no entry covers, which no entry may carry.
const IPV6_ADDR_LABEL_DEFAULT: u32 = 0xffff_ffff;

/// A checked label entry: prefix, prefix length, label, link.
#[derive(Debug, Clone)]
struct Entry {
    header: AddressLabelHeader,
    prefix: Ipv6Addr,
    label: u32,
}

impl Entry {
    fn new(prefix: Ipv6Addr, len: u8, label: u32) -> Result<Entry, Error> {
        if len > 128 {
            return Err(Error::InvalidArgument(format!(
                "prefix length {len} is beyond the 128 bits of {prefix}"
            )));
        }
        if label == IPV6_ADDR_LABEL_DEFAULT {
            return Err(Error::InvalidArgument(format!(
                "label {label:#x} is reserved for addresses no entry covers"
            )));
        }
        Ok(Entry {
            header: AddressLabelHeader {
                family: AF_INET6,
                prefix_len: len,
                ..Default::default()
            },
            prefix,
            label,
        })
    }

    fn message(self) -> AddressLabelMessage {
        AddressLabelMessage::new(
            self.header,
            vec![
                AddressLabelAttr::Address(self.prefix),
                AddressLabelAttr::Label(self.label),
            ],
        )
    }
}

/// Adds an address label (`RTM_NEWADDRLABEL`, `ip addrlabel add prefix P
/// label L`); [`Error::AlreadyExists`] when the prefix (on that link) has
/// one, unless [`replace`](AddressLabelAdd::replace).
#[derive(Debug, Clone)]
pub struct AddressLabelAdd {
    entry: Entry,
    replace: bool,
}

impl AddressLabelAdd {
    /// Label `label` for `prefix`/`len`. [`Error::InvalidArgument`] when
    /// `len` is beyond 128 or `label` is the reserved `0xffffffff`.
    pub fn new(prefix: Ipv6Addr, len: u8, label: u32) -> Result<Self, Error> {
        Ok(AddressLabelAdd {
            entry: Entry::new(prefix, len, label)?,
            replace: false,
        })
    }

    /// Only for addresses on link `index` (`dev`).
    #[must_use]
    pub fn dev(mut self, index: u32) -> Self {
        self.entry.header.index = index;
        self
    }

    /// Replaces the label of an existing entry (`NLM_F_REPLACE`).
    #[must_use]
    pub fn replace(mut self) -> Self {
        self.replace = true;
        self
    }

    /// The request.
    pub fn build(self) -> Request<()> {
        let flags = if self.replace {
            NetlinkFlags::CREATE | NetlinkFlags::REPLACE
        } else {
            NetlinkFlags::CREATE | NetlinkFlags::EXCL
        };
        Request::new(
            RouteNetlinkMessage::NewAddressLabel(self.entry.message()),
            flags,
            RequestOptions::request(),
            ack,
        )
    }
}

impl From<AddressLabelAdd> for Request<()> {
    fn from(add: AddressLabelAdd) -> Self {
        add.build()
    }
}

/// Deletes an address label (`RTM_DELADDRLABEL`, `ip addrlabel del`); the
/// kernel wants the label too, and matches prefix, length and link.
#[derive(Debug, Clone)]
pub struct AddressLabelDel {
    entry: Entry,
}

impl AddressLabelDel {
    /// The entry for `prefix`/`len` with `label`. [`Error::InvalidArgument`]
    /// as for [`AddressLabelAdd::new`].
    pub fn new(prefix: Ipv6Addr, len: u8, label: u32) -> Result<Self, Error> {
        Ok(AddressLabelDel {
            entry: Entry::new(prefix, len, label)?,
        })
    }

    /// The entry of link `index`.
    #[must_use]
    pub fn dev(mut self, index: u32) -> Self {
        self.entry.header.index = index;
        self
    }

    /// The request.
    pub fn build(self) -> Request<()> {
        Request::new(
            RouteNetlinkMessage::DelAddressLabel(self.entry.message()),
            NetlinkFlags::empty(),
            RequestOptions::request(),
            ack,
        )
    }
}

impl From<AddressLabelDel> for Request<()> {
    fn from(del: AddressLabelDel) -> Self {
        del.build()
    }
}

/// Dumps the address labels (`RTM_GETADDRLABEL` with `NLM_F_DUMP`, `ip
/// addrlabel list`), the built-in defaults included.
#[derive(Debug, Clone, Copy, Default)]
pub struct AddressLabelDump;

impl AddressLabelDump {
    /// Every label.
    pub fn new() -> Self {
        AddressLabelDump
    }

    /// The request.
    pub fn build(self) -> Request<Vec<AddressLabelMessage>> {
        let header = AddressLabelHeader {
            family: AF_INET6,
            ..Default::default()
        };
        Request::new(
            RouteNetlinkMessage::GetAddressLabel(AddressLabelMessage::new(header, vec![])),
            NetlinkFlags::empty(),
            RequestOptions::dump(),
            |replies| {
                Ok(replies
                    .into_iter()
                    .filter_map(|m| match m {
                        RouteNetlinkMessage::NewAddressLabel(l) => Some(l),
                        _ => None,
                    })
                    .collect())
            },
        )
    }
}

impl From<AddressLabelDump> for Request<Vec<AddressLabelMessage>> {
    fn from(dump: AddressLabelDump) -> Self {
        dump.build()
    }
}
