//! What the engine makes of each message it is fed.

use netlink_packet_core::{DecodeError, RawMessage};

use super::RequestId;
use crate::error::Error;

/// What the engine made of one message of a datagram.
#[derive(Debug)]
pub enum Output<'a> {
    /// A data message answering request `id`.
    Reply {
        /// The request.
        id: RequestId,
        /// The message, borrowed from the datagram.
        message: RawMessage<'a>,
    },
    /// Request `id` finished well: its ACK, or the `NLMSG_DONE` of its dump.
    Complete {
        /// The request.
        id: RequestId,
        /// Whether any part of the dump was marked `NLM_F_DUMP_INTR`.
        interrupted: bool,
        /// The ACK or DONE message (it may carry a cookie or extended
        /// ACK); `None` for a request acknowledged by the ACK of a later
        /// request of its datagram ([`Ack::Implied`](crate::Ack::Implied)).
        message: Option<RawMessage<'a>>,
    },
    /// Request `id` failed; this is its final answer.
    Failed {
        /// The request.
        id: RequestId,
        /// Why.
        error: Error,
    },
    /// An interrupted dump is being retried: replies delivered for `id` so
    /// far are void.
    Restarted {
        /// The dump.
        id: RequestId,
    },
    /// A message that answers no request: a multicast notification.
    Event {
        /// The message.
        message: RawMessage<'a>,
        /// The group it came through, when `NETLINK_PKTINFO` told.
        group: Option<u32>,
    },
    /// Bytes from the kernel that do not form a message and belong to no
    /// request that could be identified.
    Invalid {
        /// What was wrong and where in the datagram.
        error: DecodeError,
    },
    /// An answer to a request that is no longer tracked (timed out or
    /// cancelled).
    Stale {
        /// The message.
        message: RawMessage<'a>,
    },
    /// The whole datagram was dropped: it was not sent by the kernel.
    Dropped {
        /// The port id that sent it.
        sender_port: u32,
    },
}
