//! Routes as `ip -j route` prints them.

use std::net::IpAddr;

use netlink_packet_route::family::{AF_INET, AF_INET6};
use netlink_packet_route::route::{
    EncapValue, Ip6EncapAttr, IpEncapAttr, MetricAttr, MetricFeatures, NextHop, NextHopFlags,
    RouteAttr, RouteCacheInfo, RouteFlags, RouteMessage, RouteProtocol, RouteType, RouteVia,
    Seg6IpTunnelAttr,
};
use netlink_packet_route::Scope;
use serde_json::{json, Map, Value};

use crate::json_writer::JsonObject;
use crate::{names, Context};

/// `USER_HZ`: the unit of `rta_cacheinfo`'s times (clock ticks).
const USER_HZ: i64 = 100;

/// The route flags `ip` prints, in its order (`RTNH_F_*` and the
/// `RTM_F_*` offload flags).
const ROUTE_FLAGS: &[(RouteFlags, &str)] = &[
    (RouteFlags::DEAD, "dead"),
    (RouteFlags::ONLINK, "onlink"),
    (RouteFlags::PERVASIVE, "pervasive"),
    (RouteFlags::NH_OFFLOAD, "offload"),
    (RouteFlags::NH_TRAP, "trap"),
    (RouteFlags::NOTIFY, "notify"),
    (RouteFlags::LINKDOWN, "linkdown"),
    (RouteFlags::UNRESOLVED, "unresolved"),
    (RouteFlags::OFFLOAD, "rt_offload"),
    (RouteFlags::TRAP, "rt_trap"),
    (RouteFlags::OFFLOAD_FAILED, "rt_offload_failed"),
];

/// `RTCF_*` (linux/in_route.h) of a cloned IPv4 route, as `ip route get`
/// lists them under `cache`.
const CACHE_FLAGS: &[(u32, &str)] = &[
    (0x8000_0000, "local"),
    (0x4000_0000, "reject"),
    (0x2000_0000, "mc"),
    (0x1000_0000, "brd"),
    (0x0800_0000, "dst-nat"),
    (0x0080_0000, "src-nat"),
    (0x0040_0000, "masq"),
    (0x0002_0000, "dst-direct"),
    (0x0400_0000, "src-direct"),
    (0x0004_0000, "redirected"),
    (0x0100_0000, "redirect"),
    (0x0020_0000, "fastroute"),
    (0x0001_0000, "notify"),
];

/// The names of the route flags `ip` prints.
pub(super) fn flag_names(flags: RouteFlags) -> Vec<&'static str> {
    ROUTE_FLAGS
        .iter()
        .filter(|(f, _)| flags.contains(*f))
        .map(|(_, n)| *n)
        .collect()
}

/// The names of a next hop's flags.
pub(super) fn hop_flag_names(flags: NextHopFlags) -> Vec<&'static str> {
    flag_names(RouteFlags::from_bits(u32::from(flags.bits())))
}

fn host_len(family: u8) -> u8 {
    if family == AF_INET6 {
        128
    } else {
        32
    }
}

/// `ADDR` for a host prefix, else `ADDR/LEN`.
fn prefix_text(ip: IpAddr, len: u8, family: u8) -> String {
    crate::json_writer::prefix_text(ip, len, host_len(family))
}

/// The destination as `ip` prints it: `default`, `ADDR` or `ADDR/LEN`.
pub(super) fn dst_text(route: &RouteMessage) -> String {
    let family = route.header.family;
    let len = route.header.dst_len;
    match route.destination_address() {
        Some(addr) => match addr.ip() {
            Some(ip) => prefix_text(ip, len, family),
            None => format!("{addr:?}"),
        },
        None if len != 0 => format!("0/{len}"),
        None => "default".into(),
    }
}

/// `RTA_SRC` as `ip` prints it, if any.
pub(super) fn from_text(route: &RouteMessage) -> Option<String> {
    let ip = route.source()?;
    Some(prefix_text(ip, route.header.src_len, route.header.family))
}

