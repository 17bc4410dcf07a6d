//! The `header_message!` declaration: a message made of a fixed C header
//! followed by attributes, the shape of nearly every netlink message.

/// Declares a message type made of a fixed header (a
/// [`fixed_struct!`](crate::fixed_struct)) then attributes of a declared set,
/// with its zero-copy view. Generated:
///
/// - the owned struct `{ header, attrs, invalid }`: `parse` (lossy: a
///   malformed attribute is kept raw and reported in `invalid`),
///   `buffer_len`, `emit`, `to_bytes`, `attr(kind)` lookups;
/// - `AttrValue` for the struct (messages nest inside attributes, like a
///   veth peer);
/// - `describe_parts`: the header's fields and the attributes, named (see
///   [`Described`](crate::nla::Described));
/// - the view: `parse` checks the header once; `header()`, `raw_attrs()`,
///   `attrs()`, `find(kind)`, `to_owned()` borrow the buffer.
#[macro_export]
macro_rules! header_message {
    (
        $(#[$meta:meta])*
        $vis:vis struct $Name:ident, view $View:ident, header $Header:ident, attrs $Attr:ident, $AttrRef:ident;
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Default)]
        $vis struct $Name {
            #[doc = concat!("The fixed header, [`", stringify!($Header), "`].")]
            pub header: $Header,
            /// The attributes in wire order; any the declarations do not
            /// know, or that did not decode, are kept raw (`Unknown`).
            pub attrs: Vec<$Attr>,
            /// Attributes that did not decode (kept raw in `attrs`): where
            /// and why. Not part of the message's bytes.
            pub invalid: $crate::DecodeErrors,
        }

        impl $Name {
            /// Size of the fixed header before the attributes.
            pub const HEADER_LEN: usize = $Header::LEN;

            /// The kernel constant's name for top-level attribute number
            /// `kind`, if declared (to name what an extended ACK points at).
            pub fn attribute_name(kind: u16) -> Option<&'static str> {
                <$Attr as $crate::nla::Attribute>::name_of(kind)
            }

            /// Decodes a payload (the bytes after the netlink header). Only a
            /// short fixed header fails; a malformed attribute is kept raw and
            /// reported in `invalid`. Offsets count from the payload's start.
            pub fn parse(payload: &[u8]) -> Result<Self, $crate::DecodeError> {
                let view = $View::parse(payload)?;
                let (attrs, invalid) =
                    $crate::nla::parse_attrs_lossy(view.attr_bytes(), $Header::LEN);
                Ok($Name { header: view.header().clone(), attrs, invalid: invalid.into() })
            }

            /// A message with this header and these attributes.
            pub fn new(header: $Header, attrs: Vec<$Attr>) -> Self {
                $Name { header, attrs, invalid: $crate::DecodeErrors::new() }
            }

            /// Length of the payload on the wire.
            pub fn buffer_len(&self) -> usize {
                $Header::LEN + $crate::nla::attrs_len(&self.attrs)
            }

            /// Writes the payload into `buf` (exactly `buffer_len()` bytes).
            pub fn emit(&self, buf: &mut [u8]) {
                let (fixed, attrs) = buf.split_at_mut($Header::LEN);
                // The header is written at its declared size: bytes a newer
                // kernel appended to it cannot sit before the attributes.
                $crate::nla::StructField::write(&self.header, fixed);
                $crate::nla::emit_attrs(&self.attrs, attrs);
            }

            /// The payload as bytes.
            pub fn to_bytes(&self) -> Vec<u8> {
                let mut buf = vec![0; self.buffer_len()];
                self.emit(&mut buf);
                buf
            }

            /// The message described: the header's fields by name, then
            /// the attributes, each named by its declaration.
            pub fn describe_parts(&self) -> ($crate::nla::Described, ::std::vec::Vec<$crate::nla::DescribedAttr>) {
                (
                    $crate::nla::StructField::describe(&self.header),
                    self.attrs.iter().map($crate::nla::Attribute::describe).collect(),
                )
            }

            /// The first attribute numbered `kind`.
            pub fn attr(&self, kind: u16) -> Option<&$Attr> {
                self.attrs
                    .iter()
                    .find(|a| $crate::nla::Attribute::kind(*a) == kind)
            }
        }

        impl $crate::nla::AttrValue for $Name {
            type Ref<'a> = $View<'a>;

            fn parse_ref<'a>(nla: &$crate::nla::Nla<'a>) -> Result<$View<'a>, $crate::DecodeError> {
                $View::parse(nla.value()).map_err(|e| e.at_base(nla.value_offset()))
            }

            /// A message nested in an attribute must decode completely: a
            /// malformed inner attribute makes the whole outer attribute stay
            /// raw (where its bytes are kept), instead of being dropped here.
            fn from_ref(view: &$View<'_>) -> Result<Self, $crate::DecodeError> {
                let owned = view.to_owned()?;
                match owned.invalid.first() {
                    Some(error) => Err(error.clone()),
                    None => Ok(owned),
                }
            }

            fn value_len(&self) -> usize {
                self.buffer_len()
            }

            fn emit_value(&self, buf: &mut [u8]) {
                self.emit(buf)
            }

            /// `header` (its fields) and `attributes`.
            fn describe(&self) -> $crate::nla::Described {
                let (header, attrs) = self.describe_parts();
                $crate::nla::Described::Fields(::std::vec![
                    ("header", header),
                    ("attributes", $crate::nla::Described::Attributes(attrs)),
                ])
            }
        }

        #[doc = concat!("A [`", stringify!($Name), "`] borrowed from a receive buffer: the header is checked once, accessors walk the attributes in place and allocate nothing.")]
        #[derive(Debug, Clone)]
        $vis struct $View<'a> {
            header: $Header,
            attrs: &'a [u8],
        }

        impl<'a> $View<'a> {
            /// Views a payload (the bytes after the netlink header).
            #[inline]
            pub fn parse(payload: &'a [u8]) -> Result<Self, $crate::DecodeError> {
                let fixed = payload.get(..$Header::LEN).ok_or_else(|| {
                    $crate::DecodeError::truncated(
                        0,
                        concat!("struct ", stringify!($Header)),
                        $Header::LEN,
                        payload.len(),
                    )
                })?;
                Ok($View {
                    header: <$Header as $crate::nla::StructField>::read(fixed),
                    attrs: &payload[$Header::LEN..],
                })
            }

            /// The fixed header.
            #[inline]
            pub fn header(&self) -> &$Header {
                &self.header
            }

            /// The attribute bytes (after the header).
            #[inline]
            pub fn attr_bytes(&self) -> &'a [u8] {
                self.attrs
            }

            /// The raw attributes; offsets count from the payload's start.
            #[inline]
            pub fn raw_attrs(&self) -> $crate::nla::NlaIter<'a> {
                $crate::nla::NlaIter::with_base(self.attrs, $Header::LEN)
            }

            /// The attributes, decoded one at a time without copying; a
            /// malformed one is an `Err` item and the rest still come.
            pub fn attrs(&self) -> impl Iterator<Item = Result<$AttrRef<'a>, $crate::DecodeError>> + 'a {
                self.raw_attrs()
                    .map(|nla| <$Attr as $crate::nla::Attribute>::parse_ref(&nla?))
            }

            /// The first attribute numbered `kind`, raw.
            #[inline]
            pub fn find(&self, kind: u16) -> Option<$crate::nla::Nla<'a>> {
                self.raw_attrs().flatten().find(|nla| nla.kind() == kind)
            }

            /// Decodes the whole message into its owned form.
            pub fn to_owned(&self) -> Result<$Name, $crate::DecodeError> {
                let (attrs, invalid) = $crate::nla::parse_attrs_lossy(self.attrs, $Header::LEN);
                Ok($Name { header: self.header.clone(), attrs, invalid: invalid.into() })
            }
        }
    };
}

