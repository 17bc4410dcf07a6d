//! The kinds this kernel can create (veth, bridge and its ports, vxlan,
//! macvlan, macvtap) against the kernel and `ip`, each in a fresh network
//! namespace:
//!
//! - links made by `ip link add` with non-default options, dumped through
//!   the engine with this crate's types: every key `ip -j -d link show`
//!   prints under `linkinfo.info_data` (and `info_slave_data` for a bridge
//!   port) is mapped to the decoded attribute and compared, and a key the
//!   test does not map fails it;
//! - links made by `RTM_NEWLINK` requests built with these types, then
//!   read back with `ip -j -d link show`: the options took effect.
//!
//! `ip` prints some values converted: the bridge's running timers in
//! seconds (the kernel sends hundredths), masks and ids as C `%#x`
//! strings, on/off bytes as booleans, interface indexes as names.

mod common;

use std::net::Ipv4Addr;

use common::*;
use netlink_packet_core::nla::{Be16, Flag, MacAddr, Nested};
use netlink_packet_core::{NetlinkFlags, NetlinkMessage};
use netlink_packet_route::link::info::*;
use netlink_packet_route::link::{
    InfoData, InfoSlaveData, LinkAttr, LinkHeader, LinkInfo, LinkInfoNest, LinkLayerAddress,
    LinkMessage,
};
use netlink_packet_route::RouteNetlinkMessage;
use netlink_proto::blocking::Connection;
use netlink_proto::RequestOptions;
use netlink_sys::Protocol;
use netlink_testkit::{in_new_netns, ip, ip_json};
use serde_json::{json, Value};

/// The link `name` from a dump and `ip`'s `linkinfo` for it, taken
/// between two dumps whose link info is equal, so that running timers
/// read the same in both.
fn snapshot(name: &str) -> (LinkMessage, Value) {
    for _ in 0..200 {
        let before = link_named(name);
        let shown = ip_json(&format!("-d link show dev {name}"));
        let after = link_named(name);
        if before.link_info() == after.link_info() {
            return (after, shown[0]["linkinfo"].clone());
        }
    }
    panic!("{name}: its link info never held still");
}

/// C's `%#x`: `0` for zero, `0x..` otherwise.
fn c_hex(value: impl Into<u64>) -> Value {
    match value.into() {
        0 => json!("0"),
        v => json!(format!("{v:#x}")),
    }
}

/// A bridge id as `ip` prints it: priority as 4 hex digits, then the
/// address with unpadded bytes.
fn bridge_id(id: &BridgeId) -> Value {
    let [a, b, c, d, e, f] = id.addr.0;
    json!(format!(
        "{:02x}{:02x}.{a:x}:{b:x}:{c:x}:{d:x}:{e:x}:{f:x}",
        id.prio[0], id.prio[1]
    ))
}

/// A `clock_t` timer as `ip` prints it: seconds.
fn timer(hundredths: u64) -> Value {
    json!(hundredths as f64 / 100.0)
}

/// Compares every key of `shown` (an object of `ip -j` output) with what
/// `decoded` gives for it; numbers as numbers, floats to 1/1000.
fn compare(what: &str, shown: &Value, decoded: impl Fn(&str) -> Option<Value>) {
    let object = shown
        .as_object()
        .unwrap_or_else(|| panic!("{what}: {shown}"));
    assert!(!object.is_empty(), "{what}: ip printed nothing");
    for (key, value) in object {
        let mine = decoded(key).unwrap_or_else(|| {
            panic!("{what}: ip prints {key}={value}, which the test does not map")
        });
        match (value.as_f64(), mine.as_f64()) {
            (Some(a), Some(b)) if value.is_f64() || mine.is_f64() => {
                assert!((a - b).abs() < 0.001, "{what}.{key}: ip {a}, decoded {b}")
            }
            _ => assert_eq!(&mine, value, "{what}.{key}"),
        }
    }
}

