//! `bridge` links.

use netlink_packet_core::nla::Be16;
use netlink_packet_route::link::info::BridgeAttr;

use crate::link::add::kind_builder;
use crate::link::LinkAdd;

kind_builder! {
    /// Creates a bridge: [`LinkAdd::bridge`] plus its settings
    /// (`IFLA_BR_*`). Times are in hundredths of a second, as the kernel
    /// takes them (`clock_t`).
    BridgeAdd, BridgeAttr, Bridge
}

impl LinkAdd {
    /// A bridge.
    pub fn bridge(name: impl Into<String>) -> BridgeAdd {
        BridgeAdd::from_link(LinkAdd::new(name, "bridge"), Vec::new())
    }
}

impl BridgeAdd {
    /// Spanning tree on or off (`IFLA_BR_STP_STATE`).
    #[must_use]
    pub fn stp(self, on: bool) -> Self {
        self.with(BridgeAttr::StpState(u32::from(on)))
    }

    /// Forward delay in hundredths of a second (`IFLA_BR_FORWARD_DELAY`).
    #[must_use]
    pub fn forward_delay(self, centis: u32) -> Self {
        self.with(BridgeAttr::ForwardDelay(centis))
    }

    /// Hello time in hundredths of a second (`IFLA_BR_HELLO_TIME`).
    #[must_use]
    pub fn hello_time(self, centis: u32) -> Self {
        self.with(BridgeAttr::HelloTime(centis))
    }

    /// Maximum message age in hundredths of a second (`IFLA_BR_MAX_AGE`).
    #[must_use]
    pub fn max_age(self, centis: u32) -> Self {
        self.with(BridgeAttr::MaxAge(centis))
    }

    /// FDB entry ageing time in hundredths of a second
    /// (`IFLA_BR_AGEING_TIME`).
    #[must_use]
    pub fn ageing_time(self, centis: u32) -> Self {
        self.with(BridgeAttr::AgeingTime(centis))
    }

    /// Bridge priority (`IFLA_BR_PRIORITY`).
    #[must_use]
    pub fn priority(self, priority: u16) -> Self {
        self.with(BridgeAttr::Priority(priority))
    }

    /// VLAN filtering on or off (`IFLA_BR_VLAN_FILTERING`; kernels built
    /// without `CONFIG_BRIDGE_VLAN_FILTERING` refuse to turn it on).
    #[must_use]
    pub fn vlan_filtering(self, on: bool) -> Self {
        self.with(BridgeAttr::VlanFiltering(u8::from(on)))
    }

    /// VLAN protocol, an ethertype: 0x8100 (802.1Q) or 0x88a8 (802.1ad)
    /// (`IFLA_BR_VLAN_PROTOCOL`).
    #[must_use]
    pub fn vlan_protocol(self, ethertype: u16) -> Self {
        self.with(BridgeAttr::VlanProtocol(Be16(ethertype)))
    }

    /// Default port VLAN id (`IFLA_BR_VLAN_DEFAULT_PVID`).
    #[must_use]
    pub fn vlan_default_pvid(self, vid: u16) -> Self {
        self.with(BridgeAttr::VlanDefaultPvid(vid))
    }

    /// Multicast snooping on or off (`IFLA_BR_MCAST_SNOOPING`).
    #[must_use]
    pub fn mcast_snooping(self, on: bool) -> Self {
        self.with(BridgeAttr::McastSnooping(u8::from(on)))
    }

    /// Multicast querier on or off (`IFLA_BR_MCAST_QUERIER`).
    #[must_use]
    pub fn mcast_querier(self, on: bool) -> Self {
        self.with(BridgeAttr::McastQuerier(u8::from(on)))
    }

    /// Group forward mask (`IFLA_BR_GROUP_FWD_MASK`).
    #[must_use]
    pub fn group_fwd_mask(self, mask: u16) -> Self {
        self.with(BridgeAttr::GroupFwdMask(mask))
    }
}
