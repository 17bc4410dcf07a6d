//! IPv6 segment routing and in-situ OAM encapsulations:
//! linux/seg6_iptunnel.h (`SEG6_IPTUNNEL_*`), linux/seg6_local.h
//! (`SEG6_LOCAL_*`), linux/rpl_iptunnel.h (`RPL_IPTUNNEL_*`) and
//! linux/ioam6_iptunnel.h (`IOAM6_IPTUNNEL_*`).

use std::net::{Ipv4Addr, Ipv6Addr};

use netlink_packet_core::nla::{Be16, Be32, Nested, ShortString};
use netlink_packet_core::{attribute_set, fixed_struct, value_enum};

value_enum! {
    /// `seg6_iptunnel_encap.mode` (`SEG6_IPTUN_MODE_*`,
    /// linux/seg6_iptunnel.h).
    pub enum Seg6Mode: i32 {
        /// `SEG6_IPTUN_MODE_INLINE`.
        0 => Inline "inline",
        /// `SEG6_IPTUN_MODE_ENCAP`.
        1 => Encap "encap",
        /// `SEG6_IPTUN_MODE_L2ENCAP`.
        2 => L2Encap "l2encap",
        /// `SEG6_IPTUN_MODE_ENCAP_RED`.
        3 => EncapRed "encap.red",
        /// `SEG6_IPTUN_MODE_L2ENCAP_RED`.
        4 => L2EncapRed "l2encap.red",
    }
}

/// `IPV6_SRCRT_TYPE_4` (linux/ipv6.h): the segment routing header type.
pub const IPV6_SRCRT_TYPE_4: u8 = 4;

fixed_struct! {
    /// `struct seg6_iptunnel_encap` (linux/seg6_iptunnel.h) with its
    /// `struct ipv6_sr_hdr` (linux/seg6.h) laid out flat; the segments and
    /// TLVs that follow are in `extra` (see [`Seg6IpTunnelEncap::segments`]).
    pub struct Seg6IpTunnelEncap {
        /// `mode`.
        pub mode: Seg6Mode,
        /// `srh.nexthdr`.
        pub nexthdr: u8,
        /// `srh.hdrlen`: header length in 8-byte units, first 8 excluded.
        pub hdrlen: u8,
        /// `srh.type`.
        pub kind: u8,
        /// `srh.segments_left`.
        pub segments_left: u8,
        /// `srh.first_segment`: index of the last entry.
        pub first_segment: u8,
        /// `srh.flags` (`SR6_FLAG1_*`).
        pub flags: u8,
        /// `srh.tag`.
        pub tag: u16,
    }
}

fixed_struct! {
    /// `struct ipv6_sr_hdr` (linux/seg6.h); the segments and TLVs that
    /// follow are in `extra` (see [`Ipv6SrHdr::segments`]).
    pub struct Ipv6SrHdr {
        /// `nexthdr`.
        pub nexthdr: u8,
        /// `hdrlen`: header length in 8-byte units, first 8 excluded.
        pub hdrlen: u8,
        /// `type`.
        pub kind: u8,
        /// `segments_left`.
        pub segments_left: u8,
        /// `first_segment`: index of the last entry.
        pub first_segment: u8,
        /// `flags` (`SR6_FLAG1_*`).
        pub flags: u8,
        /// `tag`.
        pub tag: u16,
    }
}

/// The `in6_addr` segments at the start of `bytes`, at most `count`.
fn segments_of(bytes: &[u8], count: usize) -> impl Iterator<Item = Ipv6Addr> + '_ {
    bytes.chunks_exact(16).take(count).map(|c| {
        let mut b = [0u8; 16];
        b.copy_from_slice(c);
        Ipv6Addr::from(b)
    })
}

