//! What the three `ours-*` contenders share: the command line of the
//! contract (bench/README.md), the workloads, the routes of the add/del
//! workloads, and how a result becomes the output and the exit status.
//!
//! - `ours-view` (src/bin/ours-view.rs): dumps through the zero-copy path,
//!   `netlink_proto::blocking::Connection::request_raw`, each reply read
//!   through `RouteView` / `LinkView` / `AddressView`.
//! - `ours-owned` (src/bin/ours-owned.rs): `rtnetlink::blocking::Handle`,
//!   owned values (`execute`, `execute_batch`).
//! - `ours-tokio` (src/bin/ours-tokio.rs): `rtnetlink::tokio::Handle` on a
//!   current-thread runtime.

#![warn(missing_docs)]

use std::net::{IpAddr, Ipv4Addr};
use std::process::ExitCode;

use netlink_packet_route::route::RouteProtocol;
use netlink_packet_route::Scope;
use rtnetlink::route::{RouteAdd, RouteDel};
use rtnetlink::Request;

/// Exit status for a workload a contender does not offer.
pub const UNSUPPORTED: u8 = 3;

/// The largest R (the 198.18.0.0/16 block).
pub const MAX_COUNT: u32 = 65_536;

/// Requests per `execute_batch` call in `route-add-del-batched`: the
/// engine sends as many per `sendmsg` as fit and keeps at most its
/// in-flight bound (64) unanswered, so larger chunks only grow the vectors.
pub const BATCH_CHUNK: usize = 1024;

/// The workloads of the contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Workload {
    /// Every IPv4 route (`RTM_GETROUTE`, `NLM_F_DUMP`, `AF_INET`).
    RouteDump,
    /// Every link (`RTM_GETLINK`, `NLM_F_DUMP`).
    LinkDump,
    /// Every IPv4 address (`RTM_GETADDR`, `NLM_F_DUMP`, `AF_INET`).
    AddressDump,
    /// R route adds then R deletes, one at a time.
    RouteAddDel,
    /// The same, many requests per `sendmsg`.
    RouteAddDelBatched,
}

/// The command line: `--netns NAME WORKLOAD [--count R]`.
#[derive(Debug, Clone)]
pub struct Args {
    /// The named network namespace (`/run/netns/NAME`).
    pub netns: String,
    /// What to do.
    pub workload: Workload,
    /// R, for the add/del workloads.
    pub count: u32,
}

impl Args {
    /// Reads the process's arguments.
    ///
    /// # Errors
    ///
    /// What is wrong with them.
    pub fn parse() -> Result<Args, String> {
        let (mut netns, mut workload, mut count) = (None, None, 10_000);
        let mut args = std::env::args().skip(1);
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "--netns" => netns = Some(args.next().ok_or("--netns needs a name")?),
                "--count" => {
                    let value = args.next().ok_or("--count needs a number")?;
                    count = value
                        .parse()
                        .ok()
                        .filter(|&c| c <= MAX_COUNT)
                        .ok_or(format!("--count {value:?}: a number up to {MAX_COUNT}"))?;
                }
                "route-dump" => workload = Some(Workload::RouteDump),
                "link-dump" => workload = Some(Workload::LinkDump),
                "address-dump" => workload = Some(Workload::AddressDump),
                "route-add-del" => workload = Some(Workload::RouteAddDel),
                "route-add-del-batched" => workload = Some(Workload::RouteAddDelBatched),
                _ => return Err(format!("unexpected argument {arg:?}")),
            }
        }
        Ok(Args {
            netns: netns.ok_or("--netns NAME is required")?,
            workload: workload.ok_or("no workload given")?,
            count,
        })
    }
}

/// Route `i` of the add/del workloads: `198.18.(i / 256).(i % 256)/32`.
pub fn route_dst(i: u32) -> IpAddr {
    IpAddr::V4(Ipv4Addr::new(198, 18, (i / 256) as u8, (i % 256) as u8))
}

/// Builds the request for route `i` of the add/del workloads through link
/// `oif`.
pub type RouteRequest = fn(u32, u32) -> Request<()>;

/// Route `i`'s add: `RTM_NEWROUTE` to `route_dst(i)/32 dev oif`, protocol
/// static, scope link, main table (`NLM_F_CREATE | NLM_F_EXCL`).
pub fn route_add(i: u32, oif: u32) -> Request<()> {
    RouteAdd::new(route_dst(i), 32)
        .dev(oif)
        .protocol(RouteProtocol::Static)
        .scope(Scope::Link)
        .build()
}

/// Route `i`'s delete: `RTM_DELROUTE` of `route_dst(i)/32 dev oif`.
pub fn route_del(i: u32, oif: u32) -> Request<()> {
    RouteDel::new(route_dst(i), 32).dev(oif).build()
}

/// The two halves of the add/del workloads, in order, with a verb for
/// messages.
pub const ADD_THEN_DELETE: [(&str, RouteRequest); 2] = [("add", route_add), ("delete", route_del)];

/// What a contender's workload ended with.
#[derive(Debug)]
pub enum Outcome {
    /// Done: the count to print.
    Count(usize),
    /// A workload this contender does not offer.
    Unsupported,
}

/// Runs a contender: parses the arguments, enters the namespace (the
/// process's only thread: `netns::enter_current_thread`), runs `body`,
/// prints the count
/// or the error (prefixed with `name`), and returns the exit status of the
/// contract.
pub fn main_with<E: std::fmt::Display>(
    name: &str,
    body: impl FnOnce(&Args) -> Result<Outcome, E>,
) -> ExitCode {
    let args = match Args::parse() {
        Ok(args) => args,
        Err(error) => {
            eprintln!("{name}: {error}");
            eprintln!("usage: {name} --netns NAME WORKLOAD [--count R]");
            return ExitCode::from(2);
        }
    };
    // As the raw loop and the peers do: this one-shot process's only thread
    // moves into the namespace, and every socket it opens is there.
    let entered =
        netlink_sys::netns::enter_current_thread(&rtnetlink::Namespace::Named(args.netns.clone()));
    if let Err(error) = entered {
        eprintln!("{name}: {error}");
        return ExitCode::FAILURE;
    }
    match body(&args) {
        Ok(Outcome::Count(count)) => {
            println!("{count}");
            ExitCode::SUCCESS
        }
        Ok(Outcome::Unsupported) => ExitCode::from(UNSUPPORTED),
        Err(error) => {
            eprintln!("{name}: {:?} in {}: {error}", args.workload, args.netns);
            ExitCode::FAILURE
        }
    }
}