/// A device's name, or `ifN` when unknown.
pub(super) fn dev_name(ctx: &mut Context, index: u32) -> String {
    ctx.link_name(index).unwrap_or_else(|| format!("if{index}"))
}

/// The `via` object of `RTA_VIA`.
pub(super) fn via_json(via: &RouteVia) -> Value {
    let family = u8::try_from(via.family).unwrap_or(0);
    let host = via
        .to_ip()
        .map_or_else(|| format!("{:?}", via.addr), |ip| ip.to_string());
    json!({"family": names::family_name(family), "host": host})
}

/// The keys of an encapsulation, as `ip -j` prints them beside the
/// route's (`encap`, then the type's own).
pub(super) fn encap_json(o: &mut Map<String, Value>, encap: &EncapValue) {
    match encap {
        EncapValue::Ip(attrs) => {
            o.insert("encap".into(), json!("ip"));
            let (mut id, mut src, mut dst, mut ttl, mut tos) = (0, None, None, 0, 0);
            for a in attrs {
                match a {
                    IpEncapAttr::Id(v) => id = v.0,
                    IpEncapAttr::Src(v) => src = Some(*v),
                    IpEncapAttr::Dst(v) => dst = Some(*v),
                    IpEncapAttr::Ttl(v) => ttl = *v,
                    IpEncapAttr::Tos(v) => tos = *v,
                    _ => {}
                }
            }
            o.insert("id".into(), json!(id));
            o.insert(
                "src".into(),
                json!(src.unwrap_or(std::net::Ipv4Addr::UNSPECIFIED).to_string()),
            );
            // `ip -j` prints this as a second `dst` key, which JSON
            // readers take over the route's; here it has its own name.
            o.insert(
                "encap_dst".into(),
                json!(dst.unwrap_or(std::net::Ipv4Addr::UNSPECIFIED).to_string()),
            );
            o.insert("ttl".into(), json!(ttl));
            o.insert("tos".into(), json!(tos));
        }
        EncapValue::Ip6(attrs) => {
            o.insert("encap".into(), json!("ip6"));
            let (mut id, mut src, mut dst, mut hl, mut tc) = (0, None, None, 0, 0);
            for a in attrs {
                match a {
                    Ip6EncapAttr::Id(v) => id = v.0,
                    Ip6EncapAttr::Src(v) => src = Some(*v),
                    Ip6EncapAttr::Dst(v) => dst = Some(*v),
                    Ip6EncapAttr::HopLimit(v) => hl = *v,
                    Ip6EncapAttr::Tc(v) => tc = *v,
                    _ => {}
                }
            }
            o.insert("id".into(), json!(id));
            o.insert(
                "src".into(),
                json!(src.unwrap_or(std::net::Ipv6Addr::UNSPECIFIED).to_string()),
            );
            o.insert(
                "encap_dst".into(),
                json!(dst.unwrap_or(std::net::Ipv6Addr::UNSPECIFIED).to_string()),
            );
            o.insert("hoplimit".into(), json!(hl));
            o.insert("tc".into(), json!(tc));
        }
        EncapValue::Seg6(attrs) => {
            o.insert("encap".into(), json!("seg6"));
            for a in attrs {
                if let Seg6IpTunnelAttr::Srh(srh) = a {
                    o.insert("mode".into(), json!(srh.mode.to_string()));
                    let mut segs: Vec<String> = srh.segments().map(|s| s.to_string()).collect();
                    segs.reverse();
                    o.insert("segs".into(), json!(segs));
                }
            }
        }
        other => {
            if let Some(kind) = other.encap_type() {
                o.insert("encap".into(), json!(kind.to_string()));
            }
        }
    }
}

/// One entry of `nexthops`.
fn hop_json(ctx: &mut Context, hop: &NextHop) -> Value {
    let mut o = Map::new();
    if let Some(encap) = hop.encap().and_then(Result::ok) {
        encap_json(&mut o, &encap);
    }
    if let Some(gw) = hop.gateway().and_then(|g| g.ip()) {
        o.insert("gateway".into(), json!(gw.to_string()));
    }
    if let Some(via) = hop.via() {
        o.insert("via".into(), via_json(via));
    }
    if let Ok(index) = u32::try_from(hop.ifindex) {
        if index != 0 {
            o.insert("dev".into(), json!(dev_name(ctx, index)));
        }
    }
    o.insert("weight".into(), json!(hop.weight()));
    o.insert("flags".into(), json!(hop_flag_names(hop.flags)));
    Value::Object(o)
}

