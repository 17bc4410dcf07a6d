//! Every operation against the kernel, through both front ends, checked
//! with iproute2. Needs root; never skipped.

use std::collections::BTreeSet;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

#[path = "kernel_link/bridge_vlan.rs"]
mod bridge_vlan;
#[path = "kernel_link/changes.rs"]
mod changes;
mod common;
#[path = "kernel_link/dumps.rs"]
mod dumps;
#[path = "kernel_link/kinds.rs"]
mod kinds;
#[path = "kernel_link/netns.rs"]
mod netns;

use bridge_vlan::*;
use changes::*;
use dumps::*;
use kinds::*;
use netns::*;

use common::{blocking, index, Run};
use netlink_testkit::{in_new_netns, ip_json};
use rtnetlink::address::{AddressAdd, AddressDel, AddressGet};
use rtnetlink::link::{LinkAdd, LinkDel, LinkGet, LinkSet};
use rtnetlink::packet::link::info::MacVlanMode;
use rtnetlink::Error;

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
