//! Benchmark contender `ours-view`: this project's zero-copy path. The
//! dump request is built by `rtnetlink` (`RouteDump`, `LinkGet::dump`,
//! `AddressGet::dump`), sent through the blocking handle's connection with
//! `netlink_proto::blocking::Connection::request_raw`, and each reply is
//! read where it lies in the receive buffer through its view
//! (`RouteView`, `LinkView`, `AddressView`): the header and one attribute
//! (destination, name, local address), folded into a checksum so that the
//! reads are not optimised away. Nothing is allocated per message.
//!
//! The add/del workloads are not offered (exit 3): writing goes through
//! owned request values whichever way a caller reads, so they are measured
//! once, by `ours-owned`.
//!
//! Usage: `ours-view --netns NAME WORKLOAD [--count R]` (bench/README.md).

use std::hint::black_box;
use std::net::IpAddr;
use std::process::ExitCode;

use netlink_packet_core::RawMessage;
use netlink_packet_route::address::AddressView;
use netlink_packet_route::family::AF_INET;
use netlink_packet_route::link::LinkView;
use netlink_packet_route::route::RouteView;
use netlink_packet_route::{RTM_NEWADDR, RTM_NEWLINK, RTM_NEWROUTE};
use netlink_proto::blocking::RawReply;
use ours::{main_with, Args, Outcome, Workload};
use rtnetlink::address::AddressGet;
use rtnetlink::blocking::Handle;
use rtnetlink::link::LinkGet;
use rtnetlink::route::RouteDump;
use rtnetlink::Request;

fn main() -> ExitCode {
    main_with("ours-view", run)
}

fn run(args: &Args) -> Result<Outcome, String> {
    let mut handle = Handle::new().map_err(|e| format!("connect: {e}"))?;
    let count = match args.workload {
        Workload::RouteDump => dump(
            &mut handle,
            RouteDump::new().ipv4().build(),
            RTM_NEWROUTE,
            |m| {
                let view = RouteView::parse(m.payload).map_err(|e| e.to_string())?;
                Ok(u64::from(view.dst_len()) + ip_bits(view.destination()))
            },
        )?,
        Workload::LinkDump => dump(&mut handle, LinkGet::dump().build(), RTM_NEWLINK, |m| {
            let view = LinkView::parse(m.payload).map_err(|e| e.to_string())?;
            Ok(view.index() as u64 + view.name().map_or(0, |n| n.len() as u64))
        })?,
        Workload::AddressDump => dump(
            &mut handle,
            AddressGet::dump().family(AF_INET).build(),
            RTM_NEWADDR,
            |m| {
                let view = AddressView::parse(m.payload).map_err(|e| e.to_string())?;
                Ok(u64::from(view.prefix_len()) + ip_bits(view.address()))
            },
        )?,
        Workload::RouteAddDel | Workload::RouteAddDelBatched => return Ok(Outcome::Unsupported),
    };
    Ok(Outcome::Count(count))
}

fn ip_bits(ip: Option<IpAddr>) -> u64 {
    match ip {
        Some(IpAddr::V4(ip)) => u64::from(u32::from(ip)),
        Some(IpAddr::V6(ip)) => u128::from(ip) as u64,
        None => 0,
    }
}

/// Runs the dump `request` through the zero-copy path, reading each
/// message of type `new` with `read`; returns how many there were.
fn dump<T>(
    handle: &mut Handle,
    request: Request<T>,
    new: u16,
    mut read: impl FnMut(&RawMessage<'_>) -> Result<u64, String>,
) -> Result<usize, String> {
    let (message, options, _) = request.into_parts();
    let (mut count, mut sum, mut failed) = (0usize, 0u64, None);
    handle
        .connection()
        .request_raw(message.to_bytes(), options, |reply| match reply {
            RawReply::Message(m) if m.header.message_type == new => match read(&m) {
                Ok(value) => {
                    count += 1;
                    sum = sum.wrapping_add(value);
                }
                Err(error) if failed.is_none() => {
                    failed = Some(format!("message at offset {}: {error}", m.offset))
                }
                Err(_) => {}
            },
            RawReply::Message(_) => {}
            RawReply::Restarted => (count, sum) = (0, 0),
        })
        .map_err(|e| format!("dump: {e}"))?;
    if let Some(error) = failed {
        return Err(error);
    }
    black_box(sum);
    Ok(count)
}
