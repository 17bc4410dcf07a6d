//! Adding 10,000 IPv4 routes, side by side: one request at a time with
//! ACKs (blocking `Handle::execute`), batched (blocking and tokio
//! `execute_batch`), and iproute2's `ip -batch` fed the same 10,000
//! `route add` lines. Only the adds are timed; the table is flushed
//! between iterations. Runs in a network namespace of its own; needs root.
//!
//! ```text
//! sudo cargo bench -p rtnetlink --bench add_routes
//! ```

use std::io::Write;
use std::net::{IpAddr, Ipv4Addr};
use std::process::Command;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion, SamplingMode};
use rtnetlink::address::AddressAdd;
use rtnetlink::blocking::Handle;
use rtnetlink::link::{LinkAdd, LinkGet};
use rtnetlink::route::RouteAdd;
use rtnetlink::Request;

const ROUTES: u32 = 10_000;
const TABLE: u32 = 100;

/// Route `i`: `100.64.0.0/24` onwards, one /24 each.
fn destination(i: u32) -> Ipv4Addr {
    Ipv4Addr::from(0x6440_0000 + (i << 8))
}

fn requests(dev: u32) -> Vec<Request<()>> {
    (0..ROUTES)
        .map(|i| {
            RouteAdd::new(IpAddr::V4(destination(i)), 24)
                .dev(dev)
                .table(TABLE)
                .build()
        })
        .collect()
}

fn ip(args: &[&str]) {
    let status = Command::new("ip").args(args).status().expect("run ip");
    assert!(status.success(), "ip {args:?} failed");
}

fn flush() {
    ip(&["route", "flush", "table", &TABLE.to_string()]);
}

/// Times `iters` rounds of `add`, flushing the table after each.
fn timed(iters: u64, mut add: impl FnMut()) -> Duration {
    let mut total = Duration::ZERO;
    for _ in 0..iters {
        let start = Instant::now();
        add();
        total += start.elapsed();
        flush();
    }
    total
}

fn add_routes(c: &mut Criterion) {
    // Criterion measures on this thread: move it (and the ip processes it
    // starts) into a fresh namespace so the host's tables stay untouched.
    netlink_sys::netns::unshare_current_thread()
        .expect("unshare(CLONE_NEWNET) failed: the benchmark needs root");
    let mut handle = Handle::new().expect("route socket");
    handle
        .execute(LinkAdd::veth("bench0", "bench1").up())
        .expect("veth");
    let dev = u32::try_from(
        handle
            .execute(LinkGet::by_name("bench0"))
            .expect("link")
            .header
            .index,
    )
    .expect("ifindex");
    handle
        .execute(AddressAdd::new(
            dev,
            IpAddr::V4(Ipv4Addr::new(192, 0, 2, 1)),
            24,
        ))
        .expect("address");

    let lines: String = (0..ROUTES)
        .map(|i| format!("route add {}/24 dev bench0 table {TABLE}\n", destination(i)))
        .collect();
    let mut batch_file = std::env::temp_dir();
    batch_file.push(format!("rtnetlink-add-routes-{}.batch", std::process::id()));
    std::fs::File::create(&batch_file)
        .and_then(|mut f| f.write_all(lines.as_bytes()))
        .expect("write the ip batch file");

    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    let tokio_handle = runtime.block_on(async {
        let (connection, handle) = rtnetlink::tokio::new_connection().expect("route socket");
        tokio::spawn(connection);
        handle
    });

    let mut group = c.benchmark_group("add 10000 routes");
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));

    group.bench_function("blocking execute, one at a time", |b| {
        b.iter_custom(|iters| {
            timed(iters, || {
                for request in requests(dev) {
                    handle.execute(request).expect("route add");
                }
            })
        })
    });
    group.bench_function("blocking execute_batch", |b| {
        b.iter_custom(|iters| {
            timed(iters, || {
                let results = handle.execute_batch(requests(dev)).expect("batch");
                assert!(results.iter().all(Result::is_ok));
            })
        })
    });
    group.bench_function("tokio execute_batch", |b| {
        b.iter_custom(|iters| {
            timed(iters, || {
                let results = runtime.block_on(tokio_handle.execute_batch(requests(dev)));
                assert!(results.iter().all(Result::is_ok));
            })
        })
    });
    let path = batch_file.to_string_lossy().into_owned();
    group.bench_function("ip -batch", |b| {
        b.iter_custom(|iters| timed(iters, || ip(&["-batch", &path])))
    });
    group.finish();
    let _ = std::fs::remove_file(&batch_file);
}

criterion_group!(benches, add_routes);
criterion_main!(benches);
