//! `RTA_MULTIPATH`: a list of `struct rtnexthop`, each followed by its own
//! `RTA_*` attributes (linux/rtnetlink.h).

use netlink_packet_core::nla::{
    attrs_len, emit_attrs, parse_attrs, AttrValue, Attribute, Described, Nla, StructField,
};
use netlink_packet_core::{attribute_set, DecodeError, DecodeReason};

use super::address::RouteAddress;
use super::encap::{EncapType, EncapValue, RouteEncap};
use super::types::NextHopFlags;
use super::via::RouteVia;

/// Size of `struct rtnexthop`.
pub const RTNH_LEN: usize = 8;

attribute_set! {
    /// The attributes of one next hop of `RTA_MULTIPATH` (the `RTA_*`
    /// numbers the kernel puts there; any other is kept raw).
    pub enum NextHopAttr, view NextHopAttrRef, prefix RTA_ {
        /// `RTA_GATEWAY`: the gateway, of the route's family.
        5 GATEWAY Gateway(RouteAddress),
        /// `RTA_FLOW`: realms.
        11 FLOW Flow(u32),
        /// `RTA_VIA`: a gateway of another family.
        18 VIA Via(RouteVia),
        /// `RTA_NEWDST`: MPLS labels to swap in (`AF_MPLS` routes).
        19 NEWDST NewDst(RouteAddress),
        /// `RTA_ENCAP_TYPE`.
        21 ENCAP_TYPE EncapType(EncapType),
        /// `RTA_ENCAP`, read by `RTA_ENCAP_TYPE`.
        22 ENCAP Encap(RouteEncap),
    }
}

/// One next hop: `struct rtnexthop` and its attributes.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct NextHop {
    /// `rtnh_flags`.
    pub flags: NextHopFlags,
    /// `rtnh_hops`: the weight minus one.
    pub hops: u8,
    /// `rtnh_ifindex`: the output interface.
    pub ifindex: i32,
    /// The attributes, in wire order.
    pub attrs: Vec<NextHopAttr>,
}

impl NextHop {
    /// The weight (`rtnh_hops + 1`), as `ip` prints it.
    pub fn weight(&self) -> u16 {
        u16::from(self.hops) + 1
    }

    /// The gateway (`RTA_GATEWAY`).
    pub fn gateway(&self) -> Option<&RouteAddress> {
        self.attrs.iter().find_map(|a| match a {
            NextHopAttr::Gateway(g) => Some(g),
            _ => None,
        })
    }

    /// `RTA_VIA`.
    pub fn via(&self) -> Option<&RouteVia> {
        self.attrs.iter().find_map(|a| match a {
            NextHopAttr::Via(v) => Some(v),
            _ => None,
        })
    }

    /// `RTA_ENCAP` decoded by `RTA_ENCAP_TYPE`.
    pub fn encap(&self) -> Option<Result<EncapValue, DecodeError>> {
        let kind = self.attrs.iter().find_map(|a| match a {
            NextHopAttr::EncapType(t) => Some(*t),
            _ => None,
        });
        let encap = self.attrs.iter().find_map(|a| match a {
            NextHopAttr::Encap(e) => Some(e),
            _ => None,
        })?;
        Some(encap.decode(kind.unwrap_or(EncapType::None)))
    }

    fn wire_len(&self) -> usize {
        RTNH_LEN + attrs_len(&self.attrs)
    }
}

/// A next hop read in place.
#[derive(Debug, Clone, Copy)]
pub struct NextHopRef<'a> {
    /// `rtnh_flags`.
    pub flags: NextHopFlags,
    /// `rtnh_hops`: the weight minus one.
    pub hops: u8,
    /// `rtnh_ifindex`.
    pub ifindex: i32,
    attrs: &'a [u8],
    base: usize,
}

impl<'a> NextHopRef<'a> {
    /// The weight (`rtnh_hops + 1`).
    pub fn weight(&self) -> u16 {
        u16::from(self.hops) + 1
    }

    /// The attributes, decoded lazily.
    pub fn attrs(&self) -> impl Iterator<Item = Result<NextHopAttrRef<'a>, DecodeError>> + 'a {
        netlink_packet_core::nla::NlaIter::with_base(self.attrs, self.base)
            .map(|nla| NextHopAttr::parse_ref(&nla?))
    }

    /// The gateway (`RTA_GATEWAY`) as IPv4 or IPv6.
    pub fn gateway(&self) -> Option<std::net::IpAddr> {
        self.attrs().find_map(|a| match a {
            Ok(NextHopAttrRef::Gateway(g)) => g.ip(),
            _ => None,
        })
    }

    /// Copies the next hop into its owned form.
    pub fn to_owned(&self) -> Result<NextHop, DecodeError> {
        Ok(NextHop {
            flags: self.flags,
            hops: self.hops,
            ifindex: self.ifindex,
            attrs: parse_attrs(self.attrs, self.base)?,
        })
    }
}

/// Walks the `struct rtnexthop` entries of `bytes` (at `base`).
#[derive(Debug, Clone)]
pub struct NextHopIter<'a> {
    bytes: &'a [u8],
    pos: usize,
    base: usize,
    done: bool,
}

