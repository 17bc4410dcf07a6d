//! Benchmark contender `rtnetlink` (published): the `rtnetlink` crate 0.24.0
//! from crates.io (rust-netlink; netlink-packet-route 0.34.0,
//! netlink-proto 0.14.1), used the way its documentation and examples show
//! a user would: `new_connection()`, the connection spawned on a tokio
//! runtime (current-thread here, so no other threads), requests built
//! through `Handle`, every reply decoded into the crate's owned message
//! types.
//!
//! It measures, per bench/README.md (the contract):
//! - `route-dump`: `handle.route().get(RouteMessageBuilder::<Ipv4Addr>::new()
//!   .build()).execute()` collected into a `Vec<RouteMessage>` (a dump of
//!   every IPv4 route of every table: without `NETLINK_GET_STRICT_CHK` the
//!   kernel ignores the table in the request header);
//! - `link-dump`: `handle.link().get().execute()` into a `Vec<LinkMessage>`;
//! - `address-dump`: `handle.address().get()` with the request's family set
//!   to IPv4 through `message_mut()` (the kernel does the filtering) into a
//!   `Vec<AddressMessage>`;
//! - `route-add-del`: `handle.route().add(..).execute().await` R times, then
//!   `handle.route().del(..).execute().await` R times, one request in
//!   flight at a time, each ACK awaited (an error ends the process);
//! - `route-add-del-batched`: not offered (exit 3): the crate has no way to
//!   put several requests in one `sendmsg`.
//!
//! Usage: `peer-rtnetlink --netns NAME WORKLOAD [--count R]`.

use std::{net::Ipv4Addr, os::fd::AsRawFd, process::ExitCode};

use futures_util::stream::TryStreamExt;
use netlink_packet_route::{route::RouteScope, AddressFamily};
use rtnetlink::{new_connection, Handle, RouteMessageBuilder};

/// Exit status for a workload this contender does not offer.
const UNSUPPORTED: u8 = 3;

struct Args {
    netns: String,
    workload: String,
    count: u32,
}

fn parse_args() -> Result<Args, String> {
    let mut netns = None;
    let mut workload = None;
    let mut count = 10_000u32;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--netns" => netns = Some(args.next().ok_or("--netns needs a value")?),
            "--count" => {
                let value = args.next().ok_or("--count needs a value")?;
                count = value
                    .parse()
                    .map_err(|_| format!("bad --count {value:?}"))?;
                if count > 65_536 {
                    return Err(format!("--count {count}: at most 65536"));
                }
            }
            _ if workload.is_none() && !arg.starts_with('-') => workload = Some(arg),
            _ => return Err(format!("unexpected argument {arg:?}")),
        }
    }
    Ok(Args {
        netns: netns.ok_or("--netns NAME is required")?,
        workload: workload.ok_or("WORKLOAD is required")?,
        count,
    })
}

/// Moves the calling (main) thread into the network namespace
/// `/run/netns/NAME`; sockets opened afterwards live there.
fn enter_netns(name: &str) -> Result<(), String> {
    let path = format!("/run/netns/{name}");
    let file = std::fs::File::open(&path).map_err(|e| format!("{path}: {e}"))?;
    // SAFETY: a valid open descriptor and a namespace type constant.
    if unsafe { libc::setns(file.as_raw_fd(), libc::CLONE_NEWNET) } != 0 {
        return Err(format!("setns {path}: {}", std::io::Error::last_os_error()));
    }
    Ok(())
}

/// The route `198.18.(i/256).(i%256)/32 dev bench0`, main table, protocol
/// static (the builder's default), scope link.
fn churn_route(i: u32, oif: u32) -> netlink_packet_route::route::RouteMessage {
    RouteMessageBuilder::<Ipv4Addr>::new()
        .destination_prefix(Ipv4Addr::new(198, 18, (i / 256) as u8, (i % 256) as u8), 32)
        .output_interface(oif)
        .scope(RouteScope::Link)
        .build()
}

async fn run(handle: Handle, workload: &str, count: u32) -> Result<u64, rtnetlink::Error> {
    match workload {
        "route-dump" => {
            let request = RouteMessageBuilder::<Ipv4Addr>::new().build();
            let routes: Vec<_> = handle.route().get(request).execute().try_collect().await?;
            Ok(routes.len() as u64)
        }
        "link-dump" => {
            let links: Vec<_> = handle.link().get().execute().try_collect().await?;
            Ok(links.len() as u64)
        }
        "address-dump" => {
            let mut request = handle.address().get();
            request.message_mut().header.family = AddressFamily::Inet;
            let addresses: Vec<_> = request.execute().try_collect().await?;
            Ok(addresses.len() as u64)
        }
        "route-add-del" => {
            let bench0 = handle
                .link()
                .get()
                .match_name("bench0")
                .execute()
                .try_next()
                .await?
                .ok_or_else(|| rtnetlink::Error::InvalidNla("no link bench0".into()))?;
            let oif = bench0.header.index;
            for i in 0..count {
                handle.route().add(churn_route(i, oif)).execute().await?;
            }
            for i in 0..count {
                handle.route().del(churn_route(i, oif)).execute().await?;
            }
            Ok(u64::from(count))
        }
        _ => unreachable!("workload checked in main"),
    }
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(args) => args,
        Err(e) => {
            eprintln!("peer-rtnetlink: {e}");
            eprintln!("usage: peer-rtnetlink --netns NAME WORKLOAD [--count R]");
            return ExitCode::FAILURE;
        }
    };
    match args.workload.as_str() {
        "route-dump" | "link-dump" | "address-dump" | "route-add-del" => {}
        "route-add-del-batched" => return ExitCode::from(UNSUPPORTED),
        other => {
            eprintln!("peer-rtnetlink: unknown workload {other:?}");
            return ExitCode::FAILURE;
        }
    }
    if let Err(e) = enter_netns(&args.netns) {
        eprintln!("peer-rtnetlink: {e}");
        return ExitCode::FAILURE;
    }
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("peer-rtnetlink: tokio runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    let result = runtime.block_on(async {
        let (connection, handle, _) = new_connection().map_err(|e| format!("socket: {e}"))?;
        tokio::spawn(connection);
        run(handle, &args.workload, args.count)
            .await
            .map_err(|e| e.to_string())
    });
    match result {
        Ok(n) => {
            println!("{n}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("peer-rtnetlink: {}: {e}", args.workload);
            ExitCode::FAILURE
        }
    }
}
