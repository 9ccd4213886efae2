//! The classed colour scale of the country bars: a threshold scale from a
//! count to one of a few ordered classes, each with a colour of the theme.

/// One class: counts from `min` to `max` inclusive (`max = None`: no upper bound).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ColorClass {
    /// Smallest count in the class.
    pub min: u32,
    /// Largest count in the class, or `None` for the open top class.
    pub max: Option<u32>,
}

impl ColorClass {
    /// The legend label, e.g. `1–9`, `200+`, `1,000–1,999`, each bound
    /// written by `number` (the language's digit grouping).
    pub fn label(&self, number: impl Fn(u32) -> String) -> String {
        let mut label = number(self.min);
        match self.max {
            Some(max) if max == self.min => {}
            Some(max) => {
                label.push('–');
                label.push_str(&number(max));
            }
            None => label.push('+'),
        }
        label
    }

    /// Whether `v` falls in this class.
    pub fn contains(&self, v: u32) -> bool {
        v >= self.min && self.max.is_none_or(|m| v <= m)
    }
}

/// A threshold scale: ordered, non-overlapping classes covering `1..`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColorScale {
    classes: Vec<ColorClass>,
}

impl ColorScale {
    /// Classes starting at each of `lower_bounds` (ascending); the last is open.
    /// Example: `[1, 10, 50, 100, 200]` gives 1–9, 10–49, 50–99, 100–199, 200+.
    pub fn from_lower_bounds(lower_bounds: &[u32]) -> Self {
        // Through the crate's one sort routine (no quicksort of its own).
        let at = |i: usize| lower_bounds.get(i).copied().unwrap_or(0);
        let mut bounds: Vec<u32> = crate::sort::apply(lower_bounds, &crate::sort::by(lower_bounds.len(), &|a, b| at(a).cmp(&at(b))));
        bounds.dedup();
        let classes = bounds.iter().enumerate().map(|(i, &min)| ColorClass { min, max: bounds.get(i + 1).map(|next| next.saturating_sub(1)) }).collect();
        ColorScale { classes }
    }

    /// The classes used for The Mask's country figures (1–9, 10–49, 50–99, 100–199, 200+):
    /// round numbers that put the published figures in every class.
    pub fn careto() -> Self {
        Self::from_lower_bounds(&[1, 10, 50, 100, 200])
    }

    /// The scale of the bars for the published figures `values` of the
    /// campaign on show: [`fit`](Self::fit) with at most 5 classes.
    ///
    /// The article build (wasm without the `custom-campaign` feature) only
    /// ever shows the compiled-in Careto data, whose classes are
    /// [`careto`](Self::careto) (tests/data.rs checks that `fit` gives exactly
    /// them), so it returns those and `fit` is left out of that module.
    pub fn for_values(values: &[u32]) -> Self {
        #[cfg(all(target_arch = "wasm32", not(feature = "custom-campaign")))]
        {
            let _ = values;
            Self::careto()
        }
        #[cfg(not(all(target_arch = "wasm32", not(feature = "custom-campaign"))))]
        {
            Self::fit(values, 5)
        }
    }

    /// Chooses classes for `values`: lower bounds from the ladder 1, 10, 50,
    /// 100, 200, 500, 1000, 2000, 5000, … up to the largest value, then, while
    /// there are more than `max_classes`, the emptiest class (never the first)
    /// is merged into the one below it.
    pub fn fit(values: &[u32], max_classes: usize) -> Self {
        let top = values.iter().copied().max().unwrap_or(1);
        let mut bounds: Vec<u32> = vec![1, 10, 50];
        let mut magnitude: u32 = 100;
        loop {
            for m in [1, 2, 5] {
                bounds.push(magnitude.saturating_mul(m));
            }
            if magnitude > top / 10 || magnitude >= u32::MAX / 10 {
                break;
            }
            magnitude = magnitude.saturating_mul(10);
        }
        bounds.retain(|b| *b == 1 || *b <= top);
        let max_classes = max_classes.max(1);
        while bounds.len() > max_classes {
            let count = |i: usize| {
                let lo = bounds.get(i).copied().unwrap_or(0);
                let hi = bounds.get(i + 1).copied().unwrap_or(u32::MAX);
                values.iter().filter(|v| **v >= lo && **v < hi).count()
            };
            let emptiest = (1..bounds.len()).min_by_key(|i| count(*i)).unwrap_or(1);
            bounds.remove(emptiest);
        }
        Self::from_lower_bounds(&bounds)
    }

    /// The classes, lowest first.
    pub fn classes(&self) -> &[ColorClass] {
        &self.classes
    }

    /// The index of the class holding `v`, or `None` for 0 (no class: a zero is
    /// not a coloured bar).
    pub fn class_of(&self, v: u32) -> Option<usize> {
        self.classes.iter().position(|c| c.contains(v))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn careto_classes_at_their_edges() {
        let s = ColorScale::careto();
        let cases = [
            (0, None),
            (1, Some(0)),
            (9, Some(0)),
            (10, Some(1)),
            (49, Some(1)),
            (50, Some(2)),
            (99, Some(2)),
            (100, Some(3)),
            (199, Some(3)),
            (200, Some(4)),
            (384, Some(4)),
            (u32::MAX, Some(4)),
        ];
        for (v, class) in cases {
            assert_eq!(s.class_of(v), class, "value {v}");
        }
        let labels: Vec<String> = s.classes().iter().map(|c| c.label(|n| n.to_string())).collect();
        assert_eq!(labels, ["1–9", "10–49", "50–99", "100–199", "200+"]);
    }

    #[test]
    fn fit_keeps_at_most_the_asked_classes() {
        let s = ColorScale::fit(&[384, 137, 109, 53, 51, 33, 26, 22, 3, 3, 1], 5);
        assert!(s.classes().len() <= 5);
        assert_eq!(s, ColorScale::careto(), "the Careto figures get the classes of the brief");
        assert_eq!(s.class_of(1), Some(0));
        assert_eq!(s.class_of(384), Some(s.classes().len() - 1));
        let big = ColorScale::fit(&[5, 50_000], 4);
        assert!(big.classes().len() <= 4);
        assert!(big.class_of(50_000).is_some());
    }
}
