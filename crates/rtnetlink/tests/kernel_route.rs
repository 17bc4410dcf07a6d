//! Route operations against the kernel, through both front ends, checked
//! with iproute2 both ways. Needs root; never skipped.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

mod common;

use common::{index, Run};
use netlink_packet_core::nla::Be64;
use netlink_testkit::{ip, ip_json};
use rtnetlink::address::AddressAdd;
use rtnetlink::link::LinkAdd;
use rtnetlink::packet::route::{
    EncapValue, Ip6EncapAttr, IpEncapAttr, MetricAttr, RouteMessage, RoutePreference,
    RouteProtocol, RouteType, Seg6IpTunnelAttr, Seg6Mode,
};
use rtnetlink::packet::Scope;
use rtnetlink::route::{MultipathHop, Prefix, RouteAdd, RouteDel, RouteDump, RouteGet};
use rtnetlink::Error;
use serde_json::Value;

/// `ESRCH`: what the kernel answers a delete that matches no route.
const ESRCH: i32 = 3;

fn v4(s: &str) -> IpAddr {
    IpAddr::V4(s.parse::<Ipv4Addr>().unwrap())
}

fn v6(s: &str) -> IpAddr {
    IpAddr::V6(s.parse::<Ipv6Addr>().unwrap())
}

/// `v0` (peer `v1`) up, with 192.0.2.1/24 and 2001:db8::1/64: gateways
/// 192.0.2.2-254 and 2001:db8::2-... are on link. Returns v0's index.
fn setup<R: Run>(run: &mut R) -> u32 {
    run.run(LinkAdd::veth("v0", "v1").up()).unwrap();
    let v0 = index(run, "v0");
    run.run(AddressAdd::new(v0, v4("192.0.2.1"), 24)).unwrap();
    ip("-6 address add 2001:db8::1/64 dev v0 nodad");
    ip("link set v1 up");
    v0
}

/// `ip -j -d route show ARGS` as a list.
fn ip_routes(args: &str) -> Vec<Value> {
    ip_json(&format!("-d route show {args}"))
        .as_array()
        .cloned()
        .unwrap_or_default()
}

/// The one route `ip` shows for `args`.
fn ip_route(args: &str) -> Value {
    let routes = ip_routes(args);
    assert_eq!(routes.len(), 1, "ip route show {args}: {routes:?}");
    routes[0].clone()
}

