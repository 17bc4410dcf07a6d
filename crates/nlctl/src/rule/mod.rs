//! `nlctl rule`: routing policy rules, with `ip rule`'s words.

mod json;
pub(crate) mod names;

use std::net::IpAddr;

use clap::Subcommand;
use netlink_packet_route::family::{AF_INET, AF_INET6};
use netlink_packet_route::rule::{RuleAction, RuleAttr, RuleFlags, RuleMessage};
use rtnetlink::rule::{RuleAdd, RuleDel, RuleDump};

use crate::cli::Words as Args;
use crate::context::Family;
use crate::error::kernel;
use crate::{CliError, Context, Words};

pub(crate) use json::{to_json, to_text};

/// The verbs of `nlctl rule`.
#[derive(Debug, Clone, Subcommand)]
pub enum Verb {
    /// List rules, IPv4 unless -6 is given (as `ip rule`); with words as for add, only the rules having each selector and action given.
    #[command(visible_aliases = ["list", "ls", "lst", "sh"])]
    Show(Args),
    /// Add a rule: [not] [from PREFIX|all] [to PREFIX|all] [tos TOS] [fwmark MARK[/MASK]] [iif NAME] [oif NAME] [uidrange A-B] [ipproto P] [sport A[-B]] [dport A[-B]] [tun_id ID] [l3mdev] [priority|pref N] [table|lookup ID] [suppress_prefixlength N] [suppress_ifgroup G] [realms [FROM/]TO] [goto N | blackhole | unreachable | prohibit | nop] [protocol P]. IPv4 unless -6 is given or an address is IPv6; a rule with no action looks up the main table.
    Add(Args),
    /// Delete the first rule matching every word given (same words as add).
    #[command(visible_aliases = ["delete", "d"])]
    Del(Args),
    /// Delete every rule but the one of priority 0 (the local table's), as
    /// `ip rule flush` does (main and default too); with words as for
    /// show, only the rules having each. IPv4 unless -6 is given.
    Flush(Args),
}

crate::cli::verb_words!(Show, Add, Del, Flush);

/// Runs `nlctl rule VERB WORDS` (`show` when no verb is given).
pub fn run(ctx: &mut Context, verb: Option<Verb>) -> Result<(), CliError> {
    match verb {
        None => show(ctx, Words::new("rule show", Vec::new())),
        Some(Verb::Show(args)) => show(ctx, Words::new("rule show", args.words)),
        Some(Verb::Add(args)) => change(ctx, Words::new("rule add", args.words), true),
        Some(Verb::Del(args)) => change(ctx, Words::new("rule del", args.words), false),
        Some(Verb::Flush(args)) => flush(ctx, Words::new("rule flush", args.words)),
    }
}

fn flush(ctx: &mut Context, mut words: Words) -> Result<(), CliError> {
    let spec = parse(&mut words)?;
    let family = if v6(ctx, &spec) { AF_INET6 } else { AF_INET };
    let line = words.line();
    let rules = ctx.execute(&line, RuleDump::new().family(family))?;
    let deletes: Vec<_> = rules
        .iter()
        .filter(|r| r.priority().unwrap_or(0) != 0 && keeps(&spec, r))
        .map(RuleDel::rule)
        .collect();
    for result in ctx
        .handle
        .execute_batch(deletes)
        .map_err(|e| kernel(&line, e))?
    {
        match result {
            // Deleted meanwhile by someone else: what flush wanted.
            Ok(()) | Err(rtnetlink::Error::NotFound { .. }) => {}
            Err(e) => return Err(kernel(&line, e)),
        }
    }
    Ok(())
}

fn show(ctx: &mut Context, mut words: Words) -> Result<(), CliError> {
    let spec = parse(&mut words)?;
    let family = if v6(ctx, &spec) { AF_INET6 } else { AF_INET };
    let rules = ctx.execute(&words.line(), RuleDump::new().family(family))?;
    ctx.out.listing();
    for rule in rules.iter().filter(|r| keeps(&spec, r)) {
        if ctx.out.is_json() {
            let value = to_json(ctx, rule);
            ctx.out.object(value);
        } else {
            let line = to_text(ctx, rule);
            ctx.out.line(&line);
        }
    }
    Ok(())
}

