//! This kernel against iproute2 for the nsid, netconf, address label,
//! stats and MDB messages: dumps decoded with these types agree with what
//! `ip -j` / `bridge -j` print, and requests built with these types are
//! accepted and show up in iproute2's output.

mod common;

use std::collections::BTreeSet;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::os::fd::AsRawFd;
use std::process::Command;

use common::*;
use netlink_packet_core::nla::Nested;
use netlink_packet_core::{NetlinkFlags, NetlinkMessage};
use netlink_packet_route::address_label::*;
use netlink_packet_route::mdb::*;
use netlink_packet_route::netconf::*;
use netlink_packet_route::nsid::*;
use netlink_packet_route::stats::*;
use netlink_packet_route::RouteNetlinkMessage;
use netlink_proto::blocking::Connection;
use netlink_proto::RequestOptions;
use netlink_sys::Protocol;
use netlink_testkit::{in_new_netns, ip, ip_json};
use serde_json::Value;

/// Sends `message` as a request with `flags` and waits for the ack.
fn request(message: RouteNetlinkMessage, flags: NetlinkFlags) {
    let mut connection = Connection::new(Protocol::Route).unwrap();
    let mut request = NetlinkMessage::from_inner(message);
    request.header.flags = flags;
    connection
        .request_all(&request, RequestOptions::request())
        .unwrap();
}

fn bridge_json(args: &str) -> Value {
    let out = Command::new("bridge")
        .arg("-j")
        .args(args.split_whitespace())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn bridge(args: &str) {
    let out = Command::new("bridge")
        .args(args.split_whitespace())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn netconf_agrees_with_ip() {
    in_new_netns(|| {
        ip("link add v0 type veth peer name v1");
        ip("link set lo up");
        for (family, flag) in [(2u8, "-4"), (10, "-6")] {
            let messages: Vec<NetconfMessage> =
                dump(RouteNetlinkMessage::GetNetconf(NetconfMessage::new(
                    NetconfHeader {
                        family,
                        ..Default::default()
                    },
                    vec![],
                )))
                .into_iter()
                .map(|m| match m {
                    RouteNetlinkMessage::NewNetconf(m) => {
                        assert!(m.invalid.is_empty(), "{:?}", m.invalid);
                        m
                    }
                    other => panic!("{other:?}"),
                })
                .collect();
            let json = ip_json(&format!("{flag} netconf show"));
            let json = json.as_array().unwrap();
            assert_eq!(messages.len(), json.len());
            let links = dump_links();
            for (m, j) in messages.iter().zip(json) {
                let name = match m.ifindex().unwrap() {
                    NetconfIfindex::All => "all".to_string(),
                    NetconfIfindex::Default => "default".to_string(),
                    NetconfIfindex::Other(i) => links
                        .iter()
                        .find(|l| l.header.index == i)
                        .and_then(|l| l.name())
                        .unwrap()
                        .to_string(),
                };
                assert_eq!(j["interface"], name.as_str());
                let forwarding = m
                    .attrs
                    .iter()
                    .find_map(|a| match a {
                        NetconfAttr::Forwarding(f) => Some(*f != 0),
                        _ => None,
                    })
                    .unwrap();
                assert_eq!(j["forwarding"], forwarding);
            }
        }
    });
}

#[test]
fn address_label_request_then_ip_lists_it() {
    in_new_netns(|| {
        request(
            RouteNetlinkMessage::NewAddressLabel(AddressLabelMessage::new(
                AddressLabelHeader {
                    family: 10,
                    prefix_len: 48,
                    ..Default::default()
                },
                vec![
                    AddressLabelAttr::Address("2001:db8:7::".parse().unwrap()),
                    AddressLabelAttr::Label(4242),
                ],
            )),
            NetlinkFlags::CREATE | NetlinkFlags::EXCL,
        );
        let json = ip_json("addrlabel list");
        let found = json
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["label"] == 4242)
            .unwrap_or_else(|| panic!("{json}"));
        assert_eq!(found["address"], "2001:db8:7::");
        assert_eq!(found["prefixlen"], 48);
        // And the dump decoded with these types lists what ip lists.
        let dumped: Vec<(Ipv6Addr, u8, u32)> = dump(RouteNetlinkMessage::GetAddressLabel(
            AddressLabelMessage::new(
                AddressLabelHeader {
                    family: 10,
                    ..Default::default()
                },
                vec![],
            ),
        ))
        .into_iter()
        .map(|m| match m {
            RouteNetlinkMessage::NewAddressLabel(m) => (
                m.address().unwrap(),
                m.header.prefix_len,
                m.label().unwrap(),
            ),
            other => panic!("{other:?}"),
        })
        .collect();
        let listed: Vec<(Ipv6Addr, u8, u32)> = json
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e["address"].as_str().unwrap().parse().unwrap(),
                    e["prefixlen"].as_u64().unwrap() as u8,
                    e["label"].as_u64().unwrap() as u32,
                )
            })
            .collect();
        assert_eq!(dumped, listed);
        // RTM_DELADDRLABEL with the same attributes removes it.
        request(
            RouteNetlinkMessage::DelAddressLabel(AddressLabelMessage::new(
                AddressLabelHeader {
                    family: 10,
                    prefix_len: 48,
                    ..Default::default()
                },
                vec![
                    AddressLabelAttr::Address("2001:db8:7::".parse().unwrap()),
                    AddressLabelAttr::Label(4242),
                ],
            )),
            NetlinkFlags::empty(),
        );
        let json = ip_json("addrlabel list");
        assert!(
            !json.as_array().unwrap().iter().any(|e| e["label"] == 4242),
            "{json}"
        );
    });
}

