//! The declarations of veth, bridge, bridge port, bond, vlan, vxlan,
//! macvlan, ipvlan, vrf and macsec against this machine's UAPI headers:
//! attribute sets by `uapi::coverage`, value enumerations by
//! `uapi::enum_constants`, and enumerations or flags defined by `#define`
//! against the header lines. Run with `--nocapture` for the report lines.

use netlink_packet_core::nla::Attribute;
use netlink_packet_route::link::info::*;
use netlink_packet_route::link::BridgeStpState;
use netlink_testkit::uapi::{coverage, enum_constants};

const UNSPEC: &str = "number 0 is never sent";

/// Asserts that set `A` covers the enum of `header` holding `member`, with
/// `unspec` (if any) allowed, and prints the report.
fn covers<A: Attribute>(header: &str, member: &str, unspec: Option<&str>) {
    let allow: Vec<(&str, &str)> = unspec.map(|u| (u, UNSPEC)).into_iter().collect();
    let report = coverage::<A>(header, member, &allow);
    println!("{report}");
    assert!(report.missing.is_empty(), "{report}: {:?}", report.missing);
    assert_eq!(report.declared + allow.len(), report.total, "{report}");
}

const IF_LINK: &str = "linux/if_link.h";

#[test]
fn veth() {
    covers::<VethAttr>("linux/veth.h", "VETH_INFO_PEER", Some("VETH_INFO_UNSPEC"));
}

#[test]
fn bridge() {
    covers::<BridgeAttr>(IF_LINK, "IFLA_BR_FORWARD_DELAY", Some("IFLA_BR_UNSPEC"));
    covers::<BridgeQuerierAttr>(
        "linux/if_bridge.h",
        "BRIDGE_QUERIER_IP_ADDRESS",
        Some("BRIDGE_QUERIER_UNSPEC"),
    );
}

#[test]
fn bridge_port() {
    covers::<BridgePortAttr>(IF_LINK, "IFLA_BRPORT_STATE", Some("IFLA_BRPORT_UNSPEC"));
}

#[test]
fn bond() {
    covers::<BondAttr>(IF_LINK, "IFLA_BOND_MODE", Some("IFLA_BOND_UNSPEC"));
    covers::<BondAdInfoAttr>(
        IF_LINK,
        "IFLA_BOND_AD_INFO_AGGREGATOR",
        Some("IFLA_BOND_AD_INFO_UNSPEC"),
    );
    covers::<BondSlaveAttr>(
        IF_LINK,
        "IFLA_BOND_SLAVE_STATE",
        Some("IFLA_BOND_SLAVE_UNSPEC"),
    );
}

#[test]
fn vlan() {
    covers::<VlanAttr>(IF_LINK, "IFLA_VLAN_ID", Some("IFLA_VLAN_UNSPEC"));
    covers::<VlanQosAttr>(
        IF_LINK,
        "IFLA_VLAN_QOS_MAPPING",
        Some("IFLA_VLAN_QOS_UNSPEC"),
    );
}

#[test]
fn vxlan() {
    covers::<VxlanAttr>(IF_LINK, "IFLA_VXLAN_ID", Some("IFLA_VXLAN_UNSPEC"));
    covers::<VxlanVniFilterAttr>(
        IF_LINK,
        "VXLAN_VNIFILTER_ENTRY",
        Some("VXLAN_VNIFILTER_UNSPEC"),
    );
    covers::<VxlanVniFilterEntryAttr>(
        IF_LINK,
        "VXLAN_VNIFILTER_ENTRY_START",
        Some("VXLAN_VNIFILTER_ENTRY_UNSPEC"),
    );
    covers::<VniFilterStatsAttr>(
        IF_LINK,
        "VNIFILTER_ENTRY_STATS_RX_BYTES",
        Some("VNIFILTER_ENTRY_STATS_UNSPEC"),
    );
}

#[test]
fn macvlan() {
    covers::<MacVlanAttr>(IF_LINK, "IFLA_MACVLAN_MODE", Some("IFLA_MACVLAN_UNSPEC"));
}

#[test]
fn ipvlan() {
    covers::<IpVlanAttr>(IF_LINK, "IFLA_IPVLAN_MODE", Some("IFLA_IPVLAN_UNSPEC"));
}

#[test]
fn vrf() {
    covers::<VrfAttr>(IF_LINK, "IFLA_VRF_TABLE", Some("IFLA_VRF_UNSPEC"));
    covers::<VrfPortAttr>(IF_LINK, "IFLA_VRF_PORT_TABLE", Some("IFLA_VRF_PORT_UNSPEC"));
}

#[test]
fn macsec() {
    covers::<MacSecAttr>(IF_LINK, "IFLA_MACSEC_SCI", Some("IFLA_MACSEC_UNSPEC"));
}

/// Every `(name, value)` must be declared: `declared(value)` gives the
/// declared name, if any. Prints `Set: n/total`.
fn check_values(set: &str, constants: &[(String, i64)], declared: impl Fn(i64) -> Option<String>) {
    assert!(!constants.is_empty(), "{set}: no constants read");
    let missing: Vec<String> = constants
        .iter()
        .filter(|(_, value)| declared(*value).is_none())
        .map(|(name, value)| format!("{name} = {value}"))
        .collect();
    println!(
        "{set}: {}/{}",
        constants.len() - missing.len(),
        constants.len()
    );
    assert!(missing.is_empty(), "{set}: {missing:?}");
}