/// The first `$variant` value in `$attrs`, as JSON through `$f`.
macro_rules! val {
    ($attrs:expr, $variant:path, $f:expr) => {
        $attrs.iter().find_map(|a| match a {
            $variant(v) => Some($f(v.clone())),
            _ => None,
        })
    };
    ($attrs:expr, $variant:path) => {
        val!($attrs, $variant, |v| json!(v))
    };
}

fn data(link: &LinkMessage) -> &InfoData {
    link.link_info()
        .and_then(LinkInfoNest::data)
        .unwrap_or_else(|| panic!("{:?}: no IFLA_INFO_DATA", link.name()))
}

fn name_of(index: u32) -> Value {
    let links = dump_links();
    let link = links
        .iter()
        .find(|l| i64::from(l.header.index) == i64::from(index))
        .unwrap_or_else(|| panic!("no link {index}"));
    json!(link.name().unwrap())
}

fn bridge_decoded(attrs: &[BridgeAttr], key: &str) -> Option<Value> {
    use BridgeAttr as B;
    let boolopt = |bit: BridgeBoolOpts| {
        val!(attrs, B::MultiBoolopt, |m: BridgeBoolOptMulti| json!(
            u8::from(m.optval.contains(bit))
        ))
    };
    match key {
        "forward_delay" => val!(attrs, B::ForwardDelay),
        "hello_time" => val!(attrs, B::HelloTime),
        "max_age" => val!(attrs, B::MaxAge),
        "ageing_time" => val!(attrs, B::AgeingTime),
        "stp_state" => val!(attrs, B::StpState),
        "priority" => val!(attrs, B::Priority),
        "vlan_filtering" => val!(attrs, B::VlanFiltering),
        "vlan_protocol" => val!(attrs, B::VlanProtocol, |p: Be16| json!(match p.0 {
            0x8100 => "802.1Q".to_string(),
            0x88a8 => "802.1ad".to_string(),
            other => format!("{other:#06x}"),
        })),
        "bridge_id" => val!(attrs, B::BridgeId, |id| bridge_id(&id)),
        "root_id" => val!(attrs, B::RootId, |id| bridge_id(&id)),
        "root_port" => val!(attrs, B::RootPort),
        "root_path_cost" => val!(attrs, B::RootPathCost),
        "topology_change" => val!(attrs, B::TopologyChange),
        "topology_change_detected" => val!(attrs, B::TopologyChangeDetected),
        "hello_timer" => val!(attrs, B::HelloTimer, timer),
        "tcn_timer" => val!(attrs, B::TcnTimer, timer),
        "topology_change_timer" => val!(attrs, B::TopologyChangeTimer, timer),
        "gc_timer" => val!(attrs, B::GcTimer, timer),
        "group_fwd_mask" => val!(attrs, B::GroupFwdMask, c_hex),
        "group_addr" => val!(attrs, B::GroupAddr, |m: MacAddr| json!(m.to_string())),
        "mcast_snooping" => val!(attrs, B::McastSnooping),
        "no_linklocal_learn" => boolopt(BridgeBoolOpts::NO_LL_LEARN),
        "mcast_vlan_snooping" => boolopt(BridgeBoolOpts::MCAST_VLAN_SNOOPING),
        "mst_enabled" => boolopt(BridgeBoolOpts::MST_ENABLE),
        "mcast_router" => val!(attrs, B::McastRouter, |r| json!(u8::from(r))),
        "mcast_query_use_ifaddr" => val!(attrs, B::McastQueryUseIfaddr),
        "mcast_querier" => val!(attrs, B::McastQuerier),
        "mcast_hash_elasticity" => val!(attrs, B::McastHashElasticity),
        "mcast_hash_max" => val!(attrs, B::McastHashMax),
        "mcast_last_member_cnt" => val!(attrs, B::McastLastMemberCnt),
        "mcast_startup_query_cnt" => val!(attrs, B::McastStartupQueryCnt),
        "mcast_last_member_intvl" => val!(attrs, B::McastLastMemberIntvl),
        "mcast_membership_intvl" => val!(attrs, B::McastMembershipIntvl),
        "mcast_querier_intvl" => val!(attrs, B::McastQuerierIntvl),
        "mcast_query_intvl" => val!(attrs, B::McastQueryIntvl),
        "mcast_query_response_intvl" => val!(attrs, B::McastQueryResponseIntvl),
        "mcast_startup_query_intvl" => val!(attrs, B::McastStartupQueryIntvl),
        "mcast_stats_enabled" => val!(attrs, B::McastStatsEnabled),
        "mcast_igmp_version" => val!(attrs, B::McastIgmpVersion),
        "mcast_mld_version" => val!(attrs, B::McastMldVersion),
        "nf_call_iptables" => val!(attrs, B::NfCallIptables),
        "nf_call_ip6tables" => val!(attrs, B::NfCallIp6tables),
        "nf_call_arptables" => val!(attrs, B::NfCallArptables),
        _ => None,
    }
}

