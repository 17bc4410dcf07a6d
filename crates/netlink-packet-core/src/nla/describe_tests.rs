//! Each declaration form describes itself with its declared names.
#![allow(dead_code)] // the generated views of these test-only sets are not all read

use std::net::{IpAddr, Ipv4Addr};

use super::tests::{AllTypes, CtrlAttr, CtrlMcastAttr};
use super::*;
use crate::{attribute_set, fixed_struct, flag_set, header_message, lazy_nest, value_enum};

value_enum! {
    /// A test enumeration.
    pub enum Colour: u8 {
        1 => Red "red",
        2 => Green "green",
    }
}

flag_set! {
    /// A test flag set.
    pub struct Bits: u16 {
        0x1 => UP "UP",
        0x4 => RUNNING "RUNNING",
    }
}

fixed_struct! {
    /// A test header.
    pub struct TestHeader {
        /// A plain number.
        pub family: u8,
        /// An enumeration.
        pub colour: Colour,
        /// Flags.
        pub flags: Bits,
        /// A signed number.
        pub index: i32,
        /// An address.
        pub mac: MacAddr,
    }
}

attribute_set! {
    /// A test set.
    pub enum TestAttr, view TestAttrRef, prefix TEST_A_ {
        /// A string.
        1 NAME Name(String),
        /// An enumeration.
        2 COLOUR Colour(Colour),
        /// A structure.
        3 HEADER Header(TestHeader),
        /// Opaque bytes.
        4 BLOB Blob(Vec<u8>),
        /// A nest described by a function.
        5 LAZY Lazy(LazyThing),
        /// A nest described as its bytes.
        6 PLAIN Plain(PlainThing),
    }
}

header_message! {
    /// A test message.
    pub struct TestMessage, view TestMessageView, header TestHeader, attrs TestAttr, TestAttrRef;
}

lazy_nest! {
    /// A nest described by a function.
    pub struct LazyThing, view LazyThingRef, describe |nest: &LazyThing| {
        Described::List(vec![Described::Unsigned(nest.bytes.len() as u64)])
    };
}

lazy_nest! {
    /// A nest without a description.
    pub struct PlainThing, view PlainThingRef;
}

fn header() -> TestHeader {
    TestHeader {
        family: 7,
        colour: Colour::Green,
        flags: Bits(0x1 | 0x4 | 0x100),
        index: -2,
        mac: MacAddr([2, 0, 0, 0, 0, 1]),
        extra: Default::default(),
    }
}

#[test]
fn scalars_strings_and_addresses_describe_themselves() {
    let cases = [
        (AllTypes::U16(0xbeef), Described::Unsigned(0xbeef)),
        (AllTypes::S32(-70000), Described::Signed(-70000)),
        (AllTypes::Be16(Be16(0x1234)), Described::Unsigned(0x1234)),
        (AllTypes::Uint(Uint(1 << 40)), Described::Unsigned(1 << 40)),
        (AllTypes::Sint(Sint(-5)), Described::Signed(-5)),
        (AllTypes::Str("eth0".into()), Described::Text("eth0".into())),
        (AllTypes::Binary(vec![1, 2]), Described::Bytes(vec![1, 2])),
        (AllTypes::Flag(Flag), Described::Flag),
        (
            AllTypes::V6("2001:db8::1".parse().unwrap()),
            Described::Address("2001:db8::1".into()),
        ),
        (
            AllTypes::Ip(IpAddr::V4(Ipv4Addr::LOCALHOST)),
            Described::Address("127.0.0.1".into()),
        ),
        (
            AllTypes::Mac(MacAddr([2, 0, 0, 0, 0, 0xab])),
            Described::Address("02:00:00:00:00:ab".into()),
        ),
    ];
    for (attr, value) in cases {
        let described = attr.describe();
        assert_eq!(described.value, value, "{attr:?}");
        assert_eq!(described.number, attr.kind());
        assert_eq!(described.name, attr.name());
    }
}

#[test]
fn attribute_set_names_each_attribute_and_keeps_unknown_ones_as_bytes() {
    let described = TestAttr::Name("x".into()).describe();
    assert_eq!(
        described,
        DescribedAttr {
            number: 1,
            name: Some("TEST_A_NAME"),
            value: Described::Text("x".into()),
        }
    );
    let unknown = TestAttr::Unknown(RawAttr {
        raw_kind: 99,
        value: vec![1, 2, 3].into(),
    });
    assert_eq!(unknown.describe(), DescribedAttr::unknown(99, &[1, 2, 3]));
    // A declared number kept raw (its value did not decode) keeps its name.
    let malformed = TestAttr::Unknown(RawAttr {
        raw_kind: 1,
        value: vec![b'x'].into(),
    });
    assert_eq!(malformed.describe().name, Some("TEST_A_NAME"));
    assert_eq!(malformed.describe().value, Described::Bytes(vec![b'x']));
}

#[test]
fn value_enum_describes_its_name_and_number() {
    assert_eq!(
        TestAttr::Colour(Colour::Red).describe().value,
        Described::Enum {
            name: Some("red"),
            value: 1
        }
    );
    assert_eq!(
        AttrValue::describe(&Colour::Other(9)),
        Described::Enum {
            name: None,
            value: 9
        }
    );
}

#[test]
fn flag_set_describes_set_names_and_unknown_bits() {
    assert_eq!(
        AttrValue::describe(&Bits(0x1 | 0x4 | 0x100)),
        Described::Flags {
            names: vec!["UP", "RUNNING"],
            value: 0x105,
            unknown: 0x100,
        }
    );
}

