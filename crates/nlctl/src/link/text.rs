//! `nlctl link show`: one link as `ip link show` prints it.

use std::fmt::Write;

use netlink_packet_route::link::{IfFlags, LinkAttr, LinkMessage, LinkStats64};
use serde_json::Value;

use super::json::{
    addr_gen_mode, flag_names, group_name, hw_address, link_netnsid, link_type_name, lower_link,
    proto_down_reasons, queue_sizes,
};
use super::{kinds, Known};
use crate::context::Options;
use crate::output::{Output, Paint};

fn find<T>(link: &LinkMessage, f: impl Fn(&LinkAttr) -> Option<T>) -> Option<T> {
    link.attrs.iter().find_map(f)
}

/// One link in `ip link show`'s form, each line ending in a newline.
pub(super) fn link_text(
    link: &LinkMessage,
    known: &Known,
    options: &Options,
    out: &Output,
) -> String {
    let mut s = String::new();
    let header = &link.header;
    let name = link.name().unwrap_or("?");
    let _ = write!(s, "{}: {}", header.index, out.paint(Paint::Ifname, name));
    if let Some(lower) = lower_link(link) {
        if lower == 0 {
            s.push_str("@NONE");
        } else if link_netnsid(link).is_some() {
            let _ = write!(s, "@if{lower}");
        } else {
            match known.name(lower) {
                Some(n) => {
                    let _ = write!(s, "@{n}");
                }
                None => {
                    let _ = write!(s, "@if{lower}");
                }
            }
        }
    }
    let _ = write!(s, ": <{}>", flag_names(link, known).join(","));
    if let Some(mtu) = link.mtu() {
        let _ = write!(s, " mtu {mtu}");
    }
    if let Some(q) = find(link, |a| match a {
        LinkAttr::Qdisc(q) => Some(q.clone()),
        _ => None,
    }) {
        let _ = write!(s, " qdisc {q}");
    }
    if let Some(m) = find(link, |a| match a {
        LinkAttr::Master(m) => Some(*m),
        _ => None,
    }) {
        match known.name(m) {
            Some(n) => {
                let _ = write!(s, " master {n}");
            }
            None => {
                let _ = write!(s, " master {m}");
            }
        }
    }
    if let Some(state) = find(link, |a| match a {
        LinkAttr::OperState(o) => Some(*o),
        _ => None,
    }) {
        let text = state.to_string();
        let paint = match text.as_str() {
            "UP" => Paint::Up,
            "DOWN" => Paint::Down,
            _ => Paint::Ifname,
        };
        let painted = if paint == Paint::Ifname {
            text
        } else {
            out.paint(paint, &text)
        };
        let _ = write!(s, " state {painted}");
    }
    if let Some(mode) = find(link, |a| match a {
        LinkAttr::LinkMode(m) => Some(*m),
        _ => None,
    }) {
        let _ = write!(s, " mode {mode}");
    }
    if let Some(g) = find(link, |a| match a {
        LinkAttr::Group(g) => Some(*g),
        _ => None,
    }) {
        let _ = write!(s, " group {}", group_name(g));
    }
    if let Some(q) = find(link, |a| match a {
        LinkAttr::TxQueueLen(q) => Some(*q),
        _ => None,
    }) {
        let _ = write!(s, " qlen {q}");
    }
    s.push('\n');
    let _ = write!(s, "    link/{}", link_type_name(header.link_type));
    match find(link, |a| match a {
        LinkAttr::Address(a) => Some(a.clone()),
        _ => None,
    }) {
        Some(a) => {
            let _ = write!(
                s,
                " {}",
                out.paint(Paint::Mac, &hw_address(header.link_type, a.as_bytes()))
            );
        }
        None => s.push(' '),
    }
    if let Some(b) = find(link, |a| match a {
        LinkAttr::Broadcast(b) => Some(b.clone()),
        _ => None,
    }) {
        let word = if header.flags.contains(IfFlags::POINTOPOINT) {
            "peer"
        } else {
            "brd"
        };
        let _ = write!(
            s,
            " {word} {}",
            out.paint(Paint::Mac, &hw_address(header.link_type, b.as_bytes()))
        );
    }
    if let Some(id) = link_netnsid(link) {
        let _ = write!(s, " link-netnsid {id}");
    }
    if link
        .attrs
        .iter()
        .any(|a| matches!(a, LinkAttr::ProtoDown(p) if *p != 0))
    {
        s.push_str(" protodown on");
        let reasons = proto_down_reasons(link);
        if !reasons.is_empty() {
            let _ = write!(s, " protodown_reason <{}>", reasons.join(","));
        }
    }
    if options.details {
        details(&mut s, link, known);
    } else {
        s.push('\n');
    }
    if let Some(alias) = find(link, |a| match a {
        LinkAttr::IfAlias(a) => Some(a.clone()),
        _ => None,
    }) {
        let _ = writeln!(s, "    alias {alias}");
    }
    if let Some(LinkAttr::PropList(list)) = link
        .attrs
        .iter()
        .find(|a| matches!(a, LinkAttr::PropList(_)))
    {
        for attr in list.iter() {
            if let LinkAttr::AltIfName(name) = attr {
                let _ = writeln!(s, "    altname {name}");
            }
        }
    }
    if options.stats > 0 {
        if let Some(st) = find(link, |a| match a {
            LinkAttr::Stats64(st) => Some(st.clone()),
            _ => None,
        }) {
            let changes = find(link, |a| match a {
                LinkAttr::CarrierChanges(c) => Some(*c),
                _ => None,
            });
            stats(&mut s, &st, changes, options.stats > 1);
        }
    }
    s
}

