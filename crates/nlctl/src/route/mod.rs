//! `nlctl route`: routes, with `ip route`'s words and its JSON.

mod args;
mod hops;
mod json;
mod text;

use std::net::IpAddr;

use clap::Subcommand;
use netlink_packet_core::{NetlinkFlags, NetlinkPayload};
use netlink_packet_route::family::{AF_INET, AF_INET6};
use netlink_packet_route::route::{RouteFlags, RouteMessage, RouteProtocol, RouteType};
use netlink_packet_route::RouteNetlinkMessage;
use netlink_packet_route::Scope;
use netlink_proto::RequestOptions;
use rtnetlink::route::{Prefix, RouteDel, RouteDump, RouteGet};
use rtnetlink::Request;

use crate::cli::Words as Args;
use crate::context::Family;
use crate::error::kernel;
use crate::json_writer::JsonObject;
use crate::{CliError, Context, Words};

use args::{Mode, RouteArgs};

pub(crate) use json::to_json;
pub(crate) use text::to_text;

/// The verbs of `nlctl route`.
#[derive(Debug, Clone, Subcommand)]
pub enum Verb {
    /// List routes (the default verb): [table ID|all|main|local|cache] [cache] [proto P] [type T] [dev NAME] [scope S] [[root|match|exact] PREFIX]. Table main unless told; IPv4 unless -6, or both families with table all. A bare PREFIX selects exactly that destination; root PREFIX the routes inside it, match PREFIX the routes containing it.
    #[command(visible_aliases = ["list", "ls", "lst", "sh"])]
    Show(Args),
    /// Add a route: [TYPE] PREFIX|default [via [inet|inet6] ADDR] [dev NAME] [table ID] [proto P] [scope S] [metric N] [src ADDR] [from PREFIX] [tos T] [onlink] [mtu [lock] N] [advmss N] [window N] [rtt TIME] [rttvar TIME] [rto_min TIME] [hoplimit N] [initcwnd N] [initrwnd N] [ssthresh N] [cwnd N] [reordering N] [quickack 0|1] [congctl [lock] NAME] [features ecn] [fastopen_no_cookie 0|1] [pref low|medium|high] [expires SECS] [nexthop via ADDR dev NAME weight N [onlink]]... [nhid ID] [encap ip|ip6 id ID dst ADDR [src ADDR] [ttl N] [tos N] | encap seg6 mode encap|inline|l2encap segs ADDR,...]. TYPE is unicast, local, broadcast, multicast, anycast, blackhole, unreachable, prohibit, throw or nat.
    Add(Args),
    /// Add a route or replace the one to the same destination (same words as add).
    #[command(visible_aliases = ["change"])]
    Replace(Args),
    /// Add a route beside those to the same destination (same words as add; IPv6 merges it into a multipath route).
    Append(Args),
    /// Delete a route: the first in the table (main unless told) that matches the words given (same words as add; those not given match anything).
    #[command(visible_aliases = ["delete", "d"])]
    Del(Args),
    /// Show the route a packet would take: [to] ADDR [from ADDR] [iif NAME] [oif NAME] [mark N] [uid N] [table ID] [ipproto P] [sport N] [dport N] [fibmatch]. With fibmatch, the table entry that matched, with its prefix and every next hop.
    #[command(visible_aliases = ["g"])]
    Get(Args),
    /// Delete every route the words select (as for show): [table ID|all] [proto P] [type T] [dev NAME] [scope S] [[root|match|exact] PREFIX].
    #[command(visible_aliases = ["f"])]
    Flush(Args),
}

crate::cli::verb_words!(Show, Add, Replace, Append, Del, Get, Flush);

/// Runs `nlctl route VERB WORDS` (`show` when no verb is given).
pub fn run(ctx: &mut Context, verb: Option<Verb>) -> Result<(), CliError> {
    match verb {
        None => show(ctx, Words::new("route show", Vec::new()), false),
        Some(Verb::Show(a)) => show(ctx, Words::new("route show", a.words), false),
        Some(Verb::Flush(a)) => show(ctx, Words::new("route flush", a.words), true),
        Some(Verb::Add(a)) => change(ctx, Words::new("route add", a.words), Mode::Add),
        Some(Verb::Replace(a)) => change(ctx, Words::new("route replace", a.words), Mode::Replace),
        Some(Verb::Append(a)) => change(ctx, Words::new("route append", a.words), Mode::Append),
        Some(Verb::Del(a)) => change(ctx, Words::new("route del", a.words), Mode::Del),
        Some(Verb::Get(a)) => get(ctx, Words::new("route get", a.words)),
    }
}

