//! C structures carried in attributes or message headers, and enumerations
//! and flag sets that keep the values they do not know.

use std::net::{Ipv4Addr, Ipv6Addr};

use super::describe::Described;
use super::value::{describe_scalar, Be16, Be32, Be64, MacAddr};

/// A field of a C structure: a fixed size, read and written in place.
pub trait StructField: Sized {
    /// Size in bytes.
    const SIZE: usize;
    /// Reads the field from exactly `SIZE` bytes.
    fn read(bytes: &[u8]) -> Self;
    /// Writes the field into exactly `SIZE` bytes.
    fn write(&self, bytes: &mut [u8]);

    /// The field described with its declaration's names. By default its
    /// bytes; numbers, addresses and the declaration macros' types
    /// describe themselves.
    fn describe(&self) -> Described {
        let mut bytes = vec![0; Self::SIZE];
        self.write(&mut bytes);
        Described::Bytes(bytes)
    }
}

macro_rules! int_field {
    ($($ty:ty => $repr:ty, $from:ident, $to:ident, $kind:ident;)*) => {$(
        impl StructField for $ty {
            const SIZE: usize = std::mem::size_of::<$repr>();
            #[inline]
            fn read(bytes: &[u8]) -> Self {
                let mut raw = [0u8; std::mem::size_of::<$repr>()];
                raw.copy_from_slice(&bytes[..Self::SIZE]);
                <$ty>::from(<$repr>::$from(raw))
            }
            #[inline]
            fn write(&self, bytes: &mut [u8]) {
                bytes[..Self::SIZE].copy_from_slice(&<$repr>::from(*self).$to());
            }
            fn describe(&self) -> Described {
                describe_scalar!($kind, *self, $repr)
            }
        }
    )*};
}

int_field! {
    u8 => u8, from_ne_bytes, to_ne_bytes, Unsigned;
    u16 => u16, from_ne_bytes, to_ne_bytes, Unsigned;
    u32 => u32, from_ne_bytes, to_ne_bytes, Unsigned;
    u64 => u64, from_ne_bytes, to_ne_bytes, Unsigned;
    i8 => i8, from_ne_bytes, to_ne_bytes, Signed;
    i16 => i16, from_ne_bytes, to_ne_bytes, Signed;
    i32 => i32, from_ne_bytes, to_ne_bytes, Signed;
    i64 => i64, from_ne_bytes, to_ne_bytes, Signed;
    Be16 => u16, from_be_bytes, to_be_bytes, Unsigned;
    Be32 => u32, from_be_bytes, to_be_bytes, Unsigned;
    Be64 => u64, from_be_bytes, to_be_bytes, Unsigned;
    Ipv4Addr => u32, from_be_bytes, to_be_bytes, Address;
    Ipv6Addr => u128, from_be_bytes, to_be_bytes, Address;
}

impl<const N: usize> StructField for [u8; N] {
    const SIZE: usize = N;
    #[inline]
    fn read(bytes: &[u8]) -> Self {
        let mut out = [0u8; N];
        out.copy_from_slice(&bytes[..N]);
        out
    }
    #[inline]
    fn write(&self, bytes: &mut [u8]) {
        bytes[..N].copy_from_slice(self);
    }
}

impl StructField for MacAddr {
    const SIZE: usize = 6;
    #[inline]
    fn read(bytes: &[u8]) -> Self {
        MacAddr(<[u8; 6]>::read(bytes))
    }
    #[inline]
    fn write(&self, bytes: &mut [u8]) {
        self.0.write(bytes)
    }
    fn describe(&self) -> Described {
        Described::address(self)
    }
}

/// Bytes a newer kernel appended after a fixed structure, kept for the
/// round trip. Almost always empty, which costs one pointer and no
/// allocation: every parsed header and structure carries one.
pub type ExtraBytes = crate::thin_vec::ThinVec<u8>;

