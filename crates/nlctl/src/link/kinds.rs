//! `linkinfo` in `-d` output: the kind, its parameters (`info_data`) and,
//! for a port, its master's parameters for it (`info_slave_data`), under
//! the keys `ip -j -d link show` uses.

use netlink_packet_route::link::info::{
    BondAttr, BridgeAttr, BridgeBoolOpts, BridgeId, BridgePortAttr, IpVlanAttr, IpVlanFlags,
    MacVlanAttr, MacVlanFlags, MacVlanMode, TunAttr, VlanAttr, VrfAttr, VxlanAttr,
};
use netlink_packet_route::link::{InfoData, InfoSlaveData, LinkInfoNest};
use serde_json::{json, Map, Value};

use super::Known;

/// The `linkinfo` object.
pub(super) fn linkinfo_json(info: &LinkInfoNest, known: &Known) -> Value {
    let mut o = Map::new();
    if let Some(kind) = info.kind() {
        o.insert("info_kind".into(), json!(kind));
    }
    if let Some(data) = info.data().and_then(|d| data_json(d, known)) {
        o.insert("info_data".into(), data);
    }
    if let Some(kind) = info.slave_kind() {
        o.insert("info_slave_kind".into(), json!(kind));
    }
    if let Some(data) = info.slave_data().and_then(|d| slave_json(d, known)) {
        o.insert("info_slave_data".into(), data);
    }
    Value::Object(o)
}

/// A bridge id as iproute2 prints it: the priority in 4 hex digits, then
/// the address with bytes in hex, unpadded (`8000.a:c7:c2:1f:7d:24`).
pub(super) fn bridge_id(id: &BridgeId) -> String {
    let addr: Vec<String> = id.addr.0.iter().map(|b| format!("{b:x}")).collect();
    format!("{:04x}.{}", id.priority(), addr.join(":"))
}

/// The name of user or group `id` from `file` (`/etc/passwd` or
/// `/etc/group`: `name:password:id:...` lines), else the number.
fn account_name(file: &str, id: u32) -> Value {
    let text = std::fs::read_to_string(file).unwrap_or_default();
    text.lines()
        .find_map(|line| {
            let mut fields = line.split(':');
            let name = fields.next()?;
            let number: u32 = fields.nth(1)?.parse().ok()?;
            (number == id).then(|| json!(name))
        })
        .unwrap_or_else(|| json!(id))
}

/// A timer in hundredths of a second, as seconds.
fn timer(centis: u64) -> Value {
    json!((centis as f64) / 100.0)
}

/// A mask printed `%#x`: `0` for zero, else `0x...`.
fn hex(value: u32) -> String {
    if value == 0 {
        "0".to_owned()
    } else {
        format!("{value:#x}")
    }
}

/// The order `ip` prints a bridge's settings in.
const BRIDGE_ORDER: &[&str] = &[
    "forward_delay",
    "hello_time",
    "max_age",
    "ageing_time",
    "stp_state",
    "priority",
    "vlan_filtering",
    "vlan_protocol",
    "bridge_id",
    "root_id",
    "root_port",
    "root_path_cost",
    "topology_change",
    "topology_change_detected",
    "hello_timer",
    "tcn_timer",
    "topology_change_timer",
    "gc_timer",
    "vlan_default_pvid",
    "vlan_stats_enabled",
    "vlan_stats_per_port",
    "group_fwd_mask",
    "group_addr",
    "mcast_snooping",
    "no_linklocal_learn",
    "mcast_vlan_snooping",
    "mcast_router",
    "mcast_query_use_ifaddr",
    "mcast_querier",
    "mcast_hash_elasticity",
    "mcast_hash_max",
    "mcast_last_member_cnt",
    "mcast_startup_query_cnt",
    "mcast_last_member_intvl",
    "mcast_membership_intvl",
    "mcast_querier_intvl",
    "mcast_query_intvl",
    "mcast_query_response_intvl",
    "mcast_startup_query_intvl",
    "mcast_stats_enabled",
    "mcast_igmp_version",
    "mcast_mld_version",
    "nf_call_iptables",
    "nf_call_ip6tables",
    "nf_call_arptables",
];

