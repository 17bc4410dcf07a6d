//! `nlctl link` against `ip -j link` (iproute2), each test in a fresh
//! network namespace.

mod common;

use common::{assert_superset, fixture, nlctl, nlctl_json, nlctl_ok};
use netlink_testkit::{in_new_netns, ip, ip_json};
use serde_json::Value;

/// Keys whose numbers may differ between the `ip` run and the `nlctl` run.
/// Links that are up send IPv6 autoconfiguration traffic (router
/// solicitations of 70 bytes, MLD reports of 90) at moments of the
/// kernel's choosing, so their packet and byte counters can tick in the
/// few milliseconds between the two runs: [`TOLERANCE`] allows about five
/// such packets. Bridge timers count down; they are fractions, which the
/// comparison does not hold to the tolerance.
const TICKING: &[&str] = &[
    "bytes",
    "packets",
    "multicast",
    "dropped",
    "gc_timer",
    "hello_timer",
    "tcn_timer",
    "topology_change_timer",
    "hold_timer",
    "message_age_timer",
    "forward_delay_timer",
];
/// See [`TICKING`].
const TOLERANCE: u64 = 500;

/// `ip -j ARGS`, without the empty objects iproute2 6.1 prints in place of
/// each link a `type` or `up` filter drops.
fn ip_links(args: &str) -> Value {
    match ip_json(args) {
        Value::Array(links) => Value::Array(
            links
                .into_iter()
                .filter(|l| l.as_object().is_some_and(|o| !o.is_empty()))
                .collect(),
        ),
        other => other,
    }
}

/// `ip -j -d link show dev NAME`'s one object.
fn ip_link(name: &str) -> Value {
    ip_json(&format!("-d link show dev {name}"))[0].clone()
}

#[test]
fn show_forms_match_ip() {
    in_new_netns(|| {
        fixture();
        ip("link set v1 group 5");
        for args in [
            "link show",
            "link",
            "-d link show",
            "-s link show",
            "-s -s link show",
            "-d -s -s link show",
            "link show dev v0",
            "-d link show dev p0",
            "-d link show dev br0",
            "-d link show dev vx0",
            "-d link show dev mv0",
            "-d link show dev tun0",
            "-s -s link show dev v0",
            "link show v1",
            "link show up",
            "link show master br0",
            "link show type veth",
            "-d link show type bridge_slave",
            "link show group 5",
            "link show group default",
        ] {
            let ip = ip_links(args);
            assert!(ip.as_array().is_some_and(|a| !a.is_empty()), "{args}: {ip}");
            assert_superset(&ip, &nlctl_json(args), TICKING, TOLERANCE);
        }
    });
}

#[test]
fn peer_in_another_namespace_shows_link_netnsid() {
    in_new_netns(|| {
        ip("link add v0 type veth peer name v1");
        let mut other = std::process::Command::new("unshare")
            .args(["-n", "sleep", "30"])
            .spawn()
            .expect("run unshare");
        // Let unshare enter its namespace before the move.
        std::thread::sleep(std::time::Duration::from_millis(200));
        let run = nlctl(&format!("link set v1 netns {}", other.id()));
        let ip = ip_links("-d link show");
        let ours = nlctl_json("-d link show");
        let _ = other.kill();
        let _ = other.wait();
        assert_eq!(run.status, 0, "{}", run.stderr);
        assert!(!ip.to_string().contains("\"v1\""), "{ip}");
        assert_superset(&ip, &ours, TICKING, TOLERANCE);
        assert!(ours[1].get("link_netnsid").is_some(), "{ours}");
    });
}