/// Whether `rule` has every selector and action `spec` gives (`ip rule
/// show SELECTOR`).
fn keeps(spec: &Spec, rule: &RuleMessage) -> bool {
    let h = &rule.header;
    let find = |want: fn(&RuleAttr) -> bool| rule.attrs.iter().find(|a| want(a));
    let has = |attr: RuleAttr| rule.attrs.contains(&attr);
    let prefix = |given: Option<(IpAddr, u8)>, attr: Option<&RuleAttr>, len: u8| match given {
        None => true,
        Some((ip, l)) => {
            l == len
                && matches!(attr, Some(RuleAttr::Source(a) | RuleAttr::Destination(a)) if *a == ip)
        }
    };
    let action = h.action;
    prefix(
        spec.from,
        find(|a| matches!(a, RuleAttr::Source(_))),
        h.src_len,
    ) && prefix(
        spec.to,
        find(|a| matches!(a, RuleAttr::Destination(_))),
        h.dst_len,
    ) && (!spec.invert || h.flags.contains(RuleFlags::INVERT))
        && spec
            .priority
            .map_or(true, |p| rule.priority().unwrap_or(0) == p)
        && spec.table.map_or(true, |t| rule.table() == t)
        && spec.tos.map_or(true, |t| h.tos == t)
        && spec
            .iif
            .as_ref()
            .map_or(true, |n| has(RuleAttr::Iifname(n.into())))
        && spec
            .oif
            .as_ref()
            .map_or(true, |n| has(RuleAttr::Oifname(n.into())))
        && spec.fwmark.map_or(true, |(mark, mask)| {
            has(RuleAttr::FwMark(mark)) && (mask == u32::MAX || has(RuleAttr::FwMask(mask)))
        })
        && spec.ipproto.map_or(true, |p| has(RuleAttr::IpProto(p)))
        && spec.uidrange.map_or(true, |(start, end)| {
            rule.attrs
                .iter()
                .any(|a| matches!(a, RuleAttr::UidRange(r) if r.start == start && r.end == end))
        })
        && spec.sport.map_or(true, |(start, end)| {
            rule.attrs
                .iter()
                .any(|a| matches!(a, RuleAttr::SportRange(r) if r.start == start && r.end == end))
        })
        && spec.dport.map_or(true, |(start, end)| {
            rule.attrs
                .iter()
                .any(|a| matches!(a, RuleAttr::DportRange(r) if r.start == start && r.end == end))
        })
        && spec.goto.map_or(true, |g| has(RuleAttr::Goto(g)))
        && spec.action.map_or(true, |a| a == action)
        && spec.protocol.map_or(true, |p| has(RuleAttr::Protocol(p)))
        && (!spec.l3mdev
            || rule
                .attrs
                .iter()
                .any(|a| matches!(a, RuleAttr::L3mdev(v) if *v != 0)))
}

/// IPv4 like ip, unless -6 says otherwise or an address is IPv6.
fn v6(ctx: &Context, spec: &Spec) -> bool {
    match ctx.options.family {
        Family::V6 => true,
        Family::V4 => false,
        Family::Any => [spec.from, spec.to]
            .iter()
            .flatten()
            .any(|(ip, _)| ip.is_ipv6()),
    }
}