fn on(v: u8) -> Value {
    json!(v != 0)
}

fn port_decoded(attrs: &[BridgePortAttr], key: &str) -> Option<Value> {
    use BridgePortAttr as P;
    match key {
        "state" => val!(
            attrs,
            P::State,
            |s: netlink_packet_route::link::BridgeStpState| { json!(s.name().unwrap()) }
        ),
        "priority" => val!(attrs, P::Priority),
        "cost" => val!(attrs, P::Cost),
        "hairpin" => val!(attrs, P::Mode, on),
        "guard" => val!(attrs, P::Guard, on),
        "root_block" => val!(attrs, P::Protect, on),
        "fastleave" => val!(attrs, P::FastLeave, on),
        "learning" => val!(attrs, P::Learning, on),
        "flood" => val!(attrs, P::UnicastFlood, on),
        "id" => val!(attrs, P::Id, c_hex),
        "no" => val!(attrs, P::No, c_hex),
        "designated_port" => val!(attrs, P::DesignatedPort),
        "designated_cost" => val!(attrs, P::DesignatedCost),
        "bridge_id" => val!(attrs, P::BridgeId, |id| bridge_id(&id)),
        "root_id" => val!(attrs, P::RootId, |id| bridge_id(&id)),
        "hold_timer" => val!(attrs, P::HoldTimer, timer),
        "message_age_timer" => val!(attrs, P::MessageAgeTimer, timer),
        "forward_delay_timer" => val!(attrs, P::ForwardDelayTimer, timer),
        "topology_change_ack" => val!(attrs, P::TopologyChangeAck),
        "config_pending" => val!(attrs, P::ConfigPending),
        "proxy_arp" => val!(attrs, P::Proxyarp, on),
        "proxy_arp_wifi" => val!(attrs, P::ProxyarpWifi, on),
        "multicast_router" => val!(attrs, P::MulticastRouter, |r| json!(u8::from(r))),
        "mcast_flood" => val!(attrs, P::McastFlood, on),
        "bcast_flood" => val!(attrs, P::BcastFlood, on),
        "mcast_to_unicast" => val!(attrs, P::McastToUcast, on),
        "neigh_suppress" => val!(attrs, P::NeighSuppress, on),
        "group_fwd_mask" => val!(attrs, P::GroupFwdMask, c_hex),
        "group_fwd_mask_str" => val!(attrs, P::GroupFwdMask, |m: u16| json!(format!("{m:#x}"))),
        "vlan_tunnel" => val!(attrs, P::VlanTunnel, on),
        "isolated" => val!(attrs, P::Isolated, on),
        "locked" => val!(attrs, P::Locked, on),
        "mab" => val!(attrs, P::Mab, on),
        "backup_port" => val!(attrs, P::BackupPort, name_of),
        "mcast_eht_hosts_limit" => val!(attrs, P::McastEhtHostsLimit),
        "mcast_eht_hosts_cnt" => val!(attrs, P::McastEhtHostsCnt),
        _ => None,
    }
}

