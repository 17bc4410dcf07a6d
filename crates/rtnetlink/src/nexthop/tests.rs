//! What the nexthop builders put in their messages.

use std::time::Duration;

use netlink_packet_route::nexthop::{
    NexthopAttr, NexthopGroup, NexthopGroupEntry, NexthopGroupType, NexthopMessage, ResGroupAttr,
};
use netlink_packet_route::RouteNetlinkMessage;

use super::{NexthopDump, NexthopGroupAdd};
use crate::Request;

fn nexthop<T>(request: &Request<T>) -> &NexthopMessage {
    match request.message() {
        RouteNetlinkMessage::NewNexthop(n) | RouteNetlinkMessage::GetNexthop(n) => n,
        other => panic!("{other:?}"),
    }
}

#[test]
fn group_weights_are_sent_minus_one() {
    let request = NexthopGroupAdd::new(9, &[(1, 1), (2, 256)]).build();
    let n = nexthop(&request);
    assert_eq!(n.header.family, 0, "groups are AF_UNSPEC");
    let group = NexthopGroup(vec![
        NexthopGroupEntry::new(1, 1),
        NexthopGroupEntry::new(2, 256),
    ]);
    assert_eq!(group.0[1].weight, 255);
    assert_eq!(n.attrs, [NexthopAttr::Id(9), NexthopAttr::Group(group)]);
}

#[test]
fn resilient_timers_are_clock_ticks() {
    let request = NexthopGroupAdd::new(9, &[(1, 1)])
        .resilient(16)
        .idle_timer(Duration::from_millis(2500))
        .build();
    let n = nexthop(&request);
    assert!(n
        .attrs
        .contains(&NexthopAttr::GroupType(NexthopGroupType::Resilient)));
    let res = n
        .attrs
        .iter()
        .find_map(|a| match a {
            NexthopAttr::ResGroup(r) => Some(r.clone()),
            _ => None,
        })
        .unwrap();
    assert!(res.contains(&ResGroupAttr::Buckets(16)));
    assert!(res.contains(&ResGroupAttr::IdleTimer(250)));
}

#[test]
fn dump_filters_go_to_the_kernel() {
    let request = NexthopDump::new().dev(3).groups().master(4).fdb().build();
    let n = nexthop(&request);
    assert_eq!(n.attrs.len(), 4);
    assert!(n.attrs.contains(&NexthopAttr::Oif(3)));
    assert!(n.attrs.contains(&NexthopAttr::Master(4)));
}