/// A named namespace in /run/netns, deleted again when dropped.
struct NamedNetns(String);

impl Drop for NamedNetns {
    fn drop(&mut self) {
        let _ = netlink_testkit::ip_ok(&format!("netns del {}", self.0));
    }
}

#[test]
fn nsid_both_directions() {
    in_new_netns(|| {
        let a = NamedNetns(format!("nlmisc-a-{}", std::process::id()));
        let b = NamedNetns(format!("nlmisc-b-{}", std::process::id()));
        ip(&format!("netns add {}", a.0));
        ip(&format!("netns add {}", b.0));
        ip(&format!("netns set {} 7", a.0));
        // RTM_NEWNSID built here: id 9 for b, by file descriptor.
        let file = std::fs::File::open(format!("/run/netns/{}", b.0)).unwrap();
        request(
            RouteNetlinkMessage::NewNsid(NsidMessage::new(
                NsidHeader::default(),
                vec![NsidAttr::Fd(file.as_raw_fd() as u32), NsidAttr::Nsid(9)],
            )),
            NetlinkFlags::empty(),
        );
        let mut dumped: Vec<i32> = dump(RouteNetlinkMessage::GetNsid(NsidMessage::new(
            NsidHeader::default(),
            vec![],
        )))
        .into_iter()
        .map(|m| match m {
            RouteNetlinkMessage::NewNsid(m) => {
                assert!(m.invalid.is_empty());
                m.nsid().unwrap()
            }
            other => panic!("{other:?}"),
        })
        .collect();
        dumped.sort();
        assert_eq!(dumped, [7, 9]);
        let json = ip_json("netns list-id");
        let mut listed: Vec<(i64, String)> = json
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e["nsid"].as_i64().unwrap(),
                    e["name"].as_str().unwrap_or("").to_string(),
                )
            })
            .collect();
        listed.sort();
        assert_eq!(listed, [(7, a.0.clone()), (9, b.0.clone())]);
        assert_ne!(NETNSA_NSID_NOT_ASSIGNED, 7);
    });
}

