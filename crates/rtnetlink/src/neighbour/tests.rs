//! What the neighbour and FDB builders put in their messages.

use std::net::{IpAddr, Ipv4Addr};

use netlink_packet_core::NetlinkFlags;
use netlink_packet_route::neighbour::{
    NeighbourAttr, NeighbourFamily, NeighbourFlags, NeighbourMessage, NeighbourState,
};
use netlink_packet_route::RouteNetlinkMessage;

use super::{FdbAdd, FdbDel, FdbDump, NeighbourAdd, NeighbourDump};
use crate::Request;

fn neighbour<T>(request: &Request<T>) -> &NeighbourMessage {
    match request.message() {
        RouteNetlinkMessage::NewNeighbour(n)
        | RouteNetlinkMessage::DelNeighbour(n)
        | RouteNetlinkMessage::GetNeighbour(n) => n,
        other => panic!("{other:?}"),
    }
}

const IP: IpAddr = IpAddr::V4(Ipv4Addr::new(192, 0, 2, 1));

#[test]
fn neighbours_are_permanent_unless_told() {
    let request = NeighbourAdd::new(3, IP).build();
    let n = neighbour(&request);
    assert_eq!(n.header.family, NeighbourFamily::Inet);
    assert_eq!(n.header.index, 3);
    assert_eq!(n.header.state, NeighbourState::PERMANENT);
    let request = NeighbourAdd::new(3, IP).replace().build();
    assert_eq!(
        request.flags(),
        NetlinkFlags::CREATE | NetlinkFlags::REPLACE
    );
}

#[test]
fn dump_filters_go_to_the_kernel_as_attributes() {
    let request = NeighbourDump::new().link(4).master(5).proxy().build();
    let n = neighbour(&request);
    // Strict checking refuses a dump request with an index in the header.
    assert_eq!(n.header.index, 0);
    assert_eq!(n.header.flags, NeighbourFlags::PROXY);
    assert_eq!(
        n.attrs,
        [NeighbourAttr::IfIndex(4), NeighbourAttr::Master(5)]
    );
    let request = FdbDump::new().port(4).bridge(5).build();
    let n = neighbour(&request);
    assert_eq!(n.header.family, NeighbourFamily::Bridge);
    assert_eq!(
        n.attrs,
        [NeighbourAttr::IfIndex(4), NeighbourAttr::Master(5)]
    );
}

#[test]
fn fdb_entries_go_to_the_own_table_unless_master() {
    let request = FdbAdd::new(2, [2, 0, 0, 0, 0, 1]).build();
    let n = neighbour(&request);
    assert_eq!(n.header.flags, NeighbourFlags::SELF);
    assert!(n.header.state.contains(NeighbourState::PERMANENT));
    let request = FdbAdd::new(2, [2, 0, 0, 0, 0, 1])
        .master()
        .static_entry()
        .build();
    let n = neighbour(&request);
    assert_eq!(n.header.flags, NeighbourFlags::MASTER);
    assert_eq!(n.header.state, NeighbourState::NOARP);
    let request = FdbDel::new(2, [2, 0, 0, 0, 0, 1])
        .master()
        .self_table()
        .build();
    assert_eq!(
        neighbour(&request).header.flags,
        NeighbourFlags::MASTER | NeighbourFlags::SELF
    );
}
