//! Control messages: errors and ACKs (`struct nlmsgerr`) with their extended
//! ACK attributes, and the end of a dump (`NLMSG_DONE`).

use std::fmt;

use crate::attribute_set;
use crate::errno::{errno_description, errno_name};
use crate::error::DecodeError;
use crate::header::{align, NetlinkFlags, NetlinkHeader};
use crate::nla::{attrs_len, emit_attrs, parse_attrs_lossy, Nested};

attribute_set! {
    /// Extended ACK attributes (`enum nlmsgerr_attrs`, linux/netlink.h),
    /// appended to errors, ACKs and DONE messages when `NLM_F_ACK_TLVS` is set.
    pub enum ExtAckAttr, view ExtAckAttrRef, prefix NLMSGERR_ATTR_ {
        /// The kernel's error message.
        1 MSG Msg(String),
        /// Offset of the offending attribute in the request, counted from
        /// the start of its netlink header.
        2 OFFS Offset(u32),
        /// Subsystem-specific cookie, identifying a created object.
        3 COOKIE Cookie(Vec<u8>),
        /// The policy the rejected attribute violated.
        4 POLICY Policy(Nested<PolicyAttr>),
        /// Number of a required attribute that was missing.
        5 MISS_TYPE MissingType(u32),
        /// Offset of the nest the missing attribute belongs in.
        6 MISS_NEST MissingNest(u32),
    }
}

attribute_set! {
    /// Attribute policy description (`enum netlink_policy_type_attr`,
    /// linux/netlink.h), in extended ACKs and generic netlink policy dumps.
    pub enum PolicyAttr, view PolicyAttrRef, prefix NL_POLICY_TYPE_ATTR_ {
        /// `enum netlink_attribute_type` of the attribute.
        1 TYPE Type(u32),
        /// Minimum for signed integers.
        2 MIN_VALUE_S MinValueSigned(i64),
        /// Maximum for signed integers.
        3 MAX_VALUE_S MaxValueSigned(i64),
        /// Minimum for unsigned integers.
        4 MIN_VALUE_U MinValueUnsigned(u64),
        /// Maximum for unsigned integers.
        5 MAX_VALUE_U MaxValueUnsigned(u64),
        /// Minimum length of binary attributes.
        6 MIN_LENGTH MinLength(u32),
        /// Maximum length of binary attributes.
        7 MAX_LENGTH MaxLength(u32),
        /// Sub-policy of nested types.
        8 POLICY_IDX PolicyIndex(u32),
        /// Highest attribute of the sub-policy.
        9 POLICY_MAXTYPE PolicyMaxType(u32),
        /// Valid bits of a bitfield32.
        10 BITFIELD32_MASK Bitfield32Mask(u32),
        /// Padding for 64-bit alignment.
        11 PAD Pad(Vec<u8>),
        /// Valid bits of an unsigned integer.
        12 MASK Mask(u64),
    }
}

/// Accessors over a list of extended ACK attributes.
pub trait ExtAck {
    /// The extended ACK attributes.
    fn ext_ack(&self) -> &[ExtAckAttr];

    /// The kernel's message (`NLMSGERR_ATTR_MSG`).
    fn ext_message(&self) -> Option<&str> {
        self.ext_ack().iter().find_map(|a| match a {
            ExtAckAttr::Msg(m) => Some(m.as_str()),
            _ => None,
        })
    }

    /// Offset of the offending attribute in the request (`NLMSGERR_ATTR_OFFS`).
    fn ext_offset(&self) -> Option<u32> {
        self.ext_ack().iter().find_map(|a| match a {
            ExtAckAttr::Offset(o) => Some(*o),
            _ => None,
        })
    }

    /// The cookie (`NLMSGERR_ATTR_COOKIE`).
    fn ext_cookie(&self) -> Option<&[u8]> {
        self.ext_ack().iter().find_map(|a| match a {
            ExtAckAttr::Cookie(c) => Some(c.as_slice()),
            _ => None,
        })
    }

    /// The violated policy (`NLMSGERR_ATTR_POLICY`).
    fn ext_policy(&self) -> Option<&[PolicyAttr]> {
        self.ext_ack().iter().find_map(|a| match a {
            ExtAckAttr::Policy(p) => Some(&p.attrs[..]),
            _ => None,
        })
    }

