//! Routes against this machine's kernel, in fresh namespaces: created with
//! `ip` and read with these types, created with these types and read with
//! `ip -j route show`, compared field by field; and the route lookup
//! (`RTM_GETROUTE` with `RTA_DST`) answered with one route.
//!
//! Set `ROUTE_RECORD_FIXTURES=1` to (re)write the lookup replies under
//! `tests/fixtures/route/`.

mod common;

use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use common::*;
use netlink_packet_core::nla::{Nested, Uint};
use netlink_packet_core::{NetlinkFlags, NetlinkMessage, NetlinkPayload};
use netlink_packet_route::family::{AF_INET, AF_INET6, AF_UNSPEC};
use netlink_packet_route::route::*;
use netlink_packet_route::{RouteNetlinkMessage, Scope};
use netlink_proto::blocking::Connection;
use netlink_proto::RequestOptions;
use netlink_sys::Protocol;
use netlink_testkit::{in_new_netns, ip, ip_json};
use serde_json::Value;

const SETUP: &str = "link set lo up
link add v0 type veth peer name v1
link set v0 up
link set v1 up
addr add 192.0.2.1/24 dev v0
addr add 2001:db8::1/64 dev v0 nodad
";

fn setup() {
    for line in SETUP.lines() {
        ip(line);
    }
}

fn dump_routes(family: u8) -> Vec<RouteMessage> {
    let header = RouteHeader {
        family,
        ..Default::default()
    };
    dump_picked(
        RouteNetlinkMessage::GetRoute(RouteMessage::new(header, vec![])),
        |m| match m {
            RouteNetlinkMessage::NewRoute(v) => Some(v),
            _ => None,
        },
    )
}

fn link_names() -> HashMap<u32, String> {
    dump_links()
        .into_iter()
        .map(|l| (l.header.index as u32, l.name().unwrap_or("").to_string()))
        .collect()
}

/// The destination as `ip -j` prints it.
fn dst_text(r: &RouteMessage) -> String {
    let host = if r.header.family == AF_INET6 { 128 } else { 32 };
    match r.destination() {
        None if r.header.dst_len == 0 => "default".into(),
        None => format!("?/{}", r.header.dst_len),
        Some(dst) if r.header.dst_len == host => dst.to_string(),
        Some(dst) => format!("{dst}/{}", r.header.dst_len),
    }
}

/// The table as `ip -j` prints it.
fn table_text(table: u32) -> String {
    match RouteTable::from(table) {
        RouteTable::Main => "main".into(),
        RouteTable::Local => "local".into(),
        RouteTable::Default => "default".into(),
        _ => table.to_string(),
    }
}

/// The protocol as `ip -j` prints it (names of the protocols these tests
/// use; numbers otherwise).
fn protocol_text(p: RouteProtocol) -> String {
    match p {
        RouteProtocol::Kernel
        | RouteProtocol::Boot
        | RouteProtocol::Static
        | RouteProtocol::Ra
        | RouteProtocol::Dhcp
        | RouteProtocol::OpenR
        | RouteProtocol::Unspec
        | RouteProtocol::Redirect => p.name().unwrap_or("").into(),
        other => u8::from(other).to_string(),
    }
}

/// The entry of `json` (an `ip -j route show` array) for route `r`.
fn entry<'a>(json: &'a Value, r: &RouteMessage, names: &HashMap<u32, String>) -> &'a Value {
    let dst = dst_text(r);
    let table = table_text(r.table());
    let dev = r.oif().and_then(|i| names.get(&i)).map(String::as_str);
    json.as_array()
        .unwrap()
        .iter()
        .find(|e| {
            e["dst"] == dst.as_str()
                && e["table"].as_str().unwrap_or("main") == table
                && e["type"].as_str().unwrap_or("unicast") == r.header.kind.name().unwrap_or("")
                && e["dev"].as_str() == dev
        })
        .unwrap_or_else(|| panic!("no {dst} table {table} dev {dev:?} in {json}"))
}

