//! Address messages captured from this kernel (see each fixture's first
//! line for the `ip` commands): decoded values and exact round trips.

mod common;

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use common::*;
use netlink_packet_route::address::{AddressAttr, AddressFlags, AddressMessage};
use netlink_packet_route::{RouteNetlinkMessage, Scope};

fn address(name: &str) -> AddressMessage {
    match parse_fixture(&format!("address/{name}")) {
        RouteNetlinkMessage::NewAddress(a) => a,
        other => panic!("{name}: {other:?}"),
    }
}

fn cache_info(a: &AddressMessage) -> (u32, u32) {
    a.attrs
        .iter()
        .find_map(|attr| match attr {
            AddressAttr::CacheInfo(c) => Some((c.preferred, c.valid)),
            _ => None,
        })
        .expect("IFA_CACHEINFO")
}

#[test]
fn ipv4_with_label_and_broadcast() {
    let a = address("v0-192.0.2.1.hex");
    assert_eq!(a.header.family, 2);
    assert_eq!(a.header.prefix_len, 24);
    assert_eq!(a.header.scope, Scope::Universe);
    assert_eq!(a.header.index, 3);
    assert_eq!(a.address(), Some(IpAddr::V4(Ipv4Addr::new(192, 0, 2, 1))));
    assert_eq!(a.label(), Some("v0:main"));
    assert!(a
        .attrs
        .contains(&AddressAttr::Broadcast(Ipv4Addr::new(192, 0, 2, 255))));
    assert!(a.flags().contains(AddressFlags::PERMANENT));
    assert_eq!(cache_info(&a), (u32::MAX, u32::MAX), "forever");
    // The second address of the same prefix is secondary.
    let b = address("v0-192.0.2.7.hex");
    assert!(b.flags().contains(AddressFlags::SECONDARY));
    assert_eq!(b.label(), Some("v0"));
}

#[test]
fn point_to_point_peer() {
    let a = address("v0-peer.hex");
    assert_eq!(a.header.prefix_len, 32);
    assert!(a
        .attrs
        .contains(&AddressAttr::Local(IpAddr::V4(Ipv4Addr::new(10, 9, 0, 1)))));
    assert!(a
        .attrs
        .contains(&AddressAttr::Address(IpAddr::V4(Ipv4Addr::new(
            10, 9, 0, 2
        )))));
    assert_eq!(a.address(), Some(IpAddr::V4(Ipv4Addr::new(10, 9, 0, 1))));
}

#[test]
fn lifetimes_and_metric() {
    let a = address("v0-198.51.100.5.hex");
    assert_eq!(a.header.prefix_len, 25);
    assert!(!a.flags().contains(AddressFlags::PERMANENT));
    assert!(a.attrs.contains(&AddressAttr::RtPriority(77)));
    let (preferred, valid) = cache_info(&a);
    assert!(preferred <= 1800 && preferred > 1700, "{preferred}");
    assert!(valid <= 3600 && valid > 3500, "{valid}");
}

#[test]
fn ipv6_flags() {
    let a = address("v0-2001_db8__1.hex");
    assert_eq!(a.header.family, 10);
    assert_eq!(a.header.prefix_len, 64);
    assert_eq!(
        a.address(),
        Some(IpAddr::V6("2001:db8::1".parse::<Ipv6Addr>().unwrap()))
    );
    assert!(a.flags().contains(AddressFlags::NOPREFIXROUTE));
    // IFA_FLAGS carries bits beyond the header's 8.
    assert!(a.flags().bits() > 0xff);
    let b = address("v0-2001_db8_1__9.hex");
    assert!(b.flags().contains(AddressFlags::NODAD));
    assert!(b.flags().contains(AddressFlags::PERMANENT));
    let ll = address("v0-link-local.hex");
    assert_eq!(ll.header.scope, Scope::Link);
    assert!(matches!(ll.address(), Some(IpAddr::V6(ip)) if ip.segments()[0] == 0xfe80));
}

#[test]
fn loopback() {
    let a = address("lo-127.0.0.1.hex");
    assert_eq!(a.header.scope, Scope::Host);
    assert_eq!(a.header.prefix_len, 8);
    assert_eq!(a.label(), Some("lo"));
    let six = address("lo-__1.hex");
    assert_eq!(six.address(), Some(IpAddr::V6(Ipv6Addr::LOCALHOST)));
    assert_eq!(six.header.prefix_len, 128);
}

#[test]
fn views_read_the_same_without_copying() {
    use netlink_packet_route::address::AddressView;
    for name in [
        "v0-192.0.2.1.hex",
        "v0-peer.hex",
        "v0-2001_db8__1.hex",
        "lo-__1.hex",
    ] {
        let owned = address(name);
        let bytes = fixture(&format!("address/{name}"));
        let view = AddressView::parse(&bytes[16..]).unwrap();
        assert_eq!(view.address(), owned.address());
        assert_eq!(view.label(), owned.label());
        assert_eq!(view.flags(), owned.flags());
        assert_eq!(view.prefix_len(), owned.header.prefix_len);
        assert_eq!(view.to_owned().unwrap(), owned);
        assert_eq!(view.attrs().count(), owned.attrs.len());
    }
}

#[test]
fn built_address_round_trips() {
    use netlink_packet_route::address::{AddressCacheInfo, AddressHeader, AddressProtocol};
    let message = AddressMessage::new(
        AddressHeader {
            family: 10,
            prefix_len: 64,
            flags: 0,
            scope: Scope::Universe,
            index: 7,
        },
        vec![
            AddressAttr::Address(IpAddr::V6("2001:db8::5".parse().unwrap())),
            AddressAttr::Flags(AddressFlags::NODAD | AddressFlags::MANAGETEMPADDR),
            AddressAttr::CacheInfo(AddressCacheInfo {
                preferred: 10,
                valid: 20,
                ..Default::default()
            }),
            AddressAttr::RtPriority(5),
            AddressAttr::Proto(AddressProtocol::KernelLl),
            AddressAttr::TargetNetnsId(3),
        ],
    );
    round_trip(RouteNetlinkMessage::NewAddress(message.clone()));
    // ifaddrmsg: family, prefixlen, flags, scope, then the index.
    assert_eq!(&message.to_bytes()[..8], &[10, 64, 0, 0, 7, 0, 0, 0]);
}
