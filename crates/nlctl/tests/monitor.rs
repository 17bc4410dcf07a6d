//! `nlctl monitor` watching changes made by `ip` in a fresh namespace:
//! the events arrive, in the order the changes were made, one JSON object
//! per line, each with the keys `ip -j ... show` prints for the object.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use common::assert_superset;
use netlink_testkit::{in_new_netns, ip, ip_json};
use serde_json::Value;

/// A running `nlctl monitor`, its stdout lines arriving on a channel;
/// killed when dropped.
struct Monitor {
    child: Child,
    lines: Receiver<String>,
}

impl Monitor {
    /// Starts `nlctl ARGS` and waits until it has joined its multicast
    /// groups, so that no change made afterwards can be missed.
    fn start(args: &str) -> Monitor {
        let mut child = Command::new(env!("CARGO_BIN_EXE_nlctl"))
            .args(args.split_whitespace())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start nlctl monitor");
        let stdout = child.stdout.take().expect("piped stdout");
        let (send, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if send.send(line).is_err() {
                    break;
                }
            }
        });
        let deadline = Instant::now() + Duration::from_secs(10);
        while !route_socket_joined_groups() {
            assert!(
                Instant::now() < deadline,
                "nlctl {args} did not join its groups within 10 s"
            );
            if let Ok(Some(status)) = child.try_wait() {
                panic!("nlctl {args} exited early: {status}");
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        Monitor { child, lines }
    }

    /// The next line, within 10 s.
    fn next(&self) -> Option<String> {
        self.lines.recv_timeout(Duration::from_secs(10)).ok()
    }

    /// Lines until one satisfies `wanted` (returned), keeping what was
    /// skipped for the failure message.
    fn until(&self, what: &str, wanted: impl Fn(&Value) -> bool) -> Value {
        let mut skipped = Vec::new();
        while let Some(line) = self.next() {
            let event: Value = serde_json::from_str(&line)
                .unwrap_or_else(|e| panic!("not one JSON object per line: {e}: {line}"));
            if wanted(&event) {
                return event;
            }
            skipped.push(line);
        }
        panic!(
            "no event for {what} in order; after the previous one came:\n{}",
            skipped.join("\n")
        );
    }
}

