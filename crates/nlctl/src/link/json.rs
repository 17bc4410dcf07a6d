//! `nlctl -j link show`: one link as the object `ip -j link show` prints,
//! with the same keys and value formats (numbers as numbers, flags and
//! states as iproute2 spells them).

use netlink_packet_route::link::{
    AfInet6Attr, IfFlags, LinkAttr, LinkMessage, LinkStats64, LinkType, ProtoDownReasonAttr,
};
use serde_json::{json, Map, Value};

use super::kinds;
use super::Known;
use crate::context::Options;

/// The flags in the order iproute2 prints them (`NO-CARRIER` and `M-DOWN`
/// are added around them by [`flag_names`]).
const FLAG_ORDER: [(IfFlags, &str); 18] = [
    (IfFlags::LOOPBACK, "LOOPBACK"),
    (IfFlags::BROADCAST, "BROADCAST"),
    (IfFlags::POINTOPOINT, "POINTOPOINT"),
    (IfFlags::MULTICAST, "MULTICAST"),
    (IfFlags::NOARP, "NOARP"),
    (IfFlags::ALLMULTI, "ALLMULTI"),
    (IfFlags::PROMISC, "PROMISC"),
    (IfFlags::NOTRAILERS, "NOTRAILERS"),
    (IfFlags::DEBUG, "DEBUG"),
    (IfFlags::DYNAMIC, "DYNAMIC"),
    (IfFlags::AUTOMEDIA, "AUTOMEDIA"),
    (IfFlags::PORTSEL, "PORTSEL"),
    (IfFlags::MASTER, "MASTER"),
    (IfFlags::SLAVE, "SLAVE"),
    (IfFlags::UP, "UP"),
    (IfFlags::LOWER_UP, "LOWER_UP"),
    (IfFlags::DORMANT, "DORMANT"),
    (IfFlags::ECHO, "ECHO"),
];

/// The flag words of a link: `NO-CARRIER` when up without carrier, the
/// set flags, unknown bits in hex, and `M-DOWN` when the link it sits on
/// (`IFLA_LINK`) is not up.
pub(super) fn flag_names(link: &LinkMessage, known: &Known) -> Vec<String> {
    let flags = link.header.flags;
    let mut names = Vec::new();
    if flags.contains(IfFlags::UP) && !flags.contains(IfFlags::RUNNING) {
        names.push("NO-CARRIER".to_owned());
    }
    let mut rest = flags.bits() & !IfFlags::RUNNING.bits();
    for (flag, name) in FLAG_ORDER {
        if flags.contains(flag) {
            names.push(name.to_owned());
            rest &= !flag.bits();
        }
    }
    if rest != 0 {
        names.push(format!("{rest:x}"));
    }
    if let Some(lower) = lower_link(link) {
        if lower != 0 && link_netnsid(link).is_none() && !known.is_up(lower) {
            names.push("M-DOWN".to_owned());
        }
    }
    names
}

/// The protocol-down reason bits that are set (`IFLA_PROTO_DOWN_REASON`),
/// as numbers in strings (iproute2 names them only from local files).
pub(super) fn proto_down_reasons(link: &LinkMessage) -> Vec<String> {
    let bits = link
        .attrs
        .iter()
        .find_map(|a| match a {
            LinkAttr::ProtoDownReason(list) => list.iter().find_map(|r| match r {
                ProtoDownReasonAttr::Value(v) => Some(*v),
                _ => None,
            }),
            _ => None,
        })
        .unwrap_or(0);
    (0..32)
        .filter(|bit| bits & (1 << bit) != 0)
        .map(|bit| bit.to_string())
        .collect()
}

/// `IFLA_LINK`.
pub(super) fn lower_link(link: &LinkMessage) -> Option<u32> {
    link.attrs.iter().find_map(|a| match a {
        LinkAttr::Link(index) => Some(*index),
        _ => None,
    })
}

/// `IFLA_LINK_NETNSID`.
pub(super) fn link_netnsid(link: &LinkMessage) -> Option<i32> {
    link.attrs.iter().find_map(|a| match a {
        LinkAttr::LinkNetnsId(id) => Some(*id),
        _ => None,
    })
}

