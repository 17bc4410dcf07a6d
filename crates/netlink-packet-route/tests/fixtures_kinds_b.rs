//! Link kinds of this machine's kernel, from captured fixtures (tun and
//! tap, the only ones of these kinds it can create): byte-identical round
//! trips and the values the setup gave. Then property tests: arbitrary
//! bytes as the `IFLA_INFO_DATA` of every declared kind never panic the
//! parser, and whatever parses re-emits to bytes that parse the same.

mod common;

use common::*;
use netlink_packet_core::nla::{Attribute, Nested};
use netlink_packet_route::link::info::*;
use netlink_packet_route::link::{LinkAttr, LinkMessage};
use proptest::prelude::*;

/// The `IFLA_INFO_DATA` of a tun link.
fn tun_data(link: &LinkMessage) -> &Nested<TunAttr> {
    match link.link_info().and_then(|info| info.data()) {
        Some(InfoData::Tun(data)) => data,
        other => panic!("{:?}: not tun data: {other:?}", link.name()),
    }
}

fn attr<A: Attribute + Clone>(data: &Nested<A>, kind: u16) -> Option<A> {
    data.iter().find(|a| a.kind() == kind).cloned()
}

// Setup: ip tuntap add tun0 mode tun user 4242 group 4343 multi_queue vnet_hdr
#[test]
fn tun_with_owner_group_multi_queue_vnet_hdr() {
    let link = link_fixture("link/tun/tun0.hex");
    assert_eq!(link.name(), Some("tun0"));
    assert_eq!(link.kind(), Some("tun"));
    let data = tun_data(&link);
    assert_eq!(
        data.attrs.to_vec(),
        vec![
            TunAttr::Type(TunType::Tun),
            TunAttr::Owner(4242),
            TunAttr::Group(4343),
            TunAttr::Pi(0),
            TunAttr::VnetHdr(1),
            TunAttr::Persist(1),
            TunAttr::MultiQueue(1),
            TunAttr::NumQueues(0),
            TunAttr::NumDisabledQueues(0),
        ]
    );
    // The kernel sends this nest without NLA_F_NESTED; kept as received.
    assert!(!data.flagged);
}

// Setup: ip tuntap add tap0 mode tap pi
#[test]
fn tap_with_packet_information() {
    let link = link_fixture("link/tun/tap0.hex");
    assert_eq!(link.name(), Some("tap0"));
    assert_eq!(link.kind(), Some("tun"));
    let data = tun_data(&link);
    assert_eq!(attr(data, TunAttr::TYPE), Some(TunAttr::Type(TunType::Tap)));
    assert_eq!(attr(data, TunAttr::PI), Some(TunAttr::Pi(1)));
    assert_eq!(attr(data, TunAttr::VNET_HDR), Some(TunAttr::VnetHdr(0)));
    assert_eq!(
        attr(data, TunAttr::MULTI_QUEUE),
        Some(TunAttr::MultiQueue(0))
    );
    assert_eq!(attr(data, TunAttr::PERSIST), Some(TunAttr::Persist(1)));
    // No user or group given: the kernel leaves both attributes out.
    assert_eq!(attr(data, TunAttr::OWNER), None);
    assert_eq!(attr(data, TunAttr::GROUP), None);
}

// Setup: ip tuntap add tap1 mode tap user 0 group 0; ip link set tap1 mtu 1400
#[test]
fn tap_owned_by_root() {
    let link = link_fixture("link/tun/tap1.hex");
    assert_eq!(link.name(), Some("tap1"));
    assert_eq!(link.mtu(), Some(1400));
    let data = tun_data(&link);
    assert_eq!(attr(data, TunAttr::OWNER), Some(TunAttr::Owner(0)));
    assert_eq!(attr(data, TunAttr::GROUP), Some(TunAttr::Group(0)));
    assert_eq!(attr(data, TunAttr::TYPE), Some(TunAttr::Type(TunType::Tap)));
    assert_eq!(attr(data, TunAttr::PI), Some(TunAttr::Pi(0)));
}

#[test]
fn tun_views_read_the_same_values() {
    use netlink_packet_route::link::LinkView;
    let bytes = fixture("link/tun/tun0.hex");
    let view = LinkView::parse(&bytes[16..]).unwrap();
    assert_eq!(view.kind(), Some("tun"));
    let owned = link_fixture("link/tun/tun0.hex");
    assert_eq!(view.to_owned().unwrap(), owned);
}

