//! `nlctl nexthop`: nexthop objects and groups, with `ip nexthop`'s words.

mod json;

use std::net::IpAddr;
use std::time::Duration;

use clap::Subcommand;
use netlink_packet_route::family::{AF_INET, AF_INET6};
use netlink_packet_route::nexthop::{NexthopAttr, NexthopMessage};
use rtnetlink::nexthop::{NexthopAdd, NexthopDel, NexthopDump, NexthopGet, NexthopGroupAdd};

use crate::cli::Words as Args;
use crate::context::Family;
use crate::rule::names;
use crate::{CliError, Context, Words};

pub(crate) use json::{to_json, to_text};

/// The verbs of `nlctl nexthop`.
#[derive(Debug, Clone, Subcommand)]
pub enum Verb {
    /// List nexthops and groups: [id ID] [dev NAME] [master NAME] [groups] [fdb]. With -4/-6 or dev, groups are left out (as the kernel does).
    #[command(visible_aliases = ["list", "ls", "lst", "sh"])]
    Show(Args),
    /// Add a nexthop: id ID [via ADDR] [dev NAME] [onlink] [blackhole] [fdb] [proto P]; or a group: id ID group ID[,WEIGHT]/... [type mpath|resilient [buckets N] [idle_timer SECS] [unbalanced_timer SECS]] [fdb] [proto P].
    Add(Args),
    /// Add a nexthop or group, or change an existing one (same words as add).
    #[command(visible_aliases = ["change"])]
    Replace(Args),
    /// Delete a nexthop or group: id ID.
    #[command(visible_aliases = ["delete", "d"])]
    Del(Args),
    /// Show one nexthop or group: id ID.
    #[command(visible_aliases = ["g"])]
    Get(Args),
    /// Delete every nexthop and group matching: [dev NAME] [master NAME] [groups] [fdb] (-4/-6: that family's nexthops).
    #[command(visible_aliases = ["f"])]
    Flush(Args),
}

crate::cli::verb_words!(Show, Add, Replace, Del, Get, Flush);

/// Runs `nlctl nexthop VERB WORDS` (`show` when no verb is given).
pub fn run(ctx: &mut Context, verb: Option<Verb>) -> Result<(), CliError> {
    match verb {
        None => show(ctx, Words::new("nexthop show", Vec::new()), false),
        Some(Verb::Show(a)) => show(ctx, Words::new("nexthop show", a.words), false),
        Some(Verb::Flush(a)) => show(ctx, Words::new("nexthop flush", a.words), true),
        Some(Verb::Add(a)) => add(ctx, Words::new("nexthop add", a.words), false),
        Some(Verb::Replace(a)) => add(ctx, Words::new("nexthop replace", a.words), true),
        Some(Verb::Del(a)) => by_id(ctx, Words::new("nexthop del", a.words), false),
        Some(Verb::Get(a)) => by_id(ctx, Words::new("nexthop get", a.words), true),
    }
}

fn invalid(words: &Words, keyword: &str, value: &str, what: &str) -> CliError {
    CliError::usage(format!(
        "{}: invalid value \"{value}\" for \"{keyword}\": expected {what}",
        words.command()
    ))
}

fn print(ctx: &mut Context, m: &NexthopMessage) {
    if ctx.out.is_json() {
        let value = to_json(ctx, m);
        ctx.out.object(value);
    } else {
        let line = to_text(ctx, m);
        ctx.out.line(&line);
    }
}

fn show(ctx: &mut Context, mut words: Words, flush: bool) -> Result<(), CliError> {
    let mut dump = NexthopDump::new();
    let mut id = None;
    while let Some(word) = words.next().map(str::to_owned) {
        match word.as_str() {
            "id" if !flush => id = Some(words.parse::<u32>(&word, "a nexthop id")?),
            "dev" => {
                let name = words.value(&word)?;
                dump = dump.dev(ctx.link_index(&name)?);
            }
            "master" | "vrf" => {
                let name = words.value(&word)?;
                dump = dump.master(ctx.link_index(&name)?);
            }
            "groups" => dump = dump.groups(),
            "fdb" => dump = dump.fdb(),
            _ => return Err(words.unknown(&word)),
        }
    }
    match ctx.options.family {
        Family::V4 => dump = dump.family(AF_INET),
        Family::V6 => dump = dump.family(AF_INET6),
        Family::Any => {}
    }
    let line = words.line();
    let nexthops = match id {
        Some(id) => vec![ctx.execute(&line, NexthopGet::id(id))?],
        None => ctx.execute(&line, dump)?,
    };
    if flush {
        // Groups first: deleting a member first could empty a group, which
        // the kernel then deletes itself.
        let is_group =
            |m: &NexthopMessage| m.attrs.iter().any(|a| matches!(a, NexthopAttr::Group(_)));
        let ids = nexthops
            .iter()
            .filter(|m| is_group(m))
            .chain(nexthops.iter().filter(|m| !is_group(m)))
            .filter_map(NexthopMessage::id);
        for id in ids {
            match ctx.execute(&line, NexthopDel::id(id)) {
                Err(CliError::Kernel { error, .. })
                    if matches!(*error, rtnetlink::Error::NotFound { .. }) => {}
                other => other?,
            }
        }
        return Ok(());
    }
    ctx.out.listing();
    for m in &nexthops {
        print(ctx, m);
    }
    Ok(())
}

