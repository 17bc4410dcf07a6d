//! Typed attribute values: how each kernel attribute type (`NLA_U8`..`NLA_U64`,
//! signed, big-endian, `NLA_UINT`/`NLA_SINT`, strings, binary, flags,
//! addresses, nests, indexed arrays) is read and written.

use std::fmt;
use std::marker::PhantomData;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use super::describe::Described;
use super::set::{attrs_len, count_attrs, emit_attrs, parse_attrs, Attribute};
use super::short_string::ShortString;
use super::{Nla, NlaIter, NLA_F_NESTED, NLA_HEADER_LEN};
use crate::error::{DecodeError, DecodeReason};
use crate::header::align;

/// A type an attribute's value can hold.
///
/// `Ref<'a>` is the borrowed form read straight from the buffer (a `&str`
/// for a string, a lazy iterator for a nest); the owned form is `Self`.
pub trait AttrValue: Sized {
    /// The zero-copy form of the value.
    type Ref<'a>;

    /// Reads the value of `nla` without copying, checking its size.
    fn parse_ref<'a>(nla: &Nla<'a>) -> Result<Self::Ref<'a>, DecodeError>;

    /// Turns the borrowed form into an owned value (nests are decoded here).
    fn from_ref(value: &Self::Ref<'_>) -> Result<Self, DecodeError>;

    /// Reads an owned value from `nla`.
    #[inline]
    fn parse(nla: &Nla<'_>) -> Result<Self, DecodeError> {
        Self::from_ref(&Self::parse_ref(nla)?)
    }

    /// Flag bits (`NLA_F_NESTED`, `NLA_F_NET_BYTEORDER`) for the attribute
    /// header when this value is emitted.
    fn header_flags(&self) -> u16 {
        0
    }

    /// Length of the value in bytes, without header or padding.
    fn value_len(&self) -> usize;

    /// Writes the value into `buf`, which is exactly `value_len()` bytes.
    fn emit_value(&self, buf: &mut [u8]);

    /// The value described with its declaration's names, for `nlctl
    /// decode` and JSON. By default the value's bytes as emitted; the
    /// core's types and the declaration macros describe themselves.
    fn describe(&self) -> Described {
        let mut bytes = vec![0; self.value_len()];
        self.emit_value(&mut bytes);
        Described::Bytes(bytes)
    }
}

/// A value kept behind a pointer: for the rare large values of an
/// attribute enum (link statistics), so that every other attribute is not
/// as large as they are.
impl<T: AttrValue> AttrValue for Box<T> {
    type Ref<'a> = T::Ref<'a>;
    #[inline]
    fn parse_ref<'a>(nla: &Nla<'a>) -> Result<T::Ref<'a>, DecodeError> {
        T::parse_ref(nla)
    }
    #[inline]
    fn from_ref(value: &T::Ref<'_>) -> Result<Self, DecodeError> {
        T::from_ref(value).map(Box::new)
    }
    #[inline]
    fn parse(nla: &Nla<'_>) -> Result<Self, DecodeError> {
        T::parse(nla).map(Box::new)
    }
    fn header_flags(&self) -> u16 {
        (**self).header_flags()
    }
    fn value_len(&self) -> usize {
        (**self).value_len()
    }
    fn emit_value(&self, buf: &mut [u8]) {
        (**self).emit_value(buf)
    }
    fn describe(&self) -> Described {
        (**self).describe()
    }
}

/// How a scalar is described: as an unsigned or signed number, or as an
/// address in its text form.
macro_rules! describe_scalar {
    (Unsigned, $v:expr, $repr:ty) => {
        Described::Unsigned(u64::from(<$repr>::from($v)))
    };
    (Signed, $v:expr, $repr:ty) => {
        Described::Signed(i64::from(<$repr>::from($v)))
    };
    (Address, $v:expr, $repr:ty) => {
        Described::address($v)
    };
}
pub(crate) use describe_scalar;

