//! Namespace id, netconf, address label, stats and MDB messages captured
//! from this kernel (see each fixture's first line for the setup), and
//! prefix, bridge VLAN and MDB entry messages this kernel could not produce
//! here, built from the header layouts.

mod common;

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use common::*;
use netlink_packet_core::nla::{Be16, Nested};
use netlink_packet_core::NetlinkMessage;
use netlink_packet_route::address_label::{AddressLabelAttr, AddressLabelMessage};
use netlink_packet_route::bridge_vlan::*;
use netlink_packet_route::link::{BridgeStpState, BridgeVlanFlags, BridgeVlanInfo};
use netlink_packet_route::mdb::*;
use netlink_packet_route::netconf::{NetconfAttr, NetconfIfindex, NetconfMessage};
use netlink_packet_route::prefix::*;
use netlink_packet_route::stats::*;
use netlink_packet_route::RouteNetlinkMessage;

fn netconf(name: &str) -> NetconfMessage {
    match parse_fixture(&format!("netconf/{name}")) {
        RouteNetlinkMessage::NewNetconf(m) => m,
        other => panic!("{name}: {other:?}"),
    }
}

fn stats(name: &str) -> StatsMessage {
    match parse_fixture(&format!("stats/{name}")) {
        RouteNetlinkMessage::NewStats(m) => m,
        other => panic!("{name}: {other:?}"),
    }
}

