//! Typed rtnetlink (`NETLINK_ROUTE`) messages.
//!
//! Every message family is one module: [`link`] (`RTM_*LINK`, `ifinfomsg`,
//! `IFLA_*`), [`address`] (`RTM_*ADDR`, `ifaddrmsg`, `IFA_*`), [`route`],
//! [`neighbour`], [`neighbour_table`], [`rule`], [`nexthop`], [`nsid`],
//! [`netconf`], [`prefix`], [`address_label`], [`stats`], [`bridge_vlan`],
//! [`mdb`] and [`tunnel`]. Each has an
//! owned value for building requests and keeping results, and a zero-copy
//! view over the receive buffer. Attribute sets are declared once with
//! [`netlink_packet_core::attribute_set!`]; whatever a declaration does not
//! know is kept as raw bytes and emitted back unchanged.
//!
//! [`RouteNetlinkMessage`] is the payload type the engine carries.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod address;
pub mod address_label;
pub mod bridge_vlan;
mod describe;
pub mod link;
pub mod mdb;
mod message;
pub mod neighbour;
pub mod neighbour_table;
pub mod netconf;
pub mod nexthop;
pub mod nsid;
pub mod prefix;
pub mod route;
pub mod rtnlgrp;
pub mod rule;
mod scope;
pub mod stats;
pub mod tunnel;

pub use message::*;
pub use scope::Scope;

/// Address families used in rtnetlink headers (linux/socket.h).
pub mod family {
    /// `AF_UNSPEC`
    pub const AF_UNSPEC: u8 = 0;
    /// `AF_INET`
    pub const AF_INET: u8 = 2;
    /// `AF_BRIDGE`
    pub const AF_BRIDGE: u8 = 7;
    /// `AF_INET6`
    pub const AF_INET6: u8 = 10;
    /// `AF_MPLS`
    pub const AF_MPLS: u8 = 28;
}
