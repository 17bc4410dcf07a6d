//! Property tests of the link family: arbitrary bytes never panic the
//! owned parser, the view, or the on-demand decoders of `IFLA_AF_SPEC`
//! (in both header families), `IFLA_PROTINFO` and `IFLA_VFINFO_LIST`; and
//! generated owned messages, nested sets included, round-trip equal.

use std::net::Ipv6Addr;

use netlink_packet_core::nla::{Be16, IndexedArray, MacAddr, Nested, RawAttr, Uint};
use netlink_packet_route::link::*;
use proptest::prelude::*;

// ---- walking every decoder over whatever parsed ----

fn walk_af_spec(spec: &AfSpec) {
    for family in [0, 2, 7, 10] {
        let _ = spec.decode(family);
    }
    let _ = (spec.families(), spec.bridge(), spec.inet(), spec.inet6());
    let view = spec.view();
    for family in view.families().flatten() {
        match &family {
            AfSpecFamilyRef::Inet(nest) => {
                for attr in nest.iter().flatten() {
                    if let AfInetAttrRef::Conf(conf) = &attr {
                        let _ = conf.get(Ipv4DevConf::Forwarding);
                        let _ = conf.get(Ipv4DevConf::Other(u16::MAX));
                    }
                    let _ = attr.to_owned();
                }
            }
            AfSpecFamilyRef::Inet6(nest) => {
                for attr in nest.iter().flatten() {
                    walk_inet6(&attr);
                }
            }
            _ => {}
        }
        if let Ok(AfSpecFamily::Inet(nest)) = family.to_owned() {
            for attr in &nest.attrs {
                if let AfInetAttr::Conf(conf) = attr {
                    let _ = (conf.entries(), conf.get(Ipv4DevConf::RpFilter));
                }
            }
        }
    }
    for attr in view.bridge().flatten() {
        let _ = attr.to_owned();
    }
    let _ = (view.inet(), view.inet6(), view.to_owned());
}

fn walk_inet6(attr: &AfInet6AttrRef<'_>) {
    match attr {
        AfInet6AttrRef::Conf(conf) => {
            let _ = (conf.len(), conf.entries().count());
            let _ = conf.get(Ipv6DevConf::Mtu6);
            let _ = conf.get(Ipv6DevConf::Other(u16::MAX));
        }
        AfInet6AttrRef::Stats(stats) => {
            let _ = (stats.entries().count(), stats.get(Ipv6StatsMib::Num));
        }
        AfInet6AttrRef::Icmp6Stats(stats) => {
            let _ = (stats.entries().count(), stats.get(Icmp6StatsMib::Inmsgs));
        }
        _ => {}
    }
    if let Ok(AfInet6Attr::Conf(conf)) = attr.to_owned() {
        let _ = (conf.entries().count(), conf.get(Ipv6DevConf::Forwarding));
    }
}

fn walk_prot_info(info: &ProtInfo) {
    for family in [0, 7, 10] {
        let _ = info.decode(family);
    }
    let view = info.view();
    for attr in view.inet6().flatten() {
        walk_inet6(&attr);
    }
    for attr in view.bridge_port().flatten() {
        let _ = attr.to_owned();
    }
}

fn walk_vf(list: &VfInfoListAttrRef<'_>) {
    if let VfInfoListAttrRef::Info(nest) = list {
        for attr in nest.iter().flatten() {
            match &attr {
                VfInfoAttrRef::VlanList(vlans) => {
                    for vlan in vlans.iter().flatten() {
                        let _ = vlan.to_owned();
                    }
                }
                VfInfoAttrRef::Stats(stats) => {
                    for stat in stats.iter().flatten() {
                        let _ = stat.to_owned();
                    }
                }
                _ => {}
            }
            let _ = attr.to_owned();
        }
    }
    let _ = list.to_owned();
}

fn walk_message(payload: &[u8]) {
    if let Ok(owned) = LinkMessage::parse(payload) {
        let again = LinkMessage::parse(&owned.to_bytes()).unwrap();
        assert_eq!(again.attrs, owned.attrs);
        let _ = (owned.af_spec_value(), owned.prot_info_value());
        for attr in &owned.attrs {
            match attr {
                LinkAttr::AfSpec(spec) => walk_af_spec(spec),
                LinkAttr::ProtInfo(info) => walk_prot_info(info),
                _ => {}
            }
        }
    }
    if let Ok(view) = LinkView::parse(payload) {
        let _ = (view.name(), view.mtu(), view.address(), view.master());
        let _ = (view.operstate(), view.kind(), view.index());
        if let Some(spec) = view.af_spec() {
            walk_af_spec(&spec.to_owned());
        }
        if let Some(info) = view.prot_info() {
            walk_prot_info(&info.to_owned());
        }
        for attr in view.attrs().flatten() {
            if let LinkAttrRef::VfInfoList(list) = &attr {
                for entry in list.iter().flatten() {
                    walk_vf(&entry);
                }
            }
            let _ = attr.to_owned();
        }
        let _ = view.to_owned();
    }
}

