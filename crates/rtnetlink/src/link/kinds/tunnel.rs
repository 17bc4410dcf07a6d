//! IP tunnels: the GRE family (`gre`, `gretap`, `ip6gre`, `ip6gretap`),
//! the IP-in-IP family (`ipip`, `sit`, `ip6tnl`) and `geneve`.

use std::net::IpAddr;

use netlink_packet_core::nla::{Be16, Be32};
use netlink_packet_route::link::info::{
    GeneveAttr, GeneveDf, GreAttr, GreFlags, GreFlagsBe, IpTunnelAttr,
};

use crate::link::add::kind_builder;
use crate::link::LinkAdd;

kind_builder! {
    /// Creates a GRE tunnel: [`LinkAdd::gre`], [`LinkAdd::gretap`],
    /// [`LinkAdd::ip6gre`] or [`LinkAdd::ip6gretap`] plus its settings
    /// (`IFLA_GRE_*`). Addresses must be of the kind's family.
    GreAdd, GreAttr, Gre
}

kind_builder! {
    /// Creates an IP-in-IP tunnel: [`LinkAdd::ipip`], [`LinkAdd::sit`] or
    /// [`LinkAdd::ip6tnl`] plus its settings (`IFLA_IPTUN_*`).
    IpTunnelAdd, IpTunnelAttr, IpTunnel
}

kind_builder! {
    /// Creates a Geneve tunnel: [`LinkAdd::geneve`] plus its settings
    /// (`IFLA_GENEVE_*`).
    GeneveAdd, GeneveAttr, Geneve
}

impl LinkAdd {
    /// A GRE tunnel over IPv4 (layer 3).
    pub fn gre(name: impl Into<String>) -> GreAdd {
        GreAdd::from_link(LinkAdd::new(name, "gre"), Vec::new())
    }

    /// A GRE tunnel over IPv4 carrying Ethernet.
    pub fn gretap(name: impl Into<String>) -> GreAdd {
        GreAdd::from_link(LinkAdd::new(name, "gretap"), Vec::new())
    }

    /// A GRE tunnel over IPv6 (layer 3).
    pub fn ip6gre(name: impl Into<String>) -> GreAdd {
        GreAdd::from_link(LinkAdd::new(name, "ip6gre"), Vec::new())
    }

    /// A GRE tunnel over IPv6 carrying Ethernet.
    pub fn ip6gretap(name: impl Into<String>) -> GreAdd {
        GreAdd::from_link(LinkAdd::new(name, "ip6gretap"), Vec::new())
    }

    /// An IPv4-in-IPv4 tunnel.
    pub fn ipip(name: impl Into<String>) -> IpTunnelAdd {
        IpTunnelAdd::from_link(LinkAdd::new(name, "ipip"), Vec::new())
    }

    /// An IPv6-in-IPv4 (SIT) tunnel.
    pub fn sit(name: impl Into<String>) -> IpTunnelAdd {
        IpTunnelAdd::from_link(LinkAdd::new(name, "sit"), Vec::new())
    }

    /// An IP-in-IPv6 tunnel.
    pub fn ip6tnl(name: impl Into<String>) -> IpTunnelAdd {
        IpTunnelAdd::from_link(LinkAdd::new(name, "ip6tnl"), Vec::new())
    }

    /// A Geneve tunnel with VNI `vni`.
    pub fn geneve(name: impl Into<String>, vni: u32) -> GeneveAdd {
        let mut link = LinkAdd::new(name, "geneve");
        if vni >= 1 << 24 {
            link.problem
                .get_or_insert(format!("VNI {vni} does not fit in 24 bits"));
        }
        GeneveAdd::from_link(link, vec![GeneveAttr::Id(vni)])
    }
}

/// Notes a problem if `ip` is not of the family the tunnel kind carries.
fn check_family(link: &mut LinkAdd, ip: IpAddr) {
    let over_v6 = link.kind.starts_with("ip6");
    if over_v6 != ip.is_ipv6() {
        link.problem
            .get_or_insert(format!("address {ip} does not suit a {} tunnel", link.kind));
    }
}

impl GreAdd {
    /// Local endpoint (`IFLA_GRE_LOCAL`).
    #[must_use]
    pub fn local(mut self, ip: IpAddr) -> Self {
        check_family(&mut self.link, ip);
        self.with(GreAttr::Local(ip))
    }

    /// Remote endpoint (`IFLA_GRE_REMOTE`).
    #[must_use]
    pub fn remote(mut self, ip: IpAddr) -> Self {
        check_family(&mut self.link, ip);
        self.with(GreAttr::Remote(ip))
    }

    /// Time to live (hop limit) of outer packets, 0 to inherit
    /// (`IFLA_GRE_TTL`).
    #[must_use]
    pub fn ttl(self, ttl: u8) -> Self {
        self.with(GreAttr::Ttl(ttl))
    }

    /// Type of service of outer packets (`IFLA_GRE_TOS`).
    #[must_use]
    pub fn tos(self, tos: u8) -> Self {
        self.with(GreAttr::Tos(tos))
    }

    /// The same key both ways: `IFLA_GRE_IKEY`, `IFLA_GRE_OKEY` and the
    /// `GRE_KEY` flag in `IFLA_GRE_IFLAGS` and `IFLA_GRE_OFLAGS`, in
    /// iproute2's order.
    #[must_use]
    pub fn key(self, key: u32) -> Self {
        let flags = GreFlagsBe(GreFlags::KEY);
        self.with(GreAttr::IKey(Be32(key)))
            .with(GreAttr::OKey(Be32(key)))
            .with(GreAttr::IFlags(flags))
            .with(GreAttr::OFlags(flags))
    }

