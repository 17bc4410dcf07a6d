//! Property tests of the nsid, netconf, prefix, address label, stats,
//! bridge VLAN and MDB messages: arbitrary bytes never panic the owned
//! parsers or the views, and generated owned values round-trip.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use netlink_packet_core::nla::{Be16, Nested, RawAttr};
use netlink_packet_route::address_label::*;
use netlink_packet_route::bridge_vlan::*;
use netlink_packet_route::link::{BridgeStpState, BridgeVlanFlags, BridgeVlanInfo, LinkStats64};
use netlink_packet_route::mdb::*;
use netlink_packet_route::netconf::*;
use netlink_packet_route::nsid::*;
use netlink_packet_route::prefix::*;
use netlink_packet_route::stats::*;
use proptest::prelude::*;

macro_rules! never_panics {
    ($bytes:expr, $Message:ident, $View:ident) => {{
        if let Ok(owned) = $Message::parse($bytes) {
            let again = $Message::parse(&owned.to_bytes()).unwrap();
            prop_assert_eq!(&again.attrs, &owned.attrs);
            prop_assert_eq!(again.to_bytes(), owned.to_bytes());
        }
        if let Ok(view) = $View::parse($bytes) {
            let _ = view.header();
            for attr in view.attrs().flatten() {
                let _ = attr.kind();
                let _ = attr.name();
                let _ = attr.to_owned();
            }
            let _ = view.to_owned();
        }
    }};
}

fn ip() -> impl Strategy<Value = IpAddr> {
    prop_oneof![
        any::<[u8; 4]>().prop_map(|b| IpAddr::V4(Ipv4Addr::from(b))),
        any::<[u8; 16]>().prop_map(|b| IpAddr::V6(Ipv6Addr::from(b))),
    ]
}

fn unknown(from: u16) -> impl Strategy<Value = RawAttr> {
    (from..0x3fff, proptest::collection::vec(any::<u8>(), 0..16)).prop_map(|(raw_kind, value)| {
        RawAttr {
            raw_kind,
            value: value.into(),
        }
    })
}

fn nsid_attr() -> impl Strategy<Value = NsidAttr> {
    prop_oneof![
        any::<i32>().prop_map(NsidAttr::Nsid),
        any::<u32>().prop_map(NsidAttr::Pid),
        any::<u32>().prop_map(NsidAttr::Fd),
        any::<i32>().prop_map(NsidAttr::TargetNsid),
        any::<i32>().prop_map(NsidAttr::CurrentNsid),
        unknown(6).prop_map(NsidAttr::Unknown),
    ]
}

fn netconf_attr() -> impl Strategy<Value = NetconfAttr> {
    prop_oneof![
        any::<i32>().prop_map(|i| NetconfAttr::Ifindex(NetconfIfindex::from(i))),
        any::<i32>().prop_map(NetconfAttr::Forwarding),
        any::<i32>().prop_map(NetconfAttr::RpFilter),
        any::<i32>().prop_map(NetconfAttr::McForwarding),
        any::<i32>().prop_map(NetconfAttr::ProxyNeigh),
        any::<i32>().prop_map(NetconfAttr::IgnoreRoutesWithLinkdown),
        any::<i32>().prop_map(NetconfAttr::Input),
        any::<i32>().prop_map(NetconfAttr::BcForwarding),
        unknown(9).prop_map(NetconfAttr::Unknown),
    ]
}

fn prefix_attr() -> impl Strategy<Value = PrefixAttr> {
    prop_oneof![
        any::<[u8; 16]>().prop_map(|b| PrefixAttr::Address(Ipv6Addr::from(b))),
        any::<(u32, u32)>().prop_map(|(preferred_time, valid_time)| {
            PrefixAttr::CacheInfo(PrefixCacheInfo {
                preferred_time,
                valid_time,
                extra: Default::default(),
            })
        }),
        unknown(3).prop_map(PrefixAttr::Unknown),
    ]
}

fn label_attr() -> impl Strategy<Value = AddressLabelAttr> {
    prop_oneof![
        any::<[u8; 16]>().prop_map(|b| AddressLabelAttr::Address(Ipv6Addr::from(b))),
        any::<u32>().prop_map(AddressLabelAttr::Label),
        unknown(3).prop_map(AddressLabelAttr::Unknown),
    ]
}

