//! Neighbour and bridge FDB operations against the kernel, through both
//! front ends, checked with `ip -j neigh` and `bridge -j fdb`. Needs root;
//! never skipped.

use std::collections::BTreeSet;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

mod common;

use common::{index, Run};
use netlink_testkit::{ip, ip_json};
use rtnetlink::link::{LinkAdd, LinkSet};
use rtnetlink::neighbour::{
    FdbAdd, FdbDel, FdbDump, NeighbourAdd, NeighbourDel, NeighbourDump, NeighbourGet,
};
use rtnetlink::nexthop::{NexthopAdd, NexthopGroupAdd};
use rtnetlink::packet::neighbour::{
    NeighbourAttr, NeighbourFamily, NeighbourFlags, NeighbourMessage, NeighbourState,
};
use rtnetlink::Error;
use serde_json::Value;

/// Runs `bridge -j ARGS` and parses its JSON.
fn bridge_json(args: &str) -> Value {
    let out = std::process::Command::new("bridge")
        .arg("-j")
        .args(args.split_whitespace())
        .output()
        .expect("run bridge");
    assert!(
        out.status.success(),
        "bridge -j {args}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("bridge JSON")
}

/// Runs `bridge ARGS`, panicking with its message when it fails.
fn bridge(args: &str) {
    let out = std::process::Command::new("bridge")
        .args(args.split_whitespace())
        .output()
        .expect("run bridge");
    assert!(
        out.status.success(),
        "bridge {args}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn v4(d: u8) -> IpAddr {
    IpAddr::V4(Ipv4Addr::new(192, 0, 2, d))
}

fn v6(d: u16) -> IpAddr {
    IpAddr::V6(Ipv6Addr::new(0x2001, 0xdb8, 0, 0, 0, 0, 0, d))
}

fn mac(last: u8) -> [u8; 6] {
    [2, 0, 0, 0, 0, last]
}

fn mac_text(last: u8) -> String {
    format!("02:00:00:00:00:{last:02x}")
}

/// `ip neigh show ARGS`, every state (ip hides `NOARP` entries unless
/// asked otherwise).
fn ip_neigh_list(args: &str) -> Value {
    let (family, args) = match args.strip_prefix("-6") {
        Some(rest) => ("-6", rest),
        None => ("", args),
    };
    if args.contains("nud") || args.contains("proxy") {
        ip_json(&format!("{family} neigh show {args}"))
    } else {
        ip_json(&format!("{family} neigh show {args} nud all"))
    }
}

/// Addresses of the tests' own entries: the kernel adds multicast entries
/// of its own (224.0.0.22, ff02::16) whenever it joins a group.
fn ours(dst: &str) -> bool {
    dst.starts_with("192.0.2.") || dst.starts_with("2001:db8:")
}

/// The entry `ip -j neigh show ARGS` lists for `dst`.
fn ip_neigh(args: &str, dst: IpAddr) -> Option<Value> {
    ip_neigh_list(args)
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["dst"] == dst.to_string())
        .cloned()
}

fn dsts(neighbours: &[NeighbourMessage]) -> BTreeSet<String> {
    neighbours
        .iter()
        .filter_map(|n| n.destination().map(|d| d.to_string()))
        .filter(|d| ours(d))
        .collect()
}

fn ip_dsts(args: &str) -> BTreeSet<String> {
    ip_neigh_list(args)
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["dst"].as_str().unwrap().to_owned())
        .filter(|d| ours(d))
        .collect()
}

