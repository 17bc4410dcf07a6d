//! A rule as `ip -j rule` prints it, and as `ip rule` writes it.

use std::net::IpAddr;

use netlink_packet_route::rule::{RuleAction, RuleAttr, RuleFlags, RuleMessage};
use serde_json::{Map, Value};

use super::names;
use crate::Context;

/// What `ip` shows of one rule, in its order; both forms come from it.
struct Shown {
    /// `(key, value, text)`: the JSON key and value, and the text words
    /// (empty for none).
    items: Vec<(&'static str, Value, String)>,
}

impl Shown {
    fn push(&mut self, key: &'static str, value: Value, text: impl Into<String>) {
        self.items.push((key, value, text.into()));
    }
}

fn host_len(ip: &IpAddr) -> u8 {
    if ip.is_ipv4() {
        32
    } else {
        128
    }
}

fn port_range(shown: &mut Shown, word: &str, keys: [&'static str; 3], start: u16, end: u16) {
    if start == end {
        shown.push(keys[0], start.into(), format!("{word} {start}"));
    } else {
        shown.push(keys[1], start.into(), format!("{word} {start}-{end}"));
        shown.push(keys[2], end.into(), "");
    }
}

fn show(ctx: &mut Context, m: &RuleMessage) -> Shown {
    let mut shown = Shown { items: Vec::new() };
    let attrs = &m.attrs;
    let find = |want: fn(&RuleAttr) -> bool| attrs.iter().find(|a| want(a));
    let header = &m.header;

    shown.push("priority", m.priority().unwrap_or(0).into(), "");
    if header.flags.contains(RuleFlags::INVERT) {
        shown.push("not", Value::Null, "not");
    }
    let src = attrs.iter().find_map(|a| match a {
        RuleAttr::Source(ip) => Some(*ip),
        _ => None,
    });
    match src {
        Some(ip) if header.src_len != host_len(&ip) => {
            shown.push(
                "src",
                ip.to_string().into(),
                format!("from {ip}/{}", header.src_len),
            );
            shown.push("srclen", header.src_len.into(), "");
        }
        Some(ip) => shown.push("src", ip.to_string().into(), format!("from {ip}")),
        None if header.src_len != 0 => {
            shown.push("src", "0".into(), format!("from 0/{}", header.src_len));
            shown.push("srclen", header.src_len.into(), "");
        }
        None => shown.push("src", "all".into(), "from all"),
    }
    let dst = attrs.iter().find_map(|a| match a {
        RuleAttr::Destination(ip) => Some(*ip),
        _ => None,
    });
    match dst {
        Some(ip) if header.dst_len != host_len(&ip) => {
            shown.push(
                "dst",
                ip.to_string().into(),
                format!("to {ip}/{}", header.dst_len),
            );
            shown.push("dstlen", header.dst_len.into(), "");
        }
        Some(ip) => shown.push("dst", ip.to_string().into(), format!("to {ip}")),
        None if header.dst_len != 0 => {
            shown.push("dst", "0".into(), format!("to 0/{}", header.dst_len));
            shown.push("dstlen", header.dst_len.into(), "");
        }
        None => {}
    }
    if header.tos != 0 {
        let tos = names::dsfield_name(header.tos);
        shown.push("tos", tos.clone().into(), format!("tos {tos}"));
    }
    let mark = attrs.iter().find_map(|a| match a {
        RuleAttr::FwMark(v) => Some(*v),
        _ => None,
    });
    let mask = attrs.iter().find_map(|a| match a {
        RuleAttr::FwMask(v) => Some(*v),
        _ => None,
    });
    if mark.is_some() || mask.is_some() {
        let mark = mark.unwrap_or(0);
        match mask {
            Some(mask) if mask != u32::MAX => {
                shown.push(
                    "fwmark",
                    format!("{mark:#x}").into(),
                    format!("fwmark {mark:#x}/{mask:#x}"),
                );
                shown.push("fwmask", format!("{mask:#x}").into(), "");
            }
            _ => shown.push(
                "fwmark",
                format!("{mark:#x}").into(),
                format!("fwmark {mark:#x}"),
            ),
        }
    }
    for (name, detached_flag, key, detached_key, word) in [
        (
            attrs.iter().find_map(|a| match a {
                RuleAttr::Iifname(n) => Some(n.clone()),
                _ => None,
            }),
            RuleFlags::IIF_DETACHED,
            "iif",
            "iif_detached",
            "iif",
        ),
        (
            attrs.iter().find_map(|a| match a {
                RuleAttr::Oifname(n) => Some(n.clone()),
                _ => None,
            }),
            RuleFlags::OIF_DETACHED,
            "oif",
            "oif_detached",
            "oif",
        ),
    ] {
        if let Some(name) = name {
            shown.push(key, name.as_str().into(), format!("{word} {name}"));
            if header.flags.contains(detached_flag) {
                shown.push(detached_key, Value::Null, "[detached]");
            }
        }
    }
    let l3mdev = attrs
        .iter()
        .any(|a| matches!(a, RuleAttr::L3mdev(v) if *v != 0));
    if let Some(RuleAttr::UidRange(r)) = find(|a| matches!(a, RuleAttr::UidRange(_))) {
        shown.push(
            "uid_start",
            r.start.into(),
            format!("uidrange {}-{}", r.start, r.end),
        );
        shown.push("uid_end", r.end.into(), "");
    }
    if let Some(RuleAttr::IpProto(p)) = find(|a| matches!(a, RuleAttr::IpProto(_))) {
        let name = names::ip_protocol_name(*p);
        shown.push("ipproto", name.clone().into(), format!("ipproto {name}"));
    }
    if let Some(RuleAttr::SportRange(r)) = find(|a| matches!(a, RuleAttr::SportRange(_))) {
        port_range(
            &mut shown,
            "sport",
            ["sport", "sport_start", "sport_end"],
            r.start,
            r.end,
        );
    }
    if let Some(RuleAttr::DportRange(r)) = find(|a| matches!(a, RuleAttr::DportRange(_))) {
        port_range(
            &mut shown,
            "dport",
            ["dport", "dport_start", "dport_end"],
            r.start,
            r.end,
        );
    }
    if let Some(RuleAttr::TunId(id)) = find(|a| matches!(a, RuleAttr::TunId(_))) {
        let id = id.0;
        shown.push("tun_id", id.into(), format!("tun_id {id}"));
    }
    let table = m.table();
    if table != 0 {
        let name = names::table_name(table);
        shown.push("table", name.clone().into(), format!("lookup {name}"));
        if let Some(RuleAttr::SuppressPrefixLen(n)) =
            find(|a| matches!(a, RuleAttr::SuppressPrefixLen(_)))
        {
            if *n != u32::MAX {
                shown.push(
                    "suppress_prefixlen",
                    (*n).into(),
                    format!("suppress_prefixlength {n}"),
                );
            }
        }
        if let Some(RuleAttr::SuppressIfGroup(g)) =
            find(|a| matches!(a, RuleAttr::SuppressIfGroup(_)))
        {
            if *g != u32::MAX {
                let name = names::group_name(*g);
                shown.push(
                    "suppress_ifgroup",
                    name.clone().into(),
                    format!("suppress_ifgroup {name}"),
                );
            }
        }
    } else if l3mdev {
        shown.push("l3mdev", Value::Null, "lookup [l3mdev-table]");
    }
    if let Some(RuleAttr::Flow(flow)) = find(|a| matches!(a, RuleAttr::Flow(_))) {
        let (from, to) = (flow >> 16, flow & 0xffff);
        let to_name = names::realm_name(to);
        if from != 0 {
            let from_name = names::realm_name(from);
            shown.push(
                "flow_from",
                from_name.clone().into(),
                format!("realms {from_name}/{to_name}"),
            );
            shown.push("flow_to", to_name.into(), "");
        } else {
            shown.push(
                "flow_to",
                to_name.clone().into(),
                format!("realms {to_name}"),
            );
        }
    }
    match header.action {
        RuleAction::Goto => {
            let target = attrs
                .iter()
                .find_map(|a| match a {
                    RuleAttr::Goto(n) => Some(*n),
                    _ => None,
                })
                .unwrap_or(0);
            shown.push("goto", target.into(), format!("goto {target}"));
            if header.flags.contains(RuleFlags::UNRESOLVED) {
                shown.push("unresolved", Value::Null, "[unresolved]");
            }
        }
        RuleAction::Nop => shown.push("nop", Value::Null, "nop"),
        RuleAction::ToTable | RuleAction::Unspec => {}
        action => {
            let name = action.to_string();
            shown.push("action", name.clone().into(), name);
        }
    }
    if let Some(RuleAttr::Protocol(p)) = find(|a| matches!(a, RuleAttr::Protocol(_))) {
        if (*p != 0 && *p != RTPROT_KERNEL) || ctx.options.details {
            let name = names::protocol_name(*p);
            shown.push("protocol", name.clone().into(), format!("proto {name}"));
        }
    }
    shown
}

/// `RTPROT_KERNEL`: rules of the kernel's making show no protocol
/// unless -d is given, as with `ip rule`.
const RTPROT_KERNEL: u8 = 2;

/// One rule as `ip -j rule show` prints it.
pub(crate) fn to_json(ctx: &mut Context, m: &RuleMessage) -> Value {
    let mut object = Map::new();
    for (key, value, _) in show(ctx, m).items {
        object.insert(key.to_owned(), value);
    }
    Value::Object(object)
}

/// One rule as `ip rule show` writes it: `PRIORITY:\tfrom ... lookup ...`.
pub(crate) fn to_text(ctx: &mut Context, m: &RuleMessage) -> String {
    let shown = show(ctx, m);
    let mut text = String::new();
    for (key, value, words) in shown.items {
        if key == "priority" {
            text.push_str(&format!("{value}:\t"));
        } else if !words.is_empty() {
            if !text.ends_with('\t') {
                text.push(' ');
            }
            text.push_str(&words);
        }
    }
    text
}
