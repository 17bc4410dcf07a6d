//! `struct br_mdb_entry` and the values that are a C structure followed by
//! attributes in one attribute (`MDBA_MDB_ENTRY_INFO`, `MDBA_ROUTER_PORT`).

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use netlink_packet_core::nla::{
    attrs_len, emit_attrs, parse_attrs, AttrValue, Attribute, Be16, Described, MacAddr, Nla,
    NlaIter,
};
use netlink_packet_core::{fixed_struct, flag_set, value_enum, DecodeError};

use super::{MdbEntryExtraAttr, MdbRouterPortAttr};

/// `ETH_P_IP` (linux/if_ether.h): `addr.proto` of an IPv4 group.
pub const ETH_P_IP: u16 = 0x0800;
/// `ETH_P_IPV6` (linux/if_ether.h): `addr.proto` of an IPv6 group.
pub const ETH_P_IPV6: u16 = 0x86DD;

value_enum! {
    /// `state` of `struct br_mdb_entry` (`MDB_TEMPORARY`, `MDB_PERMANENT`).
    pub enum MdbState: u8 {
        /// `MDB_TEMPORARY`: learned, expires.
        0 => Temporary "temp",
        /// `MDB_PERMANENT`: static.
        1 => Permanent "permanent",
    }
}

value_enum! {
    /// Filter mode of an entry (`MDBA_MDB_EATTR_GROUP_MODE`): `MCAST_EXCLUDE`
    /// or `MCAST_INCLUDE` (linux/in.h).
    pub enum McastFilterMode: u8 {
        /// `MCAST_EXCLUDE`: every source but those listed.
        0 => Exclude "exclude",
        /// `MCAST_INCLUDE`: only the sources listed.
        1 => Include "include",
    }
}

flag_set! {
    /// `flags` of `struct br_mdb_entry` (`MDB_FLAGS_*`, linux/if_bridge.h).
    pub struct MdbFlags: u8 {
        /// `MDB_FLAGS_OFFLOAD`: offloaded to hardware.
        0x1 => OFFLOAD "offload",
        /// `MDB_FLAGS_FAST_LEAVE`: the port has fast leave.
        0x2 => FAST_LEAVE "fast_leave",
        /// `MDB_FLAGS_STAR_EXCL`: a (*, G) exclude entry.
        0x4 => STAR_EXCL "added_by_star_ex",
        /// `MDB_FLAGS_BLOCKED`: the source is blocked.
        0x8 => BLOCKED "blocked",
    }
}

fixed_struct! {
    /// `struct br_mdb_entry` (linux/if_bridge.h): 28 bytes. `addr` is a
    /// union of an IPv4 address (`ip4`, first 4 bytes), an IPv6 address
    /// (`ip6`) and a MAC address (`mac_addr`, first 6 bytes), told apart by
    /// `proto`; [`BrMdbEntry::group`] reads it.
    pub struct BrMdbEntry {
        /// `ifindex`: the port.
        pub index: u32,
        /// `state`.
        pub state: MdbState,
        /// `flags`.
        pub flags: MdbFlags,
        /// `vid`: the VLAN, 0 for none.
        pub vid: u16,
        /// `addr.u`: the group address union.
        pub addr: [u8; 16],
        /// `addr.proto`: `ETH_P_IP`, `ETH_P_IPV6`, or 0 for a MAC group.
        pub proto: Be16,
        /// Padding of `addr` to its 4-byte alignment.
        pub pad: [u8; 2],
    }
}

/// The group of an MDB entry, read from `addr` according to `proto`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MdbGroup {
    /// An IPv4 group (`ETH_P_IP`).
    Ipv4(Ipv4Addr),
    /// An IPv6 group (`ETH_P_IPV6`).
    Ipv6(Ipv6Addr),
    /// A layer 2 group (`proto` 0).
    Mac(MacAddr),
    /// Another protocol: the raw union.
    Other(u16, [u8; 16]),
}

impl BrMdbEntry {
    /// The group address.
    pub fn group(&self) -> MdbGroup {
        let a = self.addr;
        match self.proto.0 {
            ETH_P_IP => MdbGroup::Ipv4(Ipv4Addr::new(a[0], a[1], a[2], a[3])),
            ETH_P_IPV6 => MdbGroup::Ipv6(Ipv6Addr::from(a)),
            0 => MdbGroup::Mac(MacAddr([a[0], a[1], a[2], a[3], a[4], a[5]])),
            other => MdbGroup::Other(other, a),
        }
    }

