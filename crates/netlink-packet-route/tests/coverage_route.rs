//! The route declarations against this machine's UAPI headers: every
//! attribute set, and every value enumeration and flag set.

use netlink_packet_route::route::*;
use netlink_testkit::uapi::{coverage, enum_constants};

fn check<A: netlink_packet_core::nla::Attribute>(
    header: &str,
    member: &str,
    allow: &[(&str, &str)],
) {
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
fn route_attributes_cover_rtnetlink_h() {
    check::<RouteAttr>("linux/rtnetlink.h", "RTA_DST", &[("RTA_UNSPEC", UNSPEC)]);
    check::<MetricAttr>("linux/rtnetlink.h", "RTAX_MTU", &[("RTAX_UNSPEC", UNSPEC)]);
}

#[test]
fn encap_attributes_cover_their_headers() {
    check::<MplsIpTunnelAttr>(
        "linux/mpls_iptunnel.h",
        "MPLS_IPTUNNEL_DST",
        &[("MPLS_IPTUNNEL_UNSPEC", UNSPEC)],
    );
    check::<IpEncapAttr>(
        "linux/lwtunnel.h",
        "LWTUNNEL_IP_ID",
        &[("LWTUNNEL_IP_UNSPEC", UNSPEC)],
    );
    check::<Ip6EncapAttr>(
        "linux/lwtunnel.h",
        "LWTUNNEL_IP6_ID",
        &[("LWTUNNEL_IP6_UNSPEC", UNSPEC)],
    );
    check::<IpTunnelOptsAttr>(
        "linux/lwtunnel.h",
        "LWTUNNEL_IP_OPTS_GENEVE",
        &[("LWTUNNEL_IP_OPTS_UNSPEC", UNSPEC)],
    );
    check::<GeneveOptAttr>(
        "linux/lwtunnel.h",
        "LWTUNNEL_IP_OPT_GENEVE_CLASS",
        &[("LWTUNNEL_IP_OPT_GENEVE_UNSPEC", UNSPEC)],
    );
    check::<VxlanOptAttr>(
        "linux/lwtunnel.h",
        "LWTUNNEL_IP_OPT_VXLAN_GBP",
        &[("LWTUNNEL_IP_OPT_VXLAN_UNSPEC", UNSPEC)],
    );
    check::<ErspanOptAttr>(
        "linux/lwtunnel.h",
        "LWTUNNEL_IP_OPT_ERSPAN_VER",
        &[("LWTUNNEL_IP_OPT_ERSPAN_UNSPEC", UNSPEC)],
    );
    check::<LwtBpfProgAttr>(
        "linux/lwtunnel.h",
        "LWT_BPF_PROG_FD",
        &[("LWT_BPF_PROG_UNSPEC", UNSPEC)],
    );
    check::<LwtBpfAttr>(
        "linux/lwtunnel.h",
        "LWT_BPF_IN",
        &[("LWT_BPF_UNSPEC", UNSPEC)],
    );
    check::<LwtXfrmAttr>(
        "linux/lwtunnel.h",
        "LWT_XFRM_IF_ID",
        &[("LWT_XFRM_UNSPEC", UNSPEC)],
    );
    check::<IlaAttr>(
        "linux/ila.h",
        "ILA_ATTR_LOCATOR",
        &[("ILA_ATTR_UNSPEC", UNSPEC)],
    );
    check::<Seg6IpTunnelAttr>(
        "linux/seg6_iptunnel.h",
        "SEG6_IPTUNNEL_SRH",
        &[("SEG6_IPTUNNEL_UNSPEC", UNSPEC)],
    );
    check::<Seg6LocalAttr>(
        "linux/seg6_local.h",
        "SEG6_LOCAL_ACTION",
        &[("SEG6_LOCAL_UNSPEC", UNSPEC)],
    );
    check::<Seg6LocalBpfAttr>(
        "linux/seg6_local.h",
        "SEG6_LOCAL_BPF_PROG",
        &[("SEG6_LOCAL_BPF_PROG_UNSPEC", UNSPEC)],
    );
    check::<Seg6LocalCounterAttr>(
        "linux/seg6_local.h",
        "SEG6_LOCAL_CNT_PACKETS",
        &[("SEG6_LOCAL_CNT_UNSPEC", UNSPEC)],
    );
    check::<Seg6LocalFlavorAttr>(
        "linux/seg6_local.h",
        "SEG6_LOCAL_FLV_OPERATION",
        &[("SEG6_LOCAL_FLV_UNSPEC", UNSPEC)],
    );
    check::<RplIpTunnelAttr>(
        "linux/rpl_iptunnel.h",
        "RPL_IPTUNNEL_SRH",
        &[("RPL_IPTUNNEL_UNSPEC", UNSPEC)],
    );
    check::<Ioam6IpTunnelAttr>(
        "linux/ioam6_iptunnel.h",
        "IOAM6_IPTUNNEL_MODE",
        &[("IOAM6_IPTUNNEL_UNSPEC", UNSPEC)],
    );
}

/// Every constant of the header enum holding `member` is a declared value.
fn check_values(header: &str, member: &str, declared: impl Fn(i64) -> bool) {
    let constants = enum_constants(header, member);
    let missing: Vec<_> = constants.iter().filter(|c| !declared(c.value)).collect();
    println!(
        "{member}: {}/{}",
        constants.len() - missing.len(),
        constants.len()
    );
    assert!(missing.is_empty(), "{missing:?}");
}

#[test]
fn value_enums_cover_header_enums() {
    check_values("linux/rtnetlink.h", "RTN_UNICAST", |v| {
        RouteType::from(v as u8).name().is_some()
    });
    check_values("linux/rtnetlink.h", "RT_TABLE_MAIN", |v| {
        RouteTable::from(v as u32).name().is_some()
    });
    check_values("linux/lwtunnel.h", "LWTUNNEL_ENCAP_MPLS", |v| {
        EncapType::from(v as u16).name().is_some()
    });
    check_values("linux/seg6_iptunnel.h", "SEG6_IPTUN_MODE_ENCAP", |v| {
        Seg6Mode::from(v as i32).name().is_some()
    });
    check_values("linux/seg6_local.h", "SEG6_LOCAL_ACTION_END", |v| {
        Seg6LocalAction::from(v as u32).name().is_some()
    });
    check_values("linux/seg6_local.h", "SEG6_LOCAL_FLV_OP_PSP", |v| {
        Seg6LocalFlavorOp::from(v as u32).name().is_some()
    });
    check_values(
        "linux/ioam6_iptunnel.h",
        "IOAM6_IPTUNNEL_MODE_INLINE",
        |v| Ioam6Mode::from(v as u8).name().is_some(),
    );
}

/// The `#define PREFIX... VALUE` constants of `header` with a plain value
/// (a number, hex, or `(1 << n)`).
fn defines(header: &str, prefix: &str) -> Vec<(String, i64)> {
    let path = format!("/usr/include/{header}");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut out = Vec::new();
    for line in text.lines() {
        let Some(rest) = line.trim_start().strip_prefix("#define") else {
            continue;
        };
        let mut words = rest.split_whitespace();
        let Some(name) = words.next() else { continue };
        if !name.starts_with(prefix) {
            continue;
        }
        let value: String = words.collect::<Vec<_>>().join(" ");
        let value = value.split("/*").next().unwrap_or("").trim();
        let parsed = if let Some(hex) = value.strip_prefix("0x") {
            i64::from_str_radix(hex, 16).ok()
        } else if let Some(shift) = value
            .strip_prefix("(1 <<")
            .and_then(|s| s.strip_suffix(')'))
        {
            shift.trim().parse::<u32>().ok().map(|n| 1i64 << n)
        } else {
            value.parse().ok()
        };
        if let Some(v) = parsed {
            out.push((name.to_string(), v));
        }
    }
    assert!(!out.is_empty(), "no {prefix}* in {header}");
    out
}

fn check_defines(header: &str, prefix: &str, declared: impl Fn(i64) -> bool) {
    let all = defines(header, prefix);
    let missing: Vec<_> = all.iter().filter(|(_, v)| !declared(*v)).collect();
    println!("{prefix}*: {}/{}", all.len() - missing.len(), all.len());
    assert!(missing.is_empty(), "{missing:?}");
}

#[test]
fn defined_constants_are_declared() {
    check_defines("linux/rtnetlink.h", "RTPROT_", |v| {
        RouteProtocol::from(v as u8).name().is_some()
    });
    let flag = |all: &[(RouteFlags, &str)], v: i64| all.iter().any(|(f, _)| i64::from(f.0) == v);
    check_defines("linux/rtnetlink.h", "RTM_F_", |v| flag(RouteFlags::ALL, v));
    check_defines("linux/rtnetlink.h", "RTNH_F_", |v| flag(RouteFlags::ALL, v));
    check_defines("linux/rtnetlink.h", "RTNH_F_", |v| {
        NextHopFlags::ALL.iter().any(|(f, _)| i64::from(f.0) == v)
    });
    check_defines("linux/rtnetlink.h", "RTAX_FEATURE_", |v| {
        MetricFeatures::ALL.iter().any(|(f, _)| i64::from(f.0) == v)
    });
    check_defines("linux/icmpv6.h", "ICMPV6_ROUTER_PREF_", |v| {
        RoutePreference::from(v as u8).name().is_some()
    });
    // RTAX_LOCK holds one bit per metric: every metric but RTAX_UNSPEC and
    // RTAX_LOCK itself has its bit declared.
    for c in enum_constants("linux/rtnetlink.h", "RTAX_MTU") {
        if c.value < 2 {
            continue;
        }
        assert!(
            MetricLocks::ALL
                .iter()
                .any(|(f, _)| i64::from(f.0) == 1 << c.value),
            "lock bit of {}",
            c.name
        );
    }
}