impl Drop for Monitor {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Whether a route socket in this thread's namespace has joined a group:
/// `/proc/thread-self/net/netlink` lists them (protocol 0 is route; the
/// groups column is a bit mask in hex).
fn route_socket_joined_groups() -> bool {
    let table = std::fs::read_to_string("/proc/thread-self/net/netlink").unwrap_or_default();
    table.lines().skip(1).any(|line| {
        let columns: Vec<&str> = line.split_whitespace().collect();
        columns.get(1) == Some(&"0")
            && columns
                .get(3)
                .is_some_and(|g| !g.trim_matches('0').is_empty())
    })
}

fn is(event: &Value, object: &str, deleted: bool) -> bool {
    event["object"] == object && event["deleted"].as_bool().unwrap_or(false) == deleted
}

/// Without the keys only monitor adds, to compare with `ip -j`.
fn shown(event: &Value) -> Value {
    let mut event = event.clone();
    if let Value::Object(o) = &mut event {
        o.remove("object");
        o.remove("deleted");
    }
    event
}

#[test]
fn json_events_of_links_addresses_and_routes_arrive_in_order() {
    in_new_netns(|| {
        let monitor = Monitor::start("-j monitor link address route");

        ip("link add m0 type veth peer name m1");
        ip("link set m0 mtu 1400");
        let link_after_mtu = ip_json("link show dev m0");
        // Up, so that the address brings its prefix route for the gateway.
        ip("link set m0 up");
        ip("address add 10.9.0.1/24 dev m0");
        let address = ip_json("address show dev m0");
        ip("route add 10.8.0.0/16 via 10.9.0.2 dev m0 metric 7");
        let route = ip_json("route show 10.8.0.0/16");
        ip("route del 10.8.0.0/16");
        ip("address del 10.9.0.1/24 dev m0");
        ip("link del m0");

        monitor.until("link m0 created", |e| {
            is(e, "link", false) && e["ifname"] == "m0"
        });
        let mtu = monitor.until("m0's mtu set", |e| {
            is(e, "link", false) && e["ifname"] == "m0" && e["mtu"] == 1400
        });
        assert_superset(&link_after_mtu[0], &shown(&mtu), &[], 0);

        let added = monitor.until("address added", |e| {
            is(e, "address", false) && e["local"] == "10.9.0.1"
        });
        let info = &address[0]["addr_info"][0];
        assert_superset(info, &shown(&added), &[], 0);
        assert_eq!(added["ifname"], "m0");

        let route_added = monitor.until("route added", |e| {
            is(e, "route", false) && e["dst"] == "10.8.0.0/16"
        });
        assert_superset(&route[0], &shown(&route_added), &[], 0);
        monitor.until("route deleted", |e| {
            is(e, "route", true) && e["dst"] == "10.8.0.0/16"
        });
        let deleted = monitor.until("address deleted", |e| {
            is(e, "address", true) && e["local"] == "10.9.0.1"
        });
        assert_eq!(deleted["ifname"], "m0");
        monitor.until("link m0 deleted", |e| {
            is(e, "link", true) && e["ifname"] == "m0"
        });
    });
}

#[test]
fn text_events_read_like_ip_monitor() {
    in_new_netns(|| {
        let monitor = Monitor::start("monitor link address");
        ip("link add m0 type veth peer name m1");
        ip("address add 10.9.0.1/24 dev m0");
        ip("address del 10.9.0.1/24 dev m0");

        let mut lines = Vec::new();
        while !lines
            .iter()
            .any(|l: &String| l.starts_with("Deleted ") && l.contains("inet 10.9.0.1/24"))
        {
            lines.push(
                monitor.next().unwrap_or_else(|| {
                    panic!("no deleted address line; got:\n{}", lines.join("\n"))
                }),
            );
        }
        let created = lines
            .iter()
            .position(|l| l.contains(": m0@m1: <") && l.contains("mtu 1500"))
            .unwrap_or_else(|| panic!("no m0 link line:\n{}", lines.join("\n")));
        let added = lines
            .iter()
            .position(|l| l.contains(": m0    inet 10.9.0.1/24 scope global m0"))
            .unwrap_or_else(|| panic!("no address line:\n{}", lines.join("\n")));
        assert!(created < added, "{}", lines.join("\n"));
        // The address's lifetimes follow it, indented, as in ip monitor.
        assert!(
            lines[added + 1].trim_start() == "valid_lft forever preferred_lft forever",
            "{}",
            lines.join("\n")
        );
        assert!(lines.iter().all(|l| !l.starts_with('[')), "no banners");
    });
}

#[test]
fn all_prefixes_objects_and_count_stops_the_monitor() {
    in_new_netns(|| {
        let mut monitor = Monitor::start("monitor all count 2");
        ip("link add m0 type veth peer name m1");
        let status = wait(&mut monitor.child, Duration::from_secs(10));
        assert_eq!(status, Some(0), "monitor count 2 did not end by itself");
        // The reader ends at end of file: every line printed is here.
        let lines: Vec<String> = monitor.lines.iter().collect();
        // Two link events (m1 and m0 created), each its banner then the
        // link's two lines.
        let banners: Vec<&String> = lines.iter().filter(|l| !l.starts_with(' ')).collect();
        assert_eq!(banners.len(), 2, "{lines:?}");
        assert!(
            banners.iter().all(|l| l.starts_with("[LINK] ")),
            "{lines:?}"
        );
    });
}

#[test]
fn family_option_keeps_one_family_of_routes() {
    in_new_netns(|| {
        let monitor = Monitor::start("-j -4 monitor route");
        ip("link add m0 type veth peer name m1");
        ip("link set m0 up");
        ip("link set m1 up");
        ip("route add 2001:db8::/64 dev m0");
        ip("route add 10.7.0.0/16 dev m0");
        let event = monitor.until("the IPv4 route", |e| is(e, "route", false));
        // The IPv6 route (and the fe80::/64 and multicast routes the links
        // got) came first, and did not reach a -4 monitor.
        assert_eq!(event["dst"], "10.7.0.0/16", "{event}");
    });
}

#[test]
fn an_overrun_is_reported_on_a_line_of_its_own() {
    in_new_netns(|| {
        // A small receive buffer (16 KiB once the kernel doubles it: about
        // ten link events), and the monitor stopped while 200 events pile
        // up: the kernel drops most and says so (ENOBUFS).
        let monitor = Monitor::start("-j --rcvbuf 8192 monitor link");
        let pid = monitor.child.id().to_string();
        let signal = |name: &str| {
            let status = Command::new("kill")
                .args([name, &pid])
                .status()
                .expect("run kill");
            assert!(status.success(), "kill {name} {pid}");
        };
        signal("-STOP");
        let lines: String = (0..100)
            .map(|i| format!("link add o{i} type veth peer name p{i}\n"))
            .collect();
        netlink_testkit::ip_batch(&lines);
        signal("-CONT");
        let overrun = monitor.until("the overrun", |e| e.get("overrun").is_some());
        assert_eq!(overrun, serde_json::json!({"overrun": true}));
        // Events go on after it.
        ip("link set o0 mtu 1400");
        monitor.until("a link change after the overrun", |e| {
            is(e, "link", false) && e["ifname"] == "o0" && e["mtu"] == 1400
        });
    });
}

#[test]
fn wrong_words_are_usage_errors() {
    let run = common::nlctl("monitor links");
    assert_eq!(run.status, 2, "{run:?}");
    assert!(run.stderr.contains("\"links\""), "{run:?}");
    assert!(run.stdout.is_empty(), "{run:?}");
    let run = common::nlctl("monitor count many");
    assert_eq!(run.status, 2, "{run:?}");
    assert!(run.stderr.contains("\"many\""), "{run:?}");
}

/// The child's exit code, waiting up to `limit`.
fn wait(child: &mut Child, limit: Duration) -> Option<i32> {
    let deadline = Instant::now() + limit;
    while Instant::now() < deadline {
        if let Ok(Some(status)) = child.try_wait() {
            return status.code();
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    None
}
