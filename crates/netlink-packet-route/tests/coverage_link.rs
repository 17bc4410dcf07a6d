//! The link declarations against this machine's UAPI headers: every
//! attribute set and every enumeration or flag set that has a header, one
//! test each. Run with `--nocapture` for the report lines.

use std::collections::BTreeMap;

use netlink_packet_core::nla::Attribute;
use netlink_packet_route::link::*;
use netlink_testkit::uapi::{coverage, enum_constants};

/// Asserts that set `A` covers the enum of `header` holding `member`,
/// `UNSPEC`-like numbers allowed, and prints the report.
fn covers<A: Attribute>(header: &str, member: &str, allow: &[(&str, &str)]) {
    let report = coverage::<A>(header, member, allow);
    println!("{report}");
    assert!(report.missing.is_empty(), "{report}: {:?}", report.missing);
}

const UNSPEC: &str = "number 0 is never sent";

#[test]
fn link_attributes() {
    covers::<LinkAttr>("linux/if_link.h", "IFLA_IFNAME", &[("IFLA_UNSPEC", UNSPEC)]);
}

#[test]
fn link_info() {
    covers::<LinkInfo>(
        "linux/if_link.h",
        "IFLA_INFO_KIND",
        &[("IFLA_INFO_UNSPEC", UNSPEC)],
    );
}

#[test]
fn af_inet() {
    covers::<AfInetAttr>(
        "linux/if_link.h",
        "IFLA_INET_CONF",
        &[("IFLA_INET_UNSPEC", UNSPEC)],
    );
}

#[test]
fn af_inet6() {
    covers::<AfInet6Attr>(
        "linux/if_link.h",
        "IFLA_INET6_FLAGS",
        &[("IFLA_INET6_UNSPEC", UNSPEC)],
    );
}

#[test]
fn af_spec_bridge() {
    covers::<AfSpecBridgeAttr>("linux/if_bridge.h", "IFLA_BRIDGE_FLAGS", &[]);
}

#[test]
fn bridge_vlan_tunnel() {
    covers::<BridgeVlanTunnelAttr>(
        "linux/if_bridge.h",
        "IFLA_BRIDGE_VLAN_TUNNEL_ID",
        &[("IFLA_BRIDGE_VLAN_TUNNEL_UNSPEC", UNSPEC)],
    );
}

#[test]
fn bridge_mst() {
    covers::<BridgeMstAttr>(
        "linux/if_bridge.h",
        "IFLA_BRIDGE_MST_ENTRY",
        &[("IFLA_BRIDGE_MST_UNSPEC", UNSPEC)],
    );
}

#[test]
fn bridge_mst_entry() {
    covers::<BridgeMstEntryAttr>(
        "linux/if_bridge.h",
        "IFLA_BRIDGE_MST_ENTRY_MSTI",
        &[("IFLA_BRIDGE_MST_ENTRY_UNSPEC", UNSPEC)],
    );
}

macro_rules! unspec_covers {
    ($($test:ident: $set:ty, $header:literal, $member:literal, $unspec:literal;)*) => {$(
        #[test]
        fn $test() {
            covers::<$set>($header, $member, &[($unspec, UNSPEC)]);
        }
    )*};
}