fn routes_are_added<R: Run>(run: &mut R) {
    let v0 = setup(run);
    run.run(
        RouteAdd::new(v4("10.1.0.0"), 24)
            .gateway(v4("192.0.2.2"))
            .dev(v0)
            .table(10)
            .protocol(RouteProtocol::Static)
            .priority(100)
            .prefsrc(v4("192.0.2.1")),
    )
    .unwrap();
    let r = ip_route("table 10 10.1.0.0/24");
    assert_eq!(r["dst"], "10.1.0.0/24");
    assert_eq!(r["gateway"], "192.0.2.2");
    assert_eq!(r["dev"], "v0");
    assert_eq!(r["protocol"], "static");
    assert_eq!(r["metric"], 100);
    assert_eq!(r["prefsrc"], "192.0.2.1");
    assert_eq!(r["scope"], "global");
    assert_eq!(r["type"], "unicast");

    // A route with neither gateway nor hops is scope link, as with ip.
    let prefix: Prefix = "10.2.0.0/16".parse().unwrap();
    run.run(RouteAdd::prefix(prefix).dev(v0)).unwrap();
    let r = ip_route("table main 10.2.0.0/16");
    assert_eq!(r["scope"], "link");
    assert_eq!(r["protocol"], "boot");

    run.run(
        RouteAdd::new(v6("2001:db8:1::"), 64)
            .gateway(v6("2001:db8::2"))
            .pref(RoutePreference::High)
            .priority(50),
    )
    .unwrap();
    let r = &ip_json("-6 route show 2001:db8:1::/64")[0];
    assert_eq!(r["gateway"], "2001:db8::2");
    assert_eq!(r["pref"], "high");
    assert_eq!(r["metric"], 50);
    run.run(
        RouteAdd::new(v6("2001:db8:2::"), 64)
            .gateway(v6("2001:db8::2"))
            .expires(300),
    )
    .unwrap();
    let r = &ip_json("-6 route show 2001:db8:2::/64")[0];
    let left = r["expires"].as_i64().unwrap_or_else(|| panic!("{r}"));
    assert!((290..=300).contains(&left), "{r}");

    // Source-specific (ip -6 route add ... from PREFIX), and deleted by it.
    run.run(
        RouteAdd::new(v6("2001:db8:9::"), 64)
            .source(v6("2001:db8:1::"), 64)
            .gateway(v6("2001:db8::2")),
    )
    .unwrap();
    let r = &ip_json("-6 route show 2001:db8:9::/64")[0];
    assert_eq!(r["from"], "2001:db8:1::/64");
    run.run(RouteDel::new(v6("2001:db8:9::"), 64).source(v6("2001:db8:1::"), 64))
        .unwrap();
    assert!(ip_json("-6 route show 2001:db8:9::/64")
        .as_array()
        .unwrap()
        .is_empty());

    run.run(RouteAdd::default_v4().gateway(v4("192.0.2.254")).table(30))
        .unwrap();
    assert_eq!(ip_route("table 30")["dst"], "default");
    run.run(RouteAdd::default_v6().gateway(v6("2001:db8::fe")).table(30))
        .unwrap();
    assert_eq!(ip_json("-6 route show table 30")[0]["dst"], "default");

    // Tables beyond 255 travel in RTA_TABLE.
    run.run(RouteAdd::new(v4("10.3.0.0"), 24).dev(v0).table(100_000))
        .unwrap();
    assert_eq!(ip_route("table all 10.3.0.0/24")["table"], "100000");

    for (prefix, kind, name) in [
        ("10.4.1.0", RouteType::Blackhole, "blackhole"),
        ("10.4.2.0", RouteType::Unreachable, "unreachable"),
        ("10.4.3.0", RouteType::Prohibit, "prohibit"),
    ] {
        run.run(RouteAdd::new(v4(prefix), 24).kind(kind).table(40))
            .unwrap();
        assert_eq!(ip_route(&format!("table 40 {prefix}/24"))["type"], name);
    }
    run.run(
        RouteAdd::new(v4("192.0.2.50"), 32)
            .kind(RouteType::Local)
            .table(255)
            .dev(v0),
    )
    .unwrap();
    let r = ip_route("table local 192.0.2.50");
    assert_eq!(r["type"], "local");
    assert_eq!(r["scope"], "host");
}

fn ip_routes_are_dumped<R: Run>(run: &mut R) {
    let v0 = setup(run);
    ip("route add 10.1.0.0/24 via 192.0.2.2 proto bird metric 7 table 10");
    ip("-6 route add 2001:db8:5::/48 via 2001:db8::2 proto static metric 9 table 10");
    ip("route add blackhole 10.9.0.0/16 table 10");
    let routes = run.run(RouteDump::new().table(10)).unwrap();
    assert_eq!(routes.len(), 3, "{routes:?}");
    let r = find(&routes, v4("10.1.0.0"));
    assert_eq!(r.header.dst_len, 24);
    assert_eq!(r.gateway(), Some(v4("192.0.2.2")));
    assert_eq!(r.header.protocol, RouteProtocol::Bird);
    assert_eq!(r.priority(), Some(7));
    assert_eq!(r.table(), 10);
    assert_eq!(r.oif(), Some(v0));
    let r = find(&routes, v6("2001:db8:5::"));
    assert_eq!(r.header.dst_len, 48);
    assert_eq!(r.gateway(), Some(v6("2001:db8::2")));
    assert_eq!(r.header.protocol, RouteProtocol::Static);
    assert_eq!(r.priority(), Some(9));
    let r = find(&routes, v4("10.9.0.0"));
    assert_eq!(r.header.kind, RouteType::Blackhole);
}

fn find(routes: &[RouteMessage], dst: IpAddr) -> &RouteMessage {
    routes
        .iter()
        .find(|r| r.destination() == Some(dst))
        .unwrap_or_else(|| panic!("no route to {dst} in {routes:?}"))
}

