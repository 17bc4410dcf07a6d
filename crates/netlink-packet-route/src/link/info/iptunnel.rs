//! Link kind ipip, sit, ip6tnl: its `IFLA_INFO_DATA` attributes
//! (`IFLA_IPTUN_*`, linux/if_tunnel.h), and the tunnel encapsulation and
//! ip6 tunnel flag values that GRE shares.
//!
//! The three kinds share one set, but two attributes change shape with the
//! kind: the addresses are 4 bytes for ipip and sit and 16 for ip6tnl
//! ([`IpAddr`] by length), and `IFLA_IPTUN_FLAGS` is 16 bits for ipip and
//! sit and 32 bits (`IP6_TNL_F_*`) for ip6tnl ([`IpTunnelFlags`] by length).

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use netlink_packet_core::nla::{AttrValue, Attribute, Be16, Be32, Flag, Nla, RawAttr};
use netlink_packet_core::{flag_set, value_enum, DecodeError, DecodeReason};

/// What `attribute_set!` generates, with each kernel constant's name given
/// in full: four `IFLA_IPTUN_*` names start with a digit after the prefix
/// (`IFLA_IPTUN_6RD_PREFIX`), which the core macro cannot form from an
/// identifier. The Rust constants spell the digit out (`SIXRD_PREFIX`).
macro_rules! tunnel_set {
    (
        $(#[$meta:meta])*
        $vis:vis enum $Name:ident, view $Ref:ident {
            $(
                $(#[$vmeta:meta])*
                $num:literal $konst:ident $cname:literal $Variant:ident($ty:ty)
            ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq)]
        $vis enum $Name {
            $( $(#[$vmeta])* $Variant($ty), )*
            /// An attribute this declaration does not know, or one whose value
            /// did not decode, kept byte for byte.
            Unknown(RawAttr),
        }

        #[doc = concat!("Zero-copy form of [`", stringify!($Name), "`], borrowing the receive buffer.")]
        #[derive(Debug, Clone)]
        $vis enum $Ref<'a> {
            $( $(#[$vmeta])* $Variant(<$ty as AttrValue>::Ref<'a>), )*
            /// An attribute this declaration does not know.
            Unknown(Nla<'a>),
        }

        impl $Name {
            $(
                #[doc = concat!("`", $cname, "` (", stringify!($num), ").")]
                pub const $konst: u16 = $num;
            )*
        }

        impl<'a> $Ref<'a> {
            /// The attribute number.
            pub fn kind(&self) -> u16 {
                match self {
                    $( Self::$Variant(_) => $num, )*
                    Self::Unknown(nla) => nla.kind(),
                }
            }

            /// The kernel constant's name, `None` for an unknown attribute.
            pub fn name(&self) -> Option<&'static str> {
                <$Name as Attribute>::name_of(self.kind())
            }

            /// Copies this attribute into its owned form.
            pub fn to_owned(&self) -> Result<$Name, DecodeError> {
                match self {
                    $(
                        Self::$Variant(v) => <$ty as AttrValue>::from_ref(v)
                            .map($Name::$Variant)
                            .map_err(|e| e.in_attribute($cname)),
                    )*
                    Self::Unknown(nla) => Ok($Name::Unknown(RawAttr::from(nla))),
                }
            }
        }

        impl Attribute for $Name {
            type Ref<'a> = $Ref<'a>;

            const SET_NAME: &'static str = stringify!($Name);

            fn name_of(kind: u16) -> Option<&'static str> {
                match kind {
                    $( $num => Some($cname), )*
                    _ => None,
                }
            }

            fn kind(&self) -> u16 {
                match self {
                    $( Self::$Variant(_) => $num, )*
                    Self::Unknown(raw) => raw.kind(),
                }
            }

            fn header_flags(&self) -> u16 {
                match self {
                    $( Self::$Variant(v) => AttrValue::header_flags(v), )*
                    Self::Unknown(raw) => raw.flags(),
                }
            }

            fn value_len(&self) -> usize {
                match self {
                    $( Self::$Variant(v) => AttrValue::value_len(v), )*
                    Self::Unknown(raw) => raw.value.len(),
                }
            }

            fn emit_value(&self, buf: &mut [u8]) {
                match self {
                    $( Self::$Variant(v) => AttrValue::emit_value(v, buf), )*
                    Self::Unknown(raw) => buf.copy_from_slice(&raw.value),
                }
            }

            fn parse_ref<'a>(nla: &Nla<'a>) -> Result<$Ref<'a>, DecodeError> {
                match nla.kind() {
                    $(
                        $num => <$ty as AttrValue>::parse_ref(nla)
                            .map($Ref::$Variant)
                            .map_err(|e| e.in_attribute($cname)),
                    )*
                    _ => Ok($Ref::Unknown(*nla)),
                }
            }

            fn parse(nla: &Nla<'_>) -> Result<Self, DecodeError> {
                match nla.kind() {
                    $(
                        $num => <$ty as AttrValue>::parse(nla)
                            .map(Self::$Variant)
                            .map_err(|e| e.in_attribute($cname)),
                    )*
                    _ => Ok(Self::Unknown(RawAttr::from(nla))),
                }
            }

            fn raw(nla: &Nla<'_>) -> Self {
                Self::Unknown(RawAttr::from(nla))
            }
        }
    };
}

tunnel_set! {
    /// Attributes of ipip, sit, ip6tnl (`IFLA_IPTUN_*`, linux/if_tunnel.h).
    pub enum IpTunnelAttr, view IpTunnelAttrRef {
        /// Index of the underlying device the tunnel is bound to.
        1 LINK "IFLA_IPTUN_LINK" Link(u32),
        /// Local endpoint: IPv4 for ipip and sit, IPv6 for ip6tnl.
        2 LOCAL "IFLA_IPTUN_LOCAL" Local(IpAddr),
        /// Remote endpoint: IPv4 for ipip and sit, IPv6 for ip6tnl.
        3 REMOTE "IFLA_IPTUN_REMOTE" Remote(IpAddr),
        /// TTL (hop limit for ip6tnl); 0 inherits.
        4 TTL "IFLA_IPTUN_TTL" Ttl(u8),
        /// TOS; 1 inherits (ipip and sit).
        5 TOS "IFLA_IPTUN_TOS" Tos(u8),
        /// IPv6 encapsulation limit (ip6tnl).
        6 ENCAP_LIMIT "IFLA_IPTUN_ENCAP_LIMIT" EncapLimit(u8),
        /// IPv6 flow information: traffic class and flow label (ip6tnl),
        /// big-endian.
        7 FLOWINFO "IFLA_IPTUN_FLOWINFO" FlowInfo(Be32),
        /// Tunnel flags: 16 bits for ipip and sit, 32 bits for ip6tnl.
        8 FLAGS "IFLA_IPTUN_FLAGS" Flags(IpTunnelFlags),
        /// Inner protocol (`IPPROTO_*`): which payloads the tunnel carries
        /// (0 for any).
        9 PROTO "IFLA_IPTUN_PROTO" Proto(u8),
        /// Path MTU discovery on (1) or off (0).
        10 PMTUDISC "IFLA_IPTUN_PMTUDISC" PmtuDisc(u8),
        /// 6rd prefix (sit).
        11 SIXRD_PREFIX "IFLA_IPTUN_6RD_PREFIX" SixRdPrefix(Ipv6Addr),
        /// 6rd relay prefix (sit).
        12 SIXRD_RELAY_PREFIX "IFLA_IPTUN_6RD_RELAY_PREFIX" SixRdRelayPrefix(Ipv4Addr),
        /// 6rd prefix length (sit).
        13 SIXRD_PREFIXLEN "IFLA_IPTUN_6RD_PREFIXLEN" SixRdPrefixLen(u16),
        /// 6rd relay prefix length (sit).
        14 SIXRD_RELAY_PREFIXLEN "IFLA_IPTUN_6RD_RELAY_PREFIXLEN" SixRdRelayPrefixLen(u16),
        /// UDP encapsulation (`TUNNEL_ENCAP_*`).
        15 ENCAP_TYPE "IFLA_IPTUN_ENCAP_TYPE" EncapType(TunnelEncapType),
        /// UDP encapsulation flags (`TUNNEL_ENCAP_FLAG_*`).
        16 ENCAP_FLAGS "IFLA_IPTUN_ENCAP_FLAGS" EncapFlags(TunnelEncapFlags),
        /// UDP encapsulation source port, big-endian (0: chosen by flow).
        17 ENCAP_SPORT "IFLA_IPTUN_ENCAP_SPORT" EncapSport(Be16),
        /// UDP encapsulation destination port, big-endian.
        18 ENCAP_DPORT "IFLA_IPTUN_ENCAP_DPORT" EncapDport(Be16),
        /// Metadata-based (external) tunnel, configured per packet.
        19 COLLECT_METADATA "IFLA_IPTUN_COLLECT_METADATA" CollectMetadata(Flag),
        /// Firewall mark of the encapsulated packets.
        20 FWMARK "IFLA_IPTUN_FWMARK" Fwmark(u32),
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
}
