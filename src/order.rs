//! Ordering: every sort in the crate goes through [`by_number`] or
//! [`by_text`], which share one small merge sort (`sort_indices`), so the
//! wasm holds one sort routine instead of one quicksort per call site (each
//! `sort_by` closure is its own copy, ~2.6 KB).

use crate::model::{Campaign, Lang};
use std::cmp::Ordering;

/// Indices `0..keys.len()` in ascending order of `keys`; ties keep index order.
pub fn by_number(keys: &[f64]) -> Vec<usize> {
    let key = |i: usize| keys.get(i).copied().unwrap_or(f64::INFINITY);
    sort_indices(keys.len(), &|a, b| key(a).total_cmp(&key(b)))
}

/// Indices `0..keys.len()` in ascending order of `keys`; ties keep index order.
pub fn by_text(keys: &[String]) -> Vec<usize> {
    sort_indices(keys.len(), &|a, b| keys.get(a).cmp(&keys.get(b)))
}

/// The one sort routine of the crate: indices `0..n` in ascending order of
/// `cmp`, ties in index order (a stable bottom-up merge sort, O(n log n)).
/// One non-generic function taking `&dyn Fn` keeps a single copy in the wasm
/// (~0.4 KB) where each `sort_unstable_by` closure was its own ~2.6 KB quicksort.
fn sort_indices(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut run: Vec<usize> = (0..n).collect();
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

/// Countries with a published figure as `(index, value)`, largest first;
/// ties in alphabetical order of the language's names.
pub fn published_by_value(c: &Campaign, lang: Lang) -> Vec<(usize, u32)> {
    let published: Vec<(usize, u32)> = c.countries.iter().enumerate().filter_map(|(i, k)| k.count.value().map(|v| (i, v))).collect();
    let names: Vec<String> = published.iter().map(|(i, _)| c.countries.get(*i).map(|k| crate::i18n::sort_key(k.name.get(lang))).unwrap_or_default()).collect();
    let name_rank = by_text(&names);
    let mut rank = vec![0.0; published.len()];
    for (r, i) in name_rank.iter().enumerate() {
        if let Some(slot) = rank.get_mut(*i) {
            *slot = r as f64;
        }
    }
    // Larger value first; the name rank (< len) breaks ties.
    let width = (published.len() + 1) as f64;
    let keys: Vec<f64> = published.iter().zip(&rank).map(|((_, v), r)| -f64::from(*v) * width + r).collect();
    apply(&published, &by_number(&keys))
}

/// Indices of the countries without a published figure, alphabetically in `lang`.
pub fn unpublished_by_name(c: &Campaign, lang: Lang) -> Vec<usize> {
    let idx: Vec<usize> = c.countries.iter().enumerate().filter(|(_, k)| k.count.value().is_none()).map(|(i, _)| i).collect();
    let names: Vec<String> = idx.iter().map(|i| c.countries.get(*i).map(|k| crate::i18n::sort_key(k.name.get(lang))).unwrap_or_default()).collect();
    apply(&idx, &by_text(&names))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orders_are_stable_and_complete() {
        assert_eq!(by_number(&[3.0, 1.0, 2.0, 1.0]), vec![1, 3, 2, 0]);
        assert_eq!(by_text(&["b".into(), "a".into(), "b".into()]), vec![1, 0, 2]);
        assert_eq!(by_number(&[]), Vec::<usize>::new());
        // Longer than a few merge rounds, against the standard library's stable sort.
        let keys: Vec<f64> = (0..1000u32).map(|i| f64::from((i * 7919) % 101)).collect();
        let mut expected: Vec<usize> = (0..keys.len()).collect();
        expected.sort_by(|a, b| keys.get(*a).zip(keys.get(*b)).map_or(std::cmp::Ordering::Equal, |(x, y)| x.total_cmp(y)));
        assert_eq!(by_number(&keys), expected);
        let c = crate::data::careto();
        let ranked = published_by_value(&c, Lang::En);
        let values: Vec<u32> = ranked.iter().map(|p| p.1).collect();
        assert_eq!(values, vec![384, 137, 109, 53, 51, 33, 26, 22, 3, 3, 1]);
        let ties: Vec<&str> = ranked.iter().filter(|p| p.1 == 3).filter_map(|p| c.countries.get(p.0)).map(|k| k.name.en.as_ref()).collect();
        assert_eq!(ties, ["Germany", "Tunisia"]);
        assert_eq!(unpublished_by_name(&c, Lang::Es).len(), 20);
    }
}
