//! `RouteNetlinkMessage::describe`: captured messages as named trees, with
//! the nests whose meaning depends on the header or a sibling described
//! in context.

use netlink_packet_core::nla::{Described, DescribedAttr};
use netlink_packet_core::{NetlinkMessage, NetlinkPayload, RawPayload};
use netlink_packet_route::{message_type_name, RouteNetlinkMessage};
use netlink_testkit::read_fixture;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

fn describe(name: &str) -> netlink_packet_core::nla::DescribedPayload {
    let bytes = read_fixture(DIR, name);
    let message = NetlinkMessage::<RouteNetlinkMessage>::parse_bytes(&bytes).unwrap();
    match message.payload {
        NetlinkPayload::Inner(inner) => inner.describe(),
        other => panic!("{name}: {other:?}"),
    }
}

fn attr<'a>(value: &'a Described, name: &str) -> &'a DescribedAttr {
    match value {
        Described::Attributes(attrs) => attrs
            .iter()
            .find(|a| a.name == Some(name))
            .unwrap_or_else(|| panic!("no {name} in {value:?}")),
        other => panic!("not attributes: {other:?}"),
    }
}

#[test]
fn link_message_names_type_header_and_attributes() {
    let described = describe("link/veth/v0.hex");
    assert_eq!(described.type_name, Some("RTM_NEWLINK"));
    let (name, fixed) = described.fixed.unwrap();
    assert_eq!(name, "ifinfomsg");
    assert!(matches!(
        fixed.field("link_type"),
        Some(Described::Enum {
            name: Some("ether"),
            value: 1
        })
    ));
    let info = attr(&described.body, "IFLA_LINKINFO");
    assert_eq!(info.number, 18);
    assert_eq!(
        attr(&info.value, "IFLA_INFO_KIND").value,
        Described::Text("veth".into())
    );
    // IFLA_AF_SPEC of an AF_UNSPEC message: entries by address family.
    let af_spec = attr(&described.body, "IFLA_AF_SPEC");
    attr(&af_spec.value, "AF_INET");
    attr(&af_spec.value, "AF_INET6");
}

#[test]
fn bridge_port_protinfo_is_described_with_the_message_family() {
    let described = describe("link/bridge-port/v0.hex");
    let protinfo = attr(&described.body, "IFLA_PROTINFO");
    assert!(matches!(
        attr(&protinfo.value, "IFLA_BRPORT_STATE").value,
        Described::Enum { .. }
    ));
}

#[test]
fn route_encap_is_described_with_its_type() {
    let described = describe("route/encap-ip.hex");
    assert_eq!(described.fixed.as_ref().map(|f| f.0), Some("rtmsg"));
    let encap = attr(&described.body, "RTA_ENCAP");
    assert_eq!(
        attr(&encap.value, "LWTUNNEL_IP_DST").value,
        Described::Address("192.0.2.9".into())
    );
}

#[test]
fn types_kept_as_bytes_are_named_when_the_header_names_them() {
    assert_eq!(message_type_name(16), Some("RTM_NEWLINK"));
    assert_eq!(message_type_name(36), Some("RTM_NEWQDISC"));
    assert_eq!(message_type_name(1000), None);
    let qdisc = RouteNetlinkMessage::Other(RawPayload {
        message_type: 36,
        bytes: vec![1, 2],
    });
    let described = qdisc.describe();
    assert_eq!(described.type_name, Some("RTM_NEWQDISC"));
    assert_eq!(described.fixed, None);
    assert_eq!(described.body, Described::Bytes(vec![1, 2]));
}