fn neighbours_added_read_deleted<R: Run>(run: &mut R) {
    run.run(LinkAdd::veth("n0", "n1").up()).unwrap();
    let n0 = index(run, "n0");

    run.run(
        NeighbourAdd::new(n0, v4(5))
            .lladdr(mac(5))
            .state(NeighbourState::REACHABLE),
    )
    .unwrap();
    run.run(NeighbourAdd::new(n0, v6(5)).lladdr(mac(6)).router())
        .unwrap();
    run.run(
        NeighbourAdd::new(n0, v4(7))
            .lladdr(mac(7))
            .state(NeighbourState::STALE),
    )
    .unwrap();
    run.run(NeighbourAdd::new(n0, v4(8)).state(NeighbourState::NOARP))
        .unwrap();

    let a = ip_neigh("dev n0", v4(5)).unwrap();
    assert_eq!(a["lladdr"], mac_text(5));
    assert_eq!(a["state"][0], "REACHABLE");
    let b = ip_neigh("dev n0", v6(5)).unwrap();
    assert_eq!(b["lladdr"], mac_text(6));
    assert_eq!(b["state"][0], "PERMANENT");
    assert!(b.get("router").is_some(), "{b}");
    assert_eq!(ip_neigh("dev n0", v4(7)).unwrap()["state"][0], "STALE");
    assert_eq!(ip_neigh("dev n0", v4(8)).unwrap()["state"][0], "NOARP");

    let error = run
        .run(NeighbourAdd::new(n0, v4(5)).lladdr(mac(9)))
        .unwrap_err();
    assert!(matches!(error, Error::AlreadyExists { .. }), "{error:?}");
    run.run(NeighbourAdd::new(n0, v4(5)).lladdr(mac(9)).replace())
        .unwrap();
    let a = ip_neigh("dev n0", v4(5)).unwrap();
    assert_eq!(a["lladdr"], mac_text(9));
    assert_eq!(a["state"][0], "PERMANENT");

    let got = run.run(NeighbourGet::address(n0, v6(5))).unwrap();
    assert_eq!(got.header.family, NeighbourFamily::Inet6);
    assert_eq!(got.lladdr().unwrap().as_bytes(), mac(6));
    assert!(got.header.flags.contains(NeighbourFlags::ROUTER));
    assert_eq!(got.header.state, NeighbourState::PERMANENT);

    run.run(NeighbourAdd::proxy(n0, v4(9))).unwrap();
    let proxy = ip_neigh("proxy dev n0", v4(9)).unwrap();
    assert!(proxy.get("proxy").is_some(), "{proxy}");
    let got = run.run(NeighbourGet::proxy(n0, v4(9))).unwrap();
    assert!(got.header.flags.contains(NeighbourFlags::PROXY));

    run.run(NeighbourDel::address(n0, v4(5))).unwrap();
    assert!(ip_neigh("dev n0", v4(5)).is_none());
    let error = run.run(NeighbourDel::address(n0, v4(5))).unwrap_err();
    assert!(matches!(error, Error::NotFound { .. }), "{error:?}");
    let error = run.run(NeighbourGet::address(n0, v4(5))).unwrap_err();
    assert!(matches!(error, Error::NotFound { .. }), "{error:?}");
    run.run(NeighbourDel::proxy(n0, v4(9))).unwrap();
    assert!(ip_neigh("proxy dev n0", v4(9)).is_none());

    // Managed (NTF_EXT_MANAGED), externally learned, protocol.
    run.run(NeighbourAdd::new(n0, v4(10)).managed()).unwrap();
    assert!(ip_neigh("dev n0", v4(10)).unwrap().get("managed").is_some());
    run.run(
        NeighbourAdd::new(n0, v4(11))
            .lladdr(mac(11))
            .flags(NeighbourFlags::EXT_LEARNED)
            .protocol(4),
    )
    .unwrap();
    let learned = ip_neigh("dev n0", v4(11)).unwrap();
    assert!(learned.get("extern_learn").is_some(), "{learned}");
    assert_eq!(learned["protocol"], "static");

    // Entries need a link: index 0, or one beyond the kernel's int, is
    // refused unsent.
    let error = run.run(NeighbourGet::address(0, v4(5))).unwrap_err();
    assert!(matches!(error, Error::InvalidArgument(_)), "{error:?}");
    let error = run.run(NeighbourAdd::new(0, v4(12))).unwrap_err();
    assert!(matches!(error, Error::InvalidArgument(_)), "{error:?}");
    let error = run
        .run(NeighbourDel::address(u32::MAX, v4(12)))
        .unwrap_err();
    assert!(error.to_string().contains("4294967295"), "{error}");
    let error = run.run(FdbAdd::new(0, mac(1))).unwrap_err();
    assert!(matches!(error, Error::InvalidArgument(_)), "{error:?}");
    let error = run.run(FdbDel::new(0, mac(1)).master()).unwrap_err();
    assert!(matches!(error, Error::InvalidArgument(_)), "{error:?}");
}

