//! Network namespace ids (`RTM_NEWNSID`, `RTM_GETNSID`,
//! linux/net_namespace.h), as `ip netns set` and `ip netns list-id` manage
//! them: the number by which this namespace knows another one (link
//! messages carry it in `IFLA_LINK_NETNSID`).
//!
//! A namespace is named by a process in it or by an open file of it. Open
//! files travel as a descriptor number, so requests naming one own it and
//! keep it open until their answer has come.

use std::fs::File;
use std::os::fd::{AsRawFd, OwnedFd};

use netlink_packet_core::NetlinkFlags;
use netlink_packet_route::nsid::{NsidAttr, NsidHeader, NsidMessage, NETNSA_NSID_NOT_ASSIGNED};
use netlink_packet_route::RouteNetlinkMessage;
use netlink_proto::RequestOptions;
use netlink_sys::Namespace;

use crate::request::single;
use crate::{Error, Request};

/// A namespace as `RTM_*NSID` requests name it.
#[derive(Debug)]
enum Target {
    Pid(u32),
    Fd(OwnedFd),
}

impl Target {
    fn open(namespace: &Namespace) -> Result<Target, Error> {
        if let Namespace::Named(name) = namespace {
            if name.is_empty() || name == "." || name == ".." || name.contains(['/', '\0']) {
                return Err(Error::InvalidArgument(format!(
                    "namespace name {name:?} is not a file name under /run/netns"
                )));
            }
        }
        let path = namespace.path();
        File::open(&path)
            .map(|file| Target::Fd(file.into()))
            .map_err(|source| Error::System {
                operation: format!("open {}", path.display()),
                source,
            })
    }

    /// The attribute naming the namespace, and what must outlive the
    /// request for that attribute to stay true.
    fn attr(self) -> (NsidAttr, Option<OwnedFd>) {
        match self {
            Target::Pid(pid) => (NsidAttr::Pid(pid), None),
            Target::Fd(fd) => {
                // An open descriptor is never negative.
                let number = u32::try_from(fd.as_raw_fd()).unwrap_or(u32::MAX);
                (NsidAttr::Fd(number), Some(fd))
            }
        }
    }
}

fn message(attrs: Vec<NsidAttr>) -> NsidMessage {
    NsidMessage::new(NsidHeader::default(), attrs)
}

/// Gives another namespace an id in this one (`RTM_NEWNSID`, `ip netns set
/// NAME ID`). [`Error::AlreadyExists`] when the namespace has an id already
/// or the id is taken.
#[derive(Debug)]
pub struct NsidSet {
    target: Target,
    nsid: i32,
}

impl NsidSet {
    /// The namespace of process `pid` gets id `nsid` (a negative `nsid`:
    /// the kernel picks the lowest free one, `ip netns set NAME auto`).
    pub fn pid(pid: u32, nsid: i32) -> Self {
        NsidSet {
            target: Target::Pid(pid),
            nsid,
        }
    }

    /// The namespace open as `fd` (say a `File` of `/run/netns/NAME` or
    /// `/proc/PID/ns/net`) gets id `nsid`; the request keeps `fd` open
    /// until answered.
    pub fn fd(fd: impl Into<OwnedFd>, nsid: i32) -> Self {
        NsidSet {
            target: Target::Fd(fd.into()),
            nsid,
        }
    }

    /// Namespace `namespace` gets id `nsid`; [`Error::System`] when its
    /// file cannot be opened, [`Error::InvalidArgument`] for a name that
    /// is no file name (empty, `.`, `..`, with a `/`).
    pub fn namespace(namespace: &Namespace, nsid: i32) -> Result<Self, Error> {
        Ok(NsidSet {
            target: Target::open(namespace)?,
            nsid,
        })
    }

    /// The request.
    pub fn build(self) -> Request<()> {
        let (attr, keep) = self.target.attr();
        Request::new(
            RouteNetlinkMessage::NewNsid(message(vec![attr, NsidAttr::Nsid(self.nsid)])),
            NetlinkFlags::empty(),
            RequestOptions::request(),
            move |_| {
                drop(keep);
                Ok(())
            },
        )
    }
}

