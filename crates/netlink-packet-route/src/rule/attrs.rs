//! `FRA_*` attributes, `FR_ACT_*` actions, `FIB_RULE_*` flags and the
//! range structures (linux/fib_rules.h).

use std::net::IpAddr;

use netlink_packet_core::nla::{Be64, ShortString};
use netlink_packet_core::{attribute_set, fixed_struct, flag_set, value_enum};

attribute_set! {
    /// A rule attribute (`FRA_*`, linux/fib_rules.h).
    pub enum RuleAttr, view RuleAttrRef, prefix FRA_ {
        /// Destination prefix (length in the header's `dst_len`).
        1 DST Destination(IpAddr),
        /// Source prefix (length in the header's `src_len`).
        2 SRC Source(IpAddr),
        /// Input interface name (`FRA_IFNAME` is the same number).
        3 IIFNAME Iifname(ShortString),
        /// Rule to jump to (`FR_ACT_GOTO`), by priority.
        4 GOTO Goto(u32),
        /// Unused number.
        5 UNUSED2 Unused2(Vec<u8>),
        /// Priority (preference).
        6 PRIORITY Priority(u32),
        /// Unused number.
        7 UNUSED3 Unused3(Vec<u8>),
        /// Unused number.
        8 UNUSED4 Unused4(Vec<u8>),
        /// Unused number.
        9 UNUSED5 Unused5(Vec<u8>),
        /// Firewall mark.
        10 FWMARK FwMark(u32),
        /// Realm (flow/class id).
        11 FLOW Flow(u32),
        /// Tunnel id.
        12 TUN_ID TunId(Be64),
        /// Suppress the result when the output device is in this group.
        13 SUPPRESS_IFGROUP SuppressIfGroup(u32),
        /// Suppress routes with a prefix length of this or less.
        14 SUPPRESS_PREFIXLEN SuppressPrefixLen(u32),
        /// Table id (all 32 bits; the header has 8).
        15 TABLE Table(u32),
        /// Mask for the firewall mark.
        16 FWMASK FwMask(u32),
        /// Output interface name.
        17 OIFNAME Oifname(ShortString),
        /// Padding for 64-bit alignment.
        18 PAD Pad(Vec<u8>),
        /// Use the table of the l3mdev (VRF) device.
        19 L3MDEV L3mdev(u8),
        /// Range of user ids.
        20 UID_RANGE UidRange(RuleUidRange),
        /// Who added the rule (`RTPROT_*`).
        21 PROTOCOL Protocol(u8),
        /// IP protocol (`IPPROTO_*`).
        22 IP_PROTO IpProto(u8),
        /// Source port range.
        23 SPORT_RANGE SportRange(RulePortRange),
        /// Destination port range.
        24 DPORT_RANGE DportRange(RulePortRange),
    }
}

fixed_struct! {
    /// `struct fib_rule_uid_range`: inclusive.
    pub struct RuleUidRange {
        /// `start`.
        pub start: u32,
        /// `end`.
        pub end: u32,
    }
}

fixed_struct! {
    /// `struct fib_rule_port_range`: inclusive, host byte order.
    pub struct RulePortRange {
        /// `start`.
        pub start: u16,
        /// `end`.
        pub end: u16,
    }
}

value_enum! {
    /// A rule's action (`FR_ACT_*`).
    pub enum RuleAction: u8 {
        /// `FR_ACT_UNSPEC`.
        0 => Unspec "unspec",
        /// `FR_ACT_TO_TBL`: look up a table.
        1 => ToTable "to_tbl",
        /// `FR_ACT_GOTO`: jump to another rule.
        2 => Goto "goto",
        /// `FR_ACT_NOP`.
        3 => Nop "nop",
        /// `FR_ACT_RES3`.
        4 => Res3 "res3",
        /// `FR_ACT_RES4`.
        5 => Res4 "res4",
        /// `FR_ACT_BLACKHOLE`: drop silently.
        6 => Blackhole "blackhole",
        /// `FR_ACT_UNREACHABLE`: drop with `ENETUNREACH`.
        7 => Unreachable "unreachable",
        /// `FR_ACT_PROHIBIT`: drop with `EACCES`.
        8 => Prohibit "prohibit",
    }
}

flag_set! {
    /// Rule flags (`FIB_RULE_*`).
    pub struct RuleFlags: u32 {
        /// `FIB_RULE_PERMANENT`: cannot be deleted.
        0x1 => PERMANENT "permanent",
        /// `FIB_RULE_INVERT`: the selector is negated (`ip rule not`).
        0x2 => INVERT "not",
        /// `FIB_RULE_UNRESOLVED`: the goto target does not exist.
        0x4 => UNRESOLVED "unresolved",
        /// `FIB_RULE_IIF_DETACHED` (also `FIB_RULE_DEV_DETACHED`).
        0x8 => IIF_DETACHED "iif_detached",
        /// `FIB_RULE_OIF_DETACHED`.
        0x10 => OIF_DETACHED "oif_detached",
        /// `FIB_RULE_FIND_SADDR`: find a source address in lookups.
        0x10000 => FIND_SADDR "find_saddr",
    }
}

impl RuleFlags {
    /// `FIB_RULE_DEV_DETACHED`: the old name of `FIB_RULE_IIF_DETACHED`.
    pub const DEV_DETACHED: RuleFlags = RuleFlags::IIF_DETACHED;
}
