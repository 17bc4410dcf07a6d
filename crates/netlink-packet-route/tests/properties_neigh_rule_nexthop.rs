//! Property tests of the neighbour, neighbour table, rule and nexthop
//! families: arbitrary bytes never panic the owned parsers or the views,
//! and generated owned messages round-trip byte for byte.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use netlink_packet_core::nla::{Be16, Be64, Flag, Nested, Opaque, RawAttr};
use netlink_packet_route::neighbour::*;
use netlink_packet_route::neighbour_table::*;
use netlink_packet_route::nexthop::*;
use netlink_packet_route::rule::*;
use netlink_packet_route::Scope;
use proptest::collection::vec;
use proptest::prelude::*;

fn ip() -> impl Strategy<Value = IpAddr> {
    prop_oneof![
        any::<[u8; 4]>().prop_map(|b| IpAddr::V4(Ipv4Addr::from(b))),
        any::<[u8; 16]>().prop_map(|b| IpAddr::V6(Ipv6Addr::from(b))),
    ]
}

fn unknown(from: u16) -> impl Strategy<Value = RawAttr> {
    (from..0x3fff, vec(any::<u8>(), 0..16)).prop_map(|(raw_kind, value)| RawAttr {
        raw_kind,
        value: value.into(),
    })
}

fn bytes() -> impl Strategy<Value = Vec<u8>> {
    vec(any::<u8>(), 0..12)
}

fn neigh_attr() -> impl Strategy<Value = NeighbourAttr> {
    prop_oneof![
        ip().prop_map(|a| NeighbourAttr::Destination(a.into())),
        vec(any::<u8>(), 0..20)
            .prop_filter("not an IP length", |b| b.len() != 4 && b.len() != 16)
            .prop_map(|b| NeighbourAttr::Destination(NeighbourAddress::Other(b))),
        vec(any::<u8>(), 0..20).prop_map(|b| NeighbourAttr::LinkLocalAddress(
            netlink_packet_route::link::LinkLayerAddress::from(b)
        )),
        any::<[u32; 4]>().prop_map(|[confirmed, used, updated, refcnt]| {
            NeighbourAttr::CacheInfo(NeighbourCacheInfo {
                confirmed,
                used,
                updated,
                refcnt,
                extra: Default::default(),
            })
        }),
        any::<u32>().prop_map(NeighbourAttr::Probes),
        any::<u16>().prop_map(NeighbourAttr::Vlan),
        any::<u16>().prop_map(|p| NeighbourAttr::Port(Be16(p))),
        any::<u32>().prop_map(NeighbourAttr::Vni),
        any::<u32>().prop_map(NeighbourAttr::IfIndex),
        any::<u32>().prop_map(NeighbourAttr::Master),
        any::<i32>().prop_map(NeighbourAttr::LinkNetnsId),
        any::<u32>().prop_map(NeighbourAttr::SrcVni),
        any::<u8>().prop_map(NeighbourAttr::Protocol),
        any::<u32>().prop_map(NeighbourAttr::NhId),
        (any::<u8>(), any::<bool>()).prop_map(|(n, dont)| {
            let mut attrs = vec![FdbExtAttr::ActivityNotify(FdbNotifyFlags(n))];
            if dont {
                attrs.push(FdbExtAttr::DontRefresh(Flag));
            }
            NeighbourAttr::FdbExtAttrs(Nested::new(attrs))
        }),
        any::<u32>().prop_map(|f| NeighbourAttr::FlagsExt(NeighbourFlagsExt(f))),
        any::<u16>().prop_map(|s| NeighbourAttr::StateMask(NeighbourState(s))),
        any::<u8>().prop_map(|f| NeighbourAttr::FlagsMask(NeighbourFlags(f))),
        unknown(18).prop_map(NeighbourAttr::Unknown),
    ]
}

