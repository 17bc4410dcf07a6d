//! The link kind declarations (tunnels, geneve, bareudp, tun, xfrm, hsr,
//! gtp, ipoib, can, ppp, rmnet, mctp, dsa) against this machine's UAPI
//! headers: attribute sets by `uapi::coverage`, value enumerations by
//! `uapi::enum_constants`, and flag sets against the headers' `#define`s.

use netlink_packet_core::nla::Attribute;
use netlink_packet_route::link::info::*;
use netlink_testkit::uapi::{coverage, enum_constants};

const UNSPEC: &str = "number 0 is never sent";

fn check<A: Attribute>(header: &str, member: &str, unspec: &str) {
    let report = coverage::<A>(header, member, &[(unspec, UNSPEC)]);
    println!("{report}");
    assert!(report.missing.is_empty(), "{report}: {:?}", report.missing);
    assert!(report.declared + 1 == report.total, "{report}");
}

#[test]
fn tunnel_sets_cover_if_tunnel_h() {
    check::<GreAttr>("linux/if_tunnel.h", "IFLA_GRE_LINK", "IFLA_GRE_UNSPEC");
    check::<IpTunnelAttr>("linux/if_tunnel.h", "IFLA_IPTUN_LINK", "IFLA_IPTUN_UNSPEC");
    check::<VtiAttr>("linux/if_tunnel.h", "IFLA_VTI_LINK", "IFLA_VTI_UNSPEC");
}

#[test]
fn if_link_sets_cover_if_link_h() {
    let h = "linux/if_link.h";
    check::<GeneveAttr>(h, "IFLA_GENEVE_ID", "IFLA_GENEVE_UNSPEC");
    check::<BareUdpAttr>(h, "IFLA_BAREUDP_PORT", "IFLA_BAREUDP_UNSPEC");
    check::<TunAttr>(h, "IFLA_TUN_OWNER", "IFLA_TUN_UNSPEC");
    check::<XfrmAttr>(h, "IFLA_XFRM_LINK", "IFLA_XFRM_UNSPEC");
    check::<HsrAttr>(h, "IFLA_HSR_SLAVE1", "IFLA_HSR_UNSPEC");
    check::<GtpAttr>(h, "IFLA_GTP_FD0", "IFLA_GTP_UNSPEC");
    check::<IpoIbAttr>(h, "IFLA_IPOIB_PKEY", "IFLA_IPOIB_UNSPEC");
    check::<PppAttr>(h, "IFLA_PPP_DEV_FD", "IFLA_PPP_UNSPEC");
    check::<RmnetAttr>(h, "IFLA_RMNET_MUX_ID", "IFLA_RMNET_UNSPEC");
    check::<MctpAttr>(h, "IFLA_MCTP_NET", "IFLA_MCTP_UNSPEC");
    check::<DsaAttr>(h, "IFLA_DSA_MASTER", "IFLA_DSA_UNSPEC");
}

#[test]
fn can_sets_cover_can_netlink_h() {
    let h = "linux/can/netlink.h";
    check::<CanAttr>(h, "IFLA_CAN_BITTIMING", "IFLA_CAN_UNSPEC");
    // The header reader drops names ending in `_MAX` as counting markers,
    // which hides the real attribute IFLA_CAN_BITRATE_MAX: check it here.
    assert_eq!(CanAttr::name_of(15), Some("IFLA_CAN_BITRATE_MAX"));
    println!("CanAttr: +1 (IFLA_CAN_BITRATE_MAX, skipped by the header reader)");
    check::<CanTdcAttr>(h, "IFLA_CAN_TDC_TDCV", "IFLA_CAN_TDC_UNSPEC");
    // Likewise the three IFLA_CAN_TDC_*_MAX limits (2, 4, 6).
    for (kind, name) in [
        (2, "IFLA_CAN_TDC_TDCV_MAX"),
        (4, "IFLA_CAN_TDC_TDCO_MAX"),
        (6, "IFLA_CAN_TDC_TDCF_MAX"),
    ] {
        assert_eq!(CanTdcAttr::name_of(kind), Some(name));
    }
    println!("CanTdcAttr: +3 *_MAX attributes the header reader skips");
    check::<CanCtrlModeExtAttr>(h, "IFLA_CAN_CTRLMODE_SUPPORTED", "IFLA_CAN_CTRLMODE_UNSPEC");
}

/// Every constant of the header enum containing `member` is a named value
/// of `E` with the same number.
fn check_enum<E: Copy + std::fmt::Debug>(
    header: &str,
    member: &str,
    from: impl Fn(i64) -> E,
    named: impl Fn(E) -> bool,
) {
    let constants = enum_constants(header, member);
    assert!(!constants.is_empty());
    for c in &constants {
        let value = from(c.value);
        assert!(named(value), "{} = {} is not declared", c.name, c.value);
    }
    println!("{member}: {} values", constants.len());
}

#[test]
fn value_enums_cover_the_headers() {
    check_enum(
        "linux/if_tunnel.h",
        "TUNNEL_ENCAP_FOU",
        |v| TunnelEncapType::from(u16::try_from(v).unwrap()),
        |e| e.name().is_some(),
    );
    check_enum(
        "linux/if_link.h",
        "GENEVE_DF_SET",
        |v| GeneveDf::from(u8::try_from(v).unwrap()),
        |e| e.name().is_some(),
    );
    check_enum(
        "linux/if_link.h",
        "HSR_PROTOCOL_PRP",
        |v| HsrProtocol::from(u8::try_from(v).unwrap()),
        |e| e.name().is_some(),
    );
    check_enum(
        "linux/if_link.h",
        "GTP_ROLE_SGSN",
        |v| GtpRole::from(u32::try_from(v).unwrap()),
        |e| e.name().is_some(),
    );
    check_enum(
        "linux/if_link.h",
        "IPOIB_MODE_CONNECTED",
        |v| IpoIbMode::from(u16::try_from(v).unwrap()),
        |e| e.name().is_some(),
    );
    check_enum(
        "linux/can/netlink.h",
        "CAN_STATE_BUS_OFF",
        |v| CanState::from(u32::try_from(v).unwrap()),
        |e| e.name().is_some(),
    );
}

