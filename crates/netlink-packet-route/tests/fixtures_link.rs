//! Link messages captured from this kernel (tests/fixtures/link/*/), each
//! round-tripping byte for byte with nothing left undecoded, and the values
//! decoded from them; then the sets this kernel cannot produce (SR-IOV VFs,
//! XDP, bridge VLANs, MRP, CFM, VF ports), built in code from the header
//! layouts, round-tripped, and checked byte by byte.

mod common;

use std::net::Ipv6Addr;

use common::*;
use netlink_packet_core::nla::{Attribute, Be16, MacAddr, Nested, NlaIter};
use netlink_packet_route::link::*;
use netlink_packet_route::RouteNetlinkMessage;

fn attr<T>(link: &LinkMessage, pick: impl Fn(&LinkAttr) -> Option<T>) -> Option<T> {
    link.attrs.iter().find_map(pick)
}

fn inet6(link: &LinkMessage) -> Vec<AfInet6Attr> {
    link.af_spec()
        .expect("IFLA_AF_SPEC")
        .inet6()
        .expect("AF_INET6 decodes")
        .expect("AF_INET6 entry")
}

fn inet6_conf(attrs: &[AfInet6Attr]) -> Ipv6Conf {
    attrs
        .iter()
        .find_map(|a| match a {
            AfInet6Attr::Conf(conf) => Some(conf.clone()),
            _ => None,
        })
        .expect("IFLA_INET6_CONF")
}

fn inet_conf(link: &LinkMessage) -> Ipv4Conf {
    let inet = link
        .af_spec()
        .unwrap()
        .inet()
        .unwrap()
        .expect("AF_INET entry");
    match &inet[..] {
        [AfInetAttr::Conf(conf)] => conf.clone(),
        other => panic!("{other:?}"),
    }
}

#[test]
fn configured_veth_decodes_every_setting() {
    let v0 = link_fixture("link/configured/v0.hex");
    assert_eq!(v0.name(), Some("v0"));
    assert_eq!(v0.mtu(), Some(1400));
    assert_eq!(
        attr(&v0, |a| match a {
            LinkAttr::TxQueueLen(q) => Some(*q),
            _ => None,
        }),
        Some(500)
    );
    assert_eq!(
        attr(&v0, |a| match a {
            LinkAttr::Group(g) => Some(*g),
            _ => None,
        }),
        Some(7)
    );
    assert_eq!(
        attr(&v0, |a| match a {
            LinkAttr::IfAlias(alias) => Some(alias.clone()),
            _ => None,
        })
        .as_deref(),
        Some("uplink-to-the-lab")
    );
    let altnames = attr(&v0, |a| match a {
        LinkAttr::PropList(list) => Some(list.attrs.to_vec()),
        _ => None,
    })
    .expect("IFLA_PROP_LIST");
    assert_eq!(
        altnames,
        [LinkAttr::AltIfName("long-alternative-name".into())]
    );
    assert_eq!(
        attr(&v0, |a| match a {
            LinkAttr::Address(mac) => Some(mac.to_string()),
            _ => None,
        })
        .as_deref(),
        Some("02:00:00:00:00:01")
    );
    // Up, but its peer is down.
    assert_eq!(
        attr(&v0, |a| match a {
            LinkAttr::OperState(s) => Some(*s),
            _ => None,
        }),
        Some(OperState::LowerLayerDown)
    );
    assert!(v0.header.flags.contains(IfFlags::UP));
    assert!(!v0.header.flags.contains(IfFlags::LOWER_UP));
    assert_eq!(v0.header.link_type, LinkType::Ether);

    // The IPv6 MTU follows the device's.
    let inet6 = inet6(&v0);
    let conf = inet6_conf(&inet6);
    assert_eq!(conf.get(Ipv6DevConf::Mtu6), Some(1400));
    assert_eq!(conf.get(Ipv6DevConf::Forwarding), Some(0));
    assert_eq!(conf.get(Ipv6DevConf::DisableIpv6), Some(0));
    // No carrier: not ready.
    let flags = inet6.iter().find_map(|a| match a {
        AfInet6Attr::Flags(f) => Some(*f),
        _ => None,
    });
    assert_eq!(flags, Some(Inet6Flags::default()));
}