    /// Sets `addr` and `proto` from an IP group.
    pub fn set_ip_group(&mut self, group: IpAddr) {
        self.addr = [0; 16];
        match group {
            IpAddr::V4(v4) => {
                self.addr[..4].copy_from_slice(&v4.octets());
                self.proto = Be16(ETH_P_IP);
            }
            IpAddr::V6(v6) => {
                self.addr = v6.octets();
                self.proto = Be16(ETH_P_IPV6);
            }
        }
    }

    /// Sets `addr` and `proto` from a layer 2 group.
    pub fn set_mac_group(&mut self, group: MacAddr) {
        self.addr = [0; 16];
        self.addr[..6].copy_from_slice(&group.0);
        self.proto = Be16(0);
    }
}

fixed_struct! {
    /// The port index that starts `MDBA_ROUTER_PORT` (a `__u32`).
    pub struct MdbRouterPortIndex {
        /// The port's interface index.
        pub index: u32,
    }
}

macro_rules! struct_then_attrs {
    ($(#[$meta:meta])* $Name:ident, $Ref:ident, $Fixed:ident, $Attr:ident) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Default)]
        pub struct $Name {
            /// The structure at the start of the value.
            pub fixed: $Fixed,
            /// The attributes after it.
            pub attrs: Vec<$Attr>,
            /// The header's flag bits (`NLA_F_NESTED` or not), kept so that
            /// a parsed value is emitted back unchanged.
            pub flags: u16,
        }

        #[doc = concat!("Zero-copy form of [`", stringify!($Name), "`]: the structure, and the attributes after it decoded as they are iterated.")]
        #[derive(Debug, Clone)]
        pub struct $Ref<'a> {
            /// The structure at the start of the value.
            pub fixed: $Fixed,
            rest: &'a [u8],
            base: usize,
            flags: u16,
        }

        impl<'a> $Ref<'a> {
            /// The attributes after the structure, decoded lazily.
            pub fn attrs(
                &self,
            ) -> impl Iterator<Item = Result<<$Attr as Attribute>::Ref<'a>, DecodeError>> + 'a {
                NlaIter::with_base(self.rest, self.base).map(|nla| $Attr::parse_ref(&nla?))
            }
        }

        impl AttrValue for $Name {
            type Ref<'a> = $Ref<'a>;
            fn parse_ref<'a>(nla: &Nla<'a>) -> Result<$Ref<'a>, DecodeError> {
                let value = nla.value();
                let fixed = $Fixed::parse_bytes(value.get(..$Fixed::LEN).unwrap_or(value))
                    .map_err(|e| e.at_base(nla.value_offset()))?;
                Ok($Ref {
                    fixed,
                    rest: value.get($Fixed::LEN..).unwrap_or(&[]),
                    base: nla.value_offset() + $Fixed::LEN,
                    flags: nla.flags(),
                })
            }
            fn from_ref(value: &$Ref<'_>) -> Result<$Name, DecodeError> {
                Ok($Name {
                    fixed: value.fixed.clone(),
                    attrs: parse_attrs(value.rest, value.base)?,
                    flags: value.flags,
                })
            }
            fn header_flags(&self) -> u16 {
                self.flags
            }
            fn value_len(&self) -> usize {
                self.fixed.wire_len() + attrs_len(&self.attrs)
            }
            fn emit_value(&self, buf: &mut [u8]) {
                let (fixed, attrs) = buf.split_at_mut(self.fixed.wire_len());
                self.fixed.write_bytes(fixed);
                emit_attrs(&self.attrs, attrs);
            }
            /// The structure's fields, then the attributes.
            fn describe(&self) -> Described {
                Described::Fields(vec![
                    ("fixed", self.fixed.describe()),
                    ("attributes", Described::attributes(&self.attrs)),
                ])
            }
        }
    };
}

struct_then_attrs! {
    /// `MDBA_MDB_ENTRY_INFO`: a `struct br_mdb_entry` followed by
    /// `MDBA_MDB_EATTR_*` attributes.
    MdbEntryInfo, MdbEntryInfoRef, BrMdbEntry, MdbEntryExtraAttr
}

struct_then_attrs! {
    /// `MDBA_ROUTER_PORT`: the port's index (`__u32`) followed by
    /// `MDBA_ROUTER_PATTR_*` attributes.
    MdbRouterPort, MdbRouterPortRef, MdbRouterPortIndex, MdbRouterPortAttr
}