/// The `#define PREFIX* value` lines of `header`, values evaluated for the
/// forms these headers use: `0x..`, decimal, `(1<<n)`, `(1U << n)` and
/// `__cpu_to_be16(0x..)` (read as the host-order value).
fn defines(header: &str, prefix: &str) -> Vec<(String, u64)> {
    let path = format!("/usr/include/{header}");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut out = Vec::new();
    for line in text.lines() {
        let Some(rest) = line.trim_start().strip_prefix("#define") else {
            continue;
        };
        let mut parts = rest.split_whitespace();
        let Some(name) = parts.next() else { continue };
        if !name.starts_with(prefix) || name.contains('(') {
            continue;
        }
        let expr: String = parts
            .take_while(|p| !p.starts_with("/*"))
            .collect::<Vec<_>>()
            .join("");
        let expr = expr
            .trim_start_matches("__cpu_to_be16")
            .trim_start_matches('(')
            .trim_end_matches(')');
        let value = if let Some((left, right)) = expr.split_once("<<") {
            let base: u64 = left.trim_end_matches('U').parse().unwrap();
            base << right.parse::<u64>().unwrap()
        } else if let Some(hex) = expr.strip_prefix("0x") {
            u64::from_str_radix(hex, 16).unwrap()
        } else {
            match expr.parse() {
                Ok(v) => v,
                Err(_) => continue,
            }
        };
        out.push((name.to_string(), value));
    }
    assert!(!out.is_empty(), "no {prefix}* in {path}");
    out
}

/// Every `#define` of `prefix` (but those in `skip`) is a declared flag
/// with the same bits, and every declared flag is one of them.
fn check_flags(header: &str, prefix: &str, skip: &[&str], declared: &[u64]) {
    let found: Vec<(String, u64)> = defines(header, prefix)
        .into_iter()
        .filter(|(name, _)| !skip.contains(&name.as_str()))
        .collect();
    for (name, value) in &found {
        assert!(declared.contains(value), "{name} = {value:#x} not declared");
    }
    for value in declared {
        assert!(
            found.iter().any(|(_, v)| v == value),
            "{value:#x} is no {prefix}* of {header}"
        );
    }
    println!("{prefix}*: {}/{} flags", declared.len(), found.len());
}

fn bits<F: Copy, B: Into<u64>>(all: &[(F, &str)], to: impl Fn(F) -> B) -> Vec<u64> {
    all.iter().map(|(f, _)| to(*f).into()).collect()
}

#[test]
fn flag_sets_match_the_headers() {
    check_flags(
        "linux/if_tunnel.h",
        "GRE_",
        // Predicate macros, values of the version field, the PPTP protocol
        // number and key mask: not flags of IFLA_GRE_[IO]FLAGS.
        &[
            "GRE_VERSION_0",
            "GRE_VERSION_1",
            "GRE_PROTO_PPP",
            "GRE_PPTP_KEY_MASK",
        ],
        &bits(GreFlags::ALL, |f| f.bits()),
    );
    check_flags(
        "linux/if_tunnel.h",
        "TUNNEL_ENCAP_FLAG_",
        &[],
        &bits(TunnelEncapFlags::ALL, |f| f.bits()),
    );
    check_flags(
        "linux/if_tunnel.h",
        "SIT_",
        &[],
        &bits(SitFlags::ALL, |f| f.bits()),
    );
    check_flags(
        "linux/ip6_tunnel.h",
        "IP6_TNL_F_",
        &[],
        &bits(Ip6TunnelFlags::ALL, |f| f.bits()),
    );
    check_flags(
        "linux/if_link.h",
        "RMNET_FLAGS_",
        &[],
        &bits(RmnetFlagBits::ALL, |f| f.bits()),
    );
    check_flags(
        "linux/can/netlink.h",
        "CAN_CTRLMODE_",
        &[],
        &bits(CanCtrlModeFlags::ALL, |f| f.bits()),
    );
    // IFF_TUN and IFF_TAP (linux/if_tun.h) are the values of IFLA_TUN_TYPE.
    let iff = defines("linux/if_tun.h", "IFF_");
    for (name, ty) in [("IFF_TUN", TunType::Tun), ("IFF_TAP", TunType::Tap)] {
        let value = iff.iter().find(|(n, _)| n == name).unwrap().1;
        assert_eq!(u64::from(u8::from(ty)), value, "{name}");
    }
}

#[test]
fn struct_sizes_match_the_headers() {
    // Sizes of the C structures: every field is 4 bytes but the name of
    // can_bittiming_const (16) and the two u16 of can_berr_counter.
    assert_eq!(CanBittiming::LEN, 8 * 4);
    assert_eq!(CanBittimingConst::LEN, 16 + 8 * 4);
    assert_eq!(CanClock::LEN, 4);
    assert_eq!(CanBerrCounter::LEN, 4);
    assert_eq!(CanCtrlMode::LEN, 8);
    assert_eq!(CanDeviceStats::LEN, 6 * 4);
    assert_eq!(RmnetFlags::LEN, 8);
    assert_eq!(GenevePortRange::LEN, 4);
}
