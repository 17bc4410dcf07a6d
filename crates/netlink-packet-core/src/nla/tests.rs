#![allow(dead_code)] // the generated views of these test-only sets are not all read

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use super::*;
use crate::attribute_set;

attribute_set! {
    /// Generic netlink controller attributes (`CTRL_ATTR_*`, linux/genetlink.h),
    /// declared here only to exercise the macro on a real set.
    pub enum CtrlAttr, view CtrlAttrRef, prefix CTRL_ATTR_ {
        /// Family id.
        1 FAMILY_ID FamilyId(u16),
        /// Family name.
        2 FAMILY_NAME FamilyName(String),
        /// Version.
        3 VERSION Version(u32),
        /// User header size.
        4 HDRSIZE HdrSize(u32),
        /// Highest attribute.
        5 MAXATTR MaxAttr(u32),
        /// Operations.
        6 OPS Ops(IndexedArray<Nested<CtrlOpAttr>>),
        /// Multicast groups.
        7 MCAST_GROUPS McastGroups(IndexedArray<Nested<CtrlMcastAttr>>),
    }
}

attribute_set! {
    /// `CTRL_ATTR_OP_*`.
    pub enum CtrlOpAttr, view CtrlOpAttrRef, prefix CTRL_ATTR_OP_ {
        /// Command.
        1 ID Id(u32),
        /// Flags.
        2 FLAGS Flags(u32),
    }
}

attribute_set! {
    /// `CTRL_ATTR_MCAST_GRP_*`.
    pub enum CtrlMcastAttr, view CtrlMcastAttrRef, prefix CTRL_ATTR_MCAST_GRP_ {
        /// Name.
        1 NAME Name(String),
        /// Id.
        2 ID Id(u32),
    }
}

attribute_set! {
    /// Every value type, to check each one's round trip.
    pub enum AllTypes, view AllTypesRef, prefix T_ {
        /// u8
        1 U8 U8(u8),
        /// u16
        2 U16 U16(u16),
        /// u32
        3 U32 U32(u32),
        /// u64
        4 U64 U64(u64),
        /// i8
        5 S8 S8(i8),
        /// i16
        6 S16 S16(i16),
        /// i32
        7 S32 S32(i32),
        /// i64
        8 S64 S64(i64),
        /// be16
        9 BE16 Be16(Be16),
        /// be32
        10 BE32 Be32(Be32),
        /// be64
        11 BE64 Be64(Be64),
        /// uint
        12 UINT Uint(Uint),
        /// sint
        13 SINT Sint(Sint),
        /// string
        14 STRING Str(String),
        /// binary
        15 BINARY Binary(Vec<u8>),
        /// flag
        16 FLAG Flag(Flag),
        /// IPv4
        17 V4 V4(Ipv4Addr),
        /// IPv6
        18 V6 V6(Ipv6Addr),
        /// either
        19 IP Ip(IpAddr),
        /// MAC
        20 MAC Mac(MacAddr),
        /// nest of itself
        21 NEST Nest(Nested<CtrlMcastAttr>),
    }
}

fn round_trip<A: Attribute + PartialEq + std::fmt::Debug>(attr: A) -> Vec<u8> {
    let bytes = attr.to_bytes();
    assert_eq!(bytes.len() % 4, 0);
    let nla = NlaIter::new(&bytes).next().unwrap().unwrap();
    assert_eq!(A::parse(&nla).unwrap(), attr);
    bytes
}

#[test]
fn every_value_type_round_trips() {
    let values = vec![
        AllTypes::U8(7),
        AllTypes::U16(0xbeef),
        AllTypes::U32(0xdead_beef),
        AllTypes::U64(u64::MAX - 1),
        AllTypes::S8(-3),
        AllTypes::S16(-300),
        AllTypes::S32(-70000),
        AllTypes::S64(i64::MIN),
        AllTypes::Be16(Be16(0x1234)),
        AllTypes::Be32(Be32(0x0102_0304)),
        AllTypes::Be64(Be64(5)),
        AllTypes::Uint(Uint(5)),
        AllTypes::Uint(Uint(1 << 40)),
        AllTypes::Sint(Sint(-5)),
        AllTypes::Sint(Sint(-(1 << 40))),
        AllTypes::Str("eth0".into()),
        AllTypes::Binary(vec![1, 2, 3]),
        AllTypes::Flag(Flag),
        AllTypes::V4(Ipv4Addr::new(192, 0, 2, 1)),
        AllTypes::V6("2001:db8::1".parse().unwrap()),
        AllTypes::Ip(IpAddr::V4(Ipv4Addr::LOCALHOST)),
        AllTypes::Mac(MacAddr([2, 0, 0, 0, 0, 1])),
        AllTypes::Nest(Nested::new(vec![CtrlMcastAttr::Id(3)])),
        AllTypes::Unknown(RawAttr {
            raw_kind: 999 | NLA_F_NET_BYTEORDER,
            value: vec![9, 9].into(),
        }),
    ];
    for value in values {
        round_trip(value);
    }
}