#[test]
fn fixed_struct_describes_fields_by_name_and_extra_bytes() {
    let described = AttrValue::describe(&header());
    assert_eq!(described.field("family"), Some(&Described::Unsigned(7)));
    assert_eq!(described.field("index"), Some(&Described::Signed(-2)));
    assert_eq!(
        described.field("mac"),
        Some(&Described::Address("02:00:00:00:00:01".into()))
    );
    assert!(matches!(
        described.field("colour"),
        Some(Described::Enum {
            name: Some("green"),
            value: 2
        })
    ));
    assert_eq!(described.field("extra"), None);
    let longer = TestHeader {
        extra: vec![0xee].into(),
        ..header()
    };
    assert_eq!(
        AttrValue::describe(&longer).field("extra"),
        Some(&Described::Bytes(vec![0xee]))
    );
}

#[test]
fn header_message_describes_header_then_attributes() {
    let message = TestMessage::new(
        header(),
        vec![
            TestAttr::Name("lo".into()),
            TestAttr::Unknown(RawAttr {
                raw_kind: 42,
                value: vec![7].into(),
            }),
        ],
    );
    let parsed = TestMessage::parse(&message.to_bytes()).unwrap();
    let (fixed, attrs) = parsed.describe_parts();
    assert_eq!(fixed, StructField::describe(&header()));
    assert_eq!(attrs.len(), 2);
    assert_eq!(attrs[0].name, Some("TEST_A_NAME"));
    assert_eq!(attrs[1], DescribedAttr::unknown(42, &[7]));
    // Nested in an attribute, the message is its header and attributes.
    let nested = AttrValue::describe(&parsed);
    assert_eq!(nested.field("header"), Some(&fixed));
    assert_eq!(
        nested.field("attributes"),
        Some(&Described::Attributes(attrs))
    );
}

#[test]
fn nests_and_indexed_arrays_describe_their_contents() {
    let ops = CtrlAttr::McastGroups(IndexedArray::from_values([Nested::new(vec![
        CtrlMcastAttr::Name("config".into()),
        CtrlMcastAttr::Id(2),
    ])]));
    let described = ops.describe();
    assert_eq!(described.name, Some("CTRL_ATTR_MCAST_GROUPS"));
    let Described::Indexed(items) = described.value else {
        panic!("{described:?}");
    };
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].0, 1);
    let group = &items[0].1;
    assert_eq!(
        group.attr(1).map(|a| (a.name, &a.value)),
        Some((
            Some("CTRL_ATTR_MCAST_GRP_NAME"),
            &Described::Text("config".into())
        ))
    );
    assert_eq!(
        group.attr(2).map(|a| &a.value),
        Some(&Described::Unsigned(2))
    );
}

#[test]
fn lazy_nests_describe_as_their_declaration_says() {
    let lazy = TestAttr::Lazy(LazyThing {
        bytes: vec![0; 8].into(),
        flagged: true,
    });
    assert_eq!(
        lazy.describe().value,
        Described::List(vec![Described::Unsigned(8)])
    );
    let plain = TestAttr::Plain(PlainThing {
        bytes: vec![1, 2].into(),
        flagged: false,
    });
    assert_eq!(plain.describe().value, Described::Bytes(vec![1, 2]));
}

#[test]
fn control_messages_describe_their_code() {
    let error = crate::ErrorMessage {
        code: -17,
        request_header: crate::NetlinkHeader::default(),
        request_payload: Vec::new(),
        ext_ack: vec![crate::ExtAckAttr::Msg("exists".into())],
    };
    let (fixed, attrs) = error.describe();
    assert_eq!(
        fixed.field("error"),
        Some(&Described::Enum {
            name: Some("EEXIST"),
            value: 17
        })
    );
    assert_eq!(
        attrs.attr(1).map(|a| a.name),
        Some(Some("NLMSGERR_ATTR_MSG"))
    );
}

fixed_struct! {
    /// A message header of the `header struct` form.
    pub header struct PlainHeader {
        /// A byte.
        pub family: u8,
        /// Padding.
        pub pad: [u8; 3],
        /// A number.
        pub index: u32,
    }
}

header_message! {
    /// A message whose header has no `extra`.
    pub struct PlainMessage, view PlainMessageView, header PlainHeader, attrs TestAttr, TestAttrRef;
}

#[test]
fn a_header_struct_is_its_fields_only_and_frames_a_message() {
    assert_eq!(PlainHeader::LEN, 8);
    // No `extra`: the owned message is as small as its header allows.
    assert_eq!(std::mem::size_of::<PlainHeader>(), 8);
    let header = PlainHeader {
        family: 7,
        pad: [0; 3],
        index: 0x0102_0304,
    };
    let bytes = header.to_bytes();
    assert_eq!(bytes.len(), 8);
    assert_eq!(<PlainHeader as StructField>::read(&bytes), header);
    let message = PlainMessage::new(header.clone(), vec![TestAttr::Colour(Colour::Red)]);
    let wire = message.to_bytes();
    assert_eq!(wire[..8], bytes[..]);
    assert_eq!(PlainMessage::parse(&wire).unwrap(), message);
    // Shorter than the header: an error naming the structure.
    let error = PlainMessage::parse(&wire[..7]).unwrap_err();
    assert!(error.to_string().contains("PlainHeader"), "{error}");
}
