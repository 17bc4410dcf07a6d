//! `RTA_ENCAP_TYPE` and `RTA_ENCAP`: lightweight tunnel encapsulation of a
//! route or next hop (linux/lwtunnel.h and the headers of each type).
//!
//! What `RTA_ENCAP` holds depends on its sibling `RTA_ENCAP_TYPE`, which a
//! context-free attribute value cannot see. [`RouteEncap`] therefore keeps
//! the nest's bytes, so that it always round-trips exactly, and decodes
//! them on demand: [`RouteEncap::decode`] with the type, or
//! [`RouteEncapRef::attrs`] with a set, lazily.

mod ip;
mod seg6;

pub use ip::*;
pub use seg6::*;

use netlink_packet_core::nla::{attrs_to_bytes, parse_attrs, Attribute, Described};
use netlink_packet_core::{value_enum, DecodeError};

value_enum! {
    /// `RTA_ENCAP_TYPE` (`enum lwtunnel_encap_types`, linux/lwtunnel.h).
    pub enum EncapType: u16 {
        /// `LWTUNNEL_ENCAP_NONE`.
        0 => None "none",
        /// `LWTUNNEL_ENCAP_MPLS`.
        1 => Mpls "mpls",
        /// `LWTUNNEL_ENCAP_IP`.
        2 => Ip "ip",
        /// `LWTUNNEL_ENCAP_ILA`.
        3 => Ila "ila",
        /// `LWTUNNEL_ENCAP_IP6`.
        4 => Ip6 "ip6",
        /// `LWTUNNEL_ENCAP_SEG6`.
        5 => Seg6 "seg6",
        /// `LWTUNNEL_ENCAP_BPF`.
        6 => Bpf "bpf",
        /// `LWTUNNEL_ENCAP_SEG6_LOCAL`.
        7 => Seg6Local "seg6local",
        /// `LWTUNNEL_ENCAP_RPL`.
        8 => Rpl "rpl",
        /// `LWTUNNEL_ENCAP_IOAM6`.
        9 => Ioam6 "ioam6",
        /// `LWTUNNEL_ENCAP_XFRM`.
        10 => Xfrm "xfrm",
    }
}

/// `RTA_ENCAP` decoded by its type.
#[derive(Debug, Clone, PartialEq)]
pub enum EncapValue {
    /// `LWTUNNEL_ENCAP_MPLS`.
    Mpls(Vec<MplsIpTunnelAttr>),
    /// `LWTUNNEL_ENCAP_IP`.
    Ip(Vec<IpEncapAttr>),
    /// `LWTUNNEL_ENCAP_ILA`.
    Ila(Vec<IlaAttr>),
    /// `LWTUNNEL_ENCAP_IP6`.
    Ip6(Vec<Ip6EncapAttr>),
    /// `LWTUNNEL_ENCAP_SEG6`.
    Seg6(Vec<Seg6IpTunnelAttr>),
    /// `LWTUNNEL_ENCAP_BPF`.
    Bpf(Vec<LwtBpfAttr>),
    /// `LWTUNNEL_ENCAP_SEG6_LOCAL`.
    Seg6Local(Vec<Seg6LocalAttr>),
    /// `LWTUNNEL_ENCAP_RPL`.
    Rpl(Vec<RplIpTunnelAttr>),
    /// `LWTUNNEL_ENCAP_IOAM6`.
    Ioam6(Vec<Ioam6IpTunnelAttr>),
    /// `LWTUNNEL_ENCAP_XFRM`.
    Xfrm(Vec<LwtXfrmAttr>),
    /// Another type, or no type: the bytes.
    Other(Vec<u8>),
}

impl EncapValue {
    /// The value described with its type's attribute set.
    pub fn describe(&self) -> Described {
        match self {
            EncapValue::Mpls(a) => Described::attributes(a),
            EncapValue::Ip(a) => Described::attributes(a),
            EncapValue::Ila(a) => Described::attributes(a),
            EncapValue::Ip6(a) => Described::attributes(a),
            EncapValue::Seg6(a) => Described::attributes(a),
            EncapValue::Bpf(a) => Described::attributes(a),
            EncapValue::Seg6Local(a) => Described::attributes(a),
            EncapValue::Rpl(a) => Described::attributes(a),
            EncapValue::Ioam6(a) => Described::attributes(a),
            EncapValue::Xfrm(a) => Described::attributes(a),
            EncapValue::Other(bytes) => Described::Bytes(bytes.clone()),
        }
    }

