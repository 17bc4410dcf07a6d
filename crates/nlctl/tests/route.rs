//! `nlctl route` against `ip -j route`, each test in a fresh namespace.

mod common;

use common::{assert_superset, fixture, nlctl, nlctl_json, nlctl_ok};
use netlink_testkit::{in_new_netns, ip, ip_batch, ip_json};
use serde_json::Value;

/// Expiries count down between the two runs.
const TICKING: &[&str] = &["expires", "used", "users", "age"];

/// The fixture plus routes with every key `ip -j route` prints.
fn routes() {
    fixture();
    ip_batch(
        "link add d0 type veth peer name d1
link set d0 up
link set d1 up
address add 203.0.113.1/24 dev d0
address add 2001:db8:2::1/64 dev d0 nodad
route add 10.11.0.0/16 via 203.0.113.2 mtu lock 1400 advmss 1300 rtt 20ms rttvar 5ms window 1000 hoplimit 10 initcwnd 5 initrwnd 7 quickack 1 congctl lock cubic features ecn reordering 3 ssthresh 9 cwnd 11 rto_min 200ms fastopen_no_cookie 1 src 203.0.113.1 proto 77 table 1000
route add 10.12.0.0/16 via 198.51.100.9 dev d0 onlink
route add unreachable 10.13.0.0/16
route add prohibit 10.14.0.0/16 metric 3
route add throw 10.15.0.0/16
route add 10.16.0.0/16 via inet6 2001:db8:2::2 dev d0
route add 10.17.0.0/16 dev d0 tos 0x10 realm 5
route add default via 203.0.113.254
route add 10.18.0.0/16 nexthop via 203.0.113.2 dev d0 nexthop via 192.0.2.2 dev v0 weight 3 onlink
route add 10.19.0.0/16 dev d0 table 10 scope host proto kernel
route add 10.19.0.0/16 dev d0 table 11
route add default via 2001:db8:2::fe pref high
route add 2001:db8:7::/64 via 2001:db8:2::2 expires 300
route add 2001:db8:a::/64 nexthop via 2001:db8:2::2 dev d0 nexthop via 2001:db8:2::3 dev d0
route add 2001:db8:9::/64 encap seg6 mode encap segs 2001:db8::5,2001:db8::6 dev d0",
    );
    settle();
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
        routes();
        for args in [
            "route show",
            "route",
            "route show table main",
            "route show table 10",
            "route show table 1000",
            "route show table all",
            "route show table local",
            "-4 route show table all",
            "-6 route show",
            "-6 route show table all",
            "-d route show",
            "-d route show table all",
            "-s route show table all",
            "route show dev d0",
            "route show proto kernel",
            "route show type unreachable",
            "route show table all type local",
            "route show 10.1.0.0/16",
            "route show root 10.0.0.0/8",
            "route show match 10.18.1.0/24",
            "-6 route show 2001:db8:7::/64",
        ] {
            let ip = ip_json(args);
            assert!(ip.as_array().is_some_and(|a| !a.is_empty()), "{args}: {ip}");
            assert_superset(&ip, &nlctl_json(args), TICKING, 2);
        }
    });
}

#[test]
fn get_matches_ip() {
    in_new_netns(|| {
        routes();
        for args in [
            "route get 10.1.2.3",
            "route get 10.2.0.1",
            "route get fibmatch 10.2.0.1",
            "route get fibmatch 10.18.0.1",
            "route get 8.8.8.8",
            "-s route get 8.8.8.8",
            "-d route get 8.8.8.8",
            "route get 10.11.2.3 from 203.0.113.1 mark 5 uid 3",
            "route get 192.0.2.1",
            "route get 10.1.0.1 oif v0",
            "-6 route get 2001:db8:1::5",
            "-6 route get 2001:db8:9::1",
            "route get fibmatch 10.5.0.1",
        ] {
            let ip = ip_json(args);
            assert_superset(&ip, &nlctl_json(args), TICKING, 2);
        }
    });
}

