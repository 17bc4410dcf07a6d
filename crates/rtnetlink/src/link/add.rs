//! Creating links: [`LinkAdd`] and the setters every link builder shares.

use std::sync::Arc;

use netlink_packet_core::NetlinkFlags;
use netlink_packet_route::link::{
    IfFlags, InfoData, LinkAttr, LinkHeader, LinkInfo, LinkInfoNest, LinkMessage,
};
use netlink_packet_route::RouteNetlinkMessage;
use netlink_proto::RequestOptions;

use super::{check_name, checked, note, request, Problem};
use crate::request::ack;
use crate::{Error, Request};

/// Creates a link (`RTM_NEWLINK` with `NLM_F_CREATE | NLM_F_EXCL`) of any
/// kind, with no kind parameters: `dummy`, `ifb`, `wireguard` and kinds
/// this crate has no builder for. The kinds with parameters have their
/// own builders, made by [`LinkAdd::veth`], [`LinkAdd::bridge`] and the
/// like.
#[derive(Debug, Clone)]
pub struct LinkAdd {
    pub(crate) name: String,
    pub(crate) kind: String,
    pub(crate) data: Option<InfoData>,
    /// `IFLA_LINK`, sent first as iproute2 does (`ip link add link DEV`).
    pub(crate) link: Option<u32>,
    pub(crate) attrs: Vec<LinkAttr>,
    pub(crate) header: LinkHeader,
    pub(crate) keep: Vec<Arc<std::fs::File>>,
    pub(crate) problem: Problem,
}

impl LinkAdd {
    /// A link named `name` of kind `kind`, with no kind parameters.
    pub fn new(name: impl Into<String>, kind: impl Into<String>) -> Self {
        let name = name.into();
        let mut problem = None;
        note(&mut problem, check_name(&name));
        LinkAdd {
            name,
            kind: kind.into(),
            data: None,
            link: None,
            attrs: Vec::new(),
            header: LinkHeader::default(),
            keep: Vec::new(),
            problem,
        }
    }

    /// A `dummy` link.
    pub fn dummy(name: impl Into<String>) -> Self {
        Self::new(name, "dummy")
    }

    /// An `ifb` (intermediate functional block) link.
    pub fn ifb(name: impl Into<String>) -> Self {
        Self::new(name, "ifb")
    }

    /// A `wireguard` link; keys and peers are set over generic netlink.
    pub fn wireguard(name: impl Into<String>) -> Self {
        Self::new(name, "wireguard")
    }

    /// Sets `IFLA_LINK`, the lower device.
    pub(crate) fn on(mut self, parent: u32) -> Self {
        self.link = Some(parent);
        self
    }

    /// Brings the link up once created.
    #[must_use]
    pub fn up(mut self) -> Self {
        self.header.flags |= IfFlags::UP;
        self.header.change |= IfFlags::UP;
        self
    }

