//! `IFLA_AF_SPEC`: per address family link settings.
//!
//! What the nest holds depends on the message header's family, which a
//! context-free attribute value cannot see: in `AF_UNSPEC` (and most other)
//! link messages it is keyed by address family ([`AfSpecFamily`]: `AF_INET`
//! holds `IFLA_INET_*`, `AF_INET6` holds `IFLA_INET6_*`), while in
//! `AF_BRIDGE` messages it holds `IFLA_BRIDGE_*` directly
//! ([`AfSpecBridgeAttr`]). [`AfSpec`] therefore keeps the nest's bytes, so
//! that it always round-trips exactly, and decodes either form on demand:
//! [`AfSpec::families`], [`AfSpec::inet`], [`AfSpec::inet6`],
//! [`AfSpec::bridge`], or [`AfSpec::decode`] with the header's family
//! ([`LinkMessage::af_spec_value`] does that for a whole message). Requests
//! are built with [`AfSpec::from_families`] and [`AfSpec::from_bridge`].

mod bridge;
mod cfm;
mod inet;
mod inet6;
mod mrp;
mod packed;

pub use bridge::*;
pub use cfm::*;
pub use inet::*;
pub use inet6::*;
pub use mrp::*;
pub use packed::*;

use netlink_packet_core::nla::{
    attrs_to_bytes, parse_attrs, AttrValue, Attribute, Described, Nested, NestedRef, Nla,
};
use netlink_packet_core::{attribute_set, DecodeError};

use super::info::MctpAttr;
use super::{LinkAttr, LinkMessage, LinkView};
use crate::family::AF_BRIDGE;

attribute_set! {
    /// One address family's entry of `IFLA_AF_SPEC` in non-bridge link
    /// messages, numbered by the family (`AF_*`, linux/socket.h). Families
    /// not declared here (`AF_MPLS`, ...) are kept raw.
    pub enum AfSpecFamily, view AfSpecFamilyRef, prefix AF_ {
        /// `AF_INET`: `IFLA_INET_*`.
        2 INET Inet(Nested<AfInetAttr>),
        /// `AF_INET6`: `IFLA_INET6_*`.
        10 INET6 Inet6(Nested<AfInet6Attr>),
        /// `AF_MCTP`: `IFLA_MCTP_*`.
        45 MCTP Mctp(Nested<MctpAttr>),
    }
}

/// `IFLA_AF_SPEC` decoded according to the message's family.
#[derive(Debug, Clone, PartialEq)]
pub enum AfSpecValue {
    /// Per address family entries (every family but `AF_BRIDGE`).
    Families(Vec<AfSpecFamily>),
    /// Bridge settings (`AF_BRIDGE` messages).
    Bridge(Vec<AfSpecBridgeAttr>),
}

netlink_packet_core::lazy_nest! {
    /// The `IFLA_AF_SPEC` nest: its bytes, kept so that it is emitted back
    /// exactly, decoded on demand in the form the message's family calls for.
    pub struct AfSpec, view AfSpecRef, describe AfSpec::describe_guessed;
}

impl AfSpec {
    /// A nest of per address family entries, for `AF_UNSPEC` requests
    /// (flagged `NLA_F_NESTED`).
    pub fn from_families(families: Vec<AfSpecFamily>) -> Self {
        AfSpec {
            bytes: attrs_to_bytes(&families),
            flagged: true,
        }
    }

    /// A nest of bridge settings, for `AF_BRIDGE` requests (flagged
    /// `NLA_F_NESTED`).
    pub fn from_bridge(attrs: Vec<AfSpecBridgeAttr>) -> Self {
        AfSpec {
            bytes: attrs_to_bytes(&attrs),
            flagged: true,
        }
    }