#[test]
fn wire_format_matches_the_kernel_layout() {
    // Big-endian on the wire, host value in memory.
    assert_eq!(
        round_trip(AllTypes::Be16(Be16(0x1234))),
        [6, 0, 9, 0, 0x12, 0x34, 0, 0]
    );
    assert_eq!(
        round_trip(AllTypes::V4(Ipv4Addr::new(10, 0, 0, 1))),
        [8, 0, 17, 0, 10, 0, 0, 1]
    );
    // Strings carry their NUL; padding is zero.
    assert_eq!(
        round_trip(AllTypes::Str("lo".into())),
        [7, 0, 14, 0, b'l', b'o', 0, 0]
    );
    // NLA_UINT takes 4 bytes when the value fits.
    assert_eq!(round_trip(AllTypes::Uint(Uint(1))).len(), 8);
    assert_eq!(round_trip(AllTypes::Uint(Uint(1 << 33))).len(), 12);
    // Nests built in code are flagged NLA_F_NESTED.
    let nest = round_trip(AllTypes::Nest(Nested::new(vec![])));
    assert_eq!(nest, [4, 0, 21, 0x80]);
}

#[test]
fn unflagged_kernel_nest_stays_unflagged() {
    let bytes = [12, 0, 21, 0, 8, 0, 2, 0, 5, 0, 0, 0];
    let nla = NlaIter::new(&bytes).next().unwrap().unwrap();
    let attr = AllTypes::parse(&nla).unwrap();
    assert_eq!(
        attr,
        AllTypes::Nest(Nested {
            attrs: vec![CtrlMcastAttr::Id(5)].into(),
            flagged: false
        })
    );
    assert_eq!(attr.to_bytes(), bytes);
}

#[test]
fn wrong_sizes_are_errors_with_names() {
    let bytes = [6, 0, 3, 0, 1, 2, 0, 0];
    let nla = NlaIter::with_base(&bytes, 20).next().unwrap().unwrap();
    let error = AllTypes::parse(&nla).unwrap_err();
    assert_eq!(error.offset(), 20);
    assert_eq!(error.path_string(), "T_U32");
    assert_eq!(
        error.to_string(),
        "at offset 20 in T_U32: u32 must be 4 bytes, found 2"
    );
    let not_nul = [6, 0, 14, 0, b'a', b'b', 0, 0];
    let nla = NlaIter::new(&not_nul).next().unwrap().unwrap();
    assert!(AllTypes::parse(&nla)
        .unwrap_err()
        .to_string()
        .contains("not NUL-terminated"));
    let flag_with_value = [5, 0, 16, 0, 1, 0, 0, 0];
    let nla = NlaIter::new(&flag_with_value).next().unwrap().unwrap();
    assert!(AllTypes::parse(&nla).is_err());
}

#[test]
fn nested_errors_carry_the_full_path() {
    // CTRL_ATTR_MCAST_GROUPS[1].CTRL_ATTR_MCAST_GRP_ID with a 2-byte value.
    let mut buf = Vec::new();
    let mut w = NlaWriter::new(&mut buf);
    let groups = w.begin_nested(7);
    let first = w.begin_nested(1);
    w.put_raw(2, &[1, 0]);
    w.end_nested(first);
    w.end_nested(groups);
    let nla = NlaIter::new(&buf).next().unwrap().unwrap();
    let error = CtrlAttr::parse(&nla).unwrap_err();
    assert_eq!(
        error.path_string(),
        "CTRL_ATTR_MCAST_GROUPS.CTRL_ATTR_MCAST_GRP_ID"
    );
    assert_eq!(error.offset(), 8);
}