/// The order `ip` prints a bridge port's settings in.
const BRIDGE_PORT_ORDER: &[&str] = &[
    "state",
    "priority",
    "cost",
    "hairpin",
    "guard",
    "root_block",
    "fastleave",
    "learning",
    "flood",
    "id",
    "no",
    "designated_port",
    "designated_cost",
    "bridge_id",
    "root_id",
    "hold_timer",
    "message_age_timer",
    "forward_delay_timer",
    "topology_change_ack",
    "config_pending",
    "proxy_arp",
    "proxy_arp_wifi",
    "multicast_router",
    "mcast_flood",
    "bcast_flood",
    "mcast_to_unicast",
    "neigh_suppress",
    "group_fwd_mask",
    "group_fwd_mask_str",
    "vlan_tunnel",
    "isolated",
    "locked",
];

/// The order `ip` prints a vxlan's settings in.
const VXLAN_ORDER: &[&str] = &[
    "id",
    "group",
    "remote",
    "group6",
    "remote6",
    "local",
    "local6",
    "link",
    "port_range",
    "port",
    "learning",
    "proxy",
    "rsc",
    "l2miss",
    "l3miss",
    "ttl",
    "tos",
    "df",
    "label",
    "ageing",
    "limit",
    "udp_csum",
    "udp_zero_csum6_tx",
    "udp_zero_csum6_rx",
];

/// `map` with the keys in `order` first, in that order, then the others.
fn ordered(mut map: Map<String, Value>, order: &[&str]) -> Map<String, Value> {
    let mut out = Map::new();
    for key in order {
        if let Some(value) = map.remove(*key) {
            out.insert((*key).to_owned(), value);
        }
    }
    out.extend(map);
    out
}

fn data_json(data: &InfoData, known: &Known) -> Option<Value> {
    let order: &[&str] = match data {
        InfoData::Bridge(_) => BRIDGE_ORDER,
        InfoData::Vxlan(_) => VXLAN_ORDER,
        _ => &[],
    };
    let map = data_map(data, known)?;
    Some(Value::Object(ordered(map, order)))
}