/// Segment list bytes and header fields for `segments` (the path in
/// travel order; the header lists it last hop first).
fn srh_parts(segments: &[Ipv6Addr]) -> (u8, u8, Vec<u8>) {
    let n = segments.len();
    let last = u8::try_from(n.saturating_sub(1)).unwrap_or(u8::MAX);
    let hdrlen = u8::try_from(n * 2).unwrap_or(u8::MAX);
    let bytes = segments.iter().rev().flat_map(|s| s.octets()).collect();
    (hdrlen, last, bytes)
}

impl Seg6IpTunnelEncap {
    /// An encapsulation through `segments` (in travel order), header type
    /// 4, no TLVs.
    pub fn new(mode: Seg6Mode, segments: &[Ipv6Addr]) -> Self {
        let (hdrlen, last, extra) = srh_parts(segments);
        Seg6IpTunnelEncap {
            mode,
            hdrlen,
            kind: IPV6_SRCRT_TYPE_4,
            segments_left: last,
            first_segment: last,
            extra: extra.into(),
            ..Default::default()
        }
    }

    /// The segment list as the header stores it (last hop first).
    pub fn segments(&self) -> impl Iterator<Item = Ipv6Addr> + '_ {
        segments_of(&self.extra, usize::from(self.first_segment) + 1)
    }
}

impl Ipv6SrHdr {
    /// A header through `segments` (in travel order), type 4, no TLVs.
    pub fn new(segments: &[Ipv6Addr]) -> Self {
        let (hdrlen, last, extra) = srh_parts(segments);
        Ipv6SrHdr {
            hdrlen,
            kind: IPV6_SRCRT_TYPE_4,
            segments_left: last,
            first_segment: last,
            extra: extra.into(),
            ..Default::default()
        }
    }

    /// The segment list as the header stores it (last hop first).
    pub fn segments(&self) -> impl Iterator<Item = Ipv6Addr> + '_ {
        segments_of(&self.extra, usize::from(self.first_segment) + 1)
    }
}

attribute_set! {
    /// Segment routing encapsulation (`LWTUNNEL_ENCAP_SEG6`):
    /// `SEG6_IPTUNNEL_*` (linux/seg6_iptunnel.h).
    pub enum Seg6IpTunnelAttr, view Seg6IpTunnelAttrRef, prefix SEG6_IPTUNNEL_ {
        /// Mode and segment routing header.
        1 SRH Srh(Seg6IpTunnelEncap),
    }
}

value_enum! {
    /// `SEG6_LOCAL_ACTION`: what a local segment does
    /// (`SEG6_LOCAL_ACTION_*`, linux/seg6_local.h).
    pub enum Seg6LocalAction: u32 {
        /// `SEG6_LOCAL_ACTION_UNSPEC`.
        0 => Unspec "unspec",
        /// `SEG6_LOCAL_ACTION_END`: node segment.
        1 => End "End",
        /// `SEG6_LOCAL_ACTION_END_X`: adjacency segment.
        2 => EndX "End.X",
        /// `SEG6_LOCAL_ACTION_END_T`: lookup of the next segment in a table.
        3 => EndT "End.T",
        /// `SEG6_LOCAL_ACTION_END_DX2`: decap and L2 cross-connect.
        4 => EndDx2 "End.DX2",
        /// `SEG6_LOCAL_ACTION_END_DX6`: decap and IPv6 cross-connect.
        5 => EndDx6 "End.DX6",
        /// `SEG6_LOCAL_ACTION_END_DX4`: decap and IPv4 cross-connect.
        6 => EndDx4 "End.DX4",
        /// `SEG6_LOCAL_ACTION_END_DT6`: decap and IPv6 table lookup.
        7 => EndDt6 "End.DT6",
        /// `SEG6_LOCAL_ACTION_END_DT4`: decap and IPv4 table lookup.
        8 => EndDt4 "End.DT4",
        /// `SEG6_LOCAL_ACTION_END_B6`: binding segment with insertion.
        9 => EndB6 "End.B6",
        /// `SEG6_LOCAL_ACTION_END_B6_ENCAP`: binding segment with encap.
        10 => EndB6Encap "End.B6.Encaps",
        /// `SEG6_LOCAL_ACTION_END_BM`: binding segment with MPLS encap.
        11 => EndBm "End.BM",
        /// `SEG6_LOCAL_ACTION_END_S`: lookup of the last segment.
        12 => EndS "End.S",
        /// `SEG6_LOCAL_ACTION_END_AS`: static proxy.
        13 => EndAs "End.AS",
        /// `SEG6_LOCAL_ACTION_END_AM`: masquerading proxy.
        14 => EndAm "End.AM",
        /// `SEG6_LOCAL_ACTION_END_BPF`: custom BPF action.
        15 => EndBpf "End.BPF",
        /// `SEG6_LOCAL_ACTION_END_DT46`: decap and IPv4 or IPv6 lookup.
        16 => EndDt46 "End.DT46",
    }
}

