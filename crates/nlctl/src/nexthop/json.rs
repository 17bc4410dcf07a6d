//! A nexthop as `ip -j nexthop` prints it, and as `ip nexthop` writes it.

use netlink_packet_route::nexthop::{
    NexthopAttr, NexthopGroupType, NexthopMessage, ResBucketAttr, ResGroupAttr,
};
use netlink_packet_route::route::EncapType;
use netlink_packet_route::Scope;
use serde_json::{Map, Value};

use crate::rule::names;
use crate::Context;

/// `USER_HZ`: resilient group timers are in these ticks; `ip` prints
/// seconds.
const USER_HZ: u64 = 100;

/// What `ip` shows of one nexthop, in its order: `(key, value, text)`.
fn show(ctx: &mut Context, m: &NexthopMessage) -> Vec<(&'static str, Value, String)> {
    let mut items: Vec<(&'static str, Value, String)> = Vec::new();
    let details = ctx.options.details;
    let h = &m.header;
    if let Some(id) = m.id() {
        items.push(("id", id.into(), format!("id {id}")));
    }
    for attr in &m.attrs {
        if let NexthopAttr::Group(group) = attr {
            let mut text = Vec::new();
            let members: Vec<Value> = group
                .0
                .iter()
                .map(|entry| {
                    let weight = u16::from(entry.weight) + 1;
                    let mut member = Map::new();
                    member.insert("id".into(), entry.id.into());
                    if weight != 1 {
                        member.insert("weight".into(), weight.into());
                        text.push(format!("{},{weight}", entry.id));
                    } else {
                        text.push(entry.id.to_string());
                    }
                    Value::Object(member)
                })
                .collect();
            items.push((
                "group",
                Value::Array(members),
                format!("group {}", text.join("/")),
            ));
        }
    }
    let resilient = m
        .attrs
        .iter()
        .any(|a| matches!(a, NexthopAttr::GroupType(NexthopGroupType::Resilient)));
    if resilient {
        items.push(("type", "resilient".into(), "type resilient".to_owned()));
    }
    for attr in &m.attrs {
        if let NexthopAttr::ResGroup(res) = attr {
            let mut args = Map::new();
            let mut text = Vec::new();
            for a in &res.attrs {
                let (key, value) = match a {
                    ResGroupAttr::Buckets(n) => ("buckets", u64::from(*n)),
                    ResGroupAttr::IdleTimer(t) => ("idle_timer", u64::from(*t) / USER_HZ),
                    ResGroupAttr::UnbalancedTimer(t) => {
                        ("unbalanced_timer", u64::from(*t) / USER_HZ)
                    }
                    ResGroupAttr::UnbalancedTime(t) => ("unbalanced_time", *t / USER_HZ),
                    _ => continue,
                };
                args.insert(key.into(), value.into());
                text.push(format!("{key} {value}"));
            }
            items.push(("resilient_args", Value::Object(args), text.join(" ")));
        }
        if let NexthopAttr::ResBucket(bucket) = attr {
            let mut object = Map::new();
            let mut text = vec!["bucket".to_owned()];
            for a in &bucket.attrs {
                match a {
                    ResBucketAttr::Index(i) => {
                        object.insert("index".into(), (*i).into());
                        text.push(format!("index {i}"));
                    }
                    ResBucketAttr::IdleTime(t) => {
                        let secs = *t as f64 / USER_HZ as f64;
                        object.insert("idle_time".into(), secs.into());
                        text.push(format!("idle_time {secs}"));
                    }
                    ResBucketAttr::NhId(id) => {
                        object.insert("nhid".into(), (*id).into());
                        text.push(format!("nhid {id}"));
                    }
                    _ => {}
                }
            }
            items.push(("bucket", Value::Object(object), text.join(" ")));
        }
    }
    // The type only: the per-type keys (`mode`, `segs`, ...) want the
    // route module's RTA_ENCAP printer, which nexthops should share.
    for attr in &m.attrs {
        if let NexthopAttr::EncapType(kind) = attr {
            let kind = EncapType::from(*kind).to_string();
            items.push(("encap", kind.clone().into(), format!("encap {kind}")));
        }
    }
    for attr in &m.attrs {
        if let NexthopAttr::Gateway(ip) = attr {
            items.push(("gateway", ip.to_string().into(), format!("via {ip}")));
        }
    }
    for attr in &m.attrs {
        if let NexthopAttr::Oif(index) = attr {
            let name = ctx
                .link_name(*index)
                .unwrap_or_else(|| format!("if{index}"));
            items.push(("dev", name.clone().into(), format!("dev {name}")));
        }
    }
    if h.scope != Scope::Universe || details {
        let scope = h.scope.to_string();
        items.push(("scope", scope.clone().into(), format!("scope {scope}")));
    }
    if m.attrs
        .iter()
        .any(|a| matches!(a, NexthopAttr::Blackhole(_)))
    {
        items.push(("blackhole", Value::Null, "blackhole".to_owned()));
    }
    if h.protocol != 0 || details {
        let name = names::protocol_name(h.protocol);
        items.push(("protocol", name.clone().into(), format!("proto {name}")));
    }
    let mut flags: Vec<String> = h.flags.names().into_iter().map(str::to_owned).collect();
    let unknown = h.flags.unknown_bits();
    if unknown != 0 {
        flags.push(format!("{unknown:#x}"));
    }
    let text = flags.join(" ");
    items.push((
        "flags",
        Value::Array(flags.into_iter().map(Value::from).collect()),
        text,
    ));
    if m.attrs.iter().any(|a| matches!(a, NexthopAttr::Fdb(_))) {
        items.push(("fdb", Value::Null, "fdb".to_owned()));
    }
    items
}

/// One nexthop as `ip -j nexthop show` prints it.
pub(crate) fn to_json(ctx: &mut Context, m: &NexthopMessage) -> Value {
    let mut object = Map::new();
    for (key, value, _) in show(ctx, m) {
        object.insert(key.to_owned(), value);
    }
    Value::Object(object)
}

/// One nexthop as `ip nexthop show` writes it:
/// `id 1 via 192.0.2.2 dev v0 scope link`.
pub(crate) fn to_text(ctx: &mut Context, m: &NexthopMessage) -> String {
    let words: Vec<String> = show(ctx, m)
        .into_iter()
        .map(|(_, _, text)| text)
        .filter(|t| !t.is_empty())
        .collect();
    words.join(" ")
}