fn by_id(ctx: &mut Context, mut words: Words, get: bool) -> Result<(), CliError> {
    let mut id = None;
    while let Some(word) = words.next().map(str::to_owned) {
        match word.as_str() {
            "id" => id = Some(words.parse::<u32>(&word, "a nexthop id")?),
            _ => return Err(words.unknown(&word)),
        }
    }
    let id = id.ok_or_else(|| words.missing("id ID"))?;
    let line = words.line();
    if get {
        let m = ctx.execute(&line, NexthopGet::id(id))?;
        ctx.out.listing();
        print(ctx, &m);
        Ok(())
    } else {
        ctx.change(&line, NexthopDel::id(id))
    }
}

/// `ID[,WEIGHT]/ID[,WEIGHT]...`.
fn group(words: &Words, keyword: &str, value: &str) -> Result<Vec<(u32, u16)>, CliError> {
    value
        .split('/')
        .map(|member| {
            let bad = || invalid(words, keyword, value, "ID[,WEIGHT]/ID[,WEIGHT]...");
            match member.split_once(',') {
                Some((id, weight)) => Ok((
                    id.parse().map_err(|_| bad())?,
                    weight.parse().map_err(|_| bad())?,
                )),
                None => Ok((member.parse().map_err(|_| bad())?, 1)),
            }
        })
        .collect()
}

#[derive(Default)]
struct Spec {
    id: u32,
    gateway: Option<IpAddr>,
    dev: Option<u32>,
    onlink: bool,
    blackhole: bool,
    fdb: bool,
    protocol: Option<u8>,
    group: Option<Vec<(u32, u16)>>,
    resilient: bool,
    buckets: Option<u16>,
    idle_timer: Option<u32>,
    unbalanced_timer: Option<u32>,
}

fn add(ctx: &mut Context, mut words: Words, replace: bool) -> Result<(), CliError> {
    let mut spec = Spec::default();
    while let Some(word) = words.next().map(str::to_owned) {
        match word.as_str() {
            "id" => spec.id = words.parse(&word, "a nexthop id")?,
            "via" => {
                let mut value = words.value(&word)?;
                if value == "inet" || value == "inet6" {
                    value = words.value(&word)?;
                }
                spec.gateway = Some(
                    value
                        .parse()
                        .map_err(|_| invalid(&words, &word, &value, "an IP address"))?,
                );
            }
            "dev" => {
                let name = words.value(&word)?;
                spec.dev = Some(ctx.link_index(&name)?);
            }
            "onlink" => spec.onlink = true,
            "blackhole" => spec.blackhole = true,
            "fdb" => spec.fdb = true,
            "proto" | "protocol" => {
                let value = words.value(&word)?;
                spec.protocol = Some(
                    names::protocol_number(&value)
                        .ok_or_else(|| invalid(&words, &word, &value, "a protocol"))?,
                );
            }
            "group" => {
                let value = words.value(&word)?;
                spec.group = Some(group(&words, &word, &value)?);
            }
            "type" => {
                let value = words.value(&word)?;
                match value.as_str() {
                    "resilient" => spec.resilient = true,
                    "mpath" => spec.resilient = false,
                    _ => return Err(invalid(&words, &word, &value, "mpath or resilient")),
                }
            }
            "buckets" => spec.buckets = Some(words.parse(&word, "a number of buckets")?),
            "idle_timer" => spec.idle_timer = Some(words.parse(&word, "seconds")?),
            "unbalanced_timer" => spec.unbalanced_timer = Some(words.parse(&word, "seconds")?),
            _ => return Err(words.unknown(&word)),
        }
    }
    let line = words.line();
    if let Some(members) = spec.group {
        let mut add = NexthopGroupAdd::new(spec.id, &members);
        if spec.resilient {
            // The kernel's own default when none is given.
            add = add.resilient(spec.buckets.unwrap_or(128));
            if let Some(secs) = spec.idle_timer {
                add = add.idle_timer(Duration::from_secs(secs.into()));
            }
            if let Some(secs) = spec.unbalanced_timer {
                add = add.unbalanced_timer(Duration::from_secs(secs.into()));
            }
        } else if spec.buckets.is_some()
            || spec.idle_timer.is_some()
            || spec.unbalanced_timer.is_some()
        {
            return Err(CliError::usage(format!(
                "{}: buckets and timers are for \"type resilient\" groups",
                words.command()
            )));
        }
        if spec.fdb {
            add = add.fdb();
        }
        if let Some(protocol) = spec.protocol {
            add = add.protocol(protocol);
        }
        if replace {
            add = add.replace();
        }
        return ctx.change(&line, add);
    }
    let v6 = match ctx.options.family {
        Family::V6 => true,
        Family::V4 => false,
        Family::Any => spec.gateway.is_some_and(|ip| ip.is_ipv6()),
    };
    let mut add = if v6 {
        NexthopAdd::v6(spec.id)
    } else {
        NexthopAdd::new(spec.id)
    };
    if let Some(ip) = spec.gateway {
        add = add.gateway(ip);
    }
    if let Some(index) = spec.dev {
        add = add.dev(index);
    }
    if spec.blackhole {
        add = add.blackhole();
    }
    if spec.onlink {
        add = add.onlink();
    }
    if spec.fdb {
        add = add.fdb();
    }
    if let Some(protocol) = spec.protocol {
        add = add.protocol(protocol);
    }
    if replace {
        add = add.replace();
    }
    ctx.change(&line, add)
}
