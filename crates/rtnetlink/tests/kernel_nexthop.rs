//! Nexthops and nexthop groups against the kernel, through both front
//! ends, checked with `ip -j nexthop`. Needs root; never skipped.

use std::collections::BTreeSet;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::time::Duration;

mod common;

use common::{index, Run};
use netlink_testkit::{ip, ip_json};
use rtnetlink::link::{LinkAdd, LinkSet};
use rtnetlink::nexthop::{
    NexthopAdd, NexthopBucketDump, NexthopDel, NexthopDump, NexthopGet, NexthopGroupAdd,
};
use rtnetlink::packet::family::AF_INET6;
use rtnetlink::packet::nexthop::{
    NexthopAttr, NexthopFlags, NexthopGroup, NexthopGroupEntry, NexthopGroupType, NexthopMessage,
    ResBucketAttr, ResGroupAttr,
};
use rtnetlink::Error;
use serde_json::Value;

fn v4(d: u8) -> IpAddr {
    IpAddr::V4(Ipv4Addr::new(192, 0, 2, d))
}

fn v6(d: u16) -> IpAddr {
    IpAddr::V6(Ipv6Addr::new(0x2001, 0xdb8, 0, 0, 0, 0, 0, d))
}

/// A veth `name` up with 192.0.2.1/24 and 2001:db8::1/64, and lo up
/// (blackhole nexthops need it).
fn setup<R: Run>(run: &mut R, name: &str, peer: &str) -> u32 {
    ip("link set lo up");
    run.run(LinkAdd::veth(name, peer).up()).unwrap();
    ip(&format!("link set {peer} up"));
    ip(&format!("addr add 192.0.2.1/24 dev {name}"));
    ip(&format!("addr add 2001:db8::1/64 dev {name} nodad"));
    index(run, name)
}

fn ip_nexthop(id: u32) -> Value {
    ip_json(&format!("nexthop show id {id}"))
        .as_array()
        .map(|a| a[0].clone())
        .unwrap_or_else(|| ip_json(&format!("nexthop show id {id}")))
}

fn ids(nexthops: &[NexthopMessage]) -> BTreeSet<u32> {
    nexthops.iter().filter_map(NexthopMessage::id).collect()
}

fn ip_ids(args: &str) -> BTreeSet<u32> {
    ip_json(&format!("nexthop show {args}"))
        .as_array()
        .unwrap()
        .iter()
        .map(|n| u32::try_from(n["id"].as_u64().unwrap()).unwrap())
        .collect()
}

fn group(message: &NexthopMessage) -> Vec<NexthopGroupEntry> {
    message
        .attrs
        .iter()
        .find_map(|a| match a {
            NexthopAttr::Group(NexthopGroup(g)) => Some(g.clone()),
            _ => None,
        })
        .unwrap_or_default()
}

