//! The packet core of the netlink family: the message header and its flags,
//! control messages (ACK, error with extended ACK, DONE, NOOP, OVERRUN), a
//! zero-copy iterator over the messages of a datagram, the generic
//! [`NetlinkMessage<T>`] over a protocol's payload, and netlink attributes
//! with the [`attribute_set!`] declaration macro.
//!
//! Nothing here knows a particular protocol; protocol crates implement
//! [`NetlinkDeserializable`] and [`NetlinkSerializable`] for their payloads
//! and declare their attributes with [`attribute_set!`].
//!
//! ```
//! use netlink_packet_core::{MessageIter, NetlinkMessage, NetlinkPayload, RawPayload};
//!
//! // An ACK for request 7, as the kernel sends it (capped, no TLVs).
//! let ack: [u8; 36] = [
//!     36, 0, 0, 0, 2, 0, 0, 1, 7, 0, 0, 0, 0x39, 0x30, 0, 0, // nlmsghdr, NLM_F_CAPPED
//!     0, 0, 0, 0,                                            // error 0
//!     32, 0, 0, 0, 16, 0, 5, 6, 7, 0, 0, 0, 0x39, 0x30, 0, 0, // echoed request header
//! ];
//! for raw in MessageIter::new(&ack) {
//!     let message = NetlinkMessage::<RawPayload>::parse(&raw?)?;
//!     assert!(matches!(message.payload, NetlinkPayload::Ack(ref a) if a.request_header.sequence_number == 7));
//!     assert_eq!(message.to_bytes(), ack);
//! }
//! # Ok::<(), netlink_packet_core::DecodeError>(())
//! ```

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod control;
pub mod errno;
pub mod error;
pub mod header;
pub mod message;
pub mod nla;
pub mod thin_vec;

pub use control::{DoneMessage, ErrorMessage, ExtAck, ExtAckAttr, PolicyAttr};
pub use errno::{errno_description, errno_name};
pub use error::{BufferTooSmall, DecodeError, DecodeErrors, DecodeReason};
pub use header::{
    align, NetlinkFlags, NetlinkHeader, NLMSG_DONE, NLMSG_ERROR, NLMSG_MIN_TYPE, NLMSG_NOOP,
    NLMSG_OVERRUN,
};
pub use message::{
    MessageIter, NetlinkDeserializable, NetlinkMessage, NetlinkPayload, NetlinkSerializable,
    RawMessage, RawPayload,
};
