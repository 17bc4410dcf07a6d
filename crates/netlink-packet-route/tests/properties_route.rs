//! Property tests of route messages: arbitrary bytes never panic the owned
//! parser, the view, its accessors or the encapsulation and multipath
//! decoders; generated messages (multipath, metrics, encaps included)
//! round-trip exactly.

use std::net::{Ipv4Addr, Ipv6Addr};

use netlink_packet_core::nla::{AttrValue, Be16, Be64, Nested, Nla, RawAttr, Uint};
use netlink_packet_route::route::*;
use netlink_packet_route::Scope;
use proptest::prelude::*;

fn address() -> impl Strategy<Value = RouteAddress> {
    prop_oneof![
        any::<[u8; 4]>().prop_map(|b| RouteAddress::from(Ipv4Addr::from(b))),
        any::<[u8; 16]>().prop_map(|b| RouteAddress::from(Ipv6Addr::from(b))),
        proptest::collection::vec(any::<u32>(), 1..4).prop_map(|labels| {
            let stack: Vec<MplsLabel> = labels.into_iter().map(MplsLabel::from_entry).collect();
            RouteAddress::from_labels(&stack)
        }),
    ]
}

fn metric() -> impl Strategy<Value = MetricAttr> {
    prop_oneof![
        any::<u32>().prop_map(|v| MetricAttr::Lock(MetricLocks(v))),
        any::<u32>().prop_map(MetricAttr::Mtu),
        any::<u32>().prop_map(MetricAttr::Window),
        any::<u32>().prop_map(MetricAttr::InitCwnd),
        any::<u32>().prop_map(|v| MetricAttr::Features(MetricFeatures(v))),
        "[a-z]{0,30}".prop_map(|name| MetricAttr::CcAlgo(name.into())),
    ]
}

fn encap() -> impl Strategy<Value = EncapValue> {
    prop_oneof![
        (any::<u32>(), any::<u8>()).prop_map(|(l, ttl)| EncapValue::Mpls(vec![
            MplsIpTunnelAttr::Dst(MplsLabels(vec![MplsLabel::from_entry(l)])),
            MplsIpTunnelAttr::Ttl(ttl),
        ])),
        (any::<u64>(), any::<[u8; 4]>(), any::<u16>()).prop_map(|(id, dst, flags)| {
            EncapValue::Ip(vec![
                IpEncapAttr::Id(Be64(id)),
                IpEncapAttr::Dst(Ipv4Addr::from(dst)),
                IpEncapAttr::Flags(Be16(flags)),
            ])
        }),
        proptest::collection::vec(any::<[u8; 16]>(), 1..4).prop_map(|segs| {
            let segs: Vec<Ipv6Addr> = segs.into_iter().map(Ipv6Addr::from).collect();
            EncapValue::Seg6(vec![Seg6IpTunnelAttr::Srh(Seg6IpTunnelEncap::new(
                Seg6Mode::Encap,
                &segs,
            ))])
        }),
        (any::<u32>(), any::<u32>(), any::<u64>()).prop_map(|(action, table, packets)| {
            EncapValue::Seg6Local(vec![
                Seg6LocalAttr::Action(Seg6LocalAction::from(action)),
                Seg6LocalAttr::Table(table),
                Seg6LocalAttr::Counters(Nested::new(vec![Seg6LocalCounterAttr::Packets(packets)])),
            ])
        }),
        (any::<u16>(), any::<u32>()).prop_map(|(ns, kind)| EncapValue::Ioam6(vec![
            Ioam6IpTunnelAttr::Mode(Ioam6Mode::Inline),
            Ioam6IpTunnelAttr::Trace(Ioam6TraceHdr::new(ns, kind, 1, 2)),
        ])),
        "[a-z]{1,8}".prop_map(
            |name| EncapValue::Bpf(vec![LwtBpfAttr::Out(Nested::new(vec![
                LwtBpfProgAttr::Name(name.into())
            ]))])
        ),
    ]
}

fn encap_attrs(value: EncapValue) -> Vec<NextHopAttr> {
    vec![
        NextHopAttr::EncapType(value.encap_type().unwrap_or(EncapType::None)),
        NextHopAttr::Encap(RouteEncap::from_value(&value)),
    ]
}

