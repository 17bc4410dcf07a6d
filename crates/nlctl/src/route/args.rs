//! `route add` / `replace` / `append` / `del`: iproute2's words into a
//! [`RouteAdd`] or [`RouteDel`].

use std::net::IpAddr;

use netlink_packet_route::route::{
    EncapValue, MetricAttr, MetricFeatures, MetricLocks, RoutePreference, RouteProtocol, RouteType,
};
use netlink_packet_route::Scope;
use rtnetlink::route::{MultipathHop, Prefix, RouteAdd, RouteDel};

use crate::context::Family;
use crate::{names, CliError, Context, Words};

/// What an add does with an existing route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mode {
    /// `add`.
    Add,
    /// `replace`.
    Replace,
    /// `append`.
    Append,
    /// `del`.
    Del,
}

pub(super) fn invalid(words: &Words, keyword: &str, value: &str, what: &str) -> CliError {
    CliError::usage(format!(
        "{}: invalid value \"{value}\" for \"{keyword}\": expected {what}",
        words.command()
    ))
}

/// `PREFIX`, `ADDR` or `default`, of `family` when it is `default`.
pub(super) fn prefix(
    words: &Words,
    keyword: &str,
    value: &str,
    family: Family,
) -> Result<Prefix, CliError> {
    if value == "default" || value == "all" || value == "any" {
        return Ok(match family {
            Family::V6 => Prefix::default_v6(),
            _ => Prefix::default_v4(),
        });
    }
    value.parse::<Prefix>().map_err(|e| {
        let reason = match e {
            rtnetlink::Error::InvalidArgument(reason) => reason,
            other => other.to_string(),
        };
        CliError::usage(format!(
            "{}: invalid prefix \"{value}\" for \"{keyword}\": {reason}",
            words.command()
        ))
    })
}

/// An IP address value.
pub(super) fn address(words: &mut Words, keyword: &str) -> Result<IpAddr, CliError> {
    let value = words.value(keyword)?;
    value
        .parse()
        .map_err(|_| invalid(words, keyword, &value, "an IP address"))
}

/// A number, decimal or `0x` hexadecimal.
pub(super) fn number(words: &mut Words, keyword: &str) -> Result<u32, CliError> {
    let value = words.value(keyword)?;
    names::parse_u32(&value).ok_or_else(|| invalid(words, keyword, &value, "a number"))
}

/// A table by name or number.
pub(super) fn table(words: &mut Words, keyword: &str) -> Result<u32, CliError> {
    let value = words.value(keyword)?;
    names::table_id(&value).ok_or_else(|| invalid(words, keyword, &value, "a table name or number"))
}

/// A protocol by name or number.
pub(super) fn protocol(words: &mut Words, keyword: &str) -> Result<RouteProtocol, CliError> {
    let value = words.value(keyword)?;
    names::protocol_number(&value)
        .map(RouteProtocol::from)
        .ok_or_else(|| invalid(words, keyword, &value, "a protocol name or number"))
}

/// A scope by name or number.
pub(super) fn scope(words: &mut Words, keyword: &str) -> Result<Scope, CliError> {
    let value = words.value(keyword)?;
    names::scope_number(&value).ok_or_else(|| {
        invalid(
            words,
            keyword,
            &value,
            "a scope (global, site, link, host or a number)",
        )
    })
}

/// A route type by name.
pub(super) fn route_type(words: &mut Words, keyword: &str) -> Result<RouteType, CliError> {
    let value = words.value(keyword)?;
    names::route_type_number(&value).ok_or_else(|| invalid(words, keyword, &value, "a route type"))
}

/// A time in milliseconds: `20ms`, `2s` or a bare number of milliseconds.
fn millis(words: &mut Words, keyword: &str) -> Result<u32, CliError> {
    let value = words.value(keyword)?;
    let parsed = if let Some(ms) = value.strip_suffix("ms") {
        ms.parse::<u32>().ok()
    } else if let Some(s) = value
        .strip_suffix("s")
        .or_else(|| value.strip_suffix("sec"))
    {
        s.parse::<u32>().ok().and_then(|s| s.checked_mul(1000))
    } else {
        value.parse::<u32>().ok()
    };
    parsed.ok_or_else(|| invalid(words, keyword, &value, "a time (20ms, 2s)"))
}