#[test]
fn text_reads_like_ip() {
    in_new_netns(|| {
        routes();
        let text = nlctl_ok("route show");
        for line in [
            "10.1.0.0/16 via 192.0.2.2 dev v0 metric 100 mtu 1400\n",
            "10.2.0.0/16\n\tnexthop via 192.0.2.2 dev v0 weight 2\n\tnexthop via 192.0.2.3 dev v0 weight 1\n",
            "192.0.2.0/24 dev v0 proto kernel scope link src 192.0.2.1\n",
            "default via 203.0.113.254 dev d0\n",
            "unreachable 10.13.0.0/16\n",
            "10.12.0.0/16 via 198.51.100.9 dev d0 onlink\n",
            "10.16.0.0/16 via inet6 2001:db8:2::2 dev d0\n",
        ] {
            assert!(text.contains(line), "{line:?} not in\n{text}");
        }
        let text = nlctl_ok("route show table 1000");
        assert!(text.contains("mtu lock 1400"), "{text}");
        assert!(text.contains("rtt 20ms rttvar 5ms"), "{text}");
        assert!(text.contains("congctl lock cubic"), "{text}");
        let text = nlctl_ok("-6 route show");
        assert!(
            text.contains("default via 2001:db8:2::fe dev d0 metric 1024 pref high"),
            "{text}"
        );
        assert!(
            text.contains("encap seg6 mode encap segs 2 [ 2001:db8::5 2001:db8::6 ]"),
            "{text}"
        );
    });
}

fn find<'a>(list: &'a Value, dst: &str) -> Option<&'a Value> {
    list.as_array()?.iter().find(|r| r["dst"] == dst)
}

#[test]
fn add_replace_append_del_as_ip_sees_them() {
    in_new_netns(|| {
        fixture();
        nlctl_ok("route add 10.20.0.0/16 via 192.0.2.2 metric 30 mtu 1300 advmss 1200 proto static table 20");
        let list = ip_json("route show table 20");
        let r = find(&list, "10.20.0.0/16").unwrap_or_else(|| panic!("{list}"));
        assert_eq!(r["gateway"], "192.0.2.2");
        assert_eq!(r["dev"], "v0");
        assert_eq!(r["metric"], 30);
        assert_eq!(r["protocol"], "static");
        assert_eq!(r["metrics"][0]["mtu"], 1300);
        assert_eq!(r["metrics"][0]["advmss"], 1200);

        nlctl_ok("route replace 10.20.0.0/16 dev v1 metric 30 table 20");
        let list = ip_json("route show table 20");
        let r = find(&list, "10.20.0.0/16").unwrap_or_else(|| panic!("{list}"));
        assert_eq!(r["dev"], "v1");
        assert!(r.get("gateway").is_none(), "{r}");
        assert_eq!(r["scope"], "link");

        nlctl_ok("route add 10.21.0.0/16 nexthop via 192.0.2.2 dev v0 weight 5 nexthop via 192.0.2.3 weight 2");
        let list = ip_json("route show");
        let r = find(&list, "10.21.0.0/16").unwrap_or_else(|| panic!("{list}"));
        assert_eq!(r["nexthops"][0]["weight"], 5);
        assert_eq!(r["nexthops"][1]["gateway"], "192.0.2.3");
        assert_eq!(r["nexthops"][1]["weight"], 2);

        nlctl_ok("route add blackhole 10.22.0.0/16 table 20");
        let list = ip_json("route show table 20");
        assert_eq!(
            find(&list, "10.22.0.0/16").map(|r| r["type"].clone()),
            Some("blackhole".into())
        );

        nlctl_ok("route add 10.23.0.0/16 nhid 10");
        let list = ip_json("route show");
        assert_eq!(
            find(&list, "10.23.0.0/16").map(|r| r["nhid"].clone()),
            Some(10.into())
        );

        nlctl_ok("route add 2001:db8:30::/48 via 2001:db8::2 metric 70 pref low");
        nlctl_ok("route append 2001:db8:30::/48 via 2001:db8::3 metric 70");
        let list = ip_json("-6 route show");
        let r = find(&list, "2001:db8:30::/48").unwrap_or_else(|| panic!("{list}"));
        assert_eq!(r["metric"], 70);
        assert_eq!(r["nexthops"].as_array().map(Vec::len), Some(2), "{r}");

        nlctl_ok("route add default via 192.0.2.254");
        let list = ip_json("route show");
        assert_eq!(
            find(&list, "default").map(|r| r["gateway"].clone()),
            Some("192.0.2.254".into())
        );
        nlctl_ok("-6 route add default via 2001:db8::fe");
        let list = ip_json("-6 route show");
        assert!(find(&list, "default").is_some(), "{list}");

        nlctl_ok("route del 10.20.0.0/16 table 20");
        nlctl_ok("route del 10.21.0.0/16");
        nlctl_ok("route del blackhole 10.22.0.0/16 table 20");
        nlctl_ok("route del 2001:db8:30::/48");
        nlctl_ok("route del default");
        let list = ip_json("route show table all");
        for gone in [
            "10.20.0.0/16",
            "10.21.0.0/16",
            "10.22.0.0/16",
            "2001:db8:30::/48",
        ] {
            assert!(find(&list, gone).is_none(), "{gone} still there");
        }
        assert!(list.as_array().is_some_and(|l| !l
            .iter()
            .any(|r| r["dst"] == "default" && r["gateway"] == "192.0.2.254")));
    });
}