fn next_hop() -> impl Strategy<Value = NextHop> {
    (
        any::<u8>(),
        any::<u8>(),
        any::<i32>(),
        proptest::option::of(address()),
        proptest::option::of(encap()),
        proptest::option::of(any::<u32>()),
    )
        .prop_map(|(flags, hops, ifindex, gateway, encap, flow)| {
            let mut attrs = Vec::new();
            if let Some(g) = gateway {
                attrs.push(NextHopAttr::Gateway(g));
            }
            if let Some(e) = encap {
                attrs.extend(encap_attrs(e));
            }
            if let Some(f) = flow {
                attrs.push(NextHopAttr::Flow(f));
            }
            NextHop {
                flags: NextHopFlags(flags),
                hops,
                ifindex,
                attrs,
            }
        })
}

fn attr() -> impl Strategy<Value = RouteAttr> {
    prop_oneof![
        address().prop_map(RouteAttr::Dst),
        address().prop_map(RouteAttr::Src),
        address().prop_map(RouteAttr::Gateway),
        address().prop_map(RouteAttr::PrefSrc),
        address().prop_map(RouteAttr::NewDst),
        any::<u32>().prop_map(RouteAttr::Oif),
        any::<u32>().prop_map(RouteAttr::Iif),
        any::<u32>().prop_map(RouteAttr::Priority),
        any::<u32>().prop_map(|t| RouteAttr::Table(RouteTable::from(t))),
        any::<u8>().prop_map(|p| RouteAttr::Pref(RoutePreference::from(p))),
        any::<u32>().prop_map(RouteAttr::NhId),
        any::<u64>().prop_map(|e| RouteAttr::Expires(Uint(e))),
        any::<u16>().prop_map(|p| RouteAttr::Dport(Be16(p))),
        (any::<u16>(), proptest::collection::vec(any::<u8>(), 0..16)).prop_map(|(family, addr)| {
            RouteAttr::Via(RouteVia {
                family,
                addr: addr.into(),
            })
        }),
        proptest::collection::vec(metric(), 0..6).prop_map(|m| RouteAttr::Metrics(Nested::new(m))),
        proptest::collection::vec(next_hop(), 1..4)
            .prop_map(|hops| RouteAttr::Multipath(Multipath(hops))),
        encap().prop_map(|e| RouteAttr::Encap(RouteEncap::from_value(&e))),
        any::<u16>().prop_map(|t| RouteAttr::EncapType(EncapType::from(t))),
        (31u16..0x3fff, proptest::collection::vec(any::<u8>(), 0..24)).prop_map(
            |(raw_kind, value)| RouteAttr::Unknown(RawAttr {
                raw_kind,
                value: value.into()
            })
        ),
    ]
}

fn message() -> impl Strategy<Value = RouteMessage> {
    (
        any::<[u8; 8]>(),
        any::<u32>(),
        proptest::collection::vec(attr(), 0..10),
    )
        .prop_map(|(h, flags, attrs)| {
            let header = RouteHeader {
                family: h[0],
                dst_len: h[1],
                src_len: h[2],
                tos: h[3],
                table: h[4],
                protocol: RouteProtocol::from(h[5]),
                scope: Scope::from(h[6]),
                kind: RouteType::from(h[7]),
                flags: RouteFlags(flags),
            };
            RouteMessage::new(header, attrs)
        })
}

/// Reads everything a view offers; nothing may panic.
fn read_view(bytes: &[u8]) {
    let Ok(view) = RouteView::parse(bytes) else {
        return;
    };
    let _ = (
        view.destination(),
        view.destination_address(),
        view.dst_len(),
    );
    let _ = (view.source(), view.gateway(), view.prefsrc(), view.via());
    let _ = (view.oif(), view.iif(), view.priority(), view.table());
    let _ = (view.kind(), view.protocol(), view.pref(), view.nh_id());
    let _ = view.encap_type();
    if let Some(metrics) = view.metrics() {
        for m in metrics.iter() {
            let _ = m.map(|m| m.to_owned());
        }
    }
    if let Some(multipath) = view.multipath() {
        for hop in multipath.iter().flatten() {
            let _ = (hop.weight(), hop.gateway(), hop.to_owned());
            for a in hop.attrs().flatten() {
                let _ = a.to_owned();
            }
        }
    }
    if let Some(encap) = view.encap() {
        let _ = encap.attrs::<Seg6LocalAttr>().count();
        let _ = encap.attrs::<IpEncapAttr>().count();
        decode_all(&encap.to_owned());
    }
    for attr in view.attrs().flatten() {
        let _ = (attr.kind(), attr.name(), attr.to_owned());
    }
    let _ = view.to_owned();
}

