//! The smaller link kinds with attribute sets in other headers (vxcan, amt,
//! wwan, caif, batadv): coverage against those headers, messages built
//! from the header layouts, and the kernel's answer to them. This kernel
//! creates none of these kinds ("Unknown device type"), so no dump can be
//! captured; the refusal proves the rest of each request is well formed.

mod common;

use std::net::Ipv4Addr;

use common::*;
use netlink_packet_core::nla::{Attribute, Be16, Nested};
use netlink_packet_route::link::info::*;
use netlink_packet_route::link::{LinkAttr, LinkHeader, LinkMessage};
use netlink_packet_route::RouteNetlinkMessage;
use netlink_testkit::uapi::coverage;

fn check<A: Attribute>(header: &str, member: &str, unspec: &str) {
    let report = coverage::<A>(header, member, &[(unspec, "number 0 is never sent")]);
    println!("{report}");
    assert!(report.missing.is_empty(), "{:?}", report.missing);
}

#[test]
fn sets_cover_their_headers() {
    check::<VxcanAttr>("linux/can/vxcan.h", "VXCAN_INFO_PEER", "VXCAN_INFO_UNSPEC");
    check::<AmtAttr>("linux/amt.h", "IFLA_AMT_MODE", "IFLA_AMT_UNSPEC");
    check::<WwanAttr>("linux/wwan.h", "IFLA_WWAN_LINK_ID", "IFLA_WWAN_UNSPEC");
    // caif's zero is `__IFLA_CAIF_UNSPEC`, which the reader leaves out.
    check::<CaifAttr>("linux/caif/if_caif.h", "IFLA_CAIF_LOOPBACK", "");
    check::<BatadvAttr>(
        "linux/batman_adv.h",
        "IFLA_BATADV_ALGO_NAME",
        "IFLA_BATADV_UNSPEC",
    );
}

fn link(name: &str, kind: &str, data: InfoData) -> LinkMessage {
    LinkMessage::new(
        LinkHeader::default(),
        vec![
            LinkAttr::IfName(name.into()),
            LinkAttr::LinkInfo(LinkInfoNest::new(vec![
                LinkInfo::Kind(kind.into()),
                LinkInfo::Data(data),
            ])),
        ],
    )
}

fn built() -> Vec<LinkMessage> {
    let peer = LinkMessage::new(LinkHeader::default(), vec![LinkAttr::IfName("vx1".into())]);
    vec![
        link(
            "vx0",
            "vxcan",
            InfoData::Vxcan(Nested::new(vec![VxcanAttr::Peer(peer)])),
        ),
        link(
            "amt0",
            "amt",
            InfoData::Amt(Nested::new(vec![
                AmtAttr::Mode(AmtMode::Gateway),
                AmtAttr::RelayPort(Be16(2268)),
                AmtAttr::GatewayPort(Be16(2269)),
                AmtAttr::Link(2),
                AmtAttr::LocalIp(Ipv4Addr::new(10, 0, 0, 1)),
                AmtAttr::RemoteIp(Ipv4Addr::new(10, 0, 0, 2)),
                AmtAttr::DiscoveryIp(Ipv4Addr::new(10, 0, 0, 3)),
                AmtAttr::MaxTunnels(128),
            ])),
        ),
        link(
            "ww0",
            "wwan",
            InfoData::Wwan(Nested::new(vec![WwanAttr::LinkId(4)])),
        ),
        link(
            "caif0",
            "caif",
            InfoData::Caif(Nested::new(vec![
                CaifAttr::Ipv4ConnId(7),
                CaifAttr::Ipv6ConnId(8),
                CaifAttr::Loopback(1),
            ])),
        ),
        link(
            "bat0",
            "batadv",
            InfoData::Batadv(Nested::new(vec![BatadvAttr::AlgoName("BATMAN_V".into())])),
        ),
    ]
}

#[test]
fn built_messages_round_trip_with_the_header_layouts() {
    for message in built() {
        round_trip(RouteNetlinkMessage::NewLink(message));
    }
    // amt: the relay port big-endian after its 4-byte header, the local
    // address in network order.
    let amt = AmtAttr::RelayPort(Be16(2268)).to_bytes();
    assert_eq!(amt, [6, 0, 2, 0, 0x08, 0xdc, 0, 0]);
    let local = AmtAttr::LocalIp(Ipv4Addr::new(10, 0, 0, 1)).to_bytes();
    assert_eq!(local, [8, 0, 5, 0, 10, 0, 0, 1]);
    // vxcan: the peer is an ifinfomsg (16 bytes) then its attributes.
    let peer = LinkMessage::new(LinkHeader::default(), vec![LinkAttr::IfName("vx1".into())]);
    let bytes = VxcanAttr::Peer(peer).to_bytes();
    assert_eq!(bytes.len(), 4 + 16 + 8);
    assert_eq!(&bytes[20..], [8, 0, 3, 0, b'v', b'x', b'1', 0]);
}

#[test]
fn the_kernel_answers_unknown_device_type() {
    netlink_testkit::in_new_netns(|| {
        for message in built() {
            let kind = message.kind().unwrap_or("?").to_string();
            let error = create_link(message).expect_err(&kind);
            assert_eq!(
                error.kernel_message(),
                Some("Unknown device type"),
                "{kind}: {error}"
            );
        }
    });
}