unspec_covers! {
    bridge_mrp: BridgeMrpAttr, "linux/if_bridge.h", "IFLA_BRIDGE_MRP_INSTANCE", "IFLA_BRIDGE_MRP_UNSPEC";
    mrp_instance: MrpInstanceAttr, "linux/if_bridge.h", "IFLA_BRIDGE_MRP_INSTANCE_RING_ID", "IFLA_BRIDGE_MRP_INSTANCE_UNSPEC";
    mrp_port_state: MrpPortStateAttr, "linux/if_bridge.h", "IFLA_BRIDGE_MRP_PORT_STATE_STATE", "IFLA_BRIDGE_MRP_PORT_STATE_UNSPEC";
    mrp_port_role: MrpPortRoleAttr, "linux/if_bridge.h", "IFLA_BRIDGE_MRP_PORT_ROLE_ROLE", "IFLA_BRIDGE_MRP_PORT_ROLE_UNSPEC";
    mrp_ring_state: MrpRingStateAttr, "linux/if_bridge.h", "IFLA_BRIDGE_MRP_RING_STATE_RING_ID", "IFLA_BRIDGE_MRP_RING_STATE_UNSPEC";
    mrp_ring_role: MrpRingRoleAttr, "linux/if_bridge.h", "IFLA_BRIDGE_MRP_RING_ROLE_RING_ID", "IFLA_BRIDGE_MRP_RING_ROLE_UNSPEC";
    mrp_start_test: MrpStartTestAttr, "linux/if_bridge.h", "IFLA_BRIDGE_MRP_START_TEST_RING_ID", "IFLA_BRIDGE_MRP_START_TEST_UNSPEC";
    mrp_info: MrpInfoAttr, "linux/if_bridge.h", "IFLA_BRIDGE_MRP_INFO_RING_ID", "IFLA_BRIDGE_MRP_INFO_UNSPEC";
    mrp_in_state: MrpInStateAttr, "linux/if_bridge.h", "IFLA_BRIDGE_MRP_IN_STATE_IN_ID", "IFLA_BRIDGE_MRP_IN_STATE_UNSPEC";
    mrp_in_role: MrpInRoleAttr, "linux/if_bridge.h", "IFLA_BRIDGE_MRP_IN_ROLE_RING_ID", "IFLA_BRIDGE_MRP_IN_ROLE_UNSPEC";
    mrp_start_in_test: MrpStartInTestAttr, "linux/if_bridge.h", "IFLA_BRIDGE_MRP_START_IN_TEST_IN_ID", "IFLA_BRIDGE_MRP_START_IN_TEST_UNSPEC";
    bridge_cfm: BridgeCfmAttr, "linux/if_bridge.h", "IFLA_BRIDGE_CFM_MEP_CREATE", "IFLA_BRIDGE_CFM_UNSPEC";
    cfm_mep_create: CfmMepCreateAttr, "linux/if_bridge.h", "IFLA_BRIDGE_CFM_MEP_CREATE_INSTANCE", "IFLA_BRIDGE_CFM_MEP_CREATE_UNSPEC";
    cfm_mep_delete: CfmMepDeleteAttr, "linux/if_bridge.h", "IFLA_BRIDGE_CFM_MEP_DELETE_INSTANCE", "IFLA_BRIDGE_CFM_MEP_DELETE_UNSPEC";
    cfm_mep_config: CfmMepConfigAttr, "linux/if_bridge.h", "IFLA_BRIDGE_CFM_MEP_CONFIG_INSTANCE", "IFLA_BRIDGE_CFM_MEP_CONFIG_UNSPEC";
    cfm_cc_config: CfmCcConfigAttr, "linux/if_bridge.h", "IFLA_BRIDGE_CFM_CC_CONFIG_INSTANCE", "IFLA_BRIDGE_CFM_CC_CONFIG_UNSPEC";
    cfm_cc_peer_mep: CfmCcPeerMepAttr, "linux/if_bridge.h", "IFLA_BRIDGE_CFM_CC_PEER_MEPID", "IFLA_BRIDGE_CFM_CC_PEER_MEP_UNSPEC";
    cfm_cc_rdi: CfmCcRdiAttr, "linux/if_bridge.h", "IFLA_BRIDGE_CFM_CC_RDI_INSTANCE", "IFLA_BRIDGE_CFM_CC_RDI_UNSPEC";
    cfm_cc_ccm_tx: CfmCcCcmTxAttr, "linux/if_bridge.h", "IFLA_BRIDGE_CFM_CC_CCM_TX_INSTANCE", "IFLA_BRIDGE_CFM_CC_CCM_TX_UNSPEC";
    cfm_mep_status: CfmMepStatusAttr, "linux/if_bridge.h", "IFLA_BRIDGE_CFM_MEP_STATUS_INSTANCE", "IFLA_BRIDGE_CFM_MEP_STATUS_UNSPEC";
    cfm_cc_peer_status: CfmCcPeerStatusAttr, "linux/if_bridge.h", "IFLA_BRIDGE_CFM_CC_PEER_STATUS_INSTANCE", "IFLA_BRIDGE_CFM_CC_PEER_STATUS_UNSPEC";
    vf_info_list: VfInfoListAttr, "linux/if_link.h", "IFLA_VF_INFO", "IFLA_VF_INFO_UNSPEC";
    vf_info: VfInfoAttr, "linux/if_link.h", "IFLA_VF_MAC", "IFLA_VF_UNSPEC";
    vf_vlan_list: VfVlanAttr, "linux/if_link.h", "IFLA_VF_VLAN_INFO", "IFLA_VF_VLAN_INFO_UNSPEC";
    vf_ports: VfPortsAttr, "linux/if_link.h", "IFLA_VF_PORT", "IFLA_VF_PORT_UNSPEC";
    vf_port: VfPortAttr, "linux/if_link.h", "IFLA_PORT_VF", "IFLA_PORT_UNSPEC";
    xdp: XdpAttr, "linux/if_link.h", "IFLA_XDP_FD", "IFLA_XDP_UNSPEC";
    proto_down_reason: ProtoDownReasonAttr, "linux/if_link.h", "IFLA_PROTO_DOWN_REASON_MASK", "IFLA_PROTO_DOWN_REASON_UNSPEC";
}