fn stats_dump(mask: StatsFilter) -> Vec<StatsMessage> {
    dump(RouteNetlinkMessage::GetStats(StatsMessage::new(
        StatsHeader {
            filter_mask: mask,
            ..Default::default()
        },
        vec![],
    )))
    .into_iter()
    .map(|m| match m {
        RouteNetlinkMessage::NewStats(m) => {
            assert!(m.invalid.is_empty(), "{:?}", m.invalid);
            m
        }
        other => panic!("{other:?}"),
    })
    .collect()
}

#[test]
fn stats_answer_what_the_filter_asks() {
    in_new_netns(|| {
        ip("link add br0 type bridge");
        ip("link add v0 type veth peer name v1");
        ip("link set v0 master br0");
        ip("link set lo up");
        let link64 = stats_dump(StatsFilter::LINK_64);
        assert_eq!(link64.len(), dump_links().len());
        for m in &link64 {
            assert_eq!(m.header.filter_mask, StatsFilter::LINK_64);
            assert!(m.attrs.iter().all(|a| matches!(a, StatsAttr::Link64(_))));
            assert!(m.link_64().is_some());
        }
        // ip -j stats show group link prints the same counters.
        let json = ip_json("stats show group link");
        for m in &link64 {
            let j = json
                .as_array()
                .unwrap()
                .iter()
                .find(|e| e["ifindex"] == m.header.index)
                .unwrap();
            let s = m.link_64().unwrap();
            assert_eq!(j["stats64"]["rx"]["packets"], s.rx_packets);
            assert_eq!(j["stats64"]["tx"]["bytes"], s.tx_bytes);
        }
        let x = stats_dump(StatsFilter::LINK_XSTATS | StatsFilter::LINK_XSTATS_SLAVE);
        let kinds: BTreeSet<u16> = x
            .iter()
            .flat_map(|m| m.attrs.iter())
            .map(netlink_packet_core::nla::Attribute::kind)
            .collect();
        assert_eq!(
            kinds,
            BTreeSet::from([StatsAttr::LINK_XSTATS, StatsAttr::LINK_XSTATS_SLAVE])
        );
        let af = stats_dump(StatsFilter::AF_SPEC);
        assert!(af
            .iter()
            .flat_map(|m| m.attrs.iter())
            .all(|a| matches!(a, StatsAttr::AfSpec(_))));
    });
}

