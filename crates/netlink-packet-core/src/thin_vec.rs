//! [`ThinVec`]: a vector that is one pointer while empty, for the lists that
//! every decoded value carries and that are almost always empty (bytes a
//! newer kernel appended to a structure, a message's decode errors).

use std::fmt;
use std::ops::Deref;

/// A vector that is one pointer and no allocation while empty (a `Vec` is
/// three words). Reads as a slice; empty always compares equal to empty.
// A boxed `Vec` on purpose: one pointer when empty.
#[allow(clippy::box_collection)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct ThinVec<T>(Option<Box<Vec<T>>>);

impl<T> ThinVec<T> {
    /// Nothing.
    pub const fn new() -> Self {
        ThinVec(None)
    }

    /// Adds an item at the end.
    pub fn push(&mut self, item: T) {
        self.0.get_or_insert_with(Box::default).push(item);
    }

    /// The items.
    pub fn as_slice(&self) -> &[T] {
        self.0.as_deref().map_or(&[], Vec::as_slice)
    }
}

impl<T> Default for ThinVec<T> {
    fn default() -> Self {
        ThinVec::new()
    }
}

impl<T> Deref for ThinVec<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        self.as_slice()
    }
}

impl<T> From<Vec<T>> for ThinVec<T> {
    fn from(items: Vec<T>) -> Self {
        // Empty is always `None`, so that empty compares equal to empty.
        ThinVec((!items.is_empty()).then(|| Box::new(items)))
    }
}

impl<T: Clone> From<&[T]> for ThinVec<T> {
    fn from(items: &[T]) -> Self {
        items.to_vec().into()
    }
}

impl<'a, T> IntoIterator for &'a ThinVec<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.as_slice().iter()
    }
}

impl<T: fmt::Debug> fmt::Debug for ThinVec<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.as_slice().fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_thin_vec_is_one_pointer_and_reads_as_a_slice() {
        assert_eq!(
            std::mem::size_of::<ThinVec<u64>>(),
            std::mem::size_of::<usize>()
        );
        let mut items = ThinVec::new();
        assert!(items.is_empty());
        assert_eq!(items, ThinVec::from(Vec::new()));
        items.push(4);
        items.push(8);
        assert_eq!(items.iter().copied().collect::<Vec<_>>(), [4, 8]);
        assert_eq!(items, ThinVec::from(&[4, 8][..]));
        assert_eq!(format!("{items:?}"), "[4, 8]");
    }
}
