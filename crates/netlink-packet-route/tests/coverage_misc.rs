//! The nsid, netconf, prefix, address label, stats, bridge VLAN and MDB
//! declarations and the rtnetlink groups against this machine's UAPI headers.

#[path = "../src/rtnlgrp.rs"]
#[allow(dead_code)]
mod rtnlgrp;

use netlink_packet_core::nla::Attribute;
use netlink_packet_route::address_label::AddressLabelAttr;
use netlink_packet_route::bridge_vlan::*;
use netlink_packet_route::mdb::*;
use netlink_packet_route::netconf::NetconfAttr;
use netlink_packet_route::nsid::NsidAttr;
use netlink_packet_route::prefix::PrefixAttr;
use netlink_packet_route::stats::*;
use netlink_testkit::uapi::{coverage, enum_constants};

fn check<A: Attribute>(header: &str, member: &str, allow: &[(&str, &str)]) {
    let report = coverage::<A>(header, member, allow);
    println!("{report}");
    assert!(report.missing.is_empty(), "{:?}", report.missing);
}

#[test]
fn nsid_netconf_prefix_addrlabel() {
    check::<NsidAttr>("linux/net_namespace.h", "NETNSA_NSID", &[]);
    check::<NetconfAttr>("linux/netconf.h", "NETCONFA_IFINDEX", &[]);
    check::<PrefixAttr>("linux/rtnetlink.h", "PREFIX_ADDRESS", &[]);
    check::<AddressLabelAttr>("linux/if_addrlabel.h", "IFAL_ADDRESS", &[]);
}

#[test]
fn stats_sets() {
    let h = "linux/if_link.h";
    check::<StatsAttr>(h, "IFLA_STATS_LINK_64", &[]);
    check::<StatsGetSetAttr>(h, "IFLA_STATS_GET_FILTERS", &[]);
    check::<StatsGroupFilterAttr>(
        h,
        "IFLA_STATS_LINK_64",
        &[(
            "IFLA_STATS_UNSPEC",
            "a filter nest is keyed by group, 0 is no group",
        )],
    );
    check::<LinkXstatsAttr>(h, "LINK_XSTATS_TYPE_BRIDGE", &[]);
    check::<OffloadXstatsAttr>(h, "IFLA_OFFLOAD_XSTATS_CPU_HIT", &[]);
    check::<HwStatsInfoEntryAttr>(h, "IFLA_OFFLOAD_XSTATS_HW_S_INFO_REQUEST", &[]);
    check::<BridgeXstatsAttr>("linux/if_bridge.h", "BRIDGE_XSTATS_VLAN", &[]);
    check::<BondXstatsAttr>("linux/if_bonding.h", "BOND_XSTATS_3AD", &[]);
    check::<Bond3adStatAttr>("linux/if_bonding.h", "BOND_3AD_STAT_LACPDU_RX", &[]);
    check::<MplsStatsAttr>("linux/mpls.h", "MPLS_STATS_LINK", &[]);
}

#[test]
fn stats_filter_bits_follow_the_attributes() {
    for c in enum_constants("linux/if_link.h", "IFLA_STATS_LINK_64") {
        if c.value == 0 {
            continue;
        }
        let kind = u16::try_from(c.value).unwrap();
        let bit = filter_bit(kind).unwrap();
        assert_eq!(bit.bits(), 1 << (c.value - 1));
        let named = StatsFilter::ALL.iter().find(|(f, _)| *f == bit);
        assert!(named.is_some(), "{} has no filter flag", c.name);
        assert_eq!(StatsAttr::name_of(kind), Some(c.name.as_str()));
    }
    // Only AF_MPLS fills IFLA_STATS_AF_SPEC; its number is AF_MPLS.
    assert_eq!(StatsAfSpecAttr::MPLS, 28);
}

#[test]
fn struct_sizes_match_headers() {
    // Sizes from the header layouts (sizeof on this machine's headers).
    assert_eq!(BrMdbEntry::LEN, 28);
    assert_eq!(BridgeVlanXstats::LEN, 40);
    assert_eq!(BrMcastStats::LEN, 240);
    assert_eq!(BridgeStpXstats::LEN, 48);
    assert_eq!(MplsLinkStats::LEN, 72);
    assert_eq!(StatsHeader::LEN, 12);
    assert_eq!(MdbHeader::LEN, 8);
    assert_eq!(BridgeVlanHeader::LEN, 8);
    assert_eq!(netlink_packet_route::prefix::PrefixHeader::LEN, 12);
    assert_eq!(netlink_packet_route::prefix::PrefixCacheInfo::LEN, 8);
    assert_eq!(
        netlink_packet_route::address_label::AddressLabelHeader::LEN,
        12
    );
}

#[test]
fn bridge_vlan_sets() {
    let h = "linux/if_bridge.h";
    check::<BridgeVlanAttr>(h, "BRIDGE_VLANDB_ENTRY", &[]);
    check::<BridgeVlanDumpAttr>(h, "BRIDGE_VLANDB_DUMP_FLAGS", &[]);
    check::<BridgeVlanEntryAttr>(h, "BRIDGE_VLANDB_ENTRY_INFO", &[]);
    check::<BridgeVlanTunnelInfoAttr>(h, "BRIDGE_VLANDB_TINFO_ID", &[]);
    check::<BridgeVlanStatsAttr>(h, "BRIDGE_VLANDB_STATS_RX_BYTES", &[]);
    check::<BridgeVlanGlobalAttr>(h, "BRIDGE_VLANDB_GOPTS_ID", &[]);
}