#[test]
fn inet6_settings_of_an_up_veth() {
    let v0 = link_fixture("link/inet6/v0.hex");
    assert_eq!(v0.name(), Some("v0"));
    assert_eq!(
        attr(&v0, |a| match a {
            LinkAttr::OperState(s) => Some(*s),
            _ => None,
        }),
        Some(OperState::Up)
    );
    let inet6 = inet6(&v0);
    let mut seen = Vec::new();
    for a in &inet6 {
        seen.push(a.name().unwrap_or("?"));
        match a {
            AfInet6Attr::Flags(flags) => {
                assert!(flags.contains(Inet6Flags::READY), "{flags:?}");
                assert_eq!(flags.names(), ["READY"]);
            }
            AfInet6Attr::Conf(conf) => {
                assert_eq!(conf.get(Ipv6DevConf::Forwarding), Some(0));
                assert_eq!(conf.get(Ipv6DevConf::Hoplimit), Some(64));
                assert_eq!(conf.get(Ipv6DevConf::Mtu6), Some(1500));
                assert_eq!(conf.get(Ipv6DevConf::DisableIpv6), Some(0));
                assert_eq!(conf.get(Ipv6DevConf::AcceptDad), Some(1));
                // Every entry comes out of the table, named or not.
                assert_eq!(conf.entries().count(), conf.values.len());
                assert!(conf.values.len() >= 59, "{}", conf.values.len());
            }
            AfInet6Attr::Stats(stats) => {
                // Element 0 counts the elements.
                assert_eq!(
                    stats.get(Ipv6StatsMib::Num),
                    Some(stats.values.len() as u64)
                );
            }
            AfInet6Attr::Icmp6Stats(stats) => {
                assert_eq!(
                    stats.get(Icmp6StatsMib::Num),
                    Some(stats.values.len() as u64)
                );
            }
            AfInet6Attr::CacheInfo(info) => {
                assert_eq!(info.max_reasm_len, 65535);
                assert_eq!(info.retrans_time, 1000);
            }
            AfInet6Attr::Token(token) => assert_eq!(*token, Ipv6Addr::UNSPECIFIED),
            AfInet6Attr::AddrGenMode(mode) => assert_eq!(*mode, AddrGenMode::Eui64),
            _ => {}
        }
    }
    for name in [
        "IFLA_INET6_FLAGS",
        "IFLA_INET6_CONF",
        "IFLA_INET6_STATS",
        "IFLA_INET6_ICMP6STATS",
        "IFLA_INET6_CACHEINFO",
        "IFLA_INET6_TOKEN",
        "IFLA_INET6_ADDR_GEN_MODE",
    ] {
        assert!(seen.contains(&name), "{name} missing from {seen:?}");
    }

    // AF_INET: forwarding off, as in every new namespace.
    let conf = inet_conf(&v0);
    assert_eq!(conf.get(Ipv4DevConf::Forwarding), Some(0));
    assert_eq!(conf.get(Ipv4DevConf::AcceptRedirects), Some(1));
    assert_eq!(conf.entries().len(), 33);
    assert_eq!(conf.entries()[0].0, Ipv4DevConf::Forwarding);

    // The decoded family form, re-encoded, gives the kernel's bytes back.
    let spec = v0.af_spec().unwrap();
    let AfSpecValue::Families(families) = spec.decode(v0.header.family).unwrap() else {
        panic!("AF_UNSPEC message decoded as bridge settings");
    };
    assert_eq!(
        families.iter().map(|f| f.kind()).collect::<Vec<_>>(),
        [2, 10]
    );
    let again = AfSpec::from_families(families);
    assert_eq!(again.bytes, spec.bytes);

    // 64-bit counters agree with the 32-bit ones.
    let stats = attr(&v0, |a| match a {
        LinkAttr::Stats(s) => Some(s.clone()),
        _ => None,
    })
    .unwrap();
    let stats64 = attr(&v0, |a| match a {
        LinkAttr::Stats64(s) => Some(s.clone()),
        _ => None,
    })
    .unwrap();
    for (small, big) in [
        (stats.rx_packets, stats64.rx_packets),
        (stats.tx_packets, stats64.tx_packets),
        (stats.rx_bytes, stats64.rx_bytes),
        (stats.tx_bytes, stats64.tx_bytes),
        (stats.rx_dropped, stats64.rx_dropped),
        (stats.tx_dropped, stats64.tx_dropped),
        (stats.multicast, stats64.multicast),
    ] {
        assert_eq!(u64::from(small), big & 0xffff_ffff);
    }
}