fn replace_and_append<R: Run>(run: &mut R) {
    setup(run);
    let add = || RouteAdd::new(v4("10.10.0.0"), 24).gateway(v4("192.0.2.2"));
    run.run(add()).unwrap();
    assert!(matches!(run.run(add()), Err(Error::AlreadyExists { .. })));
    run.run(
        RouteAdd::new(v4("10.10.0.0"), 24)
            .gateway(v4("192.0.2.3"))
            .replace(),
    )
    .unwrap();
    assert_eq!(ip_route("10.10.0.0/24")["gateway"], "192.0.2.3");
    // Replace also creates.
    run.run(
        RouteAdd::new(v4("10.11.0.0"), 24)
            .gateway(v4("192.0.2.3"))
            .replace(),
    )
    .unwrap();
    ip_route("10.11.0.0/24");

    run.run(
        RouteAdd::new(v4("10.10.0.0"), 24)
            .gateway(v4("192.0.2.4"))
            .append(),
    )
    .unwrap();
    let gateways: Vec<_> = ip_routes("10.10.0.0/24")
        .iter()
        .map(|r| r["gateway"].clone())
        .collect();
    assert_eq!(gateways, ["192.0.2.3", "192.0.2.4"]);

    // IPv6 merges an appended route into a multipath route.
    run.run(RouteAdd::new(v6("2001:db8:7::"), 64).gateway(v6("2001:db8::2")))
        .unwrap();
    run.run(
        RouteAdd::new(v6("2001:db8:7::"), 64)
            .gateway(v6("2001:db8::3"))
            .append(),
    )
    .unwrap();
    let r = &ip_json("-6 route show 2001:db8:7::/64")[0];
    assert_eq!(r["nexthops"].as_array().map(Vec::len), Some(2), "{r}");
}

fn routes_are_deleted<R: Run>(run: &mut R) {
    let v0 = setup(run);
    run.run(
        RouteAdd::new(v4("10.20.0.0"), 24)
            .gateway(v4("192.0.2.2"))
            .table(10),
    )
    .unwrap();
    run.run(RouteDel::new(v4("10.20.0.0"), 24).table(10))
        .unwrap();
    assert!(ip_routes("table 10").is_empty());

    let missing = run.run(RouteDel::new(v4("10.20.0.0"), 24)).unwrap_err();
    assert!(matches!(missing, Error::NotFound { .. }), "{missing:?}");
    assert_eq!(missing.errno(), Some(ESRCH));

    // Only the route matching every field given goes.
    ip("route add 10.21.0.0/24 via 192.0.2.2 metric 1");
    ip("route add 10.21.0.0/24 via 192.0.2.3 metric 2");
    run.run(RouteDel::new(v4("10.21.0.0"), 24).priority(2))
        .unwrap();
    assert_eq!(ip_route("10.21.0.0/24")["gateway"], "192.0.2.2");

    // Routes from a dump go back as they came (ip route flush).
    ip("route add 10.22.0.0/24 via 192.0.2.2 table 50");
    ip("route add 10.23.0.0/24 dev v0 table 50");
    ip("-6 route add 2001:db8:9::/64 via 2001:db8::2 table 50");
    let routes = run.run(RouteDump::new().table(50)).unwrap();
    assert_eq!(routes.len(), 3);
    for route in &routes {
        run.run(RouteDel::route(route)).unwrap();
    }
    assert!(ip_routes("table 50").is_empty());
    assert!(ip_json("-6 route show table 50")
        .as_array()
        .unwrap()
        .is_empty());
    assert!(run
        .run(RouteDump::new().oif(v0).table(50))
        .unwrap()
        .is_empty());
}

