//! `nlctl neighbour`: the ARP and NDP caches, with `ip neigh`'s words.

mod json;

use std::net::IpAddr;

use clap::Subcommand;
use netlink_packet_route::neighbour::{
    NeighbourFamily, NeighbourFlags, NeighbourMessage, NeighbourState,
};
use rtnetlink::neighbour::{NeighbourAdd, NeighbourDel, NeighbourDump, NeighbourGet};

use crate::cli::Words as Args;
use crate::context::Family;
use crate::{CliError, Context, Words};

pub(crate) use json::{to_json, to_text};

/// The verbs of `nlctl neighbour`.
#[derive(Debug, Clone, Subcommand)]
pub enum Verb {
    /// List neighbours: [[to] ADDR[/LEN]] [dev NAME] [master|vrf NAME] [proxy] [nud STATE]... where STATE is permanent, noarp, reachable, stale, delay, probe, incomplete, failed, none or all. Without nud, entries in NOARP or no state are left out, as `ip neigh` does.
    #[command(visible_aliases = ["list", "ls", "lst", "sh"])]
    Show(Args),
    /// Add a neighbour: [to] ADDR [lladdr MAC] dev NAME [nud permanent|reachable|stale|noarp|delay|probe|none] [router] [proxy] [extern_learn] [managed] [protocol P]. Permanent unless nud says otherwise.
    Add(Args),
    /// Add a neighbour or change an existing one (same words as add).
    #[command(visible_aliases = ["change"])]
    Replace(Args),
    /// Delete a neighbour: [to] ADDR dev NAME [proxy].
    #[command(visible_aliases = ["delete", "d"])]
    Del(Args),
    /// Show one neighbour as the kernel has it: [to] ADDR dev NAME [proxy].
    #[command(visible_aliases = ["g"])]
    Get(Args),
    /// Delete the neighbours matching: [dev NAME] [[to] ADDR[/LEN]] [nud STATE]... [proxy]. Without nud, permanent and NOARP entries are kept, as `ip neigh flush` does.
    #[command(visible_aliases = ["f"])]
    Flush(Args),
}

crate::cli::verb_words!(Show, Add, Replace, Del, Get, Flush);

/// Runs `nlctl neighbour VERB WORDS` (`show` when no verb is given).
pub fn run(ctx: &mut Context, verb: Option<Verb>) -> Result<(), CliError> {
    match verb {
        None => show(ctx, Words::new("neighbour show", Vec::new()), false),
        Some(Verb::Show(a)) => show(ctx, Words::new("neighbour show", a.words), false),
        Some(Verb::Flush(a)) => show(ctx, Words::new("neighbour flush", a.words), true),
        Some(Verb::Add(a)) => add(ctx, Words::new("neighbour add", a.words), false),
        Some(Verb::Replace(a)) => add(ctx, Words::new("neighbour replace", a.words), true),
        Some(Verb::Del(a)) => del_or_get(ctx, Words::new("neighbour del", a.words), false),
        Some(Verb::Get(a)) => del_or_get(ctx, Words::new("neighbour get", a.words), true),
    }
}

/// `NUD_*` bits plus this one for "no state" (`NUD_NONE` is 0).
const NONE_BIT: u32 = 0x100;

fn nud(words: &mut Words, keyword: &str, filter: bool) -> Result<u32, CliError> {
    let value = words.value(keyword)?;
    let state = match value.to_ascii_lowercase().as_str() {
        "permanent" => NeighbourState::PERMANENT.bits().into(),
        "reachable" => NeighbourState::REACHABLE.bits().into(),
        "stale" => NeighbourState::STALE.bits().into(),
        "noarp" => NeighbourState::NOARP.bits().into(),
        "delay" => NeighbourState::DELAY.bits().into(),
        "probe" => NeighbourState::PROBE.bits().into(),
        "incomplete" if filter => NeighbourState::INCOMPLETE.bits().into(),
        "failed" if filter => NeighbourState::FAILED.bits().into(),
        "none" => NONE_BIT,
        "all" if filter => 0xff | NONE_BIT,
        _ => {
            return Err(CliError::usage(format!(
                "{}: invalid value \"{value}\" for \"{keyword}\": expected a neighbour state",
                words.command()
            )))
        }
    };
    Ok(state)
}