fn nexthops_are_added<R: Run>(run: &mut R) {
    let n0 = setup(run, "h0", "h1");
    run.run(NexthopAdd::new(1).gateway(v4(2)).dev(n0)).unwrap();
    run.run(NexthopAdd::v6(2).gateway(v6(2)).dev(n0)).unwrap();
    run.run(NexthopAdd::new(3).blackhole()).unwrap();
    run.run(NexthopAdd::new(4).dev(n0)).unwrap();
    let offlink = IpAddr::V4(Ipv4Addr::new(198, 51, 100, 1));
    run.run(NexthopAdd::new(5).gateway(offlink).dev(n0).onlink())
        .unwrap();
    run.run(NexthopAdd::new(6).gateway(v4(3)).fdb()).unwrap();
    run.run(NexthopGroupAdd::new(10, &[(1, 2), (5, 3)]))
        .unwrap();
    run.run(
        NexthopGroupAdd::new(11, &[(1, 1), (5, 1)])
            .resilient(8)
            .idle_timer(Duration::from_secs(10))
            .unbalanced_timer(Duration::from_secs(20)),
    )
    .unwrap();
    run.run(NexthopGroupAdd::new(12, &[(6, 1)]).fdb()).unwrap();

    let one = ip_nexthop(1);
    assert_eq!(one["gateway"], "192.0.2.2");
    assert_eq!(one["dev"], "h0");
    assert_eq!(ip_nexthop(2)["gateway"], "2001:db8::2");
    assert!(ip_nexthop(3).get("blackhole").is_some());
    let four = ip_nexthop(4);
    assert_eq!(four["dev"], "h0");
    assert_eq!(four["scope"], "host");
    let five = ip_nexthop(5);
    assert_eq!(five["gateway"], "198.51.100.1");
    assert_eq!(five["flags"][0], "onlink");
    let six = ip_nexthop(6);
    assert!(six.get("fdb").is_some(), "{six}");
    assert!(six.get("dev").is_none(), "{six}");
    let ten = ip_nexthop(10);
    assert_eq!(ten["group"][0]["id"], 1);
    assert_eq!(ten["group"][0]["weight"], 2);
    assert_eq!(ten["group"][1]["id"], 5);
    assert_eq!(ten["group"][1]["weight"], 3);
    let eleven = ip_nexthop(11);
    assert_eq!(eleven["type"], "resilient");
    assert_eq!(eleven["resilient_args"]["buckets"], 8);
    assert_eq!(eleven["resilient_args"]["idle_timer"], 10);
    assert_eq!(eleven["resilient_args"]["unbalanced_timer"], 20);
    assert!(ip_nexthop(12).get("fdb").is_some());

    // Read back one by one.
    let got = run.run(NexthopGet::id(10)).unwrap();
    let members = group(&got);
    assert_eq!(members.len(), 2);
    assert_eq!((members[0].id, members[0].weight), (1, 1), "weight - 1");
    assert_eq!((members[1].id, members[1].weight), (5, 2));
    let got = run.run(NexthopGet::id(11)).unwrap();
    assert!(got
        .attrs
        .contains(&NexthopAttr::GroupType(NexthopGroupType::Resilient)));
    let res = got
        .attrs
        .iter()
        .find_map(|a| match a {
            NexthopAttr::ResGroup(n) => Some(n.clone()),
            _ => None,
        })
        .unwrap();
    assert!(res.iter().any(|a| matches!(a, ResGroupAttr::Buckets(8))));
    assert!(res
        .iter()
        .any(|a| matches!(a, ResGroupAttr::IdleTimer(1000))));
    let got = run.run(NexthopGet::id(5)).unwrap();
    assert!(got.header.flags.contains(NexthopFlags::ONLINK));
    assert!(got.attrs.contains(&NexthopAttr::Gateway(offlink)));
    assert!(got.attrs.contains(&NexthopAttr::Oif(n0)));

    // Replace, duplicates, delete.
    let error = run
        .run(NexthopAdd::new(1).gateway(v4(4)).dev(n0))
        .unwrap_err();
    assert!(matches!(error, Error::AlreadyExists { .. }), "{error:?}");
    run.run(NexthopAdd::new(1).gateway(v4(4)).dev(n0).replace())
        .unwrap();
    assert_eq!(ip_nexthop(1)["gateway"], "192.0.2.4");
    run.run(NexthopGroupAdd::new(10, &[(1, 1)]).replace())
        .unwrap();
    assert_eq!(ip_nexthop(10)["group"].as_array().unwrap().len(), 1);

    run.run(NexthopDel::id(12)).unwrap();
    assert!(!ip_ids("").contains(&12));
    let error = run.run(NexthopDel::id(12)).unwrap_err();
    assert!(matches!(error, Error::NotFound { .. }), "{error:?}");
    let error = run.run(NexthopGet::id(12)).unwrap_err();
    assert!(matches!(error, Error::NotFound { .. }), "{error:?}");
}

