//! `veth` pairs.

use netlink_packet_core::nla::Nested;
use netlink_packet_route::link::info::VethAttr;
use netlink_packet_route::link::{InfoData, LinkAttr, LinkHeader, LinkLayerAddress, LinkMessage};

use crate::link::add::link_setters;
use crate::link::{check_name, note, LinkAdd, NetnsTarget};
use crate::{Error, Request};

/// Creates a veth pair: [`LinkAdd::veth`] plus the peer's settings
/// (`VETH_INFO_PEER`, an `ifinfomsg` with its own attributes).
#[derive(Debug, Clone)]
pub struct VethAdd {
    link: LinkAdd,
    peer: Vec<LinkAttr>,
}

impl LinkAdd {
    /// A veth pair `name` / `peer`.
    pub fn veth(name: impl Into<String>, peer: impl Into<String>) -> VethAdd {
        let mut link = LinkAdd::new(name, "veth");
        let peer = peer.into();
        note(&mut link.problem, check_name(&peer));
        VethAdd {
            link,
            peer: vec![LinkAttr::IfName(peer.into())],
        }
    }
}

impl VethAdd {
    /// The peer's MTU.
    #[must_use]
    pub fn peer_mtu(mut self, mtu: u32) -> Self {
        self.peer.push(LinkAttr::Mtu(mtu));
        self
    }

    /// The peer's hardware address.
    #[must_use]
    pub fn peer_address(mut self, mac: impl Into<Vec<u8>>) -> Self {
        self.peer
            .push(LinkAttr::Address(LinkLayerAddress::from(mac.into())));
        self
    }

    /// Creates the peer in network namespace `target`.
    #[must_use]
    pub fn peer_netns(mut self, target: NetnsTarget) -> Self {
        self.peer.push(target.attr());
        if let NetnsTarget::File(file) = target {
            self.link.keep.push(file);
        }
        self
    }

    /// Brings the link (not the peer) up once created.
    #[must_use]
    pub fn up(mut self) -> Self {
        self.link = self.link.up();
        self
    }

    /// The generic link builder with the peer set.
    pub fn into_link_add(self) -> LinkAdd {
        let mut link = self.link;
        let peer = LinkMessage::new(LinkHeader::default(), self.peer);
        link.data = Some(InfoData::Veth(Nested::new(vec![VethAttr::Peer(peer)])));
        link
    }

    /// The request, or the first invalid argument.
    pub fn try_build(self) -> Result<Request<()>, Error> {
        self.into_link_add().try_build()
    }

    /// The request; see [invalid arguments](crate::link#invalid-arguments).
    pub fn build(self) -> Request<()> {
        self.into_link_add().build()
    }
}

impl From<VethAdd> for Request<()> {
    fn from(add: VethAdd) -> Self {
        add.build()
    }
}

link_setters!(VethAdd.link);