/// The values of the enum of `header` holding `member`, without counting
/// markers (`IPVLAN_MODE_MAX`, `BR_BOOLOPT_MAX`: one past the last value,
/// no value of their own).
fn from_enum(header: &str, member: &str) -> Vec<(String, i64)> {
    enum_constants(header, member)
        .into_iter()
        .filter(|c| !c.name.ends_with("_MAX"))
        .map(|c| (c.name, c.value))
        .collect()
}

/// `#define PREFIX... VALUE` lines of `header` whose value is a number
/// (decimal or hex, with `U`/`L` suffixes) or `(1 << N)`.
fn defines(header: &str, prefix: &str) -> Vec<(String, i64)> {
    let path = format!("/usr/include/{header}");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut out = Vec::new();
    for line in text.lines() {
        let code = line.split("/*").next().unwrap_or("");
        let mut words = code.split_whitespace();
        if words.next() != Some("#define") {
            continue;
        }
        let (Some(name), Some(value)) = (words.next(), words.next()) else {
            continue;
        };
        if !name.starts_with(prefix) {
            continue;
        }
        let value = value.trim_end_matches(['U', 'L', 'u', 'l']);
        let parsed = match value.strip_prefix("0x").or(value.strip_prefix("0X")) {
            Some(hex) => i64::from_str_radix(hex, 16).ok(),
            None => value.parse().ok(),
        };
        if let Some(parsed) = parsed {
            out.push((name.to_string(), parsed));
        }
    }
    out
}

macro_rules! enum_values {
    ($($test:ident: $ty:ty as $repr:ty, $constants:expr;)*) => {$(
        #[test]
        fn $test() {
            check_values(stringify!($ty), &$constants, |v| {
                <$ty>::from(<$repr>::try_from(v).ok()?).name().map(str::to_string)
            });
        }
    )*};
}

enum_values! {
    macvlan_mode_values: MacVlanMode as u32, from_enum(IF_LINK, "MACVLAN_MODE_PRIVATE");
    macvlan_macaddr_mode_values: MacVlanMacAddrMode as u32, from_enum(IF_LINK, "MACVLAN_MACADDR_ADD");
    ipvlan_mode_values: IpVlanMode as u16, from_enum(IF_LINK, "IPVLAN_MODE_L2");
    vxlan_df_values: VxlanDf as u8, from_enum(IF_LINK, "VXLAN_DF_UNSET");
    macsec_validation_values: MacSecValidation as u8, from_enum(IF_LINK, "MACSEC_VALIDATE_DISABLED");
    macsec_offload_values: MacSecOffload as u8, from_enum(IF_LINK, "MACSEC_OFFLOAD_OFF");
    macsec_cipher_values: MacSecCipherSuite as u64, {
        let mut ids = defines("linux/if_macsec.h", "MACSEC_CIPHER_ID_");
        ids.extend(defines("linux/if_macsec.h", "MACSEC_DEFAULT_CIPHER_ID"));
        ids
    };
    multicast_router_values: MulticastRouter as u8, from_enum("linux/if_bridge.h", "MDB_RTR_TYPE_PERM");
    stp_state_values: BridgeStpState as u8, defines("linux/if_bridge.h", "BR_STATE_");
    bond_mode_values: BondMode as u8, defines("linux/if_bonding.h", "BOND_MODE_");
    bond_xmit_policy_values: BondXmitHashPolicy as u8, defines("linux/if_bonding.h", "BOND_XMIT_POLICY_");
    bond_link_values: BondLinkState as u8, defines("linux/if_bonding.h", "BOND_LINK_");
    bond_state_values: BondSlaveState as u8, defines("linux/if_bonding.h", "BOND_STATE_");
}

macro_rules! flag_values {
    ($($test:ident: $ty:ty, $constants:expr;)*) => {$(
        #[test]
        fn $test() {
            check_values(stringify!($ty), &$constants, |v| {
                <$ty>::ALL
                    .iter()
                    .find(|(flag, _)| i64::from(flag.bits()) == v)
                    .map(|(_, name)| name.to_string())
            });
        }
    )*};
}

flag_values! {
    ipvlan_flags: IpVlanFlags, defines(IF_LINK, "IPVLAN_F_");
    macvlan_flags: MacVlanFlags, defines(IF_LINK, "MACVLAN_FLAG_");
    lacp_state_flags: LacpState, defines("linux/if_bonding.h", "LACP_STATE_");
    vlan_flags: VlanFlagBits, from_enum("linux/if_vlan.h", "VLAN_FLAG_REORDER_HDR");
    // Option number N of `enum br_boolopt_id` is bit 1 << N.
    bridge_boolopts: BridgeBoolOpts, from_enum("linux/if_bridge.h", "BR_BOOLOPT_NO_LL_LEARN")
        .into_iter()
        .map(|(name, bit)| (name, 1i64 << bit))
        .collect::<Vec<_>>();
}