/// The words of one route.
#[derive(Debug, Default)]
pub(super) struct RouteArgs {
    pub kind: Option<RouteType>,
    pub dst: Option<Prefix>,
    pub gateway: Option<IpAddr>,
    pub via: Option<IpAddr>,
    pub dev: Option<u32>,
    pub table: Option<u32>,
    pub protocol: Option<RouteProtocol>,
    pub scope: Option<Scope>,
    pub metric: Option<u32>,
    pub prefsrc: Option<IpAddr>,
    pub source: Option<Prefix>,
    pub tos: Option<u8>,
    pub metrics: Vec<MetricAttr>,
    pub locks: MetricLocks,
    pub onlink: bool,
    pub hops: Vec<MultipathHop>,
    pub nhid: Option<u32>,
    pub encap: Option<EncapValue>,
    pub pref: Option<RoutePreference>,
    pub expires: Option<u32>,
}

/// `[lock] N`: a metric's value, noting a lock.
fn metric_value(
    words: &mut Words,
    keyword: &str,
    locks: &mut MetricLocks,
    lock: MetricLocks,
) -> Result<String, CliError> {
    if words.eat("lock") {
        *locks |= lock;
    }
    words.value(keyword)
}

fn metric_number(
    words: &mut Words,
    keyword: &str,
    locks: &mut MetricLocks,
    lock: MetricLocks,
) -> Result<u32, CliError> {
    let value = metric_value(words, keyword, locks, lock)?;
    names::parse_u32(&value).ok_or_else(|| invalid(words, keyword, &value, "a number"))
}

fn metric_millis(
    words: &mut Words,
    keyword: &str,
    locks: &mut MetricLocks,
    lock: MetricLocks,
) -> Result<u32, CliError> {
    if words.eat("lock") {
        *locks |= lock;
    }
    millis(words, keyword)
}

