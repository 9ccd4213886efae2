//! The crate's one sort routine: a stable merge sort of indices. Every sort
//! goes through [`by`] (or its shorthands [`by_number`] and [`by_text`]), so
//! the wasm holds one sort routine instead of one quicksort per call site
//! (each `sort_by` closure is its own copy, ~2.6 KB). Depends on nothing but
//! `std` (and [`crate::ANY_CAMPAIGN`]): the campaign's own orderings are in [`crate::order`].

use std::cmp::Ordering;

/// Indices `0..keys.len()` in ascending order of `keys`; ties keep index order.
pub fn by_number(keys: &[f64]) -> Vec<usize> {
    let key = |i: usize| keys.get(i).copied().unwrap_or(f64::INFINITY);
    by(keys.len(), &|a, b| key(a).total_cmp(&key(b)))
}

/// Indices `0..keys.len()` in ascending order of `keys`; ties keep index order.
pub fn by_text(keys: &[String]) -> Vec<usize> {
    by(keys.len(), &|a, b| keys.get(a).cmp(&keys.get(b)))
}

/// Indices `0..n` in ascending order of `cmp` (which compares two indices),
/// ties in index order: a stable bottom-up merge sort, O(n log n). One
/// non-generic function taking `&dyn Fn` keeps a single copy in the wasm
/// (~0.4 KB). An order on several keys is written as a comparison
/// (`a.cmp(b).then(…)`), never folded into one number.
pub fn by(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut run: Vec<usize> = (0..n).collect();
    // Already in order (a campaign's events, sorted once as the full build
    // takes them: web/held.rs): one pass, no merging.
    if crate::ANY_CAMPAIGN && (1..n).all(|i| cmp(i, i - 1) != Ordering::Less) {
        return run;
    }
    let mut merged: Vec<usize> = Vec::with_capacity(n);
    let mut width = 1;
    while width < n {
        merged.clear();
        for chunk in run.chunks(width.saturating_mul(2)) {
            let (left, right) = chunk.split_at_checked(width).unwrap_or((chunk, &[]));
            let (mut l, mut r) = (left.iter().copied().peekable(), right.iter().copied().peekable());
            loop {
                // Take from the right only when strictly smaller: stable.
                let next = match (l.peek(), r.peek()) {
                    (Some(&a), Some(&b)) if cmp(b, a) == Ordering::Less => r.next(),
                    (Some(_), _) => l.next(),
                    (None, _) => r.next(),
                };
                match next {
                    Some(i) => merged.push(i),
                    None => break,
                }
            }
        }
        std::mem::swap(&mut run, &mut merged);
        width = width.saturating_mul(2);
    }
    run
}

/// `items` reordered by `order` (indices into `items`).
pub fn apply<T: Clone>(items: &[T], order: &[usize]) -> Vec<T> {
    order.iter().filter_map(|i| items.get(*i).cloned()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orders_are_stable_and_complete() {
        assert_eq!(by_number(&[3.0, 1.0, 2.0, 1.0]), vec![1, 3, 2, 0]);
        assert_eq!(by_text(&["b".into(), "a".into(), "b".into()]), vec![1, 0, 2]);
        assert_eq!(by_number(&[]), Vec::<usize>::new());
        assert_eq!(by_number(&[1.0, 1.0, 2.0, 5.0]), vec![0, 1, 2, 3], "already in order");
        // Longer than a few merge rounds, against the standard library's stable sort.
        let keys: Vec<f64> = (0..1000u32).map(|i| f64::from((i * 7919) % 101)).collect();
        let mut expected: Vec<usize> = (0..keys.len()).collect();
        expected.sort_by(|a, b| keys.get(*a).zip(keys.get(*b)).map_or(std::cmp::Ordering::Equal, |(x, y)| x.total_cmp(y)));
        assert_eq!(by_number(&keys), expected);
        // Two keys, the second breaking ties of the first.
        let pairs = [(2, 'b'), (1, 'z'), (2, 'a'), (1, 'a')];
        let at = |i: usize| pairs.get(i).copied().unwrap_or((0, ' '));
        assert_eq!(by(pairs.len(), &|a, b| at(b).0.cmp(&at(a).0).then(at(a).1.cmp(&at(b).1))), vec![2, 0, 3, 1]);
    }
}