#[test]
fn vf_stats() {
    // IFLA_VF_STATS_* starts at 0 (RX_PACKETS) and has no UNSPEC.
    covers::<VfStatsAttr>("linux/if_link.h", "IFLA_VF_STATS_RX_PACKETS", &[]);
}

/// Compares a value enum or flag set with header constants: every
/// constant must be declared with its value and, where `name_of` is given,
/// under the name it derives from the constant. Prints `Set: n/total`.
fn check_constants(
    set: &str,
    constants: &[(String, i64)],
    declared: impl Fn(i64) -> Option<String>,
    expected: impl Fn(&str) -> Option<String>,
) {
    let mut missing = Vec::new();
    let mut count = 0;
    for (name, value) in constants {
        match (declared(*value), expected(name)) {
            (Some(found), Some(want)) if found != want => {
                missing.push(format!("{name} = {value} is named {found:?}, not {want:?}"))
            }
            (Some(_), _) => count += 1,
            (None, _) => missing.push(format!("{name} = {value}")),
        }
    }
    println!("{set}: {count}/{}", constants.len());
    assert!(missing.is_empty(), "{set}: {missing:?}");
}

fn from_enum(header: &str, member: &str) -> Vec<(String, i64)> {
    enum_constants(header, member)
        .into_iter()
        .map(|c| (c.name, c.value))
        .collect()
}

/// Lower-case name after `prefix`.
fn lower_after(prefix: &'static str) -> impl Fn(&str) -> Option<String> {
    move |name| Some(name.strip_prefix(prefix)?.to_lowercase())
}

macro_rules! enum_named {
    ($($test:ident: $ty:ty as $repr:ty, $header:literal, $member:literal, $prefix:literal;)*) => {$(
        #[test]
        fn $test() {
            check_constants(
                stringify!($ty),
                &from_enum($header, $member),
                |v| <$ty>::from(<$repr>::try_from(v).ok()?).name().map(str::to_string),
                lower_after($prefix),
            );
        }
    )*};
}

