//! Link operations: add, set, delete, get and dump.

use std::net::IpAddr;

use netlink_packet_core::nla::{Be16, Nested};
use netlink_packet_core::NetlinkFlags;
use netlink_packet_route::link::info::{MacVlanAttr, MacVlanMode, VethAttr, VxlanAttr};
use netlink_packet_route::link::{
    IfFlags, InfoData, LinkAttr, LinkHeader, LinkInfo, LinkInfoNest, LinkLayerAddress, LinkMessage,
};
use netlink_packet_route::RouteNetlinkMessage;
use netlink_proto::RequestOptions;

use crate::request::{ack, picked, single};
use crate::Request;

fn new_link(message: RouteNetlinkMessage) -> Option<LinkMessage> {
    match message {
        RouteNetlinkMessage::NewLink(link) => Some(link),
        _ => None,
    }
}

/// Creates a link (`RTM_NEWLINK` with `NLM_F_CREATE | NLM_F_EXCL`).
#[derive(Debug, Clone)]
pub struct LinkAdd {
    name: String,
    kind: String,
    data: Option<InfoData>,
    attrs: Vec<LinkAttr>,
    up: bool,
}

impl LinkAdd {
    /// A link named `name` of kind `kind`, with no kind parameters.
    pub fn new(name: impl Into<String>, kind: impl Into<String>) -> Self {
        LinkAdd {
            name: name.into(),
            kind: kind.into(),
            data: None,
            attrs: Vec::new(),
            up: false,
        }
    }

    /// A veth pair `name` / `peer`.
    pub fn veth(name: impl Into<String>, peer: impl Into<String>) -> Self {
        let peer = LinkMessage::new(LinkHeader::default(), vec![LinkAttr::IfName(peer.into())]);
        let mut add = Self::new(name, "veth");
        add.data = Some(InfoData::Veth(Nested::new(vec![VethAttr::Peer(peer)])));
        add
    }

    /// A bridge.
    pub fn bridge(name: impl Into<String>) -> Self {
        Self::new(name, "bridge")
    }

    /// A macvlan on link `parent` in `mode`.
    pub fn macvlan(name: impl Into<String>, parent: u32, mode: MacVlanMode) -> Self {
        let mut add = Self::new(name, "macvlan");
        add.data = Some(InfoData::MacVlan(Nested::new(vec![MacVlanAttr::Mode(
            mode,
        )])));
        add.attrs.push(LinkAttr::Link(parent));
        add
    }

    /// A vxlan with VNI `vni`; see [`VxlanAdd`] for its settings.
    pub fn vxlan(name: impl Into<String>, vni: u32) -> VxlanAdd {
        VxlanAdd {
            link: Self::new(name, "vxlan"),
            attrs: vec![VxlanAttr::Id(vni)],
        }
    }

    /// Brings the link up once created.
    #[must_use]
    pub fn up(mut self) -> Self {
        self.up = true;
        self
    }

    /// The request.
    pub fn build(self) -> Request<()> {
        let mut header = LinkHeader::default();
        if self.up {
            header.flags = IfFlags::UP;
            header.change = IfFlags::UP;
        }
        let mut attrs = vec![LinkAttr::IfName(self.name)];
        attrs.extend(self.attrs);
        let mut info = vec![LinkInfo::Kind(self.kind)];
        if let Some(data) = self.data {
            info.push(LinkInfo::Data(data));
        }
        attrs.push(LinkAttr::LinkInfo(LinkInfoNest::new(info)));
        Request::new(
            RouteNetlinkMessage::NewLink(LinkMessage::new(header, attrs)),
            NetlinkFlags::CREATE | NetlinkFlags::EXCL,
            RequestOptions::request(),
            ack,
        )
    }
}

impl From<LinkAdd> for Request<()> {
    fn from(add: LinkAdd) -> Self {
        add.build()
    }
}

/// Creates a vxlan link: [`LinkAdd::vxlan`] plus its settings.
#[derive(Debug, Clone)]
pub struct VxlanAdd {
    link: LinkAdd,
    attrs: Vec<VxlanAttr>,
}

impl VxlanAdd {
    /// UDP destination port.
    #[must_use]
    pub fn port(mut self, port: u16) -> Self {
        self.attrs.push(VxlanAttr::Port(Be16(port)));
        self
    }

    /// Local address of the tunnel.
    #[must_use]
    pub fn local(mut self, ip: IpAddr) -> Self {
        self.attrs.push(match ip {
            IpAddr::V4(ip) => VxlanAttr::Local(ip),
            IpAddr::V6(ip) => VxlanAttr::Local6(ip),
        });
        self
    }

    /// Remote endpoint or multicast group.
    #[must_use]
    pub fn remote(mut self, ip: IpAddr) -> Self {
        self.attrs.push(match ip {
            IpAddr::V4(ip) => VxlanAttr::Group(ip),
            IpAddr::V6(ip) => VxlanAttr::Group6(ip),
        });
        self
    }

    /// Lower device for the tunnel's traffic.
    #[must_use]
    pub fn dev(mut self, index: u32) -> Self {
        self.attrs.push(VxlanAttr::Link(index));
        self
    }

    /// Whether to learn remote addresses.
    #[must_use]
    pub fn learning(mut self, on: bool) -> Self {
        self.attrs.push(VxlanAttr::Learning(u8::from(on)));
        self
    }