    /// The request; see [invalid arguments](super#invalid-arguments).
    pub fn build(self) -> Request<()> {
        let mut attrs = Vec::new();
        if let Some(link) = self.link {
            attrs.push(LinkAttr::Link(link));
        }
        attrs.push(LinkAttr::IfName(self.name.into()));
        attrs.extend(self.attrs);
        let mut info = vec![LinkInfo::Kind(self.kind.into())];
        if let Some(data) = self.data {
            info.push(LinkInfo::Data(data));
        }
        attrs.push(LinkAttr::LinkInfo(LinkInfoNest::new(info)));
        let keep = self.keep;
        request(
            RouteNetlinkMessage::NewLink(LinkMessage::new(self.header, attrs)),
            NetlinkFlags::CREATE | NetlinkFlags::EXCL,
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

impl From<LinkAdd> for Request<()> {
    fn from(add: LinkAdd) -> Self {
        add.build()
    }
}

/// Setters every link builder has, creating or changing: `$link` names
/// the builder's [`LinkAdd`]-like part with fields `attrs`, `keep` and
/// `problem`.
macro_rules! link_setters {
    ($Builder:ident $(. $field:ident)?) => {
        impl $Builder {
            /// Sets the MTU (`IFLA_MTU`).
            #[must_use]
            pub fn mtu(mut self, mtu: u32) -> Self {
                self$(.$field)?.attrs.push($crate::packet::link::LinkAttr::Mtu(mtu));
                self
            }

            /// Sets the hardware address (`IFLA_ADDRESS`).
            #[must_use]
            pub fn address(mut self, mac: impl Into<Vec<u8>>) -> Self {
                self$(.$field)?
                    .attrs
                    .push($crate::packet::link::LinkAttr::Address($crate::packet::link::LinkLayerAddress::from(mac.into())));
                self
            }

            /// Makes it a port of master link `index` (`IFLA_MASTER`; 0:
            /// no master): a bridge, bond or VRF.
            #[must_use]
            pub fn master(mut self, index: u32) -> Self {
                self$(.$field)?.attrs.push($crate::packet::link::LinkAttr::Master(index));
                self
            }

            /// Sets the transmit queue length (`IFLA_TXQLEN`).
            #[must_use]
            pub fn txqueuelen(mut self, len: u32) -> Self {
                self$(.$field)?.attrs.push($crate::packet::link::LinkAttr::TxQueueLen(len));
                self
            }

            /// Sets the alias (`IFLA_IFALIAS`).
            #[must_use]
            pub fn alias(mut self, alias: impl Into<String>) -> Self {
                self$(.$field)?.attrs.push($crate::packet::link::LinkAttr::IfAlias(alias.into().into()));
                self
            }

            /// Sets the device group (`IFLA_GROUP`).
            #[must_use]
            pub fn group(mut self, group: u32) -> Self {
                self$(.$field)?.attrs.push($crate::packet::link::LinkAttr::Group(group));
                self
            }

            /// Places the link in network namespace `target`
            /// (`IFLA_NET_NS_PID` or `IFLA_NET_NS_FD`); a namespace file
            /// stays open until the kernel has answered.
            #[must_use]
            pub fn netns(mut self, target: $crate::link::NetnsTarget) -> Self {
                let attr = target.attr();
                if let $crate::link::NetnsTarget::File(file) = target {
                    self$(.$field)?.keep.push(file);
                }
                self$(.$field)?.attrs.push(attr);
                self
            }
        }
    };
}
pub(crate) use link_setters;

link_setters!(LinkAdd);

/// A builder for one kind: a [`LinkAdd`] plus the kind's `IFLA_INFO_DATA`
/// attributes, with the shared setters, `up`, `build`, `try_build` and
/// the conversion into a request.
macro_rules! kind_builder {
    ($(#[$doc:meta])* $Builder:ident, $Attr:ty, $Variant:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone)]
        pub struct $Builder {
            link: $crate::link::LinkAdd,
            attrs: Vec<$Attr>,
        }

        impl $Builder {
            fn from_link(link: $crate::link::LinkAdd, attrs: Vec<$Attr>) -> Self {
                $Builder { link, attrs }
            }

            #[allow(dead_code)]
            fn with(mut self, attr: $Attr) -> Self {
                self.attrs.push(attr);
                self
            }

            /// Brings the link up once created.
            #[must_use]
            pub fn up(mut self) -> Self {
                self.link = self.link.up();
                self
            }

            /// The generic link builder with this kind's data set.
            pub fn into_link_add(self) -> $crate::link::LinkAdd {
                let mut link = self.link;
                link.data = Some(
                    netlink_packet_route::link::InfoData::$Variant(
                        netlink_packet_core::nla::Nested::new(self.attrs),
                    ),
                );
                link
            }

            /// The request, or the first invalid argument.
            pub fn try_build(self) -> Result<$crate::Request<()>, $crate::Error> {
                self.into_link_add().try_build()
            }

            /// The request; see
            /// [invalid arguments](crate::link#invalid-arguments).
            pub fn build(self) -> $crate::Request<()> {
                self.into_link_add().build()
            }
        }

        impl From<$Builder> for $crate::Request<()> {
            fn from(add: $Builder) -> Self {
                add.build()
            }
        }

        $crate::link::add::link_setters!($Builder.link);
    };
}
pub(crate) use kind_builder;
