//! One sort for the whole crate.
//!
//! Every `sort_by`/`sort_by_key` of the standard library is compiled anew
//! for each element type and comparison, about 2 kB of WebAssembly each;
//! the calendar sorted eight ways. Here the standard stable sort is
//! compiled once, over indices with a comparison behind a `&dyn`, and
//! [`sort_by`] and [`sort_by_key`] move the elements into that order.

use std::cmp::Ordering;

/// The indices `0..len` in the order `cmp` gives them (stable).
fn sorted_indices(len: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    order
}

/// Sorts `items` by `cmp`, keeping the order of equal items.
///
/// ```
/// let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c'), (0, 'd')];
/// iguren_calendar::model::order::sort_by(&mut v, |x, y| x.0.cmp(&y.0));
/// assert_eq!(v, [(0, 'd'), (1, 'b'), (2, 'a'), (2, 'c')]);
/// ```
pub fn sort_by<T>(items: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    let order = sorted_indices(items.len(), &|a, b| cmp(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.into_iter().filter_map(|i| slots[i].take()));
}

/// Sorts `items` by a key computed once per item, keeping the order of
/// items with equal keys.
///
/// ```
/// let mut v = vec!["ccc", "a", "bb", "d"];
/// iguren_calendar::model::order::sort_by_key(&mut v, |s| s.len());
/// assert_eq!(v, ["a", "d", "bb", "ccc"]);
/// ```
pub fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    let keys: Vec<K> = items.iter().map(key).collect();
    let order = sorted_indices(items.len(), &|a, b| keys[a].cmp(&keys[b]));
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.into_iter().filter_map(|i| slots[i].take()));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        // A fixed pseudo-random sequence with many equal keys.
        let mut x: u32 = 12345;
        let items: Vec<(u32, usize)> = (0..500)
            .map(|i| {
                x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                ((x >> 16) % 17, i)
            })
            .collect();
        let mut expected = items.clone();
        expected.sort_by_key(|p| p.0);
        let mut a = items.clone();
        sort_by(&mut a, |p, q| p.0.cmp(&q.0));
        assert_eq!(a, expected);
        let mut b = items;
        sort_by_key(&mut b, |p| p.0);
        assert_eq!(b, expected);
    }

    #[test]
    fn empty_and_single() {
        let mut e: Vec<u8> = Vec::new();
        sort_by_key(&mut e, |&v| v);
        assert!(e.is_empty());
        let mut one = vec![7];
        sort_by(&mut one, |a, b| b.cmp(a));
        assert_eq!(one, [7]);
    }
}
