//! The timeline: a year axis, the active period as a span, and each event as
//! a mark whose width is the period its date names (a day is a dot, a month
//! or a year a bar across it; an approximate date a dashed, wider bar),
//! labelled beside the mark (or, when a wide mark leaves no room on either
//! side, under it in the next lane) in lanes so that no two labels overlap.

use super::{
    clamp_width, foot_height, hit_sorted, lines_block, max_height, text_block, Anchor, HitBox, Metrics, Paint, Point, Rect, Scene, Shape, Stroke, Target,
    MAX_SOURCE_LINES, MORE_LINES,
};
use crate::i18n::{fill, format_date, strings};
use crate::model::{Campaign, EventDate, Lang, Precision, Status};
use crate::scale::LinearScale;
use crate::text::{self, Weight};

/// Where one event is drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct EventMark {
    /// Index into `Campaign::events`.
    pub event: usize,
    /// The mark (dot or bar).
    pub mark: Rect,
    /// The label's box.
    pub label: Rect,
    /// The lane (row) the mark sits in, 0 at the top. The label is beside
    /// the mark in the same lane or, when it fits on neither side, in the
    /// lane below, under the mark (see `label`).
    pub lane: usize,
}

/// The laid-out timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineLayout {
    /// What to draw.
    pub scene: Scene,
    /// Fractional years → x.
    pub scale: LinearScale,
    /// The active-period span.
    pub period: Rect,
    /// Events, in date order.
    pub marks: Vec<EventMark>,
    /// Hit boxes sorted by top edge.
    pub hits: Vec<HitBox>,
    /// Events not drawn, their lanes below the tallest canvas a browser
    /// draws ([`super::max_height`]): counted in an "…and N more" line.
    pub hidden: usize,
}

/// The time extent a date covers on the axis; approximate dates are widened
/// by half their unit on each side.
pub fn date_extent(date: &EventDate, approximate: bool) -> (f64, f64) {
    let (lo, hi) = date.bounds();
    if approximate {
        let half = (hi - lo) / 2.0;
        (lo - half, hi + half)
    } else {
        (lo, hi)
    }
}

const LANE_H: f64 = 22.0;
const MARK_H: f64 = 10.0;
const DOT_R: f64 = 5.0;
const GAP: f64 = 10.0;
const MIN_BAR: f64 = 8.0;

