//! The decoding error shared by every parser of the family.

use std::borrow::Cow;
use std::fmt;

/// Why a run of bytes could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum DecodeReason {
    /// A header or value needs more bytes than the buffer holds.
    Truncated {
        /// What was being read (`"netlink header"`, `"attribute value"`, ...).
        what: &'static str,
        /// Bytes required.
        needed: usize,
        /// Bytes available.
        available: usize,
    },
    /// A length field is impossible (smaller than its own header, say).
    InvalidLength {
        /// What carries the length.
        what: &'static str,
        /// The length that was found.
        length: usize,
    },
    /// A fixed-size value has the wrong size.
    WrongSize {
        /// The value's type.
        what: &'static str,
        /// The sizes this type accepts.
        expected: &'static str,
        /// The size found.
        found: usize,
    },
    /// A string value is not NUL-terminated, has an inner NUL, or is not UTF-8.
    InvalidString(&'static str),
    /// Bytes left over that cannot form another element.
    TrailingBytes {
        /// How many bytes were left.
        count: usize,
    },
    /// Any other reason, in words.
    Other(Cow<'static, str>),
}

impl fmt::Display for DecodeReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeReason::Truncated {
                what,
                needed,
                available,
            } => write!(f, "{what} needs {needed} bytes but only {available} remain"),
            DecodeReason::InvalidLength { what, length } => {
                write!(f, "{what} has an impossible length of {length}")
            }
            DecodeReason::WrongSize {
                what,
                expected,
                found,
            } => write!(f, "{what} must be {expected} bytes, found {found}"),
            DecodeReason::InvalidString(why) => write!(f, "invalid string: {why}"),
            DecodeReason::TrailingBytes { count } => {
                write!(f, "{count} trailing bytes cannot hold another element")
            }
            DecodeReason::Other(text) => f.write_str(text),
        }
    }
}

/// A decoding failure: what went wrong, at which byte offset, inside which
/// attribute path.
///
/// Offsets are relative to the buffer the failing parser was given; callers
/// that know where that buffer starts shift them with [`DecodeError::at_base`]
/// so that the final error names the offset in the whole message or datagram.
// Boxed: every parse returns `Result<_, DecodeError>`, and errors are rare;
// one pointer keeps those results (and their moves) as small as the values.
#[derive(Clone, PartialEq, Eq)]
pub struct DecodeError(Box<Details>);

#[derive(Debug, Clone, PartialEq, Eq)]
struct Details {
    offset: usize,
    path: Vec<Cow<'static, str>>,
    reason: DecodeReason,
}

impl fmt::Debug for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DecodeError")
            .field("offset", &self.0.offset)
            .field("path", &self.0.path)
            .field("reason", &self.0.reason)
            .finish()
    }
}

impl DecodeError {
    /// An error at `offset` for `reason`.
    #[cold]
    pub fn new(offset: usize, reason: DecodeReason) -> Self {
        DecodeError(Box::new(Details {
            offset,
            path: Vec::new(),
            reason,
        }))
    }

    /// Shortcut for [`DecodeReason::Truncated`].
    #[cold]
    pub fn truncated(offset: usize, what: &'static str, needed: usize, available: usize) -> Self {
        Self::new(
            offset,
            DecodeReason::Truncated {
                what,
                needed,
                available,
            },
        )
    }

    /// Shortcut for [`DecodeReason::Other`].
    #[cold]
    pub fn other(offset: usize, text: impl Into<Cow<'static, str>>) -> Self {
        Self::new(offset, DecodeReason::Other(text.into()))
    }

    /// The byte offset of the problem.
    pub fn offset(&self) -> usize {
        self.0.offset
    }

    /// The attribute names from the outermost to the innermost one that
    /// contains the problem (empty when it is not inside an attribute).
    pub fn path(&self) -> &[Cow<'static, str>] {
        &self.0.path
    }

    /// The path joined with dots, `IFLA_LINKINFO.IFLA_INFO_DATA`.
    pub fn path_string(&self) -> String {
        self.0.path.join(".")
    }

    /// Why decoding failed.
    pub fn reason(&self) -> &DecodeReason {
        &self.0.reason
    }

    /// Shifts the offset by `base`: the position of the parsed buffer inside
    /// a larger one.
    #[must_use]
    pub fn at_base(mut self, base: usize) -> Self {
        self.0.offset = self.0.offset.saturating_add(base);
        self
    }

    /// Records that the problem lies inside attribute `name` (outer names are
    /// added last, so they end up first in the path).
    #[must_use]
    #[cold]
    pub fn in_attribute(mut self, name: impl Into<Cow<'static, str>>) -> Self {
        self.0.path.insert(0, name.into());
        self
    }
}

/// What did not decode in a message (its attributes kept raw): where and
/// why. Empty for nearly every message, and then one pointer and no
/// allocation in every message a caller collects. Reads as a slice of
/// [`DecodeError`].
pub type DecodeErrors = crate::thin_vec::ThinVec<DecodeError>;

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "at offset {}", self.0.offset)?;
        if !self.0.path.is_empty() {
            write!(f, " in {}", self.path_string())?;
        }
        write!(f, ": {}", self.0.reason)
    }
}

impl std::error::Error for DecodeError {}

/// The buffer given to an `emit` call is smaller than the value needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("emit buffer too small: {needed} bytes needed, {available} given")]
pub struct BufferTooSmall {
    /// Bytes the value needs.
    pub needed: usize,
    /// Bytes the buffer holds.
    pub available: usize,
}