/// A link message payload: `family` in the header, then `kind` holding
/// `value`.
fn payload_with(family: u8, kind: u16, flags: u16, value: &[u8]) -> Vec<u8> {
    let mut payload = vec![0u8; LinkHeader::LEN];
    payload[0] = family;
    let len = u16::try_from(4 + value.len()).unwrap();
    payload.extend_from_slice(&len.to_ne_bytes());
    payload.extend_from_slice(&(kind | flags).to_ne_bytes());
    payload.extend_from_slice(value);
    while payload.len() % 4 != 0 {
        payload.push(0);
    }
    payload
}

/// Attribute trees: well-formed headers with random kinds and flags whose
/// values are random bytes or further trees, so that the decoders get past
/// the first header.
fn nla_tree() -> impl Strategy<Value = Vec<u8>> {
    let leaf = proptest::collection::vec(any::<u8>(), 0..40);
    leaf.prop_recursive(4, 256, 6, |inner| {
        proptest::collection::vec((0u16..16, any::<bool>(), inner), 0..6).prop_map(|items| {
            let mut out = Vec::new();
            for (kind, nested, value) in items {
                let flags = if nested { 0x8000 } else { 0 };
                let len = 4 + value.len();
                out.extend_from_slice(&(len as u16).to_ne_bytes());
                out.extend_from_slice(&(kind | flags).to_ne_bytes());
                out.extend_from_slice(&value);
                out.resize(out.len() + (4 - len % 4) % 4, 0);
            }
            out
        })
    })
}

// ---- generated owned values ----

fn name() -> impl Strategy<Value = String> {
    "[a-z0-9-]{1,15}"
}

fn address() -> impl Strategy<Value = LinkLayerAddress> {
    proptest::collection::vec(any::<u8>(), 0..20).prop_map(LinkLayerAddress::from)
}

fn bytes(n: usize) -> impl Strategy<Value = Vec<u8>> {
    proptest::collection::vec(any::<u8>(), n)
}

fn inet6_attr() -> impl Strategy<Value = AfInet6Attr> {
    prop_oneof![
        any::<u32>().prop_map(|f| AfInet6Attr::Flags(Inet6Flags(f))),
        proptest::collection::vec(any::<i32>(), 0..70)
            .prop_map(|v| AfInet6Attr::Conf(Ipv6Conf::new(v))),
        proptest::collection::vec(any::<u64>(), 0..40)
            .prop_map(|v| AfInet6Attr::Stats(Ipv6Stats::new(v))),
        proptest::collection::vec(any::<u64>(), 0..8)
            .prop_map(|v| AfInet6Attr::Icmp6Stats(Icmp6Stats::new(v))),
        any::<[u32; 4]>().prop_map(|[a, b, c, d]| AfInet6Attr::CacheInfo(Inet6CacheInfo {
            max_reasm_len: a,
            tstamp: b,
            reachable_time: c,
            retrans_time: d,
            extra: Default::default(),
        })),
        any::<[u8; 16]>().prop_map(|b| AfInet6Attr::Token(Ipv6Addr::from(b))),
        any::<u8>().prop_map(|m| AfInet6Attr::AddrGenMode(AddrGenMode::from(m))),
        any::<u32>().prop_map(AfInet6Attr::RaMtu),
    ]
}

fn ipv4_conf() -> impl Strategy<Value = Ipv4Conf> {
    prop_oneof![
        proptest::collection::vec(any::<u32>(), 0..40)
            .prop_map(|v| Ipv4Conf::Values(PackedTable::new(v))),
        proptest::collection::vec((1u16..40, any::<u32>()), 0..8).prop_map(|items| {
            Ipv4Conf::Set(IndexedArray {
                items,
                flagged: true,
            })
        }),
    ]
}