impl<'a> Iterator for NextHopIter<'a> {
    type Item = Result<NextHopRef<'a>, DecodeError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let rest = self.bytes.get(self.pos..).unwrap_or(&[]);
        if rest.is_empty() {
            self.done = true;
            return None;
        }
        let offset = self.base + self.pos;
        let fail = |this: &mut Self, e| {
            this.done = true;
            Some(Err(e))
        };
        let Some(head) = rest.get(..RTNH_LEN) else {
            return fail(
                self,
                DecodeError::truncated(offset, "struct rtnexthop", RTNH_LEN, rest.len()),
            );
        };
        let len = usize::from(u16::from_ne_bytes([head[0], head[1]]));
        if len < RTNH_LEN {
            return fail(
                self,
                DecodeError::new(
                    offset,
                    DecodeReason::InvalidLength {
                        what: "struct rtnexthop",
                        length: len,
                    },
                ),
            );
        }
        let Some(attrs) = rest.get(RTNH_LEN..len) else {
            return fail(
                self,
                DecodeError::truncated(offset, "struct rtnexthop", len, rest.len()),
            );
        };
        self.pos = (self.pos + ((len + 3) & !3)).min(self.bytes.len());
        Some(Ok(NextHopRef {
            flags: NextHopFlags(head[2]),
            hops: head[3],
            ifindex: i32::from_ne_bytes([head[4], head[5], head[6], head[7]]),
            attrs,
            base: offset + RTNH_LEN,
        }))
    }
}

/// `RTA_MULTIPATH`: the next hops of a multipath route.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Multipath(pub Vec<NextHop>);

/// The zero-copy form of [`Multipath`].
#[derive(Debug, Clone, Copy)]
pub struct MultipathRef<'a> {
    bytes: &'a [u8],
    base: usize,
}

impl<'a> MultipathRef<'a> {
    /// The next hops, read lazily.
    pub fn iter(&self) -> NextHopIter<'a> {
        NextHopIter {
            bytes: self.bytes,
            pos: 0,
            base: self.base,
            done: false,
        }
    }

    /// The value's bytes.
    pub fn bytes(&self) -> &'a [u8] {
        self.bytes
    }
}

impl AttrValue for Multipath {
    type Ref<'a> = MultipathRef<'a>;

    fn parse_ref<'a>(nla: &Nla<'a>) -> Result<MultipathRef<'a>, DecodeError> {
        Ok(MultipathRef {
            bytes: nla.value(),
            base: nla.value_offset(),
        })
    }

    /// Decodes every next hop; anything that would not be emitted back
    /// byte for byte (odd lengths, missing padding) is an error, so that
    /// the attribute is then kept raw instead of altered.
    fn from_ref(value: &MultipathRef<'_>) -> Result<Self, DecodeError> {
        let hops = value
            .iter()
            .map(|hop| hop?.to_owned())
            .collect::<Result<Vec<_>, _>>()?;
        let owned = Multipath(hops);
        let mut again = vec![0; owned.value_len()];
        owned.emit_value(&mut again);
        if again != value.bytes {
            return Err(DecodeError::new(
                value.base,
                DecodeReason::Other("RTA_MULTIPATH would not be emitted back unchanged".into()),
            ));
        }
        Ok(owned)
    }

    fn value_len(&self) -> usize {
        self.0.iter().map(NextHop::wire_len).sum()
    }

    fn emit_value(&self, buf: &mut [u8]) {
        let mut pos = 0;
        for hop in &self.0 {
            let len = hop.wire_len();
            let slot = &mut buf[pos..pos + len];
            let wire_len = u16::try_from(len).unwrap_or(u16::MAX);
            slot[0..2].copy_from_slice(&wire_len.to_ne_bytes());
            slot[2] = hop.flags.0;
            slot[3] = hop.hops;
            slot[4..8].copy_from_slice(&hop.ifindex.to_ne_bytes());
            emit_attrs(&hop.attrs, &mut slot[RTNH_LEN..]);
            pos += len;
        }
    }

    /// Each next hop (`struct rtnexthop`): its fields, then its attributes.
    fn describe(&self) -> Described {
        Described::List(
            self.0
                .iter()
                .map(|hop| {
                    Described::Fields(vec![
                        ("flags", StructField::describe(&hop.flags)),
                        ("hops", Described::Unsigned(hop.hops.into())),
                        ("ifindex", Described::Signed(hop.ifindex.into())),
                        ("attributes", hop_attributes(&hop.attrs)),
                    ])
                })
                .collect(),
        )
    }
}

/// A next hop's attributes described, `RTA_ENCAP` with the hop's
/// `RTA_ENCAP_TYPE`.
fn hop_attributes(attrs: &[NextHopAttr]) -> Described {
    let kind = attrs.iter().find_map(|a| match a {
        NextHopAttr::EncapType(kind) => Some(*kind),
        _ => None,
    });
    Described::Attributes(
        attrs
            .iter()
            .map(|attr| {
                let mut described = attr.describe();
                if let (NextHopAttr::Encap(encap), Some(kind)) = (attr, kind) {
                    described.value = encap.describe_for(kind);
                }
                described
            })
            .collect(),
    )
}
