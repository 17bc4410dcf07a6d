//! Addresses against this machine's kernel, in fresh namespaces: created
//! with `ip` and read with these types, and created with these types and
//! read with `ip -j addr show`, compared field by field.

mod common;

use std::net::IpAddr;

use common::*;
use netlink_packet_core::{NetlinkFlags, NetlinkMessage};
use netlink_packet_route::address::{
    AddressAttr, AddressCacheInfo, AddressFlags, AddressHeader, AddressMessage,
};
use netlink_packet_route::{RouteNetlinkMessage, Scope};
use netlink_proto::blocking::Connection;
use netlink_proto::RequestOptions;
use netlink_sys::Protocol;
use netlink_testkit::{in_new_netns, ip, ip_json};
use serde_json::Value;

/// The `addr_info` entry `ip -j` would print for `a`, limited to the keys
/// whose meaning these types carry.
fn compare(a: &AddressMessage, json: &Value) {
    let what = format!("{:?} vs {json}", a.address());
    let family = if a.header.family == 2 {
        "inet"
    } else {
        "inet6"
    };
    assert_eq!(json["family"], family, "{what}");
    assert_eq!(
        json["prefixlen"].as_u64(),
        Some(u64::from(a.header.prefix_len)),
        "{what}"
    );
    assert_eq!(json["scope"].as_str(), a.header.scope.name(), "{what}");
    assert_eq!(
        json["local"].as_str().map(|s| s.parse::<IpAddr>().unwrap()),
        a.address(),
        "{what}"
    );
    let peer = a.attrs.iter().find_map(|attr| match attr {
        AddressAttr::Address(ip) => Some(*ip),
        _ => None,
    });
    let has_local = a
        .attrs
        .iter()
        .any(|attr| matches!(attr, AddressAttr::Local(_)));
    if has_local && peer != a.address() {
        assert_eq!(
            json["address"]
                .as_str()
                .map(|s| s.parse::<IpAddr>().unwrap()),
            peer,
            "{what}"
        );
    } else {
        assert!(json.get("address").is_none(), "{what}");
    }
    let broadcast = a.attrs.iter().find_map(|attr| match attr {
        AddressAttr::Broadcast(b) => Some(b.to_string()),
        _ => None,
    });
    assert_eq!(
        json["broadcast"].as_str().map(str::to_string),
        broadcast,
        "{what}"
    );
    assert_eq!(json["label"].as_str(), a.label(), "{what}");
    let metric = a.attrs.iter().find_map(|attr| match attr {
        AddressAttr::RtPriority(m) => Some(u64::from(*m)),
        _ => None,
    });
    assert_eq!(json["metric"].as_u64(), metric, "{what}");
    let cache = a
        .attrs
        .iter()
        .find_map(|attr| match attr {
            AddressAttr::CacheInfo(c) => Some(c.clone()),
            _ => None,
        })
        .unwrap();
    // Lifetimes count down; the dump and ip ran a moment apart.
    let valid = json["valid_life_time"].as_u64().unwrap();
    let preferred = json["preferred_life_time"].as_u64().unwrap();
    assert!(u64::from(cache.valid).abs_diff(valid) <= 2, "{what}");
    assert!(
        u64::from(cache.preferred).abs_diff(preferred) <= 2,
        "{what}"
    );
    // ip prints one boolean key per flag, "dynamic" for not permanent.
    let flags = a.flags();
    for (flag, key) in [
        (AddressFlags::NODAD, "nodad"),
        (AddressFlags::OPTIMISTIC, "optimistic"),
        (AddressFlags::DADFAILED, "dadfailed"),
        (AddressFlags::HOMEADDRESS, "home"),
        (AddressFlags::DEPRECATED, "deprecated"),
        (AddressFlags::TENTATIVE, "tentative"),
        (AddressFlags::MANAGETEMPADDR, "mngtmpaddr"),
        (AddressFlags::NOPREFIXROUTE, "noprefixroute"),
        (AddressFlags::MCAUTOJOIN, "autojoin"),
        (AddressFlags::STABLE_PRIVACY, "stable-privacy"),
    ] {
        assert_eq!(
            json[key].as_bool().unwrap_or(false),
            flags.contains(flag),
            "{key}: {what}"
        );
    }
    let secondary_key = if family == "inet" {
        "secondary"
    } else {
        "temporary"
    };
    assert_eq!(
        json[secondary_key].as_bool().unwrap_or(false),
        flags.contains(AddressFlags::SECONDARY),
        "{what}"
    );
    assert_eq!(
        json["dynamic"].as_bool().unwrap_or(false),
        !flags.contains(AddressFlags::PERMANENT),
        "{what}"
    );
}