/// Compares route `r` with its `ip -j -d` entry, field by field.
fn compare(r: &RouteMessage, e: &Value, names: &HashMap<u32, String>) {
    let what = format!("{} vs {e}", dst_text(r));
    assert_eq!(e["type"], r.header.kind.name().unwrap(), "{what}");
    assert_eq!(
        e["protocol"],
        protocol_text(r.header.protocol).as_str(),
        "{what}"
    );
    assert_eq!(e["scope"], r.header.scope.name().unwrap(), "{what}");
    assert_eq!(
        e["gateway"].as_str().map(|g| g.parse::<IpAddr>().unwrap()),
        r.gateway(),
        "{what}"
    );
    assert_eq!(
        e["prefsrc"].as_str().map(|g| g.parse::<IpAddr>().unwrap()),
        r.prefsrc(),
        "{what}"
    );
    assert_eq!(e["metric"].as_u64(), r.priority().map(u64::from), "{what}");
    assert_eq!(e["nhid"].as_u64(), r.nh_id().map(u64::from), "{what}");
    assert_eq!(
        e["pref"].as_str(),
        r.pref().and_then(|p| p.name()),
        "{what}"
    );
    let flags: Vec<&str> = e["flags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap())
        .collect();
    assert_eq!(
        flags.contains(&"onlink"),
        r.header.flags.contains(RouteFlags::ONLINK),
        "{what}"
    );
    match r.multipath() {
        None => assert!(e.get("nexthops").is_none(), "{what}"),
        Some(hops) => {
            let json = e["nexthops"].as_array().expect("nexthops");
            assert_eq!(json.len(), hops.len(), "{what}");
            for (hop, j) in hops.iter().zip(json) {
                assert_eq!(
                    j["gateway"].as_str().map(|g| g.parse::<IpAddr>().unwrap()),
                    hop.gateway().and_then(RouteAddress::ip),
                    "{what}"
                );
                assert_eq!(
                    j["dev"].as_str(),
                    names.get(&(hop.ifindex as u32)).map(String::as_str),
                    "{what}"
                );
                assert_eq!(
                    j["weight"].as_u64(),
                    Some(u64::from(hop.weight())),
                    "{what}"
                );
            }
        }
    }
    if let Some(metrics) = r.metrics() {
        let j = &e["metrics"][0];
        for m in metrics {
            match m {
                MetricAttr::Mtu(v) => assert_eq!(j["mtu"].as_u64(), Some(u64::from(*v)), "{what}"),
                MetricAttr::Window(v) => {
                    assert_eq!(j["window"].as_u64(), Some(u64::from(*v)), "{what}")
                }
                MetricAttr::InitCwnd(v) => {
                    assert_eq!(j["initcwnd"].as_u64(), Some(u64::from(*v)), "{what}")
                }
                MetricAttr::CcAlgo(v) => {
                    assert_eq!(j["congestion"].as_str(), Some(v.as_str()), "{what}")
                }
                _ => {}
            }
        }
    }
}

#[test]
fn routes_made_with_ip_read_back_field_by_field() {
    in_new_netns(|| {
        setup();
        for line in [
            "route add 10.0.0.0/8 via 192.0.2.254 dev v0 proto 99 metric 77",
            "route add 10.1.0.0/16 nexthop via 192.0.2.2 weight 2 nexthop via 192.0.2.3 weight 3",
            "route add 10.3.0.0/16 via 192.0.2.254 mtu 1400 window 1000 initcwnd 10 congctl cubic",
            "route add 10.4.0.0/16 via 192.0.2.254 table 1000 proto static",
            "route add 10.5.0.0/16 dev v0 src 192.0.2.1 proto 123",
            "route add blackhole 10.6.0.0/16",
            "route add unreachable 10.7.0.0/16",
            "route add prohibit 10.8.0.0/16",
            "nexthop add id 1 via 192.0.2.5 dev v0",
            "route add 10.9.0.0/16 nhid 1",
            "route add 10.11.0.0/16 via 203.0.113.1 dev v0 onlink",
            "-6 route add 2001:db8:1::/64 via 2001:db8::2 metric 1024 pref high",
            "-6 route add 2001:db8:3::/64 nexthop via 2001:db8::4 weight 1 nexthop via 2001:db8::5 weight 4",
        ] {
            ip(line);
        }
        let names = link_names();
        let json4 = ip_json("-d route show table all");
        let json6 = ip_json("-6 -d route show table all");
        let routes = dump_routes(AF_UNSPEC);
        let mut compared = 0;
        for r in &routes {
            let json = if r.header.family == AF_INET6 {
                &json6
            } else {
                &json4
            };
            compare(r, entry(json, r, &names), &names);
            compared += 1;
        }
        let ours: usize = json4.as_array().unwrap().len();
        assert_eq!(compared, ours, "every route ip shows was dumped");
        let find = |dst: &str| {
            routes
                .iter()
                .find(|r| dst_text(r) == dst)
                .unwrap_or_else(|| panic!("{dst}"))
        };
        assert_eq!(find("10.4.0.0/16").table(), 1000);
        assert_eq!(
            find("10.5.0.0/16").header.protocol,
            RouteProtocol::Other(123)
        );
        assert_eq!(find("10.9.0.0/16").nh_id(), Some(1));
        assert_eq!(find("2001:db8:1::/64").pref(), Some(RoutePreference::High));
    });
}

fn send_new_route(route: RouteMessage) {
    let mut connection = Connection::new(Protocol::Route).unwrap();
    let mut request = NetlinkMessage::from_inner(RouteNetlinkMessage::NewRoute(route));
    request.header.flags = NetlinkFlags::CREATE | NetlinkFlags::EXCL;
    connection
        .request_all(&request, RequestOptions::request())
        .unwrap();
}

fn header(family: u8, dst_len: u8, kind: RouteType) -> RouteHeader {
    RouteHeader {
        family,
        dst_len,
        table: 254,
        protocol: RouteProtocol::Static,
        scope: Scope::Universe,
        kind,
        ..Default::default()
    }
}

#[test]
fn routes_made_with_these_types_read_back_with_ip() {
    in_new_netns(|| {
        setup();
        let names = link_names();
        let v0 = *names.iter().find(|(_, n)| *n == "v0").unwrap().0;
        let gw = |a: u8| RouteAddress::from(Ipv4Addr::new(192, 0, 2, a));
        let dst = |b: u8| RouteAddress::from(Ipv4Addr::new(10, b, 0, 0));
        send_new_route(RouteMessage::new(
            header(AF_INET, 16, RouteType::Unicast),
            vec![
                RouteAttr::Dst(dst(20)),
                RouteAttr::Gateway(gw(254)),
                RouteAttr::Oif(v0),
            ],
        ));
        send_new_route(RouteMessage::new(
            header(AF_INET6, 64, RouteType::Unicast),
            vec![
                RouteAttr::Dst("2001:db8:20::".parse::<Ipv6Addr>().unwrap().into()),
                RouteAttr::Gateway("2001:db8::2".parse::<Ipv6Addr>().unwrap().into()),
                RouteAttr::Oif(v0),
                RouteAttr::Priority(333),
            ],
        ));
        send_new_route(RouteMessage::new(
            header(AF_INET6, 64, RouteType::Unicast),
            vec![
                RouteAttr::Dst("2001:db8:21::".parse::<Ipv6Addr>().unwrap().into()),
                RouteAttr::Gateway("2001:db8::3".parse::<Ipv6Addr>().unwrap().into()),
                RouteAttr::Oif(v0),
                RouteAttr::Expires(Uint(600)),
                RouteAttr::Pref(RoutePreference::Low),
            ],
        ));
        let hop = |a: u8, hops: u8| NextHop {
            hops,
            ifindex: v0 as i32,
            attrs: vec![NextHopAttr::Gateway(gw(a))],
            ..Default::default()
        };
        send_new_route(RouteMessage::new(
            header(AF_INET, 16, RouteType::Unicast),
            vec![
                RouteAttr::Dst(dst(21)),
                RouteAttr::Multipath(Multipath(vec![hop(2, 1), hop(3, 2)])),
            ],
        ));
        send_new_route(RouteMessage::new(
            header(AF_INET, 16, RouteType::Unicast),
            vec![
                RouteAttr::Dst(dst(22)),
                RouteAttr::Gateway(gw(254)),
                RouteAttr::Metrics(Nested::new(vec![
                    MetricAttr::Mtu(1300),
                    MetricAttr::Window(2000),
                    MetricAttr::CcAlgo("reno".into()),
                ])),
            ],
        ));
        let mut in_1000 = header(AF_INET, 16, RouteType::Unicast);
        in_1000.table = 252;
        send_new_route(RouteMessage::new(
            in_1000,
            vec![
                RouteAttr::Dst(dst(23)),
                RouteAttr::Gateway(gw(254)),
                RouteAttr::Table(RouteTable::Other(1000)),
            ],
        ));
        send_new_route(RouteMessage::new(
            header(AF_INET, 16, RouteType::Blackhole),
            vec![RouteAttr::Dst(dst(24))],
        ));

        let json = ip_json("-d route show table all");
        let get = |dst: &str| {
            json.as_array()
                .unwrap()
                .iter()
                .find(|e| e["dst"] == dst)
                .unwrap_or_else(|| panic!("no {dst} in {json}"))
                .clone()
        };
        let e = get("10.20.0.0/16");
        assert_eq!(e["gateway"], "192.0.2.254");
        assert_eq!(e["dev"], "v0");
        assert_eq!(e["protocol"], "static");
        let e = get("10.21.0.0/16");
        let hops = e["nexthops"].as_array().unwrap();
        assert_eq!(hops[0]["gateway"], "192.0.2.2");
        assert_eq!(hops[0]["weight"], 2);
        assert_eq!(hops[1]["gateway"], "192.0.2.3");
        assert_eq!(hops[1]["weight"], 3);
        assert_eq!(hops[1]["dev"], "v0");
        let e = get("10.22.0.0/16");
        assert_eq!(e["metrics"][0]["mtu"], 1300);
        assert_eq!(e["metrics"][0]["window"], 2000);
        assert_eq!(e["metrics"][0]["congestion"], "reno");
        assert_eq!(get("10.23.0.0/16")["table"], "1000");
        assert_eq!(get("10.24.0.0/16")["type"], "blackhole");
        let json6 = ip_json("-6 route show");
        let e = json6
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["dst"] == "2001:db8:20::/64")
            .unwrap_or_else(|| panic!("{json6}"));
        assert_eq!(e["metric"], 333);
        assert_eq!(e["gateway"], "2001:db8::2");
        let e = json6
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["dst"] == "2001:db8:21::/64")
            .unwrap_or_else(|| panic!("{json6}"));
        let expires = e["expires"].as_u64().unwrap_or_else(|| panic!("{e}"));
        assert!(expires > 0 && expires <= 600, "{e}");
        assert_eq!(e["pref"], "low");
        // And our own dump agrees with what we sent.
        let routes = dump_routes(AF_INET);
        let r = routes
            .iter()
            .find(|r| r.destination() == Some(IpAddr::V4(Ipv4Addr::new(10, 23, 0, 0))))
            .unwrap();
        assert_eq!(r.table(), 1000);
    });
}

