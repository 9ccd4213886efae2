//! Layout: from a campaign and a width to a [`Scene`] (what to draw, in CSS
//! pixels) and hit boxes (what is where, for hover and keyboard).
//!
//! Conventions: x right, y down, origin top-left, units CSS pixels. Colours
//! are named by role ([`Paint`]) and resolved by the theme at render time, so
//! a theme switch needs no new layout.

pub mod bars;
#[cfg(careto_map)]
mod hatch;
mod legend;
#[cfg(careto_map)]
pub mod map;
mod scene;
pub mod timeline;

pub use bars::BarsLayout;
pub use scene::{points_box, Anchor, Paint, Point, Rect, Scene, Shape, Stroke};
pub use timeline::TimelineLayout;

use crate::text::Weight;

/// What a hit box stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A country, by its index in `Campaign::countries`.
    Country(usize),
    /// An event, by its index in `Campaign::events`.
    Event(usize),
    /// The campaign's active period.
    ActivePeriod,
}

/// A region of the chart that stands for one item.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HitBox {
    /// Where, in CSS pixels.
    pub rect: Rect,
    /// What.
    pub target: Target,
}

/// Sizes that follow the chart's width: narrower charts get smaller type.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Metrics {
    /// Outer padding.
    pub pad: f64,
    /// Title size.
    pub title: f64,
    /// Subtitle and legend size.
    pub subtitle: f64,
    /// Label size.
    pub label: f64,
    /// Source line and axis size.
    pub small: f64,
}

impl Metrics {
    /// The metrics for a chart `width` CSS px wide.
    pub fn for_width(width: f64) -> Metrics {
        if width < 480.0 {
            Metrics { pad: 8.0, title: 16.0, subtitle: 13.0, label: 12.0, small: 11.0 }
        } else {
            Metrics { pad: 12.0, title: 19.0, subtitle: 14.0, label: 13.0, small: 12.0 }
        }
    }
}

/// The narrowest and widest chart laid out; other widths are clamped.
pub const WIDTH_RANGE: (f64, f64) = (280.0, 4096.0);

/// Clamps a requested width into [`WIDTH_RANGE`] (NaN gives the minimum).
pub fn clamp_width(width: f64) -> f64 {
    if width.is_nan() {
        WIDTH_RANGE.0
    } else {
        width.clamp(WIDTH_RANGE.0, WIDTH_RANGE.1)
    }
}

/// Adds wrapped text lines at `y` (top), returning the y below them.
#[allow(clippy::too_many_arguments)]
pub(crate) fn text_block(scene: &mut Scene, text: &str, x: f64, y: f64, max_width: f64, size: f64, weight: Weight, paint: Paint) -> f64 {
    let line_height = (size * 1.3).round();
    let mut y = y;
    for line in crate::text::wrap(text, size, weight, max_width) {
        scene.shapes.push(Shape::Text { text: line, at: Point { x, y: y + line_height / 2.0 }, anchor: Anchor::LeftMiddle, size, weight, paint });
        y += line_height;
    }
    y
}

/// Hit boxes ordered by top edge, then left edge.
pub(crate) fn sort_by_top(boxes: Vec<HitBox>) -> Vec<HitBox> {
    let keys: Vec<f64> = boxes.iter().map(|b| b.rect.y * 1.0e5 + b.rect.x).collect();
    crate::order::apply(&boxes, &crate::order::by_number(&keys))
}

/// No hit box is taller than this (CSS px): a bar's row, a row of names, an
/// event's lane and the period span are all about 20 px. Hit testing relies
/// on it; the layout tests and the fuzz target check every box against it.
pub const MAX_HIT_BOX_HEIGHT: f64 = 100.0;

/// Finds the hit box under `(x, y)` among boxes sorted by their top edge.
/// Binary search on rows, then a scan back over the boxes that start less
/// than [`MAX_HIT_BOX_HEIGHT`] above `y`: the cost grows with log n plus the
/// boxes of one band of rows, not with n.
pub(crate) fn hit_sorted(boxes: &[HitBox], x: f64, y: f64) -> Option<Target> {
    // Boxes whose top is <= y; one whose top is MAX_HIT_BOX_HEIGHT or more
    // above y cannot reach y. (No fixed count of boxes: one row can hold
    // hundreds of names, and a count of 64 missed the first names of a long row.)
    let end = boxes.partition_point(|b| b.rect.y <= y);
    boxes.get(..end)?.iter().rev().take_while(|b| b.rect.y > y - MAX_HIT_BOX_HEIGHT).find(|b| b.rect.contains(x, y)).map(|b| b.target)
}
