//! `RTA_VIA` (`struct rtvia`, linux/rtnetlink.h): a next hop of another
//! address family than the route's.

use std::net::IpAddr;

use netlink_packet_core::nla::{AttrValue, Described, Nla};
use netlink_packet_core::DecodeError;

use crate::family::{AF_INET, AF_INET6};

/// `RTA_VIA` (`struct rtvia`, linux/rtnetlink.h): a next hop's address
/// family and address, for a gateway of another family than the route's
/// (IPv6 next hops of IPv4 routes, MPLS routes).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct RouteVia {
    /// `rtvia_family` (`AF_*`).
    pub family: u16,
    /// `rtvia_addr` (a boxed slice: keeps `RouteAttr` at 32 bytes).
    pub addr: Box<[u8]>,
}

/// The zero-copy form of [`RouteVia`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RouteViaRef<'a> {
    /// `rtvia_family`.
    pub family: u16,
    /// `rtvia_addr`.
    pub addr: &'a [u8],
}

impl RouteViaRef<'_> {
    /// The address as IPv4 or IPv6, by family.
    pub fn ip(&self) -> Option<IpAddr> {
        match self.family {
            2 => <[u8; 4]>::try_from(self.addr).ok().map(IpAddr::from),
            10 => <[u8; 16]>::try_from(self.addr).ok().map(IpAddr::from),
            _ => None,
        }
    }
}

impl RouteVia {
    /// A via for an IP address.
    pub fn ip(ip: IpAddr) -> Self {
        match ip {
            IpAddr::V4(a) => RouteVia {
                family: u16::from(AF_INET),
                addr: a.octets().into(),
            },
            IpAddr::V6(a) => RouteVia {
                family: u16::from(AF_INET6),
                addr: a.octets().into(),
            },
        }
    }

    /// The address as IPv4 or IPv6, by family.
    pub fn to_ip(&self) -> Option<IpAddr> {
        RouteViaRef {
            family: self.family,
            addr: &self.addr,
        }
        .ip()
    }
}

impl AttrValue for RouteVia {
    type Ref<'a> = RouteViaRef<'a>;
    fn parse_ref<'a>(nla: &Nla<'a>) -> Result<RouteViaRef<'a>, DecodeError> {
        match nla.value() {
            [a, b, addr @ ..] => Ok(RouteViaRef {
                family: u16::from_ne_bytes([*a, *b]),
                addr,
            }),
            short => Err(DecodeError::truncated(
                nla.value_offset(),
                "struct rtvia",
                2,
                short.len(),
            )),
        }
    }
    fn from_ref(value: &RouteViaRef<'_>) -> Result<Self, DecodeError> {
        Ok(RouteVia {
            family: value.family,
            addr: value.addr.into(),
        })
    }
    fn value_len(&self) -> usize {
        2 + self.addr.len()
    }
    fn emit_value(&self, buf: &mut [u8]) {
        buf[..2].copy_from_slice(&self.family.to_ne_bytes());
        buf[2..].copy_from_slice(&self.addr);
    }
    fn describe(&self) -> Described {
        let addr = match self.to_ip() {
            Some(ip) => Described::address(ip),
            None => Described::Bytes(self.addr.to_vec()),
        };
        Described::Fields(vec![
            ("family", Described::Unsigned(self.family.into())),
            ("addr", addr),
        ])
    }
}
