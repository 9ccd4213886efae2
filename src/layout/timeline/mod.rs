//! The timeline: a year axis, the active period as a span, and each event as
//! a mark whose width is the period its date names (a day is a dot, a month
//! or a year a bar across it; an approximate date a dashed, wider bar),
//! labelled beside the mark (or, when neither side has room, under it in the
//! next lane, joined to it by a short line, nothing else between them) in
//! lanes so that no two labels overlap.
//!
//! [`TimelineLayout::new`] puts the parts together: the active period's span
//! (here), the events and their labels (`events.rs`), the lanes they go in
//! (`lanes.rs`) and the year axis (`axis.rs`).

mod axis;
mod events;
mod lanes;

pub use events::{EventMark, MAX_EVENTS_DRAWN};

use super::{
    foot_height, hit_sorted, lines_block, max_height, Anchor, Frame, Header, HitBox, Paint, Point, Rect, Scene, Shape, Stroke, Target, MAX_SOURCE_LINES,
    MORE_LINES, RING_GAP,
};
use crate::i18n::{fill, format_date, strings};
use crate::model::{Campaign, EventDate, Lang};
use crate::scale::LinearScale;
use crate::text::{self, Weight};

/// The laid-out timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineLayout {
    /// What to draw.
    pub scene: Scene,
    /// Fractional years → x.
    pub scale: LinearScale,
    /// The active-period span.
    pub period: Rect,
    /// The active period's keyboard item: its span and label (for the ring).
    pub period_item: Rect,
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

/// The height of a lane of events (CSS px).
const LANE_H: f64 = 22.0;
/// The height of a month's or year's bar.
const MARK_H: f64 = 10.0;
/// The radius of a day's dot.
const DOT_R: f64 = 5.0;
/// The height of the active period's span.
const SPAN_H: f64 = 22.0;

impl TimelineLayout {
    /// Lays out the timeline of `campaign` at `width` CSS px in `lang`: the
    /// title and legend, the active period's span, the events in their lanes,
    /// the year axis behind them, and the source line.
    pub fn new(campaign: &Campaign, width: f64, lang: Lang) -> TimelineLayout {
        TimelineLayout::with_header(campaign, width, lang, Header::Full)
    }

    /// [`TimelineLayout::new`], with its header or without ([`Header::Plain`]).
    pub fn with_header(campaign: &Campaign, width: f64, lang: Lang, header: Header) -> TimelineLayout {
        let Frame { width, metrics: m, x0, x1, mut scene } = Frame::new(width);
        let s = strings(lang);
        let inner = x1 - x0;

        let title = fill(s.timeline_title, &[("name", campaign.name.get(lang))]);
        let mut y = super::header_block(&mut scene, header, campaign, lang, [&title, s.timeline_subtitle], (x0, inner), 8.0, &m);
        y = legend(&mut scene, s, x0, x1, y + 8.0, m.subtitle);

        let years = axis::Years::covering(campaign);
        let scale = LinearScale::new((years.first, years.last), (x0, x1));
        let span_top = y + 10.0;
        let span = period_span(campaign, &scale, span_top, (x0, x1), m.label, lang);
        let lanes_top = span_top + (span.height + 8.0);
        // Lanes end where the axis and the foot still fit under them in the
        // tallest canvas a browser draws; events placed below are not drawn.
        let source = text::wrap_at_most(campaign.timeline_source_line.get(lang), m.small, Weight::Normal, inner, MAX_SOURCE_LINES);
        let axis_h = 4.0 + 6.0 + m.small * 1.3;
        let room = max_height(width) - foot_height(source.len(), 10.0, &m) - axis_h - lanes_top;
        // Whole lanes that fit, at least one.
        let max_lanes = usize::try_from(crate::num::saturating_u32((room / LANE_H).floor().max(1.0))).unwrap_or(1);
        let events = events::place(campaign, &scale, lanes_top, (x0, x1), m.label, lang, max_lanes);
        let axis_y = lanes_top + crate::num::count_f64(events.lanes) * LANE_H + 4.0;
        // Back to front: the year grid, the span and its label, the events.
        scene.shapes.extend(axis::shapes(&scale, years, span_top, axis_y, width, m.small));
        scene.shapes.extend(span.shapes);
        scene.shapes.extend(events.shapes);
        y = axis_y + (6.0 + m.small * 1.3);

        // (The Mask's 11 events always fit: the drawing kernels leave the line out.)
        if crate::ANY_CAMPAIGN && events.hidden > 0 {
            let more = fill(s.more_events, &[("n", &crate::i18n::format_count(u32::try_from(events.hidden).unwrap_or(u32::MAX), lang))]);
            let more = text::wrap_at_most(&more, m.small, Weight::Normal, inner, MORE_LINES);
            y = lines_block(&mut scene, more, x0, y + 8.0, m.small, Weight::Normal, Paint::Muted);
        }
        y = lines_block(&mut scene, source, x0, y + 10.0, m.small, Weight::Normal, Paint::Muted);
        Frame::finish(&mut scene, y, m.pad);
        // The period's words are hit as its span is (its label may run past it).
        let mut hits = vec![HitBox { rect: span.item, target: Target::ActivePeriod }];
        hits.extend(events.hits);
        let hits = super::sort_by_top(hits);
        TimelineLayout { scene, scale, period: span.rect, period_item: span.item, marks: events.marks, hits, hidden: events.hidden }
    }