macro_rules! fixed_scalar {
    ($($ty:ty => $repr:ty, $from:ident, $to:ident, $what:literal, $size:literal, $kind:ident;)*) => {$(
        impl AttrValue for $ty {
            type Ref<'a> = $ty;
            #[inline]
            fn parse_ref<'a>(nla: &Nla<'a>) -> Result<$ty, DecodeError> {
                nla.value()
                    .try_into()
                    .map(|b| <$ty>::from(<$repr>::$from(b)))
                    .map_err(|_| nla.wrong_size($what, $size))
            }
            #[inline]
            fn from_ref(value: &$ty) -> Result<$ty, DecodeError> {
                Ok(*value)
            }
            fn value_len(&self) -> usize {
                std::mem::size_of::<$repr>()
            }
            fn emit_value(&self, buf: &mut [u8]) {
                buf.copy_from_slice(&<$repr>::from(*self).$to());
            }
            fn describe(&self) -> Described {
                describe_scalar!($kind, *self, $repr)
            }
        }
    )*};
}

fixed_scalar! {
    u8 => u8, from_ne_bytes, to_ne_bytes, "u8", "1", Unsigned;
    u16 => u16, from_ne_bytes, to_ne_bytes, "u16", "2", Unsigned;
    u32 => u32, from_ne_bytes, to_ne_bytes, "u32", "4", Unsigned;
    u64 => u64, from_ne_bytes, to_ne_bytes, "u64", "8", Unsigned;
    i8 => i8, from_ne_bytes, to_ne_bytes, "s8", "1", Signed;
    i16 => i16, from_ne_bytes, to_ne_bytes, "s16", "2", Signed;
    i32 => i32, from_ne_bytes, to_ne_bytes, "s32", "4", Signed;
    i64 => i64, from_ne_bytes, to_ne_bytes, "s64", "8", Signed;
    Be16 => u16, from_be_bytes, to_be_bytes, "be16", "2", Unsigned;
    Be32 => u32, from_be_bytes, to_be_bytes, "be32", "4", Unsigned;
    Be64 => u64, from_be_bytes, to_be_bytes, "be64", "8", Unsigned;
    Ipv4Addr => u32, from_be_bytes, to_be_bytes, "IPv4 address", "4", Address;
    Ipv6Addr => u128, from_be_bytes, to_be_bytes, "IPv6 address", "16", Address;
}

macro_rules! big_endian {
    ($($name:ident($ty:ty), $doc:literal;)*) => {$(
        #[doc = $doc]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
        pub struct $name(pub $ty);
        impl From<$ty> for $name {
            fn from(v: $ty) -> Self {
                Self(v)
            }
        }
        impl From<$name> for $ty {
            fn from(v: $name) -> $ty {
                v.0
            }
        }
        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(&self.0, f)
            }
        }
    )*};
}

big_endian! {
    Be16(u16), "A 16-bit value in network byte order (`NLA_BE16`); holds the host value.";
    Be32(u32), "A 32-bit value in network byte order (`NLA_BE32`); holds the host value.";
    Be64(u64), "A 64-bit value in network byte order; holds the host value.";
}

/// A variable-width unsigned value (`NLA_UINT`): 4 bytes when it fits, else 8.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct Uint(pub u64);

impl AttrValue for Uint {
    type Ref<'a> = Uint;
    #[inline]
    fn parse_ref<'a>(nla: &Nla<'a>) -> Result<Uint, DecodeError> {
        match nla.value().len() {
            4 => u32::parse_ref(nla).map(|v| Uint(v.into())),
            8 => u64::parse_ref(nla).map(Uint),
            _ => Err(nla.wrong_size("uint", "4 or 8")),
        }
    }
    #[inline]
    fn from_ref(value: &Uint) -> Result<Uint, DecodeError> {
        Ok(*value)
    }
    fn value_len(&self) -> usize {
        if u32::try_from(self.0).is_ok() {
            4
        } else {
            8
        }
    }
    fn emit_value(&self, buf: &mut [u8]) {
        match u32::try_from(self.0) {
            Ok(small) => buf.copy_from_slice(&small.to_ne_bytes()),
            Err(_) => buf.copy_from_slice(&self.0.to_ne_bytes()),
        }
    }
    fn describe(&self) -> Described {
        Described::Unsigned(self.0)
    }
}

/// A variable-width signed value (`NLA_SINT`): 4 bytes when it fits, else 8.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct Sint(pub i64);