#[test]
fn bridge_and_port_made_by_ip_decode_as_ip_shows_them() {
    in_new_netns(|| {
        ip(
            "link add br0 type bridge forward_delay 1000 hello_time 300 max_age 1500 \
            ageing_time 20000 stp_state 1 priority 100 group_fwd_mask 8 mcast_router 2 \
            mcast_querier 1 mcast_hash_max 1024 mcast_igmp_version 3 mcast_mld_version 2 \
            mcast_last_member_count 3 mcast_startup_query_count 4 mcast_query_interval 6000 \
            mcast_stats_enabled 1",
        );
        ip("link add v0 type veth peer name v1");
        ip("link add v2 type veth peer name v3");
        ip("link set v0 master br0");
        ip("link set v2 master br0");
        ip(
            "link set dev v0 type bridge_slave priority 7 cost 33 learning off hairpin on \
            guard on mcast_fast_leave on mcast_router 2 group_fwd_mask 8 isolated on \
            backup_port v2 proxy_arp on root_block on mcast_flood off bcast_flood off \
            mcast_to_unicast on vlan_tunnel on locked on",
        );
        ip("link set v1 up");
        ip("link set v0 up");
        ip("link set br0 up");

        let (br0, shown) = snapshot("br0");
        assert_eq!(shown["info_kind"], "bridge");
        let InfoData::Bridge(attrs) = data(&br0) else {
            panic!("{:?}", data(&br0));
        };
        compare("br0", &shown["info_data"], |key| bridge_decoded(attrs, key));
        assert_eq!(shown["info_data"]["forward_delay"], 1000);
        assert_eq!(shown["info_data"]["mcast_router"], 2);

        let (v0, shown) = snapshot("v0");
        assert_eq!(shown["info_slave_kind"], "bridge");
        let Some(InfoSlaveData::Bridge(port)) = v0.link_info().unwrap().slave_data() else {
            panic!("{:?}", v0.link_info());
        };
        compare("v0", &shown["info_slave_data"], |key| {
            port_decoded(port, key)
        });
        assert_eq!(shown["info_slave_data"]["backup_port"], "v2");
        assert_eq!(shown["info_slave_data"]["cost"], 33);
    });
}

