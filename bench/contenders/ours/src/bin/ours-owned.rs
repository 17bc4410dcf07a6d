//! Benchmark contender `ours-owned`: this project as most callers use it,
//! `rtnetlink::blocking::Handle` and owned values.
//!
//! - dumps: `execute(RouteDump::new().ipv4())`, `execute(LinkGet::dump())`,
//!   `execute(AddressGet::dump().family(AF_INET))`: every reply decoded
//!   into its owned message (`RouteMessage`, `LinkMessage`,
//!   `AddressMessage`) and collected into a `Vec`, whose length is printed;
//! - `route-add-del`: `execute(RouteAdd::new(dst, 32).dev(bench0)
//!   .protocol(Static).scope(Link))` R times, then `execute(RouteDel::new(dst,
//!   32).dev(bench0))` R times, each waiting for its ACK;
//! - `route-add-del-batched`: the same requests through `execute_batch`,
//!   [`BATCH_CHUNK`](ours::BATCH_CHUNK) per call; every result checked.
//!
//! Usage: `ours-owned --netns NAME WORKLOAD [--count R]` (bench/README.md).

use std::process::ExitCode;

use netlink_packet_route::family::AF_INET;
use ours::{main_with, route_dst, Args, Outcome, Workload, ADD_THEN_DELETE, BATCH_CHUNK};
use rtnetlink::address::AddressGet;
use rtnetlink::blocking::Handle;
use rtnetlink::link::LinkGet;
use rtnetlink::route::RouteDump;

fn main() -> ExitCode {
    main_with("ours-owned", run)
}

fn run(args: &Args) -> Result<Outcome, String> {
    let mut handle = Handle::new().map_err(|e| format!("connect: {e}"))?;
    let count = match args.workload {
        Workload::RouteDump => handle
            .execute(RouteDump::new().ipv4())
            .map_err(|e| format!("route dump: {e}"))?
            .len(),
        Workload::LinkDump => handle
            .execute(LinkGet::dump())
            .map_err(|e| format!("link dump: {e}"))?
            .len(),
        Workload::AddressDump => handle
            .execute(AddressGet::dump().family(AF_INET))
            .map_err(|e| format!("address dump: {e}"))?
            .len(),
        Workload::RouteAddDel => add_del(&mut handle, args.count, false)?,
        Workload::RouteAddDelBatched => add_del(&mut handle, args.count, true)?,
    };
    Ok(Outcome::Count(count))
}

fn add_del(handle: &mut Handle, count: u32, batched: bool) -> Result<usize, String> {
    let oif = handle
        .execute(LinkGet::by_name("bench0"))
        .map_err(|e| format!("bench0: {e}"))?
        .header
        .index as u32;
    for (verb, request) in ADD_THEN_DELETE {
        if !batched {
            for i in 0..count {
                handle
                    .execute(request(i, oif))
                    .map_err(|e| format!("{verb} {}/32: {e}", route_dst(i)))?;
            }
            continue;
        }
        let mut start = 0;
        while start < count {
            let end = count.min(start + BATCH_CHUNK as u32);
            let results = handle
                .execute_batch((start..end).map(|i| request(i, oif)))
                .map_err(|e| format!("{verb} batch from {}: {e}", route_dst(start)))?;
            if results.len() != (end - start) as usize {
                return Err(format!(
                    "{verb} batch: {} results for {} requests",
                    results.len(),
                    end - start
                ));
            }
            for (i, result) in (start..end).zip(results) {
                result.map_err(|e| format!("{verb} {}/32: {e}", route_dst(i)))?;
            }
            start = end;
        }
    }
    Ok(count as usize)
}
