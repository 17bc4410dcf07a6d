//! The link plumbing end to end: a dump through the engine with this
//! crate's types, compared with `ip -j -d link show`.

mod common;

use common::*;
use netlink_testkit::{in_new_netns, ip, ip_json};

#[test]
fn dump_matches_ip_for_basic_fields() {
    in_new_netns(|| {
        ip("link add v0 type veth peer name v1");
        ip("link set v0 mtu 1400 up");
        let links = dump_links();
        let shown = ip_json("-d link show");
        let shown = shown.as_array().unwrap();
        assert_eq!(links.len(), shown.len());
        for (link, json) in links.iter().zip(shown) {
            assert_eq!(
                i64::from(link.header.index),
                json["ifindex"].as_i64().unwrap()
            );
            assert_eq!(link.name(), json["ifname"].as_str());
            assert_eq!(link.mtu().map(i64::from), json["mtu"].as_i64());
            let kind = json["linkinfo"]["info_kind"].as_str();
            assert_eq!(link.kind(), kind);
        }
    });
}