#[test]
fn flush_and_get() {
    in_new_netns(|| {
        routes();
        nlctl_ok("route flush table 10");
        assert_eq!(ip_json("route show table 10"), Value::Array(vec![]));
        nlctl_ok("route flush proto 77 table 1000");
        assert_eq!(ip_json("route show table 1000"), Value::Array(vec![]));
        nlctl_ok("route flush dev d0");
        let list = ip_json("route show");
        assert!(
            list.as_array()
                .is_some_and(|l| l.iter().all(|r| r["dev"] != "d0")),
            "{list}"
        );
        assert!(find(&list, "10.1.0.0/16").is_some());
        nlctl_ok("-6 route flush root 2001:db8:7::/48");
        let list = ip_json("-6 route show");
        assert!(find(&list, "2001:db8:7::/64").is_none(), "{list}");

        let got = nlctl_json("route get 10.1.9.9");
        assert_eq!(got[0]["gateway"], "192.0.2.2");
        assert_eq!(got[0]["dev"], "v0");
        let text = nlctl_ok("route get 10.1.9.9");
        assert!(
            text.starts_with("10.1.9.9 via 192.0.2.2 dev v0 src 192.0.2.1"),
            "{text}"
        );
    });
}

#[test]
fn batch_mode_queues_route_changes() {
    in_new_netns(|| {
        fixture();
        let file = std::env::temp_dir().join(format!("nlctl-route-batch-{}", std::process::id()));
        std::fs::write(
            &file,
            "route add 10.40.0.0/16 via 192.0.2.2\nroute add 10.41.0.0/16 dev v0\naddress add 192.0.2.77/24 dev v0\nroute add 10.40.0.0/16 via 192.0.2.3\n",
        )
        .expect("write batch file");
        let run = nlctl(&format!("-b {}", file.display()));
        let _ = std::fs::remove_file(&file);
        assert_eq!(run.status, 1, "{run:?}");
        assert!(run.stderr.contains("line 4"), "{}", run.stderr);
        assert!(run.stderr.contains("File exists"), "{}", run.stderr);
        let list = ip_json("route show");
        assert!(find(&list, "10.40.0.0/16").is_some());
        assert!(find(&list, "10.41.0.0/16").is_some());
        ip("address del 192.0.2.77/24 dev v0");
    });
}