    /// The items in keyboard order: the active period, then each event by
    /// date, its box spanning its mark and its label (the two lanes of a
    /// label under its mark); each box reaches [`RING_GAP`] beyond them on
    /// each side (for the focus ring).
    pub fn items(&self) -> Vec<HitBox> {
        let events = self.marks.iter().map(|m| {
            let x0 = m.mark.x.min(m.label.x) - RING_GAP;
            let x1 = m.mark.right().max(m.label.right()) + RING_GAP;
            let y0 = m.label.y.min(m.mark.center().y - LANE_H / 2.0);
            HitBox { rect: Rect { x: x0, y: y0, w: x1 - x0, h: m.label.bottom() - y0 }, target: Target::Event(m.event) }
        });
        std::iter::once(HitBox { rect: self.period_item, target: Target::ActivePeriod }).chain(events).collect()
    }

    /// The item under `(x, y)` CSS px, if any.
    pub fn hit(&self, x: f64, y: f64) -> Option<Target> {
        hit_sorted(&self.hits, x, y)
    }
}

/// The active period as drawn: its span and the span with its label.
struct PeriodSpan {
    /// The span, from the period's start to its end.
    rect: Rect,
    /// Its keyboard item's box: the span and its label, and [`RING_GAP`].
    item: Rect,
    /// From the top of the label or span to the span's bottom.
    height: f64,
    /// The span and its label, in drawing order.
    shapes: Vec<Shape>,
}

/// The active period's span from `top`, labelled inside it when the label
/// fits there, else right of it, else on a line of its own above it from
/// the chart's left edge `x0` (never over the span, on which only the
/// inside label's colour reads: `GrayText` under `CanvasText` is 1.5:1 in
/// forced colours); where the label is wider than the chart (a phone), its
/// words on one line and its dates on the next, so that both stay whole
/// ("Activa hasta el inicio del apagado:" / "2007 – enero de 2014" at 320
/// px, not "Activa hasta el inicio del…: 2007 – enero de 2014"). A line
/// wider than the chart by itself is cut at the right edge `x1`.
fn period_span(campaign: &Campaign, scale: &LinearScale, top: f64, (x0, x1): (f64, f64), size: f64, lang: Lang) -> PeriodSpan {
    let period = &campaign.active_period;
    let (start, end) = (scale.map(period.start.bounds().0), scale.map(period.end.bounds().1));
    let words = period.label.get(lang);
    let label = format!("{words}: {} – {}", format_date(&period.start, false, lang), format_date(&period.end, false, lang));
    let label_w = text::width(&label, size, Weight::Bold);
    let inside = label_w + 12.0 <= end - start;
    let beside = !inside && end + 6.0 + label_w <= x1;
    // On two lines: "{words}:" and "{dates}".
    let two = !(inside || beside) && label_w > x1 - x0;
    let n = words.len() + 1;
    let (a, b) = if two { (label.get(..n).unwrap_or(""), label.get(n + 1..).unwrap_or("")) } else { (label.as_str(), "") };
    let lines: &[&str] = if two { &[a, b] } else { &[a] };
    let line_h = (size * 1.5).round();
    let above = if inside || beside { 0.0 } else { line_h * if two { 2.0 } else { 1.0 } };
    let rect = Rect { x: start, y: top + above, w: end - start, h: SPAN_H };
    let (lx, mid) = if inside {
        (rect.x + 6.0, rect.y + SPAN_H / 2.0)
    } else if beside {
        (rect.right() + 6.0, rect.y + SPAN_H / 2.0)
    } else {
        (x0, top + line_h / 2.0)
    };
    let paint = if inside { Paint::OnSpan } else { Paint::Text };
    let mut shapes = vec![Shape::Rect { rect, fill: Some(Paint::Span), stroke: None }];
    let mut right = rect.right();
    for (i, line) in lines.iter().enumerate() {
        let text = text::truncate(line, size, Weight::Bold, x1 - lx);
        let at = Point { x: lx, y: mid + line_h * crate::num::count_f64(i) };
        let line_right = lx + text::width(&text, size, Weight::Bold);
        right = right.max(line_right);
        if !inside {
            shapes.push(knock_out(lx, line_right, at.y, size));
        }
        shapes.push(Shape::Text { text, at, anchor: Anchor::LeftMiddle, size, weight: Weight::Bold, paint });
    }
    let left = rect.x.min(lx);
    let height = above + SPAN_H;
    PeriodSpan { rect, item: Rect { x: left - RING_GAP, y: top, w: right - left + 2.0 * RING_GAP, h: height }, height, shapes }
}

/// The background behind a label from `left` to `right` on the line `mid`
/// (text `size` px), drawn over the year grid: the grid's lines go behind
/// the words, not through them (in forced colours they are `GrayText`, as
/// strong as the text).
fn knock_out(left: f64, right: f64, mid: f64, size: f64) -> Shape {
    Shape::Rect { rect: Rect { x: left - 2.0, y: mid - size * 0.6, w: right - left + 4.0, h: size * 1.2 }, fill: Some(Paint::Background), stroke: None }
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