#[test]
fn nsid_assigned_with_ip_netns_set() {
    match parse_fixture("nsid/message-0.hex") {
        RouteNetlinkMessage::NewNsid(m) => {
            assert_eq!(m.nsid(), Some(7));
            assert_eq!(m.header.family, 0);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn netconf_ipv4_and_ipv6() {
    let lo = netconf("inet-message-0.hex");
    assert_eq!(lo.header.family, 2);
    assert_eq!(lo.ifindex(), Some(NetconfIfindex::Other(1)));
    assert!(lo.attrs.contains(&NetconfAttr::RpFilter(0)));
    assert!(lo.attrs.contains(&NetconfAttr::BcForwarding(0)));
    let all = netconf("inet-message-3.hex");
    assert_eq!(all.ifindex(), Some(NetconfIfindex::All));
    let default = netconf("inet-message-4.hex");
    assert_eq!(default.ifindex(), Some(NetconfIfindex::Default));
    let v6 = netconf("inet6-message-3.hex");
    assert_eq!(v6.header.family, 10);
    assert_eq!(v6.ifindex(), Some(NetconfIfindex::All));
    // IPv6 has no rp_filter.
    assert!(!v6
        .attrs
        .iter()
        .any(|a| matches!(a, NetconfAttr::RpFilter(_))));
    assert!(v6.attrs.contains(&NetconfAttr::Forwarding(0)));
}

#[test]
fn address_label_added_with_ip() {
    let m: AddressLabelMessage = match parse_fixture("address_label/message-3.hex") {
        RouteNetlinkMessage::NewAddressLabel(m) => m,
        other => panic!("{other:?}"),
    };
    assert_eq!(m.header.family, 10);
    assert_eq!(m.header.prefix_len, 32);
    assert_eq!(m.address(), Some("2001:db8::".parse::<Ipv6Addr>().unwrap()));
    assert_eq!(m.label(), Some(100));
    match parse_fixture("address_label/message-0.hex") {
        RouteNetlinkMessage::NewAddressLabel(m) => {
            assert_eq!(m.address(), Some(Ipv6Addr::LOCALHOST));
            assert_eq!(m.header.prefix_len, 128);
            assert!(m.attrs.contains(&AddressLabelAttr::Label(0)));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn stats_with_filter_masks() {
    let m = stats("link64-message-1.hex");
    assert_eq!(m.header.filter_mask, StatsFilter::LINK_64);
    assert_eq!(m.attrs.len(), 1);
    assert!(m.link_64().is_some());

    // The bridge has master xstats, its port slave xstats (with STP).
    let bridge = stats("xstats-message-1.hex");
    assert_eq!(
        bridge.header.filter_mask,
        StatsFilter::LINK_XSTATS | StatsFilter::LINK_XSTATS_SLAVE
    );
    let StatsAttr::LinkXstats(x) = &bridge.attrs[0] else {
        panic!("{:?}", bridge.attrs)
    };
    let LinkXstatsAttr::Bridge(b) = &x[0] else {
        panic!("{x:?}")
    };
    assert!(matches!(b[0], BridgeXstatsAttr::Mcast(_)));
    let port = stats("xstats-message-3.hex");
    let StatsAttr::LinkXstatsSlave(x) = &port.attrs[0] else {
        panic!("{:?}", port.attrs)
    };
    let LinkXstatsAttr::Bridge(b) = &x[0] else {
        panic!("{x:?}")
    };
    assert!(b.iter().any(|a| matches!(a, BridgeXstatsAttr::Stp(_))));

    let offload = stats("offload-afspec-message-1.hex");
    assert_eq!(
        offload.header.filter_mask,
        StatsFilter::LINK_OFFLOAD_XSTATS | StatsFilter::AF_SPEC
    );
    let StatsAttr::LinkOffloadXstats(o) = &offload.attrs[0] else {
        panic!("{:?}", offload.attrs)
    };
    let OffloadXstatsAttr::HwSInfo(info) = &o[0] else {
        panic!("{o:?}")
    };
    let HwStatsInfoAttr::L3Stats(l3) = &info[0] else {
        panic!("{info:?}")
    };
    assert_eq!(
        l3.attrs.to_vec(),
        vec![
            HwStatsInfoEntryAttr::Request(0),
            HwStatsInfoEntryAttr::Used(0)
        ]
    );
    assert!(matches!(offload.attrs[1], StatsAttr::AfSpec(_)));
}

#[test]
fn mdb_dump_of_a_bridge_without_groups() {
    match parse_fixture("mdb/message-0.hex") {
        RouteNetlinkMessage::GetMdb(m) => {
            assert_eq!(m.header.index, 2);
            assert!(m.entries().is_empty());
        }
        other => panic!("{other:?}"),
    }
}

/// A request whose attribute numbers overlap the reply set's (MDB and
/// stats requests): its bytes come back unchanged and its attributes stay
/// raw. The reply set reports them as invalid, which is expected here.
fn request_round_trip(message: RouteNetlinkMessage) -> RouteNetlinkMessage {
    let bytes = bytes_of(&message);
    let back = NetlinkMessage::<RouteNetlinkMessage>::parse_bytes(&bytes).unwrap();
    assert_eq!(back.to_bytes(), bytes);
    match back.payload {
        netlink_packet_core::NetlinkPayload::Inner(inner) => inner,
        other => panic!("{other:?}"),
    }
}

/// The bytes of `message` as a whole netlink message.
fn bytes_of(message: &RouteNetlinkMessage) -> Vec<u8> {
    NetlinkMessage::from_inner(message.clone()).to_bytes()
}

#[test]
fn prefix_notification_from_layout() {
    // RTM_NEWPREFIX comes only when a router advertisement arrives.
    let message = RouteNetlinkMessage::NewPrefix(PrefixMessage::new(
        PrefixHeader {
            family: 10,
            index: 3,
            kind: 3,
            len: 64,
            flags: 0x3,
            ..Default::default()
        },
        vec![
            PrefixAttr::Address("2001:db8:1::".parse().unwrap()),
            PrefixAttr::CacheInfo(PrefixCacheInfo {
                preferred_time: 600,
                valid_time: 1800,
                extra: Default::default(),
            }),
        ],
    ));
    let bytes = bytes_of(&message);
    round_trip(message);
    // nlmsghdr (16) + prefixmsg (12): ifindex at 20, type/len/flags at 24..27.
    assert_eq!(&bytes[4..6], &52u16.to_ne_bytes());
    assert_eq!(&bytes[20..24], &3i32.to_ne_bytes());
    assert_eq!(&bytes[24..27], &[3, 64, 3]);
    // PREFIX_ADDRESS: 20-byte attribute, type 1, then the address.
    assert_eq!(&bytes[28..32], &[20, 0, 1, 0]);
    assert_eq!(&bytes[32..36], &[0x20, 0x01, 0x0d, 0xb8]);
    // PREFIX_CACHEINFO: preferred then valid.
    assert_eq!(&bytes[48..52], &[12, 0, 2, 0]);
    assert_eq!(&bytes[52..56], &600u32.to_ne_bytes());
    assert_eq!(&bytes[56..60], &1800u32.to_ne_bytes());
}

#[test]
fn bridge_vlan_entries_from_layout() {
    // This kernel's bridge has no VLAN filtering: no RTM_NEWVLAN to capture.
    let entry = BridgeVlanAttr::Entry(Nested::new(vec![
        BridgeVlanEntryAttr::Info(BridgeVlanInfo {
            flags: BridgeVlanFlags::PVID | BridgeVlanFlags::UNTAGGED,
            vid: 10,
            extra: Default::default(),
        }),
        BridgeVlanEntryAttr::Range(20),
        BridgeVlanEntryAttr::State(BridgeStpState::Forwarding),
        BridgeVlanEntryAttr::TunnelInfo(Nested::new(vec![BridgeVlanTunnelInfoAttr::Id(1000)])),
        BridgeVlanEntryAttr::Stats(Nested::new(vec![
            BridgeVlanStatsAttr::RxBytes(1),
            BridgeVlanStatsAttr::TxPackets(2),
        ])),
    ]));
    let global = BridgeVlanAttr::GlobalOptions(Nested::new(vec![
        BridgeVlanGlobalAttr::Id(10),
        BridgeVlanGlobalAttr::McastSnooping(1),
        BridgeVlanGlobalAttr::McastQueryIntvl(12500),
        BridgeVlanGlobalAttr::Msti(3),
    ]));
    let message = RouteNetlinkMessage::NewVlan(BridgeVlanMessage::new(
        BridgeVlanHeader {
            family: 7,
            index: 4,
            ..Default::default()
        },
        vec![entry, global],
    ));
    let bytes = bytes_of(&message);
    let back = round_trip(message);
    // br_vlan_msg: family 7, ifindex 4; then ENTRY (nested) with INFO.
    assert_eq!(bytes[16], 7);
    assert_eq!(&bytes[20..24], &4u32.to_ne_bytes());
    assert_eq!(&bytes[26..28], &(1u16 | 0x8000).to_ne_bytes());
    assert_eq!(&bytes[28..32], &[8, 0, 1, 0]);
    assert_eq!(&bytes[32..34], &6u16.to_ne_bytes());
    assert_eq!(&bytes[34..36], &10u16.to_ne_bytes());
    let RouteNetlinkMessage::NewVlan(back) = back else {
        unreachable!()
    };
    assert_eq!(back.entries().count(), 1);
    // A dump request with flags, read back as request attributes.
    let dump = BridgeVlanDumpAttr::Flags(BridgeVlanDumpFlags::STATS).to_vlan_attr();
    let request = BridgeVlanMessage::new(
        BridgeVlanHeader {
            family: 7,
            ..Default::default()
        },
        vec![dump],
    );
    let bytes = request.to_bytes();
    assert_eq!(&bytes[8..16], &[8, 0, 1, 0, 1, 0, 0, 0]);
}

#[test]
fn mdb_entry_from_layout() {
    let mut entry = BrMdbEntry {
        index: 5,
        state: MdbState::Permanent,
        flags: MdbFlags::OFFLOAD,
        vid: 0,
        ..Default::default()
    };
    entry.set_ip_group(IpAddr::V4(Ipv4Addr::new(239, 1, 1, 1)));
    assert_eq!(entry.group(), MdbGroup::Ipv4(Ipv4Addr::new(239, 1, 1, 1)));
    assert_eq!(entry.proto, Be16(0x0800));
    let info = MdbEntryInfo {
        fixed: entry.clone(),
        attrs: vec![MdbEntryExtraAttr::Timer(0), MdbEntryExtraAttr::Rtprot(3)],
        flags: 0,
    };
    let message = RouteNetlinkMessage::NewMdb(MdbMessage::new(
        MdbHeader {
            family: 7,
            index: 2,
            ..Default::default()
        },
        vec![MdbAttr::Mdb(Nested::new(vec![MdbMdbAttr::Entry(
            Nested::new(vec![MdbEntryAttr::Info(info)]),
        )]))],
    ));
    let bytes = bytes_of(&message);
    let back = round_trip(message);
    // MDBA_MDB > MDBA_MDB_ENTRY > MDBA_MDB_ENTRY_INFO: struct at 36.
    assert_eq!(&bytes[32..36], &[4 + 28 + 8 + 8, 0, 1, 0]);
    assert_eq!(&bytes[36..40], &5u32.to_ne_bytes());
    assert_eq!(&bytes[40..44], &[1, 1, 0, 0]);
    assert_eq!(&bytes[44..48], &[239, 1, 1, 1]);
    assert_eq!(&bytes[60..62], &[0x08, 0x00]);
    let RouteNetlinkMessage::NewMdb(back) = back else {
        unreachable!()
    };
    assert_eq!(back.entries()[0].fixed, entry);

    // The request form: MDBA_SET_ENTRY and MDBA_SET_ENTRY_ATTRS.
    let mut v6 = entry.clone();
    v6.set_ip_group("ff0e::1".parse().unwrap());
    let request = MdbMessage::new(
        MdbHeader {
            family: 7,
            index: 2,
            ..Default::default()
        },
        vec![
            MdbSetAttr::Entry(v6.clone()).to_mdb_attr(),
            MdbSetAttr::Attrs(Nested::new(vec![MdbeAttr::Source(
                "2001:db8::1".parse().unwrap(),
            )]))
            .to_mdb_attr(),
        ],
    );
    let set = request.set_attrs().unwrap();
    assert_eq!(set[0], MdbSetAttr::Entry(v6.clone()));
    assert_eq!(v6.group(), MdbGroup::Ipv6("ff0e::1".parse().unwrap()));
    let back = request_round_trip(RouteNetlinkMessage::NewMdb(request));
    let RouteNetlinkMessage::NewMdb(back) = back else {
        unreachable!()
    };
    assert_eq!(back.set_attrs().unwrap(), set);
}

#[test]
fn stats_request_attributes() {
    let filters =
        StatsGetSetAttr::GetFilters(Nested::new(vec![StatsGroupFilterAttr::LinkOffloadXstats(
            1 << 2,
        )]));
    let request = StatsMessage::new(
        StatsHeader {
            filter_mask: StatsFilter::LINK_OFFLOAD_XSTATS,
            ..Default::default()
        },
        vec![
            filters.to_stats_attr(),
            StatsGetSetAttr::SetOffloadXstatsL3Stats(1).to_stats_attr(),
        ],
    );
    assert_eq!(
        request.getset_attrs().unwrap(),
        vec![filters, StatsGetSetAttr::SetOffloadXstatsL3Stats(1)]
    );
    let back = request_round_trip(RouteNetlinkMessage::GetStats(request.clone()));
    let RouteNetlinkMessage::GetStats(back) = back else {
        unreachable!()
    };
    assert_eq!(
        back.getset_attrs().unwrap(),
        request.getset_attrs().unwrap()
    );
    // MPLS per-family statistics.
    let mpls = StatsAttr::AfSpec(Nested::new(vec![StatsAfSpecAttr::Mpls(Nested::new(vec![
        MplsStatsAttr::Link(MplsLinkStats {
            rx_noroute: 9,
            ..Default::default()
        }),
    ]))]));
    round_trip(RouteNetlinkMessage::NewStats(StatsMessage::new(
        StatsHeader::default(),
        vec![mpls],
    )));
}

#[test]
fn mdb_static_entries_captured() {
    // Written by kernel_misc's MDB test with NL_CAPTURE=1.
    let RouteNetlinkMessage::GetMdb(m) = parse_fixture("mdb/static-entries.hex") else {
        panic!()
    };
    let entries = m.entries();
    assert_eq!(entries.len(), 2);
    let groups: Vec<MdbGroup> = entries.iter().map(|e| e.fixed.group()).collect();
    assert!(groups.contains(&MdbGroup::Ipv4(Ipv4Addr::new(239, 1, 1, 1))));
    assert!(groups.contains(&MdbGroup::Ipv4(Ipv4Addr::new(239, 2, 2, 2))));
    for e in entries {
        assert_eq!(e.fixed.state, MdbState::Permanent);
        assert_eq!(e.fixed.index, 4, "v0");
        assert!(e
            .attrs
            .iter()
            .any(|a| matches!(a, MdbEntryExtraAttr::Timer(0))));
    }
}

#[test]
fn mdb_permanent_router_port() {
    let RouteNetlinkMessage::GetMdb(m) = parse_fixture("mdb/router-message-0.hex") else {
        panic!()
    };
    let ports = m.router_ports();
    assert_eq!(ports.len(), 1);
    let port = ports[0];
    assert_eq!(port.fixed.index, 4, "v0");
    assert!(port.attrs.contains(&MdbRouterPortAttr::Type(
        netlink_packet_route::link::info::MulticastRouter::Perm
    )));
    assert!(port.attrs.contains(&MdbRouterPortAttr::Timer(0)));
    assert!(port.attrs.contains(&MdbRouterPortAttr::Inet6Timer(0)));
}

#[test]
fn mdb_source_specific_entry_captured() {
    // Written by kernel_misc's source-specific MDB test with NL_CAPTURE=1.
    let RouteNetlinkMessage::GetMdb(m) = parse_fixture("mdb/source-specific.hex") else {
        panic!()
    };
    let entries = m.entries();
    assert_eq!(entries.len(), 1);
    let e = entries[0];
    assert_eq!(e.fixed.group(), MdbGroup::Ipv4(Ipv4Addr::new(232, 1, 1, 1)));
    assert_eq!(
        e.attrs,
        vec![
            MdbEntryExtraAttr::Timer(0),
            MdbEntryExtraAttr::Source(IpAddr::V4(Ipv4Addr::new(192, 0, 2, 9))),
            // RTPROT_STATIC, MCAST_INCLUDE.
            MdbEntryExtraAttr::Rtprot(4),
            MdbEntryExtraAttr::GroupMode(McastFilterMode::Include),
        ]
    );
}

#[test]
fn mdb_view_walks_entries_without_copying_them() {
    let bytes = fixture("mdb/source-specific.hex");
    let view = MdbView::parse(&bytes[16..]).unwrap();
    let mut seen = Vec::new();
    for attr in view.attrs() {
        let MdbAttrRef::Mdb(mdb) = attr.unwrap() else {
            continue;
        };
        for m in mdb.iter() {
            let MdbMdbAttrRef::Entry(entry) = m.unwrap() else {
                continue;
            };
            for e in entry.iter() {
                let MdbEntryAttrRef::Info(info) = e.unwrap() else {
                    continue;
                };
                seen.push(info.fixed.group());
                let kinds: Vec<u16> = info.attrs().map(|a| a.unwrap().kind()).collect();
                assert_eq!(
                    kinds,
                    [
                        MdbEntryExtraAttr::TIMER,
                        MdbEntryExtraAttr::SOURCE,
                        MdbEntryExtraAttr::RTPROT,
                        MdbEntryExtraAttr::GROUP_MODE
                    ]
                );
            }
        }
    }
    assert_eq!(seen, [MdbGroup::Ipv4(Ipv4Addr::new(232, 1, 1, 1))]);
}