enum_named! {
    ipv4_devconf_values: Ipv4DevConf as u16, "linux/ip.h", "IPV4_DEVCONF_FORWARDING", "IPV4_DEVCONF_";
    ipv6_devconf_values: Ipv6DevConf as u16, "linux/ipv6.h", "DEVCONF_FORWARDING", "DEVCONF_";
    ipv6_stats_values: Ipv6StatsMib as u16, "linux/snmp.h", "IPSTATS_MIB_NUM", "IPSTATS_MIB_";
    icmp6_stats_values: Icmp6StatsMib as u16, "linux/snmp.h", "ICMP6_MIB_NUM", "ICMP6_MIB_";
    vf_link_state_values: VfLinkStatePolicy as u32, "linux/if_link.h", "IFLA_VF_LINK_STATE_AUTO", "IFLA_VF_LINK_STATE_";
    port_request_values: PortRequest as u8, "linux/if_link.h", "PORT_REQUEST_PREASSOCIATE", "PORT_REQUEST_";
    port_response_values: PortResponse as u16, "linux/if_link.h", "PORT_VDP_RESPONSE_SUCCESS", "PORT_";
    xdp_attached_values: XdpAttached as u8, "linux/if_link.h", "XDP_ATTACHED_NONE", "XDP_ATTACHED_";
    mrp_ring_role_values: MrpRingRole as u32, "linux/mrp_bridge.h", "BR_MRP_RING_ROLE_DISABLED", "BR_MRP_RING_ROLE_";
    mrp_in_role_values: MrpInRole as u32, "linux/mrp_bridge.h", "BR_MRP_IN_ROLE_DISABLED", "BR_MRP_IN_ROLE_";
    mrp_ring_state_values: MrpRingState as u32, "linux/mrp_bridge.h", "BR_MRP_RING_STATE_OPEN", "BR_MRP_RING_STATE_";
    mrp_in_state_values: MrpInState as u32, "linux/mrp_bridge.h", "BR_MRP_IN_STATE_OPEN", "BR_MRP_IN_STATE_";
    mrp_port_state_values: MrpPortState as u32, "linux/mrp_bridge.h", "BR_MRP_PORT_STATE_DISABLED", "BR_MRP_PORT_STATE_";
    mrp_port_role_values: MrpPortRole as u32, "linux/mrp_bridge.h", "BR_MRP_PORT_ROLE_PRIMARY", "BR_MRP_PORT_ROLE_";
    cfm_domain_values: CfmDomain as u32, "linux/cfm_bridge.h", "BR_CFM_PORT", "BR_CFM_";
    cfm_mep_direction_values: CfmMepDirection as u32, "linux/cfm_bridge.h", "BR_CFM_MEP_DIRECTION_DOWN", "BR_CFM_MEP_DIRECTION_";
    cfm_ccm_interval_values: CfmCcmInterval as u32, "linux/cfm_bridge.h", "BR_CFM_CCM_INTERVAL_NONE", "BR_CFM_CCM_INTERVAL_";
}

/// Upper-case name after `prefix` (how `ip` prints these).
fn upper_after(prefix: &'static str) -> impl Fn(&str) -> Option<String> {
    move |name| Some(name.strip_prefix(prefix)?.to_string())
}

#[test]
fn oper_state_values() {
    check_constants(
        "OperState",
        &from_enum("linux/if.h", "IF_OPER_UP"),
        |v| {
            OperState::from(u8::try_from(v).ok()?)
                .name()
                .map(str::to_string)
        },
        upper_after("IF_OPER_"),
    );
}

#[test]
fn link_mode_values() {
    check_constants(
        "LinkMode",
        &from_enum("linux/if.h", "IF_LINK_MODE_DEFAULT"),
        |v| {
            LinkMode::from(u8::try_from(v).ok()?)
                .name()
                .map(str::to_string)
        },
        upper_after("IF_LINK_MODE_"),
    );
}