#[test]
fn views_read_af_spec_in_place() {
    let bytes = fixture("link/inet6/v0.hex");
    let view = LinkView::parse(&bytes[16..]).unwrap();
    let spec = view.af_spec().expect("IFLA_AF_SPEC");
    let inet6 = spec.inet6().expect("AF_INET6");
    let conf = inet6
        .iter()
        .find_map(|a| match a.unwrap() {
            AfInet6AttrRef::Conf(conf) => Some(conf),
            _ => None,
        })
        .unwrap();
    assert_eq!(conf.get(Ipv6DevConf::Mtu6), Some(1500));
    let inet = spec.inet().expect("AF_INET");
    let forwarding = inet.iter().find_map(|a| match a.unwrap() {
        AfInetAttrRef::Conf(conf) => conf.get(Ipv4DevConf::Forwarding),
        _ => None,
    });
    assert_eq!(forwarding, Some(0));
    assert_eq!(spec.families().count(), 2);
}

#[test]
fn loopback_is_up_with_ipv6() {
    let lo = link_fixture("link/inet6/lo.hex");
    assert_eq!(lo.name(), Some("lo"));
    assert_eq!(lo.header.link_type, LinkType::Loopback);
    assert!(lo.header.flags.contains(IfFlags::LOOPBACK | IfFlags::UP));
    assert_eq!(lo.mtu(), Some(65536));
    let conf = inet6_conf(&inet6(&lo));
    assert_eq!(conf.get(Ipv6DevConf::Mtu6), Some(65536));
    assert_eq!(conf.get(Ipv6DevConf::DisableIpv6), Some(0));
}

#[test]
fn inet6_family_messages_carry_inet6_protinfo() {
    let v0 = link_fixture("link/inet6-family/v0.hex");
    assert_eq!(v0.header.family, 10);
    let Some(Ok(ProtInfoValue::Inet6(attrs))) = v0.prot_info_value() else {
        panic!("{:?}", v0.prot_info_value());
    };
    let conf = inet6_conf(&attrs);
    assert_eq!(conf.get(Ipv6DevConf::Mtu6), v0.mtu().map(|m| m as i32));
    assert!(attrs
        .iter()
        .any(|a| matches!(a, AfInet6Attr::AddrGenMode(AddrGenMode::Eui64))));
}

#[test]
fn bridge_port_protinfo() {
    let v0 = link_fixture("link/bridge-port/v0.hex");
    assert_eq!(v0.header.family, 7);
    assert_eq!(v0.name(), Some("v0"));
    let info = v0.prot_info().expect("IFLA_PROTINFO");
    assert!(info.flagged);
    let Ok(ProtInfoValue::BridgePort(port)) = info.decode(v0.header.family) else {
        panic!("not bridge port attributes");
    };
    // IFLA_BRPORT_STATE (1) is BR_STATE_FORWARDING (3), whatever the
    // declaration of the bridge port set makes of it.
    let state = port
        .iter()
        .find(|a| a.kind() == 1)
        .expect("IFLA_BRPORT_STATE");
    assert_eq!(state.to_bytes()[4], 3);
    // The same through the view.
    let bytes = fixture("link/bridge-port/v0.hex");
    let view = LinkView::parse(&bytes[16..]).unwrap();
    let raw = view.prot_info().unwrap();
    assert_eq!(raw.bridge_port().count(), port.len());
    // No AF_SPEC without IFLA_EXT_MASK.
    assert!(v0.af_spec().is_none());
}

