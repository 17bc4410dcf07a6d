//! Encapsulations declared in linux/lwtunnel.h (`LWTUNNEL_IP_*`,
//! `LWTUNNEL_IP6_*`, `LWT_BPF_*`, `LWT_XFRM_*`), linux/mpls_iptunnel.h
//! (`MPLS_IPTUNNEL_*`) and linux/ila.h (`ILA_ATTR_*`).

use std::net::{Ipv4Addr, Ipv6Addr};

use netlink_packet_core::attribute_set;
use netlink_packet_core::nla::{AttrValue, Be16, Be32, Be64, Described, Nested, Nla, ShortString};
use netlink_packet_core::DecodeError;

use crate::route::address::{labels_bytes, labels_of, MplsLabel};

/// An MPLS label stack carried as an attribute value: big-endian 32-bit
/// label entries (`struct mpls_label`, linux/mpls.h).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct MplsLabels(pub Vec<MplsLabel>);

/// The zero-copy form of [`MplsLabels`]: the entries' bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MplsLabelsRef<'a>(pub &'a [u8]);

impl<'a> MplsLabelsRef<'a> {
    /// The label stack entries, top first.
    pub fn iter(&self) -> impl Iterator<Item = MplsLabel> + 'a {
        self.0
            .chunks_exact(4)
            .map(|c| MplsLabel::from_entry(u32::from_be_bytes([c[0], c[1], c[2], c[3]])))
    }
}

impl AttrValue for MplsLabels {
    type Ref<'a> = MplsLabelsRef<'a>;
    fn parse_ref<'a>(nla: &Nla<'a>) -> Result<MplsLabelsRef<'a>, DecodeError> {
        match labels_of(nla.value()) {
            Some(_) => Ok(MplsLabelsRef(nla.value())),
            None => Err(DecodeError::new(
                nla.offset(),
                netlink_packet_core::DecodeReason::InvalidLength {
                    what: "MPLS label stack",
                    length: nla.value().len(),
                },
            )),
        }
    }
    fn from_ref(value: &MplsLabelsRef<'_>) -> Result<Self, DecodeError> {
        Ok(MplsLabels(value.iter().collect()))
    }
    fn value_len(&self) -> usize {
        self.0.len() * 4
    }
    fn emit_value(&self, buf: &mut [u8]) {
        buf.copy_from_slice(&labels_bytes(&self.0))
    }
    fn describe(&self) -> Described {
        Described::List(
            self.0
                .iter()
                .map(|l| Described::Unsigned(l.label.into()))
                .collect(),
        )
    }
}

attribute_set! {
    /// MPLS encapsulation (`LWTUNNEL_ENCAP_MPLS`): `MPLS_IPTUNNEL_*`
    /// (linux/mpls_iptunnel.h).
    pub enum MplsIpTunnelAttr, view MplsIpTunnelAttrRef, prefix MPLS_IPTUNNEL_ {
        /// The label stack to push.
        1 DST Dst(MplsLabels),
        /// TTL of the pushed labels.
        2 TTL Ttl(u8),
    }
}

attribute_set! {
    /// Geneve options (`LWTUNNEL_IP_OPT_GENEVE_*`, linux/lwtunnel.h).
    pub enum GeneveOptAttr, view GeneveOptAttrRef, prefix LWTUNNEL_IP_OPT_GENEVE_ {
        /// Option class.
        1 CLASS Class(Be16),
        /// Option type.
        2 TYPE Type(u8),
        /// Option data.
        3 DATA Data(Vec<u8>),
    }
}

attribute_set! {
    /// VXLAN options (`LWTUNNEL_IP_OPT_VXLAN_*`, linux/lwtunnel.h).
    pub enum VxlanOptAttr, view VxlanOptAttrRef, prefix LWTUNNEL_IP_OPT_VXLAN_ {
        /// Group based policy.
        1 GBP Gbp(u32),
    }
}

attribute_set! {
    /// ERSPAN options (`LWTUNNEL_IP_OPT_ERSPAN_*`, linux/lwtunnel.h).
    pub enum ErspanOptAttr, view ErspanOptAttrRef, prefix LWTUNNEL_IP_OPT_ERSPAN_ {
        /// Version.
        1 VER Ver(u8),
        /// Index (version 1).
        2 INDEX Index(Be32),
        /// Direction (version 2).
        3 DIR Dir(u8),
        /// Hardware id (version 2).
        4 HWID HwId(u8),
    }
}