/// Sends `RTM_GETROUTE` for `dst` and returns the one reply, raw and
/// decoded.
fn lookup(dst: IpAddr, flags: RouteFlags, extra: Vec<RouteAttr>) -> (Vec<u8>, RouteMessage) {
    let (family, len) = match dst {
        IpAddr::V4(_) => (AF_INET, 32),
        IpAddr::V6(_) => (AF_INET6, 128),
    };
    let request = RouteMessage::new(
        RouteHeader {
            family,
            dst_len: len,
            flags,
            ..Default::default()
        },
        std::iter::once(RouteAttr::Dst(dst.into()))
            .chain(extra)
            .collect(),
    );
    let mut connection = Connection::new(Protocol::Route).unwrap();
    let replies = connection
        .request_all(
            &NetlinkMessage::from_inner(RouteNetlinkMessage::GetRoute(request)),
            RequestOptions::request(),
        )
        .unwrap();
    let routes: Vec<_> = replies
        .into_iter()
        .filter_map(|m| match &m.payload {
            NetlinkPayload::Inner(RouteNetlinkMessage::NewRoute(r)) => {
                Some((m.to_bytes(), r.clone()))
            }
            _ => None,
        })
        .collect();
    assert_eq!(routes.len(), 1, "one route answers a lookup");
    routes.into_iter().next().unwrap()
}

