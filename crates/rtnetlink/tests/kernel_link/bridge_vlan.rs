//! Bridge port VLANs on a kernel without VLAN filtering.

use rtnetlink::bridge_vlan::{BridgePortVlan, BridgeVlanDb, BridgeVlanDump};
use rtnetlink::link::LinkAdd;
use rtnetlink::packet::link::BridgeVlanFlags;
use rtnetlink::Error;

use crate::common::{index, Run};

/// Bridge port VLANs on a bridge without VLAN filtering support: adding is
/// refused with EOPNOTSUPP, deleting is accepted, the VLAN database
/// messages have no handler.
pub fn bridge_port_vlans<R: Run>(run: &mut R) {
    run.run(LinkAdd::bridge("vbr0")).unwrap();
    let br = index(run, "vbr0");
    run.run(LinkAdd::veth("vp0", "vq0").master(br)).unwrap();
    let vp0 = index(run, "vp0");
    let add = BridgePortVlan::add(vp0).vlan(10, BridgeVlanFlags::PVID | BridgeVlanFlags::UNTAGGED);
    let error = run.run(add).unwrap_err();
    assert!(matches!(error, Error::Kernel { .. }), "{error:?}");
    assert_eq!(error.errno(), Some(95), "{error}");
    let by_bridge = netlink_testkit::ip_ok("-V").map(|_| {
        std::process::Command::new("bridge")
            .args(["vlan", "add", "dev", "vp0", "vid", "10", "pvid", "untagged"])
            .output()
            .unwrap()
    });
    let out = by_bridge.unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("Operation not supported"));

    run.run(BridgePortVlan::del(vp0).vlan(10, BridgeVlanFlags::default()))
        .unwrap();
    let error = run
        .run(BridgePortVlan::add(vp0).range(10, 12, BridgeVlanFlags::default()))
        .unwrap_err();
    assert_eq!(error.errno(), Some(95), "{error}");

    let error = run
        .run(BridgeVlanDb::add(vp0).vlan(20, BridgeVlanFlags::default()))
        .unwrap_err();
    assert_eq!(error.errno(), Some(95), "{error}");
    let dump = run.run(BridgeVlanDump::new());
    // No RTM_GETVLAN handler without CONFIG_BRIDGE_VLAN_FILTERING.
    let error = dump.unwrap_err();
    assert!(matches!(error, Error::Kernel { .. }), "{error:?}");
    assert_eq!(error.errno(), Some(95), "{error}");

    let error = run
        .run(BridgePortVlan::add(vp0).vlan(4095, BridgeVlanFlags::default()))
        .unwrap_err();
    assert!(matches!(error, Error::InvalidArgument(_)), "{error:?}");
}