#[test]
fn add_each_creatable_kind() {
    in_new_netns(|| {
        for line in [
            "link add v0 type veth peer name v1",
            "link add br0 type bridge stp_state 1 forward_delay 500 priority 100",
            "link add vx0 type vxlan id 42 dstport 4789 local 192.0.2.1 remote 192.0.2.9 dev v0 ttl 5",
            "link add mv0 link v0 type macvlan mode bridge",
            "link add mt0 link v0 type macvtap mode vepa",
            "link add ifb7 type ifb",
            "link add name v2 mtu 1400 address 02:00:00:00:00:22 txqueuelen 50 alias side master br0 up type veth peer name v3",
        ] {
            let run = nlctl(line);
            assert_eq!(run.status, 0, "{line}: {}", run.stderr);
            assert!(run.stdout.is_empty(), "{line}: {}", run.stdout);
        }
        assert_eq!(ip_link("v0")["link"], "v1");
        assert_eq!(ip_link("v1")["linkinfo"]["info_kind"], "veth");
        let br = ip_link("br0");
        assert_eq!(br["linkinfo"]["info_kind"], "bridge");
        assert_eq!(br["linkinfo"]["info_data"]["stp_state"], 1);
        assert_eq!(br["linkinfo"]["info_data"]["forward_delay"], 500);
        assert_eq!(br["linkinfo"]["info_data"]["priority"], 100);
        let vx = ip_link("vx0")["linkinfo"]["info_data"].clone();
        assert_eq!(vx["id"], 42);
        assert_eq!(vx["port"], 4789);
        assert_eq!(vx["local"], "192.0.2.1");
        assert_eq!(vx["remote"], "192.0.2.9");
        assert_eq!(vx["link"], "v0");
        assert_eq!(vx["ttl"], 5);
        let mv = ip_link("mv0");
        assert_eq!(mv["link"], "v0");
        assert_eq!(mv["linkinfo"]["info_data"]["mode"], "bridge");
        let mt = ip_link("mt0");
        assert_eq!(mt["linkinfo"]["info_kind"], "macvtap");
        assert_eq!(mt["linkinfo"]["info_data"]["mode"], "vepa");
        assert_eq!(ip_link("ifb7")["linkinfo"]["info_kind"], "ifb");
        let v2 = ip_link("v2");
        assert_eq!(v2["mtu"], 1400);
        assert_eq!(v2["address"], "02:00:00:00:00:22");
        assert_eq!(v2["txqlen"], 50);
        assert_eq!(v2["ifalias"], "side");
        assert_eq!(v2["master"], "br0");
        assert!(v2["flags"].to_string().contains("\"UP\""), "{v2}");
        // And all of them read back alike.
        assert_superset(
            &ip_links("-d link show"),
            &nlctl_json("-d link show"),
            TICKING,
            TOLERANCE,
        );
    });
}

#[test]
fn set_each_attribute() {
    in_new_netns(|| {
        ip("link add v0 type veth peer name v1");
        ip("link add br0 type bridge");
        for line in [
            "link set v0 up",
            "link set dev v0 mtu 1300 address 02:00:00:00:00:10 alias hello txqueuelen 77 group 3",
            "link set v0 arp off promisc on allmulticast on",
            "link set v0 master br0",
        ] {
            let run = nlctl(line);
            assert_eq!(run.status, 0, "{line}: {}", run.stderr);
            assert!(run.stdout.is_empty());
        }
        let v0 = ip_link("v0");
        let flags = v0["flags"].to_string();
        for flag in ["\"UP\"", "\"NOARP\"", "\"PROMISC\"", "\"ALLMULTI\""] {
            assert!(flags.contains(flag), "{flag}: {v0}");
        }
        assert_eq!(v0["mtu"], 1300);
        assert_eq!(v0["address"], "02:00:00:00:00:10");
        assert_eq!(v0["ifalias"], "hello");
        assert_eq!(v0["txqlen"], 77);
        assert_eq!(v0["group"], "3");
        assert_eq!(v0["master"], "br0");

        nlctl_ok("link set v0 nomaster down arp on promisc off allmulticast off");
        let v0 = ip_link("v0");
        assert!(v0.get("master").is_none(), "{v0}");
        let flags = v0["flags"].to_string();
        for flag in ["\"UP\"", "\"NOARP\"", "\"PROMISC\"", "\"ALLMULTI\""] {
            assert!(!flags.contains(flag), "{flag}: {v0}");
        }
        nlctl_ok("link set v0 name uplink");
        assert_eq!(ip_link("uplink")["mtu"], 1300);
    });
}

#[test]
fn del_removes_links() {
    in_new_netns(|| {
        ip("link add v0 type veth peer name v1");
        ip("link add br0 type bridge");
        assert!(nlctl("link del dev v0").stdout.is_empty());
        assert_eq!(nlctl("link delete br0").status, 0);
        let names = ip_json("link show").to_string();
        assert!(
            !names.contains("\"v0\"") && !names.contains("\"v1\""),
            "{names}"
        );
        assert!(!names.contains("\"br0\""), "{names}");
    });
}