#[test]
fn protodown_reason() {
    let m0 = link_fixture("link/protodown/m0.hex");
    assert_eq!(
        attr(&m0, |a| match a {
            LinkAttr::ProtoDown(p) => Some(*p),
            _ => None,
        }),
        Some(1)
    );
    let reasons = attr(&m0, |a| match a {
        LinkAttr::ProtoDownReason(r) => Some(r.attrs.to_vec()),
        _ => None,
    })
    .expect("IFLA_PROTO_DOWN_REASON");
    assert_eq!(reasons, [ProtoDownReasonAttr::Value(1 << 3)]);
}

fn round_trip_link(attrs: Vec<LinkAttr>) -> Vec<u8> {
    let message = LinkMessage::new(LinkHeader::default(), attrs);
    match round_trip(RouteNetlinkMessage::NewLink(message.clone())) {
        RouteNetlinkMessage::NewLink(back) => assert!(back.invalid.is_empty()),
        other => panic!("{other:?}"),
    }
    message.to_bytes()[LinkHeader::LEN..].to_vec()
}

fn u16_at(bytes: &[u8], at: usize) -> u16 {
    u16::from_ne_bytes([bytes[at], bytes[at + 1]])
}

fn u32_at(bytes: &[u8], at: usize) -> u32 {
    u32::from_ne_bytes(bytes[at..at + 4].try_into().unwrap())
}

#[test]
fn vf_info_built_from_the_header_layouts() {
    let mut mac = [0u8; 32];
    mac[..6].copy_from_slice(&[2, 0, 0, 0, 0, 9]);
    let vf = Nested::new(vec![
        VfInfoAttr::Mac(VfMac {
            vf: 3,
            mac,
            extra: Default::default(),
        }),
        VfInfoAttr::Vlan(VfVlan {
            vf: 3,
            vlan: 100,
            qos: 2,
            extra: Default::default(),
        }),
        VfInfoAttr::Rate(VfRate {
            vf: 3,
            min_tx_rate: 10,
            max_tx_rate: 1000,
            extra: Default::default(),
        }),
        VfInfoAttr::LinkState(VfLinkState {
            vf: 3,
            link_state: VfLinkStatePolicy::Disable,
            extra: Default::default(),
        }),
        VfInfoAttr::IbNodeGuid(VfGuid {
            vf: 3,
            pad: [0; 4],
            guid: 0x0102_0304_0506_0708,
            extra: Default::default(),
        }),
        VfInfoAttr::VlanList(Nested::new(vec![VfVlanAttr::Info(VfVlanInfo {
            vf: 3,
            vlan: 100,
            qos: 0,
            vlan_proto: Be16(0x88a8),
            pad: [0; 2],
            extra: Default::default(),
        })])),
        VfInfoAttr::Stats(Nested::new(vec![
            VfStatsAttr::RxPackets(5),
            VfStatsAttr::TxDropped(7),
        ])),
        VfInfoAttr::Trust(VfTrust {
            vf: 3,
            setting: 1,
            extra: Default::default(),
        }),
    ]);
    let bytes = round_trip_link(vec![
        LinkAttr::NumVf(4),
        LinkAttr::VfInfoList(Nested::new(vec![VfInfoListAttr::Info(vf)])),
    ]);
    // IFLA_NUM_VF, then IFLA_VFINFO_LIST (22, nested) > IFLA_VF_INFO (1).
    assert_eq!(u16_at(&bytes, 8 + 2), 22 | 0x8000);
    assert_eq!(u16_at(&bytes, 12 + 2), 1 | 0x8000);
    // IFLA_VF_MAC: struct ifla_vf_mac is 4 + 32 bytes.
    let mac_attr = 16;
    assert_eq!(u16_at(&bytes, mac_attr), 4 + 36);
    assert_eq!(u16_at(&bytes, mac_attr + 2), 1);
    assert_eq!(u32_at(&bytes, mac_attr + 4), 3);
    assert_eq!(bytes[mac_attr + 8..mac_attr + 14], [2, 0, 0, 0, 0, 9]);
    // IFLA_VF_VLAN: vf, vlan, qos.
    let vlan_attr = mac_attr + 40;
    assert_eq!(u16_at(&bytes, vlan_attr), 4 + 12);
    assert_eq!(u32_at(&bytes, vlan_attr + 8), 100);
    // The GUID sits at offset 8 of struct ifla_vf_guid (16 bytes).
    let list = NlaIter::new(&bytes).nth(1).unwrap().unwrap();
    let info = list.nested().next().unwrap().unwrap();
    let guid = info.nested().flatten().find(|n| n.kind() == 10).unwrap();
    assert_eq!(guid.value().len(), 16);
    assert_eq!(guid.value()[8..], 0x0102_0304_0506_0708u64.to_ne_bytes());
    // struct ifla_vf_vlan_info is 16 bytes with vlan_proto big-endian at 12.
    let vlans = info.nested().flatten().find(|n| n.kind() == 12).unwrap();
    let vlan_info = vlans.nested().next().unwrap().unwrap();
    assert_eq!(vlan_info.value().len(), 16);
    assert_eq!(vlan_info.value()[12..14], [0x88, 0xa8]);
    // IFLA_VF_STATS_RX_PACKETS is attribute 0.
    let stats = info.nested().flatten().find(|n| n.kind() == 8).unwrap();
    let first = stats.nested().next().unwrap().unwrap();
    assert_eq!((first.kind(), first.as_u64().unwrap()), (0, 5));
}