/// The `metrics` object: each metric in `ip`'s units.
fn metrics_json(metrics: &[MetricAttr]) -> Value {
    let mut o = Map::new();
    for m in metrics {
        match m {
            MetricAttr::Lock(_) => {}
            MetricAttr::Mtu(v) => {
                o.insert("mtu".into(), json!(v));
            }
            MetricAttr::Window(v) => {
                o.insert("window".into(), json!(v));
            }
            MetricAttr::Rtt(v) => {
                o.insert("rtt".into(), json!(v / 8));
            }
            MetricAttr::RttVar(v) => {
                o.insert("rttvar".into(), json!(v / 4));
            }
            MetricAttr::SsThresh(v) => {
                o.insert("ssthresh".into(), json!(v));
            }
            MetricAttr::Cwnd(v) => {
                o.insert("cwnd".into(), json!(v));
            }
            MetricAttr::AdvMss(v) => {
                o.insert("advmss".into(), json!(v));
            }
            MetricAttr::Reordering(v) => {
                o.insert("reordering".into(), json!(v));
            }
            MetricAttr::HopLimit(v) => {
                o.insert("hoplimit".into(), json!(v));
            }
            MetricAttr::InitCwnd(v) => {
                o.insert("initcwnd".into(), json!(v));
            }
            MetricAttr::Features(f) => {
                if f.contains(MetricFeatures::ECN) {
                    o.insert("ecn".into(), Value::Null);
                }
                let rest = f.bits() & !MetricFeatures::ECN.bits();
                if rest != 0 {
                    o.insert("features".into(), json!(format!("0x{rest:x}")));
                }
            }
            MetricAttr::RtoMin(v) => {
                o.insert("rto_min".into(), json!(v));
            }
            MetricAttr::InitRwnd(v) => {
                o.insert("initrwnd".into(), json!(v));
            }
            MetricAttr::QuickAck(v) => {
                o.insert("quickack".into(), json!(v));
            }
            MetricAttr::CcAlgo(name) => {
                o.insert("congestion".into(), json!(name.as_str()));
            }
            MetricAttr::FastOpenNoCookie(v) => {
                o.insert("fastopen_no_cookie".into(), json!(v));
            }
            _ => {}
        }
    }
    Value::Object(o)
}

/// `RTA_CACHEINFO`'s keys: `expires`, `error`, and with `-s` `users`,
/// `used`, `age` (seconds since last use).
fn cacheinfo_json(o: &mut Map<String, Value>, info: &RouteCacheInfo, stats: bool) {
    if info.expires != 0 {
        o.insert("expires".into(), json!(i64::from(info.expires) / USER_HZ));
    }
    if info.error != 0 {
        o.insert("error".into(), json!(info.error));
    }
    if stats {
        // `ip` leaves out zeros; they are kept here, so that a counter
        // that ticks between two runs does not make a key come and go.
        o.insert("users".into(), json!(info.clntref));
        o.insert("used".into(), json!(info.used));
        o.insert("age".into(), json!(i64::from(info.lastuse) / USER_HZ));
    }
}

/// One route as `ip -j route show` (or `route get`) prints it, with `-d`
/// and `-s` as set in `ctx.options`.
pub(crate) fn to_json(ctx: &mut Context, m: &RouteMessage) -> Value {
    let mut text = String::new();
    write_json(ctx, m, &mut JsonObject::begin(&mut text));
    // What `write_json` writes is JSON by construction.
    serde_json::from_str(&text).unwrap_or(Value::Null)
}