fn stats_attr() -> impl Strategy<Value = StatsAttr> {
    let link64 = any::<[u64; 4]>().prop_map(|[a, b, c, d]| LinkStats64 {
        rx_packets: a,
        tx_packets: b,
        rx_bytes: c,
        rx_otherhost_dropped: d,
        ..Default::default()
    });
    let bridge = prop_oneof![
        any::<(u64, u16, u16)>().prop_map(|(rx_bytes, vid, flags)| {
            BridgeXstatsAttr::Vlan(BridgeVlanXstats {
                rx_bytes,
                vid,
                flags: BridgeVlanFlags(flags),
                ..Default::default()
            })
        }),
        any::<u64>().prop_map(|n| BridgeXstatsAttr::Mcast(BrMcastStats {
            mld_leaves_tx: n,
            ..Default::default()
        })),
        any::<u64>().prop_map(|n| BridgeXstatsAttr::Stp(BridgeStpXstats {
            rx_bpdu: n,
            ..Default::default()
        })),
    ];
    let bond = proptest::collection::vec(
        (0u16..9, any::<u64>()).prop_map(|(k, v)| match k {
            0 => Bond3adStatAttr::LacpduRx(v),
            1 => Bond3adStatAttr::LacpduTx(v),
            2 => Bond3adStatAttr::MarkerRx(v),
            _ => Bond3adStatAttr::MarkerUnknownRx(v),
        }),
        0..4,
    );
    let xstats = prop_oneof![
        proptest::collection::vec(bridge, 0..3)
            .prop_map(|a| LinkXstatsAttr::Bridge(Nested::new(a))),
        bond.prop_map(|a| {
            LinkXstatsAttr::Bond(Nested::new(vec![BondXstatsAttr::ThreeAd(Nested::new(a))]))
        }),
    ];
    let offload = prop_oneof![
        link64.clone().prop_map(OffloadXstatsAttr::CpuHit),
        any::<(u8, u8)>().prop_map(|(r, u)| OffloadXstatsAttr::HwSInfo(Nested::new(vec![
            HwStatsInfoAttr::L3Stats(Nested::new(vec![
                HwStatsInfoEntryAttr::Request(r),
                HwStatsInfoEntryAttr::Used(u),
            ]))
        ]))),
    ];
    prop_oneof![
        link64.prop_map(StatsAttr::Link64),
        proptest::collection::vec(xstats.clone(), 0..3)
            .prop_map(|a| StatsAttr::LinkXstats(Nested::new(a))),
        proptest::collection::vec(xstats, 0..3)
            .prop_map(|a| StatsAttr::LinkXstatsSlave(Nested::new(a))),
        proptest::collection::vec(offload, 0..3)
            .prop_map(|a| StatsAttr::LinkOffloadXstats(Nested::new(a))),
        any::<u64>().prop_map(
            |n| StatsAttr::AfSpec(Nested::new(vec![StatsAfSpecAttr::Mpls(Nested::new(vec![
                MplsStatsAttr::Link(MplsLinkStats {
                    rx_noroute: n,
                    ..Default::default()
                })
            ]))]))
        ),
        unknown(6).prop_map(StatsAttr::Unknown),
    ]
}

fn vlan_attr() -> impl Strategy<Value = BridgeVlanAttr> {
    let entry = prop_oneof![
        any::<(u16, u16)>().prop_map(|(flags, vid)| BridgeVlanEntryAttr::Info(BridgeVlanInfo {
            flags: BridgeVlanFlags(flags),
            vid,
            extra: Default::default(),
        })),
        any::<u16>().prop_map(BridgeVlanEntryAttr::Range),
        any::<u8>().prop_map(|s| BridgeVlanEntryAttr::State(BridgeStpState::from(s))),
        any::<(u32, u32)>().prop_map(|(id, cmd)| BridgeVlanEntryAttr::TunnelInfo(Nested::new(
            vec![
                BridgeVlanTunnelInfoAttr::Id(id),
                BridgeVlanTunnelInfoAttr::Cmd(cmd)
            ]
        ))),
        any::<(u64, u64)>().prop_map(|(a, b)| BridgeVlanEntryAttr::Stats(Nested::new(vec![
            BridgeVlanStatsAttr::RxBytes(a),
            BridgeVlanStatsAttr::TxPackets(b),
        ]))),
    ];
    let global = prop_oneof![
        any::<u16>().prop_map(BridgeVlanGlobalAttr::Id),
        any::<u8>().prop_map(BridgeVlanGlobalAttr::McastSnooping),
        any::<u32>().prop_map(BridgeVlanGlobalAttr::McastLastMemberCnt),
        any::<u64>().prop_map(BridgeVlanGlobalAttr::McastQueryIntvl),
        any::<u16>().prop_map(BridgeVlanGlobalAttr::Msti),
    ];
    prop_oneof![
        proptest::collection::vec(entry, 0..5).prop_map(|a| BridgeVlanAttr::Entry(Nested::new(a))),
        proptest::collection::vec(global, 0..5)
            .prop_map(|a| BridgeVlanAttr::GlobalOptions(Nested::new(a))),
        unknown(3).prop_map(BridgeVlanAttr::Unknown),
    ]
}

