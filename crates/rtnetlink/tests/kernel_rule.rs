//! Routing policy rules against the kernel, through both front ends,
//! checked with `ip -j rule`. Needs root; never skipped.

use std::collections::BTreeSet;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

mod common;

use common::Run;
use netlink_testkit::{ip, ip_json};
use rtnetlink::link::LinkAdd;
use rtnetlink::packet::family::{AF_INET, AF_INET6};
use rtnetlink::packet::rule::{RuleAction, RuleAttr, RuleFlags, RuleMessage};
use rtnetlink::rule::{RuleAdd, RuleDel, RuleDump};
use rtnetlink::Error;
use serde_json::Value;

fn net(a: u8, b: u8) -> IpAddr {
    IpAddr::V4(Ipv4Addr::new(10, a, b, 0))
}

fn v6net() -> IpAddr {
    IpAddr::V6(Ipv6Addr::new(0x2001, 0xdb8, 1, 0, 0, 0, 0, 0))
}

/// The rule `ip -j [-6] rule show` lists at priority `priority`.
fn ip_rule(family: &str, priority: u32) -> Value {
    ip_json(&format!("{family} rule show"))
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["priority"] == priority)
        .cloned()
        .unwrap_or_else(|| panic!("no rule of priority {priority}"))
}

fn priorities(rules: &[RuleMessage]) -> BTreeSet<u32> {
    // The kernel leaves FRA_PRIORITY out for priority 0.
    rules.iter().map(|r| r.priority().unwrap_or(0)).collect()
}

fn ip_priorities(family: &str) -> BTreeSet<u32> {
    ip_json(&format!("{family} rule show"))
        .as_array()
        .unwrap()
        .iter()
        .map(|r| u32::try_from(r["priority"].as_u64().unwrap()).unwrap())
        .collect()
}

fn rules_are_added<R: Run>(run: &mut R) {
    run.run(LinkAdd::veth("r0", "r1")).unwrap();
    run.run(
        RuleAdd::v4()
            .priority(100)
            .source(net(0, 0), 8)
            .destination(net(1, 0), 16)
            .table(1000)
            .fwmark(0x10, 0xff)
            .iif("r0")
            .oif("r1")
            .uid_range(10, 20)
            .ip_proto(6)
            .sport_range(1000, 2000)
            .dport_range(80, 80)
            .invert(),
    )
    .unwrap();
    let r = ip_rule("", 100);
    assert_eq!(r["src"], "10.0.0.0");
    assert_eq!(r["srclen"], 8);
    assert_eq!(r["dst"], "10.1.0.0");
    assert_eq!(r["dstlen"], 16);
    assert_eq!(r["table"], "1000");
    assert_eq!(r["fwmark"], "0x10");
    assert_eq!(r["fwmask"], "0xff");
    assert_eq!(r["iif"], "r0");
    assert_eq!(r["oif"], "r1");
    assert_eq!(r["uid_start"], 10);
    assert_eq!(r["uid_end"], 20);
    assert_eq!(r["ipproto"], "tcp");
    assert_eq!(r["sport_start"], 1000);
    assert_eq!(r["sport_end"], 2000);
    assert_eq!(r["dport"], 80);
    assert!(r.get("not").is_some(), "{r}");

    run.run(RuleAdd::v4().priority(200).goto(300)).unwrap();
    run.run(RuleAdd::v4().priority(300).action(RuleAction::Unreachable))
        .unwrap();
    run.run(RuleAdd::v4().priority(301).action(RuleAction::Blackhole))
        .unwrap();
    run.run(RuleAdd::v4().priority(302).action(RuleAction::Prohibit))
        .unwrap();
    run.run(RuleAdd::v4().priority(303).suppress_prefixlength(0))
        .unwrap();
    run.run(RuleAdd::v4().priority(304).l3mdev()).unwrap();
    run.run(RuleAdd::v4().priority(305).table(10)).unwrap();
    assert_eq!(ip_rule("", 200)["goto"], 300);
    assert_eq!(ip_rule("", 300)["action"], "unreachable");
    assert_eq!(ip_rule("", 301)["action"], "blackhole");
    assert_eq!(ip_rule("", 302)["action"], "prohibit");
    let suppress = ip_rule("", 303);
    assert_eq!(suppress["table"], "main");
    assert_eq!(suppress["suppress_prefixlen"], 0);
    assert!(ip_rule("", 304).get("l3mdev").is_some());
    assert_eq!(ip_rule("", 305)["table"], "10");
    run.run(
        RuleAdd::v4()
            .priority(306)
            .tos(0x10)
            .realm(5)
            .protocol(4)
            .table(3),
    )
    .unwrap();
    let r = ip_rule("", 306);
    assert_eq!(r["tos"], "0x10");
    assert_eq!(r["flow_to"], "5");
    assert_eq!(r["protocol"], "static");
    assert_eq!(r["table"], "3");

    run.run(RuleAdd::v6().priority(400).source(v6net(), 48).table(70000))
        .unwrap();
    let r = ip_rule("-6", 400);
    assert_eq!(r["src"], "2001:db8:1::");
    assert_eq!(r["srclen"], 48);
    assert_eq!(r["table"], "70000");

    let error = run.run(RuleAdd::v4().priority(305).table(10)).unwrap_err();
    assert!(matches!(error, Error::AlreadyExists { .. }), "{error:?}");
}