fn routes_are_looked_up<R: Run>(run: &mut R) {
    let v0 = setup(run);
    ip("route add 10.30.0.0/24 via 192.0.2.2");
    ip("route add 10.30.0.0/16 via 192.0.2.3");
    let got = run.run(RouteGet::new(v4("10.30.0.9"))).unwrap();
    let want = &ip_json("route get 10.30.0.9")[0];
    assert_eq!(got.destination(), Some(v4("10.30.0.9")));
    assert_eq!(
        got.gateway().map(|g| g.to_string()),
        want["gateway"].as_str().map(str::to_owned)
    );
    assert_eq!(got.oif(), Some(v0));
    assert_eq!(got.prefsrc(), Some(v4("192.0.2.1")));

    let got = run
        .run(
            RouteGet::new(v4("10.30.1.9"))
                .src(v4("192.0.2.1"))
                .oif(v0)
                .mark(5)
                .uid(0),
        )
        .unwrap();
    let want = &ip_json("route get 10.30.1.9 from 192.0.2.1 oif v0 mark 5 uid 0")[0];
    assert_eq!(want["gateway"], "192.0.2.3");
    assert_eq!(got.gateway(), Some(v4("192.0.2.3")));
    assert_eq!(got.source(), Some(v4("192.0.2.1")));

    // As forwarded: a packet coming in on v1.
    ip("address add 198.51.100.1/24 dev v1");
    std::fs::write("/proc/sys/net/ipv4/ip_forward", "1").unwrap();
    let v1 = index(run, "v1");
    let got = run
        .run(
            RouteGet::new(v4("10.30.0.9"))
                .src(v4("198.51.100.7"))
                .iif(v1),
        )
        .unwrap();
    let want = &ip_json("route get 10.30.0.9 from 198.51.100.7 iif v1")[0];
    assert_eq!(want["iif"], "v1");
    assert_eq!(got.iif(), Some(v1));
    assert_eq!(got.oif(), Some(v0));
    assert_eq!(got.gateway(), Some(v4("192.0.2.2")));

    ip("route add 10.31.0.0/24 nexthop via 192.0.2.2 weight 3 nexthop via 192.0.2.3");
    let got = run.run(RouteGet::new(v4("10.31.0.1")).fib_match()).unwrap();
    let want = &ip_json("route get fibmatch 10.31.0.1")[0];
    assert_eq!(want["dst"], "10.31.0.0/24");
    assert_eq!(got.destination(), Some(v4("10.31.0.0")));
    assert_eq!(got.header.dst_len, 24);
    let hops = got.multipath().unwrap();
    assert_eq!(hops.len(), want["nexthops"].as_array().unwrap().len());
    assert_eq!(hops[0].weight(), 3);

    ip("-6 route add 2001:db8:3::/64 via 2001:db8::2");
    let got = run.run(RouteGet::new(v6("2001:db8:3::1"))).unwrap();
    let want = &ip_json("-6 route get 2001:db8:3::1")[0];
    assert_eq!(want["gateway"], "2001:db8::2");
    assert_eq!(got.gateway(), Some(v6("2001:db8::2")));
    let got = run
        .run(RouteGet::new(v6("2001:db8:3::1")).fib_match())
        .unwrap();
    assert_eq!(got.header.dst_len, 64);

    // No route: the kernel says the network is unreachable.
    assert!(run.run(RouteGet::new(v4("203.0.113.1"))).is_err());
}