    /// Key of received packets (`IFLA_GRE_IKEY` and the `GRE_KEY` flag).
    #[must_use]
    pub fn ikey(self, key: u32) -> Self {
        self.with(GreAttr::IKey(Be32(key)))
            .with(GreAttr::IFlags(GreFlagsBe(GreFlags::KEY)))
    }

    /// Key of sent packets (`IFLA_GRE_OKEY` and the `GRE_KEY` flag).
    #[must_use]
    pub fn okey(self, key: u32) -> Self {
        self.with(GreAttr::OKey(Be32(key)))
            .with(GreAttr::OFlags(GreFlagsBe(GreFlags::KEY)))
    }

    /// Path MTU discovery (`IFLA_GRE_PMTUDISC`; on by default).
    #[must_use]
    pub fn pmtudisc(self, on: bool) -> Self {
        self.with(GreAttr::PmtuDisc(u8::from(on)))
    }

    /// Lower device (`IFLA_GRE_LINK`).
    #[must_use]
    pub fn dev(self, index: u32) -> Self {
        self.with(GreAttr::Link(index))
    }

    /// Encapsulation limit of IPv6 tunnels (`IFLA_GRE_ENCAP_LIMIT`).
    #[must_use]
    pub fn encap_limit(self, limit: u8) -> Self {
        self.with(GreAttr::EncapLimit(limit))
    }
}

impl IpTunnelAdd {
    /// Local endpoint (`IFLA_IPTUN_LOCAL`).
    #[must_use]
    pub fn local(mut self, ip: IpAddr) -> Self {
        check_family(&mut self.link, ip);
        self.with(IpTunnelAttr::Local(ip))
    }

    /// Remote endpoint (`IFLA_IPTUN_REMOTE`).
    #[must_use]
    pub fn remote(mut self, ip: IpAddr) -> Self {
        check_family(&mut self.link, ip);
        self.with(IpTunnelAttr::Remote(ip))
    }

    /// Time to live (hop limit) of outer packets, 0 to inherit
    /// (`IFLA_IPTUN_TTL`).
    #[must_use]
    pub fn ttl(self, ttl: u8) -> Self {
        self.with(IpTunnelAttr::Ttl(ttl))
    }

    /// Type of service of outer packets (`IFLA_IPTUN_TOS`).
    #[must_use]
    pub fn tos(self, tos: u8) -> Self {
        self.with(IpTunnelAttr::Tos(tos))
    }

    /// Inner protocol, iproute2's `mode` (`IFLA_IPTUN_PROTO`): `IPPROTO_IPIP`
    /// (4, `ipip`/`ip6ip`... for v4 inside), `IPPROTO_IPV6` (41, `ip6ip`
    /// for sit, `ip6ip6` for ip6tnl), `0` for any.
    #[must_use]
    pub fn proto(self, proto: u8) -> Self {
        self.with(IpTunnelAttr::Proto(proto))
    }

    /// Path MTU discovery (`IFLA_IPTUN_PMTUDISC`).
    #[must_use]
    pub fn pmtudisc(self, on: bool) -> Self {
        self.with(IpTunnelAttr::PmtuDisc(u8::from(on)))
    }

    /// Lower device (`IFLA_IPTUN_LINK`).
    #[must_use]
    pub fn dev(self, index: u32) -> Self {
        self.with(IpTunnelAttr::Link(index))
    }

    /// Encapsulation limit of ip6tnl tunnels (`IFLA_IPTUN_ENCAP_LIMIT`).
    #[must_use]
    pub fn encap_limit(self, limit: u8) -> Self {
        self.with(IpTunnelAttr::EncapLimit(limit))
    }
}

impl GeneveAdd {
    /// Remote endpoint (`IFLA_GENEVE_REMOTE` / `REMOTE6`).
    #[must_use]
    pub fn remote(self, ip: IpAddr) -> Self {
        self.with(match ip {
            IpAddr::V4(ip) => GeneveAttr::Remote(ip),
            IpAddr::V6(ip) => GeneveAttr::Remote6(ip),
        })
    }

    /// UDP destination port (`IFLA_GENEVE_PORT`; 6081 by default).
    #[must_use]
    pub fn port(self, port: u16) -> Self {
        self.with(GeneveAttr::Port(Be16(port)))
    }

    /// Time to live of outer packets (`IFLA_GENEVE_TTL`).
    #[must_use]
    pub fn ttl(self, ttl: u8) -> Self {
        self.with(GeneveAttr::Ttl(ttl))
    }

    /// Type of service of outer packets (`IFLA_GENEVE_TOS`).
    #[must_use]
    pub fn tos(self, tos: u8) -> Self {
        self.with(GeneveAttr::Tos(tos))
    }

    /// IPv6 flow label of outer packets (`IFLA_GENEVE_LABEL`).
    #[must_use]
    pub fn flow_label(self, label: u32) -> Self {
        self.with(GeneveAttr::Label(Be32(label)))
    }

    /// The outer header's don't-fragment bit (`IFLA_GENEVE_DF`).
    #[must_use]
    pub fn df(self, df: GeneveDf) -> Self {
        self.with(GeneveAttr::Df(df))
    }
}