#[test]
fn link_event_values() {
    check_constants(
        "LinkEvent",
        &from_enum("linux/if_link.h", "IFLA_EVENT_NONE"),
        |v| {
            LinkEvent::from(u32::try_from(v).ok()?)
                .name()
                .map(str::to_string)
        },
        upper_after("IFLA_EVENT_"),
    );
}

#[test]
fn addr_gen_mode() {
    // Named as `ip link` prints them (`stable_secret` for STABLE_PRIVACY).
    check_constants(
        "AddrGenMode",
        &from_enum("linux/if_link.h", "IN6_ADDR_GEN_MODE_EUI64"),
        |v| {
            AddrGenMode::from(u8::try_from(v).ok()?)
                .name()
                .map(str::to_string)
        },
        |_| None,
    );
}

#[test]
fn if_flags() {
    check_constants(
        "IfFlags",
        &from_enum("linux/if.h", "IFF_UP"),
        |v| {
            let bits = u32::try_from(v).ok()?;
            IfFlags::ALL
                .iter()
                .find(|(flag, _)| flag.bits() == bits)
                .map(|(_, name)| name.to_string())
        },
        |name| Some(name.strip_prefix("IFF_")?.to_string()),
    );
}

/// `#define NAME VALUE` lines of a header whose value is a number, a shift,
/// an or of those, or another such define; in header order.
fn defines(header: &str, prefix: &str) -> Vec<(String, i64)> {
    let path = format!("/usr/include/{header}");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut known: BTreeMap<String, i64> = BTreeMap::new();
    let mut out = Vec::new();
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        let mut line = line.to_string();
        while line.ends_with('\\') {
            line.pop();
            line.push_str(lines.next().unwrap_or(""));
        }
        let code = match line.find("/*") {
            Some(i) => &line[..i],
            None => &line[..],
        };
        let mut words = code.trim().trim_start_matches('#').split_whitespace();
        if words.next() != Some("define") {
            continue;
        }
        let Some(name) = words.next() else { continue };
        let expr: String = words.collect::<Vec<_>>().join(" ");
        if name.contains('(') || !name.starts_with(prefix) {
            continue;
        }
        if let Some(value) = evaluate(&expr, &known) {
            known.insert(name.to_string(), value);
            out.push((name.to_string(), value));
        }
    }
    out
}

fn evaluate(expr: &str, known: &BTreeMap<String, i64>) -> Option<i64> {
    let expr = expr.trim();
    if let Some(inner) = expr.strip_prefix('(').and_then(|e| e.strip_suffix(')')) {
        return evaluate(inner, known);
    }
    if expr.contains('|') {
        return expr
            .split('|')
            .try_fold(0, |acc, part| Some(acc | evaluate(part, known)?));
    }
    if let Some((left, right)) = expr.split_once("<<") {
        return Some(evaluate(left, known)? << evaluate(right, known)?);
    }
    let number = expr.trim_end_matches(['U', 'u', 'L', 'l']);
    if let Some(hex) = number
        .strip_prefix("0x")
        .or_else(|| number.strip_prefix("0X"))
    {
        return i64::from_str_radix(hex, 16).ok();
    }
    number.parse().ok().or_else(|| known.get(expr).copied())
}

#[test]
fn link_types() {
    let constants = defines("linux/if_arp.h", "ARPHRD_");
    assert!(constants.len() > 60, "{constants:?}");
    check_constants(
        "LinkType",
        &constants,
        |v| {
            LinkType::from(u16::try_from(v).ok()?)
                .name()
                .map(str::to_string)
        },
        |_| None,
    );
}

fn check_flags(set: &str, constants: &[(String, i64)], all: &[(u64, &str)], prefix: &str) {
    check_constants(
        set,
        constants,
        |v| {
            all.iter()
                .find(|(bits, _)| i64::try_from(*bits).ok() == Some(v))
                .map(|(_, name)| name.to_string())
        },
        |name| Some(name.strip_prefix(prefix)?.to_lowercase()),
    );
}

