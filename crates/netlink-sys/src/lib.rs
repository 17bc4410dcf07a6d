//! The socket layer of the netlink crates: `AF_NETLINK` sockets on Linux.
//!
//! This crate moves raw bytes; it knows nothing about message formats. It
//! provides:
//!
//! - [`Socket`]: create, bind, connect, send (including several messages in
//!   one datagram with [`Socket::send_vectored`]) and receive (including
//!   whole datagrams of unknown size with [`Socket::recv_datagram`], and
//!   control messages with [`Socket::recv_msg`]);
//! - multicast groups ([`Socket::add_membership`],
//!   [`Socket::list_memberships`]) and every `SOL_NETLINK` option;
//! - [`Protocol`] numbers and [`SocketAddr`] (`struct sockaddr_nl`);
//! - network namespaces ([`netns`]): sockets in another namespace without
//!   moving the calling thread;
//! - optional async integration: `TokioSocket` (feature `tokio`),
//!   `SmolSocket` (feature `smol`) and a `mio::event::Source` implementation
//!   (feature `mio`).
//!
//! # Example
//!
//! Dump the network interfaces with a hand-made `RTM_GETLINK` request:
//!
//! ```no_run
//! use netlink_sys::{Protocol, Socket, SocketAddr};
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let mut socket = Socket::new(Protocol::Route)?;
//! socket.bind_auto()?;
//!
//! // struct nlmsghdr (16 bytes) + struct ifinfomsg (16 bytes, all zero)
//! let mut request = Vec::new();
//! request.extend_from_slice(&32u32.to_ne_bytes()); // nlmsg_len
//! request.extend_from_slice(&18u16.to_ne_bytes()); // RTM_GETLINK
//! request.extend_from_slice(&0x301u16.to_ne_bytes()); // NLM_F_REQUEST | NLM_F_DUMP
//! request.extend_from_slice(&1u32.to_ne_bytes()); // nlmsg_seq
//! request.extend_from_slice(&0u32.to_ne_bytes()); // nlmsg_pid
//! request.extend_from_slice(&[0; 16]); // ifinfomsg
//! socket.send_to(&request, &SocketAddr::KERNEL, 0)?;
//!
//! let mut buf = Vec::new();
//! loop {
//!     let info = socket.recv_datagram(&mut buf)?;
//!     assert_eq!(info.sender.port_id(), 0); // from the kernel
//!     // `buf` holds one or more netlink messages; stop at NLMSG_DONE (3).
//!     let message_type = u16::from_ne_bytes([buf[4], buf[5]]);
//!     if message_type == 3 {
//!         break;
//!     }
//! }
//! # Ok(())
//! # }
//! ```
//!
//! In another network namespace:
//!
//! ```no_run
//! use netlink_sys::{Namespace, Protocol, Socket};
//!
//! # fn main() -> Result<(), netlink_sys::Error> {
//! let socket = Socket::new_in_namespace(Protocol::Route, &Namespace::Named("blue".into()))?;
//! # drop(socket);
//! # Ok(())
//! # }
//! ```
#![warn(missing_docs)]
#![deny(unsafe_op_in_unsafe_fn)]
#![deny(clippy::undocumented_unsafe_blocks)]
#![cfg_attr(docsrs, feature(doc_cfg))]

#[cfg(not(target_os = "linux"))]
compile_error!("netlink-sys only supports Linux");

mod addr;
mod cpus;
mod error;
pub mod netns;
mod options;
mod protocol;
mod socket;
mod sys;
mod wait;

#[cfg(feature = "mio")]
mod mio;
#[cfg(feature = "smol")]
mod smol;
#[cfg(feature = "tokio")]
mod tokio;

pub use crate::addr::SocketAddr;
pub use crate::cpus::cpus_available;
pub use crate::error::Error;
pub use crate::netns::Namespace;
pub use crate::protocol::Protocol;
pub use crate::socket::{RecvInfo, Socket};

#[cfg(feature = "smol")]
pub use crate::smol::SmolSocket;
#[cfg(feature = "tokio")]
pub use crate::tokio::TokioSocket;
