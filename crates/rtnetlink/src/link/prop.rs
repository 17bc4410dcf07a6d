//! Alternative names: [`LinkAltName`] (`RTM_NEWLINKPROP` /
//! `RTM_DELLINKPROP` with `IFLA_PROP_LIST`, Linux 5.5).

use netlink_packet_core::nla::Nested;
use netlink_packet_core::NetlinkFlags;
use netlink_packet_route::link::{LinkAttr, LinkHeader, LinkMessage};
use netlink_packet_route::RouteNetlinkMessage;
use netlink_proto::RequestOptions;

use super::{check_index, checked, note, request, Problem};
use crate::request::ack;
use crate::{Error, Request};

/// `ALTIFNAMSIZ` (linux/if.h): alternative names have at most 127 bytes
/// plus the NUL.
pub const ALTIFNAMSIZ: usize = 128;

/// Checks an alternative name: 1 to 127 bytes, no `/`, `:` or white
/// space, not `.` or `..`.
pub(crate) fn check_altname(name: &str) -> Result<(), String> {
    if name.is_empty() || name.len() >= ALTIFNAMSIZ {
        return Err(format!(
            "alternative name {name:?} must have 1 to {} bytes",
            ALTIFNAMSIZ - 1
        ));
    }
    if name == "." || name == ".." {
        return Err(format!("alternative name {name:?} is reserved"));
    }
    if let Some(c) = name
        .chars()
        .find(|&c| c == '/' || c == ':' || c == '\0' || c.is_whitespace())
    {
        return Err(format!("alternative name {name:?} contains {c:?}"));
    }
    Ok(())
}

/// Adds or removes alternative names of a link.
#[derive(Debug, Clone)]
pub struct LinkAltName {
    index: i32,
    add: bool,
    names: Vec<String>,
    problem: Problem,
}

impl LinkAltName {
    fn new(index: u32, add: bool) -> Self {
        let mut problem = None;
        let index = note(&mut problem, check_index(index)).unwrap_or(0);
        LinkAltName {
            index,
            add,
            names: Vec::new(),
            problem,
        }
    }

    /// Adds alternative names to link `index` (`RTM_NEWLINKPROP`).
    pub fn add(index: u32) -> Self {
        Self::new(index, true)
    }

    /// Removes alternative names from link `index` (`RTM_DELLINKPROP`).
    pub fn del(index: u32) -> Self {
        Self::new(index, false)
    }

    /// One more name.
    #[must_use]
    pub fn name(mut self, name: impl Into<String>) -> Self {
        let name = name.into();
        note(&mut self.problem, check_altname(&name));
        self.names.push(name);
        self
    }

    /// The request; see [invalid arguments](super#invalid-arguments).
    pub fn build(mut self) -> Request<()> {
        if self.names.is_empty() {
            self.problem
                .get_or_insert("no alternative name given".into());
        }
        let header = LinkHeader {
            index: self.index,
            ..Default::default()
        };
        let list = LinkAttr::PropList(Nested::new(
            self.names
                .into_iter()
                .map(|name| LinkAttr::AltIfName(name.into()))
                .collect(),
        ));
        let message = LinkMessage::new(header, vec![list]);
        let (message, flags) = if self.add {
            (
                RouteNetlinkMessage::NewLinkProp(message),
                NetlinkFlags::CREATE | NetlinkFlags::EXCL | NetlinkFlags::APPEND,
            )
        } else {
            (
                RouteNetlinkMessage::DelLinkProp(message),
                NetlinkFlags::empty(),
            )
        };
        request(message, flags, RequestOptions::request(), self.problem, ack)
    }

    /// The request, or the first invalid argument.
    pub fn try_build(self) -> Result<Request<()>, Error> {
        checked(self.build())
    }
}

impl From<LinkAltName> for Request<()> {
    fn from(names: LinkAltName) -> Self {
        names.build()
    }
}