    /// The missing attribute's number (`NLMSGERR_ATTR_MISS_TYPE`).
    fn ext_missing_type(&self) -> Option<u32> {
        self.ext_ack().iter().find_map(|a| match a {
            ExtAckAttr::MissingType(t) => Some(*t),
            _ => None,
        })
    }

    /// Offset of the nest missing an attribute (`NLMSGERR_ATTR_MISS_NEST`).
    fn ext_missing_nest(&self) -> Option<u32> {
        self.ext_ack().iter().find_map(|a| match a {
            ExtAckAttr::MissingNest(n) => Some(*n),
            _ => None,
        })
    }
}

/// `struct nlmsgerr`: the answer to a request, an ACK when `code` is 0.
#[derive(Debug, Clone, PartialEq)]
pub struct ErrorMessage {
    /// 0 for an ACK, else a negative errno.
    pub code: i32,
    /// The header of the request this answers.
    pub request_header: NetlinkHeader,
    /// The request's payload as echoed back; empty when capped
    /// (`NLM_F_CAPPED`: always for ACKs, and for errors with `NETLINK_CAP_ACK`).
    pub request_payload: Vec<u8>,
    /// Extended ACK attributes, in wire order; unknown ones kept raw.
    pub ext_ack: Vec<ExtAckAttr>,
}

impl ErrorMessage {
    /// Size of `struct nlmsgerr` without the echoed payload.
    pub const MIN_LEN: usize = 4 + NetlinkHeader::LEN;

    /// Decodes the payload of an `NLMSG_ERROR` message whose own header is
    /// `outer` (its flags say whether the request was capped and whether
    /// TLVs follow). Offsets in errors count from the start of `payload`.
    pub fn parse(outer: &NetlinkHeader, payload: &[u8]) -> Result<Self, DecodeError> {
        let fixed: &[u8; Self::MIN_LEN] = payload
            .get(..Self::MIN_LEN)
            .and_then(|b| b.try_into().ok())
            .ok_or_else(|| {
                DecodeError::truncated(0, "struct nlmsgerr", Self::MIN_LEN, payload.len())
            })?;
        let code = i32::from_ne_bytes([fixed[0], fixed[1], fixed[2], fixed[3]]);
        let mut echoed = [0u8; NetlinkHeader::LEN];
        echoed.copy_from_slice(&fixed[4..]);
        let request_header = NetlinkHeader::from_bytes(&echoed);
        let mut pos = Self::MIN_LEN;
        let mut request_payload = Vec::new();
        if !outer.flags.contains(NetlinkFlags::CAPPED) {
            let len = (request_header.length as usize).saturating_sub(NetlinkHeader::LEN);
            let bytes = payload.get(pos..pos + len).ok_or_else(|| {
                DecodeError::truncated(pos, "echoed request", len, payload.len() - pos)
            })?;
            request_payload = bytes.to_vec();
            pos = (pos + align(len)).min(payload.len());
        }
        let ext_ack = match payload.get(pos..) {
            Some(tlvs) if !tlvs.is_empty() => parse_attrs_lossy(tlvs, pos).0,
            _ => Vec::new(),
        };
        Ok(ErrorMessage {
            code,
            request_header,
            request_payload,
            ext_ack,
        })
    }

    /// Whether this is an ACK (code 0).
    pub fn is_ack(&self) -> bool {
        self.code == 0
    }

    /// The positive errno (`EEXIST` is 17), 0 for an ACK.
    pub fn errno(&self) -> i32 {
        self.code.checked_neg().unwrap_or(i32::MAX)
    }

    /// The errno's name (`"EEXIST"`).
    pub fn errno_name(&self) -> Option<&'static str> {
        errno_name(self.code)
    }

    /// Length of this payload on the wire.
    pub fn buffer_len(&self) -> usize {
        let echoed = if self.request_payload.is_empty() {
            0
        } else {
            align(self.request_payload.len())
        };
        Self::MIN_LEN + echoed + attrs_len(&self.ext_ack)
    }

    /// Writes the payload into `buf` (exactly `buffer_len()` bytes).
    pub fn emit(&self, buf: &mut [u8]) {
        buf[0..4].copy_from_slice(&self.code.to_ne_bytes());
        buf[4..Self::MIN_LEN].copy_from_slice(&self.request_header.to_bytes());
        let mut pos = Self::MIN_LEN;
        if !self.request_payload.is_empty() {
            let len = self.request_payload.len();
            buf[pos..pos + len].copy_from_slice(&self.request_payload);
            buf[pos + len..pos + align(len)].fill(0);
            pos += align(len);
        }
        emit_attrs(&self.ext_ack, &mut buf[pos..]);
    }
}

