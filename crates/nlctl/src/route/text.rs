//! Routes as `ip route` prints them.

use std::fmt::Write;

use netlink_packet_route::family::AF_INET6;
use netlink_packet_route::route::{
    EncapValue, MetricAttr, MetricLocks, RouteAttr, RouteFlags, RouteMessage, RouteProtocol,
    RouteType, RouteVia,
};
use netlink_packet_route::Scope;
use serde_json::Value;

use super::json::{dev_name, dst_text, encap_json, flag_names, from_text, hop_flag_names};
use crate::output::Paint;
use crate::{names, Context};

fn via_text(via: &RouteVia) -> String {
    let family = u8::try_from(via.family).unwrap_or(0);
    let host = via
        .to_ip()
        .map_or_else(|| format!("{:?}", via.addr), |ip| ip.to_string());
    format!("via {} {host}", names::family_name(family))
}

/// ` encap ...` in `ip`'s words.
fn encap_text(encap: &EncapValue) -> String {
    let mut o = serde_json::Map::new();
    encap_json(&mut o, encap);
    let mut s = String::new();
    for (key, value) in &o {
        let key = if key == "encap_dst" { "dst" } else { key };
        match value {
            Value::String(v) => {
                let _ = write!(s, " {key} {v}");
            }
            Value::Array(list) => {
                let items: Vec<String> = list
                    .iter()
                    .map(|v| v.as_str().unwrap_or_default().to_owned())
                    .collect();
                let _ = write!(s, " {key} {} [ {} ]", items.len(), items.join(" "));
            }
            other => {
                let _ = write!(s, " {key} {other}");
            }
        }
    }
    s
}

fn metrics_text(metrics: &[MetricAttr]) -> String {
    let locks = metrics
        .iter()
        .find_map(|m| match m {
            MetricAttr::Lock(l) => Some(*l),
            _ => None,
        })
        .unwrap_or_default();
    let lock = |l: MetricLocks| if locks.contains(l) { "lock " } else { "" };
    let mut s = String::new();
    for m in metrics {
        let _ = match m {
            MetricAttr::Mtu(v) => write!(s, " mtu {}{v}", lock(MetricLocks::MTU)),
            MetricAttr::Window(v) => write!(s, " window {}{v}", lock(MetricLocks::WINDOW)),
            MetricAttr::Rtt(v) => write!(s, " rtt {}{}ms", lock(MetricLocks::RTT), v / 8),
            MetricAttr::RttVar(v) => {
                write!(s, " rttvar {}{}ms", lock(MetricLocks::RTTVAR), v / 4)
            }
            MetricAttr::SsThresh(v) => write!(s, " ssthresh {}{v}", lock(MetricLocks::SSTHRESH)),
            MetricAttr::Cwnd(v) => write!(s, " cwnd {}{v}", lock(MetricLocks::CWND)),
            MetricAttr::AdvMss(v) => write!(s, " advmss {}{v}", lock(MetricLocks::ADVMSS)),
            MetricAttr::Reordering(v) => {
                write!(s, " reordering {}{v}", lock(MetricLocks::REORDERING))
            }
            MetricAttr::HopLimit(v) => write!(s, " hoplimit {}{v}", lock(MetricLocks::HOPLIMIT)),
            MetricAttr::InitCwnd(v) => write!(s, " initcwnd {}{v}", lock(MetricLocks::INITCWND)),
            MetricAttr::Features(f) => write!(s, " features {}", f.names().join(",")),
            MetricAttr::RtoMin(v) => write!(s, " rto_min {}{v}ms", lock(MetricLocks::RTO_MIN)),
            MetricAttr::InitRwnd(v) => write!(s, " initrwnd {}{v}", lock(MetricLocks::INITRWND)),
            MetricAttr::QuickAck(v) => write!(s, " quickack {v}"),
            MetricAttr::CcAlgo(v) => write!(s, " congctl {}{v}", lock(MetricLocks::CC_ALGO)),
            MetricAttr::FastOpenNoCookie(v) => write!(s, " fastopen_no_cookie {v}"),
            _ => Ok(()),
        };
    }
    s
}