impl From<NsidSet> for Request<()> {
    fn from(set: NsidSet) -> Self {
        set.build()
    }
}

/// Reads the id this namespace has for another one (`RTM_GETNSID`, `ip
/// netns list-id` of one namespace): `None` when it has none (the kernel's
/// `NETNSA_NSID_NOT_ASSIGNED`).
#[derive(Debug)]
pub struct NsidGet {
    target: Target,
    seen_from: Option<i32>,
}

impl NsidGet {
    /// The id of the namespace of process `pid`.
    pub fn pid(pid: u32) -> Self {
        NsidGet {
            target: Target::Pid(pid),
            seen_from: None,
        }
    }

    /// The id of the namespace open as `fd`; the request keeps it open
    /// until answered.
    pub fn fd(fd: impl Into<OwnedFd>) -> Self {
        NsidGet {
            target: Target::Fd(fd.into()),
            seen_from: None,
        }
    }

    /// The id of namespace `namespace`; [`Error::System`] when its file
    /// cannot be opened, [`Error::InvalidArgument`] for a name that is no
    /// file name.
    pub fn namespace(namespace: &Namespace) -> Result<Self, Error> {
        Ok(NsidGet {
            target: Target::open(namespace)?,
            seen_from: None,
        })
    }

    /// The id the namespace has in the namespace this one knows as `nsid`
    /// (`NETNSA_TARGET_NSID`), instead of in this one.
    #[must_use]
    pub fn target(mut self, nsid: i32) -> Self {
        self.seen_from = Some(nsid);
        self
    }

    /// The request.
    pub fn build(self) -> Request<Option<i32>> {
        let (attr, keep) = self.target.attr();
        let mut attrs = vec![attr];
        attrs.extend(self.seen_from.map(NsidAttr::TargetNsid));
        Request::new(
            RouteNetlinkMessage::GetNsid(message(attrs)),
            NetlinkFlags::empty(),
            RequestOptions::request(),
            move |replies| {
                drop(keep);
                let reply = single(
                    replies,
                    |m| match m {
                        RouteNetlinkMessage::NewNsid(n) => Some(n),
                        _ => None,
                    },
                    "RTM_NEWNSID",
                )?;
                let nsid = reply
                    .nsid()
                    .ok_or_else(|| Error::Decode("RTM_NEWNSID without NETNSA_NSID".into()))?;
                Ok((nsid != NETNSA_NSID_NOT_ASSIGNED).then_some(nsid))
            },
        )
    }
}

impl From<NsidGet> for Request<Option<i32>> {
    fn from(get: NsidGet) -> Self {
        get.build()
    }
}

/// Dumps every namespace id of this namespace (`RTM_GETNSID` with
/// `NLM_F_DUMP`, `ip netns list-id`): one message per id, the id in
/// `NETNSA_NSID`.
#[derive(Debug, Clone, Copy, Default)]
pub struct NsidDump {
    target: Option<i32>,
}

impl NsidDump {
    /// Every id.
    pub fn new() -> Self {
        Self::default()
    }

    /// The ids of the namespace this one knows as `nsid` instead
    /// (`NETNSA_TARGET_NSID`, `ip netns list-id target-nsid NSID`); each
    /// reply also says, in `NETNSA_CURRENT_NSID`, the id this namespace
    /// has there.
    #[must_use]
    pub fn target(mut self, nsid: i32) -> Self {
        self.target = Some(nsid);
        self
    }

    /// The request.
    pub fn build(self) -> Request<Vec<NsidMessage>> {
        let attrs = self.target.map(NsidAttr::TargetNsid).into_iter().collect();
        Request::new(
            RouteNetlinkMessage::GetNsid(message(attrs)),
            NetlinkFlags::empty(),
            RequestOptions::dump(),
            |replies| {
                Ok(replies
                    .into_iter()
                    .filter_map(|m| match m {
                        RouteNetlinkMessage::NewNsid(n) => Some(n),
                        _ => None,
                    })
                    .collect())
            },
        )
    }
}

impl From<NsidDump> for Request<Vec<NsidMessage>> {
    fn from(dump: NsidDump) -> Self {
        dump.build()
    }
}
