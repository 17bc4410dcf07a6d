//! What the rule builders put in their messages.

use std::net::{IpAddr, Ipv4Addr};

use netlink_packet_core::NetlinkFlags;
use netlink_packet_route::rule::{RuleAction, RuleAttr, RuleMessage};
use netlink_packet_route::RouteNetlinkMessage;

use super::{RuleAdd, RuleDel};
use crate::Request;

fn rule(request: &Request<()>) -> &RuleMessage {
    match request.message() {
        RouteNetlinkMessage::NewRule(r) | RouteNetlinkMessage::DelRule(r) => r,
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_rule_without_action_looks_up_main_like_ip() {
    let request = RuleAdd::v4().priority(5).build();
    let r = rule(&request);
    assert_eq!(r.header.action, RuleAction::ToTable);
    assert_eq!(r.header.table, 254);
    assert_eq!(r.table(), 254);
    assert_eq!(request.flags(), NetlinkFlags::CREATE | NetlinkFlags::EXCL);
}

#[test]
fn large_tables_travel_in_fra_table_only() {
    let request = RuleAdd::v4().table(70_000).build();
    let r = rule(&request);
    assert_eq!(r.header.table, 0);
    assert!(r.attrs.contains(&RuleAttr::Table(70_000)));
    let request = RuleAdd::v4().table(10).build();
    assert_eq!(rule(&request).header.table, 10);
}

#[test]
fn delete_sends_only_what_is_set() {
    let request = RuleDel::v4().priority(7).build();
    let r = rule(&request);
    assert_eq!(r.header.action, RuleAction::Unspec);
    assert_eq!(r.attrs, [RuleAttr::Priority(7)]);
}

#[test]
fn prefixes_set_their_lengths() {
    let ip = IpAddr::V4(Ipv4Addr::new(10, 0, 0, 0));
    let request = RuleAdd::v4()
        .source(ip, 8)
        .destination(ip, 32)
        .goto(9)
        .build();
    let r = rule(&request);
    assert_eq!((r.header.src_len, r.header.dst_len), (8, 32));
    assert_eq!(r.header.action, RuleAction::Goto);
    assert!(!r.attrs.iter().any(|a| matches!(a, RuleAttr::Table(_))));
}