/// One route as `ip route show` prints it, its next hops on lines of
/// their own; ends with a newline.
pub(crate) fn to_text(ctx: &mut Context, m: &RouteMessage) -> String {
    let details = ctx.options.details;
    let header = &m.header;
    let mut s = String::new();
    if header.kind != RouteType::Unicast || details {
        let _ = write!(s, "{} ", names::route_type_name(header.kind));
    }
    let paint = if header.family == AF_INET6 {
        Paint::Inet6
    } else {
        Paint::Inet
    };
    s.push_str(&ctx.out.paint(paint, &dst_text(m)));
    if let Some(from) = from_text(m) {
        let _ = write!(s, " from {from}");
    }
    if header.tos != 0 {
        let _ = write!(s, " tos {}", crate::rule::names::dsfield_name(header.tos));
    }
    if let Some(id) = m.nh_id() {
        let _ = write!(s, " nhid {id}");
    }
    if let Some(encap) = m.encap().and_then(Result::ok) {
        s.push_str(&encap_text(&encap));
    }
    if let Some(via) = m.via() {
        let _ = write!(s, " {}", via_text(via));
    }
    if let Some(gw) = m.gateway() {
        let _ = write!(s, " via {gw}");
    }
    if let Some(oif) = m.oif() {
        let name = dev_name(ctx, oif);
        let _ = write!(s, " dev {}", ctx.out.paint(Paint::Ifname, &name));
    }
    let table = m.table();
    if table != names::TABLE_MAIN {
        let _ = write!(s, " table {}", names::table_name(table));
    }
    if (header.protocol != RouteProtocol::Boot || details)
        && header.protocol != RouteProtocol::Unspec
    {
        let _ = write!(
            s,
            " proto {}",
            names::protocol_name(u8::from(header.protocol))
        );
    }
    if header.scope != Scope::Universe || details {
        let _ = write!(s, " scope {}", names::scope_name(header.scope));
    }
    if let Some(src) = m.prefsrc() {
        let _ = write!(s, " src {src}");
    }
    if let Some(metric) = m.priority() {
        let _ = write!(s, " metric {metric}");
    }
    for flag in flag_names(header.flags) {
        let _ = write!(s, " {flag}");
    }
    for attr in &m.attrs {
        match attr {
            RouteAttr::Mark(mark) => {
                let _ = write!(s, " mark {mark}");
            }
            RouteAttr::Uid(uid) => {
                let _ = write!(s, " uid {uid}");
            }
            RouteAttr::Iif(index) => {
                let name = dev_name(ctx, *index);
                let _ = write!(s, " iif {name}");
            }
            RouteAttr::Flow(realms) => {
                let (from, to) = (realms >> 16, realms & 0xffff);
                if from != 0 {
                    let _ = write!(
                        s,
                        " realms {}/{}",
                        crate::rule::names::realm_name(from),
                        crate::rule::names::realm_name(to)
                    );
                } else {
                    let _ = write!(s, " realm {}", crate::rule::names::realm_name(to));
                }
            }
            RouteAttr::CacheInfo(info)
                if info.expires != 0
                    && (header.family == AF_INET6 || header.flags.contains(RouteFlags::CLONED)) =>
            {
                let _ = write!(s, " expires {}sec", info.expires / 100);
            }
            _ => {}
        }
    }
    if let Some(metrics) = m.metrics() {
        s.push_str(&metrics_text(metrics));
    }
    if let Some(pref) = m.pref() {
        let _ = write!(s, " pref {pref}");
    }
    s.push('\n');
    if details {
        if let Some(id) = m.nh_id() {
            if let Ok(nh) = ctx.execute("nexthop get", rtnetlink::nexthop::NexthopGet::id(id)) {
                let text = crate::nexthop::to_text(ctx, &nh);
                let _ = writeln!(s, "\tnh_info {}", text.trim_end());
            }
        }
    }
    if let Some(hops) = m.multipath() {
        for hop in hops {
            s.push_str("\tnexthop");
            if let Some(encap) = hop.encap().and_then(Result::ok) {
                s.push_str(&encap_text(&encap));
            }
            if let Some(gw) = hop.gateway().and_then(|g| g.ip()) {
                let _ = write!(s, " via {gw}");
            }
            if let Some(via) = hop.via() {
                let _ = write!(s, " {}", via_text(via));
            }
            if let Ok(index) = u32::try_from(hop.ifindex) {
                if index != 0 {
                    let name = dev_name(ctx, index);
                    let _ = write!(s, " dev {}", ctx.out.paint(Paint::Ifname, &name));
                }
            }
            let _ = write!(s, " weight {}", hop.weight());
            for flag in hop_flag_names(hop.flags) {
                let _ = write!(s, " {flag}");
            }
            s.push('\n');
        }
    }
    s
}