/// The word after `link/`: iproute2's names, which differ from the
/// kernel's for a few tunnel types.
pub(super) fn link_type_name(link_type: LinkType) -> String {
    match u16::from(link_type) {
        768 => "ipip".to_owned(),
        778 => "gre".to_owned(),
        823 => "gre6".to_owned(),
        _ => match link_type.name() {
            Some(name) => name.to_owned(),
            None => format!("[{}]", u16::from(link_type)),
        },
    }
}

/// A hardware address as iproute2 prints it: IP addresses for IP tunnels,
/// colon-separated hex for the rest.
pub(super) fn hw_address(link_type: LinkType, bytes: &[u8]) -> String {
    let tunnel = matches!(u16::from(link_type), 768 | 769 | 776 | 778 | 823);
    if tunnel {
        if let Ok(v4) = <[u8; 4]>::try_from(bytes) {
            return std::net::Ipv4Addr::from(v4).to_string();
        }
        if let Ok(v6) = <[u8; 16]>::try_from(bytes) {
            return std::net::Ipv6Addr::from(v6).to_string();
        }
    }
    bytes
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<Vec<_>>()
        .join(":")
}

/// The group's name: `default` for 0, else the number.
pub(super) fn group_name(group: u32) -> String {
    if group == 0 {
        "default".to_owned()
    } else {
        group.to_string()
    }
}

/// `IFLA_INET6_ADDR_GEN_MODE` from `IFLA_AF_SPEC`.
pub(super) fn addr_gen_mode(link: &LinkMessage) -> Option<String> {
    let inet6 = link.af_spec()?.inet6().ok()??;
    inet6.iter().find_map(|a| match a {
        AfInet6Attr::AddrGenMode(mode) => Some(match mode.name() {
            Some(name) => name.to_owned(),
            None => u8::from(*mode).to_string(),
        }),
        _ => None,
    })
}