/// [`to_json`] written straight into `o`: what listings use.
pub(crate) fn write_json(ctx: &mut Context, m: &RouteMessage, o: &mut JsonObject<'_>) {
    let details = ctx.options.details;
    let stats = ctx.options.stats > 0;
    let header = &m.header;
    if header.kind != RouteType::Unicast || details {
        o.str("type", &names::route_type_name(header.kind));
    }
    match m.destination_address().and_then(|a| a.ip()) {
        Some(ip) if header.dst_len <= host_len(header.family) => {
            o.prefix("dst", ip, header.dst_len);
        }
        _ => o.str("dst", &dst_text(m)),
    }
    if let Some(from) = from_text(m) {
        o.str("from", &from);
    }
    if header.tos != 0 {
        o.str("tos", &crate::rule::names::dsfield_name(header.tos));
    }
    if let Some(id) = m.nh_id() {
        o.num("nhid", id);
    }
    if let Some(encap) = m.encap().and_then(Result::ok) {
        let mut keys = Map::new();
        encap_json(&mut keys, &encap);
        o.extend(&keys);
    }
    if let Some(via) = m.via() {
        o.value("via", &via_json(via));
    }
    if let Some(gw) = m.gateway() {
        o.ip("gateway", gw);
    }
    if let Some(oif) = m.oif() {
        o.str("dev", &dev_name(ctx, oif));
    }
    let table = m.table();
    if table != names::TABLE_MAIN || details {
        o.str("table", &names::table_name(table));
    }
    if (header.protocol != RouteProtocol::Boot || details)
        && header.protocol != RouteProtocol::Unspec
    {
        o.str("protocol", &names::protocol_name(u8::from(header.protocol)));
    }
    if header.scope != Scope::Universe || details {
        o.str("scope", &names::scope_name(header.scope));
    }
    if let Some(src) = m.prefsrc() {
        o.ip("prefsrc", src);
    }
    if let Some(metric) = m.priority() {
        o.num("metric", metric);
    }
    o.strs("flags", flag_names(header.flags));
    let mut cacheinfo = None;
    for attr in &m.attrs {
        match attr {
            RouteAttr::Mark(mark) => o.num("mark", *mark),
            RouteAttr::Uid(uid) => o.num("uid", *uid),
            RouteAttr::Iif(index) => {
                let name = dev_name(ctx, *index);
                o.str("iif", &name);
            }
            RouteAttr::Flow(realms) => {
                let mut flow = Map::new();
                let (from, to) = (realms >> 16, realms & 0xffff);
                if from != 0 {
                    flow.insert("from".into(), json!(crate::rule::names::realm_name(from)));
                }
                flow.insert("to".into(), json!(crate::rule::names::realm_name(to)));
                o.value("flow", &Value::Object(flow));
            }
            RouteAttr::CacheInfo(info) => cacheinfo = Some(info.clone()),
            _ => {}
        }
    }
    let cloned = header.flags.contains(RouteFlags::CLONED);
    if cloned && header.family == AF_INET {
        let bits = header.flags.bits();
        o.strs(
            "cache",
            CACHE_FLAGS
                .iter()
                .filter(|(b, _)| bits & b != 0)
                .map(|(_, n)| *n),
        );
    }
    if let Some(info) = cacheinfo.filter(|_| cloned || header.family == AF_INET6) {
        let mut keys = Map::new();
        cacheinfo_json(&mut keys, &info, stats);
        o.extend(&keys);
    }
    if let Some(pref) = m.pref() {
        o.str("pref", &pref.to_string());
    }
    if details {
        if let Some(id) = m.nh_id() {
            if let Ok(nh) = ctx.execute("nexthop get", rtnetlink::nexthop::NexthopGet::id(id)) {
                let info = crate::nexthop::to_json(ctx, &nh);
                o.value("nh_info", &info);
            }
        }
    }
    if let Some(metrics) = m.metrics() {
        if metrics.iter().any(|a| !matches!(a, MetricAttr::Lock(_))) {
            o.value("metrics", &json!([metrics_json(metrics)]));
        }
    }
    if let Some(hops) = m.multipath() {
        let list: Vec<Value> = hops.iter().map(|h| hop_json(ctx, h)).collect();
        o.value("nexthops", &Value::Array(list));
    }
}