#[test]
fn xdp_flags() {
    let mut constants = defines("linux/if_link.h", "XDP_FLAGS_");
    // The two combinations are associated constants, not flags.
    let combined: Vec<_> = constants
        .iter()
        .filter(|(n, _)| n == "XDP_FLAGS_MODES" || n == "XDP_FLAGS_MASK")
        .cloned()
        .collect();
    assert_eq!(
        combined,
        [
            (
                "XDP_FLAGS_MODES".to_string(),
                i64::from(XdpFlags::MODES.bits())
            ),
            (
                "XDP_FLAGS_MASK".to_string(),
                i64::from(XdpFlags::MASK.bits())
            ),
        ]
    );
    constants.retain(|c| !combined.contains(c));
    let all: Vec<_> = XdpFlags::ALL
        .iter()
        .map(|(f, n)| (u64::from(f.bits()), *n))
        .collect();
    check_flags("XdpFlags", &constants, &all, "XDP_FLAGS_");
}

#[test]
fn bridge_vlan_flags() {
    let all: Vec<_> = BridgeVlanFlags::ALL
        .iter()
        .map(|(f, n)| (u64::from(f.bits()), *n))
        .collect();
    check_flags(
        "BridgeVlanFlags",
        &defines("linux/if_bridge.h", "BRIDGE_VLAN_INFO_"),
        &all,
        "BRIDGE_VLAN_INFO_",
    );
}

#[test]
fn bridge_flags() {
    let all: Vec<_> = BridgeFlags::ALL
        .iter()
        .map(|(f, n)| (u64::from(f.bits()), *n))
        .collect();
    check_flags(
        "BridgeFlags",
        &defines("linux/if_bridge.h", "BRIDGE_FLAGS_"),
        &all,
        "BRIDGE_FLAGS_",
    );
}

#[test]
fn bridge_modes() {
    check_constants(
        "BridgeMode",
        &defines("linux/if_bridge.h", "BRIDGE_MODE_"),
        |v| {
            BridgeMode::from(u16::try_from(v).ok()?)
                .name()
                .map(str::to_string)
        },
        lower_after("BRIDGE_MODE_"),
    );
}

#[test]
fn bridge_stp_states() {
    check_constants(
        "BridgeStpState",
        &defines("linux/if_bridge.h", "BR_STATE_"),
        |v| {
            BridgeStpState::from(u8::try_from(v).ok()?)
                .name()
                .map(str::to_string)
        },
        lower_after("BR_STATE_"),
    );
}

#[test]
fn header_structures_have_the_header_sizes() {
    // Sizes from the structures' declarations in linux/if_link.h and
    // linux/if_bridge.h, padding included.
    assert_eq!(LinkStats::LEN, 24 * 4);
    assert_eq!(LinkStats64::LEN, 25 * 8);
    assert_eq!(HwStats64::LEN, 9 * 8);
    assert_eq!(LinkIfMap::LEN, 32);
    assert_eq!(LinkHeader::LEN, 16);
    assert_eq!(Inet6CacheInfo::LEN, 16);
    assert_eq!(BridgeVlanInfo::LEN, 4);
    assert_eq!(VfMac::LEN, 36);
    assert_eq!(VfBroadcast::LEN, 32);
    assert_eq!(VfVlan::LEN, 12);
    assert_eq!(VfVlanInfo::LEN, 16);
    assert_eq!(VfTxRate::LEN, 8);
    assert_eq!(VfRate::LEN, 12);
    assert_eq!(VfSpoofCheck::LEN, 8);
    assert_eq!(VfGuid::LEN, 16);
    assert_eq!(VfLinkState::LEN, 8);
    assert_eq!(VfRssQueryEn::LEN, 8);
    assert_eq!(VfTrust::LEN, 8);
    assert_eq!(PortVsi::LEN, 8);
}
