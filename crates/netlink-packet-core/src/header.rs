//! The netlink message header (`struct nlmsghdr`, linux/netlink.h) and its flags.

use std::fmt;

use crate::error::DecodeError;

/// Netlink messages and attributes are aligned to 4 bytes (`NLMSG_ALIGNTO`, `NLA_ALIGNTO`).
pub const ALIGNTO: usize = 4;

/// Rounds `len` up to the netlink alignment; saturates instead of overflowing.
pub const fn align(len: usize) -> usize {
    match len.checked_add(ALIGNTO - 1) {
        Some(v) => v & !(ALIGNTO - 1),
        None => usize::MAX & !(ALIGNTO - 1),
    }
}

/// `NLMSG_NOOP`: nothing, to be ignored.
pub const NLMSG_NOOP: u16 = 1;
/// `NLMSG_ERROR`: an error, or an acknowledgement when the code is 0.
pub const NLMSG_ERROR: u16 = 2;
/// `NLMSG_DONE`: the end of a multipart message (a dump).
pub const NLMSG_DONE: u16 = 3;
/// `NLMSG_OVERRUN`: data was lost.
pub const NLMSG_OVERRUN: u16 = 4;
/// `NLMSG_MIN_TYPE`: types below are reserved for control messages.
pub const NLMSG_MIN_TYPE: u16 = 0x10;

/// The `nlmsg_flags` field: a bit set whose upper bits mean different things
/// for GET, NEW, DELETE requests and for ACKs, as in linux/netlink.h.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct NetlinkFlags(u16);

impl NetlinkFlags {
    /// `NLM_F_REQUEST`: this is a request.
    pub const REQUEST: Self = Self(0x01);
    /// `NLM_F_MULTI`: part of a multipart message terminated by `NLMSG_DONE`.
    pub const MULTI: Self = Self(0x02);
    /// `NLM_F_ACK`: reply with an acknowledgement (error code 0) or an error.
    pub const ACK: Self = Self(0x04);
    /// `NLM_F_ECHO`: echo this request back as a notification.
    pub const ECHO: Self = Self(0x08);
    /// `NLM_F_DUMP_INTR`: the dump was inconsistent because the data changed.
    pub const DUMP_INTR: Self = Self(0x10);
    /// `NLM_F_DUMP_FILTERED`: the dump was filtered as requested.
    pub const DUMP_FILTERED: Self = Self(0x20);
    /// `NLM_F_ROOT` (GET): return the whole table.
    pub const ROOT: Self = Self(0x100);
    /// `NLM_F_MATCH` (GET): return all matching entries.
    pub const MATCH: Self = Self(0x200);
    /// `NLM_F_ATOMIC` (GET): an atomic snapshot.
    pub const ATOMIC: Self = Self(0x400);
    /// `NLM_F_DUMP` (GET): `ROOT | MATCH`.
    pub const DUMP: Self = Self(0x300);
    /// `NLM_F_REPLACE` (NEW): replace an existing object.
    pub const REPLACE: Self = Self(0x100);
    /// `NLM_F_EXCL` (NEW): fail if the object exists.
    pub const EXCL: Self = Self(0x200);
    /// `NLM_F_CREATE` (NEW): create the object if it does not exist.
    pub const CREATE: Self = Self(0x400);
    /// `NLM_F_APPEND` (NEW): add to the end of a list.
    pub const APPEND: Self = Self(0x800);
    /// `NLM_F_NONREC` (DELETE): do not delete recursively.
    pub const NONREC: Self = Self(0x100);
    /// `NLM_F_BULK` (DELETE): delete many objects.
    pub const BULK: Self = Self(0x200);
    /// `NLM_F_CAPPED` (ACK): the echoed request was cut to its header.
    pub const CAPPED: Self = Self(0x100);
    /// `NLM_F_ACK_TLVS` (ACK): extended ACK attributes follow.
    pub const ACK_TLVS: Self = Self(0x200);

    /// Flags from their raw bits; every bit is kept.
    pub const fn from_bits(bits: u16) -> Self {
        Self(bits)
    }

    /// The raw bits.
    pub const fn bits(self) -> u16 {
        self.0
    }

    /// No flag set.
    pub const fn empty() -> Self {
        Self(0)
    }

    /// Whether every bit of `other` is set.
    pub const fn contains(self, other: Self) -> bool {
        self.0 & other.0 == other.0
    }

    /// Sets the bits of `other`.
    pub fn insert(&mut self, other: Self) {
        self.0 |= other.0;
    }

    /// Clears the bits of `other`.
    pub fn remove(&mut self, other: Self) {
        self.0 &= !other.0;
    }
}

impl std::ops::BitOr for NetlinkFlags {
    type Output = Self;
    fn bitor(self, rhs: Self) -> Self {
        Self(self.0 | rhs.0)
    }
}

impl std::ops::BitOrAssign for NetlinkFlags {
    fn bitor_assign(&mut self, rhs: Self) {
        self.0 |= rhs.0;
    }
}

impl fmt::Debug for NetlinkFlags {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "NetlinkFlags({:#x}: {})", self.0, self)
    }
}

