//! Property tests of the address family: arbitrary bytes never panic the
//! owned parser or the view, and generated owned values round-trip.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use netlink_packet_core::nla::RawAttr;
use netlink_packet_route::address::{
    AddressAttr, AddressCacheInfo, AddressFlags, AddressHeader, AddressMessage, AddressProtocol,
    AddressView,
};
use netlink_packet_route::Scope;
use proptest::prelude::*;

fn ip() -> impl Strategy<Value = IpAddr> {
    prop_oneof![
        any::<[u8; 4]>().prop_map(|b| IpAddr::V4(Ipv4Addr::from(b))),
        any::<[u8; 16]>().prop_map(|b| IpAddr::V6(Ipv6Addr::from(b))),
    ]
}

fn attr() -> impl Strategy<Value = AddressAttr> {
    prop_oneof![
        ip().prop_map(AddressAttr::Address),
        ip().prop_map(AddressAttr::Local),
        "[a-z0-9:]{1,40}".prop_map(|label| AddressAttr::Label(label.into())),
        any::<[u8; 4]>().prop_map(|b| AddressAttr::Broadcast(Ipv4Addr::from(b))),
        ip().prop_map(AddressAttr::Anycast),
        any::<[u32; 4]>().prop_map(|[preferred, valid, created, updated]| {
            AddressAttr::CacheInfo(AddressCacheInfo {
                preferred,
                valid,
                created,
                updated,
                extra: Default::default(),
            })
        }),
        ip().prop_map(AddressAttr::Multicast),
        any::<u32>().prop_map(|f| AddressAttr::Flags(AddressFlags(f))),
        any::<u32>().prop_map(AddressAttr::RtPriority),
        any::<i32>().prop_map(AddressAttr::TargetNetnsId),
        any::<u8>().prop_map(|p| AddressAttr::Proto(AddressProtocol::from(p))),
        (12u16..0x3fff, proptest::collection::vec(any::<u8>(), 0..24)).prop_map(
            |(raw_kind, value)| AddressAttr::Unknown(RawAttr {
                raw_kind,
                value: value.into()
            })
        ),
    ]
}

fn message() -> impl Strategy<Value = AddressMessage> {
    (
        any::<[u8; 4]>(),
        any::<u32>(),
        proptest::collection::vec(attr(), 0..12),
    )
        .prop_map(|([family, prefix_len, flags, scope], index, attrs)| {
            AddressMessage::new(
                AddressHeader {
                    family,
                    prefix_len,
                    flags,
                    scope: Scope::from(scope),
                    index,
                },
                attrs,
            )
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        if let Ok(owned) = AddressMessage::parse(&bytes) {
            let again = AddressMessage::parse(&owned.to_bytes()).unwrap();
            prop_assert_eq!(again.attrs, owned.attrs);
        }
        if let Ok(view) = AddressView::parse(&bytes) {
            let _ = (view.address(), view.label(), view.flags(), view.prefix_len());
            for attr in view.attrs().flatten() {
                let _ = attr.to_owned();
            }
            let _ = view.to_owned();
        }
    }

    #[test]
    fn generated_messages_round_trip(message in message()) {
        let bytes = message.to_bytes();
        let parsed = AddressMessage::parse(&bytes).unwrap();
        prop_assert!(parsed.invalid.is_empty());
        prop_assert_eq!(&parsed, &message);
        prop_assert_eq!(parsed.to_bytes(), bytes);
    }
}