fn families() -> impl Strategy<Value = Vec<AfSpecFamily>> {
    let family = prop_oneof![
        proptest::collection::vec(ipv4_conf().prop_map(AfInetAttr::Conf), 0..2)
            .prop_map(|a| AfSpecFamily::Inet(Nested::new(a))),
        proptest::collection::vec(inet6_attr(), 0..6)
            .prop_map(|a| AfSpecFamily::Inet6(Nested::new(a))),
        (proptest::collection::vec(any::<u8>(), 0..16)).prop_map(|value| AfSpecFamily::Unknown(
            RawAttr {
                raw_kind: 28,
                value: value.into()
            }
        )),
    ];
    proptest::collection::vec(family, 0..4)
}

fn vlan_info() -> impl Strategy<Value = BridgeVlanInfo> {
    (any::<u16>(), any::<u16>()).prop_map(|(flags, vid)| BridgeVlanInfo {
        flags: BridgeVlanFlags(flags),
        vid,
        extra: Default::default(),
    })
}

fn bridge_attrs() -> impl Strategy<Value = Vec<AfSpecBridgeAttr>> {
    let attr = prop_oneof![
        any::<u16>().prop_map(|f| AfSpecBridgeAttr::Flags(BridgeFlags(f))),
        any::<u16>().prop_map(|m| AfSpecBridgeAttr::Mode(BridgeMode::from(m))),
        vlan_info().prop_map(AfSpecBridgeAttr::VlanInfo),
        (any::<u32>(), any::<u16>(), any::<u16>()).prop_map(|(id, vid, flags)| {
            AfSpecBridgeAttr::VlanTunnelInfo(Nested::new(vec![
                BridgeVlanTunnelAttr::Id(id),
                BridgeVlanTunnelAttr::Vid(vid),
                BridgeVlanTunnelAttr::Flags(BridgeVlanFlags(flags)),
            ]))
        }),
        (any::<u32>(), any::<u16>(), any::<u32>()).prop_map(|(ring, prio, state)| {
            AfSpecBridgeAttr::Mrp(Nested::new(vec![
                BridgeMrpAttr::Instance(Nested::new(vec![
                    MrpInstanceAttr::RingId(ring),
                    MrpInstanceAttr::Prio(prio),
                ])),
                BridgeMrpAttr::Info(Nested::new(vec![
                    MrpInfoAttr::RingId(ring),
                    MrpInfoAttr::RingState(MrpRingState::from(state)),
                    MrpInfoAttr::InRole(MrpInRole::from(state)),
                ])),
            ]))
        }),
        (any::<u32>(), any::<[u8; 6]>(), bytes(48)).prop_map(|(instance, mac, maid)| {
            AfSpecBridgeAttr::Cfm(Nested::new(vec![
                BridgeCfmAttr::MepConfigInfo(Nested::new(vec![
                    CfmMepConfigAttr::Instance(instance),
                    CfmMepConfigAttr::UnicastMac(MacAddr(mac)),
                ])),
                BridgeCfmAttr::CcConfig(Nested::new(vec![
                    CfmCcConfigAttr::ExpInterval(CfmCcmInterval::from(instance)),
                    CfmCcConfigAttr::ExpMaid(maid),
                ])),
            ]))
        }),
        (any::<u16>(), any::<u8>()).prop_map(|(msti, state)| {
            AfSpecBridgeAttr::Mst(Nested::new(vec![BridgeMstAttr::Entry(Nested::new(vec![
                BridgeMstEntryAttr::Msti(msti),
                BridgeMstEntryAttr::State(BridgeStpState::from(state)),
            ]))]))
        }),
    ];
    proptest::collection::vec(attr, 0..6)
}