/// Declares a nest that is kept as bytes and decoded on demand, for nests
/// whose meaning depends on something outside them (the message's family,
/// a sibling attribute): the owned value `{ bytes, flagged }` emitted back
/// exactly, its zero-copy form with `bytes()`, `raw()` and `to_owned()`,
/// and the [`AttrValue`](crate::nla::AttrValue) impl. The caller adds the
/// decoding methods to both.
///
/// `describe EXPR` after the view's name (a function or closure from
/// `&Name` to [`Described`](crate::nla::Described)) says how the nest is
/// described, since only the caller knows what it holds; without it the
/// nest is described as its bytes.
#[macro_export]
macro_rules! lazy_nest {
    (
        $(#[$meta:meta])*
        $vis:vis struct $Name:ident, view $Ref:ident;
    ) => {
        $crate::lazy_nest! {
            $(#[$meta])*
            $vis struct $Name, view $Ref, describe |nest: &$Name| {
                $crate::nla::Described::Bytes(nest.bytes.to_vec())
            };
        }
    };
    (
        $(#[$meta:meta])*
        $vis:vis struct $Name:ident, view $Ref:ident, describe $describe:expr;
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Default)]
        $vis struct $Name {
            /// The nest's value (its attributes, as bytes).
            pub bytes: Box<[u8]>,
            /// Whether the header carries `NLA_F_NESTED`.
            pub flagged: bool,
        }

        #[doc = concat!("The zero-copy form of [`", stringify!($Name), "`]: the nest in the receive buffer, decoded lazily.")]
        #[derive(Debug, Clone, Copy)]
        $vis struct $Ref<'a> {
            bytes: &'a [u8],
            base: usize,
            flagged: bool,
        }

        impl<'a> $Ref<'a> {
            /// The nest's value bytes.
            pub fn bytes(&self) -> &'a [u8] {
                self.bytes
            }

            /// The raw attributes of the nest; offsets count in the buffer
            /// the nest was read from.
            pub fn raw(&self) -> $crate::nla::NlaIter<'a> {
                $crate::nla::NlaIter::with_base(self.bytes, self.base)
            }

            /// Copies the nest into its owned form.
            #[allow(clippy::wrong_self_convention)]
            pub fn to_owned(&self) -> $Name {
                $Name {
                    bytes: self.bytes.into(),
                    flagged: self.flagged,
                }
            }
        }

        impl $crate::nla::AttrValue for $Name {
            type Ref<'a> = $Ref<'a>;

            fn parse_ref<'a>(nla: &$crate::nla::Nla<'a>) -> Result<$Ref<'a>, $crate::DecodeError> {
                Ok($Ref {
                    bytes: nla.value(),
                    base: nla.value_offset(),
                    flagged: nla.is_nested(),
                })
            }

            fn from_ref(value: &$Ref<'_>) -> Result<Self, $crate::DecodeError> {
                Ok(value.to_owned())
            }

            fn header_flags(&self) -> u16 {
                $crate::nla::nest_flags(self.flagged)
            }

            fn value_len(&self) -> usize {
                self.bytes.len()
            }

            fn emit_value(&self, buf: &mut [u8]) {
                buf.copy_from_slice(&self.bytes)
            }

            fn describe(&self) -> $crate::nla::Described {
                let describe: fn(&$Name) -> $crate::nla::Described = $describe;
                describe(self)
            }
        }
    };
}