#[test]
fn kinds_absent_from_this_kernel_are_refused_by_it() {
    in_new_netns(|| {
        ip("link add v0 type veth peer name v1");
        for line in [
            "link add d0 type dummy",
            "link add b0 type bond mode active-backup miimon 100",
            "link add link v0 name vl0 type vlan id 10",
            "link add vrf0 type vrf table 10",
            "link add g0 type gre remote 192.0.2.2 local 192.0.2.1 ttl 64",
            "link add t0 type ipip remote 192.0.2.2",
            "link add s0 type sit remote 192.0.2.2",
            "link add t6 type ip6tnl remote 2001:db8::2",
            "link add gn0 type geneve id 5 remote 192.0.2.2",
            "link add wg0 type wireguard",
            "link add iv0 link v0 type ipvlan mode l2",
        ] {
            let run = nlctl(line);
            assert_eq!(run.status, 1, "{line}: {run:?}");
            assert!(
                run.stderr.contains("Unknown device type"),
                "{line}: {}",
                run.stderr
            );
            assert!(run.stdout.is_empty(), "{line}: {}", run.stdout);
        }
    });
}

#[test]
fn usage_errors_exit_2_and_name_the_word() {
    in_new_netns(|| {
        ip("link add v0 type veth peer name v1");
        for (line, word) in [
            ("link set v0 frobnicate", "frobnicate"),
            ("link set v0 mtu", "mtu"),
            ("link set v0 mtu abc", "abc"),
            ("link set v0 arp maybe", "maybe"),
            ("link set v0 address 02:zz", "02:zz"),
            ("link add x0 type vxlan id zz", "zz"),
            ("link add x0 type veth peer name y0 bogus", "bogus"),
            ("link add br9 type bridge nonsense 1", "nonsense"),
            ("link add m0 link v0 type macvlan mode sideways", "sideways"),
            ("link add m0 type macvlan", "link DEV"),
            ("link add x0", "type"),
            ("link show dev v0 extra", "extra"),
            ("link del v0 v1", "v1"),
            ("link del", "device name"),
            ("link set v0", "what to change"),
            ("link set v0 netns bad/name", "bad/name"),
            (
                "link add v9 type veth peer name v8 mtu 70000000000",
                "70000000000",
            ),
        ] {
            let run = nlctl(line);
            assert_eq!(run.status, 2, "{line}: {run:?}");
            assert!(run.stderr.contains(word), "{line}: {}", run.stderr);
            assert!(run.stdout.is_empty(), "{line}: {}", run.stdout);
        }
    });
}

#[test]
fn missing_devices_exit_1() {
    in_new_netns(|| {
        for line in [
            "link set nosuch up",
            "link del nosuch",
            "link show dev nosuch",
            "link add m0 link nosuch type macvlan",
            "link show master nosuch",
        ] {
            let run = nlctl(line);
            assert_eq!(run.status, 1, "{line}: {run:?}");
            assert!(
                run.stderr.contains("Cannot find device \"nosuch\""),
                "{line}: {}",
                run.stderr
            );
            assert!(run.stdout.is_empty());
        }
        // A refusal by the kernel: the name is taken.
        ip("link add v0 type veth peer name v1");
        let run = nlctl("link add v0 type veth peer name v9");
        assert_eq!(run.status, 1);
        assert!(run.stderr.contains("link add v0"), "{}", run.stderr);
        assert!(run.stdout.is_empty());
    });
}