fn vf_info() -> impl Strategy<Value = VfInfoAttr> {
    prop_oneof![
        bytes(36).prop_map(|b| VfInfoAttr::Mac(VfMac::parse_bytes(&b).unwrap())),
        bytes(12).prop_map(|b| VfInfoAttr::Vlan(VfVlan::parse_bytes(&b).unwrap())),
        bytes(8).prop_map(|b| VfInfoAttr::TxRate(VfTxRate::parse_bytes(&b).unwrap())),
        bytes(8).prop_map(|b| VfInfoAttr::SpoofCheck(VfSpoofCheck::parse_bytes(&b).unwrap())),
        bytes(8).prop_map(|b| VfInfoAttr::LinkState(VfLinkState::parse_bytes(&b).unwrap())),
        bytes(12).prop_map(|b| VfInfoAttr::Rate(VfRate::parse_bytes(&b).unwrap())),
        bytes(8).prop_map(|b| VfInfoAttr::Trust(VfTrust::parse_bytes(&b).unwrap())),
        bytes(16).prop_map(|b| VfInfoAttr::IbPortGuid(VfGuid::parse_bytes(&b).unwrap())),
        bytes(32).prop_map(|b| VfInfoAttr::Broadcast(VfBroadcast::parse_bytes(&b).unwrap())),
        (any::<[u32; 3]>(), any::<u16>()).prop_map(|([vf, vlan, qos], proto)| {
            VfInfoAttr::VlanList(Nested::new(vec![VfVlanAttr::Info(VfVlanInfo {
                vf,
                vlan,
                qos,
                vlan_proto: Be16(proto),
                pad: [0; 2],
                extra: Default::default(),
            })]))
        }),
        (any::<u64>(), any::<u64>()).prop_map(|(rx, tx)| {
            VfInfoAttr::Stats(Nested::new(vec![
                VfStatsAttr::RxPackets(rx),
                VfStatsAttr::TxBytes(tx),
                VfStatsAttr::Pad(vec![]),
            ]))
        }),
    ]
}

fn port() -> impl Strategy<Value = Vec<VfPortAttr>> {
    (
        any::<u32>(),
        name(),
        bytes(8),
        bytes(16),
        any::<u8>(),
        any::<u16>(),
    )
        .prop_map(|(vf, profile, vsi, uuid, request, response)| {
            vec![
                VfPortAttr::Vf(vf),
                VfPortAttr::Profile(profile.into()),
                VfPortAttr::VsiType(PortVsi::parse_bytes(&vsi).unwrap()),
                VfPortAttr::HostUuid(uuid),
                VfPortAttr::Request(PortRequest::from(request)),
                VfPortAttr::Response(PortResponse::from(response)),
            ]
        })
}

fn xdp() -> impl Strategy<Value = Vec<XdpAttr>> {
    (any::<i32>(), any::<u8>(), any::<u32>(), any::<u32>()).prop_map(|(fd, attached, flags, id)| {
        vec![
            XdpAttr::Fd(fd),
            XdpAttr::Attached(XdpAttached::from(attached)),
            XdpAttr::Flags(XdpFlags(flags)),
            XdpAttr::ProgId(id),
            XdpAttr::HwProgId(id),
        ]
    })
}

fn attr() -> impl Strategy<Value = LinkAttr> {
    prop_oneof![
        address().prop_map(LinkAttr::Address),
        address().prop_map(LinkAttr::Broadcast),
        name().prop_map(|name| LinkAttr::IfName(name.into())),
        any::<u32>().prop_map(LinkAttr::Mtu),
        any::<u32>().prop_map(LinkAttr::Link),
        name().prop_map(|name| LinkAttr::Qdisc(name.into())),
        bytes(96).prop_map(|b| LinkAttr::Stats(Box::new(LinkStats::parse_bytes(&b).unwrap()))),
        bytes(200).prop_map(|b| LinkAttr::Stats64(Box::new(LinkStats64::parse_bytes(&b).unwrap()))),
        bytes(32).prop_map(|b| LinkAttr::Map(Box::new(LinkIfMap::parse_bytes(&b).unwrap()))),
        any::<u32>().prop_map(LinkAttr::Master),
        any::<u32>().prop_map(LinkAttr::TxQueueLen),
        any::<u8>().prop_map(|s| LinkAttr::OperState(OperState::from(s))),
        any::<u8>().prop_map(|m| LinkAttr::LinkMode(LinkMode::from(m))),
        "[ -~]{0,40}".prop_map(|alias| LinkAttr::IfAlias(alias.into())),
        any::<u32>().prop_map(LinkAttr::NumVf),
        proptest::collection::vec(vf_info(), 0..5).prop_map(|vf| {
            LinkAttr::VfInfoList(Nested::new(vec![VfInfoListAttr::Info(Nested::new(vf))]))
        }),
        port()
            .prop_map(|p| LinkAttr::VfPorts(Nested::new(vec![VfPortsAttr::Port(Nested::new(p))]))),
        port().prop_map(|p| LinkAttr::PortSelf(Nested::new(p))),
        families().prop_map(|f| LinkAttr::AfSpec(AfSpec::from_families(f))),
        bridge_attrs().prop_map(|b| LinkAttr::AfSpec(AfSpec::from_bridge(b))),
        proptest::collection::vec(inet6_attr(), 0..4)
            .prop_map(|a| LinkAttr::ProtInfo(ProtInfo::from_inet6(a))),
        any::<u32>().prop_map(LinkAttr::Group),
        any::<u32>().prop_map(LinkAttr::Promiscuity),
        any::<u8>().prop_map(LinkAttr::Carrier),
        any::<i32>().prop_map(LinkAttr::LinkNetnsId),
        any::<u8>().prop_map(LinkAttr::ProtoDown),
        xdp().prop_map(|x| LinkAttr::Xdp(Nested::new(x))),
        any::<u32>().prop_map(|e| LinkAttr::Event(LinkEvent::from(e))),
        any::<u32>().prop_map(LinkAttr::MinMtu),
        any::<u32>().prop_map(LinkAttr::MaxMtu),
        proptest::collection::vec(name(), 0..3).prop_map(|names| {
            LinkAttr::PropList(Nested::new(
                names
                    .into_iter()
                    .map(|name| LinkAttr::AltIfName(name.into()))
                    .collect(),
            ))
        }),
        (any::<u32>(), any::<u32>()).prop_map(|(mask, value)| {
            LinkAttr::ProtoDownReason(Nested::new(vec![
                ProtoDownReasonAttr::Mask(mask),
                ProtoDownReasonAttr::Value(value),
            ]))
        }),
        any::<u64>().prop_map(|h| LinkAttr::MaxPacingOffloadHorizon(Uint(h))),
        (70u16..0x3fff, proptest::collection::vec(any::<u8>(), 0..24)).prop_map(
            |(raw_kind, value)| LinkAttr::Unknown(RawAttr {
                raw_kind,
                value: value.into()
            })
        ),
    ]
}

