//! Link kind ipip, sit, ip6tnl: its `IFLA_INFO_DATA` attributes
//! (`IFLA_IPTUN_*`, linux/if_tunnel.h), and the tunnel encapsulation and
//! ip6 tunnel flag values that GRE shares.
//!
//! The three kinds share one set, but two attributes change shape with the
//! kind: the addresses are 4 bytes for ipip and sit and 16 for ip6tnl
//! ([`IpAddr`] by length), and `IFLA_IPTUN_FLAGS` is 16 bits for ipip and
//! sit and 32 bits (`IP6_TNL_F_*`) for ip6tnl ([`IpTunnelFlags`] by length).

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use netlink_packet_core::nla::{AttrValue, Be16, Be32, Described, Flag, Nla};
use netlink_packet_core::{attribute_set, flag_set, value_enum, DecodeError, DecodeReason};

attribute_set! {
    /// Attributes of ipip, sit, ip6tnl (`IFLA_IPTUN_*`, linux/if_tunnel.h).
    pub enum IpTunnelAttr, view IpTunnelAttrRef, prefix IFLA_IPTUN_ {
        /// Index of the underlying device the tunnel is bound to.
        1 LINK Link(u32),
        /// Local endpoint: IPv4 for ipip and sit, IPv6 for ip6tnl.
        2 LOCAL Local(IpAddr),
        /// Remote endpoint: IPv4 for ipip and sit, IPv6 for ip6tnl.
        3 REMOTE Remote(IpAddr),
        /// TTL (hop limit for ip6tnl); 0 inherits.
        4 TTL Ttl(u8),
        /// TOS; 1 inherits (ipip and sit).
        5 TOS Tos(u8),
        /// IPv6 encapsulation limit (ip6tnl).
        6 ENCAP_LIMIT EncapLimit(u8),
        /// IPv6 flow information: traffic class and flow label (ip6tnl),
        /// big-endian.
        7 FLOWINFO FlowInfo(Be32),
        /// Tunnel flags: 16 bits for ipip and sit, 32 bits for ip6tnl.
        8 FLAGS Flags(IpTunnelFlags),
        /// Inner protocol (`IPPROTO_*`): which payloads the tunnel carries
        /// (0 for any).
        9 PROTO Proto(u8),
        /// Path MTU discovery on (1) or off (0).
        10 PMTUDISC PmtuDisc(u8),
        /// 6rd prefix (sit).
        11 SIXRD_PREFIX = "IFLA_IPTUN_6RD_PREFIX" SixRdPrefix(Ipv6Addr),
        /// 6rd relay prefix (sit).
        12 SIXRD_RELAY_PREFIX = "IFLA_IPTUN_6RD_RELAY_PREFIX" SixRdRelayPrefix(Ipv4Addr),
        /// 6rd prefix length (sit).
        13 SIXRD_PREFIXLEN = "IFLA_IPTUN_6RD_PREFIXLEN" SixRdPrefixLen(u16),
        /// 6rd relay prefix length (sit).
        14 SIXRD_RELAY_PREFIXLEN = "IFLA_IPTUN_6RD_RELAY_PREFIXLEN" SixRdRelayPrefixLen(u16),
        /// UDP encapsulation (`TUNNEL_ENCAP_*`).
        15 ENCAP_TYPE EncapType(TunnelEncapType),
        /// UDP encapsulation flags (`TUNNEL_ENCAP_FLAG_*`).
        16 ENCAP_FLAGS EncapFlags(TunnelEncapFlags),
        /// UDP encapsulation source port, big-endian (0: chosen by flow).
        17 ENCAP_SPORT EncapSport(Be16),
        /// UDP encapsulation destination port, big-endian.
        18 ENCAP_DPORT EncapDport(Be16),
        /// Metadata-based (external) tunnel, configured per packet.
        19 COLLECT_METADATA CollectMetadata(Flag),
        /// Firewall mark of the encapsulated packets.
        20 FWMARK Fwmark(u32),
    }
}