fn change(ctx: &mut Context, mut words: Words, mode: Mode) -> Result<(), CliError> {
    let parsed = RouteArgs::parse(ctx, &mut words)?;
    let line = words.line();
    if mode == Mode::Del {
        ctx.change(&line, parsed.del()?)
    } else {
        ctx.change(&line, parsed.add(mode)?)
    }
}

/// How a prefix selects routes in `show` and `flush`.
#[derive(Debug, Clone, Copy)]
enum Select {
    /// The destination is exactly the prefix.
    Exact(Prefix),
    /// The destination lies inside the prefix.
    Root(Prefix),
    /// The destination contains the prefix.
    Match(Prefix),
}

/// What `show` and `flush` keep.
#[derive(Debug, Default)]
struct Filter {
    /// `None`: every table.
    table: Option<u32>,
    protocol: Option<RouteProtocol>,
    kind: Option<RouteType>,
    dev: Option<u32>,
    scope: Option<Scope>,
    select: Option<Select>,
    /// `table cache` / `cache`: the cached (cloned) routes instead.
    cache: bool,
}

fn covers(outer: &Prefix, family: u8, ip: Option<IpAddr>, len: u8) -> bool {
    let ip = ip.unwrap_or(if family == AF_INET6 {
        IpAddr::from([0u8; 16])
    } else {
        IpAddr::from([0u8; 4])
    });
    outer.family() == family && len >= outer.prefix_len() && outer.contains(ip)
}

impl Filter {
    fn parse(ctx: &mut Context, words: &mut Words) -> Result<Self, CliError> {
        let mut filter = Filter {
            table: Some(crate::names::TABLE_MAIN),
            ..Default::default()
        };
        let family = ctx.options.family;
        while let Some(word) = words.next().map(str::to_owned) {
            match word.as_str() {
                "table" | "vrf" => {
                    let value = words.value(&word)?;
                    filter.table = match value.as_str() {
                        "all" => None,
                        "cache" => {
                            filter.cache = true;
                            None
                        }
                        _ => Some(
                            crate::names::table_id(&value)
                                .filter(|t| *t != 0)
                                .ok_or_else(|| {
                                    args::invalid(words, &word, &value, "a table, or all")
                                })?,
                        ),
                    };
                }
                "proto" | "protocol" => filter.protocol = Some(args::protocol(words, &word)?),
                "cache" | "cloned" | "cached" => {
                    filter.cache = true;
                    filter.table = None;
                }
                "type" => filter.kind = Some(args::route_type(words, &word)?),
                "dev" | "oif" => {
                    let name = words.value(&word)?;
                    filter.dev = Some(ctx.link_index(&name)?);
                }
                "scope" => filter.scope = Some(args::scope(words, &word)?),
                "root" | "match" | "exact" | "to" => {
                    let mut how = word.clone();
                    let mut value = words.value(&word)?;
                    if how == "to" && matches!(value.as_str(), "root" | "match" | "exact") {
                        how = value;
                        value = words.value(&how)?;
                    }
                    let prefix = args::prefix(words, &how, &value, family)?;
                    filter.select = Some(match how.as_str() {
                        "root" => Select::Root(prefix),
                        "match" => Select::Match(prefix),
                        _ => Select::Exact(prefix),
                    });
                }
                other
                    if other.parse::<IpAddr>().is_ok()
                        || other.contains('/')
                        || other == "default" =>
                {
                    let prefix = args::prefix(words, "to", other, family)?;
                    filter.select = Some(Select::Exact(prefix));
                }
                other => return Err(words.unknown(other)),
            }
        }
        Ok(filter)
    }

    /// The family to dump: `-4`/`-6`, else both for every table, else
    /// IPv4 (as `ip`), or the family of a prefix given.
    fn family(&self, family: Family) -> u8 {
        match family {
            Family::V4 => AF_INET,
            Family::V6 => AF_INET6,
            Family::Any => match self.select {
                Some(Select::Exact(p) | Select::Root(p) | Select::Match(p)) => p.family(),
                None if self.table.is_none() => 0,
                None => AF_INET,
            },
        }
    }

    fn dump(&self, family: Family) -> RouteDump {
        let mut dump = RouteDump::new().family(self.family(family));
        if let Some(table) = self.table {
            dump = dump.table(table);
        }
        if let Some(protocol) = self.protocol {
            dump = dump.protocol(protocol);
        }
        if let Some(kind) = self.kind {
            dump = dump.kind(kind);
        }
        if let Some(dev) = self.dev {
            dump = dump.oif(dev);
        }
        dump
    }