impl ExtAck for ErrorMessage {
    fn ext_ack(&self) -> &[ExtAckAttr] {
        &self.ext_ack
    }
}

/// Reads like iproute2: `Error: Unknown device type. (EOPNOTSUPP, errno 95:
/// Operation not supported)`, or without a kernel message `File exists
/// (EEXIST, errno 17)`; then where the kernel pointed, if it did.
impl fmt::Display for ErrorMessage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_errno_text(f, self.code, self)
    }
}

impl std::error::Error for ErrorMessage {}

fn write_errno_text(f: &mut fmt::Formatter<'_>, code: i32, ext: &dyn ExtAck) -> fmt::Result {
    let errno = code.checked_abs().unwrap_or(i32::MAX);
    let name = errno_name(errno).unwrap_or("unknown errno");
    let description = errno_description(errno);
    match ext.ext_message() {
        Some(message) => {
            let stop = if message.ends_with('.') { "" } else { "." };
            write!(
                f,
                "Error: {message}{stop} ({name}, errno {errno}: {description})"
            )?;
        }
        None => write!(f, "{description} ({name}, errno {errno})")?,
    }
    if let Some(offset) = ext.ext_offset() {
        write!(f, "; offending attribute at offset {offset} of the request")?;
    }
    if let Some(kind) = ext.ext_missing_type() {
        write!(f, "; missing attribute {kind}")?;
        if let Some(nest) = ext.ext_missing_nest() {
            write!(f, " in the nest at offset {nest}")?;
        }
    }
    Ok(())
}

/// `NLMSG_DONE`: the end of a dump, with the dump's result code and, on
/// newer kernels, extended ACK attributes.
#[derive(Debug, Clone, PartialEq)]
pub struct DoneMessage {
    /// The dump's result: 0, or a negative errno when the dump failed part
    /// way. `None` when the message carried no payload at all (some
    /// protocols send an empty DONE).
    pub code: Option<i32>,
    /// Extended ACK attributes, in wire order.
    pub ext_ack: Vec<ExtAckAttr>,
}

impl DoneMessage {
    /// Decodes the payload of an `NLMSG_DONE` message.
    pub fn parse(payload: &[u8]) -> Result<Self, DecodeError> {
        if payload.is_empty() {
            return Ok(DoneMessage {
                code: None,
                ext_ack: Vec::new(),
            });
        }
        let code: [u8; 4] = payload
            .get(..4)
            .and_then(|b| b.try_into().ok())
            .ok_or_else(|| DecodeError::truncated(0, "NLMSG_DONE code", 4, payload.len()))?;
        let ext_ack = match payload.get(4..) {
            Some(tlvs) if !tlvs.is_empty() => parse_attrs_lossy(tlvs, 4).0,
            _ => Vec::new(),
        };
        Ok(DoneMessage {
            code: Some(i32::from_ne_bytes(code)),
            ext_ack,
        })
    }

    /// Whether the dump ended with an error.
    pub fn is_error(&self) -> bool {
        matches!(self.code, Some(c) if c < 0)
    }

    /// Length of this payload on the wire.
    pub fn buffer_len(&self) -> usize {
        match self.code {
            None => 0,
            Some(_) => 4 + attrs_len(&self.ext_ack),
        }
    }

    /// Writes the payload into `buf` (exactly `buffer_len()` bytes).
    pub fn emit(&self, buf: &mut [u8]) {
        if let Some(code) = self.code {
            buf[..4].copy_from_slice(&code.to_ne_bytes());
            emit_attrs(&self.ext_ack, &mut buf[4..]);
        }
    }
}

impl ExtAck for DoneMessage {
    fn ext_ack(&self) -> &[ExtAckAttr] {
        &self.ext_ack
    }
}

/// `Error: ... (ENAME, errno N: text)` for a failed dump; `done` otherwise.
impl fmt::Display for DoneMessage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.code {
            Some(code) if code != 0 => write_errno_text(f, code, self),
            _ => f.write_str("done"),
        }
    }
}
