//! `nlctl neighbour` against `ip -j neigh`, each test in a fresh namespace.

mod common;

use common::{assert_superset, fixture, nlctl, nlctl_json, nlctl_ok, superset_problems};
use netlink_testkit::{in_new_netns, ip_batch, ip_json};
use serde_json::Value;

/// Cache timers tick between the two runs.
const TIMERS: &[&str] = &["used", "confirmed", "updated", "refcnt", "probes"];

/// The fixture plus neighbours in every state and with every flag `ip -j`
/// prints.
fn neighbours() {
    fixture();
    ip_batch(
        "neigh add 192.0.2.3 lladdr 02:00:00:00:00:04 dev v0 nud stale router
neigh add 192.0.2.4 lladdr 02:00:00:00:00:05 dev v0 nud noarp
neigh add 192.0.2.5 lladdr 02:00:00:00:00:06 dev v0 extern_learn
neigh add 192.0.2.6 lladdr 02:00:00:00:00:07 dev v0 protocol static
neigh add 192.0.2.7 dev v0 managed
neigh add 192.0.2.8 dev v0 nud incomplete
neigh add 192.0.2.9 dev v0 nud failed
neigh add 2001:db8::5 lladdr 02:00:00:00:00:08 dev v0 router nud permanent
neigh add 198.51.100.2 lladdr 02:00:00:00:00:09 dev v1 nud reachable
neigh add proxy 192.0.2.50 dev v0
neigh add proxy 2001:db8::50 dev v0",
    );
}

#[test]
fn show_forms_match_ip() {
    in_new_netns(|| {
        neighbours();
        for args in [
            "neigh show",
            "neigh",
            "neigh show dev v0",
            "neigh show dev v1",
            "-4 neigh show",
            "-6 neigh show",
            "neigh show proxy",
            "-6 neigh show proxy",
            "neigh show nud all",
            "neigh show nud permanent nud stale",
            "neigh show nud none",
            "neigh show 192.0.2.0/29",
            "-s neigh show",
            "-d neigh show",
        ] {
            // The kernel adds entries of its own a moment after links come
            // up (the IGMP group of a bridge, say): compare snapshots taken
            // back to back until the table holds still.
            let mut attempts = 0;
            loop {
                let ip = ip_json(args);
                assert!(ip.as_array().is_some_and(|a| !a.is_empty()), "{args}: {ip}");
                let ours = nlctl_json(args);
                attempts += 1;
                if attempts == 3 || superset_problems(&ip, &ours, TIMERS, 1).is_empty() {
                    assert_superset(&ip, &ours, TIMERS, 1);
                    break;
                }
                std::thread::sleep(std::time::Duration::from_millis(200));
            }
        }
    });
}

#[test]
fn text_reads_like_ip() {
    in_new_netns(|| {
        neighbours();
        let text = nlctl_ok("neigh show dev v0");
        assert!(
            text.contains("192.0.2.3 dev v0 lladdr 02:00:00:00:00:04 router STALE"),
            "{text}"
        );
        assert!(text.contains("192.0.2.6 dev v0 lladdr 02:00:00:00:00:07 PERMANENT proto static"));
        let text = nlctl_ok("neigh show proxy");
        assert!(text.contains("192.0.2.50 dev v0 proxy"), "{text}");
    });
}

fn find<'a>(list: &'a Value, dst: &str) -> Option<&'a Value> {
    list.as_array()?.iter().find(|n| n["dst"] == dst)
}

#[test]
fn add_replace_get_del_as_ip_sees_them() {
    in_new_netns(|| {
        fixture();
        nlctl_ok("neigh add 192.0.2.20 lladdr 02:00:00:00:00:20 dev v0");
        nlctl_ok("neigh add to 192.0.2.21 lladdr 02:00:00:00:00:21 dev v0 nud stale router");
        nlctl_ok("neigh add 2001:db8::21 lladdr 02:00:00:00:00:22 dev v0 nud reachable");
        nlctl_ok("neigh add proxy 192.0.2.60 dev v0");
        nlctl_ok("neigh add 192.0.2.22 lladdr 02:00:00:00:00:23 dev v0 nud noarp");
        let all = ip_json("neigh show nud all");
        let n = find(&all, "192.0.2.20").expect("192.0.2.20 added");
        assert_eq!(n["lladdr"], "02:00:00:00:00:20");
        assert_eq!(n["state"], serde_json::json!(["PERMANENT"]));
        let n = find(&all, "192.0.2.21").expect("192.0.2.21 added");
        assert_eq!(n["state"], serde_json::json!(["STALE"]));
        assert!(n.get("router").is_some(), "{n}");
        let n = find(&all, "2001:db8::21").expect("2001:db8::21 added");
        assert_eq!(n["state"], serde_json::json!(["REACHABLE"]));
        let n = find(&all, "192.0.2.22").expect("192.0.2.22 added");
        assert_eq!(n["state"], serde_json::json!(["NOARP"]));
        assert!(find(&ip_json("neigh show proxy"), "192.0.2.60").is_some());

        // replace changes the address; get shows what ip shows.
        nlctl_ok("neigh replace 192.0.2.20 lladdr 02:00:00:00:00:2f dev v0 nud permanent");
        let n = find(&ip_json("neigh show"), "192.0.2.20")
            .cloned()
            .expect("still there");
        assert_eq!(n["lladdr"], "02:00:00:00:00:2f");
        let got = nlctl_json("neigh get 192.0.2.20 dev v0");
        assert_superset(&serde_json::json!([n]), &got, TIMERS, 1);
        // replace also creates.
        nlctl_ok("neigh replace 192.0.2.23 lladdr 02:00:00:00:00:24 dev v0");
        assert!(find(&ip_json("neigh show"), "192.0.2.23").is_some());

        nlctl_ok("neigh del 192.0.2.20 dev v0");
        nlctl_ok("neigh del proxy 192.0.2.60 dev v0");
        assert!(find(&ip_json("neigh show"), "192.0.2.20").is_none());
        assert!(find(&ip_json("neigh show proxy"), "192.0.2.60").is_none());
    });
}

