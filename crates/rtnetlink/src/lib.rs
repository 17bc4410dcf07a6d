//! High-level rtnetlink operations.
//!
//! Every operation is a plain value, a [`Request`]: the message, its flags,
//! do or dump, and how the replies become the result. Builders such as
//! [`link::LinkAdd`], [`address::AddressAdd`] or [`route::RouteAdd`]
//! produce them; the two front ends, [`blocking::Handle`] and (feature
//! `tokio`) [`tokio::Handle`], run them with the same `execute` method, or
//! many at once with `execute_batch` (as many requests per `sendmsg` as
//! fit, one ACK per `sendmsg`, one result each: a failing request still
//! gets its own error), and only differ in how they wait.
//!
//! ```no_run
//! use rtnetlink::{blocking::Handle, link::{LinkAdd, LinkGet}, route::RouteAdd};
//!
//! let mut handle = Handle::new()?;
//! handle.execute(LinkAdd::veth("v0", "v1").mtu(1400).up())?;
//! let v0 = handle.execute(LinkGet::by_name("v0"))?.header.index as u32;
//! handle.execute(RouteAdd::new("10.9.0.0".parse().unwrap(), 16).dev(v0).table(10))?;
//! # Ok::<(), rtnetlink::Error>(())
//! ```
//!
//! - Objects, one module each: [`link`] (every kind, set, namespaces,
//!   altnames, filtered dumps), [`address`], [`route`], [`neighbour`] (and
//!   bridge FDB), [`rule`], [`nexthop`], [`nsid`], [`netconf`],
//!   [`bridge_vlan`], [`address_label`], [`stats`].
//! - [`netns`]: named network namespaces as `ip netns` keeps them; every
//!   handle can be opened inside one ([`Namespace`]).
//! - [`monitor`]: typed events from any set of `RTNLGRP_*` groups, with an
//!   explicit overrun event when the kernel dropped some.
//! - [`Error`]: "already exists", "not found", "permission denied" and
//!   invalid arguments are variants; kernel errors keep the extended ACK
//!   message and name the attribute it points at
//!   ([`Error::offending_attribute`]). Arguments a builder can check
//!   (prefix lengths, names, indexes, families) fail before anything is
//!   sent.
//! - Handles turn on strict checking (`NETLINK_GET_STRICT_CHK`), so dumps
//!   are filtered in the kernel where it can; every filter is also applied
//!   to the replies, for kernels that cannot.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod address;
pub mod address_label;
pub mod blocking;
pub mod bridge_vlan;
mod error;
pub mod link;
pub mod monitor;
pub mod neighbour;
pub mod netconf;
pub mod netns;
pub mod nexthop;
pub mod nsid;
mod request;
pub mod route;
pub mod rule;
pub mod stats;
#[cfg(feature = "tokio")]
pub mod tokio;

pub use error::{Error, OffendingAttribute};
pub use netlink_packet_route as packet;
pub use netlink_sys::Namespace;
pub use request::{Collect, Collector, Request};