#[test]
fn lossy_parse_keeps_the_rest() {
    let mut buf = Vec::new();
    let mut w = NlaWriter::new(&mut buf);
    w.put_u16(1, 0x10);
    w.put_raw(3, &[1]); // CTRL_ATTR_VERSION with 1 byte: malformed
    w.put_str(2, "nlctrl");
    w.put_u32(200, 7); // unknown
    let (attrs, errors) = parse_attrs_lossy::<CtrlAttr>(&buf, 100);
    assert_eq!(attrs.len(), 4);
    assert_eq!(attrs[0], CtrlAttr::FamilyId(0x10));
    assert!(matches!(&attrs[1], CtrlAttr::Unknown(raw) if raw.kind() == 3));
    assert_eq!(attrs[2], CtrlAttr::FamilyName("nlctrl".into()));
    assert!(matches!(&attrs[3], CtrlAttr::Unknown(raw) if raw.kind() == 200));
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].offset(), 108);
    // Everything, malformed attribute included, goes back out unchanged.
    let mut out = vec![0; attrs_len(&attrs)];
    emit_attrs(&attrs, &mut out);
    assert_eq!(out, buf);
    assert!(parse_attrs::<CtrlAttr>(&buf, 0).is_err());
}

#[test]
fn indexed_arrays_keep_indexes() {
    let ops = IndexedArray {
        items: vec![
            (
                1,
                Nested::new(vec![CtrlOpAttr::Id(3), CtrlOpAttr::Flags(0xe)]),
            ),
            (2, Nested::new(vec![CtrlOpAttr::Id(10)])),
        ],
        flagged: false,
    };
    let attr = CtrlAttr::Ops(ops);
    let bytes = round_trip(attr);
    let nla = NlaIter::new(&bytes).next().unwrap().unwrap();
    let CtrlAttrRef::Ops(view) = CtrlAttr::parse_ref(&nla).unwrap() else {
        panic!("not ops")
    };
    let indexes: Vec<u16> = view.iter().map(|r| r.unwrap().0).collect();
    assert_eq!(indexes, [1, 2]);
    let from_values = IndexedArray::from_values([7u32, 8]);
    assert_eq!(from_values.items, [(1, 7), (2, 8)]);
}

#[test]
fn iterator_stops_on_broken_headers() {
    // Length 2 is smaller than the header.
    let bad = [2, 0, 1, 0, 0, 0, 0, 0];
    let items: Vec<_> = NlaIter::new(&bad).collect();
    assert_eq!(items.len(), 1);
    assert!(items[0]
        .as_ref()
        .unwrap_err()
        .to_string()
        .contains("impossible length of 2"));
    // Length beyond the buffer.
    let long = [8, 0, 1, 0, 5, 0, 0, 0, 40, 0, 2, 0, 1];
    let items: Vec<_> = NlaIter::new(&long).collect();
    assert!(items[0].is_ok());
    assert_eq!(items[1].as_ref().unwrap_err().offset(), 8);
    // Three stray bytes at the end.
    let stray = [4, 0, 1, 0, 0, 0, 0];
    let items: Vec<_> = NlaIter::new(&stray).collect();
    assert!(matches!(
        items[1].as_ref().unwrap_err().reason(),
        crate::DecodeReason::TrailingBytes { count: 3 }
    ));
    // An unpadded last attribute is accepted.
    let unpadded = [5, 0, 1, 0, 9];
    let nla = NlaIter::new(&unpadded).next().unwrap().unwrap();
    assert_eq!(nla.as_u8().unwrap(), 9);
}