/// `ADDR` or `ADDR/LEN`.
fn prefix(words: &Words, keyword: &str, value: &str) -> Result<(IpAddr, u8), CliError> {
    let bad = || {
        CliError::usage(format!(
            "{}: invalid value \"{value}\" for \"{keyword}\": expected an address",
            words.command()
        ))
    };
    let (addr, len) = match value.split_once('/') {
        Some((addr, len)) => (addr, Some(len)),
        None => (value, None),
    };
    let ip: IpAddr = addr.parse().map_err(|_| bad())?;
    let max = if ip.is_ipv4() { 32 } else { 128 };
    let len = match len {
        Some(len) => len
            .parse::<u8>()
            .ok()
            .filter(|l| *l <= max)
            .ok_or_else(bad)?,
        None => max,
    };
    Ok((ip, len))
}

fn in_prefix(ip: IpAddr, (net, len): (IpAddr, u8)) -> bool {
    let bits = |ip: IpAddr| -> (u128, u32) {
        match ip {
            IpAddr::V4(a) => (u128::from(u32::from(a)) << 96, 32),
            IpAddr::V6(a) => (u128::from(a), 128),
        }
    };
    let ((a, fa), (b, fb)) = (bits(ip), bits(net));
    if fa != fb {
        return false;
    }
    let mask = if len == 0 {
        0
    } else {
        u128::MAX << (128 - u32::from(len))
    };
    a & mask == b & mask
}

fn show(ctx: &mut Context, mut words: Words, flush: bool) -> Result<(), CliError> {
    if flush && words.is_done() {
        return Err(words.missing("a selector (dev NAME, an address, nud STATE)"));
    }
    let mut dump = NeighbourDump::new();
    let mut states: Option<u32> = None;
    let mut to = None;
    let mut dev = None;
    while let Some(word) = words.next().map(str::to_owned) {
        match word.as_str() {
            "dev" => {
                let name = words.value(&word)?;
                let index = ctx.link_index(&name)?;
                dev = Some(index);
                dump = dump.link(index);
            }
            "master" | "vrf" => {
                let name = words.value(&word)?;
                dump = dump.master(ctx.link_index(&name)?);
            }
            "proxy" => dump = dump.proxy(),
            "nud" => *states.get_or_insert(0) |= nud(&mut words, &word, true)?,
            "to" => {
                let value = words.value(&word)?;
                to = Some(prefix(&words, &word, &value)?);
            }
            "all" if flush => {}
            other if other.parse::<IpAddr>().is_ok() || other.contains('/') => {
                to = Some(prefix(&words, "to", other)?);
            }
            _ => return Err(words.unknown(&word)),
        }
    }
    match ctx.options.family {
        Family::V4 => dump = dump.family(NeighbourFamily::Inet),
        Family::V6 => dump = dump.family(NeighbourFamily::Inet6),
        Family::Any => {}
    }
    let default = if flush {
        0xff & !u32::from((NeighbourState::PERMANENT | NeighbourState::NOARP).bits())
    } else {
        0xff & !u32::from(NeighbourState::NOARP.bits())
    };
    let states = states.unwrap_or(default);
    let line = words.line();
    let neighbours = ctx.execute(&line, dump)?;
    let keep = |n: &NeighbourMessage| {
        let state = u32::from(n.header.state.bits());
        let by_state = state & states != 0
            || n.header.flags.contains(NeighbourFlags::PROXY)
            || (!flush && n.header.flags.contains(NeighbourFlags::EXT_LEARNED))
            || (state == 0 && states & NONE_BIT != 0);
        let by_address = to.map_or(true, |p| {
            n.destination()
                .and_then(|d| d.ip())
                .is_some_and(|ip| in_prefix(ip, p))
        });
        by_state && by_address && dev.map_or(true, |i| i64::from(n.header.index) == i64::from(i))
    };
    if flush {
        for n in neighbours.iter().filter(|n| keep(n)) {
            let (Some(ip), Ok(index)) = (
                n.destination().and_then(|d| d.ip()),
                u32::try_from(n.header.index),
            ) else {
                continue;
            };
            let request = if n.header.flags.contains(NeighbourFlags::PROXY) {
                NeighbourDel::proxy(index, ip)
            } else {
                NeighbourDel::address(index, ip)
            };
            ctx.change(&line, request)?;
        }
        return Ok(());
    }
    ctx.out.listing();
    for n in neighbours.iter().filter(|n| keep(n)) {
        print(ctx, n);
    }
    Ok(())
}

fn print(ctx: &mut Context, n: &NeighbourMessage) {
    if ctx.out.is_json() {
        let value = to_json(ctx, n);
        ctx.out.object(value);
    } else {
        let line = to_text(ctx, n);
        ctx.out.line(&line);
    }
}

