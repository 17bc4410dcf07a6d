//! `bond` links. Ports join by setting the bond as their master:
//! `LinkSet::index(port).down().master(bond)` for an existing link (the
//! kernel wants ports down when they join), or `.master(bond)` on the
//! builder of a new one.

use netlink_packet_route::link::info::{BondAttr, BondMode, BondXmitHashPolicy};

use crate::link::add::kind_builder;
use crate::link::LinkAdd;

kind_builder! {
    /// Creates a bond: [`LinkAdd::bond`] plus its settings
    /// (`IFLA_BOND_*`).
    BondAdd, BondAttr, Bond
}

impl LinkAdd {
    /// A bond.
    pub fn bond(name: impl Into<String>) -> BondAdd {
        BondAdd::from_link(LinkAdd::new(name, "bond"), Vec::new())
    }
}

impl BondAdd {
    /// Bonding mode (`IFLA_BOND_MODE`).
    #[must_use]
    pub fn mode(self, mode: BondMode) -> Self {
        self.with(BondAttr::Mode(mode))
    }

    /// MII link monitoring interval in milliseconds (`IFLA_BOND_MIIMON`).
    #[must_use]
    pub fn miimon(self, ms: u32) -> Self {
        self.with(BondAttr::Miimon(ms))
    }

    /// Delay before enabling a port after link up, in milliseconds
    /// (`IFLA_BOND_UPDELAY`).
    #[must_use]
    pub fn updelay(self, ms: u32) -> Self {
        self.with(BondAttr::Updelay(ms))
    }

    /// Delay before disabling a port after link down, in milliseconds
    /// (`IFLA_BOND_DOWNDELAY`).
    #[must_use]
    pub fn downdelay(self, ms: u32) -> Self {
        self.with(BondAttr::Downdelay(ms))
    }

    /// The preferred port, by index (`IFLA_BOND_PRIMARY`).
    #[must_use]
    pub fn primary(self, index: u32) -> Self {
        self.with(BondAttr::Primary(index))
    }

    /// Transmit hash policy (`IFLA_BOND_XMIT_HASH_POLICY`).
    #[must_use]
    pub fn xmit_hash_policy(self, policy: BondXmitHashPolicy) -> Self {
        self.with(BondAttr::XmitHashPolicy(policy))
    }

    /// Minimum number of ports up for the bond to have carrier
    /// (`IFLA_BOND_MIN_LINKS`).
    #[must_use]
    pub fn min_links(self, n: u32) -> Self {
        self.with(BondAttr::MinLinks(n))
    }

    /// ARP monitoring interval in milliseconds (`IFLA_BOND_ARP_INTERVAL`).
    #[must_use]
    pub fn arp_interval(self, ms: u32) -> Self {
        self.with(BondAttr::ArpInterval(ms))
    }

    /// 802.3ad LACP rate: fast (`true`, every second) or slow
    /// (`IFLA_BOND_AD_LACP_RATE`).
    #[must_use]
    pub fn lacp_rate_fast(self, fast: bool) -> Self {
        self.with(BondAttr::AdLacpRate(u8::from(fast)))
    }
}