impl RouteArgs {
    /// Reads the words of `route add`-like commands.
    pub(super) fn parse(ctx: &mut Context, words: &mut Words) -> Result<Self, CliError> {
        let mut r = RouteArgs::default();
        let mut family = ctx.options.family;
        // Addresses decide the family of `default` when -4/-6 do not.
        let mut pending_default: Option<String> = None;
        let mut hop_v6: Option<bool> = None;
        while let Some(word) = words.next().map(str::to_owned) {
            match word.as_str() {
                "via" => {
                    let mut family_word = None;
                    if let Some(f) = words.peek().and_then(names::family_number) {
                        family_word = Some(f);
                        words.next();
                    }
                    let ip = address(words, &word)?;
                    let dst_family = r.dst.map(|d| d.family());
                    let other = match dst_family {
                        Some(f) => (f == 2) != ip.is_ipv4(),
                        None => family_word.is_some_and(|f| (f == 2) != ip.is_ipv4()),
                    };
                    if other {
                        r.via = Some(ip);
                    } else {
                        r.gateway = Some(ip);
                        if family == Family::Any {
                            family = if ip.is_ipv4() { Family::V4 } else { Family::V6 };
                        }
                    }
                }
                "dev" | "oif" => {
                    let name = words.value(&word)?;
                    r.dev = Some(ctx.link_index(&name)?);
                }
                "table" => r.table = Some(table(words, &word)?),
                "proto" | "protocol" => r.protocol = Some(protocol(words, &word)?),
                "scope" => r.scope = Some(scope(words, &word)?),
                "metric" | "priority" | "preference" => r.metric = Some(number(words, &word)?),
                "src" => r.prefsrc = Some(address(words, &word)?),
                "from" => {
                    let value = words.value(&word)?;
                    r.source = Some(prefix(words, &word, &value, family)?);
                }
                "tos" | "dsfield" => {
                    let value = words.value(&word)?;
                    let tos = crate::rule::names::dsfield_number(&value)
                        .ok_or_else(|| invalid(words, &word, &value, "a TOS value"))?;
                    r.tos = Some(tos);
                }
                "mtu" => {
                    let v = metric_number(words, &word, &mut r.locks, MetricLocks::MTU)?;
                    r.metrics.push(MetricAttr::Mtu(v));
                }
                "advmss" => {
                    let v = metric_number(words, &word, &mut r.locks, MetricLocks::ADVMSS)?;
                    r.metrics.push(MetricAttr::AdvMss(v));
                }
                "window" => {
                    let v = metric_number(words, &word, &mut r.locks, MetricLocks::WINDOW)?;
                    r.metrics.push(MetricAttr::Window(v));
                }
                "hoplimit" => {
                    let v = metric_number(words, &word, &mut r.locks, MetricLocks::HOPLIMIT)?;
                    r.metrics.push(MetricAttr::HopLimit(v));
                }
                "initcwnd" => {
                    let v = metric_number(words, &word, &mut r.locks, MetricLocks::INITCWND)?;
                    r.metrics.push(MetricAttr::InitCwnd(v));
                }
                "initrwnd" => {
                    let v = metric_number(words, &word, &mut r.locks, MetricLocks::INITRWND)?;
                    r.metrics.push(MetricAttr::InitRwnd(v));
                }
                "cwnd" => {
                    let v = metric_number(words, &word, &mut r.locks, MetricLocks::CWND)?;
                    r.metrics.push(MetricAttr::Cwnd(v));
                }
                "ssthresh" => {
                    let v = metric_number(words, &word, &mut r.locks, MetricLocks::SSTHRESH)?;
                    r.metrics.push(MetricAttr::SsThresh(v));
                }
                "reordering" => {
                    let v = metric_number(words, &word, &mut r.locks, MetricLocks::REORDERING)?;
                    r.metrics.push(MetricAttr::Reordering(v));
                }
                "quickack" => {
                    let v = number(words, &word)?;
                    r.metrics.push(MetricAttr::QuickAck(v));
                }
                "fastopen_no_cookie" => {
                    let v = number(words, &word)?;
                    r.metrics.push(MetricAttr::FastOpenNoCookie(v));
                }
                "rtt" => {
                    let v = metric_millis(words, &word, &mut r.locks, MetricLocks::RTT)?;
                    r.metrics.push(MetricAttr::Rtt(v.saturating_mul(8)));
                }
                "rttvar" => {
                    let v = metric_millis(words, &word, &mut r.locks, MetricLocks::RTTVAR)?;
                    r.metrics.push(MetricAttr::RttVar(v.saturating_mul(4)));
                }
                "rto_min" => {
                    let v = metric_millis(words, &word, &mut r.locks, MetricLocks::RTO_MIN)?;
                    r.metrics.push(MetricAttr::RtoMin(v));
                }
                "congctl" => {
                    let v = metric_value(words, &word, &mut r.locks, MetricLocks::CC_ALGO)?;
                    r.metrics.push(MetricAttr::CcAlgo(v.into()));
                }
                "features" => {
                    let value = words.value(&word)?;
                    if value != "ecn" {
                        return Err(invalid(words, &word, &value, "ecn"));
                    }
                    r.metrics.push(MetricAttr::Features(MetricFeatures::ECN));
                }
                "onlink" => r.onlink = true,
                "pref" => {
                    let value = words.value(&word)?;
                    r.pref = Some(match value.as_str() {
                        "low" => RoutePreference::Low,
                        "medium" => RoutePreference::Medium,
                        "high" => RoutePreference::High,
                        _ => return Err(invalid(words, &word, &value, "low, medium or high")),
                    });
                }
                "expires" => r.expires = Some(number(words, &word)?),
                "nexthop" => {
                    let dst_v4 = r.dst.map(|d| d.addr().is_ipv4());
                    let (next, gateway_v4) = super::hops::hop(ctx, words, dst_v4, family)?;
                    hop_v6 = hop_v6.or(gateway_v4.map(|v4| !v4));
                    r.hops.push(next);
                }
                "nhid" => r.nhid = Some(number(words, &word)?),
                "encap" => r.encap = Some(super::hops::encap(words, family)?),
                "type" => r.kind = Some(route_type(words, &word)?),
                "to" => {
                    let mut value = words.value(&word)?;
                    if let Some(kind) = names::route_type_number(&value) {
                        r.kind = Some(kind);
                        value = words.value(&word)?;
                    }
                    set_dst(words, &mut r, &mut pending_default, &value, family)?;
                }
                other => {
                    if r.kind.is_none() && r.dst.is_none() && pending_default.is_none() {
                        if let Some(kind) = names::route_type_number(other) {
                            r.kind = Some(kind);
                            continue;
                        }
                    }
                    if r.dst.is_some() || pending_default.is_some() {
                        return Err(words.unknown(other));
                    }
                    if other.parse::<IpAddr>().is_err()
                        && !other.contains('/')
                        && !matches!(other, "default" | "all" | "any")
                    {
                        return Err(words.unknown(other));
                    }
                    set_dst(words, &mut r, &mut pending_default, other, family)?;
                }
            }
        }
        if let Some(value) = pending_default {
            let v6 = r.gateway.or(r.prefsrc).map(|ip| ip.is_ipv6()).or(hop_v6);
            let family = match (family, v6) {
                (Family::Any, Some(true)) => Family::V6,
                (f, _) => f,
            };
            r.dst = Some(prefix(words, "to", &value, family)?);
        }
        if r.dst.is_none() {
            return Err(words.missing("the destination (PREFIX or default)"));
        }
        Ok(r)
    }