/// Names the low, unambiguous bits; the upper bits (whose meaning depends on
/// the request kind) are shown as a hex mask.
impl fmt::Display for NetlinkFlags {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const NAMES: [(u16, &str); 6] = [
            (0x01, "REQUEST"),
            (0x02, "MULTI"),
            (0x04, "ACK"),
            (0x08, "ECHO"),
            (0x10, "DUMP_INTR"),
            (0x20, "DUMP_FILTERED"),
        ];
        let mut first = true;
        let mut rest = self.0;
        for (bit, name) in NAMES {
            if self.0 & bit != 0 {
                if !first {
                    f.write_str("|")?;
                }
                f.write_str(name)?;
                first = false;
                rest &= !bit;
            }
        }
        if rest != 0 || first {
            if !first {
                f.write_str("|")?;
            }
            write!(f, "{rest:#x}")?;
        }
        Ok(())
    }
}

/// `struct nlmsghdr`: every netlink message starts with these 16 bytes, in
/// host byte order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct NetlinkHeader {
    /// `nlmsg_len`: length of the message including this header.
    pub length: u32,
    /// `nlmsg_type`: a control type (`NLMSG_*`) or the protocol's message type.
    pub message_type: u16,
    /// `nlmsg_flags`.
    pub flags: NetlinkFlags,
    /// `nlmsg_seq`: sequence number chosen by the requester.
    pub sequence_number: u32,
    /// `nlmsg_pid`: port id of the sending socket (0 for the kernel).
    pub port_id: u32,
}

impl NetlinkHeader {
    /// Size of the header on the wire (`NLMSG_HDRLEN`).
    pub const LEN: usize = 16;

    /// Reads a header from the first 16 bytes of `buf`. The length field is
    /// not checked against the buffer here; [`crate::MessageIter`] does that.
    #[inline]
    pub fn parse(buf: &[u8]) -> Result<Self, DecodeError> {
        let bytes: &[u8; 16] = buf
            .get(..Self::LEN)
            .and_then(|b| b.try_into().ok())
            .ok_or_else(|| DecodeError::truncated(0, "netlink header", Self::LEN, buf.len()))?;
        Ok(Self::from_bytes(bytes))
    }

    /// Reads a header from exactly 16 bytes.
    pub fn from_bytes(b: &[u8; 16]) -> Self {
        NetlinkHeader {
            length: u32::from_ne_bytes([b[0], b[1], b[2], b[3]]),
            message_type: u16::from_ne_bytes([b[4], b[5]]),
            flags: NetlinkFlags(u16::from_ne_bytes([b[6], b[7]])),
            sequence_number: u32::from_ne_bytes([b[8], b[9], b[10], b[11]]),
            port_id: u32::from_ne_bytes([b[12], b[13], b[14], b[15]]),
        }
    }

    /// The 16 bytes of this header.
    pub fn to_bytes(&self) -> [u8; 16] {
        let mut b = [0u8; 16];
        b[0..4].copy_from_slice(&self.length.to_ne_bytes());
        b[4..6].copy_from_slice(&self.message_type.to_ne_bytes());
        b[6..8].copy_from_slice(&self.flags.0.to_ne_bytes());
        b[8..12].copy_from_slice(&self.sequence_number.to_ne_bytes());
        b[12..16].copy_from_slice(&self.port_id.to_ne_bytes());
        b
    }

    /// Whether the message type is a control message (`< NLMSG_MIN_TYPE`).
    pub fn is_control(&self) -> bool {
        self.message_type < NLMSG_MIN_TYPE
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_round_trip() {
        let header = NetlinkHeader {
            length: 32,
            message_type: 18,
            flags: NetlinkFlags::REQUEST | NetlinkFlags::DUMP,
            sequence_number: 7,
            port_id: 0,
        };
        let bytes = header.to_bytes();
        assert_eq!(NetlinkHeader::parse(&bytes), Ok(header));
        assert_eq!(&bytes[..8], &[32, 0, 0, 0, 18, 0, 0x01, 0x03]);
    }

    #[test]
    fn short_header_is_an_error() {
        let err = NetlinkHeader::parse(&[0; 15]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "at offset 0: netlink header needs 16 bytes but only 15 remain"
        );
    }

    #[test]
    fn flags_display() {
        let flags = NetlinkFlags::REQUEST | NetlinkFlags::ACK | NetlinkFlags::CREATE;
        assert_eq!(flags.to_string(), "REQUEST|ACK|0x400");
        assert_eq!(NetlinkFlags::empty().to_string(), "0x0");
        assert!(NetlinkFlags::DUMP.contains(NetlinkFlags::ROOT));
        assert_eq!(NetlinkFlags::REPLACE, NetlinkFlags::ROOT);
    }

    #[test]
    fn align_rounds_up() {
        assert_eq!(align(0), 0);
        assert_eq!(align(1), 4);
        assert_eq!(align(4), 4);
        assert_eq!(align(5), 8);
        assert_eq!(align(usize::MAX), usize::MAX & !3);
    }
}