fn dumps_are_filtered<R: Run>(run: &mut R) {
    let v0 = setup(run);
    for i in 0..3 {
        run.run(
            RouteAdd::new(v4(&format!("10.40.{i}.0")), 24)
                .gateway(v4("192.0.2.2"))
                .table(10)
                .protocol(RouteProtocol::Static),
        )
        .unwrap();
    }
    run.run(
        RouteAdd::new(v4("10.41.0.0"), 24)
            .kind(RouteType::Blackhole)
            .table(10)
            .protocol(RouteProtocol::Bird),
    )
    .unwrap();
    for i in 0..2 {
        run.run(
            RouteAdd::new(v4(&format!("10.50.{i}.0")), 24)
                .dev(v0)
                .table(20)
                .protocol(RouteProtocol::Bird),
        )
        .unwrap();
    }
    let table10 = run.run(RouteDump::new().ipv4().table(10)).unwrap();
    assert_eq!(table10.len(), 4);
    assert_eq!(table10.len(), ip_routes("table 10").len());
    assert!(table10.iter().all(|r| r.table() == 10));
    let statics = run
        .run(
            RouteDump::new()
                .ipv4()
                .table(10)
                .protocol(RouteProtocol::Static),
        )
        .unwrap();
    assert_eq!(statics.len(), 3);
    assert!(statics.iter().all(|r| r.gateway() == Some(v4("192.0.2.2"))));
    let birds = run
        .run(RouteDump::new().protocol(RouteProtocol::Bird))
        .unwrap();
    assert_eq!(birds.len(), 3);
    let holes = run
        .run(RouteDump::new().ipv4().kind(RouteType::Blackhole))
        .unwrap();
    assert_eq!(holes.len(), 1);
    assert_eq!(holes[0].destination(), Some(v4("10.41.0.0")));
    let via_v0 = run.run(RouteDump::new().ipv4().table(20).oif(v0)).unwrap();
    assert_eq!(via_v0.len(), 2);
    let v6 = run.run(RouteDump::new().ipv6()).unwrap();
    assert!(v6.iter().all(|r| r.header.family == 10) && !v6.is_empty());
    // Exactly one destination (filtered here: the kernel does not).
    let one = run
        .run(RouteDump::new().destination("10.40.1.0/24".parse::<Prefix>().unwrap()))
        .unwrap();
    assert_eq!(one.len(), 1);
    assert_eq!(one[0].destination(), Some(v4("10.40.1.0")));
    ip("route add default via 192.0.2.2 table 10");
    let defaults = run
        .run(RouteDump::new().table(10).destination(Prefix::default_v4()))
        .unwrap();
    assert_eq!(defaults.len(), 1);
    assert_eq!(defaults[0].header.dst_len, 0);
    ip("route del default table 10");

    // A table never used holds nothing, whether the kernel refuses the
    // dump (IPv4: "FIB table does not exist") or skips it (every family).
    assert!(run
        .run(RouteDump::new().ipv4().table(77))
        .unwrap()
        .is_empty());
    assert!(run.run(RouteDump::new().table(77)).unwrap().is_empty());
    // The same filters applied here to an unfiltered dump.
    let all = run.run(RouteDump::new()).unwrap();
    let filter = RouteDump::new()
        .ipv4()
        .table(10)
        .protocol(RouteProtocol::Static);
    assert_eq!(all.iter().filter(|r| filter.matches(r)).count(), 3);
}

fn multipath_routes<R: Run>(run: &mut R) {
    let v0 = setup(run);
    run.run(
        RouteAdd::new(v4("10.60.0.0"), 24)
            .next_hop(MultipathHop::via_gateway(v4("192.0.2.2")).dev(v0).weight(3))
            .next_hop(MultipathHop::via_gateway(v4("192.0.2.3")).dev(v0).weight(1))
            .next_hop(
                MultipathHop::new()
                    .via(v6("2001:db8::4"))
                    .dev(v0)
                    .weight(256),
            ),
    )
    .unwrap();
    let r = ip_route("10.60.0.0/24");
    let hops = r["nexthops"].as_array().unwrap();
    assert_eq!(hops.len(), 3);
    assert_eq!(hops[0]["gateway"], "192.0.2.2");
    assert_eq!(hops[0]["weight"], 3);
    assert_eq!(hops[1]["gateway"], "192.0.2.3");
    assert_eq!(hops[1]["weight"], 1);
    assert_eq!(hops[2]["via"]["host"], "2001:db8::4");
    assert_eq!(hops[2]["weight"], 256);
    assert_eq!(hops[2]["dev"], "v0");

    run.run(
        RouteAdd::new(v6("2001:db8:60::"), 64)
            .next_hop(
                MultipathHop::via_gateway(v6("2001:db8::2"))
                    .dev(v0)
                    .weight(5),
            )
            .next_hop(MultipathHop::via_gateway(v6("2001:db8::3")).dev(v0)),
    )
    .unwrap();
    let r = &ip_json("-6 route show 2001:db8:60::/64")[0];
    assert_eq!(r["nexthops"][0]["weight"], 5);
    assert_eq!(r["nexthops"][1]["gateway"], "2001:db8::3");

    // And the other way: ip's multipath route in our dump.
    ip("route add 10.61.0.0/24 table 10 nexthop via 192.0.2.2 weight 7 nexthop via 192.0.2.3 weight 2");
    let routes = run.run(RouteDump::new().table(10)).unwrap();
    let hops = routes[0].multipath().unwrap();
    assert_eq!(hops.iter().map(|h| h.weight()).collect::<Vec<_>>(), [7, 2]);
    assert_eq!(
        hops[1].gateway().and_then(|g| g.ip()),
        Some(v4("192.0.2.3"))
    );
}