/// Declares a C structure of the kernel ABI, field by field in header
/// order (padding written as explicit `[u8; N]` fields), and makes it an
/// attribute value and a struct field itself.
///
/// A value longer than the structure (a newer kernel appended fields) is
/// accepted and its extra bytes are kept in `extra` for the round trip; a
/// shorter one is an error naming the sizes.
///
/// ```
/// use netlink_packet_core::fixed_struct;
/// fixed_struct! {
///     /// `struct ifla_vlan_flags` (linux/if_link.h).
///     pub struct VlanFlags {
///         /// Flag values.
///         pub flags: u32,
///         /// Which flags are set.
///         pub mask: u32,
///     }
/// }
/// assert_eq!(VlanFlags::LEN, 8);
/// ```
///
/// `header struct` declares the fixed header of a message instead
/// ([`header_message!`](crate::header_message)): the attributes start right
/// after it, so its size never changes and it has no `extra`; it is a
/// struct field, not an attribute value.
#[macro_export]
macro_rules! fixed_struct {
    (
        $(#[$meta:meta])*
        $vis:vis header struct $Name:ident {
            $( $(#[$fmeta:meta])* pub $field:ident : $ty:ty ),* $(,)?
        }
    ) => {
        $crate::fixed_struct!(@declare [] [] $(#[$meta])* $vis $Name { $( $(#[$fmeta])* $field: $ty ),* });

        impl $Name {
            /// The structure as bytes.
            pub fn to_bytes(&self) -> Vec<u8> {
                let mut bytes = vec![0; Self::LEN];
                $crate::nla::StructField::write(self, &mut bytes);
                bytes
            }
        }
    };
    (
        $(#[$meta:meta])*
        $vis:vis struct $Name:ident {
            $( $(#[$fmeta:meta])* pub $field:ident : $ty:ty ),* $(,)?
        }
    ) => {
        $crate::fixed_struct!(
            @declare
            [
                /// Bytes after the structure, appended by a newer kernel; kept so
                /// that the value is emitted back unchanged.
                pub extra: $crate::nla::ExtraBytes,
            ]
            [extra: $crate::nla::ExtraBytes::new()]
            $(#[$meta])* $vis $Name { $( $(#[$fmeta])* $field: $ty ),* }
        );

        impl $Name {
            /// Reads the structure from `bytes` (at least [`Self::LEN`] long).
            pub fn parse_bytes(bytes: &[u8]) -> Result<Self, $crate::DecodeError> {
                let (Some(fixed), Some(extra)) = (bytes.get(..Self::LEN), bytes.get(Self::LEN..)) else {
                    return Err($crate::DecodeError::truncated(
                        0,
                        concat!("struct ", stringify!($Name)),
                        Self::LEN,
                        bytes.len(),
                    ));
                };
                let mut value = <Self as $crate::nla::StructField>::read(fixed);
                value.extra = $crate::nla::ExtraBytes::from(extra);
                Ok(value)
            }

            /// Length on the wire, extra bytes included.
            pub fn wire_len(&self) -> usize {
                Self::LEN + self.extra.len()
            }

            /// Writes the structure into `bytes` (exactly [`Self::wire_len`] long).
            pub fn write_bytes(&self, bytes: &mut [u8]) {
                $crate::nla::StructField::write(self, bytes);
                bytes[Self::LEN..Self::LEN + self.extra.len()].copy_from_slice(&self.extra);
            }

            /// The structure as bytes.
            pub fn to_bytes(&self) -> Vec<u8> {
                let mut bytes = vec![0; self.wire_len()];
                self.write_bytes(&mut bytes);
                bytes
            }
        }

        impl $crate::nla::AttrValue for $Name {
            type Ref<'a> = $Name;
            #[inline]
            fn parse_ref<'a>(nla: &$crate::nla::Nla<'a>) -> Result<$Name, $crate::DecodeError> {
                $Name::parse_bytes(nla.value()).map_err(|e| e.at_base(nla.value_offset()))
            }
            #[inline]
            fn from_ref(value: &$Name) -> Result<$Name, $crate::DecodeError> {
                Ok(value.clone())
            }
            /// Straight from the bytes: no copy of a borrowed form.
            #[inline]
            fn parse(nla: &$crate::nla::Nla<'_>) -> Result<$Name, $crate::DecodeError> {
                $Name::parse_bytes(nla.value()).map_err(|e| e.at_base(nla.value_offset()))
            }
            fn value_len(&self) -> usize {
                self.wire_len()
            }
            fn emit_value(&self, buf: &mut [u8]) {
                self.write_bytes(buf)
            }
            /// The fields by name; bytes a newer kernel appended as `extra`.
            fn describe(&self) -> $crate::nla::Described {
                let described = $crate::nla::StructField::describe(self);
                match described {
                    $crate::nla::Described::Fields(mut fields) if !self.extra.is_empty() => {
                        fields.push(("extra", $crate::nla::Described::Bytes(self.extra.to_vec())));
                        $crate::nla::Described::Fields(fields)
                    }
                    other => other,
                }
            }
        }
    };
    // The struct (its fields, then `$extra_field`), its size, and its
    // `StructField` impl: as a field of a larger structure the size is
    // fixed, so `read` fills `extra` (if any) with `$extra_init` and `write`
    // leaves it out.
    (
        @declare [$($extra_field:tt)*] [$($extra_init:tt)*]
        $(#[$meta:meta])* $vis:vis $Name:ident { $( $(#[$fmeta:meta])* $field:ident : $ty:ty ),* }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Default)]
        $vis struct $Name {
            $( $(#[$fmeta])* pub $field: $ty, )*
            $($extra_field)*
        }

        impl $Name {
            /// Size of the structure as this declaration knows it.
            pub const LEN: usize = 0 $( + <$ty as $crate::nla::StructField>::SIZE )*;
        }

        impl $crate::nla::StructField for $Name {
            const SIZE: usize = $Name::LEN;
            #[inline]
            #[allow(unused_assignments)]
            fn read(bytes: &[u8]) -> Self {
                // One bounds check here lets the compiler drop each field's.
                #[allow(unused_variables)]
                let bytes = &bytes[..<Self as $crate::nla::StructField>::SIZE];
                #[allow(unused_mut, unused_variables)]
                let mut pos = 0;
                $(
                    let $field = <$ty as $crate::nla::StructField>::read(&bytes[pos..]);
                    pos += <$ty as $crate::nla::StructField>::SIZE;
                )*
                $Name { $( $field, )* $($extra_init)* }
            }
            #[inline]
            #[allow(unused_assignments)]
            fn write(&self, bytes: &mut [u8]) {
                // One bounds check here lets the compiler drop each field's.
                #[allow(unused_variables)]
                let bytes = &mut bytes[..<Self as $crate::nla::StructField>::SIZE];
                #[allow(unused_mut, unused_variables)]
                let mut pos = 0;
                $(
                    $crate::nla::StructField::write(&self.$field, &mut bytes[pos..]);
                    pos += <$ty as $crate::nla::StructField>::SIZE;
                )*
            }
            fn describe(&self) -> $crate::nla::Described {
                $crate::nla::Described::Fields(::std::vec![
                    $( (stringify!($field), $crate::nla::StructField::describe(&self.$field)), )*
                ])
            }
        }
    };
}

/// Declares a kernel enumeration carried as an integer: named variants plus
/// `Other(n)` for any value the declaration does not know, so that nothing
/// is lost. Each variant has the name tools print (iproute2's spelling).
///
/// ```
/// use netlink_packet_core::value_enum;
/// value_enum! {
///     /// `IF_OPER_*` (linux/if.h).
///     pub enum OperState: u8 {
///         0 => Unknown "UNKNOWN",
///         6 => Up "UP",
///     }
/// }
/// assert_eq!(OperState::from(6), OperState::Up);
/// assert_eq!(OperState::from(9), OperState::Other(9));
/// assert_eq!(u8::from(OperState::Other(9)), 9);
/// assert_eq!(OperState::Up.name(), Some("UP"));
/// ```
#[macro_export]
macro_rules! value_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $Name:ident : $repr:ty {
            $( $(#[$vmeta:meta])* $num:literal => $Variant:ident $text:literal ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        $vis enum $Name {
            $( $(#[$vmeta])* #[doc = concat!("`", $text, "` (", stringify!($num), ")")] $Variant, )*
            /// A value this declaration does not know.
            Other($repr),
        }

        /// The value 0, what the kernel means by an unset field.
        impl Default for $Name {
            fn default() -> Self {
                $Name::from(0)
            }
        }

        impl From<$repr> for $Name {
            fn from(value: $repr) -> Self {
                match value {
                    $( $num => $Name::$Variant, )*
                    other => $Name::Other(other),
                }
            }
        }

        impl From<$Name> for $repr {
            fn from(value: $Name) -> $repr {
                match value {
                    $( $Name::$Variant => $num, )*
                    $Name::Other(other) => other,
                }
            }
        }

        impl $Name {
            /// The printed name, `None` for a value not declared.
            pub fn name(self) -> Option<&'static str> {
                match self {
                    $( $Name::$Variant => Some($text), )*
                    $Name::Other(_) => None,
                }
            }
        }

        impl std::fmt::Display for $Name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                match self.name() {
                    Some(name) => f.write_str(name),
                    None => write!(f, "{}", <$repr>::from(*self)),
                }
            }
        }

        impl $crate::nla::StructField for $Name {
            const SIZE: usize = <$repr as $crate::nla::StructField>::SIZE;
            #[inline]
            fn read(bytes: &[u8]) -> Self {
                $Name::from(<$repr as $crate::nla::StructField>::read(bytes))
            }
            #[inline]
            fn write(&self, bytes: &mut [u8]) {
                $crate::nla::StructField::write(&<$repr>::from(*self), bytes)
            }
            fn describe(&self) -> $crate::nla::Described {
                $crate::nla::Described::Enum {
                    name: self.name(),
                    value: $crate::nla::DescribeBits::describe_bits(<$repr>::from(*self)),
                }
            }
        }

        impl $crate::nla::AttrValue for $Name {
            type Ref<'a> = $Name;
            #[inline]
            fn parse_ref<'a>(nla: &$crate::nla::Nla<'a>) -> Result<$Name, $crate::DecodeError> {
                <$repr as $crate::nla::AttrValue>::parse_ref(nla).map($Name::from)
            }
            #[inline]
            fn from_ref(value: &$Name) -> Result<$Name, $crate::DecodeError> {
                Ok(*value)
            }
            fn value_len(&self) -> usize {
                std::mem::size_of::<$repr>()
            }
            fn emit_value(&self, buf: &mut [u8]) {
                $crate::nla::AttrValue::emit_value(&<$repr>::from(*self), buf)
            }
            fn describe(&self) -> $crate::nla::Described {
                $crate::nla::StructField::describe(self)
            }
        }
    };
}

/// Declares a set of kernel flag bits carried as an integer. Every bit is
/// kept, named or not; names are those tools print.
///
/// ```
/// use netlink_packet_core::flag_set;
/// flag_set! {
///     /// `IFF_*` (linux/if.h), in part.
///     pub struct IfFlags: u32 {
///         0x1 => UP "UP",
///         0x8 => LOOPBACK "LOOPBACK",
///     }
/// }
/// let flags = IfFlags::from_bits(0x9 | 0x100);
/// assert!(flags.contains(IfFlags::UP));
/// assert_eq!(flags.names(), ["UP", "LOOPBACK"]);
/// assert_eq!(flags.unknown_bits(), 0x100);
/// ```
#[macro_export]
macro_rules! flag_set {
    (
        $(#[$meta:meta])*
        $vis:vis struct $Name:ident : $repr:ty {
            $( $(#[$vmeta:meta])* $bit:literal => $Const:ident $text:literal ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
        $vis struct $Name(pub $repr);

        #[allow(dead_code)]
        impl $Name {
            $( $(#[$vmeta])* #[doc = concat!("`", $text, "` (", stringify!($bit), ")")] pub const $Const: $Name = $Name($bit); )*

            /// Every declared flag with its printed name.
            pub const ALL: &'static [($Name, &'static str)] = &[ $( ($Name($bit), $text), )* ];

            /// Flags from raw bits; every bit is kept.
            pub const fn from_bits(bits: $repr) -> Self {
                $Name(bits)
            }

            /// The raw bits.
            pub const fn bits(self) -> $repr {
                self.0
            }

            /// Whether every bit of `other` is set.
            pub const fn contains(self, other: $Name) -> bool {
                self.0 & other.0 == other.0
            }

            /// Sets the bits of `other`.
            pub fn insert(&mut self, other: $Name) {
                self.0 |= other.0;
            }

            /// Clears the bits of `other`.
            pub fn remove(&mut self, other: $Name) {
                self.0 &= !other.0;
            }

            /// Names of the declared flags that are set, in declaration order.
            pub fn names(self) -> Vec<&'static str> {
                Self::ALL
                    .iter()
                    .filter(|(flag, _)| flag.0 != 0 && self.contains(*flag))
                    .map(|(_, name)| *name)
                    .collect()
            }

            /// Bits set that no declared flag covers.
            pub fn unknown_bits(self) -> $repr {
                let known = Self::ALL.iter().fold(0, |acc, (flag, _)| acc | flag.0);
                self.0 & !known
            }
        }

        impl std::ops::BitOr for $Name {
            type Output = $Name;
            fn bitor(self, rhs: $Name) -> $Name {
                $Name(self.0 | rhs.0)
            }
        }

        impl std::ops::BitOrAssign for $Name {
            fn bitor_assign(&mut self, rhs: $Name) {
                self.0 |= rhs.0;
            }
        }

        impl $crate::nla::StructField for $Name {
            const SIZE: usize = <$repr as $crate::nla::StructField>::SIZE;
            #[inline]
            fn read(bytes: &[u8]) -> Self {
                $Name(<$repr as $crate::nla::StructField>::read(bytes))
            }
            #[inline]
            fn write(&self, bytes: &mut [u8]) {
                $crate::nla::StructField::write(&self.0, bytes)
            }
            fn describe(&self) -> $crate::nla::Described {
                $crate::nla::Described::Flags {
                    names: self.names(),
                    value: $crate::nla::DescribeBits::describe_bits(self.0),
                    unknown: $crate::nla::DescribeBits::describe_bits(self.unknown_bits()),
                }
            }
        }

        impl $crate::nla::AttrValue for $Name {
            type Ref<'a> = $Name;
            #[inline]
            fn parse_ref<'a>(nla: &$crate::nla::Nla<'a>) -> Result<$Name, $crate::DecodeError> {
                <$repr as $crate::nla::AttrValue>::parse_ref(nla).map($Name)
            }
            #[inline]
            fn from_ref(value: &$Name) -> Result<$Name, $crate::DecodeError> {
                Ok(*value)
            }
            fn value_len(&self) -> usize {
                std::mem::size_of::<$repr>()
            }
            fn emit_value(&self, buf: &mut [u8]) {
                $crate::nla::AttrValue::emit_value(&self.0, buf)
            }
            fn describe(&self) -> $crate::nla::Described {
                $crate::nla::StructField::describe(self)
            }
        }
    };
}