    /// Sets the MTU.
    #[must_use]
    pub fn mtu(mut self, mtu: u32) -> Self {
        self.link = self.link.mtu(mtu);
        self
    }

    /// Brings the link up once created.
    #[must_use]
    pub fn up(mut self) -> Self {
        self.link = self.link.up();
        self
    }

    /// The request.
    pub fn build(self) -> Request<()> {
        let mut link = self.link;
        link.data = Some(InfoData::Vxlan(Nested::new(self.attrs)));
        link.build()
    }
}

impl From<VxlanAdd> for Request<()> {
    fn from(add: VxlanAdd) -> Self {
        add.build()
    }
}

/// Attribute setters that creating and changing a link share.
macro_rules! link_attr_setters {
    ($($Builder:ident),*) => {$(
        impl $Builder {
            /// Sets the MTU.
            #[must_use]
            pub fn mtu(mut self, mtu: u32) -> Self {
                self.attrs.push(LinkAttr::Mtu(mtu));
                self
            }

            /// Sets the hardware address.
            #[must_use]
            pub fn address(mut self, mac: impl Into<Vec<u8>>) -> Self {
                self.attrs.push(LinkAttr::Address(LinkLayerAddress(mac.into())));
                self
            }

            /// Makes it a port of master link `index` (0: no master).
            #[must_use]
            pub fn master(mut self, index: u32) -> Self {
                self.attrs.push(LinkAttr::Master(index));
                self
            }

            /// Sets the transmit queue length.
            #[must_use]
            pub fn txqueuelen(mut self, len: u32) -> Self {
                self.attrs.push(LinkAttr::TxQueueLen(len));
                self
            }
        }
    )*};
}

link_attr_setters!(LinkAdd, LinkSet);

/// Changes a link (`RTM_SETLINK`).
#[derive(Debug, Clone)]
pub struct LinkSet {
    header: LinkHeader,
    attrs: Vec<LinkAttr>,
}

impl LinkSet {
    /// Changes link `index`.
    pub fn index(index: u32) -> Self {
        LinkSet {
            header: LinkHeader {
                index: i32::try_from(index).unwrap_or(i32::MAX),
                ..Default::default()
            },
            attrs: Vec::new(),
        }
    }

    /// Sets the link up.
    #[must_use]
    pub fn up(mut self) -> Self {
        self.header.flags = IfFlags::UP;
        self.header.change = IfFlags::UP;
        self
    }

    /// Sets the link down.
    #[must_use]
    pub fn down(mut self) -> Self {
        self.header.flags = IfFlags::default();
        self.header.change = IfFlags::UP;
        self
    }

    /// Renames the link (the kernel wants it down).
    #[must_use]
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.attrs.push(LinkAttr::IfName(name.into()));
        self
    }

    /// Removes it from its master.
    #[must_use]
    pub fn nomaster(self) -> Self {
        self.master(0)
    }

    /// Sets the alias.
    #[must_use]
    pub fn alias(mut self, alias: impl Into<String>) -> Self {
        self.attrs.push(LinkAttr::IfAlias(alias.into()));
        self
    }

    /// The request.
    pub fn build(self) -> Request<()> {
        Request::new(
            RouteNetlinkMessage::SetLink(LinkMessage::new(self.header, self.attrs)),
            NetlinkFlags::empty(),
            RequestOptions::request(),
            ack,
        )
    }
}

impl From<LinkSet> for Request<()> {
    fn from(set: LinkSet) -> Self {
        set.build()
    }
}

/// Deletes a link (`RTM_DELLINK`).
#[derive(Debug, Clone, Copy)]
pub struct LinkDel;

impl LinkDel {
    /// Deletes link `index`.
    pub fn index(index: u32) -> Request<()> {
        let header = LinkHeader {
            index: i32::try_from(index).unwrap_or(i32::MAX),
            ..Default::default()
        };
        Request::new(
            RouteNetlinkMessage::DelLink(LinkMessage::new(header, vec![])),
            NetlinkFlags::empty(),
            RequestOptions::request(),
            ack,
        )
    }
}

/// Reads links (`RTM_GETLINK`).
#[derive(Debug, Clone, Copy)]
pub struct LinkGet;

impl LinkGet {
    fn one(header: LinkHeader, attrs: Vec<LinkAttr>) -> Request<LinkMessage> {
        Request::new(
            RouteNetlinkMessage::GetLink(LinkMessage::new(header, attrs)),
            NetlinkFlags::empty(),
            RequestOptions::request(),
            |replies| single(replies, new_link, "RTM_NEWLINK"),
        )
    }

    /// The link named `name`.
    pub fn by_name(name: impl Into<String>) -> Request<LinkMessage> {
        Self::one(LinkHeader::default(), vec![LinkAttr::IfName(name.into())])
    }

    /// The link of index `index`.
    pub fn by_index(index: u32) -> Request<LinkMessage> {
        let header = LinkHeader {
            index: i32::try_from(index).unwrap_or(i32::MAX),
            ..Default::default()
        };
        Self::one(header, vec![])
    }

    /// Every link.
    pub fn dump() -> Request<Vec<LinkMessage>> {
        Request::new(
            RouteNetlinkMessage::GetLink(LinkMessage::new(LinkHeader::default(), vec![])),
            NetlinkFlags::empty(),
            RequestOptions::dump(),
            |replies| Ok(picked(replies, new_link)),
        )
    }
}
