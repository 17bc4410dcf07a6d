//! `IFLA_PROTINFO`: protocol-specific link information.
//!
//! Like `IFLA_AF_SPEC`, its content depends on the message header's
//! family: bridge port settings (`IFLA_BRPORT_*`,
//! [`BridgePortAttr`](super::info::BridgePortAttr)) in `AF_BRIDGE`
//! messages, IPv6 settings (`IFLA_INET6_*`, [`AfInet6Attr`]) in
//! `AF_INET6` messages. [`ProtInfo`] keeps the bytes, so that it always
//! round-trips exactly, and decodes either form on demand.

use netlink_packet_core::nla::{attrs_to_bytes, parse_attrs, AttrValue, Attribute, Described};
use netlink_packet_core::DecodeError;

use super::af_spec::{AfInet6Attr, AfInet6AttrRef};
use super::info::{BridgePortAttr, BridgePortAttrRef};
use super::{LinkAttr, LinkMessage, LinkView};
use crate::family::{AF_BRIDGE, AF_INET6};

/// `IFLA_PROTINFO` decoded according to the message's family.
#[derive(Debug, Clone, PartialEq)]
pub enum ProtInfoValue {
    /// Bridge port settings (`AF_BRIDGE` messages).
    BridgePort(Vec<BridgePortAttr>),
    /// IPv6 settings (`AF_INET6` messages).
    Inet6(Vec<AfInet6Attr>),
    /// Another family's information, as bytes.
    Other(Vec<u8>),
}

netlink_packet_core::lazy_nest! {
    /// The `IFLA_PROTINFO` nest: its bytes, kept so that it is emitted back
    /// exactly, decoded on demand in the form the message's family calls for.
    pub struct ProtInfo, view ProtInfoRef;
}

impl ProtInfo {
    /// Bridge port settings, for `AF_BRIDGE` requests (flagged
    /// `NLA_F_NESTED`).
    pub fn from_bridge_port(attrs: Vec<BridgePortAttr>) -> Self {
        ProtInfo {
            bytes: attrs_to_bytes(&attrs),
            flagged: true,
        }
    }

    /// IPv6 settings, for `AF_INET6` messages (flagged `NLA_F_NESTED`).
    pub fn from_inet6(attrs: Vec<AfInet6Attr>) -> Self {
        ProtInfo {
            bytes: attrs_to_bytes(&attrs),
            flagged: true,
        }
    }

    /// The zero-copy view of this nest. Offsets in its errors count from
    /// the start of [`ProtInfo::bytes`].
    pub fn view(&self) -> ProtInfoRef<'_> {
        ProtInfoRef {
            bytes: &self.bytes,
            base: 0,
            flagged: self.flagged,
        }
    }

    /// Decodes the nest as bridge port settings (`AF_BRIDGE` messages).
    pub fn bridge_port(&self) -> Result<Vec<BridgePortAttr>, DecodeError> {
        parse_attrs(&self.bytes, 0)
    }

    /// Decodes the nest as IPv6 settings (`AF_INET6` messages).
    pub fn inet6(&self) -> Result<Vec<AfInet6Attr>, DecodeError> {
        parse_attrs(&self.bytes, 0)
    }

    /// The nest described in the form of a message of header family
    /// `family`; as bytes for other families or if it does not decode.
    pub fn describe_for(&self, family: u8) -> Described {
        match self.decode(family) {
            Ok(ProtInfoValue::BridgePort(attrs)) => Described::attributes(&attrs),
            Ok(ProtInfoValue::Inet6(attrs)) => Described::attributes(&attrs),
            Ok(ProtInfoValue::Other(bytes)) => Described::Bytes(bytes),
            Err(_) => Described::Bytes(self.bytes.to_vec()),
        }
    }

    /// Decodes the nest in the form of a message of header family `family`.
    pub fn decode(&self, family: u8) -> Result<ProtInfoValue, DecodeError> {
        Ok(match family {
            AF_BRIDGE => ProtInfoValue::BridgePort(self.bridge_port()?),
            AF_INET6 => ProtInfoValue::Inet6(self.inet6()?),
            _ => ProtInfoValue::Other(self.bytes.to_vec()),
        })
    }
}

impl<'a> ProtInfoRef<'a> {
    /// The attributes as bridge port settings (`AF_BRIDGE` messages).
    pub fn bridge_port(
        &self,
    ) -> impl Iterator<Item = Result<BridgePortAttrRef<'a>, DecodeError>> + 'a {
        self.raw().map(|nla| BridgePortAttr::parse_ref(&nla?))
    }

    /// The attributes as IPv6 settings (`AF_INET6` messages).
    pub fn inet6(&self) -> impl Iterator<Item = Result<AfInet6AttrRef<'a>, DecodeError>> + 'a {
        self.raw().map(|nla| AfInet6Attr::parse_ref(&nla?))
    }
}

impl LinkMessage {
    /// The `IFLA_PROTINFO` nest, undecoded.
    pub fn prot_info(&self) -> Option<&ProtInfo> {
        self.attrs.iter().find_map(|a| match a {
            LinkAttr::ProtInfo(info) => Some(info),
            _ => None,
        })
    }

    /// The `IFLA_PROTINFO` nest decoded according to the header's family.
    pub fn prot_info_value(&self) -> Option<Result<ProtInfoValue, DecodeError>> {
        Some(self.prot_info()?.decode(self.header.family))
    }
}

impl<'a> LinkView<'a> {
    /// The `IFLA_PROTINFO` nest, zero-copy.
    pub fn prot_info(&self) -> Option<ProtInfoRef<'a>> {
        ProtInfo::parse_ref(&self.find(LinkAttr::PROTINFO)?).ok()
    }
}
