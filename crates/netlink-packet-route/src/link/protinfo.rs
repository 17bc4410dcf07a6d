//! `IFLA_PROTINFO`: protocol-specific link information.
//!
//! Like `IFLA_AF_SPEC`, its content depends on the message header's
//! family: bridge port settings (`IFLA_BRPORT_*`,
//! [`BridgePortAttr`](super::info::BridgePortAttr)) in `AF_BRIDGE`
//! messages, IPv6 settings (`IFLA_INET6_*`, [`AfInet6Attr`]) in
//! `AF_INET6` messages. [`ProtInfo`] keeps the bytes, so that it always
//! round-trips exactly, and decodes either form on demand.

use netlink_packet_core::nla::{nest_flags, parse_attrs, AttrValue, Attribute, Nla, NlaIter};
use netlink_packet_core::DecodeError;

use super::af_spec::{encode, AfInet6Attr, AfInet6AttrRef};
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

/// The `IFLA_PROTINFO` nest: its bytes, kept so that it is emitted back
/// exactly, decoded on demand in the form the message's family calls for.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ProtInfo {
    /// The nest's value (its attributes, as bytes).
    pub bytes: Vec<u8>,
    /// Whether the header carries `NLA_F_NESTED`.
    pub flagged: bool,
}

impl ProtInfo {
    /// Bridge port settings, for `AF_BRIDGE` requests (flagged
    /// `NLA_F_NESTED`).
    pub fn from_bridge_port(attrs: Vec<BridgePortAttr>) -> Self {
        ProtInfo {
            bytes: encode(&attrs),
            flagged: true,
        }
    }

    /// IPv6 settings, for `AF_INET6` messages (flagged `NLA_F_NESTED`).
    pub fn from_inet6(attrs: Vec<AfInet6Attr>) -> Self {
        ProtInfo {
            bytes: encode(&attrs),
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

    /// Decodes the nest in the form of a message of header family `family`.
    pub fn decode(&self, family: u8) -> Result<ProtInfoValue, DecodeError> {
        Ok(match family {
            AF_BRIDGE => ProtInfoValue::BridgePort(self.bridge_port()?),
            AF_INET6 => ProtInfoValue::Inet6(self.inet6()?),
            _ => ProtInfoValue::Other(self.bytes.clone()),
        })
    }
}

/// The zero-copy form of [`ProtInfo`].
#[derive(Debug, Clone, Copy)]
pub struct ProtInfoRef<'a> {
    bytes: &'a [u8],
    base: usize,
    flagged: bool,
}

impl<'a> ProtInfoRef<'a> {
    /// The nest's value bytes.
    pub fn bytes(&self) -> &'a [u8] {
        self.bytes
    }

    /// The raw attributes of the nest.
    pub fn raw(&self) -> NlaIter<'a> {
        NlaIter::with_base(self.bytes, self.base)
    }

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

    /// Copies the nest into its owned form.
    pub fn to_owned(&self) -> ProtInfo {
        ProtInfo {
            bytes: self.bytes.to_vec(),
            flagged: self.flagged,
        }
    }
}

impl AttrValue for ProtInfo {
    type Ref<'a> = ProtInfoRef<'a>;

    fn parse_ref<'a>(nla: &Nla<'a>) -> Result<ProtInfoRef<'a>, DecodeError> {
        Ok(ProtInfoRef {
            bytes: nla.value(),
            base: nla.value_offset(),
            flagged: nla.is_nested(),
        })
    }

    fn from_ref(value: &ProtInfoRef<'_>) -> Result<Self, DecodeError> {
        Ok(value.to_owned())
    }

    fn header_flags(&self) -> u16 {
        nest_flags(self.flagged)
    }

    fn value_len(&self) -> usize {
        self.bytes.len()
    }

    fn emit_value(&self, buf: &mut [u8]) {
        buf.copy_from_slice(&self.bytes)
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
