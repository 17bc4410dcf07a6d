//! `NHA_*` attributes, group entries (`struct nexthop_grp`), group types
//! (`NEXTHOP_GRP_TYPE_*`) and the resilient group and bucket nests
//! (linux/nexthop.h).

use std::net::IpAddr;

use netlink_packet_core::nla::{AttrValue, Described, Flag, Nested, Nla, Opaque};
use netlink_packet_core::{attribute_set, fixed_struct, flag_set, value_enum, DecodeError};

attribute_set! {
    /// A nexthop attribute (`NHA_*`, linux/nexthop.h).
    pub enum NexthopAttr, view NexthopAttrRef, prefix NHA_ {
        /// The nexthop's id (0 in a request: the kernel picks one).
        1 ID Id(u32),
        /// The members of a group.
        2 GROUP Group(NexthopGroup),
        /// The group's type.
        3 GROUP_TYPE GroupType(NexthopGroupType),
        /// The nexthop drops packets.
        4 BLACKHOLE Blackhole(Flag),
        /// Output device (in a dump request: only nexthops using it).
        5 OIF Oif(u32),
        /// Gateway, IPv4 or IPv6.
        6 GATEWAY Gateway(IpAddr),
        /// Lightweight tunnel encapsulation type (`LWTUNNEL_ENCAP_*`).
        7 ENCAP_TYPE EncapType(u16),
        /// Encapsulation data, kept as bytes (its set depends on
        /// `NHA_ENCAP_TYPE`; the route module declares those sets).
        8 ENCAP Encap(Opaque),
        /// Dump request: only groups.
        9 GROUPS Groups(Flag),
        /// Dump request: only nexthops whose device has this master.
        10 MASTER Master(u32),
        /// The nexthop belongs to bridge FDB entries.
        11 FDB Fdb(Flag),
        /// Resilient group settings (`NHA_RES_GROUP_*`).
        12 RES_GROUP ResGroup(Nested<ResGroupAttr>),
        /// One bucket of a resilient group (`NHA_RES_BUCKET_*`).
        13 RES_BUCKET ResBucket(Nested<ResBucketAttr>),
    }
}

attribute_set! {
    /// A resilient group attribute (`NHA_RES_GROUP_*`), inside `NHA_RES_GROUP`.
    pub enum ResGroupAttr, view ResGroupAttrRef, prefix NHA_RES_GROUP_ {
        /// Padding for 64-bit alignment (`NHA_RES_GROUP_UNSPEC`'s number).
        0 PAD Pad(Vec<u8>),
        /// Number of buckets.
        1 BUCKETS Buckets(u16),
        /// Bucket idle timer, clock ticks.
        2 IDLE_TIMER IdleTimer(u32),
        /// Unbalanced timer, clock ticks.
        3 UNBALANCED_TIMER UnbalancedTimer(u32),
        /// Time the group has been unbalanced, clock ticks.
        4 UNBALANCED_TIME UnbalancedTime(u64),
    }
}

attribute_set! {
    /// A bucket attribute (`NHA_RES_BUCKET_*`), inside `NHA_RES_BUCKET`.
    pub enum ResBucketAttr, view ResBucketAttrRef, prefix NHA_RES_BUCKET_ {
        /// Padding for 64-bit alignment (`NHA_RES_BUCKET_UNSPEC`'s number).
        0 PAD Pad(Vec<u8>),
        /// The bucket's index.
        1 INDEX Index(u16),
        /// Idle time, clock ticks.
        2 IDLE_TIME IdleTime(u64),
        /// The nexthop the bucket uses.
        3 NH_ID NhId(u32),
    }
}

value_enum! {
    /// A group's type (`NEXTHOP_GRP_TYPE_*`).
    pub enum NexthopGroupType: u16 {
        /// `NEXTHOP_GRP_TYPE_MPATH`: hash-threshold, the default.
        0 => Mpath "mpath",
        /// `NEXTHOP_GRP_TYPE_RES`: resilient.
        1 => Resilient "resilient",
    }
}

flag_set! {
    /// Nexthop flags (`RTNH_F_*`, linux/rtnetlink.h), in `nh_flags`.
    pub struct NexthopFlags: u32 {
        /// `RTNH_F_DEAD`.
        1 => DEAD "dead",
        /// `RTNH_F_PERVASIVE`.
        2 => PERVASIVE "pervasive",
        /// `RTNH_F_ONLINK`.
        4 => ONLINK "onlink",
        /// `RTNH_F_OFFLOAD`.
        8 => OFFLOAD "offload",
        /// `RTNH_F_LINKDOWN`.
        16 => LINKDOWN "linkdown",
        /// `RTNH_F_UNRESOLVED`.
        32 => UNRESOLVED "unresolved",
        /// `RTNH_F_TRAP`.
        64 => TRAP "trap",
    }
}

fixed_struct! {
    /// `struct nexthop_grp`: one member of a group.
    pub struct NexthopGroupEntry {
        /// `id`: the member nexthop.
        pub id: u32,
        /// `weight`: the weight minus one (`ip` shows 1..=256).
        pub weight: u8,
        /// `resvd1`.
        pub resvd1: u8,
        /// `resvd2`.
        pub resvd2: u16,
    }
}

impl NexthopGroupEntry {
    /// A member with `weight` as `ip` writes it (1..=256).
    pub fn new(id: u32, weight: u16) -> Self {
        NexthopGroupEntry {
            id,
            weight: u8::try_from(weight.saturating_sub(1)).unwrap_or(u8::MAX),
            ..Default::default()
        }
    }
}

/// `NHA_GROUP`: an array of `struct nexthop_grp`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NexthopGroup(pub Vec<NexthopGroupEntry>);

impl AttrValue for NexthopGroup {
    type Ref<'a> = NexthopGroup;
    fn parse_ref<'a>(nla: &Nla<'a>) -> Result<NexthopGroup, DecodeError> {
        let value = nla.value();
        if value.len() % NexthopGroupEntry::LEN != 0 {
            return Err(DecodeError::other(
                nla.offset(),
                "NHA_GROUP: length is not a multiple of struct nexthop_grp (8)",
            ));
        }
        value
            .chunks(NexthopGroupEntry::LEN)
            .map(NexthopGroupEntry::parse_bytes)
            .collect::<Result<Vec<_>, _>>()
            .map(NexthopGroup)
            .map_err(|e| e.at_base(nla.value_offset()))
    }
    fn from_ref(value: &NexthopGroup) -> Result<Self, DecodeError> {
        Ok(value.clone())
    }
    fn value_len(&self) -> usize {
        self.0.len() * NexthopGroupEntry::LEN
    }
    fn emit_value(&self, buf: &mut [u8]) {
        for (entry, chunk) in self.0.iter().zip(buf.chunks_mut(NexthopGroupEntry::LEN)) {
            entry.write_bytes(chunk);
        }
    }
    fn describe(&self) -> Described {
        Described::List(self.0.iter().map(AttrValue::describe).collect())
    }
}