#[test]
fn vf_ports_built_from_the_header_layouts() {
    let port = vec![
        VfPortAttr::Vf(1),
        VfPortAttr::Profile("gold".into()),
        VfPortAttr::VsiType(PortVsi {
            vsi_mgr_id: 9,
            vsi_type_id: [1, 2, 3],
            vsi_type_version: 4,
            pad: [0; 3],
            extra: Default::default(),
        }),
        VfPortAttr::InstanceUuid(vec![0xab; 16]),
        VfPortAttr::Request(PortRequest::Associate),
        VfPortAttr::Response(PortResponse::ProfileInProgress),
    ];
    let bytes = round_trip_link(vec![
        LinkAttr::VfPorts(Nested::new(vec![VfPortsAttr::Port(Nested::new(
            port.clone(),
        ))])),
        LinkAttr::PortSelf(Nested::new(port)),
    ]);
    let ports = NlaIter::new(&bytes).next().unwrap().unwrap();
    assert_eq!(ports.kind(), 24);
    let one = ports.nested().next().unwrap().unwrap();
    assert_eq!(one.kind(), 1);
    let attrs: Vec<_> = one.nested().flatten().collect();
    // struct ifla_port_vsi is 8 bytes.
    assert_eq!(attrs[2].value(), [9, 1, 2, 3, 4, 0, 0, 0]);
    assert_eq!(attrs[4].value(), [2]);
    assert_eq!(attrs[5].as_u16().unwrap(), 0x101);
}

#[test]
fn xdp_built_from_the_header_layouts() {
    let bytes = round_trip_link(vec![LinkAttr::Xdp(Nested::new(vec![
        XdpAttr::Fd(5),
        XdpAttr::Flags(XdpFlags::SKB_MODE | XdpFlags::UPDATE_IF_NOEXIST),
        XdpAttr::Attached(XdpAttached::Skb),
        XdpAttr::SkbProgId(42),
        XdpAttr::ExpectedFd(-1),
    ]))]);
    let xdp = NlaIter::new(&bytes).next().unwrap().unwrap();
    assert_eq!(xdp.raw_kind(), 43 | 0x8000);
    let attrs: Vec<_> = xdp.nested().flatten().collect();
    assert_eq!((attrs[0].kind(), attrs[0].as_i32().unwrap()), (1, 5));
    assert_eq!((attrs[1].kind(), attrs[1].as_u32().unwrap()), (3, 0b11));
    assert_eq!((attrs[2].kind(), attrs[2].value()), (2, &[2u8][..]));
    assert_eq!((attrs[3].kind(), attrs[3].as_u32().unwrap()), (6, 42));
    assert_eq!(attrs[4].as_i32().unwrap(), -1);
    assert_eq!(XdpFlags::MASK.bits(), 0x1f);
}

