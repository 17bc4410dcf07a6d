//! The tokio driver: a [`Connection`] future that owns the socket and the
//! engine, a cloneable [`Handle`] to send requests from any task, a
//! [`ReplyStream`] per request, and an [`EventStream`] of multicast events.
//!
//! ```no_run
//! use futures::TryStreamExt;
//! use netlink_packet_core::{NetlinkMessage, RawPayload};
//! use netlink_proto::{tokio::new_connection, RequestOptions};
//! use netlink_sys::Protocol;
//!
//! # async fn example() -> Result<(), netlink_proto::Error> {
//! let (connection, handle, _events) = new_connection::<RawPayload>(Protocol::Route)?;
//! tokio::spawn(connection);
//! let dump = NetlinkMessage::from_inner(RawPayload { message_type: 18, bytes: vec![0; 16] });
//! let links: Vec<_> = handle.request(dump, RequestOptions::dump()).await?.try_collect().await?;
//! println!("{} links", links.len());
//! # Ok(())
//! # }
//! ```

mod connection;
mod reply_channel;
mod stream;
#[cfg(test)]
mod tests;

pub use connection::{new_connection, new_connection_with, Connection, ConnectionConfig};
pub use stream::{EventStream, Handle, ReplyStream};

use std::any::Any;

use crate::error::Error;
use crate::read_ahead::DecodeAhead;
use crate::RequestOptions;

/// A message from a [`Handle`] to its [`Connection`].
pub(crate) enum Command {
    Request {
        bytes: Vec<u8>,
        options: RequestOptions,
        replies: reply_channel::ReplySender,
        /// For a dump: how the reader thread may decode its replies.
        decode: Option<DecodeAhead>,
    },
}

/// What the connection sends to one request's [`ReplyStream`].
#[derive(Debug)]
pub(crate) enum Delivery {
    /// Whole reply messages (header included), back to back, each padded to
    /// 4 bytes: the replies of one datagram, moved in one allocation.
    Replies(Vec<u8>),
    /// The same, with what the reader thread decoded of their datagram
    /// ([`DecodedAhead`](crate::read_ahead::DecodedAhead), by offset in the
    /// datagram) and each reply's offset there.
    Decoded {
        bytes: Vec<u8>,
        values: Box<dyn Any + Send>,
        offsets: Vec<usize>,
    },
    /// The request finished well.
    Complete { interrupted: bool },
    /// The request failed; nothing follows.
    Failed(Error),
    /// An interrupted dump starts over; replies so far are void.
    Restarted,
}

impl Delivery {
    fn is_final(&self) -> bool {
        matches!(self, Delivery::Complete { .. } | Delivery::Failed(_))
    }
}

/// What the connection sends to the [`EventStream`].
#[derive(Debug)]
pub(crate) enum RawEvent {
    Message(Vec<u8>),
    Overrun,
    Invalid(netlink_packet_core::DecodeError),
}
