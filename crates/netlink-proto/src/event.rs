//! Unsolicited messages: multicast notifications and the loss of some.

use netlink_packet_core::{DecodeError, NetlinkMessage};

/// Something the kernel said without being asked.
#[derive(Debug, Clone, PartialEq)]
pub enum Event<T> {
    /// A notification from a multicast group the socket joined.
    Message(NetlinkMessage<T>),
    /// Notifications were lost: the socket's receive buffer overflowed
    /// (`ENOBUFS`), or the reader fell behind and the bounded event queue
    /// filled. Whatever state the caller mirrors must be dumped again.
    Overrun,
    /// A notification that could not be decoded, with where and why.
    Invalid(DecodeError),
}

impl<T> Event<T> {
    /// Whether this event says that events were lost.
    pub fn is_overrun(&self) -> bool {
        matches!(self, Event::Overrun)
    }
}
