//! `nlctl nexthop` against `ip -j nexthop`, each test in a fresh namespace.

mod common;

use common::{assert_superset, fixture, nlctl, nlctl_json, nlctl_ok};
use netlink_testkit::{in_new_netns, ip, ip_batch, ip_json};
use serde_json::{json, Value};

/// The fixture (nexthops 1, 2 and group 10) plus every kind `ip -j` prints.
fn nexthops() {
    fixture();
    ip_batch(
        "nexthop add id 3 dev v0
nexthop add id 4 blackhole
nexthop add id 5 via 2001:db8::2 dev v0
nexthop add id 6 via 192.0.2.9 dev v0 onlink proto static
nexthop add id 7 via 192.0.2.7 fdb
nexthop add id 8 via 192.0.2.8 fdb
nexthop add id 11 group 1/2 type resilient buckets 8
nexthop add id 12 group 7/8 fdb
nexthop add id 13 group 1/2,3 type resilient buckets 16 idle_timer 60 unbalanced_timer 100",
    );
    ip("-6 nexthop add id 14 blackhole");
}

#[test]
fn show_forms_match_ip() {
    in_new_netns(|| {
        nexthops();
        for args in [
            "nexthop show",
            "nexthop",
            "-d nexthop show",
            "-s nexthop show",
            "nexthop show id 10",
            "nexthop show id 13",
            "-d nexthop show id 4",
            "nexthop show groups",
            "nexthop show dev v0",
            "-4 nexthop show",
            "-6 nexthop show",
        ] {
            let ip = ip_json(args);
            assert!(ip.as_array().is_some_and(|a| !a.is_empty()), "{args}: {ip}");
            assert_superset(&ip, &nlctl_json(args), &[], 0);
        }
    });
}

#[test]
fn text_reads_like_ip() {
    in_new_netns(|| {
        nexthops();
        let text = nlctl_ok("nexthop show");
        for line in [
            "id 1 via 192.0.2.2 dev v0 scope link\n",
            "id 4 blackhole\n",
            "id 6 via 192.0.2.9 dev v0 scope link proto static onlink\n",
            "id 10 group 1,2/2\n",
            "id 11 group 1/2 type resilient buckets 8 idle_timer 120 unbalanced_timer 0 unbalanced_time 0\n",
            "id 12 group 7/8 fdb\n",
        ] {
            assert!(text.contains(line), "{line:?} in {text}");
        }
    });
}

fn by_id(list: &Value, id: u64) -> Option<&Value> {
    list.as_array()?.iter().find(|n| n["id"] == id)
}

#[test]
fn add_replace_get_del_flush_as_ip_sees_them() {
    in_new_netns(|| {
        fixture();
        for args in [
            "nexthop add id 20 via 192.0.2.2 dev v0",
            "nexthop add id 21 via 2001:db8::2 dev v0",
            "nexthop add id 22 dev v0",
            "nexthop add id 23 blackhole",
            "nexthop add id 24 via 192.0.2.99 dev v0 onlink proto static",
            "nexthop add id 25 via 192.0.2.7 fdb",
            "nexthop add id 30 group 20,3/22",
            "nexthop add id 31 group 20/22 type resilient buckets 32 idle_timer 10 unbalanced_timer 20",
            "nexthop add id 32 group 25 fdb",
        ] {
            nlctl_ok(args);
        }
        let all = ip_json("nexthop show");
        let expect = |id: u64, value: Value| {
            let n = by_id(&all, id).unwrap_or_else(|| panic!("nexthop {id} in {all}"));
            assert_superset(&value, n, &[], 0);
        };
        expect(
            20,
            json!({"gateway": "192.0.2.2", "dev": "v0", "scope": "link"}),
        );
        expect(21, json!({"gateway": "2001:db8::2", "dev": "v0"}));
        expect(22, json!({"dev": "v0", "scope": "host"}));
        expect(23, json!({"blackhole": null}));
        expect(24, json!({"protocol": "static", "flags": ["onlink"]}));
        expect(25, json!({"gateway": "192.0.2.7", "fdb": null}));
        expect(30, json!({"group": [{"id": 20, "weight": 3}, {"id": 22}]}));
        expect(
            31,
            json!({"type": "resilient", "resilient_args": {"buckets": 32, "idle_timer": 10, "unbalanced_timer": 20}}),
        );
        expect(32, json!({"group": [{"id": 25}], "fdb": null}));

        // get shows what ip shows.
        for id in [20, 30, 31] {
            let ip = json!([by_id(&all, id).cloned()]);
            assert_superset(&ip, &nlctl_json(&format!("nexthop get id {id}")), &[], 0);
        }

        nlctl_ok("nexthop replace id 20 via 192.0.2.3 dev v0");
        nlctl_ok("nexthop replace id 40 blackhole");
        let all = ip_json("nexthop show");
        assert_eq!(by_id(&all, 20).expect("20")["gateway"], "192.0.2.3");
        assert!(by_id(&all, 40).is_some());

        nlctl_ok("nexthop del id 40");
        assert!(by_id(&ip_json("nexthop show"), 40).is_none());

        nlctl_ok("nexthop flush groups");
        let all = ip_json("nexthop show");
        assert!(all
            .as_array()
            .expect("array")
            .iter()
            .all(|n| n.get("group").is_none()));
        assert!(by_id(&all, 20).is_some());
        ip("nexthop add id 50 group 1/2");
        nlctl_ok("nexthop flush");
        assert_eq!(ip_json("nexthop show"), json!([]));
    });
}

#[test]
fn errors() {
    in_new_netns(|| {
        fixture();
        let run = nlctl("nexthop add id 1 via 192.0.2.2 dev v0");
        assert_eq!(run.status, 1, "{}", run.stderr);
        assert!(run.stderr.contains("File exists"), "{}", run.stderr);
        assert!(run.stdout.is_empty());
        let run = nlctl("nexthop add id 20 group 1/99");
        assert_eq!(run.status, 1, "{}", run.stderr);
        assert!(run.stderr.contains("Invalid nexthop id"), "{}", run.stderr);
        let run = nlctl("nexthop del id 99");
        assert_eq!(run.status, 1, "{}", run.stderr);
        assert!(run.stderr.contains("No such file"), "{}", run.stderr);
        let run = nlctl("-j nexthop get id 99");
        assert_eq!(run.status, 1, "{}", run.stderr);
        assert!(run.stdout.is_empty());
        for (args, word) in [
            ("nexthop add id 20 frobnicate", "frobnicate"),
            ("nexthop add id x", "\"x\""),
            ("nexthop add id 20 group 1,z", "1,z"),
            ("nexthop add id 20 group 1 type fancy", "fancy"),
            ("nexthop del", "id"),
            ("nexthop show wibble", "wibble"),
        ] {
            let run = nlctl(args);
            assert_eq!(run.status, 2, "{args}: {}", run.stderr);
            assert!(run.stderr.contains(word), "{args}: {}", run.stderr);
            assert!(run.stdout.is_empty());
        }
    });
}