fn metrics_and_via<R: Run>(run: &mut R) {
    let v0 = setup(run);
    run.run(
        RouteAdd::new(v4("10.70.0.0"), 24)
            .gateway(v4("192.0.2.2"))
            .mtu(1300)
            .advmss(1200)
            .window(5000)
            .rtt_ms(20)
            .hoplimit(9)
            .initcwnd(10)
            .metric(MetricAttr::InitRwnd(20)),
    )
    .unwrap();
    let m = &ip_route("10.70.0.0/24")["metrics"][0];
    assert_eq!(m["mtu"], 1300);
    assert_eq!(m["advmss"], 1200);
    assert_eq!(m["window"], 5000);
    assert_eq!(m["rtt"], 20);
    assert_eq!(m["hoplimit"], 9);
    assert_eq!(m["initcwnd"], 10);
    assert_eq!(m["initrwnd"], 20);
    ip("route add 10.71.0.0/24 via 192.0.2.2 mtu 1280 table 10");
    let routes = run.run(RouteDump::new().table(10)).unwrap();
    assert!(routes[0]
        .metrics()
        .unwrap()
        .contains(&MetricAttr::Mtu(1280)));

    run.run(
        RouteAdd::new(v4("10.72.0.0"), 24)
            .via(v6("2001:db8::2"))
            .dev(v0),
    )
    .unwrap();
    let r = ip_route("10.72.0.0/24");
    assert_eq!(r["via"]["family"], "inet6");
    assert_eq!(r["via"]["host"], "2001:db8::2");
    let routes = run.run(RouteDump::new().ipv4().table(254)).unwrap();
    let r = find(&routes, v4("10.72.0.0"));
    assert_eq!(r.via().and_then(|v| v.to_ip()), Some(v6("2001:db8::2")));
    assert_eq!(r.header.scope, Scope::Universe);

    // A gateway no prefix of the device covers, taken as on link.
    let off_link = RouteAdd::new(v4("10.74.0.0"), 24)
        .gateway(v4("203.0.113.1"))
        .dev(v0);
    assert!(run.run(off_link.clone()).is_err());
    run.run(off_link.onlink()).unwrap();
    let r = ip_route("10.74.0.0/24");
    assert!(
        r["flags"].as_array().unwrap().iter().any(|f| f == "onlink"),
        "{r}"
    );

    ip("nexthop add id 7 via 192.0.2.2 dev v0");
    run.run(RouteAdd::new(v4("10.73.0.0"), 24).nh_id(7))
        .unwrap();
    assert_eq!(ip_route("10.73.0.0/24")["nhid"], 7);
}

fn encapsulations<R: Run>(run: &mut R) {
    let v0 = setup(run);
    run.run(
        RouteAdd::new(v4("10.80.0.0"), 24)
            .dev(v0)
            .encap(EncapValue::Ip(vec![
                IpEncapAttr::Id(Be64(5)),
                IpEncapAttr::Dst(Ipv4Addr::new(192, 0, 2, 9)),
                IpEncapAttr::Ttl(3),
            ])),
    )
    .unwrap();
    let r = ip_route("10.80.0.0/24");
    assert_eq!(r["encap"], "ip");
    assert_eq!(r["id"], 5);
    assert_eq!(r["dst"], "192.0.2.9");
    assert_eq!(r["ttl"], 3);

    run.run(
        RouteAdd::new(v4("10.81.0.0"), 24)
            .dev(v0)
            .encap(EncapValue::Ip6(vec![
                Ip6EncapAttr::Id(Be64(6)),
                Ip6EncapAttr::Dst("2001:db8::9".parse().unwrap()),
            ])),
    )
    .unwrap();
    let r = ip_route("10.81.0.0/24");
    assert_eq!(r["encap"], "ip6");
    assert_eq!(r["id"], 6);
    assert_eq!(r["dst"], "2001:db8::9");

    let segments: [Ipv6Addr; 2] = [
        "2001:db8::5".parse().unwrap(),
        "2001:db8::6".parse().unwrap(),
    ];
    run.run(
        RouteAdd::new(v4("10.82.0.0"), 24)
            .dev(v0)
            .encap_seg6(Seg6Mode::Encap, &segments),
    )
    .unwrap();
    let r = ip_route("10.82.0.0/24");
    assert_eq!(r["encap"], "seg6");
    assert_eq!(r["mode"], "encap");
    assert_eq!(r["segs"], serde_json::json!(["2001:db8::5", "2001:db8::6"]));

    // ip's encapsulated route in our dump.
    ip("-6 route add 2001:db8:83::/64 encap seg6 mode inline segs 2001:db8::7 dev v0 table 10");
    let routes = run.run(RouteDump::new().table(10)).unwrap();
    match routes[0].encap() {
        Some(Ok(EncapValue::Seg6(attrs))) => {
            let Seg6IpTunnelAttr::Srh(srh) = &attrs[0] else {
                panic!("{attrs:?}")
            };
            assert_eq!(srh.mode, Seg6Mode::Inline);
            assert!(srh
                .segments()
                .any(|s| s == "2001:db8::7".parse::<Ipv6Addr>().unwrap()));
        }
        other => panic!("{other:?}"),
    }
}

