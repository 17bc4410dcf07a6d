//! Tables the kernel reports as packed arrays of integers (the per-device
//! IPv4 and IPv6 settings, the IPv6 and ICMPv6 counters): element `i` holds
//! the entry whose index is `i` plus the table's first index.

use std::fmt;
use std::marker::PhantomData;

use netlink_packet_core::nla::{AttrValue, Described, DescribedAttr, Nla, StructField};
use netlink_packet_core::{DecodeError, DecodeReason};

/// The index type of a packed table: a `value_enum!` of the header's
/// index constants.
pub trait TableIndex: Copy + From<u16> + Into<u16> {
    /// The index of the first element (`IPV4_DEVCONF_*` start at 1, the
    /// others at 0).
    const FIRST: u16;
    /// What the table holds, for error messages.
    const WHAT: &'static str;

    /// The index's printed name, for descriptions; `None` for an index
    /// without a name.
    fn index_name(self) -> Option<&'static str> {
        None
    }
}

/// A packed table of `T` indexed by `K`, kept whole: entries this crate
/// has no name for (a newer kernel's) are kept and emitted back.
pub struct PackedTable<K, T> {
    /// The elements in wire order; element `i` is index `i + K::FIRST`.
    pub values: Vec<T>,
    /// The attribute header's flag bits.
    pub flags: u16,
    index: PhantomData<fn() -> K>,
}

impl<K, T: fmt::Debug> fmt::Debug for PackedTable<K, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PackedTable")
            .field("values", &self.values)
            .field("flags", &self.flags)
            .finish()
    }
}

impl<K, T: Clone> Clone for PackedTable<K, T> {
    fn clone(&self) -> Self {
        PackedTable {
            values: self.values.clone(),
            flags: self.flags,
            index: PhantomData,
        }
    }
}

impl<K, T: PartialEq> PartialEq for PackedTable<K, T> {
    fn eq(&self, other: &Self) -> bool {
        self.values == other.values && self.flags == other.flags
    }
}

impl<K, T: Eq> Eq for PackedTable<K, T> {}

impl<K, T> Default for PackedTable<K, T> {
    fn default() -> Self {
        Self::new(Vec::new())
    }
}

impl<K, T> PackedTable<K, T> {
    /// A table holding `values` (element `i` is index `i + K::FIRST`),
    /// without header flags.
    pub fn new(values: Vec<T>) -> Self {
        PackedTable {
            values,
            flags: 0,
            index: PhantomData,
        }
    }
}

impl<K: TableIndex, T: Copy> PackedTable<K, T> {
    /// The entry at `index`, if the table reaches it.
    pub fn get(&self, index: K) -> Option<T> {
        let position = index.into().checked_sub(K::FIRST)?;
        self.values.get(usize::from(position)).copied()
    }

    /// Sets the entry at `index`, growing the table with zeros if needed.
    pub fn set(&mut self, index: K, value: T)
    where
        T: Default,
    {
        let Some(position) = index.into().checked_sub(K::FIRST) else {
            return;
        };
        let position = usize::from(position);
        if self.values.len() <= position {
            self.values.resize(position + 1, T::default());
        }
        self.values[position] = value;
    }

    /// Every entry with its index, named or not (`K::Other(n)`), in order.
    pub fn entries(&self) -> impl Iterator<Item = (K, T)> + '_ {
        self.values.iter().enumerate().filter_map(|(i, value)| {
            let index = u16::try_from(i).ok()?.checked_add(K::FIRST)?;
            Some((K::from(index), *value))
        })
    }
}

/// The zero-copy form of a [`PackedTable`]: reads entries in place.
pub struct PackedTableRef<'a, K, T> {
    bytes: &'a [u8],
    flags: u16,
    element: PhantomData<fn() -> (K, T)>,
}

impl<'a, K, T> Clone for PackedTableRef<'a, K, T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<'a, K, T> Copy for PackedTableRef<'a, K, T> {}

impl<'a, K, T> fmt::Debug for PackedTableRef<'a, K, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PackedTableRef")
            .field("len", &self.bytes.len())
            .field("flags", &self.flags)
            .finish()
    }
}

impl<'a, K: TableIndex, T: StructField> PackedTableRef<'a, K, T> {
    /// Number of entries.
    pub fn len(&self) -> usize {
        self.bytes.len().checked_div(T::SIZE).unwrap_or(0)
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    /// The entry at `index`, if the table reaches it.
    pub fn get(&self, index: K) -> Option<T> {
        let position = usize::from(index.into().checked_sub(K::FIRST)?);
        let start = position.checked_mul(T::SIZE)?;
        let bytes = self.bytes.get(start..start.checked_add(T::SIZE)?)?;
        Some(T::read(bytes))
    }

    /// Every entry with its index, in order.
    pub fn entries(&self) -> impl Iterator<Item = (K, T)> + 'a {
        self.bytes
            .chunks_exact(T::SIZE)
            .enumerate()
            .filter_map(|(i, chunk)| {
                let index = u16::try_from(i).ok()?.checked_add(K::FIRST)?;
                Some((K::from(index), T::read(chunk)))
            })
    }
}

impl<K: TableIndex, T: StructField + Copy> AttrValue for PackedTable<K, T> {
    type Ref<'a> = PackedTableRef<'a, K, T>;

    fn parse_ref<'a>(nla: &Nla<'a>) -> Result<PackedTableRef<'a, K, T>, DecodeError> {
        let bytes = nla.value();
        if T::SIZE == 0 || bytes.len() % T::SIZE != 0 {
            return Err(DecodeError::new(
                nla.offset(),
                DecodeReason::WrongSize {
                    what: K::WHAT,
                    expected: "a multiple of the element size",
                    found: bytes.len(),
                },
            ));
        }
        Ok(PackedTableRef {
            bytes,
            flags: nla.flags(),
            element: PhantomData,
        })
    }

    fn from_ref(value: &PackedTableRef<'_, K, T>) -> Result<Self, DecodeError> {
        Ok(PackedTable {
            values: value.bytes.chunks_exact(T::SIZE).map(T::read).collect(),
            flags: value.flags,
            index: PhantomData,
        })
    }

    fn header_flags(&self) -> u16 {
        self.flags
    }

    fn value_len(&self) -> usize {
        self.values.len() * T::SIZE
    }

    fn emit_value(&self, buf: &mut [u8]) {
        for (value, slot) in self.values.iter().zip(buf.chunks_exact_mut(T::SIZE)) {
            value.write(slot);
        }
    }

    /// Each entry as an attribute numbered by its index and named by it.
    fn describe(&self) -> Described {
        Described::Attributes(
            self.entries()
                .map(|(index, value)| DescribedAttr {
                    number: index.into(),
                    name: index.index_name(),
                    value: value.describe(),
                })
                .collect(),
        )
    }
}