/// JSON keys `ip` spells differently in its text form.
const TEXT_WORDS: &[(&str, &str)] = &[
    ("root_id", "designated_root"),
    ("group_addr", "group_address"),
    ("mcast_last_member_cnt", "mcast_last_member_count"),
    ("mcast_startup_query_cnt", "mcast_startup_query_count"),
    ("mcast_last_member_intvl", "mcast_last_member_interval"),
    ("mcast_membership_intvl", "mcast_membership_interval"),
    ("mcast_querier_intvl", "mcast_querier_interval"),
    ("mcast_query_intvl", "mcast_query_interval"),
    (
        "mcast_query_response_intvl",
        "mcast_query_response_interval",
    ),
    ("mcast_startup_query_intvl", "mcast_startup_query_interval"),
    ("id", "port_id"),
    ("no", "port_no"),
    ("multicast_router", "mcast_router"),
];

/// Keys whose values are timers, printed `%4i.%.2i` as `ip` does.
const TIMERS: &[&str] = &[
    "hello_timer",
    "tcn_timer",
    "topology_change_timer",
    "gc_timer",
    "hold_timer",
    "message_age_timer",
    "forward_delay_timer",
];

/// A kind's (or a port's) settings as words: `key value` pairs, in `ip`'s
/// spelling where it differs from the JSON keys.
fn kind_words(s: &mut String, data: &serde_json::Map<String, Value>, port: bool) {
    for (key, value) in data {
        if key == "multi_queue" && value == &Value::Bool(false) {
            continue;
        }
        if port && key == "mab" {
            // Newer than this `ip`'s text form; kept in JSON.
            continue;
        }
        if port && key == "bridge_id" {
            let _ = write!(
                s,
                "designated_bridge {} ",
                value.as_str().unwrap_or_default()
            );
            continue;
        }
        let word = TEXT_WORDS
            .iter()
            .find(|(k, _)| k == key)
            .map_or(key.as_str(), |(_, w)| w);
        let text = match value {
            Value::Bool(true) => "on".to_owned(),
            Value::Bool(false) => "off".to_owned(),
            Value::String(t) => t.clone(),
            Value::Number(n) if TIMERS.contains(&key.as_str()) => {
                format!("{:7.2}", n.as_f64().unwrap_or(0.0))
            }
            Value::Object(range) => range
                .values()
                .map(Value::to_string)
                .collect::<Vec<_>>()
                .join(" "),
            other => other.to_string(),
        };
        let _ = write!(s, "{word} {text} ");
        if port && key == "multicast_router" {
            if let Some(Value::Bool(on)) = data.get("fastleave") {
                let _ = write!(s, "mcast_fast_leave {} ", if *on { "on" } else { "off" });
            }
        }
    }
}

/// A vxlan's settings in `ip`'s words: flags as `[no]word`.
fn vxlan_words(s: &mut String, data: &serde_json::Map<String, Value>) {
    for (key, value) in data {
        let text = match value {
            Value::String(t) => t.clone(),
            other => other.to_string(),
        };
        let on = value.as_bool().unwrap_or(false);
        let flag = |word: &str| format!("{}{word} ", if on { "" } else { "no" });
        let words = match key.as_str() {
            "link" => format!("dev {text} "),
            "group6" | "remote6" | "local6" => format!("{} {text} ", key.trim_end_matches('6')),
            "port_range" => {
                let low = value.get("low").cloned().unwrap_or_default();
                let high = value.get("high").cloned().unwrap_or_default();
                format!("srcport {low} {high} ")
            }
            "port" => format!("dstport {text} "),
            "learning" if on => String::new(),
            "learning" => flag("learning"),
            "udp_csum" => flag("udpcsum"),
            "udp_zero_csum6_tx" => flag("udp6zerocsumtx"),
            "udp_zero_csum6_rx" => flag("udp6zerocsumrx"),
            "proxy" | "rsc" | "l2miss" | "l3miss" | "external" | "gbp" | "gpe" => {
                format!("{key} ")
            }
            "ttl" if text == "0" => "ttl auto ".to_owned(),
            "tos" if text == "0x1" => "tos inherit ".to_owned(),
            "df" => String::new(),
            "label" => format!("flowlabel {text} "),
            "limit" => format!("maxaddr {text} "),
            _ => format!("{key} {text} "),
        };
        s.push_str(&words);
    }
}