fn neighbours_dumped_with_filters<R: Run>(run: &mut R) {
    run.run(LinkAdd::veth("d0", "d1").up()).unwrap();
    run.run(LinkAdd::veth("e0", "e1").up()).unwrap();
    run.run(LinkAdd::bridge("dbr").up()).unwrap();
    let d0 = index(run, "d0");
    let e0 = index(run, "e0");
    let br = index(run, "dbr");
    run.run(LinkSet::index(e0).master(br)).unwrap();
    ip("neigh add 192.0.2.21 lladdr 02:00:00:00:00:21 dev d0");
    ip("neigh add 2001:db8::21 lladdr 02:00:00:00:00:22 dev d0 nud stale");
    ip("neigh add 192.0.2.31 lladdr 02:00:00:00:00:31 dev e0");
    ip("neigh add proxy 192.0.2.41 dev d0");

    let all = run.run(NeighbourDump::new()).unwrap();
    assert_eq!(dsts(&all), ip_dsts(""));
    assert!(dsts(&all).contains("192.0.2.21"));
    assert!(!dsts(&all).contains("192.0.2.41"), "proxy entries apart");

    let d = run.run(NeighbourDump::new().link(d0)).unwrap();
    assert!(d.iter().all(|n| n.header.index == d0 as i32));
    assert_eq!(dsts(&d), ip_dsts("dev d0"));
    let entry = d
        .iter()
        .find(|n| n.destination().map(|a| a.to_string()) == Some("192.0.2.21".into()))
        .unwrap();
    assert_eq!(entry.lladdr().unwrap().as_bytes(), mac(0x21));
    assert_eq!(entry.header.state, NeighbourState::PERMANENT);

    let d6 = run
        .run(NeighbourDump::new().link(d0).family(NeighbourFamily::Inet6))
        .unwrap();
    assert_eq!(dsts(&d6), ip_dsts("-6 dev d0"));
    assert!(d6.iter().all(|n| n.header.family == NeighbourFamily::Inet6));
    let stale = run
        .run(NeighbourDump::new().state(NeighbourState::STALE))
        .unwrap();
    assert_eq!(dsts(&stale), ip_dsts("nud stale"));

    let ported = run.run(NeighbourDump::new().master(br)).unwrap();
    assert_eq!(dsts(&ported), ip_dsts("master dbr"));
    assert_eq!(
        dsts(&ported),
        BTreeSet::from(["192.0.2.31".to_owned()]),
        "only e0's"
    );

    let proxies = run.run(NeighbourDump::new().proxy()).unwrap();
    assert_eq!(dsts(&proxies), ip_dsts("proxy"));
    assert!(proxies
        .iter()
        .all(|n| n.header.flags.contains(NeighbourFlags::PROXY)));
}

/// The entries `bridge -j fdb show ARGS` lists for `mac`.
fn bridge_fdb(args: &str, mac: &str) -> Vec<Value> {
    bridge_json(&format!("fdb show {args}"))
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["mac"] == mac)
        .cloned()
        .collect()
}

fn macs(entries: &[NeighbourMessage]) -> BTreeSet<(i32, String)> {
    entries
        .iter()
        .filter_map(|e| Some((e.header.index, e.lladdr()?.to_string())))
        .collect()
}