    /// The `RTA_ENCAP_TYPE` that goes with this value (`None` for
    /// [`EncapValue::Other`]).
    pub fn encap_type(&self) -> Option<EncapType> {
        Some(match self {
            EncapValue::Mpls(_) => EncapType::Mpls,
            EncapValue::Ip(_) => EncapType::Ip,
            EncapValue::Ila(_) => EncapType::Ila,
            EncapValue::Ip6(_) => EncapType::Ip6,
            EncapValue::Seg6(_) => EncapType::Seg6,
            EncapValue::Bpf(_) => EncapType::Bpf,
            EncapValue::Seg6Local(_) => EncapType::Seg6Local,
            EncapValue::Rpl(_) => EncapType::Rpl,
            EncapValue::Ioam6(_) => EncapType::Ioam6,
            EncapValue::Xfrm(_) => EncapType::Xfrm,
            EncapValue::Other(_) => return None,
        })
    }
}

netlink_packet_core::lazy_nest! {
    /// The `RTA_ENCAP` nest: its bytes, emitted back exactly, decoded on
    /// demand according to `RTA_ENCAP_TYPE`.
    pub struct RouteEncap, view RouteEncapRef;
}

impl RouteEncap {
    /// A nest of `attrs` (flagged `NLA_F_NESTED`, as current kernels
    /// expect).
    pub fn from_attrs<A: Attribute>(attrs: &[A]) -> Self {
        RouteEncap {
            bytes: attrs_to_bytes(attrs),
            flagged: true,
        }
    }

    /// The nest for a decoded value.
    pub fn from_value(value: &EncapValue) -> Self {
        match value {
            EncapValue::Mpls(a) => Self::from_attrs(a),
            EncapValue::Ip(a) => Self::from_attrs(a),
            EncapValue::Ila(a) => Self::from_attrs(a),
            EncapValue::Ip6(a) => Self::from_attrs(a),
            EncapValue::Seg6(a) => Self::from_attrs(a),
            EncapValue::Bpf(a) => Self::from_attrs(a),
            EncapValue::Seg6Local(a) => Self::from_attrs(a),
            EncapValue::Rpl(a) => Self::from_attrs(a),
            EncapValue::Ioam6(a) => Self::from_attrs(a),
            EncapValue::Xfrm(a) => Self::from_attrs(a),
            EncapValue::Other(bytes) => RouteEncap {
                bytes: bytes.as_slice().into(),
                flagged: true,
            },
        }
    }

    /// The zero-copy view (offsets count from the start of the bytes).
    pub fn view(&self) -> RouteEncapRef<'_> {
        RouteEncapRef {
            bytes: &self.bytes,
            base: 0,
            flagged: self.flagged,
        }
    }

    /// Decodes the nest as the attributes of set `A`.
    pub fn attrs<A: Attribute>(&self) -> Result<Vec<A>, DecodeError> {
        parse_attrs(&self.bytes, 0)
    }

    /// The nest described as encapsulation type `kind` says; as bytes for
    /// other types or if it does not decode.
    pub fn describe_for(&self, kind: EncapType) -> Described {
        match self.decode(kind) {
            Ok(value) => value.describe(),
            Err(_) => Described::Bytes(self.bytes.to_vec()),
        }
    }

    /// Decodes the nest as encapsulation type `kind` says.
    pub fn decode(&self, kind: EncapType) -> Result<EncapValue, DecodeError> {
        Ok(match kind {
            EncapType::Mpls => EncapValue::Mpls(self.attrs()?),
            EncapType::Ip => EncapValue::Ip(self.attrs()?),
            EncapType::Ila => EncapValue::Ila(self.attrs()?),
            EncapType::Ip6 => EncapValue::Ip6(self.attrs()?),
            EncapType::Seg6 => EncapValue::Seg6(self.attrs()?),
            EncapType::Bpf => EncapValue::Bpf(self.attrs()?),
            EncapType::Seg6Local => EncapValue::Seg6Local(self.attrs()?),
            EncapType::Rpl => EncapValue::Rpl(self.attrs()?),
            EncapType::Ioam6 => EncapValue::Ioam6(self.attrs()?),
            EncapType::Xfrm => EncapValue::Xfrm(self.attrs()?),
            EncapType::None | EncapType::Other(_) => EncapValue::Other(self.bytes.to_vec()),
        })
    }
}

impl<'a> RouteEncapRef<'a> {
    /// The attributes read as set `A` (the one `RTA_ENCAP_TYPE` names),
    /// lazily.
    pub fn attrs<A: Attribute>(
        &self,
    ) -> impl Iterator<Item = Result<A::Ref<'a>, DecodeError>> + 'a {
        self.raw().map(|nla| A::parse_ref(&nla?))
    }
}
