//! Kinds with few parameters: `tun` / `tap`, `vrf`, `xfrm`.

use netlink_packet_route::link::info::{TunAttr, TunType, VrfAttr, XfrmAttr};

use crate::link::add::kind_builder;
use crate::link::LinkAdd;

kind_builder! {
    /// Creates a persistent tun or tap device: [`LinkAdd::tun`] or
    /// [`LinkAdd::tap`] (`IFLA_TUN_*`). Kernels may refuse: Linux 6.x's
    /// tun driver answers `EOPNOTSUPP` ("tun/tap creation via rtnetlink
    /// is not supported"); then open `/dev/net/tun` with `TUNSETIFF`.
    TunAdd, TunAttr, Tun
}

kind_builder! {
    /// Creates a VRF: [`LinkAdd::vrf`] (`IFLA_VRF_TABLE`). Ports join with
    /// `master`.
    VrfAdd, VrfAttr, Vrf
}

kind_builder! {
    /// Creates an xfrm interface: [`LinkAdd::xfrm`] (`IFLA_XFRM_*`).
    XfrmAdd, XfrmAttr, Xfrm
}

impl LinkAdd {
    /// A tun device (layer 3).
    pub fn tun(name: impl Into<String>) -> TunAdd {
        TunAdd::from_link(LinkAdd::new(name, "tun"), vec![TunAttr::Type(TunType::Tun)])
    }

    /// A tap device (layer 2).
    pub fn tap(name: impl Into<String>) -> TunAdd {
        TunAdd::from_link(LinkAdd::new(name, "tun"), vec![TunAttr::Type(TunType::Tap)])
    }

    /// A VRF bound to routing table `table`.
    pub fn vrf(name: impl Into<String>, table: u32) -> VrfAdd {
        VrfAdd::from_link(LinkAdd::new(name, "vrf"), vec![VrfAttr::Table(table)])
    }

    /// An xfrm interface with interface id `if_id` (matched by policies'
    /// `if_id`).
    pub fn xfrm(name: impl Into<String>, if_id: u32) -> XfrmAdd {
        XfrmAdd::from_link(LinkAdd::new(name, "xfrm"), vec![XfrmAttr::IfId(if_id)])
    }
}

impl TunAdd {
    /// Owning user id (`IFLA_TUN_OWNER`).
    #[must_use]
    pub fn owner(self, uid: u32) -> Self {
        self.with(TunAttr::Owner(uid))
    }

    /// Owning group id (`IFLA_TUN_GROUP`).
    #[must_use]
    pub fn group_owner(self, gid: u32) -> Self {
        self.with(TunAttr::Group(gid))
    }

    /// Packet information header (`IFLA_TUN_PI`).
    #[must_use]
    pub fn packet_info(self, on: bool) -> Self {
        self.with(TunAttr::Pi(u8::from(on)))
    }

    /// Virtio net header (`IFLA_TUN_VNET_HDR`).
    #[must_use]
    pub fn vnet_hdr(self, on: bool) -> Self {
        self.with(TunAttr::VnetHdr(u8::from(on)))
    }

    /// Multiple queues (`IFLA_TUN_MULTI_QUEUE`).
    #[must_use]
    pub fn multi_queue(self, on: bool) -> Self {
        self.with(TunAttr::MultiQueue(u8::from(on)))
    }
}

impl XfrmAdd {
    /// Lower device (`IFLA_XFRM_LINK`).
    #[must_use]
    pub fn dev(self, index: u32) -> Self {
        self.with(XfrmAttr::Link(index))
    }
}