fn rules_are_dumped_and_deleted<R: Run>(run: &mut R) {
    ip("rule add pref 500 from 10.5.0.0/16 lookup 555");
    ip("rule add pref 501 fwmark 0x7/0xf lookup 70000");
    ip("-6 rule add pref 600 to 2001:db8:1::/48 prohibit");

    let v4 = run.run(RuleDump::new().family(AF_INET)).unwrap();
    assert!(v4.iter().all(|r| r.header.family == AF_INET));
    assert_eq!(priorities(&v4), ip_priorities(""));
    let r500 = v4.iter().find(|r| r.priority() == Some(500)).unwrap();
    assert_eq!(r500.table(), 555);
    assert_eq!(r500.header.src_len, 16);
    assert!(r500
        .attrs
        .contains(&RuleAttr::Source(IpAddr::V4(Ipv4Addr::new(10, 5, 0, 0)))));
    let r501 = v4.iter().find(|r| r.priority() == Some(501)).unwrap();
    assert_eq!(r501.table(), 70000);
    // Ids above 255 live in FRA_TABLE; the header says RT_TABLE_COMPAT.
    assert_eq!(r501.header.table, 252);
    assert!(r501.attrs.contains(&RuleAttr::FwMark(7)));
    assert!(r501.attrs.contains(&RuleAttr::FwMask(0xf)));

    let v6 = run.run(RuleDump::new().family(AF_INET6)).unwrap();
    assert!(v6.iter().all(|r| r.header.family == AF_INET6));
    assert_eq!(priorities(&v6), ip_priorities("-6"));
    let r600 = v6.iter().find(|r| r.priority() == Some(600)).unwrap();
    assert_eq!(r600.header.action, RuleAction::Prohibit);
    assert_eq!(r600.header.dst_len, 48);

    let all = run.run(RuleDump::new()).unwrap();
    // Every family: IPv4, IPv6, and the multicast routing ones
    // (RTNL_FAMILY_IPMR, RTNL_FAMILY_IP6MR) too.
    let count = |family| all.iter().filter(|r| r.header.family == family).count();
    assert_eq!(count(AF_INET), v4.len());
    assert_eq!(count(AF_INET6), v6.len());
    assert!(all.len() > v4.len() + v6.len());

    // Delete by selectors, and exactly a dumped rule.
    run.run(
        RuleDel::v4()
            .priority(500)
            .source(IpAddr::V4(Ipv4Addr::new(10, 5, 0, 0)), 16)
            .table(555),
    )
    .unwrap();
    assert!(!ip_priorities("").contains(&500));
    run.run(RuleDel::rule(r600)).unwrap();
    assert!(!ip_priorities("-6").contains(&600));
    let error = run.run(RuleDel::v4().priority(500)).unwrap_err();
    assert!(matches!(error, Error::NotFound { .. }), "{error:?}");

    // What we add with the invert flag comes back with it.
    run.run(RuleAdd::v4().priority(700).fwmark(1, 1).invert().table(7))
        .unwrap();
    let dumped = run.run(RuleDump::new().family(AF_INET)).unwrap();
    let r700 = dumped.iter().find(|r| r.priority() == Some(700)).unwrap();
    assert!(r700.header.flags.contains(RuleFlags::INVERT));
    assert_eq!(r700.table(), 7);
}

fn invalid_rules_are_refused<R: Run>(run: &mut R) {
    let error = run.run(RuleAdd::v4().source(v6net(), 48)).unwrap_err();
    assert!(matches!(error, Error::InvalidArgument(_)), "{error:?}");
    assert!(error.to_string().contains("IPv6"), "{error}");
    let error = run
        .run(RuleAdd::v6().priority(9).destination(net(0, 0), 8))
        .unwrap_err();
    assert!(matches!(error, Error::InvalidArgument(_)), "{error:?}");
    let error = run.run(RuleAdd::v4().source(net(0, 0), 33)).unwrap_err();
    assert!(error.to_string().contains("33"), "{error}");
    let error = run
        .run(RuleDel::v6().destination(v6net(), 129))
        .unwrap_err();
    assert!(matches!(error, Error::InvalidArgument(_)), "{error:?}");
    // Refused unsent: nothing reached the kernel.
    assert!(!ip_priorities("-6").contains(&9));
}

both_front_ends! {
    rules_are_added => blocking_rules_added, tokio_rules_added;
    rules_are_dumped_and_deleted => blocking_rules_dumped, tokio_rules_dumped;
    invalid_rules_are_refused => blocking_rules_invalid, tokio_rules_invalid;
}