#[test]
fn flush_keeps_permanent_unless_asked() {
    in_new_netns(|| {
        neighbours();
        nlctl_ok("neigh flush dev v0");
        let left = ip_json("neigh show dev v0 nud all");
        let states: Vec<String> = left
            .as_array()
            .expect("array")
            .iter()
            .map(|n| n["state"].to_string())
            .collect();
        assert!(
            states
                .iter()
                .all(|s| s.contains("PERMANENT") || s.contains("NOARP")),
            "{left}"
        );
        // Other links untouched.
        assert!(find(&ip_json("neigh show dev v1"), "198.51.100.2").is_some());
        nlctl_ok("neigh flush dev v0 nud permanent");
        assert!(find(&ip_json("neigh show dev v0"), "192.0.2.2").is_none());
        assert!(find(&ip_json("neigh show dev v0 nud all"), "192.0.2.4").is_some());
    });
}

#[test]
fn errors() {
    in_new_netns(|| {
        fixture();
        // The kernel refuses: exit 1, its text on stderr, nothing on stdout.
        let run = nlctl("neigh add 192.0.2.2 lladdr 02:00:00:00:00:02 dev v0");
        assert_eq!(run.status, 1, "{}", run.stderr);
        assert!(run.stderr.contains("File exists"), "{}", run.stderr);
        assert!(run.stdout.is_empty());
        let run = nlctl("-j neigh get 192.0.2.99 dev v0");
        assert_eq!(run.status, 1, "{}", run.stderr);
        assert!(run.stderr.contains("No such file"), "{}", run.stderr);
        assert!(run.stdout.is_empty());
        let run = nlctl("neigh del 192.0.2.99 dev v0");
        assert_eq!(run.status, 1, "{}", run.stderr);
        assert!(run.stderr.contains("No such file"), "{}", run.stderr);
        let run = nlctl("neigh add 192.0.2.30 dev nosuch");
        assert_eq!(run.status, 1);
        assert!(run.stderr.contains("nosuch"), "{}", run.stderr);
        // Wrong words: exit 2 naming the word.
        for (args, word) in [
            ("neigh add 192.0.2.30 dev v0 frobnicate", "frobnicate"),
            ("neigh show wibble", "wibble"),
            ("neigh add 192.0.2.30 lladdr zz dev v0", "zz"),
            ("neigh add 192.0.2.30 dev v0 nud sleepy", "sleepy"),
            ("neigh flush", "missing"),
            ("neigh del dev v0", "address"),
        ] {
            let run = nlctl(args);
            assert_eq!(run.status, 2, "{args}: {}", run.stderr);
            assert!(run.stderr.contains(word), "{args}: {}", run.stderr);
            assert!(run.stdout.is_empty());
        }
    });
}

#[test]
fn batch_queues_neighbour_rule_and_nexthop_changes() {
    in_new_netns(|| {
        fixture();
        let file = std::env::temp_dir().join(format!("nlctl-neigh-batch-{}", std::process::id()));
        std::fs::write(
            &file,
            "neigh add 192.0.2.40 lladdr 02:00:00:00:00:40 dev v0
rule add pref 7 lookup 7
nexthop add id 60 via 192.0.2.2 dev v0
nexthop add id 61 group 60/1
neigh add 192.0.2.40 lladdr 02:00:00:00:00:40 dev v0
",
        )
        .expect("write batch file");
        let run = nlctl(&format!("-b {}", file.display()));
        let _ = std::fs::remove_file(&file);
        // The duplicate on line 5 fails the batch, naming its line; the
        // rest is done.
        assert_eq!(run.status, 1, "{}", run.stderr);
        assert!(run.stderr.contains("line 5"), "{}", run.stderr);
        assert!(run.stderr.contains("File exists"), "{}", run.stderr);
        assert!(find(&ip_json("neigh show"), "192.0.2.40").is_some());
        let rules = ip_json("rule show");
        assert!(rules
            .as_array()
            .is_some_and(|a| a.iter().any(|r| r["priority"] == 7)));
        let groups = ip_json("nexthop show id 61");
        assert_eq!(groups[0]["group"][0]["id"], 60);
    });
}
