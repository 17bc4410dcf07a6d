//! What the driver tests inside this crate share.

use netlink_packet_core::{NetlinkMessage, RawPayload};

/// RTM_GETLINK with an empty ifinfomsg: as a dump, every link.
pub(crate) fn getlink() -> NetlinkMessage<RawPayload> {
    NetlinkMessage::from_inner(RawPayload {
        message_type: 18,
        bytes: vec![0; 16],
    })
}