#[test]
fn typed_readers() {
    let mut buf = Vec::new();
    let mut w = NlaWriter::new(&mut buf);
    w.put_u8(1, 1);
    w.put_u16(2, 2);
    w.put_u32(3, 3);
    w.put_u64(4, 4);
    w.put(5, &-5i32);
    w.put(6, &Be16(6));
    w.put(7, &Be32(7));
    w.put(8, &Uint(8));
    w.put(9, &Sint(-9));
    w.put_str(10, "ten");
    w.put_flag(11);
    let nlas: Vec<Nla<'_>> = NlaIter::new(&buf).map(Result::unwrap).collect();
    assert_eq!(nlas[0].as_u8().unwrap(), 1);
    assert_eq!(nlas[1].as_u16().unwrap(), 2);
    assert_eq!(nlas[2].as_u32().unwrap(), 3);
    assert_eq!(nlas[3].as_u64().unwrap(), 4);
    assert_eq!(nlas[4].as_i32().unwrap(), -5);
    assert_eq!(nlas[5].as_be16().unwrap(), 6);
    assert_eq!(nlas[5].value(), [0, 6]);
    assert_eq!(nlas[6].as_be32().unwrap(), 7);
    assert_eq!(nlas[7].as_uint().unwrap(), 8);
    assert_eq!(nlas[8].as_sint().unwrap(), -9);
    assert_eq!(nlas[9].as_str().unwrap(), "ten");
    assert!(nlas[10].as_flag().is_ok());
    assert!(nlas[9].as_u16().is_err()); // "ten\0" is 4 bytes, not 2
}

#[test]
fn offsets_map_to_attribute_chains() {
    let mut buf = vec![0u8; 8]; // a fixed header before the attributes
    let mut w = NlaWriter::new(&mut buf);
    w.put_str(3, "x0"); // 8..16
    let info = w.begin_nested(18); // 16..
    w.put_str(1, "veth"); // 20..29 (+pad)
    let data = w.begin_nested(2); // 32..
    w.put_u32(1, 5); // 36..44
    w.end_nested(data);
    w.end_nested(info);
    assert_eq!(
        attribute_chain_at(&buf, 8, 36),
        [(18, 16), (2, 32), (1, 36)]
    );
    assert_eq!(attribute_chain_at(&buf, 8, 9), [(3, 8)]);
    assert_eq!(attribute_chain_at(&buf, 8, 200), []);
}

attribute_set! {
    /// A set whose constant names start with a digit after the prefix.
    pub enum DigitNames, view DigitNamesRef, prefix T_ {
        /// Named in full.
        1 SIXRD = "T_6RD" SixRd(u16),
        /// Named by suffix.
        2 PLAIN Plain(u16),
    }
}

#[test]
fn full_names_can_be_given() {
    assert_eq!(DigitNames::name_of(1), Some("T_6RD"));
    assert_eq!(DigitNames::name_of(2), Some("T_PLAIN"));
    assert_eq!(DigitNames::SIXRD, 1);
}

#[test]
fn unexpected_flag_bits_keep_the_attribute_raw() {
    // A u32 sent with NLA_F_NET_BYTEORDER: the typed variant could not emit
    // the flag again, so the attribute stays raw and round-trips.
    let bytes = [8, 0, 3, 0x40, 1, 0, 0, 0];
    let nla = NlaIter::new(&bytes).next().unwrap().unwrap();
    let attr = AllTypes::parse(&nla).unwrap();
    assert!(matches!(&attr, AllTypes::Unknown(raw) if raw.kind() == 3));
    assert_eq!(attr.to_bytes(), bytes);
}

#[test]
fn parse_into_appends_what_parse_returns() {
    // The generated `parse_into` (used by the message parsers) must agree
    // with `parse` for a good value, a flag the type cannot emit again, a
    // malformed value and an unknown number; on error it appends nothing.
    let mut buf = Vec::new();
    let mut w = NlaWriter::new(&mut buf);
    w.put_u16(1, 0x10);
    w.put_raw(3 | NLA_F_NET_BYTEORDER, &1u32.to_ne_bytes());
    w.put_raw(3, &[1]);
    w.put_str(2, "nlctrl");
    w.put_u32(200, 7);
    let mut into = vec![CtrlAttr::Version(9)];
    for nla in NlaIter::new(&buf) {
        let nla = nla.unwrap();
        let before = into.len();
        match (CtrlAttr::parse(&nla), CtrlAttr::parse_into(&nla, &mut into)) {
            (Ok(parsed), Ok(())) => assert_eq!(into[before..], [parsed]),
            (Err(a), Err(b)) => {
                assert_eq!(a.to_string(), b.to_string());
                assert_eq!(into.len(), before);
            }
            (a, b) => panic!("parse gave {a:?}, parse_into {b:?}"),
        }
    }
    assert_eq!(into.len(), 5);
    assert!(matches!(&into[2], CtrlAttr::Unknown(raw) if raw.raw_kind == 3 | NLA_F_NET_BYTEORDER));
}