fn fdb_entries<R: Run>(run: &mut R) {
    run.run(LinkAdd::bridge("fbr").up()).unwrap();
    run.run(LinkAdd::veth("f0", "f1").up()).unwrap();
    run.run(LinkAdd::veth("g0", "g1").up()).unwrap();
    run.run(
        LinkAdd::vxlan("fvx", 42)
            .port(4789)
            .local(IpAddr::V4(Ipv4Addr::new(192, 0, 2, 1)))
            .learning(false),
    )
    .unwrap();
    let br = index(run, "fbr");
    let f0 = index(run, "f0");
    let g0 = index(run, "g0");
    let vx = index(run, "fvx");
    run.run(LinkSet::index(f0).master(br)).unwrap();

    run.run(FdbAdd::new(f0, mac(0xa1)).master().static_entry())
        .unwrap();
    run.run(FdbAdd::new(f0, mac(0xa2)).master()).unwrap();
    let a1 = bridge_fdb("dev f0", &mac_text(0xa1));
    assert_eq!(a1.len(), 1, "{a1:?}");
    assert_eq!(a1[0]["master"], "fbr");
    assert_eq!(a1[0]["state"], "static");
    let a2 = bridge_fdb("dev f0", &mac_text(0xa2));
    assert_eq!(a2[0]["state"], "permanent");

    let error = run
        .run(FdbAdd::new(f0, mac(0xa1)).master().static_entry())
        .unwrap_err();
    assert!(matches!(error, Error::AlreadyExists { .. }), "{error:?}");
    run.run(FdbAdd::new(f0, mac(0xa1)).master().permanent().replace())
        .unwrap();
    assert_eq!(
        bridge_fdb("dev f0", &mac_text(0xa1))[0]["state"],
        "permanent"
    );

    // A vxlan's own remote list: destination, VNI, port, device.
    let remote = IpAddr::V4(Ipv4Addr::new(198, 51, 100, 1));
    run.run(
        FdbAdd::new(vx, [0; 6])
            .dst(remote)
            .vni(7)
            .port(4790)
            .via(g0)
            .permanent(),
    )
    .unwrap();
    run.run(
        FdbAdd::new(vx, [0; 6])
            .dst(IpAddr::V4(Ipv4Addr::new(198, 51, 100, 2)))
            .append()
            .permanent(),
    )
    .unwrap();
    let zero = bridge_fdb("dev fvx", "00:00:00:00:00:00");
    assert_eq!(zero.len(), 2, "{zero:?}");
    let first = zero.iter().find(|e| e["dst"] == "198.51.100.1").unwrap();
    assert_eq!(first["vni"], 7);
    assert_eq!(first["port"], 4790);
    assert_eq!(first["viaIf"], "g0");
    assert_eq!(first["flags"][0], "self");
    assert!(zero.iter().any(|e| e["dst"] == "198.51.100.2"));

    // An entry through an FDB nexthop group.
    ip("link set lo up");
    run.run(
        NexthopAdd::new(6)
            .gateway(IpAddr::V4(Ipv4Addr::new(198, 51, 100, 3)))
            .fdb(),
    )
    .unwrap();
    run.run(NexthopGroupAdd::new(12, &[(6, 1)]).fdb()).unwrap();
    run.run(FdbAdd::new(vx, mac(0xee)).nhid(12)).unwrap();
    let via_group = bridge_fdb("dev fvx", &mac_text(0xee));
    assert_eq!(via_group[0]["nhid"], 12);
    assert_eq!(via_group[0]["flags"][0], "self");

    // A collect-metadata vxlan's entry for one source VNI.
    ip("link add fvxe type vxlan external dstport 4790 nolearning");
    let vxe = index(run, "fvxe");
    run.run(
        FdbAdd::new(vxe, mac(0xef))
            .dst(IpAddr::V4(Ipv4Addr::new(198, 51, 100, 4)))
            .src_vni(100),
    )
    .unwrap();
    let per_vni = bridge_fdb("dev fvxe", &mac_text(0xef));
    assert_eq!(per_vni[0]["src_vni"], 100);
    assert_eq!(per_vni[0]["dst"], "198.51.100.4");

    // What bridge adds shows in our dumps, per port and per bridge.
    bridge("fdb add 02:00:00:00:00:b1 dev f0 master static");
    let port = run.run(FdbDump::new().port(f0)).unwrap();
    assert!(port.iter().all(|e| e.header.index == f0 as i32));
    let listed: BTreeSet<(i32, String)> = bridge_json("fdb show brport f0")
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (f0 as i32, e["mac"].as_str().unwrap().to_owned()))
        .collect();
    assert_eq!(macs(&port), listed);
    let b1 = port
        .iter()
        .find(|e| e.lladdr().unwrap().as_bytes() == mac(0xb1))
        .unwrap();
    assert!(b1.attrs.contains(&NeighbourAttr::Master(br)), "{b1:?}");
    assert_eq!(b1.header.state, NeighbourState::NOARP, "static");

    let on_bridge = run.run(FdbDump::new().bridge(br)).unwrap();
    assert_eq!(
        on_bridge.len(),
        bridge_json("fdb show br fbr").as_array().unwrap().len()
    );
    assert!(macs(&on_bridge).contains(&(f0 as i32, mac_text(0xb1))));
    assert!(!on_bridge.iter().any(|e| e.header.index == vx as i32));
    let everything = run.run(FdbDump::new()).unwrap();
    assert_eq!(
        everything.len(),
        bridge_json("fdb show").as_array().unwrap().len()
    );
    let vx_entries = run.run(FdbDump::new().port(vx)).unwrap();
    assert_eq!(vx_entries.len(), 3);
    assert!(vx_entries
        .iter()
        .any(|e| e.attrs.contains(&NeighbourAttr::NhId(12))));

    run.run(FdbDel::new(f0, mac(0xa1)).master()).unwrap();
    assert!(bridge_fdb("dev f0", &mac_text(0xa1)).is_empty());
    let error = run.run(FdbDel::new(f0, mac(0xa1)).master()).unwrap_err();
    assert!(matches!(error, Error::NotFound { .. }), "{error:?}");
    run.run(FdbDel::new(vx, [0; 6]).dst(IpAddr::V4(Ipv4Addr::new(198, 51, 100, 2))))
        .unwrap();
    assert_eq!(bridge_fdb("dev fvx", "00:00:00:00:00:00").len(), 1);

    // Flags, and the device's own table (a veth's unicast list).
    run.run(FdbAdd::new(f0, mac(0xd1)).master().static_entry().sticky())
        .unwrap();
    let sticky = bridge_fdb("dev f0", &mac_text(0xd1));
    assert_eq!(sticky[0]["flags"][0], "sticky");
    assert_eq!(sticky[0]["state"], "static");
    run.run(FdbAdd::new(f0, mac(0xd2)).master().extern_learn())
        .unwrap();
    assert_eq!(
        bridge_fdb("dev f0", &mac_text(0xd2))[0]["flags"][0],
        "extern_learn"
    );
    run.run(FdbAdd::new(g0, mac(0xd3))).unwrap();
    let error = run
        .run(FdbAdd::new(g0, mac(0xd5)).static_entry())
        .unwrap_err();
    assert_eq!(error.errno(), Some(22), "own tables take permanent only");
    let own = bridge_fdb("dev g0", &mac_text(0xd3));
    assert_eq!(own[0]["flags"][0], "self");
    assert_eq!(own[0]["state"], "permanent");
    run.run(FdbDel::new(g0, mac(0xd3))).unwrap();
    assert!(bridge_fdb("dev g0", &mac_text(0xd3)).is_empty());

    // Refused by this kernel, exactly as when bridge(8) asks: dynamic
    // entries from user space (EPERM), sticky ones that are not static
    // (EINVAL).
    let error = run
        .run(FdbAdd::new(f0, mac(0xd4)).master().dynamic())
        .unwrap_err();
    assert!(matches!(error, Error::PermissionDenied { .. }), "{error:?}");
    assert!(bridge_fails(
        "fdb add 02:00:00:00:00:d4 dev f0 master dynamic"
    ));

    // This kernel has no bridge VLAN filtering: a VLAN entry is refused,
    // by bridge(8) just the same.
    let error = run
        .run(FdbAdd::new(f0, mac(0xc1)).master().vlan(1))
        .unwrap_err();
    assert_eq!(error.errno(), Some(22), "{error:?}");
    assert!(bridge_fails(
        "fdb add 02:00:00:00:00:c1 dev f0 master vlan 1"
    ));
}