    /// The dump request: with `cache`, `RTM_F_CLONED` asks for the
    /// cached routes (IPv6 exceptions, IPv4 next hop exceptions).
    fn request(&self, family: Family) -> Request<Vec<RouteMessage>> {
        let dump = self.dump(family);
        if !self.cache {
            return dump.build();
        }
        let mut message = dump.message();
        message.header.flags |= RouteFlags::CLONED;
        Request::new(
            RouteNetlinkMessage::GetRoute(message),
            NetlinkFlags::empty(),
            RequestOptions::dump(),
            move |replies| {
                Ok(replies
                    .into_iter()
                    .filter_map(|m| match m {
                        RouteNetlinkMessage::NewRoute(route) if dump.matches(&route) => Some(route),
                        _ => None,
                    })
                    .collect())
            },
        )
    }

    fn keeps(&self, route: &RouteMessage) -> bool {
        if route.header.flags.contains(RouteFlags::CLONED) != self.cache {
            return false;
        }
        if self.scope.is_some_and(|s| route.header.scope != s) {
            return false;
        }
        // As `ip`: a device selects the routes whose own output interface
        // it is, not multipath routes with a hop through it.
        if self.dev.is_some() && route.oif() != self.dev {
            return false;
        }
        let (family, dst, len) = (
            route.header.family,
            route.destination(),
            route.header.dst_len,
        );
        match self.select {
            None => true,
            Some(Select::Exact(p)) => len == p.prefix_len() && covers(&p, family, dst, len),
            Some(Select::Root(p)) => covers(&p, family, dst, len),
            Some(Select::Match(p)) => {
                let Ok(route_prefix) = Prefix::new(
                    dst.unwrap_or(if family == AF_INET6 {
                        IpAddr::from([0u8; 16])
                    } else {
                        IpAddr::from([0u8; 4])
                    }),
                    len,
                ) else {
                    return false;
                };
                covers(&route_prefix, p.family(), Some(p.addr()), p.prefix_len())
            }
        }
    }
}

fn show(ctx: &mut Context, mut words: Words, flush: bool) -> Result<(), CliError> {
    if flush && words.is_done() {
        return Err(words.missing("a selector (table, proto, dev, a prefix)"));
    }
    let filter = Filter::parse(ctx, &mut words)?;
    let line = words.line();
    if !flush {
        ctx.out.listing();
        let mut scratch = String::new();
        return each_route(ctx, &filter, &line, |ctx, route| {
            if ctx.out.is_json() {
                scratch.clear();
                json::write_json(ctx, route, &mut JsonObject::begin(&mut scratch));
                ctx.out.json_text(&scratch);
            } else {
                let text = to_text(ctx, route);
                ctx.out.text(&text);
            }
        });
    }
    let routes: Vec<RouteMessage> = ctx
        .execute(&line, filter.request(ctx.options.family))?
        .into_iter()
        .filter(|r| filter.keeps(r))
        .collect();
    let deletes: Vec<_> = routes.iter().map(RouteDel::route).collect();
    let results = ctx
        .handle
        .execute_batch(deletes)
        .map_err(|e| kernel(&line, e))?;
    for result in results {
        match result {
            // Gone already: removed with another (a multipath sibling, a
            // link's routes).
            Ok(()) | Err(rtnetlink::Error::NotFound { .. }) => {}
            Err(e) => return Err(kernel(&line, e)),
        }
    }
    Ok(())
}

/// Hands `each` every route of the dump that `filter` keeps, as it
/// arrives: nothing is collected, so a table of any size costs one receive
/// buffer and one route at a time. The dump runs on a connection of its
/// own, so that `each` can use `ctx` meanwhile (link names, next hops).
fn each_route(
    ctx: &mut Context,
    filter: &Filter,
    line: &str,
    mut each: impl FnMut(&mut Context, &RouteMessage),
) -> Result<(), CliError> {
    ctx.flush()?;
    let dump = filter.dump(ctx.options.family);
    let (message, options, _) = filter.request(ctx.options.family).into_parts();
    let mut connection = ctx.connect()?;
    let replies = connection
        .connection()
        .request(&message, options)
        .map_err(|e| kernel(line, e.into()))?;
    for reply in replies {
        let reply = match reply {
            Ok(reply) => reply,
            Err(e) => {
                return match rtnetlink::Error::from(e) {
                    // A table nothing was ever put in: empty, as for `ip`.
                    rtnetlink::Error::NotFound { .. } if filter.table.is_some() => Ok(()),
                    e => Err(kernel(line, e)),
                };
            }
        };
        if let NetlinkPayload::Inner(RouteNetlinkMessage::NewRoute(route)) = &reply.payload {
            if dump.matches(route) && filter.keeps(route) {
                each(ctx, route);
            }
        }
    }
    Ok(())
}

