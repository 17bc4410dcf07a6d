//! High-level rtnetlink operations.
//!
//! Every operation is a plain value, a [`Request`]: the message, its flags,
//! do or dump, and how the replies become the result. Builders such as
//! [`link::LinkAdd`] or [`address::AddressAdd`] produce them; the two front
//! ends, [`blocking::Handle`] and (feature `tokio`) [`tokio::Handle`], run
//! them with the same `execute` method and only differ in how they wait.
//!
//! ```no_run
//! use rtnetlink::{blocking::Handle, link::{LinkAdd, LinkGet}};
//!
//! let mut handle = Handle::new()?;
//! handle.execute(LinkAdd::veth("v0", "v1").mtu(1400).up())?;
//! let link = handle.execute(LinkGet::by_name("v0"))?;
//! println!("{}", link.header.index);
//! # Ok::<(), rtnetlink::Error>(())
//! ```

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
pub use request::Request;
