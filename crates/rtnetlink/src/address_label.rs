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
#[cfg(doc)]
use crate::Error;
use crate::Request;

/// `IPV6_ADDR_LABEL_DEFAULT` (net/ipv6/addrlabel.c): the label of
/// addresses no entry covers, which no entry may carry.
const IPV6_ADDR_LABEL_DEFAULT: u32 = 0xffff_ffff;

/// A label entry: prefix, prefix length, label, link, and what is wrong
/// with them if anything.
#[derive(Debug, Clone)]
struct Entry {
    header: AddressLabelHeader,
    prefix: Ipv6Addr,
    label: u32,
    problem: Option<String>,
}

impl Entry {
    fn new(prefix: Ipv6Addr, len: u8, label: u32) -> Entry {
        let problem = if len > 128 {
            Some(format!(
                "prefix length {len} is beyond the 128 bits of {prefix}"
            ))
        } else if label == IPV6_ADDR_LABEL_DEFAULT {
            Some(format!(
                "label {label:#x} is reserved for addresses no entry covers"
            ))
        } else {
            None
        };
        Entry {
            header: AddressLabelHeader {
                family: AF_INET6,
                prefix_len: len,
                ..Default::default()
            },
            prefix,
            label,
            problem,
        }
    }

    /// The request carrying the entry in `wrap`'s message type, refused
    /// unsent when the entry is wrong.
    fn request(
        self,
        wrap: fn(AddressLabelMessage) -> RouteNetlinkMessage,
        flags: NetlinkFlags,
    ) -> Request<()> {
        let message = wrap(AddressLabelMessage::new(
            self.header,
            vec![
                AddressLabelAttr::Address(self.prefix),
                AddressLabelAttr::Label(self.label),
            ],
        ));
        match self.problem {
            Some(problem) => Request::invalid(message, problem),
            None => Request::new(message, flags, RequestOptions::request(), ack),
        }
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
    /// Label `label` for `prefix`/`len`. The request fails unsent with
    /// [`Error::InvalidArgument`] when `len` is beyond 128 or `label` is
    /// the reserved `0xffffffff`.
    pub fn new(prefix: Ipv6Addr, len: u8, label: u32) -> Self {
        AddressLabelAdd {
            entry: Entry::new(prefix, len, label),
            replace: false,
        }
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
        self.entry
            .request(RouteNetlinkMessage::NewAddressLabel, flags)
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
    /// The entry for `prefix`/`len` with `label`, checked as
    /// [`AddressLabelAdd::new`] checks it.
    pub fn new(prefix: Ipv6Addr, len: u8, label: u32) -> Self {
        AddressLabelDel {
            entry: Entry::new(prefix, len, label),
        }
    }

    /// The entry of link `index`.
    #[must_use]
    pub fn dev(mut self, index: u32) -> Self {
        self.entry.header.index = index;
        self
    }

    /// The request.
    pub fn build(self) -> Request<()> {
        self.entry
            .request(RouteNetlinkMessage::DelAddressLabel, NetlinkFlags::empty())
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