/// The JSON object of one link.
pub(super) fn link_json(link: &LinkMessage, known: &Known, options: &Options) -> Value {
    let mut o = Map::new();
    let header = &link.header;
    o.insert("ifindex".into(), json!(header.index));
    if let Some(lower) = lower_link(link) {
        if let Some(netnsid) = link_netnsid(link) {
            o.insert("link_index".into(), json!(lower));
            o.insert("link_netnsid".into(), json!(netnsid));
        } else if lower == 0 {
            o.insert("link".into(), Value::Null);
        } else if let Some(name) = known.name(lower) {
            o.insert("link".into(), json!(name));
        } else {
            o.insert("link_index".into(), json!(lower));
        }
    }
    let mut stats = None;
    let mut details = Map::new();
    let mut tail = Map::new();
    let mut carrier_changes = None;
    let mut altnames = Vec::new();
    for attr in &link.attrs {
        match attr {
            LinkAttr::IfName(name) => {
                o.insert("ifname".into(), json!(name.as_str()));
                o.insert("flags".into(), json!(flag_names(link, known)));
            }
            LinkAttr::Mtu(mtu) => {
                o.insert("mtu".into(), json!(mtu));
            }
            LinkAttr::Qdisc(q) => {
                o.insert("qdisc".into(), json!(q.as_str()));
            }
            LinkAttr::Master(m) => {
                let name = known.name(*m).map_or_else(|| json!(m), |n| json!(n));
                o.insert("master".into(), name);
            }
            LinkAttr::OperState(s) => {
                o.insert("operstate".into(), json!(s.to_string()));
            }
            LinkAttr::LinkMode(m) => {
                o.insert("linkmode".into(), json!(m.to_string()));
            }
            LinkAttr::Group(g) => {
                o.insert("group".into(), json!(group_name(*g)));
            }
            LinkAttr::TxQueueLen(q) => {
                o.insert("txqlen".into(), json!(q));
            }
            LinkAttr::Stats64(s) => stats = Some(s.clone()),
            LinkAttr::CarrierChanges(c) => carrier_changes = Some(*c),
            LinkAttr::IfAlias(a) => {
                tail.insert("ifalias".into(), json!(a.as_str()));
            }
            LinkAttr::Promiscuity(p) => {
                details.insert("promiscuity".into(), json!(p));
            }
            LinkAttr::Allmulti(p) => {
                details.insert("allmulti".into(), json!(p));
            }
            LinkAttr::MinMtu(p) => {
                details.insert("min_mtu".into(), json!(p));
            }
            LinkAttr::MaxMtu(p) => {
                details.insert("max_mtu".into(), json!(p));
            }
            LinkAttr::PropList(list) => {
                for a in list.iter() {
                    if let LinkAttr::AltIfName(name) = a {
                        altnames.push(name.as_str());
                    }
                }
            }
            LinkAttr::ProtoDown(p) if *p != 0 => {
                o.insert("proto_down".into(), json!(true));
                let reasons = proto_down_reasons(link);
                if !reasons.is_empty() {
                    o.insert("proto_down_reason".into(), json!(reasons));
                }
            }
            _ => {}
        }
    }
    o.insert("link_type".into(), json!(link_type_name(header.link_type)));
    for attr in &link.attrs {
        match attr {
            LinkAttr::Address(a) => {
                o.insert(
                    "address".into(),
                    json!(hw_address(header.link_type, a.as_bytes())),
                );
            }
            LinkAttr::Broadcast(a) => {
                if header.flags.contains(IfFlags::POINTOPOINT) {
                    o.insert("link_pointtopoint".into(), json!(true));
                    o.insert(
                        "peer".into(),
                        json!(hw_address(header.link_type, a.as_bytes())),
                    );
                } else {
                    o.insert(
                        "broadcast".into(),
                        json!(hw_address(header.link_type, a.as_bytes())),
                    );
                }
            }
            _ => {}
        }
    }
    for attr in &link.attrs {
        if let LinkAttr::PermAddress(p) = attr {
            let address = link.attrs.iter().find_map(|a| match a {
                LinkAttr::Address(a) => Some(a),
                _ => None,
            });
            if address != Some(p) {
                o.insert(
                    "permaddr".into(),
                    json!(hw_address(header.link_type, p.as_bytes())),
                );
            }
        }
    }
    if options.details {
        o.extend(details);
        if let Some(info) = link.link_info() {
            o.insert("linkinfo".into(), kinds::linkinfo_json(info, known));
        }
        if let Some(mode) = addr_gen_mode(link) {
            o.insert("inet6_addr_gen_mode".into(), json!(mode));
        }
        for (key, _, value) in queue_sizes(link) {
            o.insert(key.into(), json!(value));
        }
        for attr in &link.attrs {
            let (key, value) = match attr {
                LinkAttr::ParentDevName(v) => ("parentdev", v),
                LinkAttr::ParentDevBusName(v) => ("parentbus", v),
                LinkAttr::PhysPortName(v) => ("phys_port_name", v),
                _ => continue,
            };
            o.insert(key.into(), json!(value.as_str()));
        }
    }
    o.extend(tail);
    if !altnames.is_empty() {
        o.insert("altnames".into(), json!(altnames));
    }
    if options.stats > 0 {
        if let Some(s) = stats {
            o.insert(
                "stats64".into(),
                stats_json(&s, carrier_changes, options.stats > 1),
            );
        }
    }
    Value::Object(o)
}