fn vxlan_decoded(attrs: &[VxlanAttr], key: &str) -> Option<Value> {
    use VxlanAttr as X;
    let flag = |present: bool| Some(json!(present));
    let multicast = |addr: Ipv4Addr| addr.is_multicast();
    match key {
        "id" => val!(attrs, X::Id),
        "remote" => val!(attrs, X::Group, |a: Ipv4Addr| json!(a.to_string()))
            .filter(|_| !val!(attrs, X::Group, multicast).unwrap_or(false)),
        "group" => val!(attrs, X::Group, |a: Ipv4Addr| json!(a.to_string()))
            .filter(|_| val!(attrs, X::Group, multicast).unwrap_or(false)),
        "group6" | "remote6" => val!(attrs, X::Group6, |a: std::net::Ipv6Addr| json!(
            a.to_string()
        )),
        "local" => val!(attrs, X::Local, |a: Ipv4Addr| json!(a.to_string())),
        "local6" => val!(attrs, X::Local6, |a: std::net::Ipv6Addr| json!(
            a.to_string()
        )),
        "link" => val!(attrs, X::Link, name_of),
        "port_range" => val!(attrs, X::PortRange, |r: VxlanPortRange| {
            json!({"low": r.low.0, "high": r.high.0})
        }),
        "port" => val!(attrs, X::Port, |p: Be16| json!(p.0)),
        "learning" => val!(attrs, X::Learning, on),
        "proxy" => val!(attrs, X::Proxy, on),
        "rsc" => val!(attrs, X::Rsc, on),
        "l2miss" => val!(attrs, X::L2miss, on),
        "l3miss" => val!(attrs, X::L3miss, on),
        "tos" => val!(attrs, X::Tos, c_hex),
        "ttl" => val!(attrs, X::Ttl),
        "df" => val!(attrs, X::Df, |d: VxlanDf| json!(d.name().unwrap())),
        "label" => val!(attrs, X::Label, |l: netlink_packet_core::nla::Be32| c_hex(
            l.0
        )),
        "ageing" => val!(attrs, X::Ageing),
        "limit" => val!(attrs, X::Limit),
        "udp_csum" => val!(attrs, X::UdpCsum, on),
        "udp_zero_csum6_tx" => val!(attrs, X::UdpZeroCsum6Tx, on),
        "udp_zero_csum6_rx" => val!(attrs, X::UdpZeroCsum6Rx, on),
        "remcsum_tx" => val!(attrs, X::RemcsumTx, on),
        "remcsum_rx" => val!(attrs, X::RemcsumRx, on),
        "external" => val!(attrs, X::CollectMetadata, on),
        "vnifilter" => val!(attrs, X::Vnifilter, on),
        "gbp" => flag(val!(attrs, X::Gbp, |_: Flag| ()).is_some()),
        "gpe" => flag(val!(attrs, X::Gpe, |_: Flag| ()).is_some()),
        "remcsum_nopartial" => flag(val!(attrs, X::RemcsumNopartial, |_: Flag| ()).is_some()),
        _ => None,
    }
}

fn macvlan_decoded(attrs: &[MacVlanAttr], key: &str) -> Option<Value> {
    use MacVlanAttr as M;
    let flag = |bit: MacVlanFlags| val!(attrs, M::Flags, |f: MacVlanFlags| json!(f.contains(bit)));
    match key {
        "mode" => val!(attrs, M::Mode, |m: MacVlanMode| json!(m.name().unwrap())),
        "nopromisc" => flag(MacVlanFlags::NOPROMISC),
        "nodst" => flag(MacVlanFlags::NODST),
        "bcqueuelen" => val!(attrs, M::BcQueueLen),
        "usedbcqueuelen" => val!(attrs, M::BcQueueLenUsed),
        "macaddr_count" => val!(attrs, M::MacaddrCount),
        "macaddr_data" => val!(attrs, M::MacaddrData, |list: Nested<MacVlanAttr>| {
            json!(list
                .iter()
                .map(|a| match a {
                    M::Macaddr(mac) => mac.to_string(),
                    other => panic!("{other:?}"),
                })
                .collect::<Vec<_>>())
        }),
        _ => None,
    }
}

fn check_kind(name: &str, kind: &str) {
    let (link, shown) = snapshot(name);
    assert_eq!(shown["info_kind"], kind, "{name}");
    assert_eq!(link.kind(), Some(kind));
    match data(&link) {
        InfoData::Vxlan(attrs) => compare(name, &shown["info_data"], |k| vxlan_decoded(attrs, k)),
        InfoData::MacVlan(attrs) => {
            compare(name, &shown["info_data"], |k| macvlan_decoded(attrs, k))
        }
        other => panic!("{name}: {other:?}"),
    }
}