attribute_set! {
    /// Tunnel options (`LWTUNNEL_IP_OPTS_*`, linux/lwtunnel.h).
    pub enum IpTunnelOptsAttr, view IpTunnelOptsAttrRef, prefix LWTUNNEL_IP_OPTS_ {
        /// Geneve options.
        1 GENEVE Geneve(Nested<GeneveOptAttr>),
        /// VXLAN options.
        2 VXLAN Vxlan(Nested<VxlanOptAttr>),
        /// ERSPAN options.
        3 ERSPAN Erspan(Nested<ErspanOptAttr>),
    }
}

attribute_set! {
    /// IPv4 tunnel metadata (`LWTUNNEL_ENCAP_IP`): `LWTUNNEL_IP_*`
    /// (linux/lwtunnel.h).
    pub enum IpEncapAttr, view IpEncapAttrRef, prefix LWTUNNEL_IP_ {
        /// Tunnel id.
        1 ID Id(Be64),
        /// Remote address.
        2 DST Dst(Ipv4Addr),
        /// Local address.
        3 SRC Src(Ipv4Addr),
        /// TTL.
        4 TTL Ttl(u8),
        /// TOS.
        5 TOS Tos(u8),
        /// Tunnel flags (`TUNNEL_*` as 16 bits).
        6 FLAGS Flags(Be16),
        /// Alignment padding.
        7 PAD Pad(Vec<u8>),
        /// Tunnel options.
        8 OPTS Opts(Nested<IpTunnelOptsAttr>),
    }
}

attribute_set! {
    /// IPv6 tunnel metadata (`LWTUNNEL_ENCAP_IP6`): `LWTUNNEL_IP6_*`
    /// (linux/lwtunnel.h).
    pub enum Ip6EncapAttr, view Ip6EncapAttrRef, prefix LWTUNNEL_IP6_ {
        /// Tunnel id.
        1 ID Id(Be64),
        /// Remote address.
        2 DST Dst(Ipv6Addr),
        /// Local address.
        3 SRC Src(Ipv6Addr),
        /// Hop limit.
        4 HOPLIMIT HopLimit(u8),
        /// Traffic class.
        5 TC Tc(u8),
        /// Tunnel flags (`TUNNEL_*` as 16 bits).
        6 FLAGS Flags(Be16),
        /// Alignment padding.
        7 PAD Pad(Vec<u8>),
        /// Tunnel options.
        8 OPTS Opts(Nested<IpTunnelOptsAttr>),
    }
}

attribute_set! {
    /// A BPF program of a BPF encapsulation (`LWT_BPF_PROG_*`,
    /// linux/lwtunnel.h).
    pub enum LwtBpfProgAttr, view LwtBpfProgAttrRef, prefix LWT_BPF_PROG_ {
        /// Program file descriptor (requests).
        1 FD Fd(u32),
        /// Program name.
        2 NAME Name(ShortString),
    }
}

attribute_set! {
    /// BPF encapsulation (`LWTUNNEL_ENCAP_BPF`): `LWT_BPF_*`
    /// (linux/lwtunnel.h).
    pub enum LwtBpfAttr, view LwtBpfAttrRef, prefix LWT_BPF_ {
        /// Program run on input.
        1 IN In(Nested<LwtBpfProgAttr>),
        /// Program run on output.
        2 OUT Out(Nested<LwtBpfProgAttr>),
        /// Program run on transmit.
        3 XMIT Xmit(Nested<LwtBpfProgAttr>),
        /// Headroom reserved for the transmit program.
        4 XMIT_HEADROOM XmitHeadroom(u32),
    }
}

attribute_set! {
    /// XFRM encapsulation (`LWTUNNEL_ENCAP_XFRM`): `LWT_XFRM_*`
    /// (linux/lwtunnel.h).
    pub enum LwtXfrmAttr, view LwtXfrmAttrRef, prefix LWT_XFRM_ {
        /// XFRM interface id.
        1 IF_ID IfId(u32),
        /// Link index.
        2 LINK Link(u32),
    }
}

attribute_set! {
    /// ILA encapsulation (`LWTUNNEL_ENCAP_ILA`): `ILA_ATTR_*`
    /// (linux/ila.h).
    pub enum IlaAttr, view IlaAttrRef, prefix ILA_ATTR_ {
        /// Locator.
        1 LOCATOR Locator(u64),
        /// Identifier.
        2 IDENTIFIER Identifier(u64),
        /// Locator to match.
        3 LOCATOR_MATCH LocatorMatch(u64),
        /// Interface index.
        4 IFINDEX IfIndex(i32),
        /// Direction.
        5 DIR Dir(u32),
        /// Alignment padding.
        6 PAD Pad(Vec<u8>),
        /// Checksum mode.
        7 CSUM_MODE CsumMode(u8),
        /// Identifier type.
        8 IDENT_TYPE IdentType(u8),
        /// Hook type.
        9 HOOK_TYPE HookType(u8),
    }
}
