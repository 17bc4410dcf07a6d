//! Bridge port VLANs.
//!
//! Two interfaces reach the same table:
//!
//! - [`BridgePortVlan`]: the classic one, `RTM_SETLINK` (add) or
//!   `RTM_DELLINK` (delete) of family `AF_BRIDGE` with `IFLA_AF_SPEC`
//!   holding `IFLA_BRIDGE_VLAN_INFO` entries, what `bridge vlan add|del`
//!   sends;
//! - [`BridgeVlanDb`] and [`BridgeVlanDump`]: the VLAN database messages
//!   (`RTM_NEWVLAN`, `RTM_DELVLAN`, `RTM_GETVLAN`, Linux 5.8), with ranges
//!   and per-VLAN options.
//!
//! Both need a kernel built with `CONFIG_BRIDGE_VLAN_FILTERING`. Without it
//! (as on the machine these tests run on) the kernel answers adding with
//! `EOPNOTSUPP`, accepts deleting as a no-op, and has no handler for the
//! VLAN database messages (`EOPNOTSUPP`); the errors reach the caller as
//! [`Error::Kernel`].

use netlink_packet_core::NetlinkFlags;
use netlink_packet_route::bridge_vlan::{
    BridgeVlanAttr, BridgeVlanDumpAttr, BridgeVlanDumpFlags, BridgeVlanEntryAttr, BridgeVlanHeader,
    BridgeVlanMessage,
};
use netlink_packet_route::family::AF_BRIDGE;
use netlink_packet_route::link::{
    AfSpec, AfSpecBridgeAttr, BridgeFlags, BridgeVlanFlags, BridgeVlanInfo, LinkAttr, LinkHeader,
    LinkMessage,
};
use netlink_packet_route::RouteNetlinkMessage;
use netlink_proto::RequestOptions;

use crate::link::{check_index, checked, request};
use crate::request::{ack, picked};
use crate::{Error, Request};

fn check_vid(vid: u16) -> Result<(), String> {
    if (1..=4094).contains(&vid) {
        Ok(())
    } else {
        Err(format!("VLAN id {vid} out of range 1..=4094"))
    }
}

fn check_range(first: u16, last: u16) -> Result<(), String> {
    check_vid(first)?;
    check_vid(last)?;
    if first >= last {
        return Err(format!("VLAN range {first}-{last} is empty or a single id"));
    }
    Ok(())
}

fn info(flags: BridgeVlanFlags, vid: u16) -> BridgeVlanInfo {
    BridgeVlanInfo {
        flags,
        vid,
        ..Default::default()
    }
}

/// Adds or deletes VLANs of a bridge port, or of the bridge itself with
/// [`BridgePortVlan::on_bridge`] (`RTM_SETLINK` / `RTM_DELLINK`,
/// `AF_BRIDGE`, `IFLA_BRIDGE_VLAN_INFO`).
#[derive(Debug, Clone)]
pub struct BridgePortVlan {
    add: bool,
    index: u32,
    flags: Option<BridgeFlags>,
    infos: Vec<BridgeVlanInfo>,
    problem: Option<String>,
}

impl BridgePortVlan {
    fn new(index: u32, add: bool) -> Self {
        BridgePortVlan {
            add,
            index,
            flags: None,
            infos: Vec::new(),
            problem: check_index(index).err(),
        }
    }

    /// Adds VLANs to link `index`.
    pub fn add(index: u32) -> Self {
        Self::new(index, true)
    }

    /// Deletes VLANs from link `index`.
    pub fn del(index: u32) -> Self {
        Self::new(index, false)
    }

    /// VLAN `vid` with `flags` (`PVID`, `UNTAGGED`).
    #[must_use]
    pub fn vlan(mut self, vid: u16, flags: BridgeVlanFlags) -> Self {
        if let Err(e) = check_vid(vid) {
            self.problem.get_or_insert(e);
        }
        self.infos.push(info(flags, vid));
        self
    }

    /// VLANs `first` to `last` with `flags`: two entries flagged
    /// `RANGE_BEGIN` and `RANGE_END`.
    #[must_use]
    pub fn range(mut self, first: u16, last: u16, flags: BridgeVlanFlags) -> Self {
        if let Err(e) = check_range(first, last) {
            self.problem.get_or_insert(e);
        }
        self.infos
            .push(info(flags | BridgeVlanFlags::RANGE_BEGIN, first));
        self.infos
            .push(info(flags | BridgeVlanFlags::RANGE_END, last));
        self
    }

    /// Addresses the bridge device itself (`IFLA_BRIDGE_FLAGS` =
    /// `BRIDGE_FLAGS_SELF`), for its own VLANs.
    #[must_use]
    pub fn on_bridge(mut self) -> Self {
        self.flags = Some(BridgeFlags::SELF);
        self
    }