fn record(name: &str, how: &str, bytes: &[u8]) {
    if std::env::var_os("ROUTE_RECORD_FIXTURES").is_some() {
        let path = std::path::Path::new(FIXTURES).join("route").join(name);
        netlink_testkit::fixtures::write_fixture(&path, how, bytes).unwrap();
    }
}

#[test]
fn route_lookup_answers_with_one_route() {
    in_new_netns(|| {
        setup();
        ip("route add 10.1.0.0/16 nexthop via 192.0.2.2 weight 2 nexthop via 192.0.2.3 weight 3");
        ip("route add 10.0.0.0/8 via 192.0.2.254 dev v0 metric 77");
        ip("-6 route add 2001:db8:1::/64 via 2001:db8::2 metric 1024 pref high");
        let how = |what: &str| {
            format!(
                "RTM_NEWROUTE answering RTM_GETROUTE {what} in a fresh namespace after: {}",
                SETUP
                    .lines()
                    .chain([
                        "route add 10.1.0.0/16 nexthop via 192.0.2.2 weight 2 nexthop via 192.0.2.3 weight 3",
                        "route add 10.0.0.0/8 via 192.0.2.254 dev v0 metric 77",
                        "-6 route add 2001:db8:1::/64 via 2001:db8::2 metric 1024 pref high",
                    ])
                    .map(|l| format!("ip {l}"))
                    .collect::<Vec<_>>()
                    .join("; ")
            )
        };
        let names = link_names();

        // The FIB entry that matches: the whole multipath route.
        let (bytes, r) = lookup(
            IpAddr::V4(Ipv4Addr::new(10, 1, 2, 3)),
            RouteFlags::FIB_MATCH,
            vec![],
        );
        record(
            "get-fibmatch-multipath.hex",
            &how("10.1.2.3 with RTM_F_FIB_MATCH"),
            &bytes,
        );
        assert_eq!(
            r.destination(),
            Some(IpAddr::V4(Ipv4Addr::new(10, 1, 0, 0)))
        );
        assert_eq!(r.header.dst_len, 16);
        let hops = r.multipath().expect("RTA_MULTIPATH");
        assert_eq!(hops.iter().map(NextHop::weight).collect::<Vec<_>>(), [2, 3]);
        let json = ip_json("route get 10.1.2.3 fibmatch");
        assert_eq!(json[0]["dst"], "10.1.0.0/16");
        assert_eq!(json[0]["nexthops"][1]["weight"], 3);

        // The resolved route: the host, gateway, device and source.
        let (bytes, r) = lookup(
            IpAddr::V4(Ipv4Addr::new(10, 0, 0, 5)),
            RouteFlags::default(),
            vec![],
        );
        record("get-10.0.0.5.hex", &how("10.0.0.5"), &bytes);
        let json = ip_json("route get 10.0.0.5");
        assert_eq!(
            r.destination(),
            Some(IpAddr::V4(Ipv4Addr::new(10, 0, 0, 5)))
        );
        assert_eq!(json[0]["dst"], "10.0.0.5");
        assert_eq!(
            json[0]["gateway"].as_str(),
            r.gateway().map(|g| g.to_string()).as_deref()
        );
        assert_eq!(
            json[0]["prefsrc"].as_str(),
            r.prefsrc().map(|g| g.to_string()).as_deref()
        );
        assert_eq!(
            json[0]["dev"].as_str(),
            r.oif().and_then(|i| names.get(&i)).map(String::as_str)
        );
        assert!(r.header.flags.contains(RouteFlags::CLONED));
        assert_eq!(
            r.attrs.iter().find_map(|a| match a {
                RouteAttr::Uid(u) => Some(*u),
                _ => None,
            }),
            json[0]["uid"].as_u64().map(|u| u as u32)
        );

        // A lookup with the flow's mark, user and ports.
        let (bytes, r) = lookup(
            IpAddr::V4(Ipv4Addr::new(10, 0, 0, 6)),
            RouteFlags::default(),
            vec![
                RouteAttr::Mark(7),
                RouteAttr::Uid(1000),
                RouteAttr::IpProto(6),
                RouteAttr::Sport(netlink_packet_core::nla::Be16(1234)),
                RouteAttr::Dport(netlink_packet_core::nla::Be16(80)),
            ],
        );
        record(
            "get-mark-uid-ports.hex",
            &how("10.0.0.6 mark 7 uid 1000 ipproto tcp sport 1234 dport 80"),
            &bytes,
        );
        let json = ip_json("route get 10.0.0.6 ipproto tcp sport 1234 dport 80 uid 1000 mark 7");
        assert!(r.attrs.contains(&RouteAttr::Mark(7)));
        assert!(r.attrs.contains(&RouteAttr::Uid(1000)));
        assert_eq!(json[0]["mark"], 7);
        assert_eq!(json[0]["uid"], 1000);
        assert_eq!(r.gateway(), Some(IpAddr::V4(Ipv4Addr::new(192, 0, 2, 254))));

        let (bytes, r) = lookup(
            "2001:db8:1::7".parse().unwrap(),
            RouteFlags::default(),
            vec![],
        );
        record("get-v6.hex", &how("2001:db8:1::7"), &bytes);
        assert_eq!(r.gateway(), Some("2001:db8::2".parse().unwrap()));
        assert_eq!(r.priority(), Some(1024));
        assert_eq!(r.pref(), Some(RoutePreference::High));
    });
}

