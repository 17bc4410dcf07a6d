//! Appending attributes to a growing buffer, for hand-built messages.

use super::set::{emit_header, Attribute};
use super::value::AttrValue;
use super::{NLA_F_NESTED, NLA_HEADER_LEN};
use crate::header::align;

/// Appends attributes to a `Vec<u8>`; nests are opened and closed around
/// their contents, their lengths patched in when closed.
///
/// ```
/// use netlink_packet_core::nla::{NlaIter, NlaWriter};
/// let mut buf = Vec::new();
/// let mut w = NlaWriter::new(&mut buf);
/// w.put_str(3, "v0");
/// let nest = w.begin_nested(18);
/// w.put_str(1, "veth");
/// w.end_nested(nest);
/// let kinds: Vec<u16> = NlaIter::new(&buf).map(|a| a.unwrap().kind()).collect();
/// assert_eq!(kinds, [3, 18]);
/// ```
#[derive(Debug)]
pub struct NlaWriter<'a> {
    buf: &'a mut Vec<u8>,
}

/// An open nest, returned by [`NlaWriter::begin_nested`].
#[derive(Debug)]
#[must_use = "a nest must be closed with end_nested"]
pub struct NestStart(usize);

impl<'a> NlaWriter<'a> {
    /// A writer appending to `buf`.
    pub fn new(buf: &'a mut Vec<u8>) -> Self {
        NlaWriter { buf }
    }

    /// Appends an attribute with raw `nla_type` (flags included) and value.
    pub fn put_raw(&mut self, raw_kind: u16, value: &[u8]) {
        let start = self.buf.len();
        let len = NLA_HEADER_LEN + value.len();
        self.buf.resize(start + align(len), 0);
        let slot = &mut self.buf[start..];
        emit_header(slot, len, raw_kind);
        slot[NLA_HEADER_LEN..len].copy_from_slice(value);
    }

    /// Appends attribute `kind` holding a typed value.
    pub fn put<T: AttrValue>(&mut self, kind: u16, value: &T) {
        let start = self.buf.len();
        let len = NLA_HEADER_LEN + value.value_len();
        self.buf.resize(start + align(len), 0);
        let slot = &mut self.buf[start..];
        emit_header(slot, len, kind | value.header_flags());
        value.emit_value(&mut slot[NLA_HEADER_LEN..len]);
    }

    /// Appends a declared attribute.
    pub fn put_attr<A: Attribute>(&mut self, attr: &A) {
        let start = self.buf.len();
        self.buf.resize(start + attr.buffer_len(), 0);
        attr.emit(&mut self.buf[start..]);
    }

    /// Appends a `u8` attribute.
    pub fn put_u8(&mut self, kind: u16, value: u8) {
        self.put(kind, &value);
    }
    /// Appends a native-endian `u16` attribute.
    pub fn put_u16(&mut self, kind: u16, value: u16) {
        self.put(kind, &value);
    }
    /// Appends a native-endian `u32` attribute.
    pub fn put_u32(&mut self, kind: u16, value: u32) {
        self.put(kind, &value);
    }
    /// Appends a native-endian `u64` attribute.
    pub fn put_u64(&mut self, kind: u16, value: u64) {
        self.put(kind, &value);
    }
    /// Appends a NUL-terminated string attribute.
    pub fn put_str(&mut self, kind: u16, value: &str) {
        let start = self.buf.len();
        let len = NLA_HEADER_LEN + value.len() + 1;
        self.buf.resize(start + align(len), 0);
        let slot = &mut self.buf[start..];
        emit_header(slot, len, kind);
        slot[NLA_HEADER_LEN..len - 1].copy_from_slice(value.as_bytes());
    }
    /// Appends a flag attribute (no value).
    pub fn put_flag(&mut self, kind: u16) {
        self.put_raw(kind, &[]);
    }

    /// Opens nest `kind` (flagged `NLA_F_NESTED`); attributes appended until
    /// [`end_nested`](Self::end_nested) go inside it.
    pub fn begin_nested(&mut self, kind: u16) -> NestStart {
        let start = self.buf.len();
        self.buf.extend_from_slice(&[0; NLA_HEADER_LEN]);
        emit_header(&mut self.buf[start..], NLA_HEADER_LEN, kind | NLA_F_NESTED);
        NestStart(start)
    }

    /// Closes a nest, writing its final length.
    pub fn end_nested(&mut self, nest: NestStart) {
        let len = self.buf.len() - nest.0;
        let raw_kind = u16::from_ne_bytes([self.buf[nest.0 + 2], self.buf[nest.0 + 3]]);
        emit_header(&mut self.buf[nest.0..], len, raw_kind);
    }

    /// Bytes written so far into the underlying buffer (all of it, not only
    /// this writer's part).
    pub fn len(&self) -> usize {
        self.buf.len()
    }

    /// Whether the underlying buffer is empty.
    pub fn is_empty(&self) -> bool {
        self.buf.is_empty()
    }
}