fn message() -> impl Strategy<Value = LinkMessage> {
    (
        any::<(u8, u16, i32, u32, u32)>(),
        proptest::collection::vec(attr(), 0..12),
    )
        .prop_map(|((family, link_type, index, flags, change), attrs)| {
            LinkMessage::new(
                LinkHeader {
                    family,
                    pad: 0,
                    link_type: LinkType::from(link_type),
                    index,
                    flags: IfFlags(flags),
                    change: IfFlags(change),
                },
                attrs,
            )
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        walk_message(&bytes);
    }

    #[test]
    fn arbitrary_af_spec_never_panics(
        family in prop_oneof![Just(0u8), Just(7u8)],
        nested in any::<bool>(),
        value in prop_oneof![proptest::collection::vec(any::<u8>(), 0..300), nla_tree()],
    ) {
        let flags = if nested { 0x8000 } else { 0 };
        walk_message(&payload_with(family, LinkAttr::AF_SPEC, flags, &value));
        walk_message(&payload_with(family, LinkAttr::PROTINFO, flags, &value));
    }

    #[test]
    fn arbitrary_vfinfo_list_never_panics(
        value in prop_oneof![proptest::collection::vec(any::<u8>(), 0..300), nla_tree()],
    ) {
        walk_message(&payload_with(0, LinkAttr::VFINFO_LIST, 0x8000, &value));
    }

    #[test]
    fn generated_messages_round_trip(message in message()) {
        let bytes = message.to_bytes();
        let parsed = LinkMessage::parse(&bytes).unwrap();
        prop_assert!(parsed.invalid.is_empty(), "{:?}", parsed.invalid);
        prop_assert_eq!(&parsed, &message);
        prop_assert_eq!(parsed.to_bytes(), bytes);
    }

    #[test]
    fn af_spec_forms_decode_back_to_what_was_built(
        families in families(),
        bridge in bridge_attrs(),
    ) {
        let spec = AfSpec::from_families(families.clone());
        prop_assert_eq!(spec.families().unwrap(), families.clone());
        prop_assert_eq!(spec.decode(0).unwrap(), AfSpecValue::Families(families));
        let spec = AfSpec::from_bridge(bridge.clone());
        prop_assert_eq!(spec.bridge().unwrap(), bridge.clone());
        prop_assert_eq!(spec.decode(7).unwrap(), AfSpecValue::Bridge(bridge));
    }

    #[test]
    fn protinfo_inet6_decodes_back(attrs in proptest::collection::vec(inet6_attr(), 0..6)) {
        let info = ProtInfo::from_inet6(attrs.clone());
        prop_assert_eq!(info.decode(10).unwrap(), ProtInfoValue::Inet6(attrs));
    }
}
