//! Control messages captured from this machine's kernel by
//! `tools/capture_control.py`: decoded values and byte-identical round trips.

mod common;

use common::fixture;
use netlink_packet_core::control::{ExtAckAttrRef, PolicyAttr};
use netlink_packet_core::nla::{Attribute, NlaIter};
use netlink_packet_core::{
    ExtAck, ExtAckAttr, MessageIter, NetlinkFlags, NetlinkMessage, NetlinkPayload, RawPayload,
};

fn parse(bytes: &[u8]) -> NetlinkMessage<RawPayload> {
    let message = NetlinkMessage::<RawPayload>::parse_bytes(bytes).unwrap();
    assert_eq!(
        message.to_bytes(),
        bytes,
        "round trip must be byte-identical"
    );
    message
}

fn error_of(message: &NetlinkMessage<RawPayload>) -> &netlink_packet_core::ErrorMessage {
    match &message.payload {
        NetlinkPayload::Error(e) => e,
        other => panic!("expected an error, got {other:?}"),
    }
}

#[test]
fn unknown_link_kind_error_carries_the_kernel_message() {
    let bytes = fixture("error_unknown_kind.hex");
    let message = parse(&bytes);
    assert!(message.header.flags.contains(NetlinkFlags::ACK_TLVS));
    assert!(!message.header.flags.contains(NetlinkFlags::CAPPED));
    let error = error_of(&message);
    assert_eq!(error.code, -95);
    assert_eq!(error.errno(), 95);
    assert_eq!(error.errno_name(), Some("EOPNOTSUPP"));
    assert_eq!(error.request_header.message_type, 16);
    assert_eq!(error.request_header.sequence_number, 1);
    // The whole request came back: ifinfomsg plus IFLA_IFNAME and IFLA_LINKINFO.
    assert_eq!(error.request_payload.len(), 0x3c - 16);
    assert_eq!(&error.request_payload[20..23], b"x0\0");
    assert_eq!(error.ext_message(), Some("Unknown device type"));
    assert_eq!(
        error.to_string(),
        "Error: Unknown device type. (EOPNOTSUPP, errno 95: Operation not supported)"
    );
}

#[test]
fn capped_error_has_only_the_request_header() {
    let bytes = fixture("error_unknown_kind_capped.hex");
    let message = parse(&bytes);
    assert!(message.header.flags.contains(NetlinkFlags::CAPPED));
    let error = error_of(&message);
    assert_eq!(error.request_header.length, 0x3c);
    assert_eq!(error.request_header.sequence_number, 2);
    assert!(error.request_payload.is_empty());
    assert_eq!(error.ext_message(), Some("Unknown device type"));
}

#[test]
fn policy_violation_points_at_the_attribute() {
    let bytes = fixture("error_policy_offset.hex");
    let message = parse(&bytes);
    let error = error_of(&message);
    assert_eq!(error.errno_name(), Some("ERANGE"));
    assert_eq!(
        error.ext_message(),
        Some("Attribute failed policy validation")
    );
    // IFLA_MTU sits after the 16-byte header, the 16-byte ifinfomsg and the
    // 8-byte IFLA_IFNAME: offset 40.
    assert_eq!(error.ext_offset(), Some(40));
    let policy = error.ext_policy().unwrap();
    // NL_ATTR_TYPE_U32 is 4; the kernel sends the full u32 range.
    assert!(policy.contains(&PolicyAttr::Type(4)));
    assert!(policy.contains(&PolicyAttr::MaxValueUnsigned(u64::from(u32::MAX))));
    assert!(error
        .to_string()
        .ends_with("; offending attribute at offset 40 of the request"));
    // The zero-copy view reads the same attributes from the buffer.
    let tlvs = &bytes[16 + 20 + (0x30 - 16)..];
    let kinds: Vec<&str> = NlaIter::new(tlvs)
        .map(|nla| ExtAckAttr::parse_ref(&nla.unwrap()).unwrap())
        .filter_map(|attr| match attr {
            ExtAckAttrRef::Msg(m) => Some(m),
            ExtAckAttrRef::Policy(p) => {
                assert_eq!(p.iter().count(), 3);
                Some("policy")
            }
            _ => None,
        })
        .collect();
    assert_eq!(kinds, ["Attribute failed policy validation", "policy"]);
}

#[test]
fn missing_attribute_is_named() {
    let bytes = fixture("error_missing_attr.hex");
    let message = parse(&bytes);
    let error = error_of(&message);
    assert_eq!(error.errno(), 22);
    assert_eq!(error.ext_missing_type(), Some(1));
    assert_eq!(error.ext_missing_nest(), None);
    assert_eq!(error.request_payload, [2, 1, 0, 0]);
    assert_eq!(
        error.to_string(),
        "Invalid argument (EINVAL, errno 22); missing attribute 1"
    );
    assert_eq!(error.ext_ack[0].name(), Some("NLMSGERR_ATTR_MISS_TYPE"));
}

#[test]
fn ack_is_capped_and_not_an_error() {
    let bytes = fixture("ack.hex");
    let message = parse(&bytes);
    match &message.payload {
        NetlinkPayload::Ack(ack) => {
            assert!(ack.is_ack());
            assert_eq!(ack.request_header.sequence_number, 4);
            assert!(ack.ext_ack.is_empty());
        }
        other => panic!("expected an ACK, got {other:?}"),
    }
    assert!(message.header.flags.contains(NetlinkFlags::CAPPED));
}

#[test]
fn done_ends_a_dump() {
    let bytes = fixture("done.hex");
    let message = parse(&bytes);
    assert!(message.header.flags.contains(NetlinkFlags::MULTI));
    match &message.payload {
        NetlinkPayload::Done(done) => {
            assert_eq!(done.code, Some(0));
            assert!(!done.is_error());
            assert_eq!(done.to_string(), "done");
        }
        other => panic!("expected DONE, got {other:?}"),
    }
}

#[test]
fn a_datagram_of_many_messages_iterates_in_place() {
    let mut datagram = fixture("ack.hex");
    datagram.extend(fixture("error_unknown_kind.hex"));
    datagram.extend(fixture("done.hex"));
    let kinds: Vec<(u16, usize)> = MessageIter::new(&datagram)
        .map(|m| {
            let m = m.unwrap();
            (m.header.message_type, m.offset)
        })
        .collect();
    assert_eq!(kinds, [(2, 0), (2, 36), (3, 36 + 0x68)]);
}

#[test]
fn truncated_datagram_names_the_offset() {
    let mut datagram = fixture("ack.hex");
    let second = fixture("error_unknown_kind.hex");
    datagram.extend(&second[..50]);
    let results: Vec<_> = MessageIter::new(&datagram).collect();
    assert_eq!(results.len(), 2);
    assert!(results[0].is_ok());
    let error = results[1].as_ref().unwrap_err();
    assert_eq!(error.offset(), 36);
    assert_eq!(
        error.to_string(),
        "at offset 36: netlink message needs 104 bytes but only 50 remain"
    );
    // A truncated error message is reported, never a panic.
    let error = NetlinkMessage::<RawPayload>::parse_bytes(&{
        let mut b = second[..30].to_vec();
        b[0] = 30;
        b
    })
    .unwrap_err();
    assert_eq!(error.offset(), 16);
}
