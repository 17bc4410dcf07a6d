//! Bridge forwarding database entries: `AF_BRIDGE` neighbour messages, as
//! `bridge fdb` shows them.

use std::net::IpAddr;

use netlink_packet_core::nla::Be16;
use netlink_packet_core::NetlinkFlags;
use netlink_packet_route::link::LinkLayerAddress;
use netlink_packet_route::neighbour::{
    NeighbourAttr, NeighbourFamily, NeighbourFlags, NeighbourHeader, NeighbourMessage,
    NeighbourState,
};
use netlink_packet_route::RouteNetlinkMessage;
use netlink_proto::RequestOptions;

use super::{checked, ifindex, index_problem, new_neighbour};
use crate::request::ack;
use crate::Request;

/// The state `bridge fdb` sends for `permanent` and by default, adding or
/// deleting: the kernel's own-table handlers (`ndo_dflt_fdb_add` /
/// `_del`) want `NUD_PERMANENT` in both.
const PERMANENT: NeighbourState =
    NeighbourState(NeighbourState::NOARP.bits() | NeighbourState::PERMANENT.bits());

/// The fields that name an FDB entry and that adding and deleting share.
#[derive(Debug, Clone)]
struct Entry {
    header: NeighbourHeader,
    attrs: Vec<NeighbourAttr>,
    problem: Option<String>,
}

impl Entry {
    fn new(port: u32, mac: Vec<u8>) -> Self {
        Entry {
            header: NeighbourHeader {
                family: NeighbourFamily::Bridge,
                index: ifindex(port),
                state: PERMANENT,
                ..Default::default()
            },
            attrs: vec![NeighbourAttr::LinkLocalAddress(LinkLayerAddress::from(mac))],
            problem: index_problem(port),
        }
    }

    /// `bridge fdb` sends `NTF_SELF` when neither `self` nor `master` is
    /// asked for.
    fn request(
        mut self,
        wrap: fn(NeighbourMessage) -> RouteNetlinkMessage,
        flags: NetlinkFlags,
    ) -> Request<()> {
        let placement = NeighbourFlags::SELF | NeighbourFlags::MASTER;
        if self.header.flags.bits() & placement.bits() == 0 {
            self.header.flags |= NeighbourFlags::SELF;
        }
        let message = wrap(NeighbourMessage::new(self.header, self.attrs));
        checked(message, flags, self.problem, ack)
    }
}

/// Setters naming an FDB entry, shared by [`FdbAdd`] and [`FdbDel`].
macro_rules! entry_setters {
    ($($Builder:ident),*) => {$(
        impl $Builder {
            /// The entry is in the port's own table (`NTF_SELF`, `self`):
            /// the device's table, a vxlan's remote list. The default when
            /// [`master`](Self::master) is not asked for.
            #[must_use]
            pub fn self_table(mut self) -> Self {
                self.entry.header.flags |= NeighbourFlags::SELF;
                self
            }

            /// The entry is in the table of the port's master bridge
            /// (`NTF_MASTER`, `master`).
            #[must_use]
            pub fn master(mut self) -> Self {
                self.entry.header.flags |= NeighbourFlags::MASTER;
                self
            }

            /// The VLAN the entry belongs to (`NDA_VLAN`).
            #[must_use]
            pub fn vlan(mut self, vlan: u16) -> Self {
                self.entry.attrs.push(NeighbourAttr::Vlan(vlan));
                self
            }

            /// The remote tunnel endpoint of a vxlan entry (`NDA_DST`).
            #[must_use]
            pub fn dst(mut self, ip: IpAddr) -> Self {
                self.entry.attrs.push(NeighbourAttr::Destination(ip.into()));
                self
            }

            /// The VNI to use towards the remote of a vxlan entry (`NDA_VNI`).
            #[must_use]
            pub fn vni(mut self, vni: u32) -> Self {
                self.entry.attrs.push(NeighbourAttr::Vni(vni));
                self
            }

            /// The UDP port of the remote of a vxlan entry (`NDA_PORT`).
            #[must_use]
            pub fn port(mut self, port: u16) -> Self {
                self.entry.attrs.push(NeighbourAttr::Port(Be16(port)));
                self
            }

            /// The device through which a vxlan entry's remote is reached
            /// (`NDA_IFINDEX`, `via`).
            #[must_use]
            pub fn via(mut self, index: u32) -> Self {
                self.entry.attrs.push(NeighbourAttr::IfIndex(index));
                self
            }

            /// The source VNI, for a collect-metadata vxlan (`NDA_SRC_VNI`).
            #[must_use]
            pub fn src_vni(mut self, vni: u32) -> Self {
                self.entry.attrs.push(NeighbourAttr::SrcVni(vni));
                self
            }
        }
    )*};
}

entry_setters!(FdbAdd, FdbDel);

/// Adds a bridge FDB entry (`RTM_NEWNEIGH`, `AF_BRIDGE`, `bridge fdb
/// add`). As `bridge` does, the entry is permanent and in the port's own
/// table (`NTF_SELF`) unless told otherwise.
#[derive(Debug, Clone)]
pub struct FdbAdd {
    entry: Entry,
    netlink_flags: NetlinkFlags,
}

impl FdbAdd {
    /// Entry for `mac` on port `port` (a bridge port, a vxlan, the bridge
    /// itself).
    pub fn new(port: u32, mac: impl Into<Vec<u8>>) -> Self {
        FdbAdd {
            entry: Entry::new(port, mac.into()),
            netlink_flags: NetlinkFlags::CREATE | NetlinkFlags::EXCL,
        }
    }

