//! Address operations: add, delete and dump.

use std::net::{IpAddr, Ipv4Addr};

use netlink_packet_core::NetlinkFlags;
use netlink_packet_route::address::{AddressAttr, AddressHeader, AddressMessage};
use netlink_packet_route::family::{AF_INET, AF_INET6};
use netlink_packet_route::RouteNetlinkMessage;
use netlink_proto::RequestOptions;

use crate::Request;

fn header(index: u32, ip: IpAddr, prefix_len: u8) -> AddressHeader {
    AddressHeader {
        family: if ip.is_ipv4() { AF_INET } else { AF_INET6 },
        prefix_len,
        index,
        ..Default::default()
    }
}

fn address_attrs(ip: IpAddr) -> Vec<AddressAttr> {
    match ip {
        IpAddr::V4(_) => vec![AddressAttr::Local(ip), AddressAttr::Address(ip)],
        IpAddr::V6(_) => vec![AddressAttr::Address(ip)],
    }
}

/// Adds an address (`RTM_NEWADDR` with `NLM_F_CREATE | NLM_F_EXCL`).
#[derive(Debug, Clone)]
pub struct AddressAdd {
    header: AddressHeader,
    attrs: Vec<AddressAttr>,
}

impl AddressAdd {
    /// `ip`/`prefix_len` on link `index`.
    pub fn new(index: u32, ip: IpAddr, prefix_len: u8) -> Self {
        AddressAdd {
            header: header(index, ip, prefix_len),
            attrs: address_attrs(ip),
        }
    }

    /// Sets the label (IPv4).
    #[must_use]
    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.attrs.push(AddressAttr::Label(label.into()));
        self
    }

    /// Sets the broadcast address (IPv4).
    #[must_use]
    pub fn broadcast(mut self, ip: Ipv4Addr) -> Self {
        self.attrs.push(AddressAttr::Broadcast(ip));
        self
    }

    /// The request.
    pub fn build(self) -> Request<()> {
        Request::new(
            RouteNetlinkMessage::NewAddress(AddressMessage::new(self.header, self.attrs)),
            NetlinkFlags::CREATE | NetlinkFlags::EXCL,
            RequestOptions::request(),
            |_| Ok(()),
        )
    }
}

impl From<AddressAdd> for Request<()> {
    fn from(add: AddressAdd) -> Self {
        add.build()
    }
}

/// Deletes an address (`RTM_DELADDR`).
#[derive(Debug, Clone, Copy)]
pub struct AddressDel;

impl AddressDel {
    /// Deletes `ip`/`prefix_len` from link `index`.
    pub fn address(index: u32, ip: IpAddr, prefix_len: u8) -> Request<()> {
        Request::new(
            RouteNetlinkMessage::DelAddress(AddressMessage::new(
                header(index, ip, prefix_len),
                address_attrs(ip),
            )),
            NetlinkFlags::empty(),
            RequestOptions::request(),
            |_| Ok(()),
        )
    }
}

/// Dumps addresses (`RTM_GETADDR`), filtered here by family and link.
#[derive(Debug, Clone, Copy, Default)]
pub struct AddressGet {
    family: u8,
    link: Option<u32>,
}

impl AddressGet {
    /// Every address.
    pub fn dump() -> Self {
        Self::default()
    }

    /// Only addresses of this family (`AF_INET`, `AF_INET6`).
    #[must_use]
    pub fn family(mut self, family: u8) -> Self {
        self.family = family;
        self
    }

    /// Only addresses of link `index`.
    #[must_use]
    pub fn link(mut self, index: u32) -> Self {
        self.link = Some(index);
        self
    }

    /// The request.
    pub fn build(self) -> Request<Vec<AddressMessage>> {
        let header = AddressHeader {
            family: self.family,
            ..Default::default()
        };
        let link = self.link;
        Request::new(
            RouteNetlinkMessage::GetAddress(AddressMessage::new(header, vec![])),
            NetlinkFlags::empty(),
            RequestOptions::dump(),
            move |replies| {
                Ok(replies
                    .into_iter()
                    .filter_map(|m| match m {
                        RouteNetlinkMessage::NewAddress(a) => Some(a),
                        _ => None,
                    })
                    .filter(|a| link.map_or(true, |i| a.header.index == i))
                    .collect())
            },
        )
    }
}

impl From<AddressGet> for Request<Vec<AddressMessage>> {
    fn from(get: AddressGet) -> Self {
        get.build()
    }
}