fn decode_all(encap: &RouteEncap) {
    for kind in 0..12u16 {
        let _ = encap.decode(EncapType::from(kind));
    }
}

/// A last attribute without its padding, whose would-be padding bytes are
/// not zero: found by `arbitrary_bytes_never_panic`.
#[test]
fn unpadded_last_attribute_is_stable() {
    let mut bytes = vec![0u8; 24];
    bytes[12] = 9;
    bytes[23] = 1;
    let message = RouteMessage::parse(&bytes).unwrap();
    let again = message.to_bytes();
    assert_eq!(&again[..21], &bytes[..21]);
    assert_eq!(RouteMessage::parse(&again).unwrap().attrs, message.attrs);
    read_view(&bytes);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..256)) {
        if let Ok(message) = RouteMessage::parse(&bytes) {
            let _ = (message.destination(), message.gateway(), message.table());
            let _ = (message.multipath(), message.metrics(), message.encap());
            // Whatever parsed is emitted back in a form that parses to the
            // same message and emits the same bytes again (padding bytes
            // are written as zeros, a missing last padding is added).
            let again = message.to_bytes();
            let back = RouteMessage::parse(&again).unwrap();
            prop_assert_eq!(&back.attrs, &message.attrs);
            prop_assert_eq!(back.to_bytes(), again);
        }
        read_view(&bytes);
    }

    #[test]
    fn arbitrary_attributes_never_panic(
        header in any::<[u8; 12]>(),
        attrs in proptest::collection::vec((0u16..40, proptest::collection::vec(any::<u8>(), 0..48)), 0..8),
    ) {
        let mut bytes = header.to_vec();
        for (kind, value) in attrs {
            let len = 4 + value.len();
            bytes.extend_from_slice(&(len as u16).to_ne_bytes());
            bytes.extend_from_slice(&kind.to_ne_bytes());
            bytes.extend_from_slice(&value);
            bytes.resize((bytes.len() + 3) & !3, 0);
        }
        let message = RouteMessage::parse(&bytes).unwrap();
        let again = message.to_bytes();
        prop_assert_eq!(&RouteMessage::parse(&again).unwrap().attrs, &message.attrs);
        // Exact, except that a nest (RTA_METRICS) whose last inner attribute
        // lacks its padding gets it back (the core's `Nested` rule).
        if !message.attrs.iter().any(|a| matches!(a, RouteAttr::Metrics(_))) {
            prop_assert_eq!(again, bytes.clone());
        }
        read_view(&bytes);
    }

    #[test]
    fn arbitrary_encap_and_multipath_values_never_panic(
        value in proptest::collection::vec(any::<u8>(), 0..160),
    ) {
        decode_all(&RouteEncap { bytes: value.as_slice().into(), flagged: true });
        let nla = Nla::new(RouteAttr::MULTIPATH, &value, 0);
        let lazy = Multipath::parse_ref(&nla).unwrap();
        for hop in lazy.iter().flatten() {
            let _ = hop.to_owned();
            let _ = hop.attrs().count();
        }
        if let Ok(owned) = Multipath::parse(&nla) {
            let mut again = vec![0; owned.value_len()];
            owned.emit_value(&mut again);
            prop_assert_eq!(again, value);
            for hop in &owned.0 {
                let _ = hop.encap();
            }
        }
    }

    #[test]
    fn generated_messages_round_trip(message in message()) {
        let bytes = message.to_bytes();
        let back = RouteMessage::parse(&bytes).unwrap();
        prop_assert!(back.invalid.is_empty(), "{:?}", back.invalid);
        prop_assert_eq!(&back, &message);
        prop_assert_eq!(back.to_bytes(), bytes.clone());
        let view = RouteView::parse(&bytes).unwrap();
        prop_assert_eq!(view.to_owned().unwrap(), message.clone());
        for hop in message.multipath().unwrap_or(&[]) {
            if let Some(decoded) = hop.encap() {
                prop_assert!(decoded.is_ok());
            }
        }
    }
}
