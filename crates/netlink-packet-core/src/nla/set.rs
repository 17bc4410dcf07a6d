//! Attribute sets: the trait every declared set implements, the lossless
//! fallback for attributes a declaration does not know, and helpers to parse
//! and emit a run of attributes.

use super::describe::{Described, DescribedAttr};
use super::{Nla, NlaIter, NLA_HEADER_LEN, NLA_TYPE_MASK};
use crate::error::DecodeError;
use crate::header::align;

/// One attribute of a declared set (see [`attribute_set!`](crate::attribute_set)).
/// Implemented by the generated owned enum.
pub trait Attribute: Sized {
    /// The generated zero-copy enum.
    type Ref<'a>;

    /// The declared set's Rust name, for messages.
    const SET_NAME: &'static str;

    /// The kernel constant's name for attribute number `kind`
    /// (`3` -> `"IFLA_IFNAME"`), if declared.
    fn name_of(kind: u16) -> Option<&'static str>;

    /// The attribute number, without flag bits.
    fn kind(&self) -> u16;

    /// Flag bits for the header.
    fn header_flags(&self) -> u16;

    /// Length of the value, without header and padding.
    fn value_len(&self) -> usize;

    /// Writes the value into `buf` (exactly `value_len()` bytes).
    fn emit_value(&self, buf: &mut [u8]);

    /// Decodes `nla` without copying. Unknown numbers give the `Unknown`
    /// variant; a known number with a bad value is an error naming it.
    fn parse_ref<'a>(nla: &Nla<'a>) -> Result<Self::Ref<'a>, DecodeError>;

    /// Decodes `nla` into an owned value.
    fn parse(nla: &Nla<'_>) -> Result<Self, DecodeError>;

    /// Decodes `nla` into an owned value appended to `out`; on error `out`
    /// is unchanged. What [`parse_attrs_lossy`] and [`parse_attrs`] use:
    /// the declared sets build each value in the vector's slot instead of
    /// moving it there through a returned `Result`.
    fn parse_into(nla: &Nla<'_>, out: &mut Vec<Self>) -> Result<(), DecodeError> {
        out.push(Self::parse(nla)?);
        Ok(())
    }

    /// The `Unknown` variant holding `nla` byte for byte.
    fn raw(nla: &Nla<'_>) -> Self;

    /// The kernel constant's name of this attribute, or `None` for an
    /// attribute the declaration does not know.
    fn name(&self) -> Option<&'static str> {
        Self::name_of(self.kind())
    }

    /// Length on the wire: header, value and padding.
    fn buffer_len(&self) -> usize {
        align(NLA_HEADER_LEN + self.value_len())
    }

    /// Writes header, value and padding into `buf` (exactly `buffer_len()` bytes).
    fn emit(&self, buf: &mut [u8]) {
        let len = NLA_HEADER_LEN + self.value_len();
        emit_header(buf, len, self.kind() | self.header_flags());
        self.emit_value(&mut buf[NLA_HEADER_LEN..len]);
        buf[len..].fill(0);
    }

    /// The attribute as bytes.
    fn to_bytes(&self) -> Vec<u8> {
        let mut buf = vec![0; self.buffer_len()];
        self.emit(&mut buf);
        buf
    }

    /// The attribute described: number, kernel name and value. By default
    /// the value is its bytes; [`attribute_set!`](crate::attribute_set)
    /// describes each declared value with its type.
    fn describe(&self) -> DescribedAttr {
        let mut bytes = vec![0; self.value_len()];
        self.emit_value(&mut bytes);
        DescribedAttr {
            number: self.kind(),
            name: self.name(),
            value: Described::Bytes(bytes),
        }
    }
}

/// Writes an attribute header. `nla_len` is 16 bits: a longer value cannot
/// be expressed by netlink at all, and is written with the length saturated
/// (the kernel rejects it) rather than wrapped into a wrong but plausible one.
pub(crate) fn emit_header(buf: &mut [u8], len: usize, raw_kind: u16) {
    let len = u16::try_from(len).unwrap_or(u16::MAX);
    buf[0..2].copy_from_slice(&len.to_ne_bytes());
    buf[2..4].copy_from_slice(&raw_kind.to_ne_bytes());
}

/// An attribute kept as raw bytes: unknown to the declaration, or known but
/// malformed (see [`parse_attrs_lossy`]). Emitted back unchanged.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct RawAttr {
    /// The raw `nla_type`, flags included.
    pub raw_kind: u16,
    /// The value bytes (a boxed slice: with the kind, 24 bytes, so that
    /// the `Unknown` variant does not make every attribute enum larger).
    pub value: Box<[u8]>,
}

impl RawAttr {
    /// The attribute number without flags.
    pub fn kind(&self) -> u16 {
        self.raw_kind & NLA_TYPE_MASK
    }

    /// The flag bits.
    pub fn flags(&self) -> u16 {
        self.raw_kind & !NLA_TYPE_MASK
    }
}

impl From<&Nla<'_>> for RawAttr {
    fn from(nla: &Nla<'_>) -> Self {
        RawAttr {
            raw_kind: nla.raw_kind(),
            value: nla.value().into(),
        }
    }
}