fn mdb_attr() -> impl Strategy<Value = MdbAttr> {
    let entry = (
        any::<(u32, u8, u8, u16)>(),
        any::<[u8; 16]>(),
        any::<u16>(),
        proptest::collection::vec(
            prop_oneof![
                any::<u32>().prop_map(MdbEntryExtraAttr::Timer),
                any::<u8>().prop_map(|m| MdbEntryExtraAttr::GroupMode(McastFilterMode::from(m))),
                ip().prop_map(MdbEntryExtraAttr::Source),
                any::<u8>().prop_map(MdbEntryExtraAttr::Rtprot),
                (ip(), any::<u32>()).prop_map(|(a, t)| MdbEntryExtraAttr::SrcList(Nested::new(
                    vec![MdbSrcListAttr::Entry(Nested::new(vec![
                        MdbSrcAttr::Address(a),
                        MdbSrcAttr::Timer(t),
                    ]))]
                ))),
            ],
            0..4,
        ),
        any::<bool>(),
    )
        .prop_map(|((index, state, flags, vid), addr, proto, attrs, nested)| {
            MdbMdbAttr::Entry(Nested::new(vec![MdbEntryAttr::Info(MdbEntryInfo {
                fixed: BrMdbEntry {
                    index,
                    state: MdbState::from(state),
                    flags: MdbFlags(flags),
                    vid,
                    addr,
                    proto: Be16(proto),
                    ..Default::default()
                },
                attrs,
                flags: if nested { 0x8000 } else { 0 },
            })]))
        });
    let port = (any::<u32>(), any::<u32>(), any::<u16>()).prop_map(|(index, timer, vid)| {
        MdbRouterAttr::Port(MdbRouterPort {
            fixed: MdbRouterPortIndex {
                index,
                extra: Default::default(),
            },
            attrs: vec![MdbRouterPortAttr::Timer(timer), MdbRouterPortAttr::Vid(vid)],
            flags: 0,
        })
    });
    prop_oneof![
        proptest::collection::vec(entry, 0..3).prop_map(|a| MdbAttr::Mdb(Nested::new(a))),
        proptest::collection::vec(port, 0..3).prop_map(|a| MdbAttr::Router(Nested::new(a))),
        unknown(3).prop_map(MdbAttr::Unknown),
    ]
}

fn attrs<T: std::fmt::Debug>(s: impl Strategy<Value = T>) -> impl Strategy<Value = Vec<T>> {
    proptest::collection::vec(s, 0..6)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        never_panics!(&bytes, NsidMessage, NsidView);
        never_panics!(&bytes, NetconfMessage, NetconfView);
        never_panics!(&bytes, PrefixMessage, PrefixView);
        never_panics!(&bytes, AddressLabelMessage, AddressLabelView);
        never_panics!(&bytes, StatsMessage, StatsView);
        never_panics!(&bytes, BridgeVlanMessage, BridgeVlanView);
        never_panics!(&bytes, MdbMessage, MdbView);
        if let Ok(m) = StatsMessage::parse(&bytes) {
            let _ = m.getset_attrs();
        }
        if let Ok(m) = MdbMessage::parse(&bytes) {
            let _ = m.set_attrs();
            for e in m.entries() {
                let _ = e.fixed.group();
            }
        }
    }

    #[test]
    fn generated_messages_round_trip(
        nsid in attrs(nsid_attr()),
        netconf in attrs(netconf_attr()),
        prefix in attrs(prefix_attr()),
        label in attrs(label_attr()),
        stats in attrs(stats_attr()),
        vlan in attrs(vlan_attr()),
        mdb in attrs(mdb_attr()),
        index in any::<u32>(),
    ) {
        let m = NsidMessage::new(NsidHeader::default(), nsid);
        prop_assert_eq!(NsidMessage::parse(&m.to_bytes()).unwrap(), m);
        let m = NetconfMessage::new(NetconfHeader { family: 2, ..Default::default() }, netconf);
        prop_assert_eq!(NetconfMessage::parse(&m.to_bytes()).unwrap(), m);
        let m = PrefixMessage::new(PrefixHeader { family: 10, index: index as i32, ..Default::default() }, prefix);
        prop_assert_eq!(PrefixMessage::parse(&m.to_bytes()).unwrap(), m);
        let m = AddressLabelMessage::new(AddressLabelHeader { family: 10, index, ..Default::default() }, label);
        prop_assert_eq!(AddressLabelMessage::parse(&m.to_bytes()).unwrap(), m);
        let m = StatsMessage::new(StatsHeader { index, filter_mask: StatsFilter(index), ..Default::default() }, stats);
        prop_assert_eq!(StatsMessage::parse(&m.to_bytes()).unwrap(), m);
        let m = BridgeVlanMessage::new(BridgeVlanHeader { family: 7, index, ..Default::default() }, vlan);
        prop_assert_eq!(BridgeVlanMessage::parse(&m.to_bytes()).unwrap(), m);
        let m = MdbMessage::new(MdbHeader { family: 7, index, ..Default::default() }, mdb);
        prop_assert_eq!(MdbMessage::parse(&m.to_bytes()).unwrap(), m);
    }
}
