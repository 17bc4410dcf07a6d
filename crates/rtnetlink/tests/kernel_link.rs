//! Every operation against the kernel, through both front ends, checked
//! with iproute2. Needs root; never skipped.

use std::collections::BTreeSet;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::sync::atomic::{AtomicUsize, Ordering};

mod common;

use common::{blocking, index, Run};
use netlink_testkit::{in_new_netns, ip_json};
use rtnetlink::address::{AddressAdd, AddressDel, AddressGet};
use rtnetlink::bridge_vlan::{BridgePortVlan, BridgeVlanDb, BridgeVlanDump};
use rtnetlink::link::{LinkAdd, LinkAltName, LinkDel, LinkGet, LinkSet, NetnsTarget};
use rtnetlink::packet::link::info::{MacVlanMode, VxlanDf};
use rtnetlink::packet::link::BridgeVlanFlags;
use rtnetlink::packet::stats::{StatsAttr, StatsFilter};
use rtnetlink::stats::{StatsDump, StatsGet};
use rtnetlink::{Error, Request};

fn links_are_created<R: Run>(run: &mut R) {
    run.run(LinkAdd::veth("v0", "v1").mtu(1400).up()).unwrap();
    let v0 = &ip_json("-d link show dev v0")[0];
    assert_eq!(v0["linkinfo"]["info_kind"], "veth");
    assert_eq!(v0["mtu"], 1400);
    assert!(v0["flags"].as_array().unwrap().iter().any(|f| f == "UP"));

    run.run(LinkAdd::bridge("br0")).unwrap();
    assert_eq!(
        ip_json("-d link show dev br0")[0]["linkinfo"]["info_kind"],
        "bridge"
    );

    run.run(
        LinkAdd::vxlan("vx0", 42)
            .port(4789)
            .local(IpAddr::V4(Ipv4Addr::new(192, 0, 2, 1))),
    )
    .unwrap();
    let vx = &ip_json("-d link show dev vx0")[0]["linkinfo"];
    assert_eq!(vx["info_kind"], "vxlan");
    assert_eq!(vx["info_data"]["id"], 42);
    assert_eq!(vx["info_data"]["port"], 4789);
    assert_eq!(vx["info_data"]["local"], "192.0.2.1");

    let parent = index(run, "v0");
    run.run(LinkAdd::macvlan("mv0", parent, MacVlanMode::Bridge))
        .unwrap();
    let mv = &ip_json("-d link show dev mv0")[0]["linkinfo"];
    assert_eq!(mv["info_kind"], "macvlan");
    assert_eq!(mv["info_data"]["mode"], "bridge");
}

fn links_are_changed<R: Run>(run: &mut R) {
    run.run(LinkAdd::veth("s0", "s1")).unwrap();
    run.run(LinkAdd::bridge("sbr")).unwrap();
    let s0 = index(run, "s0");
    let br = index(run, "sbr");
    run.run(LinkSet::index(s0).name("renamed").mtu(1300).alias("hello"))
        .unwrap();
    run.run(LinkSet::index(s0).master(br).up()).unwrap();
    run.run(
        LinkSet::index(s0)
            .txqueuelen(333)
            .address([2, 0, 0, 0, 0, 0x42]),
    )
    .unwrap();
    let link = &ip_json("link show dev renamed")[0];
    assert_eq!(link["mtu"], 1300);
    assert_eq!(link["ifalias"], "hello");
    assert_eq!(link["master"], "sbr");
    assert_eq!(link["txqlen"], 333);
    assert_eq!(link["address"], "02:00:00:00:00:42");
    assert!(link["flags"].as_array().unwrap().iter().any(|f| f == "UP"));
    run.run(LinkSet::index(s0).nomaster().down()).unwrap();
    let link = &ip_json("link show dev renamed")[0];
    assert!(link.get("master").is_none());
    assert!(!link["flags"].as_array().unwrap().iter().any(|f| f == "UP"));
}

