//! [`ShortString`]: the owned form of string attributes, which are nearly
//! all short (interface names, link kinds, labels) and would otherwise cost
//! an allocation each in every decoded message.

use std::borrow::Borrow;
use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;

use super::small_bytes::SmallBytes;

/// A string that is held inline when it is at most 22 bytes long, and on
/// the heap otherwise. It is the owned form of string attributes: an
/// interface name (at most 15 bytes), a link kind or an address label
/// costs no allocation. It reads as a `str` (it derefs to one) and
/// compares, hashes and orders like one.
///
/// ```
/// use netlink_packet_core::nla::ShortString;
///
/// let name = ShortString::from("eth0");
/// assert_eq!(name, "eth0");
/// assert_eq!(name.len(), 4);
/// assert_eq!(String::from(name), "eth0");
/// ```
#[derive(Clone, Default)]
pub struct ShortString(SmallBytes);

impl ShortString {
    /// An empty string.
    pub const fn new() -> Self {
        ShortString(SmallBytes::empty())
    }

    /// The string.
    pub fn as_str(&self) -> &str {
        // Only whole `str`s are ever copied in (the `From` impls), so the
        // bytes are UTF-8; the check keeps that an invariant of this module
        // rather than an unchecked assumption.
        std::str::from_utf8(self.0.as_slice()).unwrap_or_default()
    }

    /// Whether the string is held inline (no allocation).
    pub fn is_inline(&self) -> bool {
        self.0.is_inline()
    }
}

impl From<&str> for ShortString {
    #[inline]
    fn from(text: &str) -> Self {
        ShortString(SmallBytes::new(text.as_bytes()))
    }
}

impl From<String> for ShortString {
    fn from(text: String) -> Self {
        ShortString(SmallBytes::from(text.into_bytes()))
    }
}

impl From<&String> for ShortString {
    fn from(text: &String) -> Self {
        ShortString::from(text.as_str())
    }
}

impl From<ShortString> for String {
    fn from(text: ShortString) -> Self {
        String::from_utf8(text.0.into_vec()).unwrap_or_default()
    }
}

impl Deref for ShortString {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for ShortString {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl Borrow<str> for ShortString {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl fmt::Display for ShortString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.as_str(), f)
    }
}

impl fmt::Debug for ShortString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl PartialEq for ShortString {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for ShortString {}

impl PartialOrd for ShortString {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for ShortString {
    fn cmp(&self, other: &Self) -> Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl Hash for ShortString {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state)
    }
}

/// Comparisons with the other string types, both ways round.
macro_rules! eq_str {
    ($($other:ty),*) => {$(
        impl PartialEq<$other> for ShortString {
            fn eq(&self, other: &$other) -> bool {
                self.as_str() == AsRef::<str>::as_ref(other)
            }
        }
        impl PartialEq<ShortString> for $other {
            fn eq(&self, other: &ShortString) -> bool {
                AsRef::<str>::as_ref(self) == other.as_str()
            }
        }
    )*};
}

eq_str!(str, &str, String);

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::nla::SMALL_BYTES_INLINE;

    #[test]
    fn short_strings_stay_inline_and_long_ones_do_not() {
        for len in [0, 1, 15, SMALL_BYTES_INLINE, SMALL_BYTES_INLINE + 1, 127] {
            let text = "x".repeat(len);
            for value in [
                ShortString::from(text.as_str()),
                ShortString::from(text.clone()),
            ] {
                assert_eq!(value.as_str(), text);
                assert_eq!(value.is_inline(), len <= SMALL_BYTES_INLINE, "{len}");
                assert_eq!(String::from(value), text);
            }
        }
        // Multi-byte characters are kept whole at the limit.
        let text = "é".repeat(11);
        assert_eq!(ShortString::from(text.as_str()), text);
        assert_eq!(std::mem::size_of::<ShortString>(), 24);
    }

    #[test]
    fn short_strings_behave_like_str() {
        let name = ShortString::from("eth0");
        let owned = String::from("eth0");
        assert_eq!(name, "eth0");
        assert_eq!("eth0", name);
        assert_eq!(name, *"eth0");
        assert_eq!(name, owned);
        assert_eq!(owned, name);
        assert_eq!(format!("{name} {name:?}"), "eth0 \"eth0\"");
        assert!(name.starts_with("eth"));
        let (a, b) = (ShortString::from("a"), ShortString::from("b"));
        assert!(a < b);
        let long = "y".repeat(40);
        let set: HashSet<ShortString> = [name.clone(), ShortString::from(long.as_str())].into();
        assert!(set.contains("eth0") && set.contains(long.as_str()));
        assert_eq!(ShortString::default(), "");
    }
}