impl TimelineLayout {
    /// Lays out the timeline of `campaign` at `width` CSS px in `lang`.
    pub fn new(campaign: &Campaign, width: f64, lang: Lang) -> TimelineLayout {
        let width = clamp_width(width);
        let m = Metrics::for_width(width);
        let s = strings(lang);
        let x0 = m.pad;
        let x1 = width - m.pad;
        let inner = x1 - x0;
        let mut scene = Scene { width, height: 0.0, shapes: Vec::new() };
        scene.shapes.push(Shape::Rect { rect: Rect { x: 0.0, y: 0.0, w: width, h: 0.0 }, fill: Some(Paint::Background), stroke: None });

        let title = fill(s.timeline_title, &[("name", campaign.name.get(lang))]);
        let mut y = text_block(&mut scene, &title, x0, m.pad, inner, m.title, Weight::Bold, Paint::Text);
        y = text_block(&mut scene, s.timeline_subtitle, x0, y + 2.0, inner, m.subtitle, Weight::Normal, Paint::Muted);

        // Legend.
        y += 8.0;
        y = legend(&mut scene, s, x0, x1, y, m.subtitle);

        // Time domain: whole years covering the period and every event.
        let period = &campaign.active_period;
        let mut lo = period.start.bounds().0;
        let mut hi = period.end.bounds().1;
        for e in campaign.events.iter() {
            let (a, b) = date_extent(&e.date, e.approximate);
            lo = lo.min(a);
            hi = hi.max(b);
        }
        let (lo, hi) = (lo.floor(), hi.ceil().max(lo.floor() + 1.0));
        let scale = LinearScale::new((lo, hi), (x0, x1));

        // Active period span.
        y += 10.0;
        let span_h = 22.0;
        let span = Rect { x: scale.map(period.start.bounds().0), y, w: scale.map(period.end.bounds().1) - scale.map(period.start.bounds().0), h: span_h };
        let grid_top = y;
        scene.shapes.push(Shape::Rect { rect: span, fill: Some(Paint::Span), stroke: None });
        let span_label = format!("{}: {} – {}", period.label.get(lang), format_date(&period.start, false, lang), format_date(&period.end, false, lang));
        let span_label_w = text::width(&span_label, m.label, Weight::Bold);
        let (lx, anchor) = if span_label_w + 12.0 <= span.w {
            (span.x + 6.0, Anchor::LeftMiddle)
        } else if span.right() + 6.0 + span_label_w <= x1 {
            (span.right() + 6.0, Anchor::LeftMiddle)
        } else {
            (x0, Anchor::LeftMiddle)
        };
        let span_label = text::truncate(&span_label, m.label, Weight::Bold, x1 - lx);
        scene.shapes.push(Shape::Text {
            text: span_label,
            at: Point { x: lx, y: y + span_h / 2.0 },
            anchor,
            size: m.label,
            weight: Weight::Bold,
            paint: Paint::Text,
        });
        let mut hits = vec![HitBox { rect: span, target: Target::ActivePeriod }];
        y += span_h + 8.0;

        // Events in date order, each in the first lane where it overlaps nothing.
        let starts: Vec<f64> = campaign.events.iter().map(|e| date_extent(&e.date, e.approximate).0).collect();
        let order = crate::order::by_number(&starts);
        let lanes_top = y;
        // Lanes end where the axis and the foot still fit under them in the
        // tallest canvas a browser draws; events placed below are not drawn.
        let source = text::wrap_at_most(campaign.timeline_source_line.get(lang), m.small, Weight::Normal, inner, MAX_SOURCE_LINES);
        let axis_h = 4.0 + 6.0 + m.small * 1.3;
        let room = max_height(width) - foot_height(source.len(), 10.0, &m) - axis_h - lanes_top;
        // Whole lanes that fit: room / LANE_H, at least one.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let max_lanes = (room / LANE_H).floor().max(1.0) as usize;
        let mut hidden = 0;
        // At most two lanes per event (a label below its mark), plus one.
        let mut lanes = Lanes::new(2 * order.len() + 1);
        let mut marks = Vec::with_capacity(order.len());
        let mut shapes = Vec::new();
        for i in order {
            let Some(e) = campaign.events.get(i) else { continue };
            let is_dot = e.date.precision() == Precision::Day && !e.approximate;
            let (mx0, mx1) = mark_x(e, &scale);
            // The label goes right of the mark if it fits there, else left if it
            // fits there, else on the roomier side, shortened. The status tag
            // ("(alleged)") is never cut: only the label before it is.
            let tag = s.status_tag(e.status).map(|t| format!(" ({t})")).unwrap_or_default();
            let full = format!("{}{tag}", e.label.get(lang));
            let full_w = text::width(&full, m.label, Weight::Normal);
            let room_right = x1 - (mx1 + 5.0);
            let room_left = (mx0 - 5.0) - x0;
            let anchor_right = full_w > room_right && (full_w <= room_left || room_left > room_right);
            let room = if anchor_right { room_left } else { room_right };
            let tag_w = text::width(&tag, m.label, Weight::Normal);
            let fit = |room: f64| {
                if full_w <= room {
                    full.clone()
                } else {
                    format!("{}{tag}", text::truncate(e.label.get(lang), m.label, Weight::Normal, room - tag_w))
                }
            };
            let (label, lw) = if full_w <= room {
                (full.clone(), full_w)
            } else {
                let label = fit(room);
                let lw = text::width(&label, m.label, Weight::Normal);
                (label, lw)
            };
            // A mark so wide (a year-long event on a short time axis, on a
            // phone) that the label, even shortened, does not fit on either
            // side: the label goes in the lane below its mark, centred under
            // it and kept inside the chart, rather than past the chart's edge.
            let below = lw > room + 1e-9;
            let (label, lw) = if below {
                let label = fit(inner);
                let lw = text::width(&label, m.label, Weight::Normal);
                (label, lw)
            } else {
                (label, lw)
            };
            let label_x0 = if below {
                ((mx0 + mx1) / 2.0 - lw / 2.0).min(x1 - lw).max(x0)
            } else if anchor_right {
                mx0 - 5.0 - lw
            } else {
                mx1 + 5.0
            };
            let label_extent = (label_x0, label_x0 + lw);
            let extent = if below { (mx0, mx1) } else { (mx0.min(label_x0), mx1.max(label_x0 + lw)) };
            let lane = if below { lanes.place_above(extent, label_extent) } else { lanes.place(extent) };
            if lane + usize::from(below) >= max_lanes {
                // Placed (so that the lanes above are as they would be), not drawn.
                hidden += 1;
                continue;
            }
            let mid = lanes_top + lane as f64 * LANE_H + LANE_H / 2.0;
            let label_mid = if below { mid + LANE_H } else { mid };
            let paint = if e.status == Status::Reported { Paint::Reported } else { Paint::Alleged };
            let mark = if is_dot {
                Rect { x: mx0, y: mid - DOT_R, w: 2.0 * DOT_R, h: 2.0 * DOT_R }
            } else {
                Rect { x: mx0, y: mid - MARK_H / 2.0, w: mx1 - mx0, h: MARK_H }
            };
            let center = mark.center();
            // Colour and a text tag say how well established the claim is.
            let (fill_paint, outline) = if e.approximate { (None, Some(Stroke { paint, width: 1.5, dashed: true })) } else { (Some(paint), None) };
            if is_dot {
                shapes.push(Shape::Circle { center, radius: DOT_R, fill: fill_paint, stroke: outline });
            } else {
                shapes.push(Shape::Rect { rect: mark, fill: fill_paint, stroke: outline });
            }
            let text_paint = if e.status == Status::Reported { Paint::Text } else { Paint::Alleged };
            let (at_x, anchor) = if anchor_right && !below { (label_x0 + lw, Anchor::RightMiddle) } else { (label_x0, Anchor::LeftMiddle) };
            shapes.push(Shape::Text { text: label, at: Point { x: at_x, y: label_mid }, anchor, size: m.label, weight: Weight::Normal, paint: text_paint });
            let label_rect = Rect { x: label_x0, y: label_mid - LANE_H / 2.0, w: lw, h: LANE_H };
            let row = Rect { x: extent.0, y: mid - LANE_H / 2.0, w: extent.1 - extent.0, h: LANE_H };
            hits.push(HitBox { rect: row, target: Target::Event(i) });
            if below {
                hits.push(HitBox { rect: label_rect, target: Target::Event(i) });
            }
            marks.push(EventMark { event: i, mark, label: label_rect, lane });
        }
        y = lanes_top + lanes.count().min(max_lanes) as f64 * LANE_H + 4.0;

        // Year grid (behind the marks) and axis.
        let px_per_year = (x1 - x0) / (hi - lo);
        let year_label_w = text::width("2000", m.small, Weight::Normal) + 6.0;
        let step = [1.0, 2.0, 5.0, 10.0, 20.0, 50.0].into_iter().find(|k| k * px_per_year >= year_label_w).unwrap_or(100.0);
        let mut year = lo;
        let mut grid = Vec::new();
        // Right edge of the last year label drawn: a label pushed inside the
        // chart never lands on its neighbour.
        let mut last_label_right = f64::NEG_INFINITY;
        while year <= hi + 1e-9 {
            let x = scale.map(year);
            grid.push(Shape::Line { from: Point { x, y: grid_top }, to: Point { x, y }, stroke: Stroke { paint: Paint::Grid, width: 1.0, dashed: false } });
            grid.push(Shape::Line { from: Point { x, y }, to: Point { x, y: y + 4.0 }, stroke: Stroke { paint: Paint::Axis, width: 1.0, dashed: false } });
            let whole = year as i64;
            let text = whole.to_string();
            let half = text::width(&text, m.small, Weight::Normal) / 2.0;
            // Centred in its year, but never past the chart's edges (a year
            // can be narrower than its label: a long time axis on a phone).
            let cx = (x + px_per_year / 2.0).min(width - half).max(half);
            // A multiple of `step` years from the start (no f64 `%`: its fmod costs ~1.5 KB of wasm).
            let steps = ((year - lo) / step).round();
            if year < hi && (year - lo - steps * step).abs() < 1e-9 && cx - half >= last_label_right + 2.0 {
                last_label_right = cx + half;
                grid.push(Shape::Text {
                    text,
                    at: Point { x: cx, y: y + 6.0 + m.small * 0.65 },
                    anchor: Anchor::CenterMiddle,
                    size: m.small,
                    weight: Weight::Normal,
                    paint: Paint::Muted,
                });
            }
            year += 1.0;
        }
        grid.push(Shape::Line { from: Point { x: x0, y }, to: Point { x: x1, y }, stroke: Stroke { paint: Paint::Axis, width: 1.0, dashed: false } });
        // Grid first (back), then the span label over it again, then marks.
        let span_shapes: Vec<Shape> = scene.shapes.drain(scene.shapes.len().saturating_sub(2)..).collect();
        scene.shapes.extend(grid);
        scene.shapes.extend(span_shapes);
        scene.shapes.extend(shapes);
        y += 6.0 + m.small * 1.3;

        if hidden > 0 {
            let more = fill(s.more_events, &[("n", &crate::i18n::format_count(u32::try_from(hidden).unwrap_or(u32::MAX), lang))]);
            let more = text::wrap_at_most(&more, m.small, Weight::Normal, inner, MORE_LINES);
            y = lines_block(&mut scene, more, x0, y + 8.0, m.small, Weight::Normal, Paint::Muted);
        }
        y = lines_block(&mut scene, source, x0, y + 10.0, m.small, Weight::Normal, Paint::Muted);
        let height = (y + m.pad).ceil();
        scene.height = height;
        if let Some(Shape::Rect { rect, .. }) = scene.shapes.first_mut() {
            rect.h = height;
        }
        let hits = super::sort_by_top(hits);
        TimelineLayout { scene, scale, period: span, marks, hits, hidden }
    }

