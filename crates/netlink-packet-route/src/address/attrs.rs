//! Address attributes (`IFA_*`), flags (`IFA_F_*`) and related types
//! (linux/if_addr.h).

use std::net::{IpAddr, Ipv4Addr};

use netlink_packet_core::nla::ShortString;
use netlink_packet_core::{attribute_set, fixed_struct, flag_set, value_enum};

attribute_set! {
    /// An address attribute (`IFA_*`, linux/if_addr.h).
    pub enum AddressAttr, view AddressAttrRef, prefix IFA_ {
        /// The prefix address; on point-to-point links, the peer.
        1 ADDRESS Address(IpAddr),
        /// The local address (IPv4).
        2 LOCAL Local(IpAddr),
        /// The label (`eth0:1`).
        3 LABEL Label(ShortString),
        /// The broadcast address.
        4 BROADCAST Broadcast(Ipv4Addr),
        /// An anycast address.
        5 ANYCAST Anycast(IpAddr),
        /// Lifetimes and timestamps.
        6 CACHEINFO CacheInfo(AddressCacheInfo),
        /// A multicast address.
        7 MULTICAST Multicast(IpAddr),
        /// All flags (the header has only the low 8 bits).
        8 FLAGS Flags(AddressFlags),
        /// Metric of the prefix route.
        9 RT_PRIORITY RtPriority(u32),
        /// Network namespace id to act in.
        10 TARGET_NETNSID TargetNetnsId(i32),
        /// Who added the address.
        11 PROTO Proto(AddressProtocol),
    }
}

fixed_struct! {
    /// `struct ifa_cacheinfo`: lifetimes in seconds (`0xffffffff` is
    /// forever), timestamps in hundredths of seconds since boot.
    pub struct AddressCacheInfo {
        /// `ifa_prefered`: preferred lifetime.
        pub preferred: u32,
        /// `ifa_valid`: valid lifetime.
        pub valid: u32,
        /// `cstamp`: created.
        pub created: u32,
        /// `tstamp`: updated.
        pub updated: u32,
    }
}

flag_set! {
    /// Address flags (`IFA_F_*`), names as iproute2 prints them.
    pub struct AddressFlags: u32 {
        0x01 => SECONDARY "secondary",
        0x02 => NODAD "nodad",
        0x04 => OPTIMISTIC "optimistic",
        0x08 => DADFAILED "dadfailed",
        0x10 => HOMEADDRESS "home",
        0x20 => DEPRECATED "deprecated",
        0x40 => TENTATIVE "tentative",
        0x80 => PERMANENT "permanent",
        0x100 => MANAGETEMPADDR "mngtmpaddr",
        0x200 => NOPREFIXROUTE "noprefixroute",
        0x400 => MCAUTOJOIN "autojoin",
        0x800 => STABLE_PRIVACY "stable-privacy",
    }
}

impl AddressFlags {
    /// `IFA_F_TEMPORARY`: the IPv6 name of `IFA_F_SECONDARY`.
    pub const TEMPORARY: AddressFlags = AddressFlags::SECONDARY;
}

value_enum! {
    /// Who added an address (`IFAPROT_*`).
    pub enum AddressProtocol: u8 {
        0 => Unspec "unspec",
        1 => KernelLo "kernel_lo",
        2 => KernelRa "kernel_ra",
        3 => KernelLl "kernel_ll",
    }
}