impl AttrValue for Sint {
    type Ref<'a> = Sint;
    #[inline]
    fn parse_ref<'a>(nla: &Nla<'a>) -> Result<Sint, DecodeError> {
        match nla.value().len() {
            4 => i32::parse_ref(nla).map(|v| Sint(v.into())),
            8 => i64::parse_ref(nla).map(Sint),
            _ => Err(nla.wrong_size("sint", "4 or 8")),
        }
    }
    #[inline]
    fn from_ref(value: &Sint) -> Result<Sint, DecodeError> {
        Ok(*value)
    }
    fn value_len(&self) -> usize {
        if i32::try_from(self.0).is_ok() {
            4
        } else {
            8
        }
    }
    fn emit_value(&self, buf: &mut [u8]) {
        match i32::try_from(self.0) {
            Ok(small) => buf.copy_from_slice(&small.to_ne_bytes()),
            Err(_) => buf.copy_from_slice(&self.0.to_ne_bytes()),
        }
    }
    fn describe(&self) -> Described {
        Described::Signed(self.0)
    }
}

/// A NUL-terminated string (`NLA_NUL_STRING`, and `NLA_STRING` as the kernel
/// emits it). The value must end with its only NUL and be UTF-8; anything
/// else is an error, so that the attribute is kept raw instead of altered.
impl AttrValue for String {
    type Ref<'a> = &'a str;
    #[inline]
    fn parse_ref<'a>(nla: &Nla<'a>) -> Result<&'a str, DecodeError> {
        let invalid = |why| DecodeError::new(nla.offset(), DecodeReason::InvalidString(why));
        let Some((&0, text)) = nla.value().split_last() else {
            return Err(invalid("not NUL-terminated"));
        };
        if text.contains(&0) {
            return Err(invalid("NUL inside the string"));
        }
        std::str::from_utf8(text).map_err(|_| invalid("not UTF-8"))
    }
    #[inline]
    fn from_ref(value: &&str) -> Result<String, DecodeError> {
        Ok((*value).to_string())
    }
    fn value_len(&self) -> usize {
        self.len() + 1
    }
    fn emit_value(&self, buf: &mut [u8]) {
        emit_str(self, buf)
    }
    fn describe(&self) -> Described {
        Described::Text(self.clone())
    }
}

/// The same attribute type as `String`, held inline when short: what the
/// declared sets use, so that decoding a name or a label allocates nothing.
impl AttrValue for ShortString {
    type Ref<'a> = &'a str;
    #[inline]
    fn parse_ref<'a>(nla: &Nla<'a>) -> Result<&'a str, DecodeError> {
        String::parse_ref(nla)
    }
    #[inline]
    fn from_ref(value: &&str) -> Result<ShortString, DecodeError> {
        Ok(ShortString::from(*value))
    }
    fn value_len(&self) -> usize {
        self.len() + 1
    }
    fn emit_value(&self, buf: &mut [u8]) {
        emit_str(self, buf)
    }
    fn describe(&self) -> Described {
        Described::Text(self.to_string())
    }
}

/// Writes `text` and its terminating NUL into `buf` (`text.len() + 1` bytes).
fn emit_str(text: &str, buf: &mut [u8]) {
    let (bytes, nul) = buf.split_at_mut(text.len());
    bytes.copy_from_slice(text.as_bytes());
    nul.fill(0);
}

/// Opaque bytes (`NLA_BINARY`).
impl AttrValue for Vec<u8> {
    type Ref<'a> = &'a [u8];
    #[inline]
    fn parse_ref<'a>(nla: &Nla<'a>) -> Result<&'a [u8], DecodeError> {
        Ok(nla.value())
    }
    #[inline]
    fn from_ref(value: &&[u8]) -> Result<Vec<u8>, DecodeError> {
        Ok(value.to_vec())
    }
    fn value_len(&self) -> usize {
        self.len()
    }
    fn emit_value(&self, buf: &mut [u8]) {
        buf.copy_from_slice(self);
    }
}

/// A flag attribute (`NLA_FLAG`): present or absent, no value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Flag;