#[test]
fn mdb_static_entry_both_directions() {
    in_new_netns(|| {
        ip("link add br0 type bridge mcast_snooping 1");
        ip("link add v0 type veth peer name v1");
        ip("link set v0 master br0");
        ip("link set br0 up");
        ip("link set v0 up");
        ip("link set v1 up");
        bridge("mdb add dev br0 port v0 grp 239.1.1.1 permanent");
        let br0 = link_named("br0").header.index as u32;
        let v0 = link_named("v0").header.index as u32;
        // RTM_NEWMDB built here.
        let mut entry = BrMdbEntry {
            index: v0,
            state: MdbState::Permanent,
            ..Default::default()
        };
        entry.set_ip_group(IpAddr::V4(Ipv4Addr::new(239, 2, 2, 2)));
        request(
            RouteNetlinkMessage::NewMdb(MdbMessage::new(
                MdbHeader {
                    family: 7,
                    index: br0,
                    ..Default::default()
                },
                vec![MdbSetAttr::Entry(entry).to_mdb_attr()],
            )),
            NetlinkFlags::CREATE | NetlinkFlags::EXCL,
        );
        let request_dump = MdbMessage::new(
            MdbHeader {
                family: 7,
                ..Default::default()
            },
            vec![],
        );
        let mut bytes_of_first = None;
        let mut groups = Vec::new();
        for m in dump(RouteNetlinkMessage::GetMdb(request_dump)) {
            let RouteNetlinkMessage::GetMdb(m) = m else {
                panic!("{m:?}")
            };
            assert!(m.invalid.is_empty(), "{:?}", m.invalid);
            for e in m.entries() {
                assert_eq!(m.header.index, br0);
                // Groups the ports joined by themselves (IPv6 all-nodes and
                // solicited-node, say) are learned, temporary entries.
                if e.fixed.state == MdbState::Permanent {
                    groups.push((e.fixed.index, e.fixed.group(), e.fixed.state));
                }
                if bytes_of_first.is_none() {
                    bytes_of_first = Some(
                        NetlinkMessage::from_inner(RouteNetlinkMessage::GetMdb(m.clone()))
                            .to_bytes(),
                    );
                }
            }
        }
        groups.sort_by_key(|g| format!("{:?}", g.1));
        assert_eq!(
            groups,
            [
                (
                    v0,
                    MdbGroup::Ipv4(Ipv4Addr::new(239, 1, 1, 1)),
                    MdbState::Permanent
                ),
                (
                    v0,
                    MdbGroup::Ipv4(Ipv4Addr::new(239, 2, 2, 2)),
                    MdbState::Permanent
                ),
            ]
        );
        let json = bridge_json("mdb show");
        let mut listed: Vec<String> = json[0]["mdb"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["state"] == "permanent")
            .map(|e| {
                assert_eq!(e["port"], "v0");
                e["grp"].as_str().unwrap().to_string()
            })
            .collect();
        listed.sort();
        assert_eq!(listed, ["239.1.1.1", "239.2.2.2"]);
        if std::env::var("NL_CAPTURE").as_deref() == Ok("1") {
            netlink_testkit::fixtures::write_fixture(
                &std::path::Path::new(FIXTURES).join("mdb/static-entries.hex"),
                "RTM_GETMDB dump (family 7) after: ip link add br0 type bridge mcast_snooping 1; veth v0 in br0, all up; bridge mdb add dev br0 port v0 grp 239.1.1.1 permanent; RTM_NEWMDB 239.2.2.2 permanent",
                &bytes_of_first.unwrap(),
            )
            .unwrap();
        }
        // Deleting with the same request form.
        let mut gone = BrMdbEntry {
            index: v0,
            ..Default::default()
        };
        gone.set_ip_group(IpAddr::V4(Ipv4Addr::new(239, 2, 2, 2)));
        request(
            RouteNetlinkMessage::DelMdb(MdbMessage::new(
                MdbHeader {
                    family: 7,
                    index: br0,
                    ..Default::default()
                },
                vec![MdbSetAttr::Entry(gone).to_mdb_attr()],
            )),
            NetlinkFlags::empty(),
        );
        let json = bridge_json("mdb show");
        let permanent = json[0]["mdb"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["state"] == "permanent")
            .count();
        assert_eq!(permanent, 1, "{json}");
    });
}

#[test]
fn stats_get_filters_request_narrows_offload_xstats() {
    in_new_netns(|| {
        ip("link add v0 type veth peer name v1");
        // IFLA_STATS_GET_FILTERS: of the offload group only HW_S_INFO
        // (IFLA_STATS_FILTER_BIT(IFLA_OFFLOAD_XSTATS_HW_S_INFO)).
        let filters = StatsGetSetAttr::GetFilters(Nested::new(vec![
            StatsGroupFilterAttr::LinkOffloadXstats(1 << (OffloadXstatsAttr::HW_S_INFO - 1)),
        ]));
        let replies: Vec<StatsMessage> = dump(RouteNetlinkMessage::GetStats(StatsMessage::new(
            StatsHeader {
                filter_mask: StatsFilter::LINK_OFFLOAD_XSTATS,
                ..Default::default()
            },
            vec![filters.to_stats_attr()],
        )))
        .into_iter()
        .map(|m| match m {
            RouteNetlinkMessage::NewStats(m) => m,
            other => panic!("{other:?}"),
        })
        .collect();
        assert!(!replies.is_empty());
        let mut seen = 0;
        for m in &replies {
            assert!(m.invalid.is_empty(), "{:?}", m.invalid);
            for a in &m.attrs {
                let StatsAttr::LinkOffloadXstats(o) = a else {
                    panic!("{a:?}")
                };
                for x in o.iter() {
                    assert!(matches!(x, OffloadXstatsAttr::HwSInfo(_)), "{x:?}");
                    seen += 1;
                }
            }
        }
        assert!(seen > 0);
    });
}