    /// A permanent entry (`NUD_PERMANENT`, `permanent`), the default: on a
    /// bridge port, local to the bridge, never forwarded out of it. A
    /// device's own table (`NTF_SELF` on a plain device) takes only these.
    #[must_use]
    pub fn permanent(mut self) -> Self {
        self.entry.header.state = PERMANENT;
        self
    }

    /// A static entry (`NUD_NOARP`, `static`): forwarded to its port,
    /// never aged out.
    #[must_use]
    pub fn static_entry(mut self) -> Self {
        self.entry.header.state = NeighbourState::NOARP;
        self
    }

    /// A dynamic entry that ages out (`NUD_REACHABLE`, `dynamic`).
    #[must_use]
    pub fn dynamic(mut self) -> Self {
        self.entry.header.state = NeighbourState::REACHABLE;
        self
    }

    /// The entry does not move to another port (`NTF_STICKY`).
    #[must_use]
    pub fn sticky(mut self) -> Self {
        self.entry.header.flags |= NeighbourFlags::STICKY;
        self
    }

    /// Learned by an outside agent (`NTF_EXT_LEARNED`, `extern_learn`).
    #[must_use]
    pub fn extern_learn(mut self) -> Self {
        self.entry.header.flags |= NeighbourFlags::EXT_LEARNED;
        self
    }

    /// The entry's nexthop group (`NDA_NH_ID`), for vxlan FDB nexthops.
    #[must_use]
    pub fn nhid(mut self, id: u32) -> Self {
        self.entry.attrs.push(NeighbourAttr::NhId(id));
        self
    }

    /// Replaces an existing entry (`NLM_F_REPLACE`, `bridge fdb replace`).
    #[must_use]
    pub fn replace(mut self) -> Self {
        self.netlink_flags = NetlinkFlags::CREATE | NetlinkFlags::REPLACE;
        self
    }

    /// Adds one more remote to an existing vxlan entry (`NLM_F_APPEND`,
    /// `bridge fdb append`).
    #[must_use]
    pub fn append(mut self) -> Self {
        self.netlink_flags = NetlinkFlags::CREATE | NetlinkFlags::APPEND;
        self
    }

    /// The request.
    pub fn build(self) -> Request<()> {
        self.entry
            .request(RouteNetlinkMessage::NewNeighbour, self.netlink_flags)
    }
}

impl From<FdbAdd> for Request<()> {
    fn from(add: FdbAdd) -> Self {
        add.build()
    }
}

/// Deletes a bridge FDB entry (`RTM_DELNEIGH`, `AF_BRIDGE`, `bridge fdb
/// del`); for a vxlan entry with several remotes, [`dst`](FdbDel::dst)
/// picks the one to remove.
#[derive(Debug, Clone)]
pub struct FdbDel {
    entry: Entry,
}

impl FdbDel {
    /// Entry for `mac` on port `port`.
    pub fn new(port: u32, mac: impl Into<Vec<u8>>) -> Self {
        FdbDel {
            entry: Entry::new(port, mac.into()),
        }
    }

    /// The request.
    pub fn build(self) -> Request<()> {
        self.entry
            .request(RouteNetlinkMessage::DelNeighbour, NetlinkFlags::empty())
    }
}

impl From<FdbDel> for Request<()> {
    fn from(del: FdbDel) -> Self {
        del.build()
    }
}

/// Dumps bridge FDB entries (`RTM_GETNEIGH`, `AF_BRIDGE`, `bridge fdb
/// show`). The port (`NDA_IFINDEX`) and bridge (`NDA_MASTER`) filters are
/// applied by the kernel; the port is checked again here.
#[derive(Debug, Clone, Copy, Default)]
pub struct FdbDump {
    port: Option<u32>,
    bridge: Option<u32>,
}

impl FdbDump {
    /// Every FDB entry of every device.
    pub fn new() -> Self {
        Self::default()
    }

    /// Only entries of port `index` (`brport`).
    #[must_use]
    pub fn port(mut self, index: u32) -> Self {
        self.port = Some(index);
        self
    }

    /// Only entries of bridge `index` and its ports (`br`).
    #[must_use]
    pub fn bridge(mut self, index: u32) -> Self {
        self.bridge = Some(index);
        self
    }

    /// The request.
    pub fn build(self) -> Request<Vec<NeighbourMessage>> {
        let header = NeighbourHeader {
            family: NeighbourFamily::Bridge,
            ..Default::default()
        };
        let mut attrs = Vec::new();
        if let Some(index) = self.port {
            attrs.push(NeighbourAttr::IfIndex(index));
        }
        if let Some(index) = self.bridge {
            attrs.push(NeighbourAttr::Master(index));
        }
        let port = self.port;
        Request::each_reply(
            RouteNetlinkMessage::GetNeighbour(NeighbourMessage::new(header, attrs)),
            NetlinkFlags::empty(),
            RequestOptions::dump(),
            move |reply| {
                new_neighbour(reply)
                    .filter(|n| n.header.family == NeighbourFamily::Bridge)
                    .filter(|n| port.map_or(true, |i| i64::from(n.header.index) == i64::from(i)))
            },
        )
    }
}

impl From<FdbDump> for Request<Vec<NeighbourMessage>> {
    fn from(dump: FdbDump) -> Self {
        dump.build()
    }
}
