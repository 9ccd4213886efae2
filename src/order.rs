//! The campaign's orderings: countries by their published figure or by
//! name (as a reader of the language expects), events by date. Each sorts
//! through [`crate::sort`], the crate's one sort routine.

use crate::i18n::sort_key;
use crate::model::{Campaign, Event, Lang};
use crate::sort;

/// The sort keys of `lang`'s names of the countries at `indices`.
fn name_keys(c: &Campaign, indices: &[usize], lang: Lang) -> Vec<String> {
    indices.iter().map(|i| c.countries.get(*i).map(|k| sort_key(k.name.get(lang))).unwrap_or_default()).collect()
}

/// Countries with a published figure as `(index, value)`, largest first;
/// ties in alphabetical order of the language's names.
pub fn published_by_value(c: &Campaign, lang: Lang) -> Vec<(usize, u32)> {
    let published: Vec<(usize, u32)> = c.countries.iter().enumerate().filter_map(|(i, k)| k.count.value().map(|v| (i, v))).collect();
    let indices: Vec<usize> = published.iter().map(|(i, _)| *i).collect();
    let names = name_keys(c, &indices, lang);
    let value = |i: usize| published.get(i).map_or(0, |p| p.1);
    // Larger value first; the name breaks ties.
    let order = sort::by(published.len(), &|a, b| value(b).cmp(&value(a)).then_with(|| names.get(a).cmp(&names.get(b))));
    sort::apply(&published, &order)
}

/// Indices of the countries without a published figure, alphabetically in `lang`.
pub fn unpublished_by_name(c: &Campaign, lang: Lang) -> Vec<usize> {
    let idx: Vec<usize> = c.countries.iter().enumerate().filter(|(_, k)| k.count.value().is_none()).map(|(i, _)| i).collect();
    sort::apply(&idx, &sort::by_text(&name_keys(c, &idx, lang)))
}

/// The events in the order of their start (ties in data order).
pub fn events_by_date(c: &Campaign) -> impl Iterator<Item = &Event> {
    let starts: Vec<f64> = c.events.iter().map(|e| e.date.bounds().0).collect();
    sort::by_number(&starts).into_iter().filter_map(|i| c.events.get(i))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_by_value_then_name_and_the_rest_by_name() {
        let c = crate::data::careto();
        let ranked = published_by_value(&c, Lang::En);
        let values: Vec<u32> = ranked.iter().map(|p| p.1).collect();
        assert_eq!(values, vec![384, 137, 109, 53, 51, 33, 26, 22, 3, 3, 1]);
        let ties: Vec<&str> = ranked.iter().filter(|p| p.1 == 3).filter_map(|p| c.countries.get(p.0)).map(|k| k.name.en.as_ref()).collect();
        assert_eq!(ties, ["Germany", "Tunisia"]);
        assert_eq!(unpublished_by_name(&c, Lang::Es).len(), 20);
        let years: Vec<i32> = events_by_date(&c).map(|e| e.date.year).collect();
        assert!(years.windows(2).all(|w| w.first() <= w.last()), "{years:?}");
    }
}