#[test]
fn mdb_source_specific_entry_request() {
    in_new_netns(|| {
        ip("link add br0 type bridge mcast_snooping 1 mcast_igmp_version 3");
        ip("link add v0 type veth peer name v1");
        ip("link set v0 master br0");
        ip("link set br0 up");
        ip("link set v0 up");
        ip("link set v1 up");
        let br0 = link_named("br0").header.index as u32;
        let v0 = link_named("v0").header.index as u32;
        let mut entry = BrMdbEntry {
            index: v0,
            state: MdbState::Permanent,
            ..Default::default()
        };
        entry.set_ip_group(IpAddr::V4(Ipv4Addr::new(232, 1, 1, 1)));
        let source = IpAddr::V4(Ipv4Addr::new(192, 0, 2, 9));
        request(
            RouteNetlinkMessage::NewMdb(MdbMessage::new(
                MdbHeader {
                    family: 7,
                    index: br0,
                    ..Default::default()
                },
                vec![
                    MdbSetAttr::Entry(entry).to_mdb_attr(),
                    MdbSetAttr::Attrs(Nested::new(vec![MdbeAttr::Source(source)])).to_mdb_attr(),
                ],
            )),
            NetlinkFlags::CREATE | NetlinkFlags::EXCL,
        );
        let mut sources = Vec::new();
        let mut first = None;
        for m in dump(RouteNetlinkMessage::GetMdb(MdbMessage::new(
            MdbHeader {
                family: 7,
                ..Default::default()
            },
            vec![],
        ))) {
            let RouteNetlinkMessage::GetMdb(m) = m else {
                panic!("{m:?}")
            };
            assert!(m.invalid.is_empty(), "{:?}", m.invalid);
            if first.is_none() && !m.entries().is_empty() {
                first = Some(
                    NetlinkMessage::from_inner(RouteNetlinkMessage::GetMdb(m.clone())).to_bytes(),
                );
            }
            for e in m.entries() {
                for a in &e.attrs {
                    if let MdbEntryExtraAttr::Source(s) = a {
                        sources.push((e.fixed.group(), *s));
                    }
                }
            }
        }
        assert_eq!(
            sources,
            [(MdbGroup::Ipv4(Ipv4Addr::new(232, 1, 1, 1)), source)]
        );
        let json = bridge_json("mdb show");
        let srcs: Vec<&str> = json[0]["mdb"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|e| e["src"].as_str())
            .collect();
        assert_eq!(srcs, ["192.0.2.9"], "{json}");
        if std::env::var("NL_CAPTURE").as_deref() == Ok("1") {
            netlink_testkit::fixtures::write_fixture(
                &std::path::Path::new(FIXTURES).join("mdb/source-specific.hex"),
                "RTM_GETMDB dump (family 7) after: bridge br0 mcast_snooping 1 mcast_igmp_version 3; veth v0 in br0, all up; RTM_NEWMDB 232.1.1.1 source 192.0.2.9 permanent on v0",
                &first.unwrap(),
            )
            .unwrap();
        }
    });
}

fn stp_tx_bpdu_from_ip(index: u32) -> u64 {
    let json = ip_json("stats show dev v0 group xstats_slave");
    let stp = json
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["ifindex"] == index && e["suite"] == "stp")
        .unwrap_or_else(|| panic!("{json}"));
    stp["stp"]["tx_bpdu"].as_u64().unwrap()
}