    /// The request; see [invalid arguments](crate::link#invalid-arguments).
    pub fn build(mut self) -> Request<()> {
        if self.infos.is_empty() {
            self.problem.get_or_insert("no VLAN given".into());
        }
        let header = LinkHeader {
            family: AF_BRIDGE,
            index: check_index(self.index).unwrap_or(0),
            ..Default::default()
        };
        let mut spec = Vec::new();
        if let Some(flags) = self.flags {
            spec.push(AfSpecBridgeAttr::Flags(flags));
        }
        spec.extend(self.infos.into_iter().map(AfSpecBridgeAttr::VlanInfo));
        let link = LinkMessage::new(header, vec![LinkAttr::AfSpec(AfSpec::from_bridge(spec))]);
        let message = if self.add {
            RouteNetlinkMessage::SetLink(link)
        } else {
            RouteNetlinkMessage::DelLink(link)
        };
        request(
            message,
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

impl From<BridgePortVlan> for Request<()> {
    fn from(vlan: BridgePortVlan) -> Self {
        vlan.build()
    }
}

/// Adds or deletes VLAN database entries (`RTM_NEWVLAN` / `RTM_DELVLAN`,
/// `BRIDGE_VLANDB_ENTRY`), one entry per VLAN or range.
#[derive(Debug, Clone)]
pub struct BridgeVlanDb {
    add: bool,
    index: u32,
    entries: Vec<Vec<BridgeVlanEntryAttr>>,
    problem: Option<String>,
}

impl BridgeVlanDb {
    fn new(index: u32, add: bool) -> Self {
        BridgeVlanDb {
            add,
            index,
            entries: Vec::new(),
            problem: check_index(index).err(),
        }
    }

    /// Adds entries to link `index`.
    pub fn add(index: u32) -> Self {
        Self::new(index, true)
    }

    /// Deletes entries of link `index`.
    pub fn del(index: u32) -> Self {
        Self::new(index, false)
    }

    /// VLAN `vid` with `flags` (`BRIDGE_VLANDB_ENTRY_INFO`).
    #[must_use]
    pub fn vlan(mut self, vid: u16, flags: BridgeVlanFlags) -> Self {
        if let Err(e) = check_vid(vid) {
            self.problem.get_or_insert(e);
        }
        self.entries
            .push(vec![BridgeVlanEntryAttr::Info(info(flags, vid))]);
        self
    }

    /// VLANs `first` to `last` with `flags` (`BRIDGE_VLANDB_ENTRY_RANGE`).
    #[must_use]
    pub fn range(mut self, first: u16, last: u16, flags: BridgeVlanFlags) -> Self {
        if let Err(e) = check_range(first, last) {
            self.problem.get_or_insert(e);
        }
        self.entries.push(vec![
            BridgeVlanEntryAttr::Info(info(flags, first)),
            BridgeVlanEntryAttr::Range(last),
        ]);
        self
    }

    /// The request; see [invalid arguments](crate::link#invalid-arguments).
    pub fn build(mut self) -> Request<()> {
        if self.entries.is_empty() {
            self.problem.get_or_insert("no VLAN given".into());
        }
        let header = BridgeVlanHeader {
            family: AF_BRIDGE,
            index: self.index,
            ..Default::default()
        };
        let attrs = self
            .entries
            .into_iter()
            .map(|e| BridgeVlanAttr::Entry(e.into()))
            .collect();
        let message = BridgeVlanMessage::new(header, attrs);
        let (message, flags) = if self.add {
            (RouteNetlinkMessage::NewVlan(message), NetlinkFlags::CREATE)
        } else {
            (RouteNetlinkMessage::DelVlan(message), NetlinkFlags::empty())
        };
        request(message, flags, RequestOptions::request(), self.problem, ack)
    }

    /// The request, or the first invalid argument.
    pub fn try_build(self) -> Result<Request<()>, Error> {
        checked(self.build())
    }
}

impl From<BridgeVlanDb> for Request<()> {
    fn from(db: BridgeVlanDb) -> Self {
        db.build()
    }
}

/// Dumps the VLAN database (`RTM_GETVLAN` with `NLM_F_DUMP`), of every
/// bridge and port or of one link.
#[derive(Debug, Clone, Default)]
pub struct BridgeVlanDump {
    index: u32,
    flags: Option<BridgeVlanDumpFlags>,
}

impl BridgeVlanDump {
    /// Every link's VLANs.
    pub fn new() -> Self {
        Self::default()
    }

    /// Only link `index`'s VLANs (in the header, where the kernel filters).
    #[must_use]
    pub fn link(mut self, index: u32) -> Self {
        self.index = index;
        self
    }

    /// Dump flags (`BRIDGE_VLANDB_DUMP_FLAGS`): statistics, global options.
    #[must_use]
    pub fn flags(mut self, flags: BridgeVlanDumpFlags) -> Self {
        self.flags = Some(flags);
        self
    }

    /// The request.
    pub fn build(self) -> Request<Vec<BridgeVlanMessage>> {
        let header = BridgeVlanHeader {
            family: AF_BRIDGE,
            index: self.index,
            ..Default::default()
        };
        let attrs = self
            .flags
            .map(|f| BridgeVlanDumpAttr::Flags(f).to_vlan_attr())
            .into_iter()
            .collect();
        Request::new(
            RouteNetlinkMessage::GetVlan(BridgeVlanMessage::new(header, attrs)),
            NetlinkFlags::empty(),
            RequestOptions::dump(),
            |replies| {
                Ok(picked(replies, |m| match m {
                    RouteNetlinkMessage::NewVlan(v) => Some(v),
                    _ => None,
                }))
            },
        )
    }
}

impl From<BridgeVlanDump> for Request<Vec<BridgeVlanMessage>> {
    fn from(dump: BridgeVlanDump) -> Self {
        dump.build()
    }
}