/// The address (after `to`, or bare) and `dev NAME` every verb but show
/// needs, with the words it does not know handed to `other`.
fn address_and_dev(
    ctx: &mut Context,
    words: &mut Words,
    mut other: impl FnMut(&mut Words, &str) -> Result<bool, CliError>,
) -> Result<(IpAddr, u32), CliError> {
    let mut address = None;
    let mut dev = None;
    while let Some(word) = words.next().map(str::to_owned) {
        match word.as_str() {
            "to" => {
                let value = words.value(&word)?;
                address = Some(parse_ip(words, &word, &value)?);
            }
            "dev" => dev = Some(words.value(&word)?),
            _ if other(words, &word)? => {}
            _ if address.is_none() && word.parse::<IpAddr>().is_ok() => {
                address = Some(parse_ip(words, "to", &word)?);
            }
            _ => return Err(words.unknown(&word)),
        }
    }
    let address = address.ok_or_else(|| words.missing("the neighbour's address"))?;
    let dev = dev.ok_or_else(|| words.missing("dev NAME"))?;
    Ok((address, ctx.link_index(&dev)?))
}

fn parse_ip(words: &Words, keyword: &str, value: &str) -> Result<IpAddr, CliError> {
    value.parse().map_err(|_| {
        CliError::usage(format!(
            "{}: invalid value \"{value}\" for \"{keyword}\": expected an IP address",
            words.command()
        ))
    })
}

fn parse_mac(words: &Words, value: &str) -> Result<Vec<u8>, CliError> {
    let bytes: Option<Vec<u8>> = value
        .split(':')
        .map(|b| {
            (1..=2)
                .contains(&b.len())
                .then(|| u8::from_str_radix(b, 16).ok())
                .flatten()
        })
        .collect();
    bytes.filter(|b| !b.is_empty()).ok_or_else(|| {
        CliError::usage(format!(
            "{}: invalid value \"{value}\" for \"lladdr\": expected a link-layer address",
            words.command()
        ))
    })
}

#[derive(Default)]
struct AddSpec {
    lladdr: Option<Vec<u8>>,
    state: Option<u32>,
    router: bool,
    proxy: bool,
    extern_learn: bool,
    managed: bool,
    protocol: Option<u8>,
}

fn add(ctx: &mut Context, mut words: Words, replace: bool) -> Result<(), CliError> {
    let mut spec = AddSpec::default();
    let (ip, index) = address_and_dev(ctx, &mut words, |words, word| {
        match word {
            "lladdr" => {
                let value = words.value(word)?;
                spec.lladdr = Some(parse_mac(words, &value)?);
            }
            "nud" => spec.state = Some(nud(words, word, false)?),
            "router" => spec.router = true,
            "proxy" => spec.proxy = true,
            "extern_learn" => spec.extern_learn = true,
            "managed" => spec.managed = true,
            "protocol" | "proto" => {
                let value = words.value(word)?;
                spec.protocol =
                    Some(crate::rule::names::protocol_number(&value).ok_or_else(|| {
                        CliError::usage(format!(
                            "{}: invalid value \"{value}\" for \"{word}\": expected a protocol",
                            words.command()
                        ))
                    })?);
            }
            _ => return Ok(false),
        }
        Ok(true)
    })?;
    let mut add = if spec.proxy {
        NeighbourAdd::proxy(index, ip)
    } else {
        NeighbourAdd::new(index, ip)
    };
    if let Some(lladdr) = spec.lladdr {
        add = add.lladdr(lladdr);
    }
    if spec.managed {
        add = add.managed();
    }
    if let Some(state) = spec.state {
        let bits = u16::try_from(state & 0xff).unwrap_or(0);
        add = add.state(NeighbourState::from_bits(bits));
    }
    if spec.router {
        add = add.router();
    }
    if spec.extern_learn {
        add = add.flags(NeighbourFlags::EXT_LEARNED);
    }
    if let Some(protocol) = spec.protocol {
        add = add.protocol(protocol);
    }
    if replace {
        add = add.replace();
    }
    ctx.change(&words.line(), add)
}

fn del_or_get(ctx: &mut Context, mut words: Words, get: bool) -> Result<(), CliError> {
    let mut proxy = false;
    let (ip, index) = address_and_dev(ctx, &mut words, |_, word| {
        Ok(word == "proxy" && {
            proxy = true;
            true
        })
    })?;
    let line = words.line();
    if get {
        let request = if proxy {
            NeighbourGet::proxy(index, ip)
        } else {
            NeighbourGet::address(index, ip)
        };
        let n = ctx.execute(&line, request)?;
        ctx.out.listing();
        print(ctx, &n);
        Ok(())
    } else {
        let request = if proxy {
            NeighbourDel::proxy(index, ip)
        } else {
            NeighbourDel::address(index, ip)
        };
        ctx.change(&line, request)
    }
}