#[test]
fn mdb_sets() {
    let h = "linux/if_bridge.h";
    check::<MdbAttr>(h, "MDBA_MDB", &[]);
    check::<MdbMdbAttr>(h, "MDBA_MDB_ENTRY", &[]);
    check::<MdbEntryAttr>(h, "MDBA_MDB_ENTRY_INFO", &[]);
    check::<MdbEntryExtraAttr>(h, "MDBA_MDB_EATTR_TIMER", &[]);
    check::<MdbSrcListAttr>(h, "MDBA_MDB_SRCLIST_ENTRY", &[]);
    check::<MdbSrcAttr>(h, "MDBA_MDB_SRCATTR_ADDRESS", &[]);
    check::<MdbRouterAttr>(h, "MDBA_ROUTER_PORT", &[]);
    check::<MdbRouterPortAttr>(h, "MDBA_ROUTER_PATTR_TIMER", &[]);
    check::<MdbSetAttr>(h, "MDBA_SET_ENTRY", &[]);
    check::<MdbeAttr>(h, "MDBE_ATTR_SOURCE", &[]);
}

#[test]
fn rtnetlink_groups_cover_rtnetlink_h() {
    let constants = enum_constants("linux/rtnetlink.h", "RTNLGRP_LINK");
    assert!(constants.len() > 30);
    for c in &constants {
        let group = rtnlgrp::RtnlGroup::from(u32::try_from(c.value).unwrap());
        assert_eq!(
            group.name(),
            Some(c.name.as_str()),
            "{} = {}",
            c.name,
            c.value
        );
    }
    println!("RtnlGroup: {}/{}", constants.len(), constants.len());
    assert_eq!(rtnlgrp::RtnlGroup::Link.legacy_mask(), Some(1));
    assert_eq!(rtnlgrp::RtnlGroup::Nexthop.legacy_mask(), Some(1 << 31));
    assert_eq!(rtnlgrp::RtnlGroup::Brvlan.legacy_mask(), None);
}

/// The `#define PREFIX... VALUE` constants of a header whose value is a
/// number or `(1 << N)` / `(1<<N)`.
fn defines(header: &str, prefix: &str) -> Vec<(String, i64)> {
    let text = std::fs::read_to_string(format!("/usr/include/{header}")).unwrap();
    let mut out = Vec::new();
    for line in text.lines() {
        let mut words = line.split_whitespace();
        if words.next() != Some("#define") {
            continue;
        }
        let Some(name) = words.next().filter(|n| n.starts_with(prefix)) else {
            continue;
        };
        let rest: String = words
            .take_while(|w| !w.starts_with("/*"))
            .collect::<Vec<_>>()
            .join("");
        let value = if let Some(shift) = rest.strip_prefix("(1<<").and_then(|r| r.strip_suffix(')'))
        {
            1i64 << shift.parse::<u32>().unwrap()
        } else if let Ok(n) = rest.parse::<i64>() {
            n
        } else {
            continue;
        };
        out.push((name.to_string(), value));
    }
    assert!(!out.is_empty(), "no {prefix}* in {header}");
    out
}

#[test]
fn flags_and_values_cover_headers() {
    let mut n = 0;
    for (name, value) in defines("linux/if_bridge.h", "MDB_FLAGS_") {
        let flag = MdbFlags(u8::try_from(value).unwrap());
        assert!(MdbFlags::ALL.iter().any(|(f, _)| *f == flag), "{name}");
        n += 1;
    }
    println!("MdbFlags: {n}/{n}");
    for (name, value) in [("MDB_TEMPORARY", 0), ("MDB_PERMANENT", 1)] {
        let found = defines("linux/if_bridge.h", name);
        assert_eq!(found[0].1, value, "{name}");
        assert!(MdbState::from(value as u8).name().is_some(), "{name}");
    }
    for (name, value) in defines("linux/in.h", "MCAST_")
        .into_iter()
        .filter(|(n, _)| n == "MCAST_EXCLUDE" || n == "MCAST_INCLUDE")
    {
        assert!(
            McastFilterMode::from(value as u8).name().is_some(),
            "{name}"
        );
    }
    let dumpf = defines("linux/if_bridge.h", "BRIDGE_VLANDB_DUMPF_");
    for (name, value) in &dumpf {
        let flag = BridgeVlanDumpFlags(u32::try_from(*value).unwrap());
        assert!(
            BridgeVlanDumpFlags::ALL.iter().any(|(f, _)| *f == flag),
            "{name}"
        );
    }
    println!("BridgeVlanDumpFlags: {0}/{0}", dumpf.len());
    let ifindex = defines("linux/netconf.h", "NETCONFA_IFINDEX_");
    for (name, value) in &ifindex {
        let v = netlink_packet_route::netconf::NetconfIfindex::from(*value as i32);
        assert!(v.name().is_some(), "{name}");
    }
    println!("NetconfIfindex: {0}/{0}", ifindex.len());
    let all = defines("linux/netconf.h", "NETCONFA_ALL");
    assert_eq!(all[0].1, netlink_packet_route::netconf::NETCONFA_ALL as i64);
    let nsid = defines("linux/net_namespace.h", "NETNSA_NSID_NOT_ASSIGNED");
    assert_eq!(
        nsid[0].1,
        netlink_packet_route::nsid::NETNSA_NSID_NOT_ASSIGNED as i64
    );
}