value_enum! {
    /// UDP encapsulation of a tunnel (`enum tunnel_encap_types`,
    /// `TUNNEL_ENCAP_*`, linux/if_tunnel.h); names as `ip link ... encap`
    /// takes them.
    pub enum TunnelEncapType: u16 {
        0 => None "none",
        1 => Fou "fou",
        2 => Gue "gue",
        3 => Mpls "mpls",
    }
}

flag_set! {
    /// UDP encapsulation flags (`TUNNEL_ENCAP_FLAG_*`, linux/if_tunnel.h);
    /// names as `ip link` takes them.
    pub struct TunnelEncapFlags: u16 {
        0x1 => CSUM "encap-csum",
        0x2 => CSUM6 "encap-csum6",
        0x4 => REMCSUM "encap-remcsum",
    }
}

flag_set! {
    /// Flags of ipip and sit tunnels in `IFLA_IPTUN_FLAGS`. The kernel types
    /// the field `__be16`, but linux/if_tunnel.h defines `SIT_ISATAP` as
    /// the raw value `0x0001` of that field (no `__cpu_to_be16`), which is
    /// what a native-endian read of the two bytes gives; iproute2 writes
    /// and reads it the same way.
    pub struct SitFlags: u16 {
        0x0001 => ISATAP "isatap",
    }
}

flag_set! {
    /// ip6tnl and ip6gre flags (`IP6_TNL_F_*`, linux/ip6_tunnel.h).
    pub struct Ip6TunnelFlags: u32 {
        0x1 => IGN_ENCAP_LIMIT "ign_encap_limit",
        0x2 => USE_ORIG_TCLASS "use_orig_tclass",
        0x4 => USE_ORIG_FLOWLABEL "use_orig_flowlabel",
        0x8 => MIP6_DEV "mip6_dev",
        0x10 => RCV_DSCP_COPY "rcv_dscp_copy",
        0x20 => USE_ORIG_FWMARK "use_orig_fwmark",
        0x40 => ALLOW_LOCAL_REMOTE "allow_local_remote",
    }
}

/// The value of `IFLA_IPTUN_FLAGS`, whose width depends on the kind: told
/// apart by length, like an address.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IpTunnelFlags {
    /// ipip and sit: 2 bytes.
    Sit(SitFlags),
    /// ip6tnl: 4 bytes.
    Ip6(Ip6TunnelFlags),
}

impl AttrValue for IpTunnelFlags {
    type Ref<'a> = IpTunnelFlags;

    fn parse_ref<'a>(nla: &Nla<'a>) -> Result<IpTunnelFlags, DecodeError> {
        match nla.value().len() {
            2 => SitFlags::parse_ref(nla).map(IpTunnelFlags::Sit),
            4 => Ip6TunnelFlags::parse_ref(nla).map(IpTunnelFlags::Ip6),
            found => Err(DecodeError::new(
                nla.offset(),
                DecodeReason::WrongSize {
                    what: "tunnel flags",
                    expected: "2 or 4",
                    found,
                },
            )),
        }
    }

    fn from_ref(value: &IpTunnelFlags) -> Result<IpTunnelFlags, DecodeError> {
        Ok(*value)
    }

    fn value_len(&self) -> usize {
        match self {
            IpTunnelFlags::Sit(_) => 2,
            IpTunnelFlags::Ip6(_) => 4,
        }
    }

    fn emit_value(&self, buf: &mut [u8]) {
        match self {
            IpTunnelFlags::Sit(flags) => flags.emit_value(buf),
            IpTunnelFlags::Ip6(flags) => flags.emit_value(buf),
        }
    }

    fn describe(&self) -> Described {
        match self {
            IpTunnelFlags::Sit(flags) => flags.describe(),
            IpTunnelFlags::Ip6(flags) => flags.describe(),
        }
    }
}