fn data_map(data: &InfoData, known: &Known) -> Option<Map<String, Value>> {
    let mut o = Map::new();
    match data {
        InfoData::Bridge(attrs) => {
            for a in attrs.iter() {
                let (key, value) = match a {
                    BridgeAttr::ForwardDelay(v) => ("forward_delay", json!(v)),
                    BridgeAttr::HelloTime(v) => ("hello_time", json!(v)),
                    BridgeAttr::MaxAge(v) => ("max_age", json!(v)),
                    BridgeAttr::AgeingTime(v) => ("ageing_time", json!(v)),
                    BridgeAttr::StpState(v) => ("stp_state", json!(v)),
                    BridgeAttr::Priority(v) => ("priority", json!(v)),
                    BridgeAttr::VlanFiltering(v) => ("vlan_filtering", json!(v)),
                    BridgeAttr::VlanProtocol(v) => (
                        "vlan_protocol",
                        json!(match v.0 {
                            0x8100 => "802.1Q".to_owned(),
                            0x88a8 => "802.1ad".to_owned(),
                            other => format!("{other:#x}"),
                        }),
                    ),
                    BridgeAttr::BridgeId(id) => ("bridge_id", json!(bridge_id(id))),
                    BridgeAttr::RootId(id) => ("root_id", json!(bridge_id(id))),
                    BridgeAttr::RootPort(v) => ("root_port", json!(v)),
                    BridgeAttr::RootPathCost(v) => ("root_path_cost", json!(v)),
                    BridgeAttr::TopologyChange(v) => ("topology_change", json!(v)),
                    BridgeAttr::TopologyChangeDetected(v) => ("topology_change_detected", json!(v)),
                    BridgeAttr::HelloTimer(v) => ("hello_timer", timer(*v)),
                    BridgeAttr::TcnTimer(v) => ("tcn_timer", timer(*v)),
                    BridgeAttr::TopologyChangeTimer(v) => ("topology_change_timer", timer(*v)),
                    BridgeAttr::GcTimer(v) => ("gc_timer", timer(*v)),
                    BridgeAttr::VlanDefaultPvid(v) => ("vlan_default_pvid", json!(v)),
                    BridgeAttr::VlanStatsEnabled(v) => ("vlan_stats_enabled", json!(v)),
                    BridgeAttr::VlanStatsPerPort(v) => ("vlan_stats_per_port", json!(v)),
                    BridgeAttr::GroupFwdMask(v) => ("group_fwd_mask", json!(hex(u32::from(*v)))),
                    BridgeAttr::GroupAddr(v) => ("group_addr", json!(v.to_string())),
                    BridgeAttr::McastSnooping(v) => ("mcast_snooping", json!(v)),
                    BridgeAttr::MultiBoolopt(v) => {
                        let on = |flag| u8::from(v.optval.contains(flag));
                        o.insert(
                            "no_linklocal_learn".into(),
                            json!(on(BridgeBoolOpts::NO_LL_LEARN)),
                        );
                        o.insert(
                            "mcast_vlan_snooping".into(),
                            json!(on(BridgeBoolOpts::MCAST_VLAN_SNOOPING)),
                        );
                        continue;
                    }
                    BridgeAttr::McastRouter(v) => ("mcast_router", json!(u8::from(*v))),
                    BridgeAttr::McastQueryUseIfaddr(v) => ("mcast_query_use_ifaddr", json!(v)),
                    BridgeAttr::McastQuerier(v) => ("mcast_querier", json!(v)),
                    BridgeAttr::McastHashElasticity(v) => ("mcast_hash_elasticity", json!(v)),
                    BridgeAttr::McastHashMax(v) => ("mcast_hash_max", json!(v)),
                    BridgeAttr::McastLastMemberCnt(v) => ("mcast_last_member_cnt", json!(v)),
                    BridgeAttr::McastStartupQueryCnt(v) => ("mcast_startup_query_cnt", json!(v)),
                    BridgeAttr::McastLastMemberIntvl(v) => ("mcast_last_member_intvl", json!(v)),
                    BridgeAttr::McastMembershipIntvl(v) => ("mcast_membership_intvl", json!(v)),
                    BridgeAttr::McastQuerierIntvl(v) => ("mcast_querier_intvl", json!(v)),
                    BridgeAttr::McastQueryIntvl(v) => ("mcast_query_intvl", json!(v)),
                    BridgeAttr::McastQueryResponseIntvl(v) => {
                        ("mcast_query_response_intvl", json!(v))
                    }
                    BridgeAttr::McastStartupQueryIntvl(v) => {
                        ("mcast_startup_query_intvl", json!(v))
                    }
                    BridgeAttr::McastStatsEnabled(v) => ("mcast_stats_enabled", json!(v)),
                    BridgeAttr::McastIgmpVersion(v) => ("mcast_igmp_version", json!(v)),
                    BridgeAttr::McastMldVersion(v) => ("mcast_mld_version", json!(v)),
                    BridgeAttr::NfCallIptables(v) => ("nf_call_iptables", json!(v)),
                    BridgeAttr::NfCallIp6tables(v) => ("nf_call_ip6tables", json!(v)),
                    BridgeAttr::NfCallArptables(v) => ("nf_call_arptables", json!(v)),
                    _ => continue,
                };
                o.insert(key.into(), value);
            }
        }
        InfoData::Vxlan(attrs) => {
            for a in attrs.iter() {
                let (key, value) = match a {
                    VxlanAttr::Id(v) => ("id", json!(v)),
                    VxlanAttr::Group(v) if v.is_multicast() => ("group", json!(v.to_string())),
                    VxlanAttr::Group(v) => ("remote", json!(v.to_string())),
                    VxlanAttr::Group6(v) if v.is_multicast() => ("group6", json!(v.to_string())),
                    VxlanAttr::Group6(v) => ("remote6", json!(v.to_string())),
                    VxlanAttr::Local(v) => ("local", json!(v.to_string())),
                    VxlanAttr::Local6(v) => ("local6", json!(v.to_string())),
                    VxlanAttr::Link(v) => (
                        "link",
                        known.name(*v).map_or_else(|| json!(v), |n| json!(n)),
                    ),
                    VxlanAttr::PortRange(r) => {
                        ("port_range", json!({"low": r.low.0, "high": r.high.0}))
                    }
                    VxlanAttr::Port(v) => ("port", json!(v.0)),
                    VxlanAttr::Learning(v) => ("learning", json!(*v != 0)),
                    VxlanAttr::Proxy(v) if *v != 0 => ("proxy", json!(true)),
                    VxlanAttr::Rsc(v) if *v != 0 => ("rsc", json!(true)),
                    VxlanAttr::L2miss(v) if *v != 0 => ("l2miss", json!(true)),
                    VxlanAttr::L3miss(v) if *v != 0 => ("l3miss", json!(true)),
                    VxlanAttr::Tos(v) if *v != 0 => ("tos", json!(format!("{v:#x}"))),
                    VxlanAttr::TtlInherit(v) if *v != 0 => ("ttl", json!("inherit")),
                    VxlanAttr::Ttl(v) => ("ttl", json!(v)),
                    VxlanAttr::Df(v) => ("df", json!(v.to_string())),
                    VxlanAttr::Label(v) if v.0 != 0 => ("label", json!(format!("{:#x}", v.0))),
                    VxlanAttr::Ageing(v) => ("ageing", json!(v)),
                    VxlanAttr::Limit(v) if *v != 0 => ("limit", json!(v)),
                    VxlanAttr::UdpCsum(v) => ("udp_csum", json!(*v != 0)),
                    VxlanAttr::UdpZeroCsum6Tx(v) => ("udp_zero_csum6_tx", json!(*v != 0)),
                    VxlanAttr::UdpZeroCsum6Rx(v) => ("udp_zero_csum6_rx", json!(*v != 0)),
                    VxlanAttr::RemcsumTx(v) if *v != 0 => ("remcsum_tx", json!(true)),
                    VxlanAttr::RemcsumRx(v) if *v != 0 => ("remcsum_rx", json!(true)),
                    VxlanAttr::CollectMetadata(v) if *v != 0 => ("external", json!(true)),
                    VxlanAttr::Gbp(_) => ("gbp", json!(true)),
                    VxlanAttr::Gpe(_) => ("gpe", json!(true)),
                    VxlanAttr::Vnifilter(v) if *v != 0 => ("vnifilter", json!(true)),
                    _ => continue,
                };
                o.insert(key.into(), value);
            }
        }
        InfoData::MacVlan(attrs) => {
            // The address count matters (and `ip` shows it) in source mode only.
            let source = attrs
                .iter()
                .any(|a| matches!(a, MacVlanAttr::Mode(m) if *m == MacVlanMode::Source));
            for a in attrs.iter() {
                match a {
                    MacVlanAttr::Mode(m) => {
                        o.insert("mode".into(), json!(m.to_string()));
                    }
                    MacVlanAttr::Flags(f) => {
                        if f.contains(MacVlanFlags::NOPROMISC) {
                            o.insert("nopromisc".into(), json!(true));
                        }
                        if f.contains(MacVlanFlags::NODST) {
                            o.insert("nodst".into(), json!(true));
                        }
                    }
                    MacVlanAttr::MacaddrCount(c) if source => {
                        o.insert("macaddr_count".into(), json!(c));
                    }
                    MacVlanAttr::BcQueueLen(c) => {
                        o.insert("bcqueuelen".into(), json!(c));
                    }
                    MacVlanAttr::BcQueueLenUsed(c) => {
                        o.insert("usedbcqueuelen".into(), json!(c));
                    }
                    _ => {}
                }
            }
        }
        InfoData::IpVlan(attrs) => {
            for a in attrs.iter() {
                match a {
                    IpVlanAttr::Mode(m) => {
                        o.insert("mode".into(), json!(m.to_string()));
                    }
                    IpVlanAttr::Flags(f) => {
                        let word = if f.contains(IpVlanFlags::PRIVATE) {
                            "private"
                        } else if f.contains(IpVlanFlags::VEPA) {
                            "vepa"
                        } else {
                            "bridge"
                        };
                        o.insert("flags".into(), json!(word));
                    }
                    _ => {}
                }
            }
        }
        InfoData::Tun(attrs) => {
            for a in attrs.iter() {
                let (key, value) = match a {
                    TunAttr::Type(t) => ("type", json!(t.to_string())),
                    TunAttr::Pi(v) => ("pi", json!(*v != 0)),
                    TunAttr::VnetHdr(v) => ("vnet_hdr", json!(*v != 0)),
                    TunAttr::MultiQueue(v) => ("multi_queue", json!(*v != 0)),
                    TunAttr::Persist(v) => ("persist", json!(*v != 0)),
                    TunAttr::Owner(v) => ("user", account_name("/etc/passwd", *v)),
                    TunAttr::Group(v) => ("group", account_name("/etc/group", *v)),
                    TunAttr::NumQueues(v) => ("numqueues", json!(v)),
                    TunAttr::NumDisabledQueues(v) => ("numdisabled", json!(v)),
                    _ => continue,
                };
                o.insert(key.into(), value);
            }
        }
        InfoData::Vlan(attrs) => {
            for a in attrs.iter() {
                match a {
                    VlanAttr::Protocol(p) => {
                        let name = match p.0 {
                            0x8100 => "802.1Q".to_owned(),
                            0x88a8 => "802.1ad".to_owned(),
                            other => format!("{other:#x}"),
                        };
                        o.insert("protocol".into(), json!(name));
                    }
                    VlanAttr::Id(id) => {
                        o.insert("id".into(), json!(id));
                    }
                    VlanAttr::Flags(f) => {
                        let names: Vec<String> =
                            f.flags.names().into_iter().map(str::to_uppercase).collect();
                        o.insert("flags".into(), json!(names));
                    }
                    _ => {}
                }
            }
        }
        InfoData::Vrf(attrs) => {
            for a in attrs.iter() {
                if let VrfAttr::Table(t) = a {
                    o.insert("table".into(), json!(t));
                }
            }
        }
        InfoData::Bond(attrs) => {
            for a in attrs.iter() {
                match a {
                    BondAttr::Mode(m) => {
                        o.insert("mode".into(), json!(m.to_string()));
                    }
                    BondAttr::Miimon(v) => {
                        o.insert("miimon".into(), json!(v));
                    }
                    BondAttr::Updelay(v) => {
                        o.insert("updelay".into(), json!(v));
                    }
                    BondAttr::Downdelay(v) => {
                        o.insert("downdelay".into(), json!(v));
                    }
                    _ => {}
                }
            }
        }
        _ => return None,
    }
    Some(o)
}