attribute_set! {
    /// The BPF program of `SEG6_LOCAL_ACTION_END_BPF`
    /// (`SEG6_LOCAL_BPF_PROG_*`, linux/seg6_local.h).
    pub enum Seg6LocalBpfAttr, view Seg6LocalBpfAttrRef, prefix SEG6_LOCAL_BPF_PROG_ {
        /// Program file descriptor (requests) or id.
        1 PROG = "SEG6_LOCAL_BPF_PROG" Prog(u32),
        /// Program name.
        2 NAME Name(ShortString),
    }
}

attribute_set! {
    /// Per route counters (`SEG6_LOCAL_CNT_*`, linux/seg6_local.h).
    pub enum Seg6LocalCounterAttr, view Seg6LocalCounterAttrRef, prefix SEG6_LOCAL_CNT_ {
        /// Alignment padding.
        1 PAD Pad(Vec<u8>),
        /// Packets.
        2 PACKETS Packets(u64),
        /// Bytes.
        3 BYTES Bytes(u64),
        /// Errors.
        4 ERRORS Errors(u64),
    }
}

value_enum! {
    /// Flavor operations (`SEG6_LOCAL_FLV_OP_*`, linux/seg6_local.h): bit
    /// numbers of `SEG6_LOCAL_FLV_OPERATION`.
    pub enum Seg6LocalFlavorOp: u32 {
        /// `SEG6_LOCAL_FLV_OP_UNSPEC`.
        0 => Unspec "unspec",
        /// `SEG6_LOCAL_FLV_OP_PSP`.
        1 => Psp "psp",
        /// `SEG6_LOCAL_FLV_OP_USP`.
        2 => Usp "usp",
        /// `SEG6_LOCAL_FLV_OP_USD`.
        3 => Usd "usd",
        /// `SEG6_LOCAL_FLV_OP_NEXT_CSID`.
        4 => NextCsid "next-csid",
    }
}

attribute_set! {
    /// Behavior flavors (`SEG6_LOCAL_FLV_*`, linux/seg6_local.h).
    pub enum Seg6LocalFlavorAttr, view Seg6LocalFlavorAttrRef, prefix SEG6_LOCAL_FLV_ {
        /// Operations, one bit `1 << SEG6_LOCAL_FLV_OP_*` each.
        1 OPERATION Operation(u32),
        /// Locator block length in bits.
        2 LCBLOCK_BITS LcBlockBits(u8),
        /// Locator node function length in bits.
        3 LCNODE_FN_BITS LcNodeFnBits(u8),
    }
}

attribute_set! {
    /// Local segment behavior (`LWTUNNEL_ENCAP_SEG6_LOCAL`): `SEG6_LOCAL_*`
    /// (linux/seg6_local.h).
    pub enum Seg6LocalAttr, view Seg6LocalAttrRef, prefix SEG6_LOCAL_ {
        /// The action.
        1 ACTION Action(Seg6LocalAction),
        /// Segment routing header to insert or push.
        2 SRH Srh(Ipv6SrHdr),
        /// Table.
        3 TABLE Table(u32),
        /// IPv4 next hop.
        4 NH4 Nh4(Ipv4Addr),
        /// IPv6 next hop.
        5 NH6 Nh6(Ipv6Addr),
        /// Input interface.
        6 IIF Iif(u32),
        /// Output interface.
        7 OIF Oif(u32),
        /// BPF program.
        8 BPF Bpf(Nested<Seg6LocalBpfAttr>),
        /// VRF table.
        9 VRFTABLE VrfTable(u32),
        /// Counters.
        10 COUNTERS Counters(Nested<Seg6LocalCounterAttr>),
        /// Flavors.
        11 FLAVORS Flavors(Nested<Seg6LocalFlavorAttr>),
    }
}

