//! Filtered dumps and statistics.

use std::collections::BTreeSet;

use netlink_testkit::ip_json;
use rtnetlink::link::{LinkAdd, LinkGet, LinkSet};
use rtnetlink::packet::stats::{StatsAttr, StatsFilter};
use rtnetlink::stats::{StatsDump, StatsGet};
use rtnetlink::{Error, Request};

use crate::common::{index, Run};

/// The raw replies the kernel sends for `dump`: what it filtered itself.
pub fn raw_count<R: Run>(run: &mut R, dump: rtnetlink::link::LinkDump) -> usize {
    let request = dump.build();
    let message = request.message().clone();
    run.run(Request::new(
        message,
        request.flags(),
        netlink_proto::RequestOptions::dump(),
        |replies| Ok(replies.len()),
    ))
    .unwrap()
}

/// Dumps filtered by master and by kind, in the kernel and in the result.
pub fn filtered_dumps<R: Run>(run: &mut R) {
    run.run(LinkAdd::bridge("fbr0")).unwrap();
    let br = index(run, "fbr0");
    run.run(LinkAdd::veth("fp0", "fq0").master(br)).unwrap();
    run.run(LinkAdd::veth("fp1", "fq1")).unwrap();
    let fp1 = index(run, "fp1");
    run.run(LinkSet::index(fp1).master(br)).unwrap();
    run.run(LinkAdd::veth("fx0", "fx1").up()).unwrap();

    let ports: BTreeSet<String> = run
        .run(LinkGet::dump().master(br))
        .unwrap()
        .iter()
        .filter_map(|l| l.name().map(str::to_owned))
        .collect();
    let by_ip: BTreeSet<String> = ip_json("link show master fbr0")
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["ifname"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(ports, by_ip);
    assert_eq!(ports, BTreeSet::from(["fp0".to_owned(), "fp1".to_owned()]));
    assert_eq!(raw_count(run, LinkGet::dump().master(br)), 2);

    let bridges = run.run(LinkGet::dump().kind("bridge")).unwrap();
    assert_eq!(bridges.len(), 1);
    assert_eq!(bridges[0].name(), Some("fbr0"));
    assert_eq!(raw_count(run, LinkGet::dump().kind("bridge")), 1);
    assert_eq!(raw_count(run, LinkGet::dump().kind("veth")), 6);

    let prefixed = run.run(LinkGet::dump().name_prefix("fq")).unwrap();
    assert_eq!(prefixed.len(), 2);
    let up: Vec<String> = run
        .run(LinkGet::dump().up_only())
        .unwrap()
        .iter()
        .filter_map(|l| l.name().map(str::to_owned))
        .collect();
    assert_eq!(up, vec!["fx0".to_owned()]);
}

/// Link statistics against `ip -j -s link show` and `ip -j stats show`.
pub fn statistics<R: Run>(run: &mut R) {
    netlink_testkit::ip("link set lo up");
    let ping = std::process::Command::new("ping")
        .args(["-c", "3", "-i", "0.01", "-q", "127.0.0.1"])
        .output();
    if ping.is_err() {
        // No ping binary: send a few UDP datagrams over lo instead.
        let socket = std::net::UdpSocket::bind("127.0.0.1:0").unwrap();
        for _ in 0..3 {
            socket.send_to(b"hello", "127.0.0.1:9").unwrap();
        }
    }
    let one = run.run(StatsGet::link(1)).unwrap();
    assert_eq!(one.header.index, 1);
    let ours = one.link_64().unwrap().clone();
    let theirs = &ip_json("-s link show dev lo")[0]["stats64"];
    assert!(ours.rx_packets > 0);
    assert_eq!(theirs["rx"]["packets"], ours.rx_packets);
    assert_eq!(theirs["rx"]["bytes"], ours.rx_bytes);
    assert_eq!(theirs["tx"]["packets"], ours.tx_packets);
    let stats = &ip_json("stats show dev lo group link")[0]["stats64"];
    assert_eq!(stats["rx"]["packets"], ours.rx_packets);
    assert_eq!(stats["tx"]["bytes"], ours.tx_bytes);

    run.run(LinkAdd::bridge("sbr0")).unwrap();
    let all = run.run(StatsDump::new()).unwrap();
    let indexes: BTreeSet<u32> = all.iter().map(|s| s.header.index).collect();
    let listed: BTreeSet<u32> = ip_json("stats show group link")
        .as_array()
        .unwrap()
        .iter()
        .map(|l| u32::try_from(l["ifindex"].as_u64().unwrap()).unwrap())
        .collect();
    assert_eq!(indexes, listed);
    assert!(all.iter().all(|s| s.link_64().is_some()));

    let br = index(run, "sbr0");
    let xstats = run
        .run(StatsGet::link(br).filter(StatsFilter::LINK_64 | StatsFilter::LINK_XSTATS))
        .unwrap();
    assert!(xstats.link_64().is_some());
    assert!(xstats
        .attrs
        .iter()
        .any(|a| matches!(a, StatsAttr::LinkXstats(_))));
    let error = run
        .run(StatsGet::link(br).filter(StatsFilter::default()))
        .unwrap_err();
    assert!(matches!(error, Error::InvalidArgument(_)), "{error:?}");
}