fn slave_json(data: &InfoSlaveData, known: &Known) -> Option<Value> {
    let InfoSlaveData::Bridge(attrs) = data else {
        return None;
    };
    let mut o = Map::new();
    for a in attrs.iter() {
        let (key, value) = match a {
            BridgePortAttr::State(s) => ("state", json!(s.to_string())),
            BridgePortAttr::Priority(v) => ("priority", json!(v)),
            BridgePortAttr::Cost(v) => ("cost", json!(v)),
            BridgePortAttr::Mode(v) => ("hairpin", json!(*v != 0)),
            BridgePortAttr::Guard(v) => ("guard", json!(*v != 0)),
            BridgePortAttr::Protect(v) => ("root_block", json!(*v != 0)),
            BridgePortAttr::FastLeave(v) => ("fastleave", json!(*v != 0)),
            BridgePortAttr::Learning(v) => ("learning", json!(*v != 0)),
            BridgePortAttr::UnicastFlood(v) => ("flood", json!(*v != 0)),
            BridgePortAttr::Id(v) => ("id", json!(format!("{v:#x}"))),
            BridgePortAttr::No(v) => ("no", json!(format!("{v:#x}"))),
            BridgePortAttr::DesignatedPort(v) => ("designated_port", json!(v)),
            BridgePortAttr::DesignatedCost(v) => ("designated_cost", json!(v)),
            BridgePortAttr::BridgeId(id) => ("bridge_id", json!(bridge_id(id))),
            BridgePortAttr::RootId(id) => ("root_id", json!(bridge_id(id))),
            BridgePortAttr::HoldTimer(v) => ("hold_timer", timer(*v)),
            BridgePortAttr::MessageAgeTimer(v) => ("message_age_timer", timer(*v)),
            BridgePortAttr::ForwardDelayTimer(v) => ("forward_delay_timer", timer(*v)),
            BridgePortAttr::TopologyChangeAck(v) => ("topology_change_ack", json!(v)),
            BridgePortAttr::ConfigPending(v) => ("config_pending", json!(v)),
            BridgePortAttr::Proxyarp(v) => ("proxy_arp", json!(*v != 0)),
            BridgePortAttr::ProxyarpWifi(v) => ("proxy_arp_wifi", json!(*v != 0)),
            BridgePortAttr::MulticastRouter(v) => ("multicast_router", json!(u8::from(*v))),
            BridgePortAttr::McastFlood(v) => ("mcast_flood", json!(*v != 0)),
            BridgePortAttr::BcastFlood(v) => ("bcast_flood", json!(*v != 0)),
            BridgePortAttr::McastToUcast(v) => ("mcast_to_unicast", json!(*v != 0)),
            BridgePortAttr::NeighSuppress(v) => ("neigh_suppress", json!(*v != 0)),
            BridgePortAttr::GroupFwdMask(v) => {
                o.insert("group_fwd_mask".into(), json!(hex(u32::from(*v))));
                ("group_fwd_mask_str", json!(format!("{v:#x}")))
            }
            BridgePortAttr::VlanTunnel(v) => ("vlan_tunnel", json!(*v != 0)),
            BridgePortAttr::Isolated(v) => ("isolated", json!(*v != 0)),
            BridgePortAttr::Locked(v) => ("locked", json!(*v != 0)),
            BridgePortAttr::Mab(v) => ("mab", json!(*v != 0)),
            BridgePortAttr::BackupPort(v) => (
                "backup_port",
                known.name(*v).map_or_else(|| json!(v), |n| json!(n)),
            ),
            _ => continue,
        };
        o.insert(key.into(), value);
    }
    Some(Value::Object(ordered(o, BRIDGE_PORT_ORDER)))
}
