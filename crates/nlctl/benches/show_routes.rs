//! Listing 10,000 IPv4 routes: `nlctl route show` against `ip route show`,
//! in JSON (`-j`) and in text, each run as the process a user would start,
//! its output thrown away (`/dev/null`).
//!
//! Needs root: the routes live in a fresh network namespace that this
//! (main) thread enters before measuring; the spawned processes inherit
//! it. The `nlctl` measured is the one cargo builds for the benchmark
//! (`CARGO_BIN_EXE_nlctl`: with `cargo bench`, the release build).
//!
//! ```text
//! cargo bench -p nlctl --bench show_routes
//! ```

use std::io::Write;
use std::process::{Command, Stdio};

use criterion::{criterion_group, criterion_main, Criterion};

/// How many routes the table holds.
const ROUTES: usize = 10_000;

fn ip_batch(lines: &str) {
    let mut child = Command::new("ip")
        .args(["-batch", "-"])
        .stdin(Stdio::piped())
        .spawn()
        .expect("run ip -batch");
    if let Some(mut stdin) = child.stdin.take() {
        stdin.write_all(lines.as_bytes()).expect("write to ip");
    }
    assert!(child.wait().expect("ip").success(), "ip -batch failed");
}

/// A namespace with one link and `ROUTES` routes through it.
fn setup() {
    netlink_sys::netns::unshare_current_thread()
        .expect("unshare a network namespace (run as root)");
    let mut lines = String::from(
        "link set lo up\nlink add b0 type veth peer name b1\nlink set b0 up\nlink set b1 up\naddress add 192.0.2.1/24 dev b0\n",
    );
    for i in 0..ROUTES {
        lines.push_str(&format!(
            "route add 10.{}.{}.0/24 via 192.0.2.2\n",
            i / 256,
            i % 256
        ));
    }
    ip_batch(&lines);
}

/// Runs `program args`, stdout to /dev/null; it must succeed.
fn run(program: &str, args: &[&str]) {
    let status = Command::new(program)
        .args(args)
        .stdout(Stdio::null())
        .status()
        .expect("spawn");
    assert!(status.success(), "{program} {args:?} failed");
}

fn show_routes(c: &mut Criterion) {
    setup();
    let nlctl = env!("CARGO_BIN_EXE_nlctl");
    let mut group = c.benchmark_group(format!("route show, {ROUTES} routes"));
    group.sample_size(30);
    group.bench_function("nlctl -j route show", |b| {
        b.iter(|| run(nlctl, &["-j", "route", "show"]))
    });
    group.bench_function("ip -j route show", |b| {
        b.iter(|| run("ip", &["-j", "route", "show"]))
    });
    group.bench_function("nlctl route show", |b| {
        b.iter(|| run(nlctl, &["route", "show"]))
    });
    group.bench_function("ip route show", |b| {
        b.iter(|| run("ip", &["route", "show"]))
    });
    group.finish();
}

criterion_group!(benches, show_routes);
criterion_main!(benches);