/// Reads one number attribute.
type Getter = fn(&LinkAttr) -> Option<u32>;

/// The `-d` part: counters of the link, then its kind and settings.
fn details(s: &mut String, link: &LinkMessage, known: &Known) {
    let counters: [(&str, Getter); 4] = [
        ("promiscuity", |a| match a {
            LinkAttr::Promiscuity(v) => Some(*v),
            _ => None,
        }),
        (" allmulti", |a| match a {
            LinkAttr::Allmulti(v) => Some(*v),
            _ => None,
        }),
        ("minmtu", |a| match a {
            LinkAttr::MinMtu(v) => Some(*v),
            _ => None,
        }),
        ("maxmtu", |a| match a {
            LinkAttr::MaxMtu(v) => Some(*v),
            _ => None,
        }),
    ];
    for (word, get) in counters {
        if let Some(v) = link.attrs.iter().find_map(get) {
            let _ = write!(s, " {word} {v}");
        }
    }
    s.push(' ');
    if let Some(info) = link.link_info() {
        s.push_str("\n    ");
        if let Value::Object(o) = kinds::linkinfo_json(info, known) {
            for (key, value) in &o {
                match (key.as_str(), value) {
                    ("info_kind", Value::String(kind)) => {
                        let _ = write!(s, "{kind} ");
                    }
                    ("info_slave_kind", Value::String(kind)) => {
                        let _ = write!(s, "\n    {kind}_slave ");
                    }
                    ("info_data", Value::Object(data))
                        if o.get("info_kind") == Some(&Value::from("vxlan")) =>
                    {
                        vxlan_words(s, data)
                    }
                    (key, Value::Object(data)) => kind_words(s, data, key == "info_slave_data"),
                    _ => {}
                }
            }
        }
    }
    if let Some(mode) = addr_gen_mode(link) {
        let _ = write!(s, "addrgenmode {mode} ");
    }
    for (_, word, value) in queue_sizes(link) {
        if !word.contains("ipv4") {
            let _ = write!(s, "{word} {value} ");
        }
    }
    s.push('\n');
}

/// A title line and a line of values, `widths` wide each (the first
/// width includes the title, as `ip -s` aligns them).
fn row(s: &mut String, header: &str, widths: &[usize], values: &[u64]) {
    let _ = writeln!(s, "    {header}");
    s.push_str("    ");
    for (v, width) in values.iter().zip(widths) {
        let _ = write!(s, "{v:>width$}");
    }
    s.push_str(" \n");
}

/// The `-s` tables.
fn stats(s: &mut String, st: &LinkStats64, carrier_changes: Option<u32>, more: bool) {
    row(
        s,
        "RX:  bytes packets errors dropped  missed   mcast           ",
        &[10, 8, 7, 8, 8, 8],
        &[
            st.rx_bytes,
            st.rx_packets,
            st.rx_errors,
            st.rx_dropped,
            st.rx_missed_errors,
            st.multicast,
        ],
    );
    if more {
        row(
            s,
            "RX errors:  length    crc   frame    fifo overrun",
            &[18, 7, 8, 8, 8],
            &[
                st.rx_length_errors,
                st.rx_crc_errors,
                st.rx_frame_errors,
                st.rx_fifo_errors,
                st.rx_over_errors,
            ],
        );
    }
    row(
        s,
        "TX:  bytes packets errors dropped carrier collsns           ",
        &[10, 8, 7, 8, 8, 8],
        &[
            st.tx_bytes,
            st.tx_packets,
            st.tx_errors,
            st.tx_dropped,
            st.tx_carrier_errors,
            st.collisions,
        ],
    );
    if more {
        row(
            s,
            "TX errors: aborted   fifo  window heartbt transns",
            &[18, 7, 8, 8, 8],
            &[
                st.tx_aborted_errors,
                st.tx_fifo_errors,
                st.tx_window_errors,
                st.tx_heartbeat_errors,
                u64::from(carrier_changes.unwrap_or(0)),
            ],
        );
    }
}