impl AttrValue for Flag {
    type Ref<'a> = Flag;
    #[inline]
    fn parse_ref<'a>(nla: &Nla<'a>) -> Result<Flag, DecodeError> {
        if nla.value().is_empty() {
            Ok(Flag)
        } else {
            Err(nla.wrong_size("flag", "0"))
        }
    }
    #[inline]
    fn from_ref(_: &Flag) -> Result<Flag, DecodeError> {
        Ok(Flag)
    }
    fn value_len(&self) -> usize {
        0
    }
    fn emit_value(&self, _: &mut [u8]) {}
    fn describe(&self) -> Described {
        Described::Flag
    }
}

/// An IPv4 or IPv6 address, told apart by its length (4 or 16 bytes).
impl AttrValue for IpAddr {
    type Ref<'a> = IpAddr;
    #[inline]
    fn parse_ref<'a>(nla: &Nla<'a>) -> Result<IpAddr, DecodeError> {
        match nla.value().len() {
            4 => Ipv4Addr::parse_ref(nla).map(IpAddr::V4),
            16 => Ipv6Addr::parse_ref(nla).map(IpAddr::V6),
            _ => Err(nla.wrong_size("IP address", "4 or 16")),
        }
    }
    #[inline]
    fn from_ref(value: &IpAddr) -> Result<IpAddr, DecodeError> {
        Ok(*value)
    }
    fn value_len(&self) -> usize {
        match self {
            IpAddr::V4(_) => 4,
            IpAddr::V6(_) => 16,
        }
    }
    fn emit_value(&self, buf: &mut [u8]) {
        match self {
            IpAddr::V4(a) => a.emit_value(buf),
            IpAddr::V6(a) => a.emit_value(buf),
        }
    }
    fn describe(&self) -> Described {
        Described::address(self)
    }
}

/// An Ethernet (EUI-48) hardware address.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct MacAddr(pub [u8; 6]);

impl fmt::Display for MacAddr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let [a, b, c, d, e, g] = self.0;
        write!(f, "{a:02x}:{b:02x}:{c:02x}:{d:02x}:{e:02x}:{g:02x}")
    }
}

impl fmt::Debug for MacAddr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "MacAddr({self})")
    }
}

impl AttrValue for MacAddr {
    type Ref<'a> = MacAddr;
    #[inline]
    fn parse_ref<'a>(nla: &Nla<'a>) -> Result<MacAddr, DecodeError> {
        nla.value()
            .try_into()
            .map(MacAddr)
            .map_err(|_| nla.wrong_size("MAC address", "6"))
    }
    #[inline]
    fn from_ref(value: &MacAddr) -> Result<MacAddr, DecodeError> {
        Ok(*value)
    }
    fn value_len(&self) -> usize {
        6
    }
    fn emit_value(&self, buf: &mut [u8]) {
        buf.copy_from_slice(&self.0);
    }
    fn describe(&self) -> Described {
        Described::address(self)
    }
}

/// A nest whose decoded contents would be emitted at another length (its
/// last attribute lacked padding, say) is an error, so that the attribute
/// holding it is kept raw rather than altered.
fn check_reemits(nla: &Nla<'_>, emitted_len: usize) -> Result<(), DecodeError> {
    if emitted_len == nla.value().len() {
        Ok(())
    } else {
        Err(DecodeError::other(
            nla.offset(),
            format!(
                "nest of {} bytes would be emitted as {emitted_len}",
                nla.value().len()
            ),
        ))
    }
}

/// The header flags of a nest: `NLA_F_NESTED` when `flagged`. Nests keep
/// whether the kernel set the flag (many older nests do not) so that a
/// parsed value is emitted back unchanged.
pub fn nest_flags(flagged: bool) -> u16 {
    if flagged {
        NLA_F_NESTED
    } else {
        0
    }
}

/// A nested attribute set (`NLA_NESTED`) of the declared set `A`.
///
/// Remembers whether the kernel set `NLA_F_NESTED` on it (many older nests
/// do not), so that parse then emit gives the same bytes. Values built in
/// code set the flag, as current kernels expect.
#[derive(Debug, Clone, PartialEq)]
pub struct Nested<A> {
    /// The attributes, in wire order. A boxed slice, not a `Vec`: a
    /// decoded nest does not grow, and the two words fewer keep the
    /// attribute enums that hold a nest at 32 bytes.
    pub attrs: Box<[A]>,
    /// Whether the header carries `NLA_F_NESTED`.
    pub flagged: bool,
}

