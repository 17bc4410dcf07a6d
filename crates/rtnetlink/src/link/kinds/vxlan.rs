//! `vxlan` links.

use std::net::IpAddr;

use netlink_packet_core::nla::{Be16, Be32, Flag};
use netlink_packet_route::link::info::{VxlanAttr, VxlanDf, VxlanPortRange};

use crate::link::add::kind_builder;
use crate::link::LinkAdd;

kind_builder! {
    /// Creates a vxlan link: [`LinkAdd::vxlan`] plus its settings
    /// (`IFLA_VXLAN_*`).
    VxlanAdd, VxlanAttr, Vxlan
}

impl LinkAdd {
    /// A vxlan with VNI `vni`.
    pub fn vxlan(name: impl Into<String>, vni: u32) -> VxlanAdd {
        let mut link = LinkAdd::new(name, "vxlan");
        if vni >= 1 << 24 {
            link.problem
                .get_or_insert(format!("VNI {vni} does not fit in 24 bits"));
        }
        VxlanAdd::from_link(link, vec![VxlanAttr::Id(vni)])
    }
}

impl VxlanAdd {
    /// UDP destination port (`IFLA_VXLAN_PORT`).
    #[must_use]
    pub fn port(self, port: u16) -> Self {
        self.with(VxlanAttr::Port(Be16(port)))
    }

    /// UDP source port range (`IFLA_VXLAN_PORT_RANGE`).
    #[must_use]
    pub fn port_range(self, low: u16, high: u16) -> Self {
        self.with(VxlanAttr::PortRange(VxlanPortRange {
            low: Be16(low),
            high: Be16(high),
            ..Default::default()
        }))
    }

    /// Local address of the tunnel (`IFLA_VXLAN_LOCAL` / `LOCAL6`).
    #[must_use]
    pub fn local(self, ip: IpAddr) -> Self {
        self.with(match ip {
            IpAddr::V4(ip) => VxlanAttr::Local(ip),
            IpAddr::V6(ip) => VxlanAttr::Local6(ip),
        })
    }

    /// Remote endpoint or multicast group (`IFLA_VXLAN_GROUP` / `GROUP6`).
    #[must_use]
    pub fn remote(self, ip: IpAddr) -> Self {
        self.with(match ip {
            IpAddr::V4(ip) => VxlanAttr::Group(ip),
            IpAddr::V6(ip) => VxlanAttr::Group6(ip),
        })
    }

    /// Lower device for the tunnel's traffic (`IFLA_VXLAN_LINK`).
    #[must_use]
    pub fn dev(self, index: u32) -> Self {
        self.with(VxlanAttr::Link(index))
    }

    /// Whether to learn remote addresses (`IFLA_VXLAN_LEARNING`).
    #[must_use]
    pub fn learning(self, on: bool) -> Self {
        self.with(VxlanAttr::Learning(u8::from(on)))
    }

    /// Time to live of outer packets, 0 for the route's (`IFLA_VXLAN_TTL`).
    #[must_use]
    pub fn ttl(self, ttl: u8) -> Self {
        self.with(VxlanAttr::Ttl(ttl))
    }

    /// Type of service of outer packets (`IFLA_VXLAN_TOS`).
    #[must_use]
    pub fn tos(self, tos: u8) -> Self {
        self.with(VxlanAttr::Tos(tos))
    }

    /// IPv6 flow label of outer packets (`IFLA_VXLAN_LABEL`).
    #[must_use]
    pub fn flow_label(self, label: u32) -> Self {
        self.with(VxlanAttr::Label(Be32(label)))
    }

    /// FDB entry lifetime in seconds (`IFLA_VXLAN_AGEING`).
    #[must_use]
    pub fn ageing(self, seconds: u32) -> Self {
        self.with(VxlanAttr::Ageing(seconds))
    }

    /// Maximum number of FDB entries, 0 for no limit (`IFLA_VXLAN_LIMIT`).
    #[must_use]
    pub fn limit(self, entries: u32) -> Self {
        self.with(VxlanAttr::Limit(entries))
    }

    /// ARP/ND proxy (`IFLA_VXLAN_PROXY`).
    #[must_use]
    pub fn proxy(self, on: bool) -> Self {
        self.with(VxlanAttr::Proxy(u8::from(on)))
    }

    /// Netlink notification of layer 2 misses (`IFLA_VXLAN_L2MISS`).
    #[must_use]
    pub fn l2miss(self, on: bool) -> Self {
        self.with(VxlanAttr::L2miss(u8::from(on)))
    }

    /// Netlink notification of layer 3 misses (`IFLA_VXLAN_L3MISS`).
    #[must_use]
    pub fn l3miss(self, on: bool) -> Self {
        self.with(VxlanAttr::L3miss(u8::from(on)))
    }

    /// UDP checksums over IPv4 (`IFLA_VXLAN_UDP_CSUM`).
    #[must_use]
    pub fn udp_csum(self, on: bool) -> Self {
        self.with(VxlanAttr::UdpCsum(u8::from(on)))
    }

    /// The outer header's don't-fragment bit (`IFLA_VXLAN_DF`).
    #[must_use]
    pub fn df(self, df: VxlanDf) -> Self {
        self.with(VxlanAttr::Df(df))
    }

    /// Group policy extension (`IFLA_VXLAN_GBP`).
    #[must_use]
    pub fn gbp(self) -> Self {
        self.with(VxlanAttr::Gbp(Flag))
    }

    /// Metadata-based ("external") mode (`IFLA_VXLAN_COLLECT_METADATA`).
    #[must_use]
    pub fn external(self) -> Self {
        self.with(VxlanAttr::CollectMetadata(1))
    }
}
