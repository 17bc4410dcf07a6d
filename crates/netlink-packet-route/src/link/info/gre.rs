//! Link kind gre, gretap, erspan, ip6gre, ip6gretap, ip6erspan: its
//! `IFLA_INFO_DATA` attributes (`IFLA_GRE_*`, linux/if_tunnel.h).
//!
//! The IPv4 kinds carry 4-byte addresses and the IPv6 kinds 16-byte ones
//! ([`IpAddr`] by length); `IFLA_GRE_ENCAP_LIMIT`, `IFLA_GRE_FLOWINFO` and
//! `IFLA_GRE_FLAGS` are sent by the IPv6 kinds only.

use std::net::IpAddr;

use netlink_packet_core::nla::{AttrValue, Be16, Be32, Described, Flag, Nla};
use netlink_packet_core::{attribute_set, flag_set, DecodeError};

use super::iptunnel::{Ip6TunnelFlags, TunnelEncapFlags, TunnelEncapType};

attribute_set! {
    /// Attributes of gre, gretap, erspan, ip6gre, ip6gretap, ip6erspan (`IFLA_GRE_*`, linux/if_tunnel.h).
    pub enum GreAttr, view GreAttrRef, prefix IFLA_GRE_ {
        /// Index of the underlying device the tunnel is bound to.
        1 LINK Link(u32),
        /// Flags of received GRE headers (`GRE_*`), big-endian.
        2 IFLAGS IFlags(GreFlagsBe),
        /// Flags of sent GRE headers (`GRE_*`), big-endian.
        3 OFLAGS OFlags(GreFlagsBe),
        /// Key expected on received packets, big-endian.
        4 IKEY IKey(Be32),
        /// Key put on sent packets, big-endian.
        5 OKEY OKey(Be32),
        /// Local endpoint: 4 bytes for the IPv4 kinds, 16 for the IPv6 ones.
        6 LOCAL Local(IpAddr),
        /// Remote endpoint: 4 bytes for the IPv4 kinds, 16 for the IPv6 ones.
        7 REMOTE Remote(IpAddr),
        /// TTL (hop limit for the IPv6 kinds); 0 inherits.
        8 TTL Ttl(u8),
        /// TOS (IPv4 kinds); 1 inherits.
        9 TOS Tos(u8),
        /// Path MTU discovery on (1) or off (0).
        10 PMTUDISC PmtuDisc(u8),
        /// IPv6 encapsulation limit (IPv6 kinds).
        11 ENCAP_LIMIT EncapLimit(u8),
        /// IPv6 flow information: traffic class and flow label (IPv6 kinds),
        /// big-endian.
        12 FLOWINFO FlowInfo(Be32),
        /// ip6 tunnel flags (`IP6_TNL_F_*`, IPv6 kinds).
        13 FLAGS Flags(Ip6TunnelFlags),
        /// UDP encapsulation (`TUNNEL_ENCAP_*`).
        14 ENCAP_TYPE EncapType(TunnelEncapType),
        /// UDP encapsulation flags (`TUNNEL_ENCAP_FLAG_*`).
        15 ENCAP_FLAGS EncapFlags(TunnelEncapFlags),
        /// UDP encapsulation source port, big-endian (0: chosen by flow).
        16 ENCAP_SPORT EncapSport(Be16),
        /// UDP encapsulation destination port, big-endian.
        17 ENCAP_DPORT EncapDport(Be16),
        /// Metadata-based (external) tunnel, configured per packet.
        18 COLLECT_METADATA CollectMetadata(Flag),
        /// Ignore the DF bit of inner packets (1) or not (0).
        19 IGNORE_DF IgnoreDf(u8),
        /// Firewall mark of the encapsulated packets.
        20 FWMARK Fwmark(u32),
        /// ERSPAN version 1 session index.
        21 ERSPAN_INDEX ErspanIndex(u32),
        /// ERSPAN version (1 or 2; 0 for none).
        22 ERSPAN_VER ErspanVer(u8),
        /// ERSPAN version 2 direction: 0 ingress, 1 egress.
        23 ERSPAN_DIR ErspanDir(u8),
        /// ERSPAN version 2 hardware id.
        24 ERSPAN_HWID ErspanHwid(u16),
    }
}

flag_set! {
    /// GRE header flags (`GRE_*`, linux/if_tunnel.h) as host-order bits:
    /// the header defines them with `__cpu_to_be16`, so `GRE_KEY` is
    /// `0x2000` here and `20 00` on the wire. `REC`, `FLAGS` and `VERSION`
    /// are multi-bit fields, named only when all their bits are set.
    pub struct GreFlags: u16 {
        0x8000 => CSUM "csum",
        0x4000 => ROUTING "routing",
        0x2000 => KEY "key",
        0x1000 => SEQ "seq",
        0x0800 => STRICT "strict",
        0x0700 => REC "rec",
        0x0080 => ACK "ack",
        0x0078 => FLAGS "flags",
        0x0007 => VERSION "version",
    }
}

/// The value of `IFLA_GRE_IFLAGS` and `IFLA_GRE_OFLAGS`: [`GreFlags`]
/// carried as a `__be16`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct GreFlagsBe(pub GreFlags);

impl From<GreFlags> for GreFlagsBe {
    fn from(flags: GreFlags) -> Self {
        GreFlagsBe(flags)
    }
}

impl From<GreFlagsBe> for GreFlags {
    fn from(flags: GreFlagsBe) -> Self {
        flags.0
    }
}

impl AttrValue for GreFlagsBe {
    type Ref<'a> = GreFlagsBe;

    fn parse_ref<'a>(nla: &Nla<'a>) -> Result<GreFlagsBe, DecodeError> {
        Be16::parse_ref(nla).map(|v| GreFlagsBe(GreFlags::from_bits(v.0)))
    }

    fn from_ref(value: &GreFlagsBe) -> Result<GreFlagsBe, DecodeError> {
        Ok(*value)
    }

    fn value_len(&self) -> usize {
        2
    }

    fn emit_value(&self, buf: &mut [u8]) {
        Be16(self.0.bits()).emit_value(buf)
    }

    fn describe(&self) -> Described {
        self.0.describe()
    }
}