fn table_attr() -> impl Strategy<Value = NeighbourTableAttr> {
    prop_oneof![
        "[a-z_]{0,15}".prop_map(|name| NeighbourTableAttr::Name(name.into())),
        any::<u32>().prop_map(NeighbourTableAttr::Thresh1),
        any::<u32>().prop_map(NeighbourTableAttr::Thresh3),
        any::<[u32; 8]>().prop_map(|c| NeighbourTableAttr::Config(NeighbourTableConfig {
            key_len: c[0] as u16,
            entry_size: (c[0] >> 16) as u16,
            entries: c[1],
            last_flush: c[2],
            last_rand: c[3],
            hash_rnd: c[4],
            hash_mask: c[5],
            hash_chain_gc: c[6],
            proxy_qlen: c[7],
            extra: Default::default(),
        })),
        (any::<u32>(), any::<u64>(), any::<u64>()).prop_map(|(i, t, l)| {
            NeighbourTableAttr::Parms(Nested::new(vec![
                NeighbourTableParam::IfIndex(i),
                NeighbourTableParam::BaseReachableTime(t),
                NeighbourTableParam::Locktime(l),
                NeighbourTableParam::QueueLen(i),
                NeighbourTableParam::Pad(vec![]),
                NeighbourTableParam::IntervalProbeTimeMs(t),
            ]))
        }),
        any::<[u64; 4]>().prop_map(|s| NeighbourTableAttr::Stats(NeighbourTableStats {
            allocs: s[0],
            lookups: s[1],
            hits: s[2],
            table_fulls: s[3],
            ..Default::default()
        })),
        any::<u64>().prop_map(NeighbourTableAttr::GcInterval),
        bytes().prop_map(NeighbourTableAttr::Pad),
        unknown(10).prop_map(NeighbourTableAttr::Unknown),
    ]
}

fn rule_attr() -> impl Strategy<Value = RuleAttr> {
    prop_oneof![
        ip().prop_map(RuleAttr::Destination),
        ip().prop_map(RuleAttr::Source),
        "[a-z0-9]{0,15}".prop_map(|name| RuleAttr::Iifname(name.into())),
        "[a-z0-9]{0,15}".prop_map(|name| RuleAttr::Oifname(name.into())),
        any::<u32>().prop_map(RuleAttr::Goto),
        bytes().prop_map(RuleAttr::Unused2),
        any::<u32>().prop_map(RuleAttr::Priority),
        any::<u32>().prop_map(RuleAttr::FwMark),
        any::<u32>().prop_map(RuleAttr::FwMask),
        any::<u32>().prop_map(RuleAttr::Flow),
        any::<u64>().prop_map(|t| RuleAttr::TunId(Be64(t))),
        any::<u32>().prop_map(RuleAttr::SuppressIfGroup),
        any::<u32>().prop_map(RuleAttr::SuppressPrefixLen),
        any::<u32>().prop_map(RuleAttr::Table),
        bytes().prop_map(RuleAttr::Pad),
        any::<u8>().prop_map(RuleAttr::L3mdev),
        (any::<u32>(), any::<u32>()).prop_map(|(start, end)| RuleAttr::UidRange(RuleUidRange {
            start,
            end,
            extra: Default::default()
        })),
        any::<u8>().prop_map(RuleAttr::Protocol),
        any::<u8>().prop_map(RuleAttr::IpProto),
        (any::<u16>(), any::<u16>()).prop_map(|(start, end)| RuleAttr::SportRange(RulePortRange {
            start,
            end,
            extra: Default::default()
        })),
        (any::<u16>(), any::<u16>()).prop_map(|(start, end)| RuleAttr::DportRange(RulePortRange {
            start,
            end,
            extra: Default::default()
        })),
        unknown(25).prop_map(RuleAttr::Unknown),
    ]
}

