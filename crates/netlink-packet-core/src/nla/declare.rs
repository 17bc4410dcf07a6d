//! The `attribute_set!` declaration macro.

/// Declares a netlink attribute set once, the way the kernel header lists
/// it, and generates everything else from that declaration:
///
/// - the owned enum, one variant per attribute plus `Unknown(RawAttr)`,
///   which keeps any other attribute byte for byte;
/// - a zero-copy enum (the `view` name) whose variants borrow the buffer
///   (`&str` for strings, lazy iterators for nests);
/// - one associated constant per attribute number (`ExtAckAttr::MSG`);
/// - [`Attribute`](crate::nla::Attribute): parsing, emitting, lengths, and
///   the kernel constant's name for each number (`prefix` + suffix), used by
///   error paths, JSON output and decoders;
/// - [`Attribute::describe`](crate::nla::Attribute::describe): the
///   attribute as a named tree ([`Described`](crate::nla::Described)).
///
/// Each line reads `NUMBER SUFFIX Variant(Type)`; a constant whose name
/// cannot be an identifier (`IFLA_IPTUN_6RD_PREFIX`) is written
/// `NUMBER SIXRD_PREFIX = "IFLA_IPTUN_6RD_PREFIX" Variant(Type)`. `Type` is any
/// [`AttrValue`](crate::nla::AttrValue): `u8`..`u64`, `i8`..`i64`, `Be16`,
/// `Be32`, `Uint`, `Sint`, `String`, `ShortString`, `Vec<u8>`, `Flag`, `Ipv4Addr`,
/// `Ipv6Addr`, `IpAddr`, `MacAddr`, `Nested<OtherSet>`, `IndexedArray<T>`,
/// or a struct type of the protocol crate implementing `AttrValue`.
///
/// ```
/// use netlink_packet_core::attribute_set;
/// use netlink_packet_core::nla::{Attribute, Nla, NlaIter};
///
/// attribute_set! {
///     /// Multicast group attributes (`CTRL_ATTR_MCAST_GRP_*`, linux/genetlink.h).
///     pub enum McastGroupAttr, view McastGroupAttrRef, prefix CTRL_ATTR_MCAST_GRP_ {
///         /// Group name.
///         1 NAME Name(String),
///         /// Group id.
///         2 ID Id(u32),
///     }
/// }
///
/// let bytes = McastGroupAttr::Name("config".into()).to_bytes();
/// let nla = NlaIter::new(&bytes).next().unwrap().unwrap();
/// match McastGroupAttr::parse_ref(&nla).unwrap() {
///     McastGroupAttrRef::Name(name) => assert_eq!(name, "config"),
///     other => panic!("{other:?}"),
/// }
/// assert_eq!(McastGroupAttr::name_of(2), Some("CTRL_ATTR_MCAST_GRP_ID"));
/// ```
#[macro_export]
macro_rules! attribute_set {
    (
        $(#[$meta:meta])*
        $vis:vis enum $Name:ident, view $Ref:ident, prefix $prefix:ident {
            $(
                $(#[$vmeta:meta])*
                $num:literal $suffix:ident $(= $full:literal)? $Variant:ident($ty:ty)
            ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq)]
        $vis enum $Name {
            $( $(#[$vmeta])* $Variant($ty), )*
            /// An attribute this declaration does not know, or one whose value
            /// did not decode, kept byte for byte.
            Unknown($crate::nla::RawAttr),
        }

        #[doc = concat!("Zero-copy form of [`", stringify!($Name), "`], borrowing the receive buffer.")]
        #[derive(Debug, Clone)]
        $vis enum $Ref<'a> {
            $( $(#[$vmeta])* $Variant(<$ty as $crate::nla::AttrValue>::Ref<'a>), )*
            /// An attribute this declaration does not know.
            Unknown($crate::nla::Nla<'a>),
        }

        #[allow(dead_code)]
        impl $Name {
            $(
                #[doc = concat!("`", $crate::__attr_name!($prefix, $suffix $(, $full)?), "` (", stringify!($num), ").")]
                pub const $suffix: u16 = $num;
            )*
        }

        impl<'a> $Ref<'a> {
            /// The attribute number.
            pub fn kind(&self) -> u16 {
                match self {
                    $( Self::$Variant(_) => $num, )*
                    Self::Unknown(nla) => nla.kind(),
                }
            }

            /// The kernel constant's name, `None` for an unknown attribute.
            pub fn name(&self) -> Option<&'static str> {
                <$Name as $crate::nla::Attribute>::name_of(self.kind())
            }

            /// Copies this attribute into its owned form.
            pub fn to_owned(&self) -> Result<$Name, $crate::DecodeError> {
                match self {
                    $(
                        Self::$Variant(v) => <$ty as $crate::nla::AttrValue>::from_ref(v)
                            .map($Name::$Variant)
                            .map_err(|e| e.in_attribute($crate::__attr_name!($prefix, $suffix $(, $full)?))),
                    )*
                    Self::Unknown(nla) => Ok($Name::Unknown($crate::nla::RawAttr::from(nla))),
                }
            }
        }

        impl $crate::nla::Attribute for $Name {
            type Ref<'a> = $Ref<'a>;

            const SET_NAME: &'static str = stringify!($Name);

            fn name_of(kind: u16) -> Option<&'static str> {
                match kind {
                    $( $num => Some($crate::__attr_name!($prefix, $suffix $(, $full)?)), )*
                    _ => None,
                }
            }

            #[inline]
            fn kind(&self) -> u16 {
                match self {
                    $( Self::$Variant(_) => $num, )*
                    Self::Unknown(raw) => raw.kind(),
                }
            }

            fn header_flags(&self) -> u16 {
                match self {
                    $( Self::$Variant(v) => $crate::nla::AttrValue::header_flags(v), )*
                    Self::Unknown(raw) => raw.flags(),
                }
            }

            fn value_len(&self) -> usize {
                match self {
                    $( Self::$Variant(v) => $crate::nla::AttrValue::value_len(v), )*
                    Self::Unknown(raw) => raw.value.len(),
                }
            }

            fn emit_value(&self, buf: &mut [u8]) {
                match self {
                    $( Self::$Variant(v) => $crate::nla::AttrValue::emit_value(v, buf), )*
                    Self::Unknown(raw) => buf.copy_from_slice(&raw.value),
                }
            }

            #[inline]
            fn parse_ref<'a>(nla: &$crate::nla::Nla<'a>) -> Result<$Ref<'a>, $crate::DecodeError> {
                match nla.kind() {
                    $(
                        $num => <$ty as $crate::nla::AttrValue>::parse_ref(nla)
                            .map($Ref::$Variant)
                            .map_err(|e| e.in_attribute($crate::__attr_name!($prefix, $suffix $(, $full)?))),
                    )*
                    _ => Ok($Ref::Unknown(*nla)),
                }
            }

            #[inline]
            fn parse(nla: &$crate::nla::Nla<'_>) -> Result<Self, $crate::DecodeError> {
                match nla.kind() {
                    $(
                        $num => <$ty as $crate::nla::AttrValue>::parse(nla)
                            .map(|value| {
                                // Flag bits the type would not emit again (a
                                // u32 sent with NLA_F_NET_BYTEORDER, say) keep
                                // the attribute raw, so nothing is lost.
                                if $crate::nla::AttrValue::header_flags(&value) == nla.flags() {
                                    Self::$Variant(value)
                                } else {
                                    Self::Unknown($crate::nla::RawAttr::from(nla))
                                }
                            })
                            .map_err(|e| e.in_attribute($crate::__attr_name!($prefix, $suffix $(, $full)?))),
                    )*
                    _ => Ok(Self::Unknown($crate::nla::RawAttr::from(nla))),
                }
            }

            #[inline]
            fn parse_into(
                nla: &$crate::nla::Nla<'_>,
                out: &mut ::std::vec::Vec<Self>,
            ) -> Result<(), $crate::DecodeError> {
                match nla.kind() {
                    $(
                        $num => match <$ty as $crate::nla::AttrValue>::parse(nla) {
                            // As in `parse`: flag bits the type would not
                            // emit again keep the attribute raw.
                            Ok(value) if $crate::nla::AttrValue::header_flags(&value) == nla.flags() => {
                                $crate::nla::push_attr(out, value, Self::$Variant)
                            }
                            Ok(_) => out.push(Self::Unknown($crate::nla::RawAttr::from(nla))),
                            Err(e) => {
                                return Err(e.in_attribute($crate::__attr_name!($prefix, $suffix $(, $full)?)))
                            }
                        },
                    )*
                    _ => out.push(Self::Unknown($crate::nla::RawAttr::from(nla))),
                }
                Ok(())
            }

            fn raw(nla: &$crate::nla::Nla<'_>) -> Self {
                Self::Unknown($crate::nla::RawAttr::from(nla))
            }

            /// Each declared value described by its type; an `Unknown`
            /// attribute as its bytes, named only if its number is declared
            /// (a known attribute whose value did not decode).
            fn describe(&self) -> $crate::nla::DescribedAttr {
                match self {
                    $(
                        Self::$Variant(v) => $crate::nla::DescribedAttr {
                            number: $num,
                            name: Some($crate::__attr_name!($prefix, $suffix $(, $full)?)),
                            value: $crate::nla::AttrValue::describe(v),
                        },
                    )*
                    Self::Unknown(raw) => $crate::nla::DescribedAttr {
                        number: raw.kind(),
                        name: <Self as $crate::nla::Attribute>::name_of(raw.kind()),
                        value: $crate::nla::Described::Bytes(raw.value.to_vec()),
                    },
                }
            }
        }
    };
}

/// The kernel constant's name of a declared attribute: the set's prefix
/// and the suffix, or the full name when one is given. Internal to
/// [`attribute_set!`].
#[doc(hidden)]
#[macro_export]
macro_rules! __attr_name {
    ($prefix:ident, $suffix:ident) => {
        concat!(stringify!($prefix), stringify!($suffix))
    };
    ($prefix:ident, $suffix:ident, $full:literal) => {
        $full
    };
}
