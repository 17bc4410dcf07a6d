//! The netlink protocol engine.
//!
//! [`Engine`] is a sans-IO state machine: it numbers requests, matches each
//! reply to its request by sequence number and port id, gathers dumps until
//! `NLMSG_DONE`, turns `NLMSG_ERROR` into an ACK or an [`Error`] carrying the
//! kernel's extended ACK, marks interrupted dumps (and retries them when
//! asked), sets multicast notifications apart as events, drops datagrams not
//! sent by the kernel, and batches many requests into one datagram (with
//! one ACK for all of them when they allow it: [`Ack::Implied`]). It
//! knows no protocol and touches no socket.
//!
//! Two thin drivers move bytes between it and a socket:
//! [`blocking::Connection`], and behind the `tokio` feature
//! [`tokio::new_connection`] (a connection future plus a cloneable handle).
//!
//! ```no_run
//! use netlink_packet_core::{NetlinkMessage, RawPayload};
//! use netlink_proto::{blocking::Connection, RequestOptions};
//! use netlink_sys::Protocol;
//!
//! // RTM_GETLINK (18) with an empty ifinfomsg: a dump of every link.
//! let request = NetlinkMessage::from_inner(RawPayload { message_type: 18, bytes: vec![0; 16] });
//! let mut connection = Connection::new(Protocol::Route)?;
//! for reply in connection.request(&request, RequestOptions::dump())? {
//!     let reply = reply?;
//!     println!("{:?}", reply.header);
//! }
//! # Ok::<(), netlink_proto::Error>(())
//! ```

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod blocking;
mod engine;
mod error;
mod event;
mod read_ahead;
mod socket_setup;
#[cfg(test)]
mod test_support;
#[cfg(feature = "tokio")]
pub mod tokio;

pub use engine::{
    Ack, DatagramInfo, Engine, EngineConfig, InterruptPolicy, Output, Receive, RequestId,
    RequestKind, RequestOptions,
};
pub use error::{Error, RequestInfo};
pub use event::Event;
pub use read_ahead::{ReadAhead, READ_AHEAD_AFTER};
pub use socket_setup::RECV_BUFFER_LEN;