#[test]
fn errors_exit_1_or_2_and_say_why() {
    in_new_netns(|| {
        fixture();
        let run = nlctl("route add 10.1.0.0/16 via 192.0.2.2 metric 100");
        assert_eq!(run.status, 1, "{run:?}");
        assert!(run.stderr.contains("File exists"), "{}", run.stderr);
        assert!(run.stdout.is_empty());

        let run = nlctl("route add 10.1.0.1/16 via 192.0.2.2");
        assert_eq!(run.status, 2, "{run:?}");
        assert!(run.stderr.contains("10.1.0.1/16"), "{}", run.stderr);

        let run = nlctl("route add 10.0.0.0/40 dev v0");
        assert_eq!(run.status, 2, "{run:?}");
        assert!(run.stderr.contains("10.0.0.0/40"), "{}", run.stderr);

        let run = nlctl("route add 10.30.0.0/16 dev v0 frobnicate 3");
        assert_eq!(run.status, 2);
        assert!(run.stderr.contains("frobnicate"), "{}", run.stderr);

        let run = nlctl("route show table all bogus");
        assert_eq!(run.status, 2);
        assert!(run.stderr.contains("bogus"), "{}", run.stderr);

        let run = nlctl("route del 10.99.0.0/16");
        assert_eq!(run.status, 1, "{run:?}");
        assert!(run.stdout.is_empty());

        let run = nlctl("-j route get 10.1.2.3 oif nosuch");
        assert_eq!(run.status, 1, "{run:?}");
        assert!(run.stdout.is_empty());
    });
}

#[test]
fn encap_via_and_v6_multipath_through_nlctl() {
    in_new_netns(|| {
        fixture();
        nlctl_ok("route add 10.50.0.0/16 encap ip id 5 dst 198.51.100.9 ttl 3 dev v0");
        let list = ip_json("route show dev v0");
        // `ip -j` prints the tunnel's dst as a second "dst" key, which
        // overrides the route's when read.
        let r = list
            .as_array()
            .and_then(|l| l.iter().find(|r| r["encap"] == "ip"))
            .unwrap_or_else(|| panic!("{list}"));
        assert_eq!(r["id"], 5);
        assert_eq!(r["ttl"], 3);
        assert_eq!(r["dst"], "198.51.100.9");
        let ours = nlctl_json("route show 10.50.0.0/16");
        assert_eq!(ours[0]["dst"], "10.50.0.0/16");
        assert_eq!(ours[0]["encap_dst"], "198.51.100.9");

        nlctl_ok(
            "route add 2001:db8:9::/64 encap seg6 mode encap segs 2001:db8::5,2001:db8::6 dev v0",
        );
        let list = ip_json("-6 route show 2001:db8:9::/64");
        assert_eq!(list[0]["encap"], "seg6");
        assert_eq!(
            list[0]["segs"],
            serde_json::json!(["2001:db8::5", "2001:db8::6"])
        );
        assert_superset(
            &list,
            &nlctl_json("-6 route show 2001:db8:9::/64"),
            TICKING,
            2,
        );

        nlctl_ok("route add 10.51.0.0/16 via inet6 2001:db8::2 dev v0");
        let list = ip_json("route show 10.51.0.0/16");
        assert_eq!(list[0]["via"]["family"], "inet6");
        assert_eq!(list[0]["via"]["host"], "2001:db8::2");

        nlctl_ok("route add default nexthop via 2001:db8::2 dev v0 weight 3 nexthop via 2001:db8::3 dev v0");
        let list = ip_json("-6 route show default");
        assert_eq!(list[0]["nexthops"][0]["weight"], 3, "{list}");
        assert_eq!(list[0]["nexthops"][1]["gateway"], "2001:db8::3");
        assert_superset(&list, &nlctl_json("-6 route show default"), TICKING, 2);
    });
}

#[test]
fn show_of_a_table_never_used_is_empty() {
    in_new_netns(|| {
        // ip says "FIB table does not exist" and fails; an empty table is
        // an empty list here.
        assert_eq!(nlctl_json("route show table 99"), serde_json::json!([]));
        assert_eq!(nlctl_ok("route show table 99"), "");
        assert_eq!(nlctl_json("-4 route show table 99"), serde_json::json!([]));
    });
}
