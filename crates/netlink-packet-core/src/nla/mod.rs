//! Netlink attributes (`struct nlattr`, linux/netlink.h): a zero-copy
//! iterator, a writer, typed values, and the [`attribute_set!`](crate::attribute_set)
//! declaration that turns a kernel attribute enum into Rust types. Every
//! decoded value can also describe itself as a tree named by its
//! declarations ([`Described`]), which is what decoders and JSON print.
//!
//! An attribute is a 4-byte header (`nla_len`, `nla_type`) followed by the
//! value and padding up to a multiple of 4. The two top bits of `nla_type`
//! are flags (`NLA_F_NESTED`, `NLA_F_NET_BYTEORDER`).

mod declare;
mod describe;
mod fixed;
mod message_decl;
mod set;
mod short_string;
mod small_bytes;
mod value;
mod writer;

pub use describe::{
    control_type_name, describe_header, DescribeBits, Described, DescribedAttr, DescribedMessage,
    DescribedPayload,
};
pub use fixed::{ExtraBytes, StructField};
pub use set::{
    attrs_len, attrs_to_bytes, count_attrs, emit_attrs, parse_attrs, parse_attrs_lossy, push_attr,
    Attribute, RawAttr,
};
pub use short_string::ShortString;
pub use small_bytes::{SmallBytes, SMALL_BYTES_INLINE};
pub use value::{
    nest_flags, AttrValue, Be16, Be32, Be64, Flag, IndexedArray, IndexedArrayRef, MacAddr, Nested,
    NestedRef, Opaque, Sint, Uint,
};
pub use writer::NlaWriter;

use crate::error::{DecodeError, DecodeReason};
use crate::header::align;

/// Size of the attribute header (`NLA_HDRLEN`).
pub const NLA_HEADER_LEN: usize = 4;
/// `NLA_F_NESTED`: the value is a nested attribute set.
pub const NLA_F_NESTED: u16 = 1 << 15;
/// `NLA_F_NET_BYTEORDER`: the value is in network byte order.
pub const NLA_F_NET_BYTEORDER: u16 = 1 << 14;
/// `NLA_TYPE_MASK`: the bits of `nla_type` that are the attribute number.
pub const NLA_TYPE_MASK: u16 = !(NLA_F_NESTED | NLA_F_NET_BYTEORDER);
/// Largest value an attribute can carry: `nla_len` is 16 bits.
pub const NLA_MAX_VALUE_LEN: usize = u16::MAX as usize - NLA_HEADER_LEN;

/// One attribute borrowed from a buffer. Its length was checked when the
/// iterator produced it, so every accessor is infallible.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Nla<'a> {
    raw_kind: u16,
    value: &'a [u8],
    offset: usize,
}

impl<'a> Nla<'a> {
    /// An attribute with the raw `nla_type` (flags included), its value, and
    /// the offset of its header in the buffer being decoded.
    #[inline]
    pub fn new(raw_kind: u16, value: &'a [u8], offset: usize) -> Self {
        Nla {
            raw_kind,
            value,
            offset,
        }
    }

    /// The attribute number, flags masked off.
    #[inline]
    pub fn kind(&self) -> u16 {
        self.raw_kind & NLA_TYPE_MASK
    }

    /// The raw `nla_type`, flags included.
    #[inline]
    pub fn raw_kind(&self) -> u16 {
        self.raw_kind
    }

    /// The flag bits of `nla_type`.
    #[inline]
    pub fn flags(&self) -> u16 {
        self.raw_kind & !NLA_TYPE_MASK
    }

    /// Whether `NLA_F_NESTED` is set.
    #[inline]
    pub fn is_nested(&self) -> bool {
        self.raw_kind & NLA_F_NESTED != 0
    }

    /// Whether `NLA_F_NET_BYTEORDER` is set.
    #[inline]
    pub fn is_net_byteorder(&self) -> bool {
        self.raw_kind & NLA_F_NET_BYTEORDER != 0
    }