    /// The add, replace or append request.
    pub(super) fn add(self, mode: Mode) -> Result<RouteAdd, CliError> {
        let Some(dst) = self.dst else {
            return Err(CliError::usage("route: no destination"));
        };
        let mut add = RouteAdd::prefix(dst);
        add = match mode {
            Mode::Replace => add.replace(),
            Mode::Append => add.append(),
            Mode::Add | Mode::Del => add,
        };
        if let Some(kind) = self.kind {
            add = add.kind(kind);
        }
        if let Some(gateway) = self.gateway {
            add = add.gateway(gateway);
        }
        if let Some(via) = self.via {
            add = add.via(via);
        }
        if let Some(dev) = self.dev {
            add = add.dev(dev);
        }
        if let Some(table) = self.table {
            add = add.table(table);
        }
        if let Some(protocol) = self.protocol {
            add = add.protocol(protocol);
        }
        if let Some(scope) = self.scope {
            add = add.scope(scope);
        }
        if let Some(metric) = self.metric {
            add = add.priority(metric);
        }
        if let Some(src) = self.prefsrc {
            add = add.prefsrc(src);
        }
        if let Some(source) = self.source {
            add = add.source(source.addr(), source.prefix_len());
        }
        if let Some(tos) = self.tos {
            add = add.tos(tos);
        }
        if self.locks != MetricLocks::default() {
            add = add.metric(MetricAttr::Lock(self.locks));
        }
        for metric in self.metrics {
            add = add.metric(metric);
        }
        if self.onlink {
            add = add.onlink();
        }
        for hop in self.hops {
            add = add.next_hop(hop);
        }
        if let Some(id) = self.nhid {
            add = add.nh_id(id);
        }
        if let Some(encap) = self.encap {
            add = add.encap(encap);
        }
        if let Some(pref) = self.pref {
            add = add.pref(pref);
        }
        if let Some(expires) = self.expires {
            add = add.expires(expires);
        }
        Ok(add)
    }

    /// The delete request.
    pub(super) fn del(self) -> Result<RouteDel, CliError> {
        let Some(dst) = self.dst else {
            return Err(CliError::usage("route: no destination"));
        };
        let mut del = RouteDel::prefix(dst);
        if let Some(kind) = self.kind {
            del = del.kind(kind);
        }
        if let Some(gateway) = self.gateway {
            del = del.gateway(gateway);
        }
        if let Some(via) = self.via {
            del = del.via(via);
        }
        if let Some(dev) = self.dev {
            del = del.dev(dev);
        }
        if let Some(table) = self.table {
            del = del.table(table);
        }
        if let Some(protocol) = self.protocol {
            del = del.protocol(protocol);
        }
        if let Some(scope) = self.scope {
            del = del.scope(scope);
        }
        if let Some(metric) = self.metric {
            del = del.priority(metric);
        }
        if let Some(source) = self.source {
            del = del.source(source.addr(), source.prefix_len());
        }
        if let Some(tos) = self.tos {
            del = del.tos(tos);
        }
        Ok(del)
    }
}

fn set_dst(
    words: &Words,
    r: &mut RouteArgs,
    pending_default: &mut Option<String>,
    value: &str,
    family: Family,
) -> Result<(), CliError> {
    if matches!(value, "default" | "all" | "any") && family == Family::Any {
        *pending_default = Some(value.to_owned());
    } else {
        r.dst = Some(prefix(words, "to", value, family)?);
    }
    Ok(())
}