/// A prefix: `all`, `default`, `ADDR` or `ADDR/LEN`.
fn prefix(words: &mut Words, keyword: &str) -> Result<Option<(IpAddr, u8)>, CliError> {
    let value = words.value(keyword)?;
    if value == "all" || value == "default" {
        return Ok(None);
    }
    let bad = || {
        CliError::usage(format!(
            "{}: invalid value \"{value}\" for \"{keyword}\": expected an address or prefix",
            words.command()
        ))
    };
    let (addr, len) = match value.split_once('/') {
        Some((addr, len)) => (addr, Some(len)),
        None => (value.as_str(), None),
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
    Ok(Some((ip, len)))
}

fn number(words: &mut Words, keyword: &str) -> Result<u32, CliError> {
    let value = words.value(keyword)?;
    names::parse_u32(&value).ok_or_else(|| invalid(words, keyword, &value, "a number"))
}

fn invalid(words: &Words, keyword: &str, value: &str, what: &str) -> CliError {
    CliError::usage(format!(
        "{}: invalid value \"{value}\" for \"{keyword}\": expected {what}",
        words.command()
    ))
}

/// `A` or `A-B`.
fn range<T: std::str::FromStr + Copy>(
    words: &mut Words,
    keyword: &str,
) -> Result<(T, T), CliError> {
    let value = words.value(keyword)?;
    let bad = || invalid(words, keyword, &value, "a number or a range A-B");
    match value.split_once('-') {
        Some((a, b)) => Ok((a.parse().map_err(|_| bad())?, b.parse().map_err(|_| bad())?)),
        None => {
            let n = value.parse().map_err(|_| bad())?;
            Ok((n, n))
        }
    }
}

/// A rule as the words describe it.
#[derive(Debug, Default)]
struct Spec {
    invert: bool,
    from: Option<(IpAddr, u8)>,
    to: Option<(IpAddr, u8)>,
    tos: Option<u8>,
    fwmark: Option<(u32, u32)>,
    iif: Option<String>,
    oif: Option<String>,
    uidrange: Option<(u32, u32)>,
    ipproto: Option<u8>,
    sport: Option<(u16, u16)>,
    dport: Option<(u16, u16)>,
    l3mdev: bool,
    priority: Option<u32>,
    table: Option<u32>,
    suppress_prefixlength: Option<u32>,
    suppress_ifgroup: Option<u32>,
    realms: Option<u32>,
    goto: Option<u32>,
    action: Option<RuleAction>,
    protocol: Option<u8>,
}

fn parse(words: &mut Words) -> Result<Spec, CliError> {
    let mut spec = Spec::default();
    while let Some(word) = words.next().map(str::to_owned) {
        match word.as_str() {
            "not" => spec.invert = true,
            "from" => spec.from = prefix(words, &word)?,
            "to" => spec.to = prefix(words, &word)?,
            "tos" | "dsfield" => {
                let value = words.value(&word)?;
                spec.tos = Some(
                    names::dsfield_number(&value)
                        .ok_or_else(|| invalid(words, &word, &value, "a TOS value"))?,
                );
            }
            "fwmark" => {
                let value = words.value(&word)?;
                let bad = || invalid(words, &word, &value, "MARK or MARK/MASK");
                spec.fwmark = Some(match value.split_once('/') {
                    Some((mark, mask)) => (
                        names::parse_u32(mark).ok_or_else(bad)?,
                        names::parse_u32(mask).ok_or_else(bad)?,
                    ),
                    None => (names::parse_u32(&value).ok_or_else(bad)?, u32::MAX),
                });
            }
            "iif" | "dev" => spec.iif = Some(words.value(&word)?),
            "oif" => spec.oif = Some(words.value(&word)?),
            "uidrange" => spec.uidrange = Some(range(words, &word)?),
            "ipproto" => {
                let value = words.value(&word)?;
                spec.ipproto = Some(
                    names::ip_protocol_number(&value)
                        .ok_or_else(|| invalid(words, &word, &value, "an IP protocol"))?,
                );
            }
            "sport" => spec.sport = Some(range(words, &word)?),
            "dport" => spec.dport = Some(range(words, &word)?),
            "l3mdev" => spec.l3mdev = true,
            "priority" | "pref" | "preference" | "order" => {
                spec.priority = Some(number(words, &word)?);
            }
            "table" | "lookup" => {
                let value = words.value(&word)?;
                spec.table = Some(
                    names::table_id(&value)
                        .ok_or_else(|| invalid(words, &word, &value, "a table name or id"))?,
                );
            }
            "suppress_prefixlength" | "sup_pl" => {
                spec.suppress_prefixlength = Some(number(words, &word)?);
            }
            "suppress_ifgroup" | "sup_group" => {
                let value = words.value(&word)?;
                spec.suppress_ifgroup = Some(
                    names::group_number(&value)
                        .ok_or_else(|| invalid(words, &word, &value, "a group"))?,
                );
            }
            "realms" | "realm" => {
                let value = words.value(&word)?;
                let bad = || invalid(words, &word, &value, "[FROM/]TO realms");
                let (from, to) = match value.split_once('/') {
                    Some((from, to)) => (
                        names::realm_number(from).ok_or_else(bad)?,
                        names::realm_number(to).ok_or_else(bad)?,
                    ),
                    None => (0, names::realm_number(&value).ok_or_else(bad)?),
                };
                spec.realms = Some((from << 16) | (to & 0xffff));
            }
            "goto" => {
                spec.goto = Some(number(words, &word)?);
                spec.action = Some(RuleAction::Goto);
            }
            "blackhole" => spec.action = Some(RuleAction::Blackhole),
            "unreachable" => spec.action = Some(RuleAction::Unreachable),
            "prohibit" => spec.action = Some(RuleAction::Prohibit),
            "nop" => spec.action = Some(RuleAction::Nop),
            "type" => {
                let value = words.value(&word)?;
                spec.action = Some(match value.as_str() {
                    "blackhole" => RuleAction::Blackhole,
                    "unreachable" => RuleAction::Unreachable,
                    "prohibit" => RuleAction::Prohibit,
                    "nop" => RuleAction::Nop,
                    "unicast" => RuleAction::ToTable,
                    _ => return Err(invalid(words, &word, &value, "a rule type")),
                });
            }
            "protocol" | "proto" => {
                let value = words.value(&word)?;
                spec.protocol = Some(
                    names::protocol_number(&value)
                        .ok_or_else(|| invalid(words, &word, &value, "a protocol"))?,
                );
            }
            _ => return Err(words.unknown(&word)),
        }
    }
    Ok(spec)
}

/// Sets the fields of `spec` on a [`RuleAdd`] or [`RuleDel`] (they share
/// their setters).
macro_rules! build {
    ($builder:expr, $spec:expr) => {{
        let spec = $spec;
        let mut b = $builder;
        if let Some(p) = spec.priority {
            b = b.priority(p);
        }
        if let Some((ip, len)) = spec.from {
            b = b.source(ip, len);
        }
        if let Some((ip, len)) = spec.to {
            b = b.destination(ip, len);
        }
        if let Some(tos) = spec.tos {
            b = b.tos(tos);
        }
        if let Some(name) = spec.iif {
            b = b.iif(name);
        }
        if let Some(name) = spec.oif {
            b = b.oif(name);
        }
        if let Some((mark, mask)) = spec.fwmark {
            b = b.fwmark(mark, mask);
        }
        if let Some((start, end)) = spec.uidrange {
            b = b.uid_range(start, end);
        }
        if let Some(p) = spec.ipproto {
            b = b.ip_proto(p);
        }
        if let Some((start, end)) = spec.sport {
            b = b.sport_range(start, end);
        }
        if let Some((start, end)) = spec.dport {
            b = b.dport_range(start, end);
        }
        if spec.invert {
            b = b.invert();
        }
        if let Some(table) = spec.table {
            b = b.table(table);
        }
        if spec.l3mdev {
            b = b.l3mdev();
        }
        if let Some(target) = spec.goto {
            b = b.goto(target);
        }
        if let Some(action) = spec.action.filter(|a| *a != RuleAction::Goto) {
            b = b.action(action);
        }
        if let Some(len) = spec.suppress_prefixlength {
            b = b.suppress_prefixlength(len);
        }
        if let Some(group) = spec.suppress_ifgroup {
            b = b.suppress_ifgroup(group);
        }
        if let Some(realm) = spec.realms {
            b = b.realm(realm);
        }
        if let Some(protocol) = spec.protocol {
            b = b.protocol(protocol);
        }
        b.build()
    }};
}

fn change(ctx: &mut Context, mut words: Words, add: bool) -> Result<(), CliError> {
    let spec = parse(&mut words)?;
    let v6 = v6(ctx, &spec);
    let request = match (add, v6) {
        (true, false) => build!(RuleAdd::v4(), spec),
        (true, true) => build!(RuleAdd::v6(), spec),
        (false, false) => build!(RuleDel::v4(), spec),
        (false, true) => build!(RuleDel::v6(), spec),
    };
    ctx.change(&words.line(), request)
}