    /// The value bytes, without header or padding.
    #[inline]
    pub fn value(&self) -> &'a [u8] {
        self.value
    }

    /// Offset of the attribute header in the decoded buffer.
    #[inline]
    pub fn offset(&self) -> usize {
        self.offset
    }

    /// Offset of the value in the decoded buffer.
    #[inline]
    pub fn value_offset(&self) -> usize {
        self.offset + NLA_HEADER_LEN
    }

    /// The attributes nested in this one's value (whatever the flag says:
    /// many kernel nests predate `NLA_F_NESTED`).
    #[inline]
    pub fn nested(&self) -> NlaIter<'a> {
        NlaIter::with_base(self.value, self.value_offset())
    }

    /// Reads the value as `T` (borrowed form), checking its size.
    #[inline]
    pub fn get<T: AttrValue>(&self) -> Result<T::Ref<'a>, DecodeError> {
        T::parse_ref(self)
    }

    /// Reads a `u8` value.
    #[inline]
    pub fn as_u8(&self) -> Result<u8, DecodeError> {
        self.get::<u8>()
    }
    /// Reads a native-endian `u16` value.
    #[inline]
    pub fn as_u16(&self) -> Result<u16, DecodeError> {
        self.get::<u16>()
    }
    /// Reads a native-endian `u32` value.
    #[inline]
    pub fn as_u32(&self) -> Result<u32, DecodeError> {
        self.get::<u32>()
    }
    /// Reads a native-endian `u64` value.
    #[inline]
    pub fn as_u64(&self) -> Result<u64, DecodeError> {
        self.get::<u64>()
    }
    /// Reads an `i32` value.
    #[inline]
    pub fn as_i32(&self) -> Result<i32, DecodeError> {
        self.get::<i32>()
    }
    /// Reads a big-endian `u16` value (ports, for example).
    #[inline]
    pub fn as_be16(&self) -> Result<u16, DecodeError> {
        self.get::<Be16>().map(|v| v.0)
    }
    /// Reads a big-endian `u32` value.
    #[inline]
    pub fn as_be32(&self) -> Result<u32, DecodeError> {
        self.get::<Be32>().map(|v| v.0)
    }
    /// Reads a variable-width unsigned value (`NLA_UINT`: 4 or 8 bytes).
    #[inline]
    pub fn as_uint(&self) -> Result<u64, DecodeError> {
        self.get::<Uint>().map(|v| v.0)
    }
    /// Reads a variable-width signed value (`NLA_SINT`: 4 or 8 bytes).
    #[inline]
    pub fn as_sint(&self) -> Result<i64, DecodeError> {
        self.get::<Sint>().map(|v| v.0)
    }
    /// Reads a NUL-terminated UTF-8 string, without its NUL.
    #[inline]
    pub fn as_str(&self) -> Result<&'a str, DecodeError> {
        self.get::<String>()
    }
    /// Whether the value is empty, as a flag attribute's must be.
    #[inline]
    pub fn as_flag(&self) -> Result<(), DecodeError> {
        self.get::<Flag>().map(|_| ())
    }

    #[cold]
    #[inline(never)]
    pub(crate) fn wrong_size(&self, what: &'static str, expected: &'static str) -> DecodeError {
        DecodeError::new(
            self.offset,
            DecodeReason::WrongSize {
                what,
                expected,
                found: self.value.len(),
            },
        )
    }
}

/// Iterates over the attributes of a buffer without copying.
///
/// Yields an error and stops when an attribute header is malformed (its
/// length cannot be trusted, so nothing after it can be found); value-level
/// problems are left to the reader of each [`Nla`].
#[derive(Debug, Clone)]
pub struct NlaIter<'a> {
    buf: &'a [u8],
    pos: usize,
    base: usize,
    done: bool,
}

impl<'a> NlaIter<'a> {
    /// Attributes of `buf`, with offsets counted from the start of `buf`.
    #[inline]
    pub fn new(buf: &'a [u8]) -> Self {
        Self::with_base(buf, 0)
    }

    /// Attributes of `buf`, which starts at offset `base` of a larger buffer
    /// (offsets in items and errors are counted in that larger buffer).
    #[inline]
    pub fn with_base(buf: &'a [u8], base: usize) -> Self {
        NlaIter {
            buf,
            pos: 0,
            base,
            done: false,
        }
    }
}

impl<'a> Iterator for NlaIter<'a> {
    type Item = Result<Nla<'a>, DecodeError>;

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let rest = self.buf.get(self.pos..).unwrap_or(&[]);
        if rest.is_empty() {
            self.done = true;
            return None;
        }
        let offset = self.base + self.pos;
        let header: [u8; 4] = match rest.get(..NLA_HEADER_LEN).and_then(|h| h.try_into().ok()) {
            Some(h) => h,
            None => {
                self.done = true;
                return Some(Err(DecodeError::new(
                    offset,
                    DecodeReason::TrailingBytes { count: rest.len() },
                )));
            }
        };
        let len = usize::from(u16::from_ne_bytes([header[0], header[1]]));
        let raw_kind = u16::from_ne_bytes([header[2], header[3]]);
        if len < NLA_HEADER_LEN {
            self.done = true;
            return Some(Err(DecodeError::new(
                offset,
                DecodeReason::InvalidLength {
                    what: "attribute",
                    length: len,
                },
            )));
        }
        let Some(value) = rest.get(NLA_HEADER_LEN..len) else {
            self.done = true;
            return Some(Err(DecodeError::truncated(
                offset,
                "attribute",
                len,
                rest.len(),
            )));
        };
        // The last attribute may lack its padding; the kernel accepts that too.
        self.pos = (self.pos + align(len)).min(self.buf.len());
        Some(Ok(Nla::new(raw_kind, value, offset)))
    }
}

/// Finds the chain of attributes that contains byte `offset` of `buf`
/// (whose first attribute starts at `attrs_start`), descending into values
/// that parse as nested attribute sets. Used to turn the offset of an
/// extended ACK into an attribute path. Returns `(attribute number, header
/// offset)` from the outermost to the innermost attribute.
pub fn attribute_chain_at(buf: &[u8], attrs_start: usize, offset: usize) -> Vec<(u16, usize)> {
    let mut chain = Vec::new();
    let Some(mut region) = buf.get(attrs_start..) else {
        return chain;
    };
    let mut base = attrs_start;
    'outer: loop {
        for nla in NlaIter::with_base(region, base) {
            let Ok(nla) = nla else { break 'outer };
            let end = nla.value_offset() + nla.value().len();
            if offset >= nla.offset() && offset < end.max(nla.offset() + NLA_HEADER_LEN) {
                chain.push((nla.kind(), nla.offset()));
                if offset >= nla.value_offset() && looks_nested(nla.value()) {
                    region = nla.value();
                    base = nla.value_offset();
                    continue 'outer;
                }
                break 'outer;
            }
        }
        break;
    }
    chain
}

/// Whether `bytes` parse completely as a run of attributes.
fn looks_nested(bytes: &[u8]) -> bool {
    !bytes.is_empty() && NlaIter::new(bytes).all(|nla| nla.is_ok())
}

#[cfg(test)]
mod describe_tests;
#[cfg(test)]
mod tests;