#[test]
fn vxlan_macvlan_macvtap_veth_made_by_ip_decode_as_ip_shows_them() {
    in_new_netns(|| {
        ip(
            "link add vx0 type vxlan id 42 dstport 4789 local 192.0.2.1 remote 198.51.100.7 \
            ttl 9 tos 0x10 nolearning srcport 1000 2000 ageing 123 df set gbp",
        );
        ip(
            "link add vx6 type vxlan id 4242 dstport 8472 local 2001:db8::1 group ff05::100 \
            dev lo ttl inherit proxy rsc l2miss l3miss remcsumtx remcsumrx flowlabel 0x12345 \
            noudpcsum udp6zerocsumtx udp6zerocsumrx maxaddress 77 df inherit",
        );
        ip("link add vxm type vxlan id 7 group 239.1.1.1 dev lo dstport 0 tos inherit");
        ip("link add vxg type vxlan external gpe vnifilter");
        ip("link add va type veth peer name vb mtu 1280 address 02:00:00:00:00:0b");
        ip("link add mv0 link va type macvlan mode source");
        ip("link set mv0 type macvlan macaddr add 02:00:00:00:00:01");
        ip("link set mv0 type macvlan macaddr add 02:00:00:00:00:02");
        ip("link add mv2 link vb type macvlan mode passthru nopromisc");
        ip("link add mt0 link va type macvtap mode vepa bcqueuelen 50");
        for name in ["vx0", "vx6", "vxm", "vxg"] {
            check_kind(name, "vxlan");
        }
        for name in ["mv0", "mv2"] {
            check_kind(name, "macvlan");
        }
        check_kind("mt0", "macvtap");

        // veth: no IFLA_INFO_DATA in dumps; the peer is IFLA_LINK.
        let (va, shown) = snapshot("va");
        assert_eq!(shown["info_kind"], "veth");
        assert!(shown.get("info_data").is_none());
        assert!(va.link_info().unwrap().data().is_none());
        let peer = va
            .attrs
            .iter()
            .find_map(|a| match a {
                LinkAttr::Link(index) => Some(*index),
                _ => None,
            })
            .unwrap();
        assert_eq!(name_of(peer), "vb");
        let vb = link_named("vb");
        assert_eq!(vb.mtu(), Some(1280));
    });
}

/// Sends `link` as `RTM_NEWLINK` with `flags` and waits for the ACK.
fn new_link(link: LinkMessage, flags: NetlinkFlags) {
    let mut connection = Connection::new(Protocol::Route).unwrap();
    let mut request = NetlinkMessage::from_inner(RouteNetlinkMessage::NewLink(link));
    request.header.flags = flags;
    connection
        .request_all(&request, RequestOptions::request())
        .unwrap_or_else(|e| panic!("{e}"));
}

fn link(name: &str, mut attrs: Vec<LinkAttr>, info: Vec<LinkInfo>) -> LinkMessage {
    attrs.insert(0, LinkAttr::IfName(name.into()));
    attrs.push(LinkAttr::LinkInfo(LinkInfoNest::new(info)));
    LinkMessage::new(LinkHeader::default(), attrs)
}

fn kind(kind: &str, data: InfoData) -> Vec<LinkInfo> {
    vec![LinkInfo::Kind(kind.into()), LinkInfo::Data(data)]
}

fn index_of(name: &str) -> u32 {
    u32::try_from(link_named(name).header.index).unwrap()
}

fn info_data(name: &str) -> Value {
    ip_json(&format!("-d link show dev {name}"))[0]["linkinfo"]["info_data"].clone()
}