/// `stats64`: `rx` and `tx` objects, more counters with `-s -s`.
fn stats_json(s: &LinkStats64, carrier_changes: Option<u32>, more: bool) -> Value {
    let mut rx = Map::new();
    rx.insert("bytes".into(), json!(s.rx_bytes));
    rx.insert("packets".into(), json!(s.rx_packets));
    rx.insert("errors".into(), json!(s.rx_errors));
    rx.insert("dropped".into(), json!(s.rx_dropped));
    rx.insert("over_errors".into(), json!(s.rx_over_errors));
    rx.insert("multicast".into(), json!(s.multicast));
    if s.rx_compressed != 0 {
        rx.insert("compressed".into(), json!(s.rx_compressed));
    }
    if more {
        rx.insert("length_errors".into(), json!(s.rx_length_errors));
        rx.insert("crc_errors".into(), json!(s.rx_crc_errors));
        rx.insert("frame_errors".into(), json!(s.rx_frame_errors));
        rx.insert("fifo_errors".into(), json!(s.rx_fifo_errors));
        rx.insert("missed_errors".into(), json!(s.rx_missed_errors));
    }
    if s.rx_nohandler != 0 {
        rx.insert("nohandler".into(), json!(s.rx_nohandler));
    }
    if more && s.rx_otherhost_dropped != 0 {
        rx.insert("otherhost_dropped".into(), json!(s.rx_otherhost_dropped));
    }
    let mut tx = Map::new();
    tx.insert("bytes".into(), json!(s.tx_bytes));
    tx.insert("packets".into(), json!(s.tx_packets));
    tx.insert("errors".into(), json!(s.tx_errors));
    tx.insert("dropped".into(), json!(s.tx_dropped));
    tx.insert("carrier_errors".into(), json!(s.tx_carrier_errors));
    tx.insert("collisions".into(), json!(s.collisions));
    if s.tx_compressed != 0 {
        tx.insert("compressed".into(), json!(s.tx_compressed));
    }
    if more {
        tx.insert("aborted_errors".into(), json!(s.tx_aborted_errors));
        tx.insert("fifo_errors".into(), json!(s.tx_fifo_errors));
        tx.insert("window_errors".into(), json!(s.tx_window_errors));
        tx.insert("heartbeat_errors".into(), json!(s.tx_heartbeat_errors));
        if let Some(c) = carrier_changes {
            tx.insert("carrier_changes".into(), json!(c));
        }
    }
    json!({ "rx": rx, "tx": tx })
}

/// Queue counts and offload sizes, in iproute2's order: the JSON key, the
/// text word, the value.
pub(super) fn queue_sizes(link: &LinkMessage) -> Vec<(&'static str, &'static str, u32)> {
    let pick = |f: fn(&LinkAttr) -> Option<u32>| link.attrs.iter().find_map(f);
    let all: [(&str, &str, Option<u32>); 9] = [
        (
            "num_tx_queues",
            "numtxqueues",
            pick(|a| match a {
                LinkAttr::NumTxQueues(v) => Some(*v),
                _ => None,
            }),
        ),
        (
            "num_rx_queues",
            "numrxqueues",
            pick(|a| match a {
                LinkAttr::NumRxQueues(v) => Some(*v),
                _ => None,
            }),
        ),
        (
            "gso_max_size",
            "gso_max_size",
            pick(|a| match a {
                LinkAttr::GsoMaxSize(v) => Some(*v),
                _ => None,
            }),
        ),
        (
            "gso_max_segs",
            "gso_max_segs",
            pick(|a| match a {
                LinkAttr::GsoMaxSegs(v) => Some(*v),
                _ => None,
            }),
        ),
        (
            "tso_max_size",
            "tso_max_size",
            pick(|a| match a {
                LinkAttr::TsoMaxSize(v) => Some(*v),
                _ => None,
            }),
        ),
        (
            "tso_max_segs",
            "tso_max_segs",
            pick(|a| match a {
                LinkAttr::TsoMaxSegs(v) => Some(*v),
                _ => None,
            }),
        ),
        (
            "gro_max_size",
            "gro_max_size",
            pick(|a| match a {
                LinkAttr::GroMaxSize(v) => Some(*v),
                _ => None,
            }),
        ),
        (
            "gso_ipv4_max_size",
            "gso_ipv4_max_size",
            pick(|a| match a {
                LinkAttr::GsoIpv4MaxSize(v) => Some(*v),
                _ => None,
            }),
        ),
        (
            "gro_ipv4_max_size",
            "gro_ipv4_max_size",
            pick(|a| match a {
                LinkAttr::GroIpv4MaxSize(v) => Some(*v),
                _ => None,
            }),
        ),
    ];
    all.into_iter()
        .filter_map(|(key, word, value)| Some((key, word, value?)))
        .collect()
}
