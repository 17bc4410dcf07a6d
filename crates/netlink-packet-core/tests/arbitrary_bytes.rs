//! Property tests: arbitrary and mutated bytes into every parser of the core
//! never panic, and whatever parses re-emits to bytes that parse the same.

mod common;

use netlink_packet_core::control::{ExtAckAttrRef, PolicyAttr};
use netlink_packet_core::nla::{
    attribute_chain_at, attrs_len, emit_attrs, parse_attrs_lossy, Attribute, Nested, NlaIter,
    RawAttr,
};
use netlink_packet_core::{
    DoneMessage, ErrorMessage, ExtAckAttr, MessageIter, NetlinkFlags, NetlinkHeader,
    NetlinkMessage, RawPayload,
};
use proptest::prelude::*;

fn walk_ext_ack(bytes: &[u8]) {
    for nla in NlaIter::new(bytes).flatten() {
        if let Ok(view) = ExtAckAttr::parse_ref(&nla) {
            if let ExtAckAttrRef::Policy(policy) = &view {
                for item in policy.iter() {
                    let _ = item.map(|p| p.to_owned());
                }
            }
            let _ = view.to_owned();
        }
        let _ = ExtAckAttr::parse(&nla);
    }
}

fn check_messages(bytes: &[u8]) {
    for raw in MessageIter::new(bytes) {
        let Ok(raw) = raw else { continue };
        assert!(raw.bytes.len() >= NetlinkHeader::LEN);
        if let Ok(mut message) = NetlinkMessage::<RawPayload>::parse(&raw) {
            let emitted = message.to_bytes();
            // Written into a used buffer (longer, then shorter, than the
            // message), the same bytes, in the same allocation.
            for stale in [vec![0xAA; emitted.len() + 9], vec![0x55; 3]] {
                let at = stale.as_ptr();
                let reused = message.to_bytes_in(stale);
                assert_eq!(reused, emitted);
                if reused.capacity() == emitted.len() + 9 {
                    assert_eq!(reused.as_ptr(), at);
                }
            }
            // Emitting recomputes the length; garbage the parser could not
            // place (a broken extended ACK tail) is not carried over.
            message.finalize();
            let again = NetlinkMessage::<RawPayload>::parse_bytes(&emitted)
                .expect("emitted bytes must parse");
            assert_eq!(again, message);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn messages_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        check_messages(&bytes);
    }

    #[test]
    fn control_payloads_never_panic(
        flags in any::<u16>(),
        bytes in proptest::collection::vec(any::<u8>(), 0..256),
    ) {
        let outer = NetlinkHeader { flags: NetlinkFlags::from_bits(flags), ..Default::default() };
        if let Ok(error) = ErrorMessage::parse(&outer, &bytes) {
            let _ = error.to_string();
            let mut out = vec![0; error.buffer_len()];
            error.emit(&mut out);
        }
        if let Ok(done) = DoneMessage::parse(&bytes) {
            let _ = done.to_string();
        }
        walk_ext_ack(&bytes);
        let _ = attribute_chain_at(&bytes, 0, bytes.len() / 2);
    }

    #[test]
    fn mutated_kernel_messages_never_panic(
        which in 0usize..6,
        flips in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..8),
        cut in any::<usize>(),
    ) {
        let names = ["ack.hex", "done.hex", "error_missing_attr.hex", "error_policy_offset.hex",
            "error_unknown_kind.hex", "error_unknown_kind_capped.hex"];
        let mut bytes = common::fixture(names[which]);
        for (at, value) in flips {
            let i = at % bytes.len();
            bytes[i] = value;
        }
        bytes.truncate(cut % (bytes.len() + 1));
        check_messages(&bytes);
        walk_ext_ack(&bytes);
    }

    #[test]
    fn owned_ext_ack_round_trips(attrs in proptest::collection::vec(ext_ack_attr(), 0..8)) {
        let mut bytes = vec![0; attrs_len(&attrs)];
        emit_attrs(&attrs, &mut bytes);
        let (parsed, errors) = parse_attrs_lossy::<ExtAckAttr>(&bytes, 0);
        prop_assert!(errors.is_empty());
        prop_assert_eq!(parsed, attrs);
    }
}

fn ext_ack_attr() -> impl Strategy<Value = ExtAckAttr> {
    let policy = prop_oneof![
        any::<u32>().prop_map(PolicyAttr::Type),
        any::<i64>().prop_map(PolicyAttr::MinValueSigned),
        any::<u64>().prop_map(PolicyAttr::MaxValueUnsigned),
        any::<u32>().prop_map(PolicyAttr::MaxLength),
        any::<u64>().prop_map(PolicyAttr::Mask),
    ];
    prop_oneof![
        "[a-zA-Z0-9 .:]{0,40}".prop_map(ExtAckAttr::Msg),
        any::<u32>().prop_map(ExtAckAttr::Offset),
        proptest::collection::vec(any::<u8>(), 0..20).prop_map(ExtAckAttr::Cookie),
        (proptest::collection::vec(policy, 0..4), any::<bool>()).prop_map(|(attrs, flagged)| {
            ExtAckAttr::Policy(Nested {
                attrs: attrs.into(),
                flagged,
            })
        }),
        any::<u32>().prop_map(ExtAckAttr::MissingType),
        any::<u32>().prop_map(ExtAckAttr::MissingNest),
        (7u16..0x3fff, proptest::collection::vec(any::<u8>(), 0..12)).prop_map(
            |(raw_kind, value)| ExtAckAttr::Unknown(RawAttr {
                raw_kind,
                value: value.into()
            })
        ),
    ]
}
