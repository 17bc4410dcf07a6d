//! Changing links: [`LinkSet`], and [`NetnsTarget`] for moving them.

use std::fs::File;
use std::os::fd::AsRawFd;
use std::path::Path;
use std::sync::Arc;

use netlink_packet_core::NetlinkFlags;
use netlink_packet_route::link::{IfFlags, LinkAttr, LinkHeader, LinkMessage};
use netlink_packet_route::RouteNetlinkMessage;
use netlink_proto::RequestOptions;
use netlink_sys::Namespace;

use super::add::link_setters;
use super::{check_index, check_name, checked, note, request, Problem};
use crate::request::ack;
use crate::{Error, Request};

/// A network namespace to move a link into.
#[derive(Debug, Clone)]
pub enum NetnsTarget {
    /// The namespace of process `pid` (`IFLA_NET_NS_PID`).
    Pid(u32),
    /// The namespace of an open namespace file (`IFLA_NET_NS_FD`): a
    /// `/proc/PID/ns/net` or a file bound under `/run/netns`. Requests
    /// keep the file open until the kernel has answered.
    File(Arc<File>),
}

impl NetnsTarget {
    /// The namespace iproute2 calls `name` (`/run/netns/NAME`), opened
    /// now. An invalid name is [`Error::InvalidArgument`]; a missing
    /// namespace [`Error::System`].
    pub fn by_name(name: &str) -> Result<Self, Error> {
        let path = netlink_sys::netns::check_name(name)
            .map_err(|e| Error::InvalidArgument(e.to_string()))?;
        Self::by_path(path)
    }

    /// `ns` as a move target: a process's namespace by pid
    /// (`IFLA_NET_NS_PID`), a named or path namespace by its file, opened
    /// now (`IFLA_NET_NS_FD`).
    pub fn from_namespace(ns: &Namespace) -> Result<Self, Error> {
        match ns {
            Namespace::Pid(pid) => Ok(NetnsTarget::Pid(*pid)),
            Namespace::Named(name) => Self::by_name(name),
            Namespace::Path(path) => Self::by_path(path),
        }
    }

    /// The namespace file at `path`.
    pub fn by_path(path: impl AsRef<Path>) -> Result<Self, Error> {
        let path = path.as_ref();
        File::open(path)
            .map(|f| NetnsTarget::File(Arc::new(f)))
            .map_err(|source| Error::System {
                operation: format!("open {}", path.display()),
                source,
            })
    }

    /// The namespace of an open file.
    pub fn from_file(file: File) -> Self {
        NetnsTarget::File(Arc::new(file))
    }

    pub(crate) fn attr(&self) -> LinkAttr {
        match self {
            NetnsTarget::Pid(pid) => LinkAttr::NetNsPid(*pid),
            NetnsTarget::File(file) => LinkAttr::NetNsFd(file.as_raw_fd()),
        }
    }
}

/// Changes a link (`RTM_SETLINK`).
#[derive(Debug, Clone)]
pub struct LinkSet {
    header: LinkHeader,
    by_name: bool,
    attrs: Vec<LinkAttr>,
    keep: Vec<Arc<File>>,
    problem: Problem,
}

impl LinkSet {
    /// Changes link `index`.
    pub fn index(index: u32) -> Self {
        let mut problem = None;
        let index = note(&mut problem, check_index(index)).unwrap_or(0);
        LinkSet {
            header: LinkHeader {
                index,
                ..Default::default()
            },
            by_name: false,
            attrs: Vec::new(),
            keep: Vec::new(),
            problem,
        }
    }

    /// Changes the link named `name` (found by `IFLA_IFNAME`, so it cannot
    /// be renamed this way).
    pub fn by_name(name: impl Into<String>) -> Self {
        let name = name.into();
        let mut problem = None;
        note(&mut problem, check_name(&name));
        LinkSet {
            header: LinkHeader::default(),
            by_name: true,
            attrs: vec![LinkAttr::IfName(name.into())],
            keep: Vec::new(),
            problem,
        }
    }

    fn flag(mut self, flag: IfFlags, on: bool) -> Self {
        if on {
            self.header.flags.insert(flag);
        } else {
            self.header.flags.remove(flag);
        }
        self.header.change.insert(flag);
        self
    }

    /// Sets the link up (`IFF_UP`).
    #[must_use]
    pub fn up(self) -> Self {
        self.flag(IfFlags::UP, true)
    }

    /// Sets the link down.
    #[must_use]
    pub fn down(self) -> Self {
        self.flag(IfFlags::UP, false)
    }

    /// ARP on or off (`IFF_NOARP` cleared or set).
    #[must_use]
    pub fn arp(self, on: bool) -> Self {
        self.flag(IfFlags::NOARP, !on)
    }

    /// Promiscuous mode (`IFF_PROMISC`).
    #[must_use]
    pub fn promisc(self, on: bool) -> Self {
        self.flag(IfFlags::PROMISC, on)
    }

    /// Receive all multicast (`IFF_ALLMULTI`).
    #[must_use]
    pub fn allmulticast(self, on: bool) -> Self {
        self.flag(IfFlags::ALLMULTI, on)
    }

    /// Renames the link (the kernel wants it down).
    #[must_use]
    pub fn name(mut self, name: impl Into<String>) -> Self {
        let name = name.into();
        note(&mut self.problem, check_name(&name));
        if self.by_name {
            self.problem
                .get_or_insert("a link found by name cannot be renamed: use LinkSet::index".into());
        }
        self.attrs.push(LinkAttr::IfName(name.into()));
        self
    }

    /// Removes it from its master.
    #[must_use]
    pub fn nomaster(self) -> Self {
        self.master(0)
    }

    /// Carrier on or off (`IFLA_CARRIER`; drivers that support it, such
    /// as dummy, veth does not).
    #[must_use]
    pub fn carrier(mut self, on: bool) -> Self {
        self.attrs.push(LinkAttr::Carrier(u8::from(on)));
        self
    }

    /// Protocol down on or off (`IFLA_PROTO_DOWN`; drivers that support
    /// it, such as vxlan and macvlan).
    #[must_use]
    pub fn proto_down(mut self, on: bool) -> Self {
        self.attrs.push(LinkAttr::ProtoDown(u8::from(on)));
        self
    }

    /// Moves the link to the namespace of process `pid`.
    #[must_use]
    pub fn netns_pid(self, pid: u32) -> Self {
        self.netns(NetnsTarget::Pid(pid))
    }

    /// The request; see [invalid arguments](super#invalid-arguments).
    pub fn build(self) -> Request<()> {
        let keep = self.keep;
        request(
            RouteNetlinkMessage::SetLink(LinkMessage::new(self.header, self.attrs)),
            NetlinkFlags::empty(),
            RequestOptions::request(),
            self.problem,
            move |replies| {
                drop(keep);
                ack(replies)
            },
        )
    }

    /// The request, or the first invalid argument.
    pub fn try_build(self) -> Result<Request<()>, Error> {
        checked(self.build())
    }
}

link_setters!(LinkSet);

impl From<LinkSet> for Request<()> {
    fn from(set: LinkSet) -> Self {
        set.build()
    }
}
