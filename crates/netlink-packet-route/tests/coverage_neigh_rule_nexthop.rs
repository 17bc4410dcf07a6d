//! The neighbour, neighbour table, rule and nexthop declarations against
//! this machine's UAPI headers.

use netlink_packet_core::nla::Attribute;
use netlink_packet_route::neighbour::{
    FdbExtAttr, FdbNotifyFlags, NeighbourAttr, NeighbourFlags, NeighbourFlagsExt, NeighbourState,
    NeighbourType,
};
use netlink_packet_route::neighbour_table::{NeighbourTableAttr, NeighbourTableParam};
use netlink_packet_route::nexthop::{
    NexthopAttr, NexthopFlags, NexthopGroupType, ResBucketAttr, ResGroupAttr,
};
use netlink_packet_route::rule::{RuleAction, RuleAttr, RuleFlags};
use netlink_testkit::uapi::{coverage, enum_constants};

fn check<A: Attribute>(header: &str, member: &str, allow: &[(&str, &str)]) {
    let report = coverage::<A>(header, member, allow);
    println!("{report}");
    assert!(
        report.missing.is_empty(),
        "{}: {:?}",
        report,
        report.missing
    );
}

const UNSPEC: &str = "number 0 is never sent";

#[test]
fn neighbour_attributes_cover_neighbour_h() {
    check::<NeighbourAttr>("linux/neighbour.h", "NDA_DST", &[("NDA_UNSPEC", UNSPEC)]);
    check::<FdbExtAttr>(
        "linux/neighbour.h",
        "NFEA_ACTIVITY_NOTIFY",
        &[("NFEA_UNSPEC", UNSPEC)],
    );
}

#[test]
fn neighbour_table_attributes_cover_neighbour_h() {
    check::<NeighbourTableAttr>("linux/neighbour.h", "NDTA_NAME", &[("NDTA_UNSPEC", UNSPEC)]);
    check::<NeighbourTableParam>(
        "linux/neighbour.h",
        "NDTPA_IFINDEX",
        &[("NDTPA_UNSPEC", UNSPEC)],
    );
}

#[test]
fn rule_attributes_cover_fib_rules_h() {
    check::<RuleAttr>("linux/fib_rules.h", "FRA_DST", &[("FRA_UNSPEC", UNSPEC)]);
}

#[test]
fn nexthop_attributes_cover_nexthop_h() {
    check::<NexthopAttr>("linux/nexthop.h", "NHA_ID", &[("NHA_UNSPEC", UNSPEC)]);
    let pad = "same number as the PAD alias, declared under that name";
    check::<ResGroupAttr>(
        "linux/nexthop.h",
        "NHA_RES_GROUP_BUCKETS",
        &[("NHA_RES_GROUP_UNSPEC", pad)],
    );
    check::<ResBucketAttr>(
        "linux/nexthop.h",
        "NHA_RES_BUCKET_INDEX",
        &[("NHA_RES_BUCKET_UNSPEC", pad)],
    );
    assert_eq!(ResGroupAttr::name_of(0), Some("NHA_RES_GROUP_PAD"));
    assert_eq!(ResBucketAttr::name_of(0), Some("NHA_RES_BUCKET_PAD"));
}

#[test]
fn value_enums_cover_headers() {
    for c in enum_constants("linux/fib_rules.h", "FR_ACT_TO_TBL") {
        let v = u8::try_from(c.value).unwrap();
        assert!(RuleAction::from(v).name().is_some(), "{}", c.name);
    }
    for c in enum_constants("linux/nexthop.h", "NEXTHOP_GRP_TYPE_MPATH") {
        let v = u16::try_from(c.value).unwrap();
        assert!(NexthopGroupType::from(v).name().is_some(), "{}", c.name);
    }
    for c in enum_constants("linux/rtnetlink.h", "RTN_UNICAST") {
        let v = u8::try_from(c.value).unwrap();
        assert!(NeighbourType::from(v).name().is_some(), "{}", c.name);
    }
    let notify: Vec<u8> = enum_constants("linux/neighbour.h", "FDB_NOTIFY_BIT")
        .iter()
        .map(|c| u8::try_from(c.value).unwrap())
        .collect();
    let declared: Vec<u8> = FdbNotifyFlags::ALL.iter().map(|(f, _)| f.0).collect();
    assert_eq!(notify, declared);
}

/// `#define PREFIX... value` lines of a header, aliases of another
/// constant left out.
fn defines(header: &str, prefix: &str) -> Vec<(String, u64)> {
    let path = format!("/usr/include/{header}");
    let text = std::fs::read_to_string(&path).unwrap();
    let mut out = Vec::new();
    for line in text.lines() {
        let mut words = line.split_whitespace();
        if words.next() != Some("#define") {
            continue;
        }
        let (Some(name), Some(value)) = (words.next(), words.next()) else {
            continue;
        };
        if !name.starts_with(prefix) {
            continue;
        }
        let value = value.trim_start_matches('(').trim_end_matches(')');
        let parsed = if let Some(hex) = value.strip_prefix("0x") {
            u64::from_str_radix(hex, 16).ok()
        } else if let Some(shift) = value.strip_prefix("1 <<").or(value.strip_prefix("1<<")) {
            shift.trim().parse::<u32>().ok().map(|s| 1u64 << s)
        } else {
            value.parse().ok()
        };
        if let Some(v) = parsed {
            out.push((name.to_string(), v));
        } else if value == "(1" {
            // `(1 << N)` split by whitespace.
            let shift: u32 = words
                .nth(1)
                .and_then(|w| w.trim_end_matches(')').parse().ok())
                .unwrap();
            out.push((name.to_string(), 1u64 << shift));
        }
    }
    out
}

fn check_flags(header: &str, prefix: &str, exclude: &str, all: &[u64]) {
    let found: Vec<(String, u64)> = defines(header, prefix)
        .into_iter()
        .filter(|(n, _)| exclude.is_empty() || !n.starts_with(exclude))
        .collect();
    assert!(!found.is_empty(), "no {prefix} in {header}");
    for (name, value) in &found {
        assert!(all.contains(value), "{name} = {value:#x} not declared");
    }
    println!("{prefix}: {}/{} flags", found.len(), all.len());
}

#[test]
fn flag_sets_cover_headers() {
    let nud: Vec<u64> = NeighbourState::ALL
        .iter()
        .map(|(f, _)| u64::from(f.0))
        .collect();
    check_flags("linux/neighbour.h", "NUD_", "", &nud);
    let ntf: Vec<u64> = NeighbourFlags::ALL
        .iter()
        .map(|(f, _)| u64::from(f.0))
        .collect();
    check_flags("linux/neighbour.h", "NTF_", "NTF_EXT_MANAGED", &ntf);
    let ext: Vec<u64> = NeighbourFlagsExt::ALL
        .iter()
        .map(|(f, _)| u64::from(f.0))
        .collect();
    check_flags("linux/neighbour.h", "NTF_EXT_", "NTF_EXT_LEARNED", &ext);
    let fib: Vec<u64> = RuleFlags::ALL.iter().map(|(f, _)| u64::from(f.0)).collect();
    check_flags("linux/fib_rules.h", "FIB_RULE_", "", &fib);
    let rtnh: Vec<u64> = NexthopFlags::ALL
        .iter()
        .map(|(f, _)| u64::from(f.0))
        .collect();
    check_flags("linux/rtnetlink.h", "RTNH_F_", "", &rtnh);
    assert_eq!(NeighbourState::ALL.len(), 9);
    assert_eq!(NeighbourFlags::ALL.len(), 8);
}