impl<A> Nested<A> {
    /// A nest holding `attrs`, flagged `NLA_F_NESTED`.
    pub fn new(attrs: Vec<A>) -> Self {
        Nested {
            attrs: attrs.into_boxed_slice(),
            flagged: true,
        }
    }

    /// The attributes as a vector, to add to or remove from.
    pub fn into_vec(self) -> Vec<A> {
        self.attrs.into_vec()
    }
}

impl<A> Default for Nested<A> {
    fn default() -> Self {
        Self::new(Vec::new())
    }
}

impl<A> From<Vec<A>> for Nested<A> {
    fn from(attrs: Vec<A>) -> Self {
        Self::new(attrs)
    }
}

impl<A> FromIterator<A> for Nested<A> {
    fn from_iter<I: IntoIterator<Item = A>>(iter: I) -> Self {
        Self::new(iter.into_iter().collect())
    }
}

impl<A> std::ops::Deref for Nested<A> {
    type Target = [A];
    fn deref(&self) -> &[A] {
        &self.attrs
    }
}

impl<A> std::ops::DerefMut for Nested<A> {
    fn deref_mut(&mut self) -> &mut [A] {
        &mut self.attrs
    }
}

/// The zero-copy form of a [`Nested`] set: its attributes are decoded one at
/// a time as they are iterated.
pub struct NestedRef<'a, A> {
    nla: Nla<'a>,
    set: PhantomData<fn() -> A>,
}

impl<'a, A> Clone for NestedRef<'a, A> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<'a, A> Copy for NestedRef<'a, A> {}

impl<'a, A> fmt::Debug for NestedRef<'a, A> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("NestedRef")
            .field("offset", &self.nla.offset())
            .field("len", &self.nla.value().len())
            .finish()
    }
}

impl<'a, A: Attribute> NestedRef<'a, A> {
    /// The nest's attributes, decoded lazily; each item says which attribute
    /// failed and where.
    pub fn iter(&self) -> impl Iterator<Item = Result<A::Ref<'a>, DecodeError>> + 'a {
        self.nla.nested().map(|nla| A::parse_ref(&nla?))
    }

    /// The raw attributes of the nest.
    pub fn raw(&self) -> NlaIter<'a> {
        self.nla.nested()
    }

    /// The attribute carrying the nest.
    pub fn nla(&self) -> Nla<'a> {
        self.nla
    }
}

impl<A: Attribute> AttrValue for Nested<A> {
    type Ref<'a> = NestedRef<'a, A>;
    #[inline]
    fn parse_ref<'a>(nla: &Nla<'a>) -> Result<NestedRef<'a, A>, DecodeError> {
        Ok(NestedRef {
            nla: *nla,
            set: PhantomData,
        })
    }
    #[inline]
    fn from_ref(value: &NestedRef<'_, A>) -> Result<Self, DecodeError> {
        let attrs = parse_attrs(value.nla.value(), value.nla.value_offset())?;
        check_reemits(&value.nla, attrs_len(&attrs))?;
        Ok(Nested {
            // Sized exactly by `parse_attrs`: no reallocation.
            attrs: attrs.into_boxed_slice(),
            flagged: value.nla.is_nested(),
        })
    }
    fn header_flags(&self) -> u16 {
        nest_flags(self.flagged)
    }
    fn value_len(&self) -> usize {
        attrs_len(&self.attrs)
    }
    fn emit_value(&self, buf: &mut [u8]) {
        emit_attrs(&self.attrs, buf);
    }
    fn describe(&self) -> Described {
        Described::attributes(&self.attrs)
    }
}

/// An indexed array (`NLA_NESTED_ARRAY`): a nest whose attribute numbers are
/// element indexes and whose values are all of type `T`. Indexes and the
/// element headers' flags are kept so the round trip is exact.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexedArray<T> {
    /// `(index, element)` pairs in wire order.
    pub items: Vec<(u16, T)>,
    /// Whether the outer header carries `NLA_F_NESTED`.
    pub flagged: bool,
}