#[test]
fn bridge_af_spec_built_from_the_header_layouts() {
    let spec = AfSpec::from_bridge(vec![
        AfSpecBridgeAttr::Flags(BridgeFlags::SELF),
        AfSpecBridgeAttr::Mode(BridgeMode::Vepa),
        AfSpecBridgeAttr::VlanInfo(BridgeVlanInfo {
            flags: BridgeVlanFlags::PVID | BridgeVlanFlags::UNTAGGED,
            vid: 1,
            extra: Default::default(),
        }),
        AfSpecBridgeAttr::VlanInfo(BridgeVlanInfo {
            flags: BridgeVlanFlags::RANGE_BEGIN,
            vid: 10,
            extra: Default::default(),
        }),
        AfSpecBridgeAttr::VlanTunnelInfo(Nested::new(vec![
            BridgeVlanTunnelAttr::Id(5000),
            BridgeVlanTunnelAttr::Vid(10),
            BridgeVlanTunnelAttr::Flags(BridgeVlanFlags::default()),
        ])),
        AfSpecBridgeAttr::Mst(Nested::new(vec![BridgeMstAttr::Entry(Nested::new(vec![
            BridgeMstEntryAttr::Msti(2),
            BridgeMstEntryAttr::State(BridgeStpState::Blocking),
        ]))])),
    ]);
    let header = LinkHeader {
        family: 7,
        index: 4,
        ..Default::default()
    };
    let message = LinkMessage::new(header, vec![LinkAttr::AfSpec(spec.clone())]);
    let back = match round_trip(RouteNetlinkMessage::SetLink(message)) {
        RouteNetlinkMessage::SetLink(back) => back,
        other => panic!("{other:?}"),
    };
    let Some(Ok(AfSpecValue::Bridge(attrs))) = back.af_spec_value() else {
        panic!("AF_BRIDGE message not decoded as bridge settings");
    };
    assert_eq!(attrs.len(), 6);
    assert_eq!(
        attrs[2],
        AfSpecBridgeAttr::VlanInfo(BridgeVlanInfo {
            flags: BridgeVlanFlags(0x6),
            vid: 1,
            extra: Default::default()
        })
    );
    // IFLA_BRIDGE_FLAGS is attribute 0 (u16); struct bridge_vlan_info is
    // flags then vid, two u16.
    let b = &spec.bytes;
    assert_eq!((u16_at(b, 0), u16_at(b, 2), u16_at(b, 4)), (6, 0, 2));
    assert_eq!(u16_at(b, 8), 6);
    assert_eq!(u16_at(b, 10), 1);
    assert_eq!(u16_at(b, 16), 8);
    assert_eq!(u16_at(b, 18), 2);
    assert_eq!(u16_at(b, 20), 0x6);
    assert_eq!(u16_at(b, 22), 1);
    // Read in the other form, IFLA_BRIDGE_VLAN_INFO (2) is taken for an
    // AF_INET nest and fails: the form must come from the header's family.
    assert!(spec.families().is_err());
    assert!(spec.decode(0).is_err());
}