fn nexthops_are_dumped<R: Run>(run: &mut R) {
    let n0 = setup(run, "k0", "k1");
    run.run(LinkAdd::veth("m0", "m1").up()).unwrap();
    run.run(LinkAdd::bridge("mbr").up()).unwrap();
    let m0 = index(run, "m0");
    let br = index(run, "mbr");
    run.run(LinkSet::index(m0).master(br)).unwrap();
    ip("link set m1 up");
    ip("nexthop add id 21 via 192.0.2.2 dev k0");
    ip("nexthop add id 22 via 2001:db8::2 dev k0");
    ip("nexthop add id 23 dev m0");
    ip("nexthop add id 24 via 192.0.2.9 fdb");
    ip("nexthop add id 25 blackhole");
    ip("nexthop add id 30 group 21/23,4");
    ip("nexthop add id 31 group 24 fdb");
    ip("nexthop add id 32 group 21/23 type resilient buckets 4");

    let all = run.run(NexthopDump::new()).unwrap();
    assert_eq!(ids(&all), ip_ids(""));
    let n21 = all.iter().find(|n| n.id() == Some(21)).unwrap();
    assert!(n21.attrs.contains(&NexthopAttr::Gateway(v4(2))));
    assert!(n21.attrs.contains(&NexthopAttr::Oif(n0)));
    let n30 = all.iter().find(|n| n.id() == Some(30)).unwrap();
    let members: Vec<(u32, u8)> = group(n30).iter().map(|e| (e.id, e.weight)).collect();
    assert_eq!(members, [(21, 0), (23, 3)]);

    let on_k0 = run.run(NexthopDump::new().dev(n0)).unwrap();
    assert_eq!(ids(&on_k0), ip_ids("dev k0"));
    assert_eq!(ids(&on_k0), BTreeSet::from([21, 22]));
    let groups = run.run(NexthopDump::new().groups()).unwrap();
    assert_eq!(ids(&groups), ip_ids("groups"));
    assert_eq!(ids(&groups), BTreeSet::from([30, 31, 32]));
    let fdb = run.run(NexthopDump::new().fdb()).unwrap();
    assert_eq!(ids(&fdb), BTreeSet::from([24, 31]));
    let mastered = run.run(NexthopDump::new().master(br)).unwrap();
    assert_eq!(ids(&mastered), ip_ids("master mbr"));
    assert_eq!(ids(&mastered), BTreeSet::from([23]));
    let six = run.run(NexthopDump::new().family(AF_INET6)).unwrap();
    let listed: BTreeSet<u32> = ip_json("-6 nexthop show")
        .as_array()
        .unwrap()
        .iter()
        .map(|n| u32::try_from(n["id"].as_u64().unwrap()).unwrap())
        .collect();
    assert_eq!(ids(&six), listed);
    assert_eq!(ids(&six), BTreeSet::from([22]));
    assert!(six.iter().all(|n| n.header.family == AF_INET6));

    // Buckets of the resilient group, as ip lists them.
    let buckets = run.run(NexthopBucketDump::new().group(32)).unwrap();
    assert_eq!(buckets.len(), 4);
    let listed = ip_json("nexthop bucket show id 32");
    for bucket in &buckets {
        assert_eq!(bucket.id(), Some(32));
        let nest = bucket
            .attrs
            .iter()
            .find_map(|a| match a {
                NexthopAttr::ResBucket(n) => Some(n.clone()),
                _ => None,
            })
            .unwrap();
        let index = nest
            .iter()
            .find_map(|a| match a {
                ResBucketAttr::Index(i) => Some(*i),
                _ => None,
            })
            .unwrap();
        let nhid = nest
            .iter()
            .find_map(|a| match a {
                ResBucketAttr::NhId(i) => Some(*i),
                _ => None,
            })
            .unwrap();
        let row = listed
            .as_array()
            .unwrap()
            .iter()
            .find(|b| b["bucket"]["index"] == index)
            .unwrap();
        assert_eq!(row["bucket"]["nhid"], nhid);
    }
    let every = run.run(NexthopBucketDump::new()).unwrap();
    assert_eq!(every.len(), 4, "one resilient group");
}

fn invalid_nexthops_are_refused<R: Run>(run: &mut R) {
    let error = run.run(NexthopAdd::new(1).gateway(v6(2))).unwrap_err();
    assert!(matches!(error, Error::InvalidArgument(_)), "{error:?}");
    assert!(error.to_string().contains("IPv6"), "{error}");
    let error = run.run(NexthopAdd::v6(1).gateway(v4(2))).unwrap_err();
    assert!(matches!(error, Error::InvalidArgument(_)), "{error:?}");
    let error = run.run(NexthopGroupAdd::new(1, &[(2, 0)])).unwrap_err();
    assert!(error.to_string().contains("weight 0"), "{error}");
    let error = run.run(NexthopGroupAdd::new(1, &[(2, 257)])).unwrap_err();
    assert!(matches!(error, Error::InvalidArgument(_)), "{error:?}");
    let error = run.run(NexthopGroupAdd::new(1, &[])).unwrap_err();
    assert!(matches!(error, Error::InvalidArgument(_)), "{error:?}");
    assert!(ip_ids("").is_empty(), "nothing was sent");
    // The kernel's own refusals come back as kernel errors.
    let error = run.run(NexthopGroupAdd::new(40, &[(41, 1)])).unwrap_err();
    assert!(error.kernel_message().is_some(), "{error:?}");
}

both_front_ends! {
    nexthops_are_added => blocking_nexthops_added, tokio_nexthops_added;
    nexthops_are_dumped => blocking_nexthops_dumped, tokio_nexthops_dumped;
    invalid_nexthops_are_refused => blocking_nexthops_invalid, tokio_nexthops_invalid;
}