fn errors<R: Run>(run: &mut R) {
    let v0 = setup(run);
    // Routes not of the kernel's making: the kernel adds link-local and
    // multicast IPv6 routes on its own time after links come up.
    let ours = || {
        ip_routes("table all")
            .into_iter()
            .filter(|r| r["protocol"] != "kernel")
            .count()
    };
    let before = ours();
    for (request, why) in [
        (RouteAdd::new(v4("10.0.0.0"), 33), "beyond 32"),
        (RouteAdd::new(v4("10.0.0.1"), 24), "10.0.0.0/24"),
        (RouteAdd::new(v6("2001:db8::"), 129), "beyond 128"),
        (
            RouteAdd::new(v6("2001:db8::"), 64).gateway(v4("192.0.2.2")),
            "IPv4",
        ),
        (
            RouteAdd::new(v4("10.0.0.0"), 24).gateway(v6("2001:db8::2")),
            "via",
        ),
        (
            RouteAdd::new(v6("2001:db8::"), 64).via(v4("192.0.2.2")),
            "RTA_VIA",
        ),
        (
            RouteAdd::new(v4("10.0.0.0"), 24).prefsrc(v6("2001:db8::1")),
            "preferred source",
        ),
        (
            RouteAdd::new(v4("10.0.0.0"), 24)
                .next_hop(MultipathHop::via_gateway(v4("192.0.2.2")).weight(0)),
            "weight 0",
        ),
        (
            RouteAdd::new(v4("10.0.0.0"), 24)
                .gateway(v4("192.0.2.2"))
                .next_hop(MultipathHop::via_gateway(v4("192.0.2.3"))),
            "multipath",
        ),
        (
            RouteAdd::new(v4("10.0.0.0"), 24).nh_id(1).dev(v0),
            "next hop object",
        ),
        (
            RouteAdd::new(v4("10.0.0.0"), 24).pref(RoutePreference::Low),
            "IPv6",
        ),
    ] {
        match run.run(request) {
            Err(Error::InvalidArgument(message)) => {
                assert!(message.contains(why), "{message:?} does not say {why:?}")
            }
            other => panic!("expected InvalidArgument ({why}), got {other:?}"),
        }
    }
    assert!(matches!(
        run.run(RouteDel::new(v4("10.0.0.0"), 40)),
        Err(Error::InvalidArgument(_))
    ));
    assert_eq!(ours(), before);

    // In a batch, the refused request is answered alone, unsent.
    let results = run.run_batch(vec![
        RouteAdd::new(v4("10.90.0.0"), 24).dev(v0).build(),
        RouteAdd::new(v4("10.90.0.0"), 33).dev(v0).build(),
        RouteAdd::new(v4("10.91.0.0"), 24).dev(v0).build(),
        RouteAdd::new(v4("10.90.0.0"), 24).dev(v0).build(),
    ]);
    assert!(results[0].is_ok());
    assert!(matches!(results[1], Err(Error::InvalidArgument(_))));
    assert!(results[2].is_ok());
    assert!(matches!(results[3], Err(Error::AlreadyExists { .. })));
}