/// Every kind string with a declared data set, and wireguard, which sends
/// none (its data stays `InfoData::Other`).
const KINDS: &[&str] = &[
    "gre",
    "gretap",
    "erspan",
    "ip6gre",
    "ip6gretap",
    "ip6erspan",
    "ipip",
    "sit",
    "ip6tnl",
    "vti",
    "vti6",
    "geneve",
    "bareudp",
    "tun",
    "xfrm",
    "hsr",
    "prp",
    "gtp",
    "ipoib",
    "can",
    "ppp",
    "rmnet",
    "mctp",
    "dsa",
    "wireguard",
];

/// A link message payload: `ifinfomsg`, `IFLA_IFNAME`, then `IFLA_LINKINFO`
/// holding the kind and `data` as `IFLA_INFO_DATA` (flags as given).
fn payload(kind: &str, data: &[u8], data_flags: u16) -> Vec<u8> {
    fn nla(kind: u16, value: &[u8]) -> Vec<u8> {
        let len = 4 + value.len();
        let mut out = Vec::with_capacity(len + 3);
        out.extend_from_slice(&u16::try_from(len).unwrap().to_ne_bytes());
        out.extend_from_slice(&kind.to_ne_bytes());
        out.extend_from_slice(value);
        out.resize((len + 3) & !3, 0);
        out
    }
    let mut kind_z = kind.as_bytes().to_vec();
    kind_z.push(0);
    let mut info = nla(1, &kind_z);
    info.extend(nla(2 | data_flags, data));
    let mut out = vec![0u8; 16];
    out.extend(nla(3, b"x0\0"));
    out.extend(nla(18, &info));
    out
}

/// One attribute with a small number (so that the declared ones are hit),
/// a value of one of the common sizes, and maybe `NLA_F_NESTED`.
fn one_attr(flagged: bool) -> impl Strategy<Value = Vec<u8>> {
    let flags = if flagged {
        prop_oneof![Just(0u16), Just(0x8000)].boxed()
    } else {
        Just(0u16).boxed()
    };
    // Weighted towards the sizes of the declared values (u32 first).
    let sizes = prop_oneof![
        1 => Just(0usize),
        2 => Just(1),
        2 => Just(2),
        5 => Just(4),
        1 => Just(6),
        1 => Just(8),
        1 => Just(16),
        1 => 32usize..=48,
        1 => 0usize..40,
    ];
    (
        0u16..20,
        flags,
        sizes.prop_flat_map(|n| proptest::collection::vec(any::<u8>(), n)),
    )
        .prop_map(|(kind, flags, value)| {
            let len = 4 + value.len();
            let mut out = Vec::new();
            out.extend_from_slice(&u16::try_from(len).unwrap().to_ne_bytes());
            out.extend_from_slice(&(kind | flags).to_ne_bytes());
            out.extend_from_slice(&value);
            out.resize((len + 3) & !3, 0);
            out
        })
}

/// `IFLA_INFO_DATA` values, with whether they are canonical: well-formed
/// attributes, zero padding, no flag on them. A canonical value that
/// decodes must re-emit byte for byte. Otherwise: attributes with
/// `NLA_F_NESTED` set at random (on scalars too), or raw bytes.
fn data_bytes() -> impl Strategy<Value = (Vec<u8>, bool)> {
    prop_oneof![
        proptest::collection::vec(one_attr(false), 0..8).prop_map(|runs| (runs.concat(), true)),
        proptest::collection::vec(one_attr(true), 0..8).prop_map(|runs| (runs.concat(), false)),
        proptest::collection::vec(any::<u8>(), 0..120).prop_map(|bytes| (bytes, false)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn arbitrary_info_data_never_panics_and_reparses_equal(
        kind in proptest::sample::select(KINDS),
        (data, canonical) in data_bytes(),
        nested in any::<bool>(),
    ) {
        let bytes = payload(kind, &data, if nested { 0x8000 } else { 0 });
        if let Ok(link) = LinkMessage::parse(&bytes) {
            let again = LinkMessage::parse(&link.to_bytes()).unwrap();
            prop_assert_eq!(&again.attrs, &link.attrs);
            prop_assert_eq!(again.to_bytes(), link.to_bytes());
            // A canonical LINKINFO that decoded re-emits byte for byte.
            if link.invalid.is_empty() {
                prop_assert_eq!(link.kind(), Some(kind));
                if canonical {
                    prop_assert_eq!(link.to_bytes(), bytes.clone());
                }
            }
            let info = link.attrs.iter().any(|a| matches!(a, LinkAttr::LinkInfo(_)));
            prop_assert!(info || !link.invalid.is_empty());
        }
        if let Ok(view) = netlink_packet_route::link::LinkView::parse(&bytes) {
            let _ = (view.kind(), view.name());
            for attr in view.attrs().flatten() {
                let _ = attr.to_owned();
            }
        }
    }
}
