//! Kinds with options, and the kinds and options this kernel refuses.

use std::net::{IpAddr, Ipv4Addr};

use netlink_testkit::ip_json;
use rtnetlink::link::LinkAdd;
use rtnetlink::packet::link::info::{MacVlanMode, VxlanDf};
use rtnetlink::Error;

use crate::common::{index, Run};

pub fn flags(link: &serde_json::Value) -> Vec<String> {
    link["flags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap().to_owned())
        .collect()
}

/// Every kind this kernel creates, with options, read back with
/// `ip -j -d link show`.
pub fn kinds_with_options<R: Run>(run: &mut R) {
    run.run(
        LinkAdd::veth("kv0", "kv1")
            .peer_mtu(1280)
            .peer_address([2, 0, 0, 0, 0, 0x11])
            .address([2, 0, 0, 0, 0, 0x10]),
    )
    .unwrap();
    let peer = &ip_json("-d link show dev kv1")[0];
    assert_eq!(peer["mtu"], 1280);
    assert_eq!(peer["address"], "02:00:00:00:00:11");
    assert_eq!(
        ip_json("link show dev kv0")[0]["address"],
        "02:00:00:00:00:10"
    );

    run.run(
        LinkAdd::bridge("kbr0")
            .stp(true)
            .forward_delay(500)
            .hello_time(300)
            .max_age(1500)
            .ageing_time(1000)
            .priority(7)
            .mcast_snooping(false)
            .group_fwd_mask(0x4000),
    )
    .unwrap();
    let br = &ip_json("-d link show dev kbr0")[0]["linkinfo"]["info_data"];
    assert_eq!(br["stp_state"], 1);
    assert_eq!(br["forward_delay"], 500);
    assert_eq!(br["hello_time"], 300);
    assert_eq!(br["max_age"], 1500);
    assert_eq!(br["ageing_time"], 1000);
    assert_eq!(br["priority"], 7);
    assert_eq!(br["mcast_snooping"], 0);
    assert_eq!(br["group_fwd_mask"], "0x4000");

    let kv0 = index(run, "kv0");
    run.run(
        LinkAdd::vxlan("kvx0", 5)
            .port(4789)
            .local(IpAddr::V4(Ipv4Addr::new(192, 0, 2, 1)))
            .remote(IpAddr::V4(Ipv4Addr::new(192, 0, 2, 9)))
            .dev(kv0)
            .ttl(10)
            .tos(4)
            .ageing(100)
            .limit(10)
            .learning(false)
            .udp_csum(true)
            .port_range(1000, 2000)
            .df(VxlanDf::Set),
    )
    .unwrap();
    let vx = &ip_json("-d link show dev kvx0")[0]["linkinfo"]["info_data"];
    assert_eq!(vx["id"], 5);
    assert_eq!(vx["remote"], "192.0.2.9");
    assert_eq!(vx["link"], "kv0");
    assert_eq!(vx["ttl"], 10);
    assert_eq!(vx["tos"], "0x4");
    assert_eq!(vx["ageing"], 100);
    assert_eq!(vx["limit"], 10);
    assert_eq!(vx["learning"], false);
    assert_eq!(vx["udp_csum"], true);
    assert_eq!(vx["port_range"]["low"], 1000);
    assert_eq!(vx["port_range"]["high"], 2000);
    assert_eq!(vx["df"], "set");

    run.run(LinkAdd::macvtap("kmvt0", kv0, MacVlanMode::Vepa).bc_queue_len(500))
        .unwrap();
    let mvt = &ip_json("-d link show dev kmvt0")[0]["linkinfo"];
    assert_eq!(mvt["info_kind"], "macvtap");
    assert_eq!(mvt["info_data"]["mode"], "vepa");
    assert_eq!(mvt["info_data"]["bcqueuelen"], 500);

    run.run(LinkAdd::macvlan("kmv0", kv0, MacVlanMode::Private).up())
        .unwrap();
    let mv = &ip_json("-d link show dev kmv0")[0];
    assert_eq!(mv["linkinfo"]["info_data"]["mode"], "private");
    assert!(flags(mv).contains(&"UP".to_owned()));

    run.run(LinkAdd::ifb("kifb0").mtu(1400)).unwrap();
    let ifb = &ip_json("-d link show dev kifb0")[0];
    assert_eq!(ifb["linkinfo"]["info_kind"], "ifb");
    assert_eq!(ifb["mtu"], 1400);
}

/// tun and tap: this kernel's driver refuses creation over rtnetlink, and
/// the refusal reaches the caller with the driver's message.
pub fn tun_is_refused<R: Run>(run: &mut R) {
    for request in [LinkAdd::tun("ktun0"), LinkAdd::tap("ktap0").vnet_hdr(true)] {
        let error = run.run(request).unwrap_err();
        assert!(matches!(error, Error::Kernel { .. }), "{error:?}");
        assert_eq!(error.errno(), Some(95));
        assert_eq!(
            error.kernel_message(),
            Some("tun/tap creation via rtnetlink is not supported.")
        );
    }
    assert!(netlink_testkit::ip_ok("link show dev ktun0").is_err());
}

/// VLAN filtering is not built into this kernel's bridge: turning it on is
/// refused, and the error reaches the caller.
pub fn bridge_vlan_filtering_is_refused<R: Run>(run: &mut R) {
    let error = run
        .run(LinkAdd::bridge("kbv0").vlan_filtering(true))
        .unwrap_err();
    assert!(matches!(error, Error::Kernel { .. }), "{error:?}");
    assert_eq!(error.errno(), Some(95), "{error}");
    assert!(netlink_testkit::ip_ok("link show dev kbv0").is_err());
}