fn thousand_routes_batched<R: Run>(run: &mut R) {
    let v0 = setup(run);
    let requests = (0..1000u32)
        .map(|i| {
            let dst = Ipv4Addr::from(0x0a64_0000 + (i << 8));
            RouteAdd::new(IpAddr::V4(dst), 24)
                .dev(v0)
                .table(100)
                .build()
        })
        .collect();
    let results = run.run_batch(requests);
    assert_eq!(results.len(), 1000);
    assert!(
        results.iter().all(Result::is_ok),
        "{:?}",
        results.iter().find(|r| r.is_err())
    );
    assert_eq!(ip_routes("table 100").len(), 1000);
    assert_eq!(
        run.run(RouteDump::new().ipv4().table(100)).unwrap().len(),
        1000
    );
    // Dumps batched too: each runs after the one before, whole.
    let dumps = run.run_batch(vec![
        RouteDump::new().ipv4().table(100).build(),
        RouteDump::new().ipv4().table(100).build(),
        RouteDump::new().ipv4().table(101).build(),
    ]);
    let lengths: Vec<usize> = dumps.into_iter().map(|d| d.unwrap().len()).collect();
    assert_eq!(lengths, [1000, 1000, 0]);
}

/// A batch sends one ACK request per datagram (the others' ACKs are
/// implied by it): requests that fail in the middle still fail on their
/// own, and the rest take effect.
fn batch_failures_between_successes<R: Run>(run: &mut R) {
    let v0 = setup(run);
    let add = |net: &str| RouteAdd::new(v4(net), 24).dev(v0).table(101).build();
    let results = run.run_batch(vec![
        add("10.92.0.0"),
        add("10.92.0.0"),
        add("10.93.0.0"),
        RouteDel::new(v4("10.94.0.0"), 24).table(101).build(),
        add("10.95.0.0"),
        add("10.93.0.0"),
        add("10.96.0.0"),
    ]);
    assert!(results[0].is_ok(), "{:?}", results[0]);
    assert!(
        matches!(results[1], Err(Error::AlreadyExists { .. })),
        "{:?}",
        results[1]
    );
    assert!(results[2].is_ok(), "{:?}", results[2]);
    assert!(
        matches!(results[3], Err(Error::NotFound { .. })),
        "{:?}",
        results[3]
    );
    assert!(results[4].is_ok(), "{:?}", results[4]);
    assert!(matches!(results[5], Err(Error::AlreadyExists { .. })));
    assert!(results[6].is_ok(), "{:?}", results[6]);
    let mut destinations: Vec<String> = ip_routes("table 101")
        .iter()
        .map(|r| r["dst"].as_str().unwrap_or_default().to_string())
        .collect();
    destinations.sort();
    assert_eq!(
        destinations,
        [
            "10.92.0.0/24",
            "10.93.0.0/24",
            "10.95.0.0/24",
            "10.96.0.0/24"
        ]
    );
}

both_front_ends! {
    routes_are_added => blocking_routes_are_added, tokio_routes_are_added;
    ip_routes_are_dumped => blocking_ip_routes_are_dumped, tokio_ip_routes_are_dumped;
    replace_and_append => blocking_replace_and_append, tokio_replace_and_append;
    routes_are_deleted => blocking_routes_are_deleted, tokio_routes_are_deleted;
    routes_are_looked_up => blocking_routes_are_looked_up, tokio_routes_are_looked_up;
    dumps_are_filtered => blocking_dumps_are_filtered, tokio_dumps_are_filtered;
    multipath_routes => blocking_multipath_routes, tokio_multipath_routes;
    metrics_and_via => blocking_metrics_and_via, tokio_metrics_and_via;
    encapsulations => blocking_encapsulations, tokio_encapsulations;
    errors => blocking_errors, tokio_errors;
    thousand_routes_batched => blocking_thousand_routes_batched, tokio_thousand_routes_batched;
    batch_failures_between_successes => blocking_batch_failures_between_successes, tokio_batch_failures_between_successes;
}
