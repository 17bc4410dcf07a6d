//! The rtnetlink payload: every message type this crate knows, and the
//! others kept as bytes.

use netlink_packet_core::{
    DecodeError, NetlinkDeserializable, NetlinkHeader, NetlinkSerializable, RawPayload,
};

use crate::address::AddressMessage;
use crate::link::LinkMessage;

/// `RTM_NEWLINK` (linux/rtnetlink.h).
pub const RTM_NEWLINK: u16 = 16;
/// `RTM_DELLINK`.
pub const RTM_DELLINK: u16 = 17;
/// `RTM_GETLINK`.
pub const RTM_GETLINK: u16 = 18;
/// `RTM_SETLINK`.
pub const RTM_SETLINK: u16 = 19;
/// `RTM_NEWADDR`.
pub const RTM_NEWADDR: u16 = 20;
/// `RTM_DELADDR`.
pub const RTM_DELADDR: u16 = 21;
/// `RTM_GETADDR`.
pub const RTM_GETADDR: u16 = 22;
/// `RTM_NEWLINKPROP`: add link properties (alternative names).
pub const RTM_NEWLINKPROP: u16 = 108;
/// `RTM_DELLINKPROP`: remove link properties.
pub const RTM_DELLINKPROP: u16 = 109;
/// `RTM_GETLINKPROP`.
pub const RTM_GETLINKPROP: u16 = 110;

/// An rtnetlink message.
#[derive(Debug, Clone, PartialEq)]
pub enum RouteNetlinkMessage {
    /// `RTM_NEWLINK`: a link, in a reply, a notification or a create request.
    NewLink(LinkMessage),
    /// `RTM_DELLINK`.
    DelLink(LinkMessage),
    /// `RTM_GETLINK`.
    GetLink(LinkMessage),
    /// `RTM_SETLINK`.
    SetLink(LinkMessage),
    /// `RTM_NEWLINKPROP`: `IFLA_PROP_LIST` with the names to add.
    NewLinkProp(LinkMessage),
    /// `RTM_DELLINKPROP`: `IFLA_PROP_LIST` with the names to remove.
    DelLinkProp(LinkMessage),
    /// `RTM_GETLINKPROP`.
    GetLinkProp(LinkMessage),
    /// `RTM_NEWADDR`.
    NewAddress(AddressMessage),
    /// `RTM_DELADDR`.
    DelAddress(AddressMessage),
    /// `RTM_GETADDR`.
    GetAddress(AddressMessage),
    /// A message type this crate does not know yet, kept byte for byte.
    Other(RawPayload),
}

impl NetlinkDeserializable for RouteNetlinkMessage {
    fn deserialize(header: &NetlinkHeader, payload: &[u8]) -> Result<Self, DecodeError> {
        Ok(match header.message_type {
            RTM_NEWLINK => Self::NewLink(LinkMessage::parse(payload)?),
            RTM_DELLINK => Self::DelLink(LinkMessage::parse(payload)?),
            RTM_GETLINK => Self::GetLink(LinkMessage::parse(payload)?),
            RTM_SETLINK => Self::SetLink(LinkMessage::parse(payload)?),
            RTM_NEWLINKPROP => Self::NewLinkProp(LinkMessage::parse(payload)?),
            RTM_DELLINKPROP => Self::DelLinkProp(LinkMessage::parse(payload)?),
            RTM_GETLINKPROP => Self::GetLinkProp(LinkMessage::parse(payload)?),
            RTM_NEWADDR => Self::NewAddress(AddressMessage::parse(payload)?),
            RTM_DELADDR => Self::DelAddress(AddressMessage::parse(payload)?),
            RTM_GETADDR => Self::GetAddress(AddressMessage::parse(payload)?),
            _ => Self::Other(RawPayload::deserialize(header, payload)?),
        })
    }
}

impl NetlinkSerializable for RouteNetlinkMessage {
    fn message_type(&self) -> u16 {
        match self {
            Self::NewLink(_) => RTM_NEWLINK,
            Self::DelLink(_) => RTM_DELLINK,
            Self::GetLink(_) => RTM_GETLINK,
            Self::SetLink(_) => RTM_SETLINK,
            Self::NewLinkProp(_) => RTM_NEWLINKPROP,
            Self::DelLinkProp(_) => RTM_DELLINKPROP,
            Self::GetLinkProp(_) => RTM_GETLINKPROP,
            Self::NewAddress(_) => RTM_NEWADDR,
            Self::DelAddress(_) => RTM_DELADDR,
            Self::GetAddress(_) => RTM_GETADDR,
            Self::Other(raw) => raw.message_type,
        }
    }

    fn buffer_len(&self) -> usize {
        match self {
            Self::NewLink(m)
            | Self::DelLink(m)
            | Self::GetLink(m)
            | Self::SetLink(m)
            | Self::NewLinkProp(m)
            | Self::DelLinkProp(m)
            | Self::GetLinkProp(m) => m.buffer_len(),
            Self::NewAddress(m) | Self::DelAddress(m) | Self::GetAddress(m) => m.buffer_len(),
            Self::Other(raw) => raw.buffer_len(),
        }
    }

    fn emit(&self, buf: &mut [u8]) {
        match self {
            Self::NewLink(m)
            | Self::DelLink(m)
            | Self::GetLink(m)
            | Self::SetLink(m)
            | Self::NewLinkProp(m)
            | Self::DelLinkProp(m)
            | Self::GetLinkProp(m) => m.emit(buf),
            Self::NewAddress(m) | Self::DelAddress(m) | Self::GetAddress(m) => m.emit(buf),
            Self::Other(raw) => raw.emit(buf),
        }
    }
}