fn links_are_read_and_deleted<R: Run>(run: &mut R) {
    run.run(LinkAdd::veth("g0", "g1")).unwrap();
    let by_ip = &ip_json("link show dev g0")[0];
    let by_name = run.run(LinkGet::by_name("g0")).unwrap();
    assert_eq!(i64::from(by_name.header.index), by_ip["ifindex"]);
    let index = u32::try_from(by_name.header.index).unwrap();
    let by_index = run.run(LinkGet::by_index(index)).unwrap();
    assert_eq!(by_index.name(), Some("g0"));

    let dumped: BTreeSet<String> = run
        .run(LinkGet::dump())
        .unwrap()
        .iter()
        .filter_map(|l| l.name().map(str::to_owned))
        .collect();
    let listed: BTreeSet<String> = ip_json("link show")
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["ifname"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(dumped, listed);

    run.run(LinkDel::index(index)).unwrap();
    assert!(netlink_testkit::ip_ok("link show dev g0").is_err());
}

fn addresses<R: Run>(run: &mut R) {
    run.run(LinkAdd::veth("a0", "a1").up()).unwrap();
    let a0 = index(run, "a0");
    let v4 = IpAddr::V4(Ipv4Addr::new(192, 0, 2, 10));
    let v6 = IpAddr::V6(Ipv6Addr::new(0x2001, 0xdb8, 0, 0, 0, 0, 0, 10));
    run.run(
        AddressAdd::new(a0, v4, 24)
            .label("a0:x")
            .broadcast(Ipv4Addr::new(192, 0, 2, 255)),
    )
    .unwrap();
    run.run(AddressAdd::new(a0, v6, 64)).unwrap();
    let infos = ip_json("addr show dev a0")[0]["addr_info"].clone();
    let infos = infos.as_array().unwrap();
    let v4_info = infos.iter().find(|i| i["local"] == "192.0.2.10").unwrap();
    assert_eq!(v4_info["prefixlen"], 24);
    assert_eq!(v4_info["label"], "a0:x");
    assert_eq!(v4_info["broadcast"], "192.0.2.255");
    assert!(infos
        .iter()
        .any(|i| i["local"] == "2001:db8::a" && i["prefixlen"] == 64));

    let dumped = run.run(AddressGet::dump().link(a0)).unwrap();
    assert!(dumped.iter().all(|a| a.header.index == a0));
    assert!(dumped.iter().any(|a| a.address() == Some(v4)));
    assert!(dumped.iter().any(|a| a.address() == Some(v6)));

    run.run(AddressDel::address(a0, v4, 24)).unwrap();
    let infos = ip_json("addr show dev a0")[0]["addr_info"].clone();
    assert!(!infos
        .as_array()
        .unwrap()
        .iter()
        .any(|i| i["local"] == "192.0.2.10"));
}

fn errors<R: Run>(run: &mut R) {
    run.run(LinkAdd::bridge("e0")).unwrap();
    let error = run.run(LinkAdd::bridge("e0")).unwrap_err();
    assert!(matches!(error, Error::AlreadyExists { .. }), "{error:?}");
    assert_eq!(error.errno(), Some(17));
    assert!(
        error.to_string().starts_with("RTNETLINK answers:"),
        "{error}"
    );

    let error = run.run(LinkGet::by_name("missing0")).unwrap_err();
    assert!(matches!(error, Error::NotFound { .. }), "{error:?}");

    let error = run.run(LinkAdd::new("k0", "no-such-kind")).unwrap_err();
    assert!(matches!(error, Error::Kernel { .. }), "{error:?}");
    assert_eq!(error.kernel_message(), Some("Unknown device type"));
    assert!(error.to_string().contains("Unknown device type"), "{error}");
}

fn flags(link: &serde_json::Value) -> Vec<String> {
    link["flags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap().to_owned())
        .collect()
}

/// Every kind this kernel creates, with options, read back with
/// `ip -j -d link show`.
fn kinds_with_options<R: Run>(run: &mut R) {
    run.run(
        LinkAdd::veth("kv0", "kv1")
            .peer_mtu(1280)
            .peer_address([2, 0, 0, 0, 0, 0x11])
            .address([2, 0, 0, 0, 0, 0x10]),
    )
    .unwrap();
    let peer = &ip_json("-d link show dev kv1")[0];
    assert_eq!(peer["mtu"], 1280);
    assert_eq!(peer["address"], "02:00:00:00:00:11");
    assert_eq!(
        ip_json("link show dev kv0")[0]["address"],
        "02:00:00:00:00:10"
    );

    run.run(
        LinkAdd::bridge("kbr0")
            .stp(true)
            .forward_delay(500)
            .hello_time(300)
            .max_age(1500)
            .ageing_time(1000)
            .priority(7)
            .mcast_snooping(false)
            .group_fwd_mask(0x4000),
    )
    .unwrap();
    let br = &ip_json("-d link show dev kbr0")[0]["linkinfo"]["info_data"];
    assert_eq!(br["stp_state"], 1);
    assert_eq!(br["forward_delay"], 500);
    assert_eq!(br["hello_time"], 300);
    assert_eq!(br["max_age"], 1500);
    assert_eq!(br["ageing_time"], 1000);
    assert_eq!(br["priority"], 7);
    assert_eq!(br["mcast_snooping"], 0);
    assert_eq!(br["group_fwd_mask"], "0x4000");

    let kv0 = index(run, "kv0");
    run.run(
        LinkAdd::vxlan("kvx0", 5)
            .port(4789)
            .local(IpAddr::V4(Ipv4Addr::new(192, 0, 2, 1)))
            .remote(IpAddr::V4(Ipv4Addr::new(192, 0, 2, 9)))
            .dev(kv0)
            .ttl(10)
            .tos(4)
            .ageing(100)
            .limit(10)
            .learning(false)
            .udp_csum(true)
            .port_range(1000, 2000)
            .df(VxlanDf::Set),
    )
    .unwrap();
    let vx = &ip_json("-d link show dev kvx0")[0]["linkinfo"]["info_data"];
    assert_eq!(vx["id"], 5);
    assert_eq!(vx["remote"], "192.0.2.9");
    assert_eq!(vx["link"], "kv0");
    assert_eq!(vx["ttl"], 10);
    assert_eq!(vx["tos"], "0x4");
    assert_eq!(vx["ageing"], 100);
    assert_eq!(vx["limit"], 10);
    assert_eq!(vx["learning"], false);
    assert_eq!(vx["udp_csum"], true);
    assert_eq!(vx["port_range"]["low"], 1000);
    assert_eq!(vx["port_range"]["high"], 2000);
    assert_eq!(vx["df"], "set");

    run.run(LinkAdd::macvtap("kmvt0", kv0, MacVlanMode::Vepa).bc_queue_len(500))
        .unwrap();
    let mvt = &ip_json("-d link show dev kmvt0")[0]["linkinfo"];
    assert_eq!(mvt["info_kind"], "macvtap");
    assert_eq!(mvt["info_data"]["mode"], "vepa");
    assert_eq!(mvt["info_data"]["bcqueuelen"], 500);

    run.run(LinkAdd::macvlan("kmv0", kv0, MacVlanMode::Private).up())
        .unwrap();
    let mv = &ip_json("-d link show dev kmv0")[0];
    assert_eq!(mv["linkinfo"]["info_data"]["mode"], "private");
    assert!(flags(mv).contains(&"UP".to_owned()));

    run.run(LinkAdd::ifb("kifb0").mtu(1400)).unwrap();
    let ifb = &ip_json("-d link show dev kifb0")[0];
    assert_eq!(ifb["linkinfo"]["info_kind"], "ifb");
    assert_eq!(ifb["mtu"], 1400);
}

/// tun and tap: this kernel's driver refuses creation over rtnetlink, and
/// the refusal reaches the caller with the driver's message.
fn tun_is_refused<R: Run>(run: &mut R) {
    for request in [LinkAdd::tun("ktun0"), LinkAdd::tap("ktap0").vnet_hdr(true)] {
        let error = run.run(request).unwrap_err();
        assert!(matches!(error, Error::Kernel { .. }), "{error:?}");
        assert_eq!(error.errno(), Some(95));
        assert_eq!(
            error.kernel_message(),
            Some("tun/tap creation via rtnetlink is not supported.")
        );
    }
    assert!(netlink_testkit::ip_ok("link show dev ktun0").is_err());
}

/// VLAN filtering is not built into this kernel's bridge: turning it on is
/// refused, and the error reaches the caller.
fn bridge_vlan_filtering_is_refused<R: Run>(run: &mut R) {
    let error = run
        .run(LinkAdd::bridge("kbv0").vlan_filtering(true))
        .unwrap_err();
    assert!(matches!(error, Error::Kernel { .. }), "{error:?}");
    assert_eq!(error.errno(), Some(95), "{error}");
    assert!(netlink_testkit::ip_ok("link show dev kbv0").is_err());
}

/// Flags, group, by-name changes, protocol down, carrier.
fn more_changes<R: Run>(run: &mut R) {
    run.run(LinkAdd::veth("c0", "c1")).unwrap();
    let c0 = index(run, "c0");
    run.run(
        LinkSet::index(c0)
            .arp(false)
            .promisc(true)
            .allmulticast(true)
            .group(5),
    )
    .unwrap();
    let link = &ip_json("-d link show dev c0")[0];
    let f = flags(link);
    for flag in ["NOARP", "PROMISC", "ALLMULTI"] {
        assert!(f.contains(&flag.to_owned()), "{flag} in {f:?}");
    }
    assert_eq!(link["group"], "5");
    assert_eq!(link["promiscuity"], 1);
    run.run(
        LinkSet::index(c0)
            .arp(true)
            .promisc(false)
            .allmulticast(false),
    )
    .unwrap();
    let f = flags(&ip_json("link show dev c0")[0]);
    for flag in ["NOARP", "PROMISC", "ALLMULTI"] {
        assert!(!f.contains(&flag.to_owned()), "{flag} in {f:?}");
    }

    run.run(LinkSet::by_name("c0").mtu(1280).up()).unwrap();
    let link = &ip_json("link show dev c0")[0];
    assert_eq!(link["mtu"], 1280);
    assert!(flags(link).contains(&"UP".to_owned()));

    run.run(LinkAdd::vxlan("cvx0", 9).port(4789)).unwrap();
    let vx = index(run, "cvx0");
    run.run(LinkSet::index(vx).proto_down(true)).unwrap();
    assert_eq!(ip_json("-d link show dev cvx0")[0]["proto_down"], true);
    run.run(LinkSet::index(vx).proto_down(false)).unwrap();
    assert!(ip_json("-d link show dev cvx0")[0]
        .get("proto_down")
        .is_none());

    // veth has no carrier control (no ndo_change_carrier).
    let error = run.run(LinkSet::index(c0).carrier(false)).unwrap_err();
    assert_eq!(error.errno(), Some(95), "{error}");
}

/// Alternative names: add two, read by one, remove one, delete by the other.
fn altnames<R: Run>(run: &mut R) {
    run.run(LinkAdd::veth("al0", "al1")).unwrap();
    let al0 = index(run, "al0");
    let long = "a-rather-long-alternative-name-0";
    run.run(LinkAltName::add(al0).name("short-alt").name(long))
        .unwrap();
    let names = ip_json("link show dev al0")[0]["altnames"].clone();
    assert_eq!(names, serde_json::json!(["short-alt", long]));
    let found = run.run(LinkGet::by_altname(long)).unwrap();
    assert_eq!(u32::try_from(found.header.index).unwrap(), al0);

    run.run(LinkAltName::del(al0).name("short-alt")).unwrap();
    let names = ip_json("link show dev al0")[0]["altnames"].clone();
    assert_eq!(names, serde_json::json!([long]));

    run.run(LinkDel::altname(long)).unwrap();
    assert!(netlink_testkit::ip_ok("link show dev al0").is_err());
    run.run(LinkAdd::bridge("aldel0")).unwrap();
    run.run(LinkDel::by_name("aldel0")).unwrap();
    assert!(netlink_testkit::ip_ok("link show dev aldel0").is_err());
}

/// The raw replies the kernel sends for `dump`: what it filtered itself.
fn raw_count<R: Run>(run: &mut R, dump: rtnetlink::link::LinkDump) -> usize {
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
fn filtered_dumps<R: Run>(run: &mut R) {
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

/// Indexes beyond `i32::MAX` and bad names are refused before sending.
fn invalid_arguments<R: Run>(run: &mut R) {
    let huge = u32::try_from(i32::MAX).unwrap() + 1;
    let errors = [
        run.run(LinkSet::index(huge).mtu(1400)).unwrap_err(),
        run.run(LinkDel::index(u32::MAX)).unwrap_err(),
        run.run(LinkGet::by_index(huge)).map(|_| ()).unwrap_err(),
        run.run(LinkAdd::bridge("sixteen-chars-xx")).unwrap_err(),
        run.run(LinkAdd::veth("ok0", "bad/peer")).unwrap_err(),
        run.run(LinkAdd::dummy("with space")).unwrap_err(),
        run.run(LinkSet::index(1).name("a:b")).unwrap_err(),
        run.run(LinkAltName::add(1).name("x/y")).unwrap_err(),
        run.run(LinkGet::by_name("")).map(|_| ()).unwrap_err(),
        run.run(LinkAdd::vlan("vl0", 1, 4095)).unwrap_err(),
    ];
    for error in errors {
        assert!(matches!(error, Error::InvalidArgument(_)), "{error:?}");
    }
    assert!(LinkSet::index(huge).try_build().is_err());
    assert!(LinkAdd::bridge("fine0").try_build().is_ok());
    let names: Vec<String> = ip_json("link show")
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["ifname"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(names, vec!["lo".to_owned()], "nothing was created");
}

static NETNS_SERIAL: AtomicUsize = AtomicUsize::new(0);

/// A named namespace (`ip netns add`), deleted when dropped.
struct NamedNetns(String);

impl NamedNetns {
    fn new() -> Self {
        let n = NETNS_SERIAL.fetch_add(1, Ordering::SeqCst);
        let name = format!("rtnl-link-{}-{n}", std::process::id());
        netlink_testkit::ip(&format!("netns add {name}"));
        NamedNetns(name)
    }

    fn names(&self) -> BTreeSet<String> {
        ip_json(&format!("-n {} link show", self.0))
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l["ifname"].as_str().unwrap().to_owned())
            .collect()
    }
}

impl Drop for NamedNetns {
    fn drop(&mut self) {
        let _ = netlink_testkit::ip_ok(&format!("netns del {}", self.0));
    }
}

/// Moves links into a named namespace by name, by open file and by pid,
/// and creates a veth whose peer starts there.
fn namespace_moves<R: Run>(run: &mut R) {
    let ns = NamedNetns::new();
    run.run(LinkAdd::veth("m0", "m1")).unwrap();
    // Bridges cannot change namespace (netns-local): an ifb can.
    run.run(LinkAdd::ifb("m2")).unwrap();
    let m0 = index(run, "m0");
    let m1 = index(run, "m1");
    let m2 = index(run, "m2");

    run.run(LinkSet::index(m0).netns(NetnsTarget::by_name(&ns.0).unwrap()))
        .unwrap();
    let file = std::fs::File::open(format!("/run/netns/{}", ns.0)).unwrap();
    run.run(LinkSet::index(m1).netns(NetnsTarget::from_file(file)))
        .unwrap();

    let mut child = std::process::Command::new("ip")
        .args(["netns", "exec", &ns.0, "sleep", "30"])
        .spawn()
        .unwrap();
    let comm = format!("/proc/{}/comm", child.id());
    while std::fs::read_to_string(&comm).unwrap_or_default().trim() != "sleep" {
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    run.run(LinkSet::index(m2).netns_pid(child.id())).unwrap();
    child.kill().unwrap();
    child.wait().unwrap();

    run.run(
        LinkAdd::veth("n0", "n1")
            .peer_netns(NetnsTarget::by_path(format!("/run/netns/{}", ns.0)).unwrap()),
    )
    .unwrap();

    let there = ns.names();
    for name in ["m0", "m1", "m2", "n1"] {
        assert!(there.contains(name), "{name} in {there:?}");
        assert!(netlink_testkit::ip_ok(&format!("link show dev {name}")).is_err());
    }
    assert!(netlink_testkit::ip_ok("link show dev n0").is_ok());

    run.run(LinkAdd::bridge("mbr0")).unwrap();
    let mbr0 = index(run, "mbr0");
    let error = run
        .run(LinkSet::index(mbr0).netns(NetnsTarget::by_name(&ns.0).unwrap()))
        .unwrap_err();
    assert_eq!(error.errno(), Some(22), "{error}");
    assert_eq!(
        error.kernel_message(),
        Some("The interface netns is immutable")
    );
    assert!(matches!(
        NetnsTarget::by_name("no-such-netns-here"),
        Err(Error::System { .. })
    ));
}

/// Link statistics against `ip -j -s link show` and `ip -j stats show`.
fn statistics<R: Run>(run: &mut R) {
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

/// Bridge port VLANs on a bridge without VLAN filtering support: adding is
/// refused with EOPNOTSUPP, deleting is accepted, the VLAN database
/// messages have no handler.
fn bridge_port_vlans<R: Run>(run: &mut R) {
    run.run(LinkAdd::bridge("vbr0")).unwrap();
    let br = index(run, "vbr0");
    run.run(LinkAdd::veth("vp0", "vq0").master(br)).unwrap();
    let vp0 = index(run, "vp0");
    let add = BridgePortVlan::add(vp0).vlan(10, BridgeVlanFlags::PVID | BridgeVlanFlags::UNTAGGED);
    let error = run.run(add).unwrap_err();
    assert!(matches!(error, Error::Kernel { .. }), "{error:?}");
    assert_eq!(error.errno(), Some(95), "{error}");
    let by_bridge = netlink_testkit::ip_ok("-V").map(|_| {
        std::process::Command::new("bridge")
            .args(["vlan", "add", "dev", "vp0", "vid", "10", "pvid", "untagged"])
            .output()
            .unwrap()
    });
    let out = by_bridge.unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("Operation not supported"));

    run.run(BridgePortVlan::del(vp0).vlan(10, BridgeVlanFlags::default()))
        .unwrap();
    let error = run
        .run(BridgePortVlan::add(vp0).range(10, 12, BridgeVlanFlags::default()))
        .unwrap_err();
    assert_eq!(error.errno(), Some(95), "{error}");

    let error = run
        .run(BridgeVlanDb::add(vp0).vlan(20, BridgeVlanFlags::default()))
        .unwrap_err();
    assert_eq!(error.errno(), Some(95), "{error}");
    let dump = run.run(BridgeVlanDump::new());
    match dump {
        Ok(entries) => assert!(entries.is_empty()),
        Err(error) => assert_eq!(error.errno(), Some(95), "{error}"),
    }
    let error = run
        .run(BridgePortVlan::add(vp0).vlan(4095, BridgeVlanFlags::default()))
        .unwrap_err();
    assert!(matches!(error, Error::InvalidArgument(_)), "{error:?}");
}

both_front_ends! {
    kinds_with_options => blocking_kinds_with_options, tokio_kinds_with_options;
    tun_is_refused => blocking_tun_is_refused, tokio_tun_is_refused;
    bridge_vlan_filtering_is_refused => blocking_vlan_filtering_refused, tokio_vlan_filtering_refused;
    more_changes => blocking_more_changes, tokio_more_changes;
    altnames => blocking_altnames, tokio_altnames;
    filtered_dumps => blocking_filtered_dumps, tokio_filtered_dumps;
    invalid_arguments => blocking_invalid_arguments, tokio_invalid_arguments;
    namespace_moves => blocking_namespace_moves, tokio_namespace_moves;
    statistics => blocking_statistics, tokio_statistics;
    bridge_port_vlans => blocking_bridge_port_vlans, tokio_bridge_port_vlans;
    links_are_created => blocking_links_are_created, tokio_links_are_created;
    links_are_changed => blocking_links_are_changed, tokio_links_are_changed;
    links_are_read_and_deleted => blocking_links_read_deleted, tokio_links_read_deleted;
    addresses => blocking_addresses, tokio_addresses;
    errors => blocking_errors, tokio_errors;
}

#[test]
fn error_display_keeps_the_kernel_message() {
    in_new_netns(|| {
        let mut run = blocking();
        let error = run.run(LinkAdd::new("k0", "no-such-kind")).unwrap_err();
        let text = error.to_string();
        assert!(text.starts_with("RTNETLINK answers: "), "{text}");
        assert!(text.contains("(EOPNOTSUPP)"), "{text}");
        assert!(text.ends_with(": \"Unknown device type\""), "{text}");
        run.run(LinkAdd::bridge("e0")).unwrap();
        let error = run.run(LinkAdd::bridge("e0")).unwrap_err();
        let Error::AlreadyExists { message, source } = &error else {
            panic!("{error:?}")
        };
        assert_eq!(message.as_deref(), source.kernel_message());
    });
}

/// Opens a front end inside the namespace of `pid`, from another namespace,
/// creates a link through it and checks it landed there and only there.
/// Opens a front end in a namespace and returns a way to add links.
type Open = fn(&rtnetlink::Namespace) -> Box<dyn FnMut(LinkAdd)>;

fn in_namespace(open: Open) {
    in_new_netns(|| {
        let mut child = std::process::Command::new("sleep")
            .arg("30")
            .spawn()
            .unwrap();
        let ns = rtnetlink::Namespace::Pid(child.id());
        in_new_netns(|| {
            let mut add = open(&ns);
            add(LinkAdd::bridge("nsbr0").into_link_add());
            assert!(netlink_testkit::ip_ok("link show dev nsbr0").is_err());
        });
        let shown = ip_json("-d link show dev nsbr0");
        assert_eq!(shown[0]["linkinfo"]["info_kind"], "bridge");
        child.kill().unwrap();
        child.wait().unwrap();
    });
}

#[test]
fn blocking_in_namespace() {
    in_namespace(|ns| {
        let mut handle = rtnetlink::blocking::Handle::new_in_namespace(ns).unwrap();
        Box::new(move |add| handle.execute(add).unwrap())
    });
}

#[test]
fn tokio_in_namespace() {
    in_namespace(|ns| {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let (connection, handle) = rtnetlink::tokio::new_connection_in_namespace(ns).unwrap();
        runtime.spawn(connection);
        Box::new(move |add| runtime.block_on(handle.execute(add)).unwrap())
    });
}
