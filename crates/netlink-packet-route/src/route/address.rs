//! Route addresses (`RTA_DST`, `RTA_SRC`, `RTA_GATEWAY`, `RTA_PREFSRC`,
//! `RTA_NEWDST`): IPv4 or IPv6 addresses, or MPLS label stacks in
//! `AF_MPLS` routes. Which one depends on the message's family, which an
//! attribute alone cannot see, so the bytes are kept as they came and read
//! through typed accessors.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use netlink_packet_core::nla::{AttrValue, Described, Nla, SmallBytes};
use netlink_packet_core::DecodeError;

use crate::family::{AF_INET, AF_INET6, AF_MPLS};

/// One MPLS label stack entry (`struct mpls_label`, linux/mpls.h): a
/// big-endian 32-bit word of label, traffic class, bottom-of-stack bit and
/// TTL (`MPLS_LS_*`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct MplsLabel {
    /// The label (`MPLS_LS_LABEL_MASK`, 20 bits).
    pub label: u32,
    /// Traffic class (`MPLS_LS_TC_MASK`, 3 bits).
    pub tc: u8,
    /// Bottom of stack (`MPLS_LS_S_MASK`).
    pub bottom: bool,
    /// Time to live (`MPLS_LS_TTL_MASK`).
    pub ttl: u8,
}

/// `MPLS_LS_LABEL_SHIFT`.
pub const MPLS_LS_LABEL_SHIFT: u32 = 12;
/// `MPLS_LS_TC_SHIFT`.
pub const MPLS_LS_TC_SHIFT: u32 = 9;
/// `MPLS_LS_S_SHIFT`.
pub const MPLS_LS_S_SHIFT: u32 = 8;

impl MplsLabel {
    /// An entry from its host-order 32-bit word.
    pub fn from_entry(entry: u32) -> Self {
        MplsLabel {
            label: entry >> MPLS_LS_LABEL_SHIFT,
            tc: ((entry >> MPLS_LS_TC_SHIFT) & 0x7) as u8,
            bottom: (entry >> MPLS_LS_S_SHIFT) & 1 == 1,
            ttl: (entry & 0xff) as u8,
        }
    }

    /// The host-order 32-bit word (fields wider than theirs are cut).
    pub fn entry(&self) -> u32 {
        ((self.label & 0xf_ffff) << MPLS_LS_LABEL_SHIFT)
            | (u32::from(self.tc & 0x7) << MPLS_LS_TC_SHIFT)
            | (u32::from(self.bottom) << MPLS_LS_S_SHIFT)
            | u32::from(self.ttl)
    }

    /// A stack of plain labels, the last one marked bottom of stack, as
    /// `ip` sends them.
    pub fn stack(labels: &[u32]) -> Vec<MplsLabel> {
        labels
            .iter()
            .enumerate()
            .map(|(i, &label)| MplsLabel {
                label,
                bottom: i + 1 == labels.len(),
                ..Default::default()
            })
            .collect()
    }
}

/// Reads a label stack: whole 4-byte entries, `None` if the length is not a
/// multiple of 4.
pub(crate) fn labels_of(bytes: &[u8]) -> Option<impl Iterator<Item = MplsLabel> + '_> {
    (bytes.len() % 4 == 0).then(|| {
        bytes
            .chunks_exact(4)
            .map(|c| MplsLabel::from_entry(u32::from_be_bytes([c[0], c[1], c[2], c[3]])))
    })
}

/// Encodes a label stack.
pub(crate) fn labels_bytes(labels: &[MplsLabel]) -> Vec<u8> {
    labels
        .iter()
        .flat_map(|l| l.entry().to_be_bytes())
        .collect()
}

/// A route address kept as its bytes: 4 for IPv4, 16 for IPv6, a multiple
/// of 4 for an MPLS label stack. Held in [`SmallBytes`], so that the
/// addresses of a route (destination, gateway, source) cost no allocation
/// each; long label stacks go to the heap.
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub struct RouteAddress(SmallBytes);

impl std::fmt::Debug for RouteAddress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("RouteAddress").field(&self.bytes()).finish()
    }
}

/// The zero-copy form of [`RouteAddress`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RouteAddressRef<'a>(pub &'a [u8]);

/// What a route address means in a message of a given family.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RouteAddressValue {
    /// An IPv4 or IPv6 address.
    Ip(IpAddr),
    /// An MPLS label stack.
    Mpls(Vec<MplsLabel>),
    /// Bytes that fit no form of the family.
    Other(Vec<u8>),
}