#[test]
fn bridge_port_stp_xstats_agree_with_ip_stats() {
    in_new_netns(|| {
        ip("link add br0 type bridge stp_state 1 hello_time 100");
        ip("link add v0 type veth peer name v1");
        ip("link set v0 master br0");
        ip("link set br0 up");
        ip("link set v0 up");
        ip("link set v1 up");
        std::thread::sleep(std::time::Duration::from_millis(2500));
        let v0 = link_named("v0").header.index as u32;
        let before = stp_tx_bpdu_from_ip(v0);
        let ours = stats_dump(StatsFilter::LINK_XSTATS_SLAVE)
            .into_iter()
            .find(|m| m.header.index == v0)
            .unwrap();
        let after = stp_tx_bpdu_from_ip(v0);
        let StatsAttr::LinkXstatsSlave(x) = &ours.attrs[0] else {
            panic!("{:?}", ours.attrs)
        };
        let stp = x
            .iter()
            .find_map(|a| match a {
                LinkXstatsAttr::Bridge(b) => b.iter().find_map(|b| match b {
                    BridgeXstatsAttr::Stp(s) => Some(s.clone()),
                    _ => None,
                }),
                _ => None,
            })
            .unwrap();
        assert!(before > 0, "the port sent BPDUs");
        assert!(
            (before..=after).contains(&stp.tx_bpdu),
            "{before} <= {} <= {after}",
            stp.tx_bpdu
        );
        // Offload hardware statistics info, as ip prints it.
        let json = ip_json("stats show dev v0 group offload subgroup hw_stats_info");
        let info = &json[0]["info"]["l3_stats"];
        let offload = stats_dump(StatsFilter::LINK_OFFLOAD_XSTATS)
            .into_iter()
            .find(|m| m.header.index == v0)
            .unwrap();
        let StatsAttr::LinkOffloadXstats(o) = &offload.attrs[0] else {
            panic!("{:?}", offload.attrs)
        };
        let OffloadXstatsAttr::HwSInfo(hw) = &o[0] else {
            panic!("{o:?}")
        };
        let HwStatsInfoAttr::L3Stats(l3) = &hw[0] else {
            panic!("{hw:?}")
        };
        for a in l3.iter() {
            match a {
                HwStatsInfoEntryAttr::Request(r) => assert_eq!(info["request"], *r != 0),
                HwStatsInfoEntryAttr::Used(u) => assert_eq!(info["used"], *u != 0),
                other => panic!("{other:?}"),
            }
        }
    });
}

#[test]
fn setstats_enables_l3_stats_as_ip_shows() {
    in_new_netns(|| {
        ip("link add v0 type veth peer name v1");
        let v0 = link_named("v0").header.index as u32;
        // RTM_SETSTATS with IFLA_STATS_SET_OFFLOAD_XSTATS_L3_STATS = 1.
        request(
            RouteNetlinkMessage::SetStats(StatsMessage::new(
                StatsHeader {
                    index: v0,
                    ..Default::default()
                },
                vec![StatsGetSetAttr::SetOffloadXstatsL3Stats(1).to_stats_attr()],
            )),
            NetlinkFlags::empty(),
        );
        let json = ip_json("stats show dev v0 group offload subgroup hw_stats_info");
        assert_eq!(json[0]["info"]["l3_stats"]["request"], true, "{json}");
        let offload = stats_dump(StatsFilter::LINK_OFFLOAD_XSTATS)
            .into_iter()
            .find(|m| m.header.index == v0)
            .unwrap();
        let StatsAttr::LinkOffloadXstats(o) = &offload.attrs[0] else {
            panic!("{:?}", offload.attrs)
        };
        let info = o
            .iter()
            .find_map(|a| match a {
                OffloadXstatsAttr::HwSInfo(hw) => Some(hw.clone()),
                _ => None,
            })
            .unwrap();
        let HwStatsInfoAttr::L3Stats(l3) = &info[0] else {
            panic!("{info:?}")
        };
        assert!(l3.contains(&HwStatsInfoEntryAttr::Request(1)), "{l3:?}");
        assert_eq!(
            json[0]["info"]["l3_stats"]["used"],
            l3.contains(&HwStatsInfoEntryAttr::Used(1))
        );
    });
}
