//! Label lanes: the rows the timeline's events are placed in so that no two
//! overlap (first fit, in O(log n) per event).

/// The least space (CSS px) between two extents in a lane.
pub(super) const GAP: f64 = 10.0;

/// Label lanes: each event goes in the first lane where its extent (mark and
/// label) is at least `GAP` from every extent already there: first fit, as a
/// scan of every lane and every extent would place it, but without that
/// scan's quadratic cost (5,000 events took ~60 ms natively, in ~2,300 lanes,
/// ~1,400 of them with room left).
///
/// Events come in date order and an extent starts at or before its mark, so
/// every extent already placed usually starts left of the new extent's right
/// edge + `GAP`. Then an extent fits in a lane exactly when it starts at least
/// `GAP` right of the lane's right-most edge, and the first such lane is found
/// in a min-tree of right edges (log n). When that does not hold (an extent
/// placed earlier starts further right), the lane's extents are checked one
/// by one, lane by lane, as before.
pub(super) struct Lanes {
    /// Each lane's extents, sorted by left edge (within a lane they never overlap).
    spans: Vec<Vec<(f64, f64)>>,
    /// Min-tree over lanes of each lane's right-most edge: leaves from
    /// `leaves`, `-inf` for lanes not opened yet.
    tree: Vec<f64>,
    leaves: usize,
    /// The right-most left edge of every extent placed.
    max_start: f64,
}

impl Lanes {
    /// Room for `n` events (at most `n` lanes).
    pub(super) fn new(n: usize) -> Lanes {
        let leaves = n.max(1).next_power_of_two();
        Lanes { spans: Vec::new(), tree: vec![f64::NEG_INFINITY; 2 * leaves], leaves, max_start: f64::NEG_INFINITY }
    }

    /// How many lanes are used.
    pub(super) fn count(&self) -> usize {
        self.spans.len()
    }

    /// Puts `extent` in the first lane where it fits, opening a new lane if
    /// none does; returns the lane.
    pub(super) fn place(&mut self, extent: (f64, f64)) -> usize {
        let fits_right_of = |edge: f64| extent.0 >= edge + GAP;
        let lane = if self.max_start < extent.1 + GAP {
            // Every extent placed starts left of extent.1 + GAP: only right edges matter.
            self.first_leaf(fits_right_of)
        } else {
            self.spans.iter().position(|spans| fits(spans, extent)).unwrap_or(self.spans.len())
        };
        let lane = lane.min(self.spans.len());
        self.insert(lane, extent);
        lane
    }

    /// Puts `extent` in the first lane where it fits in that lane and in the
    /// lane under it, and takes it in both (a mark with its label under it:
    /// the two rows' stretch from the mark to the label is theirs alone, so
    /// no other mark or label comes between them); returns the upper lane.
    /// Rare, so a plain scan.
    pub(super) fn place_two(&mut self, extent: (f64, f64)) -> usize {
        let free = |spans: &[Vec<(f64, f64)>], lane: usize| spans.get(lane).is_none_or(|s| fits(s, extent));
        let lane = (0..=self.spans.len()).find(|&l| free(&self.spans, l) && free(&self.spans, l + 1)).unwrap_or(self.spans.len());
        self.insert(lane, extent);
        self.insert(lane + 1, extent);
        lane
    }

    /// Adds `extent` to lane `lane`, opening lanes up to it.
    fn insert(&mut self, lane: usize, extent: (f64, f64)) {
        while self.spans.len() <= lane {
            self.spans.push(Vec::new());
        }
        if let Some(spans) = self.spans.get_mut(lane) {
            let at = spans.partition_point(|s| s.0 < extent.0);
            spans.insert(at, extent);
        }
        self.max_start = self.max_start.max(extent.0);
        self.raise(lane, extent.1);
    }

    /// The leftmost lane whose right-most edge passes `ok` (monotone: true up to some edge).
    fn first_leaf(&self, ok: impl Fn(f64) -> bool) -> usize {
        let mut node = 1;
        if !self.tree.get(node).is_some_and(|&m| ok(m)) {
            return self.leaves;
        }
        while node < self.leaves {
            let left = 2 * node;
            node = if self.tree.get(left).is_some_and(|&m| ok(m)) { left } else { left + 1 };
        }
        node - self.leaves
    }

    /// Lane `lane`'s right-most edge becomes at least `edge`.
    fn raise(&mut self, lane: usize, edge: f64) {
        let mut node = self.leaves + lane;
        let Some(leaf) = self.tree.get_mut(node) else { return };
        *leaf = leaf.max(edge);
        while node > 1 {
            node /= 2;
            let (l, r) = (self.tree.get(2 * node).copied(), self.tree.get(2 * node + 1).copied());
            if let (Some(slot), Some(l), Some(r)) = (self.tree.get_mut(node), l, r) {
                *slot = l.min(r);
            }
        }
    }
}

/// Whether `e` is at least `GAP` from every extent of a lane (sorted, disjoint).
fn fits(spans: &[(f64, f64)], e: (f64, f64)) -> bool {
    // Extents starting at or after e's right edge + GAP are far enough; of the
    // others, the last one reaches furthest right (disjoint and sorted by left
    // edge, they are sorted by right edge too).
    let before = spans.partition_point(|s| s.0 < e.1 + GAP);
    match before.checked_sub(1).and_then(|i| spans.get(i)) {
        Some(s) => e.0 >= s.1 + GAP,
        None => true,
    }
}

#[cfg(test)]
mod tests {
    use super::{Lanes, GAP};

    /// The first-fit scan `Lanes` replaces: every lane, every extent.
    fn naive(extents: &[(f64, f64)]) -> Vec<usize> {
        let mut lanes: Vec<Vec<(f64, f64)>> = Vec::new();
        extents
            .iter()
            .map(|&e| {
                let lane = lanes.iter().position(|spans| spans.iter().all(|(s0, s1)| e.0 >= s1 + GAP || e.1 + GAP <= *s0)).unwrap_or(lanes.len());
                if lane == lanes.len() {
                    lanes.push(Vec::new());
                }
                if let Some(l) = lanes.get_mut(lane) {
                    l.push(e);
                }
                lane
            })
            .collect()
    }

    #[test]
    fn lanes_place_exactly_as_the_first_fit_scan() {
        let mut seed = 7u64;
        // Uniform in 0..n, as a float (n is small: exact).
        let mut rand = move |n: u32| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            f64::from(u32::try_from((seed >> 33) % u64::from(n)).unwrap_or(0))
        };
        for round in 0..60 {
            let n = 1 + usize::try_from(crate::num::saturating_u32(rand(400))).unwrap_or(0);
            // Marks mostly in date order (as the timeline places them), labels left or right,
            // and in every third round any order at all (the fallback path).
            let mut x = 0.0;
            let extents: Vec<(f64, f64)> = (0..n)
                .map(|_| {
                    x += rand(30) / 3.0;
                    let mark = if round % 3 == 0 { rand(900) } else { x - rand(6) };
                    let label = 8.0 + rand(250);
                    if rand(4) < 1.0 {
                        (mark - 5.0 - label, mark + 8.0)
                    } else {
                        (mark, mark + 8.0 + 5.0 + label)
                    }
                })
                .collect();
            let mut lanes = Lanes::new(extents.len());
            let fast: Vec<usize> = extents.iter().map(|&e| lanes.place(e)).collect();
            assert_eq!(fast, naive(&extents), "round {round}");
        }
    }
}
