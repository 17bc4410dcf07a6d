//! Link messages (`RTM_NEWLINK`, `RTM_DELLINK`, `RTM_GETLINK`,
//! `RTM_SETLINK`): `struct ifinfomsg` then `IFLA_*` attributes.

mod af_spec;
mod attrs;
mod header;
pub mod info;
mod protinfo;
mod proto_down;
mod stats;
mod types;
mod vf;
mod xdp;

#[cfg(test)]
mod tests;

pub use af_spec::*;
pub use attrs::{LinkAttr, LinkAttrRef};
pub use header::{IfFlags, LinkHeader, LinkType};
pub use info::{InfoData, InfoSlaveData, LinkInfo, LinkInfoNest};
pub use protinfo::*;
pub use proto_down::*;
pub use stats::*;
pub(crate) use types::fmt_hex;
pub use types::{LinkEvent, LinkLayerAddress, LinkMode, OperState};
pub use vf::*;
pub use xdp::*;

use netlink_packet_core::header_message;

header_message! {
    /// A link message, owned: `struct ifinfomsg` and every attribute in
    /// wire order.
    pub struct LinkMessage, view LinkView, header LinkHeader, attrs LinkAttr, LinkAttrRef;
}

impl LinkMessage {
    /// The interface name (`IFLA_IFNAME`).
    pub fn name(&self) -> Option<&str> {
        self.attrs.iter().find_map(|a| match a {
            LinkAttr::IfName(name) => Some(name.as_str()),
            _ => None,
        })
    }

    /// The link kind (`IFLA_LINKINFO` / `IFLA_INFO_KIND`): `"veth"`, ...
    pub fn kind(&self) -> Option<&str> {
        self.link_info()?.kind()
    }

    /// The `IFLA_LINKINFO` nest.
    pub fn link_info(&self) -> Option<&LinkInfoNest> {
        self.attrs.iter().find_map(|a| match a {
            LinkAttr::LinkInfo(info) => Some(info),
            _ => None,
        })
    }

    /// The MTU.
    pub fn mtu(&self) -> Option<u32> {
        self.attrs.iter().find_map(|a| match a {
            LinkAttr::Mtu(mtu) => Some(*mtu),
            _ => None,
        })
    }
}

impl<'a> LinkView<'a> {
    /// The interface index.
    pub fn index(&self) -> i32 {
        self.header().index
    }

    /// The interface name (`IFLA_IFNAME`).
    pub fn name(&self) -> Option<&'a str> {
        self.find(LinkAttr::IFNAME)?.as_str().ok()
    }

    /// The MTU (`IFLA_MTU`).
    pub fn mtu(&self) -> Option<u32> {
        self.find(LinkAttr::MTU)?.as_u32().ok()
    }

    /// The hardware address (`IFLA_ADDRESS`).
    pub fn address(&self) -> Option<&'a [u8]> {
        Some(self.find(LinkAttr::ADDRESS)?.value())
    }

    /// The master's index (`IFLA_MASTER`).
    pub fn master(&self) -> Option<u32> {
        self.find(LinkAttr::MASTER)?.as_u32().ok()
    }

    /// The operational state (`IFLA_OPERSTATE`).
    pub fn operstate(&self) -> Option<OperState> {
        self.find(LinkAttr::OPERSTATE)?.get::<OperState>().ok()
    }

    /// The link kind (`IFLA_LINKINFO` / `IFLA_INFO_KIND`).
    pub fn kind(&self) -> Option<&'a str> {
        info::kind_in(&self.find(LinkAttr::LINKINFO)?)
    }
}
