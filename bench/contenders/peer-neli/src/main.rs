//! Benchmark contender `neli`: the published `neli` crate 0.7.5 from
//! crates.io (default features: the blocking `NlRouter`), its rtnetlink
//! support (`neli::rtnl`, `neli::consts::rtnl`) used the way its examples
//! (`route-list`, `getips`, `getlink`, `newvlan`) show: `NlRouter::connect`,
//! requests built with the `*Builder` types, `rtnl.send(..)` and the
//! returned receiver iterated, each reply decoded into neli's typed
//! `Nlmsghdr<Rtm, Rtmsg | Ifinfomsg | Ifaddrmsg>` (payload header plus its
//! `RtBuffer` of attributes).
//!
//! `NlRouter` owns the socket and a processing thread of its own that reads
//! the socket and hands each message, copied, to the receiver of its
//! request over a channel: that is how neli 0.7 works, and it is measured
//! as is.
//!
//! It measures, per bench/README.md (the contract):
//! - `route-dump`: `Rtm::Getroute`, `NlmF::DUMP`, an `Rtmsg` of family
//!   `Inet` and table `Unspec` (every table), the `RTM_NEWROUTE` replies
//!   collected into a `Vec`;
//! - `link-dump`: `Rtm::Getlink`, `NlmF::DUMP`, family `Unspecified`,
//!   collected;
//! - `address-dump`: `Rtm::Getaddr`, `NlmF::DUMP`, family `Inet` (the kernel
//!   filters), collected;
//! - `route-add-del`: R `Rtm::Newroute` (`CREATE | EXCL | ACK`) then R
//!   `Rtm::Delroute` (`ACK`), one at a time, each reply read until its ACK
//!   (an error or a missing ACK ends the process);
//! - `route-add-del-batched`: not offered (exit 3): `NlRouter::send` sends
//!   one message per call, and neli has no batch API.
//!
//! Usage: `peer-neli --netns NAME WORKLOAD [--count R]`.

use std::{error::Error, net::Ipv4Addr, os::fd::AsRawFd, process::ExitCode};

use neli::{
    consts::{
        nl::NlmF,
        rtnl::{Ifla, RtAddrFamily, RtScope, RtTable, Rta, Rtm, Rtn, Rtprot},
        socket::NlFamily,
    },
    nl::{NlPayload, Nlmsghdr},
    router::synchronous::NlRouter,
    rtnl::{
        Ifaddrmsg, IfaddrmsgBuilder, Ifinfomsg, IfinfomsgBuilder, RtattrBuilder, Rtmsg,
        RtmsgBuilder,
    },
    types::{Buffer, RtBuffer},
    utils::Groups,
    FromBytesWithInput, Size, ToBytes,
};

/// Exit status for a workload this contender does not offer.
const UNSUPPORTED: u8 = 3;

type Result<T> = std::result::Result<T, Box<dyn Error>>;

struct Args {
    netns: String,
    workload: String,
    count: u32,
}