    /// The item under `(x, y)` CSS px, if any.
    pub fn hit(&self, x: f64, y: f64) -> Option<Target> {
        hit_sorted(&self.hits, x, y)
    }
}

/// Draws the mark legend from `y`; returns the y below it.
fn legend(scene: &mut Scene, s: &crate::i18n::Strings, x0: f64, x1: f64, y: f64, size: f64) -> f64 {
    let line_h = (size * 1.5).round();
    let glyph_w = 16.0;
    let items = [s.legend_day, s.legend_period, s.legend_approximate, s.legend_alleged];
    let mut x = x0;
    let mut y = y;
    for (k, label) in items.iter().enumerate() {
        let w = glyph_w + 5.0 + text::width(label, size, Weight::Normal);
        if x > x0 && x + w > x1 {
            x = x0;
            y += line_h;
        }
        let mid = y + line_h / 2.0;
        let c = Point { x: x + glyph_w / 2.0, y: mid };
        let mark = Rect { x, y: mid - MARK_H / 2.0, w: glyph_w, h: MARK_H };
        scene.shapes.push(match k {
            0 => Shape::Circle { center: c, radius: DOT_R, fill: Some(Paint::Reported), stroke: None },
            1 => Shape::Rect { rect: mark, fill: Some(Paint::Reported), stroke: None },
            2 => Shape::Rect { rect: mark, fill: None, stroke: Some(Stroke { paint: Paint::Reported, width: 1.5, dashed: true }) },
            _ => Shape::Rect { rect: Rect { x: x + 3.0, y: mid - 5.0, w: 10.0, h: 10.0 }, fill: Some(Paint::Alleged), stroke: None },
        });
        scene.shapes.push(Shape::Text {
            text: (*label).to_string(),
            at: Point { x: x + glyph_w + 5.0, y: mid },
            anchor: Anchor::LeftMiddle,
            size,
            weight: Weight::Normal,
            paint: Paint::Text,
        });
        x += w + 14.0;
    }
    y + line_h
}

