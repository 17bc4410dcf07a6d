//! Decoded values described as a tree whose names come from the
//! declarations ([`attribute_set!`](crate::attribute_set),
//! [`fixed_struct!`](crate::fixed_struct), [`value_enum!`](crate::value_enum),
//! [`flag_set!`](crate::flag_set), [`header_message!`](crate::header_message)):
//! what `nlctl decode` prints and what its JSON output is made of.
//!
//! A description is built from an owned value with
//! [`AttrValue::describe`](crate::nla::AttrValue::describe),
//! [`StructField::describe`](crate::nla::StructField::describe) or
//! [`Attribute::describe`](crate::nla::Attribute::describe). Values a
//! declaration does not understand are described as their bytes, so a
//! description never loses anything the message carried.

use crate::control::{DoneMessage, ErrorMessage};
use crate::errno::errno_name;
use crate::header::{NetlinkHeader, NLMSG_DONE, NLMSG_ERROR, NLMSG_NOOP, NLMSG_OVERRUN};
use crate::message::{NetlinkMessage, NetlinkPayload};

use super::set::Attribute;

/// A decoded value, described with the names of its declaration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Described {
    /// An unsigned integer (`u8`..`u64`, big-endian ones, `NLA_UINT`).
    Unsigned(u64),
    /// A signed integer (`s8`..`s64`, `NLA_SINT`).
    Signed(i64),
    /// A string.
    Text(String),
    /// Bytes the declaration does not interpret (binary values, unknown
    /// attributes, nests whose meaning is not known).
    Bytes(Vec<u8>),
    /// An address in its usual text form: IPv4, IPv6, MAC.
    Address(String),
    /// A flag attribute (present, no value).
    Flag,
    /// A value of an enumeration: its declared name (`None` for a value the
    /// declaration does not know) and its number.
    Enum {
        /// The declared name (iproute2's spelling), if the value is declared.
        name: Option<&'static str>,
        /// The number.
        value: u64,
    },
    /// A set of flag bits: the names of the declared flags that are set,
    /// the raw bits, and the bits no declared flag covers.
    Flags {
        /// Names of the set flags, in declaration order.
        names: Vec<&'static str>,
        /// All the bits.
        value: u64,
        /// Set bits that no declared flag covers.
        unknown: u64,
    },
    /// A C structure: its fields by name, in layout order.
    Fields(Vec<(&'static str, Described)>),
    /// A run of attributes (a nest, or a message's attributes).
    Attributes(Vec<DescribedAttr>),
    /// An indexed array (`NLA_NESTED_ARRAY`): each element with its index.
    Indexed(Vec<(u16, Described)>),
    /// A list of values of one type.
    List(Vec<Described>),
}

/// One attribute, described: its number, the kernel constant's name, and
/// its value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DescribedAttr {
    /// The attribute number, without flag bits.
    pub number: u16,
    /// The kernel constant's name (`IFLA_IFNAME`); `None` for an attribute
    /// the declaration does not know.
    pub name: Option<&'static str>,
    /// The value.
    pub value: Described,
}

impl DescribedAttr {
    /// An attribute the declaration does not know: its number and bytes.
    pub fn unknown(number: u16, bytes: &[u8]) -> Self {
        DescribedAttr {
            number,
            name: None,
            value: Described::Bytes(bytes.to_vec()),
        }
    }
}

impl Described {
    /// Describes `attrs` one by one.
    pub fn attributes<A: Attribute>(attrs: &[A]) -> Described {
        Described::Attributes(attrs.iter().map(Attribute::describe).collect())
    }

    /// An address (IP or MAC) in its text form.
    pub fn address(address: impl std::fmt::Display) -> Described {
        Described::Address(address.to_string())
    }

    /// The field called `name`, for a [`Described::Fields`] value.
    pub fn field(&self, name: &str) -> Option<&Described> {
        match self {
            Described::Fields(fields) => fields.iter().find(|(n, _)| *n == name).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The first attribute numbered `number`, for a
    /// [`Described::Attributes`] value.
    pub fn attr(&self, number: u16) -> Option<&DescribedAttr> {
        match self {
            Described::Attributes(attrs) => attrs.iter().find(|a| a.number == number),
            _ => None,
        }
    }
}

/// A message's payload, described: the message type's name, the fixed
/// header that starts the payload, and what follows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DescribedPayload {
    /// The message type's name (`RTM_NEWLINK`, `NLMSG_ERROR`); `None` for a
    /// type the protocol does not declare.
    pub type_name: Option<&'static str>,
    /// The payload's fixed header: the C structure's name (`ifinfomsg`,
    /// `nlmsgerr`) and its fields. `None` when the payload has no fixed
    /// header or is not understood.
    pub fixed: Option<(&'static str, Described)>,
    /// The payload after the fixed header: attributes for typed messages,
    /// bytes for payloads not understood.
    pub body: Described,
}

impl DescribedPayload {
    /// A payload not understood: its type's name, if known, and its bytes.
    pub fn raw(type_name: Option<&'static str>, bytes: &[u8]) -> Self {
        DescribedPayload {
            type_name,
            fixed: None,
            body: Described::Bytes(bytes.to_vec()),
        }
    }
}

/// A whole netlink message, described: its header and its payload.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DescribedMessage {
    /// The netlink header, as read.
    pub header: NetlinkHeader,
    /// The payload.
    pub payload: DescribedPayload,
}

/// The name of control message type `message_type` (`NLMSG_ERROR`), if it
/// is one (linux/netlink.h).
pub fn control_type_name(message_type: u16) -> Option<&'static str> {
    Some(match message_type {
        NLMSG_NOOP => "NLMSG_NOOP",
        NLMSG_ERROR => "NLMSG_ERROR",
        NLMSG_DONE => "NLMSG_DONE",
        NLMSG_OVERRUN => "NLMSG_OVERRUN",
        _ => return None,
    })
}