fn parse_args() -> std::result::Result<Args, String> {
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
/// `/run/netns/NAME`; sockets opened afterwards live there (neli's
/// processing thread only reads the socket made here).
fn enter_netns(name: &str) -> std::result::Result<(), String> {
    let path = format!("/run/netns/{name}");
    let file = std::fs::File::open(&path).map_err(|e| format!("{path}: {e}"))?;
    // SAFETY: a valid open descriptor and a namespace type constant.
    if unsafe { libc::setns(file.as_raw_fd(), libc::CLONE_NEWNET) } != 0 {
        return Err(format!("setns {path}: {}", std::io::Error::last_os_error()));
    }
    Ok(())
}

/// Sends a dump request and collects every reply of type `want`, decoded
/// into neli's typed message.
fn dump<P>(rtnl: &NlRouter, request: Rtm, want: Rtm, payload: P) -> Result<Vec<Nlmsghdr<Rtm, P>>>
where
    P: Size + ToBytes + FromBytesWithInput<Input = usize> + std::fmt::Debug + 'static,
{
    let recv = rtnl.send::<Rtm, P, Rtm, P>(request, NlmF::DUMP, NlPayload::Payload(payload))?;
    let mut collected = Vec::new();
    for msg in recv {
        let msg = msg?;
        if msg.nl_type() == &want && matches!(msg.nl_payload(), NlPayload::Payload(_)) {
            collected.push(msg);
        }
    }
    Ok(collected)
}

/// The route `198.18.(i/256).(i%256)/32 dev bench0`: main table, protocol
/// static, scope link, unicast.
fn churn_route(i: u32, oif: u32) -> Result<Rtmsg> {
    let dst = Ipv4Addr::new(198, 18, (i / 256) as u8, (i % 256) as u8);
    let mut attrs = RtBuffer::<Rta, Buffer>::new();
    attrs.push(
        RtattrBuilder::default()
            .rta_type(Rta::Dst)
            .rta_payload(u32::from(dst).to_be())
            .build()?,
    );
    attrs.push(
        RtattrBuilder::default()
            .rta_type(Rta::Oif)
            .rta_payload(oif)
            .build()?,
    );
    Ok(RtmsgBuilder::default()
        .rtm_family(RtAddrFamily::Inet)
        .rtm_dst_len(32)
        .rtm_src_len(0)
        .rtm_tos(0)
        .rtm_table(RtTable::Main)
        .rtm_protocol(Rtprot::Static)
        .rtm_scope(RtScope::Link)
        .rtm_type(Rtn::Unicast)
        .rtattrs(attrs)
        .build()?)
}

/// Sends one route request with `NLM_F_ACK` and reads its replies: an error
/// reply ends with an error, and the ACK must come.
fn route_request(rtnl: &NlRouter, kind: Rtm, flags: NlmF, route: Rtmsg) -> Result<()> {
    let recv =
        rtnl.send::<Rtm, Rtmsg, Rtm, Rtmsg>(kind, flags | NlmF::ACK, NlPayload::Payload(route))?;
    let mut acked = false;
    for msg in recv {
        if let NlPayload::Ack(_) = msg?.nl_payload() {
            acked = true;
        }
    }
    if !acked {
        return Err(format!("{kind:?}: no ACK").into());
    }
    Ok(())
}

/// The index of link `name`, asked for with a (non-dump) `RTM_GETLINK`.
fn link_index(rtnl: &NlRouter, name: &str) -> Result<u32> {
    let mut attrs = RtBuffer::<Ifla, Buffer>::new();
    attrs.push(
        RtattrBuilder::default()
            .rta_type(Ifla::Ifname)
            .rta_payload(name)
            .build()?,
    );
    let request = IfinfomsgBuilder::default()
        .ifi_family(RtAddrFamily::Unspecified)
        .rtattrs(attrs)
        .build()?;
    let recv = rtnl.send::<Rtm, Ifinfomsg, Rtm, Ifinfomsg>(
        Rtm::Getlink,
        NlmF::empty(),
        NlPayload::Payload(request),
    )?;
    for msg in recv {
        if let Some(link) = msg?.get_payload() {
            return Ok(u32::try_from(*link.ifi_index())?);
        }
    }
    Err(format!("no link {name}").into())
}

fn run(rtnl: &NlRouter, workload: &str, count: u32) -> Result<u64> {
    match workload {
        "route-dump" => {
            let request = RtmsgBuilder::default()
                .rtm_family(RtAddrFamily::Inet)
                .rtm_dst_len(0)
                .rtm_src_len(0)
                .rtm_tos(0)
                .rtm_table(RtTable::Unspec)
                .rtm_protocol(Rtprot::Unspec)
                .rtm_scope(RtScope::Universe)
                .rtm_type(Rtn::Unspec)
                .build()?;
            let routes = dump(rtnl, Rtm::Getroute, Rtm::Newroute, request)?;
            Ok(routes.len() as u64)
        }
        "link-dump" => {
            let request = IfinfomsgBuilder::default()
                .ifi_family(RtAddrFamily::Unspecified)
                .build()?;
            let links: Vec<Nlmsghdr<Rtm, Ifinfomsg>> =
                dump(rtnl, Rtm::Getlink, Rtm::Newlink, request)?;
            Ok(links.len() as u64)
        }
        "address-dump" => {
            let request = IfaddrmsgBuilder::default()
                .ifa_family(RtAddrFamily::Inet)
                .ifa_prefixlen(0)
                .ifa_scope(RtScope::Universe)
                .ifa_index(0)
                .build()?;
            let addresses: Vec<Nlmsghdr<Rtm, Ifaddrmsg>> =
                dump(rtnl, Rtm::Getaddr, Rtm::Newaddr, request)?;
            Ok(addresses.len() as u64)
        }
        "route-add-del" => {
            let oif = link_index(rtnl, "bench0")?;
            for i in 0..count {
                route_request(
                    rtnl,
                    Rtm::Newroute,
                    NlmF::CREATE | NlmF::EXCL,
                    churn_route(i, oif)?,
                )?;
            }
            for i in 0..count {
                route_request(rtnl, Rtm::Delroute, NlmF::empty(), churn_route(i, oif)?)?;
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
            eprintln!("peer-neli: {e}");
            eprintln!("usage: peer-neli --netns NAME WORKLOAD [--count R]");
            return ExitCode::FAILURE;
        }
    };
    match args.workload.as_str() {
        "route-dump" | "link-dump" | "address-dump" | "route-add-del" => {}
        "route-add-del-batched" => return ExitCode::from(UNSUPPORTED),
        other => {
            eprintln!("peer-neli: unknown workload {other:?}");
            return ExitCode::FAILURE;
        }
    }
    if let Err(e) = enter_netns(&args.netns) {
        eprintln!("peer-neli: {e}");
        return ExitCode::FAILURE;
    }
    let result = NlRouter::connect(NlFamily::Route, None, Groups::empty())
        .map_err(|e| -> Box<dyn Error> { format!("socket: {e}").into() })
        .and_then(|(rtnl, _multicast)| run(&rtnl, &args.workload, args.count));
    match result {
        Ok(n) => {
            println!("{n}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("peer-neli: {}: {e}", args.workload);
            ExitCode::FAILURE
        }
    }
}
