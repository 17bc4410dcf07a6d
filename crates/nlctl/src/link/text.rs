//! `nlctl link show`: one link as `ip link show` prints it.

use std::fmt::Write;

use netlink_packet_route::link::{IfFlags, LinkAttr, LinkMessage, LinkStats64};
use serde_json::Value;

use super::json::{
    addr_gen_mode, flag_names, group_name, hw_address, link_netnsid, link_type_name, lower_link,
    queue_sizes,
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
            "DOWN" | "LOWERLAYERDOWN" => Paint::Down,
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
                out.paint(Paint::Mac, &hw_address(header.link_type, &a.0))
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
        let _ = write!(s, " {word} {}", hw_address(header.link_type, &b.0));
    }
    if let Some(id) = link_netnsid(link) {
        let _ = write!(s, " link-netnsid {id}");
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
    s.push_str(" \n    ");
    if let Some(info) = link.link_info() {
        if let Value::Object(o) = kinds::linkinfo_json(info, known) {
            for (key, value) in &o {
                match (key.as_str(), value) {
                    ("info_kind", Value::String(kind)) => {
                        let _ = write!(s, "{kind} ");
                    }
                    ("info_slave_kind", Value::String(kind)) => {
                        let _ = write!(s, "\n    {kind}_slave ");
                    }
                    (_, Value::Object(data)) => {
                        for (k, v) in data {
                            let v = match v {
                                Value::Bool(true) => "on".to_owned(),
                                Value::Bool(false) => "off".to_owned(),
                                Value::String(t) => t.clone(),
                                other => other.to_string(),
                            };
                            let _ = write!(s, "{k} {v} ");
                        }
                    }
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
