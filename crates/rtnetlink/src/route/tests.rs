//! The messages the builders make, byte for byte where it matters, without
//! a kernel.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use netlink_packet_core::NetlinkFlags;
use netlink_packet_route::route::{
    RouteAttr, RouteFlags, RouteMessage, RouteProtocol, RouteTable, RouteType,
};
use netlink_packet_route::{RouteNetlinkMessage, Scope};

use super::*;
use crate::Request;

const V4: IpAddr = IpAddr::V4(Ipv4Addr::new(10, 1, 0, 0));
const GW4: IpAddr = IpAddr::V4(Ipv4Addr::new(192, 0, 2, 2));
const V6: IpAddr = IpAddr::V6(Ipv6Addr::new(0x2001, 0xdb8, 1, 0, 0, 0, 0, 0));

fn route_of<T>(request: &Request<T>) -> &RouteMessage {
    match request.message() {
        RouteNetlinkMessage::NewRoute(m)
        | RouteNetlinkMessage::DelRoute(m)
        | RouteNetlinkMessage::GetRoute(m) => m,
        other => panic!("not a route message: {other:?}"),
    }
}

#[test]
fn add_defaults_follow_iproute2() {
    let request = RouteAdd::new(V4, 16).gateway(GW4).build();
    assert!(request.check().is_ok());
    assert_eq!(request.flags(), NetlinkFlags::CREATE | NetlinkFlags::EXCL);
    let m = route_of(&request);
    assert_eq!(m.header.family, 2);
    assert_eq!(m.header.dst_len, 16);
    assert_eq!(m.header.table, 254);
    assert_eq!(m.header.protocol, RouteProtocol::Boot);
    assert_eq!(m.header.kind, RouteType::Unicast);
    assert_eq!(m.header.scope, Scope::Universe);
    assert_eq!(m.destination(), Some(V4));
    assert_eq!(m.gateway(), Some(GW4));

    let m = RouteAdd::new(V4, 16).dev(3).message().unwrap();
    assert_eq!(m.header.scope, Scope::Link);
    let m = RouteAdd::new(V4, 16)
        .kind(RouteType::Local)
        .message()
        .unwrap();
    assert_eq!(m.header.scope, Scope::Host);
    let m = RouteAdd::default_v6().message().unwrap();
    assert_eq!(m.header.dst_len, 0);
    assert!(m.destination().is_none());
}

#[test]
fn modes_set_their_flags() {
    let replace = RouteAdd::new(V4, 16).replace().build();
    assert_eq!(
        replace.flags(),
        NetlinkFlags::CREATE | NetlinkFlags::REPLACE
    );
    let append = RouteAdd::new(V4, 16).append().build();
    assert_eq!(append.flags(), NetlinkFlags::CREATE | NetlinkFlags::APPEND);
}

#[test]
fn large_tables_go_in_rta_table() {
    let m = RouteAdd::new(V4, 16).table(10).message().unwrap();
    assert_eq!(m.header.table, 10);
    assert!(!m.attrs.iter().any(|a| matches!(a, RouteAttr::Table(_))));
    let m = RouteAdd::new(V4, 16).table(1000).message().unwrap();
    assert_eq!(m.header.table, 0);
    assert!(m.attrs.contains(&RouteAttr::Table(RouteTable::Other(1000))));
    assert_eq!(m.table(), 1000);
}

#[test]
fn deletes_match_anything_not_given() {
    let m = RouteDel::new(V4, 16).message().unwrap();
    assert_eq!(m.header.scope, Scope::Nowhere);
    assert_eq!(m.header.kind, RouteType::Unspec);
    assert_eq!(m.header.protocol, RouteProtocol::Unspec);
    let m = RouteDel::new(V4, 16)
        .protocol(RouteProtocol::Bgp)
        .priority(5)
        .message()
        .unwrap();
    assert_eq!(m.header.protocol, RouteProtocol::Bgp);
    assert_eq!(m.priority(), Some(5));
}

#[test]
fn lookups_are_host_routes() {
    let request = RouteGet::new(V6).fib_match().mark(7).build();
    let m = route_of(&request);
    assert_eq!(m.header.family, 10);
    assert_eq!(m.header.dst_len, 128);
    assert_eq!(m.header.flags, RouteFlags::FIB_MATCH);
    assert!(m.attrs.contains(&RouteAttr::Mark(7)));
    assert!(RouteGet::new(V6).src(GW4).build().check().is_err());
}

#[test]
fn dump_filters_are_sent() {
    let m = RouteDump::new()
        .ipv4()
        .table(1000)
        .protocol(RouteProtocol::Static)
        .kind(RouteType::Blackhole)
        .oif(4)
        .message();
    assert_eq!(m.header.family, 2);
    assert_eq!(m.header.table, 0);
    assert_eq!(m.header.protocol, RouteProtocol::Static);
    assert_eq!(m.header.kind, RouteType::Blackhole);
    assert!(m.attrs.contains(&RouteAttr::Table(RouteTable::Other(1000))));
    assert!(m.attrs.contains(&RouteAttr::Oif(4)));
    // The header's other fields stay 0, as strict checking requires.
    assert_eq!(
        (m.header.dst_len, m.header.src_len, m.header.tos),
        (0, 0, 0)
    );
    assert_eq!(m.header.scope, Scope::Universe);
}

#[test]
fn multipath_weights_are_hops_minus_one() {
    let m = RouteAdd::new(V4, 16)
        .next_hop(MultipathHop::via_gateway(GW4).dev(2).weight(256))
        .next_hop(MultipathHop::new().dev(3))
        .message()
        .unwrap();
    let hops = m.multipath().unwrap();
    assert_eq!((hops[0].hops, hops[0].ifindex), (255, 2));
    assert_eq!((hops[1].hops, hops[1].weight()), (0, 1));
    assert!(RouteAdd::new(V4, 16)
        .next_hop(MultipathHop::via_gateway(GW4).weight(257))
        .message()
        .is_err());
    assert!(RouteAdd::new(V4, 16)
        .next_hop(MultipathHop::new())
        .message()
        .is_err());
}