#[test]
fn links_built_here_are_created_as_asked() {
    in_new_netns(|| {
        // A veth pair, the peer described by a nested link message.
        let peer = LinkMessage::new(
            LinkHeader::default(),
            vec![
                LinkAttr::IfName("p1".into()),
                LinkAttr::Mtu(1300),
                LinkAttr::Address(LinkLayerAddress::from([2, 0, 0, 0, 0, 0x31])),
            ],
        );
        create_link(link(
            "p0",
            vec![],
            kind(
                "veth",
                InfoData::Veth(Nested::new(vec![VethAttr::Peer(peer)])),
            ),
        ))
        .unwrap();
        let p1 = &ip_json("-d link show dev p1")[0];
        assert_eq!(p1["mtu"], 1300);
        assert_eq!(p1["address"], "02:00:00:00:00:31");
        assert_eq!(p1["linkinfo"]["info_kind"], "veth");
        assert_eq!(ip_json("link show dev p0")[0]["link"], "p1");

        // A bridge with non-default settings. The kernel keeps times in
        // jiffies: hundredths that do not convert exactly come back rounded
        // (12345 reads 12344 here), so these are whole tenths.
        let boolopt = BridgeBoolOptMulti {
            optval: BridgeBoolOpts::NO_LL_LEARN,
            optmask: BridgeBoolOpts::NO_LL_LEARN,
            extra: Default::default(),
        };
        create_link(link(
            "br1",
            vec![],
            kind(
                "bridge",
                InfoData::Bridge(Nested::new(vec![
                    BridgeAttr::ForwardDelay(800),
                    BridgeAttr::HelloTime(400),
                    BridgeAttr::MaxAge(1200),
                    BridgeAttr::AgeingTime(12300),
                    BridgeAttr::StpState(1),
                    BridgeAttr::Priority(4096),
                    BridgeAttr::GroupFwdMask(8),
                    BridgeAttr::McastRouter(MulticastRouter::Disabled),
                    BridgeAttr::McastHashMax(2048),
                    BridgeAttr::McastIgmpVersion(3),
                    BridgeAttr::McastMldVersion(2),
                    BridgeAttr::McastQueryIntvl(7000),
                    BridgeAttr::MultiBoolopt(boolopt),
                ])),
            ),
        ))
        .unwrap();
        let br = info_data("br1");
        for (key, value) in [
            ("forward_delay", json!(800)),
            ("hello_time", json!(400)),
            ("max_age", json!(1200)),
            ("ageing_time", json!(12300)),
            ("stp_state", json!(1)),
            ("priority", json!(4096)),
            ("group_fwd_mask", json!("0x8")),
            ("mcast_router", json!(0)),
            ("mcast_hash_max", json!(2048)),
            ("mcast_igmp_version", json!(3)),
            ("mcast_mld_version", json!(2)),
            ("mcast_query_intvl", json!(7000)),
            ("no_linklocal_learn", json!(1)),
        ] {
            assert_eq!(br[key], value, "br1 {key}");
        }

        // Its port: created with IFLA_MASTER, then its slave data changed.
        let peer = LinkMessage::new(LinkHeader::default(), vec![LinkAttr::IfName("q1".into())]);
        create_link(link(
            "q0",
            vec![LinkAttr::Master(index_of("br1"))],
            kind(
                "veth",
                InfoData::Veth(Nested::new(vec![VethAttr::Peer(peer)])),
            ),
        ))
        .unwrap();
        let mut port = link(
            "q0",
            vec![],
            vec![
                LinkInfo::SlaveKind("bridge".into()),
                LinkInfo::SlaveData(InfoSlaveData::Bridge(Nested::new(vec![
                    BridgePortAttr::Priority(9),
                    BridgePortAttr::Cost(77),
                    BridgePortAttr::Mode(1),
                    BridgePortAttr::Learning(0),
                    BridgePortAttr::McastFlood(0),
                    BridgePortAttr::Isolated(1),
                    BridgePortAttr::MulticastRouter(MulticastRouter::Perm),
                    BridgePortAttr::GroupFwdMask(8),
                ]))),
            ],
        );
        port.header.index = i32::try_from(index_of("q0")).unwrap();
        new_link(port, NetlinkFlags::empty());
        let slave = &ip_json("-d link show dev q0")[0]["linkinfo"]["info_slave_data"];
        for (key, value) in [
            ("priority", json!(9)),
            ("cost", json!(77)),
            ("hairpin", json!(true)),
            ("learning", json!(false)),
            ("mcast_flood", json!(false)),
            ("isolated", json!(true)),
            ("multicast_router", json!(2)),
            ("group_fwd_mask", json!("0x8")),
        ] {
            assert_eq!(slave[key], value, "q0 {key}");
        }

        // A vxlan device.
        create_link(link(
            "vx1",
            vec![],
            kind(
                "vxlan",
                InfoData::Vxlan(Nested::new(vec![
                    VxlanAttr::Id(77),
                    VxlanAttr::Group(Ipv4Addr::new(239, 1, 2, 3)),
                    VxlanAttr::Link(1),
                    VxlanAttr::Local(Ipv4Addr::new(192, 0, 2, 9)),
                    VxlanAttr::Ttl(33),
                    VxlanAttr::Tos(0x20),
                    VxlanAttr::Learning(0),
                    VxlanAttr::Ageing(600),
                    VxlanAttr::Limit(50),
                    VxlanAttr::PortRange(VxlanPortRange {
                        low: Be16(2000),
                        high: Be16(3000),
                        extra: Default::default(),
                    }),
                    VxlanAttr::Port(Be16(5000)),
                    VxlanAttr::Df(VxlanDf::Inherit),
                    VxlanAttr::UdpCsum(0),
                    VxlanAttr::Proxy(1),
                    VxlanAttr::L2miss(1),
                    VxlanAttr::Gbp(Flag),
                ])),
            ),
        ))
        .unwrap();
        let vx = info_data("vx1");
        for (key, value) in [
            ("id", json!(77)),
            ("group", json!("239.1.2.3")),
            ("link", json!("lo")),
            ("local", json!("192.0.2.9")),
            ("ttl", json!(33)),
            ("tos", json!("0x20")),
            ("learning", json!(false)),
            ("ageing", json!(600)),
            ("limit", json!(50)),
            ("port_range", json!({"low": 2000, "high": 3000})),
            ("port", json!(5000)),
            ("df", json!("inherit")),
            ("udp_csum", json!(false)),
            ("proxy", json!(true)),
            ("l2miss", json!(true)),
            ("gbp", json!(true)),
        ] {
            assert_eq!(vx[key], value, "vx1 {key}");
        }

        // macvlan in source mode with its address list, and a macvtap.
        let lower = index_of("p0");
        create_link(link(
            "mv1",
            vec![LinkAttr::Link(lower)],
            kind(
                "macvlan",
                InfoData::MacVlan(Nested::new(vec![
                    MacVlanAttr::Mode(MacVlanMode::Source),
                    MacVlanAttr::Flags(MacVlanFlags::NODST),
                    MacVlanAttr::BcQueueLen(321),
                    MacVlanAttr::MacaddrMode(MacVlanMacAddrMode::Set),
                    MacVlanAttr::MacaddrData(Nested::new(vec![
                        MacVlanAttr::Macaddr(MacAddr([2, 0, 0, 0, 0, 0xa1])),
                        MacVlanAttr::Macaddr(MacAddr([2, 0, 0, 0, 0, 0xa2])),
                    ])),
                ])),
            ),
        ))
        .unwrap();
        let mv = info_data("mv1");
        assert_eq!(mv["mode"], "source");
        assert_eq!(mv["nodst"], true);
        assert_eq!(mv["bcqueuelen"], 321);
        assert_eq!(mv["macaddr_count"], 2);
        let mut list: Vec<String> = mv["macaddr_data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m.as_str().unwrap().to_string())
            .collect();
        list.sort();
        assert_eq!(list, ["02:00:00:00:00:a1", "02:00:00:00:00:a2"]);

        create_link(link(
            "mt1",
            vec![LinkAttr::Link(lower)],
            kind(
                "macvtap",
                InfoData::MacVlan(Nested::new(vec![MacVlanAttr::Mode(MacVlanMode::Private)])),
            ),
        ))
        .unwrap();
        let shown = &ip_json("-d link show dev mt1")[0]["linkinfo"];
        assert_eq!(shown["info_kind"], "macvtap");
        assert_eq!(shown["info_data"]["mode"], "private");
    });
}