impl<'a> RouteAddressRef<'a> {
    /// The raw bytes.
    pub fn bytes(&self) -> &'a [u8] {
        self.0
    }

    /// The address as IPv4 or IPv6, told apart by its length.
    pub fn ip(&self) -> Option<IpAddr> {
        if let Ok(b) = <[u8; 4]>::try_from(self.0) {
            Some(IpAddr::V4(Ipv4Addr::from(b)))
        } else if let Ok(b) = <[u8; 16]>::try_from(self.0) {
            Some(IpAddr::V6(Ipv6Addr::from(b)))
        } else {
            None
        }
    }

    /// The bytes as an MPLS label stack (`AF_MPLS` routes).
    pub fn mpls_labels(&self) -> Option<impl Iterator<Item = MplsLabel> + 'a> {
        labels_of(self.0)
    }

    /// The value in a message of address family `family`.
    pub fn decode(&self, family: u8) -> RouteAddressValue {
        let ip = match family {
            AF_INET if self.0.len() == 4 => self.ip(),
            AF_INET6 if self.0.len() == 16 => self.ip(),
            AF_INET | AF_INET6 => None,
            AF_MPLS => None,
            _ => self.ip(),
        };
        if let Some(ip) = ip {
            return RouteAddressValue::Ip(ip);
        }
        match (family, self.mpls_labels()) {
            (AF_MPLS, Some(labels)) => RouteAddressValue::Mpls(labels.collect()),
            _ => RouteAddressValue::Other(self.0.to_vec()),
        }
    }
}

impl RouteAddress {
    /// An address of these bytes.
    pub fn new(bytes: &[u8]) -> Self {
        RouteAddress(SmallBytes::new(bytes))
    }

    /// The bytes.
    pub fn bytes(&self) -> &[u8] {
        self.0.as_slice()
    }

    /// The zero-copy form.
    pub fn as_ref(&self) -> RouteAddressRef<'_> {
        RouteAddressRef(self.bytes())
    }

    /// The address as IPv4 or IPv6, told apart by its length.
    pub fn ip(&self) -> Option<IpAddr> {
        self.as_ref().ip()
    }

    /// The bytes as an MPLS label stack.
    pub fn mpls_labels(&self) -> Option<Vec<MplsLabel>> {
        self.as_ref().mpls_labels().map(Iterator::collect)
    }

    /// An MPLS label stack.
    pub fn from_labels(labels: &[MplsLabel]) -> Self {
        RouteAddress::new(&labels_bytes(labels))
    }
}

impl From<IpAddr> for RouteAddress {
    fn from(ip: IpAddr) -> Self {
        match ip {
            IpAddr::V4(a) => a.into(),
            IpAddr::V6(a) => a.into(),
        }
    }
}

impl From<Ipv4Addr> for RouteAddress {
    fn from(ip: Ipv4Addr) -> Self {
        RouteAddress::new(&ip.octets())
    }
}

impl From<Ipv6Addr> for RouteAddress {
    fn from(ip: Ipv6Addr) -> Self {
        RouteAddress::new(&ip.octets())
    }
}

impl AttrValue for RouteAddress {
    type Ref<'a> = RouteAddressRef<'a>;
    fn parse_ref<'a>(nla: &Nla<'a>) -> Result<RouteAddressRef<'a>, DecodeError> {
        Ok(RouteAddressRef(nla.value()))
    }
    fn from_ref(value: &RouteAddressRef<'_>) -> Result<Self, DecodeError> {
        Ok(RouteAddress::new(value.0))
    }
    fn value_len(&self) -> usize {
        self.bytes().len()
    }
    fn emit_value(&self, buf: &mut [u8]) {
        buf.copy_from_slice(self.bytes())
    }
    /// An IPv4 or IPv6 address by its length, else the bytes (an MPLS
    /// label stack's family is in the message header, not here).
    fn describe(&self) -> Described {
        match self.ip() {
            Some(ip) => Described::address(ip),
            None => Described::Bytes(self.bytes().to_vec()),
        }
    }
}

#[cfg(test)]
mod tests {
    use netlink_packet_core::nla::SMALL_BYTES_INLINE;

    use super::*;
    use crate::route::RouteAttr;

    #[test]
    fn addresses_of_any_length_keep_their_bytes_and_the_attribute_small() {
        // Empty, IPv4, IPv6, and an MPLS stack of six labels (24 bytes: on
        // the heap).
        for len in [0, 4, 16, SMALL_BYTES_INLINE + 2] {
            let bytes: Vec<u8> = (1..=len as u8).collect();
            let address = RouteAddress::new(&bytes);
            assert_eq!(address.bytes(), bytes);
            assert_eq!(address, RouteAddress::new(&bytes));
        }
        // The route attribute enum holds one of these in each of the ~5
        // attributes of every route a dump collects: its size is the
        // memory of a 100,000-route dump.
        assert_eq!(std::mem::size_of::<RouteAddress>(), 24);
        assert!(std::mem::size_of::<RouteAttr>() <= 32);
    }
}
