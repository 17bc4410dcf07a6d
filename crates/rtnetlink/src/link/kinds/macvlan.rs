//! `macvlan` / `macvtap` and `ipvlan` / `ipvtap` links: virtual links on
//! a parent link.

use netlink_packet_route::link::info::{
    IpVlanAttr, IpVlanFlags, IpVlanMode, MacVlanAttr, MacVlanFlags, MacVlanMode,
};

use crate::link::add::kind_builder;
use crate::link::LinkAdd;

kind_builder! {
    /// Creates a macvlan or macvtap link: [`LinkAdd::macvlan`] or
    /// [`LinkAdd::macvtap`] plus its settings (`IFLA_MACVLAN_*`).
    MacVlanAdd, MacVlanAttr, MacVlan
}

kind_builder! {
    /// Creates an ipvlan or ipvtap link: [`LinkAdd::ipvlan`] or
    /// [`LinkAdd::ipvtap`] plus its flags (`IFLA_IPVLAN_*`).
    IpVlanAdd, IpVlanAttr, IpVlan
}

impl LinkAdd {
    /// A macvlan on link `parent` in `mode`.
    pub fn macvlan(name: impl Into<String>, parent: u32, mode: MacVlanMode) -> MacVlanAdd {
        let link = LinkAdd::new(name, "macvlan").on(parent);
        MacVlanAdd::from_link(link, vec![MacVlanAttr::Mode(mode)])
    }

    /// A macvtap (a macvlan with a character device) on link `parent` in
    /// `mode`.
    pub fn macvtap(name: impl Into<String>, parent: u32, mode: MacVlanMode) -> MacVlanAdd {
        let link = LinkAdd::new(name, "macvtap").on(parent);
        MacVlanAdd::from_link(link, vec![MacVlanAttr::Mode(mode)])
    }

    /// An ipvlan on link `parent` in `mode`.
    pub fn ipvlan(name: impl Into<String>, parent: u32, mode: IpVlanMode) -> IpVlanAdd {
        let link = LinkAdd::new(name, "ipvlan").on(parent);
        IpVlanAdd::from_link(link, vec![IpVlanAttr::Mode(mode)])
    }

    /// An ipvtap on link `parent` in `mode`.
    pub fn ipvtap(name: impl Into<String>, parent: u32, mode: IpVlanMode) -> IpVlanAdd {
        let link = LinkAdd::new(name, "ipvtap").on(parent);
        IpVlanAdd::from_link(link, vec![IpVlanAttr::Mode(mode)])
    }
}

impl MacVlanAdd {
    /// Flags (`IFLA_MACVLAN_FLAGS`), such as `NOPROMISC` for passthru.
    #[must_use]
    pub fn flags(self, flags: MacVlanFlags) -> Self {
        self.with(MacVlanAttr::Flags(flags))
    }

    /// Length of the broadcast/multicast queue (`IFLA_MACVLAN_BC_QUEUE_LEN`).
    #[must_use]
    pub fn bc_queue_len(self, len: u32) -> Self {
        self.with(MacVlanAttr::BcQueueLen(len))
    }
}

impl IpVlanAdd {
    /// Flags (`IFLA_IPVLAN_FLAGS`): `PRIVATE`, `VEPA`, or neither (bridge).
    #[must_use]
    pub fn flags(self, flags: IpVlanFlags) -> Self {
        self.with(IpVlanAttr::Flags(flags))
    }
}
