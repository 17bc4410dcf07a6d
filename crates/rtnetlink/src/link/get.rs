//! Reading links: [`LinkGet`] for one, [`LinkDump`] for many.

use netlink_packet_core::NetlinkFlags;
use netlink_packet_route::link::{
    IfFlags, LinkAttr, LinkHeader, LinkInfo, LinkInfoNest, LinkMessage,
};
use netlink_packet_route::RouteNetlinkMessage;
use netlink_proto::RequestOptions;

use super::{check_index, check_name, new_link, note, prop::check_altname, request, Problem};
use crate::request::single;
use crate::Request;

/// Reads links (`RTM_GETLINK`).
#[derive(Debug, Clone, Copy)]
pub struct LinkGet;

impl LinkGet {
    fn one(header: LinkHeader, attrs: Vec<LinkAttr>, problem: Problem) -> Request<LinkMessage> {
        request(
            RouteNetlinkMessage::GetLink(LinkMessage::new(header, attrs)),
            NetlinkFlags::empty(),
            RequestOptions::request(),
            problem,
            |replies| single(replies, new_link, "RTM_NEWLINK"),
        )
    }

    /// The link named `name`.
    pub fn by_name(name: impl Into<String>) -> Request<LinkMessage> {
        let name = name.into();
        let problem = check_name(&name).err();
        Self::one(
            LinkHeader::default(),
            vec![LinkAttr::IfName(name.into())],
            problem,
        )
    }

    /// The link with alternative name `name` (`IFLA_ALT_IFNAME`).
    pub fn by_altname(name: impl Into<String>) -> Request<LinkMessage> {
        let name = name.into();
        let problem = check_altname(&name).err();
        Self::one(
            LinkHeader::default(),
            vec![LinkAttr::AltIfName(name.into())],
            problem,
        )
    }

    /// The link of index `index`.
    pub fn by_index(index: u32) -> Request<LinkMessage> {
        let mut problem = None;
        let header = LinkHeader {
            index: note(&mut problem, check_index(index)).unwrap_or(0),
            ..Default::default()
        };
        Self::one(header, vec![], problem)
    }

    /// Every link; see [`LinkDump`] for filters.
    pub fn dump() -> LinkDump {
        LinkDump::default()
    }
}

/// Dumps links (`RTM_GETLINK` with `NLM_F_DUMP`). The master and kind
/// filters go into the request, where the kernel applies them
/// (`IFLA_MASTER`, `IFLA_LINKINFO` / `IFLA_INFO_KIND`); every filter is
/// applied to the replies as well, so results are right on kernels that
/// ignore them.
#[derive(Debug, Clone, Default)]
pub struct LinkDump {
    master: Option<u32>,
    kind: Option<String>,
    name_prefix: Option<String>,
    up_only: bool,
}

impl LinkDump {
    /// Only the ports of master link `index` (`IFLA_MASTER`).
    #[must_use]
    pub fn master(mut self, index: u32) -> Self {
        self.master = Some(index);
        self
    }

    /// Only links of kind `kind` (`IFLA_LINKINFO` / `IFLA_INFO_KIND`).
    #[must_use]
    pub fn kind(mut self, kind: impl Into<String>) -> Self {
        self.kind = Some(kind.into());
        self
    }

    /// Only links whose name starts with `prefix` (client-side).
    #[must_use]
    pub fn name_prefix(mut self, prefix: impl Into<String>) -> Self {
        self.name_prefix = Some(prefix.into());
        self
    }

    /// Only links that are administratively up (client-side).
    #[must_use]
    pub fn up_only(mut self) -> Self {
        self.up_only = true;
        self
    }

    /// The request.
    pub fn build(self) -> Request<Vec<LinkMessage>> {
        let mut attrs = Vec::new();
        if let Some(master) = self.master {
            attrs.push(LinkAttr::Master(master));
        }
        if let Some(kind) = &self.kind {
            attrs.push(LinkAttr::LinkInfo(LinkInfoNest::new(vec![LinkInfo::Kind(
                kind.as_str().into(),
            )])));
        }
        let LinkDump {
            master,
            kind,
            name_prefix,
            up_only,
        } = self;
        let wanted = move |link: &LinkMessage| {
            master.map_or(true, |m| master_of(link) == Some(m))
                && kind.as_deref().map_or(true, |k| link.kind() == Some(k))
                && name_prefix
                    .as_deref()
                    .map_or(true, |p| link.name().is_some_and(|n| n.starts_with(p)))
                && (!up_only || link.header.flags.contains(IfFlags::UP))
        };
        Request::each_reply(
            RouteNetlinkMessage::GetLink(LinkMessage::new(LinkHeader::default(), attrs)),
            NetlinkFlags::empty(),
            RequestOptions::dump(),
            move |reply| new_link(reply).filter(&wanted),
        )
    }
}

impl From<LinkDump> for Request<Vec<LinkMessage>> {
    fn from(dump: LinkDump) -> Self {
        dump.build()
    }
}

fn master_of(link: &LinkMessage) -> Option<u32> {
    link.attrs.iter().find_map(|a| match a {
        LinkAttr::Master(m) => Some(*m),
        _ => None,
    })
}