#[test]
fn text_reads_like_ip() {
    in_new_netns(|| {
        fixture();
        let ours = nlctl_ok("link show");
        let theirs = std::process::Command::new("ip")
            .args(["link", "show"])
            .output()
            .expect("run ip");
        let theirs = String::from_utf8_lossy(&theirs.stdout);
        assert_eq!(ours, theirs);
        let ours = nlctl_ok("-d -s -s link show dev vx0");
        for needle in [
            "vx0: <BROADCAST,MULTICAST> mtu 1350 qdisc noop state DOWN mode DEFAULT group default qlen 1000",
            "promiscuity 0  allmulti 0 minmtu 68 maxmtu 65535",
            "vxlan id 42",
            "addrgenmode eui64 numtxqueues 1 numrxqueues 1 gso_max_size 65536",
            "    RX:  bytes packets errors dropped  missed   mcast",
            "    TX errors: aborted   fifo  window heartbt transns",
        ] {
            assert!(ours.contains(needle), "{needle}:\n{ours}");
        }
        // With details, for every link without ticking timers (a bridge
        // and its ports count down theirs).
        for dev in ["lo", "v0", "v1", "p1", "vx0", "mv0", "tun0"] {
            let ours = nlctl_ok(&format!("-d link show dev {dev}"));
            let theirs = std::process::Command::new("ip")
                .args(["-d", "link", "show", "dev", dev])
                .output()
                .expect("run ip");
            assert_eq!(ours, String::from_utf8_lossy(&theirs.stdout), "{dev}");
        }
        let ours = nlctl_ok("-d link show dev p0");
        assert!(ours.contains("master br0 state"), "{ours}");
        assert!(
            ours.contains("bridge_slave state disabled priority 32 cost 2"),
            "{ours}"
        );
    });
}

#[test]
fn batch_creates_then_uses_links() {
    in_new_netns(|| {
        let file = std::env::temp_dir().join(format!("nlctl-link-batch-{}", std::process::id()));
        std::fs::write(
            &file,
            "link add v0 type veth peer name v1
link add br0 type bridge
link set v0 master br0 up
link add vx0 type vxlan id 5 dstport 4789 dev v0 alias overlay
",
        )
        .expect("write batch file");
        let run = common::nlctl_args(&["-b", file.to_str().unwrap_or_default()]);
        let _ = std::fs::remove_file(&file);
        assert_eq!(run.status, 0, "{}", run.stderr);
        assert_eq!(ip_link("v0")["master"], "br0");
        assert_eq!(ip_link("vx0")["ifalias"], "overlay");
        assert_eq!(ip_link("vx0")["linkinfo"]["info_data"]["link"], "v0");
    });
}

#[test]
fn protodown_and_its_reasons_match_ip() {
    in_new_netns(|| {
        ip("link add vx0 type vxlan id 5 dstport 4789");
        nlctl_ok("link set vx0 protodown on");
        ip("link set vx0 protodown_reason 3 on");
        assert_superset(
            &ip_json("-d link show"),
            &nlctl_json("-d link show"),
            TICKING,
            TOLERANCE,
        );
        let ours = nlctl_ok("link show dev vx0");
        assert!(ours.contains("protodown on protodown_reason <3>"), "{ours}");
    });
}

#[test]
fn property_adds_and_deletes_alternative_names() {
    in_new_netns(|| {
        ip("link add v0 type veth peer name v1");
        nlctl_ok("link property add dev v0 altname uplink0 altname uplink-zero");
        let shown = ip_link("v0");
        assert_eq!(
            shown["altnames"],
            serde_json::json!(["uplink0", "uplink-zero"]),
            "{shown}"
        );
        assert_superset(
            &ip_json("link show dev v0"),
            &nlctl_json("link show dev v0"),
            &[],
            0,
        );
        // The name works wherever a device name does.
        assert_eq!(nlctl_json("link show dev uplink0")[0]["ifname"], "v0");

        nlctl_ok("link property del dev v0 altname uplink0");
        assert_eq!(
            ip_link("v0")["altnames"],
            serde_json::json!(["uplink-zero"])
        );

        let run = nlctl("link property add dev v1 altname uplink-zero");
        assert_eq!(run.status, 1, "taken by v0: {run:?}");
        assert!(
            run.stderr.starts_with("nlctl: link property add"),
            "{run:?}"
        );
        for (args, word) in [
            ("link property add dev v0", "altname NAME"),
            ("link property add altname x", "dev NAME"),
            ("link property set dev v0 altname x", "\"set\""),
            ("link property add dev v0 altname a/b", "a/b"),
        ] {
            let run = nlctl(args);
            assert_eq!(run.status, 2, "{args}: {run:?}");
            assert!(run.stderr.contains(word), "{args}: {run:?}");
        }
    });
}
