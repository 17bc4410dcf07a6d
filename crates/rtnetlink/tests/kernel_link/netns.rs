//! Moving links between network namespaces.

use std::collections::BTreeSet;
use std::sync::atomic::{AtomicUsize, Ordering};

use netlink_testkit::ip_json;
use rtnetlink::link::{LinkAdd, LinkSet, NetnsTarget};
use rtnetlink::{Error, Namespace};

use crate::common::{index, Run};

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
pub fn namespace_moves<R: Run>(run: &mut R) {
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
    assert!(matches!(
        NetnsTarget::by_name("../etc"),
        Err(Error::InvalidArgument(_))
    ));
    run.run(LinkAdd::ifb("m3")).unwrap();
    let m3 = index(run, "m3");
    let target = NetnsTarget::from_namespace(&Namespace::Named(ns.0.clone())).unwrap();
    run.run(LinkSet::index(m3).netns(target)).unwrap();
    assert!(ns.names().contains("m3"));
}