    /// The zero-copy view of this nest. Offsets in its errors count from
    /// the start of [`AfSpec::bytes`].
    pub fn view(&self) -> AfSpecRef<'_> {
        AfSpecRef {
            bytes: &self.bytes,
            base: 0,
            flagged: self.flagged,
        }
    }

    /// Decodes the nest as per address family entries (the form of every
    /// family but `AF_BRIDGE`).
    pub fn families(&self) -> Result<Vec<AfSpecFamily>, DecodeError> {
        parse_attrs(&self.bytes, 0)
    }

    /// Decodes the nest as bridge settings (the form of `AF_BRIDGE`
    /// messages).
    pub fn bridge(&self) -> Result<Vec<AfSpecBridgeAttr>, DecodeError> {
        parse_attrs(&self.bytes, 0)
    }

    /// The `AF_INET` entry's attributes, if there is one.
    pub fn inet(&self) -> Result<Option<Vec<AfInetAttr>>, DecodeError> {
        match self.view().family(AfSpecFamily::INET) {
            Some(nla) => parse_attrs(nla.value(), nla.value_offset()).map(Some),
            None => Ok(None),
        }
    }

    /// The `AF_INET6` entry's attributes, if there is one.
    pub fn inet6(&self) -> Result<Option<Vec<AfInet6Attr>>, DecodeError> {
        match self.view().family(AfSpecFamily::INET6) {
            Some(nla) => parse_attrs(nla.value(), nla.value_offset()).map(Some),
            None => Ok(None),
        }
    }

    /// The nest described in the form of a message of header family
    /// `family`; as bytes if it does not decode in that form.
    pub fn describe_for(&self, family: u8) -> Described {
        match self.decode(family) {
            Ok(AfSpecValue::Families(families)) => Described::attributes(&families),
            Ok(AfSpecValue::Bridge(attrs)) => Described::attributes(&attrs),
            Err(_) => Described::Bytes(self.bytes.to_vec()),
        }
    }

    /// The nest described without the message's family: per address
    /// family entries when every entry is a declared family, else bridge
    /// settings. [`AfSpec::describe_for`] knows better, given the family.
    fn describe_guessed(&self) -> Described {
        let all_families = self
            .view()
            .raw()
            .all(|nla| nla.is_ok_and(|nla| AfSpecFamily::name_of(nla.kind()).is_some()));
        self.describe_for(if all_families { 0 } else { AF_BRIDGE })
    }

    /// Decodes the nest in the form of a message of header family `family`.
    pub fn decode(&self, family: u8) -> Result<AfSpecValue, DecodeError> {
        if family == AF_BRIDGE {
            self.bridge().map(AfSpecValue::Bridge)
        } else {
            self.families().map(AfSpecValue::Families)
        }
    }
}

impl From<AfSpecValue> for AfSpec {
    fn from(value: AfSpecValue) -> Self {
        match value {
            AfSpecValue::Families(families) => AfSpec::from_families(families),
            AfSpecValue::Bridge(attrs) => AfSpec::from_bridge(attrs),
        }
    }
}

impl<'a> AfSpecRef<'a> {
    /// The entries as per address family nests (non-bridge messages).
    pub fn families(&self) -> impl Iterator<Item = Result<AfSpecFamilyRef<'a>, DecodeError>> + 'a {
        self.raw().map(|nla| AfSpecFamily::parse_ref(&nla?))
    }

    /// The entries as bridge settings (`AF_BRIDGE` messages).
    pub fn bridge(
        &self,
    ) -> impl Iterator<Item = Result<AfSpecBridgeAttrRef<'a>, DecodeError>> + 'a {
        self.raw().map(|nla| AfSpecBridgeAttr::parse_ref(&nla?))
    }

    /// The raw entry of address family `family` (`AF_INET` = 2, ...).
    pub fn family(&self, family: u16) -> Option<Nla<'a>> {
        self.raw().flatten().find(|nla| nla.kind() == family)
    }

    /// The `AF_INET` entry, decoded lazily.
    pub fn inet(&self) -> Option<NestedRef<'a, AfInetAttr>> {
        Nested::<AfInetAttr>::parse_ref(&self.family(AfSpecFamily::INET)?).ok()
    }

    /// The `AF_INET6` entry, decoded lazily.
    pub fn inet6(&self) -> Option<NestedRef<'a, AfInet6Attr>> {
        Nested::<AfInet6Attr>::parse_ref(&self.family(AfSpecFamily::INET6)?).ok()
    }
}

impl LinkMessage {
    /// The `IFLA_AF_SPEC` nest, undecoded.
    pub fn af_spec(&self) -> Option<&AfSpec> {
        self.attrs.iter().find_map(|a| match a {
            LinkAttr::AfSpec(spec) => Some(spec),
            _ => None,
        })
    }

    /// The `IFLA_AF_SPEC` nest decoded according to the header's family:
    /// bridge settings in `AF_BRIDGE` messages, per family entries in the
    /// others.
    pub fn af_spec_value(&self) -> Option<Result<AfSpecValue, DecodeError>> {
        Some(self.af_spec()?.decode(self.header.family))
    }
}

impl<'a> LinkView<'a> {
    /// The `IFLA_AF_SPEC` nest, zero-copy; decode it with
    /// [`AfSpecRef::families`] or, in `AF_BRIDGE` messages,
    /// [`AfSpecRef::bridge`].
    pub fn af_spec(&self) -> Option<AfSpecRef<'a>> {
        AfSpec::parse_ref(&self.find(LinkAttr::AF_SPEC)?).ok()
    }
}
