//! [`SmallBytes`]: owned bytes held inline when short, the storage of the
//! small values every decoded message carries many of (route addresses,
//! hardware addresses, strings), so that each costs no allocation.

use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;

/// Bytes held inline: as many as fit beside the length in the 24 bytes a
/// boxed slice and the tag take anyway (so the type is no larger than a
/// `Vec`).
pub const SMALL_BYTES_INLINE: usize = 22;

/// Owned bytes, inline up to [`SMALL_BYTES_INLINE`] bytes (an IPv6 address,
/// an InfiniBand hardware address, an interface name), on the heap
/// otherwise. Compared, hashed and printed by its bytes, whichever way
/// they are held.
///
/// ```
/// use netlink_packet_core::nla::SmallBytes;
///
/// let mac = SmallBytes::new(&[2, 0, 0, 0, 0, 1]);
/// assert!(mac.is_inline());
/// assert_eq!(mac.as_slice(), [2, 0, 0, 0, 0, 1]);
/// assert_eq!(mac, SmallBytes::from(vec![2, 0, 0, 0, 0, 1]));
/// ```
#[derive(Clone)]
pub struct SmallBytes(Repr);

#[derive(Clone)]
enum Repr {
    Inline {
        len: u8,
        bytes: [u8; SMALL_BYTES_INLINE],
    },
    Heap(Box<[u8]>),
}

impl SmallBytes {
    /// No bytes.
    pub const fn empty() -> Self {
        SmallBytes(Repr::Inline {
            len: 0,
            bytes: [0; SMALL_BYTES_INLINE],
        })
    }

    /// A copy of `bytes`.
    #[inline]
    pub fn new(bytes: &[u8]) -> Self {
        match u8::try_from(bytes.len()) {
            Ok(len) if bytes.len() <= SMALL_BYTES_INLINE => {
                let mut inline = [0; SMALL_BYTES_INLINE];
                inline[..bytes.len()].copy_from_slice(bytes);
                SmallBytes(Repr::Inline { len, bytes: inline })
            }
            _ => SmallBytes(Repr::Heap(bytes.into())),
        }
    }

    /// The bytes.
    #[inline]
    pub fn as_slice(&self) -> &[u8] {
        match &self.0 {
            Repr::Inline { len, bytes } => &bytes[..usize::from(*len)],
            Repr::Heap(bytes) => bytes,
        }
    }

    /// Whether the bytes are held inline (no allocation).
    pub fn is_inline(&self) -> bool {
        matches!(self.0, Repr::Inline { .. })
    }

    /// The bytes as a vector (reusing the heap allocation if there is one).
    pub fn into_vec(self) -> Vec<u8> {
        match self.0 {
            Repr::Heap(bytes) => bytes.into_vec(),
            Repr::Inline { .. } => self.as_slice().to_vec(),
        }
    }
}

impl Default for SmallBytes {
    fn default() -> Self {
        SmallBytes::empty()
    }
}

impl From<&[u8]> for SmallBytes {
    fn from(bytes: &[u8]) -> Self {
        SmallBytes::new(bytes)
    }
}

impl From<Vec<u8>> for SmallBytes {
    fn from(bytes: Vec<u8>) -> Self {
        if bytes.len() <= SMALL_BYTES_INLINE {
            SmallBytes::new(&bytes)
        } else {
            SmallBytes(Repr::Heap(bytes.into_boxed_slice()))
        }
    }
}

impl Deref for SmallBytes {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        self.as_slice()
    }
}

impl PartialEq for SmallBytes {
    fn eq(&self, other: &Self) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl Eq for SmallBytes {}

impl Hash for SmallBytes {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_slice().hash(state)
    }
}

impl fmt::Debug for SmallBytes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.as_slice().fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use std::hash::{BuildHasher, RandomState};

    use super::*;

    #[test]
    fn bytes_of_every_length_are_kept_inline_or_not() {
        for len in [
            0,
            4,
            6,
            16,
            20,
            SMALL_BYTES_INLINE,
            SMALL_BYTES_INLINE + 1,
            32,
            300,
        ] {
            let bytes: Vec<u8> = (0..len).map(|i| i as u8).collect();
            for value in [SmallBytes::new(&bytes), SmallBytes::from(bytes.clone())] {
                assert_eq!(value.as_slice(), bytes);
                assert_eq!(value.is_inline(), len <= SMALL_BYTES_INLINE, "{len}");
                assert_eq!(value.clone().into_vec(), bytes);
            }
        }
        assert_eq!(std::mem::size_of::<SmallBytes>(), 24);
    }

    #[test]
    fn equal_bytes_compare_and_hash_equal() {
        let state = RandomState::new();
        let a = SmallBytes::new(&[1, 2, 3]);
        let b = SmallBytes::from(vec![1, 2, 3]);
        assert_eq!(a, b);
        assert_eq!(state.hash_one(&a), state.hash_one(&b));
        assert_ne!(a, SmallBytes::new(&[1, 2]));
        assert_eq!(SmallBytes::default(), SmallBytes::empty());
        assert_eq!(format!("{a:?}"), "[1, 2, 3]");
    }
}