impl<T> IndexedArray<T> {
    /// An array whose elements are numbered from 1, as most kernel arrays are.
    pub fn from_values(values: impl IntoIterator<Item = T>) -> Self {
        IndexedArray {
            items: (1u16..).zip(values).collect(),
            flagged: true,
        }
    }
}

/// The zero-copy form of an [`IndexedArray`].
pub struct IndexedArrayRef<'a, T> {
    nla: Nla<'a>,
    element: PhantomData<fn() -> T>,
}

impl<'a, T> Clone for IndexedArrayRef<'a, T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<'a, T> Copy for IndexedArrayRef<'a, T> {}

impl<'a, T> fmt::Debug for IndexedArrayRef<'a, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("IndexedArrayRef")
            .field("offset", &self.nla.offset())
            .field("len", &self.nla.value().len())
            .finish()
    }
}

impl<'a, T: AttrValue> IndexedArrayRef<'a, T> {
    /// The elements with their indexes, decoded lazily.
    pub fn iter(&self) -> impl Iterator<Item = Result<(u16, T::Ref<'a>), DecodeError>> + 'a {
        self.nla.nested().map(|nla| {
            let nla = nla?;
            Ok((nla.kind(), T::parse_ref(&nla)?))
        })
    }
}

impl<T: AttrValue> AttrValue for IndexedArray<T> {
    type Ref<'a> = IndexedArrayRef<'a, T>;
    #[inline]
    fn parse_ref<'a>(nla: &Nla<'a>) -> Result<IndexedArrayRef<'a, T>, DecodeError> {
        Ok(IndexedArrayRef {
            nla: *nla,
            element: PhantomData,
        })
    }
    #[inline]
    fn from_ref(value: &IndexedArrayRef<'_, T>) -> Result<Self, DecodeError> {
        let mut items = Vec::with_capacity(count_attrs(value.nla.value()));
        for nla in value.nla.nested() {
            let nla = nla?;
            items.push((nla.kind(), T::parse(&nla)?));
        }
        let len = items
            .iter()
            .map(|(_, v): &(u16, T)| align(NLA_HEADER_LEN + v.value_len()))
            .sum();
        check_reemits(&value.nla, len)?;
        Ok(IndexedArray {
            items,
            flagged: value.nla.is_nested(),
        })
    }
    fn header_flags(&self) -> u16 {
        nest_flags(self.flagged)
    }
    fn value_len(&self) -> usize {
        self.items
            .iter()
            .map(|(_, v)| align(NLA_HEADER_LEN + v.value_len()))
            .sum()
    }
    fn emit_value(&self, buf: &mut [u8]) {
        let mut pos = 0;
        for (index, value) in &self.items {
            let len = NLA_HEADER_LEN + value.value_len();
            let slot = &mut buf[pos..pos + align(len)];
            super::set::emit_header(slot, len, *index | value.header_flags());
            value.emit_value(&mut slot[NLA_HEADER_LEN..len]);
            slot[len..].fill(0);
            pos += align(len);
        }
    }
    fn describe(&self) -> Described {
        Described::Indexed(
            self.items
                .iter()
                .map(|(index, value)| (*index, value.describe()))
                .collect(),
        )
    }
}

/// A value kept as bytes together with its header's flag bits, for
/// attributes whose content is not decoded (a nest of a newer kernel, say):
/// emitted back exactly as it came.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Opaque {
    /// The value bytes.
    pub bytes: Box<[u8]>,
    /// The header's flag bits (`NLA_F_NESTED`, `NLA_F_NET_BYTEORDER`).
    pub flags: u16,
}

impl AttrValue for Opaque {
    type Ref<'a> = Nla<'a>;
    #[inline]
    fn parse_ref<'a>(nla: &Nla<'a>) -> Result<Nla<'a>, DecodeError> {
        Ok(*nla)
    }
    #[inline]
    fn from_ref(nla: &Nla<'_>) -> Result<Self, DecodeError> {
        Ok(Opaque {
            bytes: nla.value().into(),
            flags: nla.flags(),
        })
    }
    fn header_flags(&self) -> u16 {
        self.flags
    }
    fn value_len(&self) -> usize {
        self.bytes.len()
    }
    fn emit_value(&self, buf: &mut [u8]) {
        buf.copy_from_slice(&self.bytes)
    }
}
