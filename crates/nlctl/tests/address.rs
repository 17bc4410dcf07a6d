//! `nlctl address` against `ip -j address`, each test in a fresh namespace.

mod common;

use common::{assert_superset, fixture, nlctl, nlctl_json, nlctl_ok};
use netlink_testkit::{in_new_netns, ip, ip_batch, ip_json};
use serde_json::Value;

/// Lifetimes count down and counters tick between the two runs.
const TICKING: &[&str] = &[
    "valid_life_time",
    "preferred_life_time",
    "bytes",
    "packets",
    "multicast",
];

/// The addresses of `dev` as `ip -j` sees them.
fn addresses(dev: &str) -> Vec<Value> {
    ip_json(&format!("address show dev {dev}"))[0]["addr_info"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

fn find<'a>(list: &'a [Value], local: &str) -> Option<&'a Value> {
    list.iter().find(|a| a["local"] == local)
}

/// Waits (at most 5 s) until no address is tentative: duplicate address
/// detection ends about a second after a link comes up, changing flags
/// and local routes between `ip`'s run and ours otherwise.
fn settle() {
    for _ in 0..50 {
        if !ip_json("address show").to_string().contains("tentative") {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}

#[test]
fn show_forms_match_ip() {
    in_new_netns(|| {
        fixture();
        ip_batch(
            "address add 192.0.2.50/24 brd + dev v0 label v0:x metric 55 noprefixroute
address add 203.0.113.1/24 broadcast 203.0.113.77 dev v1 valid_lft 100 preferred_lft 0
address add 2001:db8:5::1/64 dev v1 home mngtmpaddr nodad valid_lft 300 preferred_lft 200
address add 239.1.1.1/32 dev v1 autojoin
address add 10.9.2.1/24 dev v1 scope link",
        );
        settle();
        for args in [
            "address show",
            "address",
            "address show dev v0",
            "address show dev v1",
            "-4 address show",
            "-6 address show",
            "-4 address show dev v0",
            "-d address show dev v0",
        ] {
            let ip = ip_json(args);
            assert!(ip.as_array().is_some_and(|a| !a.is_empty()), "{args}: {ip}");
            assert_superset(&ip, &nlctl_json(args), TICKING, 3);
        }
        // Neighbour discovery may send a packet between the two runs.
        let ip = ip_json("-s address show");
        assert_superset(&ip, &nlctl_json("-s address show"), TICKING, 1000);
    });
}

#[test]
fn text_reads_like_ip() {
    in_new_netns(|| {
        fixture();
        let text = nlctl_ok("address show dev v0");
        assert!(
            text.contains("v0@v1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1400"),
            "{text}"
        );
        assert!(
            text.contains("    inet 192.0.2.1/24 scope global v0\n"),
            "{text}"
        );
        assert!(
            text.contains("    inet 192.0.2.100/24 scope global secondary dynamic v0\n"),
            "{text}"
        );
        assert!(
            text.contains("    inet6 2001:db8::1/64 scope global nodad"),
            "{text}"
        );
        assert!(text.contains("       valid_lft forever preferred_lft forever"));
        let text = nlctl_ok("address show dev v1");
        assert!(
            text.contains("inet 198.51.100.1 peer 198.51.100.2/32 scope global v1"),
            "{text}"
        );
    });
}

#[test]
fn filters_select_addresses() {
    in_new_netns(|| {
        fixture();
        ip("address add 192.0.2.60/24 dev v0 label v0:lab");
        let shown = nlctl_json("address show label v0:*");
        let list = shown.as_array().cloned().unwrap_or_default();
        assert_eq!(list.len(), 1, "{shown}");
        let info = list[0]["addr_info"].as_array().cloned().unwrap_or_default();
        assert_eq!(info.len(), 1, "{shown}");
        assert_eq!(info[0]["local"], "192.0.2.60");
        // `ip -j address show up` prints `{}` for each link that is down;
        // here they are left out.
        let shown = nlctl_json("address show up");
        assert!(shown.as_array().is_some_and(|l| l.iter().all(|x| x["flags"]
            .as_array()
            .is_some_and(|f| f.contains(&"UP".into())))));
        let shown = nlctl_json("address show scope host");
        assert_eq!(shown[0]["ifname"], "lo", "{shown}");
        assert!(shown[0]["addr_info"]
            .as_array()
            .is_some_and(|a| a.iter().all(|x| x["scope"] == "host")));
    });
}

#[test]
fn add_replace_del_as_ip_sees_them() {
    in_new_netns(|| {
        fixture();
        nlctl_ok("address add 203.0.113.5/24 dev v1 broadcast + label v1:a metric 7 noprefixroute");
        let list = addresses("v1");
        let a = find(&list, "203.0.113.5").unwrap_or_else(|| panic!("{list:?}"));
        assert_eq!(a["prefixlen"], 24);
        assert_eq!(a["broadcast"], "203.0.113.255");
        assert_eq!(a["label"], "v1:a");
        assert_eq!(a["metric"], 7);
        assert_eq!(a["noprefixroute"], true);

        nlctl_ok("address add 2001:db8:7::1/64 dev v1 nodad valid_lft 600 preferred_lft 300 home");
        let list = addresses("v1");
        let a = find(&list, "2001:db8:7::1").unwrap_or_else(|| panic!("{list:?}"));
        assert_eq!(a["nodad"], true);
        assert_eq!(a["home"], true);
        assert_eq!(a["dynamic"], true);
        assert!(a["valid_life_time"]
            .as_u64()
            .is_some_and(|v| v <= 600 && v > 590));

        nlctl_ok("address add 10.20.0.1 peer 10.20.0.2/32 dev v1 scope link");
        let list = addresses("v1");
        let a = find(&list, "10.20.0.1").unwrap_or_else(|| panic!("{list:?}"));
        assert_eq!(a["address"], "10.20.0.2");
        assert_eq!(a["scope"], "link");

        // replace changes an existing address in place.
        nlctl_ok("address replace 203.0.113.5/24 dev v1 valid_lft 900 preferred_lft 800");
        let list = addresses("v1");
        let a = find(&list, "203.0.113.5").unwrap_or_else(|| panic!("{list:?}"));
        assert!(a["preferred_life_time"]
            .as_u64()
            .is_some_and(|v| v <= 800 && v > 790));

        nlctl_ok("address del 203.0.113.5/24 dev v1");
        nlctl_ok("address del 10.20.0.1 peer 10.20.0.2/32 dev v1");
        nlctl_ok("address del 2001:db8:7::1/64 dev v1");
        let list = addresses("v1");
        for gone in ["203.0.113.5", "10.20.0.1", "2001:db8:7::1"] {
            assert!(find(&list, gone).is_none(), "{gone} still there: {list:?}");
        }
    });
}

#[test]
fn flush_removes_a_devices_addresses() {
    in_new_netns(|| {
        fixture();
        nlctl_ok("-4 address flush dev v0");
        let list = addresses("v0");
        assert!(list.iter().all(|a| a["family"] == "inet6"), "{list:?}");
        assert!(!list.is_empty());
        nlctl_ok("address flush dev v0 scope global");
        let list = addresses("v0");
        assert!(list.iter().all(|a| a["scope"] == "link"), "{list:?}");
    });
}

#[test]
fn errors_exit_1_or_2_and_say_why() {
    in_new_netns(|| {
        fixture();
        let run = nlctl("address add 192.0.2.1/24 dev v0");
        assert_eq!(run.status, 1, "{run:?}");
        assert!(run.stderr.contains("File exists"), "{}", run.stderr);
        assert!(run.stdout.is_empty());

        let run = nlctl("address add 192.0.2.300/24 dev v0");
        assert_eq!(run.status, 2, "{run:?}");
        assert!(run.stderr.contains("192.0.2.300"), "{}", run.stderr);

        let run = nlctl("address add 192.0.2.9/24 dev v0 frobnicate");
        assert_eq!(run.status, 2);
        assert!(run.stderr.contains("frobnicate"), "{}", run.stderr);

        let run = nlctl("address add 192.0.2.9/24 dev nosuch");
        assert_eq!(run.status, 1);
        assert!(run.stderr.contains("nosuch"), "{}", run.stderr);

        let run = nlctl("address del 192.0.2.99/24 dev v0");
        assert_eq!(run.status, 1, "{run:?}");
        assert!(run.stdout.is_empty());

        let run = nlctl("address add 192.0.2.9/24 dev v0 label other");
        assert_eq!(run.status, 2);
        assert!(run.stderr.contains("label"), "{}", run.stderr);
    });
}