/// Whether `bridge ARGS` fails.
fn bridge_fails(args: &str) -> bool {
    !std::process::Command::new("bridge")
        .args(args.split_whitespace())
        .output()
        .expect("run bridge")
        .status
        .success()
}

fn neighbours_in_a_batch<R: Run>(run: &mut R) {
    run.run(LinkAdd::veth("b0", "b1").up()).unwrap();
    let b0 = index(run, "b0");
    let requests = (100..110)
        .map(|d| NeighbourAdd::new(b0, v4(d)).lladdr(mac(d)).build())
        .chain(std::iter::once(NeighbourAdd::new(b0, v4(100)).build()))
        .collect();
    let results = run.run_batch(requests);
    assert_eq!(results.len(), 11);
    assert!(results[..10].iter().all(Result::is_ok), "{results:?}");
    assert!(
        matches!(results[10], Err(Error::AlreadyExists { .. })),
        "{:?}",
        results[10]
    );
    let listed = ip_dsts("dev b0");
    assert_eq!(listed.len(), 10);
    assert!(listed.contains("192.0.2.109"));
}

both_front_ends! {
    neighbours_added_read_deleted => blocking_neighbours, tokio_neighbours;
    neighbours_dumped_with_filters => blocking_neighbour_dump, tokio_neighbour_dump;
    fdb_entries => blocking_fdb, tokio_fdb;
    neighbours_in_a_batch => blocking_neighbour_batch, tokio_neighbour_batch;
}
