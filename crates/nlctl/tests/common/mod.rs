//! What every nlctl test shares: running the binary, the fixture
//! namespace, and the field-by-field comparison with `ip -j`.
#![allow(dead_code)]

use std::process::Command;

use serde_json::Value;

/// What a run of `nlctl` gave.
#[derive(Debug)]
pub struct Run {
    /// Exit status code.
    pub status: i32,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
}

/// Runs `nlctl` with `args` (split on white space) in the calling thread's
/// network namespace.
pub fn nlctl(args: &str) -> Run {
    nlctl_args(&args.split_whitespace().collect::<Vec<_>>())
}

/// Runs `nlctl` with exactly these arguments.
pub fn nlctl_args(args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_nlctl"))
        .args(args)
        .output()
        .expect("run nlctl");
    Run {
        status: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// Runs `nlctl ARGS`, which must succeed silently on stderr, and returns
/// its stdout.
pub fn nlctl_ok(args: &str) -> String {
    let run = nlctl(args);
    assert_eq!(run.status, 0, "nlctl {args} failed: {}", run.stderr);
    run.stdout
}

/// `nlctl -j ARGS` parsed.
pub fn nlctl_json(args: &str) -> Value {
    let out = nlctl_ok(&format!("-j {args}"));
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("nlctl -j {args}: {e}: {out}"))
}

/// Builds the fixture set in the current (fresh) namespace: veth pairs,
/// a bridge with ports, vxlan, macvlan, tun, IPv4/IPv6 addresses (one with
/// lifetimes), routes with metrics and multipath in two tables, rules,
/// neighbours and nexthops. Every object kind `ip -j` shows, so that each
/// test file compares its own object against the same world.
pub fn fixture() {
    netlink_testkit::ip_batch(
        "link set lo up
link add v0 type veth peer name v1
link set v0 up
link set v1 up
link set v0 mtu 1400
link set v0 alias uplink
address add 192.0.2.1/24 dev v0
address add 192.0.2.100/24 dev v0 valid_lft 1000 preferred_lft 500
address add 2001:db8::1/64 dev v0 nodad
address add 198.51.100.1 peer 198.51.100.2/32 dev v1
link add br0 type bridge
link add p0 type veth peer name p1
link set p0 master br0
link add p2 type veth peer name p3
link set p2 master br0
link set br0 up
link set p0 up
link add vx0 type vxlan id 42 dstport 4789 local 192.0.2.1 dev v0
link add mv0 link v0 type macvlan mode bridge
route add 10.1.0.0/16 via 192.0.2.2 metric 100 mtu 1400
route add 10.2.0.0/16 nexthop via 192.0.2.2 weight 2 nexthop via 192.0.2.3 weight 1
route add 10.3.0.0/16 dev v0 table 10 proto static
route add blackhole 10.4.0.0/16 table 10
route add 2001:db8:1::/48 via 2001:db8::2 metric 50
rule add from 10.0.0.0/8 lookup 10 pref 100
rule add fwmark 0x10/0xff lookup 20 pref 200
neigh add 192.0.2.2 lladdr 02:00:00:00:00:02 dev v0 nud permanent
neigh add 2001:db8::2 lladdr 02:00:00:00:00:03 dev v0 nud reachable
nexthop add id 1 via 192.0.2.2 dev v0
nexthop add id 2 via 192.0.2.3 dev v0
nexthop add id 10 group 1,2/2
route add 10.5.0.0/16 nhid 10",
    );
    let status = Command::new("ip")
        .args(["tuntap", "add", "tun0", "mode", "tun"])
        .status()
        .expect("run ip tuntap");
    assert!(status.success(), "ip tuntap add failed");
}

/// Checks that every key `ip -j` printed, `nlctl -j` printed with the same
/// value, recursively (arrays element by element, same length). Extra keys
/// in `ours` are allowed. Numbers under a key in `close` may differ by up
/// to `tolerance` (lifetimes count down, counters tick between the runs).
pub fn assert_superset(ip: &Value, ours: &Value, close: &[&str], tolerance: u64) {
    let problems = superset_problems(ip, ours, close, tolerance);
    assert!(
        problems.is_empty(),
        "nlctl -j differs from ip -j:\n  {}\nip:   {ip}\nours: {ours}",
        problems.join("\n  ")
    );
}

/// What [`assert_superset`] would complain of; empty when nothing.
pub fn superset_problems(ip: &Value, ours: &Value, close: &[&str], tolerance: u64) -> Vec<String> {
    let mut problems = Vec::new();
    compare(ip, ours, "", None, close, tolerance, &mut problems);
    problems
}

fn compare(
    ip: &Value,
    ours: &Value,
    path: &str,
    key: Option<&str>,
    close: &[&str],
    tolerance: u64,
    problems: &mut Vec<String>,
) {
    match (ip, ours) {
        (Value::Object(a), Value::Object(b)) => {
            for (k, v) in a {
                let here = format!("{path}.{k}");
                match b.get(k) {
                    Some(w) => compare(v, w, &here, Some(k), close, tolerance, problems),
                    None => problems.push(format!("{here}: missing (ip: {v})")),
                }
            }
        }
        (Value::Array(a), Value::Array(b)) => {
            if a.len() != b.len() {
                problems.push(format!("{path}: {} elements, ip has {}", b.len(), a.len()));
            }
            for (i, (v, w)) in a.iter().zip(b).enumerate() {
                compare(
                    v,
                    w,
                    &format!("{path}[{i}]"),
                    key,
                    close,
                    tolerance,
                    problems,
                );
            }
        }
        (Value::Number(a), Value::Number(b)) if key.is_some_and(|k| close.contains(&k)) => {
            let (a, b) = (a.as_u64().unwrap_or(0), b.as_u64().unwrap_or(0));
            if a.abs_diff(b) > tolerance {
                problems.push(format!("{path}: {b}, ip has {a}"));
            }
        }
        (a, b) if a == b => {}
        (a, b) => problems.push(format!("{path}: {b}, ip has {a}")),
    }
}
