//! The timeline's year axis: a grid line at every year behind the marks,
//! ticks, the axis line, and year labels as often as they fit.

use crate::layout::{Anchor, Paint, Point, Shape, Stroke};
use crate::model::Campaign;
use crate::scale::LinearScale;
use crate::text::{self, Weight};

/// The whole years the axis covers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Years {
    /// The first year (its start).
    pub first: f64,
    /// The end of the last year, at least a year after `first`.
    pub last: f64,
}

impl Years {
    /// Whole years covering the active period and every event.
    pub(super) fn covering(campaign: &Campaign) -> Years {
        let period = &campaign.active_period;
        let mut lo = period.start.bounds().0;
        let mut hi = period.end.bounds().1;
        for e in campaign.events.iter() {
            let (a, b) = super::date_extent(&e.date, e.approximate);
            lo = lo.min(a);
            hi = hi.max(b);
        }
        Years { first: lo.floor(), last: hi.ceil().max(lo.floor() + 1.0) }
    }
}

/// The axis of `years` mapped by `scale`: grid lines from `top` down to the
/// axis at `axis_y`, a tick and (every `step` years, where it fits) a label
/// centred in each year, kept inside the chart's `width`; the axis line last.
pub(super) fn shapes(scale: &LinearScale, years: Years, top: f64, axis_y: f64, width: f64, size: f64) -> Vec<Shape> {
    let (lo, hi) = (years.first, years.last);
    let (x0, x1) = scale.range;
    let y = axis_y;
    let px_per_year = (x1 - x0) / (hi - lo);
    let year_label_w = text::width("2000", size, Weight::Normal) + 6.0;
    let step = [1.0, 2.0, 5.0, 10.0, 20.0, 50.0].into_iter().find(|k| k * px_per_year >= year_label_w).unwrap_or(100.0);
    let mut year = lo;
    let mut grid = Vec::new();
    // Right edge of the last year label drawn: a label pushed inside the
    // chart never lands on its neighbour.
    let mut last_label_right = f64::NEG_INFINITY;
    while year <= hi + 1e-9 {
        let x = scale.map(year);
        grid.push(Shape::Line { from: Point { x, y: top }, to: Point { x, y }, stroke: Stroke { paint: Paint::Grid, width: 1.0, dashed: false } });
        grid.push(Shape::Line { from: Point { x, y }, to: Point { x, y: y + 4.0 }, stroke: Stroke { paint: Paint::Axis, width: 1.0, dashed: false } });
        let text = crate::num::saturating_i64(year).to_string();
        let half = text::width(&text, size, Weight::Normal) / 2.0;
        // Centred in its year, but never past the chart's edges (a year
        // can be narrower than its label: a long time axis on a phone).
        let cx = (x + px_per_year / 2.0).min(width - half).max(half);
        // A multiple of `step` years from the start (no f64 `%`: its fmod costs ~1.5 KB of wasm).
        let steps = ((year - lo) / step).round();
        if year < hi && (year - lo - steps * step).abs() < 1e-9 && cx - half >= last_label_right + 2.0 {
            last_label_right = cx + half;
            grid.push(Shape::Text {
                text,
                at: Point { x: cx, y: y + 6.0 + size * 0.65 },
                anchor: Anchor::CenterMiddle,
                size,
                weight: Weight::Normal,
                paint: Paint::Muted,
            });
        }
        year += 1.0;
    }
    grid.push(Shape::Line { from: Point { x: x0, y }, to: Point { x: x1, y }, stroke: Stroke { paint: Paint::Axis, width: 1.0, dashed: false } });
    grid
}