fn nexthop_attr() -> impl Strategy<Value = NexthopAttr> {
    prop_oneof![
        any::<u32>().prop_map(NexthopAttr::Id),
        vec((any::<u32>(), any::<u8>()), 0..6).prop_map(|g| NexthopAttr::Group(NexthopGroup(
            g.into_iter()
                .map(|(id, weight)| NexthopGroupEntry {
                    id,
                    weight,
                    ..Default::default()
                })
                .collect()
        ))),
        any::<u16>().prop_map(|t| NexthopAttr::GroupType(NexthopGroupType::from(t))),
        Just(NexthopAttr::Blackhole(Flag)),
        any::<u32>().prop_map(NexthopAttr::Oif),
        ip().prop_map(NexthopAttr::Gateway),
        any::<u16>().prop_map(NexthopAttr::EncapType),
        (bytes(), prop_oneof![Just(0u16), Just(0x8000u16)]).prop_map(|(bytes, flags)| {
            NexthopAttr::Encap(Opaque {
                bytes: bytes.into(),
                flags,
            })
        }),
        Just(NexthopAttr::Groups(Flag)),
        any::<u32>().prop_map(NexthopAttr::Master),
        Just(NexthopAttr::Fdb(Flag)),
        (any::<u16>(), any::<u32>(), any::<u64>()).prop_map(|(b, t, u)| {
            NexthopAttr::ResGroup(Nested::new(vec![
                ResGroupAttr::Buckets(b),
                ResGroupAttr::IdleTimer(t),
                ResGroupAttr::UnbalancedTimer(t),
                ResGroupAttr::Pad(vec![]),
                ResGroupAttr::UnbalancedTime(u),
            ]))
        }),
        (any::<u16>(), any::<u64>(), any::<u32>()).prop_map(|(i, t, id)| {
            NexthopAttr::ResBucket(Nested::new(vec![
                ResBucketAttr::Index(i),
                ResBucketAttr::IdleTime(t),
                ResBucketAttr::NhId(id),
            ]))
        }),
        unknown(14).prop_map(NexthopAttr::Unknown),
    ]
}

macro_rules! round_trips {
    ($message:expr, $Msg:ty) => {{
        let message = $message;
        let bytes = message.to_bytes();
        let parsed = <$Msg>::parse(&bytes).unwrap();
        prop_assert!(parsed.invalid.is_empty(), "{:?}", parsed.invalid);
        prop_assert_eq!(&parsed, &message);
        prop_assert_eq!(parsed.to_bytes(), bytes);
    }};
}

macro_rules! never_panics {
    ($bytes:expr, $Msg:ty, $View:ty) => {{
        if let Ok(owned) = <$Msg>::parse($bytes) {
            let again = <$Msg>::parse(&owned.to_bytes()).unwrap();
            prop_assert_eq!(again.attrs, owned.attrs);
        }
        if let Ok(view) = <$View>::parse($bytes) {
            for attr in view.attrs().flatten() {
                let _ = (attr.kind(), attr.name(), attr.to_owned());
            }
            let _ = view.to_owned();
        }
    }};
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in vec(any::<u8>(), 0..300)) {
        never_panics!(&bytes, NeighbourMessage, NeighbourView);
        never_panics!(&bytes, NeighbourTableMessage, NeighbourTableView);
        never_panics!(&bytes, RuleMessage, RuleView);
        never_panics!(&bytes, NexthopMessage, NexthopView);
    }

    #[test]
    fn neighbours_round_trip(
        h in any::<([u8; 4], i32, u16)>(),
        attrs in vec(neigh_attr(), 0..10),
    ) {
        let ([family, flags, kind, pad1], index, state) = h;
        round_trips!(NeighbourMessage::new(
            NeighbourHeader {
                family: NeighbourFamily::from(family),
                pad1,
                pad2: 0,
                index,
                state: NeighbourState(state),
                flags: NeighbourFlags(flags),
                kind: NeighbourType::from(kind),
            },
            attrs,
        ), NeighbourMessage);
    }

    #[test]
    fn neighbour_tables_round_trip(family in any::<u8>(), attrs in vec(table_attr(), 0..8)) {
        round_trips!(NeighbourTableMessage::new(
            NeighbourTableHeader { family: NeighbourFamily::from(family), ..Default::default() },
            attrs,
        ), NeighbourTableMessage);
    }

    #[test]
    fn rules_round_trip(h in any::<[u8; 8]>(), flags in any::<u32>(), attrs in vec(rule_attr(), 0..10)) {
        round_trips!(RuleMessage::new(
            RuleHeader {
                family: h[0],
                dst_len: h[1],
                src_len: h[2],
                tos: h[3],
                table: h[4],
                res1: h[5],
                res2: h[6],
                action: RuleAction::from(h[7]),
                flags: RuleFlags(flags),
            },
            attrs,
        ), RuleMessage);
    }

    #[test]
    fn nexthops_round_trip(h in any::<[u8; 4]>(), flags in any::<u32>(), attrs in vec(nexthop_attr(), 0..10)) {
        round_trips!(NexthopMessage::new(
            NexthopHeader {
                family: h[0],
                scope: Scope::from(h[1]),
                protocol: h[2],
                resvd: h[3],
                flags: NexthopFlags(flags),
            },
            attrs,
        ), NexthopMessage);
    }
}