/// `get`'s request with `RTM_F_LOOKUP_TABLE` for IPv4, as `ip route get`
/// sends it: the answer names the table the route was found in, not main.
fn lookup_table(get: RouteGet) -> Request<RouteMessage> {
    let mut message = get.message();
    let checked = get.build();
    // IPv6 refuses any flag but RTM_F_FIB_MATCH in a lookup.
    if checked.check().is_err() || message.header.family != AF_INET {
        return checked;
    }
    message.header.flags |= RouteFlags::LOOKUP_TABLE;
    Request::new(
        RouteNetlinkMessage::GetRoute(message),
        NetlinkFlags::empty(),
        RequestOptions::request(),
        |replies| {
            replies
                .into_iter()
                .find_map(|m| match m {
                    RouteNetlinkMessage::NewRoute(route) => Some(route),
                    _ => None,
                })
                .ok_or_else(|| rtnetlink::Error::Decode("no RTM_NEWROUTE in the answer".into()))
        },
    )
}

fn get(ctx: &mut Context, mut words: Words) -> Result<(), CliError> {
    let mut dst: Option<IpAddr> = None;
    let mut src = None;
    let mut iif = None;
    let mut oif = None;
    let mut mark = None;
    let mut uid = None;
    let mut table = None;
    let mut ip_proto = None;
    let mut sport = None;
    let mut dport = None;
    let mut fib_match = false;
    while let Some(word) = words.next().map(str::to_owned) {
        match word.as_str() {
            "from" => src = Some(args::address(&mut words, &word)?),
            "iif" => {
                let name = words.value(&word)?;
                iif = Some(ctx.link_index(&name)?);
            }
            "oif" | "dev" => {
                let name = words.value(&word)?;
                oif = Some(ctx.link_index(&name)?);
            }
            "mark" => mark = Some(args::number(&mut words, &word)?),
            "uid" => uid = Some(args::number(&mut words, &word)?),
            "table" => table = Some(args::table(&mut words, &word)?),
            "ipproto" => {
                let value = words.value(&word)?;
                ip_proto = Some(
                    crate::rule::names::ip_protocol_number(&value)
                        .ok_or_else(|| args::invalid(&words, &word, &value, "an IP protocol"))?,
                );
            }
            "sport" | "dport" => {
                let value = words.value(&word)?;
                let port = value
                    .parse::<u16>()
                    .map_err(|_| args::invalid(&words, &word, &value, "a port"))?;
                if word == "sport" {
                    sport = Some(port);
                } else {
                    dport = Some(port);
                }
            }
            "fibmatch" => fib_match = true,
            "to" => dst = Some(args::address(&mut words, &word)?),
            other if dst.is_none() => {
                let value = other.split_once('/').map_or(other, |(a, _)| a);
                dst = Some(
                    value
                        .parse()
                        .map_err(|_| args::invalid(&words, "to", other, "an IP address"))?,
                );
            }
            other => return Err(words.unknown(other)),
        }
    }
    let dst = dst.ok_or_else(|| words.missing("the destination address"))?;
    let mut request = RouteGet::new(dst);
    if let Some(src) = src {
        request = request.src(src);
    }
    if let Some(index) = iif {
        request = request.iif(index);
    }
    if let Some(index) = oif {
        request = request.oif(index);
    }
    if let Some(mark) = mark {
        request = request.mark(mark);
    }
    if let Some(uid) = uid {
        request = request.uid(uid);
    }
    if let Some(table) = table {
        request = request.table(table);
    }
    if let Some(p) = ip_proto {
        request = request.ip_proto(p);
    }
    if let Some(p) = sport {
        request = request.sport(p);
    }
    if let Some(p) = dport {
        request = request.dport(p);
    }
    if fib_match {
        request = request.fib_match();
    }
    let route = ctx.execute(&words.line(), lookup_table(request))?;
    if ctx.out.is_json() {
        let value = to_json(ctx, &route);
        ctx.out.object(value);
    } else {
        let text = to_text(ctx, &route);
        ctx.out.text(&text);
    }
    Ok(())
}
