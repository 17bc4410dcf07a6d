//! Deleting links: [`LinkDel`].

use netlink_packet_core::NetlinkFlags;
use netlink_packet_route::link::{LinkAttr, LinkHeader, LinkMessage};
use netlink_packet_route::RouteNetlinkMessage;
use netlink_proto::RequestOptions;

use super::{check_index, check_name, checked, note, request, Problem};
use crate::request::ack;
use crate::{Error, Request};

/// Deletes a link (`RTM_DELLINK`), by index or by name. Deleting one end
/// of a veth pair deletes both.
#[derive(Debug, Clone)]
pub struct LinkDel {
    header: LinkHeader,
    attrs: Vec<LinkAttr>,
    problem: Problem,
}

impl LinkDel {
    /// Deletes link `index`.
    pub fn index(index: u32) -> Self {
        let mut problem = None;
        let index = note(&mut problem, check_index(index)).unwrap_or(0);
        LinkDel {
            header: LinkHeader {
                index,
                ..Default::default()
            },
            attrs: Vec::new(),
            problem,
        }
    }

    /// Deletes the link named `name` (`IFLA_IFNAME`; an alternative name
    /// works too, through [`LinkDel::altname`]).
    pub fn by_name(name: impl Into<String>) -> Self {
        let name = name.into();
        let mut problem = None;
        note(&mut problem, check_name(&name));
        LinkDel {
            header: LinkHeader::default(),
            attrs: vec![LinkAttr::IfName(name.into())],
            problem,
        }
    }

    /// Deletes the link with alternative name `name` (`IFLA_ALT_IFNAME`).
    pub fn altname(name: impl Into<String>) -> Self {
        let name = name.into();
        let mut problem = None;
        note(&mut problem, super::prop::check_altname(&name));
        LinkDel {
            header: LinkHeader::default(),
            attrs: vec![LinkAttr::AltIfName(name.into())],
            problem,
        }
    }

    /// The request; see [invalid arguments](super#invalid-arguments).
    pub fn build(self) -> Request<()> {
        request(
            RouteNetlinkMessage::DelLink(LinkMessage::new(self.header, self.attrs)),
            NetlinkFlags::empty(),
            RequestOptions::request(),
            self.problem,
            ack,
        )
    }

    /// The request, or the first invalid argument.
    pub fn try_build(self) -> Result<Request<()>, Error> {
        checked(self.build())
    }
}

impl From<LinkDel> for Request<()> {
    fn from(del: LinkDel) -> Self {
        del.build()
    }
}