attribute_set! {
    /// RPL source routing encapsulation (`LWTUNNEL_ENCAP_RPL`):
    /// `RPL_IPTUNNEL_*` (linux/rpl_iptunnel.h).
    pub enum RplIpTunnelAttr, view RplIpTunnelAttrRef, prefix RPL_IPTUNNEL_ {
        /// The RPL source routing header (`struct ipv6_rpl_sr_hdr`,
        /// linux/rpl.h), as bytes.
        1 SRH Srh(Vec<u8>),
    }
}

value_enum! {
    /// `IOAM6_IPTUNNEL_MODE` (`IOAM6_IPTUNNEL_MODE_*`,
    /// linux/ioam6_iptunnel.h).
    pub enum Ioam6Mode: u8 {
        /// `IOAM6_IPTUNNEL_MODE_INLINE`.
        1 => Inline "inline",
        /// `IOAM6_IPTUNNEL_MODE_ENCAP`.
        2 => Encap "encap",
        /// `IOAM6_IPTUNNEL_MODE_AUTO`.
        3 => Auto "auto",
    }
}

fixed_struct! {
    /// `struct ioam6_trace_hdr` (linux/ioam6.h); the trace data that
    /// follows is in `extra`.
    pub struct Ioam6TraceHdr {
        /// `namespace_id`.
        pub namespace_id: Be16,
        /// The byte of `overflow` and `nodelen` (see the accessors).
        pub nodelen_byte: u8,
        /// The byte of `remlen` (see [`Ioam6TraceHdr::remlen`]).
        pub remlen_byte: u8,
        /// `type_be32`: the trace type bits, bit 0 the most significant.
        pub trace_type: Be32,
    }
}

impl Ioam6TraceHdr {
    /// `nodelen`: data length per node in 4-byte units.
    pub fn nodelen(&self) -> u8 {
        self.nodelen_byte >> 3
    }

    /// `overflow`.
    pub fn overflow(&self) -> bool {
        self.nodelen_byte & 0x4 != 0
    }

    /// `remlen`: remaining room in 4-byte units.
    pub fn remlen(&self) -> u8 {
        self.remlen_byte & 0x7f
    }

    /// A header with these values (nodelen and remlen masked to their
    /// widths).
    pub fn new(namespace_id: u16, trace_type: u32, nodelen: u8, remlen: u8) -> Self {
        Ioam6TraceHdr {
            namespace_id: Be16(namespace_id),
            nodelen_byte: (nodelen & 0x1f) << 3,
            remlen_byte: remlen & 0x7f,
            trace_type: Be32(trace_type),
            extra: Default::default(),
        }
    }
}

attribute_set! {
    /// In-situ OAM encapsulation (`LWTUNNEL_ENCAP_IOAM6`):
    /// `IOAM6_IPTUNNEL_*` (linux/ioam6_iptunnel.h).
    pub enum Ioam6IpTunnelAttr, view Ioam6IpTunnelAttrRef, prefix IOAM6_IPTUNNEL_ {
        /// Mode.
        1 MODE Mode(Ioam6Mode),
        /// Tunnel destination (encap and auto modes).
        2 DST Dst(Ipv6Addr),
        /// The trace header.
        3 TRACE Trace(Ioam6TraceHdr),
        /// Insertion frequency numerator.
        4 FREQ_K FreqK(u32),
        /// Insertion frequency denominator.
        5 FREQ_N FreqN(u32),
    }
}
