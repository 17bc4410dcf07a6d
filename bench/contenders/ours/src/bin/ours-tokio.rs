//! Benchmark contender `ours-tokio`: this project's tokio front end,
//! `rtnetlink::tokio::new_connection` on a current-thread
//! runtime, owned values.
//!
//! - dumps: `execute(RouteDump::new().ipv4())`, `execute(LinkGet::dump())`,
//!   `execute(AddressGet::dump().family(AF_INET))`, each reply decoded into
//!   its owned message and collected; the length is printed;
//! - `route-add-del`: `execute(RouteAdd ...)` R times then
//!   `execute(RouteDel ...)` R times, each awaited before the next;
//! - `route-add-del-batched`: the R adds through one `execute_batch` (which
//!   keeps many requests in flight, so that the connection sends many per
//!   `sendmsg`), then the R deletes the same way; every result checked.
//!
//! Usage: `ours-tokio --netns NAME WORKLOAD [--count R]` (bench/README.md).

use std::process::ExitCode;

use netlink_packet_route::family::AF_INET;
use ours::{main_with, route_dst, Args, Outcome, Workload, ADD_THEN_DELETE};
use rtnetlink::address::AddressGet;
use rtnetlink::link::LinkGet;
use rtnetlink::route::RouteDump;
use rtnetlink::tokio::{new_connection, Handle};

fn main() -> ExitCode {
    main_with("ours-tokio", |args| {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| format!("tokio runtime: {e}"))?;
        runtime.block_on(run(args))
    })
}

async fn run(args: &Args) -> Result<Outcome, String> {
    let (connection, handle) = new_connection().map_err(|e| format!("connect: {e}"))?;
    tokio::spawn(connection);
    let count = match args.workload {
        Workload::RouteDump => handle
            .execute(RouteDump::new().ipv4())
            .await
            .map_err(|e| format!("route dump: {e}"))?
            .len(),
        Workload::LinkDump => handle
            .execute(LinkGet::dump())
            .await
            .map_err(|e| format!("link dump: {e}"))?
            .len(),
        Workload::AddressDump => handle
            .execute(AddressGet::dump().family(AF_INET))
            .await
            .map_err(|e| format!("address dump: {e}"))?
            .len(),
        Workload::RouteAddDel => add_del(&handle, args.count, false).await?,
        Workload::RouteAddDelBatched => add_del(&handle, args.count, true).await?,
    };
    Ok(Outcome::Count(count))
}

async fn add_del(handle: &Handle, count: u32, batched: bool) -> Result<usize, String> {
    let oif = handle
        .execute(LinkGet::by_name("bench0"))
        .await
        .map_err(|e| format!("bench0: {e}"))?
        .header
        .index as u32;
    for (verb, request) in ADD_THEN_DELETE {
        if batched {
            let results = handle
                .execute_batch((0..count).map(|i| request(i, oif)))
                .await;
            if results.len() != count as usize {
                return Err(format!(
                    "{verb} batch: {} results for {count} requests",
                    results.len()
                ));
            }
            for (i, result) in (0..count).zip(results) {
                result.map_err(|e| format!("{verb} {}/32: {e}", route_dst(i)))?;
            }
        } else {
            for i in 0..count {
                handle
                    .execute(request(i, oif))
                    .await
                    .map_err(|e| format!("{verb} {}/32: {e}", route_dst(i)))?;
            }
        }
    }
    Ok(count as usize)
}