/// The x extent of an event's mark: its shape says how precise the date is,
/// a dot for a day, a bar across the month or year (at least `MIN_BAR` wide),
/// an outline when approximate.
fn mark_x(e: &crate::model::Event, scale: &LinearScale) -> (f64, f64) {
    let (a, b) = date_extent(&e.date, e.approximate);
    let (p0, p1) = (scale.map(a), scale.map(b));
    if e.date.precision() == Precision::Day && !e.approximate {
        let c = (p0 + p1) / 2.0;
        (c - DOT_R, c + DOT_R)
    } else if p1 - p0 < MIN_BAR {
        let c = (p0 + p1) / 2.0;
        (c - MIN_BAR / 2.0, c + MIN_BAR / 2.0)
    } else {
        (p0, p1)
    }
}

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
struct Lanes {
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
    fn new(n: usize) -> Lanes {
        let leaves = n.max(1).next_power_of_two();
        Lanes { spans: Vec::new(), tree: vec![f64::NEG_INFINITY; 2 * leaves], leaves, max_start: f64::NEG_INFINITY }
    }

    /// How many lanes are used.
    fn count(&self) -> usize {
        self.spans.len()
    }

    /// Puts `extent` in the first lane where it fits, opening a new lane if
    /// none does; returns the lane.
    fn place(&mut self, extent: (f64, f64)) -> usize {
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

    /// Puts `extent` in the first lane where it fits while `below` fits in
    /// the lane under it (a label too wide for its mark's row); returns the
    /// lane of `extent`. Rare, so a plain scan.
    fn place_above(&mut self, extent: (f64, f64), below: (f64, f64)) -> usize {
        let free = |spans: &[Vec<(f64, f64)>], lane: usize, e: (f64, f64)| spans.get(lane).is_none_or(|s| fits(s, e));
        let lane = (0..=self.spans.len()).find(|&l| free(&self.spans, l, extent) && free(&self.spans, l + 1, below)).unwrap_or(self.spans.len());
        self.insert(lane, extent);
        self.insert(lane + 1, below);
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
        let mut rand = move |n: u64| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) % n
        };
        for round in 0..60 {
            let n = 1 + rand(400) as usize;
            // Marks mostly in date order (as the timeline places them), labels left or right,
            // and in every third round any order at all (the fallback path).
            let mut x = 0.0;
            let extents: Vec<(f64, f64)> = (0..n)
                .map(|_| {
                    x += rand(30) as f64 / 3.0;
                    let mark = if round % 3 == 0 { rand(900) as f64 } else { x - rand(6) as f64 };
                    let label = 8.0 + rand(250) as f64;
                    if rand(4) == 0 {
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