#[test]
fn encapsulations_both_directions() {
    in_new_netns(|| {
        setup();
        let names = link_names();
        let v0 = *names.iter().find(|(_, n)| *n == "v0").unwrap().0;
        // Made with ip, read with these types.
        ip("-6 route add 2001:db8:5::/64 encap seg6 mode encap segs fc00::1,fc00::2 dev v0");
        ip("route add 10.2.0.0/16 encap ip id 5 dst 192.0.2.9 ttl 9 dev v0");
        let routes = dump_routes(AF_UNSPEC);
        let seg6 = routes
            .iter()
            .find(|r| dst_text(r) == "2001:db8:5::/64")
            .unwrap();
        let Some(Ok(EncapValue::Seg6(attrs))) = seg6.encap() else {
            panic!("{seg6:?}")
        };
        let Seg6IpTunnelAttr::Srh(srh) = &attrs[0] else {
            panic!("{attrs:?}")
        };
        let json = ip_json("-6 -d route show");
        let e = entry(&json, seg6, &names);
        assert_eq!(e["encap"], "seg6");
        assert_eq!(e["mode"], srh.mode.name().unwrap());
        let mut segs: Vec<String> = srh.segments().map(|s| s.to_string()).collect();
        segs.reverse();
        let json_segs: Vec<String> = e["segs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap().to_string())
            .collect();
        assert_eq!(segs, json_segs, "travel order");
        let ipr = routes
            .iter()
            .find(|r| dst_text(r) == "10.2.0.0/16")
            .unwrap();
        assert_eq!(ipr.encap_type(), Some(EncapType::Ip));
        let Some(Ok(EncapValue::Ip(attrs))) = ipr.encap() else {
            panic!("{ipr:?}")
        };
        assert!(attrs.contains(&IpEncapAttr::Id(netlink_packet_core::nla::Be64(5))));
        assert!(attrs.contains(&IpEncapAttr::Ttl(9)));

        // Made with these types, read with ip.
        let segments: Vec<Ipv6Addr> = vec!["fc00::7".parse().unwrap(), "fc00::8".parse().unwrap()];
        let seg6 = EncapValue::Seg6(vec![Seg6IpTunnelAttr::Srh(Seg6IpTunnelEncap::new(
            Seg6Mode::Encap,
            &segments,
        ))]);
        let local = EncapValue::Seg6Local(vec![
            Seg6LocalAttr::Action(Seg6LocalAction::EndDt6),
            Seg6LocalAttr::Table(100),
        ]);
        for (dst, value) in [("2001:db8:40::", seg6), ("2001:db8:41::", local)] {
            send_new_route(RouteMessage::new(
                header(AF_INET6, 64, RouteType::Unicast),
                vec![
                    RouteAttr::Dst(dst.parse::<Ipv6Addr>().unwrap().into()),
                    RouteAttr::Oif(v0),
                    RouteAttr::EncapType(value.encap_type().unwrap()),
                    RouteAttr::Encap(RouteEncap::from_value(&value)),
                ],
            ));
        }
        let json = ip_json("-6 -d route show");
        let find = |dst: &str| {
            json.as_array()
                .unwrap()
                .iter()
                .find(|e| e["dst"] == dst)
                .unwrap_or_else(|| panic!("no {dst} in {json}"))
                .clone()
        };
        let e = find("2001:db8:40::/64");
        assert_eq!(e["encap"], "seg6");
        assert_eq!(e["mode"], "encap");
        assert_eq!(e["segs"], serde_json::json!(["fc00::7", "fc00::8"]));
        let e = find("2001:db8:41::/64");
        assert_eq!(e["encap"], "seg6local");
        assert_eq!(e["action"], "End.DT6");
    });
}