impl<T> NetlinkMessage<T> {
    /// The message described: control messages by the core, the
    /// protocol's own payload by `inner`.
    pub fn describe_with(&self, inner: impl FnOnce(&T) -> DescribedPayload) -> DescribedMessage {
        let control = |fixed, body| DescribedPayload {
            type_name: control_type_name(self.header.message_type),
            fixed,
            body,
        };
        let payload = match &self.payload {
            NetlinkPayload::Noop(bytes) | NetlinkPayload::Overrun(bytes) => {
                DescribedPayload::raw(control_type_name(self.header.message_type), bytes)
            }
            NetlinkPayload::Ack(error) | NetlinkPayload::Error(error) => {
                let (fixed, attrs) = error.describe();
                control(Some(("nlmsgerr", fixed)), attrs)
            }
            NetlinkPayload::Done(done) => {
                let (fixed, attrs) = done.describe();
                control(fixed.map(|f| ("done", f)), attrs)
            }
            NetlinkPayload::Inner(payload) => inner(payload),
        };
        DescribedMessage {
            header: self.header,
            payload,
        }
    }
}

impl ErrorMessage {
    /// `struct nlmsgerr` described: the error code (by errno name), the
    /// echoed request header and payload, and the extended ACK attributes.
    pub fn describe(&self) -> (Described, Described) {
        let errno = self.code.checked_neg().unwrap_or(i32::MAX);
        let mut fields = vec![
            (
                "error",
                Described::Enum {
                    name: if self.code == 0 {
                        Some("ACK")
                    } else {
                        errno_name(self.code)
                    },
                    value: u64::from(errno.unsigned_abs()),
                },
            ),
            ("request", describe_header(&self.request_header)),
        ];
        if !self.request_payload.is_empty() {
            fields.push((
                "request_payload",
                Described::Bytes(self.request_payload.clone()),
            ));
        }
        (
            Described::Fields(fields),
            Described::attributes(&self.ext_ack),
        )
    }
}

impl DoneMessage {
    /// `NLMSG_DONE` described: its code (when it has one) and extended ACK
    /// attributes.
    pub fn describe(&self) -> (Option<Described>, Described) {
        let fixed = self.code.map(|code| {
            Described::Fields(vec![(
                "error",
                Described::Enum {
                    name: if code == 0 {
                        Some("OK")
                    } else {
                        errno_name(code)
                    },
                    value: u64::from(code.unsigned_abs()),
                },
            )])
        });
        (fixed, Described::attributes(&self.ext_ack))
    }
}

/// A netlink header (`struct nlmsghdr`) described field by field. Only
/// the flag bits whose meaning does not depend on the message kind are
/// named; the others are left in the flags' `unknown` bits.
pub fn describe_header(header: &NetlinkHeader) -> Described {
    const LOW: [(u16, &str); 6] = [
        (0x01, "REQUEST"),
        (0x02, "MULTI"),
        (0x04, "ACK"),
        (0x08, "ECHO"),
        (0x10, "DUMP_INTR"),
        (0x20, "DUMP_FILTERED"),
    ];
    let bits = header.flags.bits();
    let names = LOW
        .iter()
        .filter(|(bit, _)| bits & bit != 0)
        .map(|(_, name)| *name)
        .collect();
    let known = LOW.iter().fold(0, |acc, (bit, _)| acc | bit);
    Described::Fields(vec![
        ("len", Described::Unsigned(header.length.into())),
        (
            "type",
            Described::Enum {
                name: control_type_name(header.message_type),
                value: header.message_type.into(),
            },
        ),
        (
            "flags",
            Described::Flags {
                names,
                value: bits.into(),
                unknown: (bits & !known).into(),
            },
        ),
        ("seq", Described::Unsigned(header.sequence_number.into())),
        ("pid", Described::Unsigned(header.port_id.into())),
    ])
}

/// An integer an enumeration or flag set is carried in, widened to the
/// `u64` of [`Described::Enum`] and [`Described::Flags`] (signed values
/// keep their two's complement bits). Used by the declaration macros.
#[doc(hidden)]
pub trait DescribeBits: Copy {
    /// The value as 64 bits.
    fn describe_bits(self) -> u64;
}

macro_rules! describe_bits {
    ($($ty:ty),*) => {$(
        impl DescribeBits for $ty {
            fn describe_bits(self) -> u64 {
                // Widening: sign-extended for signed types, as intended.
                #[allow(clippy::cast_sign_loss, clippy::unnecessary_cast)]
                let bits = self as u64;
                bits
            }
        }
    )*};
}

describe_bits!(u8, u16, u32, u64, i8, i16, i32, i64);
