//! Hit testing on the map, in the order a reader sees it: a marker's drawn
//! disc first (the nearest when discs overlap), then point-in-polygon
//! through a grid of cells, each listing the polygons whose bounding box
//! meets it (a query looks at one cell: a handful of boxes and at most a
//! few rings), then, outside every affected country's shape, a marker
//! within [`MARKER_HIT_RADIUS`] (the sea or unreported land around a small
//! place). So a marker's tolerance never takes a tap from a country drawn
//! under it (France under Belgium's at 375 px, Morocco under Gibraltar's).

use super::{MapCountry, MapLayout, MARKER_DISC, MARKER_HIT_RADIUS};
use crate::layout::{points_box, Point, Rect, Target};

impl MapLayout {
    /// The country under `(x, y)` CSS px: a marker's disc
    /// ([`MARKER_DISC`]), else the country whose shape holds the point,
    /// else a marker within [`MARKER_HIT_RADIUS`].
    pub fn hit(&self, x: f64, y: f64) -> Option<Target> {
        let slot = self.index.hit(&self.countries, x, y)?;
        self.countries.get(slot).map(|c| Target::Country(c.country))
    }

    /// The same answer as [`MapLayout::hit`] without the index: every
    /// marker, then every polygon (for tests and fuzzing).
    pub fn hit_without_index(&self, x: f64, y: f64) -> Option<Target> {
        if !(x.is_finite() && y.is_finite()) {
            return None;
        }
        let slot = nearest_marker(&self.countries, x, y, MARKER_DISC)
            .or_else(|| self.countries.iter().position(|c| self.bounds().contains(x, y) && c.polygons.iter().any(|p| even_odd(p, x, y))))
            .or_else(|| nearest_marker(&self.countries, x, y, MARKER_HIT_RADIUS))?;
        self.countries.get(slot).map(|c| Target::Country(c.country))
    }
}

/// Cell size, CSS px.
const CELL: f64 = 24.0;

/// The most cells an index has (a 4,096 px map has about 15,000).
const MAX_CELLS: usize = 1 << 16;

/// A polygon in the index: which country (its slot in the layout's list),
/// which polygon, and its box.
#[derive(Debug, Clone, PartialEq)]
struct Entry {
    slot: usize,
    polygon: usize,
    bbox: Rect,
}

/// The spatial index of one map layout.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Index {
    frame: Rect,
    cols: usize,
    rows: usize,
    entries: Vec<Entry>,
    /// Entry numbers per cell, row by row.
    cells: Vec<Vec<usize>>,
}

impl Index {
    /// Indexes the polygons of `countries` inside `frame`.
    pub(crate) fn new(countries: &[MapCountry], frame: Rect) -> Index {
        let dim = |len: f64| {
            let n = (len / CELL).ceil();
            // A finite, non-negative count of cells within a 4,096 px map (NaN and below 1: 1).
            let n = if n.is_finite() && n > 0.0 { usize::try_from(crate::num::saturating_u32(n.min(4096.0))).unwrap_or(1) } else { 1 };
            n.max(1)
        };
        let (cols, rows) = (dim(frame.w), dim(frame.h));
        if cols.saturating_mul(rows) > MAX_CELLS {
            return Index { frame, cols: 1, rows: 1, entries: Vec::new(), cells: vec![Vec::new()] };
        }
        let mut index = Index { frame, cols, rows, entries: Vec::new(), cells: vec![Vec::new(); cols * rows] };
        for (slot, c) in countries.iter().enumerate() {
            for (polygon, rings) in c.polygons.iter().enumerate() {
                let Some(outer) = rings.first() else { continue };
                let bbox = points_box(outer, 0.0);
                let (c0, r0) = index.cell_of(bbox.x, bbox.y);
                let (c1, r1) = index.cell_of(bbox.right(), bbox.bottom());
                let n = index.entries.len();
                for row in r0..=r1 {
                    for col in c0..=c1 {
                        if let Some(cell) = index.cells.get_mut(row * cols + col) {
                            cell.push(n);
                        }
                    }
                }
                index.entries.push(Entry { slot, polygon, bbox });
            }
        }
        index
    }

    /// The cell holding `(x, y)`, clamped to the grid.
    fn cell_of(&self, x: f64, y: f64) -> (usize, usize) {
        let at = |v: f64, n: usize| {
            let i = (v / CELL).floor();
            // Clamped to 0..n-1 (a NaN is 0).
            usize::try_from(crate::num::saturating_u32(i)).unwrap_or(0).min(n.saturating_sub(1))
        };
        (at(x - self.frame.x, self.cols), at(y - self.frame.y, self.rows))
    }

    /// The slot of the country under `(x, y)`.
    pub(crate) fn hit(&self, countries: &[MapCountry], x: f64, y: f64) -> Option<usize> {
        if !(x.is_finite() && y.is_finite()) {
            return None;
        }
        if let Some(slot) = nearest_marker(countries, x, y, MARKER_DISC) {
            return Some(slot);
        }
        self.shape_at(countries, x, y).or_else(|| nearest_marker(countries, x, y, MARKER_HIT_RADIUS))
    }

    /// The slot of the country whose shape holds `(x, y)`.
    fn shape_at(&self, countries: &[MapCountry], x: f64, y: f64) -> Option<usize> {
        if !self.frame.contains(x, y) {
            return None;
        }
        let (col, row) = self.cell_of(x, y);
        let cell = self.cells.get(row * self.cols + col)?;
        cell.iter()
            .filter_map(|n| self.entries.get(*n))
            .filter(|e| on_edge(&e.bbox, x, y))
            .find(|e| countries.get(e.slot).and_then(|c| c.polygons.get(e.polygon)).is_some_and(|rings| even_odd(rings, x, y)))
            .map(|e| e.slot)
    }
}

/// Whether `(x, y)` is in the box, edges included (`Rect::contains` leaves
/// out the right and bottom edges; a point on them may still be inside a
/// ring that touches them).
fn on_edge(r: &Rect, x: f64, y: f64) -> bool {
    x >= r.x && x <= r.right() && y >= r.y && y <= r.bottom()
}

/// The nearest marker within `radius` of `(x, y)`.
pub(crate) fn nearest_marker(countries: &[MapCountry], x: f64, y: f64, radius: f64) -> Option<usize> {
    let mut best: Option<(f64, usize)> = None;
    for (slot, c) in countries.iter().enumerate() {
        if let Some(m) = c.marker {
            let d = super::place::distance(m, Point { x, y });
            if d <= radius && best.is_none_or(|b| d < b.0) {
                best = Some((d, slot));
            }
        }
    }
    best.map(|b| b.1)
}

/// Whether `(x, y)` is inside `rings` by the even-odd rule (a ring inside
/// another is a hole). Crossings of a ray to the right.
pub fn even_odd(rings: &[Vec<Point>], x: f64, y: f64) -> bool {
    let mut inside = false;
    for ring in rings {
        for edge in ring.windows(2) {
            let [a, b] = edge else { continue };
            if (a.y > y) != (b.y > y) && x < a.x + (y - a.y) * (b.x - a.x) / (b.y - a.y) {
                inside = !inside;
            }
        }
    }
    inside
}
