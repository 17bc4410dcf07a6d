//! Links against this machine's kernel, in fresh namespaces: configured
//! with `ip` and `sysctl`, then every top-level key `ip -j -d -s link show`
//! prints compared with the decoded dump; and the other way round, a
//! request built with these types (`RTM_SETLINK` with `IFLA_AF_SPEC` in its
//! request form, `RTM_NEWLINKPROP`) checked with `ip -j -d link show`.

mod common;

use std::collections::HashMap;
use std::process::Command;

use common::*;
use netlink_packet_core::nla::Nested;
use netlink_packet_core::{NetlinkFlags, NetlinkMessage};
use netlink_packet_route::link::*;
use netlink_packet_route::RouteNetlinkMessage;
use netlink_proto::blocking::Connection;
use netlink_proto::RequestOptions;
use netlink_sys::Protocol;
use netlink_testkit::{in_new_netns, ip, ip_json};
use serde_json::{json, Value};

macro_rules! get {
    ($link:expr, $variant:ident) => {
        $link.attrs.iter().find_map(|a| match a {
            LinkAttr::$variant(v) => Some(v.clone()),
            _ => None,
        })
    };
}

fn sysctl(args: &str) -> String {
    let out = Command::new("sysctl")
        .args(args.split_whitespace())
        .output()
        .expect("cannot run sysctl");
    assert!(out.status.success(), "sysctl {args}: {out:?}");
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// The flags as `ip` prints them: `RUNNING` left out, `NO-CARRIER` for an
/// up device without it, `M-DOWN` when the device it sits on is down.
fn ip_flags(link: &LinkMessage, by_index: &HashMap<i32, &LinkMessage>) -> Vec<String> {
    let flags = link.header.flags;
    let mut names: Vec<String> = flags
        .names()
        .into_iter()
        .filter(|n| *n != "RUNNING")
        .map(str::to_string)
        .collect();
    if flags.contains(IfFlags::UP) && !flags.contains(IfFlags::RUNNING) {
        names.push("NO-CARRIER".into());
    }
    if let Some(lower) = get!(link, Link).and_then(|i| by_index.get(&(i as i32))) {
        if !lower.header.flags.contains(IfFlags::UP) {
            names.push("M-DOWN".into());
        }
    }
    names.sort();
    names
}

fn name_of(index: u32, by_index: &HashMap<i32, &LinkMessage>) -> Value {
    match by_index.get(&(index as i32)).and_then(|l| l.name()) {
        Some(name) => json!(name),
        None => json!(format!("if{index}")),
    }
}

/// What `ip -j -d -s link show` prints under `key` for `link`, from the
/// decoded message alone.
fn expected(key: &str, link: &LinkMessage, by_index: &HashMap<i32, &LinkMessage>) -> Value {
    match key {
        "ifindex" => json!(link.header.index),
        "ifname" => json!(link.name()),
        "flags" => json!(ip_flags(link, by_index)),
        "mtu" => json!(link.mtu()),
        "qdisc" => json!(get!(link, Qdisc).map(String::from)),
        "operstate" => json!(get!(link, OperState).and_then(|s| s.name())),
        "linkmode" => json!(get!(link, LinkMode).and_then(|m| m.name())),
        "group" => match get!(link, Group) {
            Some(0) => json!("default"),
            Some(group) => json!(group.to_string()),
            None => Value::Null,
        },
        "txqlen" => json!(get!(link, TxQueueLen)),
        "link_type" => json!(link.header.link_type.name()),
        "address" => json!(get!(link, Address).map(|a| a.to_string())),
        "broadcast" => json!(get!(link, Broadcast).map(|a| a.to_string())),
        "permaddr" => json!(get!(link, PermAddress).map(|a| a.to_string())),
        "promiscuity" => json!(get!(link, Promiscuity)),
        "allmulti" => json!(get!(link, Allmulti)),
        "min_mtu" => json!(get!(link, MinMtu)),
        "max_mtu" => json!(get!(link, MaxMtu)),
        "num_tx_queues" => json!(get!(link, NumTxQueues)),
        "num_rx_queues" => json!(get!(link, NumRxQueues)),
        "gso_max_size" => json!(get!(link, GsoMaxSize)),
        "gso_max_segs" => json!(get!(link, GsoMaxSegs)),
        "tso_max_size" => json!(get!(link, TsoMaxSize)),
        "tso_max_segs" => json!(get!(link, TsoMaxSegs)),
        "gro_max_size" => json!(get!(link, GroMaxSize)),
        "ifalias" => json!(get!(link, IfAlias).map(String::from)),
        "altnames" => {
            let list = get!(link, PropList).unwrap_or_default();
            let names: Vec<String> = list
                .attrs
                .iter()
                .filter_map(|a| match a {
                    LinkAttr::AltIfName(name) => Some(name.to_string()),
                    _ => None,
                })
                .collect();
            json!(names)
        }
        "link" => match get!(link, Link) {
            Some(index) => name_of(index, by_index),
            None => Value::Null,
        },
        "master" => match get!(link, Master) {
            Some(index) => name_of(index, by_index),
            None => Value::Null,
        },
        "inet6_addr_gen_mode" => {
            let inet6 = link.af_spec().and_then(|s| s.inet6().unwrap());
            let mode = inet6.unwrap_or_default().into_iter().find_map(|a| match a {
                AfInet6Attr::AddrGenMode(mode) => mode.name(),
                _ => None,
            });
            json!(mode)
        }
        "stats64" => {
            let s = get!(link, Stats64).expect("IFLA_STATS64");
            json!({
                "rx": {
                    "bytes": s.rx_bytes,
                    "packets": s.rx_packets,
                    "errors": s.rx_errors,
                    "dropped": s.rx_dropped,
                    "over_errors": s.rx_over_errors,
                    "multicast": s.multicast,
                },
                "tx": {
                    "bytes": s.tx_bytes,
                    "packets": s.tx_packets,
                    "errors": s.tx_errors,
                    "dropped": s.tx_dropped,
                    "carrier_errors": s.tx_carrier_errors,
                    "collisions": s.collisions,
                }
            })
        }
        other => panic!("ip prints {other:?}, which this test does not compare yet"),
    }
}

/// Asserts every counter in `ours` lies between the one `ip` printed before
/// the dump and the one it printed after: counters are live (a device that
/// is up may drop a packet between two dumps), but never go backwards.
fn assert_counters_between(ours: &Value, before: &Value, after: &Value, path: &str) {
    match ours {
        Value::Object(fields) => {
            assert_eq!(
                fields.keys().collect::<Vec<_>>(),
                before
                    .as_object()
                    .map(|b| b.keys().collect::<Vec<_>>())
                    .unwrap_or_default(),
                "{path}: the counters ip prints"
            );
            for (key, value) in fields {
                let path = format!("{path}.{key}");
                assert_counters_between(value, &before[key], &after[key], &path);
            }
        }
        Value::Number(n) => {
            let (ours, low, high) = (n.as_u64(), before.as_u64(), after.as_u64());
            assert!(
                low.is_some() && low <= ours && ours <= high,
                "{path}: ours {ours:?}, ip before the dump {low:?}, after {high:?}"
            );
        }
        other => panic!("{path}: not a counter: {other}"),
    }
}

/// Compares the dump with what `ip -j -d -s link show` printed just before
/// it (`shown`) and, for the live counters, just after it (`shown_after`).
fn compare_all(links: &[LinkMessage], shown: &[Value], shown_after: &[Value]) {
    let by_index: HashMap<i32, &LinkMessage> = links.iter().map(|l| (l.header.index, l)).collect();
    assert_eq!(links.len(), shown.len());
    let mut compared = 0;
    for json in shown {
        let index = json["ifindex"].as_i64().unwrap() as i32;
        let link = by_index[&index];
        let after = shown_after
            .iter()
            .find(|a| a["ifindex"] == json["ifindex"])
            .expect("the link is still there after the dump");
        let object = json.as_object().unwrap();
        for (key, value) in object {
            if key == "linkinfo" {
                // The kind's own attributes belong to the kind tests; here
                // the kinds themselves.
                let info = link.link_info().expect("IFLA_LINKINFO");
                assert_eq!(value["info_kind"].as_str(), info.kind(), "{key}");
                assert_eq!(
                    value["info_slave_kind"].as_str(),
                    info.slave_kind(),
                    "{key}"
                );
                continue;
            }
            if key == "stats64" {
                let ours = expected(key, link, &by_index);
                let name = link.name().unwrap_or_default();
                assert_counters_between(&ours, value, &after[key], &format!("{name}.{key}"));
                compared += 1;
                continue;
            }
            let mut value = value.clone();
            if key == "flags" {
                // ip prints them in its own order.
                let mut names: Vec<String> = serde_json::from_value(value).unwrap();
                names.sort();
                value = json!(names);
            }
            assert_eq!(
                expected(key, link, &by_index),
                value,
                "{:?}: {key}",
                link.name()
            );
            compared += 1;
        }
    }
    assert!(compared >= 20 * shown.len(), "{compared}");
}

#[test]
fn dump_matches_ip_link_show_for_every_key() {
    in_new_netns(|| {
        ip("link set lo up");
        ip("link add v0 type veth peer name v1");
        ip("link set v0 mtu 1400 txqlen 500 group 7 address 02:00:00:00:00:01");
        ip("link set v0 alias uplink-to-the-lab");
        ip("link property add dev v0 altname long-alternative-name");
        ip("link set v0 up");
        ip("link add br0 type bridge");
        ip("link set v1 master br0");
        ip("tuntap add mode tun dev t0");
        sysctl("-w net.ipv6.conf.v0.forwarding=1");
        sysctl("-w net.ipv4.conf.v1.forwarding=1");

        let shown = ip_json("-d -s link show");
        let links = dump_links();
        let shown_after = ip_json("-d -s link show");
        compare_all(
            &links,
            shown.as_array().unwrap(),
            shown_after.as_array().unwrap(),
        );

        // The per-family settings against sysctl.
        let v0 = links.iter().find(|l| l.name() == Some("v0")).unwrap();
        let inet6 = v0.af_spec().unwrap().inet6().unwrap().unwrap();
        let conf = inet6
            .iter()
            .find_map(|a| match a {
                AfInet6Attr::Conf(conf) => Some(conf.clone()),
                _ => None,
            })
            .unwrap();
        for (index, key) in [
            (Ipv6DevConf::Forwarding, "forwarding"),
            (Ipv6DevConf::Mtu6, "mtu"),
            (Ipv6DevConf::DisableIpv6, "disable_ipv6"),
            (Ipv6DevConf::Hoplimit, "hop_limit"),
            (Ipv6DevConf::AcceptRa, "accept_ra"),
        ] {
            let value = sysctl(&format!("-n net.ipv6.conf.v0.{key}"));
            assert_eq!(conf.get(index).map(|v| v.to_string()), Some(value), "{key}");
        }
        assert_eq!(conf.get(Ipv6DevConf::Forwarding), Some(1));
        assert_eq!(conf.get(Ipv6DevConf::Mtu6), Some(1400));
        for name in ["v0", "v1"] {
            let link = links.iter().find(|l| l.name() == Some(name)).unwrap();
            let Some(Ok(AfSpecValue::Families(families))) = link.af_spec_value() else {
                panic!("{name}: no AF_SPEC");
            };
            let conf = families
                .iter()
                .find_map(|f| match f {
                    AfSpecFamily::Inet(inet) => inet.attrs.iter().find_map(|a| match a {
                        AfInetAttr::Conf(conf) => Some(conf.clone()),
                        _ => None,
                    }),
                    _ => None,
                })
                .unwrap();
            for (index, key) in [
                (Ipv4DevConf::Forwarding, "forwarding"),
                (Ipv4DevConf::RpFilter, "rp_filter"),
                (Ipv4DevConf::AcceptRedirects, "accept_redirects"),
                (Ipv4DevConf::ArpIgnore, "arp_ignore"),
            ] {
                let value = sysctl(&format!("-n net.ipv4.conf.{name}.{key}"));
                assert_eq!(conf.get(index).map(|v| v.to_string()), Some(value), "{key}");
            }
        }

        // Bridge port messages: the port's state in IFLA_PROTINFO.
        let ports = dump_links_family(7);
        let v1 = ports.iter().find(|l| l.name() == Some("v1")).unwrap();
        let Some(Ok(ProtInfoValue::BridgePort(attrs))) = v1.prot_info_value() else {
            panic!("no bridge port information");
        };
        let state = attrs
            .iter()
            .find(|a| netlink_packet_core::nla::Attribute::kind(*a) == 1)
            .unwrap();
        let shown = ip_json("-d link show dev v1");
        let state_name = shown[0]["linkinfo"]["info_slave_data"]["state"]
            .as_str()
            .unwrap()
            .to_string();
        let state_value = netlink_packet_core::nla::Attribute::to_bytes(state)[4];
        assert_eq!(
            BridgeStpState::from(state_value).name(),
            Some(state_name.as_str())
        );
        assert!(v1.af_spec().is_none());
    });
}

fn send(message: NetlinkMessage<RouteNetlinkMessage>) {
    let mut connection = Connection::new(Protocol::Route).unwrap();
    connection
        .request_all(&message, RequestOptions::request())
        .unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn requests_built_here_change_the_link() {
    in_new_netns(|| {
        ip("link add v0 type veth peer name v1");
        let index = link_named("v0").header.index;
        let header = LinkHeader {
            index,
            ..Default::default()
        };
        let spec = AfSpec::from_families(vec![
            AfSpecFamily::Inet(Nested::new(vec![AfInetAttr::Conf(Ipv4Conf::set([
                (Ipv4DevConf::Forwarding, 1),
                (Ipv4DevConf::ArpIgnore, 2),
            ]))])),
            AfSpecFamily::Inet6(Nested::new(vec![AfInet6Attr::AddrGenMode(
                AddrGenMode::None,
            )])),
        ]);
        let set = LinkMessage::new(
            header.clone(),
            vec![
                LinkAttr::Mtu(1280),
                LinkAttr::TxQueueLen(250),
                LinkAttr::IfAlias("set-by-netlink".into()),
                LinkAttr::Group(3),
                LinkAttr::AfSpec(spec),
            ],
        );
        send(NetlinkMessage::from_inner(RouteNetlinkMessage::SetLink(
            set,
        )));

        let prop = LinkMessage::new(
            header,
            vec![LinkAttr::PropList(Nested::new(vec![LinkAttr::AltIfName(
                "an-alternative-name".into(),
            )]))],
        );
        let mut request = NetlinkMessage::from_inner(RouteNetlinkMessage::NewLinkProp(prop));
        request.header.flags = NetlinkFlags::CREATE | NetlinkFlags::APPEND;
        send(request);

        let shown = ip_json("-d link show dev v0");
        let v0 = &shown[0];
        assert_eq!(v0["mtu"], 1280);
        assert_eq!(v0["txqlen"], 250);
        assert_eq!(v0["ifalias"], "set-by-netlink");
        assert_eq!(v0["group"], "3");
        assert_eq!(v0["altnames"], json!(["an-alternative-name"]));
        assert_eq!(v0["inet6_addr_gen_mode"], "none");
        assert_eq!(sysctl("-n net.ipv4.conf.v0.forwarding"), "1");
        assert_eq!(sysctl("-n net.ipv4.conf.v0.arp_ignore"), "2");
        assert_eq!(sysctl("-n net.ipv4.conf.v1.forwarding"), "0");

        // And the dump says the same.
        let shown = ip_json("-d -s link show");
        let links = dump_links();
        let shown_after = ip_json("-d -s link show");
        let v0 = links.iter().find(|l| l.name() == Some("v0")).unwrap();
        let conf = match &v0.af_spec().unwrap().inet().unwrap().unwrap()[..] {
            [AfInetAttr::Conf(conf)] => conf.clone(),
            other => panic!("{other:?}"),
        };
        assert!(matches!(conf, Ipv4Conf::Values(_)));
        assert_eq!(conf.get(Ipv4DevConf::Forwarding), Some(1));
        assert_eq!(conf.get(Ipv4DevConf::ArpIgnore), Some(2));
        compare_all(
            &links,
            shown.as_array().unwrap(),
            shown_after.as_array().unwrap(),
        );
    });
}
