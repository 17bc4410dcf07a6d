//! The smaller dumps wired in the top-level message table: IPv6 multicast
//! addresses (`RTM_GETMULTICAST`, `ifaddrmsg` + `IFA_MULTICAST`) and vxlan
//! VNI filters (`RTM_GETTUNNEL`, `struct tunnel_msg` + `VXLAN_VNIFILTER_*`),
//! read from this kernel in fresh namespaces and checked against iproute2.

mod common;

use std::net::{IpAddr, Ipv6Addr};

use common::*;
use netlink_packet_core::nla::Nested;
use netlink_packet_route::address::{AddressAttr, AddressHeader, AddressMessage};
use netlink_packet_route::link::info::{VxlanVniFilterAttr, VxlanVniFilterEntryAttr};
use netlink_packet_route::tunnel::{TunnelHeader, TunnelMessage, TunnelMessageFlags};
use netlink_packet_route::RouteNetlinkMessage;
use netlink_testkit::{in_new_netns, ip};

#[test]
fn ipv6_multicast_addresses_of_lo() {
    in_new_netns(|| {
        ip("link set lo up");
        let header = AddressHeader {
            family: 10,
            ..Default::default()
        };
        let replies = dump(RouteNetlinkMessage::GetMulticast(AddressMessage::new(
            header,
            vec![],
        )));
        let groups: Vec<(u32, IpAddr)> = replies
            .iter()
            .map(|m| match m {
                RouteNetlinkMessage::GetMulticast(a) => {
                    assert!(a.invalid.is_empty());
                    let group = a
                        .attrs
                        .iter()
                        .find_map(|attr| match attr {
                            AddressAttr::Multicast(ip) => Some(*ip),
                            _ => None,
                        })
                        .expect("IFA_MULTICAST");
                    (a.header.index, group)
                }
                other => panic!("{other:?}"),
            })
            .collect();
        let all_nodes: IpAddr = "ff02::1".parse::<Ipv6Addr>().unwrap().into();
        assert!(groups.contains(&(1, all_nodes)), "{groups:?}");
    });
}

fn vni_entries(message: &TunnelMessage) -> Vec<(u32, Option<u32>)> {
    message
        .attrs
        .iter()
        .filter_map(|attr| match attr {
            VxlanVniFilterAttr::Entry(entry) => {
                let start = entry.iter().find_map(|e| match e {
                    VxlanVniFilterEntryAttr::Start(v) => Some(*v),
                    _ => None,
                })?;
                let end = entry.iter().find_map(|e| match e {
                    VxlanVniFilterEntryAttr::End(v) => Some(*v),
                    _ => None,
                });
                Some((start, end))
            }
            _ => None,
        })
        .collect()
}

#[test]
fn vxlan_vni_filter_matches_bridge_vni_show() {
    in_new_netns(|| {
        ip("link add vx0 type vxlan dstport 4789 external vnifilter local 10.0.0.1");
        let status = std::process::Command::new("bridge")
            .args(["vni", "add", "dev", "vx0", "vni", "100"])
            .status()
            .unwrap();
        assert!(status.success());
        let index = link_named("vx0").header.index as u32;
        // The other direction: a range added with these types.
        let add = TunnelMessage::new(
            TunnelHeader {
                family: 7,
                index,
                ..Default::default()
            },
            vec![VxlanVniFilterAttr::Entry(Nested::new(vec![
                VxlanVniFilterEntryAttr::Start(200),
                VxlanVniFilterEntryAttr::End(210),
            ]))],
        );
        let mut connection =
            netlink_proto::blocking::Connection::new(netlink_sys::Protocol::Route).unwrap();
        let mut request =
            netlink_packet_core::NetlinkMessage::from_inner(RouteNetlinkMessage::NewTunnel(add));
        request.header.flags = netlink_packet_core::NetlinkFlags::CREATE;
        connection
            .request_all(&request, netlink_proto::RequestOptions::request())
            .unwrap();

        let header = TunnelHeader {
            family: 7,
            flags: TunnelMessageFlags::default(),
            ..Default::default()
        };
        let replies = dump(RouteNetlinkMessage::GetTunnel(TunnelMessage::new(
            header,
            vec![],
        )));
        let mut ours = Vec::new();
        for reply in &replies {
            match reply {
                RouteNetlinkMessage::NewTunnel(t) => {
                    assert!(t.invalid.is_empty(), "{:?}", t.invalid);
                    assert_eq!(t.header.index, index);
                    ours.extend(vni_entries(t));
                }
                other => panic!("{other:?}"),
            }
        }
        let shown = ip_json_bridge_vni();
        let theirs: Vec<(u32, Option<u32>)> = shown[0]["vnis"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| {
                (
                    v["vni"].as_u64().unwrap() as u32,
                    v["vniEnd"].as_u64().map(|e| e as u32),
                )
            })
            .collect();
        assert_eq!(ours, theirs);
        assert_eq!(ours, [(100, None), (200, Some(210))]);
    });
}

fn ip_json_bridge_vni() -> serde_json::Value {
    let out = std::process::Command::new("bridge")
        .args(["-j", "vni", "show"])
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout).unwrap()
}