/// Pushes `wrap(value)` onto `out`; used by the `parse_into` that
/// [`attribute_set!`](crate::attribute_set) generates, once per variant.
///
/// A plain `out.push(wrap(value))` builds the attribute on the stack
/// (it must outlive the call that may grow the vector) and copies it in;
/// reading back whole what had just been written field by field stalled
/// the CPU (a failed store-to-load forward) on almost every attribute: 45%
/// of `parse_attrs_lossy`'s samples. `extend` reserves first and then
/// builds the value in its slot. Not inlined, so that the arms of a set's
/// `parse_into` are not merged back into one copy from the stack.
#[inline(never)]
#[doc(hidden)]
pub fn push_attr<A, T, F: FnMut(T) -> A>(out: &mut Vec<A>, value: T, wrap: F) {
    out.extend(std::iter::once(value).map(wrap))
}

/// Total wire length of `attrs`.
pub fn attrs_len<A: Attribute>(attrs: &[A]) -> usize {
    attrs.iter().map(Attribute::buffer_len).sum()
}

/// `attrs` as the bytes of a nest's value (what a lazily decoded nest keeps).
pub fn attrs_to_bytes<A: Attribute>(attrs: &[A]) -> Box<[u8]> {
    let mut bytes = vec![0; attrs_len(attrs)].into_boxed_slice();
    emit_attrs(attrs, &mut bytes);
    bytes
}

/// Writes `attrs` one after another into `buf` (exactly `attrs_len(attrs)` bytes).
pub fn emit_attrs<A: Attribute>(attrs: &[A], buf: &mut [u8]) {
    let mut pos = 0;
    for attr in attrs {
        // One length computation per attribute (a nest's walks its own).
        let len = NLA_HEADER_LEN + attr.value_len();
        let padded = align(len);
        let out = &mut buf[pos..pos + padded];
        emit_header(out, len, attr.kind() | attr.header_flags());
        attr.emit_value(&mut out[NLA_HEADER_LEN..len]);
        out[len..].fill(0);
        pos += padded;
    }
}

/// Parses every attribute of `buf` (which starts at `base` in the message),
/// failing on the first error.
pub fn parse_attrs<A: Attribute>(buf: &[u8], base: usize) -> Result<Vec<A>, DecodeError> {
    let mut attrs = Vec::with_capacity(count_attrs(buf));
    for nla in NlaIter::with_base(buf, base) {
        A::parse_into(&nla?, &mut attrs)?;
    }
    Ok(attrs)
}

/// How many attributes `buf` holds, from their length fields alone: what
/// a parse keeps (it stops at the first broken header, as this does). Far
/// cheaper than a walk that builds each attribute, for sizing a vector.
pub fn count_attrs(buf: &[u8]) -> usize {
    let (mut pos, mut count) = (0, 0);
    while let Some(&[low, high, ..]) = buf.get(pos..) {
        let len = usize::from(u16::from_ne_bytes([low, high]));
        if len < NLA_HEADER_LEN || buf.len() - pos < len {
            break;
        }
        count += 1;
        pos += align(len);
    }
    count
}

/// Parses every attribute of `buf` without giving up: an attribute whose
/// value does not decode is kept raw (in the `Unknown` variant) and its error
/// is returned beside the attributes, so one bad attribute costs nothing
/// else. A header so broken that the attributes after it cannot be found
/// ends the run; its error is returned too.
pub fn parse_attrs_lossy<A: Attribute>(buf: &[u8], base: usize) -> (Vec<A>, Vec<DecodeError>) {
    // Counting first (headers only) sizes the vector once: no regrowth,
    // and no spare capacity kept by every message a caller collects.
    let mut attrs = Vec::with_capacity(count_attrs(buf));
    let mut errors = Vec::new();
    for nla in NlaIter::with_base(buf, base) {
        match nla {
            Ok(nla) => {
                if let Err(error) = A::parse_into(&nla, &mut attrs) {
                    attrs.push(A::raw(&nla));
                    errors.push(error);
                }
            }
            Err(error) => errors.push(error),
        }
    }
    (attrs, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_count_is_what_a_walk_yields_whole_or_broken() {
        // Two attributes (4-byte value, 1-byte value padded), then damage.
        let good = [8u8, 0, 1, 0, 1, 2, 3, 4, 5, 0, 2, 0, 9, 0, 0, 0];
        let walked = |buf: &[u8]| NlaIter::new(buf).filter(Result::is_ok).count();
        let mut cases: Vec<Vec<u8>> = vec![good.to_vec(), Vec::new()];
        // Every truncation, an unpadded last attribute, a short length,
        // a length past the end, trailing bytes.
        cases.extend((0..good.len()).map(|n| good[..n].to_vec()));
        cases.push(good[..13].to_vec());
        cases.push([&good[..], &[2, 0, 3, 0]].concat());
        cases.push([&good[..], &[200, 0, 3, 0]].concat());
        cases.push([&good[..], &[1]].concat());
        for case in cases {
            assert_eq!(count_attrs(&case), walked(&case), "{case:?}");
        }
    }
}