#[test]
fn addresses_created_by_ip_match_ip_json() {
    in_new_netns(|| {
        ip("link set lo up");
        ip("link add v0 type veth peer name v1");
        ip("link set v0 up");
        ip("addr add 192.0.2.1/24 brd + label v0:main dev v0");
        ip("addr add 192.0.2.7/24 dev v0");
        ip("addr add 10.9.0.1 peer 10.9.0.2/32 dev v0");
        ip("addr add 198.51.100.5/25 dev v0 valid_lft 3600 preferred_lft 1800 metric 77");
        ip("addr add 2001:db8::1/64 dev v0 valid_lft 7200 preferred_lft 3600 noprefixroute");
        ip("addr add 2001:db8:1::9/64 dev v0 nodad");
        let ours = dump_addresses(0);
        let shown: Vec<(i64, Value)> = ip_json("addr show")
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|link| {
                let index = link["ifindex"].as_i64().unwrap();
                link["addr_info"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(move |a| (index, a.clone()))
            })
            .collect();
        assert_eq!(ours.len(), shown.len(), "same number of addresses");
        for a in &ours {
            let (_, json) = shown
                .iter()
                .find(|(index, json)| {
                    *index == i64::from(a.header.index)
                        && json["local"].as_str().map(|s| s.parse::<IpAddr>().unwrap())
                            == a.address()
                })
                .unwrap_or_else(|| panic!("ip does not show {:?}", a.address()));
            compare(a, json);
        }
        assert!(ours.len() >= 8, "lo: 2, v0: 6");
    });
}

fn send(message: AddressMessage) -> Result<(), netlink_proto::Error> {
    let mut connection = Connection::new(Protocol::Route)?;
    let mut request = NetlinkMessage::from_inner(RouteNetlinkMessage::NewAddress(message));
    request.header.flags = NetlinkFlags::CREATE | NetlinkFlags::EXCL;
    connection.request_all(&request, RequestOptions::request())?;
    Ok(())
}

#[test]
fn addresses_created_with_these_types_show_in_ip() {
    in_new_netns(|| {
        ip("link add v0 type veth peer name v1");
        ip("link set v0 up");
        let index = link_named("v0").header.index as u32;
        let v4 = AddressMessage::new(
            AddressHeader {
                family: 2,
                prefix_len: 24,
                index,
                ..Default::default()
            },
            vec![
                AddressAttr::Local("192.0.2.33".parse().unwrap()),
                AddressAttr::Address("192.0.2.33".parse().unwrap()),
                AddressAttr::Broadcast("192.0.2.255".parse().unwrap()),
                AddressAttr::Label("v0:x".into()),
                AddressAttr::RtPriority(42),
            ],
        );
        send(v4).unwrap();
        let v6 = AddressMessage::new(
            AddressHeader {
                family: 10,
                prefix_len: 64,
                index,
                ..Default::default()
            },
            vec![
                AddressAttr::Address("2001:db8:5::1".parse().unwrap()),
                AddressAttr::Flags(AddressFlags::NODAD | AddressFlags::NOPREFIXROUTE),
                AddressAttr::CacheInfo(AddressCacheInfo {
                    preferred: 600,
                    valid: 1200,
                    ..Default::default()
                }),
            ],
        );
        send(v6.clone()).unwrap();
        // The same address again: the kernel's EEXIST reaches the caller.
        let error = send(v6).unwrap_err();
        assert_eq!(error.errno(), Some(17), "{error}");

        let shown = ip_json("addr show dev v0");
        let infos = shown[0]["addr_info"].as_array().unwrap();
        let v4 = infos
            .iter()
            .find(|a| a["local"] == "192.0.2.33")
            .expect("ip shows 192.0.2.33");
        assert_eq!(v4["prefixlen"], 24);
        assert_eq!(v4["broadcast"], "192.0.2.255");
        assert_eq!(v4["label"], "v0:x");
        assert_eq!(v4["metric"], 42);
        let v6 = infos
            .iter()
            .find(|a| a["local"] == "2001:db8:5::1")
            .expect("ip shows 2001:db8:5::1");
        assert_eq!(v6["prefixlen"], 64);
        assert_eq!(v6["nodad"], true);
        assert_eq!(v6["noprefixroute"], true);
        assert!(v6["valid_life_time"].as_u64().unwrap() <= 1200);
        assert!(v6["preferred_life_time"].as_u64().unwrap() <= 600);
        // And our own dump agrees with what we sent.
        let ours = dump_addresses(10);
        let back = ours
            .iter()
            .find(|a| a.address() == Some("2001:db8:5::1".parse().unwrap()))
            .unwrap();
        assert_eq!(back.header.scope, Scope::Universe);
        assert!(back.flags().contains(AddressFlags::NODAD));
    });
}