#[test]
fn mrp_and_cfm_built_from_the_header_layouts() {
    let mrp = AfSpecBridgeAttr::Mrp(Nested::new(vec![
        BridgeMrpAttr::Instance(Nested::new(vec![
            MrpInstanceAttr::RingId(1),
            MrpInstanceAttr::PIfIndex(3),
            MrpInstanceAttr::SIfIndex(4),
            MrpInstanceAttr::Prio(0x8000),
        ])),
        BridgeMrpAttr::Info(Nested::new(vec![
            MrpInfoAttr::RingId(1),
            MrpInfoAttr::RingState(MrpRingState::Closed),
            MrpInfoAttr::RingRole(MrpRingRole::Mrm),
            MrpInfoAttr::InRole(MrpInRole::Mim),
        ])),
        BridgeMrpAttr::PortState(Nested::new(vec![MrpPortStateAttr::State(
            MrpPortState::Forwarding,
        )])),
    ]));
    let cfm = AfSpecBridgeAttr::Cfm(Nested::new(vec![
        BridgeCfmAttr::MepCreateInfo(Nested::new(vec![
            CfmMepCreateAttr::Instance(7),
            CfmMepCreateAttr::Domain(CfmDomain::Port),
            CfmMepCreateAttr::Direction(CfmMepDirection::Up),
            CfmMepCreateAttr::IfIndex(3),
        ])),
        BridgeCfmAttr::CcConfigInfo(Nested::new(vec![
            CfmCcConfigAttr::Instance(7),
            CfmCcConfigAttr::Enable(1),
            CfmCcConfigAttr::ExpInterval(CfmCcmInterval::Sec1),
            CfmCcConfigAttr::ExpMaid(vec![1; 48]),
        ])),
        BridgeCfmAttr::CcCcmTxInfo(Nested::new(vec![
            CfmCcCcmTxAttr::Instance(7),
            CfmCcCcmTxAttr::Dmac(MacAddr([1, 0x80, 0xc2, 0, 0, 0x30])),
            CfmCcCcmTxAttr::IfTlvValue(1),
        ])),
        BridgeCfmAttr::CcPeerStatusInfo(Nested::new(vec![
            CfmCcPeerStatusAttr::Instance(7),
            CfmCcPeerStatusAttr::PeerMepId(2),
            CfmCcPeerStatusAttr::CcmDefect(1),
        ])),
    ]));
    let spec = AfSpec::from_bridge(vec![mrp.clone(), cfm.clone()]);
    assert_eq!(spec.bridge().unwrap(), [mrp, cfm]);
    let header = LinkHeader {
        family: 7,
        ..Default::default()
    };
    round_trip(RouteNetlinkMessage::NewLink(LinkMessage::new(
        header,
        vec![LinkAttr::AfSpec(spec.clone())],
    )));
    let top: Vec<_> = NlaIter::new(&spec.bytes).flatten().collect();
    assert_eq!(
        top.iter().map(|n| n.raw_kind()).collect::<Vec<_>>(),
        [4 | 0x8000, 5 | 0x8000]
    );
    let instance = top[0].nested().next().unwrap().unwrap();
    let prio = instance.nested().flatten().last().unwrap();
    assert_eq!((prio.kind(), prio.as_u16().unwrap()), (4, 0x8000));
    let ccm = top[1].nested().nth(2).unwrap().unwrap();
    assert_eq!(ccm.kind(), 13);
    let dmac = ccm.nested().nth(1).unwrap().unwrap();
    assert_eq!(dmac.value(), [1, 0x80, 0xc2, 0, 0, 0x30]);
}

#[test]
fn inet_conf_request_form_is_a_nest() {
    let spec = AfSpec::from_families(vec![
        AfSpecFamily::Inet(Nested::new(vec![AfInetAttr::Conf(Ipv4Conf::set([
            (Ipv4DevConf::Forwarding, 1),
            (Ipv4DevConf::RpFilter, 2),
        ]))])),
        AfSpecFamily::Inet6(Nested::new(vec![
            AfInet6Attr::AddrGenMode(AddrGenMode::None),
            AfInet6Attr::Token("::1:2:3:4".parse().unwrap()),
        ])),
    ]);
    round_trip(RouteNetlinkMessage::SetLink(LinkMessage::new(
        LinkHeader::default(),
        vec![LinkAttr::AfSpec(spec.clone())],
    )));
    let inet = spec.inet().unwrap().unwrap();
    let AfInetAttr::Conf(conf) = &inet[0] else {
        panic!()
    };
    assert!(matches!(conf, Ipv4Conf::Set(_)));
    assert_eq!(conf.get(Ipv4DevConf::RpFilter), Some(2));
    assert_eq!(conf.get(Ipv4DevConf::Forwarding), Some(1));
    assert_eq!(conf.get(Ipv4DevConf::ProxyArp), None);
    // AF_INET (2) > IFLA_INET_CONF (1, nested) > IPV4_DEVCONF_FORWARDING (1).
    let b = &spec.bytes;
    assert_eq!(u16_at(b, 2), 2 | 0x8000);
    assert_eq!(u16_at(b, 6), 1 | 0x8000);
    assert_eq!((u16_at(b, 8), u16_at(b, 10), u32_at(b, 12)), (8, 1, 1));
    assert_eq!(spec.inet6().unwrap().unwrap().len(), 2);
}
