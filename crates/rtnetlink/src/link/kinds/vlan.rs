//! `vlan` links (802.1Q / 802.1ad).

use netlink_packet_core::nla::Be16;
use netlink_packet_route::link::info::{VlanAttr, VlanFlagBits, VlanFlags};

use crate::link::add::kind_builder;
use crate::link::LinkAdd;

kind_builder! {
    /// Creates a VLAN link: [`LinkAdd::vlan`] plus its settings
    /// (`IFLA_VLAN_*`).
    VlanAdd, VlanAttr, Vlan
}

/// The tag protocol of a VLAN link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VlanProtocol {
    /// 802.1Q, ethertype 0x8100 (the kernel's default).
    Ieee8021Q,
    /// 802.1ad (QinQ service tag), ethertype 0x88a8.
    Ieee8021Ad,
}

impl VlanProtocol {
    /// The ethertype.
    pub fn ethertype(self) -> u16 {
        match self {
            VlanProtocol::Ieee8021Q => 0x8100,
            VlanProtocol::Ieee8021Ad => 0x88a8,
        }
    }
}

impl LinkAdd {
    /// VLAN `id` on link `parent` (`IFLA_LINK`, `IFLA_VLAN_ID`).
    pub fn vlan(name: impl Into<String>, parent: u32, id: u16) -> VlanAdd {
        let mut link = LinkAdd::new(name, "vlan").on(parent);
        if id == 0 || id >= 4095 {
            link.problem
                .get_or_insert(format!("VLAN id {id} out of range 1..=4094"));
        }
        VlanAdd::from_link(link, vec![VlanAttr::Id(id)])
    }
}

impl VlanAdd {
    /// The tag protocol (`IFLA_VLAN_PROTOCOL`).
    #[must_use]
    pub fn protocol(self, protocol: VlanProtocol) -> Self {
        self.with(VlanAttr::Protocol(Be16(protocol.ethertype())))
    }

    /// Sets the flags in `mask` to their value in `flags`
    /// (`IFLA_VLAN_FLAGS`).
    #[must_use]
    pub fn flags(self, flags: VlanFlagBits, mask: VlanFlagBits) -> Self {
        self.with(VlanAttr::Flags(VlanFlags {
            flags,
            mask,
            ..Default::default()
        }))
    }

    fn flag(self, flag: VlanFlagBits, on: bool) -> Self {
        let flags = if on { flag } else { VlanFlagBits::default() };
        self.flags(flags, flag)
    }

    /// Header reordering on receive (`VLAN_FLAG_REORDER_HDR`).
    #[must_use]
    pub fn reorder_hdr(self, on: bool) -> Self {
        self.flag(VlanFlagBits::REORDER_HDR, on)
    }

    /// GVRP registration (`VLAN_FLAG_GVRP`).
    #[must_use]
    pub fn gvrp(self, on: bool) -> Self {
        self.flag(VlanFlagBits::GVRP, on)
    }

    /// MVRP registration (`VLAN_FLAG_MVRP`).
    #[must_use]
    pub fn mvrp(self, on: bool) -> Self {
        self.flag(VlanFlagBits::MVRP, on)
    }

    /// Operational state independent of the lower link
    /// (`VLAN_FLAG_LOOSE_BINDING`).
    #[must_use]
    pub fn loose_binding(self, on: bool) -> Self {
        self.flag(VlanFlagBits::LOOSE_BINDING, on)
    }
}
