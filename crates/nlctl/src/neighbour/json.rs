//! A neighbour as `ip -j neigh` prints it, and as `ip neigh` writes it.

use netlink_packet_route::neighbour::{
    NeighbourAttr, NeighbourFlags, NeighbourFlagsExt, NeighbourMessage, NeighbourState,
};
use serde_json::{Map, Value};

use crate::rule::names;
use crate::Context;

/// `USER_HZ`: the kernel's cache ages are in these ticks; `ip` prints
/// seconds.
const USER_HZ: u32 = 100;

/// What `ip` shows of one neighbour, in its order: `(key, value, text)`.
fn show(ctx: &mut Context, m: &NeighbourMessage) -> Vec<(&'static str, Value, String)> {
    let mut items: Vec<(&'static str, Value, String)> = Vec::new();
    let h = &m.header;
    if let Some(dst) = m.destination() {
        items.push(("dst", dst.to_string().into(), dst.to_string()));
    }
    if let Ok(index) = u32::try_from(h.index) {
        let name = ctx.link_name(index).unwrap_or_else(|| format!("if{index}"));
        items.push(("dev", name.clone().into(), format!("dev {name}")));
    }
    if let Some(lladdr) = m.lladdr() {
        let mac = lladdr.to_string();
        items.push(("lladdr", mac.clone().into(), format!("lladdr {mac}")));
    }
    for (flag, key) in [
        (NeighbourFlags::ROUTER, "router"),
        (NeighbourFlags::PROXY, "proxy"),
        (NeighbourFlags::EXT_LEARNED, "extern_learn"),
        (NeighbourFlags::OFFLOADED, "offload"),
    ] {
        if h.flags.contains(flag) {
            items.push((key, Value::Null, key.to_owned()));
        }
    }
    let ext = m.attrs.iter().find_map(|a| match a {
        NeighbourAttr::FlagsExt(f) => Some(*f),
        _ => None,
    });
    if ext.is_some_and(|f| f.contains(NeighbourFlagsExt::MANAGED)) {
        items.push(("managed", Value::Null, "managed".to_owned()));
    }
    if ctx.options.stats > 0 {
        if let Some(ci) = m.attrs.iter().find_map(|a| match a {
            NeighbourAttr::CacheInfo(ci) => Some(ci),
            _ => None,
        }) {
            if ci.refcnt != 0 {
                items.push(("refcnt", ci.refcnt.into(), format!("ref {}", ci.refcnt)));
            }
            let (used, confirmed, updated) = (
                ci.used / USER_HZ,
                ci.confirmed / USER_HZ,
                ci.updated / USER_HZ,
            );
            items.push((
                "used",
                used.into(),
                format!("used {used}/{confirmed}/{updated}"),
            ));
            items.push(("confirmed", confirmed.into(), String::new()));
            items.push(("updated", updated.into(), String::new()));
        }
        if let Some(probes) = m.attrs.iter().find_map(|a| match a {
            NeighbourAttr::Probes(p) => Some(*p),
            _ => None,
        }) {
            items.push(("probes", probes.into(), format!("probes {probes}")));
        }
    }
    if h.state != NeighbourState::NONE {
        let mut states: Vec<String> = h.state.names().into_iter().map(str::to_owned).collect();
        let unknown = h.state.unknown_bits();
        if unknown != 0 {
            states.push(format!("{unknown:#x}"));
        }
        let text = states.join(",");
        items.push((
            "state",
            Value::Array(states.into_iter().map(Value::from).collect()),
            text,
        ));
    }
    if let Some(protocol) = m.attrs.iter().find_map(|a| match a {
        NeighbourAttr::Protocol(p) => Some(*p),
        _ => None,
    }) {
        let name = names::protocol_name(protocol);
        items.push(("protocol", name.clone().into(), format!("proto {name}")));
    }
    items
}

/// One neighbour as `ip -j neigh show` prints it.
pub(crate) fn to_json(ctx: &mut Context, m: &NeighbourMessage) -> Value {
    let mut object = Map::new();
    for (key, value, _) in show(ctx, m) {
        object.insert(key.to_owned(), value);
    }
    Value::Object(object)
}

/// One neighbour as `ip neigh show` writes it:
/// `192.0.2.2 dev v0 lladdr 02:00:00:00:00:02 router REACHABLE`.
pub(crate) fn to_text(ctx: &mut Context, m: &NeighbourMessage) -> String {
    let words: Vec<String> = show(ctx, m)
        .into_iter()
        .map(|(_, _, text)| text)
        .filter(|t| !t.is_empty())
        .collect();
    words.join(" ")
}
